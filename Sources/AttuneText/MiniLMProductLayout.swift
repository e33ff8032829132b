/// How `MiniLMEmbedder` holds the encoder's int8 matrices and which product reads them. The model file
/// stores panels (`int8PanelMatrixMultiply`, the fastest product on x86-64); on AArch64 the embedder
/// unpacks them once at load into row-major matrices for `int8RowBlockMatrixMultiply`, which counts
/// fewer instructions on both Pi cores (a 3.7th of the panels' with a Pi 5's dot-product instructions,
/// 0.88 of them on a Pi 4: docs/BENCHMARKS.md). Both products compute the same int32 sums and the same scaling, so
/// the vectors are identical either way.
public enum MiniLMProductLayout: Sendable, Equatable {
    /// The file's panels, read in place.
    case panels
    /// Row-major copies made at load (10.6 MB for all-MiniLM-L6-v2), read by row blocks.
    case rowBlocks

    /// This build's choice: row blocks on AArch64, panels elsewhere.
    public static var preferred: MiniLMProductLayout {
        #if arch(arm64)
        return .rowBlocks
        #else
        return .panels
        #endif
    }
}
