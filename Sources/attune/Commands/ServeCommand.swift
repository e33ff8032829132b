import ArgumentParser
import AttuneAudio
import AttuneRuntime
import AttuneStore
import Foundation

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run Attune as a service: JSON lines on a Unix socket (or standard input/output) for the assistant.",
        discussion: """
            One process holds the models, the encrypted store and the pipeline. Hosts connect to the \
            socket (mode 0600; only this user may connect) and exchange one JSON object per line: the \
            host sends hello, transcript, assistant_turn, playback_start/stop, audio, recall, forget, \
            followups, stats, shutdown; Attune sends turn events (speech_start, end_of_turn …), the \
            rapport context after each final user transcript, handoff the moment one is raised, noted, \
            recall, forgotten, followups, stats, error (with the line number) and goodbye. \
            Every message: docs/PROTOCOL.md. SIGTERM drains, checkpoints the store and exits 0; SIGHUP \
            reads --config again (the log level applies at once).

            Examples:
              attune serve --db memory.db --key-file store.key --device default
              attune serve --db memory.db --key-file store.key \\
                --no-capture --socket /tmp/attune.sock
              attune serve --stdio --no-capture --db memory.db \\
                --key-file store.key
              attune serve --db memory.db --key-file store.key \\
                --wyoming tcp://127.0.0.1:10700
            """)

    @Option(name: .long, help: ArgumentHelp("Unix socket to listen on. Default: $XDG_RUNTIME_DIR/attune.sock, else /run/attune/attune.sock (not with --stdio).", valueName: "path"))
    var socket: String?

    @Flag(name: .long, help: "Speak the protocol on standard input and output (for a host that starts Attune); ends at the end of input.")
    var stdio = false

    @Flag(name: .long, help: "Do not capture from a microphone (hosts may push audio with `audio` messages).")
    var noCapture = false

    @Option(name: .long, help: ArgumentHelp("Play a WAV file through the pipeline in real time, from when the first host connects, instead of a microphone (tests, demos).", valueName: "file"))
    var input: String?

    @Option(name: .long, help: ArgumentHelp("Also speak Wyoming (Home Assistant's voice stack) at unix://PATH or tcp://127.0.0.1:PORT.", valueName: "address"))
    var wyoming: String?

    @Flag(name: .long, help: "Serve turn-taking only, without a memory store.")
    var noMemory = false

    @OptionGroup var capture: CaptureOptions
    @OptionGroup var memory: MemoryOptions

    func validate() throws {
        if noCapture, capture.device != nil || input != nil { throw ValidationError("--no-capture and --device/--input exclude each other") }
        if capture.device != nil, input != nil { throw ValidationError("give --device or --input, not both") }
        if let wyoming {
            do { _ = try WyomingAddress(parsing: wyoming) } catch { throw ValidationError(error.description) }
        }
    }

    func run() async throws {
        var configuration = try memory.store.runtime.resolve()
        try capture.apply(to: &configuration)
        if let zone = memory.timezone { configuration.timeZone = zone }
        let audio: AudioInput? = input.map { .wavFile(path: $0) } ?? (noCapture ? nil : .device(name: configuration.device))
        let store: ServiceLaunch.Memory? = noMemory ? nil
            : .init(databasePath: try memory.store.databasePath(), key: try storeKey(), settings: try memory.store.settings)
        let launch = ServiceLaunch(socketPath: socket ?? (stdio ? nil : UnixSocketListener.defaultPath()), stdio: stdio, audio: audio, memory: store,
                                   wyoming: try wyoming.map { try WyomingAddress(parsing: $0) })
        let service = try launch.makeService(configuration: configuration)
        service.configuration = configuration
        if memory.store.runtime.config != nil {
            let options = memory.store.runtime, capture = capture, zone = memory.timezone
            service.reloadConfiguration = {
                var fresh = try options.resolve()
                try capture.apply(to: &fresh)
                if let zone { fresh.timeZone = zone }
                return fresh
            }
        }
        try service.run()
    }

    /// The key options, else the key file systemd passed with `LoadCredential=attune.key:…`.
    private func storeKey() throws -> StoreKeySource {
        if memory.store.keyFile == nil, memory.store.passphraseFile == nil, let credential = SystemdCredentials.storeKeyFile() {
            return .keyFile(path: credential)
        }
        return try memory.store.key()
    }
}
