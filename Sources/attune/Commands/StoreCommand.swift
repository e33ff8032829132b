import ArgumentParser

struct StoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "The encrypted memory store: create, fill, read back, check, rekey, forget and erase.",
        discussion: """
            A store is one SQLite database whose every page is sealed with ChaCha20-Poly1305, plus a \
            key envelope beside it (STORE.key) holding the data key sealed under your passphrase or \
            key file. Nothing in it is readable without that key; nothing in it leaves the device. \
            Threat model and what is and is not protected: docs/SECURITY.md.

            The key comes from --key-file, --passphrase-file, the ATTUNE_PASSPHRASE environment \
            variable, or a prompt when there is a terminal; without any of them the command fails \
            at once.

            Examples:
              head -c 32 /dev/urandom > store.keyfile && chmod 600 store.keyfile
              attune store init --db memory.db --key-file store.keyfile
              attune store import notes.jsonl --db memory.db --key-file store.keyfile
              attune store stats --db memory.db --key-file store.keyfile
              attune store forget --db memory.db --key-file store.keyfile \\
                --match "my address"
              attune store export --db memory.db --key-file store.keyfile > everything.jsonl
            """,
        subcommands: [
            StoreInitCommand.self, StoreImportCommand.self, StoreAppendCommand.self, StoreExportCommand.self,
            StoreVerifyCommand.self, StoreRekeyCommand.self, StoreForgetCommand.self, StoreEraseCommand.self,
            StoreStatsCommand.self,
        ])
}
