import Foundation

/// Where Attune's bundled models are, the first of:
/// 1. `$ATTUNE_MODELS`;
/// 2. `../share/attune/models` beside the executable (the installed layout: `<prefix>/bin/attune`
///    and `<prefix>/share/attune/models`, what `cross/install.sh` writes);
/// 3. `models/` beside the executable, or in one of the four directories above it (a build tree:
///    `.build/<config>/attune` → the repository's `models/`);
/// 4. `models/` in the source tree the binary was compiled from.
///
/// The choice is made per directory, not per file: once an installed models directory exists, a
/// file missing from it is missing (and `attune doctor` says so), never quietly taken from a source
/// tree that happens to be on the same machine.
public enum ModelLocator {
    public static func path(of name: String) -> String {
        (directory() as NSString).appendingPathComponent(name)
    }

    /// The models directory in use (see the type's order).
    public static func directory() -> String {
        if let directory = ProcessInfo.processInfo.environment["ATTUNE_MODELS"] { return directory }
        let candidates = candidateDirectories(executable: URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath())
        var isDirectory: ObjCBool = false
        return candidates.first { FileManager.default.fileExists(atPath: $0, isDirectory: &isDirectory) && isDirectory.boolValue }
            ?? candidates.last!
    }

    /// The directories searched for an executable at `executable`, in order; the last is the source tree's.
    public static func candidateDirectories(executable: URL) -> [String] {
        let bin = executable.deletingLastPathComponent()
        var candidates = [bin.deletingLastPathComponent().appendingPathComponent("share/attune/models").standardizedFileURL.path,
                          bin.appendingPathComponent("models").path]
        var directory = bin
        for _ in 0..<4 {
            directory = directory.deletingLastPathComponent()
            candidates.append(directory.appendingPathComponent("models").path)
        }
        candidates.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("models").path)
        return candidates
    }
}
