// The edge's C library: Debian's arm64 glibc through cross/edge/CEdgeLibc (Embedded Swift has no
// Glibc overlay, so `errno` and `open` come from two lines of C there).
@_exported import CEdgeLibc

var errno: Int32 { attune_errno() }
