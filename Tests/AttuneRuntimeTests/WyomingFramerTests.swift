import Testing
@testable import AttuneRuntime

@Suite struct WyomingFramerTests {
    private func frames(_ chunks: [[UInt8]]) -> [WyomingFramer.Frame] {
        var framer = WyomingFramer()
        var out: [WyomingFramer.Frame] = []
        for chunk in chunks { framer.append(chunk) { out.append($0) } }
        return out
    }

    @Test func headerDataAndPayloadAreJoinedHoweverTheBytesArrive() {
        let data = Array(#"{"rate":16000,"width":2,"channels":1}"#.utf8)
        let bytes = Array(#"{"type":"audio-chunk","data":{"rate":8000},"data_length":\#(data.count),"payload_length":4}"#.utf8) + [0x0A]
            + data + [1, 2, 3, 4]
            + Array("{\"type\":\"describe\"}\n".utf8)
        let whole = frames([bytes])
        #expect(whole.count == 2)
        guard case .event(let chunk) = whole.first else { Issue.record("expected an event, got \(whole)"); return }
        #expect(chunk.type == "audio-chunk")
        #expect(chunk.data["rate"]?.integer == 16000, "the data bytes win over the header's data")
        #expect(chunk.payload == [1, 2, 3, 4])
        #expect(frames(bytes.map { [$0] }) == whole)
    }

    @Test func lyingLengthsAndBadHeadersAreFatalAndBufferNothing() {
        #expect(frames([Array("{\"type\":\"x\",\"data_length\":99999999}\n".utf8)]) == [.fatal("data_length 99999999 is beyond 0…262144")])
        #expect(frames([Array("{\"type\":\"x\",\"payload_length\":-1}\n".utf8)]).first.map { if case .fatal = $0 { true } else { false } } == true)
        #expect(frames([Array("{\"data\":{}}\n".utf8)]).count == 1)
        #expect(frames([Array("{\"type\":\"x\",\"data_length\":3}\nabc{\"type\":\"describe\"}\n".utf8)])
            == [.fatal("the 3 data bytes of a \"x\" event are not a JSON object")])
        // After a fatal frame nothing more is read.
        #expect(frames([Array("garbage\n{\"type\":\"describe\"}\n".utf8)]).count == 1)
        #expect(frames([[UInt8](repeating: 0x7B, count: WyomingFramer.maximumHeaderBytes + 1)]).count == 1)
    }

    @Test func aWyomingPeerCanHoldNoMoreThanALineProtocolHost() {
        #expect(WyomingFramer.maximumHeaderBytes + WyomingFramer.maximumDataBytes + WyomingFramer.maximumPayloadBytes <= AttuneProtocol.maximumLineBytes)
    }

    @Test func encodedEventsReadBack() {
        struct Data: Codable { var timestamp: Int }
        let bytes = WyomingEvent.encode(type: "voice-started", data: Data(timestamp: 415)) + WyomingEvent.encode(type: "pong", data: WyomingEmptyData())
        #expect(frames([bytes]) == [.event(WyomingEvent(type: "voice-started", data: ["timestamp": .number(415)])), .event(WyomingEvent(type: "pong"))])
    }
}
