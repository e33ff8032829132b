import AttuneTurn

/// models/end-of-turn.json read on the edge: the same fields `EndOfTurnModel`'s Codable conformance
/// decodes on x86-64, through `JSONValue`, then the same `inconsistency` check. Reading the JSON itself
/// (rather than a binary form written by a converter) keeps one model file, and one source of truth,
/// for both builds; the whole file is 20 KB and read once.
enum EndOfTurnModelReader {
    static func load(path: String) throws(EdgeError) -> EndOfTurnModel {
        let bytes = try FileBytes.read(path)
        let root: JSONValue
        do {
            root = try JSONValue.parse(bytes)
        } catch {
            throw .model("end-of-turn model \(path) is not JSON: \(error.reason) at byte \(error.offset)")
        }
        func field(_ name: String) throws(EdgeError) -> JSONValue {
            guard let value = root[name] else { throw .model("end-of-turn model \(path) has no field \"\(name)\"") }
            return value
        }
        func number(_ name: String, _ value: JSONValue) throws(EdgeError) -> Double {
            guard case let .number(x) = value else { throw .model("end-of-turn model \(path): \"\(name)\" holds a non-number") }
            return x
        }
        func numbers(_ name: String) throws(EdgeError) -> [Double] {
            guard case let .array(items) = try field(name) else { throw .model("end-of-turn model \(path): \"\(name)\" is not an array") }
            var out: [Double] = []
            for item in items { out.append(try number(name, item)) }
            return out
        }
        func strings(_ name: String) throws(EdgeError) -> [String] {
            guard case let .array(items) = try field(name) else { throw .model("end-of-turn model \(path): \"\(name)\" is not an array") }
            var out: [String] = []
            for item in items {
                guard case let .string(text) = item else { throw .model("end-of-turn model \(path): \"\(name)\" holds a non-string") }
                out.append(text)
            }
            return out
        }
        guard case let .array(pairItems) = try field("pairs") else { throw .model("end-of-turn model \(path): \"pairs\" is not an array") }
        var pairs: [[Int]] = []
        for item in pairItems {
            guard case let .array(members) = item else { throw .model("end-of-turn model \(path): a pair is not an array") }
            var pair: [Int] = []
            for member in members {
                let x = try number("pairs", member)
                guard x == x.rounded(), abs(x) < 1e6 else { throw .model("end-of-turn model \(path): a pair holds a non-integer") }
                pair.append(Int(x))
            }
            pairs.append(pair)
        }
        var provenance: [String: String] = [:]
        if case let .object(members) = try field("provenance") {
            for member in members {
                if case let .string(text) = member.value { provenance[member.key] = text }
            }
        }
        let model = EndOfTurnModel(
            featureNames: try strings("featureNames"), pairs: pairs, mean: try numbers("mean"), scale: try numbers("scale"),
            weights: try numbers("weights"), bias: try number("bias", try field("bias")),
            threshold: try number("threshold", try field("threshold")),
            fallbackPauseMs: try number("fallbackPauseMs", try field("fallbackPauseMs")), provenance: provenance)
        if let reason = model.inconsistency {
            throw .model("end-of-turn model \(path) is malformed: \(reason); refit it with tools/turn/fit_end_of_turn.py (models/MODELS.md)")
        }
        return model
    }
}
