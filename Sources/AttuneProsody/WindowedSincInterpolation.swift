/// Band-limited interpolation of a sampled curve and the search for its true maximum between
/// samples, as Boersma (1993) §3 uses them to refine autocorrelation peaks ("sin(x)/x
/// interpolation ... the maximum is found with Brent's method").
///
/// The interpolator weights `depth` samples on each side by sinc(π(x − i)) times a raised cosine
/// of half-width `depth + 0.5` (the window Praat settled on). Positions are 0-based.
@usableFromInline
struct WindowedSincInterpolation {
    /// Value of the curve `y` at real position `x`, from at most `depth` samples on each side.
    /// Outside the curve the nearest end value is returned (constant extrapolation).
    @inlinable
    static func value(_ y: UnsafeBufferPointer<Double>, at x: Double, depth maximumDepth: Int) -> Double {
        value(y, at: x, depth: maximumDepth, useTables: true)
    }

    /// The same value computed with the window's rotation recurrence only (the tables' reference).
    static func recurrenceValue(_ y: UnsafeBufferPointer<Double>, at x: Double, depth maximumDepth: Int) -> Double {
        value(y, at: x, depth: maximumDepth, useTables: false)
    }

    @inlinable
    static func value(_ y: UnsafeBufferPointer<Double>, at x: Double, depth maximumDepth: Int, useTables: Bool) -> Double {
        let n = y.count
        if n < 1 { return .nan }
        if x < 0 { return y[0] }
        if x > Double(n - 1) { return y[n - 1] }
        let midLeft = Int(x.rounded(.down))
        if x == Double(midLeft) { return y[midLeft] }
        let midRight = midLeft + 1
        let depth = min(maximumDepth, midRight, n - 1 - midLeft)
        if depth <= 0 { return y[Int(x.rounded())] }
        if depth == 1 { return y[midLeft] + (x - Double(midLeft)) * (y[midRight] - y[midLeft]) }
        if depth == 2 {
            // Cubic (Hermite-like) through the four nearest samples.
            let yl = y[midLeft], yr = y[midRight]
            let dyl = 0.5 * (yr - y[midLeft - 1]), dyr = 0.5 * (y[midRight + 1] - yl)
            let fil = x - Double(midLeft), fir = Double(midRight) - x
            return yl * fir + yr * fil - fil * fir * (0.5 * (dyr - dyl) + (fil - 0.5) * (dyl + dyr - 2 * (yr - yl)))
        }
        if useTables && depth == 70 { return SincKernelTable.depth70.sum(y, midLeft: midLeft, fraction: x - Double(midLeft)) }
        if useTables && depth == 30 { return SincKernelTable.depth30.sum(y, midLeft: midLeft, fraction: x - Double(midLeft)) }
        let left = midRight - depth
        let right = midLeft + depth
        let windowHalfWidth = Double(depth) + 0.5
        let windowStep = Double.pi / windowHalfWidth
        let sinStep = sin(windowStep), cosStep = cos(windowStep)
        var result = 0.0
        // Left half: the sinc's phase advances by π per sample, which only flips the sine's sign;
        // the window's cosine advances by a fixed angle, done by rotation instead of calling cos.
        var phase = Double.pi * (x - Double(midLeft))
        var halfSinPhase = 0.5 * sin(phase)
        var windowSin = sin(phase / windowHalfWidth), windowCos = cos(phase / windowHalfWidth)
        var i = midLeft
        while i >= left {
            result += y[i] * (halfSinPhase / phase * (1 + windowCos))
            phase += .pi
            halfSinPhase = -halfSinPhase
            (windowSin, windowCos) = (windowCos * sinStep + windowSin * cosStep, windowCos * cosStep - windowSin * sinStep)
            i -= 1
        }
        phase = Double.pi * (Double(midRight) - x)
        halfSinPhase = 0.5 * sin(phase)
        windowSin = sin(phase / windowHalfWidth)
        windowCos = cos(phase / windowHalfWidth)
        i = midRight
        while i <= right {
            result += y[i] * (halfSinPhase / phase * (1 + windowCos))
            phase += .pi
            halfSinPhase = -halfSinPhase
            (windowSin, windowCos) = (windowCos * sinStep + windowSin * cosStep, windowCos * cosStep - windowSin * sinStep)
            i += 1
        }
        return result
    }

    /// The position and value of the interpolated curve's maximum within one sample of `index`,
    /// found with Brent's method (golden section with parabolic steps) to `tolerance`.
    @inlinable
    static func maximum(
        _ y: UnsafeBufferPointer<Double>, near index: Int, depth: Int, tolerance: Double = 1e-10
    ) -> (position: Double, value: Double) {
        if index <= 0 { return (0, y[0]) }
        if index >= y.count - 1 { return (Double(y.count - 1), y[y.count - 1]) }
        let (position, negated) = BrentMinimizer.minimize(
            from: Double(index - 1), to: Double(index + 1), tolerance: tolerance
        ) { -value(y, at: $0, depth: depth) }
        return (position, -negated)
    }
}

/// The same windowed sinc for the two depths the pitch analysis uses (30 for candidate strengths,
/// 70 for refinement), with the window's cosine at whole-sample offsets tabulated: at distance
/// f + m from the interpolation point, cos(π(f + m)/W) = cos(πf/W)·cos(πm/W) − sin(πf/W)·sin(πm/W),
/// and sin(π(f + m)) = (−1)^m sin(πf). Every term is then independent of the previous one, so the
/// loop has no dependency chain (the rotation recurrence above is latency-bound) and vectorises;
/// the values agree with the recurrence to rounding.
@usableFromInline
final class SincKernelTable: Sendable {
    let depth: Int
    let windowHalfWidth: Double
    /// cos/sin(π/W): the step from the left side's window phase to the right side's.
    let cosStep: Double
    let sinStep: Double
    /// (−1)^m, (−1)^m cos(πm/W), (−1)^m sin(πm/W) for m < depth.
    let signs: [Double]
    let signedCosines: [Double]
    let signedSines: [Double]

    @usableFromInline static let depth70 = SincKernelTable(depth: 70)
    @usableFromInline static let depth30 = SincKernelTable(depth: 30)

    init(depth: Int) {
        self.depth = depth
        windowHalfWidth = Double(depth) + 0.5
        cosStep = cos(Double.pi / (Double(depth) + 0.5))
        sinStep = sin(Double.pi / (Double(depth) + 0.5))
        signs = (0..<depth).map { $0 % 2 == 0 ? 1 : -1 }
        signedCosines = (0..<depth).map { m in (m % 2 == 0 ? 1.0 : -1.0) * cos(Double.pi * Double(m) / (Double(depth) + 0.5)) }
        signedSines = (0..<depth).map { m in (m % 2 == 0 ? 1.0 : -1.0) * sin(Double.pi * Double(m) / (Double(depth) + 0.5)) }
    }

    /// Σ over `depth` samples each side of the point `midLeft + fraction` (0 < fraction < 1);
    /// the caller has checked that the curve extends `depth` samples both ways.
    @usableFromInline
    func sum(_ y: UnsafeBufferPointer<Double>, midLeft: Int, fraction: Double) -> Double {
        let base = y.baseAddress!
        // The right side's distance is 1 − f: sin(π(1 − f)) = sin(πf), and its window phase is the
        // left one's reflected about π/W, so three libm calls serve both sides.
        let halfSin = 0.5 * sin(Double.pi * fraction) / Double.pi
        let cf = cos(Double.pi * fraction / windowHalfWidth), sf = sin(Double.pi * fraction / windowHalfWidth)
        let cg = cosStep * cf + sinStep * sf, sg = sinStep * cf - cosStep * sf
        let left = side(base + midLeft, step: -1, distance: fraction, cosine: cf, sine: sf)
        let right = side(base + midLeft + 1, step: 1, distance: 1 - fraction, cosine: cg, sine: sg)
        return (left + right) * halfSin
    }

    /// Σ_m y[m·step] · sinc(π(d + m)) · ½(1 + cos(π(d + m)/W)), m = 0 ..< depth.
    private func side(_ start: UnsafePointer<Double>, step: Int, distance d: Double, cosine cf: Double, sine sf: Double) -> Double {
        // Four lanes with independent sums: the scalar loop was bound by one add chain and one
        // division per term; here four divisions issue together and the chains interleave.
        let cfs = SIMD4<Double>(repeating: cf), sfs = SIMD4<Double>(repeating: sf)
        var offsets = SIMD4<Double>(d, d + 1, d + 2, d + 3)
        let four = SIMD4<Double>(repeating: 4)
        var lanes = SIMD4<Double>(repeating: 0)
        var total = 0.0
        signs.withUnsafeBufferPointer { sign in
            signedCosines.withUnsafeBufferPointer { c in
                signedSines.withUnsafeBufferPointer { s in
                    var m = 0
                    while m + 4 <= depth {
                        let window = SIMD4<Double>(sign[m], sign[m + 1], sign[m + 2], sign[m + 3])
                            + cfs * SIMD4<Double>(c[m], c[m + 1], c[m + 2], c[m + 3])
                            - sfs * SIMD4<Double>(s[m], s[m + 1], s[m + 2], s[m + 3])
                        let samples = SIMD4<Double>(start[m * step], start[(m + 1) * step], start[(m + 2) * step], start[(m + 3) * step])
                        lanes += samples * window / offsets
                        offsets += four
                        m += 4
                    }
                    total = lanes.sum()
                    while m < depth {
                        let window = sign[m] + cf * c[m] - sf * s[m]
                        total += start[m * step] * window / (d + Double(m))
                        m += 1
                    }
                }
            }
        }
        return total
    }
}

/// Brent's (1973) minimiser of a function of one variable on an interval: golden-section steps,
/// accelerated by parabolic interpolation through the three best points when that is safe.
@usableFromInline
enum BrentMinimizer {
    @inlinable
    static func minimize(
        from lower: Double, to upper: Double, tolerance: Double, _ f: (Double) -> Double
    ) -> (x: Double, fx: Double) {
        let golden = 0.381_966_011_250_105_1   // (3 − √5) / 2
        var a = lower, b = upper
        var x = a + golden * (b - a)
        var w = x, v = x
        var fx = f(x)
        var fw = fx, fv = fx
        var d = 0.0, e = 0.0
        for _ in 0..<100 {
            let middle = 0.5 * (a + b)
            let tol1 = tolerance * abs(x) + 1e-12
            let tol2 = 2 * tol1
            if abs(x - middle) <= tol2 - 0.5 * (b - a) { break }
            var useGolden = true
            if abs(e) > tol1 {
                // Parabola through (v, fv), (w, fw), (x, fx).
                var r = (x - w) * (fx - fv)
                var q = (x - v) * (fx - fw)
                var p = (x - v) * q - (x - w) * r
                q = 2 * (q - r)
                if q > 0 { p = -p }
                q = abs(q)
                r = e
                e = d
                if abs(p) < abs(0.5 * q * r), p > q * (a - x), p < q * (b - x) {
                    d = p / q
                    let u = x + d
                    if u - a < tol2 || b - u < tol2 { d = middle >= x ? tol1 : -tol1 }
                    useGolden = false
                }
            }
            if useGolden {
                e = x >= middle ? a - x : b - x
                d = golden * e
            }
            let u = abs(d) >= tol1 ? x + d : x + (d >= 0 ? tol1 : -tol1)
            let fu = f(u)
            if fu <= fx {
                if u >= x { a = x } else { b = x }
                v = w; fv = fw
                w = x; fw = fx
                x = u; fx = fu
            } else {
                if u < x { a = u } else { b = u }
                if fu <= fw || w == x {
                    v = w; fv = fw
                    w = u; fw = fu
                } else if fu <= fv || v == x || v == w {
                    v = u; fv = fu
                }
            }
        }
        return (x, fx)
    }
}
