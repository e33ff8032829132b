@testable import AttuneStore
import Foundation
import Testing

/// An export file is owner-only and whole: never an old file's mode, never a half-written file, and
/// never over an existing file unless replacing was asked for.
@Suite struct PrivateFileWriterTests {
    static func mode(_ path: String) -> mode_t? {
        var status = stat()
        return stat(path, &status) == 0 ? status.st_mode & 0o7777 : nil
    }

    @Test func refusesAnExistingFileAndLeavesItAsItWas() throws {
        let sandbox = StoreSandbox()
        defer { sandbox.remove() }
        let target = sandbox.directory + "/notes.jsonl"
        #expect(FileManager.default.createFile(atPath: target, contents: Data("mine\n".utf8), attributes: [.posixPermissions: 0o644]))
        #expect(throws: StoreError.outputExists(path: target)) { try PrivateFileWriter.create(path: target, replacing: false) }
        // A dangling symbolic link takes the name too.
        let link = sandbox.directory + "/dangling.jsonl"
        #expect(symlink(sandbox.directory + "/nowhere", link) == 0)
        #expect(throws: StoreError.outputExists(path: link)) { try PrivateFileWriter.create(path: link, replacing: false) }
        #expect(FileManager.default.contents(atPath: target) == Data("mine\n".utf8) && Self.mode(target) == 0o644)
    }

    @Test func replacingGivesAnOwnerOnlyFileWhateverTheOldMode() throws {
        let sandbox = StoreSandbox()
        defer { sandbox.remove() }
        let target = sandbox.directory + "/export.jsonl"
        #expect(FileManager.default.createFile(atPath: target, contents: Data("old\n".utf8), attributes: [.posixPermissions: 0o644]))
        let writer = try PrivateFileWriter.create(path: target, replacing: true)
        // Until commit the old file is intact: a failed export leaves it as it was.
        try writer.write(Data(String(repeating: "new line\n", count: 20_000).utf8))
        #expect(FileManager.default.contents(atPath: target) == Data("old\n".utf8))
        try writer.commit()
        #expect(Self.mode(target) == 0o600)
        #expect(FileManager.default.contents(atPath: target)?.count == 9 * 20_000)
        #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.directory).filter { $0.hasSuffix(".partial") }.isEmpty)
    }

    @Test func anUncommittedWriterLeavesNothing() throws {
        let sandbox = StoreSandbox()
        defer { sandbox.remove() }
        let target = sandbox.directory + "/abandoned.jsonl"
        do {
            let writer = try PrivateFileWriter.create(path: target, replacing: false)
            try writer.write(Data("half of an export\n".utf8))
        }
        #expect(!FileManager.default.fileExists(atPath: target))
        #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.directory).filter { $0.hasSuffix(".partial") }.isEmpty)
    }

    @Test func aFileThatAppearsDuringTheExportIsNotOverwritten() throws {
        let sandbox = StoreSandbox()
        defer { sandbox.remove() }
        let target = sandbox.directory + "/raced.jsonl"
        let writer = try PrivateFileWriter.create(path: target, replacing: false)
        try writer.write(Data("export\n".utf8))
        #expect(FileManager.default.createFile(atPath: target, contents: Data("someone else's\n".utf8)))
        #expect(throws: StoreError.outputExists(path: target)) { try writer.commit() }
        #expect(FileManager.default.contents(atPath: target) == Data("someone else's\n".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.directory).filter { $0.hasSuffix(".partial") }.isEmpty)
    }
}
