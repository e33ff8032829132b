import ArgumentParser
import AttuneStore
import AttuneText
import AttuneTurn
import Foundation

struct TokenizeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokenize",
        abstract: "Turn text into all-MiniLM-L6-v2 token ids, one text per line, exactly as Hugging Face tokenizers does.",
        discussion: """
            Reads one text per line on standard input and writes one JSON array per line on standard \
            output, in order: the ids, [CLS] (101) first and [SEP] (102) last, at most 256 in all (the \
            model's max_seq_length). An empty line gives [101,102]. A line that is not valid UTF-8, or \
            longer than 1 MiB, gives null, an error on standard error naming the line, and exit status \
            1 at the end; the other lines are still tokenized. Memory stays bounded however long the \
            input is.

            Examples:
              echo "I can't believe it's 5:30 already!" | attune tokenize
              attune tokenize --tokens < sentences.txt
            """)

    @Flag(help: "Print the tokens (\"hello\", \"##ing\") instead of their ids.")
    var tokens = false

    @Option(help: "Most ids per text, [CLS] and [SEP] included.")
    var maxLength = WordPieceTokenizer.defaultMaximumLength

    func run() async throws {
        guard maxLength >= 2 else { throw ValidationError("--max-length must be at least 2") }
        let modelsDirectory = (ModelLocator.path(of: "minilm-l6-v2-vocab.txt") as NSString).deletingLastPathComponent
        let tokenizer = try WordPieceTokenizer(modelsDirectory: modelsDirectory, maximumLength: maxLength)
        var reader = JSONLineReader(fileDescriptor: STDIN_FILENO)
        var output = Data()
        var failed = false
        let flush = { (output: inout Data) in
            FileHandle.standardOutput.write(output)
            output.removeAll(keepingCapacity: true)
        }
        while true {
            let line: (number: Int, bytes: Data)
            do {
                guard let next = try reader.nextIncludingBlank() else { break }
                line = next
            } catch let StoreError.badLine(number, reason) {
                failed = true
                FileHandle.standardError.write(Data("line \(number) \(reason)\n".utf8))
                output.append(Data("null\n".utf8))
                flush(&output)
                continue
            }
            guard let text = String(data: line.bytes, encoding: .utf8) else {
                failed = true
                FileHandle.standardError.write(Data("line \(line.number) is not valid UTF-8\n".utf8))
                output.append(Data("null\n".utf8))
                flush(&output)
                continue
            }
            let ids = tokenizer.encode(text)
            if tokens {
                let encoded = try JSONSerialization.data(withJSONObject: tokenizer.tokens(of: ids), options: [.withoutEscapingSlashes])
                output.append(encoded)
            } else {
                output.append(Data(("[" + ids.map(String.init).joined(separator: ",") + "]").utf8))
            }
            output.append(0x0A)
            // One write per line: a host that sends a line and waits for its ids must get them now.
            flush(&output)
        }
        flush(&output)
        if failed { throw ExitCode(1) }
    }
}
