import AttuneTestFixtures
import Foundation

/// Paths and helpers shared by the audio tests.
enum TestPaths {
    /// A CMU ARCTIC recording in Tests/Data/speech (16 kHz mono 16-bit); throws `MissingTestFixture`.
    static func speechFile(_ name: String) throws -> String { try TestFixture.speech(name) }

    /// A fresh directory under one per-process root, which is removed when the test process exits
    /// (or, if it crashes, by the next test process).
    static func temporaryDirectory() throws -> URL {
        let url = processRoot.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static let processRoot = ProcessScratchDirectory.make(name: "tests")

    /// Writes `bytes` into a pipe in pieces of `pieceSize` on another thread, as a live producer
    /// would, and hands `body` the read end (closed afterwards).
    static func throughPipe<T>(_ bytes: Data, pieceSize: Int, _ body: (Int32) throws -> T) throws -> T {
        let pipe = Pipe()
        let writer = pipe.fileHandleForWriting
        let thread = Thread {
            var offset = 0
            while offset < bytes.count {
                let end = min(offset + pieceSize, bytes.count)
                writer.write(bytes[offset..<end])
                offset = end
            }
            try? writer.close()
        }
        thread.start()
        defer { try? pipe.fileHandleForReading.close() }
        return try body(pipe.fileHandleForReading.fileDescriptor)
    }
}

/// Runs a program (sox, arecord) and fails loudly if it does not succeed.
@discardableResult
func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [executable] + arguments
    if let environment { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    let errors = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw ToolFailure(message: "\(executable) \(arguments.joined(separator: " ")) failed: \(String(decoding: errors, as: UTF8.self))")
    }
    return data
}

struct ToolFailure: Error, CustomStringConvertible { let message: String; var description: String { message } }

/// Reads a WAV's 16-bit samples directly (44-byte canonical header, as `WAVWriter` and sox write them).
func pcm16Samples(ofCanonicalWAV path: String) throws -> [Int16] {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    return data.dropFirst(44).withUnsafeBytes { Array($0.bindMemory(to: Int16.self)) }
}

func rms(_ x: ArraySlice<Float>) -> Double {
    guard !x.isEmpty else { return 0 }
    return (x.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(x.count)).squareRoot()
}

func decibels(_ ratio: Double) -> Double { 20 * log10(max(ratio, 1e-30)) }
