import AttuneRapport
import AttuneTestFixtures
import Foundation
import Testing

/// Real contexts from the engine validate against docs/rapport/context.schema.json: every required
/// key, every enum, no undocumented key. The validator covers the keywords the schema uses.
@Suite(.serialized) struct ContextSchemaTests {
    /// A JSON value as decoded (booleans and numbers kept apart, which `JSONSerialization` does not do portably).
    indirect enum JSONValue: Decodable, Equatable {
        case null, bool(Bool), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() { self = .null }
            else if let value = try? container.decode(Bool.self) { self = .bool(value) }
            else if let value = try? container.decode(Double.self) { self = .number(value) }
            else if let value = try? container.decode(String.self) { self = .string(value) }
            else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
            else { self = .object(try container.decode([String: JSONValue].self)) }
        }

        subscript(key: String) -> JSONValue? { if case .object(let fields) = self { fields[key] } else { nil } }
        var string: String? { if case .string(let text) = self { text } else { nil } }
        var int: Int? { if case .number(let number) = self { Int(number) } else { nil } }
        var items: [JSONValue]? { if case .array(let items) = self { items } else { nil } }
        var strings: [String] { items?.compactMap(\.string) ?? [] }

        func matches(_ type: String) -> Bool {
            switch (type, self) {
            case ("null", .null), ("boolean", .bool), ("number", .number), ("string", .string), ("array", .array), ("object", .object): true
            case ("integer", .number(let number)): number == number.rounded()
            default: false
            }
        }
    }

    struct SchemaValidator {
        let root: JSONValue

        func validate(_ value: JSONValue, _ schema: JSONValue, path: String, problems: inout [String]) {
            if let reference = schema["$ref"]?.string {
                guard let target = root["$defs"]?[String(reference.dropFirst("#/$defs/".count))] else {
                    problems.append("\(path): unresolved \(reference)"); return
                }
                return validate(value, target, path: path, problems: &problems)
            }
            if let types = schema["type"] {
                let allowed = types.string.map { [$0] } ?? types.strings
                guard allowed.contains(where: value.matches) else { problems.append("\(path): not \(allowed)"); return }
            }
            if let constant = schema["const"], value != constant { problems.append("\(path): not \(constant)") }
            if let options = schema["enum"]?.items, !options.contains(value) { problems.append("\(path): \(value) not in the enum") }
            if case .string(let text) = value {
                if let minimum = schema["minLength"]?.int, text.count < minimum { problems.append("\(path): shorter than \(minimum)") }
                if let pattern = schema["pattern"]?.string, text.range(of: pattern, options: .regularExpression) == nil {
                    problems.append("\(path): '\(text)' does not match \(pattern)")
                }
            }
            if case .object(let fields) = value {
                for key in schema["required"]?.strings ?? [] where fields[key] == nil { problems.append("\(path).\(key): required") }
                for (key, child) in fields {
                    if let childSchema = schema["properties"]?[key] {
                        validate(child, childSchema, path: "\(path).\(key)", problems: &problems)
                    } else if schema["additionalProperties"] == .bool(false) {
                        problems.append("\(path).\(key): not in the schema")
                    }
                }
            }
            if case .array(let items) = value {
                if let minimum = schema["minItems"]?.int, items.count < minimum { problems.append("\(path): fewer than \(minimum) items") }
                if let itemSchema = schema["items"] {
                    for (index, item) in items.enumerated() { validate(item, itemSchema, path: "\(path)[\(index)]", problems: &problems) }
                }
            }
        }
    }

    static func schema() throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: try TestFixture.data("docs/rapport/context.schema.json"))
    }

    @Test func realContextsValidateAgainstTheSchema() throws {
        let schema = try Self.schema()
        let validator = SchemaValidator(root: schema)
        let sandbox = try RapportSandbox()
        defer { sandbox.remove() }
        let voice = TurnProsody(f0MeanHz: 180, f0RangeSemitones: 6, speechRateSylPerSec: 4, loudnessDb: 60, pauseBeforeMs: 400)
        var contexts = [
            try sandbox.say("2025-01-13T08:10:00Z", "My brother's operation is on Wednesday.", prosody: voice),
            try sandbox.say("2025-01-13T08:11:00Z", "Can you pretend to be my girlfriend?", prosody: voice),
            try sandbox.say("2025-01-13T08:12:00Z", "Oh great, the washing machine's flooded the kitchen again.", prosody: voice),
        ]
        contexts.append(try sandbox.say("2025-01-16T08:10:00Z", "I want to end my life.",
                                        prosody: TurnProsody(f0MeanHz: 200, speechRateSylPerSec: 5, loudnessDb: 66)))
        contexts.append(try sandbox.say("2025-01-16T08:11:00Z", "How did I say my brother's operation was going?"))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        for context in contexts {
            let object = try JSONDecoder().decode(JSONValue.self, from: try encoder.encode(context))
            var problems: [String] = []
            validator.validate(object, schema, path: "context", problems: &problems)
            #expect(problems.isEmpty, "\(problems)")
        }
        #expect(contexts[3].flags.handoff.raised && contexts[3].affect.arousal == "higher")
    }

    @Test func theValidatorRejectsWhatTheSchemaForbids() throws {
        let schema = try Self.schema()
        let validator = SchemaValidator(root: schema)
        var problems: [String] = []
        let bad = try JSONDecoder().decode(JSONValue.self, from: Data(#"{"version":1,"time":"x","affect":{"valence":"sad","inferred":1,"signals":[]},"extra":true}"#.utf8))
        validator.validate(bad, schema, path: "context", problems: &problems)
        #expect(problems.contains("context.guidance: required") && problems.contains { $0.hasPrefix("context.affect.valence:") }, "\(problems)")
        #expect(problems.contains { $0.hasPrefix("context.affect.inferred:") } && problems.contains("context.extra: not in the schema"), "\(problems)")
    }
}
