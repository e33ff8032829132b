import AttuneKernels

/// The subjects of one person's session, as clusters of their turns' sentence embeddings (the int8
/// MiniLM vectors memory stores). Online leader clustering: a turn joins the subject whose centroid
/// it is most similar to when that cosine reaches `ContextDialogue.topicShiftBelow`, the threshold
/// measured between consecutive turns on one subject; otherwise it starts a new subject. A session
/// has a handful of subjects, so a linear scan over at most `capacity` centroids is all it needs.
/// Also keeps the previous turn's vector for `similarityToPrevious`. Kept in memory for the
/// session: a restart starts the clusters anew.
struct SessionTopicClusters {
    struct Cluster {
        /// Sum of the member vectors; its direction is the centroid.
        var sum: [Float]
        var turns: Int
        /// The words that opened the subject, as the label a person would recognise.
        var label: String
        var lastTurnIndex: Int
    }

    static let capacity = 8
    private(set) var session: String
    private(set) var clusters: [Cluster] = []
    private var turnIndex = 0
    /// The vector of the person's previous turn in the session.
    private var previous: [Float]?

    init(session: String) {
        self.session = session
    }

    /// Adds a turn's vector; returns the index of the subject it belongs to.
    /// Cosine of `vector` with the person's previous turn in the session; nil at its first turn.
    func similarityToPrevious(_ vector: [Float]) -> Double? {
        guard let previous, previous.count == vector.count else { return nil }
        return Double(previous.withUnsafeBufferPointer { a in
            vector.withUnsafeBufferPointer { b in floatDotProduct(a.baseAddress!, b.baseAddress!, count: vector.count) }
        })
    }

    @discardableResult
    mutating func add(_ vector: [Float], text: String) -> Int {
        turnIndex += 1
        previous = vector
        var best = -1
        var bestCosine = -Float.infinity
        for (index, cluster) in clusters.enumerated() {
            let cosine = Self.cosine(cluster.sum, vector)
            if cosine > bestCosine { best = index; bestCosine = cosine }
        }
        if best >= 0, Double(bestCosine) >= ContextDialogue.topicShiftBelow {
            for i in 0..<vector.count { clusters[best].sum[i] += vector[i] }
            clusters[best].turns += 1
            clusters[best].lastTurnIndex = turnIndex
            return best
        }
        if clusters.count == Self.capacity {
            // The subject left longest ago gives way.
            let oldest = clusters.indices.min { clusters[$0].lastTurnIndex < clusters[$1].lastTurnIndex }!
            clusters.remove(at: oldest)
        }
        clusters.append(Cluster(sum: vector, turns: 1, label: GuidancePlanner.excerpt(text), lastTurnIndex: turnIndex))
        return clusters.count - 1
    }

    /// The subjects in order of first appearance, the one the latest turn belongs to marked current.
    func topics(current: Int) -> [ContextTopic] {
        clusters.enumerated().map { ContextTopic(label: $0.element.label, turns: $0.element.turns, current: $0.offset == current) }
    }

    private static func cosine(_ sum: [Float], _ vector: [Float]) -> Float {
        guard sum.count == vector.count, !sum.isEmpty else { return -1 }
        let (dot, norm) = sum.withUnsafeBufferPointer { a in
            vector.withUnsafeBufferPointer { b in
                (floatDotProduct(a.baseAddress!, b.baseAddress!, count: sum.count),
                 floatDotProduct(a.baseAddress!, a.baseAddress!, count: sum.count))
            }
        }
        // The turn vectors are unit length; the sum's length is divided out.
        return norm > 0 ? dot / norm.squareRoot() : -1
    }
}
