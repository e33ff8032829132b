import Foundation
import Testing

/// `attune tokenize` end to end: the ids of the reference texts (Hugging Face tokenizers), one array
/// per input line, and defined output for empty lines, invalid UTF-8 and binary input.
@Suite struct TokenizeCommandTests {
    struct Reference: Decodable {
        struct Text: Decodable { var text: String; var ids: [Int32] }
        var texts: [Text]
    }

    @Test func printsTheReferenceIdsLineByLine() throws {
        let data = try Data(contentsOf: CLITestPaths.repositoryRoot.appendingPathComponent("Tests/Data/text/tokenizer-reference.json"))
        // Texts without line breaks of their own, one per line.
        let texts = try JSONDecoder().decode(Reference.self, from: data).texts.filter { !$0.text.contains(where: \.isNewline) }
        #expect(texts.count >= 20)
        let input = texts.map(\.text).joined(separator: "\n") + "\n"
        let result = try AttuneBinary.run(["tokenize"], standardInput: Data(input.utf8))
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == texts.count)
        for (line, text) in zip(lines, texts) {
            #expect(try JSONDecoder().decode([Int32].self, from: Data(line.utf8)) == text.ids, "\(text.text.prefix(50))")
        }
    }

    @Test func emptyLinesInvalidUTF8AndBinaryInputHaveADefinedOutput() throws {
        var input = Data("hello world\n\n".utf8)
        input.append(contentsOf: [0xFF, 0xFE, 0x00, 0x41, 0x0A])           // invalid UTF-8
        input.append(contentsOf: [0x00, 0x01, 0x02, 0x41, 0x42, 0x0A])     // control bytes: valid UTF-8, cleaned away
        input.append(Data("no newline at the end".utf8))
        let result = try AttuneBinary.run(["tokenize"], standardInput: input)
        #expect(result.status == 1)
        #expect(result.standardOutput == "[101,7592,2088,102]\n[101,102]\nnull\n[101,11113,102]\n[101,2053,2047,4179,2012,1996,2203,102]\n")
        #expect(result.standardError == "Error: line 3 is not valid UTF-8\n")
        let tokens = try AttuneBinary.run(["tokenize", "--tokens"], standardInput: Data("unbelievable hiking".utf8))
        #expect(tokens.standardOutput == "[\"[CLS]\",\"unbelievable\",\"hiking\",\"[SEP]\"]\n")
    }
}
