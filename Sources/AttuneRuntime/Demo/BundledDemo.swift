import AttuneTurn
import Foundation

/// The bundled recording and its partial transcripts (`Tests/Data/turn/turns-015.*`, made with
/// espeak-ng by tools/turn/make_eval_set.py), which `attune profile` runs when given no input. An
/// install keeps them in `share/attune/demo/` beside its models (`cross/install.sh`), so a device
/// with no clone can be profiled too.
public enum BundledDemo {
    public static let recordingName = "turns-015.wav"
    public static let transcriptName = "turns-015.transcript.jsonl"

    /// `demo/<name>` beside the models directory in use (an install), `Tests/Data/turn/<name>` beside
    /// it (the source tree), else the same under the current directory.
    public static func path(of name: String) -> String {
        let parent = URL(fileURLWithPath: ModelLocator.directory()).deletingLastPathComponent()
        let candidates = [parent.appendingPathComponent("demo/\(name)").path,
                          parent.appendingPathComponent("Tests/Data/turn/\(name)").path,
                          "Tests/Data/turn/\(name)"]
        return candidates.first { FileManager.default.fileExists(atPath: $0) } ?? candidates.last!
    }

    public static var recordingPath: String { path(of: recordingName) }
    public static var transcriptPath: String { path(of: transcriptName) }
}
