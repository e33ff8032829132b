import Foundation

/// The rapport engine's per-person models (schema version 6): one JSON document per person, kept
/// opaque here (the engine owns its shape). Writes join the caller's transaction (`inTransaction`).
extension EncryptedStore {
    /// A person's stored model, as the JSON the engine wrote, or nil when none is stored.
    public func rapportModel(person: String) throws -> Data? {
        let statement = try connection.prepare("SELECT model FROM rapport_models WHERE person = ?")
        try statement.bind([.text(person)])
        guard try statement.step() else { return nil }
        return Data(statement.text(0).utf8)
    }

    /// Stores (or replaces) a person's model. `model` must be UTF-8 JSON.
    public func putRapportModel(person: String, model: Data, atMs: Int64) throws {
        guard let text = String(data: model, encoding: .utf8) else {
            throw StoreError.badArgument("the rapport model of \(person) is not UTF-8")
        }
        try connection.transaction {
            try connection.prepare("""
                INSERT INTO rapport_models(person, model, updated_ms) VALUES (?, ?, ?)
                ON CONFLICT(person) DO UPDATE SET model = excluded.model, updated_ms = excluded.updated_ms
                """).run([.text(person), .text(text), .integer(atMs)])
        }
    }

    /// Every stored model, person by person in name order, from one consistent snapshot (export).
    public func rapportModels() throws -> [(person: String, model: Data, updatedMs: Int64)] {
        let statement = try connection.prepare("SELECT person, model, updated_ms FROM rapport_models ORDER BY person")
        var models: [(person: String, model: Data, updatedMs: Int64)] = []
        while try statement.step() {
            models.append((statement.text(0), Data(statement.text(1).utf8), statement.int64(2)))
        }
        return models
    }

    /// Removes a person's model (a reset of what Attune knows of them); true when one was stored.
    @discardableResult
    public func removeRapportModel(person: String) throws -> Bool {
        try connection.transaction {
            try connection.prepare("DELETE FROM rapport_models WHERE person = ?").run([.text(person)])
            return connection.changes > 0
        }
    }

    /// The export line of one model: `{"person":…,"rapportModel":{…},"updated":"RFC 3339"}`.
    static func formatRapportModelLine(person: String, model: Data, updatedMs: Int64) throws -> String {
        let object = try JSONSerialization.jsonObject(with: model)
        let line: [String: Any] = ["person": person, "rapportModel": object, "updated": RFC3339Time.format(updatedMs)]
        return String(decoding: try JSONSerialization.data(withJSONObject: line, options: [.sortedKeys, .withoutEscapingSlashes]), as: UTF8.self)
    }

    /// The model a line of an export holds, nil when the line is not a model line (it is an item),
    /// or `StoreError.badLine` when it is one but malformed.
    static func rapportModelLine(_ bytes: Data, line: Int) throws -> (person: String, model: Data, updatedMs: Int64)? {
        guard let object = try? JSONSerialization.jsonObject(with: bytes) as? [String: Any], let model = object["rapportModel"] else { return nil }
        guard Set(object.keys).isSubset(of: ["person", "rapportModel", "updated"]) else {
            throw StoreError.badLine(line: line, reason: "is a rapport model line with fields other than person, rapportModel and updated")
        }
        guard let person = object["person"] as? String, !person.isEmpty else {
            throw StoreError.badLine(line: line, reason: "is a rapport model line without a \"person\"")
        }
        guard let updated = object["updated"] as? String, let updatedMs = RFC3339Time.parse(updated) else {
            throw StoreError.badLine(line: line, reason: "is a rapport model line without an RFC 3339 \"updated\"")
        }
        guard model is [String: Any], let data = try? JSONSerialization.data(withJSONObject: model, options: [.sortedKeys]) else {
            throw StoreError.badLine(line: line, reason: "has a \"rapportModel\" that is not a JSON object")
        }
        return (person, data, updatedMs)
    }
}
