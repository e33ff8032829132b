/// Whole mentions: a date, a time of day, or both in either order ("on Thursday at nine", "at 9 on
/// Thursday", "tomorrow morning", "tonight at 8"), and date ranges ("from Monday to Wednesday",
/// "3–5 June", "between the 3rd and the 5th").
extension TimeExpressionParser {
    /// A mention resolved to local wall-clock seconds (or, for "in 20 minutes", to an instant).
    struct ParsedMention {
        var firstToken: Int
        var endToken: Int
        var startSeconds: Int64
        var endSeconds: Int64
        /// `startSeconds`/`endSeconds` are instants, not local wall-clock seconds.
        var isInstant: Bool
        var granularity: TimeGranularity
        var hasClockTime: Bool
        var orientation: TimeOrientation
        var reason: TimeOrientationReason
    }

    func parseMention(_ index: Int) -> ParsedMention? {
        parseDateRange(index) ?? parseCombination(index)
    }

    /// "from Monday to Wednesday", "Monday to Friday", "between the 3rd and the 5th", "3–5 June",
    /// "from March to May".
    func parseDateRange(_ index: Int) -> ParsedMention? {
        var position = index
        if isKey(position, .on) { position += 1 }
        let between = isKey(position, .between)
        let prefixed = between || isKey(position, .from)
        if prefixed { position += 1 }
        var firstSpan: TimeDateSpan?
        var afterFirst = position
        var bareDay: Int?
        if let (span, next) = parseDate(position, inRange: true), span.isSingleDay || span.granularity == .month {
            firstSpan = span
            afterFirst = next
        } else {
            var dayIndex = position
            if isKey(dayIndex, .the) { dayIndex += 1 }
            if let (day, next) = ordinal(dayIndex) ?? cardinal(dayIndex), (1...31).contains(day), tokens[dayIndex].digitCount <= 2 {
                bareDay = day
                afterFirst = next
            }
        }
        guard firstSpan != nil || bareDay != nil else { return nil }
        let connector = afterFirst
        let connects =
            between ? isKey(connector, .and) : (isKey(connector, .to) || isKey(connector, .till) || isKey(connector, .through) || isDash(connector))
        guard connects else { return nil }
        guard let (secondSpan, end) = parseDate(connector + 1, anchor: firstSpan?.firstDay, inRange: true),
            secondSpan.instantSeconds == nil
        else { return nil }
        var first: Int
        var oriented = (secondSpan.orientation, secondSpan.reason)
        if let firstSpan {
            guard firstSpan.granularity == secondSpan.granularity || (firstSpan.isSingleDay && secondSpan.isSingleDay) else { return nil }
            first = firstSpan.firstDay
            oriented = (firstSpan.orientation, firstSpan.reason)
        } else {
            // "3–5 June": the first day takes the month of the second.
            guard let bareDay, secondSpan.isSingleDay, secondSpan.weekday == nil else { return nil }
            let civil = TimeLocalCalendar.civil(days: secondSpan.firstDay)
            guard bareDay < civil.day else { return nil }
            first = TimeLocalCalendar.days(year: civil.year, month: civil.month, day: bareDay)
        }
        var last = secondSpan.firstDay + secondSpan.dayCount
        if last <= first {
            // "from Friday to Monday" said of a past weekend: close the range after its start.
            guard secondSpan.weekday != nil else { return nil }
            last += 7
        }
        first = min(first, last - 1)
        return ParsedMention(
            firstToken: index, endToken: end, startSeconds: Int64(first) * 86_400, endSeconds: Int64(last) * 86_400,
            isInstant: false, granularity: .range, hasClockTime: false, orientation: oriented.0, reason: oriented.1)
    }

    /// A date and a time of day, each optional, in either order, joined by "on", "at", "around" or a comma.
    func parseCombination(_ index: Int) -> ParsedMention? {
        var date: TimeDateSpan?
        var timeOfDay: TimeOfDayPhrase?
        var position = index
        var end = index
        var parts = 0
        while parts < 3, position < count {
            var found = false
            // A part may start right here or after one joining word.
            var candidates = [position]
            if isKey(position, .on) || isKey(position, .at) || isKey(position, .around) || isKey(position, .in)
                || isKey(position, .during) || (parts > 0 && isPunctuation(position, 0x2C))
            {
                candidates.append(position + 1)
            }
            for start in candidates {
                if date == nil, let (span, next) = parseDate(start) {
                    if timeOfDay != nil, !span.isSingleDay { continue }
                    date = span
                    (position, end, found) = (next, next, true)
                    break
                }
                if let current = date, current.weekday != nil, current.isSingleDay, let (span, next) = parseDate(start, anchor: nil),
                    span.isSingleDay, span.weekday == nil, span.instantSeconds == nil, next > start
                {
                    // "Tuesday 28th", "Wednesday the 12th", "Saturday 3 March": the date names the day.
                    date = span
                    (position, end, found) = (next, next, true)
                    break
                }
                if let current = date, current.weekday != nil, current.isSingleDay, let (span, next) = parseDate(start),
                    span.granularity == .week
                {
                    // "Tuesday next week"
                    date!.firstDay = span.firstDay + current.weekday!
                    (date!.orientation, date!.reason) = (span.orientation, span.reason)
                    (position, end, found) = (next, next, true)
                    break
                }
                if timeOfDay == nil, date == nil || date!.isSingleDay, let (phrase, next) = parseTimeOfDay(start, afterDate: date != nil) {
                    timeOfDay = phrase
                    (position, end, found) = (next, next, true)
                    break
                }
                if timeOfDay != nil, timeOfDay!.dayPart == nil, date?.dayPart == nil, let (part, next) = parseDayPart(start, attached: start == position) {
                    timeOfDay!.dayPart = part
                    (position, end, found) = (next, next, true)
                    break
                }
                if timeOfDay == nil, let current = date, current.isSingleDay, current.dayPart == nil, start == position,
                    let (part, next) = parseDayPart(start, attached: true)
                {
                    // "Saturday morning", "tomorrow evening"
                    date!.dayPart = part
                    (position, end, found) = (next, next, true)
                    break
                }
            }
            if !found { break }
            parts += 1
        }
        guard date != nil || timeOfDay != nil else { return nil }
        if var phrase = timeOfDay {
            if phrase.dayPart == nil { phrase.dayPart = date?.dayPart }
            let (startMinute, endMinute, granularity, hasClockTime) = phrase.span()
            let day: Int
            let orientation: TimeOrientation
            let reason: TimeOrientationReason
            if let date {
                (day, orientation, reason) = (date.firstDay, date.orientation, date.reason)
            } else {
                // A time with no date: its next (or last) occurrence from the utterance's time.
                let measured = phrase.start == nil ? endMinute : startMinute
                if self.orientation == .future {
                    day = measured > nowMinute ? today : today + 1
                } else {
                    day = startMinute <= nowMinute ? today : today - 1
                }
                (orientation, reason) = (self.orientation, self.reason)
            }
            let base = Int64(day) * 86_400
            return ParsedMention(
                firstToken: index, endToken: end, startSeconds: base + Int64(startMinute) * 60,
                endSeconds: base + Int64(endMinute) * 60, isInstant: false, granularity: granularity,
                hasClockTime: hasClockTime, orientation: orientation, reason: reason)
        }
        let span = date!
        if let instant = span.instantSeconds {
            let seconds = Int64(instant.rounded(.down))
            return ParsedMention(
                firstToken: index, endToken: end, startSeconds: seconds, endSeconds: seconds + 60, isInstant: true,
                granularity: .minute, hasClockTime: false, orientation: span.orientation, reason: span.reason)
        }
        let base = Int64(span.firstDay) * 86_400
        if let part = span.dayPart {
            return ParsedMention(
                firstToken: index, endToken: end, startSeconds: base + Int64(part.startMinute) * 60,
                endSeconds: base + Int64(part.endMinute) * 60, isInstant: false, granularity: .partOfDay,
                hasClockTime: false, orientation: span.orientation, reason: span.reason)
        }
        return ParsedMention(
            firstToken: index, endToken: end, startSeconds: base, endSeconds: base + Int64(span.dayCount) * 86_400,
            isInstant: false, granularity: span.granularity, hasClockTime: false, orientation: span.orientation,
            reason: span.reason)
    }
}
