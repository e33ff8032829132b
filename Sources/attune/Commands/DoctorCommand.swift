import ArgumentParser
import AttuneRuntime

struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check this machine for Attune: libraries, microphones, CPU, memory, data directory.",
        discussion: """
            Exits non-zero when a check fails (warnings do not fail). Run it after installing, and in \
            the ExecStartPre= of a systemd unit to refuse a start that cannot work.

            Examples:
              attune doctor
              attune doctor --memory-budget 64MB --data-dir /var/lib/attune
              attune doctor --json | jq '.checks[] | select(.status != "ok")'
            """)

    @OptionGroup var runtime: RuntimeOptions

    @Flag(help: "Print JSON for machines.")
    var json = false

    func run() async throws {
        let configuration = try runtime.resolve()
        let report = DoctorReport.run(configuration: configuration)
        if json {
            try JSONOutput.print(report, pretty: true)
        } else {
            var table = TextTable("CHECK", "STATUS", "DETAIL")
            for check in report.checks {
                table.add(check.name, check.status.rawValue.uppercased(), check.detail + (check.hint.map { " — \($0)" } ?? ""))
            }
            print(table.render())
        }
        if !report.passed { throw ExitCode(1) }
    }
}
