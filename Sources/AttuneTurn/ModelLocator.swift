import Foundation

/// Where Attune's bundled models are: `$ATTUNE_MODELS`, else `models/` beside the executable
/// (installed layout), else `models/` in the source tree the binary was built from.
public enum ModelLocator {
    public static func path(of name: String) -> String {
        if let directory = ProcessInfo.processInfo.environment["ATTUNE_MODELS"] {
            return (directory as NSString).appendingPathComponent(name)
        }
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        var candidates = [executable.appendingPathComponent("models")]
        // .build/<config>/attune → repository root
        var directory = executable
        for _ in 0..<4 {
            directory = directory.deletingLastPathComponent()
            candidates.append(directory.appendingPathComponent("models"))
        }
        candidates.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("models"))
        for candidate in candidates {
            let path = candidate.appendingPathComponent(name).path
            if FileManager.default.fileExists(atPath: path) { return path }
        }
        return candidates.last!.appendingPathComponent(name).path
    }
}
