import AttuneAudio

/// Where a command's audio comes from: a WAV file, raw PCM on standard input (`-`), or an ALSA device.
public enum AudioInput: Equatable, Sendable, CustomStringConvertible {
    case wavFile(path: String)
    case standardInput
    case device(name: String)

    /// `-` is standard input (a WAV stream or raw S16_LE 16 kHz mono, told apart by its first bytes), anything else a WAV path.
    public init(argument: String) {
        self = argument == "-" ? .standardInput : .wavFile(path: argument)
    }

    public var description: String {
        switch self {
        case let .wavFile(path): return path
        case .standardInput: return "standard input"
        case let .device(name): return "ALSA device \(name)"
        }
    }

    /// Opens the source and charges its buffers to `budget`; the charge is named after the input.
    /// - Throws: `AudioSourceError` or `MemoryBudgetError`.
    public func open(configuration: AttuneConfiguration, budget: MemoryBudget) throws -> any AudioSource {
        switch self {
        case let .wavFile(path):
            let source = try WAVFileSource(path: path)
            try budget.charge("WAV reader", bytes: CommandResources.audioReaderBytes)
            return source
        case .standardInput:
            let source = try StandardInputAudio.open()
            try budget.charge("standard input reader", bytes: CommandResources.audioReaderBytes)
            return source
        case let .device(name):
            return try AudioInput.openCapture(device: name, configuration: configuration, budget: budget)
        }
    }

    /// Opens an ALSA device for capture, charging the ring before opening and the conversion after
    /// (it depends on the format the device offers). Commands that need the device's statistics call this.
    public static func openCapture(device name: String, configuration: AttuneConfiguration, budget: MemoryBudget) throws -> ALSACaptureSource {
        var settings = ALSACaptureSource.Configuration(device: name)
        settings.periodMs = configuration.periodMs
        settings.ringSeconds = configuration.ringSeconds
        try CommandResources.chargeCaptureRing(configuration: configuration, budget: budget)
        let ringBytes = SPSCSampleRing.byteCount(forMinimumCapacity: Int(settings.ringSeconds * Double(CanonicalAudio.sampleRateHz)))
        let source = try ALSACaptureSource(configuration: settings)
        try budget.charge("capture conversion (\(source.format.sampleRateHz) Hz)", bytes: source.byteCount - ringBytes)
        return source
    }
}
