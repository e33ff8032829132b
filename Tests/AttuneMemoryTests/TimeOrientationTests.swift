import AttuneMemory
import Foundation
import Testing

/// Orientation: a bare weekday points forward in a plan and back in a report, with the cue that decided;
/// explicit words ("next", "ago") keep their own direction; the caller's hint overrides tense.
@Suite struct TimeOrientationTests {
    let resolver = TimeExpressionResolver()
    /// Wednesday 2 December 2026, 10:00 UTC.
    let wednesday = Date(timeIntervalSince1970: 1_796_205_600)

    func day(_ text: String) -> Date { try! Date("\(text)T00:00:00Z", strategy: .iso8601) }

    func only(_ text: String, _ preference: TimeOrientationPreference = .inferFromTense) -> TimeMention {
        let found = resolver.mentions(in: text, at: wednesday, orientation: preference)
        #expect(found.count == 1, "\(text): \(found.map(\.phrase))")
        return found[0]
    }

    @Test func referenceIsTheWednesdayTheTestsAssume() throws {
        #expect(wednesday == (try Date("2026-12-02T10:00:00Z", strategy: .iso8601)))
    }

    @Test(arguments: [
        ("My MRI is on Thursday.", "2026-12-03", TimeOrientation.future, "is on"),
        ("I'm seeing Ana on Thursday.", "2026-12-03", .future, "i'm seeing"),
        ("We will go on Thursday.", "2026-12-03", .future, "will"),
        ("We're going to go on Thursday.", "2026-12-03", .future, "we're going"),
        ("On Thursday I finally saw the GP.", "2026-11-26", .past, "saw"),
        ("It went fine on Thursday.", "2026-11-26", .past, "went"),
        ("We walked on Thursday.", "2026-11-26", .past, "walked"),
        ("The meeting was on Thursday.", "2026-11-26", .past, "was"),
        ("Did you call on Thursday?", "2026-11-26", .past, "did"),
        ("I had a scan on Thursday.", "2026-11-26", .past, "had"),
    ])
    func tenseCueOrientsABareWeekday(sentence: String, expected: String, orientation: TimeOrientation, cue: String) {
        let mention = only(sentence)
        #expect(mention.interval.start == day(expected), "\(sentence)")
        #expect(mention.orientation == orientation)
        #expect(mention.orientationReason == .tenseCue(cue), "\(sentence): \(mention.orientationReason)")
    }

    @Test func noCueDefaultsToTheFutureAndSaysSo() {
        let mention = only("Thursday")
        #expect(mention.interval.start == day("2026-12-03"))
        #expect(mention.orientation == .future)
        #expect(mention.orientationReason == .noCue)
    }

    @Test func eachClauseHasItsOwnTense() {
        let found = resolver.mentions(in: "I saw the GP on Monday, but I'm seeing the dentist on Monday too.", at: wednesday)
        #expect(found.map(\.interval.start) == [day("2026-11-30"), day("2026-12-07")])
        #expect(found.map(\.orientation) == [.past, .future])
    }

    @Test func aFutureCueWinsOverAPastOneInTheSameClause() {
        #expect(only("I was told the MRI is on Thursday.").interval.start == day("2026-12-03"))
    }

    @Test func passiveAndAdjectivalEdFormsAreNotPast() {
        #expect(only("The scan is scheduled for Thursday.").orientation == .future)
        #expect(only("I'm worried about Thursday.").orientation == .future)
    }

    @Test func aDateSettingVerbPointsForwardOnlyWhenTheDateFollows() {
        #expect(only("The MRI moved to Friday.").interval.start == day("2026-12-04"))
        #expect(only("Idris moved house on Friday.").interval.start == day("2026-11-27"))
    }

    @Test func theCallersHintOverridesTense() {
        let past = only("on Sunday night", .always(.past))
        #expect(past.interval.start == (try! Date("2026-11-29T18:00:00Z", strategy: .iso8601)))
        #expect(past.orientation == .past && past.orientationReason == .requested)
        let future = only("I saw it on Sunday", .always(.future))
        #expect(future.interval.start == day("2026-12-06"))
    }

    @Test func explicitWordsKeepTheirDirectionWhateverIsAsked() {
        let lastWeek = only("what did I do last week", .always(.future))
        #expect(lastWeek.interval.start == day("2026-11-23") && lastWeek.interval.end == day("2026-11-30"))
        #expect(lastWeek.orientation == .past && lastWeek.orientationReason == .phrase("last"))
        let ago = only("two days ago", .always(.future))
        #expect(ago.interval.start == day("2026-11-30") && ago.orientationReason == .phrase("ago"))
        let tomorrow = only("I went there tomorrow", .always(.past))
        #expect(tomorrow.interval.start == day("2026-12-03") && tomorrow.orientation == .future)
    }

    @Test func anExplicitDateIsOrientedByWhereItLies() {
        #expect(only("on 3 June 2027").orientation == .future)
        let past = only("on 3 June 2025")
        #expect(past.orientation == .past && past.orientationReason == .phrase("2025"))
    }
}
