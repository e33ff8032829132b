import AttuneRapport
import AttuneText
import Testing

/// Valence cues VADER misses, good news and deflection (`valence-cues.jsonl`), and intents
/// (`intents.jsonl`: the strongest first, each listed one read).
@Suite struct ValenceAndIntentReadingTests {
    struct ValenceRow: Decodable {
        let text: String
        let cues: [String]
        let goodNews: Bool?
        let deflection: Bool?
        /// The valence the turn fuses to with VADER (`AffectFusion`), when the row names it.
        let valence: String?
    }

    struct IntentRow: Decodable {
        let text: String
        let previous: String?
        let intents: [String]
        let practical: Bool?
    }

    @Test func valenceCuesReadAsTheTableSays() throws {
        let table = try RapportTable<ValenceRow>("valence-cues.jsonl")
        let reader = UtteranceReader()
        let vader = try TextAffectAnalyzer(modelsDirectory: RapportSandbox.models)
        for line in table.lines {
            let reading = reader.read(line.row.text, timeMs: tableTimeMs)
            let label = line.label(table.file, line.row.text)
            var kinds: [String] = []
            for cue in reading.valenceCues where !kinds.contains(cue.kind.rawValue) { kinds.append(cue.kind.rawValue) }
            #expect(kinds == line.row.cues, "\(label): cues \(reading.valenceCues)")
            for cue in reading.valenceCues where cue.kind != .mixed { #expect(cue.shift < 0 && line.row.text.contains(cue.phrase), "\(label)") }
            if let good = line.row.goodNews { #expect(!reading.goodNews.isEmpty == good, "\(label): good news \(reading.goodNews)") }
            if let valence = line.row.valence {
                let fused = AffectFusion().fuse(text: vader.analyze(line.row.text), reading: reading, voice: nil, hasVoice: false)
                #expect(fused.affect.valence == valence, "\(label): valence \(fused.affect.valence) (\(fused.valenceScore))")
            }
            if let deflection = line.row.deflection { #expect((reading.deflection != nil) == deflection, "\(label): deflection \(String(describing: reading.deflection))") }
        }
    }

    @Test func intentsReadStrongestFirst() throws {
        let table = try RapportTable<IntentRow>("intents.jsonl")
        let reader = UtteranceReader()
        for line in table.lines {
            let reading = reader.read(line.row.text, timeMs: tableTimeMs, previousAssistantText: line.row.previous)
            let label = line.label(table.file, line.row.text)
            let read = reading.intents.map(\.rawValue)
            for intent in line.row.intents { #expect(read.contains(intent), "\(label): intents \(read)") }
            if let strongest = line.row.intents.first { #expect(read.first == strongest, "\(label): intents \(read)") }
            if let practical = line.row.practical { #expect(reading.practical == practical, "\(label): practical \(reading.practical)") }
        }
    }
}
