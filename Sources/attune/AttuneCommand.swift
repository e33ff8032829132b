import ArgumentParser
import AttuneRuntime

/// The `attune` command line. One `AsyncParsableCommand` per verb; each lives in `Commands/`.
@main
struct AttuneCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attune",
        abstract: "On-device rapport runtime: listens, hears how things are said, remembers, explains.",
        discussion: """
            Attune runs next to a voice or chat assistant on a Raspberry Pi class board. Everything \
            stays on the device.

            Start with `attune doctor` to check the machine, `attune devices` to list microphones, \
            `attune record --device default --seconds 5 hello.wav` to hear one, and \
            `attune analyze hello.wav` to see how it was said. `attune affect "TEXT"` and \
            `attune embed` read text; `attune store init --db memory.db` starts the encrypted memory.
            """,
        version: AttuneVersion.string,
        subcommands: [
            DoctorCommand.self,
            DevicesCommand.self,
            RecordCommand.self,
            AnalyzeCommand.self,
            TurnsCommand.self,
            ListenCommand.self,
            TokenizeCommand.self,
            EmbedCommand.self,
            AffectCommand.self,
            StoreCommand.self,
            BenchCommand.self,
        ]
    )
}
