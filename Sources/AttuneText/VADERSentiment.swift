import Foundation

/// VADER (Hutto & Gilbert 2014, "VADER: A Parsimonious Rule-based Model for Sentiment Analysis of
/// Social Media Text", ICWSM-14), ported line for line from the `vaderSentiment` 3.3.2 package (MIT,
/// lexicons in models/vader-*.tsv with models/VADER-LICENSE.txt): the lexicon, booster and dampener
/// words, negation (including "n't" and "no"), "least", "but", ALL-CAPS emphasis when only some words
/// are capitalised, "!" and "?" emphasis, emoji replaced by their descriptions, special idioms, and
/// the compound normalisation x / √(x² + 15). Python's string semantics are kept where they decide
/// results: `str.split()`'s whitespace, `strip(string.punctuation)`, `str.isupper()`, and `list.index`
/// in the "but" rule (which finds the first equal score). Scores are computed in Double, as in Python.
public final class VADERSentiment: @unchecked Sendable {
    /// What VADER found in a text, with the words that carried sentiment (for explanations).
    public struct Scores: Equatable, Sendable {
        public var compound: Double
        public var positive: Double
        public var neutral: Double
        public var negative: Double
        /// Each word whose valence counted, after boosters, negation, caps and "but".
        public var words: [(word: String, valence: Double)]

        public static func == (a: Scores, b: Scores) -> Bool {
            a.compound == b.compound && a.positive == b.positive && a.neutral == b.neutral && a.negative == b.negative
                && a.words.map(\.word) == b.words.map(\.word) && a.words.map(\.valence) == b.words.map(\.valence)
        }
    }

    public enum LoadError: Error, Equatable, CustomStringConvertible {
        case unreadable(path: String)
        case malformed(path: String, line: Int)

        public var description: String {
            switch self {
            case let .unreadable(path): return "cannot read the VADER lexicon \(path); set ATTUNE_MODELS to the models directory"
            case let .malformed(path, line): return "the VADER lexicon \(path) is malformed at line \(line); regenerate it with tools/text/convert_vader.py"
            }
        }
    }

    static let boosterIncrement = 0.293
    static let boosterDecrement = -0.293
    static let capsIncrement = 0.733
    static let negationScalar = -0.74

    static let negations: Set<String> = [
        "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt", "ain't", "aren't", "can't", "couldn't",
        "daren't", "didn't", "doesn't", "dont", "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt", "neither",
        "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't", "neednt", "needn't", "never", "none",
        "nope", "nor", "not", "nothing", "nowhere", "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent",
        "oughtn't", "shan't", "shouldn't", "uh-uh", "wasn't", "weren't", "without", "wont", "wouldnt", "won't",
        "wouldn't", "rarely", "seldom", "despite",
    ]

    static let boosters: [String: Double] = {
        let up = ["absolutely", "amazingly", "awfully", "completely", "considerable", "considerably", "decidedly", "deeply",
                  "effing", "enormous", "enormously", "entirely", "especially", "exceptional", "exceptionally", "extreme",
                  "extremely", "fabulously", "flipping", "flippin", "frackin", "fracking", "fricking", "frickin", "frigging",
                  "friggin", "fully", "fuckin", "fucking", "fuggin", "fugging", "greatly", "hella", "highly", "hugely",
                  "incredible", "incredibly", "intensely", "major", "majorly", "more", "most", "particularly", "purely",
                  "quite", "really", "remarkably", "so", "substantially", "thoroughly", "total", "totally", "tremendous",
                  "tremendously", "uber", "unbelievably", "unusually", "utter", "utterly", "very"]
        let down = ["almost", "barely", "hardly", "just enough", "kind of", "kinda", "kindof", "kind-of", "less", "little",
                    "marginal", "marginally", "occasional", "occasionally", "partly", "scarce", "scarcely", "slight",
                    "slightly", "somewhat", "sort of", "sorta", "sortof", "sort-of"]
        var table: [String: Double] = [:]
        for word in up { table[word] = boosterIncrement }
        for word in down { table[word] = boosterDecrement }
        return table
    }()

    static let specialCases: [String: Double] = [
        "the shit": 3, "the bomb": 3, "bad ass": 1.5, "badass": 1.5, "bus stop": 0.0, "yeah right": -2,
        "kiss of death": -1.5, "to die for": 3, "beating heart": 3.5,
    ]

    let lexicon: [String: Double]
    /// Only single-scalar keys: VADER replaces emoji one Python character (code point) at a time.
    let emoji: [Unicode.Scalar: String]

    public init(lexiconPath: String, emojiPath: String) throws(LoadError) {
        func rows(_ path: String) throws(LoadError) -> [(String, String)] {
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw .unreadable(path: path)
            }
            var result: [(String, String)] = []
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
                let fields = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
                guard fields.count == 2 else { throw .malformed(path: path, line: index + 1) }
                result.append((String(fields[0]), String(fields[1])))
            }
            return result
        }
        var lexicon: [String: Double] = [:]
        for (word, value) in try rows(lexiconPath) {
            guard let valence = Double(value) else { throw .malformed(path: lexiconPath, line: lexicon.count + 1) }
            lexicon[word] = valence
        }
        var emoji: [Unicode.Scalar: String] = [:]
        for (symbol, description) in try rows(emojiPath) where symbol.unicodeScalars.count == 1 {
            emoji[symbol.unicodeScalars.first!] = description
        }
        self.lexicon = lexicon
        self.emoji = emoji
    }

    /// The lexicon files in a models directory.
    public convenience init(modelsDirectory: String) throws(LoadError) {
        try self.init(lexiconPath: modelsDirectory + "/vader-lexicon.tsv", emojiPath: modelsDirectory + "/vader-emoji.tsv")
    }

    // MARK: - Python string semantics

    /// `str.isspace()` characters, which `str.split()` and `str.strip()` use.
    static func isPythonSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    static func isASCIIPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: return true
        default: return false
        }
    }

    /// `str.isupper()`: at least one cased character, and no lower- or title-case one.
    static func isUpper(_ word: String) -> Bool {
        var cased = false
        for scalar in word.unicodeScalars {
            let properties = scalar.properties
            if properties.isLowercase || properties.generalCategory == .titlecaseLetter { return false }
            if properties.isUppercase { cased = true }
        }
        return cased
    }

    static func split(_ text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isPythonSpace(scalar) {
                if !current.isEmpty { words.append(String(current)); current = String.UnicodeScalarView() }
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }

    static func strip(_ text: String, where predicate: (Unicode.Scalar) -> Bool) -> String {
        let scalars = Array(text.unicodeScalars)
        var start = 0, end = scalars.count
        while start < end && predicate(scalars[start]) { start += 1 }
        while end > start && predicate(scalars[end - 1]) { end -= 1 }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        return String(view)
    }

    /// VADER's tokens: whitespace-separated, leading and trailing ASCII punctuation removed unless
    /// that leaves two characters or fewer (then it was probably an emoticon such as ":)").
    static func wordsAndEmoticons(_ text: String) -> [String] {
        split(text).map { token in
            let stripped = strip(token, where: isASCIIPunctuation)
            return stripped.unicodeScalars.count <= 2 ? token : stripped
        }
    }

    // MARK: - Scoring

    public func polarityScores(_ input: String) -> Scores {
        // Emoji become their descriptions, one code point at a time.
        var replaced = String.UnicodeScalarView()
        var previousSpace = true
        for scalar in input.unicodeScalars {
            if let description = emoji[scalar] {
                if !previousSpace { replaced.append(" ") }
                replaced.append(contentsOf: description.unicodeScalars)
                previousSpace = false
            } else {
                replaced.append(scalar)
                previousSpace = scalar == " "
            }
        }
        let text = Self.strip(String(replaced), where: Self.isPythonSpace)
        let words = Self.wordsAndEmoticons(text)
        let lower = words.map { $0.lowercased() }
        let capsDifferential: Bool = {
            let capitals = words.filter(Self.isUpper).count
            let difference = words.count - capitals
            return difference > 0 && difference < words.count
        }()

        var sentiments: [Double] = []
        for (i, item) in words.enumerated() {
            if Self.boosters[lower[i]] != nil {
                sentiments.append(0)
                continue
            }
            if i < words.count - 1 && lower[i] == "kind" && lower[i + 1] == "of" {
                sentiments.append(0)
                continue
            }
            sentiments.append(valence(of: item, at: i, words: words, lower: lower, capsDifferential: capsDifferential))
        }
        sentiments = Self.butCheck(lower, sentiments)

        var scores = Scores(compound: 0, positive: 0, neutral: 0, negative: 0, words: [])
        for (index, sentiment) in sentiments.enumerated() where sentiment != 0 {
            scores.words.append((words[index], sentiment))
        }
        guard !sentiments.isEmpty else { return scores }
        var sum = sentiments.reduce(0, +)
        let emphasis = Self.punctuationEmphasis(text)
        if sum > 0 { sum += emphasis } else if sum < 0 { sum -= emphasis }
        scores.compound = Self.normalize(sum)
        var positiveSum = 0.0, negativeSum = 0.0, neutralCount = 0.0
        for sentiment in sentiments {
            if sentiment > 0 { positiveSum += sentiment + 1 }
            if sentiment < 0 { negativeSum += sentiment - 1 }
            if sentiment == 0 { neutralCount += 1 }
        }
        if positiveSum > abs(negativeSum) { positiveSum += emphasis } else if positiveSum < abs(negativeSum) { negativeSum -= emphasis }
        let total = positiveSum + abs(negativeSum) + neutralCount
        scores.positive = abs(positiveSum / total)
        scores.negative = abs(negativeSum / total)
        scores.neutral = abs(neutralCount / total)
        return scores
    }

    private func valence(of item: String, at i: Int, words: [String], lower: [String], capsDifferential: Bool) -> Double {
        guard let base = lexicon[lower[i]] else { return 0 }
        var valence = base
        if lower[i] == "no" && i != words.count - 1 && lexicon[lower[i + 1]] != nil {
            valence = 0
        }
        if (i > 0 && lower[i - 1] == "no") || (i > 1 && lower[i - 2] == "no")
            || (i > 2 && lower[i - 3] == "no" && (lower[i - 1] == "or" || lower[i - 1] == "nor")) {
            valence = base * Self.negationScalar
        }
        if Self.isUpper(item) && capsDifferential {
            valence += valence > 0 ? Self.capsIncrement : -Self.capsIncrement
        }
        for start in 0..<3 where i > start && lexicon[lower[i - (start + 1)]] == nil {
            var scalar = Self.scalarIncrease(words[i - (start + 1)], lowered: lower[i - (start + 1)], valence: valence, capsDifferential: capsDifferential)
            if start == 1 && scalar != 0 { scalar *= 0.95 }
            if start == 2 && scalar != 0 { scalar *= 0.9 }
            valence += scalar
            valence = Self.negationCheck(valence, lower, start, i)
            if start == 2 { valence = Self.specialIdiomsCheck(valence, lower, i) }
        }
        return Self.leastCheck(valence, lower, i, lexicon: lexicon)
    }

    static func scalarIncrease(_ word: String, lowered: String, valence: Double, capsDifferential: Bool) -> Double {
        guard var scalar = boosters[lowered] else { return 0 }
        if valence < 0 { scalar *= -1 }
        if isUpper(word) && capsDifferential {
            scalar += valence > 0 ? capsIncrement : -capsIncrement
        }
        return scalar
    }

    static func negated(_ word: String) -> Bool {
        negations.contains(word) || word.contains("n't")
    }

    static func negationCheck(_ valence: Double, _ lower: [String], _ start: Int, _ i: Int) -> Double {
        switch start {
        case 0:
            return negated(lower[i - 1]) ? valence * negationScalar : valence
        case 1:
            if lower[i - 2] == "never" && (lower[i - 1] == "so" || lower[i - 1] == "this") { return valence * 1.25 }
            if lower[i - 2] == "without" && lower[i - 1] == "doubt" { return valence }
            return negated(lower[i - 2]) ? valence * negationScalar : valence
        default:
            if (lower[i - 3] == "never" && (lower[i - 2] == "so" || lower[i - 2] == "this")) || (lower[i - 1] == "so" || lower[i - 1] == "this") {
                return valence * 1.25
            }
            if lower[i - 3] == "without" && (lower[i - 2] == "doubt" || lower[i - 1] == "doubt") { return valence }
            return negated(lower[i - 3]) ? valence * negationScalar : valence
        }
    }

    static func specialIdiomsCheck(_ valence: Double, _ lower: [String], _ i: Int) -> Double {
        var valence = valence
        let oneZero = lower[i - 1] + " " + lower[i]
        let twoOneZero = lower[i - 2] + " " + lower[i - 1] + " " + lower[i]
        let twoOne = lower[i - 2] + " " + lower[i - 1]
        let threeTwoOne = lower[i - 3] + " " + lower[i - 2] + " " + lower[i - 1]
        let threeTwo = lower[i - 3] + " " + lower[i - 2]
        for sequence in [oneZero, twoOneZero, twoOne, threeTwoOne, threeTwo] {
            if let special = specialCases[sequence] {
                valence = special
                break
            }
        }
        if lower.count - 1 > i, let special = specialCases[lower[i] + " " + lower[i + 1]] { valence = special }
        if lower.count - 1 > i + 1, let special = specialCases[lower[i] + " " + lower[i + 1] + " " + lower[i + 2]] { valence = special }
        for gram in [threeTwoOne, threeTwo, twoOne] {
            if let booster = boosters[gram] { valence += booster }
        }
        return valence
    }

    static func leastCheck(_ valence: Double, _ lower: [String], _ i: Int, lexicon: [String: Double]) -> Double {
        if i > 1 && lexicon[lower[i - 1]] == nil && lower[i - 1] == "least" {
            if lower[i - 2] != "at" && lower[i - 2] != "very" { return valence * negationScalar }
        } else if i > 0 && lexicon[lower[i - 1]] == nil && lower[i - 1] == "least" {
            return valence * negationScalar
        }
        return valence
    }

    /// Python's loop, mutation and `list.index` included: each score is found again by value (the
    /// first equal one) before it is scaled.
    static func butCheck(_ lower: [String], _ sentiments: [Double]) -> [Double] {
        guard let but = lower.firstIndex(of: "but") else { return sentiments }
        var result = sentiments
        for position in result.indices {
            let sentiment = result[position]
            let found = result.firstIndex(of: sentiment)!
            if found < but { result[found] = sentiment * 0.5 } else if found > but { result[found] = sentiment * 1.5 }
        }
        return result
    }

    static func punctuationEmphasis(_ text: String) -> Double {
        let exclamations = min(text.unicodeScalars.filter { $0 == "!" }.count, 4)
        let questions = text.unicodeScalars.filter { $0 == "?" }.count
        var questionEmphasis = 0.0
        if questions > 1 { questionEmphasis = questions <= 3 ? Double(questions) * 0.18 : 0.96 }
        return Double(exclamations) * 0.292 + questionEmphasis
    }

    static func normalize(_ score: Double, alpha: Double = 15) -> Double {
        let normalized = score / (score * score + alpha).squareRoot()
        return min(max(normalized, -1), 1)
    }
}
