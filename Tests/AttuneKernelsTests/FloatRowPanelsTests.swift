import AttuneKernels
import Testing

/// The packed float kernels against `floatDotProduct`, whose order of additions they keep: every
/// output must be bit-identical to the dot product of its row and column, on shapes that exercise
/// the 8-lane body alone, the scalar tail alone, both, and Silero's own layers.
@Suite struct FloatRowPanelsTests {
    static let shapes: [(rows: Int, width: Int)] = [
        (8, 5), (16, 19), (8, 64), (128, 387), (64, 384), (64, 192), (128, 192), (512, 256),
    ]

    @Test(arguments: shapes)
    func eachOutputIsItsRowsDotProductBitForBit(rows: Int, width: Int) {
        var random = SplitMix64(seed: UInt64(rows * 1000 + width))
        let weights = (0..<rows * width).map { _ in Float.random(in: -1...1, using: &random) }
        let columns = (0..<4 * width).map { _ in Float.random(in: -1...1, using: &random) }
        let shapes: [(panelRows: Int, columnCounts: [Int])] = [(8, [1]), (2, [2, 3, 4])]
        for (panelRows, columnCounts) in shapes {
            let panels = FloatRowPanels(rowMajor: weights, rows: rows, width: width, panelRows: panelRows)
            for columnCount in columnCounts {
                var output = [Float](repeating: .nan, count: columnCount * rows)
                output.withUnsafeMutableBufferPointer { y in panels.multiply(columns, columnCount: columnCount, into: y.baseAddress!) }
                var mismatches = 0
                for c in 0..<columnCount {
                    for r in 0..<rows {
                        let expected = weights.withUnsafeBufferPointer { w in
                            columns.withUnsafeBufferPointer { x in
                                floatDotProduct(w.baseAddress! + r * width, x.baseAddress! + c * width, count: width)
                            }
                        }
                        if output[c * rows + r].bitPattern != expected.bitPattern { mismatches += 1 }
                    }
                }
                #expect(mismatches == 0, "panels of \(panelRows), \(columnCount) columns: \(mismatches) of \(columnCount * rows) differ")
            }
        }
    }

    /// And the dot product itself against a double-precision sum, so the pair is anchored to the
    /// arithmetic and not only to each other.
    @Test func theProductIsTheMatrixProduct() {
        var random = SplitMix64(seed: 7)
        let (rows, width) = (16, 387)
        let weights = (0..<rows * width).map { _ in Float.random(in: -1...1, using: &random) }
        let columns = (0..<3 * width).map { _ in Float.random(in: -1...1, using: &random) }
        var output = [Float](repeating: .nan, count: 3 * rows)
        output.withUnsafeMutableBufferPointer { y in
            FloatRowPanels(rowMajor: weights, rows: rows, width: width, panelRows: 2).multiply(columns, columnCount: 3, into: y.baseAddress!)
        }
        for c in 0..<3 {
            for r in 0..<rows {
                var expected = 0.0
                for i in 0..<width { expected += Double(weights[r * width + i]) * Double(columns[c * width + i]) }
                #expect(abs(Double(output[c * rows + r]) - expected) < 1e-5 * Double(width))
            }
        }
    }
}
