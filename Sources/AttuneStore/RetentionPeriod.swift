/// A retention period such as "90d": how long memory items are kept.
public struct RetentionPeriod: Equatable, Sendable, CustomStringConvertible {
    public let milliseconds: Int64
    public let description: String

    /// Parses a whole number followed by a unit: `h` (hours), `d` (days) or `w` (weeks).
    public init?(_ text: String) {
        guard let unit = text.last, let count = Int64(text.dropLast()), count > 0 else { return nil }
        let hour: Int64 = 3_600_000
        switch unit {
        case "h": milliseconds = count * hour
        case "d": milliseconds = count * 24 * hour
        case "w": milliseconds = count * 7 * 24 * hour
        default: return nil
        }
        description = text
    }
}
