#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes canonical audio as a 16 kHz mono 16-bit PCM WAV, streaming: the header's sizes are written
/// when the file is closed, so a recording of any length needs constant memory.
public final class WAVWriter {
    public let path: String
    private let fileDescriptor: Int32
    private var dataByteCount = 0
    private var closed = false
    private let scratch: UnsafeMutablePointer<Int16>
    private static let scratchCount = 4096

    /// Creates (or truncates) `path` with mode 0644.
    public init(path: String) throws {
        self.path = path
        fileDescriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fileDescriptor >= 0 else { throw AudioSourceError.writeFailed(path: path, reason: String(cString: strerror(errno))) }
        scratch = .allocate(capacity: WAVWriter.scratchCount)
        do {
            try writeAll(WAVWriter.header(dataByteCount: 0))
        } catch {
            close(fileDescriptor)
            scratch.deallocate()
            throw error
        }
    }

    deinit {
        if !closed { try? finish() }
        scratch.deallocate()
    }

    /// Number of samples written so far.
    public var sampleCount: Int { dataByteCount / 2 }

    /// Appends samples, converted with `pcm16(fromFloat:)` (round to nearest, clip).
    public func write(_ samples: UnsafeBufferPointer<Float>) throws {
        var index = 0
        while index < samples.count {
            let count = min(WAVWriter.scratchCount, samples.count - index)
            for i in 0..<count { scratch[i] = pcm16(fromFloat: samples[index + i]).littleEndian }
            try writeAll(UnsafeRawBufferPointer(start: scratch, count: count * 2))
            dataByteCount += count * 2
            index += count
        }
    }

    /// Fixes the header's sizes and closes the file.
    public func finish() throws {
        guard !closed else { return }
        closed = true
        defer { close(fileDescriptor) }
        let header = WAVWriter.header(dataByteCount: dataByteCount)
        try header.withUnsafeBytes { bytes in
            guard pwrite(fileDescriptor, bytes.baseAddress, bytes.count, 0) == bytes.count else {
                throw AudioSourceError.writeFailed(path: path, reason: "header: \(String(cString: strerror(errno)))")
            }
        }
        guard fsync(fileDescriptor) == 0 else {
            throw AudioSourceError.writeFailed(path: path, reason: "fsync: \(String(cString: strerror(errno)))")
        }
    }

    private func writeAll(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try writeAll($0) }
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(fileDescriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                // ENOSPC (full disk) lands here with its own message.
                throw AudioSourceError.writeFailed(path: path, reason: String(cString: strerror(errno)))
            }
            offset += written
        }
    }

    /// The 44-byte canonical header for 16 kHz mono 16-bit PCM.
    static func header(dataByteCount: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(44)
        func append(_ text: String) { bytes.append(contentsOf: Array(text.utf8)) }
        func append32(_ value: Int) { withUnsafeBytes(of: UInt32(truncatingIfNeeded: value).littleEndian) { bytes.append(contentsOf: $0) } }
        func append16(_ value: Int) { withUnsafeBytes(of: UInt16(truncatingIfNeeded: value).littleEndian) { bytes.append(contentsOf: $0) } }
        let rate = CanonicalAudio.sampleRateHz
        append("RIFF"); append32(36 + dataByteCount); append("WAVE")
        append("fmt "); append32(16); append16(1); append16(1); append32(rate); append32(rate * 2); append16(2); append16(16)
        append("data"); append32(dataByteCount)
        return bytes
    }
}
