/// The smallest and largest sample of each stretch of the input, kept at a resolution that fits the
/// plot however long the input is: bins start one sample wide and, whenever `capacity` of them are
/// full, neighbours merge in pairs and bins double in width. Memory is fixed (`capacity` pairs) and
/// an input of any length ends with between `capacity / 2` and `capacity` bins, at least as many as
/// a plot has pixel columns, so each column's minimum and maximum are exact.
struct WaveformEnvelope {
    let capacity: Int
    private(set) var minima: [Float] = []
    private(set) var maxima: [Float] = []
    /// Samples per bin (a power of two).
    private(set) var binWidth = 1
    private var pendingMinimum = Float.infinity
    private var pendingMaximum = -Float.infinity
    private var pendingCount = 0
    private(set) var sampleCount = 0

    init(capacity: Int = 4096) {
        precondition(capacity >= 2 && capacity % 2 == 0)
        self.capacity = capacity
        minima.reserveCapacity(capacity)
        maxima.reserveCapacity(capacity)
    }

    mutating func add(_ samples: ArraySlice<Float>) {
        for x in samples {
            pendingMinimum = min(pendingMinimum, x)
            pendingMaximum = max(pendingMaximum, x)
            pendingCount += 1
            sampleCount += 1
            if pendingCount == binWidth { closeBin() }
        }
    }

    private mutating func closeBin() {
        minima.append(pendingMinimum)
        maxima.append(pendingMaximum)
        pendingMinimum = .infinity
        pendingMaximum = -.infinity
        pendingCount = 0
        guard minima.count == capacity else { return }
        for i in 0..<(capacity / 2) {
            minima[i] = min(minima[2 * i], minima[2 * i + 1])
            maxima[i] = max(maxima[2 * i], maxima[2 * i + 1])
        }
        minima.removeLast(capacity / 2)
        maxima.removeLast(capacity / 2)
        binWidth *= 2
    }

    /// Minimum and maximum over each of `columns` equal stretches of the input (nil for an empty
    /// input). Every sample belongs to exactly one column; a column narrower than one bin takes the
    /// bin it lies in.
    func columns(_ columns: Int) -> [(minimum: Float, maximum: Float)]? {
        guard sampleCount > 0, columns > 0 else { return nil }
        var bins = Array(zip(minima, maxima))
        if pendingCount > 0 { bins.append((pendingMinimum, pendingMaximum)) }
        var result: [(minimum: Float, maximum: Float)] = []
        result.reserveCapacity(columns)
        for column in 0..<columns {
            // Column c covers samples [c·N/C, (c+1)·N/C); bin b covers [b·w, (b+1)·w).
            let first = column * sampleCount / columns
            let end = max((column + 1) * sampleCount / columns, first + 1)
            let firstBin = min(first / binWidth, bins.count - 1)
            let lastBin = min(max((end - 1) / binWidth, firstBin), bins.count - 1)
            var low = Float.infinity, high = -Float.infinity
            for b in firstBin...lastBin {
                low = min(low, bins[b].0)
                high = max(high, bins[b].1)
            }
            result.append((low, high))
        }
        return result
    }
}
