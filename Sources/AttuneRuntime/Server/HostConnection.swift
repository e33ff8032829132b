/// One host on the socket (or on standard input and output): its line framer (or, for a Wyoming
/// peer, its Wyoming framer and session), the version it negotiated, and its bounded output queue.
final class HostConnection {
    /// What a host may have queued before it counts as not reading: far above any one answer
    /// (a 100-result recall is ~60 KB) and a minute of turn events.
    static let outputLimitBytes = 1 << 20
    /// Bytes read from a host per wake-up.
    static let readChunkBytes = 64 * 1024

    let readDescriptor: Int32
    let writeDescriptor: Int32
    let isSocket: Bool
    /// "client 3" or "stdio", for the log.
    let name: String
    var framer = LineFramer()
    var output = OutputQueue(limitBytes: HostConnection.outputLimitBytes)
    var version = AttuneProtocol.version
    /// No more reading; the connection closes once its output is written (or at once if `dropped`).
    var readClosed = false
    /// The host stopped reading and its queue overflowed, or it went away: close without flushing.
    var dropped = false
    /// A `goodbye` was queued: nothing more is sent.
    var saidGoodbye = false

    /// Set for a Wyoming peer: it speaks Wyoming events, not JSON lines, and gets no broadcasts.
    let wyoming: WyomingSession?
    var wyomingFramer = WyomingFramer()

    init(readDescriptor: Int32, writeDescriptor: Int32, isSocket: Bool, name: String, wyoming: WyomingSession? = nil) {
        self.readDescriptor = readDescriptor
        self.writeDescriptor = writeDescriptor
        self.isSocket = isSocket
        self.name = name
        self.wyoming = wyoming
    }

    /// Queues bytes already framed (a Wyoming event).
    func send(bytes: [UInt8]) {
        guard !dropped else { return }
        if !output.append(bytes) { dropped = true }
    }

    /// Queues a message; a host whose queue is full is marked dropped.
    func send(_ message: ServiceMessage) {
        guard !dropped, !saidGoodbye else { return }
        if case .goodbye = message { saidGoodbye = true }
        if !output.append(message.encodedLine()) { dropped = true }
    }

    /// Writes what the host will take now; marks it dropped when it has gone.
    func flush() {
        guard !dropped, !output.isEmpty else { return }
        if !output.flush(to: writeDescriptor, isSocket: isSocket) { dropped = true }
    }

    var isFinished: Bool { dropped || (readClosed && output.isEmpty) }
}
