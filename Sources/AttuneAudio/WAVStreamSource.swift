#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A WAV read front to back from a pipe (`cat hello.wav | attune analyze -`): the header is parsed
/// without seeking (unknown chunks are read and dropped), then the data streams through the same
/// `PCMStreamReader` as a WAV file, so any supported encoding, rate and channel count works.
public final class WAVStreamSource: AudioSource {
    public let name: String
    public let header: WAVHeader
    private let reader: PCMStreamReader

    /// - Parameters:
    ///   - fileDescriptor: a readable pipe or file, read forward only (it is not closed).
    ///   - initialBytes: bytes already read from its start (the magic that told it is a WAV).
    ///   - sourceName: how messages name the input.
    /// - Throws: `AudioSourceError` naming the problem and its byte offset in the stream.
    public init(fileDescriptor: Int32, initialBytes: [UInt8] = [], sourceName: String = "standard input") throws {
        name = sourceName
        var forward = ForwardByteReader(fileDescriptor: fileDescriptor, initialBytes: initialBytes, sourceName: sourceName)
        header = try WAVHeader.parse(path: sourceName, fileByteCount: nil) { (offset, count) throws(AudioSourceError) in
            try forward.read(at: offset, count: count)
        }
        // The data starts right after the 'data' chunk header, which is where the header parse stopped.
        let leftover = try forward.read(at: header.dataOffset, count: 0)
        let dataOffset = header.dataOffset
        let expected = header.dataByteCount
        reader = try PCMStreamReader(
            fileDescriptor: fileDescriptor, closeOnDeinit: false, sourceName: sourceName, encoding: header.encoding,
            channelCount: header.channelCount, sampleRateHz: header.sampleRateHz,
            byteCount: header.dataRunsToEnd ? nil : header.dataByteCount, initialBytes: leftover,
            truncation: { consumed in
                .truncatedWAV(path: sourceName, byteOffset: dataOffset, expectedBytes: expected, availableBytes: consumed)
            })
    }

    public func read(into buffer: UnsafeMutableBufferPointer<Float>) throws -> Int {
        try reader.read(into: buffer)
    }
}

/// Serves `WAVHeader.parse`'s `readBytes(offset, count)` from a descriptor that cannot seek: bytes
/// before `offset` are read and dropped, and offsets must never go back.
struct ForwardByteReader {
    let fileDescriptor: Int32
    let sourceName: String
    /// Bytes read but not yet handed out, starting at stream offset `position`.
    private var buffered: [UInt8]
    private var position = 0

    init(fileDescriptor: Int32, initialBytes: [UInt8], sourceName: String) {
        self.fileDescriptor = fileDescriptor
        self.sourceName = sourceName
        buffered = initialBytes
    }

    /// Up to `count` bytes at stream offset `offset` (fewer at the end of the input). With `count` 0,
    /// returns nothing and drops what lies before `offset`, and the bytes already buffered past it are
    /// returned instead: the caller takes over the stream from `offset`.
    mutating func read(at offset: Int, count: Int) throws(AudioSourceError) -> [UInt8] {
        precondition(offset >= position, "a stream cannot go back from \(position) to \(offset)")
        if count == 0 {
            try fill(upTo: offset - position)
            let drop = min(buffered.count, offset - position)
            let rest = Array(buffered[drop...])
            buffered = []
            position = offset
            return rest
        }
        try fill(upTo: offset - position + count)
        let start = min(buffered.count, offset - position)
        let end = min(buffered.count, start + count)
        let bytes = Array(buffered[start..<end])
        buffered.removeFirst(end)
        position += end
        return bytes
    }

    /// Reads until `byteCount` bytes are buffered or the input ends. Chunks a header skips are small
    /// (LIST, fact, …); a huge one is dropped in pieces, never held.
    private mutating func fill(upTo byteCount: Int) throws(AudioSourceError) {
        var piece = [UInt8](repeating: 0, count: 4096)
        while buffered.count < byteCount {
            let want = min(piece.count, byteCount - buffered.count)
            let got = piece.withUnsafeMutableBytes { Glibc.read(fileDescriptor, $0.baseAddress, want) }
            if got < 0 {
                if errno == EINTR { continue }
                throw AudioSourceError.readFailed(source: sourceName, reason: String(cString: strerror(errno)))
            }
            if got == 0 { return }
            buffered.append(contentsOf: piece[0..<got])
        }
    }
}

/// What `-` means: the first bytes of standard input decide. A RIFF/WAVE header is decoded as a WAV
/// stream (`WAVStreamSource`), the magic of FLAC, Ogg, MP3 (ID3) or AIFF is refused with the command
/// that converts it, and anything else is raw signed 16-bit little-endian 16 kHz mono, as before.
public enum StandardInputAudio {
    /// Bytes looked at: "RIFF", size, "WAVE".
    static let magicByteCount = 12

    /// - Throws: `AudioSourceError` for an unreadable input, a malformed WAV header, or another format.
    public static func open(fileDescriptor: Int32 = STDIN_FILENO) throws -> any AudioSource {
        var forward = ForwardByteReader(fileDescriptor: fileDescriptor, initialBytes: [], sourceName: "standard input")
        let magic = try forward.read(at: 0, count: magicByteCount)
        if let format = AudioContainerFormat(magic: magic, frameSync: false) {
            throw AudioSourceError.notWAV(path: "standard input", format: format)
        }
        if magic.count == magicByteCount, magic[0..<4].elementsEqual("RIFF".utf8), magic[8..<12].elementsEqual("WAVE".utf8) {
            return try WAVStreamSource(fileDescriptor: fileDescriptor, initialBytes: magic)
        }
        return RawStandardInputSource(fileDescriptor: fileDescriptor, initialBytes: magic)
    }
}
