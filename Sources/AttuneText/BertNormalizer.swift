import Foundation

/// BERT's normalisation and pre-tokenizer classes as Hugging Face `tokenizers` applies them for
/// all-MiniLM-L6-v2, from the tables `tools/text/convert_tokenizer.py` takes from `tokenizers` itself
/// (`models/minilm-l6-v2-normalizer.bin`). Per Unicode scalar, `BertNormalizer` does, in order:
/// 1. clean text: drop NUL, U+FFFD and control, format, private-use and surrogate scalars (but turn
///    tab, newline, carriage return and every other whitespace scalar into a space);
/// 2. put a space on each side of a CJK ideograph (the CJK Unified Ideograph blocks, not Hangul or kana);
/// 3. strip accents: canonical decomposition (NFD), then drop nonspacing marks;
/// 4. lower-case with Unicode's full mapping (İ → i + U+0307).
/// The pre-tokenizer then splits on whitespace (dropped) and on ASCII and Unicode punctuation (kept).
///
/// Why tables rather than Swift's Unicode properties: `tokenizers` decides "control", "nonspacing mark"
/// and "punctuation" with older Unicode tables than Swift 6 ships (it keeps unassigned scalars, keeps
/// marks added since, and does not split on newer punctuation), while it lower-cases and decomposes
/// with newer ones. Taking every scalar's outcome from `tokenizers` is the only way to match it exactly
/// whatever Unicode version the Swift runtime has.
public struct BertNormalizer: Sendable {
    public enum LoadError: Error, Equatable, CustomStringConvertible {
        case unreadable(path: String)
        case malformed(path: String, reason: String)

        public var description: String {
            switch self {
            case let .unreadable(path): return "cannot read the normaliser tables \(path); set ATTUNE_MODELS to the models directory"
            case let .malformed(path, reason): return "normaliser tables \(path) are malformed (\(reason)); regenerate them with tools/text/convert_tokenizer.py (models/MODELS.md)"
            }
        }
    }

    enum Outcome: Equatable, Sendable { case keep, remove, pad, map([Unicode.Scalar]) }

    private let removed: [ClosedRange<UInt32>]
    private let padded: [ClosedRange<UInt32>]
    private let splits: [ClosedRange<UInt32>]
    private let mapped: [UInt32: [Unicode.Scalar]]
    private let asciiOutcome: [Outcome]
    private let asciiSplits: [Bool]

    public init(path: String) throws(LoadError) {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path: path) }
        let bytes = [UInt8](data)
        guard bytes.count >= 8, Array(bytes[0..<8]) == Array("ATWPN001".utf8) else { throw .malformed(path: path, reason: "it does not start with ATWPN001") }
        var offset = 8
        func word() throws(LoadError) -> UInt32 {
            guard offset + 4 <= bytes.count else { throw .malformed(path: path, reason: "it ends early, at byte \(offset)") }
            defer { offset += 4 }
            return UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
        }
        func rangeTable() throws(LoadError) -> [ClosedRange<UInt32>] {
            let count = Int(try word())
            var table: [ClosedRange<UInt32>] = []
            table.reserveCapacity(count)
            for _ in 0..<count {
                let first = try word(), last = try word()
                guard first <= last, last <= 0x10FFFF, (table.last?.upperBound ?? 0) <= first else {
                    throw .malformed(path: path, reason: "range \(first)–\(last) is out of order")
                }
                table.append(first...last)
            }
            return table
        }
        removed = try rangeTable()
        padded = try rangeTable()
        splits = try rangeTable()
        let count = Int(try word())
        var mapped: [UInt32: [Unicode.Scalar]] = [:]
        mapped.reserveCapacity(count)
        for _ in 0..<count {
            let key = try word()
            let length = Int(try word())
            guard length <= 18 else { throw .malformed(path: path, reason: "U+\(String(key, radix: 16)) maps to \(length) scalars") }
            var scalars: [Unicode.Scalar] = []
            for _ in 0..<length {
                let value = try word()
                guard let scalar = Unicode.Scalar(value) else { throw .malformed(path: path, reason: "\(value) is not a Unicode scalar") }
                scalars.append(scalar)
            }
            mapped[key] = scalars
        }
        guard offset == bytes.count else { throw .malformed(path: path, reason: "\(bytes.count - offset) bytes left over") }
        self.mapped = mapped
        var asciiOutcome: [Outcome] = []
        var asciiSplits: [Bool] = []
        for value in UInt32(0)..<128 {
            asciiOutcome.append(Self.lookUp(value, removed: removed, padded: padded, mapped: mapped))
            asciiSplits.append(Self.contains(splits, value))
        }
        self.asciiOutcome = asciiOutcome
        self.asciiSplits = asciiSplits
    }

    /// Appends the normalised form of `text` to `output` (after emptying it).
    public func normalize(_ text: String, into output: inout [Unicode.Scalar]) {
        output.removeAll(keepingCapacity: true)
        for scalar in text.unicodeScalars {
            switch outcome(scalar) {
            case .keep: output.append(scalar)
            case .remove: break
            case .pad: output.append(" "); output.append(scalar); output.append(" ")
            case let .map(scalars): output.append(contentsOf: scalars)
            }
        }
    }

    /// Whether the pre-tokenizer splits at this scalar (whitespace or punctuation).
    public func splits(at scalar: Unicode.Scalar) -> Bool {
        scalar.value < 128 ? asciiSplits[Int(scalar.value)] : Self.contains(splits, scalar.value)
    }

    func outcome(_ scalar: Unicode.Scalar) -> Outcome {
        scalar.value < 128 ? asciiOutcome[Int(scalar.value)] : Self.lookUp(scalar.value, removed: removed, padded: padded, mapped: mapped)
    }

    private static func lookUp(_ value: UInt32, removed: [ClosedRange<UInt32>], padded: [ClosedRange<UInt32>], mapped: [UInt32: [Unicode.Scalar]]) -> Outcome {
        if let scalars = mapped[value] { return .map(scalars) }
        if contains(removed, value) { return .remove }
        if contains(padded, value) { return .pad }
        return .keep
    }

    static func contains(_ table: [ClosedRange<UInt32>], _ value: UInt32) -> Bool {
        var low = 0, high = table.count - 1
        while low <= high {
            let middle = (low + high) / 2
            if value < table[middle].lowerBound { high = middle - 1 } else if value > table[middle].upperBound { low = middle + 1 } else { return true }
        }
        return false
    }
}
