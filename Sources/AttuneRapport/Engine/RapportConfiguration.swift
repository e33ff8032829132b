import Foundation

/// The rapport engine's settings (docs/RAPPORT.md, "Configuration"). Every number has a default that
/// the scenario suite in `tools/rapport/` was developed against.
public struct RapportConfiguration: Sendable, Equatable {
    /// A person's turns this far apart belong to different sessions, unless the host names the session.
    public var sessionGapMs: Int64
    /// The AI-disclosure reminder is due at a session's first turn and again after this much continuous use.
    public var disclosureCadenceMs: Int64
    /// Where crisis hand-offs point: the country's emergency number and crisis line.
    public var handoff: HandoffResources
    /// IANA zone that explanations name days and times in ("on Monday at 08:10").
    public var timeZone: String
    /// Voiced turns from earlier sessions the prosodic baseline needs before arousal and pace are read.
    public var baselineMinimumTurns: Int
    /// Word budgets of the three reply lengths.
    public var shortWords: Int
    public var normalWords: Int
    public var longWords: Int
    /// Reliance: days with sessions out of the last `relianceWindowDays`, and the daily use, that count as heavy.
    public var relianceWindowDays: Int
    public var relianceMinimumActiveDays: Int
    public var relianceMinimumDailyMinutes: Double
    public var relianceMinimumSessionMinutes: Double
    /// Memories and follow-ups the context carries at most.
    public var memoryLimit: Int
    public var followupLimit: Int

    public init(sessionGapMs: Int64 = 30 * 60_000, disclosureCadenceMs: Int64 = 3 * 3_600_000, handoff: HandoffResources = .unitedKingdom,
                timeZone: String = "UTC", baselineMinimumTurns: Int = 3, shortWords: Int = 40, normalWords: Int = 90, longWords: Int = 180,
                relianceWindowDays: Int = 21, relianceMinimumActiveDays: Int = 14, relianceMinimumDailyMinutes: Double = 90,
                relianceMinimumSessionMinutes: Double = 45, memoryLimit: Int = 3, followupLimit: Int = 2) {
        self.sessionGapMs = sessionGapMs
        self.disclosureCadenceMs = disclosureCadenceMs
        self.handoff = handoff
        self.timeZone = timeZone
        self.baselineMinimumTurns = baselineMinimumTurns
        self.shortWords = shortWords
        self.normalWords = normalWords
        self.longWords = longWords
        self.relianceWindowDays = relianceWindowDays
        self.relianceMinimumActiveDays = relianceMinimumActiveDays
        self.relianceMinimumDailyMinutes = relianceMinimumDailyMinutes
        self.relianceMinimumSessionMinutes = relianceMinimumSessionMinutes
        self.memoryLimit = memoryLimit
        self.followupLimit = followupLimit
    }
}
