import Foundation

/// A listening Unix domain socket at a path, created mode 0600 (owner only), that refuses, at
/// accept, any peer whose `SO_PEERCRED` uid is not this process's: the mode keeps other users out
/// of the file, the check keeps them out even when a directory or ACL lets them reach it.
public final class UnixSocketListener {
    public let path: String
    public let descriptor: Int32

    /// `sun_path` holds 108 bytes on Linux, the terminating zero included.
    public static let maximumPathBytes = 107

    /// Binds and listens. A stale socket left by a killed service (nobody accepts on it) is
    /// replaced; a live one, or a file that is not a socket, is refused.
    public init(path: String, backlog: Int32 = 16) throws {
        guard path.utf8.count <= Self.maximumPathBytes else {
            throw ServiceError.socketPathTooLong(path: path, limit: Self.maximumPathBytes)
        }
        let directory = (path as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.isEmpty ? "." : directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ServiceError.socketDirectoryMissing(directory: directory)
        }
        var status = stat()
        if lstat(path, &status) == 0 {
            guard status.st_mode & S_IFMT == S_IFSOCK else { throw ServiceError.socketPathNotASocket(path: path) }
            if Self.someoneListens(at: path) { throw ServiceError.socketInUse(path: path) }
            unlink(path)
        }
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
        guard fd >= 0 else { throw ServiceError.system(call: "socket", errno: errno) }
        // Bound and listening under a temporary name, then renamed into place: a host that sees the
        // path can connect at once (no window between bind and listen that refuses it).
        let staging = path + ".\(getpid()).new"
        guard staging.utf8.count <= Self.maximumPathBytes else {
            Glibc.close(fd)
            throw ServiceError.socketPathTooLong(path: staging, limit: Self.maximumPathBytes)
        }
        unlink(staging)
        var address = Self.address(staging)
        // The umask makes the socket 0600 from its first moment; chmod states it whatever the umask was.
        let previousMask = umask(0o177)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        let bindErrno = errno
        umask(previousMask)
        guard bound == 0 else {
            Glibc.close(fd)
            throw ServiceError.system(call: "bind \(staging)", errno: bindErrno)
        }
        guard chmod(staging, 0o600) == 0, listen(fd, backlog) == 0, rename(staging, path) == 0 else {
            let code = errno
            Glibc.close(fd)
            unlink(staging)
            throw ServiceError.system(call: "listen on \(path)", errno: code)
        }
        self.path = path
        descriptor = fd
    }

    /// Closes the socket and removes its file.
    public func close() {
        Glibc.close(descriptor)
        unlink(path)
    }

    /// A connected client, or nil when none is waiting. `refused` receives the uid of a peer that
    /// is not this process's user (its connection is closed at once).
    public func accept(refused: (UInt32) -> Void) -> Int32? {
        while true {
            // accept4 needs _GNU_SOURCE, which Swift's Glibc module is not built with.
            let fd = Glibc.accept(descriptor, nil, nil)
            if fd < 0 { return nil }
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            guard let uid = Self.peerUID(fd) else {
                Glibc.close(fd)
                continue
            }
            guard uid == geteuid() else {
                refused(uid)
                Glibc.close(fd)
                continue
            }
            return fd
        }
    }

    /// The uid of the process at the other end (Linux `SO_PEERCRED`: pid, uid, gid as 32-bit ints).
    static func peerUID(_ fd: Int32) -> UInt32? {
        var credentials: (Int32, UInt32, UInt32) = (0, 0, 0)
        var length = socklen_t(MemoryLayout<(Int32, UInt32, UInt32)>.size)
        guard getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &credentials, &length) == 0, length == 12 else { return nil }
        return credentials.1
    }

    static func address(_ path: String) -> sockaddr_un {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            let bytes = Array(path.utf8)
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        return address
    }

    static func someoneListens(at path: String) -> Bool {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { Glibc.close(fd) }
        var address = address(path)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        return result == 0
    }

    /// `$XDG_RUNTIME_DIR/attune.sock`, else `/run/attune/attune.sock` (systemd's RuntimeDirectory).
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let runtime = environment["XDG_RUNTIME_DIR"], !runtime.isEmpty { return runtime + "/attune.sock" }
        return "/run/attune/attune.sock"
    }
}
