import Foundation

/// What a memory item is about.
public enum MemoryKind: String, CaseIterable, Sendable, Codable {
    case utterance, fact, preference, event
}

/// One thing the store remembers about a person. Times are UTC milliseconds since 1970.
public struct MemoryItem: Equatable, Sendable {
    public var id: Int64?
    public var kind: MemoryKind
    public var text: String
    public var timeMs: Int64
    public var speaker: String?
    public var session: String?
    public var tags: [String]
    public var expiresMs: Int64?
    public var createdMs: Int64?

    public init(id: Int64? = nil, kind: MemoryKind, text: String, timeMs: Int64, speaker: String? = nil,
                session: String? = nil, tags: [String] = [], expiresMs: Int64? = nil, createdMs: Int64? = nil) {
        self.id = id
        self.kind = kind
        self.text = text
        self.timeMs = timeMs
        self.speaker = speaker
        self.session = session
        self.tags = tags
        self.expiresMs = expiresMs
        self.createdMs = createdMs
    }
}

/// The JSON-lines form of a memory item, shared by import and export:
/// `{"kind":"utterance","text":"…","time":"2026-11-22T10:00:00Z"}` with optional `speaker`,
/// `session`, `tags` (array of strings), `expires` (a time), and, in exports, `id` and `created`.
public enum MemoryItemJSON {
    static let knownKeys: Set<String> = ["id", "kind", "text", "time", "speaker", "session", "tags", "expires", "created"]

    /// Parses one line; the error says what is wrong without quoting the line's text.
    public static func parse(_ line: Data) throws(MemoryItemJSON.Problem) -> MemoryItem {
        guard String(data: line, encoding: .utf8) != nil else { throw .init("is not valid UTF-8") }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: line, options: [])
        } catch {
            throw .init("is not valid JSON")
        }
        guard let fields = object as? [String: Any] else { throw .init("is not a JSON object") }
        if let unknown = fields.keys.filter({ !knownKeys.contains($0) }).sorted().first {
            throw .init("has an unknown field \"\(unknown)\" (known: \(knownKeys.sorted().joined(separator: ", ")))")
        }
        guard let kindText = fields["kind"] else { throw .init("has no \"kind\"") }
        guard let kindString = kindText as? String, let kind = MemoryKind(rawValue: kindString) else {
            throw .init("has an unknown kind (use one of: \(MemoryKind.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        guard let text = fields["text"] as? String else { throw .init("has no \"text\" string") }
        guard !text.isEmpty else { throw .init("has an empty \"text\"") }
        guard let timeText = fields["time"] as? String else { throw .init("has no \"time\" string") }
        let timeMs = try time(timeText, field: "time")
        var item = MemoryItem(kind: kind, text: text, timeMs: timeMs)
        item.speaker = try optionalString(fields, "speaker")
        item.session = try optionalString(fields, "session")
        if let tags = fields["tags"], !(tags is NSNull) {
            guard let list = tags as? [Any], let strings = list as? [String] else { throw .init("has \"tags\" that are not an array of strings") }
            item.tags = strings
        }
        if let expires = try optionalString(fields, "expires") { item.expiresMs = try time(expires, field: "expires") }
        if let created = try optionalString(fields, "created") { item.createdMs = try time(created, field: "created") }
        if let id = fields["id"], !(id is NSNull) {
            guard let number = id as? NSNumber, String(cString: number.objCType) != "c", number.doubleValue == Double(number.int64Value),
                  number.int64Value > 0 else {
                throw .init("has an \"id\" that is not a positive integer")
            }
            item.id = number.int64Value
        }
        return item
    }

    /// One line of export: keys sorted, absent fields left out.
    public static func format(_ item: MemoryItem) -> String {
        var fields: [String: Any] = ["kind": item.kind.rawValue, "text": item.text, "time": formatTime(item.timeMs), "tags": item.tags]
        if let id = item.id { fields["id"] = id }
        if let speaker = item.speaker { fields["speaker"] = speaker }
        if let session = item.session { fields["session"] = session }
        if let expires = item.expiresMs { fields["expires"] = formatTime(expires) }
        if let created = item.createdMs { fields["created"] = formatTime(created) }
        let data = try! JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    public struct Problem: Error, Equatable, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }

    private static func optionalString(_ fields: [String: Any], _ key: String) throws(Problem) -> String? {
        guard let value = fields[key], !(value is NSNull) else { return nil }
        guard let text = value as? String else { throw .init("has a \"\(key)\" that is not a string") }
        return text
    }

    /// Parses an RFC 3339 time ("2026-11-22T10:00:00Z", "2026-11-22T11:00:00.250+01:00") into UTC ms.
    public static func time(_ text: String, field: String) throws(Problem) -> Int64 {
        guard let ms = RFC3339Time.parse(text) else {
            throw .init("has a \"\(field)\" that is not an RFC 3339 time like 2026-11-22T10:00:00Z")
        }
        return ms
    }

    /// UTC, with milliseconds only when there are any, so imports of exports are byte-identical.
    public static func formatTime(_ ms: Int64) -> String { RFC3339Time.format(ms) }
}
