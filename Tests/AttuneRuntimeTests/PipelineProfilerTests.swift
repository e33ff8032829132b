import AttuneAudio
import AttuneTestFixtures
import Foundation
import Testing
@testable import AttuneRuntime

/// The profiler over the real models, a real throw-away store and a real recording: every stage is
/// timed as often as the audio and the transcript say it runs.
@Suite struct PipelineProfilerTests {
    static let recording = "Tests/Data/turn/turns-015.wav"
    static let transcript = "Tests/Data/turn/turns-015.transcript.jsonl"

    @Test func everyStageIsTimedAsOftenAsItRuns() throws {
        let wav = try TestFixture.path(Self.recording)
        let turns = try PipelineProfiler.finalTurns(transcriptPath: try TestFixture.path(Self.transcript))
        #expect(turns.count == 5)
        #expect(turns.first == "Yes.")
        // 6 s read as fast as it decodes, each final turn twice.
        let profile = try PipelineProfiler.run(input: .wavFile(path: wav), transcriptPath: try TestFixture.path(Self.transcript),
                                               configuration: AttuneConfiguration(),
                                               settings: .init(seconds: 6, rounds: 2, paceAtRealTime: false))
        #expect(profile.audioSeconds == 6)
        #expect(!profile.pacedAtRealTime && !profile.device && profile.xruns == nil)
        let periods = 600
        #expect(profile.result(.turnPeriod)?.count == periods)
        #expect(profile.result(.prosodyFrame)?.count == periods)
        #expect(profile.result(.resample)?.count == periods)
        #expect(profile.result(.vadChunk)?.count == 6 * 16_000 / 512)
        // The recording's first turn ends within 6 s: its pause was judged step by step.
        #expect((profile.result(.endOfTurn)?.count ?? 0) > 10)
        // Not paced: the arrival of a period says nothing about a device's jitter.
        #expect(profile.result(.captureJitter) == nil)
        for stage in [PipelineProfile.Stage.tokenize, .embed, .recall, .context] {
            #expect(profile.result(stage)?.count == 10, "\(stage)")
        }
        for stage in profile.stages {
            #expect(stage.p50Ms > 0 && stage.p50Ms <= stage.p99Ms && stage.p99Ms <= stage.maxMs, "\(stage.stage)")
            #expect(stage.distribution.count == PipelineProfile.plottedPercentiles.count)
            #expect(stage.distribution.last?.ms == stage.maxMs)
        }
        // The context stage embeds, recalls and stores: it cannot be cheaper than embedding alone.
        #expect(profile.result(.context)!.p50Ms > profile.result(.embed)!.p50Ms)
        #expect(profile.cpuMsPerAudioSecond > 0)
        #expect(profile.peakRSSBytes > 20_000_000)
        #expect(profile.chargedBytes > 40_000_000 && profile.chargedBytes <= profile.budgetBytes)
    }

    @Test func aPacedFileIsDeliveredAtRealTimeWithItsJitterMeasured() throws {
        let wav = try TestFixture.path(Self.recording)
        let start = ContinuousClock.now
        let profile = try PipelineProfiler.run(input: .wavFile(path: wav), transcriptPath: try TestFixture.path(Self.transcript),
                                               configuration: AttuneConfiguration(), settings: .init(seconds: 1, rounds: 1))
        let elapsed = start.duration(to: .now)
        #expect(elapsed >= .milliseconds(1000), "1 s of audio delivered at real time took \(elapsed)")
        #expect(profile.pacedAtRealTime)
        #expect(profile.result(.captureJitter)?.count == 99)
    }

    @Test func aTranscriptWithoutWordsIsRefusedNamingIt() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("attune-profile-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("{\"t\": 0, \"text\": \"\"}\n{\"t\": 1, \"text\": \" \"}\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: DemoTranscriptError(path: path, line: 0, reason: "holds no words to time the text stages with")) {
            try PipelineProfiler.finalTurns(transcriptPath: path)
        }
        try Data("{\"t\": 0, \"text\": \"hi\"}\n{\"t\": -1}\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: DemoTranscriptError.self) { try PipelineProfiler.finalTurns(transcriptPath: path) }
    }
}
