import ArgumentParser
import AttuneAudio
import AttuneRuntime
import Foundation

struct RecordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Record from an ALSA device to a 16 kHz mono 16-bit WAV.",
        discussion: """
            The device is opened in its own format (any of S16/S24/S32/float, 1–8 channels, 8–48 kHz) and \
            converted to 16 kHz mono by Attune, exactly as the rest of the pipeline hears it. On a terminal a \
            live level meter (dBFS) and the overrun count are shown on standard error. Ctrl-C stops early \
            and still writes a valid file.

            Examples:
              attune record --device default --seconds 5 hello.wav
              attune record --device plughw:CARD=Device,DEV=0 --seconds 30 --quiet take.wav
            """)

    @OptionGroup var capture: CaptureOptions
    @OptionGroup var runtime: RuntimeOptions

    @Option(help: ArgumentHelp("How long to record, in seconds.", valueName: "seconds"))
    var seconds: Double = 5

    @Flag(help: "No level meter, even on a terminal.")
    var quiet = false

    @Argument(help: ArgumentHelp("The WAV file to write.", valueName: "OUT.wav"))
    var output: String

    func validate() throws {
        guard seconds > 0, seconds <= 24 * 3600 else { throw ValidationError("--seconds must be between 0 and 86400") }
    }

    func run() async throws {
        var configuration = try runtime.resolve()
        try capture.apply(to: &configuration)
        let budget = MemoryBudget(limit: configuration.memoryBudget)
        let interrupt = InterruptSignal()
        let device = try AudioInput.openCapture(device: configuration.device, configuration: configuration, budget: budget)
        let writer = try WAVWriter(path: output)
        let target = Int(seconds * Double(CanonicalAudio.sampleRateHz))
        let meter = LevelMeter(enabled: !quiet && isatty(STDERR_FILENO) == 1, totalSeconds: seconds)
        var chunk = [Float](repeating: 0, count: CanonicalAudio.samplesPer10Ms * 5)
        var captured = 0
        var failure: Error?
        while captured < target && !interrupt.isRaised {
            let want = min(chunk.count, target - captured)
            let count: Int
            do {
                count = try chunk.withUnsafeMutableBufferPointer { try device.read(into: UnsafeMutableBufferPointer(rebasing: $0[0..<want])) }
            } catch {
                failure = error  // keep what was recorded before the device failed
                break
            }
            if count == 0 { break }
            try chunk.withUnsafeBufferPointer { try writer.write(UnsafeBufferPointer(rebasing: $0[0..<count])) }
            captured += count
            meter.update(samples: chunk[0..<count], capturedSeconds: Double(captured) / Double(CanonicalAudio.sampleRateHz),
                         overruns: device.statistics.overruns)
        }
        device.stop()
        try writer.finish()
        meter.finish()
        let stats = device.statistics
        let format = device.format
        let summary = String(format: "recorded %.2f s to %@ from %@ (%@, %d ch, %d Hz, %d-frame periods); overruns %d, suspends %d",
                             Double(captured) / Double(CanonicalAudio.sampleRateHz), output, device.name,
                             format.encoding.description, format.channelCount, format.sampleRateHz, format.periodFrames,
                             stats.overruns, stats.suspends)
        FileHandle.standardError.write(Data((summary + "\n").utf8))
        if let failure { throw failure }
        if let signal = interrupt.signalNumber, captured < target {
            FileHandle.standardError.write(Data("stopped early by signal \(signal); the file is complete up to that point\n".utf8))
        }
    }
}

/// The live meter `attune record` draws on standard error: RMS level in dBFS, a bar, time and overruns.
final class LevelMeter {
    let enabled: Bool
    let totalSeconds: Double
    private var lastDraw = 0.0

    init(enabled: Bool, totalSeconds: Double) {
        self.enabled = enabled
        self.totalSeconds = totalSeconds
    }

    func update(samples: ArraySlice<Float>, capturedSeconds: Double, overruns: Int) {
        guard enabled, capturedSeconds - lastDraw >= 0.1 || capturedSeconds >= totalSeconds else { return }
        lastDraw = capturedSeconds
        let meanSquare = samples.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(max(samples.count, 1))
        let dbfs = max(-90, 10 * log10(max(meanSquare * 2, 1e-12)))  // ×2: a full-scale sine reads 0 dBFS
        let filled = Int(((dbfs + 60) / 60 * 30).rounded()).clamped(0, 30)
        let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: 30 - filled)
        let line = String(format: "\r  %6.1f dBFS [%@] %5.1f/%.1f s  overruns %d ", dbfs, bar, capturedSeconds, totalSeconds, overruns)
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        if enabled { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}

extension Int {
    func clamped(_ low: Int, _ high: Int) -> Int { Swift.min(high, Swift.max(low, self)) }
}
