@testable import AttuneStore
import Foundation
import Testing

/// The hand-written RFC 3339 parser and formatter against Foundation's ISO8601DateFormatter.
@Suite struct RFC3339TimeTests {
    @Test func formatsLikeFoundationOverFourHundredYears() {
        let reference = ISO8601DateFormatter()
        reference.formatOptions = [.withInternetDateTime]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5000 {
            let seconds = Int64.random(in: -2_208_988_800...10_413_792_000, using: &generator)  // 1900 to 2300
            let expected = reference.string(from: Date(timeIntervalSince1970: Double(seconds)))
            #expect(RFC3339Time.format(seconds * 1000) == expected)
            #expect(RFC3339Time.parse(expected) == seconds * 1000)
        }
    }

    @Test func parsesOffsetsFractionsAndRefusesNonsense() {
        #expect(RFC3339Time.parse("2026-11-22T10:00:00Z") == 1_795_341_600_000)
        #expect(RFC3339Time.parse("2026-11-22T11:00:00+01:00") == 1_795_341_600_000)
        #expect(RFC3339Time.parse("2026-11-22T04:30:00.25-05:30") == 1_795_341_600_250)
        #expect(RFC3339Time.parse("2026-11-22t10:00:00.123456z") == 1_795_341_600_123)
        #expect(RFC3339Time.format(1_795_341_600_250) == "2026-11-22T10:00:00.250Z")
        #expect(RFC3339Time.format(-1) == "1969-12-31T23:59:59.999Z")
        for bad in ["2026-11-22", "2026-11-22T10:00:00", "2026-02-30T10:00:00Z", "2026-11-22T24:00:00Z", "2026-11-22T10:00:00.Z",
                    "2026-11-22T10:00:00+0100", "yesterday", "2026-11-22T10:00:00Zjunk", "２０２６-11-22T10:00:00Z"] {
            #expect(RFC3339Time.parse(bad) == nil, "\(bad)")
        }
    }
}
