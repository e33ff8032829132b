import AttuneTestFixtures
import Foundation
import Testing

/// packaging/attune.service as systemd reads it: `systemd-analyze verify` must pass without a
/// warning, with ExecStart pointed at the binary under test (verify checks that it is executable).
@Suite struct SystemdUnitTests {
    static let analyzer = "/usr/bin/systemd-analyze"

    static func unitText() throws -> String {
        try String(contentsOfFile: try TestFixture.path("packaging/attune.service"), encoding: .utf8)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: analyzer),
                   "systemd-analyze is not installed; tools/install-debian-packages.sh installs systemd"))
    func theUnitVerifiesWithoutAWarning() throws {
        let unit = try Self.unitText().replacingOccurrences(of: "ExecStart=/usr/bin/attune", with: "ExecStart=\(AttuneBinary.url.path)")
        let directory = try CLITestPaths.temporaryDirectory()
        let path = directory.appendingPathComponent("attune.service").path
        try unit.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try AttuneBinary.runProgram(Self.analyzer, ["verify", path])
        #expect(result.status == 0 && result.standardError.isEmpty, "\(result.standardError)")
        // A misspelt key is what verify reports: the check above would catch one.
        try (unit + "\n[Service]\nProtectSystm=strict\n").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try AttuneBinary.runProgram(Self.analyzer, ["verify", path]).standardError.contains("Unknown key"))
    }

    @Test func theUnitHasTheHardeningAndTheNotifyContract() throws {
        let keys = Set(try Self.unitText().split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init))
        for line in ["Type=notify", "WatchdogSec=10", "PrivateNetwork=yes", "ProtectSystem=strict", "ProtectHome=yes", "NoNewPrivileges=yes",
                     "StateDirectory=attune", "RuntimeDirectory=attune", "SupplementaryGroups=audio",
                     "LoadCredential=attune.key:/etc/attune/store.key", "RestrictAddressFamilies=AF_UNIX"] {
            #expect(keys.contains(line), "packaging/attune.service lacks \(line)")
        }
        #expect(keys.contains { $0.hasPrefix("ExecStart=/usr/bin/attune serve --config /etc/attune/attune.toml --socket /run/attune/attune.sock") })
        #expect(keys.contains("ExecReload=/bin/kill -HUP $MAINPID"))
    }
}
