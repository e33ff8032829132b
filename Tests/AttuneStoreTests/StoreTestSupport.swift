@testable import AttuneStore
import Foundation
import Testing

/// A fresh directory per test, and a key file in it with mode 0600.
struct StoreSandbox {
    let directory: String
    let keyFile: String
    var store: String { directory + "/memory.db" }
    var key: StoreKeySource { .keyFile(path: keyFile) }

    init(directory: String, keyFile: String) {
        self.directory = directory
        self.keyFile = keyFile
    }

    init() {
        directory = NSTemporaryDirectory() + "attune-store-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        keyFile = directory + "/store.keyfile"
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        #expect(FileManager.default.createFile(atPath: keyFile, contents: Data(bytes), attributes: [.posixPermissions: 0o600]))
    }

    func remove() { try? FileManager.default.removeItem(atPath: directory) }

    /// Every file in the directory except the raw key file, as bytes.
    func storeFiles() -> [(name: String, bytes: [UInt8])] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0 != "store.keyfile" }.sorted().map { ($0, [UInt8](FileManager.default.contents(atPath: directory + "/" + $0) ?? Data())) }
    }

    static func item(_ text: String, kind: MemoryKind = .utterance, timeMs: Int64 = 1_795_860_000_000, session: String? = "s1") -> MemoryItem {
        MemoryItem(kind: kind, text: text, timeMs: timeMs, speaker: "ana", session: session, tags: ["test"])
    }

    /// Overwrites bytes of a file in place.
    static func patch(_ path: String, at offset: Int, with bytes: [UInt8]) {
        let handle = FileHandle(forUpdatingAtPath: path)!
        try! handle.seek(toOffset: UInt64(offset))
        handle.write(Data(bytes))
        try! handle.close()
    }

    static func read(_ path: String, at offset: Int, count: Int) -> [UInt8] {
        let handle = FileHandle(forReadingAtPath: path)!
        try! handle.seek(toOffset: UInt64(offset))
        let data = handle.readData(ofLength: count)
        try! handle.close()
        return [UInt8](data)
    }
}

extension Array where Element == UInt8 {
    func contains(bytes needle: [UInt8]) -> Bool {
        Data(self).range(of: Data(needle)) != nil
    }
}
