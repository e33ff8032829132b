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
