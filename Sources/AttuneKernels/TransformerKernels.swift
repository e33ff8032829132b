/// The float kernels of a BERT encoder around its int8 matrix products: softmax, layer norm, GELU,
/// mean pooling and L2 normalisation. Each reduction runs in `SIMD8<Float>` lanes (no FMA, so x86-64
/// and AArch64 give the same bits) and has a scalar reference beside it.

/// In place over each of `rows` rows of `columns`: x ← e^(x - max) / Σ e^(x - max), eight columns at a
/// time through `kernelExpNonPositive` (x - max ≤ 0); a tail of fewer than eight is padded, and its
/// padding lanes are left out of the sum.
@inlinable
public func softmaxRows(_ values: UnsafeMutablePointer<Float>, rows: Int, columns: Int) {
    for row in 0..<rows {
        let x = values + row &* columns
        let raw = UnsafeMutableRawPointer(x)
        var largest = -Float.infinity
        for column in 0..<columns where x[column] > largest { largest = x[column] }
        let shift = SIMD8<Float>(repeating: largest)
        var sums = SIMD8<Float>(repeating: 0)
        var column = 0
        while column &+ 8 <= columns {
            let e = kernelExpNonPositive(raw.loadUnaligned(fromByteOffset: column &* 4, as: SIMD8<Float>.self) - shift)
            raw.storeBytes(of: e, toByteOffset: column &* 4, as: SIMD8<Float>.self)
            sums += e
            column &+= 8
        }
        if column < columns {
            var tail = SIMD8<Float>(repeating: 0)
            for lane in 0..<(columns &- column) { tail[lane] = x[column &+ lane] - largest }
            let e = kernelExpNonPositive(tail)
            for lane in 0..<(columns &- column) {
                x[column &+ lane] = e[lane]
                sums[lane] += e[lane]
            }
        }
        let inverse = 1 / sums.sum()
        for column in 0..<columns { x[column] *= inverse }
    }
}

/// In place: x ← 0.5 · x · (1 + erf(x / √2)), the exact GELU (BERT's "gelu"), eight values at a time
/// (a tail of fewer than eight goes through the same vector code, padded with zeros).
@inlinable
public func geluInPlace(_ values: UnsafeMutablePointer<Float>, count: Int) {
    @inline(__always) func gelu(_ x: SIMD8<Float>) -> SIMD8<Float> { 0.5 * x * (1 + kernelErf(x * 0.70710677)) }
    let raw = UnsafeMutableRawPointer(values)
    var index = 0
    while index &+ 8 <= count {
        raw.storeBytes(of: gelu(raw.loadUnaligned(fromByteOffset: index &* 4, as: SIMD8<Float>.self)), toByteOffset: index &* 4, as: SIMD8<Float>.self)
        index &+= 8
    }
    if index < count {
        var tail = SIMD8<Float>(repeating: 0)
        for lane in 0..<(count &- index) { tail[lane] = values[index &+ lane] }
        tail = gelu(tail)
        for lane in 0..<(count &- index) { values[index &+ lane] = tail[lane] }
    }
}

/// The scalar GELU the vector one is tested against.
public func geluReference(_ x: Float) -> Float { 0.5 * x * (1 + kernelErf(x * 0.70710677)) }

/// Sum of `count` floats in eight lanes, reduced in a fixed order.
@inlinable
func laneSum(_ x: UnsafePointer<Float>, count: Int, transform: (SIMD8<Float>) -> SIMD8<Float>, scalar: (Float) -> Float) -> Float {
    var accumulator = SIMD8<Float>(repeating: 0)
    var index = 0
    let raw = UnsafeRawPointer(x)
    while index &+ 8 <= count {
        accumulator += transform(raw.loadUnaligned(fromByteOffset: index &* 4, as: SIMD8<Float>.self))
        index &+= 8
    }
    var sum = accumulator.sum()
    while index < count {
        sum += scalar(x[index])
        index &+= 1
    }
    return sum
}

/// In place over each row: x ← (x - mean) / √(variance + ε) · γ + β, with the biased variance
/// (as PyTorch's LayerNorm).
@inlinable
public func layerNormRows(
    _ values: UnsafeMutablePointer<Float>, rows: Int, columns: Int,
    gamma: UnsafePointer<Float>, beta: UnsafePointer<Float>, epsilon: Float
) {
    for row in 0..<rows {
        let x = values + row &* columns
        let mean = laneSum(x, count: columns, transform: { $0 }, scalar: { $0 }) / Float(columns)
        let variance = laneSum(x, count: columns, transform: { ($0 - mean) * ($0 - mean) }, scalar: { ($0 - mean) * ($0 - mean) }) / Float(columns)
        let inverse = 1 / (variance + epsilon).squareRoot()
        for column in 0..<columns { x[column] = (x[column] - mean) * inverse * gamma[column] + beta[column] }
    }
}

/// result[c] = mean over the `rows` rows of values[r, c].
@inlinable
public func meanPoolRows(_ values: UnsafePointer<Float>, rows: Int, columns: Int, into result: UnsafeMutablePointer<Float>) {
    result.update(repeating: 0, count: columns)
    for row in 0..<rows {
        let x = values + row &* columns
        var column = 0
        while column &+ 8 <= columns {
            let sum = UnsafeRawPointer(result).loadUnaligned(fromByteOffset: column &* 4, as: SIMD8<Float>.self)
                + UnsafeRawPointer(x).loadUnaligned(fromByteOffset: column &* 4, as: SIMD8<Float>.self)
            UnsafeMutableRawPointer(result).storeBytes(of: sum, toByteOffset: column &* 4, as: SIMD8<Float>.self)
            column &+= 8
        }
        while column < columns {
            result[column] += x[column]
            column &+= 1
        }
    }
    let inverse = 1 / Float(max(rows, 1))
    for column in 0..<columns { result[column] *= inverse }
}

/// In place: x ← x / max(‖x‖₂, 10⁻¹²) (sentence-transformers' Normalize).
@inlinable
public func l2NormalizeInPlace(_ values: UnsafeMutablePointer<Float>, count: Int) {
    let norm = laneSum(values, count: count, transform: { $0 * $0 }, scalar: { $0 * $0 }).squareRoot()
    let inverse = 1 / max(norm, 1e-12)
    for index in 0..<count { values[index] *= inverse }
}

// MARK: - Scalar references

public func layerNormRowsReference(
    _ values: UnsafeMutablePointer<Float>, rows: Int, columns: Int,
    gamma: UnsafePointer<Float>, beta: UnsafePointer<Float>, epsilon: Float
) {
    for row in 0..<rows {
        let x = values + row * columns
        var mean: Double = 0
        for column in 0..<columns { mean += Double(x[column]) }
        mean /= Double(columns)
        var variance: Double = 0
        for column in 0..<columns { variance += (Double(x[column]) - mean) * (Double(x[column]) - mean) }
        variance /= Double(columns)
        for column in 0..<columns {
            x[column] = Float((Double(x[column]) - mean) / (variance + Double(epsilon)).squareRoot() * Double(gamma[column]) + Double(beta[column]))
        }
    }
}

public func meanPoolRowsReference(_ values: UnsafePointer<Float>, rows: Int, columns: Int, into result: UnsafeMutablePointer<Float>) {
    for column in 0..<columns {
        var sum: Double = 0
        for row in 0..<rows { sum += Double(values[row * columns + column]) }
        result[column] = Float(sum / Double(max(rows, 1)))
    }
}

public func l2NormalizeReference(_ values: UnsafeMutablePointer<Float>, count: Int) {
    var sum: Double = 0
    for index in 0..<count { sum += Double(values[index]) * Double(values[index]) }
    let norm = max(sum.squareRoot(), 1e-12)
    for index in 0..<count { values[index] = Float(Double(values[index]) / norm) }
}
