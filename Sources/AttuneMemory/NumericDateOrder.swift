/// How the resolver reads a numeric date such as "3/6": day first ("3 June", the default, as in the UK,
/// Europe and most of the world) or month first ("March 6", as in the US). ISO dates (2026-06-03) are
/// always year-month-day.
public enum NumericDateOrder: String, Codable, Sendable, Hashable {
    case dayMonth
    case monthDay
}
