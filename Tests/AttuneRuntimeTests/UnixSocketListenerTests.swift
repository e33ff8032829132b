import AttuneTestFixtures
import Foundation
import Testing
@testable import AttuneRuntime

@Suite struct UnixSocketListenerTests {
    static let root = ProcessScratchDirectory.make(name: "listener")

    private func directory() throws -> String {
        // Short, as sun_path holds 107 bytes; removed when the test process exits.
        let path = Self.root.appendingPathComponent("\(UInt32.random(in: 0...UInt32.max))").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func theSocketIsOwnerOnlyAndRemovedOnClose() throws {
        let path = try directory() + "/a.sock"
        let listener = try UnixSocketListener(path: path)
        var status = stat()
        #expect(lstat(path, &status) == 0)
        #expect(status.st_mode & S_IFMT == S_IFSOCK && status.st_mode & 0o777 == 0o600)
        #expect(throws: ServiceError.socketInUse(path: path)) { try UnixSocketListener(path: path) }
        listener.close()
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func aStaleSocketIsReplacedAndAFileIsNot() throws {
        let base = try directory()
        // A socket file nobody listens on, as a SIGKILLed service leaves it.
        let stale = base + "/stale.sock"
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = UnixSocketListener.address(stale)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) } }
        close(fd)
        let replaced = try UnixSocketListener(path: stale)
        #expect(UnixSocketListener.someoneListens(at: stale))
        replaced.close()

        let file = base + "/notes.txt"
        FileManager.default.createFile(atPath: file, contents: Data("keep me".utf8))
        #expect(throws: ServiceError.socketPathNotASocket(path: file)) { try UnixSocketListener(path: file) }
        #expect(FileManager.default.contents(atPath: file) == Data("keep me".utf8))
        #expect(throws: ServiceError.socketPathTooLong(path: base + "/" + String(repeating: "x", count: 120), limit: 107)) {
            try UnixSocketListener(path: base + "/" + String(repeating: "x", count: 120))
        }
    }

    @Test func theDefaultPathFollowsXDGRuntimeDir() {
        #expect(UnixSocketListener.defaultPath(environment: ["XDG_RUNTIME_DIR": "/run/user/1000"]) == "/run/user/1000/attune.sock")
        #expect(UnixSocketListener.defaultPath(environment: [:]) == "/run/attune/attune.sock")
    }

    @Test func wyomingAddressesAreLoopbackOrUnix() throws {
        #expect(try WyomingAddress(parsing: "unix:///run/attune/wyoming.sock") == .unix(path: "/run/attune/wyoming.sock"))
        #expect(try WyomingAddress(parsing: "tcp://127.0.0.1:10700") == .tcpLoopback(port: 10700))
        #expect(throws: WyomingAddress.Problem.self) { try WyomingAddress(parsing: "tcp://192.168.1.5:10700") }
        #expect(throws: WyomingAddress.Problem.self) { try WyomingAddress(parsing: "tcp://127.0.0.1") }
        #expect(throws: WyomingAddress.Problem.self) { try WyomingAddress(parsing: "http://x") }
    }
}
