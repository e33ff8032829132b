import AttuneRapport
@testable import AttuneRuntime
import Testing

/// `[rapport]` and `[rapport.handoff]`: the locale's numbers, overridden field by field, whatever the
/// order of the keys; bad values name the key.
@Suite struct RapportConfigurationTests {
    @Test func localeCadenceGapAndHandoffOverrides() throws {
        let configuration = try AttuneConfiguration.parse("""
            [rapport.handoff]
            crisis_line = "741741"
            crisis_line_name = "Crisis Text Line"

            [rapport]
            locale = "US"
            session_gap_minutes = 45
            disclosure_hours = 2
            """, path: "a.toml")
        let rapport = configuration.resolvedRapport
        #expect(rapport.handoff.resources.map(\.contact) == ["911", "741741"])
        #expect(rapport.handoff.resources.map(\.name) == ["Emergency services", "Crisis Text Line"])
        #expect(rapport.sessionGapMs == 45 * 60_000 && rapport.disclosureCadenceMs == 2 * 3_600_000)
        #expect(AttuneConfiguration().resolvedRapport.handoff.resources.map(\.contact) == ["999", "116 123"])
    }

    @Test func badRapportValuesNameTheKey() {
        #expect(throws: ConfigurationError.self) { try AttuneConfiguration.parse("[rapport]\nlocale = \"ZZ\"\n", path: "a.toml") }
        #expect(throws: ConfigurationError.self) { try AttuneConfiguration.parse("[rapport.handoff]\nphone = \"1\"\n", path: "a.toml") }
        #expect(throws: ConfigurationError.self) { try AttuneConfiguration.parse("[rapport]\nsession_gap_minutes = 0\n", path: "a.toml") }
    }
}
