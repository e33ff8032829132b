import Foundation

/// Why the service could not start (or had to stop), each saying what to do.
public enum ServiceError: Error, Equatable, CustomStringConvertible {
    case system(call: String, errno: Int32)
    case socketPathTooLong(path: String, limit: Int)
    case socketDirectoryMissing(directory: String)
    case socketInUse(path: String)
    case socketPathNotASocket(path: String)
    case nothingToServe

    public var description: String {
        switch self {
        case let .system(call, code):
            "\(call) failed: \(String(cString: strerror(code)))"
        case let .socketPathTooLong(path, limit):
            "the socket path \(path) is \(path.utf8.count) bytes; Unix sockets allow at most \(limit). Give a shorter --socket"
        case let .socketDirectoryMissing(directory):
            "the socket's directory \(directory) does not exist; create it (systemd's RuntimeDirectory=attune does) or give --socket PATH"
        case let .socketInUse(path):
            "another attune serve is listening on \(path); stop it or give another --socket"
        case let .socketPathNotASocket(path):
            "\(path) exists and is not a socket; Attune will not replace it. Remove it or give another --socket"
        case .nothingToServe:
            "nothing to serve: give --socket PATH, or --stdio for a host that starts Attune itself"
        }
    }
}
