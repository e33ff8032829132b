/// Date phrases: "tomorrow", "next Friday", "Tuesday week", "this weekend", "in 3 days", "the third of June",
/// "3/6", "the end of February", "March 2026", "in 2027".
extension TimeExpressionParser {
    /// A date phrase starting at `index`. `anchor` is the start of a range being closed ("from Monday to
    /// Wednesday": Wednesday is the first one on or after that Monday).
    func parseDate(_ index: Int, anchor: Int? = nil, inRange: Bool = false) -> (TimeDateSpan, Int)? {
        parseRelativeOffset(index) ?? parseDeictic(index) ?? parseModified(index)
            ?? parseWeekdayPhrase(index, anchor: anchor) ?? parseMonthPhrase(index, anchor: anchor, inRange: inRange)
            ?? parseDayOfMonth(index, anchor: anchor) ?? parseNumericDate(index, anchor: anchor) ?? parseYear(index)
    }

    /// "in 3 days", "in two weeks' time", "a fortnight ago", "two hours ago", "in 20 minutes", "3 days from now".
    func parseRelativeOffset(_ index: Int) -> (TimeDateSpan, Int)? {
        var sign = 1
        var position = index
        let startsWithIn = isKey(index, .in)
        if startsWithIn { position += 1 }
        guard let (amount, unitIndex, article) = quantity(position), amount > 0, amount < 1000 else { return nil }
        guard let unit = key(unitIndex), Self.isUnit(unit) else { return nil }
        var next = unitIndex + 1
        let word: String
        if startsWithIn {
            // "in a minute" and "in a second" mean "soon", not a time.
            if article, unit == .minute { return nil }
            if isKey(next, .time) { next += 1 }
            word = "in"
        } else if isKey(next, .ago) {
            sign = -1
            next += 1
            word = "ago"
        } else if isKey(next, .from), isKey(next + 1, .now) || isKey(next + 1, .today) {
            next += 2
            word = "from now"
        } else {
            return nil
        }
        let oriented = fixed(word, sign > 0 ? .future : .past)
        let signed = sign * amount
        switch unit {
        case .day: return (span(today + signed, 1, .day, oriented), next)
        case .week: return (span(today + 7 * signed, 1, .day, oriented), next)
        case .fortnight: return (span(today + 14 * signed, 1, .day, oriented), next)
        case .month: return (span(TimeLocalCalendar.adding(months: signed, toDays: today), 1, .day, oriented), next)
        case .year:
            let year = todayCivil.year + signed
            let first = TimeLocalCalendar.days(year: year, month: 1, day: 1)
            return (span(first, TimeLocalCalendar.isLeap(year) ? 366 : 365, .year, oriented), next)
        case .hour, .minute:
            var result = span(today, 1, .minute, oriented)
            result.instantSeconds = referenceSeconds + Double(signed * (unit == .hour ? 3600 : 60))
            return (result, next)
        default: return nil
        }
    }

    /// "today", "tonight", "tomorrow", "yesterday", "the day after tomorrow", "last night", "this morning",
    /// "the weekend".
    func parseDeictic(_ index: Int) -> (TimeDateSpan, Int)? {
        switch key(index) {
        case .today: return (span(today, 1, .day), index + 1)
        case .tonight: return (span(today, 1, .partOfDay, dayPart: .night), index + 1)
        case .tomorrow: return (span(today + 1, 1, .day, fixed("tomorrow", .future)), index + 1)
        case .yesterday: return (span(today - 1, 1, .day, fixed("yesterday", .past)), index + 1)
        case .last where isKey(index + 1, .night):
            return (span(today - 1, 1, .partOfDay, fixed("last night", .past), dayPart: .night), index + 2)
        case .this:
            let part: DayPart? =
                switch key(index + 1) {
                case .morning: .morning
                case .afternoon: .afternoon
                case .evening: .evening
                case .night: .night
                default: nil
                }
            if let part { return (span(today, 1, .partOfDay, dayPart: part), index + 2) }
            return nil
        case .the, .day:
            let dayIndex = isKey(index, .the) ? index + 1 : index
            if isKey(dayIndex, .day), isKey(dayIndex + 1, .after), isKey(dayIndex + 2, .tomorrow) {
                return (span(today + 2, 1, .day, fixed("the day after tomorrow", .future)), dayIndex + 3)
            }
            if isKey(dayIndex, .day), isKey(dayIndex + 1, .before), isKey(dayIndex + 2, .yesterday) {
                return (span(today - 2, 1, .day, fixed("the day before yesterday", .past)), dayIndex + 3)
            }
            if isKey(index, .the), isKey(index + 1, .weekend) {
                let saturday = mondayThisWeek + 5
                let first = orientation == .future || todayWeekday >= 5 ? saturday : saturday - 7
                return (span(first, 2, .weekend), index + 2)
            }
            if isKey(index, .the), isKey(index + 1, .week), isKey(index + 2, .after), isKey(index + 3, .next) {
                return (span(mondayThisWeek + 14, 7, .week, fixed("the week after next", .future)), index + 4)
            }
            if isKey(index, .the), isKey(index + 1, .week), isKey(index + 2, .before), isKey(index + 3, .last) {
                return (span(mondayThisWeek - 14, 7, .week, fixed("the week before last", .past)), index + 4)
            }
            if isKey(index, .the), let (rolling, next) = parseRollingWindow(index + 1) { return (rolling, next) }
            return nil
        default: return nil
        }
    }

    /// "the next fortnight", "the past week": a window of days from (or up to and including) today.
    func parseRollingWindow(_ index: Int) -> (TimeDateSpan, Int)? {
        let forward: Bool
        switch key(index) {
        case .next, .coming, .following: forward = true
        case .past, .last, .previous: forward = false
        default: return nil
        }
        var unitIndex = index + 1
        var days = 0
        if let (amount, next, _) = quantity(unitIndex), !isKey(unitIndex, .a), amount > 0, amount < 100 {
            unitIndex = next
            days = amount
        } else {
            days = 1
        }
        let granularity: TimeGranularity
        switch key(unitIndex) {
        case .week:
            days *= 7
            granularity = days == 14 ? .fortnight : .week
        case .fortnight:
            days *= 14
            granularity = .fortnight
        case .day: granularity = .range
        default: return nil
        }
        if forward { return (span(today, days, granularity, fixed(text(index), .future)), unitIndex + 1) }
        return (span(today - days + 1, days, granularity, fixed(text(index), .past)), unitIndex + 1)
    }

    /// "this/next/last/coming" + weekday, week, weekend, fortnight, month, year or month name.
    func parseModified(_ index: Int) -> (TimeDateSpan, Int)? {
        guard var modifier = key(index) else { return nil }
        var next = index + 1
        switch modifier {
        case .this:
            if isKey(next, .coming) || isKey(next, .past) {
                modifier = key(next)!
                next += 1
            }
        case .next, .last, .coming, .past, .previous, .following: break
        default: return nil
        }
        let forward = modifier == .next || modifier == .coming || modifier == .following
        let backward = modifier == .last || modifier == .past || modifier == .previous
        let word = text(index)
        let step = forward ? 1 : backward ? -1 : 0
        let oriented: (TimeOrientation, TimeOrientationReason)? =
            step == 0 ? nil : fixed(word, step > 0 ? .future : .past)
        if let day = weekday(next) {
            let date: Int
            switch modifier {
            case .this:
                date =
                    orientation == .future
                    ? onOrAfter(day, today) : today - (todayWeekday - day + 7) % 7
            case .next: date = mondayThisWeek + 7 + day  // the Friday of next week
            case .coming, .following: date = nextStrictly(day, after: today)
            default: date = previousStrictly(day, before: today)
            }
            return (span(date, 1, .day, oriented, weekday: day), next + 1)
        }
        if let month = monthName(next) {
            let (year, current) = (todayCivil.year, todayCivil.month)
            let resolvedYear: Int
            switch step {
            case 1: resolvedYear = month > current ? year : year + 1
            case -1: resolvedYear = month < current ? year : year - 1
            default: resolvedYear = year
            }
            return (monthSpan(year: resolvedYear, month: month, oriented ?? (orientation, reason)), next + 1)
        }
        switch key(next) {
        case .week:
            return (span(mondayThisWeek + 7 * step, 7, .week, oriented), next + 1)
        case .weekend:
            return (span(mondayThisWeek + 5 + 7 * step, 2, .weekend, oriented), next + 1)
        case .fortnight where step != 0:
            return parseRollingWindow(index)
        case .month:
            let first = TimeLocalCalendar.adding(months: step, toDays: today - todayCivil.day + 1)
            let civil = TimeLocalCalendar.civil(days: first)
            return (monthSpan(year: civil.year, month: civil.month, oriented), next + 1)
        case .year:
            let year = todayCivil.year + step
            let first = TimeLocalCalendar.days(year: year, month: 1, day: 1)
            return (span(first, TimeLocalCalendar.isLeap(year) ? 366 : 365, .year, oriented), next + 1)
        default: return nil
        }
    }

    /// Weekday phrases: "Thursday", "Tuesday week", "Saturday fortnight", "a fortnight on Saturday",
    /// "a week on Sunday", "Friday after next", "Tuesday next week". Idioms are not dates: "Sunday best",
    /// "Good Friday", "girl Friday".
    func parseWeekdayPhrase(_ index: Int, anchor: Int?) -> (TimeDateSpan, Int)? {
        if isKey(index, .a), isKey(index + 1, .week) || isKey(index + 1, .fortnight), isKey(index + 2, .on),
            let day = weekday(index + 3)
        {
            let weeks = isKey(index + 1, .week) ? 7 : 14
            let date = nextStrictly(day, after: today) + weeks
            return (span(date, 1, .day, fixed("\(text(index + 1)) on", .future), weekday: day), index + 4)
        }
        var position = index
        if isKey(position, .the), weekday(position + 1) != nil, isKey(position + 2, .after) { position += 1 }
        guard let day = weekday(position) else { return nil }
        if Self.weekdayIdiomsBefore.contains(text(position - 1)) || Self.weekdayIdiomsAfter.contains(text(position + 1)) {
            return nil
        }
        let next = position + 1
        if isKey(next, .week), !isKey(next + 1, .on) {
            return (span(nextStrictly(day, after: today) + 7, 1, .day, fixed("\(text(position)) week", .future), weekday: day), next + 1)
        }
        if isKey(next, .fortnight) {
            return (span(nextStrictly(day, after: today) + 14, 1, .day, fixed("fortnight", .future), weekday: day), next + 1)
        }
        if isKey(next, .after), isKey(next + 1, .next) {
            return (span(nextStrictly(day, after: today) + 7, 1, .day, fixed("after next", .future), weekday: day), next + 2)
        }
        if let modifier = key(next), modifier == .next || modifier == .last || modifier == .this, isKey(next + 1, .week) {
            let step = modifier == .next ? 1 : modifier == .last ? -1 : 0
            let oriented: (TimeOrientation, TimeOrientationReason)? =
                step == 0 ? nil : fixed("\(text(next)) week", step > 0 ? .future : .past)
            return (span(mondayThisWeek + 7 * step + day, 1, .day, oriented, weekday: day), next + 2)
        }
        let date: Int
        if let anchor {
            date = onOrAfter(day, anchor)
        } else {
            date = orientation == .future ? nextStrictly(day, after: today) : previousStrictly(day, before: today)
        }
        return (span(date, 1, .day, weekday: day), next)
    }

    /// Words before a weekday that make it an idiom ("Good Friday") or a routine ("every Monday"), not a date.
    static let weekdayIdiomsBefore: Set<String> = ["every", "each", "alternate", "good", "black", "cyber", "man", "girl", "ash", "holy", "palm", "easter", "shrove", "maundy", "super", "blue", "manic", "bloody"]
    static let weekdayIdiomsAfter: Set<String> = ["best", "school", "league", "roast", "paper", "papers", "blues", "feeling", "driver", "times", "telegraph", "supplement", "motivation", "vibes", "service"]

    /// Month phrases: "the third of June", "3 June", "June 3rd", "June 3, 2027", "March 2026", "in March",
    /// "the end of February", "beginning of March", "mid-April", "end of the month", "early May".
    func parseMonthPhrase(_ index: Int, anchor: Int?, inRange: Bool) -> (TimeDateSpan, Int)? {
        if let result = parsePartOfMonth(index) { return result }
        // [the] ordinal [of] Month [year]   |   number Month [year]
        var position = index
        let hasThe = isKey(position, .the)
        if hasThe { position += 1 }
        if let (day, afterDay) = ordinal(position) ?? (hasThe ? nil : cardinal(position)), day >= 1, day <= 31 {
            var monthIndex = afterDay
            if isKey(monthIndex, .of) { monthIndex += 1 }
            if let month = monthName(monthIndex), tokens[position].kind == .word || tokens[position].digitCount <= 2 {
                return resolveDayMonth(day: day, month: month, yearAt: monthIndex + 1, anchor: anchor)
            }
        }
        guard let month = monthName(index) else { return nil }
        // Month [the] ordinal|number [,] [year]
        var dayIndex = index + 1
        if isKey(dayIndex, .the) { dayIndex += 1 }
        if let (day, afterDay) = ordinal(dayIndex) ?? cardinal(dayIndex), day >= 1, day <= 31,
            tokens[dayIndex].kind == .word || tokens[dayIndex].digitCount <= 2,
            !isPunctuation(afterDay, 0x3A), !isKey(afterDay, .am), !isKey(afterDay, .pm)
        {
            return resolveDayMonth(day: day, month: month, yearAt: afterDay, anchor: anchor)
        }
        // Month year
        if let year = fourDigitYear(index + 1) {
            return (monthSpan(year: year, month: month, byPositionOfMonth(year: year, month: month)), index + 2)
        }
        // Month alone: only where a month can stand ("in March", "last March" is parseModified's), so
        // "I may go" and "March on" are not months.
        let before = key(index - 1)
        let gated: Bool
        switch before {
        case .in, .of, .since, .till, .by, .from, .between, .during, .through, .before, .after, .around, .early, .late, .mid:
            gated = true
        case .to, .and: gated = inRange
        default: gated = inRange
        }
        guard gated else { return nil }
        let (year, current) = (todayCivil.year, todayCivil.month)
        let resolvedYear: Int
        if let anchor {
            let anchorCivil = TimeLocalCalendar.civil(days: anchor)
            resolvedYear = month >= anchorCivil.month ? anchorCivil.year : anchorCivil.year + 1
        } else if orientation == .future {
            resolvedYear = month >= current ? year : year + 1
        } else {
            resolvedYear = month <= current ? year : year - 1
        }
        return (monthSpan(year: resolvedYear, month: month), index + 1)
    }

    func fourDigitYear(_ index: Int) -> Int? {
        var position = index
        if isPunctuation(position, 0x2C) { position += 1 }
        guard position < count, tokens[position].kind == .number, tokens[position].digitCount == 4,
            !tokens[position].isOrdinalNumber, (1900...2199).contains(tokens[position].value)
        else { return nil }
        return tokens[position].value
    }

    func byPositionOfMonth(year: Int, month: Int) -> (TimeOrientation, TimeOrientationReason) {
        byPosition(
            firstDay: TimeLocalCalendar.days(year: year, month: month, day: 1),
            dayCount: TimeLocalCalendar.daysIn(month: month, year: year), word: String(year))
    }

    /// A day of a month, with the year if one follows, else the next (future) or last (past) such date.
    func resolveDayMonth(day: Int, month: Int, yearAt yearIndex: Int, anchor: Int?) -> (TimeDateSpan, Int)? {
        if let year = fourDigitYear(yearIndex) {
            guard day <= TimeLocalCalendar.daysIn(month: month, year: year) else { return nil }
            let date = TimeLocalCalendar.days(year: year, month: month, day: day)
            let end = isPunctuation(yearIndex, 0x2C) ? yearIndex + 2 : yearIndex + 1
            return (span(date, 1, .day, byPosition(firstDay: date, dayCount: 1, word: String(year))), end)
        }
        guard day <= 29 || day <= TimeLocalCalendar.daysIn(month: month, year: 2001) else { return nil }
        guard let date = nearestDate(day: day, month: month, from: anchor ?? today, forward: anchor != nil || orientation == .future)
        else { return nil }
        return (span(date, 1, .day), yearIndex)
    }

    /// The first date on or after (forward) or on or before `day` that is `day`-of-`month`; 29 February
    /// waits for the next leap year.
    func nearestDate(day: Int, month: Int, from origin: Int, forward: Bool) -> Int? {
        let originYear = TimeLocalCalendar.civil(days: origin).year
        for offset in 0..<9 {
            let year = forward ? originYear + offset : originYear - offset
            guard day <= TimeLocalCalendar.daysIn(month: month, year: year) else { continue }
            let date = TimeLocalCalendar.days(year: year, month: month, day: day)
            if forward ? date >= origin : date <= origin { return date }
        }
        return nil
    }

    /// "beginning/start/middle/end of [the] month|next month|last month|February [2027]", "mid-April",
    /// "early May", "late June": days 1–10, 11–20, 21 to the last day of the month.
    func parsePartOfMonth(_ index: Int) -> (TimeDateSpan, Int)? {
        var position = index
        if isKey(position, .the) { position += 1 }
        let part: Int  // 0 beginning, 1 middle, 2 end
        var next: Int
        switch key(position) {
        case .beginning, .middle, .end:
            guard isKey(position + 1, .of) else { return nil }
            part = isKey(position, .beginning) ? 0 : isKey(position, .middle) ? 1 : 2
            next = position + 2
            if isKey(next, .the) { next += 1 }
        case .early, .late, .mid:
            part = isKey(position, .early) ? 0 : isKey(position, .mid) ? 1 : 2
            next = position + 1
            if isDash(next) { next += 1 }
            guard monthName(next) != nil else { return nil }
        default: return nil
        }
        let year: Int
        let month: Int
        var oriented: (TimeOrientation, TimeOrientationReason)?
        if isKey(next, .month) {
            (year, month) = (todayCivil.year, todayCivil.month)
            next += 1
        } else if let modifier = key(next), modifier == .next || modifier == .last || modifier == .this, isKey(next + 1, .month) {
            let step = modifier == .next ? 1 : modifier == .last ? -1 : 0
            let civil = TimeLocalCalendar.civil(days: TimeLocalCalendar.adding(months: step, toDays: today))
            (year, month) = (civil.year, civil.month)
            if step != 0 { oriented = fixed(text(next), step > 0 ? .future : .past) }
            next += 2
        } else if let name = monthName(next) {
            month = name
            if let stated = fourDigitYear(next + 1) {
                year = stated
                oriented = byPositionOfMonth(year: stated, month: name)
                next += isPunctuation(next + 1, 0x2C) ? 3 : 2
            } else {
                let current = todayCivil.month
                year =
                    orientation == .future
                    ? (name >= current ? todayCivil.year : todayCivil.year + 1)
                    : (name <= current ? todayCivil.year : todayCivil.year - 1)
                next += 1
            }
        } else {
            return nil
        }
        let length = TimeLocalCalendar.daysIn(month: month, year: year)
        let firstOfMonth = TimeLocalCalendar.days(year: year, month: month, day: 1)
        let (first, days) = part == 0 ? (firstOfMonth, 10) : part == 1 ? (firstOfMonth + 10, 10) : (firstOfMonth + 20, length - 20)
        return (span(first, days, .partOfMonth, oriented), next)
    }

    /// "the 3rd", "the twenty-first", "on the 3rd": the next (or last) such day of a month. Refused when a
    /// noun follows ("the second floor", "the third time") or "of" does not lead to a month.
    func parseDayOfMonth(_ index: Int, anchor: Int?) -> (TimeDateSpan, Int)? {
        var position = index
        let hasThe = isKey(position, .the)
        if hasThe { position += 1 }
        guard let (day, next) = ordinal(position), day >= 1, day <= 31 else { return nil }
        if !hasThe {
            // "on 3rd", "until 21st": digits only, after a preposition.
            // "Tuesday 28th": after a weekday too.
            guard tokens[position].kind == .number,
                weekday(index - 1) != nil || key(index - 1).map({ [.on, .by, .till, .from, .since, .to, .before, .after].contains($0) }) == true
            else { return nil }
        }
        if isKey(next, .of) { return nil }  // "the 3rd of them"; "the 3rd of June" is parseMonthPhrase's
        guard continuesClause(after: next) else { return nil }
        let origin = anchor ?? today
        let forward = anchor != nil || orientation == .future
        var civil = TimeLocalCalendar.civil(days: origin)
        for _ in 0..<13 {
            if day <= TimeLocalCalendar.daysIn(month: civil.month, year: civil.year) {
                let date = TimeLocalCalendar.days(year: civil.year, month: civil.month, day: day)
                if forward ? date >= origin : date <= origin { return (span(date, 1, .day), next) }
            }
            let moved = TimeLocalCalendar.civil(
                days: TimeLocalCalendar.adding(months: forward ? 1 : -1, toDays: TimeLocalCalendar.days(year: civil.year, month: civil.month, day: 1)))
            civil = moved
        }
        return nil
    }

    /// "3/6", "3/6/2027", "03/06/27" (day first unless configured month first) and ISO "2027-06-03".
    func parseNumericDate(_ index: Int, anchor: Int?) -> (TimeDateSpan, Int)? {
        guard index + 2 < count, tokens[index].kind == .number, !tokens[index].isOrdinalNumber else { return nil }
        let first = tokens[index]
        if first.digitCount == 4, isDash(index + 1), index + 4 < count, isDash(index + 3),
            tokens[index + 2].kind == .number, tokens[index + 4].kind == .number,
            !tokens[index + 1].spaceBefore, !tokens[index + 2].spaceBefore, !tokens[index + 3].spaceBefore,
            !tokens[index + 4].spaceBefore
        {
            let (year, month, day) = (first.value, tokens[index + 2].value, tokens[index + 4].value)
            guard (1...12).contains(month), day >= 1, day <= TimeLocalCalendar.daysIn(month: month, year: year) else { return nil }
            let date = TimeLocalCalendar.days(year: year, month: month, day: day)
            return (span(date, 1, .day, byPosition(firstDay: date, dayCount: 1, word: String(year))), index + 5)
        }
        guard first.digitCount <= 2, isPunctuation(index + 1, 0x2F), !tokens[index + 1].spaceBefore,
            tokens[index + 2].kind == .number, !tokens[index + 2].spaceBefore, tokens[index + 2].digitCount <= 2
        else { return nil }
        let (a, b) = (first.value, tokens[index + 2].value)
        let (day, month) = numericDateOrder == .dayMonth ? (a, b) : (b, a)
        guard (1...12).contains(month), day >= 1, day <= 31 else { return nil }
        if isPunctuation(index + 3, 0x2F), index + 4 < count, tokens[index + 4].kind == .number, !tokens[index + 4].spaceBefore {
            let yearToken = tokens[index + 4]
            guard yearToken.digitCount == 2 || yearToken.digitCount == 4 else { return nil }
            let year = yearToken.digitCount == 2 ? 2000 + yearToken.value : yearToken.value
            guard day <= TimeLocalCalendar.daysIn(month: month, year: year) else { return nil }
            let date = TimeLocalCalendar.days(year: year, month: month, day: day)
            return (span(date, 1, .day, byPosition(firstDay: date, dayCount: 1, word: String(year))), index + 5)
        }
        // "3/6 of the class", "scored 3/6": a fraction, not a date.
        if isKey(index + 3, .of) || continuesClause(after: index + 3) == false { return nil }
        guard let date = nearestDate(day: day, month: month, from: anchor ?? today, forward: anchor != nil || orientation == .future)
        else { return nil }
        return (span(date, 1, .day), index + 3)
    }

    /// "in 2027", "since 2019", "by 2030": a year after a preposition.
    func parseYear(_ index: Int) -> (TimeDateSpan, Int)? {
        guard let before = key(index - 1), [.in, .since, .by, .till, .of, .during, .before, .after, .from, .to, .between, .and].contains(before),
            let year = fourDigitYear(index), !isPunctuation(index, 0x2C)
        else { return nil }
        let first = TimeLocalCalendar.days(year: year, month: 1, day: 1)
        let length = TimeLocalCalendar.isLeap(year) ? 366 : 365
        return (span(first, length, .year, byPosition(firstDay: first, dayCount: length, word: String(year))), index + 1)
    }
}
