import Foundation

/// Turns what the person said and did into changes of their `UserModel`, each reported as a
/// `ContextAdjustment` with its cause. Explicit: preferences, topic bans and their lifting,
/// corrections ("too wordy", "it's Wednesday, not Friday", "quit asking what I ate"), intensity.
/// Implicit: short answers in a row, a reply far slower than the person's usual, and deflecting
/// the topic the assistant just raised (avoided for the rest of the session).
public struct FeedbackLoop: Sendable {
    /// Words at most in an answer that counts as short.
    static let shortAnswerWords = 3
    /// Short answers in a row after which replies get shorter.
    static let shortAnswerStreak = 2
    /// A reply this many times slower than the person's median latency (with at least 4 earlier ones) is read as hesitation.
    static let slowReplyFactor = 3.0
    static let minimumLatencies = 4
    /// Word budget a "too long" correction multiplies the current one by, and the floor.
    static let tooLongFactor = 0.6
    static let minimumWords = 15

    let configuration: RapportConfiguration
    /// A lift whose topic is only one of these names the ban by reference ("you can mention him again").
    static let pronouns: Set<String> = ["him", "her", "them", "it", "that", "this", "he", "she", "they"]

    public init(configuration: RapportConfiguration) { self.configuration = configuration }

    public struct Outcome: Sendable, Equatable {
        public var adjustments: [ContextAdjustment] = []
        /// Instructions the corrections ask for this turn ("acknowledge the correction").
        public var instructions: [String] = []
        /// Signals of implicit feedback for the explanations.
        public var implicitSignals: [ContextSignal] = []
    }

    public func apply(_ reading: UtteranceReading, text: String, atMs: Int64, session: String, opened: Bool,
                      model: inout UserModel) -> Outcome {
        var outcome = Outcome()
        func adjust(_ field: String, _ value: String, _ phrase: String, source: String = "feedback") {
            outcome.adjustments.append(ContextAdjustment(field: field, value: value, cause: ContextSignal(source: source, text: "said '\(phrase)'")))
        }
        func setting(_ value: String, _ phrase: String) -> UserModel.Setting {
            UserModel.Setting(value: value, phrase: phrase, timeMs: atMs, session: session)
        }

        for change in reading.preferences {
            let key = change.preference.rawValue
            if change.on {
                model.preferences[key] = setting(key, change.phrase)
                if change.preference == .brevity { model.preferences[UtteranceReading.PreferenceChange.Preference.detail.rawValue] = nil }
                if change.preference == .detail {
                    model.preferences[UtteranceReading.PreferenceChange.Preference.brevity.rawValue] = nil
                    model.maxWords = nil
                }
            } else {
                model.preferences[key] = nil
                if change.preference == .brevity { model.maxWords = nil }
            }
            adjust("preference.\(key)", change.on ? "on" : "off", change.phrase, source: "preference")
        }

        for ban in reading.topicBans {
            if ban.lifts {
                let words = Set(([ban.topic, ThirdPerson.topic(ban.topic)] + ban.keywords).map { $0.lowercased() })
                let before = model.bans.count
                if Self.pronouns.contains(ban.topic.lowercased()) {
                    // "you can mention him again": the ban on whoever the turn names, else the latest ban.
                    let named = model.bans.filter { RapportEngine.mentions(text, any: [$0.topic] + $0.keywords) }
                    let lifted = named.isEmpty ? model.bans.suffix(1).map(\.topic) : named.map(\.topic)
                    model.bans.removeAll { lifted.contains($0.topic) }
                }
                model.bans.removeAll { held in
                    !words.isDisjoint(with: ([held.topic] + held.keywords).map { $0.lowercased() })
                }
                model.noAsk.removeAll { words.contains($0.value.lowercased()) }
                adjust("ban.topic", "lifted: \(ban.topic)\(before == model.bans.count ? " (no ban was held)" : "")", ban.phrase, source: "preference")
                continue
            }
            let (scope, endMs): (String, Int64?) = switch ban.scope {
            case .untilLifted: ("until_lifted", nil)
            case .session: ("session", nil)
            case .until(let end): ("until", end)
            }
            let topic = ThirdPerson.topic(ban.topic)
            model.bans.removeAll { $0.topic.lowercased() == topic.lowercased() }
            model.bans.append(UserModel.Ban(topic: topic, keywords: ban.keywords, scope: scope, session: session, endMs: endMs,
                                            phrase: ban.phrase, timeMs: atMs))
            let until = switch ban.scope {
            case .untilLifted: "until you lift it"
            case .session: "for this conversation"
            case .until(let end): "until \(TimePhrases(timeZone: configuration.timeZone).dayAndTime(end))"
            }
            adjust("ban.topic", "\(topic), \(until)", ban.phrase, source: "preference")
        }

        for correction in reading.corrections {
            switch correction.kind {
            case .tooLong:
                let current = model.maxWords ?? (model.preferences["brevity"] != nil ? configuration.shortWords : configuration.normalWords)
                // The first "too wordy" drops to the short budget at least; each later one cuts further.
                model.maxWords = max(Self.minimumWords, min(configuration.shortWords, Int((Double(current) * Self.tooLongFactor).rounded())))
                model.preferences["brevity"] = setting("brevity", correction.phrase)
                model.preferences["detail"] = nil
                adjust("guidance.maxWords", "\(model.maxWords!) words (was \(current))", correction.phrase)
            case .tooShort:
                model.maxWords = nil
                model.preferences["brevity"] = nil
                model.preferences["detail"] = setting("detail", correction.phrase)
                adjust("preference.detail", "on", correction.phrase)
            case .tooPersonal:
                model.preferences["less_personal"] = setting("less_personal", correction.phrase)
                adjust("preference.less_personal", "on", correction.phrase)
            case .tooSlow:
                model.paceBias = min(model.paceBias + 1, 1)
                adjust("guidance.pace", model.paceBias > 0 ? "faster" : "normal", correction.phrase)
            case .tooFast:
                model.paceBias = max(model.paceBias - 1, -1)
                adjust("guidance.pace", model.paceBias < 0 ? "slower" : "normal", correction.phrase)
            case let .fact(right, wrong):
                let wrongPart = wrong.map { ", not \($0)" } ?? ""
                outcome.instructions.append("Acknowledge the correction briefly (\(right)\(wrongPart)) and use \(right) from now on.")
                adjust("correction.fact", right + wrongPart, correction.phrase)
            case .stopAsking(let said):
                let topic = ThirdPerson.topic(said)
                model.noAsk.removeAll { $0.value.lowercased() == topic.lowercased() }
                model.noAsk.append(setting(topic, correction.phrase))
                adjust("no_ask", topic, correction.phrase)
            }
        }

        if let request = reading.intensity {
            model.reducedIntensity = request.reduce ? setting("reduced", request.phrase) : nil
            adjust("intensity", request.reduce ? "reduced" : "normal", request.phrase, source: "preference")
        }

        applyImplicit(reading, text: text, atMs: atMs, session: session, opened: opened, model: &model, outcome: &outcome)
        return outcome
    }

    private func applyImplicit(_ reading: UtteranceReading, text: String, atMs: Int64, session: String, opened: Bool,
                               model: inout UserModel, outcome: inout Outcome) {
        let words = text.split(whereSeparator: { $0.isWhitespace }).count
        let answered = model.lastAssistant.map { $0.session == session && $0.timeMs <= atMs } ?? false
        if answered, !opened, words <= Self.shortAnswerWords, reading.intents.contains(where: { $0 != .question && $0 != .request }) || reading.intents.isEmpty {
            model.shortAnswerStreak += 1
        } else if words > Self.shortAnswerWords {
            model.shortAnswerStreak = 0
        }
        if model.shortAnswerStreak == Self.shortAnswerStreak {
            let signal = ContextSignal(source: "feedback", text: "\(model.shortAnswerStreak) short answers in a row (\(words) word\(words == 1 ? "" : "s") this turn)")
            outcome.implicitSignals.append(signal)
            outcome.adjustments.append(ContextAdjustment(field: "guidance.replyLength", value: "short for this conversation", cause: signal))
        }
        if answered, let assistant = model.lastAssistant, !opened {
            let latency = Double(atMs - assistant.timeMs) / 1000
            let usual = ProsodicBaseline.median(model.replyLatenciesSec)
            if let usual, model.replyLatenciesSec.count >= Self.minimumLatencies, usual > 0, latency >= Self.slowReplyFactor * usual {
                let signal = ContextSignal(source: "feedback", text: "replied after \(Int(latency.rounded())) s, against your usual \(Int(usual.rounded())) s")
                outcome.implicitSignals.append(signal)
                outcome.adjustments.append(ContextAdjustment(field: "guidance.questions", value: "at most one this turn", cause: signal))
                outcome.instructions.append("Give them room: ask at most one question, and make it easy to leave.")
            }
            model.append(latencySec: latency)
        }
        if let deflection = reading.deflection, let assistant = model.lastAssistant, assistant.session == session, let topic = assistant.topics.first {
            let known = model.bans.contains { $0.topic.lowercased() == topic.lowercased() }
            if !known {
                model.bans.append(UserModel.Ban(topic: topic, keywords: assistant.topics, scope: "session", session: session, endMs: nil,
                                                phrase: deflection.phrase, timeMs: atMs))
                let cause = ContextSignal(source: "feedback", text: "steered away with '\(deflection.phrase)' when asked about \(topic)")
                outcome.implicitSignals.append(cause)
                outcome.adjustments.append(ContextAdjustment(field: "ban.topic", value: "\(topic), for this conversation", cause: cause))
            }
        }
    }
}
