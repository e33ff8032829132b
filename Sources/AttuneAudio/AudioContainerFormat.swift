/// Audio formats Attune does not decode but can name from their first bytes, so that a FLAC or MP3
/// given where a WAV is expected gets "this is FLAC, convert it like this" instead of "expected 'RIFF'".
///
/// Magic numbers: FLAC `fLaC` (RFC 9639 §6), Ogg `OggS` (RFC 3533 §6), MP3 with an ID3v2 tag `ID3`
/// (id3.org, ID3v2.4 §3.1) or a bare MPEG audio frame sync (11 set bits, ISO/IEC 11172-3 §2.4.1.3),
/// AIFF/AIFF-C `FORM`…`AIFF`/`AIFC` (Apple, AIFF 1.3 §Chunks), and a RIFF file that is not WAVE.
public enum AudioContainerFormat: String, Equatable, Sendable {
    case flac = "FLAC"
    case ogg = "Ogg (Vorbis or Opus)"
    case mp3 = "MP3"
    case aiff = "AIFF"
    case riffNotWave = "RIFF but not WAVE (e.g. AVI)"

    /// Recognises the format from the first (up to 12) bytes; nil for WAV and for anything unknown.
    /// - Parameter frameSync: also take a bare MPEG frame sync for MP3. Off for standard input, where
    ///   raw samples may begin with those two bytes by chance (about 1 in 2000).
    public init?(magic bytes: [UInt8], frameSync: Bool = true) {
        func tag(_ at: Int) -> String? {
            guard bytes.count >= at + 4 else { return nil }
            return String(decoding: bytes[at..<(at + 4)], as: Unicode.ASCII.self)
        }
        switch tag(0) {
        case "fLaC": self = .flac
        case "OggS": self = .ogg
        case "FORM" where tag(8) == "AIFF" || tag(8) == "AIFC": self = .aiff
        case "RIFF" where bytes.count >= 12 && tag(8) != "WAVE": self = .riffNotWave
        default:
            if bytes.count >= 3, bytes[0] == 0x49, bytes[1] == 0x44, bytes[2] == 0x33 { self = .mp3; return }  // "ID3"
            if frameSync, bytes.count >= 2, bytes[0] == 0xFF, bytes[1] & 0xE0 == 0xE0 { self = .mp3; return }
            return nil
        }
    }
}

extension AudioContainerFormat {
    /// The usual file name extension, for the conversion hint.
    public var fileExtension: String {
        switch self {
        case .flac: return "flac"
        case .ogg: return "ogg"
        case .mp3: return "mp3"
        case .aiff: return "aiff"
        case .riffNotWave: return "avi"
        }
    }
}
