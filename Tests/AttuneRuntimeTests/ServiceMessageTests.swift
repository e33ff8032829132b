import AttuneTurn
import Foundation
import Testing
@testable import AttuneRuntime

@Suite struct ServiceMessageTests {
    private func line(_ message: ServiceMessage) -> String { String(decoding: message.encodedLine(), as: UTF8.self) }

    @Test func everyLineIsOneObjectWithSortedKeys() throws {
        let error = line(.error(.init(ProtocolError(.badField, "the message needs \"text\"", field: "text"), line: 4, id: "a")))
        #expect(error == #"{"code":"bad_field","field":"text","id":"a","line":4,"message":"the message needs \"text\"","type":"error"}"# + "\n")
        let hello = line(.hello(.init(version: 1, server: "attune 0.1.0", capture: false, memory: true, id: nil)))
        #expect(hello == #"{"capture":false,"memory":true,"server":"attune 0.1.0","type":"hello","version":1,"versions":[1]}"# + "\n")
    }

    @Test func turnEventsHaveTheShapeOfTurnsJSON() {
        let end = TurnEventMessage(.endOfTurn(t: 2.3456, speechEndT: 1.9, p: 0.81234, cues: ["final fall"], suggestedDelayMs: 120))
        #expect(line(.turnEvent(end))
            == #"{"cues":["final fall"],"latencyMs":446,"p":0.812,"speechEndT":1.9,"suggestedDelayMs":120,"t":2.346,"type":"end_of_turn"}"# + "\n")
        #expect(line(.turnEvent(TurnEventMessage(.speechStart(t: 0.512, speechStartT: 0.32)))) == #"{"speechStartT":0.32,"t":0.512,"type":"speech_start"}"# + "\n")
        #expect(line(.turnEvent(TurnEventMessage(.bargeIn(t: 3)))) == #"{"t":3,"type":"barge_in"}"# + "\n")
    }

    @Test func versionsAreAgreedOrRefused() throws {
        #expect(try VersionNegotiation.agree(on: [1, 2, 7]) == 1)
        #expect(throws: ProtocolError.self) { try VersionNegotiation.agree(on: [2, 3]) }
    }
}
