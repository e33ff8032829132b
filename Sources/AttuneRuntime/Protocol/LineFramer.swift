/// Splits a byte stream into newline-terminated lines, numbered from 1, holding at most
/// `maximumLineBytes` of one line. A line that grows past the limit is reported once, as soon as it
/// does, and its remaining bytes are dropped as they arrive until its newline: a 10 MiB line costs
/// 1 MiB of buffer, not 10. A carriage return before the newline is removed, so `\r\n` hosts work.
public struct LineFramer: Sendable {
    /// What the framer found in the bytes it was given.
    public enum Frame: Equatable, Sendable {
        /// A complete line without its terminator (it may be empty).
        case line(number: Int, bytes: [UInt8])
        /// Line `number` passed the limit; the rest of it is being skipped.
        case tooLong(number: Int, limit: Int)
    }

    public let maximumLineBytes: Int
    private var pending: [UInt8] = []
    private var skipping = false
    /// The number the line being read will have.
    public private(set) var nextLineNumber = 1

    public init(maximumLineBytes: Int = AttuneProtocol.maximumLineBytes) {
        precondition(maximumLineBytes > 0, "a line limit must be positive")
        self.maximumLineBytes = maximumLineBytes
    }

    /// Bytes held for the line not yet ended.
    public var bufferedByteCount: Int { pending.count }

    /// Feeds bytes as they arrive; `emit` receives each frame they complete, in order.
    public mutating func append(_ bytes: UnsafeRawBufferPointer, _ emit: (Frame) -> Void) {
        var start = 0
        let count = bytes.count
        while start < count {
            var end = start
            while end < count, bytes[end] != 0x0A { end += 1 }
            let foundNewline = end < count
            if !skipping {
                // One byte over the limit is allowed while the line is open: it may be a `\r`.
                if pending.count + (end - start) > maximumLineBytes + 1 {
                    skipping = true
                    pending.removeAll(keepingCapacity: false)
                    emit(.tooLong(number: nextLineNumber, limit: maximumLineBytes))
                } else {
                    pending.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
                }
            }
            if foundNewline {
                if skipping {
                    skipping = false
                } else {
                    if pending.last == 0x0D { pending.removeLast() }
                    if pending.count > maximumLineBytes {
                        emit(.tooLong(number: nextLineNumber, limit: maximumLineBytes))
                    } else {
                        emit(.line(number: nextLineNumber, bytes: pending))
                    }
                    // A buffer grown by one long line is not kept for the life of the connection.
                    pending.removeAll(keepingCapacity: pending.count <= 4096)
                }
                nextLineNumber += 1
                start = end + 1
            } else {
                start = count
            }
        }
    }

    public mutating func append(_ bytes: [UInt8], _ emit: (Frame) -> Void) {
        bytes.withUnsafeBytes { append($0, emit) }
    }

    /// The stream ended. A last line without a newline is still a line (as `readLine` reads it), so a
    /// host that writes `{"type":"stats"}` and closes its side gets its answer; a line being skipped ends.
    public mutating func finish(_ emit: (Frame) -> Void) {
        if !skipping, !pending.isEmpty {
            if pending.last == 0x0D { pending.removeLast() }
            if pending.count > maximumLineBytes {
                emit(.tooLong(number: nextLineNumber, limit: maximumLineBytes))
            } else {
                emit(.line(number: nextLineNumber, bytes: pending))
            }
            nextLineNumber += 1
        }
        pending.removeAll(keepingCapacity: false)
        skipping = false
    }
}
