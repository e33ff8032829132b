/// The version `attune --version` prints and `attune doctor` reports.
public enum AttuneVersion {
    public static let string = "0.1.0"
}
