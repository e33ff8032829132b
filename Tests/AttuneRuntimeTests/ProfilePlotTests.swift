import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import AttuneRuntime

/// The profile's SVG: well-formed whatever the labels hold, one series per stage that ran.
@Suite struct ProfilePlotTests {
    static func profile(stages: [PipelineProfile.Stage], input: String) -> PipelineProfile {
        PipelineProfile(
            input: input, device: false, pacedAtRealTime: true, audioSeconds: 2, textTurns: 3,
            stages: stages.enumerated().map { index, stage in
                let scale = pow(10, Double(index) - 3)
                return .init(stage: stage, count: 10 + index, p50Ms: scale, p99Ms: 3 * scale, maxMs: 5 * scale,
                             distribution: PipelineProfile.plottedPercentiles.map { .init(percentile: $0, ms: scale * (1 + $0 / 25)) })
            },
            cpuMsPerAudioSecond: 12.5, peakRSSBytes: 50 << 20, xruns: nil, chargedBytes: 1, budgetBytes: 2)
    }

    final class SeriesCollector: NSObject, XMLParserDelegate {
        var root: String?
        var series: [String] = []
        var polylines = 0
        var text = ""
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            if root == nil { root = name }
            if name == "g", attributes["class"] == "series", let stage = attributes["data-stage"] { series.append(stage) }
            if name == "polyline" { polylines += 1 }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
    }

    @Test func thePlotIsWellFormedWithOneSeriesPerStage() throws {
        let stages: [PipelineProfile.Stage] = [.captureJitter, .prosodyFrame, .vadChunk, .endOfTurn, .context]
        let svg = ProfilePlot(profile: Self.profile(stages: stages, input: "a <odd> & \"quoted\" name's.wav")).render()
        let parser = XMLParser(data: Data(svg.utf8))
        let collector = SeriesCollector()
        parser.delegate = collector
        #expect(parser.parse(), "the plot is well-formed XML: \(parser.parserError.map { "\($0)" } ?? "")")
        #expect(collector.root == "svg")
        #expect(collector.series == stages.map(\.rawValue))
        #expect(collector.polylines == stages.count)
        #expect(collector.text.contains("a <odd> & \"quoted\" name's.wav"), "the title survives escaping")
    }

    @Test func theWriterEscapesAndClosesEverything() {
        var writer = SVGWriter(width: 10, height: 5)
        writer.begin("g", [("class", "a\"b")])
        writer.element("text", [("x", SVGWriter.number(1.005))], text: "<&>")
        let svg = writer.finish()
        #expect(svg.contains("<g class=\"a&quot;b\">"))
        #expect(svg.contains(">&lt;&amp;&gt;</text>"))
        #expect(svg.hasSuffix("</g>\n</svg>\n"))
        #expect(SVGWriter.number(3) == "3" && SVGWriter.number(2.5) == "2.5" && SVGWriter.number(.nan) == "0")
    }
}
