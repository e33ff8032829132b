/// The grammar of English time expressions, over `TimeToken`s, resolving as it parses: every phrase is
/// turned into local days and minutes against the utterance's day (`today`) and time (`nowMinute`).
/// Rules for the ambiguous cases are stated in docs/MEMORY.md ("Times"); each is also tested.
///
/// Written by hand because nothing on Linux does it: no Swift date-language library runs there, and
/// Foundation's NSDataDetector, which finds dates on Apple platforms, is missing from
/// swift-corelibs-foundation.
struct TimeExpressionParser {
    let tokens: [TimeToken]
    let today: Int
    let nowMinute: Int
    let referenceSeconds: Double
    let numericDateOrder: NumericDateOrder
    /// Where a bare mention at the current position points, and why (set per candidate by the resolver).
    var orientation: TimeOrientation = .future
    var reason: TimeOrientationReason = .noCue

    var count: Int { tokens.count }

    // MARK: Token helpers

    func key(_ index: Int) -> TimeKeyword? {
        guard index >= 0, index < count, case .key(let keyword) = tokens[index].word else { return nil }
        return keyword
    }

    func isKey(_ index: Int, _ keyword: TimeKeyword) -> Bool { key(index) == keyword }

    func isPunctuation(_ index: Int, _ character: UInt8) -> Bool {
        index >= 0 && index < count && tokens[index].isPunctuation(character)
    }

    func isDash(_ index: Int) -> Bool { isPunctuation(index, 0x2D) }

    func weekday(_ index: Int) -> Int? {
        guard index >= 0, index < count, case .weekday(let day) = tokens[index].word else { return nil }
        return day
    }

    func monthName(_ index: Int) -> Int? {
        guard index >= 0, index < count, case .month(let month) = tokens[index].word else { return nil }
        return month
    }

    func text(_ index: Int) -> String { index >= 0 && index < count ? tokens[index].text : "" }

    /// A cardinal: digits, or words up to fifty-nine ("twenty-one", "twenty one").
    func cardinal(_ index: Int) -> (value: Int, next: Int)? {
        guard index < count else { return nil }
        let token = tokens[index]
        if token.kind == .number, !token.isOrdinalNumber, token.value >= 0 { return (token.value, index + 1) }
        guard case .cardinal(let value) = token.word else { return nil }
        if value >= 20 {
            var next = index + 1
            if isDash(next), !tokens[next].spaceBefore { next += 1 }
            if next < count, case .cardinal(let unit) = tokens[next].word, (1...9).contains(unit) {
                return (value + unit, next + 1)
            }
        }
        return (value, index + 1)
    }

    /// An ordinal: "3rd", "third", "twenty-first", "twenty first", "thirty-first".
    func ordinal(_ index: Int) -> (value: Int, next: Int)? {
        guard index < count else { return nil }
        let token = tokens[index]
        if token.kind == .number, token.isOrdinalNumber, token.value > 0 { return (token.value, index + 1) }
        if case .ordinal(let value) = token.word { return (value, index + 1) }
        if case .cardinal(let tens) = token.word, tens == 20 || tens == 30 {
            var next = index + 1
            if isDash(next), !tokens[next].spaceBefore { next += 1 }
            if next < count, case .ordinal(let unit) = tokens[next].word, (1...9).contains(unit) {
                return (tens + unit, next + 1)
            }
        }
        return nil
    }

    /// How many of a unit: a cardinal, "a"/"an", "a couple of".
    func quantity(_ index: Int) -> (value: Int, next: Int, article: Bool)? {
        if isKey(index, .a) {
            if isKey(index + 1, .couple), isKey(index + 2, .of) { return (2, index + 3, false) }
            return (1, index + 1, true)
        }
        if isKey(index, .couple), isKey(index + 1, .of) { return (2, index + 2, false) }
        if let (value, next) = cardinal(index) { return (value, next, false) }
        return nil
    }

    static func isUnit(_ keyword: TimeKeyword?) -> Bool {
        switch keyword {
        case .day, .week, .fortnight, .month, .year, .hour, .minute: true
        default: false
        }
    }

    /// Words after which an utterance goes on without naming more of a time: what may follow a bare
    /// "at nine" or "the 3rd" (anything else not a time word, as in "at nine years old" or "on the second
    /// floor", means the number was not a time).
    static let clauseContinuations: Set<String> = [
        "i", "we", "you", "he", "she", "they", "it", "my", "our", "his", "her", "their", "so", "but", "then",
        "because", "when", "if", "is", "was", "will", "would", "or", "for", "with", "sharp", "please", "ok",
        "okay", "again", "too", "as", "that", "which", "where", "there", "we'll", "i'll", "i'm", "it's", "we're",
        "and", "latest", "onwards", "instead", "anyway", "though", "right", "exactly", "i've", "she's", "he's",
    ]

    func continuesClause(after index: Int) -> Bool {
        guard index < count else { return true }
        let token = tokens[index]
        switch token.kind {
        case .punctuation: return !(token.text == "%")
        case .number: return false
        case .word:
            switch token.word {
            case .other: return Self.clauseContinuations.contains(token.text)
            case .cardinal, .ordinal: return false  // "the second one"
            default:
                if Self.isUnit(key(index)) || isKey(index, .of) || isKey(index, .a) || isKey(index, .time) { return false }
                return true
            }
        }
    }

    // MARK: Local day arithmetic

    var todayWeekday: Int { TimeLocalCalendar.weekday(days: today) }
    var mondayThisWeek: Int { today - todayWeekday }

    func nextStrictly(_ weekday: Int, after day: Int) -> Int {
        let delta = (weekday - TimeLocalCalendar.weekday(days: day) + 7) % 7
        return day + (delta == 0 ? 7 : delta)
    }

    func previousStrictly(_ weekday: Int, before day: Int) -> Int {
        let delta = (TimeLocalCalendar.weekday(days: day) - weekday + 7) % 7
        return day - (delta == 0 ? 7 : delta)
    }

    func onOrAfter(_ weekday: Int, _ day: Int) -> Int {
        day + (weekday - TimeLocalCalendar.weekday(days: day) + 7) % 7
    }

    func fixed(_ word: String, _ orientation: TimeOrientation) -> (TimeOrientation, TimeOrientationReason) {
        (orientation, .phrase(word))
    }

    /// Orientation of a phrase that names its own date: where it lies from the utterance's day.
    func byPosition(firstDay: Int, dayCount: Int, word: String) -> (TimeOrientation, TimeOrientationReason) {
        if firstDay + dayCount <= today { return (.past, .phrase(word)) }
        if firstDay > today { return (.future, .phrase(word)) }
        return (orientation, reason)
    }

    func span(
        _ firstDay: Int, _ dayCount: Int, _ granularity: TimeGranularity,
        _ oriented: (TimeOrientation, TimeOrientationReason)? = nil, dayPart: DayPart? = nil, weekday: Int? = nil
    ) -> TimeDateSpan {
        let (orientation, reason) = oriented ?? (self.orientation, self.reason)
        return TimeDateSpan(
            firstDay: firstDay, dayCount: dayCount, granularity: granularity, orientation: orientation, reason: reason,
            dayPart: dayPart, weekday: weekday, instantSeconds: nil)
    }

    func monthSpan(year: Int, month: Int, _ oriented: (TimeOrientation, TimeOrientationReason)? = nil) -> TimeDateSpan {
        span(
            TimeLocalCalendar.days(year: year, month: month, day: 1),
            TimeLocalCalendar.daysIn(month: month, year: year), .month, oriented)
    }

    var todayCivil: (year: Int, month: Int, day: Int) { TimeLocalCalendar.civil(days: today) }
}
