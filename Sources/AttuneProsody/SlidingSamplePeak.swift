/// The "global peak" that Praat's pitch analysis holds each frame's local peak against (Boersma
/// 1993, §3: the silence threshold is a fraction of it), taken over the input's recent past
/// instead of the whole file: the largest deviation from the mean of the last `blockCount − 1`
/// whole blocks and the block under way. A loud recording then stops making the next quiet one
/// look silent once it has left the window, and a file shorter than `blockCount − 1` blocks gets
/// exactly Praat's whole-file peak. Fixed storage; blocks are counted in samples, so the peak at a
/// given sample does not depend on how the input was chunked.
struct SlidingSamplePeak {
    let blockSize: Int
    private var sums: [Double]
    private var maxima: [Double]
    private var minima: [Double]
    private var counts: [Int]
    /// The block under way is `current`; the ring holds it and the blocks before it.
    private var current = 0

    init(blockSize: Int, blockCount: Int) {
        precondition(blockSize > 0 && blockCount > 0)
        self.blockSize = blockSize
        sums = [Double](repeating: 0, count: blockCount)
        maxima = [Double](repeating: -.infinity, count: blockCount)
        minima = [Double](repeating: .infinity, count: blockCount)
        counts = [Int](repeating: 0, count: blockCount)
    }

    mutating func add(_ value: Double) {
        if counts[current] == blockSize {
            current = current + 1 == counts.count ? 0 : current + 1
            sums[current] = 0
            maxima[current] = -.infinity
            minima[current] = .infinity
            counts[current] = 0
        }
        sums[current] += value
        if value > maxima[current] { maxima[current] = value }
        if value < minima[current] { minima[current] = value }
        counts[current] += 1
    }

    /// max(maximum − mean, mean − minimum) over the window; 0 before any sample.
    var peak: Double {
        var sum = 0.0, count = 0, maximum = -Double.infinity, minimum = Double.infinity
        for block in 0..<counts.count where counts[block] > 0 {
            sum += sums[block]
            count += counts[block]
            maximum = max(maximum, maxima[block])
            minimum = min(minimum, minima[block])
        }
        guard count > 0 else { return 0 }
        let mean = sum / Double(count)
        return max(maximum - mean, mean - minimum)
    }
}
