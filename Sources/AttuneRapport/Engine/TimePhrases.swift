import Foundation

/// Times as explanations say them, in the person's time zone: "Monday at 08:10", "on 3 March at 18:00"
/// for times more than a week away, and the local hour (for the baseline's part of the day).
public struct TimePhrases: Sendable {
    let calendar: Calendar
    static let weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

    public init(timeZone: String) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timeZone) ?? TimeZone(identifier: "UTC")!
        self.calendar = calendar
    }

    func components(_ ms: Int64) -> DateComponents {
        calendar.dateComponents([.year, .month, .day, .weekday, .hour, .minute], from: Date(timeIntervalSince1970: Double(ms) / 1000))
    }

    public func hour(_ ms: Int64) -> Int { components(ms).hour ?? 0 }

    /// "Monday at 08:10" (within a week of `relativeTo`), otherwise "Monday 3 March at 08:10".
    public func dayAndTime(_ ms: Int64, relativeTo now: Int64? = nil) -> String {
        let parts = components(ms)
        let weekday = Self.weekdays[((parts.weekday ?? 1) - 1) % 7]
        let clock = String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
        if let now, abs(now - ms) < 6 * 86_400_000 { return "\(weekday) at \(clock)" }
        return "\(weekday) \(parts.day ?? 1) \(Self.months[((parts.month ?? 1) - 1) % 12]) at \(clock)"
    }

    /// "on Wednesday at 15:00", or "on Wednesday" for a time at local midnight (an event given only a day).
    public func when(_ ms: Int64, relativeTo now: Int64? = nil) -> String {
        let parts = components(ms)
        let text = dayAndTime(ms, relativeTo: now)
        return "on " + (parts.hour == 0 && parts.minute == 0 ? String(text.dropLast(" at 00:00".count)) : text)
    }

    /// Days since 1970 in the local zone (for counting days with sessions).
    public func dayNumber(_ ms: Int64) -> Int {
        let offset = Int64(calendar.timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(ms) / 1000))) * 1000
        return Int((ms + offset).floorDivided(by: 86_400_000))
    }
}

extension Int64 {
    func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
