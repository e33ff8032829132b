import Foundation

/// A child process that the test spawns (`posix_spawn`) and reaps (`waitpid`) itself, with its three
/// standard streams on connected sockets. Foundation's `Process` reaps its children on its own, so a test using it
/// cannot know whether the child was still alive when it sent a signal, nor tell its own SIGKILL from
/// a crash of the child. Here a child that has died stays a zombie until `wait()`, so its pid cannot be
/// reused and `killIfAlive()` signals exactly this child, only while it runs.
final class SpawnedChild {
    /// How the child ended, from its `waitpid` status.
    enum Termination: Equatable, CustomStringConvertible {
        case exited(Int32)
        case signalled(Int32)

        init(status: Int32) {
            // <sys/wait.h>'s WIFEXITED / WEXITSTATUS / WTERMSIG, which Swift does not import (macros).
            let signal = status & 0x7F
            self = signal == 0 ? .exited((status >> 8) & 0xFF) : .signalled(signal)
        }

        var description: String {
            switch self {
            case let .exited(code): "exit status \(code)"
            case let .signalled(signal): "signal \(signal) (\(String(cString: strsignal(signal))))"
            }
        }
    }

    struct SpawnError: Error, CustomStringConvertible {
        let description: String
    }

    let pid: pid_t
    /// The write end of the child's standard input.
    let standardInput: Int32
    /// The read ends of the child's standard output and standard error.
    let standardOutput: Int32
    let standardError: Int32
    private(set) var termination: Termination?
    /// Whether `killIfAlive()` sent SIGKILL (to a child that had not ended).
    private(set) var sentKill = false

    /// Starts `path` with `arguments`, in this process's environment with `environment` added.
    init(_ path: String, _ arguments: [String], environment: [String: String] = [:]) throws {
        // Connected sockets rather than pipes: `socketpair` takes SOCK_CLOEXEC atomically, which
        // Swift's Glibc module offers (its `pipe2` needs _GNU_SOURCE). Close-on-exec, so that children
        // other tests spawn at the same time do not inherit these ends and keep a stream open after
        // this child is gone.
        func makeConnectedPair() throws -> (read: Int32, write: Int32) {
            var ends: [Int32] = [0, 0]
            guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &ends) == 0 else {
                throw SpawnError(description: "socketpair: \(String(cString: strerror(errno)))")
            }
            return (ends[0], ends[1])
        }
        let input = try makeConnectedPair(), output = try makeConnectedPair(), error = try makeConnectedPair()
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input.read, STDIN_FILENO)
        posix_spawn_file_actions_adddup2(&actions, output.write, STDOUT_FILENO)
        posix_spawn_file_actions_adddup2(&actions, error.write, STDERR_FILENO)
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child: pid_t = 0
        let variables = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let envp: [UnsafeMutablePointer<CChar>?] = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        let rc = posix_spawn(&child, path, &actions, nil, argv, envp)
        for end in [input.read, output.write, error.write] { close(end) }
        guard rc == 0 else {
            for end in [input.write, output.read, error.read] { close(end) }
            throw SpawnError(description: "posix_spawn \(path): \(String(cString: strerror(rc)))")
        }
        pid = child
        standardInput = input.write
        standardOutput = output.read
        standardError = error.read
    }

    deinit {
        if termination == nil {
            kill(pid, SIGKILL)
            _ = wait()
        }
        for end in [standardInput, standardOutput, standardError] { close(end) }
    }

    /// Whether the child is still running (it has not ended, or it ended and `wait` has not seen it).
    var isAlive: Bool {
        guard termination == nil else { return false }
        var status: Int32 = 0
        guard waitpid(pid, &status, WNOHANG) == pid else { return true }
        termination = Termination(status: status)
        return false
    }

    /// Sends SIGKILL if the child has not ended; returns whether it did.
    @discardableResult
    func killIfAlive() -> Bool {
        guard isAlive else { return false }
        // Not reaped yet, so the pid is still this child's (a zombie at worst, which ignores it and
        // keeps its own status: a crash just before the kill is still reported as that crash).
        kill(pid, SIGKILL)
        sentKill = true
        return true
    }

    /// Waits for the child to end and reaps it.
    @discardableResult
    func wait() -> Termination {
        if let termination { return termination }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let ended = Termination(status: status)
        termination = ended
        return ended
    }

    /// Whether the child ended by the SIGKILL this object sent.
    var wasKilledByTest: Bool { sentKill && termination == .signalled(SIGKILL) }

    /// Ends the child's standard input (its reads then see the end) while `fd` stays open until
    /// `deinit` closes it, so no other thread can be handed the same number in between.
    static func endWriting(_ fd: Int32) {
        shutdown(fd, Int32(SHUT_WR))
    }

    /// Ends all three streams on this side, which wakes any thread blocked reading or writing them:
    /// for a child that has ended while a process it started still holds its streams.
    func releaseStreams() {
        for end in [standardInput, standardOutput, standardError] { shutdown(end, Int32(SHUT_RDWR)) }
    }

    /// Reads a descriptor to its end (the child's end closes when it dies).
    static func readToEnd(_ fd: Int32, eachChunk: (Data) -> Void = { _ in }) -> Data {
        var all = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            let chunk = Data(buffer[0..<count])
            all.append(chunk)
            eachChunk(chunk)
        }
        return all
    }
}
