/// Why an audio source could not deliver samples. Every case says what went wrong and what to try.
public enum AudioSourceError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be opened or read (`errno` text included).
    case cannotOpen(path: String, reason: String)
    /// The WAV is malformed: `reason` names the field, `byteOffset` where it was read.
    case malformedWAV(path: String, byteOffset: Int, reason: String)
    /// The WAV is well formed but uses an encoding Attune does not decode.
    case unsupportedWAV(path: String, reason: String)
    /// The input is another audio format (FLAC, Ogg, MP3, AIFF), recognised by its first bytes.
    case notWAV(path: String, format: AudioContainerFormat)
    /// The data chunk promised more bytes than the file holds.
    case truncatedWAV(path: String, byteOffset: Int, expectedBytes: Int, availableBytes: Int)
    /// A read from a file or pipe failed after opening.
    case readFailed(source: String, reason: String)
    /// Writing a file failed (a full disk reports ENOSPC here).
    case writeFailed(path: String, reason: String)
    /// The sample rate cannot be converted to 16 kHz (rates must be 1 Hz…384 kHz with a small ratio).
    case unsupportedSampleRate(Int)
    /// The ALSA device does not exist (ENOENT / no such PCM name).
    case deviceNotFound(device: String, reason: String)
    /// The ALSA device is open in another program (EBUSY).
    case deviceBusy(device: String)
    /// The ALSA device offers no format, rate or channel count Attune can use.
    case unsupportedDeviceFormat(device: String, reason: String)
    /// The device went away while capturing (ENODEV: an unplugged USB microphone).
    case deviceDisappeared(device: String)
    /// Any other ALSA failure, with the library's own message.
    case alsa(device: String, operation: String, code: Int32, message: String)

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason):
            return "cannot open \(path): \(reason)"
        case let .malformedWAV(path, offset, reason):
            return "malformed WAV \(path) at byte \(offset): \(reason)"
        case let .unsupportedWAV(path, reason):
            return "unsupported WAV \(path): \(reason); convert it with `sox \(path) -b 16 out.wav`"
        case let .notWAV(path, format):
            let input = path == "standard input" ? "in.\(format.fileExtension)" : path
            return "\(path) is \(format.rawValue), not WAV; convert it with `sox \(input) -r 16000 -c 1 out.wav`"
                + (format == .mp3 ? " (sox needs libsox-fmt-mp3 for MP3) or `ffmpeg -i \(input) -ar 16000 -ac 1 out.wav`" : "")
        case let .truncatedWAV(path, offset, expected, available):
            return "truncated WAV \(path): data chunk at byte \(offset) declares \(expected) bytes but only \(available) follow"
        case let .readFailed(source, reason):
            return "reading \(source) failed: \(reason)"
        case let .writeFailed(path, reason):
            return "writing \(path) failed: \(reason)"
        case let .unsupportedSampleRate(rate):
            return "cannot resample \(rate) Hz to 16000 Hz: use a standard rate (8000…192000 Hz)"
        case let .deviceNotFound(device, reason):
            return "no capture device '\(device)' (\(reason)); list devices with `attune devices`"
        case let .deviceBusy(device):
            return "capture device '\(device)' is busy (another program has it open); close it, or pick another with `attune devices`"
        case let .unsupportedDeviceFormat(device, reason):
            return "capture device '\(device)' offers no usable format (\(reason)); try its plug layer, e.g. `plughw:…`, listed by `attune devices`"
        case let .deviceDisappeared(device):
            return "capture device '\(device)' disappeared (unplugged?); reconnect it and check `attune devices`"
        case let .alsa(device, operation, code, message):
            return "ALSA \(operation) on '\(device)' failed (\(code)): \(message)"
        }
    }
}
