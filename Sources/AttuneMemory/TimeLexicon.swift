/// The words the time resolver knows, each mapped once to what it means. A word not in the table is
/// `.other`; the grammar uses that to refuse "at nine years old" or "on the second floor".
enum TimeWord: Equatable, Sendable {
    case other
    case weekday(Int)  // 0 = Monday
    case month(Int)  // 1 = January
    case cardinal(Int)  // "three", "twenty"
    case ordinal(Int)  // "third", "twentieth"
    case key(TimeKeyword)
}

enum TimeKeyword: Equatable, Sendable {
    case today, tonight, tomorrow, yesterday, now
    case day, week, weekend, fortnight, month, year, hour, minute, time
    case next, last, this, coming, past, ago, following, previous
    case `in`, on, at, by, from, to, till, through, between, and, the, a, of, after, before, around, since, during
    case morning, afternoon, evening, night, lunchtime
    case noon, midnight, am, pm, oclock, half, quarter
    case end, beginning, middle, mid, early, late
    case couple, ish
}

enum TimeLexicon {
    static func word(_ text: String) -> TimeWord {
        if let word = table[text] { return word }
        // "Monday's meeting", "tomorrow's forecast": a day word with a possessive is still that day.
        guard text.hasSuffix("'s"), let base = table[String(text.dropLast(2))] else { return .other }
        switch base {
        case .weekday, .key(.today), .key(.tonight), .key(.tomorrow), .key(.yesterday): return base
        default: return .other
        }
    }

    /// A word that can stand alone for an hour of the clock: "nine", "9", "half", "quarter",
    /// "noon", "midnight" (with "half nine", "nine thirty" read by the grammar).
    static func isHourWord(_ text: String) -> Bool {
        if let value = Int(text) { return (1...12).contains(value) }
        switch word(text) {
        case .cardinal(let value): return (1...12).contains(value) || (15...45).contains(value)
        case .key(let keyword): return [.half, .quarter, .noon, .midnight].contains(keyword)
        default: return false
        }
    }

    /// Three-letter weekday abbreviations, as people type them in a hurry ("physio tue 3pm").
    static let shortWeekdays: [String: Int] = ["mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6]
    /// Words before a weekday that make a short form one ("on sat", "next wed", "till fri").
    private static let shortWeekdayLeads: Set<TimeKeyword> = [.on, .next, .this, .last, .coming, .by, .till, .from, .to, .before, .after, .since]

    /// Reads "mon" … "sun" (with or without a full stop) as weekdays where a time is what they can
    /// only be: before a clock time, a day number or a part of the day ("wed 10:30", "sat 12th",
    /// "fri morning", "thu at 9"), or after a word that leads a day ("on sat", "next wed"). Elsewhere
    /// they stay words ("we sat in the sun", "they wed in June").
    static func readShortWeekdays(in tokens: inout [TimeToken]) {
        for index in tokens.indices where tokens[index].kind == .word && tokens[index].text.utf8.count == 3 && tokens[index].word == .other {
            guard let day = shortWeekdays[tokens[index].text] else { continue }
            var next = index + 1
            if next < tokens.count, tokens[next].isPunctuation(0x2E) { next += 1 }
            let before = index > 0 ? tokens[index - 1].word : .other
            var ledIn = false
            // "going to wed": "to" leads no "wed".
            if case .key(let keyword) = before, shortWeekdayLeads.contains(keyword), keyword != .to || day != 2 { ledIn = true }
            var timeAfter = false
            if next < tokens.count {
                let after = tokens[next]
                if after.kind == .number {
                    // A clock time or a day of the month: "10:30", "3pm", "3 pm", "12th", "the 12th" below.
                    let following = next + 1 < tokens.count ? tokens[next + 1] : nil
                    timeAfter = after.isOrdinalNumber || following?.isPunctuation(0x3A) == true
                        || following?.word == .key(.am) || following?.word == .key(.pm)
                } else if case .ordinal = after.word {
                    timeAfter = true
                } else if case .key(let keyword) = after.word {
                    let third = next + 1 < tokens.count ? tokens[next + 1] : nil
                    var thirdIsOrdinal = third?.isOrdinalNumber == true
                    if case .ordinal = third?.word { thirdIsOrdinal = true }
                    // "thu at 9" but not "sat at the back"; "sat the 12th" but not "sat the exam".
                    timeAfter = [.morning, .afternoon, .evening, .night, .lunchtime, .noon].contains(keyword)
                        || keyword == .at && (third?.kind == .number || third?.word == .key(.noon))
                        || keyword == .the && thirdIsOrdinal
                }
            }
            if ledIn || timeAfter { tokens[index].word = .weekday(day) }
        }
    }

    private static let table: [String: TimeWord] = {
        var table: [String: TimeWord] = [:]
        let weekdays = [
            ["monday"], ["tuesday", "tues"], ["wednesday", "weds"], ["thursday", "thurs"], ["friday"],
            ["saturday"], ["sunday"],
        ]
        for (index, names) in weekdays.enumerated() { for name in names { table[name] = .weekday(index) } }
        // Three-letter weekday abbreviations are read only in context (`readShortWeekdays`): "sun",
        // "sat" and "wed" are words too.
        let months = [
            ["january", "jan"], ["february", "feb"], ["march"], ["april", "apr"], ["may"], ["june"], ["july"],
            ["august", "aug"], ["september", "sept", "sep"], ["october", "oct"], ["november", "nov"],
            ["december", "dec"],
        ]
        for (index, names) in months.enumerated() { for name in names { table[name] = .month(index + 1) } }
        let cardinals = [
            "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
            "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
        ]
        for (value, name) in cardinals.enumerated() { table[name] = .cardinal(value) }
        table["thirty"] = .cardinal(30)
        table["forty"] = .cardinal(40)
        table["fifty"] = .cardinal(50)
        let ordinals = [
            "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
            "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
            "eighteenth", "nineteenth", "twentieth",
        ]
        for (index, name) in ordinals.enumerated() { table[name] = .ordinal(index + 1) }
        table["thirtieth"] = .ordinal(30)
        let keywords: [(String, TimeKeyword)] = [
            ("today", .today), ("tonight", .tonight), ("tomorrow", .tomorrow), ("tmrw", .tomorrow),
            ("yesterday", .yesterday), ("now", .now),
            ("day", .day), ("days", .day), ("week", .week), ("weeks", .week), ("weekend", .weekend),
            ("fortnight", .fortnight), ("fortnights", .fortnight), ("month", .month), ("months", .month),
            ("year", .year), ("years", .year), ("hour", .hour), ("hours", .hour), ("minute", .minute),
            ("minutes", .minute), ("mins", .minute), ("time", .time), ("week's", .week), ("weeks'", .week),
            ("days'", .day), ("months'", .month), ("years'", .year),
            ("next", .next), ("last", .last), ("this", .this), ("coming", .coming), ("past", .past),
            ("ago", .ago), ("following", .following), ("previous", .previous),
            ("in", .in), ("on", .on), ("at", .at), ("by", .by), ("from", .from), ("to", .to), ("till", .till),
            ("until", .till), ("til", .till), ("through", .through), ("thru", .through), ("between", .between),
            ("and", .and), ("the", .the), ("a", .a), ("an", .a), ("of", .of), ("after", .after),
            ("before", .before), ("around", .around), ("about", .around), ("since", .since), ("during", .during),
            ("morning", .morning), ("afternoon", .afternoon), ("evening", .evening), ("night", .night),
            ("lunchtime", .lunchtime), ("noon", .noon), ("midday", .noon), ("midnight", .midnight),
            ("am", .am), ("pm", .pm), ("o'clock", .oclock), ("oclock", .oclock), ("half", .half),
            ("quarter", .quarter), ("end", .end), ("beginning", .beginning), ("start", .beginning),
            ("middle", .middle), ("mid", .mid), ("early", .early), ("late", .late), ("couple", .couple),
            ("ish", .ish),
        ]
        for (name, keyword) in keywords { table[name] = .key(keyword) }
        return table
    }()
}
