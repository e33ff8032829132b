/// The speaker's own level: a histogram of frame intensities (0.25 dB bins, bounded memory),
/// giving the 99th percentile (the speaker's loud end, robust to a few bursts, as de Jong &
/// Wempe use it) and the 2nd percentile (the noise floor). The silence threshold follows both,
/// so pauses are found relative to this speaker in this room, not at an absolute level.
struct SpeakerLevelTracker {
    static let lowestDb = -20.0
    static let binWidthDb = 0.25
    static let binCount = 640   // −20 … 140 dB
    private var counts = [Int32](repeating: 0, count: binCount)
    private(set) var total = 0

    mutating func add(_ decibels: Double) {
        let bin = Int(((decibels - Self.lowestDb) / Self.binWidthDb).rounded(.down))
        counts[min(max(bin, 0), Self.binCount - 1)] += 1
        total += 1
    }

    /// The q-quantile (0…1) in dB, to the bin's centre; nil before any frame.
    func quantile(_ q: Double) -> Double? {
        guard total > 0 else { return nil }
        let rank = max(1, Int((q * Double(total)).rounded(.up)))
        var seen = 0
        for bin in 0..<Self.binCount {
            seen += Int(counts[bin])
            if seen >= rank { return Self.lowestDb + (Double(bin) + 0.5) * Self.binWidthDb }
        }
        return Self.lowestDb + Double(Self.binCount) * Self.binWidthDb
    }

    /// The two thresholds a frame is held against: `speakerDb` = p99 − silenceBelowSpeakerDb (de Jong &
    /// Wempe's threshold) and `floorDb` = p2 + soundingAboveFloorDb.
    func thresholds(settings: ProsodySettings) -> (speakerDb: Double, floorDb: Double) {
        guard let loud = quantile(0.99), let floor = quantile(0.02) else { return (.infinity, .infinity) }
        return (loud - settings.silenceBelowSpeakerDb, floor + settings.soundingAboveFloorDb)
    }

    /// A frame sounds when it is within reach of the speaker's loud end and either clearly above the
    /// noise floor or voiced. The floor keeps room noise before the first word from counting as
    /// sound; the voicing exception keeps a steady voice (a held vowel, a tone) sounding even when
    /// there is no silence in the input to measure a floor from.
    static func isSounding(_ decibels: Double, voiced: Bool, thresholds: (speakerDb: Double, floorDb: Double)) -> Bool {
        decibels >= thresholds.speakerDb && (decibels >= thresholds.floorDb || voiced)
    }
}
