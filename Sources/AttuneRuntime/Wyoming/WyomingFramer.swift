import Foundation

/// Reads Wyoming events from a byte stream: the header line, then exactly `data_length` bytes of
/// JSON, then exactly `payload_length` bytes. A header or a length it cannot trust (not JSON, no
/// `type`, a length beyond the limits) leaves no way to find the next event, so it is `fatal`: the
/// connection is told and closed, as the reference closes on a bad header. Nothing is buffered
/// beyond the limits, whatever a header claims.
public struct WyomingFramer: Sendable {
    public enum Frame: Equatable, Sendable {
        case event(WyomingEvent)
        /// The stream can no longer be read; close the connection.
        case fatal(String)
    }

    /// Header, data and payload together stay below the line protocol's 1 MiB line, so a Wyoming
    /// peer costs the memory budget what a line-protocol host does.
    public static let maximumHeaderBytes = 64 * 1024
    public static let maximumDataBytes = 256 * 1024
    /// 2.7 s of 48 kHz stereo 16-bit audio; Home Assistant sends 1024-sample chunks (2–4 KB).
    public static let maximumPayloadBytes = 512 * 1024

    private enum State {
        case header
        case data(WyomingEvent.Header, remaining: Int)
        case payload(WyomingEvent, remaining: Int)
        case failed
    }

    private var state = State.header
    private var pending: [UInt8] = []

    public init() {}

    public mutating func append(_ bytes: UnsafeRawBufferPointer, _ emit: (Frame) -> Void) {
        var index = 0
        while index < bytes.count {
            switch state {
            case .failed:
                return
            case .header:
                var end = index
                while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                if pending.count + (end - index) > Self.maximumHeaderBytes {
                    fail("a Wyoming header line is longer than \(Self.maximumHeaderBytes) bytes", emit)
                    return
                }
                pending += UnsafeRawBufferPointer(rebasing: bytes[index..<end])
                index = end
                guard end < bytes.count else { return }
                index += 1
                let line = pending
                pending.removeAll(keepingCapacity: true)
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
                guard let header = try? JSONDecoder().decode(WyomingEvent.Header.self, from: Data(line)) else {
                    fail("a Wyoming header is not a JSON object with a string \"type\"", emit)
                    return
                }
                let dataLength = header.data_length ?? 0, payloadLength = header.payload_length ?? 0
                guard (0...Self.maximumDataBytes).contains(dataLength) else {
                    fail("data_length \(dataLength) is beyond 0…\(Self.maximumDataBytes)", emit)
                    return
                }
                guard (0...Self.maximumPayloadBytes).contains(payloadLength) else {
                    fail("payload_length \(payloadLength) is beyond 0…\(Self.maximumPayloadBytes)", emit)
                    return
                }
                state = .data(header, remaining: dataLength)
                if dataLength == 0 { finishData(emit) }
            case .data(let header, let remaining):
                let take = min(remaining, bytes.count - index)
                pending += UnsafeRawBufferPointer(rebasing: bytes[index..<(index + take)])
                index += take
                state = .data(header, remaining: remaining - take)
                if remaining - take == 0 { finishData(emit) }
            case .payload(var event, let remaining):
                let take = min(remaining, bytes.count - index)
                event.payload = (event.payload ?? []) + UnsafeRawBufferPointer(rebasing: bytes[index..<(index + take)])
                index += take
                if remaining - take == 0 {
                    state = .header
                    emit(.event(event))
                } else {
                    state = .payload(event, remaining: remaining - take)
                }
            }
        }
    }

    public mutating func append(_ bytes: [UInt8], _ emit: (Frame) -> Void) {
        bytes.withUnsafeBytes { append($0, emit) }
    }

    /// The header's data merged with the data bytes (which win), then the payload or the event.
    private mutating func finishData(_ emit: (Frame) -> Void) {
        guard case .data(let header, _) = state else { return }
        var data = header.data ?? [:]
        if !pending.isEmpty {
            guard let extra = try? JSONDecoder().decode([String: JSONValue].self, from: Data(pending)) else {
                fail("the \(pending.count) data bytes of a \"\(header.type)\" event are not a JSON object", emit)
                return
            }
            data.merge(extra) { $1 }
        }
        pending.removeAll(keepingCapacity: true)
        let event = WyomingEvent(type: header.type, data: data)
        let payloadLength = header.payload_length ?? 0
        if payloadLength > 0 {
            state = .payload(event, remaining: payloadLength)
        } else {
            state = .header
            emit(.event(event))
        }
    }

    private mutating func fail(_ reason: String, _ emit: (Frame) -> Void) {
        state = .failed
        pending.removeAll(keepingCapacity: false)
        emit(.fatal(reason))
    }
}
