/// y[t, n] = s_x[t] · s_w[n] · Σ_k qx[t, k] · qw[n, k] + bias[n] for `tokens` rows of int8 activations
/// against `outputs` rows of int8 weights (layout: Int8Layout.swift). Each weight row is read once
/// per group of four tokens, so the weights stream through the cache once per four tokens; the
/// general matrix-vector product is the `tokens == 1` case (`int8MatrixVector`).
@inlinable
public func int8MatrixMultiply(
    activations: UnsafePointer<Int8>, activationScales: UnsafePointer<Float>, tokens: Int,
    weights: UnsafePointer<Int8>, weightScales: UnsafePointer<Float>, outputs: Int,
    inner: Int, bias: UnsafePointer<Float>?, into result: UnsafeMutablePointer<Float>
) {
    var token = 0
    while token < tokens {
        let group = min(4, tokens &- token)
        for output in 0..<outputs {
            let row = weights + output &* inner
            let scale = weightScales[output]
            let offset = bias?[output] ?? 0
            for member in 0..<group {
                let t = token &+ member
                let sum = int8DotProduct(activations + t &* inner, row, count: inner)
                result[t &* outputs &+ output] = Float(sum) * (activationScales[t] * scale) + offset
            }
        }
        token &+= group
    }
}

/// One token: y[n] = s_x · s_w[n] · Σ_k qx[k] · qw[n, k] + bias[n].
@inlinable
public func int8MatrixVector(
    activation: UnsafePointer<Int8>, activationScale: Float,
    weights: UnsafePointer<Int8>, weightScales: UnsafePointer<Float>, outputs: Int,
    inner: Int, bias: UnsafePointer<Float>?, into result: UnsafeMutablePointer<Float>
) {
    withUnsafePointer(to: activationScale) { scale in
        int8MatrixMultiply(activations: activation, activationScales: scale, tokens: 1, weights: weights, weightScales: weightScales,
                           outputs: outputs, inner: inner, bias: bias, into: result)
    }
}

/// The obviously correct product the fast path is tested against (same float scaling order).
public func int8MatrixMultiplyReference(
    activations: UnsafePointer<Int8>, activationScales: UnsafePointer<Float>, tokens: Int,
    weights: UnsafePointer<Int8>, weightScales: UnsafePointer<Float>, outputs: Int,
    inner: Int, bias: UnsafePointer<Float>?, into result: UnsafeMutablePointer<Float>
) {
    for t in 0..<tokens {
        for n in 0..<outputs {
            var sum: Int32 = 0
            for k in 0..<inner { sum += Int32(activations[t * inner + k]) * Int32(weights[n * inner + k]) }
            result[t * outputs + n] = Float(sum) * (activationScales[t] * weightScales[n]) + (bias?[n] ?? 0)
        }
    }
}
