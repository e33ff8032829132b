@testable import AttuneStore
import Foundation
import Testing

/// The rapport engine's per-person models (schema 6) are kept, replaced, exported after the items,
/// imported back, and a malformed model line refuses the whole import.
@Suite struct RapportModelStoreTests {
    @Test func modelsAreReplacedExportedAndImportedBack() throws {
        let sandbox = StoreSandbox()
        defer { sandbox.remove() }
        let store = try EncryptedStore.create(at: sandbox.store, key: sandbox.key)
        try store.add([StoreSandbox.item("I walk the dog every morning")])
        try store.putRapportModel(person: "ana", model: Data(#"{"person":"ana","version":1}"#.utf8), atMs: 1_795_860_000_000)
        try store.putRapportModel(person: "ana", model: Data(#"{"person":"ana","version":1,"paceBias":1}"#.utf8), atMs: 1_795_860_060_000)
        #expect(try store.rapportModels().count == 1)
        var lines: [String] = []
        #expect(try store.exportJSONLines { lines.append($0) } == 2)
        #expect(lines[1] == #"{"person":"ana","rapportModel":{"paceBias":1,"person":"ana","version":1},"updated":"2026-11-28T10:01:00Z"}"#, "\(lines)")
        try store.close()

        let copy = StoreSandbox()
        defer { copy.remove() }
        let restored = try EncryptedStore.create(at: copy.store, key: copy.key)
        defer { try? restored.close() }
        let (reader0, fd) = StoreLifecycleTests.reader(for: lines.joined(separator: "\n") + "\n")
        var reader = reader0
        defer { close(fd) }
        #expect(try restored.importJSONLines(&reader) == 1)
        let model = try #require(try restored.rapportModel(person: "ana"))
        #expect(String(decoding: model, as: UTF8.self).contains("\"paceBias\":1"))
        #expect(try restored.removeRapportModel(person: "ana") && (try restored.rapportModel(person: "ana")) == nil)
    }

    @Test func aMalformedModelLineRefusesTheImport() throws {
        let sandbox = StoreSandbox()
        defer { sandbox.remove() }
        let store = try EncryptedStore.create(at: sandbox.store, key: sandbox.key)
        defer { try? store.close() }
        let text = #"{"kind":"fact","text":"ok","time":"2026-11-22T10:00:00Z"}"# + "\n" + #"{"person":"ana","rapportModel":[1],"updated":"2026-11-22T10:00:00Z"}"# + "\n"
        let (reader0, fd) = StoreLifecycleTests.reader(for: text)
        var reader = reader0
        defer { close(fd) }
        #expect(throws: StoreError.importRefused(line: 2, reason: "has a \"rapportModel\" that is not a JSON object")) { try store.importJSONLines(&reader) }
        #expect(try store.stats().items == 0 && (try store.rapportModels()).isEmpty)
    }
}
