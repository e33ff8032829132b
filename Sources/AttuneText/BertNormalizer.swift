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
    public enum LoadError: Error, Equatable {
        case unreadable(path: String)
        case malformed(path: String, reason: String)
    }

    /// What becomes of one scalar; a mapping is a range of `mappedScalars`, so no array is made per scalar.
    enum Outcome: Equatable, Sendable { case keep, remove, pad, map(Range<Int>) }

    private let removed: [ClosedRange<UInt32>]
    private let padded: [ClosedRange<UInt32>]
    private let splits: [ClosedRange<UInt32>]
    /// Mapped scalars in flat arrays (sorted keys, where each replacement starts, all replacements):
    /// a dictionary of 14,000 small arrays cost about a megabyte more of memory.
    private let mappedKeys: [UInt32]
    private let mappedStarts: [Int32]
    private let mappedScalars: [Unicode.Scalar]
    private let asciiOutcome: [Outcome]
    private let asciiSplits: [Bool]

    /// Parses the tables' bytes; `path` names the file in errors. Foundation-free, so the Embedded Swift
    /// edge build (cross/) reads the same file the same way.
    public init(bytes: UnsafeRawBufferPointer, path: String) throws(LoadError) {
        var removed: [ClosedRange<UInt32>] = [], padded: [ClosedRange<UInt32>] = [], splits: [ClosedRange<UInt32>] = []
        var keys: [UInt32] = [], starts: [Int32] = [], scalars: [Unicode.Scalar] = []
        let parsed: LoadError? = {
            guard bytes.count >= 8, bytes.prefix(8).elementsEqual("ATWPN001".utf8) else { return .malformed(path: path, reason: "it does not start with ATWPN001") }
            var offset = 8
            func word() -> UInt32? {
                guard offset + 4 <= bytes.count else { return nil }
                defer { offset += 4 }
                return UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
            }
            func rangeTable() -> [ClosedRange<UInt32>]? {
                guard let count = word() else { return nil }
                var table: [ClosedRange<UInt32>] = []
                table.reserveCapacity(Int(count))
                for _ in 0..<count {
                    guard let first = word(), let last = word(), first <= last, last <= 0x10FFFF, (table.last?.upperBound ?? 0) <= first else { return nil }
                    table.append(first...last)
                }
                return table
            }
            guard let r = rangeTable(), let p = rangeTable(), let s = rangeTable() else {
                return .malformed(path: path, reason: "a range table is cut short or out of order near byte \(offset)")
            }
            (removed, padded, splits) = (r, p, s)
            guard let count = word() else { return .malformed(path: path, reason: "it ends early, at byte \(offset)") }
            keys.reserveCapacity(Int(count))
            starts.reserveCapacity(Int(count) + 1)
            for _ in 0..<count {
                guard let key = word(), let length = word() else { return .malformed(path: path, reason: "it ends early, at byte \(offset)") }
                guard length <= 18, (keys.last ?? 0) < key || keys.isEmpty else {
                    return .malformed(path: path, reason: "mapped scalar U+\(String(key, radix: 16)) is out of order or too long")
                }
                keys.append(key)
                starts.append(Int32(scalars.count))
                for _ in 0..<length {
                    guard let value = word(), let scalar = Unicode.Scalar(value) else { return .malformed(path: path, reason: "it ends early or holds a non-scalar near byte \(offset)") }
                    scalars.append(scalar)
                }
            }
            starts.append(Int32(scalars.count))
            guard offset == bytes.count else { return .malformed(path: path, reason: "\(bytes.count - offset) bytes left over") }
            return nil
        }()
        if let parsed { throw parsed }
        self.removed = removed
        self.padded = padded
        self.splits = splits
        mappedKeys = keys
        mappedStarts = starts
        mappedScalars = scalars
        var asciiOutcome: [Outcome] = []
        var asciiSplits: [Bool] = []
        for value in UInt32(0)..<128 {
            asciiOutcome.append(Self.lookUp(value, removed: removed, padded: padded, keys: keys, starts: starts))
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
            case let .map(range): output.append(contentsOf: mappedScalars[range])
            }
        }
    }

    /// Whether the pre-tokenizer splits at this scalar (whitespace or punctuation).
    public func splits(at scalar: Unicode.Scalar) -> Bool {
        scalar.value < 128 ? asciiSplits[Int(scalar.value)] : Self.contains(splits, scalar.value)
    }

    func outcome(_ scalar: Unicode.Scalar) -> Outcome {
        scalar.value < 128 ? asciiOutcome[Int(scalar.value)]
            : Self.lookUp(scalar.value, removed: removed, padded: padded, keys: mappedKeys, starts: mappedStarts)
    }

    private static func lookUp(_ value: UInt32, removed: [ClosedRange<UInt32>], padded: [ClosedRange<UInt32>],
                               keys: [UInt32], starts: [Int32]) -> Outcome {
        var low = 0, high = keys.count - 1
        while low <= high {
            let middle = (low + high) / 2
            if keys[middle] < value { low = middle + 1 } else if keys[middle] > value { high = middle - 1 } else {
                return .map(Int(starts[middle])..<Int(starts[middle + 1]))
            }
        }
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
