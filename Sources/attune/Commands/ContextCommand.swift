import ArgumentParser
import AttuneMemory
import AttuneRapport
import AttuneRuntime
import AttuneStore
import Foundation

struct ContextCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "context",
        abstract: "The rapport context for the assistant's next reply, after each person's turn (JSON lines on standard input).",
        discussion: """
            Each input line is one turn, {"time":"2025-01-13T07:07:40Z","speaker":"user","text":"…",\
            "session":"…","prosody":{"f0MeanHz":…,"f0RangeSemitones":…,"speechRateSylPerSec":…,\
            "loudnessDb":…,"pauseBeforeMs":…}} (session and prosody optional), from the person or \
            the assistant ("speaker":"assistant"), in time order. Every turn goes to memory; the \
            person's model (preferences, topic bans, voice baseline, usage) is kept in the same \
            store. After each person's turn (only the last with --last) the context is printed: one \
            JSON object per line, or with --format prompt the plain-text block a host prepends to its \
            system prompt. A malformed line (bad JSON, a missing or bad time, a time earlier than the \
            turn before, an empty text, a host role as speaker, text over 64 KiB) is an error naming \
            its line; the lines before it are kept, nothing of it is. The context field by field: \
            docs/RAPPORT.md.

            Examples:
              attune context --db memory.db --key-file store.key < turns.jsonl
              my-assistant --turns | attune context --format prompt \\
                  --db memory.db --key-file store.key
              attune context --last --locale US \\
                  --db memory.db --key-file store.key < today.jsonl
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, prompt
    }

    @OptionGroup var memory: MemoryOptions

    @Flag(name: .long, help: "Print only the context after the last person's turn.")
    var last = false

    @Option(name: .long, help: "json (one context per line) or prompt (the plain-text block for a system prompt).")
    var format: Format = .json

    @Option(name: .long, help: ArgumentHelp("Country whose emergency number and crisis line a hand-off names: \(HandoffResources.builtIn.keys.sorted().joined(separator: ", ")). Default: GB (or [rapport] locale).", valueName: "code"))
    var locale: String?

    @Option(name: .long, help: ArgumentHelp("Minutes without a turn after which a new session opens (when the input names none). Default: 30 (or [rapport] session_gap_minutes).", valueName: "minutes"))
    var sessionGap: Int?

    func validate() throws {
        if let locale, HandoffResources.forLocale(locale) == nil {
            throw ValidationError("no crisis resources are built in for '\(locale)'; use one of \(HandoffResources.builtIn.keys.sorted().joined(separator: ", ")), or set [rapport.handoff] in --config")
        }
        if let sessionGap, !(1...24 * 60).contains(sessionGap) {
            throw ValidationError("--session-gap must be between 1 and 1440 minutes, not \(sessionGap)")
        }
    }

    /// [rapport] of --config, then the options over it.
    func settings() throws -> RapportConfiguration {
        var configuration = try memory.store.runtime.resolve()
        configuration.timeZone = try memory.timeZone()
        if let locale { configuration.rapport.handoff = HandoffResources.forLocale(locale)! }
        if let sessionGap { configuration.rapport.sessionGapMs = Int64(sessionGap) * 60_000 }
        return configuration.resolvedRapport
    }

    func run() async throws {
        var reader = JSONLineReader(fileDescriptor: STDIN_FILENO)
        let settings = try settings()
        let renderer = ContextPromptRenderer()
        let format = format
        let last = last
        try memory.withEngine { engine in
            let rapport = try RapportEngine(memory: engine, affect: try CommandResources.loadTextAffect(), configuration: settings)
            var kept = 0
            var latest: RapportContext?
            func emit(_ context: RapportContext) throws {
                switch format {
                case .json: try JSONOutput.print(context)
                case .prompt: print(renderer.render(context) + "\n")
                }
            }
            while let line = try reader.next() {
                let context: RapportContext?
                do {
                    let turn = try RapportTurnLine.decode(line.bytes)
                    context = try rapport.observe(turn)
                } catch let problem as RapportTurnProblem {
                    throw RapportEngineError.badInputLine(line: line.number, reason: problem.description, kept: kept)
                } catch RapportEngineError.badTurn(let problem) {
                    throw RapportEngineError.badInputLine(line: line.number, reason: problem.description, kept: kept)
                }
                kept += 1
                guard let context else { continue }
                if last { latest = context } else { try emit(context) }
            }
            if let latest { try emit(latest) }
        }
    }
}
