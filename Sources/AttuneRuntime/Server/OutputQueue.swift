import Glibc

/// Bytes waiting to be written to one host, bounded: a host that stops reading is dropped when its
/// queue passes `limitBytes`, so it can neither stall the service nor grow its memory.
struct OutputQueue {
    let limitBytes: Int
    private var bytes: [UInt8] = []
    private var head = 0

    init(limitBytes: Int) { self.limitBytes = limitBytes }

    var isEmpty: Bool { head == bytes.count }
    var count: Int { bytes.count - head }

    /// Queues a line; false when that would pass the limit (nothing is queued then).
    mutating func append(_ line: [UInt8]) -> Bool {
        guard count + line.count <= limitBytes else { return false }
        if head > 0, head == bytes.count {
            bytes.removeAll(keepingCapacity: bytes.capacity <= 64 * 1024)
            head = 0
        }
        bytes.append(contentsOf: line)
        return true
    }

    /// Writes what the descriptor takes without blocking. Returns false when the peer is gone.
    mutating func flush(to fd: Int32, isSocket: Bool) -> Bool {
        while head < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                let pending = UnsafeRawBufferPointer(rebasing: raw[head...])
                return isSocket ? send(fd, pending.baseAddress, pending.count, Int32(MSG_NOSIGNAL)) : write(fd, pending.baseAddress, pending.count)
            }
            if written > 0 {
                head += written
            } else if written < 0, errno == EINTR {
                continue
            } else if written < 0, errno == EAGAIN || errno == EWOULDBLOCK {
                break
            } else {
                return false
            }
        }
        if head == bytes.count {
            bytes.removeAll(keepingCapacity: bytes.capacity <= 64 * 1024)
            head = 0
        } else if head > 256 * 1024 {
            bytes.removeFirst(head)
            head = 0
        }
        return true
    }
}
