/// One host on the socket (or on standard input and output): its line framer (or, for a Wyoming
/// peer, its Wyoming framer and session), the version it negotiated, and its bounded output queue.
final class HostConnection {
    /// What a host may have queued before it counts as not reading: above any one answer (a
    /// 100-result recall is ~60 KB, a context ~3 KB) and many seconds of turn events.
    static let outputLimitBytes = 256 * 1024
    /// The most one host can make the service hold: a line (or a Wyoming header and data) being
    /// read, and its output queue. Charged to the memory budget while the host is connected.
    static let worstCaseBytes = AttuneProtocol.maximumLineBytes + outputLimitBytes
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

    /// The name of this host's charge to the memory budget.
    var budgetCharge: String { "\(name) (line and output buffers)" }

    var isFinished: Bool { dropped || (readClosed && output.isEmpty) }
}
