import Foundation

/// Every word the lexicons' patterns name, numbered once, so a pattern compares integers instead of
/// strings while it reads a turn. Patterns add their words when they are compiled (once, when a
/// lexicon is first used); a turn's words are only looked up: a word no pattern names is `unknown`.
final class ReadingVocabulary: @unchecked Sendable {
    static let shared = ReadingVocabulary()
    static let unknown: Int32 = -1

    private let lock = NSLock()
    private var ids: [String: Int32] = [:]

    /// The number of `word`, added when no pattern has named it yet.
    func intern(_ word: String) -> Int32 {
        lock.lock()
        defer { lock.unlock() }
        if let id = ids[word] { return id }
        let id = Int32(ids.count)
        ids[word] = id
        return id
    }

    /// The number of `word`, or `unknown`.
    func lookUp(_ word: String) -> Int32 {
        lock.lock()
        defer { lock.unlock() }
        return ids[word] ?? Self.unknown
    }
}
