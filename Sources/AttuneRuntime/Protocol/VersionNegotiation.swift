/// The answer to a host's `hello`: the highest version both sides speak.
public enum VersionNegotiation {
    public static func agree(on offered: [Int]) throws(ProtocolError) -> Int {
        guard let version = offered.filter(AttuneProtocol.supportedVersions.contains).max() else {
            throw ProtocolError(.unsupportedVersion,
                                "no protocol version in common: the host speaks \(offered.map(String.init).joined(separator: ", ")), "
                                    + "this Attune speaks \(AttuneProtocol.supportedVersions.map(String.init).joined(separator: ", "))",
                                field: "versions")
        }
        return version
    }
}
