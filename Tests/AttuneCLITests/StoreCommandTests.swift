import AttuneStore
import Foundation
import Testing

/// `attune store …` end to end through the built binary: the lines a person sees, exit codes, files.
@Suite struct StoreCommandTests {
    struct Setup {
        let directory: URL
        let keyFile: String
        var db: String { directory.appendingPathComponent("memory.db").path }
        var keyArguments: [String] { ["--db", db, "--key-file", keyFile] }
    }

    static func setup(initialise: Bool = true) throws -> Setup {
        let directory = try CLITestPaths.temporaryDirectory()
        let keyFile = directory.appendingPathComponent("store.keyfile").path
        var generator = SystemRandomNumberGenerator()
        #expect(FileManager.default.createFile(atPath: keyFile, contents: Data((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }),
                                       attributes: [.posixPermissions: 0o600]))
        let setup = Setup(directory: directory, keyFile: keyFile)
        if initialise {
            let result = try AttuneBinary.run(["store", "init"] + setup.keyArguments)
            #expect(result.status == 0, "\(result.standardError)")
        }
        return setup
    }

    static let lines = """
        {"kind":"utterance","text":"I walk the dog at seven","time":"2026-11-22T10:00:00Z","speaker":"ana","session":"morning","tags":["routine"]}
        {"kind":"preference","text":"Prefers tea to coffee","time":"2026-11-22T10:05:00Z"}
        {"kind":"event","text":"Sister visits on Sunday","time":"2026-11-22T10:06:00Z","expires":"2026-11-30T00:00:00Z"}

        """

    @Test func importStatsExportAndForget() throws {
        let setup = try Self.setup()
        let input = setup.directory.appendingPathComponent("in.jsonl").path
        #expect(FileManager.default.createFile(atPath: input, contents: Data(Self.lines.utf8)))
        let imported = try AttuneBinary.run(["store", "import", input] + setup.keyArguments)
        #expect(imported.status == 0 && imported.standardOutput.contains("imported 3 items"), "\(imported.standardError)")
        let stats = try AttuneBinary.run(["store", "stats", "--json"] + setup.keyArguments)
        let decoded = try JSONDecoder().decode(StoreStats.self, from: Data(stats.standardOutput.utf8))
        #expect(decoded.items == 3 && decoded.itemsByKind["preference"] == 1 && decoded.sessions == 1)
        let table = try AttuneBinary.run(["store", "stats"] + setup.keyArguments)
        #expect(table.standardOutput.contains("items ") && table.standardOutput.contains("key file, HKDF-SHA256"))
        let exportFile = setup.directory.appendingPathComponent("out.jsonl").path
        let exported = try AttuneBinary.run(["store", "export", exportFile] + setup.keyArguments)
        #expect(exported.status == 0 && exported.standardError.contains("exported 3 items"))
        let mode = (try FileManager.default.attributesOfItem(atPath: exportFile)[.posixPermissions] as? NSNumber)?.intValue
        #expect(mode == 0o600, "the plaintext export is readable by its owner only")
        let text = try String(contentsOfFile: exportFile, encoding: .utf8)
        #expect(text.split(separator: "\n").count == 3 && text.contains("\"text\":\"Prefers tea to coffee\""))
        let dry = try AttuneBinary.run(["store", "forget", "--match", "TEA", "--dry-run", "--json"] + setup.keyArguments)
        #expect(dry.standardOutput.contains("\"forgotten\":1") && dry.standardOutput.contains("\"dryRun\":true"))
        let forgot = try AttuneBinary.run(["store", "forget", "--match", "TEA"] + setup.keyArguments)
        #expect(forgot.standardOutput == "forgot 1 item\n")
        let after = try AttuneBinary.run(["store", "export"] + setup.keyArguments)
        #expect(after.standardOutput.split(separator: "\n").count == 2 && !after.standardOutput.contains("tea"))
        let verify = try AttuneBinary.run(["store", "verify"] + setup.keyArguments)
        #expect(verify.status == 0 && verify.standardOutput.contains("SQLite integrity check        ok"), "\(verify.standardOutput)")
        let files = try FileManager.default.contentsOfDirectory(atPath: setup.directory.path)
        for file in files where file.hasPrefix("memory.db") {
            let mode = (try FileManager.default.attributesOfItem(atPath: setup.directory.appendingPathComponent(file).path)[.posixPermissions] as? NSNumber)?.intValue
            #expect(mode == 0o600, "\(file) has mode \(String(mode ?? 0, radix: 8))")
        }
    }

    @Test func keyMistakesGetOneClearLine() throws {
        let setup = try Self.setup()
        let otherKey = setup.directory.appendingPathComponent("other.keyfile").path
        #expect(FileManager.default.createFile(atPath: otherKey, contents: Data(repeating: 7, count: 32), attributes: [.posixPermissions: 0o600]))
        let wrong = try AttuneBinary.run(["store", "stats", "--db", setup.db, "--key-file", otherKey])
        #expect(wrong.status != 0)
        #expect(wrong.standardError == "Error: wrong passphrase or key for \(setup.db)\n")
        // No key and no terminal: an error at once, not a prompt that waits.
        let none = try AttuneBinary.run(["store", "stats", "--db", setup.db], unsetting: ["ATTUNE_PASSPHRASE"])
        #expect(none.status != 0 && none.standardError.contains("no key for the store: set ATTUNE_PASSPHRASE"))
        // Set but empty (an unfilled unit file, say) is its own mistake, not "no key".
        let empty = try AttuneBinary.run(["store", "stats", "--db", setup.db], environment: ["ATTUNE_PASSPHRASE": ""])
        #expect(empty.status != 0 && empty.standardError == "Error: ATTUNE_PASSPHRASE is set but empty; put the passphrase in it, or unset it and pass --passphrase-file FILE or --key-file FILE\n", "\(empty.standardError)")
        chmod(setup.keyFile, 0o644)
        let open = try AttuneBinary.run(["store", "stats"] + setup.keyArguments)
        #expect(open.standardError.contains("has mode 644; it must be readable by its owner only: chmod 600"))
        chmod(setup.keyFile, 0o600)
        let passphraseStore = setup.directory.appendingPathComponent("p.db").path
        let created = try AttuneBinary.run(["store", "init", "--db", passphraseStore, "--scrypt-cost", "10"], environment: ["ATTUNE_PASSPHRASE": "right one"])
        #expect(created.status == 0, "\(created.standardError)")
        #expect(created.standardError == "warning: the passphrase has 9 characters; use at least 12 (several unrelated words), or a key file\n", "\(created.standardError)")
        let wrongPassphrase = try AttuneBinary.run(["store", "stats", "--db", passphraseStore], environment: ["ATTUNE_PASSPHRASE": "wrong one"])
        #expect(wrongPassphrase.standardError == "Error: wrong passphrase or key for \(passphraseStore)\n")
        let rekeyed = try AttuneBinary.run(["store", "rekey", "--db", passphraseStore, "--scrypt-cost", "10"],
                                           environment: ["ATTUNE_PASSPHRASE": "right one", "ATTUNE_NEW_PASSPHRASE": "newer one"])
        #expect(rekeyed.status == 0 && rekeyed.standardError.contains("warning: the passphrase has 9 characters"), "\(rekeyed.standardError)")
        let longPassphrase = setup.directory.appendingPathComponent("long.db").path
        let long = try AttuneBinary.run(["store", "init", "--db", longPassphrase, "--scrypt-cost", "10"], environment: ["ATTUNE_PASSPHRASE": "quiet orchard lantern"])
        #expect(long.status == 0 && long.standardError.isEmpty, "\(long.standardError)")
        let withNew = try AttuneBinary.run(["store", "stats", "--db", passphraseStore], environment: ["ATTUNE_PASSPHRASE": "newer one"])
        #expect(withNew.status == 0)
        let again = try AttuneBinary.run(["store", "init"] + setup.keyArguments)
        #expect(again.standardError.contains("a store already exists at \(setup.db); Attune does not overwrite a store"))
    }

    /// On a terminal (a pseudo-terminal from `script`), init asks twice with echo off; each answer is
    /// typed only after its prompt has appeared.
    @Test func asksForThePassphraseOnATerminalWithoutEchoingIt() throws {
        let setup = try Self.setup(initialise: false)
        let passphrase = "tangerine lighthouse 42"
        let conversation = TerminalConversation(
            commandLine: "\(AttuneBinary.url.path) store init --db \(setup.db) --scrypt-cost 10",
            exchanges: [("Passphrase for the Attune store: ", passphrase), ("Again: ", passphrase)],
            unsetting: ["ATTUNE_PASSPHRASE"])
        let result = try conversation.run()
        #expect(!result.timedOut, "\(result.output)")
        #expect(result.promptsSeen.count == 2, "\(result.output)")
        #expect(result.status == 0 && result.output.contains("created \(setup.db)"), "\(result.output)")
        #expect(!result.output.contains(passphrase), "the passphrase was echoed")
        let stats = try AttuneBinary.run(["store", "stats", "--db", setup.db], environment: ["ATTUNE_PASSPHRASE": passphrase])
        #expect(stats.status == 0, "\(stats.standardError)")
    }

    @Test func badInputIsNamedAndNothingIsImported() throws {
        let setup = try Self.setup()
        let bad = Self.lines + "{\"kind\":\"utterance\",\"text\":\"half\n"
        let result = try AttuneBinary.run(["store", "import", "-"] + setup.keyArguments, standardInput: Data(bad.utf8))
        #expect(result.status != 0)
        #expect(result.standardError == "Error: line 4 is not valid JSON; nothing from the input was imported\n")
        let binary = try AttuneBinary.run(["store", "import", "-"] + setup.keyArguments, standardInput: Data([0x00, 0xFF, 0xFE, 0x0A]))
        #expect(binary.standardError == "Error: line 1 is not valid UTF-8; nothing from the input was imported\n")
        let missing = try AttuneBinary.run(["store", "import", "/nonexistent.jsonl"] + setup.keyArguments)
        #expect(missing.standardError.contains("cannot read /nonexistent.jsonl"))
        let stats = try AttuneBinary.run(["store", "stats", "--json"] + setup.keyArguments)
        #expect(try JSONDecoder().decode(StoreStats.self, from: Data(stats.standardOutput.utf8)).items == 0)
        let noStore = try AttuneBinary.run(["store", "stats", "--db", setup.directory.appendingPathComponent("nope.db").path, "--key-file", setup.keyFile])
        #expect(noStore.standardError.contains("no store at") && noStore.standardError.contains("attune store init --db"))
    }

    /// Each page in turn gets a flipped bit: verify names it and exits 1; export either fails naming
    /// it or (when it does not read that page, an index page say) prints exactly what it printed before.
    @Test func verifyNamesTheFirstBadPageAndExitsNonZero() throws {
        let setup = try Self.setup()
        let input = setup.directory.appendingPathComponent("in.jsonl").path
        #expect(FileManager.default.createFile(atPath: input, contents: Data(String(repeating: Self.lines, count: 100).utf8)))
        _ = try AttuneBinary.run(["store", "import", input] + setup.keyArguments)
        let original = try AttuneBinary.run(["store", "export"] + setup.keyArguments).standardOutput
        let pages = Int(truncating: try FileManager.default.attributesOfItem(atPath: setup.db)[.size] as! NSNumber) / 4096
        var exportsRefused = 0
        for page in 2...pages {
            let offset = UInt64((page - 1) * 4096 + 500)
            let handle = FileHandle(forUpdatingAtPath: setup.db)!
            try handle.seek(toOffset: offset)
            let byte = handle.readData(ofLength: 1)[0]
            try handle.seek(toOffset: offset)
            handle.write(Data([byte ^ 0x10]))
            let verify = try AttuneBinary.run(["store", "verify", "--json"] + setup.keyArguments)
            #expect(verify.status == 1)
            #expect(verify.standardError.contains("verify failed: \(setup.db): page \(page) of the database failed authentication"))
            #expect(verify.standardOutput.contains("\"passed\" : false"))
            let export = try AttuneBinary.run(["store", "export"] + setup.keyArguments)
            if export.status == 0 {
                #expect(export.standardOutput == original, "page \(page)")
            } else {
                exportsRefused += 1
                #expect(export.standardError.contains("page \(page) of the database failed authentication"), "\(export.standardError)")
                #expect(export.standardOutput.isEmpty || original.hasPrefix(export.standardOutput), "only authentic items before the bad page")
            }
            try handle.seek(toOffset: offset)
            handle.write(Data([byte]))
            try handle.close()
        }
        #expect(exportsRefused >= 3, "the export reads table pages")
        #expect(try AttuneBinary.run(["store", "verify"] + setup.keyArguments).status == 0)
    }

    @Test func eraseNeedsConfirmationAndRemovesEverything() throws {
        let setup = try Self.setup()
        let refused = try AttuneBinary.run(["store", "erase", "--db", setup.db])
        #expect(refused.status != 0 && refused.standardError.contains("add --yes to confirm"))
        #expect(FileManager.default.fileExists(atPath: setup.db))
        let erased = try AttuneBinary.run(["store", "erase", "--db", setup.db, "--yes", "--json"])
        #expect(erased.status == 0 && erased.standardOutput.contains("memory.db.key"))
        let left = try FileManager.default.contentsOfDirectory(atPath: setup.directory.path).filter { $0.hasPrefix("memory.db") }
        #expect(left.isEmpty)
    }

    /// A raw key file named like the envelope of the store asked for: init refuses without a hint to
    /// erase, and erase refuses both the key file and the would-be store, leaving the key intact.
    @Test func initAndEraseNeverPointAtAFileThatIsNotAStore() throws {
        let setup = try Self.setup(initialise: false)
        let device = setup.directory.appendingPathComponent("device").path
        let rawKey = device + ".key"
        var generator = SystemRandomNumberGenerator()
        let keyBytes = Data((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
        #expect(FileManager.default.createFile(atPath: rawKey, contents: keyBytes, attributes: [.posixPermissions: 0o600]))
        let initialised = try AttuneBinary.run(["store", "init", "--db", device, "--key-file", setup.keyFile])
        #expect(initialised.status != 0 && initialised.standardError.contains("\(rawKey) already exists and is not part of an Attune store"), "\(initialised.standardError)")
        #expect(!initialised.standardError.contains("erase"), "\(initialised.standardError)")
        for target in [rawKey, device] {
            let erased = try AttuneBinary.run(["store", "erase", "--db", target, "--yes"])
            #expect(erased.status != 0 && erased.standardError.contains("refusing to erase \(target)"), "\(erased.standardError)")
            #expect(erased.standardError.split(separator: "\n").count == 1, "\(erased.standardError)")
        }
        #expect(FileManager.default.contents(atPath: rawKey) == keyBytes)
        let notes = setup.directory.appendingPathComponent("notes.txt").path
        #expect(FileManager.default.createFile(atPath: notes, contents: Data("milk, eggs".utf8)))
        let erasedNotes = try AttuneBinary.run(["store", "erase", "--db", notes, "--yes"])
        #expect(erasedNotes.status != 0 && FileManager.default.contents(atPath: notes) == Data("milk, eggs".utf8))
    }

    /// A store open in another process (a running service) is not erased under it: erase names the
    /// process and touches nothing; once the process has finished, erase goes ahead.
    @Test func eraseRefusesAStoreThatAnotherProcessHasOpen() throws {
        let setup = try Self.setup()
        let writer = Process()
        writer.executableURL = AttuneBinary.url
        writer.arguments = ["store", "append"] + setup.keyArguments
        let input = Pipe(), output = Pipe()
        writer.standardInput = input
        writer.standardOutput = output
        writer.standardError = FileHandle.nullDevice
        try writer.run()
        let deadline = ChildProcessDeadline(writer, seconds: 60)
        input.fileHandleForWriting.write(Data(Self.lines.split(separator: "\n")[0].utf8 + [0x0A]))
        // The first acknowledgement: the store is open and has committed.
        var acknowledged = Data()
        while !acknowledged.contains(0x0A) {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { break }
            acknowledged.append(chunk)
        }
        #expect(String(decoding: acknowledged, as: UTF8.self).hasPrefix("{\"id\":1,\"line\":1}"))
        let before = try FileManager.default.contentsOfDirectory(atPath: setup.directory.path).sorted()
            .map { FileManager.default.contents(atPath: setup.directory.appendingPathComponent($0).path) }
        let refused = try AttuneBinary.run(["store", "erase", "--db", setup.db, "--yes"])
        #expect(refused.status != 0 && refused.standardError == "Error: refusing to erase \(setup.db): it is open in process \(writer.processIdentifier); stop that process (systemctl stop attune, say) and erase again\n", "\(refused.standardError)")
        let after = try FileManager.default.contentsOfDirectory(atPath: setup.directory.path).sorted()
            .map { FileManager.default.contents(atPath: setup.directory.appendingPathComponent($0).path) }
        #expect(before == after, "erase changed files of a store in use")
        try input.fileHandleForWriting.close()
        writer.waitUntilExit()
        deadline.finish()
        #expect(!deadline.passed && writer.terminationStatus == 0)
        let erased = try AttuneBinary.run(["store", "erase", "--db", setup.db, "--yes"])
        #expect(erased.status == 0, "\(erased.standardError)")
    }

    /// For a real store, init's hint names the database, and following it erases the store.
    @Test func initHintOnARealStoreErasesIt() throws {
        let setup = try Self.setup()
        let again = try AttuneBinary.run(["store", "init"] + setup.keyArguments)
        let hint = "attune store erase --db \(setup.db) --yes"
        #expect(again.status != 0 && again.standardError.contains(hint), "\(again.standardError)")
        let envelope = try AttuneBinary.run(["store", "erase", "--db", setup.db + ".key", "--yes"])
        #expect(envelope.status != 0 && envelope.standardError.contains("is the key envelope of the store \(setup.db)"), "\(envelope.standardError)")
        #expect(FileManager.default.fileExists(atPath: setup.db + ".key"))
        let erased = try AttuneBinary.run(["store", "erase", "--db", setup.db, "--yes"])
        #expect(erased.status == 0, "\(erased.standardError)")
        #expect(!FileManager.default.fileExists(atPath: setup.db) && !FileManager.default.fileExists(atPath: setup.db + ".key"))
    }

    /// An export never lands in an existing file (that once left every memory in a world-readable
    /// 0644 file) unless --force, and the result is 0600 even when the umask allows everything.
    @Test func exportRefusesAnExistingFileAndIsAlwaysOwnerOnly() throws {
        let setup = try Self.setup()
        let imported = try AttuneBinary.run(["store", "import", "-"] + setup.keyArguments, standardInput: Data(Self.lines.utf8))
        #expect(imported.status == 0, "\(imported.standardError)")
        let target = setup.directory.appendingPathComponent("shared.jsonl").path
        #expect(FileManager.default.createFile(atPath: target, contents: Data("the user's own notes\n".utf8), attributes: [.posixPermissions: 0o644]))
        let refused = try AttuneBinary.run(["store", "export", target] + setup.keyArguments)
        #expect(refused.status != 0 && refused.standardError == "Error: \(target) already exists; export does not overwrite a file (pass --force to replace it; the result is mode 0600)\n", "\(refused.standardError)")
        #expect(FileManager.default.contents(atPath: target) == Data("the user's own notes\n".utf8))
        let command = "umask 000 && exec \(AttuneBinary.url.path) store export \(target) --force --db \(setup.db) --key-file \(setup.keyFile)"
        let forced = try AttuneBinary.runProgram("/bin/sh", ["-c", command])
        #expect(forced.status == 0 && forced.standardError.contains("exported 3 items"), "\(forced.standardError)")
        let mode = (try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? NSNumber)?.intValue
        #expect(mode == 0o600, "mode \(String(mode ?? 0, radix: 8))")
        let fresh = setup.directory.appendingPathComponent("fresh.jsonl").path
        let created = try AttuneBinary.runProgram("/bin/sh", ["-c", "umask 000 && exec \(AttuneBinary.url.path) store export \(fresh) --db \(setup.db) --key-file \(setup.keyFile)"])
        #expect(created.status == 0, "\(created.standardError)")
        #expect((try FileManager.default.attributesOfItem(atPath: fresh)[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let toStandardOutput = try AttuneBinary.run(["store", "export"] + setup.keyArguments)
        #expect(toStandardOutput.standardOutput == (try String(contentsOfFile: target, encoding: .utf8)))
        #expect(toStandardOutput.standardOutput.split(separator: "\n").count == 3)
        let forceAlone = try AttuneBinary.run(["store", "export", "--force"] + setup.keyArguments)
        #expect(forceAlone.status != 0 && forceAlone.standardError.contains("--force needs an output file"))
    }

    /// Two writers at once: each commits its first line, and only when both have (so both hold the
    /// store open at the same time, shown by their acknowledgements) do they get the rest. Every line
    /// of both is then in the store exactly once, and it verifies.
    @Test func twoProcessesAppendingAtOnceLoseNothing() throws {
        let setup = try Self.setup()
        let perProcess = 150
        func line(_ writer: Int, _ index: Int) -> Data {
            Data("{\"kind\":\"utterance\",\"text\":\"writer \(writer) line \(index)\",\"time\":\"2026-11-22T10:00:00Z\"}\n".utf8)
        }
        struct Writer { let process: Process; let input: Pipe; let output: Pipe; let deadline: ChildProcessDeadline }
        let writers: [Writer] = try (0..<2).map { index in
            let process = Process()
            process.executableURL = AttuneBinary.url
            process.arguments = ["store", "append"] + setup.keyArguments
            let input = Pipe(), output = Pipe()
            process.standardInput = input
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            let writer = Writer(process: process, input: input, output: output, deadline: ChildProcessDeadline(process, seconds: 120))
            writer.input.fileHandleForWriting.write(line(index, 0))
            return writer
        }
        // Both first acknowledgements, before either writer has been given its other lines.
        var acknowledgements: [[EncryptedStore.AppendAcknowledgement]] = [[], []]
        var pending = [Data(), Data()]
        func readAcknowledgements(_ index: Int, until count: Int) throws {
            while acknowledgements[index].count < count {
                let chunk = writers[index].output.fileHandleForReading.availableData
                guard !chunk.isEmpty else { return }
                pending[index].append(chunk)
                while let newline = pending[index].firstIndex(of: 0x0A) {
                    let lineData = pending[index][pending[index].startIndex..<newline]
                    acknowledgements[index].append(try JSONDecoder().decode(EncryptedStore.AppendAcknowledgement.self, from: Data(lineData)))
                    pending[index] = Data(pending[index][(newline + 1)...])
                }
            }
        }
        for index in 0..<2 { try readAcknowledgements(index, until: 1) }
        #expect(acknowledgements.allSatisfy { $0.count == 1 }, "both writers committed while both were running")
        #expect(writers.allSatisfy { $0.process.isRunning })
        for (index, writer) in writers.enumerated() {
            writer.input.fileHandleForWriting.write((1..<perProcess).reduce(into: Data()) { $0.append(line(index, $1)) })
            try writer.input.fileHandleForWriting.close()
        }
        for (index, writer) in writers.enumerated() {
            try readAcknowledgements(index, until: perProcess)
            writer.process.waitUntilExit()
            writer.deadline.finish()
            #expect(!writer.deadline.passed && writer.process.terminationStatus == 0)
            #expect(acknowledgements[index].map(\.line) == Array(1...perProcess))
        }
        let ids = acknowledgements.flatMap { $0.map(\.id) }
        #expect(Set(ids).count == 2 * perProcess, "every acknowledged id is distinct")
        let report = try StoreVerifier.verify(at: setup.db, key: .keyFile(path: setup.keyFile))
        #expect(report.passed, "\(report)")
        let exported = try AttuneBinary.run(["store", "export"] + setup.keyArguments)
        struct Row: Decodable { let id: Int64; let text: String }
        let rows = try exported.standardOutput.split(separator: "\n").map { try JSONDecoder().decode(Row.self, from: Data($0.utf8)) }
        let expected = Set((0..<2).flatMap { writer in (0..<perProcess).map { "writer \(writer) line \($0)" } })
        #expect(rows.count == 2 * perProcess && Set(rows.map(\.text)) == expected)
        #expect(Set(rows.map(\.id)) == Set(ids), "the store holds exactly the acknowledged ids")
    }
}
