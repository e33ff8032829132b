/// A parsed JSON value, for the one JSON file the edge reads (models/end-of-turn.json). A small
/// recursive-descent parser of RFC 8259 over the file's bytes: Embedded Swift has no Foundation and
/// no `Codable`, and the model is read once at start-up, so clarity matters more than speed here.
/// Numbers go through the C library's `strtod`, which rounds correctly, as Foundation's decoder does
/// on x86-64: both builds hold bit-identical weights.
enum JSONValue {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])

    subscript(key: String) -> JSONValue? {
        guard case let .object(members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    static func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
        var parser = JSONParser(bytes: bytes)
        let value = try parser.value(depth: 0)
        parser.skipWhitespace()
        guard parser.offset == bytes.count else { throw JSONParseError(offset: parser.offset, reason: "text after the value") }
        return value
    }
}

struct JSONParseError: Error {
    var offset: Int
    var reason: String
}

private struct JSONParser {
    let bytes: [UInt8]
    var offset = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func skipWhitespace() {
        while offset < bytes.count, bytes[offset] == 0x20 || bytes[offset] == 0x0A || bytes[offset] == 0x0D || bytes[offset] == 0x09 {
            offset += 1
        }
    }

    mutating func value(depth: Int) throws(JSONParseError) -> JSONValue {
        guard depth < 64 else { throw JSONParseError(offset: offset, reason: "nested more than 64 deep") }
        skipWhitespace()
        guard offset < bytes.count else { throw JSONParseError(offset: offset, reason: "the text ends where a value should be") }
        switch bytes[offset] {
        case UInt8(ascii: "{"):
            offset += 1
            var members: [(key: String, value: JSONValue)] = []
            skipWhitespace()
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "}") { offset += 1; return .object(members) }
            while true {
                skipWhitespace()
                guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else { throw JSONParseError(offset: offset, reason: "expected a member name") }
                let key = try string()
                skipWhitespace()
                try expect(UInt8(ascii: ":"))
                members.append((key, try value(depth: depth + 1)))
                skipWhitespace()
                if try endOrComma(UInt8(ascii: "}")) { return .object(members) }
            }
        case UInt8(ascii: "["):
            offset += 1
            var elements: [JSONValue] = []
            skipWhitespace()
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "]") { offset += 1; return .array(elements) }
            while true {
                elements.append(try value(depth: depth + 1))
                skipWhitespace()
                if try endOrComma(UInt8(ascii: "]")) { return .array(elements) }
            }
        case UInt8(ascii: "\""):
            return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        default:
            return .number(try number())
        }
    }

    private mutating func expect(_ byte: UInt8) throws(JSONParseError) {
        guard offset < bytes.count, bytes[offset] == byte else {
            throw JSONParseError(offset: offset, reason: "expected '\(String(decoding: [byte], as: UTF8.self))'")
        }
        offset += 1
    }

    private mutating func endOrComma(_ end: UInt8) throws(JSONParseError) -> Bool {
        guard offset < bytes.count else { throw JSONParseError(offset: offset, reason: "the text ends inside an array or object") }
        if bytes[offset] == end { offset += 1; return true }
        try expect(UInt8(ascii: ","))
        return false
    }

    private mutating func literal(_ word: String) throws(JSONParseError) {
        for byte in word.utf8 { try expect(byte) }
    }

    private mutating func number() throws(JSONParseError) -> Double {
        let start = offset
        while offset < bytes.count, Self.numberBytes.contains(bytes[offset]) { offset += 1 }
        guard offset > start else { throw JSONParseError(offset: start, reason: "expected a value") }
        var text = Array(bytes[start..<offset])
        text.append(0)
        var parsedTo = 0
        let value = text.withUnsafeBufferPointer { buffer -> Double in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                var end: UnsafeMutablePointer<CChar>?
                let result = strtod(chars.baseAddress!, &end)
                parsedTo = end.map { $0 - UnsafeMutablePointer(mutating: chars.baseAddress!) } ?? 0
                return result
            }
        }
        guard parsedTo == offset - start, value.isFinite else { throw JSONParseError(offset: start, reason: "not a number") }
        return value
    }

    private static let numberBytes: [UInt8] = Array("0123456789+-.eE".utf8)

    private mutating func string() throws(JSONParseError) -> String {
        offset += 1   // the opening quote
        var scalars = String.UnicodeScalarView()
        var run = offset
        func flushRun(_ end: Int) {
            scalars.append(contentsOf: String(decoding: bytes[run..<end], as: UTF8.self).unicodeScalars)
        }
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                flushRun(offset)
                offset += 1
                return String(scalars)
            }
            if byte < 0x20 { throw JSONParseError(offset: offset, reason: "a control character inside a string") }
            if byte != UInt8(ascii: "\\") { offset += 1; continue }
            flushRun(offset)
            offset += 1
            guard offset < bytes.count else { break }
            let escape = bytes[offset]
            offset += 1
            switch escape {
            case UInt8(ascii: "\""): scalars.append("\"")
            case UInt8(ascii: "\\"): scalars.append("\\")
            case UInt8(ascii: "/"): scalars.append("/")
            case UInt8(ascii: "b"): scalars.append("\u{08}")
            case UInt8(ascii: "f"): scalars.append("\u{0C}")
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "u"):
                var code = try hex4()
                if (0xD800..<0xDC00).contains(code), offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u") {
                    offset += 2
                    let low = try hex4()
                    guard (0xDC00..<0xE000).contains(low) else { throw JSONParseError(offset: offset - 6, reason: "a lone surrogate") }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let scalar = Unicode.Scalar(code) else { throw JSONParseError(offset: offset - 6, reason: "a lone surrogate") }
                scalars.append(scalar)
            default:
                throw JSONParseError(offset: offset - 2, reason: "an unknown escape")
            }
            run = offset
        }
        throw JSONParseError(offset: offset, reason: "the text ends inside a string")
    }

    private mutating func hex4() throws(JSONParseError) -> UInt32 {
        guard offset + 4 <= bytes.count else { throw JSONParseError(offset: offset, reason: "a cut-short \\u escape") }
        var code: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw JSONParseError(offset: offset, reason: "a bad \\u escape")
            }
            code = code << 4 | UInt32(digit)
            offset += 1
        }
        return code
    }
}
