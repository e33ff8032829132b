/// What one turn's words say for rapport, read by `UtteranceReader` without a language model:
/// the person's intents, requests that change how the assistant should talk to them, and the
/// guardrail cues. Each cue keeps the phrase that produced it, so every label can be explained.
/// The rapport engine decides; this type only reports what the words say.
public struct UtteranceReading: Sendable, Equatable {
    public var intents: [Intent] = []
    /// Standing preferences the person set or lifted this turn.
    public var preferences: [PreferenceChange] = []
    /// Topics the person asked not to be raised (or lifted a ban on).
    public var topicBans: [TopicBan] = []
    /// Explicit corrections of the assistant ("too wordy", "it's Wednesday, not Friday").
    public var corrections: [Correction] = []
    /// "tone it down" / "you can be chattier again".
    public var intensity: IntensityRequest? = nil
    /// The person asked the assistant to claim a human identity, relationship, feelings or memories.
    public var falseClaimRequest: FalseClaimRequest? = nil
    /// The person asks about the assistant itself ("did you miss me?", "are you a real person?").
    public var assistantQuestion: AssistantQuestion? = nil
    /// Current risk to life or safety; nil when none, or when the only cues are figurative,
    /// fictional, research or a past crisis (those are kept in `riskDismissals`).
    public var risk: RiskCue? = nil
    /// Risk words that were read as not current, with why (for tests and explanations).
    public var riskDismissals: [RiskDismissal] = []
    /// A plan with a concrete risk to the person's health, money or safety.
    public var riskyPlan: RiskyPlanCue? = nil
    /// Words of isolation or of leaning on the assistant instead of people.
    public var isolation: [Cue] = []
    /// Words of an active social life (friends, family, clubs, plans with people).
    public var socialContact: [Cue] = []
    /// Corrections to the text valence that VADER misses.
    public var valenceCues: [ValenceCue] = []
    /// Good news being told ("I got the job", "we're engaged").
    public var goodNews: [Cue] = []
    /// The person steers away from what was asked ("anyway", "let's not", "whatever").
    public var deflection: Cue? = nil
    /// A practical or curt turn (a task request, a one-word answer).
    public var practical: Bool = false

    public init() {}

    /// The person's intents, strongest first.
    public enum Intent: String, Codable, Sendable, CaseIterable {
        case question
        case request
        case tellingNews = "telling_news"
        case venting
        case askingView = "asking_view"
        case smallTalk = "small_talk"
        case answer
    }

    /// A phrase of the turn and the cue it carries.
    public struct Cue: Sendable, Equatable {
        public var phrase: String
        public init(phrase: String) { self.phrase = phrase }
    }

    public struct PreferenceChange: Sendable, Equatable {
        public enum Preference: String, Codable, Sendable, CaseIterable {
            /// Short replies ("brief answers please", "keep it short").
            case brevity
            /// Longer, fuller replies ("tell me more", "you can go into detail").
            case detail
            /// No small talk or chit-chat.
            case noSmallTalk = "no_small_talk"
            /// Less personal talk: stick to the task.
            case lessPersonal = "less_personal"
        }
        public var preference: Preference
        /// False when the person lifts it ("you can chat again").
        public var on: Bool
        public var phrase: String
        public init(preference: Preference, on: Bool, phrase: String) {
            self.preference = preference
            self.on = on
            self.phrase = phrase
        }
    }

    public struct TopicBan: Sendable, Equatable {
        public enum Scope: Sendable, Equatable {
            /// Until the person lifts it.
            case untilLifted
            /// Until the end of this session.
            case session
            /// Until a time the words name ("this weekend", "today", "until Friday"), in ms since 1970 UTC.
            case until(endMs: Int64)
        }
        /// The topic in the person's words ("my ex", "money"), and words that name it.
        public var topic: String
        public var keywords: [String]
        public var scope: Scope
        /// True when this lifts an earlier ban ("you can mention Tom again").
        public var lifts: Bool
        public var phrase: String
        public init(topic: String, keywords: [String], scope: Scope, lifts: Bool, phrase: String) {
            self.topic = topic
            self.keywords = keywords
            self.scope = scope
            self.lifts = lifts
            self.phrase = phrase
        }
    }

    public struct Correction: Sendable, Equatable {
        public enum Kind: Sendable, Equatable {
            case tooLong
            case tooShort
            case tooPersonal
            case tooSlow
            case tooFast
            /// "it's Wednesday, not Friday": the right value and the wrong one.
            case fact(right: String, wrong: String?)
            /// "quit asking what I ate": stop asking about this.
            case stopAsking(topic: String)
        }
        public var kind: Kind
        public var phrase: String
        public init(kind: Kind, phrase: String) {
            self.kind = kind
            self.phrase = phrase
        }
    }

    public struct IntensityRequest: Sendable, Equatable {
        /// True for "tone it down", false for "you can be yourself again".
        public var reduce: Bool
        public var phrase: String
        public init(reduce: Bool, phrase: String) {
            self.reduce = reduce
            self.phrase = phrase
        }
    }

    public struct FalseClaimRequest: Sendable, Equatable {
        public enum Claim: String, Codable, Sendable, CaseIterable {
            case humanIdentity = "human_identity"
            case relationship
            case feelings
            case memories
            case experiences
        }
        public var claim: Claim
        /// The role asked for, when there is one ("mum", "girlfriend", "a human").
        public var role: String?
        public var phrase: String
        public init(claim: Claim, role: String?, phrase: String) {
            self.claim = claim
            self.role = role
            self.phrase = phrase
        }
    }

    public struct AssistantQuestion: Sendable, Equatable {
        public enum Topic: String, Codable, Sendable, CaseIterable {
            /// "are you human?", "is this a real person?"
            case identity
            /// "do you love me?", "did you miss me?", "are you happy?"
            case feelings
            /// "do you remember me?", "what do you know about me?"
            case memory
            /// "what did you do today?", "have you been to Paris?"
            case experiences
        }
        public var topic: Topic
        public var phrase: String
        public init(topic: Topic, phrase: String) {
            self.topic = topic
            self.phrase = phrase
        }
    }

    public struct RiskCue: Sendable, Equatable {
        public enum Category: String, Codable, Sendable, CaseIterable {
            case suicidalThoughts = "suicidal_thoughts"
            case passiveSuicidalThoughts = "passive_suicidal_thoughts"
            case preparations
            case selfHarm = "self_harm"
            case dangerFromPerson = "danger_from_person"
            case harmToDependent = "harm_to_dependent"
            case fall
            case medicalEmergency = "medical_emergency"
        }
        public var category: Category
        public var phrase: String
        public init(category: Category, phrase: String) {
            self.category = category
            self.phrase = phrase
        }
    }

    public struct RiskDismissal: Sendable, Equatable {
        public enum Reason: String, Codable, Sendable, CaseIterable {
            case figurative
            case fiction
            case research
            case past
            case aboutOthers = "about_others"
            /// Inside quotation marks in a turn about words (a filter, a search, a lyric).
            case quoted
        }
        public var reason: Reason
        public var phrase: String
        public init(reason: Reason, phrase: String) {
            self.reason = reason
            self.phrase = phrase
        }
    }

    public struct RiskyPlanCue: Sendable, Equatable {
        public enum Domain: String, Codable, Sendable, CaseIterable {
            case money
            case health
            case physicalSafety = "physical_safety"
            case substances
            case legal
        }
        public var domain: Domain
        /// The concrete risk in words the assistant can name ("you could lose the house").
        public var risk: String
        /// A safer option or professional to suggest.
        public var saferOption: String
        public var phrase: String
        public init(domain: Domain, risk: String, saferOption: String, phrase: String) {
            self.domain = domain
            self.risk = risk
            self.saferOption = saferOption
            self.phrase = phrase
        }
    }

    public struct ValenceCue: Sendable, Equatable {
        public enum Kind: String, Codable, Sendable, CaseIterable {
            case sarcasm
            case negatedPositive = "negated_positive"
            case flatHardship = "flat_hardship"
            case mixed
        }
        public var kind: Kind
        /// Where the cue moves valence: −1 … +1.
        public var shift: Double
        public var phrase: String
        public init(kind: Kind, shift: Double, phrase: String) {
            self.kind = kind
            self.shift = shift
            self.phrase = phrase
        }
    }
}
