import Foundation

/// sd_notify(3) without libsystemd: datagrams to `$NOTIFY_SOCKET` ("READY=1", "WATCHDOG=1",
/// "STOPPING=1", "STATUS=…"). A path starting with `@` is in the abstract namespace. Without the
/// variable (not started by systemd with Type=notify), every call does nothing.
public final class SystemdNotifier {
    private let descriptor: Int32?
    private var address = sockaddr_un()
    private var addressLength = socklen_t(0)
    /// Half of `$WATCHDOG_USEC`, as systemd recommends; nil when no watchdog is set for this process.
    public let watchdogInterval: Duration?
    private var lastPing = ContinuousClock.now

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        if let usec = environment["WATCHDOG_USEC"].flatMap(Int64.init), usec > 0,
           environment["WATCHDOG_PID"].flatMap(Int32.init).map({ $0 == getpid() }) ?? true {
            watchdogInterval = .microseconds(usec / 2)
        } else {
            watchdogInterval = nil
        }
        guard let path = environment["NOTIFY_SOCKET"], !path.isEmpty, path.utf8.count <= UnixSocketListener.maximumPathBytes,
              path.hasPrefix("/") || path.hasPrefix("@") else {
            descriptor = nil
            return
        }
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        descriptor = fd >= 0 ? fd : nil
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            if bytes[0] == UInt8(ascii: "@") { raw[0] = 0 }
        }
        // Abstract names are not zero-terminated: the length says where they end.
        addressLength = socklen_t(MemoryLayout<sa_family_t>.size + bytes.count + (bytes[0] == UInt8(ascii: "@") ? 0 : 1))
    }

    deinit {
        if let descriptor { close(descriptor) }
    }

    public var isActive: Bool { descriptor != nil }

    /// Sends one state line (or several, newline-separated).
    public func notify(_ state: String) {
        guard let descriptor else { return }
        let bytes = Array(state.utf8)
        _ = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                sendto(descriptor, bytes, bytes.count, Int32(MSG_NOSIGNAL), $0, addressLength)
            }
        }
    }

    /// Pings the watchdog when half its interval has passed since the last ping.
    public func keepAlive() {
        guard let watchdogInterval, ContinuousClock.now - lastPing >= watchdogInterval else { return }
        lastPing = .now
        notify("WATCHDOG=1")
    }
}

/// Credentials systemd hands a service (`LoadCredential=`), as files in `$CREDENTIALS_DIRECTORY`.
public enum SystemdCredentials {
    /// The credential name of the store's key file: `LoadCredential=attune.key:/etc/attune/store.key`.
    public static let storeKeyName = "attune.key"

    /// The store key's file when systemd passed one, else nil.
    public static func storeKeyFile(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        guard let directory = environment["CREDENTIALS_DIRECTORY"], !directory.isEmpty else { return nil }
        let path = directory + "/" + storeKeyName
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }
}
