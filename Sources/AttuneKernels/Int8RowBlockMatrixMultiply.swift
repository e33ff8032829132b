/// The int8 matrix product over row-major weights (layout: Int8Layout.swift) with register blocking:
/// each pass over the inner dimension keeps two weight rows × three tokens of sums, so every weight
/// byte loaded serves three tokens and every activation byte two rows. It is the product for cores
/// with the Armv8.2 dot-product instructions (a Pi 5's Cortex-A76): there LLVM's loop vectorizer turns
/// each of the six widening sums into one `sdot` per 16 inputs (five 16-byte loads and six `sdot`s
/// per 96 multiply-adds, cross/check-kernels.sh shows the instructions), where the panel product needs
/// 16-bit multiplies and adds.
///
/// Why this shape: the vectorizer keeps one 4 × Int32 accumulator per sum only while its register
/// estimate fits, and at four rows × three tokens (12 sums) it halves the vector width to 8 bytes
/// (`sdot v.2s`), doing the same work with twice the instructions; six sums keep full 16-byte
/// vectors. Its estimate counts each sum as four registers, where `sdot` needs one, so a build for a
/// dot-product core that passes `-D ATTUNE_DOTPROD -Xllvm -force-vector-width=16` gets a four-row
/// block first (12 `sdot`s per seven loads). The loops are written as plain scalar widening products on purpose: the explicit
/// `SIMD16<Int8>` → `SIMD16<Int32>` conversion compiles to a lane-by-lane stdlib call.
///
/// Exact: int32 sums of int8 products (|sum| ≤ K · 16,129 < 2³¹ for K < 133,000) and the float
/// scaling of `int8MatrixMultiplyReference`, in the same order, so results are bit-identical to it on
/// every architecture.
@inlinable
public func int8RowBlockMatrixMultiply(
    activations: UnsafePointer<Int8>, activationScales: UnsafePointer<Float>, tokens: Int,
    weights: UnsafePointer<Int8>, weightScales: UnsafePointer<Float>, outputs: Int,
    inner: Int, bias: UnsafePointer<Float>?, into result: UnsafeMutablePointer<Float>,
    resultStride: Int? = nil
) {
    let stride = resultStride ?? outputs
    @inline(__always) func write(_ sum: Int32, token t: Int, output n: Int) {
        result[t &* stride &+ n] = Float(sum) * (activationScales[t] * weightScales[n]) + (bias?[n] ?? 0)
    }
    var token = 0
    // Three tokens at a time. (Splitting four last tokens into two pairs instead of three and one
    // counted 1 % more instructions at 10 tokens on the Cortex-A76 build.)
    while token &+ 3 <= tokens {
        let x0 = activations + token &* inner, x1 = x0 + inner, x2 = x1 + inner
        var output = 0
        #if ATTUNE_DOTPROD
        // Four rows × three tokens: 12 sums, seven 16-byte loads and twelve `sdot`s per 192 multiply-adds
        // when the build keeps the vectors 16 bytes wide (-Xllvm -force-vector-width=16 beside
        // -D ATTUNE_DOTPROD, as cross/check-kernels.sh builds for the Cortex-A76).
        while output &+ 4 <= outputs {
            let w0 = weights + output &* inner, w1 = w0 + inner, w2 = w1 + inner, w3 = w2 + inner
            var s00: Int32 = 0, s01: Int32 = 0, s02: Int32 = 0, s10: Int32 = 0, s11: Int32 = 0, s12: Int32 = 0
            var s20: Int32 = 0, s21: Int32 = 0, s22: Int32 = 0, s30: Int32 = 0, s31: Int32 = 0, s32: Int32 = 0
            for k in 0..<inner {
                let a0 = Int32(truncatingIfNeeded: x0[k]), a1 = Int32(truncatingIfNeeded: x1[k]), a2 = Int32(truncatingIfNeeded: x2[k])
                let b0 = Int32(truncatingIfNeeded: w0[k]), b1 = Int32(truncatingIfNeeded: w1[k])
                let b2 = Int32(truncatingIfNeeded: w2[k]), b3 = Int32(truncatingIfNeeded: w3[k])
                s00 &+= a0 &* b0; s01 &+= a1 &* b0; s02 &+= a2 &* b0
                s10 &+= a0 &* b1; s11 &+= a1 &* b1; s12 &+= a2 &* b1
                s20 &+= a0 &* b2; s21 &+= a1 &* b2; s22 &+= a2 &* b2
                s30 &+= a0 &* b3; s31 &+= a1 &* b3; s32 &+= a2 &* b3
            }
            write(s00, token: token, output: output); write(s01, token: token &+ 1, output: output)
            write(s02, token: token &+ 2, output: output)
            write(s10, token: token, output: output &+ 1); write(s11, token: token &+ 1, output: output &+ 1)
            write(s12, token: token &+ 2, output: output &+ 1)
            write(s20, token: token, output: output &+ 2); write(s21, token: token &+ 1, output: output &+ 2)
            write(s22, token: token &+ 2, output: output &+ 2)
            write(s30, token: token, output: output &+ 3); write(s31, token: token &+ 1, output: output &+ 3)
            write(s32, token: token &+ 2, output: output &+ 3)
            output &+= 4
        }
        #endif
        while output &+ 2 <= outputs {
            let w0 = weights + output &* inner, w1 = w0 + inner
            var s00: Int32 = 0, s01: Int32 = 0, s02: Int32 = 0, s10: Int32 = 0, s11: Int32 = 0, s12: Int32 = 0
            for k in 0..<inner {
                let a0 = Int32(truncatingIfNeeded: x0[k]), a1 = Int32(truncatingIfNeeded: x1[k]), a2 = Int32(truncatingIfNeeded: x2[k])
                let b0 = Int32(truncatingIfNeeded: w0[k]), b1 = Int32(truncatingIfNeeded: w1[k])
                s00 &+= a0 &* b0; s01 &+= a1 &* b0; s02 &+= a2 &* b0
                s10 &+= a0 &* b1; s11 &+= a1 &* b1; s12 &+= a2 &* b1
            }
            write(s00, token: token, output: output); write(s01, token: token &+ 1, output: output)
            write(s02, token: token &+ 2, output: output)
            write(s10, token: token, output: output &+ 1); write(s11, token: token &+ 1, output: output &+ 1)
            write(s12, token: token &+ 2, output: output &+ 1)
            output &+= 2
        }
        if output < outputs {
            let w = weights + output &* inner
            for member in 0..<3 { write(int8DotProduct(x0 + member &* inner, w, count: inner), token: token &+ member, output: output) }
        }
        token &+= 3
    }
    // A last two tokens: two rows × two tokens, or four rows with the four-row blocks.
    if tokens &- token == 2 {
        let x0 = activations + token &* inner, x1 = x0 + inner
        var output = 0
        #if ATTUNE_DOTPROD
        while output &+ 4 <= outputs {
            let w0 = weights + output &* inner, w1 = w0 + inner, w2 = w1 + inner, w3 = w2 + inner
            var s00: Int32 = 0, s01: Int32 = 0, s10: Int32 = 0, s11: Int32 = 0
            var s20: Int32 = 0, s21: Int32 = 0, s30: Int32 = 0, s31: Int32 = 0
            for k in 0..<inner {
                let a0 = Int32(truncatingIfNeeded: x0[k]), a1 = Int32(truncatingIfNeeded: x1[k])
                let b0 = Int32(truncatingIfNeeded: w0[k]), b1 = Int32(truncatingIfNeeded: w1[k])
                let b2 = Int32(truncatingIfNeeded: w2[k]), b3 = Int32(truncatingIfNeeded: w3[k])
                s00 &+= a0 &* b0; s01 &+= a1 &* b0; s10 &+= a0 &* b1; s11 &+= a1 &* b1
                s20 &+= a0 &* b2; s21 &+= a1 &* b2; s30 &+= a0 &* b3; s31 &+= a1 &* b3
            }
            write(s00, token: token, output: output); write(s01, token: token &+ 1, output: output)
            write(s10, token: token, output: output &+ 1); write(s11, token: token &+ 1, output: output &+ 1)
            write(s20, token: token, output: output &+ 2); write(s21, token: token &+ 1, output: output &+ 2)
            write(s30, token: token, output: output &+ 3); write(s31, token: token &+ 1, output: output &+ 3)
            output &+= 4
        }
        #endif
        while output &+ 2 <= outputs {
            let w0 = weights + output &* inner, w1 = w0 + inner
            var s00: Int32 = 0, s01: Int32 = 0, s10: Int32 = 0, s11: Int32 = 0
            for k in 0..<inner {
                let a0 = Int32(truncatingIfNeeded: x0[k]), a1 = Int32(truncatingIfNeeded: x1[k])
                let b0 = Int32(truncatingIfNeeded: w0[k]), b1 = Int32(truncatingIfNeeded: w1[k])
                s00 &+= a0 &* b0; s01 &+= a1 &* b0; s10 &+= a0 &* b1; s11 &+= a1 &* b1
            }
            write(s00, token: token, output: output); write(s01, token: token &+ 1, output: output)
            write(s10, token: token, output: output &+ 1); write(s11, token: token &+ 1, output: output &+ 1)
            output &+= 2
        }
        if output < outputs {
            let w = weights + output &* inner
            write(int8DotProduct(x0, w, count: inner), token: token, output: output)
            write(int8DotProduct(x1, w, count: inner), token: token &+ 1, output: output)
        }
        token &+= 2
    }
    // A last token (a 10-token sentence ends with one): four rows at a time.
    if tokens &- token == 1 {
        let x = activations + token &* inner
        var output = 0
        while output &+ 4 <= outputs {
            let w0 = weights + output &* inner, w1 = w0 + inner, w2 = w1 + inner, w3 = w2 + inner
            var s0: Int32 = 0, s1: Int32 = 0, s2: Int32 = 0, s3: Int32 = 0
            for k in 0..<inner {
                let a = Int32(truncatingIfNeeded: x[k])
                s0 &+= a &* Int32(truncatingIfNeeded: w0[k]); s1 &+= a &* Int32(truncatingIfNeeded: w1[k])
                s2 &+= a &* Int32(truncatingIfNeeded: w2[k]); s3 &+= a &* Int32(truncatingIfNeeded: w3[k])
            }
            write(s0, token: token, output: output); write(s1, token: token, output: output &+ 1)
            write(s2, token: token, output: output &+ 2); write(s3, token: token, output: output &+ 3)
            output &+= 4
        }
        while output < outputs {
            write(int8DotProduct(x, weights + output &* inner, count: inner), token: token, output: output)
            output &+= 1
        }
    }
}
