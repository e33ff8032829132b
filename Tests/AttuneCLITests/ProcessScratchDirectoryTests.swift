import AttuneTestFixtures
import Foundation
import Testing

/// Test scratch space does not pile up in $TMPDIR: a process killed by a signal never runs its exit
/// handler, so the next test process removes the directories of processes that no longer exist.
@Suite struct ProcessScratchDirectoryTests {
    @Test func directoriesOfDeadProcessesAreRemovedAndLiveOnesKept() throws {
        let name = "scratch-probe-\(UUID().uuidString.prefix(8))"
        let parent = FileManager.default.temporaryDirectory
        // A pid that existed and has exited: a child that ran `true`.
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/bin/true")
        try child.run()
        child.waitUntilExit()
        let dead = parent.appendingPathComponent("attune-\(name)-\(child.processIdentifier)")
        let live = parent.appendingPathComponent("attune-\(name)-1")   // init is always running
        for directory in [dead, live] {
            try FileManager.default.createDirectory(at: directory.appendingPathComponent("left"), withIntermediateDirectories: true)
        }
        defer { try? FileManager.default.removeItem(at: live) }
        let mine = ProcessScratchDirectory.make(name: name)
        #expect(mine.lastPathComponent == "attune-\(name)-\(getpid())")
        #expect(!FileManager.default.fileExists(atPath: dead.path), "the dead process's directory is still there")
        #expect(FileManager.default.fileExists(atPath: live.path), "a running process's directory was removed")
    }
}
