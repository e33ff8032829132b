import Testing
@testable import AttuneRuntime

@Suite struct ConfigurationTests {
    @Test func defaultsWhenEmpty() throws {
        let configuration = try AttuneConfiguration.parse("", path: "a.toml")
        #expect(configuration == AttuneConfiguration())
        #expect(configuration.memoryBudget == ByteCount(64_000_000))
    }

    @Test func everyKeyIsRead() throws {
        let text = """
            [audio]
            device = "plughw:CARD=Device,DEV=0"
            period_ms = 20
            ring_seconds = 4

            [runtime]
            memory_budget = "64MiB"
            data_dir = "/var/lib/attune"
            log_level = "debug"
            """
        let configuration = try AttuneConfiguration.parse(text, path: "a.toml")
        #expect(configuration.device == "plughw:CARD=Device,DEV=0")
        #expect(configuration.periodMs == 20)
        #expect(configuration.ringSeconds == 4)
        #expect(configuration.memoryBudget == ByteCount(64 * 1_048_576))
        #expect(configuration.dataDirectory == "/var/lib/attune")
        #expect(configuration.logLevel == "debug")
    }

    @Test func unknownKeyNamesKeyAndLine() {
        let text = "[audio]\ndevice = \"default\"\n\nperiod = 10\n"
        #expect(throws: ConfigurationError.unknownKey(path: "a.toml", key: "audio.period", line: 4,
                                                      hint: "keys in [audio] are device, period_ms, ring_seconds")) {
            try AttuneConfiguration.parse(text, path: "a.toml")
        }
    }

    @Test func unknownSectionIsNamed() {
        #expect(throws: ConfigurationError.unknownKey(path: "a.toml", key: "audoi.device", line: 2,
                                                      hint: "unknown section [audoi]; sections are [audio], [memory], [rapport], [runtime]")) {
            try AttuneConfiguration.parse("[audoi]\ndevice = \"x\"\n", path: "a.toml")
        }
    }

    /// The error `parse` throws for `text`, or nil when it parses.
    func parseError(_ text: String) -> ConfigurationError? {
        if case .failure(let error) = Result(catching: { () throws(ConfigurationError) in try AttuneConfiguration.parse(text, path: "a.toml") }) {
            return error
        }
        return nil
    }

    @Test func badValueSaysWhatIsExpected() throws {
        let error = parseError("[runtime]\n\nmemory_budget = \"lots\"\n")
        guard case let .badValue(_, key, line, expected, _) = error else { Issue.record("wrong outcome \(String(describing: error))"); return }
        #expect(key == "runtime.memory_budget")
        #expect(line == 3)
        #expect(expected.contains("48MB"))
        #expect(throws: ConfigurationError.self) { try AttuneConfiguration.parse("[audio]\nperiod_ms = 500\n", path: "a.toml") }
        #expect(throws: ConfigurationError.self) { try AttuneConfiguration.parse("[runtime]\nlog_level = \"loud\"\n", path: "a.toml") }
    }

    @Test func syntaxErrorHasLine() {
        let error = parseError("[audio]\ndevice = \n")
        guard case let .syntax(path, line, _, _) = error else { Issue.record("wrong outcome \(String(describing: error))"); return }
        #expect(path == "a.toml")
        #expect(line == 2)
    }

    @Test func missingFile() {
        #expect(throws: ConfigurationError.self) { try AttuneConfiguration.load(path: "/nonexistent/attune.toml") }
    }
}

@Suite struct ByteCountTests {
    @Test func parsesUnits() {
        #expect(ByteCount(parsing: "48MB") == ByteCount(48_000_000))
        #expect(ByteCount(parsing: "48 mb") == ByteCount(48_000_000))
        #expect(ByteCount(parsing: "64MiB") == ByteCount(67_108_864))
        #expect(ByteCount(parsing: "0.5GiB") == ByteCount(536_870_912))
        #expect(ByteCount(parsing: "512k") == ByteCount(512_000))
        #expect(ByteCount(parsing: "4096") == ByteCount(4096))
        #expect(ByteCount(parsing: "lots") == nil)
        #expect(ByteCount(parsing: "12XB") == nil)
        #expect(ByteCount(parsing: "") == nil)
        #expect(ByteCount(48_000_000).description == "48.0 MB")
    }
}

@Suite struct MemoryBudgetTests {
    @Test func refusesWhatDoesNotFitAndNamesTheBiggest() throws {
        let budget = MemoryBudget(limit: ByteCount(1_000_000), includeProcessBaseline: false)
        try budget.charge("ring", bytes: 400_000)
        try budget.charge("model", bytes: 500_000)
        #expect(throws: MemoryBudgetError.exceeded(limit: ByteCount(1_000_000), needed: ByteCount(1_200_000), biggest: [
            .init(("model", ByteCount(500_000))), .init(("ring", ByteCount(400_000))), .init(("cache", ByteCount(300_000))),
        ])) {
            try budget.charge("cache", bytes: 300_000)
        }
        #expect(budget.used == ByteCount(900_000))  // the refused charge was not recorded
        budget.release("model")
        try budget.charge("cache", bytes: 300_000)
        #expect(budget.used == ByteCount(700_000))
    }

    @Test func baselineIsCharged() {
        #expect(MemoryBudget().used == MemoryBudget.processBaseline)
    }
}

@Suite struct SystemProbeTests {
    @Test func readsCPUFlagsAndMemory() {
        let cpu = SystemProbe.cpu(cpuinfo: "model name\t: Test CPU\nflags\t\t: fpu sse4_2 avx2 fma\nFeatures\t: asimd asimddp\n")
        #expect(cpu.model == "Test CPU")
        #if arch(x86_64)
        #expect(cpu.features == ["sse4_2", "avx2", "fma"])
        #elseif arch(arm64)
        #expect(cpu.features == ["asimd", "asimddp"])
        #endif
        #expect(SystemProbe.availableMemory(meminfo: "MemTotal: 100 kB\nMemAvailable:    2048 kB\n") == ByteCount(2_097_152))
        #expect(SystemProbe.availableMemory(meminfo: "") == nil)
    }
}
