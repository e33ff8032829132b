/// Syllable nuclei after de Jong & Wempe (2009), "Praat script to detect syllable nuclei and
/// measure speech rate automatically": peaks of a smoothed intensity contour (50 Hz minimum
/// pitch) that are above the silence threshold, separated from the next peak by a dip of at
/// least 2 dB, and voiced (a nucleus is a vowel).
///
/// The script finds all peaks of a whole file first and then checks the dip between consecutive
/// peaks. Online, a peak is confirmed as soon as the contour has fallen `minimumDipDb` below it,
/// which is the same condition seen from the peak's side, with a delay of one dip instead of the
/// whole file. A rise after the valley starts the search for the next peak.
struct SyllableNucleusDetector {
    let minimumDipDb: Double
    private var seekingPeak = true
    private var peakDb = -Double.infinity
    private var peakFrame = 0
    private var peakCounts = false
    private var valleyDb = Double.infinity
    private(set) var count = 0

    init(minimumDipDb: Double) { self.minimumDipDb = minimumDipDb }

    /// Adds one frame of the nucleus intensity; returns the frame of a nucleus confirmed by it.
    mutating func add(index: Int, decibels: Double, voiced: Bool, thresholdDb: Double) -> Int? {
        if seekingPeak {
            if decibels > peakDb {
                peakDb = decibels
                peakFrame = index
                peakCounts = voiced && decibels >= thresholdDb
            } else if decibels <= peakDb - minimumDipDb {
                seekingPeak = false
                valleyDb = decibels
                if peakCounts {
                    count += 1
                    return peakFrame
                }
            }
        } else if decibels < valleyDb {
            valleyDb = decibels
        } else if decibels > valleyDb {
            seekingPeak = true
            peakDb = decibels
            peakFrame = index
            peakCounts = voiced && decibels >= thresholdDb
        }
        return nil
    }
}
