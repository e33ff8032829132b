import Foundation

/// Runs a command on a pseudo-terminal (through `script`) and types each answer only once its
/// prompt has appeared, the way a person would; typing on a timer races the prompt and can let the
/// answer reach the terminal while echo is still on.
struct TerminalConversation {
    struct Transcript {
        /// Everything the terminal showed (script's copy of the pseudo-terminal's output).
        let output: String
        let status: Int32
        /// The prompts that appeared, in order.
        let promptsSeen: [String]
        /// Whether the deadline killed the command.
        let timedOut: Bool
    }

    let commandLine: String
    /// (prompt to wait for, line to type).
    let exchanges: [(prompt: String, answer: String)]
    var unsetting: Set<String> = []
    var seconds: Double = 60

    func run() throws -> Transcript {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", commandLine, "/dev/null"]
        process.environment = ProcessInfo.processInfo.environment.filter { !unsetting.contains($0.key) }
        let output = Pipe(), input = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = input
        try process.run()
        let deadline = ChildProcessDeadline(process, seconds: seconds)
        var shown = [UInt8]()
        var searchedFrom = 0
        var seen: [String] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        let fd = output.fileHandleForReading.fileDescriptor
        while true {
            let count = read(fd, &buffer, buffer.count)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            shown += buffer[0..<count]
            // Answer every prompt that has now appeared, in order.
            while seen.count < exchanges.count {
                let prompt = Array(exchanges[seen.count].prompt.utf8)
                guard let end = Self.find(prompt, in: shown, from: searchedFrom) else { break }
                searchedFrom = end
                input.fileHandleForWriting.write(Data((exchanges[seen.count].answer + "\n").utf8))
                seen.append(exchanges[seen.count].prompt)
            }
        }
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        deadline.finish()
        return Transcript(output: String(decoding: shown, as: UTF8.self), status: process.terminationStatus,
                          promptsSeen: seen, timedOut: deadline.passed)
    }

    /// The index just past the first occurrence of `needle` in `haystack` at or after `start`.
    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count - start >= needle.count else { return nil }
        for index in start...(haystack.count - needle.count) where haystack[index..<index + needle.count].elementsEqual(needle) {
            return index + needle.count
        }
        return nil
    }
}
