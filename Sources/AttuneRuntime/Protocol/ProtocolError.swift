/// Why a line from the host was not acted on. Sent back as an `error` message with the line's
/// number; the connection stays open.
public struct ProtocolError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Machine-readable kind.
    public enum Code: String, Codable, Sendable {
        /// Not UTF-8, not JSON, or not a JSON object.
        case malformed
        /// Longer than `AttuneProtocol.maximumLineBytes`.
        case lineTooLong = "line_too_long"
        /// No `"type"`, or one Attune does not know.
        case unknownType = "unknown_type"
        /// A field is missing, of the wrong type, or out of range.
        case badField = "bad_field"
        /// No protocol version in common with the host.
        case unsupportedVersion = "unsupported_version"
        /// The message was well formed but could not be carried out (the store refused it, no memory is open …).
        case failed
    }

    public var code: Code
    public var message: String
    /// The field at fault, as a JSON path ("text", "ids[2]"), when there is one.
    public var field: String?

    public init(_ code: Code, _ message: String, field: String? = nil) {
        self.code = code
        self.message = message
        self.field = field
    }

    public var description: String { message }
}
