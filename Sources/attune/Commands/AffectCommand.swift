import ArgumentParser
import AttuneRuntime
import AttuneText
import AttuneTurn
import Foundation

struct AffectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "affect",
        abstract: "How a text sounds: valence (VADER), an arousal estimate, and distress cues, with the words behind each.",
        discussion: """
            compound runs from -1 (most negative) to 1 (most positive); pos, neu and neg are the shares \
            of the text that are positive, neutral and negative, as VADER (Hutto & Gilbert 2014) \
            computes them. arousal runs from 0 (calm) to 1 (intense), estimated from VADER's intensity \
            cues (docs/TEXT.md). distress is true when the text contains a phrase from \
            models/distress-cues.tsv (drawn from the NIMH's warning signs of suicide): a cue for the \
            assistant to slow down and point to human help, never a diagnosis. With - as TEXT, one text \
            per line is read from standard input and one JSON object per line is written.

            Examples:
              attune affect "I love the garden but I hate the rain"
              attune affect "Nothing matters anymore, I can't go on" --json
              attune affect - < utterances.txt
            """)

    @Argument(help: ArgumentHelp("The text, or - for one text per line on standard input.", valueName: "text"))
    var text: String

    @Flag(help: "Print JSON for machines (always JSON lines with -).")
    var json = false

    static func rounded(_ value: Double, _ places: Double) -> Double { (value * places).rounded() / places }

    static func jsonObject(_ affect: TextAffect) -> [String: Any] {
        [
            "compound": rounded(affect.compound, 10_000), "pos": rounded(affect.positive, 1000),
            "neu": rounded(affect.neutral, 1000), "neg": rounded(affect.negative, 1000),
            "arousal": rounded(affect.arousal, 1000), "distress": affect.distress,
            "distressCues": affect.distressCues.map { ["phrase": $0.phrase, "category": $0.category] },
            "words": affect.words.map { ["word": $0.word, "valence": rounded($0.valence, 10_000)] as [String: Any] },
        ]
    }

    static func jsonLine(_ affect: TextAffect) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: jsonObject(affect), options: [.sortedKeys, .withoutEscapingSlashes]), as: UTF8.self)
    }

    func run() async throws {
        let analyzer = try CommandResources.loadTextAffect()
        if text == "-" {
            let failed = try TextLinesOutput.run { try Self.jsonLine(analyzer.analyze($0)) }
            if failed { throw ExitCode(1) }
            return
        }
        let affect = analyzer.analyze(text)
        if json { return print(try Self.jsonLine(affect)) }
        var table = TextTable("MEASURE", "VALUE", "BECAUSE OF")
        let words = affect.words.map { "\($0.word) (\(Self.rounded($0.valence, 100)))" }.joined(separator: ", ")
        table.add("compound", String(format: "%+.4f", affect.compound), words.isEmpty ? "no sentiment words" : words)
        table.add("positive / neutral / negative", String(format: "%.3f / %.3f / %.3f", affect.positive, affect.neutral, affect.negative), "")
        table.add("arousal", String(format: "%.3f", affect.arousal), "")
        table.add("distress", affect.distress ? "yes" : "no",
                  affect.distressCues.map { "\"\($0.phrase)\" (\($0.category))" }.joined(separator: ", "))
        print(table.render())
        if affect.distress {
            print("Distress cues are a reason to slow down and point to human help (in the US, call or text 988), not a diagnosis.")
        }
    }
}
