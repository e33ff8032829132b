/// A float weight matrix packed for `multiply(_:columnCount:into:)`: rows in panels of `panelRows`,
/// each panel's rows interleaved eight floats at a time, then each row's last `width % 8` floats.
///
/// Why packed: a kernel that reads several rows at once from a row-major matrix needs an address per
/// row per step (an `add` before every load on AArch64, and a branch per column when the column count
/// is a run-time value). Silero's encoder and LSTM spent one instruction per multiply-add that way
/// under `cross/count-edge.sh`. With a panel's rows side by side, one pointer walks every row of the
/// panel with immediate offsets, and each kernel is compiled for a fixed column count.
///
/// Panel shapes (`panelRows` × columns = 16 `SIMD8` accumulators, half of AArch64's vector registers,
/// leaving room for the loaded operands):
/// - 8 rows for one column (the LSTM's gates, Silero's last two convolutions);
/// - 2 rows for two to four columns (a convolution's output times).
///
/// Every output is summed in exactly `floatDotProduct`'s order (eight lanes through `multiplyAdd`,
/// `sum()`, then the scalar tail), so results are bit-identical to it on each architecture, and
/// packing a model's weights changes none of its outputs.
public struct FloatRowPanels: Sendable {
    public let rows: Int
    public let width: Int
    public let panelRows: Int
    @usableFromInline let storage: [Float]

    /// Packs `rowMajor` (`rows` rows of `width` floats). `panelRows` is 8 (for one column) or 2 (for
    /// two to four), and must divide `rows`.
    public init(rowMajor: [Float], rows: Int, width: Int, panelRows: Int) {
        precondition(panelRows == 8 || panelRows == 2, "FloatRowPanels: panels of 8 or 2 rows")
        precondition(rows > 0 && width > 0 && rows % panelRows == 0, "FloatRowPanels: \(rows) rows in panels of \(panelRows)")
        precondition(rowMajor.count == rows * width, "FloatRowPanels: \(rowMajor.count) floats for \(rows) × \(width)")
        self.rows = rows
        self.width = width
        self.panelRows = panelRows
        let blocks = width / 8, tail = width % 8
        var packed = [Float](repeating: 0, count: rows * width)
        var index = 0
        for panel in stride(from: 0, to: rows, by: panelRows) {
            for block in 0..<blocks {
                for row in panel..<(panel + panelRows) {
                    for lane in 0..<8 { packed[index] = rowMajor[row * width + block * 8 + lane]; index += 1 }
                }
            }
            for row in panel..<(panel + panelRows) {
                for i in 0..<tail { packed[index] = rowMajor[row * width + blocks * 8 + i]; index += 1 }
            }
        }
        storage = packed
    }

    /// y[c][r] = Σ_i W[r][i] · x[c][i] for `columnCount` column vectors x[c] of `width` floats, `width`
    /// apart; `output` gets `columnCount` × `rows` results, column-major: output[c * rows + r]. One
    /// column needs panels of 8 rows; two to four need panels of 2.
    @inlinable
    public func multiply(_ columns: UnsafePointer<Float>, columnCount: Int, into output: UnsafeMutablePointer<Float>) {
        storage.withUnsafeBufferPointer { packed in
            let weights = packed.baseAddress!
            switch (panelRows, columnCount) {
            case (8, 1): floatEightRowPanelsTimesVector(weights, rows: rows, width: width, columns, into: output)
            case (2, 2): floatTwoRowPanelsTimesColumns(weights, rows: rows, width: width, columns, columnCount: 2, into: output)
            case (2, 3): floatTwoRowPanelsTimesColumns(weights, rows: rows, width: width, columns, columnCount: 3, into: output)
            case (2, 4): floatTwoRowPanelsTimesColumns(weights, rows: rows, width: width, columns, columnCount: 4, into: output)
            default: preconditionFailure("FloatRowPanels: panels of \(panelRows) rows do not take \(columnCount) columns")
            }
        }
    }
}

/// Eight rows per panel, one column: sixteen accumulators, one load of x per step shared by eight rows.
@inlinable
func floatEightRowPanelsTimesVector(
    _ weights: UnsafePointer<Float>, rows: Int, width: Int,
    _ vector: UnsafePointer<Float>, into output: UnsafeMutablePointer<Float>
) {
    let rawVector = UnsafeRawPointer(vector)
    let blocks = width / 8, tail = width % 8
    var panel = 0
    while panel < rows {
        var w = UnsafeRawPointer(weights + panel &* width)
        var a0 = SIMD8<Float>(repeating: 0), a1 = SIMD8<Float>(repeating: 0)
        var a2 = SIMD8<Float>(repeating: 0), a3 = SIMD8<Float>(repeating: 0)
        var a4 = SIMD8<Float>(repeating: 0), a5 = SIMD8<Float>(repeating: 0)
        var a6 = SIMD8<Float>(repeating: 0), a7 = SIMD8<Float>(repeating: 0)
        var x = rawVector
        for _ in 0..<blocks {
            let v = x.loadUnaligned(as: SIMD8<Float>.self)
            multiplyAdd(&a0, w.loadUnaligned(as: SIMD8<Float>.self), v)
            multiplyAdd(&a1, w.loadUnaligned(fromByteOffset: 32, as: SIMD8<Float>.self), v)
            multiplyAdd(&a2, w.loadUnaligned(fromByteOffset: 64, as: SIMD8<Float>.self), v)
            multiplyAdd(&a3, w.loadUnaligned(fromByteOffset: 96, as: SIMD8<Float>.self), v)
            multiplyAdd(&a4, w.loadUnaligned(fromByteOffset: 128, as: SIMD8<Float>.self), v)
            multiplyAdd(&a5, w.loadUnaligned(fromByteOffset: 160, as: SIMD8<Float>.self), v)
            multiplyAdd(&a6, w.loadUnaligned(fromByteOffset: 192, as: SIMD8<Float>.self), v)
            multiplyAdd(&a7, w.loadUnaligned(fromByteOffset: 224, as: SIMD8<Float>.self), v)
            x += 32
            w += 256
        }
        let t = w.assumingMemoryBound(to: Float.self), xt = vector + blocks &* 8
        output[panel] = floatTailSum(a0.sum(), t, xt, count: tail)
        output[panel &+ 1] = floatTailSum(a1.sum(), t + tail, xt, count: tail)
        output[panel &+ 2] = floatTailSum(a2.sum(), t + 2 &* tail, xt, count: tail)
        output[panel &+ 3] = floatTailSum(a3.sum(), t + 3 &* tail, xt, count: tail)
        output[panel &+ 4] = floatTailSum(a4.sum(), t + 4 &* tail, xt, count: tail)
        output[panel &+ 5] = floatTailSum(a5.sum(), t + 5 &* tail, xt, count: tail)
        output[panel &+ 6] = floatTailSum(a6.sum(), t + 6 &* tail, xt, count: tail)
        output[panel &+ 7] = floatTailSum(a7.sum(), t + 7 &* tail, xt, count: tail)
        panel &+= 8
    }
}

/// Two rows per panel, `columnCount` (2…4, a constant at each call) columns: up to sixteen
/// accumulators; each step loads the two rows once for every column.
@inlinable @inline(__always)
func floatTwoRowPanelsTimesColumns(
    _ weights: UnsafePointer<Float>, rows: Int, width: Int,
    _ columns: UnsafePointer<Float>, columnCount: Int, into output: UnsafeMutablePointer<Float>
) {
    let blocks = width / 8, tail = width % 8
    let stride = width &* 4
    var panel = 0
    while panel < rows {
        var w = UnsafeRawPointer(weights + panel &* width)
        var x = UnsafeRawPointer(columns)
        var a00 = SIMD8<Float>(repeating: 0), a01 = SIMD8<Float>(repeating: 0)
        var a02 = SIMD8<Float>(repeating: 0), a03 = SIMD8<Float>(repeating: 0)
        var a10 = SIMD8<Float>(repeating: 0), a11 = SIMD8<Float>(repeating: 0)
        var a12 = SIMD8<Float>(repeating: 0), a13 = SIMD8<Float>(repeating: 0)
        for _ in 0..<blocks {
            let w0 = w.loadUnaligned(as: SIMD8<Float>.self)
            let w1 = w.loadUnaligned(fromByteOffset: 32, as: SIMD8<Float>.self)
            let x0 = x.loadUnaligned(as: SIMD8<Float>.self)
            let x1 = x.loadUnaligned(fromByteOffset: stride, as: SIMD8<Float>.self)
            multiplyAdd(&a00, w0, x0); multiplyAdd(&a10, w1, x0)
            multiplyAdd(&a01, w0, x1); multiplyAdd(&a11, w1, x1)
            if columnCount > 2 {
                let x2 = x.loadUnaligned(fromByteOffset: 2 &* stride, as: SIMD8<Float>.self)
                multiplyAdd(&a02, w0, x2); multiplyAdd(&a12, w1, x2)
            }
            if columnCount > 3 {
                let x3 = x.loadUnaligned(fromByteOffset: 3 &* stride, as: SIMD8<Float>.self)
                multiplyAdd(&a03, w0, x3); multiplyAdd(&a13, w1, x3)
            }
            x += 32
            w += 64
        }
        let t0 = w.assumingMemoryBound(to: Float.self), t1 = t0 + tail
        let xt = columns + blocks &* 8
        output[panel] = floatTailSum(a00.sum(), t0, xt, count: tail)
        output[panel &+ 1] = floatTailSum(a10.sum(), t1, xt, count: tail)
        output[rows &+ panel] = floatTailSum(a01.sum(), t0, xt + width, count: tail)
        output[rows &+ panel &+ 1] = floatTailSum(a11.sum(), t1, xt + width, count: tail)
        if columnCount > 2 {
            output[2 &* rows &+ panel] = floatTailSum(a02.sum(), t0, xt + 2 &* width, count: tail)
            output[2 &* rows &+ panel &+ 1] = floatTailSum(a12.sum(), t1, xt + 2 &* width, count: tail)
        }
        if columnCount > 3 {
            output[3 &* rows &+ panel] = floatTailSum(a03.sum(), t0, xt + 3 &* width, count: tail)
            output[3 &* rows &+ panel &+ 1] = floatTailSum(a13.sum(), t1, xt + 3 &* width, count: tail)
        }
        panel &+= 2
    }
}

/// A lane sum plus its row's scalar tail, added in `floatDotProduct`'s order.
@inlinable @inline(__always)
func floatTailSum(_ laneSum: Float, _ weights: UnsafePointer<Float>, _ vector: UnsafePointer<Float>, count: Int) -> Float {
    var sum = laneSum
    var i = 0
    while i < count {
        sum += weights[i] * vector[i]
        i &+= 1
    }
    return sum
}
