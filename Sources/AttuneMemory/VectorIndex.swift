import AttuneKernels
import AttuneStore

/// The in-memory index of memory items' sentence vectors, small enough for a Pi: 66 bytes per item
/// (a 48-byte binary sign code, the 8-byte item id, the 8-byte time the item was said and a 2-byte
/// distance slot), 6.6 MB at 100,000 items. The int8 vectors themselves stay in the encrypted store
/// (`memory_vectors`).
///
/// A search takes two passes (docs/MEMORY.md, "Vector index"):
/// 1. the Hamming distance of the query's sign code to every item's (popcount over 6 words,
///    `hammingDistances`), skipping items the caller's filter excludes, and the `candidates` nearest
///    chosen with a 385-bin histogram of the distances (no sort, no allocation);
/// 2. those candidates' int8 vectors fetched from the store in one statement and re-ranked by the
///    exact int8 dot product with the quantized query (`int8ScaledDotProduct`), best first.
///
/// The code is the sign of each component relative to a centre: the mean of the stored vectors
/// (`.meanCentred`, the default) or zero (`.sign`). Sentence embeddings share a large common
/// direction, so their plain sign bits agree on most components for any two sentences; subtracting
/// the mean leaves the bits that tell sentences apart (measured in docs/MEMORY.md: recall@10 at
/// 100,000 memories). The centre is computed when the index is loaded and again whenever the index
/// has doubled since (from 256 items on), which recodes every item from the store.
///
/// Item ids are kept sorted (the store hands out increasing ids, so an add is an append), which
/// makes lookup, replacement and removal a binary search without a hash table's memory. Each item's
/// time (`memory_items.time_ms`) sits beside its code, so a search among the memories said by a
/// moment (`search(_:limit:saidBy:)`, what recall asks for a question about the past) tests one
/// integer per item in the first pass instead of looking its id up in a table.
///
/// Past `growthItems` items the per-item arrays grow by `growthItems` at a time (not by doubling), so
/// an index loaded at its exact size and then given one more item charges about 270 KB more, not
/// twice its size.
/// Not thread-safe: one index belongs to one store connection.
public final class VectorIndex {
    /// MiniLM-L6's sentence vector.
    public static let dimension = 384
    /// 64-bit words per code.
    public static let codeWords = dimension / 64

    public enum Code: String, Sendable, Codable, CaseIterable {
        /// Sign of each component.
        case sign
        /// Sign of each component minus the mean of the stored vectors.
        case meanCentred
    }

    public struct Configuration: Sendable, Equatable {
        public var code: Code
        /// Items re-ranked with their int8 vectors per search (fetched from the store).
        public var candidates: Int

        public init(code: Code = .meanCentred, candidates: Int = 200) {
            self.code = code
            self.candidates = max(1, candidates)
        }
    }

    public let configuration: Configuration
    private let store: EncryptedStore
    private var itemIDs: [Int64] = []
    private var codes: [UInt64] = []
    /// `memory_items.time_ms` of the item in the same slot.
    private var times: [Int64] = []
    private var centre: [Float]
    /// Item count when the centre was last computed.
    private var centredCount = 0
    // Search scratch, reused: distances per item, the histogram, the allow-set bitmap, the candidates.
    private var distances: [UInt16] = []
    private var histogram = [Int32](repeating: 0, count: dimension + 1)
    private var allowedSlots: [UInt64] = []
    private var candidateIDs: [Int64] = []
    private var candidateDistances: [UInt16] = []
    private var queryValues = [Int8](repeating: 0, count: dimension)
    private var queryCode = [UInt64](repeating: 0, count: codeWords)
    private var queryDequantized = [Float](repeating: 0, count: dimension)

    /// Loads every vector of `store` (two passes over `memory_vectors`: the mean, then the codes).
    public init(store: EncryptedStore, configuration: Configuration = .init()) throws {
        self.store = store
        self.configuration = configuration
        centre = [Float](repeating: 0, count: Self.dimension)
        try rebuild()
    }

    /// Items in the index.
    public var count: Int { itemIDs.count }

    /// Items the per-item arrays grow by when full, once past this many (about 270 KB of ids, times,
    /// codes and distance slots): small against 100,000 items, and few enough reallocations (a copy
    /// of the arrays each) that observing stays cheap.
    public static let growthItems = 4096

    /// Bytes the index holds (codes, ids, times, centre and search scratch, at their allocated
    /// capacity): what its owner charges to the memory budget.
    public var byteCount: Int {
        itemIDs.capacity * 8 + times.capacity * 8 + codes.capacity * 8 + distances.capacity * 2 + allowedSlots.capacity * 8
            + centre.capacity * 4 + histogram.capacity * 4 + candidateIDs.capacity * 8 + candidateDistances.capacity * 2
            + queryValues.capacity + queryCode.capacity * 8 + queryDequantized.capacity * 4
    }

    /// What an index of `count` items takes, for charging the budget before loading it.
    public static func byteCount(count: Int, candidates: Int = Configuration().candidates) -> Int {
        count * (8 + 8 + codeWords * 8 + 2) + (count + 63) / 64 * 8 + dimension * 4 + (dimension + 1) * 4
            + candidates * (8 + 2) + dimension + codeWords * 8 + dimension * 4
    }

    /// The time (`memory_items.time_ms`) of an indexed item, nil for one not in the index.
    public func time(of itemID: Int64) -> Int64? { slot(of: itemID).map { times[$0] } }

    public func contains(_ itemID: Int64) -> Bool { slot(of: itemID) != nil }

    /// Stores `vector` (the embedder's 384 floats) as the item's int8 vector and indexes it; an item
    /// that already has one gets the new one. The item must be in the store.
    public func add(itemID: Int64, vector: [Float]) throws {
        try add([(itemID, vector)])
    }

    /// Stores and indexes many vectors, in one store transaction.
    public func add(_ vectors: [(itemID: Int64, vector: [Float])]) throws {
        var stored: [StoredVector] = []
        stored.reserveCapacity(vectors.count)
        for (itemID, vector) in vectors {
            try Self.validate(vector, itemID: itemID)
            let (values, scale) = VectorQuantizer.quantize(vector)
            stored.append(StoredVector(itemID: itemID, scale: scale, values: values))
        }
        try store.putVectors(stored)
        let said = try store.items(ids: stored.map(\.itemID))
        var dequantized = [Float](repeating: 0, count: Self.dimension)
        for vector in stored {
            guard let timeMs = said[vector.itemID]?.timeMs else { continue }
            vector.values.withUnsafeBufferPointer { VectorQuantizer.dequantize($0, scale: vector.scale, into: &dequantized) }
            insertCode(of: dequantized, itemID: vector.itemID, timeMs: timeMs)
        }
        if configuration.code == .meanCentred, count >= 256, count >= 2 * centredCount {
            try rebuild()
        }
    }

    /// The int8 form of `vector` (the embedder's 384 floats) as the store keeps it, for a caller that
    /// writes it inside its own transaction and then hands it to `index(_:)`.
    public static func storedVector(itemID: Int64, vector: [Float]) throws -> StoredVector {
        try validate(vector, itemID: itemID)
        let (values, scale) = VectorQuantizer.quantize(vector)
        return StoredVector(itemID: itemID, scale: scale, values: values)
    }

    /// Indexes a vector the store already holds (committed by the caller), without writing it again;
    /// `timeMs` is its item's `time_ms`.
    public func index(_ vector: StoredVector, timeMs: Int64) throws {
        guard vector.values.count == Self.dimension else {
            throw VectorIndexError.wrongDimension(expected: Self.dimension, got: vector.values.count)
        }
        var dequantized = [Float](repeating: 0, count: Self.dimension)
        vector.values.withUnsafeBufferPointer { VectorQuantizer.dequantize($0, scale: vector.scale, into: &dequantized) }
        insertCode(of: dequantized, itemID: vector.itemID, timeMs: timeMs)
        if configuration.code == .meanCentred, count >= 256, count >= 2 * centredCount {
            try rebuild()
        }
    }

    /// Removes the items' vectors from the index and from the store (securely: EncryptedStore
    /// .deleteVectors); returns how many the store held.
    @discardableResult
    public func remove(itemIDs ids: [Int64]) throws -> Int {
        let removed = try store.deleteVectors(itemIDs: ids)
        for id in ids {
            guard let slot = slot(of: id) else { continue }
            itemIDs.remove(at: slot)
            times.remove(at: slot)
            codes.removeSubrange(slot * Self.codeWords..<(slot + 1) * Self.codeWords)
        }
        return removed
    }

    /// Recomputes the centre from the store and recodes every item (what loading does).
    public func rebuild() throws {
        let total = try store.vectorCount()
        // Every item's time, in id order (the store's ids of each kind, merged), read beside the
        // vectors, which come in id order too.
        var said = try MemoryKind.allCases.flatMap { try store.itemTimes(kind: $0) }
        said.sort { $0.id < $1.id }
        var mean = [Double](repeating: 0, count: Self.dimension)
        var loaded = 0
        if configuration.code == .meanCentred {
            try store.forEachVector { _, scale, values in
                guard values.count == Self.dimension else { return }
                for index in 0..<Self.dimension { mean[index] += Double(values[index]) * Double(scale) }
                loaded += 1
            }
        }
        centre = mean.map { loaded > 0 ? Float($0 / Double(loaded)) : 0 }
        itemIDs = []
        times = []
        codes = []
        itemIDs.reserveCapacity(total)
        times.reserveCapacity(total)
        codes.reserveCapacity(total * Self.codeWords)
        var dequantized = [Float](repeating: 0, count: Self.dimension)
        var wrongDimension: Int?
        var next = 0
        try store.forEachVector { itemID, scale, values in
            guard values.count == Self.dimension else { wrongDimension = values.count; return }
            while next < said.count, said[next].id < itemID { next += 1 }
            // The foreign key makes every vector's item present; one that is not is skipped.
            guard next < said.count, said[next].id == itemID else { return }
            VectorQuantizer.dequantize(values, scale: scale, into: &dequantized)
            insertCode(of: dequantized, itemID: itemID, timeMs: said[next].timeMs)
        }
        if let wrongDimension { throw VectorIndexError.wrongDimension(expected: Self.dimension, got: wrongDimension) }
        centredCount = count
        distances = [UInt16](repeating: 0, count: itemIDs.capacity)
        allowedSlots = [UInt64](repeating: 0, count: (itemIDs.capacity + 63) / 64)
        candidateIDs.reserveCapacity(configuration.candidates)
        candidateDistances.reserveCapacity(configuration.candidates)
    }

    /// The `limit` items most similar to `query` (the embedder's 384 floats) among those for which
    /// `include(itemID)` is true, best first. `include` runs once per item in the first pass.
    public func search(_ query: [Float], limit: Int = 10, where include: (Int64) -> Bool) throws -> [VectorMatch] {
        try Self.validate(query, itemID: nil)
        guard limit >= 1 else { throw VectorIndexError.badLimit(limit) }
        prepareDistances()
        itemIDs.withUnsafeBufferPointer { ids in
            firstPass(query) { include(ids[$0]) }
        }
        return try rerank(limit: limit)
    }

    /// The `limit` items most similar to `query` among those said at or before `atMs`, best first.
    /// The first pass compares each item's time, kept beside its code, with `atMs`.
    public func search(_ query: [Float], limit: Int = 10, saidBy atMs: Int64) throws -> [VectorMatch] {
        try Self.validate(query, itemID: nil)
        guard limit >= 1 else { throw VectorIndexError.badLimit(limit) }
        prepareDistances()
        times.withUnsafeBufferPointer { times in
            firstPass(query) { times[$0] <= atMs }
        }
        return try rerank(limit: limit)
    }

    /// The `limit` items most similar to `query`, best first.
    public func search(_ query: [Float], limit: Int = 10) throws -> [VectorMatch] {
        try Self.validate(query, itemID: nil)
        guard limit >= 1 else { throw VectorIndexError.badLimit(limit) }
        prepareDistances()
        firstPass(query) { _ in true }
        return try rerank(limit: limit)
    }

    /// The `limit` items most similar to `query` among `allowed` (ids not in the index are ignored),
    /// best first. The set becomes a bitmap over the index's slots first, so the first pass tests a
    /// bit per item instead of hashing its id.
    public func search(_ query: [Float], limit: Int = 10, among allowed: some Collection<Int64>) throws -> [VectorMatch] {
        try Self.validate(query, itemID: nil)
        guard limit >= 1 else { throw VectorIndexError.badLimit(limit) }
        prepareDistances()
        if allowedSlots.count < (count + 63) / 64 { allowedSlots = [UInt64](repeating: 0, count: (distances.count + 63) / 64) }
        for index in allowedSlots.indices { allowedSlots[index] = 0 }
        for id in allowed {
            if let slot = slot(of: id) { allowedSlots[slot >> 6] |= 1 << UInt64(slot & 63) }
        }
        allowedSlots.withUnsafeBufferPointer { bits in
            firstPass(query) { bits[$0 >> 6] >> UInt64($0 & 63) & 1 != 0 }
        }
        return try rerank(limit: limit)
    }

    /// The exact int8 cosine of `query` with each of these items' stored vectors (ids without a
    /// vector are left out): for scoring a few chosen items, not for searching.
    public func similarities(of query: [Float], to ids: [Int64]) throws -> [Int64: Float] {
        try Self.validate(query, itemID: nil)
        guard !ids.isEmpty else { return [:] }
        var values = [Int8](repeating: 0, count: Self.dimension)
        var scale: Float = 0
        query.withUnsafeBufferPointer { source in
            values.withUnsafeMutableBufferPointer {
                quantizeRowsSymmetric(source.baseAddress!, rows: 1, columns: Self.dimension, into: $0.baseAddress!, scales: &scale)
            }
        }
        var found: [Int64: Float] = [:]
        try values.withUnsafeBufferPointer { query in
            try store.fetchVectors(itemIDs: ids.sorted()) { itemID, itemScale, stored in
                guard stored.count == Self.dimension else { return }
                found[itemID] = int8ScaledDotProduct(query.baseAddress!, scaleA: scale, stored.baseAddress!, scaleB: itemScale, count: Self.dimension)
            }
        }
        return found
    }

    /// The exact int8 cosine of every pair of these items' stored vectors, keyed by the pair (lower id
    /// first); ids without a vector are left out. For comparing a few chosen items with each other.
    public func pairwiseSimilarities(_ ids: [Int64]) throws -> [Pair: Float] {
        guard ids.count >= 2 else { return [:] }
        var stored: [(id: Int64, scale: Float, values: [Int8])] = []
        try store.fetchVectors(itemIDs: ids.sorted()) { itemID, scale, values in
            guard values.count == Self.dimension else { return }
            stored.append((itemID, scale, Array(values)))
        }
        var found: [Pair: Float] = [:]
        for first in stored.indices {
            for second in stored.indices where second > first {
                let (a, b) = (stored[first], stored[second])
                found[Pair(a.id, b.id)] = a.values.withUnsafeBufferPointer { left in
                    b.values.withUnsafeBufferPointer { right in
                        int8ScaledDotProduct(left.baseAddress!, scaleA: a.scale, right.baseAddress!, scaleB: b.scale, count: Self.dimension)
                    }
                }
            }
        }
        return found
    }

    /// Two item ids, the lower first, whichever order they are given in.
    public struct Pair: Hashable, Sendable {
        public let low: Int64
        public let high: Int64
        public init(_ a: Int64, _ b: Int64) { (low, high) = a < b ? (a, b) : (b, a) }
    }

    // MARK: - Passes

    private func prepareDistances() {
        if distances.count < count { distances = [UInt16](repeating: 0, count: itemIDs.capacity) }
    }

    /// Quantizes the query, codes it, computes every included item's distance and picks the
    /// candidates (in slot order, so in increasing item id).
    private func firstPass(_ query: [Float], include: (Int) -> Bool) {
        query.withUnsafeBufferPointer { source in
            var scale: Float = 0
            queryValues.withUnsafeMutableBufferPointer {
                quantizeRowsSymmetric(source.baseAddress!, rows: 1, columns: Self.dimension, into: $0.baseAddress!, scales: &scale)
            }
            queryScale = scale
        }
        // Coded from its int8 values, like every stored item, so a stored vector searched for
        // finds itself at distance 0.
        queryValues.withUnsafeBufferPointer { VectorQuantizer.dequantize($0, scale: queryScale, into: &queryDequantized) }
        centre.withUnsafeBufferPointer { centre in
            queryCode.withUnsafeMutableBufferPointer {
                binarySignCode(queryDequantized, centre: configuration.code == .sign ? nil : centre.baseAddress!,
                               dimension: Self.dimension, into: $0.baseAddress!)
            }
        }
        let total = count
        queryCode.withUnsafeBufferPointer { query in
            codes.withUnsafeBufferPointer { codes in
                distances.withUnsafeMutableBufferPointer { distances in
                    guard total > 0 else { return }
                    hammingDistances(to: query.baseAddress!, codes: codes.baseAddress!, count: total, words: Self.codeWords,
                                     into: distances.baseAddress!, include: include)
                }
            }
        }
        for index in histogram.indices { histogram[index] = 0 }
        let wanted = configuration.candidates
        var threshold = Self.dimension + 1
        var belowThreshold = 0
        distances.withUnsafeBufferPointer { distances in
            histogram.withUnsafeMutableBufferPointer { histogram in
                for index in 0..<total where distances[index] != .max { histogram[Int(distances[index])] &+= 1 }
                var cumulative = 0
                for distance in 0...Self.dimension {
                    if cumulative + Int(histogram[distance]) >= wanted { threshold = distance; break }
                    cumulative += Int(histogram[distance])
                }
                belowThreshold = cumulative
            }
        }
        // Every item nearer than the threshold, then items at it in slot order until `wanted`.
        candidateIDs.removeAll(keepingCapacity: true)
        candidateDistances.removeAll(keepingCapacity: true)
        var atThreshold = wanted - belowThreshold
        distances.withUnsafeBufferPointer { distances in
            itemIDs.withUnsafeBufferPointer { ids in
                for index in 0..<total {
                    let distance = Int(distances[index])
                    if distance < threshold || (distance == threshold && atThreshold > 0) {
                        if distance == threshold { atThreshold -= 1 }
                        candidateIDs.append(ids[index])
                        candidateDistances.append(UInt16(distance))
                    }
                }
            }
        }
    }

    private var queryScale: Float = 0

    /// Fetches the candidates' int8 vectors in one statement and orders them by exact int8 cosine.
    private func rerank(limit: Int) throws -> [VectorMatch] {
        var matches: [VectorMatch] = []
        matches.reserveCapacity(candidateIDs.count)
        let queryScale = queryScale
        try queryValues.withUnsafeBufferPointer { query in
            try store.fetchVectors(itemIDs: candidateIDs) { itemID, scale, values in
                guard values.count == Self.dimension, let position = Self.binarySearch(candidateIDs, itemID) else { return }
                let score = int8ScaledDotProduct(query.baseAddress!, scaleA: queryScale, values.baseAddress!, scaleB: scale, count: Self.dimension)
                matches.append(VectorMatch(itemID: itemID, score: score, hammingDistance: Int(candidateDistances[position])))
            }
        }
        matches.sort { $0.score != $1.score ? $0.score > $1.score : $0.itemID < $1.itemID }
        if matches.count > limit { matches.removeSubrange(limit...) }
        return matches
    }

    // MARK: - Helpers

    private func insertCode(of vector: [Float], itemID: Int64, timeMs: Int64) {
        var code = [UInt64](repeating: 0, count: Self.codeWords)
        vector.withUnsafeBufferPointer { values in
            centre.withUnsafeBufferPointer { centre in
                binarySignCode(values.baseAddress!, centre: configuration.code == .sign ? nil : centre.baseAddress!,
                               dimension: Self.dimension, into: &code)
            }
        }
        let slot = insertionSlot(of: itemID)
        if slot < itemIDs.count, itemIDs[slot] == itemID {
            times[slot] = timeMs
            codes.replaceSubrange(slot * Self.codeWords..<(slot + 1) * Self.codeWords, with: code)
            return
        }
        growIfFull()
        if slot == itemIDs.count {
            itemIDs.append(itemID)
            times.append(timeMs)
            codes.append(contentsOf: code)
        } else {
            itemIDs.insert(itemID, at: slot)
            times.insert(timeMs, at: slot)
            codes.insert(contentsOf: code, at: slot * Self.codeWords)
        }
    }

    /// Makes room for one more item before an array would double its capacity: `growthItems` more
    /// slots in each per-item array (the search's distance slots follow at the next search).
    private func growIfFull() {
        let count = itemIDs.count
        guard itemIDs.capacity <= count || times.capacity <= count || codes.capacity < (count + 1) * Self.codeWords else { return }
        // Doubling while small (an index of a few turns stays a few kilobytes), chunks from then on.
        let capacity = count + min(Self.growthItems, max(64, count))
        itemIDs.reserveCapacity(capacity)
        times.reserveCapacity(capacity)
        codes.reserveCapacity(capacity * Self.codeWords)
    }

    private func slot(of itemID: Int64) -> Int? { Self.binarySearch(itemIDs, itemID) }

    /// The first slot whose id is not below `itemID`.
    private func insertionSlot(of itemID: Int64) -> Int {
        if let last = itemIDs.last, last < itemID { return itemIDs.count }
        var low = 0, high = itemIDs.count
        while low < high {
            let middle = (low + high) / 2
            if itemIDs[middle] < itemID { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private static func binarySearch(_ sorted: [Int64], _ value: Int64) -> Int? {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < sorted.count && sorted[low] == value ? low : nil
    }

    private static func validate(_ vector: [Float], itemID: Int64?) throws {
        guard vector.count == dimension else { throw VectorIndexError.wrongDimension(expected: dimension, got: vector.count) }
        guard vector.allSatisfy(\.isFinite) else { throw VectorIndexError.notFinite(itemID: itemID) }
    }
}
