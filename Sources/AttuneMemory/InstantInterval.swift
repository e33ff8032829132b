import Foundation

/// A half-open interval [start, end) of instants. Instants are absolute (stored as UTC); which local
/// calendar dates they cover depends on the resolver's time zone.
public struct InstantInterval: Hashable, Sendable, Codable {
    public var start: Date
    public var end: Date

    public init(start: Date, end: Date) {
        self.start = start
        self.end = end
    }

    /// Whether `instant` lies in [start, end).
    public func contains(_ instant: Date) -> Bool { instant >= start && instant < end }

    /// Whether the two half-open intervals share at least one instant.
    public func overlaps(_ other: InstantInterval) -> Bool { start < other.end && other.start < end }

    public var durationSeconds: Double { end.timeIntervalSince(start) }
}
