import Dispatch
import Foundation
import Synchronization

/// Signals as a readable descriptor for `poll(2)`: a Dispatch source per signal writes the signal's
/// number into a pipe (the self-pipe trick), so the loop wakes at once and handles it on its thread.
final class SignalWatch: @unchecked Sendable {  // the sources are touched only in init and deinit
    let descriptor: Int32
    private let writeDescriptor: Int32
    private var sources: [any DispatchSourceSignal] = []

    init(signals: [Int32]) throws {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw ServiceError.system(call: "pipe", errno: errno) }
        for end in ends {
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        descriptor = ends[0]
        writeDescriptor = ends[1]
        let target = writeDescriptor
        for number in signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                var byte = UInt8(truncatingIfNeeded: number)
                _ = write(target, &byte, 1)
            }
            source.resume()
            sources.append(source)
        }
    }

    /// The signals that arrived since the previous call, in order.
    func take() -> [Int32] {
        var buffer = [UInt8](repeating: 0, count: 16)
        var arrived: [Int32] = []
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            if count <= 0 { break }
            arrived += buffer[0..<count].map { Int32($0) }
        }
        return arrived
    }

    deinit {
        for source in sources { source.cancel() }
        close(descriptor)
        close(writeDescriptor)
    }
}
