import AttuneKernels

/// Brute-force nearest neighbours over vectors held in memory, in float or in int8: the ground truth
/// the index's recall is measured against (tests and `attune bench memory-index`), never the
/// production path (100,000 float vectors are 154 MB).
public struct VectorExactSearch {
    public enum Precision: String, Sendable, Codable { case float, int8 }

    public let dimension: Int
    public let precision: Precision
    private var floats: [Float] = []
    private var int8Values: [Int8] = []
    private var scales: [Float] = []
    public private(set) var count = 0

    /// `vectors`: `count × dimension` floats, row-major; int8 quantizes each row like the store.
    public init(vectors: [Float], dimension: Int, precision: Precision) {
        self.dimension = dimension
        self.precision = precision
        count = vectors.count / dimension
        switch precision {
        case .float:
            floats = vectors
        case .int8:
            int8Values = [Int8](repeating: 0, count: vectors.count)
            scales = [Float](repeating: 0, count: count)
            let rows = count
            vectors.withUnsafeBufferPointer { source in
                int8Values.withUnsafeMutableBufferPointer { target in
                    scales.withUnsafeMutableBufferPointer { scales in
                        guard rows > 0 else { return }
                        quantizeRowsSymmetric(source.baseAddress!, rows: rows, columns: dimension, into: target.baseAddress!, scales: scales.baseAddress!)
                    }
                }
            }
        }
    }

    /// Row indices of the `limit` most similar rows, best first (ties by row index).
    public func nearest(to query: [Float], limit: Int) -> [(row: Int, score: Float)] {
        var scores = [Float](repeating: 0, count: count)
        switch precision {
        case .float:
            floats.withUnsafeBufferPointer { rows in
                query.withUnsafeBufferPointer { query in
                    for row in 0..<count { scores[row] = floatDotProduct(query.baseAddress!, rows.baseAddress! + row * dimension, count: dimension) }
                }
            }
        case .int8:
            var values = [Int8](repeating: 0, count: dimension)
            var scale: Float = 0
            query.withUnsafeBufferPointer { quantizeRowsSymmetric($0.baseAddress!, rows: 1, columns: dimension, into: &values, scales: &scale) }
            int8Values.withUnsafeBufferPointer { rows in
                for row in 0..<count {
                    scores[row] = int8ScaledDotProduct(values, scaleA: scale, rows.baseAddress! + row * dimension, scaleB: scales[row], count: dimension)
                }
            }
        }
        return Self.top(scores, limit: limit)
    }

    /// The `limit` best scores by partial selection (a bounded sorted list: limit is small).
    static func top(_ scores: [Float], limit: Int) -> [(row: Int, score: Float)] {
        var best: [(row: Int, score: Float)] = []
        best.reserveCapacity(limit + 1)
        for (row, score) in scores.enumerated() {
            if best.count == limit, let last = best.last, score <= last.score { continue }
            var position = best.count
            while position > 0, best[position - 1].score < score { position -= 1 }
            best.insert((row, score), at: position)
            if best.count > limit { best.removeLast() }
        }
        return best
    }
}
