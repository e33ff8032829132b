/// One result of a vector search: a memory item and the cosine of its int8 vector with the query's.
public struct VectorMatch: Sendable, Equatable, Codable {
    public var itemID: Int64
    /// Cosine similarity from the exact int8 dot product of the two quantized vectors (−1…1).
    public var score: Float
    /// Differing sign bits of the two binary codes (0…384): the first pass's distance.
    public var hammingDistance: Int

    public init(itemID: Int64, score: Float, hammingDistance: Int) {
        self.itemID = itemID
        self.score = score
        self.hammingDistance = hammingDistance
    }
}
