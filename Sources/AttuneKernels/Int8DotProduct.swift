/// Dot product of two int8 vectors with an int32 sum, 16 lanes at a time: the 16-bit products
/// (|q·q| ≤ 16,129 fits) are summed pairwise into eight 32-bit lanes, the shape x86 `pmaddwd` and
/// AArch64 `smull`+`sadalp` compute. Exact: integer arithmetic, identical on every architecture.
/// The scalar reference is `int8DotProductReference`.
@inlinable
public func int8DotProduct(_ a: UnsafePointer<Int8>, _ b: UnsafePointer<Int8>, count: Int) -> Int32 {
    var accumulator = SIMD8<Int32>(repeating: 0)
    var index = 0
    let rawA = UnsafeRawPointer(a)
    let rawB = UnsafeRawPointer(b)
    while index &+ 16 <= count {
        let va = SIMD16<Int16>(truncatingIfNeeded: rawA.loadUnaligned(fromByteOffset: index, as: SIMD16<Int8>.self))
        let vb = SIMD16<Int16>(truncatingIfNeeded: rawB.loadUnaligned(fromByteOffset: index, as: SIMD16<Int8>.self))
        let products = va &* vb
        accumulator &+= SIMD8<Int32>(truncatingIfNeeded: products.evenHalf) &+ SIMD8<Int32>(truncatingIfNeeded: products.oddHalf)
        index &+= 16
    }
    var sum = accumulator.wrappedSum()
    while index < count {
        sum &+= Int32(a[index]) &* Int32(b[index])
        index &+= 1
    }
    return sum
}

/// The obviously correct int8 dot product.
public func int8DotProductReference(_ a: UnsafePointer<Int8>, _ b: UnsafePointer<Int8>, count: Int) -> Int32 {
    var sum: Int32 = 0
    for index in 0..<count { sum += Int32(a[index]) * Int32(b[index]) }
    return sum
}
