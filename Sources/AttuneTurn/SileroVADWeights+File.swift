import Foundation

/// Reading `models/silero-vad-16k.bin` from a path, and where Attune finds it (Foundation).
extension SileroVADWeights {
    /// Loads and validates the model file.
    /// - Throws: `TurnModelError` naming the file and what is wrong with it.
    public init(path: String) throws(TurnModelError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path)
        }
        let parsed = data.withUnsafeBytes { bytes in
            Result { () throws(TurnModelError) in try SileroVADWeights(bytes: bytes, path: path) }
        }
        self = try parsed.get()
    }

    /// models/silero-vad-16k.bin next to the executable's package, or under $ATTUNE_MODELS.
    public static func defaultPath() -> String {
        ModelLocator.path(of: defaultFileName)
    }
}
