import Crypto
import Foundation

/// The list of model files and their SHA-256 digests, `models/SHA256SUMS` in the format `sha256sum`
/// writes and checks (`<64 hex digits>  <file name>` per line), so a person can check an install with
/// `sha256sum -c SHA256SUMS` and `attune doctor` checks the same list. The digests are those in
/// models/MODELS.md, where each file's source and licence are given.
public struct ModelManifest: Sendable, Equatable {
    public static let fileName = "SHA256SUMS"

    public struct Entry: Sendable, Equatable {
        public var name: String
        /// Lowercase hexadecimal.
        public var sha256: String
    }

    /// What checking one file found.
    public enum FileState: Sendable, Equatable {
        case valid
        case missing
        case digestMismatch(found: String)
    }

    public var entries: [Entry]

    /// Parses the manifest's text, naming the line of the first bad entry.
    public init(text: String, path: String) throws(ModelManifestError) {
        var entries: [Entry] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.allSatisfy(\.isWhitespace) { continue }
            let digest = line.prefix(64)
            let rest = line.dropFirst(64)
            // `sha256sum` writes two spaces, or a space and `*` for binary mode.
            guard digest.count == 64, digest.allSatisfy(\.isHexDigit), rest.hasPrefix(" ") else {
                throw ModelManifestError(path: path, line: index + 1, reason: "not '<64 hex digits>  <file name>'")
            }
            var name = rest.dropFirst()
            if name.first == " " || name.first == "*" { name = name.dropFirst() }
            guard !name.isEmpty, !name.contains("/") else {
                throw ModelManifestError(path: path, line: index + 1, reason: "the file name must be a plain name in the models directory")
            }
            entries.append(Entry(name: String(name), sha256: digest.lowercased()))
        }
        guard !entries.isEmpty else { throw ModelManifestError(path: path, line: 0, reason: "lists no model files") }
        self.entries = entries
    }

    /// Reads `SHA256SUMS` from `directory`.
    public init(directory: String) throws(ModelManifestError) {
        let path = (directory as NSString).appendingPathComponent(Self.fileName)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ModelManifestError(path: path, line: 0, reason: "cannot be read")
        }
        try self.init(text: String(decoding: data, as: UTF8.self), path: path)
    }

    /// Checks every listed file in `directory`: present, and its SHA-256 the listed one.
    public func check(directory: String) -> [(entry: Entry, state: FileState)] {
        entries.map { entry in
            let path = (directory as NSString).appendingPathComponent(entry.name)
            guard let digest = Self.sha256(ofFileAt: path) else { return (entry, .missing) }
            return (entry, digest == entry.sha256 ? .valid : .digestMismatch(found: digest))
        }
    }

    /// The file's SHA-256 in lowercase hex, read 1 MiB at a time; nil when it cannot be read.
    public static func sha256(ofFileAt path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var hasher = SHA256()
        do {
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
        } catch {
            return nil
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}

public struct ModelManifestError: Error, Equatable, CustomStringConvertible {
    public var path: String
    /// 0 when the error is about the whole file.
    public var line: Int
    public var reason: String
    public var description: String { line > 0 ? "\(path):\(line): \(reason)" : "\(path) \(reason)" }
}
