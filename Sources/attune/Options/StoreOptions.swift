import ArgumentParser
import AttuneStore
import Foundation

/// Which store, and how to unlock it. The key comes from, in order: `--key-file`,
/// `--passphrase-file`, `ATTUNE_PASSPHRASE`, or a prompt on the controlling terminal. Without any of
/// them and without a terminal, the command fails at once instead of waiting for input.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The store's database file. Default: memory.db in the data directory.", valueName: "path"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("File with the passphrase on its first line.", valueName: "path"))
    var passphraseFile: String?

    @Option(name: .long, help: ArgumentHelp("File of at least 32 random bytes, mode 0600, used instead of a passphrase.", valueName: "path"))
    var keyFile: String?

    @Option(name: .long, help: ArgumentHelp("WAL pages after which a commit also checkpoints into the database file.", valueName: "pages"))
    var checkpointPages: Int = 1000

    @OptionGroup var runtime: RuntimeOptions

    func validate() throws {
        guard checkpointPages > 0 else { throw ValidationError("--checkpoint-pages must be positive") }
        guard keyFile == nil || passphraseFile == nil else {
            throw ValidationError("give either a key file or a passphrase file, not both")
        }
    }

    var settings: StoreSettings {
        get throws { StoreSettings(checkpointPages: checkpointPages) }
    }

    /// The database path, creating the default data directory (mode 0700) when asked to.
    func databasePath(creatingDirectory: Bool = false) throws -> String {
        if let db { return db }
        let directory = try runtime.resolve().dataDirectory
        if creatingDirectory {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        return directory + "/memory.db"
    }

    /// Opens the store, runs `body`, and closes it. A failure to close (closing checkpoints the WAL
    /// and records the generation) is reported rather than swallowed; after a failure in `body` the
    /// store is still closed and the first error is the one reported.
    func withOpenStore<T>(_ body: (EncryptedStore) throws -> T) throws -> T {
        let opened = try EncryptedStore.open(at: try databasePath(), key: try key(), settings: try settings)
        let result: T
        do {
            result = try body(opened)
        } catch {
            try? opened.close()
            throw error
        }
        try opened.close()
        return result
    }

    func key(confirmingNew: Bool = false) throws -> StoreKeySource {
        try KeySourceResolver.resolve(
            keyFile: keyFile, passphraseFile: passphraseFile, environmentVariable: "ATTUNE_PASSPHRASE",
            prompt: "Passphrase for the Attune store: ", confirmingNew: confirmingNew)
    }
}

enum KeySourceResolver {
    static func resolve(keyFile: String?, passphraseFile: String?, environmentVariable: String, prompt: String, confirmingNew: Bool) throws -> StoreKeySource {
        if keyFile != nil && passphraseFile != nil {
            throw ValidationError("give either a key file or a passphrase file, not both")
        }
        if let keyFile { return .keyFile(path: keyFile) }
        if let passphraseFile {
            guard let data = FileManager.default.contents(atPath: passphraseFile) else {
                throw StoreError.unreadable(path: passphraseFile, reason: "no such file or not readable")
            }
            var text = String(decoding: data, as: UTF8.self)
            if let newline = text.firstIndex(where: { $0 == "\n" || $0 == "\r\n" }) { text = String(text[..<newline]) }
            guard !text.isEmpty else { throw StoreError.badArgument("the passphrase file \(passphraseFile) is empty") }
            return .passphrase(text)
        }
        if let text = ProcessInfo.processInfo.environment[environmentVariable] {
            guard !text.isEmpty else { throw StoreError.emptyPassphraseVariable(name: environmentVariable) }
            return .passphrase(text)
        }
        guard let typed = try TerminalPrompt.passphrase(prompt) else { throw StoreError.noKeyGiven }
        if confirmingNew {
            guard let again = try TerminalPrompt.passphrase("Again: "), again == typed else {
                throw StoreError.badArgument("the two passphrases differ; nothing was changed")
            }
        }
        guard !typed.isEmpty else { throw StoreError.badArgument("an empty passphrase is not accepted") }
        return .passphrase(typed)
    }
}

/// Reads a passphrase from the controlling terminal with echo off. Returns nil when there is no
/// terminal (a service, a pipe, CI), so callers can fail with a clear error instead of hanging.
enum TerminalPrompt {
    static func passphrase(_ prompt: String) throws -> String? {
        let fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        guard isatty(fd) == 1 else { return nil }
        var saved = termios()
        tcgetattr(fd, &saved)
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(fd, TCSANOW, &silent)
        defer {
            tcsetattr(fd, TCSANOW, &saved)
            _ = write(fd, "\n", 1)
        }
        _ = prompt.withCString { write(fd, $0, strlen($0)) }
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while read(fd, &byte, 1) == 1, byte != 0x0A { bytes.append(byte) }
        defer { for index in bytes.indices { bytes[index] = 0 } }
        if bytes.last == 0x0D { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}
