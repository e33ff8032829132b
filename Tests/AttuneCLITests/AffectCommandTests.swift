import Foundation
import Testing

/// `attune affect` end to end: the JSON a host reads, one object per line with -, and bad input.
@Suite struct AffectCommandTests {
    @Test func printsTheDocumentedJSON() throws {
        let result = try AttuneBinary.run(["affect", "I love this!", "--json"])
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as! [String: Any]
        #expect(Set(object.keys) == ["compound", "pos", "neu", "neg", "arousal", "distress", "distressCues", "words"])
        #expect(object["compound"] as? Double == 0.6696)  // vaderSentiment 3.3.2 gives 0.6696
        #expect(object["distress"] as? Bool == false)
        let words = object["words"] as! [[String: Any]]
        #expect(words.count == 1 && words[0]["word"] as? String == "love" && words[0]["valence"] as? Double == 3.2)
    }

    @Test func readsLinesWithDashAndNamesBadOnes() throws {
        var input = Data("I can't go on\n\n".utf8)
        input.append(contentsOf: [0xC3, 0x28, 0x0A])
        let result = try AttuneBinary.run(["affect", "-"], standardInput: input)
        #expect(result.status == 1)
        let lines = result.standardOutput.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4 && lines[3].isEmpty)
        #expect(lines[0].contains("\"distress\":true") && lines[1].contains("\"compound\":0") && lines[2] == "null")
        #expect(result.standardError == "Error: line 3 is not valid UTF-8\n")
        let table = try AttuneBinary.run(["affect", "I can't take it anymore"])
        #expect(table.standardOutput.contains("distress") && table.standardOutput.contains("point to human help"))
    }
}
