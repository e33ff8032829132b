import Testing
@testable import AttuneRuntime

@Test func versionIsSemantic() {
    let parts = AttuneVersion.string.split(separator: ".")
    #expect(parts.count == 3)
    #expect(parts.allSatisfy { Int($0) != nil })
}
