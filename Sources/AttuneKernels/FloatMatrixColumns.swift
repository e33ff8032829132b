/// y[c][r] = Σ_i W[r][i] · x[c][i] for up to four column vectors x[c] at once: one pass over each
/// weight row serves every column. A small convolution (im2col) or a short batch of frames reads its
/// weights once instead of once per column, which matters when the weights outgrow the L2 cache
/// (Silero's encoder and LSTM hold ~1 MB of them). `floatDotProduct` is the one-column reference.
///
/// - Parameters:
///   - weights: `rows` rows of `width` floats, row-major.
///   - columns: `columnCount` (1…4) vectors of `width` floats, `width` apart.
///   - output: `columnCount` × `rows` results, column-major: output[c * rows + r].
@inlinable
public func floatMatrixTimesColumns(
    _ weights: UnsafePointer<Float>, rows: Int, width: Int,
    _ columns: UnsafePointer<Float>, columnCount: Int,
    into output: UnsafeMutablePointer<Float>
) {
    precondition((1...4).contains(columnCount))
    if columnCount == 1 {
        floatMatrixTimesVector(weights, rows: rows, width: width, columns, into: output)
        return
    }
    // From here on there are at least two columns.
    let rawColumns = UnsafeRawPointer(columns)
    let stride = width &* 4
    for r in 0..<rows {
        let row = UnsafeRawPointer(weights + r &* width)
        var a0 = SIMD8<Float>(repeating: 0), a1 = SIMD8<Float>(repeating: 0)
        var a2 = SIMD8<Float>(repeating: 0), a3 = SIMD8<Float>(repeating: 0)
        var i = 0
        while i &+ 8 <= width {
            let offset = i &* 4
            let w = row.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
            multiplyAdd(&a0, w, rawColumns.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self))
            multiplyAdd(&a1, w, rawColumns.loadUnaligned(fromByteOffset: stride &+ offset, as: SIMD8<Float>.self))
            if columnCount > 2 { multiplyAdd(&a2, w, rawColumns.loadUnaligned(fromByteOffset: 2 &* stride &+ offset, as: SIMD8<Float>.self)) }
            if columnCount > 3 { multiplyAdd(&a3, w, rawColumns.loadUnaligned(fromByteOffset: 3 &* stride &+ offset, as: SIMD8<Float>.self)) }
            i &+= 8
        }
        var s0 = a0.sum(), s1 = a1.sum(), s2 = a2.sum(), s3 = a3.sum()
        while i < width {
            let w = weights[r &* width &+ i]
            s0 += w * columns[i]
            s1 += w * columns[width &+ i]
            if columnCount > 2 { s2 += w * columns[2 &* width &+ i] }
            if columnCount > 3 { s3 += w * columns[3 &* width &+ i] }
            i &+= 1
        }
        output[r] = s0
        output[rows &+ r] = s1
        if columnCount > 2 { output[2 &* rows &+ r] = s2 }
        if columnCount > 3 { output[3 &* rows &+ r] = s3 }
    }
}

/// y[r] = Σ_i W[r][i] · x[i], four rows per pass. With one column, a single accumulator makes every
/// step wait for the previous add (3–4 cycles of latency for 8 multiply-adds); four rows give four
/// independent accumulators that share each load of x, so the adds overlap. Measured on Silero's LSTM
/// (512 × 256) this is what keeps the kernel streaming weights instead of waiting on its own sums.
@inlinable
public func floatMatrixTimesVector(
    _ weights: UnsafePointer<Float>, rows: Int, width: Int,
    _ vector: UnsafePointer<Float>, into output: UnsafeMutablePointer<Float>
) {
    let rawVector = UnsafeRawPointer(vector)
    var r = 0
    while r &+ 4 <= rows {
        let row0 = UnsafeRawPointer(weights + r &* width)
        let rowBytes = width &* 4
        var a0 = SIMD8<Float>(repeating: 0), a1 = SIMD8<Float>(repeating: 0)
        var a2 = SIMD8<Float>(repeating: 0), a3 = SIMD8<Float>(repeating: 0)
        var i = 0
        while i &+ 8 <= width {
            let offset = i &* 4
            let x = rawVector.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
            let w0 = row0.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
            let w1 = row0.loadUnaligned(fromByteOffset: rowBytes &+ offset, as: SIMD8<Float>.self)
            let w2 = row0.loadUnaligned(fromByteOffset: 2 &* rowBytes &+ offset, as: SIMD8<Float>.self)
            let w3 = row0.loadUnaligned(fromByteOffset: 3 &* rowBytes &+ offset, as: SIMD8<Float>.self)
            multiplyAdd(&a0, w0, x); multiplyAdd(&a1, w1, x); multiplyAdd(&a2, w2, x); multiplyAdd(&a3, w3, x)
            i &+= 8
        }
        var s0 = a0.sum(), s1 = a1.sum(), s2 = a2.sum(), s3 = a3.sum()
        while i < width {
            let x = vector[i]
            let base = r &* width &+ i
            s0 += weights[base] * x
            s1 += weights[base &+ width] * x
            s2 += weights[base &+ 2 &* width] * x
            s3 += weights[base &+ 3 &* width] * x
            i &+= 1
        }
        output[r] = s0; output[r &+ 1] = s1; output[r &+ 2] = s2; output[r &+ 3] = s3
        r &+= 4
    }
    while r < rows {
        output[r] = floatDotProduct(weights + r &* width, vector, count: width)
        r &+= 1
    }
}
