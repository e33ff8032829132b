/// The int8 matrix product over weights packed in panels of 16 output rows (layout and the reasons
/// for it: Int8Layout.swift). It is the encoder's product: each pass keeps four tokens × 16 outputs in
/// eight vector accumulators and reads every weight once per four tokens, with no horizontal sums.
///
/// Hand-written because no package offers an int8 kernel that builds with Embedded Swift for a Pi, and
/// shaped by what LLVM makes of Swift SIMD code: every operation here is a plain lane-wise 16- or 32-bit
/// add, multiply, shift or bit-cast on a concrete SIMD type, which maps to one instruction
/// (`vpmullw`, `vpaddw`, `vpsrld`, `vpaddd` on x86-64; `mul`, `add`, `ushr` on AArch64). Conversions
/// between SIMD element types are avoided: the stdlib's generic ones compile to lane-by-lane code.

/// Output rows per panel.
public let int8PanelRows = 16

/// Int8 elements a packed `outputs × inner` matrix occupies: both sizes rounded up (outputs to 16, inner
/// to 2), the padding zero.
@inlinable
public func int8PanelPackedCount(outputs: Int, inner: Int) -> Int {
    (outputs &+ 15) / 16 &* 16 &* ((inner &+ 1) / 2 &* 2)
}

/// Int32 elements of scratch `int8PanelMatrixMultiply` needs for a given inner size.
@inlinable
public func int8PanelScratchCount(inner: Int) -> Int { 4 &* ((inner &+ 1) / 2 &* 2) }

/// Packs a row-major `outputs × inner` int8 matrix into panels (tools/text/convert_minilm.py does the same
/// for the model file): for panel p, pair j and row r, byte [p][j][r][0] is w[16p + r, 2j] and
/// byte [p][j][r][1] is w[16p + r, 2j + 1], zero beyond the matrix.
public func packInt8Panels(_ rows: UnsafePointer<Int8>, outputs: Int, inner: Int, into packed: UnsafeMutablePointer<Int8>) {
    let pairs = (inner + 1) / 2
    let panels = (outputs + 15) / 16
    for panel in 0..<panels {
        for pair in 0..<pairs {
            for row in 0..<16 {
                for half in 0..<2 {
                    let n = panel * 16 + row, k = pair * 2 + half
                    packed[((panel * pairs + pair) * 16 + row) * 2 + half] = n < outputs && k < inner ? rows[n * inner + k] : 0
                }
            }
        }
    }
}

/// The inverse of `packInt8Panels`: the row-major `outputs × inner` matrix back from its panels (the
/// padding dropped), for a product that reads rows (`int8RowBlockMatrixMultiply`) from a model file
/// that stores panels.
public func unpackInt8Panels(_ packed: UnsafePointer<Int8>, outputs: Int, inner: Int, into rows: UnsafeMutablePointer<Int8>) {
    let pairs = (inner + 1) / 2
    for n in 0..<outputs {
        let panel = n / 16, row = n % 16
        for k in 0..<inner {
            rows[n * inner + k] = packed[((panel * pairs + k / 2) * 16 + row) * 2 + k % 2]
        }
    }
}

/// y[t, n] = s_x[t] · s_w[n] · Σ_k qx[t, k] · qw[n, k] + bias[n], as `int8MatrixMultiply` computes it
/// (the same exact int32 sums and the same float scaling, so the results are bit-identical), for
/// weights packed by `packInt8Panels`. Activations and weights must lie in [-127, 127], as the
/// symmetric quantizers make them. `scratch` holds `int8PanelScratchCount(inner:)` Int32s. Row t of
/// the result starts at `result + t · resultStride` (default `outputs`), so a caller can compute a
/// slice of whole panels into a wider matrix: pass the slice's panels, scales and bias, and the full
/// width as the stride (how the embedder splits a product across threads).
///
/// Per pair of inputs k, k+1 and panel: the 32 weight bytes load as 16 Int16 lanes, each holding
/// w[n, k] in its low byte and w[n, k+1] in its high byte, and two shifts split them into sign-extended
/// `even` = w[·, k] and `odd` = w[·, k+1]. Each token's x[k] and x[k+1] arrive pre-spread (both halves of
/// an Int32, so loading them is a 32-bit broadcast). Then in 16-bit lanes
///
///     p = even · x[k] + odd · x[k+1] + 32,258
///
/// is exact: |w · x| ≤ 127² = 16,129, so p - 32,258 ∈ [-32,258, 32,258] and p ∈ [0, 64,516] fits an
/// unsigned 16-bit lane. Read as eight UInt32 lanes, lane i is q = p[2i] + 65,536 · p[2i+1] (rows 2i
/// and 2i+1 of the panel). Two 32-bit sums take it apart without widening anything:
///
///     Q += q,  H += q >> 16     then  Σ p[2i+1] = H,  Σ p[2i] = Q - 65,536 · H
///
/// (mod 2³², exact while the sums fit: inner < 133,000), and subtracting the bias 32,258 per pair gives
/// the two rows' dot products.
@inlinable
public func int8PanelMatrixMultiply(
    activations: UnsafePointer<Int8>, activationScales: UnsafePointer<Float>, tokens: Int,
    panels: UnsafePointer<Int8>, weightScales: UnsafePointer<Float>, outputs: Int,
    inner: Int, bias: UnsafePointer<Float>?, scratch: UnsafeMutablePointer<Int32>, into result: UnsafeMutablePointer<Float>,
    resultStride: Int? = nil
) {
    let stride = resultStride ?? outputs
    let pairs = (inner &+ 1) / 2
    let padded = pairs &* 2
    let panelBytes = pairs &* 32
    let offset = SIMD16<Int16>(repeating: 32_258)
    let correction = SIMD8<Int32>(repeating: Int32(truncatingIfNeeded: pairs) &* 32_258)
    var token = 0
    while token < tokens {
        let group = min(4, tokens &- token)
        // Spread the group's activations: x[k] into both 16-bit halves of an Int32; missing tokens and
        // the padding input are zero.
        for member in 0..<4 {
            let target = scratch + member &* padded
            if member < group {
                let source = activations + (token &+ member) &* inner
                for k in 0..<inner {
                    let bits = UInt32(UInt16(bitPattern: Int16(truncatingIfNeeded: source[k])))
                    target[k] = Int32(bitPattern: bits | bits &<< 16)
                }
                if inner < padded { target[inner] = 0 }
            } else {
                target.update(repeating: 0, count: padded)
            }
        }
        let x0 = scratch, x1 = scratch + padded, x2 = scratch + 2 &* padded, x3 = scratch + 3 &* padded
        var panel = 0
        while panel &* 16 < outputs {
            let weights = UnsafeRawPointer(panels + panel &* panelBytes)
            var q0 = SIMD8<UInt32>(), h0 = SIMD8<UInt32>(), q1 = SIMD8<UInt32>(), h1 = SIMD8<UInt32>()
            var q2 = SIMD8<UInt32>(), h2 = SIMD8<UInt32>(), q3 = SIMD8<UInt32>(), h3 = SIMD8<UInt32>()
            @inline(__always) func accumulate(_ pair: Int, _ x: UnsafeMutablePointer<Int32>, _ q: inout SIMD8<UInt32>, _ h: inout SIMD8<UInt32>) {
                let packed = weights.loadUnaligned(fromByteOffset: pair &* 32, as: SIMD16<Int16>.self)
                let even = (packed &<< 8) &>> 8, odd = packed &>> 8
                let first = unsafeBitCast(SIMD8<Int32>(repeating: x[pair &* 2]), to: SIMD16<Int16>.self)
                let second = unsafeBitCast(SIMD8<Int32>(repeating: x[pair &* 2 &+ 1]), to: SIMD16<Int16>.self)
                let lanes = unsafeBitCast(even &* first &+ odd &* second &+ offset, to: SIMD8<UInt32>.self)
                q &+= lanes
                h &+= lanes &>> 16
            }
            // Four tokens per pass; a last group of one or two (a 10-token sentence ends with two) gets
            // a two-token loop instead of computing zeros. The weight unpacking in `accumulate` is the
            // same for every token, and the compiler computes it once per pair.
            if group > 2 {
                for pair in 0..<pairs {
                    accumulate(pair, x0, &q0, &h0)
                    accumulate(pair, x1, &q1, &h1)
                    accumulate(pair, x2, &q2, &h2)
                    accumulate(pair, x3, &q3, &h3)
                }
            } else {
                for pair in 0..<pairs {
                    accumulate(pair, x0, &q0, &h0)
                    accumulate(pair, x1, &q1, &h1)
                }
            }
            @inline(__always) func store(_ member: Int, _ q: SIMD8<UInt32>, _ h: SIMD8<UInt32>) {
                let odd = unsafeBitCast(h, to: SIMD8<Int32>.self) &- correction
                let even = unsafeBitCast(q &- (h &<< 16), to: SIMD8<Int32>.self) &- correction
                let t = token &+ member
                let row = result + t &* stride
                let scale = activationScales[t]
                for lane in 0..<8 {
                    let n = panel &* 16 &+ lane &* 2
                    if n < outputs { row[n] = Float(even[lane]) * (scale * weightScales[n]) + (bias?[n] ?? 0) }
                    if n &+ 1 < outputs { row[n &+ 1] = Float(odd[lane]) * (scale * weightScales[n &+ 1]) + (bias?[n &+ 1] ?? 0) }
                }
            }
            store(0, q0, h0)
            if group > 1 { store(1, q1, h1) }
            if group > 2 { store(2, q2, h2) }
            if group > 3 { store(3, q3, h3) }
            panel &+= 1
        }
        token &+= group
    }
}
