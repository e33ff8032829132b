import AttuneTestFixtures
import Foundation
import Testing

/// `cross/install.sh` into a temporary prefix, and the installed binary run from elsewhere: it finds
/// its models at ../share/attune/models beside itself, never in the source tree it was built from.
@Suite struct InstallLayoutTests {
    static let script = TestFixture.repositoryRoot.appendingPathComponent("cross/install.sh").path

    /// Runs `command` with `/bin/sh -c` in `directory`, without ATTUNE_MODELS.
    static func shell(_ command: String, in directory: String = "/", environment: [String: String] = [:]) throws -> AttuneBinary.Result {
        try AttuneBinary.runProgram("/bin/sh", ["-c", "cd \"$ATTUNE_TEST_CWD\" && " + command],
                                    environment: environment.merging(["ATTUNE_TEST_CWD": directory]) { $1 }, unsetting: ["ATTUNE_MODELS"])
    }

    struct Report: Decodable {
        struct Check: Decodable { var name: String; var status: String; var detail: String }
        var checks: [Check]
    }

    @Test func theInstalledBinaryRunsOnItsInstalledModels() throws {
        let scratch = try CLITestPaths.temporaryDirectory()
        let prefix = scratch.appendingPathComponent("prefix").path
        let install = try AttuneBinary.runProgram(Self.script, ["--prefix", prefix, "--binary", AttuneBinary.url.path], unsetting: ["ATTUNE_MODELS"])
        #expect(install.status == 0, "\(install.standardError)")
        #expect(install.standardOutput.contains("stripped"))
        let manager = FileManager.default
        for path in ["bin/attune", "share/attune/models/SHA256SUMS", "share/attune/models/minilm-l6-v2-int8.bin",
                     "share/attune/models/silero-vad-16k.bin", "share/attune/models/VADER-LICENSE.txt", "share/attune/models/MODELS.md",
                     "share/attune/demo/turns-015.wav", "share/attune/demo/turns-015.transcript.jsonl",
                     "etc/attune/attune.toml", "lib/systemd/system/attune.service"] {
            #expect(manager.fileExists(atPath: prefix + "/" + path), "\(path) was not installed")
        }
        #expect(manager.isExecutableFile(atPath: prefix + "/bin/attune"))
        // Stripped: no symbol table left (the debug build under test has one).
        let symbols = try AttuneBinary.runProgram("/usr/bin/nm", [prefix + "/bin/attune"])
        #expect(symbols.standardError.contains("no symbols"), "\(symbols.standardError.prefix(200))")
        let unit = try String(contentsOfFile: prefix + "/lib/systemd/system/attune.service", encoding: .utf8)
        #expect(unit.contains("ExecStart=\(prefix)/bin/attune serve --config \(prefix)/etc/attune/attune.toml"))
        #expect(unit.contains("Environment=ATTUNE_MODELS=\(prefix)/share/attune/models"))
        #expect(!unit.contains("/usr/bin/attune"))

        // From another directory, with no ATTUNE_MODELS: doctor finds and checks the installed models.
        let data = scratch.appendingPathComponent("data").path
        let binary = prefix + "/bin/attune"
        let doctor = try Self.shell("\"\(binary)\" doctor --json --config \"\(prefix)/etc/attune/attune.toml\" --data-dir \"\(data)\"",
                                    in: scratch.path)
        #expect(doctor.status == 0, "\(doctor.standardOutput)\(doctor.standardError)")
        let report = try JSONDecoder().decode(Report.self, from: Data(doctor.standardOutput.utf8))
        let models = try #require(report.checks.first { $0.name == "model files" })
        #expect(models.status == "ok")
        #expect(models.detail.contains("\(prefix)/share/attune/models"), "\(models.detail)")
        let tokens = try Self.shell("echo 'hello there' | \"\(binary)\" tokenize", in: "/")
        #expect(tokens.status == 0, "\(tokens.standardError)")
        #expect(tokens.standardOutput.contains("7592"), "\(tokens.standardOutput)")  // "hello" in the MiniLM vocabulary

        // The source tree's models are out of its reach: a model removed from the install is missing,
        // although the repository still has it.
        try manager.removeItem(atPath: prefix + "/share/attune/models/silero-vad-16k.bin")
        let broken = try Self.shell("\"\(binary)\" doctor --json --data-dir \"\(data)\"", in: "/")
        #expect(broken.status == 1)
        let brokenReport = try JSONDecoder().decode(Report.self, from: Data(broken.standardOutput.utf8))
        let missing = try #require(brokenReport.checks.first { $0.name == "model files" })
        #expect(missing.status == "fail" && missing.detail.contains("silero-vad-16k.bin is missing"), "\(missing.detail)")
        #expect(brokenReport.checks.first { $0.name == "attune turns" }?.status == "fail")
        #expect(brokenReport.checks.first { $0.name == "attune embed" }?.status == "ok")
    }

    /// Whether this process may make a private mount namespace (root, or a kernel that allows it).
    static let canHideTheRepository: Bool = {
        guard let result = try? AttuneBinary.runProgram("/usr/bin/unshare", ["--mount", "/bin/true"]) else { return false }
        return result.status == 0
    }()

    /// With the repository covered by an empty tmpfs in a private mount namespace, the installed
    /// binary still checks its models, tokenizes and finds turns: nothing it needs is in the source tree.
    @Test(.enabled(if: canHideTheRepository, "needs `unshare --mount` (root or unprivileged user namespaces)"))
    func theInstalledBinaryRunsWithTheSourceTreeHidden() throws {
        let scratch = try CLITestPaths.temporaryDirectory()
        let repository = TestFixture.repositoryRoot.standardizedFileURL.path
        try #require(!scratch.standardizedFileURL.path.hasPrefix(repository + "/"), "the scratch directory must lie outside the repository")
        let prefix = scratch.appendingPathComponent("prefix").path
        let install = try AttuneBinary.runProgram(Self.script, ["--prefix", prefix, "--binary", AttuneBinary.url.path])
        #expect(install.status == 0, "\(install.standardError)")
        let wav = scratch.appendingPathComponent("speech.wav").path
        try FileManager.default.copyItem(atPath: try TestFixture.path("Tests/Data/turn/turns-015.wav"), toPath: wav)
        let script = """
            mount -t tmpfs attune-hidden "$REPO" || exit 90
            [ -e "$REPO/models" ] && exit 91
            cd / || exit 92
            "$BIN" doctor --json --data-dir "$DATA" > "$OUT/doctor.json" || exit 93
            echo "hello there" | "$BIN" tokenize > "$OUT/tokens.txt" || exit 94
            "$BIN" turns "$WAV" --json > "$OUT/turns.jsonl" || exit 95
            "$BIN" profile --fast --seconds 2 --rounds 1 --json > "$OUT/profile.json" 2>/dev/null || exit 96
            """
        let result = try AttuneBinary.runProgram("/usr/bin/unshare", ["--mount", "/bin/sh", "-c", script], environment: [
            "REPO": repository, "BIN": prefix + "/bin/attune", "DATA": scratch.appendingPathComponent("data").path,
            "OUT": scratch.path, "WAV": wav,
        ], unsetting: ["ATTUNE_MODELS"])
        #expect(result.status == 0, "exit \(result.status): \(result.standardError)")
        let report = try JSONDecoder().decode(Report.self, from: Data(contentsOf: scratch.appendingPathComponent("doctor.json")))
        #expect(report.checks.allSatisfy { $0.status != "fail" }, "\(report.checks.filter { $0.status == "fail" })")
        #expect(report.checks.first { $0.name == "model files" }?.detail.contains(prefix + "/share/attune/models") == true)
        #expect(try String(contentsOf: scratch.appendingPathComponent("tokens.txt"), encoding: .utf8).contains("7592"))
        let turns = try String(contentsOf: scratch.appendingPathComponent("turns.jsonl"), encoding: .utf8)
        #expect(turns.contains("\"end_of_turn\""), "\(turns.prefix(300))")
        // With no input, profile ran the installed demo recording and transcript.
        let profile = try String(contentsOf: scratch.appendingPathComponent("profile.json"), encoding: .utf8)
        #expect(profile.contains(prefix + "/share/attune/demo/turns-015.wav") && profile.contains("\"context\""), "\(profile.prefix(300))")
        // The repository was hidden only inside that namespace.
        #expect(FileManager.default.fileExists(atPath: repository + "/models/SHA256SUMS"))
    }

    @Test func aStagedInstallWritesUnderDestdirAndNamesTheFinalPaths() throws {
        let stage = try CLITestPaths.temporaryDirectory().appendingPathComponent("stage").path
        let install = try AttuneBinary.runProgram("/usr/bin/env", ["DESTDIR=\(stage)", Self.script, "--prefix", "/usr", "--binary", AttuneBinary.url.path, "--no-strip"])
        #expect(install.status == 0, "\(install.standardError)")
        let manager = FileManager.default
        #expect(manager.fileExists(atPath: stage + "/usr/bin/attune"))
        #expect(manager.fileExists(atPath: stage + "/usr/share/attune/models/end-of-turn.json"))
        // The prefix /usr keeps its configuration in /etc.
        #expect(manager.fileExists(atPath: stage + "/etc/attune/attune.toml"))
        let unit = try String(contentsOfFile: stage + "/usr/lib/systemd/system/attune.service", encoding: .utf8)
        #expect(unit.contains("ExecStart=/usr/bin/attune serve --config /etc/attune/attune.toml"))
        #expect(!unit.contains(stage))
        let bad = try AttuneBinary.runProgram(Self.script, ["--prefix", "relative/dir"])
        #expect(bad.status != 0 && bad.standardError.contains("--prefix must be an absolute path"))
    }
}
