import AttuneKernels
import Foundation

/// Local calendar arithmetic for the time resolver: civil dates as days since 1970-01-01 (proleptic
/// Gregorian, after Howard Hinnant's `days_from_civil` / `civil_from_days`,
/// https://howardhinnant.github.io/date_algorithms.html), and the conversion between local wall-clock
/// seconds and instants in one IANA time zone (Foundation's `TimeZone`, backed by tzdata).
///
/// Foundation's `Calendar` would do the same arithmetic, but costs microseconds per call and allocates;
/// the resolver needs a handful of conversions per mention and a budget of well under 0.2 ms per sentence.
///
/// The DST rule (stated in docs/MEMORY.md):
/// - a local time that does not exist (the clocks jump forward over it) is read with the offset in force
///   before the jump, so it lands the length of the gap later: 01:30 on 2026-03-29 in Europe/London is
///   02:30 BST (01:30 UTC);
/// - a local time that happens twice (the clocks go back) is the first of the two, with the offset in force
///   before the change: 01:30 on 2026-10-25 in Europe/London is 01:30 BST (00:30 UTC).
struct TimeLocalCalendar: Sendable {
    let timeZone: TimeZone
    private let fixedOffsetSeconds: Int?

    init(timeZone: TimeZone) {
        self.timeZone = timeZone
        // A zone without transitions (UTC, Etc/GMT+3) needs no lookups at all.
        let probe = Date(timeIntervalSince1970: 1_767_225_600)
        fixedOffsetSeconds =
            timeZone.nextDaylightSavingTimeTransition(after: Date(timeIntervalSince1970: 0)) == nil
            ? timeZone.secondsFromGMT(for: probe) : nil
    }

    func offsetSeconds(atInstant seconds: Int64) -> Int64 {
        if let fixedOffsetSeconds { return Int64(fixedOffsetSeconds) }
        return Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(seconds))))
    }

    /// Wall-clock seconds since 1970-01-01T00:00 local for an instant (seconds since the epoch, UTC).
    func localSeconds(ofInstant seconds: Int64) -> Int64 { seconds + offsetSeconds(atInstant: seconds) }

    /// The instant of a local wall-clock time, by the DST rule above. Transitions are months apart, so the
    /// offsets a day before and a day after are the only two candidates.
    func instant(ofLocalSeconds local: Int64) -> Int64 {
        if let fixedOffsetSeconds { return local - Int64(fixedOffsetSeconds) }
        let before = offsetSeconds(atInstant: local - 86_400)
        let after = offsetSeconds(atInstant: local + 86_400)
        if before == after { return local - before }
        let withBefore = local - before
        let withAfter = local - after
        let beforeValid = offsetSeconds(atInstant: withBefore) == before
        let afterValid = offsetSeconds(atInstant: withAfter) == after
        switch (beforeValid, afterValid) {
        case (true, true): return min(withBefore, withAfter)  // the repeated hour: the first of the two
        case (true, false): return withBefore
        case (false, true): return withAfter
        case (false, false): return withBefore  // the skipped hour: the offset before the jump
        }
    }

    // MARK: Civil dates

    static func days(year: Int, month: Int, day: Int) -> Int {
        CivilCalendar.dayNumber(year: year, month: month, day: day)
    }

    static func civil(days: Int) -> (year: Int, month: Int, day: Int) { CivilCalendar.date(dayNumber: days) }

    /// 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday).
    static func weekday(days: Int) -> Int { ((days % 7) + 7 + 3) % 7 }

    static func isLeap(_ year: Int) -> Bool { CivilCalendar.isLeap(year) }

    static func daysIn(month: Int, year: Int) -> Int { CivilCalendar.daysIn(month: month, year: year) }

    /// The same day of the month `count` months later (or earlier), clamped to the month's last day
    /// (31 January + 1 month = 28 or 29 February), as Foundation's Calendar does.
    static func adding(months count: Int, toDays days: Int) -> Int {
        let (year, month, day) = civil(days: days)
        let index = year * 12 + (month - 1) + count
        let newYear = index >= 0 ? index / 12 : (index - 11) / 12
        let newMonth = index - newYear * 12 + 1
        return self.days(year: newYear, month: newMonth, day: min(day, daysIn(month: newMonth, year: newYear)))
    }
}
