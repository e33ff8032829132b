/// One JSON object per line on standard output, written field by field.
///
/// Why not `Codable`: Embedded Swift has no Codable (its encoders and decoders are existentials,
/// `any Encoder`), so the edge binary writes its few message shapes with this typed writer instead:
/// one method per kind of field, strings escaped as RFC 8259 §7 requires, numbers in fixed point with
/// the decimals the x86-64 `attune` prints. The x86-64 side stays Codable (`TurnEventMessage`).
struct JSONLineWriter {
    private var bytes: [UInt8] = []
    private var fieldCount = 0

    init() { bytes.reserveCapacity(512) }

    mutating func begin() {
        bytes.append(UInt8(ascii: "{"))
        fieldCount = 0
    }

    mutating func string(_ key: String, _ value: String) {
        self.key(key)
        appendString(value)
    }

    /// `value` with `decimals` digits after the point (rounded half away from zero); non-finite is null.
    mutating func number(_ key: String, _ value: Double, decimals: Int) {
        self.key(key)
        appendNumber(value, decimals: decimals)
    }

    /// A number, or null when there is none.
    mutating func number(_ key: String, _ value: Double?, decimals: Int) {
        self.key(key)
        if let value { appendNumber(value, decimals: decimals) } else { bytes.append(contentsOf: "null".utf8) }
    }

    mutating func integer(_ key: String, _ value: Int) {
        self.key(key)
        appendInteger(value)
    }

    mutating func bool(_ key: String, _ value: Bool) {
        self.key(key)
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    mutating func strings(_ key: String, _ values: [String]) {
        self.key(key)
        bytes.append(UInt8(ascii: "["))
        for (i, value) in values.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            appendString(value)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// Closes the object and writes the line to standard output (flushed: a live listener reads it now).
    mutating func end() {
        bytes.append(contentsOf: "}\n".utf8)
        bytes.withUnsafeBufferPointer { _ = fwrite($0.baseAddress, 1, $0.count, stdout) }
        fflush(stdout)
        bytes.removeAll(keepingCapacity: true)
    }

    private mutating func key(_ name: String) {
        if fieldCount > 0 { bytes.append(UInt8(ascii: ",")) }
        fieldCount += 1
        appendString(name)
        bytes.append(UInt8(ascii: ":"))
    }

    private mutating func appendString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): bytes.append(contentsOf: "\\\\".utf8)
            case 0x0A: bytes.append(contentsOf: "\\n".utf8)
            case 0x0D: bytes.append(contentsOf: "\\r".utf8)
            case 0x09: bytes.append(contentsOf: "\\t".utf8)
            case 0..<0x20:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: "\\u00".utf8)
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0xF)])
            default: bytes.append(byte)   // UTF-8 passes through: JSON text is UTF-8
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendInteger(_ value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: [UInt8] = []
        repeat {
            digits.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        bytes.append(contentsOf: digits.reversed())
    }

    private mutating func appendNumber(_ value: Double, decimals: Int) {
        guard value.isFinite else {
            bytes.append(contentsOf: "null".utf8)
            return
        }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9e15 else {
            // Beyond fixed point's reach (no value Attune prints gets here): an integer in exponent form.
            appendInteger(Int(value / 1e15))
            bytes.append(contentsOf: "e15".utf8)
            return
        }
        let units = UInt64(scaled)
        let divisor = UInt64(scale)
        if value < 0 && units != 0 { bytes.append(UInt8(ascii: "-")) }
        appendInteger(Int(units / divisor))
        if decimals > 0 {
            bytes.append(UInt8(ascii: "."))
            var fraction: [UInt8] = []
            var rest = units % divisor
            for _ in 0..<decimals {
                fraction.append(UInt8(ascii: "0") + UInt8(rest % 10))
                rest /= 10
            }
            bytes.append(contentsOf: fraction.reversed())
        }
    }
}
