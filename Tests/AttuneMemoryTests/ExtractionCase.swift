import AttuneMemory
import Foundation

/// One hand-written case of Tests/Data/memory/extraction-cases.jsonl: an utterance (or a query) and what
/// the extractor must find in it. Listed entities, records and events must each be matched by one found
/// (on the fields the case gives); `requests` must be exactly those found (none when absent); `noRecords`
/// demands no record at all (questions, hypotheticals, small talk).
struct ExtractionCase: Decodable, Sendable, CustomStringConvertible {
    struct Entity: Decodable, Sendable {
        var name: String?
        var kind: String?
        var relation: String?
        var relativeTo: String?
    }
    struct Record: Decodable, Sendable {
        var kind: String?
        var subject: String?
        var slot: String?
        var value: String?
        var statementContains: String?
    }
    struct Event: Decodable, Sendable {
        var label: String
        var owner: String?
        var change: String?
        var outcome: String?
        /// The local (UTC) date the event's time starts on, "2025-03-04"; "none" for no time.
        var day: String?
    }
    struct Request: Decodable, Sendable {
        var forget: String?
        var doNotAsk: String?
        var allowAsking: String?
    }

    var line = 0
    var speaker: String
    var at: String?
    var text: String?
    var query: String?
    var entities: [Entity]?
    /// Entities that must not be found ("Thai" in "I love Thai food" is no person).
    var forbidEntities: [Entity]?
    var records: [Record]?
    var events: [Event]?
    var requests: [Request]?
    var smallTalk: Bool?
    var noRecords: Bool?
    /// For queries: the chain of (relation, relativeTo) links, first first.
    var chain: [Entity]?

    enum CodingKeys: String, CodingKey {
        case speaker, at, text, query, entities, forbidEntities, records, events, requests, smallTalk, noRecords, chain
    }

    var description: String { "line \(line): \"\(text ?? query ?? "")\" (\(speaker))" }

    static let table = MemoryTestTable("extraction-cases.jsonl")

    static func load() throws -> [ExtractionCase] {
        var cases: [ExtractionCase] = []
        for (line, raw) in try table.lines(comment: "//") {
            do {
                var row = try JSONDecoder().decode(ExtractionCase.self, from: Data(raw.trimmingCharacters(in: .whitespaces).utf8))
                row.line = line
                cases.append(row)
            } catch {
                throw table.malformed(line, "\(error)")
            }
        }
        return cases
    }

    var turnTimeMs: Int64 {
        let date = (try? Date(at ?? "2025-03-03T09:00:00Z", strategy: .iso8601)) ?? Date(timeIntervalSince1970: 0)
        return Int64(date.timeIntervalSince1970 * 1000)
    }

    /// Every way `analysis` differs from the case, one line each.
    func differences(_ analysis: UtteranceAnalysis) -> [String] {
        var out: [String] = []
        for entity in entities ?? [] where !analysis.entities.contains(where: { entity.matches($0) }) {
            out.append("missing entity \(entity) in \(analysis.entities)")
        }
        for entity in forbidEntities ?? [] where analysis.entities.contains(where: { entity.matches($0) }) {
            out.append("unexpected entity \(entity) in \(analysis.entities)")
        }
        for record in records ?? [] where !analysis.records.contains(where: { record.matches($0) }) {
            out.append("missing record \(record) in \(analysis.records.map { "\($0.kind.rawValue) \($0.subject) \($0.slot ?? "-") \($0.value ?? "-") «\($0.statement)»" })")
        }
        for event in events ?? [] where !analysis.records.contains(where: { $0.event.map(event.matches) ?? false }) {
            out.append("missing event \(event) in \(analysis.records.compactMap(\.event).map { "\($0.label) \($0.owner) \($0.change.rawValue) \($0.outcome ?? "-") \($0.time.map { Self.day($0.start) } ?? "none")" })")
        }
        if noRecords == true, !analysis.records.isEmpty {
            out.append("expected no record, found \(analysis.records.map { "\($0.kind.rawValue) \($0.subject) \($0.value ?? "-") «\($0.statement)»" })")
        }
        let expected: [MemoryRequest] = (requests ?? []).compactMap {
            if let target = $0.forget { return .forget(target: target) }
            if let target = $0.doNotAsk { return .doNotAsk(target: target) }
            if let target = $0.allowAsking { return .allowAsking(target: target) }
            return nil
        }
        if expected != analysis.requests { out.append("requests \(analysis.requests), expected \(expected)") }
        if let smallTalk, smallTalk != analysis.isSmallTalk { out.append("isSmallTalk \(analysis.isSmallTalk), expected \(smallTalk)") }
        return out
    }

    static func day(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }
}

extension ExtractionCase.Entity {
    func matches(_ found: EntityMention) -> Bool {
        (name == nil || name == found.name) && (kind == nil || kind == found.kind.rawValue)
            && (relation == nil || relation == found.relation) && (relativeTo == nil || relativeTo == found.relativeTo)
    }
}

extension ExtractionCase.Record {
    func matches(_ found: ExtractedRecord) -> Bool {
        (kind == nil || kind == found.kind.rawValue) && (subject == nil || subject == found.subject)
            && (slot == nil || slot == found.slot) && (value == nil || value == found.value)
            && (statementContains == nil || found.statement.lowercased().contains(statementContains!.lowercased()))
    }
}

extension ExtractionCase.Event {
    func matches(_ found: ExtractedEvent) -> Bool {
        guard label == found.label, owner == nil || owner == found.owner, change == nil || change == found.change.rawValue,
            outcome == nil || outcome == found.outcome
        else { return false }
        guard let day else { return true }
        if day == "none" { return found.time == nil }
        return found.time.map { ExtractionCase.day($0.start) == day } ?? false
    }
}
