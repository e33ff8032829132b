import Foundation
import Testing
@testable import AttuneRuntime

@Suite struct HostMessageDecoderTests {
    private let decoder = HostMessageDecoder()

    private func decode(_ text: String) throws(ProtocolError) -> HostMessage? { try decoder.decode(Array(text.utf8)) }

    private func failure(_ bytes: [UInt8]) -> ProtocolError? {
        do { _ = try decoder.decode(bytes); return nil } catch { return error }
    }
    private func failure(_ text: String) -> ProtocolError? { failure(Array(text.utf8)) }

    @Test func everyHostMessageDecodes() throws {
        #expect(try decode(#"{"type":"hello","versions":[1,2],"client":"kitchen"}"#) == .hello(.init(versions: [1, 2], client: "kitchen")))
        #expect(try decode(#"{"type":"transcript","text":"I went to the market and","final":false}"#)
            == .transcript(.init(text: "I went to the market and", final: false)))
        #expect(try decode(#"{"type":"transcript","text":"Hi","time":"2026-12-04T18:00:00Z","speaker":"sam","session":"s1","id":"7"}"#)
            == .transcript(.init(text: "Hi", time: "2026-12-04T18:00:00Z", speaker: "sam", session: "s1", id: "7")))
        #expect(try decode(#"{"type":"assistant_turn","text":"Good morning"}"#) == .assistantTurn(.init(text: "Good morning")))
        #expect(try decode(#"{"type":"playback_start"}"#) == .playbackStart)
        #expect(try decode(#"{"type":"playback_stop"}"#) == .playbackStop)
        #expect(try decode(#"{"type":"audio","data":"AAABAA==","sampleRate":16000}"#) == .audio(.init(data: "AAABAA==", sampleRate: 16000)))
        #expect(try decode(#"{"type":"forget","text":"Dan"}"#) == .forget(.init(text: "Dan")))
        #expect(try decode(#"{"type":"forget","ids":[3,4]}"#) == .forget(.init(ids: [3, 4])))
        #expect(try decode(#"{"type":"recall","query":"when is Karen's birthday","limit":3}"#) == .recall(.init(query: "when is Karen's birthday", limit: 3)))
        #expect(try decode(#"{"type":"followups"}"#) == .followups(.init()))
        #expect(try decode(#"{"type":"set","speaker":"sam","intensity":"reduced","preferences":{"brevity":true,"no_small_talk":false}}"#)
            == .set(.init(speaker: "sam", intensity: "reduced", preferences: ["brevity": true, "no_small_talk": false])))
        #expect(try decode(#"{"type":"stats","id":"s"}"#) == .stats(.init(id: "s")))
        #expect(try decode(#"{"type":"shutdown"}"#) == .shutdown(.init()))
    }

    @Test func aBadSetNamesItsField() {
        #expect(failure(#"{"type":"set"}"#)?.message == "set needs \"intensity\" or \"preferences\"")
        #expect(failure(#"{"type":"set","intensity":"loud"}"#)?.field == "intensity")
        #expect(failure(#"{"type":"set","preferences":{"shouting":true}}"#)?.field == "preferences.shouting")
        #expect(failure(#"{"type":"set","preferences":{"brevity":"yes"}}"#)?.field == "preferences.brevity")
        #expect(failure(#"{"type":"set","speaker":"assistant","intensity":"reduced"}"#)?.field == "speaker")
    }

    @Test func unknownKeysAreIgnoredAndBlankLinesAreNothing() throws {
        #expect(try decode(#"{"type":"stats","future":{"x":1}}"#) == .stats(.init()))
        #expect(try decode("") == nil)
        #expect(try decode("  \t") == nil)
    }

    @Test func malformedLinesSayWhatIsWrong() {
        #expect(failure("{\"type\":\"stats\"")?.code == .malformed)
        #expect(failure("not json")?.code == .malformed)
        #expect(failure("[1,2]")?.message.contains("not an object") == true)
        #expect(failure("\"stats\"")?.code == .malformed)
        #expect(failure([0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x7D])?.message == "the line is not valid UTF-8")
        #expect(failure(Array("{\"type\":\"transcript\",\"text\":\"caf".utf8) + [0xC3] + Array("\"}".utf8))?.code == .malformed)
    }

    @Test func wrongTypesNameTheField() {
        #expect(failure(#"{"text":"hi"}"#) == ProtocolError(.unknownType, "the object has no \"type\"; expected one of \(HostMessageDecoder.typeList)", field: "type"))
        #expect(failure(#"{"type":7}"#)?.code == .unknownType)
        let unknown = failure(#"{"type":"sing"}"#)
        #expect(unknown?.code == .unknownType)
        #expect(unknown?.message.contains("\"sing\"") == true)
        #expect(failure(#"{"type":"transcript"}"#) == ProtocolError(.badField, "the message needs \"text\"", field: "text"))
        #expect(failure(#"{"type":"transcript","text":5}"#) == ProtocolError(.badField, "\"text\" must be a string", field: "text"))
        #expect(failure(#"{"type":"transcript","text":"hi","final":"yes"}"#)?.field == "final")
        #expect(failure(#"{"type":"forget","ids":[1,"x"]}"#)?.field == "ids[1]")
        #expect(failure(#"{"type":"recall","query":null}"#)?.message.contains("not null") == true)
    }

    @Test func valuesAreChecked() {
        #expect(failure(#"{"type":"transcript","text":"  "}"#)?.field == "text")
        #expect(failure(#"{"type":"transcript","text":"hi","time":"yesterday"}"#)?.field == "time")
        #expect(failure(#"{"type":"audio","data":"","sampleRate":44100}"#)?.field == "sampleRate")
        #expect(failure(#"{"type":"forget"}"#)?.code == .badField)
        #expect(failure(#"{"type":"recall","query":"x","limit":0}"#)?.field == "limit")
        #expect(failure(#"{"type":"hello","versions":[]}"#)?.field == "versions")
        // A partial transcript may be empty: the recogniser has heard nothing yet.
        #expect(failure(#"{"type":"transcript","text":"","final":false}"#) == nil)
    }

    @Test func randomBytesNeverEscapeAsAnythingButAProtocolError() {
        var generator = SplitMix(seed: 16)
        for _ in 0..<2000 {
            let count = Int(generator.next() % 48)
            var bytes = (0..<count).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            if generator.next() % 2 == 0 { bytes = Array(#"{"type":"transcript","text":""#.utf8) + bytes + Array("\"}".utf8) }
            do { _ = try decoder.decode(bytes) } catch { #expect(!error.message.isEmpty) }
        }
    }
}

/// A small deterministic generator for the fuzz-like loops (SplitMix64, Steele et al. 2014).
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
