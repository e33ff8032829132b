import Dispatch
import Foundation
import Synchronization

/// Turns Ctrl-C (SIGINT) and `systemctl stop` (SIGTERM) into a flag that long-running loops poll, so a
/// recording or a live session ends cleanly (files finalised, devices closed) instead of dying mid-write.
public final class InterruptSignal: @unchecked Sendable {  // sources are only touched in init and deinit
    private let sources: [any DispatchSourceSignal]

    /// Starts watching SIGINT and SIGTERM; the process no longer dies of them while this object lives.
    public init() {
        var sources: [any DispatchSourceSignal] = []
        let flag = Flag()
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { flag.raise(signalNumber) }
            source.resume()
            sources.append(source)
        }
        self.sources = sources
        self.flag = flag
    }

    private let flag: Flag

    /// The signal that arrived, or nil.
    public var signalNumber: Int32? {
        let value = flag.value
        return value == 0 ? nil : value
    }

    public var isRaised: Bool { flag.value != 0 }

    deinit {
        for source in sources { source.cancel() }
    }

    private final class Flag: Sendable {
        private let state = Atomic<Int32>(0)
        func raise(_ number: Int32) { state.store(number, ordering: .releasing) }
        var value: Int32 { state.load(ordering: .acquiring) }
    }
}
