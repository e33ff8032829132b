@testable import AttuneRapport
import Testing

/// Under the reader, a warning sign of suicide that the text analyser matched still hands off, unless
/// the reader dismissed the risk words (figurative, fiction, research, past) or the cue only names the subject.
@Suite(.serialized) struct HandoffSafetyNetTests {
    @Test func aWarningSignTheReaderMissedStillHandsOff() throws {
        let sandbox = try RapportSandbox()
        defer { sandbox.remove() }
        let engine = sandbox.engine
        var model = UserModel(person: "user")
        let text = "honestly everyone would be better off without me"
        let flags = engine.raiseFlags(UtteranceReading(), text: text, textAffect: engine.affect.analyze(text), atMs: 0, session: "s", model: &model)
        #expect(flags.handoff.raised && flags.handoff.reason == "passive_suicidal_thoughts" && flags.handoff.resources.map(\.contact) == ["999", "116 123"])
        var dismissed = UtteranceReading()
        dismissed.riskDismissals = [.init(reason: .fiction, phrase: "in my novel")]
        #expect(!engine.raiseFlags(dismissed, text: text, textAffect: engine.affect.analyze(text), atMs: 0, session: "s", model: &model).handoff.raised)
        let research = "suicide risk assessment training for nurses"
        #expect(!engine.raiseFlags(UtteranceReading(), text: research, textAffect: engine.affect.analyze(research), atMs: 0, session: "s", model: &model).handoff.raised)
    }
}
