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

            Start here:
              attune doctor                                   # check the machine
              attune demo                                     # the service on a recording
              attune devices                                  # list microphones
              attune record --device default --seconds 5 hello.wav
              attune analyze hello.wav                        # how it was said
              attune affect "I miss my sister"                # how a text sounds
              echo "I walk the dog" | attune embed            # a sentence vector
              attune store init --db memory.db                # the encrypted memory
              attune serve --db memory.db --key-file store.key  # the service
            """,
        version: AttuneVersion.string,
        subcommands: [
            DoctorCommand.self,
            DevicesCommand.self,
            RecordCommand.self,
            AnalyzeCommand.self,
            TurnsCommand.self,
            ListenCommand.self,
            ServeCommand.self,
            DemoCommand.self,
            ProfileCommand.self,
            TokenizeCommand.self,
            EmbedCommand.self,
            AffectCommand.self,
            StoreCommand.self,
            MemoryCommand.self,
            ContextCommand.self,
            BenchCommand.self,
        ]
    )
}
