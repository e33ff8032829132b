import AttuneTestFixtures
import Foundation
import Testing

/// Everything the build, the tests, the tools and CI read is inside the clone: a user's clone has no
/// reference directory beside it, so a path that leaves the repository breaks `swift test` for them
/// while passing here. The two patterns are built from pieces so this file does not match itself.
@Suite struct RepositoryContainmentTests {
    static let forbidden = ["../" + "shared", "shared" + "/data"]
    static let scannedDirectories = ["Sources", "Tests", "tools", "cross", ".ci"]

    /// Every line, in every text file under the scanned directories, that names a forbidden path.
    static func references(in root: URL) throws -> [String] {
        var found: [String] = []
        for directory in scannedDirectories {
            let top = root.appendingPathComponent(directory)
            guard let walker = FileManager.default.enumerator(at: top, includingPropertiesForKeys: [.isRegularFileKey]) else { continue }
            for case let file as URL in walker {
                guard try file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
                // Audio and model weights are not text; a file that is not UTF-8 cannot hold a path we read.
                guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
                for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                where forbidden.contains(where: { line.contains($0) }) {
                    let relative = file.path.replacingOccurrences(of: root.path + "/", with: "")
                    found.append("\(relative):\(number + 1): \(line.prefix(120))")
                }
            }
        }
        return found
    }

    @Test func nothingReadsOutsideTheClone() throws {
        let found = try Self.references(in: TestFixture.repositoryRoot)
        #expect(found.isEmpty, "paths outside the repository (copy the file into Tests/Data/ with its licence): \(found)")
    }

    /// The scan itself finds such a line (in a scratch tree), so an empty result above means something.
    @Test func theScanFindsAReferenceWhenThereIsOne() throws {
        let root = try CLITestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let tools = root.appendingPathComponent("tools")
        try FileManager.default.createDirectory(at: tools, withIntermediateDirectories: true)
        let script = "clean line\nspeech=" + Self.forbidden[0] + "/x.wav\n"
        try script.write(to: tools.appendingPathComponent("bench.sh"), atomically: true, encoding: .utf8)
        #expect(try Self.references(in: root) == ["tools/bench.sh:2: speech=" + Self.forbidden[0] + "/x.wav"])
    }

    /// The recordings the tests use are committed, with the licence they are distributed under.
    @Test func speechFixturesAreCommittedWithTheirLicence() throws {
        for name in ["arctic_a0007.wav", "arctic_a0009.wav", "LICENSE"] {
            _ = try TestFixture.speech(name)
        }
        let licence = try String(contentsOf: TestFixture.url("\(TestFixture.speechDirectory)/LICENSE"), encoding: .utf8)
        #expect(licence.contains("Carnegie Mellon University"))
        #expect(licence.contains("Any modifications must be clearly marked as such"))
    }

    /// A missing fixture is a thrown error naming the file and how to get it back, not a crash.
    @Test func aMissingFixtureIsAnErrorThatSaysWhatToDo() {
        #expect(throws: MissingTestFixture.self) { try TestFixture.path("Tests/Data/speech/arctic_a9999.wav") }
        do {
            _ = try TestFixture.data("Tests/Data/vad/no-such-reference.json")
        } catch let error as MissingTestFixture {
            #expect(error.description.contains("Tests/Data/vad/no-such-reference.json"))
            #expect(error.description.contains("tools/convert_silero_vad.py"))
            #expect(!error.description.contains("\n"))
        } catch { Issue.record("unexpected error \(error)") }
    }
}
