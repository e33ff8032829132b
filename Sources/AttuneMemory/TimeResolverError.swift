/// Errors from configuring the time resolver; each message says what to do next.
public enum TimeResolverError: Error, Equatable, CustomStringConvertible {
    case unknownTimeZone(String)

    public var description: String {
        switch self {
        case .unknownTimeZone(let name):
            "unknown time zone '\(name)'; give an IANA name such as Europe/London or UTC (the names under /usr/share/zoneinfo)"
        }
    }
}
