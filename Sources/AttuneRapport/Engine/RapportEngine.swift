import AttuneKernels
import AttuneMemory
import AttuneStore
import AttuneText
import Foundation

/// The rapport engine: after each person's turn, the context for the assistant's next reply (how to
/// reply, what to follow up on, what is remembered and where from, how the person seems against their
/// own baseline, the guardrail flags), each part with the signals behind it. Every turn, the
/// assistant's included, goes to memory; the person's model is kept in the same encrypted store.
///
/// One turn's work, in order: check the turn (nothing is stored from a bad one); embed its text once;
/// recall with that vector and list follow-ups (before the turn is stored, so it does not recall
/// itself); store it in memory with the same vector; read the words; fuse affect; apply feedback to
/// the model; raise the guardrails; plan guidance; scan every instruction with `FalseClaimScanner`;
/// save the model.
public final class RapportEngine {
    public let memory: MemoryEngine
    public let affect: TextAffectAnalyzer
    public let configuration: RapportConfiguration
    let reader: UtteranceReader
    let scanner: FalseClaimScanner
    let tracker: SessionTracker
    let fusion = AffectFusion()
    let feedback: FeedbackLoop
    let planner: GuidancePlanner
    let reliance: RelianceAssessor
    let disclosure: DisclosureSchedule
    let times: TimePhrases
    /// Models read so far, by person key (lower-cased speaker).
    var models: [String: UserModel] = [:]
    /// The person the assistant is talking with: the last one who spoke.
    var currentPerson: String?
    /// Each person's previous turn's vector and session, for the topic shift (not kept across restarts).
    /// Each person's current session's subjects, clustered by embedding, with their previous turn's vector.
    var sessionSubjects: [String: SessionTopicClusters] = [:]
    /// The time of the latest turn taken; a turn earlier than it is refused.
    public private(set) var latestTurnMs: Int64?

    public init(memory: MemoryEngine, affect: TextAffectAnalyzer, configuration: RapportConfiguration = .init()) throws {
        self.memory = memory
        self.affect = affect
        self.configuration = configuration
        reader = UtteranceReader(timeZone: TimeZone(identifier: configuration.timeZone) ?? TimeZone(identifier: "UTC")!)
        scanner = FalseClaimScanner()
        tracker = SessionTracker(gapMs: configuration.sessionGapMs)
        feedback = FeedbackLoop(configuration: configuration)
        planner = GuidancePlanner(configuration: configuration)
        reliance = RelianceAssessor(configuration: configuration)
        disclosure = DisclosureSchedule(cadenceMs: configuration.disclosureCadenceMs)
        times = TimePhrases(timeZone: configuration.timeZone)
        let stored = try memory.store.rapportModels()
        if let latest = stored.max(by: { $0.updatedMs < $1.updatedMs }) {
            currentPerson = latest.person
            latestTurnMs = latest.updatedMs
        }
    }

    /// Takes one turn: the context for the assistant's reply to a person's turn, nil for the
    /// assistant's own turn. Throws `RapportEngineError.badTurn` (storing nothing) for a turn that
    /// breaks the input rules, time order included.
    /// - Parameter vector: the turn's sentence vector when it was made ahead (`MemoryEngine.queryVector`
    ///   of its text, or the same model's on another thread); nil embeds it here.
    public func observe(_ turn: RapportTurn, vector: [Float]? = nil) throws -> RapportContext? {
        let atMs: Int64
        do throws(RapportTurnProblem) {
            atMs = try turn.validated(after: latestTurnMs)
        } catch {
            throw RapportEngineError.badTurn(error)
        }
        if turn.isAssistant {
            try observeAssistant(turn, atMs: atMs, vector: vector)
            return nil
        }
        return try observePerson(turn, atMs: atMs, vector: vector)
    }

    /// The stored model of `person` (lower-cased speaker), or a new one.
    public func model(of person: String) throws -> UserModel {
        let key = person.lowercased()
        if let model = models[key] { return model }
        guard let data = try memory.store.rapportModel(person: key) else { return UserModel(person: key) }
        do {
            let model = try JSONDecoder().decode(UserModel.self, from: data)
            guard model.version <= UserModel.currentVersion else {
                throw RapportEngineError.unreadableModel(person: key, reason: "version \(model.version), this Attune reads up to \(UserModel.currentVersion)")
            }
            models[key] = model
            return model
        } catch let error as RapportEngineError {
            throw error
        } catch {
            throw RapportEngineError.unreadableModel(person: key, reason: "not a model: \(error)")
        }
    }

    func save(_ model: UserModel, atMs: Int64) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try memory.store.putRapportModel(person: model.person, model: try encoder.encode(model), atMs: atMs)
        models[model.person] = model
    }

    private func observeAssistant(_ turn: RapportTurn, atMs: Int64, vector: [Float]?) throws {
        let person = currentPerson ?? "user"
        var model = try model(of: person)
        let session = turn.session ?? model.currentSession?.id ?? RFC3339Time.format(atMs)
        // The turn and the model it changes commit together.
        try committingModel(of: person) {
            try memory.observe(ObservedTurn(timeMs: atMs, speaker: turn.speaker, text: turn.text, session: session), vector: vector) { outcome in
                let topics = TopicWords.topics(ofAssistant: turn.text, entities: outcome.entities)
                model.lastAssistant = UserModel.AssistantTurn(text: turn.text, timeMs: atMs, session: session, topics: topics)
                if model.currentSession?.id == session { model.note(topics: topics) }
                try save(model, atMs: atMs)
            }
        }
        latestTurnMs = atMs
    }

    private func observePerson(_ turn: RapportTurn, atMs: Int64, vector given: [Float]?) throws -> RapportContext {
        let person = turn.speaker.lowercased()
        var model = try model(of: person)
        let position = tracker.position(of: atMs, hostSession: turn.session, in: model)
        if position.opened {
            model.pendingRiskyPlan = nil
            model.shortAnswerStreak = 0
            model.sessionTopics = []
        }
        let vector = given ?? memory.queryVector(turn.text)
        let recalled = try memory.recall(turn.text, vector: vector, atMs: atMs, speaker: turn.speaker, limit: 10)
        let due = try memory.followups(atMs: atMs)
        let previousAssistant = model.lastAssistant.flatMap { $0.session == position.session ? $0.text : nil }
        let reading = reader.read(turn.text, timeMs: atMs, previousAssistantText: previousAssistant)
        let textAffect = affect.analyze(turn.text)
        // Memory's rows for the turn and the person's model commit in one transaction (one synced
        // commit per turn); the session's subjects are kept only once it has committed.
        var subjectsAfter: SessionTopicClusters?
        let context = try committingModel(of: person) {
            try memory.observe(ObservedTurn(timeMs: atMs, speaker: turn.speaker, text: turn.text, session: position.session), vector: vector) { observed -> RapportContext in
                model.note(topics: observed.entities)

                // Voice against the person's own earlier sessions.
                let hour = times.hour(atMs)
                let baseline = ProsodicBaseline.from(model.voice, excludingSession: position.session, localHour: hour, hourOf: times.hour,
                                                     minimumTurns: configuration.baselineMinimumTurns)
                let voice = turn.prosody.flatMap { prosody in baseline.map { VoiceComparison(prosody, baseline: $0) } }
                let fused = fusion.fuse(text: textAffect, reading: reading, voice: voice, hasVoice: turn.prosody != nil)

                // The model learns from this turn.
                let words = turn.text.split(whereSeparator: { $0.isWhitespace }).count
                tracker.record(position, atMs: atMs, words: words, in: &model)
                let outcome = feedback.apply(reading, text: turn.text, atMs: atMs, session: position.session, opened: position.opened, model: &model)
                for cue in reading.isolation {
                    model.append(cue: UserModel.Setting(value: "isolation", phrase: cue.phrase, timeMs: atMs, session: position.session), to: \.isolation)
                }
                for cue in reading.socialContact {
                    model.append(cue: UserModel.Setting(value: "social", phrase: cue.phrase, timeMs: atMs, session: position.session), to: \.socialContact)
                }
                if let prosody = turn.prosody {
                    model.append(voice: UserModel.VoiceSample(session: position.session, timeMs: atMs, f0MeanHz: prosody.f0MeanHz,
                                                              f0RangeSemitones: prosody.f0RangeSemitones, speechRateSylPerSec: prosody.speechRateSylPerSec,
                                                              loudnessDb: prosody.loudnessDb, pauseBeforeMs: prosody.pauseBeforeMs))
                }

                let flags = raiseFlags(reading, text: turn.text, textAffect: textAffect, atMs: atMs, session: position.session, model: &model)
                let plan = planner.plan(GuidancePlanner.Inputs(reading: reading, text: turn.text, atMs: atMs, session: position.session, affect: fused,
                                                               voice: voice, model: model, flags: flags, feedback: outcome,
                                                               hasVoice: turn.prosody != nil))
                var guidance = plan.guidance
                guidance.instructions = honest(guidance.instructions)
                let banned = guidance.avoidTopics.map { $0.lowercased() } + model.bans.filter { $0.holds(atMs: atMs, session: position.session) }.flatMap(\.keywords).map { $0.lowercased() }
                let memories = rememberedMemories(recalled, person: person, avoiding: banned)
                let followups = dueFollowups(due, person: person, avoiding: banned + model.noAsk.map { $0.value.lowercased() })

                var explanations = plan.explanations
                explanations.insert(ContextExplanation(about: "affect", text: affectSentence(fused.affect), signals: fused.affect.signals), at: 0)
                explanations += flagExplanations(flags)
                for (index, memory) in memories.enumerated() {
                    explanations.append(ContextExplanation(
                        about: "memories[\(index)]", text: "\(told(memory.source, atMs: atMs)): '\(memory.source.text)'",
                        signals: [ContextSignal(source: "memory", text: "stored turn #\(memory.source.id ?? 0), session \(memory.source.session ?? "none")")]))
                }
                for (index, followup) in followups.enumerated() {
                    explanations.append(ContextExplanation(
                        about: "followups[\(index)]", text: "\(told(followup.source, atMs: atMs)) about the \(followup.event): '\(followup.source.text)'",
                        signals: [ContextSignal(source: "memory", text: followup.eventTime.map { "the \(followup.event) was due \(times.when(RFC3339Time.parse($0) ?? atMs, relativeTo: atMs)) and has not been reported since" } ?? "the \(followup.event) is due")]))
                }
                let disclosed = disclosure.disclosure(atMs: atMs, sessionOpened: position.opened, model: &model)
                if disclosed.due && !position.opened {
                    guidance.instructions.append("Remind them briefly that you are an AI assistant.")
                }
                let session = model.currentSession
                var threads = followups.map { "the \($0.event) (due \(times.when(RFC3339Time.parse($0.eventTime ?? "") ?? atMs, relativeTo: atMs)))" }
                if reading.deflection != nil, let assistant = model.lastAssistant, assistant.session == position.session, assistant.text.contains("?") {
                    threads.append("your question they steered away from: '\(GuidancePlanner.excerpt(assistant.text))'")
                }
                var subjects = sessionSubjects[person].flatMap { $0.session == position.session ? $0 : nil } ?? SessionTopicClusters(session: position.session)
                let similarity = subjects.similarityToPrevious(vector)
                let subject = subjects.add(vector, text: turn.text)
                subjectsAfter = subjects
                let dialogue = ContextDialogue(
                    turnInSession: session?.turns ?? 1, sessionMinutes: Int((session?.minutes ?? 0).rounded(.down)), topics: model.sessionTopics,
                    openThreads: threads, assistantLastSaid: model.lastAssistant.flatMap { $0.session == position.session ? $0.text : nil },
                    similarityToPrevious: similarity.map { ($0 * 1000).rounded() / 1000 }, subjects: subjects.topics(current: subject))
                model.lastTurnMs = atMs
                try save(model, atMs: atMs)

                return RapportContext(
                    time: RFC3339Time.format(atMs), session: position.session, speaker: turn.speaker, intents: reading.intents.map(\.rawValue),
                    affect: fused.affect, guidance: guidance, memories: memories, followups: followups, flags: flags, explanations: explanations,
                    disclosure: disclosed, adjustments: outcome.adjustments, dialogue: dialogue)
            }.result
        }
        sessionSubjects[person] = subjectsAfter
        currentPerson = person
        latestTurnMs = atMs
        return context
    }

    /// Runs `body`, which saves `person`'s model inside memory's transaction for the turn; if it
    /// throws (the transaction rolled back), the model read before it is dropped from the cache, so
    /// the next turn reads the one the store holds.
    @discardableResult
    func committingModel<T>(of person: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            models[person.lowercased()] = nil
            throw error
        }
    }

    /// The instructions that `FalseClaimScanner` finds nothing in. Engine-written instructions never
    /// trip it (the tests scan every one); one carrying the person's words might, and is dropped.
    func honest(_ instructions: [String]) -> [String] {
        let kept = instructions.filter { scanner.findings(in: $0).isEmpty }
        return kept
    }

    /// Distress-cue categories (models/distress-cues.tsv) that are a risk to life, and the hand-off reason each gives.
    static let handoffCueReasons: [String: String] = [
        "wanting to die": "suicidal_thoughts", "self-harm": "self_harm", "saying goodbye": "preparations", "being a burden": "passive_suicidal_thoughts",
    ]
    /// Cue words that name the subject rather than a wish ("suicide risk assessment"): left to the reader.
    static let bareRiskWords: Set<String> = ["suicide"]

    func raiseFlags(_ reading: UtteranceReading, text: String, textAffect: TextAffect, atMs: Int64, session: String, model: inout UserModel) -> ContextFlags {
        var handoff = HandoffFlag(raised: false, reason: nil, resources: [], signals: [])
        if let risk = reading.risk {
            handoff = HandoffFlag(raised: true, reason: risk.category.rawValue, resources: configuration.handoff.resources,
                                  signals: [ContextSignal(source: "text", text: "said '\(risk.phrase)'")])
        } else if reading.riskDismissals.isEmpty, let cue = textAffect.distressCues.first(where: { Self.handoffCueReasons[$0.category] != nil && !Self.bareRiskWords.contains($0.phrase) }) {
            // A safety net under the reader: a warning sign of suicide from the NIMH list the text
            // analyser matched, in words the reader neither read as risk nor dismissed as figurative,
            // fiction, research or past, still hands off.
            handoff = HandoffFlag(raised: true, reason: Self.handoffCueReasons[cue.category], resources: configuration.handoff.resources,
                                  signals: [ContextSignal(source: "text", text: "said '\(cue.phrase)' (a warning sign: \(cue.category))")])
        }
        var falseClaim = FalseClaimRequestFlag(raised: false, claim: nil, signals: [])
        if let request = reading.falseClaimRequest {
            falseClaim = FalseClaimRequestFlag(raised: true, claim: request.claim.rawValue, signals: [ContextSignal(source: "text", text: "asked '\(request.phrase)'")])
        }
        var risky = RiskyPlanFlag(raised: false, risk: nil, signals: [])
        if let plan = reading.riskyPlan {
            model.pendingRiskyPlan = UserModel.PendingPlan(domain: plan.domain.rawValue, risk: plan.risk, saferOption: plan.saferOption,
                                                           phrase: plan.phrase, timeMs: atMs, session: session)
            risky = RiskyPlanFlag(raised: true, risk: plan.risk, signals: [ContextSignal(source: "text", text: "said '\(plan.phrase)'")])
        } else if let pending = model.pendingRiskyPlan, pending.session == session,
                  let asked = BackingRequest.phrase(in: text) ?? (reading.intents.contains(.askingView) ? "asked for my view" : nil) {
            risky = RiskyPlanFlag(raised: true, risk: pending.risk, signals: [
                ContextSignal(source: "text", text: "said '\(pending.phrase)' on \(times.dayAndTime(pending.timeMs, relativeTo: atMs))"),
                ContextSignal(source: "text", text: asked.hasPrefix("asked") ? asked : "asked me to '\(asked)'"),
            ])
        }
        let nudge = reliance.assess(model, reading: reading, atMs: atMs)
        return ContextFlags(handoff: handoff, relianceNudge: nudge, riskyPlan: risky, falseClaimRequest: falseClaim)
    }

    func flagExplanations(_ flags: ContextFlags) -> [ContextExplanation] {
        var explanations: [ContextExplanation] = []
        if flags.handoff.raised {
            let contacts = flags.handoff.resources.map { "\($0.name) (\($0.contact))" }.joined(separator: " or ")
            explanations.append(ContextExplanation(about: "flags.handoff", text: "What you said (\(flags.handoff.signals.map(\.text).joined(separator: "; "))) sounds like your safety is at risk now; \(contacts) can help straight away.", signals: flags.handoff.signals))
        }
        if flags.falseClaimRequest.raised {
            explanations.append(ContextExplanation(about: "flags.falseClaimRequest", text: "You \(flags.falseClaimRequest.signals.first?.text ?? "asked for a pretence"); an AI assistant cannot honestly be that, so it will say what it is.", signals: flags.falseClaimRequest.signals))
        }
        if flags.riskyPlan.raised, let risk = flags.riskyPlan.risk {
            explanations.append(ContextExplanation(about: "flags.riskyPlan", text: "You \(flags.riskyPlan.signals.first?.text ?? "described a plan"); the concrete risk: \(risk).", signals: flags.riskyPlan.signals))
        }
        if flags.relianceNudge.raised {
            let usage = flags.relianceNudge.signals.filter { $0.source == "usage" }.map(\.text).joined(separator: ", ")
            let words = flags.relianceNudge.signals.filter { $0.source == "text" }.map(\.text).joined(separator: "; ")
            explanations.append(ContextExplanation(about: "flags.relianceNudge", text: "You've had \(usage), and you \(words).", signals: flags.relianceNudge.signals))
        }
        return explanations
    }

    func affectSentence(_ affect: ContextAffect) -> String {
        let arousal = affect.arousal.map { ", arousal \($0) than your usual" }.map { $0.replacingOccurrences(of: "same than", with: "the same as") } ?? ""
        return "Inferred from \(affect.signals.map(\.text).joined(separator: "; ")): \(affect.valence)\(arousal)."
    }

    /// "You told me on Monday at 08:10" / "Sam told me …" / "I said …".
    func told(_ source: ContextSource, atMs: Int64) -> String {
        let when = RFC3339Time.parse(source.time).map { times.dayAndTime($0, relativeTo: atMs) } ?? source.time
        let speaker = source.speaker?.lowercased()
        if speaker == "assistant" { return "I said on \(when)" }
        return "You told me on \(when)"
    }

    /// Only what recall is confident of, from the person's own turns, current values first, nothing on a banned topic.
    func rememberedMemories(_ answer: RecallAnswer, person: String, avoiding banned: [String]) -> [ContextMemory] {
        guard answer.confident, let best = answer.results.first?.score else { return [] }
        var seen = Set<Int64>()
        var memories: [ContextMemory] = []
        for result in answer.results where result.score >= best * 0.5 && result.source.speaker?.lowercased() == person {
            guard !seen.contains(result.source.id), !Self.mentions(result.text + " " + result.source.text, any: banned) else { continue }
            seen.insert(result.source.id)
            memories.append(ContextMemory(text: result.text, kind: result.kind, current: result.current,
                                          source: ContextSource(id: result.source.id, text: result.source.text, time: result.source.time,
                                                                session: result.source.session, speaker: result.source.speaker)))
            if memories.count == configuration.memoryLimit { break }
        }
        return memories
    }

    func dueFollowups(_ answer: FollowupsAnswer, person: String, avoiding banned: [String]) -> [ContextFollowup] {
        answer.followups.filter { followup in
            followup.source.speaker?.lowercased() == person && !Self.mentions(followup.question + " " + followup.source.text, any: banned)
        }.suffix(configuration.followupLimit).map { followup in
            ContextFollowup(question: followup.question, event: followup.event, eventTime: followup.eventTime,
                            source: ContextSource(id: followup.source.id, text: followup.source.text, time: followup.source.time,
                                                  session: followup.source.session, speaker: followup.source.speaker))
        }
    }

    /// Whether `text` names any of `topics` as whole words ("ex" is in "my ex called", not in "next").
    static func mentions(_ text: String, any topics: [String]) -> Bool {
        let words = tokens(text)
        return topics.contains { topic in
            let wanted = tokens(topic).filter { !["my", "the", "a", "an", "about", "his", "her", "our", "their", "them", "they", "what", "when"].contains($0) }
            guard !wanted.isEmpty, wanted.count <= words.count else { return false }
            return (0...(words.count - wanted.count)).contains { start in
                zip(words[start..<(start + wanted.count)], wanted).allSatisfy { $0 == $1 || $0 == $1 + "s" || $0 == $1 + "'s" }
            }
        }
    }

    static func tokens(_ text: String) -> [String] {
        text.lowercased().replacingOccurrences(of: "’", with: "'").split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "'" }).map(String.init)
    }
}
