import AttuneAudio
import AttuneStore
import Dispatch
import Foundation
import Logging

/// `attune serve`: one process that holds the models, the store and the pipeline, and speaks the
/// line protocol to every host on a Unix socket (and on standard input/output with `--stdio`).
///
/// Why a `poll(2)` loop and not swift-nio: the pipeline is synchronous (SQLite and the int8
/// embedder run on the calling thread, ~20 ms per observed turn), so an event-loop library would
/// still need a thread to hand the work to, and its event-loop group, allocator and buffers would
/// add megabytes of resident memory and a second scheduler to a 64 MB budget on a Pi. A handful of
/// local hosts fit one thread that polls a few descriptors; audio capture keeps its own thread
/// (`CaptureFeed`) and wakes the loop through a pipe.
public final class AttuneService {
    /// At most this many hosts at once; one more is told so and closed.
    public static let maximumClients = 32
    /// How long a stop waits for hosts to take their last messages.
    public static let drainSeconds = 1.0

    private let pipeline: Pipeline
    private let store: EncryptedStore?
    private let listener: UnixSocketListener?
    private let wyomingListener: (any ConnectionListener)?
    private let capture: CaptureFeed?
    private let startCaptureOnFirstHost: Bool
    private let stdio: Bool
    private var logger: Logger
    /// Reads the configuration again on SIGHUP (the file given with --config, with the command
    /// line over it); nil when there is nothing to re-read.
    public var reloadConfiguration: (() throws -> AttuneConfiguration)?
    /// The configuration the service started with, to tell what a reload changed.
    public var configuration: AttuneConfiguration?
    private let captureSource: (any AudioSource)?
    private var clients: [HostConnection] = []
    private var nextClientNumber = 1
    private var stopReason: String?
    private let signalWatch: SignalWatch
    private let decoder = HostMessageDecoder()
    private let readBuffer: UnsafeMutableRawBufferPointer

    /// - Parameters:
    ///   - store: closed (checkpointed) when the service stops.
    ///   - captureSource: a device or a file; a file (`startCaptureOnFirstHost`) is played in real
    ///     time once the first host connects, so a test or a demo sees every event.
    ///   - wyoming: also listen for Wyoming peers (Home Assistant's voice stack) there.
    public init(pipeline: Pipeline, store: EncryptedStore?, socketPath: String?, stdio: Bool,
                captureSource: (any AudioSource)?, startCaptureOnFirstHost: Bool = false, wyoming: WyomingAddress? = nil) throws {
        guard socketPath != nil || stdio || wyoming != nil else { throw ServiceError.nothingToServe }
        logger = Logger(label: "attune.serve")
        self.pipeline = pipeline
        self.store = store
        self.stdio = stdio
        self.captureSource = captureSource
        self.startCaptureOnFirstHost = startCaptureOnFirstHost
        try pipeline.budget.charge("socket read buffer", bytes: HostConnection.readChunkBytes)
        readBuffer = .allocate(byteCount: HostConnection.readChunkBytes, alignment: 16)
        signalWatch = try SignalWatch(signals: [SIGTERM, SIGINT, SIGHUP])
        signal(SIGPIPE, SIG_IGN)
        capture = try captureSource.map { try CaptureFeed(source: $0, realTime: startCaptureOnFirstHost) }
        listener = try socketPath.map { try UnixSocketListener(path: $0) }
        switch wyoming {
        case .unix(let path): wyomingListener = try UnixSocketListener(path: path)
        case .tcpLoopback(let port): wyomingListener = try TCPLoopbackListener(port: port)
        case nil: wyomingListener = nil
        }
        if let device = captureSource as? ALSACaptureSource {
            pipeline.xruns = { device.statistics.overruns }
        }
        if stdio {
            for fd in [STDIN_FILENO, STDOUT_FILENO] { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
            let host = HostConnection(readDescriptor: STDIN_FILENO, writeDescriptor: STDOUT_FILENO, isSocket: false, name: "stdio")
            try pipeline.budget.charge(host.budgetCharge, bytes: HostConnection.worstCaseBytes)
            clients.append(host)
        }
    }

    deinit { readBuffer.deallocate() }

    /// Serves until SIGTERM/SIGINT, a `shutdown` message, or the end of standard input with
    /// `--stdio`; then drains (last turn events, `goodbye`), closes the store and removes the socket.
    /// Under systemd (Type=notify) it reports READY=1 once the socket listens, pings the watchdog
    /// from the loop, and STOPPING=1 when it begins to stop.
    public func run(systemd: SystemdNotifier = SystemdNotifier()) throws {
        if let listener { logger.info("listening on \(listener.path) (mode 0600)") }
        if let wyomingListener { logger.info("listening for Wyoming peers on \(wyomingListener.address)") }
        if stdio { logger.info("serving on standard input and output") }
        if let capture, !startCaptureOnFirstHost { capture.start() }
        systemd.notify("READY=1\nSTATUS=serving on \(listener?.path ?? wyomingListener?.address ?? "standard input and output")")
        // The loop wakes at least this often, so the watchdog is pinged in time.
        let timeoutMs = systemd.watchdogInterval.map { Int32(min(1000, max(10, $0 / .milliseconds(1)))) } ?? 1000
        while stopReason == nil {
            try pollOnce(timeoutMs: timeoutMs)
            systemd.keepAlive()
        }
        systemd.notify("STOPPING=1")
        drain()
    }

    // MARK: - The loop

    private func pollOnce(timeoutMs: Int32) throws {
        var descriptors: [pollfd] = [pollfd(fd: signalWatch.descriptor, events: Int16(POLLIN), revents: 0)]
        let listenerIndex = descriptors.count
        if let listener { descriptors.append(pollfd(fd: listener.descriptor, events: Int16(POLLIN), revents: 0)) }
        let wyomingIndex = descriptors.count
        if let wyomingListener { descriptors.append(pollfd(fd: wyomingListener.descriptor, events: Int16(POLLIN), revents: 0)) }
        if let capture { descriptors.append(pollfd(fd: capture.wakeDescriptor, events: Int16(POLLIN), revents: 0)) }
        // Where each client's read and write interest sit in `descriptors` (one entry for a socket).
        var slots: [(client: HostConnection, read: Int?, write: Int?)] = []
        for client in clients {
            let wantsRead = !client.readClosed, wantsWrite = !client.output.isEmpty
            if client.readDescriptor == client.writeDescriptor {
                let events = Int16((wantsRead ? POLLIN : 0) | (wantsWrite ? POLLOUT : 0))
                descriptors.append(pollfd(fd: events == 0 ? -1 : client.readDescriptor, events: events, revents: 0))
                slots.append((client, descriptors.count - 1, descriptors.count - 1))
            } else {
                descriptors.append(pollfd(fd: wantsRead ? client.readDescriptor : -1, events: Int16(POLLIN), revents: 0))
                descriptors.append(pollfd(fd: wantsWrite ? client.writeDescriptor : -1, events: Int16(POLLOUT), revents: 0))
                slots.append((client, descriptors.count - 2, descriptors.count - 1))
            }
        }
        let ready = poll(&descriptors, nfds_t(descriptors.count), timeoutMs)
        if ready < 0 {
            if errno == EINTR { return }
            throw ServiceError.system(call: "poll", errno: errno)
        }
        if descriptors[0].revents != 0 {
            let arrived = signalWatch.take()
            if arrived.contains(SIGHUP) { reload() }
            if let number = arrived.first(where: { $0 != SIGHUP }) {
                stopReason = number == SIGTERM ? "SIGTERM" : "SIGINT"
                logger.notice("\(stopReason!): draining and stopping")
                return
            }
        }
        if capture != nil { takeCapturedAudio() }
        if let listener, descriptors[listenerIndex].revents & Int16(POLLIN) != 0 { acceptClients(listener, wyoming: false) }
        if let wyomingListener, descriptors[wyomingIndex].revents & Int16(POLLIN) != 0 { acceptClients(wyomingListener, wyoming: true) }
        // Every client that poll saw is served; clients accepted just now wait for the next turn.
        var arrived: [[Arrival]] = []
        for slot in slots {
            let readEvents = slot.read.map { descriptors[$0].revents } ?? 0
            let writeEvents = slot.write.map { descriptors[$0].revents } ?? 0
            if readEvents & Int16(POLLIN | POLLHUP | POLLERR) != 0, !slot.client.readClosed { arrived.append(read(slot.client)) }
            if writeEvents & Int16(POLLOUT | POLLERR | POLLHUP) != 0 { slot.client.flush() }
        }
        handle(Self.takingTurns(arrived))
        for client in clients { client.flush() }
        removeFinishedClients()
    }

    private func acceptClients(_ listener: any ConnectionListener, wyoming: Bool) {
        while let fd = listener.accept(refused: { uid in logger.warning("refused a connection from uid \(uid): only uid \(geteuid()) may connect") }) {
            let name = (wyoming ? "Wyoming peer " : "client ") + "\(nextClientNumber)"
            let client = HostConnection(readDescriptor: fd, writeDescriptor: fd, isSocket: true, name: name,
                                        wyoming: wyoming ? WyomingSession(pipeline: pipeline, name: name) : nil)
            nextClientNumber += 1
            var refusal: ProtocolError?
            if clients.count >= Self.maximumClients {
                refusal = ProtocolError(.failed, "Attune serves at most \(Self.maximumClients) hosts at once")
            } else {
                do {
                    try pipeline.budget.charge(client.budgetCharge, bytes: HostConnection.worstCaseBytes)
                } catch {
                    refusal = ProtocolError(.failed, "no room in the memory budget for another host: \(error)")
                }
            }
            if let refusal {
                logger.warning("\(client.name) refused: \(refusal.message)")
                if wyoming {
                    client.send(bytes: WyomingSession.error(refusal.message, code: refusal.code.rawValue))
                } else {
                    client.send(.error(.init(refusal, line: nil)))
                }
                client.flush()
                close(fd)
                continue
            }
            logger.info("\(client.name) connected")
            clients.append(client)
            if let capture, startCaptureOnFirstHost { capture.start() }
        }
    }

    /// One line read from a host, decoded (or what to answer instead), waiting to be handled.
    private struct Arrival {
        enum Content {
            case message(HostMessage, line: Int)
            case refusal(ServiceMessage)
        }

        let client: HostConnection
        let content: Content

        var message: HostMessage? {
            if case .message(let message, _) = content { return message }
            return nil
        }
    }

    /// Reads what one host sent; returns its lines, decoded, for `handle(_:)` (a Wyoming peer's
    /// events are handled here, as they come).
    private func read(_ client: HostConnection) -> [Arrival] {
        let count = Glibc.read(client.readDescriptor, readBuffer.baseAddress, readBuffer.count)
        if count < 0, errno == EAGAIN || errno == EINTR { return [] }
        if let session = client.wyoming {
            readWyoming(client, session: session, count: count)
            return []
        }
        var frames: [LineFramer.Frame] = []
        if count <= 0 {
            client.framer.finish { frames.append($0) }
            client.readClosed = true
        } else {
            client.framer.append(UnsafeRawBufferPointer(rebasing: readBuffer[0..<count])) { frames.append($0) }
        }
        let arrived = frames.compactMap { decode($0, from: client) }
        if client.readClosed {
            logger.info("\(client.name) closed its side")
            if client.name == "stdio", stopReason == nil { stopReason = "end of standard input" }
        }
        return arrived
    }

    private func readWyoming(_ client: HostConnection, session: WyomingSession, count: Int) {
        guard count > 0 else {
            client.readClosed = true
            logger.info("\(client.name) closed its side")
            return
        }
        var frames: [WyomingFramer.Frame] = []
        client.wyomingFramer.append(UnsafeRawBufferPointer(rebasing: readBuffer[0..<count])) { frames.append($0) }
        for frame in frames {
            switch frame {
            case .event(let event):
                let handled = session.handle(event)
                broadcast(handled.output.events)
                for reply in handled.replies { client.send(bytes: reply) }
            case .fatal(let reason):
                logger.warning("\(client.name): \(reason); closing it")
                client.send(bytes: WyomingSession.error(reason + "; closing the connection", code: ProtocolError.Code.malformed.rawValue))
                client.readClosed = true
            }
        }
    }

    private func decode(_ frame: LineFramer.Frame, from client: HostConnection) -> Arrival? {
        switch frame {
        case let .tooLong(number, limit):
            return Arrival(client: client, content: .refusal(.error(.init(ProtocolError(.lineTooLong, "line \(number) is longer than \(limit) bytes; it was skipped"), line: number))))
        case let .line(number, bytes):
            do {
                return try decoder.decode(bytes).map { Arrival(client: client, content: .message($0, line: number)) }
            } catch {
                return Arrival(client: client, content: .refusal(.error(.init(error, line: number))))
            }
        }
    }

    /// The hosts' lines taken one from each host in turn (each host's in its own order), so a host
    /// that sent a backlog of transcripts does not hold back another's live audio behind all of it.
    static func takingTurns<Line>(_ hosts: [[Line]]) -> [Line] {
        var taken: [Line] = []
        taken.reserveCapacity(hosts.reduce(0) { $0 + $1.count })
        for index in 0..<(hosts.map(\.count).max() ?? 0) {
            for lines in hosts where index < lines.count { taken.append(lines[index]) }
        }
        return taken
    }

    /// Handles the lines that arrived in one wake-up, hosts taking turns (each host's in its own
    /// order). While turns wait, the vector worker embeds those behind the one being handled on the
    /// second core; each answer is written as soon as it is made, not after the batch.
    private func handle(_ arrived: [Arrival]) {
        for (index, arrival) in arrived.enumerated() {
            switch arrival.content {
            case .refusal(let reply):
                arrival.client.send(reply)
            case let .message(message, number):
                // Only a turn looks ahead: a run of audio chunks would rescan the batch for each one.
                if message.storedTurnText != nil { pipeline.prepareVectors(for: arrived[index...].lazy.compactMap(\.message)) }
                do {
                    try handle(message, line: number, from: arrival.client)
                } catch {
                    arrival.client.send(.error(.init(error, line: number, id: message.requestID)))
                }
            }
            arrival.client.flush()
        }
    }

    private func handle(_ message: HostMessage, line: Int, from client: HostConnection) throws(ProtocolError) {
        switch message {
        case .hello(let hello):
            do {
                client.version = try VersionNegotiation.agree(on: hello.versions)
            } catch {
                client.send(.error(.init(error, line: line, id: hello.id)))
                client.readClosed = true
                return
            }
            logger.info("\(client.name) is \(hello.client ?? "a host") speaking version \(client.version)")
            client.send(.hello(.init(version: client.version, server: "attune \(AttuneVersion.string)", capture: captureSource != nil,
                                     memory: pipeline.memory != nil, id: hello.id)))
        case .shutdown(let request):
            client.send(.goodbye(.init(reason: "shutdown requested", id: request.id)))
            stopReason = "shutdown requested by \(client.name)"
            logger.notice("\(stopReason!)")
        case .stats(let request):
            client.send(.stats(pipeline.stats(clients: clients.count, id: request.id)))
        default:
            let output = try pipeline.handle(message)
            // Events first: a hand-off reaches every host the moment it is raised, before the context.
            broadcast(output.events)
            for reply in output.replies { client.send(reply) }
        }
    }

    private func broadcast(_ events: [ServiceMessage]) {
        guard !events.isEmpty else { return }
        for client in clients where !client.dropped && client.wyoming == nil {
            for event in events { client.send(event) }
        }
    }

    private func takeCapturedAudio() {
        guard let capture else { return }
        let taken = capture.take()
        for chunk in taken.chunks {
            broadcast(chunk.withUnsafeBufferPointer { pipeline.process(audio: $0) })
        }
        // While only silence is heard, the feed hands audio over in longer blocks.
        capture.setQuiet(pipeline.hearsOnlySilence)
        if taken.ended {
            broadcast(pipeline.finishAudio())
            if let failure = taken.failure { logger.error("audio capture ended: \(failure)") }
        }
    }

    private func removeFinishedClients() {
        clients.removeAll { client in
            // Standard output stays until the drain, which tells the host goodbye.
            guard client.isFinished, client.isSocket || client.dropped else { return false }
            if client.dropped { logger.warning("\(client.name) dropped: it went away or stopped reading (\(client.output.count) bytes unread)") }
            if client.isSocket { close(client.readDescriptor) }
            pipeline.budget.release(client.budgetCharge)
            return true
        }
    }

    /// SIGHUP: the configuration is read again. The log level applies at once; what needs the models,
    /// the device or the store opened again is named, to take effect at the next start. A file that
    /// does not load is reported and the configuration in use is kept.
    private func reload() {
        guard let reloadConfiguration else {
            logger.notice("SIGHUP: no configuration file to reload (start with --config)")
            return
        }
        let fresh: AttuneConfiguration
        do {
            fresh = try reloadConfiguration()
        } catch {
            logger.error("SIGHUP: the configuration was not reloaded, the one in use is kept: \(error)")
            return
        }
        let level = Logger.Level(rawValue: fresh.logLevel) ?? .info
        logger.logLevel = level
        var needRestart: [String] = []
        if let current = configuration {
            if fresh.device != current.device || fresh.periodMs != current.periodMs || fresh.ringSeconds != current.ringSeconds { needRestart.append("[audio]") }
            if fresh.memoryBudget != current.memoryBudget || fresh.dataDirectory != current.dataDirectory { needRestart.append("[runtime] memory_budget, data_dir") }
            if fresh.timeZone != current.timeZone { needRestart.append("[memory] timezone") }
            if fresh.rapport != current.rapport || fresh.handoffOverride != current.handoffOverride { needRestart.append("[rapport]") }
        }
        let pending = needRestart.isEmpty ? "" : "; \(needRestart.joined(separator: ", ")) changed and apply at the next start"
        logger.notice("SIGHUP: configuration reloaded; log level \(level)\(pending)")
    }

    // MARK: - Stopping

    private func drain() {
        capture?.stop()
        if capture != nil { takeCapturedAudio() }
        broadcast(pipeline.finishAudio())
        for client in clients where client.wyoming == nil { client.send(.goodbye(.init(reason: stopReason ?? "stopping"))) }
        let deadline = ContinuousClock.now + .milliseconds(Int(Self.drainSeconds * 1000))
        while clients.contains(where: { !$0.dropped && !$0.output.isEmpty }), ContinuousClock.now < deadline {
            var descriptors = clients.filter { !$0.dropped && !$0.output.isEmpty }.map { pollfd(fd: $0.writeDescriptor, events: Int16(POLLOUT), revents: 0) }
            _ = poll(&descriptors, nfds_t(descriptors.count), 50)
            for client in clients { client.flush() }
        }
        for client in clients where client.isSocket { close(client.readDescriptor) }
        clients.removeAll()
        listener?.close()
        wyomingListener?.close()
        do {
            if let store {
                try store.close()
                logger.info("store checkpointed and closed")
            }
        } catch {
            logger.error("closing the store failed: \(error)")
        }
    }
}
