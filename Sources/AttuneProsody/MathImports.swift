// AttuneProsody uses libm directly (sin, cos, log2, exp) rather than Foundation, to keep the
// analyser's binary and start-up small on a Pi.
#if canImport(Glibc)
@_exported import Glibc
#elseif canImport(Musl)
@_exported import Musl
#elseif canImport(Darwin)
@_exported import Darwin
#elseif canImport(CEdgeLibc)
@_exported import CEdgeLibc  // the Embedded Swift build for aarch64 (cross/build-edge.sh)
#endif
