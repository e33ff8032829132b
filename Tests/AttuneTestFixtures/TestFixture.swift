import Foundation

/// The files the tests read, all inside this repository (`Tests/Data/`, `models/`): a fresh clone has
/// everything the suite needs. A missing one is a thrown `MissingTestFixture` that fails the tests
/// using it, with the file named and how to get it back, so the rest of the run still goes on.
public enum TestFixture {
    /// The repository root: three levels above this file (Tests/AttuneTestFixtures/TestFixture.swift).
    public static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The CMU ARCTIC recordings (16 kHz mono 16-bit), licence in Tests/Data/speech/LICENSE.
    public static let speechDirectory = "Tests/Data/speech"

    /// The absolute path of `relativePath` (from the repository root), after checking it exists.
    public static func path(_ relativePath: String) throws -> String {
        let path = repositoryRoot.appendingPathComponent(relativePath).path
        guard FileManager.default.fileExists(atPath: path) else {
            throw MissingTestFixture(relativePath: relativePath, absolutePath: path)
        }
        return path
    }

    public static func url(_ relativePath: String) throws -> URL { URL(fileURLWithPath: try path(relativePath)) }

    /// The contents of `relativePath`.
    public static func data(_ relativePath: String) throws -> Data {
        try Data(contentsOf: url(relativePath))
    }

    /// `relativePath` decoded as JSON.
    public static func decode<T: Decodable>(_ type: T.Type, from relativePath: String) throws -> T {
        try JSONDecoder().decode(type, from: data(relativePath))
    }

    /// One of the ARCTIC recordings, by file name (`arctic_a0007.wav`).
    public static func speech(_ fileName: String) throws -> String { try path("\(speechDirectory)/\(fileName)") }
}

/// A test fixture that is not where the tests expect it.
public struct MissingTestFixture: Error, CustomStringConvertible {
    public let relativePath: String
    public let absolutePath: String

    public var description: String {
        "missing test fixture \(relativePath) (looked for \(absolutePath)); it is committed to the repository: "
            + "restore it with `git checkout -- \(relativePath)`, or \(regenerationHint)"
    }

    /// Where the file comes from, so the message says what to run.
    private var regenerationHint: String {
        let generators: [(prefix: String, script: String)] = [
            ("Tests/Data/speech/", "copy it unchanged from CMU ARCTIC (Tests/Data/speech/LICENSE names the source)"),
            ("models/", "rebuild it as models/MODELS.md describes"),
            ("Tests/Data/prosody/", "tools/prosody/make_reference.py"),
            ("Tests/Data/vad/", "tools/convert_silero_vad.py"),
            ("Tests/Data/turn/model-reference", "tools/turn/make_model_reference.py"),
            ("Tests/Data/turn/", "tools/turn/make_eval_set.py"),
            ("Tests/Data/text/tokenizer", "tools/text/make_tokenizer_reference.py"),
            ("Tests/Data/text/vader", "tools/text/make_vader_reference.py"),
            ("Tests/Data/text/embedding-onnxruntime", "tools/text/make_onnxruntime_embedding_reference.py"),
            ("Tests/Data/text/embedding", "tools/text/make_embedding_reference.py"),
        ]
        guard let source = generators.first(where: { relativePath.hasPrefix($0.prefix) })?.script else {
            return "regenerate it with the script under tools/ whose header names it"
        }
        return source.hasPrefix("tools/") ? "regenerate it with \(source)" : source
    }
}

/// A value loaded once per test process from fixtures; a failure is kept and rethrown to every test
/// that asks, instead of crashing the process the way a `try!` in a `static let` would.
public final class LoadedOnce<Value: Sendable>: Sendable {
    private let result: Result<Value, any Error>
    public init(_ load: () throws -> Value) { result = Result { try load() } }
    public func get() throws -> Value { try result.get() }
}
