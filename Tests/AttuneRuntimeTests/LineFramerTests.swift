import Testing
@testable import AttuneRuntime

@Suite struct LineFramerTests {
    private func frames(_ chunks: [[UInt8]], limit: Int = 64, finish: Bool = false) -> [LineFramer.Frame] {
        var framer = LineFramer(maximumLineBytes: limit)
        var out: [LineFramer.Frame] = []
        for chunk in chunks { framer.append(chunk) { out.append($0) } }
        if finish { framer.finish { out.append($0) } }
        return out
    }

    @Test func linesAreNumberedAndHalfLinesWaitForTheirNewline() {
        let result = frames([Array("{\"a\":1}\n{\"b\"".utf8), Array(":2}\r\n\n".utf8)])
        #expect(result == [.line(number: 1, bytes: Array("{\"a\":1}".utf8)), .line(number: 2, bytes: Array("{\"b\":2}".utf8)),
                           .line(number: 3, bytes: [])])
    }

    @Test func byteByByteGivesTheSameLines() {
        let text = Array("one\ntwo\r\nthree\n".utf8)
        #expect(frames(text.map { [$0] }) == frames([text]))
    }

    @Test func aLineAtTheLimitPassesAndOneByteMoreIsTooLong() {
        let exact = [UInt8](repeating: 0x61, count: 64)
        #expect(frames([exact + [0x0A]]) == [.line(number: 1, bytes: exact)])
        #expect(frames([exact + [0x0D, 0x0A]]) == [.line(number: 1, bytes: exact)])
        #expect(frames([exact + [0x61, 0x0A]]) == [.tooLong(number: 1, limit: 64)])
    }

    @Test func aHugeLineIsReportedOnceSkippedAndNotBuffered() {
        var framer = LineFramer(maximumLineBytes: 1 << 20)
        var out: [LineFramer.Frame] = []
        let block = [UInt8](repeating: 0x7B, count: 64 * 1024)
        // 10 MiB without a newline, then a good line.
        for _ in 0..<160 {
            framer.append(block) { out.append($0) }
            #expect(framer.bufferedByteCount <= (1 << 20) + 1)
        }
        #expect(out == [.tooLong(number: 1, limit: 1 << 20)])
        framer.append(Array("}\n{\"type\":\"stats\"}\n".utf8)) { out.append($0) }
        #expect(out == [.tooLong(number: 1, limit: 1 << 20), .line(number: 2, bytes: Array("{\"type\":\"stats\"}".utf8))])
        #expect(framer.bufferedByteCount == 0)
    }

    @Test func theLastLineWithoutANewlineCountsAtTheEnd() {
        #expect(frames([Array("a\nb".utf8)], finish: true) == [.line(number: 1, bytes: [0x61]), .line(number: 2, bytes: [0x62])])
        #expect(frames([Array("a\n".utf8)], finish: true) == [.line(number: 1, bytes: [0x61])])
    }
}
