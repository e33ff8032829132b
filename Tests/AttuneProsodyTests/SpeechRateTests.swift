import AttuneProsody
import AttuneTestFixtures
import Foundation
import Testing

/// Syllable nuclei and speech rate on espeak-ng sentences whose syllables were counted by hand
/// (tools/prosody/make_reference.py lists them with their syllabification), at four speaking rates.
@Suite struct SpeechRateTests {
    struct Row {
        var file: String
        var trueSyllables: Int
        var foundSyllables: Int
        var trueRate: Double
        var measuredRate: Double
    }

    static func rows() throws -> [Row] { try loadedRows.get() }
    private static let loadedRows = LoadedOnce<[Row]> {
        try ProsodyTestData.reference().rate.map { entry in
            let samples = try ProsodyTestData.samples(entry.file)
            let summary = ProsodyTestData.analyze(samples).summary
            return Row(file: entry.file, trueSyllables: entry.syllables, foundSyllables: summary.syllables,
                       trueRate: entry.trueRateSylPerSec, measuredRate: summary.speechRateSylPerSec ?? 0)
        }
    }

    @Test func syllableCountsAreWithinFifteenPercent() throws {
        let rows = try Self.rows()
        var absoluteError = 0.0, trueTotal = 0.0
        for row in rows {
            print("\(row.file): \(row.foundSyllables) of \(row.trueSyllables) syllables, "
                + String(format: "rate %.2f (true %.2f) syl/s", row.measuredRate, row.trueRate))
            absoluteError += Double(abs(row.foundSyllables - row.trueSyllables))
            trueTotal += Double(row.trueSyllables)
        }
        let meanAbsoluteError = absoluteError / Double(rows.count)
        let relativeError = absoluteError / trueTotal
        print(String(format: "syllables: mean absolute error %.2f, relative %.1f%%", meanAbsoluteError, 100 * relativeError))
        #expect(rows.count == 24)
        #expect(relativeError <= 0.15)
    }

    @Test func speechRateCorrelatesWithTheTrueRate() throws {
        let rows = try Self.rows()
        let x = rows.map(\.trueRate), y = rows.map(\.measuredRate)
        let mx = x.reduce(0, +) / Double(x.count), my = y.reduce(0, +) / Double(y.count)
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for (a, b) in zip(x, y) { sxy += (a - mx) * (b - my); sxx += (a - mx) * (a - mx); syy += (b - my) * (b - my) }
        let r = sxy / (sxx * syy).squareRoot()
        print(String(format: "speech rate: Pearson r = %.3f over %d files", r, x.count))
        #expect(r >= 0.95)
    }
}
