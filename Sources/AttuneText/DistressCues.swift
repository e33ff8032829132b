import Foundation

/// Phrases that signal distress (`models/distress-cues.tsv`: categories from the NIMH's public-domain
/// "Warning Signs of Suicide", phrases written for Attune). A match is a cue for the assistant to
/// slow down and point to human help, never a diagnosis; every match names its phrase and category so
/// the reason can be shown.
public struct DistressCues: Sendable {
    public struct Match: Equatable, Sendable {
        public let phrase: String
        public let category: String
    }

    public enum LoadError: Error, Equatable, CustomStringConvertible {
        case unreadable(path: String)
        case malformed(path: String, line: Int)

        public var description: String {
            switch self {
            case let .unreadable(path): return "cannot read the distress cues \(path); set ATTUNE_MODELS to the models directory"
            case let .malformed(path, line): return "the distress cues \(path) are malformed at line \(line) (expected category<TAB>phrase)"
            }
        }
    }

    let cues: [(words: [String], phrase: String, category: String)]

    public init(path: String) throws(LoadError) {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw .unreadable(path: path)
        }
        var cues: [(words: [String], phrase: String, category: String)] = []
        for (index, line) in text.split(separator: "\n").enumerated() where !line.hasPrefix("#") && !line.isEmpty {
            let fields = line.split(separator: "\t")
            guard fields.count == 2 else { throw .malformed(path: path, line: index + 1) }
            let phrase = String(fields[1])
            cues.append((Self.words(phrase), phrase, String(fields[0])))
        }
        self.cues = cues
    }

    /// Lower case, ’ and ‘ read as ', everything but letters, digits and apostrophes a separator.
    static func words(_ text: String) -> [String] {
        let lowered = text.lowercased().replacingOccurrences(of: "\u{2019}", with: "'").replacingOccurrences(of: "\u{2018}", with: "'")
        return lowered.split { !($0.isLetter || $0.isNumber || $0 == "'") }.map(String.init)
    }

    /// Every cue whose words occur consecutively in `text`, once each, in list order.
    public func matches(in text: String) -> [Match] {
        let words = Self.words(text)
        var found: [Match] = []
        for cue in cues where !cue.words.isEmpty && words.count >= cue.words.count {
            for start in 0...(words.count - cue.words.count) where words[start..<(start + cue.words.count)].elementsEqual(cue.words) {
                found.append(Match(phrase: cue.phrase, category: cue.category))
                break
            }
        }
        return found
    }
}
