import Foundation

/// One Wyoming event (https://github.com/OHF-Voice/wyoming, the protocol of Home Assistant's voice
/// stack): a JSON header line `{"type":…,"data":{…},"data_length":n,"payload_length":m}`, then n bytes
/// of JSON merged into `data`, then m bytes of binary payload (audio).
public struct WyomingEvent: Equatable, Sendable {
    public var type: String
    public var data: [String: JSONValue]
    public var payload: [UInt8]?

    public init(type: String, data: [String: JSONValue] = [:], payload: [UInt8]? = nil) {
        self.type = type
        self.data = data
        self.payload = payload
    }

    /// The bytes of an event whose data is `data` (any Codable shape): the header names the data's
    /// and the payload's lengths, as the reference's `async_write_event` writes them.
    public static func encode(type: String, data: some Encodable, payload: [UInt8]? = nil) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let dataBytes: [UInt8]
        do {
            dataBytes = Array(try encoder.encode(data))
        } catch {
            preconditionFailure("a Wyoming event's data did not encode: \(error)")
        }
        let header = Header(type: type, data_length: dataBytes == Array("{}".utf8) ? nil : dataBytes.count,
                            payload_length: payload.map(\.count).flatMap { $0 > 0 ? $0 : nil })
        var bytes: [UInt8]
        do {
            bytes = Array(try encoder.encode(header))
        } catch {
            preconditionFailure("a Wyoming header did not encode: \(error)")
        }
        bytes.append(0x0A)
        if header.data_length != nil { bytes += dataBytes }
        if let payload, !payload.isEmpty { bytes += payload }
        return bytes
    }

    /// The header line as the reference writes and reads it (snake_case keys are the wire's).
    struct Header: Codable {
        var type: String
        var data: [String: JSONValue]?
        var data_length: Int?
        var payload_length: Int?

        init(type: String, data: [String: JSONValue]? = nil, data_length: Int?, payload_length: Int?) {
            self.type = type
            self.data = data
            self.data_length = data_length
            self.payload_length = payload_length
        }
    }
}

/// An event with no data.
public struct WyomingEmptyData: Codable, Sendable {
    public init() {}
}
