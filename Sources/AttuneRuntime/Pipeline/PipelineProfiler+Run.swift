import AttuneAudio
import AttuneMemory
import AttuneRapport
import AttuneStore
import Foundation

extension PipelineProfiler {
    /// A device profile's length when none is given.
    public static let defaultDeviceSeconds = 10.0

    /// Profiles `input` and the final turns of `transcriptPath` (JSON lines of partial transcripts, as
    /// `attune demo` takes) through a pipeline with every model loaded, over a throw-away encrypted
    /// store erased afterwards (also when the run fails). Everything is charged to the configured
    /// memory budget first, as the service charges it.
    public static func run(input: AudioInput, transcriptPath: String, configuration: AttuneConfiguration, settings: Settings,
                           progress: ProgressReporter? = nil) throws -> PipelineProfile {
        let turns = try finalTurns(transcriptPath: transcriptPath)
        let budget = MemoryBudget(limit: configuration.memoryBudget)
        var settings = settings
        let source: any AudioSource
        var capture: ALSACaptureSource?
        switch input {
        case .device(let name):
            capture = try AudioInput.openCapture(device: name, configuration: configuration, budget: budget)
            source = capture!
            settings.seconds = settings.seconds ?? defaultDeviceSeconds
        case .wavFile, .standardInput:
            source = try input.open(configuration: configuration, budget: budget)
        }
        defer { capture?.stop() }
        let turnModels = try CommandResources.loadTurnModels(budget: budget)
        let (tokenizer, embedder) = try CommandResources.loadEmbedder(threads: 1, budget: budget)
        try budget.charge("profile: stand-alone stages and histograms", bytes: byteCount)
        let scratch = try ThrowawayStore()
        do {
            let memory = try MemoryEngine(store: scratch.store, tokenizer: tokenizer, embedder: embedder,
                                          resolver: try TimeExpressionResolver(timeZoneIdentifier: configuration.timeZone))
            try budget.charge("memory vector index (\(memory.indexedCount) memories)", bytes: memory.indexByteCount)
            let rapport = try RapportEngine(memory: memory, affect: try CommandResources.loadTextAffect(),
                                            configuration: configuration.resolvedRapport)
            let startMs = settings.startMs
            let pipeline = try Pipeline(rapport: rapport, turnModels: turnModels, budget: budget, nowMs: { startMs })
            pipeline.audioSourceName = source.name
            let profiler = try PipelineProfiler(pipeline: pipeline, turnModels: turnModels, tokenizer: tokenizer,
                                                embedder: embedder, memory: memory)
            let paced = capture == nil && settings.paceAtRealTime
            let audio = try profiler.profileAudio(source, settings: settings, paced: paced, progress: progress)
            capture?.stop()
            try profiler.profileText(turns: turns, settings: settings, progress: progress)
            progress?.finish()
            let profile = PipelineProfile(
                input: source.name, device: capture != nil, pacedAtRealTime: capture != nil || paced,
                audioSeconds: (audio.seconds * 1000).rounded() / 1000, textTurns: turns.count * settings.rounds,
                stages: profiler.results,
                cpuMsPerAudioSecond: audio.seconds > 0 ? (Double(audio.cpuNanoseconds) / 1e6 / audio.seconds * 1000).rounded() / 1000 : 0,
                peakRSSBytes: peakResidentBytes(), xruns: capture?.statistics.overruns,
                chargedBytes: budget.used.bytes, budgetBytes: budget.limit.bytes)
            try scratch.erase()
            return profile
        } catch {
            try? scratch.erase()
            throw error
        }
    }

    /// The final transcript of each turn in a file of partial transcripts: the last words heard
    /// before the recogniser starts a new turn (an empty partial) or the file ends.
    public static func finalTurns(transcriptPath: String) throws -> [String] {
        guard let data = FileManager.default.contents(atPath: transcriptPath) else {
            throw DemoTranscriptError(path: transcriptPath, line: 0,
                                      reason: "cannot be read (give --transcript with a JSON lines file of {\"t\": seconds, \"text\": \"…\"})")
        }
        let transcript = try DemoTranscript(jsonLines: data, path: transcriptPath)
        var turns: [String] = []
        var heard = ""
        for partial in transcript.partials {
            if partial.text.allSatisfy(\.isWhitespace) {
                if !heard.isEmpty { turns.append(heard) }
                heard = ""
            } else {
                heard = partial.text
            }
        }
        if !heard.isEmpty { turns.append(heard) }
        guard !turns.isEmpty else {
            throw DemoTranscriptError(path: transcriptPath, line: 0, reason: "holds no words to time the text stages with")
        }
        return turns
    }
}
