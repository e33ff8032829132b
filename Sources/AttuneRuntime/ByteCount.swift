/// A size in bytes, parsed from and printed as people write it: `48MB`, `512KiB`, `1.5GB`, `4096`.
/// KB/MB/GB are powers of 1000, KiB/MiB/GiB powers of 1024 (IEC 80000-13), a bare number is bytes.
public struct ByteCount: Sendable, Equatable, Comparable, CustomStringConvertible {
    public var bytes: Int
    public init(_ bytes: Int) { self.bytes = bytes }

    static let factors: [String: Double] = [
        "": 1, "b": 1, "k": 1e3, "kb": 1e3, "m": 1e6, "mb": 1e6, "g": 1e9, "gb": 1e9,
        "t": 1e12, "tb": 1e12, "kib": 1024, "mib": 1_048_576, "gib": 1_073_741_824, "tib": 1_099_511_627_776,
    ]

    /// Parses `48MB`, `48 MB`, `0.5GiB`, `65536`. Returns nil for anything else.
    public init?(parsing text: String) {
        let trimmed = text.trimmingWhitespace()
        let number = trimmed.prefix { $0.isNumber || $0 == "." }
        let unit = String(trimmed.dropFirst(number.count)).trimmingWhitespace().lowercased()
        guard let value = Double(number), value.isFinite, let factor = ByteCount.factors[unit] else { return nil }
        bytes = Int((value * factor).rounded())
    }

    public static func < (lhs: ByteCount, rhs: ByteCount) -> Bool { lhs.bytes < rhs.bytes }

    /// `48.0 MB`, `512.0 KB`, `12 B`: decimal units, one decimal.
    public var description: String {
        let value = Double(bytes)
        for (suffix, factor) in [("GB", 1e9), ("MB", 1e6), ("KB", 1e3)] where value >= factor {
            return "\((value / factor * 10).rounded() / 10) \(suffix)"
        }
        return "\(bytes) B"
    }
}

extension String {
    func trimmingWhitespace() -> String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
