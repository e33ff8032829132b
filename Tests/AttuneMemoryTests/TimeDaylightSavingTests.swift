import AttuneMemory
import Foundation
import Testing

/// Dates are local calendar dates in the configured zone; intervals are instants. Around Europe/London's
/// changes (29 March 2026, 01:00 GMT → 02:00 BST; 25 October 2026, 02:00 BST → 01:00 GMT) a day is 23 or
/// 25 hours, a skipped time moves on by the gap and a repeated one is its first occurrence.
@Suite struct TimeDaylightSavingTests {
    let london = try! TimeExpressionResolver(timeZoneIdentifier: "Europe/London")

    func instant(_ text: String) -> Date { try! Date(text, strategy: .iso8601) }

    func interval(_ text: String, at reference: String) -> InstantInterval {
        let found = london.mentions(in: text, at: instant(reference))
        #expect(found.count == 1, "\(text): \(found.map(\.phrase))")
        return found.first?.interval ?? InstantInterval(start: .distantPast, end: .distantPast)
    }

    @Test func theSpringDayIs23Hours() {
        let sunday = interval("tomorrow", at: "2026-03-28T12:00:00Z")
        #expect(sunday.start == instant("2026-03-29T00:00:00Z"))
        #expect(sunday.end == instant("2026-03-29T23:00:00Z"))
        #expect(sunday.durationSeconds == 23 * 3600)
    }

    @Test func theAutumnDayIs25Hours() {
        let sunday = interval("tomorrow", at: "2026-10-24T11:00:00Z")
        #expect(sunday.start == instant("2026-10-24T23:00:00Z"))
        #expect(sunday.end == instant("2026-10-26T00:00:00Z"))
        #expect(sunday.durationSeconds == 25 * 3600)
    }

    @Test func aSkippedTimeMovesOnByTheGap() {
        // 01:30 does not exist on 29 March; read with GMT it is 01:30 UTC, i.e. 02:30 BST.
        #expect(interval("tomorrow at 1:30am", at: "2026-03-28T12:00:00Z").start == instant("2026-03-29T01:30:00Z"))
        // 02:30 exists (BST): 01:30 UTC as well, so both name the same instant.
        #expect(interval("tomorrow at 2:30am", at: "2026-03-28T12:00:00Z").start == instant("2026-03-29T01:30:00Z"))
    }

    @Test func anHourInTheGapKeepsItsLength() {
        let one = interval("at 1am tomorrow", at: "2026-03-28T12:00:00Z")
        #expect(one.start == instant("2026-03-29T01:00:00Z") && one.durationSeconds == 3600)
    }

    @Test func aRepeatedTimeIsTheFirstOccurrence() {
        #expect(interval("tomorrow at 1:30am", at: "2026-10-24T11:00:00Z").start == instant("2026-10-25T00:30:00Z"))
    }

    @Test func wallClockTimesFollowTheOffsetOfTheirOwnDay() {
        // 9am is 08:00 UTC on the BST Sunday and 09:00 UTC on the GMT Saturday before it.
        #expect(interval("tomorrow at 9am", at: "2026-03-28T12:00:00Z").start == instant("2026-03-29T08:00:00Z"))
        #expect(interval("today at 9pm", at: "2026-03-28T12:00:00Z").start == instant("2026-03-28T21:00:00Z"))
    }

    @Test func theLocalDateDecidesTodayNotTheUTCDate() {
        // 23:30 UTC on 14 June is 00:30 BST on the 15th: "today" is the 15th in London, the 14th in UTC.
        let reference = instant("2026-06-14T23:30:00Z")
        #expect(london.mentions(in: "today", at: reference).first?.interval.start == instant("2026-06-14T23:00:00Z"))
        #expect(TimeExpressionResolver().mentions(in: "today", at: reference).first?.interval.start == instant("2026-06-14T00:00:00Z"))
    }

    @Test func relativeHoursAreExactAcrossTheChange() {
        // Two hours after 00:30 UTC on 29 March is 02:30 UTC, although the wall clock moves three hours.
        #expect(interval("in 2 hours", at: "2026-03-29T00:30:00Z").start == instant("2026-03-29T02:30:00Z"))
    }

    @Test func anUnknownZoneIsAnActionableError() {
        #expect(throws: TimeResolverError.unknownTimeZone("Europe/Londn")) {
            try TimeExpressionResolver(timeZoneIdentifier: "Europe/Londn")
        }
        #expect(TimeResolverError.unknownTimeZone("X").description.hasPrefix("unknown time zone 'X'; give an IANA name"))
    }
}
