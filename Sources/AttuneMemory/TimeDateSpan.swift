/// A run of whole local days a date phrase names ("Thursday", "next week", "the end of February"), or an
/// exact instant for "in 20 minutes", with the orientation the phrase was resolved in.
struct TimeDateSpan: Sendable {
    var firstDay: Int
    var dayCount: Int
    var granularity: TimeGranularity
    var orientation: TimeOrientation
    var reason: TimeOrientationReason
    /// "tonight", "this morning", "last night": the date carries its part of the day.
    var dayPart: DayPart?
    /// The weekday a "Tuesday" phrase named, so "Tuesday next week" can move it into that week.
    var weekday: Int?
    /// An instant (seconds since the epoch) instead of local days: "in 20 minutes", "two hours ago".
    var instantSeconds: Double?

    var isSingleDay: Bool { dayCount == 1 && instantSeconds == nil }
}
