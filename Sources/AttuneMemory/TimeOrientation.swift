/// Which way from the utterance's own time a mention points. A bare "Thursday" is the next Thursday in
/// "my MRI is on Thursday" and the previous one in "on Thursday I finally saw the GP".
public enum TimeOrientation: String, Codable, Sendable, Hashable {
    case future
    case past
}

/// Why a mention has its orientation, so the memory engine (and a person reading `--json`) can judge it.
public enum TimeOrientationReason: Codable, Sendable, Hashable {
    /// The words of the expression fix the direction or the date itself: "next", "last", "ago", "in 3 days",
    /// "tomorrow", "yesterday", a stated year. The associated word is the one that decided.
    case phrase(String)
    /// A tense cue in the same clause (or, failing that, the sentence): "went", "saw", "-ed" for the past;
    /// "will", "going to", "is on", "'m seeing", "booked … for" for the future.
    case tenseCue(String)
    /// The caller asked for this orientation (a recall query's hint).
    case requested
    /// Nothing in the sentence says; a bare mention defaults to the future, because people mostly name
    /// bare weekdays and dates when planning.
    case noCue
}

/// What the caller wants the resolver to do about orientation. Expressions that fix their own direction
/// ("last week", "in two days") keep it whatever is asked.
public enum TimeOrientationPreference: Sendable, Hashable {
    /// Read tense cues from the utterance (observe).
    case inferFromTense
    /// Treat bare mentions as pointing forward or back (recall: "on Sunday night" asked afterwards is `.past`).
    case always(TimeOrientation)
}
