/// The reliance guardrail: heavy use (sessions on most days for weeks, long sessions or hours a
/// day) together with isolation in the person's own words ("you understand me better than anyone",
/// "I cancelled on my friends again") raises a gentle nudge towards people. Heavy use for tasks by
/// someone who talks of an active social life, and isolation words without heavy use, do not.
public struct RelianceAssessor: Sendable {
    let configuration: RapportConfiguration
    let times: TimePhrases

    public init(configuration: RapportConfiguration) {
        self.configuration = configuration
        times = TimePhrases(timeZone: configuration.timeZone)
    }

    public struct Usage: Sendable, Equatable {
        public var activeDays: Int
        public var windowDays: Int
        public var minutesPerActiveDay: Double
        public var medianSessionMinutes: Double
    }

    /// The person's use over the window ending at `atMs` (sessions that started in it).
    public func usage(_ model: UserModel, atMs: Int64) -> Usage {
        let windowStart = atMs - Int64(configuration.relianceWindowDays) * 86_400_000
        let sessions = model.sessions.filter { $0.startMs >= windowStart && $0.startMs <= atMs }
        let days = Set(sessions.map { times.dayNumber($0.startMs) })
        let minutes = sessions.reduce(0) { $0 + $1.minutes }
        return Usage(activeDays: days.count, windowDays: configuration.relianceWindowDays,
                     minutesPerActiveDay: days.isEmpty ? 0 : minutes / Double(days.count),
                     medianSessionMinutes: ProsodicBaseline.median(sessions.map(\.minutes)) ?? 0)
    }

    public func assess(_ model: UserModel, reading: UtteranceReading, atMs: Int64) -> RelianceFlag {
        let use = usage(model, atMs: atMs)
        let heavyDays = use.activeDays >= configuration.relianceMinimumActiveDays
        let long = use.minutesPerActiveDay >= configuration.relianceMinimumDailyMinutes
            || use.medianSessionMinutes >= configuration.relianceMinimumSessionMinutes
        let windowStart = atMs - Int64(configuration.relianceWindowDays) * 86_400_000
        let isolation = model.isolation.filter { $0.timeMs >= windowStart }
        let social = model.socialContact.filter { $0.timeMs >= windowStart }
        // Isolation said now outweighs earlier talk of friends; otherwise the later kind of cue wins.
        let isolated = !reading.isolation.isEmpty || (!isolation.isEmpty && (social.last?.timeMs ?? .min) < (isolation.last?.timeMs ?? .min))
        guard heavyDays, long, isolated, !isolation.isEmpty || !reading.isolation.isEmpty else { return RelianceFlag(raised: false, signals: []) }
        var signals = [ContextSignal(source: "usage", text: "sessions on \(use.activeDays) of the last \(use.windowDays) days")]
        if use.minutesPerActiveDay >= configuration.relianceMinimumDailyMinutes {
            signals.append(ContextSignal(source: "usage", text: "about \(Self.duration(minutes: use.minutesPerActiveDay)) a day with the assistant"))
        } else {
            signals.append(ContextSignal(source: "usage", text: "sessions of \(Self.duration(minutes: use.medianSessionMinutes)) typically"))
        }
        for cue in isolation.filter({ $0.timeMs < atMs }).suffix(2) {
            signals.append(ContextSignal(source: "text", text: "said '\(cue.phrase)' on \(times.dayAndTime(cue.timeMs, relativeTo: atMs))"))
        }
        if !reading.isolation.isEmpty {
            signals.append(contentsOf: reading.isolation.map { ContextSignal(source: "text", text: "said '\($0.phrase)' just now") })
        }
        return RelianceFlag(raised: true, signals: signals)
    }

    static func duration(minutes: Double) -> String {
        if minutes >= 90 {
            let hours = (minutes / 60 * 2).rounded() / 2
            return hours == hours.rounded() ? "\(Int(hours)) hours" : "\(Int(hours)) and a half hours"
        }
        return "\(Int(minutes.rounded())) minutes"
    }
}
