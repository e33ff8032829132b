@testable import AttuneRapport
import Testing

/// Explicit and implicit feedback change the user model, and each change is shown with its cause.
@Suite struct FeedbackLoopTests {
    let loop = FeedbackLoop(configuration: RapportConfiguration())
    static let monday = Int64(1_736_755_800_000)  // 2025-01-13T08:10:00Z

    @Test func tooWordyShrinksTheBudgetAndSaysWhy() {
        var model = UserModel(person: "user")
        var reading = UtteranceReading()
        reading.corrections = [.init(kind: .tooLong, phrase: "too wordy")]
        let outcome = loop.apply(reading, text: "too wordy", atMs: Self.monday, session: "s", opened: false, model: &model)
        #expect(model.maxWords == 40 && model.preferences["brevity"] != nil)
        #expect(outcome.adjustments.first?.field == "guidance.maxWords")
        #expect(outcome.adjustments.first?.cause.text == "said 'too wordy'")
        _ = loop.apply(reading, text: "still too wordy", atMs: Self.monday + 60_000, session: "s", opened: false, model: &model)
        #expect(model.maxWords == 24, "a second correction shrinks it again")
    }

    @Test func factCorrectionIsAcknowledgedAndStopAskingAvoidsTheTopic() {
        var model = UserModel(person: "user")
        var reading = UtteranceReading()
        reading.corrections = [.init(kind: .fact(right: "Wednesday", wrong: "Friday"), phrase: "it's Wednesday, not Friday"),
                               .init(kind: .stopAsking(topic: "what I ate"), phrase: "quit asking what I ate")]
        let outcome = loop.apply(reading, text: "it's Wednesday, not Friday. and quit asking what I ate", atMs: Self.monday, session: "s", opened: false, model: &model)
        #expect(outcome.instructions.contains { $0.contains("Wednesday, not Friday") })
        #expect(model.noAsk.map(\.value) == ["what they ate"], "said of them as the assistant would")
        #expect(outcome.adjustments.map(\.field) == ["correction.fact", "no_ask"])
    }

    @Test func bansHoldForTheirScopeAndAreLifted() {
        var model = UserModel(person: "user")
        var reading = UtteranceReading()
        reading.topicBans = [.init(topic: "my ex", keywords: ["ex"], scope: .untilLifted, lifts: false, phrase: "don't mention my ex again"),
                             .init(topic: "money", keywords: ["money"], scope: .until(endMs: Self.monday + 86_400_000), lifts: false, phrase: "no money talk this weekend")]
        _ = loop.apply(reading, text: "…", atMs: Self.monday, session: "s", opened: false, model: &model)
        #expect(model.bans.filter { $0.holds(atMs: Self.monday + 1000, session: "t") }.map(\.topic) == ["their ex", "money"])
        #expect(model.bans.filter { $0.holds(atMs: Self.monday + 2 * 86_400_000, session: "t") }.map(\.topic) == ["their ex"])
        var lift = UtteranceReading()
        lift.topicBans = [.init(topic: "my ex", keywords: ["ex"], scope: .untilLifted, lifts: true, phrase: "you can mention my ex again")]
        let outcome = loop.apply(lift, text: "…", atMs: Self.monday + 5000, session: "s", opened: false, model: &model)
        #expect(model.bans.map(\.topic) == ["money"])
        #expect(outcome.adjustments.first?.value.hasPrefix("lifted") == true)
    }

    @Test func shortAnswersInARowAndDeflectionAreImplicitFeedback() {
        var model = UserModel(person: "user")
        model.lastAssistant = .init(text: "How did the interview go?", timeMs: Self.monday, session: "s", topics: ["interview"])
        var answer = UtteranceReading()
        answer.intents = [.answer]
        _ = loop.apply(answer, text: "fine", atMs: Self.monday + 5000, session: "s", opened: false, model: &model)
        let second = loop.apply(answer, text: "ok", atMs: Self.monday + 9000, session: "s", opened: false, model: &model)
        #expect(second.adjustments.contains { $0.field == "guidance.replyLength" && $0.cause.text.contains("2 short answers") })
        var deflect = UtteranceReading()
        deflect.deflection = .init(phrase: "anyway")
        let moved = loop.apply(deflect, text: "anyway, what's on telly tonight?", atMs: Self.monday + 20_000, session: "s", opened: false, model: &model)
        #expect(model.bans.contains { $0.topic == "interview" && $0.scope == "session" })
        #expect(moved.adjustments.contains { $0.field == "ban.topic" && $0.cause.text.contains("'anyway'") })
    }

    @Test func aReplyFarSlowerThanUsualAsksForRoom() {
        var model = UserModel(person: "user")
        model.replyLatenciesSec = [4, 5, 6, 5]
        model.lastAssistant = .init(text: "How are you feeling about the move?", timeMs: Self.monday, session: "s", topics: ["move"])
        let outcome = loop.apply(UtteranceReading(), text: "I don't really know, to be honest.", atMs: Self.monday + 40_000, session: "s", opened: false, model: &model)
        #expect(outcome.adjustments.contains { $0.field == "guidance.questions" && $0.cause.text == "replied after 40 s, against your usual 5 s" }, "\(outcome.adjustments)")
        #expect(outcome.instructions.contains { $0.hasPrefix("Give them room") })
        #expect(model.replyLatenciesSec.last == 40)
    }

    @Test func aLiftByPronounLiftsTheBanOnWhoeverTheTurnNames() {
        var model = UserModel(person: "aoife")
        var ban = UtteranceReading()
        ban.topicBans = [.init(topic: "Cian", keywords: ["cian"], scope: .untilLifted, lifts: false, phrase: "don't bring Cian up again"),
                         .init(topic: "money", keywords: ["money"], scope: .untilLifted, lifts: false, phrase: "no money talk")]
        _ = loop.apply(ban, text: "…", atMs: Self.monday, session: "s", opened: false, model: &model)
        var lift = UtteranceReading()
        lift.topicBans = [.init(topic: "him", keywords: ["him"], scope: .untilLifted, lifts: true, phrase: "You can mention him again")]
        _ = loop.apply(lift, text: "Cian and I are fine now. You can mention him again.", atMs: Self.monday + 60_000, session: "s", opened: false, model: &model)
        #expect(model.bans.map(\.topic) == ["money"])
    }
}
