import Foundation

/// A hand-checked table committed under Tests/Data/memory (time phrases, extraction cases): its
/// lines with their numbers, and the errors that name the file and the line.
struct MemoryTestTable {
    enum ReadError: Error, CustomStringConvertible {
        case missing(String)
        case malformed(file: String, line: Int, why: String)
        var description: String {
            switch self {
            case .missing(let path): "Error: \(path) is missing; it is committed with the tests, restore it with git checkout"
            case let .malformed(file, line, why): "Error: \(file) line \(line): \(why)"
            }
        }
    }

    let name: String
    let path: URL

    init(_ name: String) {
        self.name = name
        path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Data/memory/\(name)")
    }

    /// Every line with its 1-based number, blank lines and those starting with `comment` left out.
    func lines(comment: String) throws -> [(number: Int, text: Substring)] {
        guard let text = try? String(contentsOf: path, encoding: .utf8) else { throw ReadError.missing(path.path) }
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { offset, raw in
            raw.trimmingCharacters(in: .whitespaces).isEmpty || raw.hasPrefix(comment) ? nil : (offset + 1, raw)
        }
    }

    func malformed(_ line: Int, _ why: String) -> ReadError { .malformed(file: name, line: line, why: why) }
}
