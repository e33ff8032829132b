import AttuneTestFixtures
import Foundation
import Testing
@testable import AttuneRuntime

/// models/SHA256SUMS: the list `attune doctor` and `cross/install.sh` check the models against.
@Suite struct ModelManifestTests {
    static let models = TestFixture.repositoryRoot.appendingPathComponent("models").path

    @Test func theRepositoryModelsMatchTheirManifestAndEveryModelIsListed() throws {
        let manifest = try ModelManifest(directory: Self.models)
        for (entry, state) in manifest.check(directory: Self.models) {
            #expect(state == .valid, "\(entry.name): \(state) (refit or reconverted? update models/SHA256SUMS and models/MODELS.md)")
        }
        // Every file in models/ but the documents and licences is a model the manifest must name.
        let listed = Set(manifest.entries.map(\.name))
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.models)
            .filter { !$0.hasSuffix(".md") && !$0.contains("LICENSE") && $0 != ModelManifest.fileName }
        #expect(Set(files) == listed, "models/ and models/SHA256SUMS disagree")
        #expect(listed.isSuperset(of: ["silero-vad-16k.bin", "end-of-turn.json", "minilm-l6-v2-int8.bin", "minilm-l6-v2-vocab.txt"]))
    }

    @Test func aChangedOrMissingFileIsFoundAndNamed() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("attune-manifest-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Data("abc".utf8).write(to: URL(fileURLWithPath: directory + "/a.bin"))
        try Data("abd".utf8).write(to: URL(fileURLWithPath: directory + "/b.bin"))
        // sha256("abc"), the FIPS 180-2 example.
        let abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        let manifest = try ModelManifest(text: "\(abc)  a.bin\n\(abc) *b.bin\n\(abc)  c.bin\n", path: "SHA256SUMS")
        let states = manifest.check(directory: directory).map(\.state)
        #expect(states[0] == .valid)
        guard case .digestMismatch(let found) = states[1] else { Issue.record("b.bin: \(states[1])"); return }
        #expect(found == ModelManifest.sha256(ofFileAt: directory + "/b.bin") && found != abc)
        #expect(states[2] == .missing)
    }

    @Test func aMalformedManifestNamesItsLine() {
        let abc = String(repeating: "a", count: 64)
        #expect(throws: ModelManifestError(path: "m", line: 2, reason: "not '<64 hex digits>  <file name>'")) {
            try ModelManifest(text: "\(abc)  ok.bin\nnot a digest  x.bin\n", path: "m")
        }
        #expect(throws: ModelManifestError(path: "m", line: 1, reason: "the file name must be a plain name in the models directory")) {
            try ModelManifest(text: "\(abc)  ../../etc/passwd\n", path: "m")
        }
        #expect(throws: ModelManifestError.self) { try ModelManifest(text: "\n\n", path: "m") }
    }
}
