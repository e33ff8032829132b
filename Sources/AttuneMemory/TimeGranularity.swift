/// How precisely a time mention names its interval: the unit the memory engine may compare it at.
/// `range` is an explicit "from … to …" / "between … and …" / "9–11am" span; `partOfMonth` is
/// "beginning of March" (days 1–10), "mid-April" (11–20) or "the end of the month" (21 to the last day).
public enum TimeGranularity: String, Codable, Sendable, Hashable, CaseIterable {
    case minute
    case hour
    case partOfDay
    case day
    case weekend
    case week
    case fortnight
    case partOfMonth
    case month
    case year
    case range
}
