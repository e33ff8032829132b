import AttuneTestFixtures
import Foundation

/// ALSA PCMs served by alsa-lib's `file` plugin, so the tests drive the real libasound without a sound
/// card (see docs/ARCHITECTURE.md, "Testing ALSA capture"). Built once per test process: the raw inputs
/// are made from the ARCTIC recording in Tests/Data/speech with sox, and `ALSA_CONFIG_PATH` points at the
/// definitions. If that fails (a missing recording, no sox), every test asking for the fixture fails
/// with the reason; the other tests still run.
enum ALSATestDevices {
    struct Fixture: Sendable {
        let directory: URL
        let configPath: String
        /// 16 kHz mono S16 raw served by `attune_s16` (the file's bytes are the expected samples).
        let s16Raw: URL
        /// 44.1 kHz stereo S32 raw served by `attune_wide` (band-limited to 6.8 kHz).
        let wideRaw: URL
        /// sox's 16 kHz mono float conversion of `wideRaw`: the reference for our conversion.
        let wideReferenceWAV: URL
        var environment: [String: String] { ["ALSA_CONFIG_PATH": "/usr/share/alsa/alsa.conf:\(configPath)"] }
        /// More native formats: PCM name → sox's 16 kHz mono float reference of what it serves.
        let formatReferences: [String: URL]
    }

    /// Native formats for the conversion matrix: (ALSA format, sox encoding arguments, rate, channels).
    static let formatMatrix: [(alsa: String, sox: [String], rateHz: Int, channels: Int)] = [
        ("S24_3LE", ["-e", "signed", "-b", "24"], 8_000, 1),
        ("U8", ["-e", "unsigned", "-b", "8"], 22_050, 2),
        ("FLOAT_LE", ["-e", "floating-point", "-b", "32"], 48_000, 8),
        ("S16_LE", ["-e", "signed", "-b", "16"], 32_000, 6),
        ("FLOAT64_LE", ["-e", "floating-point", "-b", "64"], 11_025, 1),
    ]

    /// The devices, built on first use.
    static func fixture() throws -> Fixture { try built.get() }

    private static let built = LoadedOnce<Fixture> {
        let arctic = try TestPaths.speechFile("arctic_a0007.wav")
        let directory = try TestPaths.temporaryDirectory()
        let s16 = directory.appendingPathComponent("s16.raw")
        let wide = directory.appendingPathComponent("wide.raw")
        let reference = directory.appendingPathComponent("wide-ref.wav")
        try run("sox", ["-D", arctic, "-t", "raw", "-e", "signed", "-b", "16", s16.path])
        try run("sox", ["-D", arctic, "-t", "raw", "-e", "signed", "-b", "32", "-c", "2", wide.path, "sinc", "-6800", "rate", "-v", "44100"])
        try run("sox", ["-D", "-t", "raw", "-e", "signed", "-b", "32", "-c", "2", "-r", "44100", wide.path,
                        "-e", "floating-point", "-b", "32", "-c", "1", reference.path, "rate", "-v", "16000"])
        let config = """
            pcm.attune_s16 {
              type file
              hint { show on; description "Attune test input\nARCTIC a0007, 16 kHz mono" }
              slave.pcm "null"
              file "/dev/null"
              infile "\(s16.path)"
              format "raw"
            }
            pcm.attune_wide_file {
              type file
              slave.pcm "null"
              file "/dev/null"
              infile "\(wide.path)"
              format "raw"
            }
            pcm.attune_wide {
              type plug
              slave { pcm "attune_wide_file"; format S32_LE; rate 44100; channels 2 }
            }
            pcm.attune_mulaw {
              type plug
              slave { pcm "attune_s16"; format MU_LAW; rate 16000; channels 1 }
            }
            pcm.attune_broken {
              type file
              slave.pcm "no_such_slave_pcm"
              file "/dev/null"
            }

            """
        var extra = ""
        var references: [String: URL] = [:]
        for entry in formatMatrix {
            let name = "attune_\(entry.alsa.lowercased())_\(entry.rateHz)_\(entry.channels)"
            let raw = directory.appendingPathComponent("\(name).raw")
            let reference = directory.appendingPathComponent("\(name)-ref.wav")
            let rawFormat = ["-t", "raw"] + entry.sox + ["-c", "\(entry.channels)"]
            try run("sox", ["-D", arctic] + rawFormat + [raw.path, "sinc", "-\(min(6800, entry.rateHz * 43 / 100))", "rate", "-v", "\(entry.rateHz)"])
            try run("sox", ["-D", "-r", "\(entry.rateHz)"] + rawFormat + [raw.path, "-e", "floating-point", "-b", "32", "-c", "1", reference.path, "rate", "-v", "16000"])
            references[name] = reference
            extra += """
                pcm.\(name)_file { type file; slave.pcm "null"; file "/dev/null"; infile "\(raw.path)"; format "raw" }
                pcm.\(name) { type plug; slave { pcm "\(name)_file"; format \(entry.alsa); rate \(entry.rateHz); channels \(entry.channels) } }

                """
        }
        let configPath = directory.appendingPathComponent("attune-test.conf").path
        try (config + extra).write(toFile: configPath, atomically: true, encoding: .utf8)
        setenv("ALSA_CONFIG_PATH", "/usr/share/alsa/alsa.conf:\(configPath)", 1)
        return Fixture(directory: directory, configPath: configPath, s16Raw: s16, wideRaw: wide, wideReferenceWAV: reference,
                       formatReferences: references)
    }
}
