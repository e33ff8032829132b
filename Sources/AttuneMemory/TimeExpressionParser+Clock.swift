/// Time-of-day phrases: "9am", "21:30", "9.30pm", "at nine", "nine o'clock", "half past six",
/// "quarter to eight", "ten past four", "noon", "midnight", "in the evening", "at night", and clock
/// ranges ("between 2 and 4 pm", "9–11am", "from 9 to 5").
extension TimeExpressionParser {
    /// An hour as said: digits 0–23 or a word one–twelve.
    func hour(_ index: Int) -> (value: Int, next: Int)? {
        guard index < count else { return nil }
        let token = tokens[index]
        if token.kind == .number {
            guard !token.isOrdinalNumber, token.digitCount <= 2, (0...23).contains(token.value) else { return nil }
            return (token.value, index + 1)
        }
        if case .cardinal(let value) = token.word, (1...12).contains(value) { return (value, index + 1) }
        return nil
    }

    /// am/pm and "o'clock" after a clock time.
    func meridiem(_ index: Int) -> (Meridiem?, Int) {
        var next = index
        if isKey(next, .oclock) { next += 1 }
        if isKey(next, .am) { return (.am, next + 1) }
        if isKey(next, .pm) { return (.pm, next + 1) }
        return (nil, next)
    }

    /// Words that make a bare number a clock time when they come right before it ("at nine", "by 5").
    func isClockContext(_ index: Int) -> Bool {
        switch key(index) {
        case .at, .around, .by, .till, .before, .after, .since, .from, .between: true
        default: false
        }
    }

    /// One clock time at `index`. A bare hour ("nine", "9") counts only when `bareAllowed` (after "at",
    /// "by", inside a range) and only when nothing that is not a time follows ("at nine years old").
    func parseClock(_ index: Int, bareAllowed: Bool, minutesToAllowed: Bool = true, afterDate: Bool = false) -> (ClockTime, Int)? {
        guard index < count else { return nil }
        if isKey(index, .noon) { return (ClockTime(hour: 12, minute: 0, meridiem: .pm, minutesSaid: false, isNoon: true), index + 1) }
        if isKey(index, .midnight) { return (ClockTime(hour: 0, minute: 0, meridiem: .am, minutesSaid: false, isMidnight: true), index + 1) }
        // "half past six", "quarter past/to eight", "a quarter to eight", "ten past four", "twenty-five to nine"
        var position = index
        if isKey(position, .a), isKey(position + 1, .quarter) { position += 1 }
        var minutes: Int?
        var afterMinutes = position
        if isKey(position, .half) {
            minutes = 30
            afterMinutes = position + 1
        } else if isKey(position, .quarter) {
            minutes = 15
            afterMinutes = position + 1
        } else if let (value, next) = cardinal(position), [5, 10, 20, 25].contains(value) || (tokens[position].kind == .number && (1...29).contains(value)) {
            minutes = value
            afterMinutes = isKey(next, .minute) ? next + 1 : next
        }
        if let minutes, let relation = key(afterMinutes), relation == .past || (relation == .to && minutesToAllowed),
            !(relation == .to && minutes == 30), let (hourValue, afterHour) = hour(afterMinutes + 1), (1...12).contains(hourValue)
        {
            // Digits before "to" read as a range ("9 to 5") unless they are a usual minute count.
            let spelled = tokens[position].kind == .word
            if relation == .past || spelled || [5, 10, 20, 25].contains(minutes) {
                let (meridiem, next) = self.meridiem(afterHour)
                let clock =
                    relation == .past
                    ? ClockTime(hour: hourValue, minute: minutes, meridiem: meridiem, minutesSaid: true)
                    : ClockTime(hour: hourValue == 1 ? 12 : hourValue - 1, minute: 60 - minutes, meridiem: meridiem, minutesSaid: true)
                return (clock, next)
            }
        }
        // "half six": British for half past six.
        if isKey(index, .half), !isKey(index + 1, .past), let (hourValue, afterHour) = hour(index + 1), (1...12).contains(hourValue),
            tokens[index + 1].kind == .word || bareAllowed, continuesClause(after: afterHour) || isKey(afterHour, .am) || isKey(afterHour, .pm)
        {
            let (meridiem, next) = self.meridiem(afterHour)
            return (ClockTime(hour: hourValue, minute: 30, meridiem: meridiem, minutesSaid: true), next)
        }
        guard let (hourValue, afterHour) = hour(index) else { return nil }
        // "12 noon", "12 midnight"
        if hourValue == 12, isKey(afterHour, .noon) { return (ClockTime(hour: 12, minute: 0, meridiem: .pm, minutesSaid: false, isNoon: true), afterHour + 1) }
        if hourValue == 12, isKey(afterHour, .midnight) { return (ClockTime(hour: 0, minute: 0, meridiem: .am, minutesSaid: false, isMidnight: true), afterHour + 1) }
        // "21:30", "9:30pm", "9.30pm"
        if tokens[index].kind == .number, isPunctuation(afterHour, 0x3A) || isPunctuation(afterHour, 0x2E),
            afterHour + 1 < count, tokens[afterHour + 1].kind == .number, tokens[afterHour + 1].digitCount == 2,
            !tokens[afterHour].spaceBefore, !tokens[afterHour + 1].spaceBefore, tokens[afterHour + 1].value < 60
        {
            let (meridiem, next) = self.meridiem(afterHour + 2)
            let colon = isPunctuation(afterHour, 0x3A)
            if colon || meridiem != nil || bareAllowed {
                if meridiem != nil, !(1...12).contains(hourValue) { return nil }
                return (ClockTime(hour: hourValue, minute: tokens[afterHour + 1].value, meridiem: meridiem, minutesSaid: true), next)
            }
            return nil
        }
        let (meridiem, next) = self.meridiem(afterHour)
        if meridiem != nil || isKey(afterHour, .oclock) {
            if meridiem != nil, !(1...12).contains(hourValue) { return nil }
            return (ClockTime(hour: hourValue, minute: 0, meridiem: meridiem, minutesSaid: false), next)
        }
        // Right after a date ("tonight at 8 works") only a unit or "of" says the number was not a time.
        let follows = afterDate ? !(Self.isUnit(key(afterHour)) || isKey(afterHour, .of) || (afterHour < count && tokens[afterHour].kind == .number))
            : continuesClause(after: afterHour)
        guard bareAllowed, follows || isKey(afterHour, .ish) else { return nil }
        let end = isKey(afterHour, .ish) ? afterHour + 1 : afterHour
        return (ClockTime(hour: hourValue, minute: 0, meridiem: nil, minutesSaid: false), end)
    }

    /// "in the morning", "in the evening", "at night", "at lunchtime"; a bare "morning" only `attached`
    /// to a date or clock time ("Saturday morning", "tomorrow evening", "9 in the evening"), so "good
    /// morning" is no time.
    func parseDayPart(_ index: Int, attached: Bool) -> (DayPart, Int)? {
        func part(_ position: Int) -> DayPart? {
            switch key(position) {
            case .morning: .morning
            case .afternoon: .afternoon
            case .evening: .evening
            case .night: .night
            case .lunchtime: .lunchtime
            default: text(position) == "lunch" ? .lunchtime : nil
            }
        }
        if isKey(index, .in), isKey(index + 1, .the), let found = part(index + 2), found != .night, found != .lunchtime {
            return (found, index + 3)
        }
        if isKey(index, .at), let found = part(index + 1), found == .night || found == .lunchtime { return (found, index + 2) }
        if attached, let found = part(index), text(index) != "lunch" { return (found, index + 1) }
        return nil
    }

    /// A clock range: "between 2 and 4 pm", "from 9 to 5", "9–11am", "10am-2pm", "from 9:30 till 11".
    func parseClockRange(_ index: Int) -> (TimeOfDayPhrase, Int)? {
        var position = index
        let between = isKey(position, .between)
        let prefixed = between || isKey(position, .from)
        if prefixed { position += 1 }
        guard let (start, afterStart) = parseClock(position, bareAllowed: prefixed || isClockContext(index - 1), minutesToAllowed: !prefixed)
            ?? parseClock(position, bareAllowed: true, minutesToAllowed: false)
        else { return nil }
        let connector = afterStart
        let connects =
            between ? isKey(connector, .and) : (isKey(connector, .to) || isKey(connector, .till) || isKey(connector, .through) || isDash(connector))
        guard connects, let (end, afterEnd) = parseClock(connector + 1, bareAllowed: true, minutesToAllowed: false) else { return nil }
        if !prefixed {
            let startMarked = start.meridiem != nil || start.minutesSaid || start.isNoon
            let endMarked = end.meridiem != nil || end.minutesSaid || end.isNoon || end.isMidnight
            guard startMarked || endMarked || isClockContext(index - 1) else { return nil }
        }
        return (TimeOfDayPhrase(start: start, end: end, dayPart: nil), afterEnd)
    }

    /// A time-of-day phrase: a clock range, a clock time (with its part of the day if one follows), or a
    /// part of the day.
    func parseTimeOfDay(_ index: Int, afterDate: Bool = false) -> (TimeOfDayPhrase, Int)? {
        if let (range, next) = parseClockRange(index) {
            var phrase = range
            var end = next
            if let (part, afterPart) = parseDayPart(next, attached: true) {
                phrase.dayPart = part
                end = afterPart
            }
            return (phrase, end)
        }
        if let (clock, next) = parseClock(index, bareAllowed: isClockContext(index - 1), afterDate: afterDate) {
            var phrase = TimeOfDayPhrase(start: clock, end: nil, dayPart: nil)
            var end = next
            if !clock.isNoon, !clock.isMidnight, let (part, afterPart) = parseDayPart(next, attached: true) {
                phrase.dayPart = part
                end = afterPart
            }
            return (phrase, end)
        }
        if let (part, next) = parseDayPart(index, attached: false) { return (TimeOfDayPhrase(start: nil, end: nil, dayPart: part), next) }
        return nil
    }
}
