import AttuneStore
import Foundation

/// The line loop of `attune tokenize` and `attune embed`: one text per line on standard input, one
/// JSON value per line on standard output, in order and flushed per line (a host can send a line and
/// wait for its answer), in bounded memory. A line that is not valid UTF-8 or is longer than 1 MiB
/// gives `null` and an error on standard error naming it (`Error: line N …`, as every command reports
/// a bad input line); the function returns whether any did.
enum TextLinesOutput {
    static func run(_ answer: (String) throws -> String) throws -> Bool {
        var reader = JSONLineReader(fileDescriptor: STDIN_FILENO)
        var failed = false
        func emit(_ text: String) {
            FileHandle.standardOutput.write(Data((text + "\n").utf8))
        }
        while true {
            let line: (number: Int, bytes: Data)
            do {
                guard let next = try reader.nextIncludingBlank() else { break }
                line = next
            } catch let StoreError.badLine(number, reason) {
                failed = true
                FileHandle.standardError.write(Data("Error: \(StoreError.badLine(line: number, reason: reason))\n".utf8))
                emit("null")
                continue
            }
            guard let text = String(data: line.bytes, encoding: .utf8) else {
                failed = true
                FileHandle.standardError.write(Data("Error: line \(line.number) is not valid UTF-8\n".utf8))
                emit("null")
                continue
            }
            emit(try answer(text))
        }
        return failed
    }
}
