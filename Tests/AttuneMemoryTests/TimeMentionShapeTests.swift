import AttuneMemory
import Foundation
import Testing

/// What each mention carries besides its interval: the phrase and where it is, the granularity, and
/// whether a clock time was said; and the configurable reading of "3/6".
@Suite struct TimeMentionShapeTests {
    let resolver = TimeExpressionResolver()
    let wednesday = try! Date("2026-12-02T10:00:00Z", strategy: .iso8601)

    @Test func phraseAndRangePointIntoTheText() {
        let text = "Ok — my MRI is on Thursday at nine, then lunch."
        let found = resolver.mentions(in: text, at: wednesday)
        #expect(found.count == 1)
        #expect(found[0].phrase == "on Thursday at nine")
        #expect(String(text[found[0].range]) == "on Thursday at nine")
        let bytes = Array(text.utf8)[found[0].utf8Offsets]
        #expect(String(decoding: bytes, as: UTF8.self) == "on Thursday at nine")
    }

    @Test(arguments: [
        ("at 9:30", TimeGranularity.minute, true),
        ("at 9am", .hour, true),
        ("at noon", .hour, true),
        ("Saturday morning", .partOfDay, false),
        ("tonight", .partOfDay, false),
        ("on Thursday", .day, false),
        ("this weekend", .weekend, false),
        ("next week", .week, false),
        ("in the next fortnight", .fortnight, false),
        ("at the end of the month", .partOfMonth, false),
        ("in March", .month, false),
        ("next year", .year, false),
        ("from Monday to Wednesday", .range, false),
        ("between 2 and 4 pm", .range, true),
        ("in 20 minutes", .minute, false),
    ])
    func granularityAndClock(text: String, granularity: TimeGranularity, clock: Bool) {
        let found = resolver.mentions(in: text, at: wednesday)
        #expect(found.count == 1, "\(text)")
        #expect(found.first?.granularity == granularity, "\(text)")
        #expect(found.first?.hasClockTime == clock, "\(text)")
    }

    @Test func numericDatesAreDayFirstUnlessConfigured() {
        let dayFirst = resolver.mentions(in: "on 3/6", at: wednesday)
        #expect(dayFirst.first?.interval.start == (try! Date("2027-06-03T00:00:00Z", strategy: .iso8601)))
        let monthFirst = TimeExpressionResolver(numericDateOrder: .monthDay).mentions(in: "on 3/6", at: wednesday)
        #expect(monthFirst.first?.interval.start == (try! Date("2027-03-06T00:00:00Z", strategy: .iso8601)))
        #expect(resolver.mentions(in: "on 6/15", at: wednesday).isEmpty)
        #expect(TimeExpressionResolver(numericDateOrder: .monthDay).mentions(in: "on 6/15", at: wednesday).count == 1)
    }

    @Test func severalMentionsComeInTextOrder() {
        let found = resolver.mentions(in: "Tomorrow I'm at the gym, on Friday at 6pm the party, and next week a trip.", at: wednesday)
        #expect(found.map(\.phrase) == ["Tomorrow", "on Friday at 6pm", "next week"])
        #expect(found.map(\.utf8Offsets.lowerBound) == found.map(\.utf8Offsets.lowerBound).sorted())
    }

    @Test func textWithoutTimeWordsHasNoMentions() {
        #expect(resolver.mentions(in: "", at: wednesday).isEmpty)
        #expect(resolver.mentions(in: "Ça va très bien, merci ✨", at: wednesday).isEmpty)
        #expect(resolver.mentions(in: "My cat Miso likes boxes.", at: wednesday).isEmpty)
    }

    @Test func typographyOfTranscriptsAndChatIsRead() {
        // Curly apostrophes, en and em dashes, "a.m."/"p.m." and capitals are the same words.
        let curly = resolver.mentions(in: "On Thursday I’ll see her — at 9 o’clock", at: wednesday)
        #expect(curly.map(\.phrase) == ["On Thursday", "at 9 o’clock"])
        #expect(curly.first?.orientationReason == .tenseCue("'ll"))
        let dashed = resolver.mentions(in: "FREE 9—11 A.M. ON FRIDAY", at: wednesday)
        #expect(dashed.count == 1)
        #expect(dashed.first?.interval.start == (try! Date("2026-12-04T09:00:00Z", strategy: .iso8601)))
        #expect(dashed.first?.interval.end == (try! Date("2026-12-04T11:00:00Z", strategy: .iso8601)))
        let pm = resolver.mentions(in: "at 7.15 p.m.", at: wednesday)
        #expect(pm.first?.interval.start == (try! Date("2026-12-02T19:15:00Z", strategy: .iso8601)))
    }

    @Test func intervalsAreHalfOpen() {
        let thursday = resolver.mentions(in: "on Thursday", at: wednesday)[0].interval
        #expect(thursday.contains(try! Date("2026-12-03T00:00:00Z", strategy: .iso8601)))
        #expect(!thursday.contains(try! Date("2026-12-04T00:00:00Z", strategy: .iso8601)))
        let friday = resolver.mentions(in: "on Friday", at: wednesday)[0].interval
        #expect(!thursday.overlaps(friday))
    }
}
