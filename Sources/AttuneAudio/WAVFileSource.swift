#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Streams a WAV file as canonical audio (16 kHz mono Float), converting any supported encoding,
/// channel count and rate on the way. Memory is constant in the length of the file.
public final class WAVFileSource: AudioSource {
    public let name: String
    public let header: WAVHeader
    private let reader: PCMStreamReader

    /// Opens and validates the file; samples are read lazily by `read(into:)`.
    /// - Throws: `AudioSourceError` naming the problem and its byte offset.
    public init(path: String) throws {
        name = path
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw AudioSourceError.cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        var status = stat()
        guard fstat(fd, &status) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw AudioSourceError.cannotOpen(path: path, reason: reason)
        }
        if (status.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw AudioSourceError.cannotOpen(path: path, reason: "it is a directory")
        }
        let fileByteCount = Int(status.st_size)
        do {
            header = try WAVHeader.parse(path: path, fileByteCount: fileByteCount) { (offset, count) throws(AudioSourceError) in
                var bytes = [UInt8](repeating: 0, count: count)
                let got = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, count, off_t(offset)) }
                guard got >= 0 else { throw AudioSourceError.readFailed(source: path, reason: String(cString: strerror(errno))) }
                return Array(bytes[0..<got])
            }
            guard lseek(fd, off_t(header.dataOffset), SEEK_SET) >= 0 else {
                throw AudioSourceError.readFailed(source: path, reason: String(cString: strerror(errno)))
            }
            let dataOffset = header.dataOffset
            let expected = header.dataByteCount
            reader = try PCMStreamReader(
                fileDescriptor: fd, closeOnDeinit: true, sourceName: path, encoding: header.encoding,
                channelCount: header.channelCount, sampleRateHz: header.sampleRateHz, byteCount: header.dataByteCount,
                truncation: { consumed in
                    .truncatedWAV(path: path, byteOffset: dataOffset, expectedBytes: expected, availableBytes: consumed)
                })
        } catch {
            close(fd)
            throw error
        }
    }

    public func read(into buffer: UnsafeMutableBufferPointer<Float>) throws -> Int {
        try reader.read(into: buffer)
    }
}

/// Raw PCM on standard input: signed 16-bit little-endian, 16 kHz, mono (what `arecord -f S16_LE -r 16000 -c 1 -t raw` writes).
public final class RawStandardInputSource: AudioSource {
    public let name = "-"
    private let reader: PCMStreamReader

    /// - Parameters:
    ///   - fileDescriptor: standard input by default; any readable pipe or file works (it is not closed).
    ///   - initialBytes: the first bytes of the stream, already read to tell raw from WAV (`StandardInputAudio`).
    public init(fileDescriptor: Int32 = STDIN_FILENO, initialBytes: [UInt8] = []) {
        // 16 kHz mono: the identity resampler, which cannot fail.
        reader = try! PCMStreamReader(
            fileDescriptor: fileDescriptor, closeOnDeinit: false, sourceName: "standard input", encoding: .signed16,
            channelCount: 1, sampleRateHz: CanonicalAudio.sampleRateHz, byteCount: nil, initialBytes: initialBytes,
            truncation: { _ in .readFailed(source: "standard input", reason: "ended early") })
    }

    public func read(into buffer: UnsafeMutableBufferPointer<Float>) throws -> Int {
        try reader.read(into: buffer)
    }
}

/// Whole-file convenience over `WAVFileSource`.
public enum WAVFile {
    /// Reads a WAV file completely, converted to 16 kHz mono Float.
    public static func readMono16k(path: String) throws -> [Float] {
        try WAVFileSource(path: path).readAll()
    }
}
