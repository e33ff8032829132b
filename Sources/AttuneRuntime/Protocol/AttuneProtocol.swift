/// The constants of Attune's local protocol: JSON objects, one per line, each with a `"type"`.
/// docs/PROTOCOL.md describes every message; docs/protocol/ holds a JSON Schema for each.
public enum AttuneProtocol {
    /// The version this build speaks. A host names the versions it speaks in `hello`; Attune answers
    /// with the highest both know, or an `error` when there is none.
    public static let version = 1
    /// Every version this build can speak, oldest first.
    public static let supportedVersions = [1]
    /// The longest line Attune reads (the newline not counted). A longer line is answered with an
    /// `error` naming its number and skipped as it streams past, never held whole in memory.
    public static let maximumLineBytes = 1 << 20
}
