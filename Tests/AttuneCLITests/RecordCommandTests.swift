import AttuneTestFixtures
import Foundation
import Testing

/// `attune record` end to end, through real libasound and its `file` plugin.
@Suite struct RecordCommandTests {
    struct Devices {
        let directory: URL
        let environment: [String: String]
        let rawSamples: Data
    }

    static func makeDevices() throws -> Devices {
        let directory = try CLITestPaths.temporaryDirectory()
        let raw = directory.appendingPathComponent("in.raw")
        let arctic = try TestFixture.url("\(TestFixture.speechDirectory)/arctic_a0009.wav")
        let wav = try Data(contentsOf: arctic)
        try wav.dropFirst(44).write(to: raw)  // ARCTIC files are canonical 44-byte-header 16 kHz mono S16
        let config = """
            pcm.cli_s16 {
              type file
              slave.pcm "null"
              file "/dev/null"
              infile "\(raw.path)"
              format "raw"
            }
            pcm.cli_float48 {
              type plug
              slave { pcm "cli_s16"; format FLOAT_LE; rate 48000; channels 2 }
            }
            pcm.cli_mulaw {
              type plug
              slave { pcm "cli_s16"; format MU_LAW; rate 16000; channels 1 }
            }

            """
        let configPath = directory.appendingPathComponent("asound.conf").path
        try config.write(toFile: configPath, atomically: true, encoding: .utf8)
        return Devices(directory: directory, environment: ["ALSA_CONFIG_PATH": "/usr/share/alsa/alsa.conf:\(configPath)"],
                       rawSamples: Data(wav.dropFirst(44)))
    }

    @Test func recordingIsSampleExact() throws {
        let devices = try Self.makeDevices()
        let out = devices.directory.appendingPathComponent("take.wav").path
        let result = try AttuneBinary.run(["record", "--device", "cli_s16", "--seconds", "2.5", out], environment: devices.environment)
        #expect(result.status == 0, "\(result.standardError)")
        let written = try Data(contentsOf: URL(fileURLWithPath: out))
        #expect(written.count == 44 + 2 * 40_000)
        #expect(written.dropFirst(44) == devices.rawSamples.prefix(80_000))
        #expect(written.prefix(4) == Data("RIFF".utf8))
        #expect(result.standardError.contains("recorded 2.50 s"))
        #expect(result.standardError.contains("overruns 0"))
        #expect(!result.standardError.contains("dBFS"), "no meter when standard error is not a terminal")
    }

    /// The plug slave is 48 kHz stereo float: Attune opens it natively (ALSA's own conversion is off) and resamples.
    @Test func nativeFloatDeviceIsConverted() throws {
        let devices = try Self.makeDevices()
        let out = devices.directory.appendingPathComponent("take48.wav").path
        let result = try AttuneBinary.run(["record", "--device", "cli_float48", "--seconds", "1", out], environment: devices.environment)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("FLOAT_LE, 2 ch, 48000 Hz"))
        let written = try Data(contentsOf: URL(fileURLWithPath: out))
        #expect(written.count == 44 + 2 * 16_000)
    }

    @Test func missingDeviceIsOneLineWithAHint() throws {
        let devices = try Self.makeDevices()
        let result = try AttuneBinary.run(["record", "--device", "no_such_pcm", "--seconds", "1", devices.directory.appendingPathComponent("x.wav").path],
                                          environment: devices.environment)
        #expect(result.status != 0)
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.count == 1, "\(result.standardError)")
        #expect(result.standardError.contains("no_such_pcm"))
        #expect(result.standardError.contains("attune devices"))
    }

    @Test func unsupportedFormatNamesDeviceAndNextStep() throws {
        let devices = try Self.makeDevices()
        let result = try AttuneBinary.run(["record", "--device", "cli_mulaw", "--seconds", "1", devices.directory.appendingPathComponent("x.wav").path],
                                          environment: devices.environment)
        #expect(result.status != 0)
        #expect(result.standardError.contains("'cli_mulaw' offers no usable format"))
        #expect(result.standardError.contains("attune devices"))
    }

    @Test func budgetTooSmallIsRefusedAtStart() throws {
        let devices = try Self.makeDevices()
        let out = devices.directory.appendingPathComponent("x.wav").path
        let result = try AttuneBinary.run(["record", "--device", "cli_s16", "--memory-budget", "1MB", out], environment: devices.environment)
        #expect(result.status != 0)
        #expect(result.standardError.contains("memory budget is 1.0 MB"))
        #expect(result.standardError.contains("process baseline"))
        #expect(!FileManager.default.fileExists(atPath: out), "nothing is written when the start is refused")
    }

    @Test func unwritableOutputIsExplained() throws {
        let devices = try Self.makeDevices()
        let result = try AttuneBinary.run(["record", "--device", "cli_s16", "--seconds", "1", "/nonexistent/dir/x.wav"], environment: devices.environment)
        #expect(result.status != 0)
        #expect(result.standardError.contains("writing /nonexistent/dir/x.wav failed: No such file or directory"))
    }

    @Test func configFileErrorsNameTheLine() throws {
        let devices = try Self.makeDevices()
        let config = devices.directory.appendingPathComponent("attune.toml")
        try "[audio]\ndevice = \"cli_s16\"\nrate = 16000\n".write(to: config, atomically: true, encoding: .utf8)
        let result = try AttuneBinary.run(["record", "--config", config.path, devices.directory.appendingPathComponent("x.wav").path],
                                          environment: devices.environment)
        #expect(result.status != 0)
        #expect(result.standardError.contains("\(config.path):3: unknown key 'audio.rate'"))
    }

    @Test func configFileSuppliesTheDevice() throws {
        let devices = try Self.makeDevices()
        let config = devices.directory.appendingPathComponent("attune.toml")
        try "[audio]\ndevice = \"cli_s16\"\n".write(to: config, atomically: true, encoding: .utf8)
        let out = devices.directory.appendingPathComponent("take.wav").path
        let result = try AttuneBinary.run(["record", "--config", config.path, "--seconds", "0.5", out], environment: devices.environment)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("from cli_s16"))
    }
}

@Suite struct DevicesAndDoctorTests {
    @Test func devicesJSONListsConfiguredPCMs() throws {
        let devices = try RecordCommandTests.makeDevices()
        let result = try AttuneBinary.run(["devices", "--json"], environment: devices.environment)
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        let names = (object?["devices"] as? [[String: Any]])?.compactMap { $0["name"] as? String } ?? []
        #expect(names.contains("null"))
    }

    @Test func doctorReportsEveryCheck() throws {
        let directory = try CLITestPaths.temporaryDirectory()
        let result = try AttuneBinary.run(["doctor", "--json", "--data-dir", directory.appendingPathComponent("data").path])
        #expect(result.status == 0, "\(result.standardError)")
        let object = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        let checks = (object?["checks"] as? [[String: Any]]) ?? []
        let names = checks.compactMap { $0["name"] as? String }
        #expect(names == ["attune", "libasound", "SQLite", "capture devices", "CPU", "memory", "data directory",
                          "model files", "attune analyze", "attune turns", "attune listen", "attune record", "attune tokenize",
                          "attune embed", "attune memory", "attune affect", "attune context",
                          "attune serve", "attune profile"])
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("data").path))
    }

    @Test func doctorFailsOnAnUnwritableDataDirectoryAndABudgetBeyondMemory() throws {
        let result = try AttuneBinary.run(["doctor", "--data-dir", "/proc/attune-cannot-exist", "--memory-budget", "100000GB"])
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("FAIL"))
        #expect(result.standardOutput.contains("memory"))
        #expect(result.standardOutput.contains("data directory"))
    }

    @Test func everyCommandHelpHasAnExample() throws {
        for command in ["doctor", "devices", "record", "analyze"] {
            let result = try AttuneBinary.run([command, "--help"])
            #expect(result.status == 0)
            #expect(result.standardOutput.contains("Examples:"), "\(command) --help has no example")
        }
        let version = try AttuneBinary.run(["--version"])
        #expect(version.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
    }
}

@Suite struct RecordMeterTests {
    /// On a terminal, `record` draws the level meter; `script` (util-linux) gives the command a pseudo-terminal.
    @Test func meterIsDrawnOnATerminal() throws {
        let devices = try RecordCommandTests.makeDevices()
        let out = devices.directory.appendingPathComponent("meter.wav").path
        let command = "\(AttuneBinary.url.path) record --device cli_s16 --seconds 1 \(out)"
        let result = try AttuneBinary.runProgram("/usr/bin/script", ["-qec", command, "/dev/null"], environment: devices.environment)
        #expect(result.status == 0, "\(result.standardOutput)")
        #expect(result.standardOutput.contains("dBFS"))
        #expect(result.standardOutput.contains("overruns 0"))
        #expect(result.standardOutput.contains("1.0/1.0 s"))
    }
}
