/// Dot product of two `Float` buffers of equal length, eight lanes at a time.
///
/// The hot loop of the resampler (and any FIR filter). Written with `SIMD8<Float>` so the
/// compiler emits two NEON `fmla` per step on aarch64 and SSE/AVX `mulps`+`addps` on x86;
/// the lane-wise partial sums are reduced once at the end. On x86-64 the baseline has no FMA, and
/// `addProduct` there lowers to one `fmaf` library call per lane (measured 7× slower), so x86 uses a
/// separate multiply and add; AArch64 always has FMA. The scalar reference is
/// `floatDotProductReference`; the two differ only by float summation order.
@inlinable
public func floatDotProduct(
    _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count: Int
) -> Float {
    var accumulator = SIMD8<Float>(repeating: 0)
    var index = 0
    let rawA = UnsafeRawPointer(a)
    let rawB = UnsafeRawPointer(b)
    while index + 8 <= count {
        let va = rawA.loadUnaligned(fromByteOffset: index &* 4, as: SIMD8<Float>.self)
        let vb = rawB.loadUnaligned(fromByteOffset: index &* 4, as: SIMD8<Float>.self)
        multiplyAdd(&accumulator, va, vb)
        index &+= 8
    }
    var sum = accumulator.sum()
    while index < count {
        sum += a[index] * b[index]
        index &+= 1
    }
    return sum
}

/// output[j] = floatDotProduct(a, b + j · stride, count) for j = 0…3: one filter at four positions of
/// a signal, as a resampler with an integer ratio (48 → 16 kHz) needs for consecutive outputs. Each
/// load of `a` serves four sums, so the filter is read once per four outputs; every sum is added in
/// `floatDotProduct`'s order, so each output is bit-identical to it.
@inlinable
public func floatDotProductsAtFourPositions(
    _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, stride: Int, count: Int,
    into output: UnsafeMutablePointer<Float>
) {
    var s0 = SIMD8<Float>(repeating: 0), s1 = SIMD8<Float>(repeating: 0)
    var s2 = SIMD8<Float>(repeating: 0), s3 = SIMD8<Float>(repeating: 0)
    let rawA = UnsafeRawPointer(a)
    let b0 = UnsafeRawPointer(b), b1 = UnsafeRawPointer(b + stride)
    let b2 = UnsafeRawPointer(b + 2 &* stride), b3 = UnsafeRawPointer(b + 3 &* stride)
    var index = 0
    while index &+ 8 <= count {
        let offset = index &* 4
        let va = rawA.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
        multiplyAdd(&s0, va, b0.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self))
        multiplyAdd(&s1, va, b1.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self))
        multiplyAdd(&s2, va, b2.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self))
        multiplyAdd(&s3, va, b3.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self))
        index &+= 8
    }
    var t0 = s0.sum(), t1 = s1.sum(), t2 = s2.sum(), t3 = s3.sum()
    while index < count {
        let x = a[index]
        t0 += x * b[index]
        t1 += x * b[stride &+ index]
        t2 += x * b[2 &* stride &+ index]
        t3 += x * b[3 &* stride &+ index]
        index &+= 1
    }
    output[0] = t0; output[1] = t1; output[2] = t2; output[3] = t3
}

/// accumulator += a · b lane-wise: one fused `fmla` on aarch64, a separate multiply and add on x86-64
/// (whose baseline has no FMA, where `addProduct` becomes a libm call per lane). Every float kernel
/// accumulates through this.
@inlinable @inline(__always)
public func multiplyAdd(_ accumulator: inout SIMD8<Float>, _ a: SIMD8<Float>, _ b: SIMD8<Float>) {
    #if arch(arm64)
    accumulator.addProduct(a, b)
    #else
    accumulator += a * b
    #endif
}

/// The obviously correct dot product the SIMD path is tested against.
public func floatDotProductReference(
    _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count: Int
) -> Float {
    var sum: Float = 0
    for index in 0..<count { sum += a[index] * b[index] }
    return sum
}
