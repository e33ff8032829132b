/// Dot product of two int8 vectors with an int32 sum. Exact: integer arithmetic, identical on every
/// architecture. The scalar reference is `int8DotProductReference`.
///
/// Written as a plain widening product loop on purpose: LLVM's loop vectorizer turns exactly this
/// shape into `pmaddwd` on x86-64, `smull`/`sadalp` on baseline AArch64 and `sdot` with +dotprod
/// (cross/check-kernels.sh checks the last two with objdump). The explicit `SIMD16<Int8>` →
/// `SIMD16<Int16>` widening it replaced compiled to a generic, lane-by-lane stdlib conversion call:
/// 10× slower (measured with `attune bench embed`: 47 ms for a 10-token sentence).
@inlinable
public func int8DotProduct(_ a: UnsafePointer<Int8>, _ b: UnsafePointer<Int8>, count: Int) -> Int32 {
    var sum: Int32 = 0
    for index in 0..<count {
        sum &+= Int32(truncatingIfNeeded: a[index]) &* Int32(truncatingIfNeeded: b[index])
    }
    return sum
}

/// The obviously correct int8 dot product.
public func int8DotProductReference(_ a: UnsafePointer<Int8>, _ b: UnsafePointer<Int8>, count: Int) -> Int32 {
    var sum: Int32 = 0
    for index in 0..<count { sum += Int32(a[index]) * Int32(b[index]) }
    return sum
}
