import AttuneAudio
import AttuneText
import Foundation
import Synchronization

/// The service's second core: a thread with its own sentence embedder (its own scratch over the same
/// memory-mapped weights, so the model's pages are resident once) that embeds the transcripts
/// waiting behind the one the loop is handling, while the loop recalls, stores and reads that one.
/// The vectors are bit-identical to the engine's own (same tokenizer, same weights, same kernels);
/// only where and when they are made changes. Everything else about a turn (recall, the store, the
/// rapport engine) stays on the loop's thread, in order.
///
/// The loop hands over the texts it is about to handle (`embedAhead`) and returns at once; when it
/// comes to a turn it takes the vector (`take`): made, or being made (it waits for that one), or
/// not started yet, which the loop then makes itself, so neither thread idles while the other has
/// work. At most `aheadLimit` texts are held, waiting or made.
///
/// Its scratch is sized for `maximumTokens` (64: a spoken turn of about 45 words), a third of the
/// engine's 256-token scratch, so the second core costs 0.9 MB of the budget rather than 2.9 MB; a
/// longer turn is left to the loop's embedder.
public final class SentenceVectorWorker {
    /// The longest turn (in WordPiece tokens, with [CLS] and [SEP]) the worker embeds.
    public static let maximumTokens = 64
    /// The most texts held at once, waiting or made.
    public static let aheadLimit = 8

    /// The worker's embedder scratch, for the memory budget (the mapped weights are charged once).
    public let scratchBytes: Int
    /// Floats per vector.
    public let dimension: Int

    private let shared: Shared

    /// What the thread and the loop share, under one lock: the texts waiting, the one being
    /// embedded, and the vectors made (nil for a text longer than the worker's scratch).
    private final class Shared: @unchecked Sendable {
        let tokenizer: WordPieceTokenizer
        let embedder: MiniLMEmbedder
        let condition = NSCondition()
        var waiting: [String] = []
        var working: String?
        var made: [String: [Float]?] = [:]
        var stopping = false

        init(tokenizer: WordPieceTokenizer, embedder: MiniLMEmbedder) {
            self.tokenizer = tokenizer
            self.embedder = embedder
        }

        var heldCount: Int { waiting.count + made.count + (working == nil ? 0 : 1) }

        func holds(_ text: String) -> Bool { working == text || made[text] != nil || waiting.contains(text) }

        func run() {
            nameThisThreadForTheKernel("attune-embed")
            condition.lock()
            while true {
                while waiting.isEmpty && !stopping { condition.wait() }
                if stopping { break }
                let text = waiting.removeFirst()
                working = text
                condition.unlock()
                let ids = tokenizer.encode(text)
                let vector = ids.count <= embedder.maximumLength ? embedder.embed(ids: ids) : nil
                condition.lock()
                working = nil
                made[text] = .some(vector)
                condition.broadcast()
            }
            condition.unlock()
        }
    }

    public init(tokenizer: WordPieceTokenizer, weights: MiniLMWeights) throws {
        let embedder = try MiniLMEmbedder(weights: weights, maximumLength: Self.maximumTokens)
        scratchBytes = embedder.scratchBytes
        dimension = embedder.dimension
        shared = Shared(tokenizer: tokenizer, embedder: embedder)
        let shared = shared
        Thread { shared.run() }.start()
    }

    deinit {
        shared.condition.lock()
        shared.stopping = true
        shared.condition.broadcast()
        shared.condition.unlock()
    }

    /// Hands `later` (the texts to be handled after `next`, in order) to the worker's thread, and
    /// returns at once. `next`, the text the caller handles now, is kept if the worker already
    /// holds it, else left to the caller (handing it over would only make the caller wait). Whatever
    /// the worker held for other texts is dropped (their turns were handled, or failed); texts it
    /// already holds stay; at most `aheadLimit` are held.
    public func embedAhead(_ later: [String], next: String? = nil) {
        shared.condition.lock()
        defer { shared.condition.unlock() }
        var keep = Set(later)
        if let next { keep.insert(next) }
        shared.waiting.removeAll { !keep.contains($0) }
        for text in shared.made.keys where !keep.contains(text) { shared.made[text] = nil }
        var added = false
        for text in later where shared.heldCount < Self.aheadLimit && !shared.holds(text) {
            shared.waiting.append(text)
            added = true
        }
        if added { shared.condition.broadcast() }
    }

    /// The vector of `text` if the worker made it or is making it (waiting for that one), and
    /// nil otherwise: when it had not started on it, it no longer will, and the caller embeds it.
    public func take(_ text: String) -> [Float]? {
        shared.condition.lock()
        defer { shared.condition.unlock() }
        if let index = shared.waiting.firstIndex(of: text) {
            shared.waiting.remove(at: index)
            return nil
        }
        while shared.working == text { shared.condition.wait() }
        return shared.made.removeValue(forKey: text) ?? nil
    }

    /// Waits until the worker has nothing waiting or in hand (tests).
    func waitUntilIdle() {
        shared.condition.lock()
        defer { shared.condition.unlock() }
        while !shared.waiting.isEmpty || shared.working != nil { shared.condition.wait() }
    }

    /// How many texts the worker holds, waiting, in hand or made (tests).
    var heldCount: Int {
        shared.condition.lock()
        defer { shared.condition.unlock() }
        return shared.heldCount
    }

    /// The vectors of `texts`, in order, the worker embedding ahead while `local` makes on the
    /// caller's thread whatever the worker has not started on (and what its scratch is too short for).
    public func vectors(of texts: [String], local: (String) -> [Float]) -> [[Float]] {
        embedAhead(Array(texts.dropFirst()), next: texts.first)
        return texts.map { take($0) ?? local($0) }
    }
}
