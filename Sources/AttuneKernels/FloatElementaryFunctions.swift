/// exp and erf for the encoder's softmax and GELU, written here rather than taken from libm so that
/// `AttuneKernels` needs no C library (it builds with Embedded Swift for bare aarch64) and gives the
/// same bits on every architecture (only IEEE adds, multiplies and divides, never fused).

/// e^x with a relative error below 2 · 10⁻⁷: x = k·ln 2 + r with |r| ≤ ln 2 / 2 (ln 2 split in two
/// parts so k·ln 2 is exact), e^r by its degree-7 Taylor polynomial (truncation < 3 · 10⁻⁹), then
/// scaled by 2^k through the exponent field. Underflows to 0 below -87.3, saturates above 88.7.
@inlinable
public func kernelExp(_ x: Float) -> Float {
    if x < -87.33654 { return 0 }
    if x > 88.72283 { return .greatestFiniteMagnitude }
    let k = (x * 1.442695).rounded()
    let r = (x - k * 0.693145751953125) - k * 1.4286068e-06
    let p = expTaylorPolynomial(SIMD8(repeating: r))[0]
    let exponent = Int(k)
    if exponent < -126 {
        // Subnormal results: scale in two steps so the exponent field stays in range.
        return Float(sign: .plus, exponent: exponent + 64, significand: p) * Float(sign: .plus, exponent: -64, significand: 1)
    }
    return Float(sign: .plus, exponent: exponent, significand: p)
}

/// erf(x) by Abramowitz & Stegun, Handbook of Mathematical Functions, formula 7.1.26
/// (absolute error ≤ 1.5 · 10⁻⁷ in exact arithmetic; 4.1 · 10⁻⁷ measured in Float), odd-symmetric.
@inlinable
public func kernelErf(_ x: Float) -> Float {
    let a = x.magnitude
    let t = 1 / (1 + 0.3275911 * a)
    var p: Float = 1.061405429
    p = p * t - 1.453152027
    p = p * t + 1.421413741
    p = p * t - 0.284496736
    p = p * t + 0.254829592
    let y = 1 - p * t * kernelExp(-a * a)
    return x < 0 ? -y : y
}

/// e^r for |r| ≤ ln 2 / 2 by its degree-7 Taylor polynomial (Horner), shared by both exps (the scalar
/// one, now used only by references, evaluates it in one lane).
@inlinable @inline(__always)
public func expTaylorPolynomial(_ r: SIMD8<Float>) -> SIMD8<Float> {
    var p = SIMD8<Float>(repeating: 1.0 / 5040)
    p = p * r + 1.0 / 720
    p = p * r + 1.0 / 120
    p = p * r + 1.0 / 24
    p = p * r + 1.0 / 6
    p = p * r + 0.5
    p = p * r + 1
    return p * r + 1
}

/// e^x for eight x ≤ 0 at once, the same method as `kernelExp` written with only lane-wise float
/// arithmetic and bit operations, so it compiles to straight vector code (the scalar version's
/// branches and `Float(sign:exponent:significand:)` keep the GELU loop scalar). k is rounded to
/// nearest-even by the 1.5 · 2²³ trick instead of away from zero; either keeps |r| ≤ ln 2 / 2. Inputs
/// below -87.33654 are raised to it (e^-87.33654 ≈ 1.2 · 10⁻³⁸, the smallest normal float).
@inlinable @inline(__always)
public func kernelExpNonPositive(_ x: SIMD8<Float>) -> SIMD8<Float> {
    let clamped = x.replacing(with: -87.33654, where: x .< -87.33654)
    let magic: Float = 12_582_912  // 1.5 · 2²³: adding it leaves round(y) in the low mantissa bits
    let shifted = clamped * 1.442695 + magic
    let k = shifted - magic
    let r = (clamped - k * 0.693145751953125) - k * 1.4286068e-06
    let p = expTaylorPolynomial(r)
    // 2^k from its exponent field: k ∈ [-126, 0] here, so k + 127 is a normal exponent.
    let exponent = unsafeBitCast(shifted, to: SIMD8<Int32>.self) &- 0x4B40_0000 &+ 127
    return p * unsafeBitCast(exponent &<< 23, to: SIMD8<Float>.self)
}

/// `kernelErf` for eight values at once (A&S 7.1.26 with `kernelExpNonPositive`).
@inlinable @inline(__always)
public func kernelErf(_ x: SIMD8<Float>) -> SIMD8<Float> {
    let signBits = unsafeBitCast(x, to: SIMD8<UInt32>.self) & 0x8000_0000
    let a = unsafeBitCast(unsafeBitCast(x, to: SIMD8<UInt32>.self) & 0x7FFF_FFFF, to: SIMD8<Float>.self)
    let t = 1 / (1 + 0.3275911 * a)
    var p = SIMD8<Float>(repeating: 1.061405429)
    p = p * t - 1.453152027
    p = p * t + 1.421413741
    p = p * t - 0.284496736
    p = p * t + 0.254829592
    let y = 1 - p * t * kernelExpNonPositive(-a * a)
    // y ≥ 0, so giving it x's sign bit is erf's odd symmetry.
    return unsafeBitCast(unsafeBitCast(y, to: SIMD8<UInt32>.self) | signBits, to: SIMD8<Float>.self)
}
