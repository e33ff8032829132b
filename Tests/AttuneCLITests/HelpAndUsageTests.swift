import Foundation
import Testing

/// What a new user reads: every command's --help, the usage printed with a validation error, and
/// the one-line errors for an explicit model path.
@Suite struct HelpAndUsageTests {
    /// Every command path, found by walking the SUBCOMMANDS sections from `attune --help`.
    static func commandPaths() throws -> [[String]] {
        var found: [[String]] = []
        var queue: [[String]] = [[]]
        while let path = queue.first {
            queue.removeFirst()
            found.append(path)
            let help = try AttuneBinary.run(path + ["--help"]).standardOutput
            guard let range = help.range(of: "SUBCOMMANDS:\n") else { continue }
            for line in help[range.upperBound...].split(separator: "\n", omittingEmptySubsequences: false) {
                if line.isEmpty || line.hasPrefix("  See ") { if line.hasPrefix("  See ") { break } else { continue } }
                // "  name   abstract" starts at column 2; wrapped abstracts are indented further.
                guard line.hasPrefix("  "), !line.hasPrefix("   ") else { continue }
                let name = String(line.dropFirst(2).split(separator: " ").first ?? "")
                if name == "help" || name.isEmpty { continue }
                queue.append(path + [name.replacingOccurrences(of: " (default)", with: "")])
            }
        }
        return found
    }

    @Test func noOptionRepeatsItsDefaultAndNoExampleIsBrokenByWrapping() throws {
        let paths = try Self.commandPaths()
        #expect(paths.contains(["store", "init"]) && paths.contains(["bench", "store"]) && paths.count > 15, "\(paths)")
        for path in paths {
            let help = try AttuneBinary.run(path + ["--help"]).standardOutput
            // One block per option or argument: its "  --name" line and the indented lines under it.
            var blocks: [String] = []
            for line in help.split(separator: "\n") {
                if line.hasPrefix("  ") && !line.hasPrefix("   ") { blocks.append(String(line)) } else if !blocks.isEmpty { blocks[blocks.count - 1] += " " + line }
            }
            for block in blocks where block.contains("(default: ") {
                #expect(!block.contains("Default: "), "attune \(path.joined(separator: " ")): states the default ArgumentParser prints: \(block)")
            }
            // A `command` quoted in running text must not be split across two lines.
            for line in help.split(separator: "\n") {
                #expect(line.filter { $0 == "`" }.count % 2 == 0, "attune \(path.joined(separator: " ")): a quoted command is split: \(line)")
            }
            guard let examples = help.range(of: "Examples:\n") ?? help.range(of: "Start here:\n") else { continue }
            var continued = false
            for line in help[examples.upperBound...].split(separator: "\n", omittingEmptySubsequences: false) {
                if line.isEmpty { break }
                // A command starts at column 2; only the continuation of a line ending in `\` may be indented further.
                #expect(line.hasPrefix("  ") && (continued || !line.hasPrefix("   ")),
                        "attune \(path.joined(separator: " ")): example line broken by wrapping: \(line)")
                continued = line.hasSuffix("\\")
            }
        }
    }

    @Test func storeValidationErrorsPrintTheSubcommandsUsage() throws {
        let directory = try CLITestPaths.temporaryDirectory()
        let db = directory.appendingPathComponent("memory.db").path
        let cases: [[String]] = [
            ["store", "init", "--db", db, "--checkpoint-pages", "0"],
            ["store", "init", "--db", db, "--scrypt-cost", "3"],
            ["store", "forget", "--db", db],
            ["store", "erase", "--db", db],
            ["store", "stats", "--db", db, "--key-file", "a", "--passphrase-file", "b"],
            ["bench", "store", "--items", "0"],
            ["tokenize", "--max-length", "1"],
        ]
        for arguments in cases {
            let result = try AttuneBinary.run(arguments)
            #expect(result.status != 0)
            let command = arguments.prefix { !$0.hasPrefix("-") }.joined(separator: " ")
            #expect(result.standardError.hasPrefix("Error: "), "\(arguments)")
            #expect(result.standardError.contains("Usage: attune \(command) "), "\(arguments): \(result.standardError)")
            #expect(!result.standardError.contains("Usage: attune <subcommand>"), "\(arguments)")
        }
        #expect(!FileManager.default.fileExists(atPath: db), "nothing was created")
    }

    @Test func anExplicitModelPathIsNotSentToATTUNE_MODELS() throws {
        let wav = CLITestPaths.repositoryRoot.appendingPathComponent("Tests/Data/prosody/espeak-male.wav").path
        let result = try AttuneBinary.run(["turns", wav, "--model", "nosuch.json"])
        #expect(result.status != 0)
        #expect(result.standardError == "Error: cannot read the model file nosuch.json; check the path (it is read as given)\n")
        let missing = try AttuneBinary.run(["turns", wav], environment: ["ATTUNE_MODELS": "/nonexistent"])
        #expect(missing.standardError.contains("set ATTUNE_MODELS to the models directory"))
    }
}
