import AttuneStore
import Foundation

/// Reading the benchmark's development set: conversations as `attune memory observe` input, probes
/// in tools/memory/dev/probes.jsonl's format.
extension MemoryEngineBenchmark {
    /// One line of probes.jsonl; the fields the benchmark needs (the rest, such as `expect`, are ignored).
    struct ProbeLine: Decodable {
        var category: String
        var query: String
        var speaker: String
        var at: String
    }

    /// Every turn of the directory's .jsonl files, in time order (a stable sort, so turns said at
    /// the same millisecond keep their files' order).
    public static func readTurns(directory: String) throws -> [ObservedTurn] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue,
              let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            throw MemoryEngineBenchmarkError.noConversations(path: directory)
        }
        var turns: [ObservedTurn] = []
        for name in names.filter({ $0.hasSuffix(".jsonl") }).sorted() {
            let path = directory + "/" + name
            guard let data = FileManager.default.contents(atPath: path) else { throw MemoryEngineBenchmarkError.noConversations(path: path) }
            for (number, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated()
            where !line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") }) {
                do {
                    turns.append(try ObserveInput.parse(Data(line)))
                } catch {
                    throw MemoryEngineBenchmarkError.badTurn(path: path, line: number + 1, reason: error.description)
                }
            }
        }
        guard !turns.isEmpty else { throw MemoryEngineBenchmarkError.noConversations(path: directory) }
        return turns.enumerated().sorted { ($0.element.timeMs, $0.offset) < ($1.element.timeMs, $1.offset) }.map(\.element)
    }

    /// The recall probes of a probes file: those whose category is not a follow-up (follow-ups are
    /// answered by `followups`, not by recall).
    public static func readProbes(path: String) throws -> [Probe] {
        guard let data = FileManager.default.contents(atPath: path) else { throw MemoryEngineBenchmarkError.unreadableProbes(path: path) }
        var probes: [Probe] = []
        for (number, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated()
        where !line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") }) {
            let probe: ProbeLine
            do {
                probe = try JSONDecoder().decode(ProbeLine.self, from: Data(line))
            } catch {
                throw MemoryEngineBenchmarkError.badProbe(path: path, line: number + 1, reason: "is not a probe")
            }
            guard !probe.category.hasPrefix("followup") else { continue }
            guard let atMs = RFC3339Time.parse(probe.at) else {
                throw MemoryEngineBenchmarkError.badProbe(path: path, line: number + 1, reason: "has an \"at\" that is not an RFC 3339 time")
            }
            probes.append(Probe(query: probe.query, speaker: probe.speaker, atMs: atMs))
        }
        guard !probes.isEmpty else { throw MemoryEngineBenchmarkError.noRecallProbes(path: path) }
        return probes
    }
}
