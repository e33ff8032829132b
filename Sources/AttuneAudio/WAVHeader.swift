/// The parts of a RIFF/WAVE header Attune needs: where the samples are and how they are stored.
///
/// Accepted: `WAVE_FORMAT_PCM` (1) with 8 (unsigned), 16, 24 or 32 bits; `WAVE_FORMAT_IEEE_FLOAT` (3)
/// with 32 or 64 bits; `WAVE_FORMAT_EXTENSIBLE` (0xFFFE) whose sub-format GUID is one of those two.
/// Any chunk order is accepted as long as `fmt ` comes before `data`; unknown chunks are skipped
/// (with RIFF's pad byte after odd sizes). A data size of 0xFFFFFFFF (written by streaming recorders
/// that never went back to fix the header) means "to the end of the file".
///
/// On a stream of unknown length (a WAV piped to standard input) the header is read front to back
/// without seeking, and a data size from `streamingPlaceholderSizes` means "to the end of the input":
/// writers that cannot seek back put a placeholder there (sox writes 0x7FFFF000, arecord 0x7FFFFFFF
/// less the header, others 0xFFFFFFFF).
public struct WAVHeader: Equatable, Sendable {
    public var encoding: SampleEncoding
    public var channelCount: Int
    public var sampleRateHz: Int
    /// Byte offset of the first sample.
    public var dataOffset: Int
    public var dataByteCount: Int
    /// The data runs to the end of the input rather than for `dataByteCount` bytes (streams only).
    public var dataRunsToEnd = false

    /// Data sizes a streaming writer leaves in the header: anything from 0x7FFF0000 up.
    public static let streamingPlaceholderSizes = 0x7FFF_0000...0xFFFF_FFFF

    public var bytesPerFrame: Int { encoding.bytesPerSample * channelCount }
    public var frameCount: Int { dataByteCount / bytesPerFrame }
    public var durationSec: Double { Double(frameCount) / Double(sampleRateHz) }

    /// The 14 GUID bytes after the format tag in `KSDATAFORMAT_SUBTYPE_PCM` / `_IEEE_FLOAT`.
    static let extensibleGUIDTail: [UInt8] = [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71]

    /// Parses the header of a file of `fileByteCount` bytes, or of a stream of unknown length when it
    /// is nil. `readBytes(offset, count)` returns up to `count` bytes at `offset` (fewer at the end of
    /// the file); offsets only ever grow, so a stream can serve them by reading forward.
    /// - Throws: `AudioSourceError.malformedWAV`, `.unsupportedWAV` or `.truncatedWAV`, naming the byte
    ///   offset; `.notWAV` when the bytes are another audio format (FLAC, Ogg, MP3, AIFF).
    public static func parse(
        path: String, fileByteCount: Int?, readBytes: (_ offset: Int, _ count: Int) throws(AudioSourceError) -> [UInt8]
    ) throws(AudioSourceError) -> WAVHeader {
        func malformed(_ offset: Int, _ reason: String) -> AudioSourceError {
            .malformedWAV(path: path, byteOffset: offset, reason: reason)
        }
        let riff = try readBytes(0, 12)
        if let format = AudioContainerFormat(magic: riff) {
            throw AudioSourceError.notWAV(path: path, format: format)
        }
        guard riff.count == 12 else {
            throw malformed(riff.count, "\(fileByteCount == nil ? "input" : "file") is \(riff.count) bytes, too short for a RIFF header (12 bytes)")
        }
        let riffID = fourCC(riff, 0)
        if riffID == "RF64" { throw AudioSourceError.unsupportedWAV(path: path, reason: "RF64 (WAV over 4 GB) is not supported") }
        guard riffID == "RIFF" else { throw malformed(0, "expected 'RIFF', found \(printable(riffID))") }
        guard fourCC(riff, 8) == "WAVE" else { throw malformed(8, "expected 'WAVE', found \(printable(fourCC(riff, 8)))") }

        var offset = 12
        var format: (encoding: SampleEncoding, channels: Int, rate: Int)?
        while true {
            let chunkHeader = try readBytes(offset, 8)
            guard chunkHeader.count == 8 else {
                throw malformed(offset, format == nil ? "no 'fmt ' chunk before the end of the file" : "no 'data' chunk before the end of the file")
            }
            let id = fourCC(chunkHeader, 0)
            let size = Int(uint32(chunkHeader, 4))
            let bodyOffset = offset + 8
            switch id {
            case "fmt ":
                guard size >= 16 else { throw malformed(offset + 4, "'fmt ' chunk is \(size) bytes, needs at least 16") }
                let body = try readBytes(bodyOffset, min(size, 40))
                guard body.count >= 16 else { throw malformed(bodyOffset, "'fmt ' chunk ends after \(body.count) of \(size) bytes") }
                format = try parseFormat(body, declaredSize: size, at: bodyOffset, path: path)
            case "data":
                guard let format else { throw malformed(offset, "'data' chunk comes before any 'fmt ' chunk") }
                let bytesPerFrame = format.encoding.bytesPerSample * format.channels
                guard let fileByteCount else {
                    if streamingPlaceholderSizes.contains(size) {
                        return WAVHeader(encoding: format.encoding, channelCount: format.channels, sampleRateHz: format.rate,
                                         dataOffset: bodyOffset, dataByteCount: 0, dataRunsToEnd: true)
                    }
                    guard size % bytesPerFrame == 0 else {
                        throw malformed(offset + 4, "data size \(size) is not a whole number of \(bytesPerFrame)-byte frames")
                    }
                    return WAVHeader(encoding: format.encoding, channelCount: format.channels, sampleRateHz: format.rate,
                                     dataOffset: bodyOffset, dataByteCount: size)
                }
                let available = fileByteCount - bodyOffset
                var dataBytes = size
                if size == 0xFFFF_FFFF {
                    dataBytes = available - available % bytesPerFrame
                } else if size > available {
                    throw AudioSourceError.truncatedWAV(path: path, byteOffset: bodyOffset, expectedBytes: size, availableBytes: max(0, available))
                }
                guard dataBytes % bytesPerFrame == 0 else {
                    throw malformed(offset + 4, "data size \(dataBytes) is not a whole number of \(bytesPerFrame)-byte frames")
                }
                return WAVHeader(encoding: format.encoding, channelCount: format.channels, sampleRateHz: format.rate,
                                 dataOffset: bodyOffset, dataByteCount: dataBytes)
            default:
                break
            }
            let next = bodyOffset + size + (size & 1)
            if let fileByteCount, bodyOffset + size > fileByteCount {
                throw malformed(offset + 4, "chunk \(printable(id)) claims \(size) bytes, past the end of the file (\(fileByteCount) bytes)")
            }
            offset = next
        }
    }

    private static func parseFormat(
        _ body: [UInt8], declaredSize: Int, at offset: Int, path: String
    ) throws(AudioSourceError) -> (encoding: SampleEncoding, channels: Int, rate: Int) {
        var tag = Int(uint16(body, 0))
        let channels = Int(uint16(body, 2))
        let rate = Int(uint32(body, 4))
        let blockAlign = Int(uint16(body, 12))
        let bits = Int(uint16(body, 14))
        guard (1...64).contains(channels) else {
            throw AudioSourceError.malformedWAV(path: path, byteOffset: offset + 2, reason: "channel count \(channels) is outside 1…64")
        }
        guard (1...384_000).contains(rate) else {
            throw AudioSourceError.malformedWAV(path: path, byteOffset: offset + 4, reason: "sample rate \(rate) Hz is outside 1…384000")
        }
        if tag == 0xFFFE {
            guard declaredSize >= 40, body.count >= 40 else {
                throw AudioSourceError.malformedWAV(path: path, byteOffset: offset, reason: "WAVE_FORMAT_EXTENSIBLE 'fmt ' chunk is \(declaredSize) bytes, needs 40")
            }
            guard Array(body[26..<40]) == extensibleGUIDTail else {
                throw AudioSourceError.unsupportedWAV(path: path, reason: "WAVE_FORMAT_EXTENSIBLE sub-format is not PCM or IEEE float")
            }
            tag = Int(uint16(body, 24))
        }
        let encoding: SampleEncoding
        switch (tag, bits) {
        case (1, 8): encoding = .unsigned8
        case (1, 16): encoding = .signed16
        case (1, 24): encoding = .signed24Packed
        case (1, 32): encoding = .signed32
        case (3, 32): encoding = .float32
        case (3, 64): encoding = .float64
        case (1, _), (3, _):
            throw AudioSourceError.unsupportedWAV(path: path, reason: "\(bits)-bit \(tag == 1 ? "PCM" : "float") samples")
        default:
            throw AudioSourceError.unsupportedWAV(path: path, reason: "format tag \(tag) (compressed audio; only PCM and IEEE float are read)")
        }
        guard blockAlign == encoding.bytesPerSample * channels else {
            throw AudioSourceError.malformedWAV(path: path, byteOffset: offset + 12,
                reason: "block align \(blockAlign) does not match \(channels) channels × \(encoding.bytesPerSample) bytes")
        }
        return (encoding, channels, rate)
    }

    private static func fourCC(_ bytes: [UInt8], _ at: Int) -> String {
        String(decoding: bytes[at..<(at + 4)], as: Unicode.ASCII.self)
    }

    private static func printable(_ id: String) -> String {
        let clean = id.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }
        return clean ? "'\(id)'" : "bytes that are not text"
    }

    private static func uint16(_ bytes: [UInt8], _ at: Int) -> UInt16 {
        UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
    }

    private static func uint32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
    }
}
