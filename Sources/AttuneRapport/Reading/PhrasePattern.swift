/// A word pattern the lexicons are written in, matched against a `ReadingText` (normalised words).
///
/// Syntax, elements separated by spaces:
/// - `word` one word; `a|b|c` one of these words;
/// - `[go to sleep|fall asleep]` one of these word sequences;
/// - `@name` one of the sequences of the word class `name` (`ReadingWordClasses`);
/// - `*` up to 3 words of anything, `*6` up to 6 (never across a sentence end);
/// - `<3>` 1 to 3 words, captured (a topic, a role), stopping before words that end a topic
///   ("again", "today", "please", …); `<3+>` the same without those stops ("what I ate");
/// - `!a|b` the next word is neither (nor does the sentence go on with it); `#` a number ("19", "five");
/// - a `?` after a word, a group or a class makes it optional; a leading `=` captures it (`=@role`).
/// A pattern must start with a word, a group or a class (an optional start is compiled as two patterns).
struct PhrasePattern: Sendable {
    enum Element: Sendable {
        /// Each alternative as vocabulary numbers (`ReadingVocabulary`).
        /// `firsts`: the first word of every alternative, to turn a position down with one look-up.
        case words(alternatives: [[Int32]], firsts: Set<Int32>, optional: Bool, capture: Bool)
        case gap(max: Int)
        case free(max: Int, stopsAtTopicEnds: Bool)
        /// The next word is none of these (or the sentence ends); takes no word.
        case notFollowedBy(Set<Int32>)
        /// A number, in digits or words.
        case number
    }

    let source: String
    let elements: [Element]

    /// Every pattern `source` stands for (two when it starts with an optional element).
    static func compile(_ source: String) -> [PhrasePattern] {
        let vocabulary = ReadingVocabulary.shared
        func numbered(_ alternatives: [[String]]) -> [[Int32]] { alternatives.map { $0.map(vocabulary.intern) } }
        func words(_ alternatives: [[Int32]], _ optional: Bool, _ capture: Bool) -> Element {
            .words(alternatives: alternatives, firsts: Set(alternatives.compactMap(\.first)), optional: optional, capture: capture)
        }
        var elements: [Element] = []
        for piece in splitPieces(source) {
            var text = Substring(piece)
            var capture = false
            if text.hasPrefix("=") {
                capture = true
                text = text.dropFirst()
            }
            var optional = false
            if text.hasSuffix("?") && text.count > 1 {
                optional = true
                text = text.dropLast()
            }
            if text.hasPrefix("!") {
                elements.append(.notFollowedBy(Set(text.dropFirst().split(separator: "|").map { vocabulary.intern(String($0)) })))
            } else if text == "#" {
                elements.append(.number)
            } else if text.hasPrefix("*") {
                let limit = Int(text.dropFirst()) ?? 3
                elements.append(.gap(max: limit))
            } else if text.hasPrefix("<") && text.hasSuffix("+>") {
                let limit = Int(text.dropFirst().dropLast(2)) ?? 3
                elements.append(.free(max: limit, stopsAtTopicEnds: false))
            } else if text.hasPrefix("<") && text.hasSuffix(">") {
                let limit = Int(text.dropFirst().dropLast()) ?? 3
                elements.append(.free(max: limit, stopsAtTopicEnds: true))
            } else if text.hasPrefix("@") {
                let name = String(text.dropFirst())
                guard let members = ReadingWordClasses.members[name] else {
                    preconditionFailure("pattern '\(source)': unknown word class @\(name)")
                }
                elements.append(words(numbered(longestFirst(members)), optional, capture))
            } else if text.hasPrefix("[") && text.hasSuffix("]") {
                let inner = text.dropFirst().dropLast()
                let alternatives = inner.split(separator: "|").map { $0.split(separator: " ").map(String.init) }
                elements.append(words(numbered(longestFirst(alternatives)), optional, capture))
            } else {
                let alternatives = text.split(separator: "|").map { [String($0)] }
                elements.append(words(numbered(alternatives), optional, capture))
            }
        }
        guard let first = elements.first else { preconditionFailure("empty pattern") }
        switch first {
        case .words(let alternatives, let firsts, let optional, let capture):
            if optional {
                let rest = Array(elements.dropFirst())
                precondition(!rest.isEmpty, "pattern '\(source)' is only optional")
                return [
                    PhrasePattern(source: source, elements: [.words(alternatives: alternatives, firsts: firsts, optional: false, capture: capture)] + rest),
                ] + compileElements(source, rest)
            }
            return [PhrasePattern(source: source, elements: elements)]
        case .gap, .free, .notFollowedBy, .number:
            preconditionFailure("pattern '\(source)' must start with a word")
        }
    }

    private static func compileElements(_ source: String, _ elements: [Element]) -> [PhrasePattern] {
        guard case .words(let alternatives, let firsts, let optional, let capture) = elements.first else {
            preconditionFailure("pattern '\(source)' must start with a word after its optional start")
        }
        if optional {
            let rest = Array(elements.dropFirst())
            return [PhrasePattern(source: source, elements: [.words(alternatives: alternatives, firsts: firsts, optional: false, capture: capture)] + rest)]
                + compileElements(source, rest)
        }
        return [PhrasePattern(source: source, elements: elements)]
    }

    /// Longer sequences are tried first, so a capture takes "real person" rather than "real".
    private static func longestFirst(_ alternatives: [[String]]) -> [[String]] {
        alternatives.enumerated().sorted { ($0.element.count, -$0.offset) > ($1.element.count, -$1.offset) }.map(\.element)
    }

    /// Pieces separated by spaces, a `[…]` group kept whole.
    private static func splitPieces(_ source: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        var depth = 0
        for character in source {
            if character == "[" { depth += 1 }
            if character == "]" { depth -= 1 }
            if character == " " && depth == 0 {
                if !current.isEmpty { pieces.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }

    /// The first words a match can start with.
    var firstWords: [Int32] {
        guard case .words(let alternatives, _, _, _) = elements[0] else { return [] }
        return alternatives.compactMap(\.first)
    }

    static let numberWords: Set<String> = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen",
        "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "a", "few", "several",
    ]

    /// Words a free capture stops before.
    static let captureStops: Set<Int32> = Set(captureStopWords.map(ReadingVocabulary.shared.intern))
    private static let captureStopWords: [String] = [
        "again", "today", "tonight", "tomorrow", "this", "please", "for", "until", "till", "til", "ever", "any", "now",
        "thanks", "thank", "ok", "right", "with", "or", "and", "but", "because", "so", "anymore", "either", "at", "all",
        "in", "on", "ever", "when", "while", "if", "unless", "you", "i", "is", "was", "are", "not", "then", "though", "next",
        "during", "around", "near", "yet", "as", "out",
    ]

    /// A match of this pattern starting at word `start`: the position after its last word and what
    /// it captured (as word ranges), or nil.
    /// `captures` and `gaps` are the caller's buffers, emptied first (one pair serves a whole turn).
    func match(in text: ReadingText, at start: Int, captures: inout [Range<Int>], gaps: inout [Range<Int>]) -> Int? {
        captures.removeAll(keepingCapacity: true)
        gaps.removeAll(keepingCapacity: true)
        return matchFrom(element: 0, position: start, text: text, sentence: text.words[start].sentence, captures: &captures, gaps: &gaps)
    }

    private func wordsMatch(_ sequence: [Int32], at position: Int, text: ReadingText, sentence: Int) -> Bool {
        guard position + sequence.count <= text.count else { return false }
        var offset = 0
        while offset < sequence.count {
            let candidate = text.words[position + offset]
            if candidate.id != sequence[offset] || candidate.sentence != sentence { return false }
            offset += 1
        }
        return true
    }

    private func matchFrom(
        element index: Int, position: Int, text: ReadingText, sentence: Int, captures: inout [Range<Int>], gaps: inout [Range<Int>]
    ) -> Int? {
        guard index < elements.count else { return position }
        switch elements[index] {
        case .words(let alternatives, let firsts, let optional, let capture):
            guard position < text.count, text.words[position].sentence == sentence, firsts.contains(text.words[position].id) else {
                return optional ? matchFrom(element: index + 1, position: position, text: text, sentence: sentence, captures: &captures, gaps: &gaps) : nil
            }
            for sequence in alternatives where wordsMatch(sequence, at: position, text: text, sentence: sentence) {
                let mark = captures.count
                if capture { captures.append(position..<(position + sequence.count)) }
                if let end = matchFrom(element: index + 1, position: position + sequence.count, text: text, sentence: sentence, captures: &captures, gaps: &gaps) {
                    return end
                }
                captures.removeSubrange(mark...)
            }
            if optional { return matchFrom(element: index + 1, position: position, text: text, sentence: sentence, captures: &captures, gaps: &gaps) }
            return nil
        case .gap(let limit):
            var skip = 0
            while skip <= limit {
                let next = position + skip
                if next > text.count { break }
                if skip > 0 && text.words[next - 1].sentence != sentence { break }
                if skip > 0 { gaps.append(position..<next) }
                if let end = matchFrom(element: index + 1, position: next, text: text, sentence: sentence, captures: &captures, gaps: &gaps) {
                    return end
                }
                if skip > 0 { gaps.removeLast() }
                skip += 1
            }
            return nil
        case .notFollowedBy(let words):
            if position < text.count, text.words[position].sentence == sentence, words.contains(text.words[position].id) { return nil }
            return matchFrom(element: index + 1, position: position, text: text, sentence: sentence, captures: &captures, gaps: &gaps)
        case .number:
            guard position < text.count, text.words[position].sentence == sentence else { return nil }
            let word = text.words[position].text
            guard word.first?.isNumber == true || Self.numberWords.contains(word) else { return nil }
            return matchFrom(element: index + 1, position: position + 1, text: text, sentence: sentence, captures: &captures, gaps: &gaps)
        case .free(let limit, let stops):
            var length = 0
            while length < limit, position + length < text.count {
                let word = text.words[position + length]
                if word.sentence != sentence || (stops && Self.captureStops.contains(word.id)) { break }
                length += 1
            }
            while length >= 1 {
                let mark = captures.count
                captures.append(position..<(position + length))
                if let end = matchFrom(element: index + 1, position: position + length, text: text, sentence: sentence, captures: &captures, gaps: &gaps) {
                    return end
                }
                captures.removeSubrange(mark...)
                length -= 1
            }
            return nil
        }
    }
}

/// A found pattern: where it sits, what it captured and what the lexicon says it means.
struct PhraseMatch<Payload: Sendable>: Sendable {
    let start: Int
    /// One past the last word.
    let end: Int
    let captures: [Range<Int>]
    /// The words `*` gaps took (a "not" there negates the match: "I would never hurt myself").
    let gaps: [Range<Int>]
    let payload: Payload
    let pattern: String

    var range: Range<Int> { start..<end }
    func overlaps(_ other: Range<Int>) -> Bool { start < other.upperBound && other.lowerBound < end }
}

/// Patterns with what each means, indexed by the word each can start with, compiled once.
struct PhraseRuleSet<Payload: Sendable>: Sendable {
    private let patterns: [(pattern: PhrasePattern, payload: Payload)]
    private let byFirstWord: [Int32: [Int]]

    init(_ rules: [(String, Payload)]) {
        var patterns: [(pattern: PhrasePattern, payload: Payload)] = []
        for (source, payload) in rules {
            for pattern in PhrasePattern.compile(source) { patterns.append((pattern, payload)) }
        }
        var index: [Int32: [Int]] = [:]
        for (position, entry) in patterns.enumerated() {
            for word in Set(entry.pattern.firstWords) { index[word, default: []].append(position) }
        }
        self.patterns = patterns
        byFirstWord = index
    }

    var count: Int { patterns.count }

    /// Patterns that only need to be found, each its own payload.
    init(patterns: [String]) where Payload == String {
        self.init(patterns.map { ($0, $0) })
    }

    /// Every match, in text order; at one start, the longest of each pattern only.
    func matches(in text: ReadingText) -> [PhraseMatch<Payload>] {
        var found: [PhraseMatch<Payload>] = []
        var captures: [Range<Int>] = []
        var gaps: [Range<Int>] = []
        for start in 0..<text.count {
            let id = text.id(start)
            guard id != ReadingVocabulary.unknown, let candidates = byFirstWord[id] else { continue }
            for candidate in candidates {
                let entry = patterns[candidate]
                if let end = entry.pattern.match(in: text, at: start, captures: &captures, gaps: &gaps) {
                    found.append(PhraseMatch(start: start, end: end, captures: captures, gaps: gaps, payload: entry.payload,
                                             pattern: entry.pattern.source))
                }
            }
        }
        return found
    }

    /// Whether any pattern matches.
    func matchesAny(_ text: ReadingText) -> Bool {
        var captures: [Range<Int>] = []
        var gaps: [Range<Int>] = []
        for start in 0..<text.count {
            let id = text.id(start)
            guard id != ReadingVocabulary.unknown, let candidates = byFirstWord[id] else { continue }
            for candidate in candidates where patterns[candidate].pattern.match(in: text, at: start, captures: &captures, gaps: &gaps) != nil {
                return true
            }
        }
        return false
    }
}
