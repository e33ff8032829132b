/// Where `--wyoming` listens: `unix://PATH` (mode 0600, owner checked, like the main socket) or
/// `tcp://127.0.0.1:PORT` (loopback only: Attune has no network code, and its unit sets
/// PrivateNetwork=yes; on TCP any local user can connect, so prefer the Unix socket).
public enum WyomingAddress: Equatable, Sendable, CustomStringConvertible {
    case unix(path: String)
    case tcpLoopback(port: UInt16)

    public struct Problem: Error, Equatable, CustomStringConvertible {
        public let description: String
    }

    public init(parsing text: String) throws(Problem) {
        if text.hasPrefix("unix://") {
            let path = String(text.dropFirst("unix://".count))
            guard !path.isEmpty else { throw Problem(description: "--wyoming unix:// needs a path, e.g. unix:///run/attune/wyoming.sock") }
            self = .unix(path: path)
        } else if text.hasPrefix("tcp://") {
            let rest = text.dropFirst("tcp://".count)
            guard let colon = rest.lastIndex(of: ":"), let port = UInt16(rest[rest.index(after: colon)...]), port > 0 else {
                throw Problem(description: "--wyoming tcp:// needs a port, e.g. tcp://127.0.0.1:10700")
            }
            let host = rest[..<colon]
            guard host == "127.0.0.1" || host == "localhost" else {
                throw Problem(description: "--wyoming listens on loopback only (tcp://127.0.0.1:PORT), not on \(host): Attune keeps everything on the device")
            }
            self = .tcpLoopback(port: port)
        } else {
            throw Problem(description: "--wyoming takes unix://PATH or tcp://127.0.0.1:PORT, not \(text)")
        }
    }

    public var description: String {
        switch self {
        case .unix(let path): "unix://\(path)"
        case .tcpLoopback(let port): "tcp://127.0.0.1:\(port)"
        }
    }
}
