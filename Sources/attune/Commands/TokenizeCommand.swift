import ArgumentParser
import AttuneRuntime
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

    func validate() throws {
        guard maxLength >= 2 else { throw ValidationError("--max-length must be at least 2") }
    }

    func run() async throws {
        let tokenizer = try CommandResources.loadTokenizer(maximumLength: maxLength)
        let failed = try TextLinesOutput.run { text in
            let ids = tokenizer.encode(text)
            if tokens {
                return String(decoding: try JSONSerialization.data(withJSONObject: tokenizer.tokens(of: ids), options: [.withoutEscapingSlashes]), as: UTF8.self)
            }
            return "[" + ids.map(String.init).joined(separator: ",") + "]"
        }
        if failed { throw ExitCode(1) }
    }
}
