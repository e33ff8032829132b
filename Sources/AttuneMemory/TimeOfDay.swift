/// A named part of the day and the local wall-clock span it stands for (minutes after midnight; night
/// runs on to 06:00 the next day). The spans are Attune's own, stated in docs/MEMORY.md.
enum DayPart: Sendable {
    case morning, lunchtime, afternoon, evening, night

    var startMinute: Int {
        switch self {
        case .morning: 6 * 60
        case .lunchtime: 12 * 60
        case .afternoon: 12 * 60
        case .evening: 18 * 60
        case .night: 18 * 60
        }
    }

    var endMinute: Int {
        switch self {
        case .morning: 12 * 60
        case .lunchtime: 14 * 60
        case .afternoon: 18 * 60
        case .evening: 24 * 60
        case .night: 30 * 60
        }
    }
}

enum Meridiem: Sendable {
    case am, pm
}

/// A clock time as said, before the 12-hour reading is settled: "nine" (hour 9, no meridiem), "9:30pm",
/// "quarter to eight" (hour 7, minute 45), "midnight".
struct ClockTime: Sendable {
    var hour: Int
    var minute: Int
    var meridiem: Meridiem?
    /// Minutes were said ("9:30", "half past six"): minute granularity rather than hour.
    var minutesSaid: Bool
    var isMidnight = false
    var isNoon = false

    /// Minutes after local midnight. Without am/pm, a part of the day decides (evening and night are pm,
    /// morning am; night after 01:00–05:59 is the small hours of the next day); without either, hours 7–11
    /// are morning and 12 and 1–6 afternoon, the hours people name for appointments ("at nine" is 09:00,
    /// "at five" 17:00).
    func minuteOfDay(meridiem override: Meridiem? = nil, dayPart: DayPart?) -> Int {
        if isMidnight { return 24 * 60 }
        if isNoon { return 12 * 60 }
        var hour = self.hour
        if let meridiem = meridiem ?? override, (1...12).contains(hour) {
            if meridiem == .am { hour = hour == 12 ? 0 : hour } else { hour = hour == 12 ? 12 : hour + 12 }
        } else if (1...12).contains(hour) {
            switch dayPart {
            case .morning: hour = hour == 12 ? 0 : hour
            case .afternoon, .evening: hour = hour == 12 ? 12 : hour + 12
            case .lunchtime: hour = hour <= 3 ? hour + 12 : hour
            case .night:
                if (6...11).contains(hour) { hour += 12 } else if hour == 12 { hour = 24 } else { hour += 24 }
            case nil: if (1...6).contains(hour) { hour += 12 }
            }
        }
        return hour * 60 + minute
    }
}

/// What a time-of-day phrase names: a clock time, a clock range ("between 2 and 4 pm"), or a part of the day,
/// possibly together ("at eight in the evening").
struct TimeOfDayPhrase: Sendable {
    var start: ClockTime?
    var end: ClockTime?
    var dayPart: DayPart?

    /// [start, end) in minutes after local midnight, the granularity, and whether a clock time was said.
    func span() -> (start: Int, end: Int, granularity: TimeGranularity, hasClockTime: Bool) {
        if let start, let end {
            var first = start.minuteOfDay(dayPart: dayPart)
            var last = end.minuteOfDay(meridiem: start.meridiem, dayPart: dayPart)
            if start.meridiem == nil, let meridiem = end.meridiem {
                first = start.minuteOfDay(meridiem: meridiem, dayPart: dayPart)
                if first >= last { first = start.minuteOfDay(meridiem: meridiem == .am ? .pm : .am, dayPart: dayPart) }
            }
            if end.meridiem == nil, start.meridiem == nil, dayPart == nil, !end.isMidnight, !end.isNoon {
                // "from 9 to 5": the end is the first reading of its hour after the start.
                last = end.hour % 12 * 60 + end.minute
                while last <= first { last += 12 * 60 }
            }
            while last <= first { last += 12 * 60 }
            return (first, last, .range, true)
        }
        if let start {
            let minute = start.minuteOfDay(dayPart: dayPart)
            return (minute, minute + (start.minutesSaid ? 1 : 60), start.minutesSaid ? .minute : .hour, true)
        }
        let part = dayPart ?? .morning
        return (part.startMinute, part.endMinute, .partOfDay, false)
    }
}
