import AttuneTestFixtures
import Foundation

/// One hand-written table of `Tests/Data/rapport/`: JSON lines, each decoded as `Row`, kept with its
/// line number so a failing case names the file and line.
struct RapportTable<Row: Decodable> {
    struct Line {
        let number: Int
        let row: Row
        /// "risk-cases.jsonl:12: I cut myself again last night"
        func label(_ file: String, _ text: String) -> String { "\(file):\(number): \(text)" }
    }

    let file: String
    let lines: [Line]

    init(_ file: String) throws {
        self.file = file
        let data = try TestFixture.data("Tests/Data/rapport/\(file)")
        guard let text = String(data: data, encoding: .utf8) else { throw TableError(file: file, line: 0, message: "not UTF-8") }
        var lines: [Line] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            do {
                lines.append(Line(number: index + 1, row: try JSONDecoder().decode(Row.self, from: Data(trimmed.utf8))))
            } catch {
                throw TableError(file: file, line: index + 1, message: "\(error)")
            }
        }
        self.lines = lines
    }
}

struct TableError: Error, CustomStringConvertible {
    let file: String
    let line: Int
    let message: String
    var description: String { "\(file):\(line): \(message)" }
}

/// 2026-03-06T18:00:00Z, a Friday evening: the time the tables' turns are read at unless a row says.
let tableTimeMs: Int64 = 1_772_820_000_000
