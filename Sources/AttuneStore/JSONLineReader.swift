import Foundation

/// Reads newline-separated records from a file descriptor in bounded memory: one 64 KiB buffer plus
/// the line being assembled, which may not exceed `maximumLineBytes`. A trailing "\r" is dropped;
/// blank lines are skipped but still counted, so line numbers match an editor's.
public struct JSONLineReader {
    public static let defaultMaximumLineBytes = 1 << 20

    private let fd: Int32
    private let maximumLineBytes: Int
    private var buffer = [UInt8](repeating: 0, count: 1 << 16)
    private var start = 0
    private var end = 0
    private var finished = false
    public private(set) var lineNumber = 0

    public init(fileDescriptor: Int32, maximumLineBytes: Int = Self.defaultMaximumLineBytes) {
        fd = fileDescriptor
        self.maximumLineBytes = maximumLineBytes
    }

    /// The next non-blank line, or nil at the end of input.
    public mutating func next() throws -> (number: Int, bytes: Data)? {
        while true {
            guard let line = try nextLine() else { return nil }
            if line.contains(where: { $0 != 0x20 && $0 != 0x09 }) { return (lineNumber, line) }
        }
    }

    /// The next line, blank or not, or nil at the end of input.
    public mutating func nextIncludingBlank() throws -> (number: Int, bytes: Data)? {
        try nextLine().map { (lineNumber, $0) }
    }

    private mutating func nextLine() throws -> Data? {
        var line = Data()
        while true {
            if start < end {
                if let newline = buffer[start..<end].firstIndex(of: 0x0A) {
                    line.append(contentsOf: buffer[start..<newline])
                    start = newline + 1
                    return try finish(line)
                }
                line.append(contentsOf: buffer[start..<end])
                start = end
                if line.count > maximumLineBytes { try skipRest(); throw tooLong() }
            }
            if finished { return line.isEmpty ? nil : try finish(line) }
            let count = buffer.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw StoreError.io(path: "input", reason: "read failed at line \(lineNumber + 1): \(String(cString: strerror(errno)))")
            }
            if count == 0 { finished = true }
            start = 0
            end = count
        }
    }

    private mutating func finish(_ line: Data) throws -> Data {
        lineNumber += 1
        var line = line
        if line.last == 0x0D { line.removeLast() }
        guard line.count <= maximumLineBytes else { throw tooLong() }
        return line
    }

    private func tooLong() -> StoreError {
        .badLine(line: lineNumber, reason: "is longer than \(maximumLineBytes) bytes")
    }

    /// Moves past the rest of an over-long line so the error names the right line number.
    private mutating func skipRest() throws {
        lineNumber += 1
        while true {
            if start < end {
                if let newline = buffer[start..<end].firstIndex(of: 0x0A) { start = newline + 1; return }
                start = end
            }
            if finished { return }
            let count = buffer.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress!, $0.count) }
            if count <= 0 { finished = true; return }
            start = 0
            end = count
        }
    }
}
