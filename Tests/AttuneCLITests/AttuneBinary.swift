import AttuneTestFixtures
import Foundation

/// Runs the built `attune` executable (it sits next to the test bundle in the build directory).
enum AttuneBinary {
    static let url: URL = {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return executable.deletingLastPathComponent().appendingPathComponent("attune")
    }()

    struct Result {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    static func run(_ arguments: [String], environment: [String: String] = [:], unsetting: Set<String> = [], standardInput: Data? = nil) throws -> Result {
        try runProgram(url.path, arguments, environment: environment, unsetting: unsetting, standardInput: standardInput)
    }

    /// Runs any program the same way (used to wrap `attune` in `script` for a pseudo-terminal).
    /// `unsetting` names variables the child must not inherit at all (set-but-empty is not the same).
    static func runProgram(_ path: String, _ arguments: [String], environment: [String: String] = [:], unsetting: Set<String> = [], standardInput: Data? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }.filter { !unsetting.contains($0.key) }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let standardInput { input.fileHandleForWriting.write(standardInput) }
        try input.fileHandleForWriting.close()
        // Read both pipes concurrently so neither fills up and blocks the child.
        nonisolated(unsafe) var errorData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errorData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outputData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      standardOutput: String(decoding: outputData, as: UTF8.self),
                      standardError: String(decoding: errorData, as: UTF8.self))
    }
}

enum CLITestPaths {
    static let repositoryRoot = TestFixture.repositoryRoot
    /// The CMU ARCTIC recordings, committed in Tests/Data/speech (licence beside them).
    static let speech = repositoryRoot.appendingPathComponent(TestFixture.speechDirectory)

    /// A fresh directory under one per-process root, which is removed when the test process exits
    /// (or, if it crashes, by the next test process).
    static func temporaryDirectory() throws -> URL {
        let url = processRoot.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static let processRoot = ProcessScratchDirectory.make(name: "cli")
}
