@testable import AttuneAudio

/// What reading a WAV laid out like the canonical 44-byte header (RIFF, WAVE, a 16-byte `fmt ` chunk,
/// then `data`) must give, worked out from the bytes by the RIFF/WAVE rules alone (Microsoft's
/// "Multimedia Programming Interface and Data Specifications 1.0", 1991): the oracle for the header
/// fuzz test. A mutant whose chunk ids or `fmt ` size changed no longer has this layout (the reader
/// then walks chunks of arbitrary sizes), so for those only the quality of the outcome is checked.
enum CanonicalWAVExpectation: Equatable {
    /// Decodes: `frames` frames of this encoding, channel count and rate.
    case decodes(encoding: SampleEncoding, channelCount: Int, sampleRateHz: Int, frames: Int)
    /// Must be refused with a typed error.
    case refused(because: String)
    /// Not the canonical layout any more.
    case notCanonical

    init(_ bytes: [UInt8]) {
        func text(_ at: Int) -> String { String(decoding: bytes[at..<(at + 4)], as: Unicode.ASCII.self) }
        func uint16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func uint32(_ at: Int) -> Int { uint16(at) | uint16(at + 2) << 16 }
        guard bytes.count >= 12 else { self = .refused(because: "shorter than a RIFF header"); return }
        guard text(0) == "RIFF" else { self = .refused(because: "not RIFF"); return }
        guard text(8) == "WAVE" else { self = .refused(because: "not WAVE"); return }
        guard bytes.count >= 20 else { self = .refused(because: "no chunk header after the RIFF header"); return }
        guard text(12) == "fmt ", uint32(16) == 16 else { self = .notCanonical; return }
        guard bytes.count >= 36 else { self = .refused(because: "'fmt ' body cut short"); return }
        let tag = uint16(20), channels = uint16(22), rate = uint32(24), blockAlign = uint16(32), bits = uint16(34)
        guard (1...64).contains(channels) else { self = .refused(because: "channel count \(channels)"); return }
        guard (1...384_000).contains(rate) else { self = .refused(because: "sample rate \(rate)"); return }
        let encodings: [Int: [Int: SampleEncoding]] = [
            1: [8: .unsigned8, 16: .signed16, 24: .signed24Packed, 32: .signed32],
            3: [32: .float32, 64: .float64],
        ]
        // 0xFFFE (extensible) needs a 40-byte `fmt ` chunk; this one has 16.
        guard let encoding = encodings[tag]?[bits] else { self = .refused(because: "format tag \(tag), \(bits) bits"); return }
        let bytesPerFrame = encoding.bytesPerSample * channels
        guard blockAlign == bytesPerFrame else { self = .refused(because: "block align \(blockAlign)"); return }
        guard bytes.count >= 44 else { self = .refused(because: "no 'data' chunk header"); return }
        guard text(36) == "data" else { self = .notCanonical; return }
        let declared = uint32(40), available = bytes.count - 44
        // 0xFFFFFFFF: "to the end of the file", as streaming recorders write it.
        let dataBytes = declared == 0xFFFF_FFFF ? available - available % bytesPerFrame : declared
        guard dataBytes <= available else { self = .refused(because: "data size \(declared) past the end"); return }
        guard dataBytes % bytesPerFrame == 0 else { self = .refused(because: "data size \(dataBytes) not whole frames"); return }
        self = .decodes(encoding: encoding, channelCount: channels, sampleRateHz: rate, frames: dataBytes / bytesPerFrame)
    }
}
