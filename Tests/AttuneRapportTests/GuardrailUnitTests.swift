@testable import AttuneRapport
import Testing

/// Reliance needs heavy use AND isolation; the disclosure comes at a session's start and every 3 h.
@Suite struct GuardrailUnitTests {
    static let day = Int64(86_400_000)
    static let start = Int64(1_736_755_800_000)

    func heavyUser(days: Int, minutesPerDay: Double) -> UserModel {
        var model = UserModel(person: "user")
        for index in 0..<days {
            let begin = Self.start + Int64(index) * Self.day
            model.sessions.append(.init(id: "s\(index)", startMs: begin, lastMs: begin + Int64(minutesPerDay * 60_000), turns: 40, words: 400))
        }
        return model
    }

    @Test func heavyUseWithIsolationRaisesTheNudgeWithConcreteSignals() {
        var model = heavyUser(days: 20, minutesPerDay: 130)
        let now = Self.start + 20 * Self.day
        model.isolation = [.init(value: "isolation", phrase: "I've stopped going to the climbing club", timeMs: now - 2 * Self.day, session: "s18")]
        let flag = RelianceAssessor(configuration: RapportConfiguration()).assess(model, reading: UtteranceReading(), atMs: now)
        #expect(flag.raised)
        #expect(flag.signals.map(\.text).contains("sessions on 20 of the last 21 days"))
        #expect(flag.signals.contains { $0.text.contains("2 hours a day") })
        #expect(flag.signals.contains { $0.text.contains("climbing club") })
    }

    @Test func heavyTaskUseWithASocialLifeOrLightUseWithIsolationDoesNot() {
        let assessor = RelianceAssessor(configuration: RapportConfiguration())
        let now = Self.start + 20 * Self.day
        var social = heavyUser(days: 20, minutesPerDay: 130)
        social.socialContact = [.init(value: "social", phrase: "dinner with friends", timeMs: now - Self.day, session: "s19")]
        #expect(!assessor.assess(social, reading: UtteranceReading(), atMs: now).raised)
        var light = heavyUser(days: 5, minutesPerDay: 20)
        var lonely = UtteranceReading()
        lonely.isolation = [.init(phrase: "you understand me better than anyone")]
        light.isolation = [.init(value: "isolation", phrase: "you understand me better than anyone", timeMs: now, session: "s4")]
        #expect(!assessor.assess(light, reading: lonely, atMs: now).raised)
    }

    @Test func disclosureAtSessionStartAndAfterThreeHoursOfContinuousUse() {
        var model = UserModel(person: "user")
        let schedule = DisclosureSchedule(cadenceMs: 3 * 3_600_000)
        #expect(schedule.disclosure(atMs: Self.start, sessionOpened: true, model: &model).due)
        #expect(!schedule.disclosure(atMs: Self.start + 3_600_000, sessionOpened: false, model: &model).due)
        let later = schedule.disclosure(atMs: Self.start + 3 * 3_600_000, sessionOpened: false, model: &model)
        #expect(later.due && later.minutesSinceLast == 180)
        #expect(later.text.contains("AI") && later.text.contains("inferred"))
    }

    @Test func handoffResourcesKeepTheUKAndUSDefaults() {
        #expect(RapportConfiguration().handoff.resources.map(\.contact) == ["999", "116 123"])
        #expect(HandoffResources.forLocale("us")?.resources.map(\.contact) == ["911", "988"])
        #expect(HandoffResources.forLocale("ZZ") == nil)
    }

    @Test func sessionsOpenAfterTheGapOrAtTheHostsName() {
        let tracker = SessionTracker(gapMs: 30 * 60_000)
        var model = UserModel(person: "user")
        let first = tracker.position(of: Self.start, hostSession: nil, in: model)
        #expect(first.opened)
        tracker.record(first, atMs: Self.start, words: 3, in: &model)
        #expect(!tracker.position(of: Self.start + 29 * 60_000, hostSession: nil, in: model).opened)
        #expect(tracker.position(of: Self.start + 31 * 60_000, hostSession: nil, in: model).opened)
        #expect(tracker.position(of: Self.start + 60_000, hostSession: "kitchen", in: model).opened)
    }
}
