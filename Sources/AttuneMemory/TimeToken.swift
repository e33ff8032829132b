/// One token of an utterance as the time grammar sees it, with its place in the UTF-8 text.
struct TimeToken: Sendable {
    enum Kind: UInt8, Sendable {
        case word
        case number
        case punctuation
    }

    var kind: Kind
    var word: TimeWord
    /// The word lowercased (ASCII; ’ read as '), the digits, or the punctuation character.
    var text: String
    /// A number's value (digits), or -1.
    var value: Int
    var digitCount: Int
    /// "3rd", "21st": digits written as an ordinal.
    var isOrdinalNumber: Bool
    /// Whether white space (or the start of the text) comes before the token; "9:30" and "3/6" have none.
    var spaceBefore: Bool
    var start: Int
    var end: Int

    func isKey(_ keyword: TimeKeyword) -> Bool { word == .key(keyword) }
    func isPunctuation(_ character: UInt8) -> Bool { kind == .punctuation && text.utf8.first == character }
}

/// Splits an utterance into `TimeToken`s in one pass over its UTF-8 bytes. Letters are lowercased on the
/// way (ASCII only; other letters are kept as they are and never match a time word), "a.m."/"p.m." become
/// "am"/"pm", "9am" splits into "9" "am", and the en and em dashes read as "-".
enum TimeTokenizer {
    static func tokens(of text: String) -> [TimeToken] {
        var tokens: [TimeToken] = []
        tokens.reserveCapacity(24)
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { bytes -> [TimeToken] in
            let count = bytes.count
            var index = 0
            var spaceBefore = true
            func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
            func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
            // ’ (U+2019) and ‘ (U+2018) are E2 80 99 / E2 80 98; – and — are E2 80 93 / E2 80 94.
            func curlyQuote(at position: Int) -> Bool {
                position + 2 < count && bytes[position] == 0xE2 && bytes[position + 1] == 0x80
                    && (bytes[position + 2] == 0x99 || bytes[position + 2] == 0x98)
            }
            func longDash(at position: Int) -> Bool {
                position + 2 < count && bytes[position] == 0xE2 && bytes[position + 1] == 0x80
                    && (bytes[position + 2] == 0x93 || bytes[position + 2] == 0x94)
            }
            while index < count {
                let byte = bytes[index]
                if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                    spaceBefore = true
                    index += 1
                    continue
                }
                let start = index
                if isDigit(byte) {
                    var value = 0
                    while index < count, isDigit(bytes[index]) {
                        if index - start < 9 { value = value * 10 + Int(bytes[index] - 0x30) }
                        index += 1
                    }
                    let digits = index - start
                    var ordinal = false
                    if index + 1 < count, isLetter(bytes[index]), isLetter(bytes[index + 1]),
                        index + 2 >= count || !isLetter(bytes[index + 2])
                    {
                        let suffix = (UInt16(bytes[index] | 0x20) << 8) | UInt16(bytes[index + 1] | 0x20)
                        // st, nd, rd, th
                        if suffix == 0x7374 || suffix == 0x6E64 || suffix == 0x7264 || suffix == 0x7468 {
                            ordinal = true
                            index += 2
                        }
                    }
                    tokens.append(
                        TimeToken(
                            kind: .number, word: .other, text: String(decoding: bytes[start..<(start + digits)], as: UTF8.self),
                            value: digits <= 9 ? value : -1, digitCount: digits, isOrdinalNumber: ordinal,
                            spaceBefore: spaceBefore, start: start, end: index))
                    spaceBefore = false
                    continue
                }
                if longDash(at: index) {
                    index += 3
                    tokens.append(
                        TimeToken(
                            kind: .punctuation, word: .other, text: "-", value: -1, digitCount: 0,
                            isOrdinalNumber: false, spaceBefore: spaceBefore, start: start, end: index))
                    spaceBefore = false
                    continue
                }
                if isLetter(byte) || (byte >= 0xC0 && !curlyQuote(at: index)) {
                    // First find the word's end and length, then write it lowercased straight into the
                    // String (words of up to 15 bytes are stored inline, with no allocation).
                    var end = index
                    var length = 0
                    while end < count {
                        let current = bytes[end]
                        if isLetter(current) || (current >= 0x80 && !curlyQuote(at: end) && !longDash(at: end)) {
                            end += 1
                        } else if current == 0x27 {
                            end += 1
                        } else if curlyQuote(at: end) {
                            end += 3
                        } else {
                            break
                        }
                        length += 1
                    }
                    var meridiem = false
                    // "a.m." / "p.m."
                    if length == 1, byte | 0x20 == 0x61 || byte | 0x20 == 0x70, end + 1 < count,
                        bytes[end] == 0x2E, bytes[end + 1] | 0x20 == 0x6D,
                        end + 2 >= count || !isLetter(bytes[end + 2])
                    {
                        meridiem = true
                        length = 2
                    }
                    let wordStart = index
                    let word = String(unsafeUninitializedCapacity: length) { buffer in
                        var read = wordStart
                        var written = 0
                        while written < length, read < count {
                            if curlyQuote(at: read) {
                                buffer[written] = 0x27
                                read += 3
                            } else {
                                let current = bytes[read]
                                buffer[written] = isLetter(current) ? current | 0x20 : current
                                read += 1
                            }
                            written += 1
                        }
                        if meridiem { buffer[1] = 0x6D }
                        return length
                    }
                    index = end
                    if meridiem {
                        index = end + 2
                        if index < count, bytes[index] == 0x2E { index += 1 }
                    }
                    tokens.append(
                        TimeToken(
                            kind: .word, word: TimeLexicon.word(word), text: word, value: -1, digitCount: 0,
                            isOrdinalNumber: false, spaceBefore: spaceBefore, start: start, end: index))
                    spaceBefore = false
                    continue
                }
                index += 1
                if byte >= 0x80 { continue }  // the tail of another multi-byte character
                tokens.append(
                    TimeToken(
                        kind: .punctuation, word: .other, text: String(UnicodeScalar(byte)), value: -1,
                        digitCount: 0, isOrdinalNumber: false, spaceBefore: spaceBefore, start: start, end: index))
                spaceBefore = false
            }
            TimeLexicon.readShortWeekdays(in: &tokens)
            return tokens
        } ?? []
    }
}
