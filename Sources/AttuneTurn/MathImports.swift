// AttuneTurn's per-frame code (the Silero port, the cues, the detector) uses libm directly (exp, cos,
// log) rather than Foundation, so that it also builds with Embedded Swift for aarch64 (cross/).
// File loading, JSON and the model's location live in the `+File`/`+Loading` files above it.
#if canImport(Glibc)
@_exported import Glibc
#elseif canImport(Musl)
@_exported import Musl
#elseif canImport(Darwin)
@_exported import Darwin
#elseif canImport(CEdgeLibc)
@_exported import CEdgeLibc  // the Embedded Swift build for aarch64 (cross/build-edge.sh)
#endif
