import Foundation

/// Reads Tests/Data/memory/time-phrases.tsv: one hand-checked phrase a line,
/// `sentence ⇥ reference ⇥ zone ⇥ orientation ⇥ expected ⇥ rule`. Expected intervals, separated by " | ":
/// - `2026-12-03` a local day; `2026-12-05..2026-12-06` local days, both inclusive; `2026-03` a month; `2027` a year;
/// - `2026-12-03T09:00+1h`, `+30m`, `+1m`: a local start and a length;
/// - `2026-12-03T14:00..2026-12-03T16:00`: local start and end;
/// - a `Z` on both ends (`2026-12-02T10:20:00Z..2026-12-02T10:21:00Z`): instants, as written;
/// - `none`: no mention at all.
/// Local times convert through Foundation's Calendar in the row's zone (not the resolver's own code).
struct TimePhraseRow: Sendable, CustomStringConvertible {
    var line: Int
    var sentence: String
    var reference: Date
    var zone: TimeZone
    var orientation: String
    var expected: [ClosedOpen]
    var rule: String

    struct ClosedOpen: Equatable, Sendable, CustomStringConvertible {
        var start: Date
        var end: Date
        var description: String { "\(start.formatted(.iso8601))..\(end.formatted(.iso8601))" }
    }

    var description: String { "line \(line): \"\(sentence)\" at \(reference.formatted(.iso8601)) \(zone.identifier)" }

    static let table = MemoryTestTable("time-phrases.tsv")

    static func load() throws -> [TimePhraseRow] {
        var rows: [TimePhraseRow] = []
        for (line, raw) in try table.lines(comment: "#") {
            let fields = raw.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 5 else { throw table.malformed(line, "expected at least 5 tab-separated fields, found \(fields.count)") }
            guard let reference = try? Date(fields[1], strategy: .iso8601) else {
                throw table.malformed(line, "reference '\(fields[1])' is not an RFC 3339 time")
            }
            guard let zone = TimeZone(identifier: fields[2]) else { throw table.malformed(line, "unknown zone '\(fields[2])'") }
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            var expected: [ClosedOpen] = []
            if fields[4] != "none" {
                for part in fields[4].components(separatedBy: " | ") {
                    guard let interval = parse(part, calendar: calendar) else {
                        throw table.malformed(line, "cannot read expected interval '\(part)'")
                    }
                    expected.append(interval)
                }
            }
            rows.append(
                TimePhraseRow(
                    line: line, sentence: fields[0], reference: reference, zone: zone, orientation: fields[3],
                    expected: expected, rule: fields.count > 5 ? fields[5] : ""))
        }
        return rows
    }

    static func local(_ text: String, calendar: Calendar) -> Date? {
        let numbers = text.split(whereSeparator: { $0 == "-" || $0 == "T" || $0 == ":" }).compactMap { Int($0) }
        var components = DateComponents()
        switch numbers.count {
        case 1: (components.year, components.month, components.day) = (numbers[0], 1, 1)
        case 2: (components.year, components.month, components.day) = (numbers[0], numbers[1], 1)
        case 3: (components.year, components.month, components.day) = (numbers[0], numbers[1], numbers[2])
        case 5:
            (components.year, components.month, components.day) = (numbers[0], numbers[1], numbers[2])
            (components.hour, components.minute) = (numbers[3], numbers[4])
        default: return nil
        }
        return calendar.date(from: components)
    }

    static func parse(_ text: String, calendar: Calendar) -> ClosedOpen? {
        if let range = text.range(of: "..") {
            let (left, right) = (String(text[..<range.lowerBound]), String(text[range.upperBound...]))
            if left.hasSuffix("Z") {
                guard let start = try? Date(left, strategy: .iso8601), let end = try? Date(right, strategy: .iso8601) else { return nil }
                return ClosedOpen(start: start, end: end)
            }
            guard let start = local(left, calendar: calendar), let last = local(right, calendar: calendar) else { return nil }
            if left.contains("T") { return ClosedOpen(start: start, end: last) }
            guard let end = calendar.date(byAdding: .day, value: 1, to: last) else { return nil }
            return ClosedOpen(start: start, end: end)
        }
        if let plus = text.lastIndex(of: "+"), text.contains("T") {
            guard let start = local(String(text[..<plus]), calendar: calendar) else { return nil }
            let amount = text[text.index(after: plus)...]
            guard let count = Int(amount.dropLast()) else { return nil }
            let unit: Calendar.Component = amount.hasSuffix("h") ? .hour : .minute
            guard let end = calendar.date(byAdding: unit, value: count, to: start) else { return nil }
            return ClosedOpen(start: start, end: end)
        }
        guard let start = local(text, calendar: calendar) else { return nil }
        let dashes = text.filter { $0 == "-" }.count
        let unit: Calendar.Component = dashes == 0 ? .year : dashes == 1 ? .month : .day
        guard let end = calendar.date(byAdding: unit, value: 1, to: start) else { return nil }
        return ClosedOpen(start: start, end: end)
    }
}
