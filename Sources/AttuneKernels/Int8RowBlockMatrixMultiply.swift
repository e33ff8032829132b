/// The int8 matrix product over row-major weights (layout: Int8Layout.swift) with register blocking:
/// each pass over the inner dimension keeps a block of weight rows × tokens of sums, so every weight
/// byte loaded serves several tokens and every activation byte several rows. It is the product for
/// cores with the Armv8.2 dot-product instructions (a Pi 5's Cortex-A76): there LLVM's loop vectorizer
/// turns each widening sum into one `sdot` per 16 inputs, where the panel product needs 16-bit
/// multiplies and adds (cross/check-kernels.sh checks the instructions, tools/bench/embed-aarch64.sh
/// counts them).
///
/// Why these shapes: the vectorizer keeps one 4 × Int32 accumulator per sum only while its register
/// estimate fits, and that estimate counts a sum as four registers where `sdot` needs one. In a plain
/// build it therefore halves the vector width to 8 bytes (`sdot v.2s`, twice the instructions) beyond
/// about six sums, so the blocks are two rows × three tokens (five 16-byte loads and six `sdot`s per
/// 96 multiply-adds), two × two, and four × one. A build for a dot-product core passes
/// `-D ATTUNE_DOTPROD -Xllvm -force-vector-width=16` and gets four rows × four tokens (eight loads,
/// 16 `sdot`s per 256 multiply-adds), with four rows for a last three tokens and eight rows for a
/// last two or one. The loops are plain scalar widening products on purpose: the explicit
/// `SIMD16<Int8>` → `SIMD16<Int32>` conversion compiles to a lane-by-lane stdlib call.
///
/// The int32 sums are stored in the result's own memory and scaled a row at a time afterwards, a loop
/// LLVM vectorizes; scaling each sum where it is formed cost, per output, about as many instructions as
/// a pass of the inner loop over 96 inputs.
///
/// Exact: int32 sums of int8 products (|sum| ≤ K · 16,129 < 2³¹ for K < 133,000) and the float scaling
/// of `int8MatrixMultiplyReference`, in the same order, so results are bit-identical to it on every
/// architecture and in every build.
@inlinable
public func int8RowBlockMatrixMultiply(
    activations: UnsafePointer<Int8>, activationScales: UnsafePointer<Float>, tokens: Int,
    weights: UnsafePointer<Int8>, weightScales: UnsafePointer<Float>, outputs: Int,
    inner: Int, bias: UnsafePointer<Float>?, into result: UnsafeMutablePointer<Float>,
    resultStride: Int? = nil
) {
    let stride = resultStride ?? outputs
    let sums = UnsafeMutableRawPointer(result)
    @inline(__always) func write(_ sum: Int32, token t: Int, output n: Int) {
        sums.storeBytes(of: sum, toByteOffset: (t &* stride &+ n) &* 4, as: Int32.self)
    }
    /// Four sums of consecutive outputs for one token, stored as one vector (fewer instructions than
    /// four stores: 17.06 M against 17.13 M per 10-token sentence on the Cortex-A76 build).
    @inline(__always) func write(_ a: Int32, _ b: Int32, _ c: Int32, _ d: Int32, token t: Int, output n: Int) {
        sums.storeBytes(of: SIMD4<Int32>(a, b, c, d), toByteOffset: (t &* stride &+ n) &* 4, as: SIMD4<Int32>.self)
    }
    @inline(__always) func row(_ n: Int) -> UnsafePointer<Int8> { weights + n &* inner }
    @inline(__always) func x(_ t: Int) -> UnsafePointer<Int8> { activations + t &* inner }
    /// Rows from `output` on, one at a time, for `count` tokens from `token`.
    @inline(__always) func remainingRows(from output: Int, token: Int, count: Int) {
        for n in output..<outputs {
            for t in token..<(token &+ count) { write(int8DotProduct(x(t), row(n), count: inner), token: t, output: n) }
        }
    }
    /// The scaling of `count` rows of sums, in place.
    @inline(__always) func scaleRows(_ first: Int, _ count: Int) {
        for t in first..<(first &+ count) {
            let target = result + t &* stride, rowSums = sums + t &* stride &* 4
            let scale = activationScales[t]
            if let bias {
                for n in 0..<outputs {
                    target[n] = Float(rowSums.load(fromByteOffset: n &* 4, as: Int32.self)) * (scale * weightScales[n]) + bias[n]
                }
            } else {
                for n in 0..<outputs {
                    target[n] = Float(rowSums.load(fromByteOffset: n &* 4, as: Int32.self)) * (scale * weightScales[n]) + 0
                }
            }
        }
    }

    var token = 0
    #if ATTUNE_DOTPROD
    while token < tokens {
        let count = min(4, tokens &- token)
        var output = 0
        switch count {
        case 4:
            let x0 = x(token), x1 = x(token &+ 1), x2 = x(token &+ 2), x3 = x(token &+ 3)
            while output &+ 4 <= outputs {
                let w0 = row(output), w1 = row(output &+ 1), w2 = row(output &+ 2), w3 = row(output &+ 3)
                var s00: Int32 = 0, s01: Int32 = 0, s02: Int32 = 0, s03: Int32 = 0, s10: Int32 = 0, s11: Int32 = 0, s12: Int32 = 0, s13: Int32 = 0
                var s20: Int32 = 0, s21: Int32 = 0, s22: Int32 = 0, s23: Int32 = 0, s30: Int32 = 0, s31: Int32 = 0, s32: Int32 = 0, s33: Int32 = 0
                for k in 0..<inner {
                    let a0 = Int32(truncatingIfNeeded: x0[k]), a1 = Int32(truncatingIfNeeded: x1[k])
                    let a2 = Int32(truncatingIfNeeded: x2[k]), a3 = Int32(truncatingIfNeeded: x3[k])
                    let b0 = Int32(truncatingIfNeeded: w0[k]), b1 = Int32(truncatingIfNeeded: w1[k])
                    let b2 = Int32(truncatingIfNeeded: w2[k]), b3 = Int32(truncatingIfNeeded: w3[k])
                    s00 &+= a0 &* b0; s01 &+= a1 &* b0; s02 &+= a2 &* b0; s03 &+= a3 &* b0
                    s10 &+= a0 &* b1; s11 &+= a1 &* b1; s12 &+= a2 &* b1; s13 &+= a3 &* b1
                    s20 &+= a0 &* b2; s21 &+= a1 &* b2; s22 &+= a2 &* b2; s23 &+= a3 &* b2
                    s30 &+= a0 &* b3; s31 &+= a1 &* b3; s32 &+= a2 &* b3; s33 &+= a3 &* b3
                }
                let t = token
                write(s00, s10, s20, s30, token: t, output: output); write(s01, s11, s21, s31, token: t &+ 1, output: output)
                write(s02, s12, s22, s32, token: t &+ 2, output: output); write(s03, s13, s23, s33, token: t &+ 3, output: output)
                output &+= 4
            }
        case 3:
            let x0 = x(token), x1 = x(token &+ 1), x2 = x(token &+ 2)
            while output &+ 4 <= outputs {
                let w0 = row(output), w1 = row(output &+ 1), w2 = row(output &+ 2), w3 = row(output &+ 3)
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
                let t = token
                write(s00, token: t, output: output); write(s01, token: t &+ 1, output: output); write(s02, token: t &+ 2, output: output)
                write(s10, token: t, output: output &+ 1); write(s11, token: t &+ 1, output: output &+ 1); write(s12, token: t &+ 2, output: output &+ 1)
                write(s20, token: t, output: output &+ 2); write(s21, token: t &+ 1, output: output &+ 2); write(s22, token: t &+ 2, output: output &+ 2)
                write(s30, token: t, output: output &+ 3); write(s31, token: t &+ 1, output: output &+ 3); write(s32, token: t &+ 2, output: output &+ 3)
                output &+= 4
            }
        case 2:
            let x0 = x(token), x1 = x(token &+ 1)
            while output &+ 8 <= outputs {
                let w0 = row(output), w1 = row(output &+ 1), w2 = row(output &+ 2), w3 = row(output &+ 3)
                let w4 = row(output &+ 4), w5 = row(output &+ 5), w6 = row(output &+ 6), w7 = row(output &+ 7)
                var s00: Int32 = 0, s01: Int32 = 0, s10: Int32 = 0, s11: Int32 = 0, s20: Int32 = 0, s21: Int32 = 0, s30: Int32 = 0, s31: Int32 = 0
                var s40: Int32 = 0, s41: Int32 = 0, s50: Int32 = 0, s51: Int32 = 0, s60: Int32 = 0, s61: Int32 = 0, s70: Int32 = 0, s71: Int32 = 0
                for k in 0..<inner {
                    let a0 = Int32(truncatingIfNeeded: x0[k]), a1 = Int32(truncatingIfNeeded: x1[k])
                    let b0 = Int32(truncatingIfNeeded: w0[k]), b1 = Int32(truncatingIfNeeded: w1[k])
                    let b2 = Int32(truncatingIfNeeded: w2[k]), b3 = Int32(truncatingIfNeeded: w3[k])
                    let b4 = Int32(truncatingIfNeeded: w4[k]), b5 = Int32(truncatingIfNeeded: w5[k])
                    let b6 = Int32(truncatingIfNeeded: w6[k]), b7 = Int32(truncatingIfNeeded: w7[k])
                    s00 &+= a0 &* b0; s01 &+= a1 &* b0; s10 &+= a0 &* b1; s11 &+= a1 &* b1
                    s20 &+= a0 &* b2; s21 &+= a1 &* b2; s30 &+= a0 &* b3; s31 &+= a1 &* b3
                    s40 &+= a0 &* b4; s41 &+= a1 &* b4; s50 &+= a0 &* b5; s51 &+= a1 &* b5
                    s60 &+= a0 &* b6; s61 &+= a1 &* b6; s70 &+= a0 &* b7; s71 &+= a1 &* b7
                }
                let t = token
                write(s00, token: t, output: output); write(s01, token: t &+ 1, output: output)
                write(s10, token: t, output: output &+ 1); write(s11, token: t &+ 1, output: output &+ 1)
                write(s20, token: t, output: output &+ 2); write(s21, token: t &+ 1, output: output &+ 2)
                write(s30, token: t, output: output &+ 3); write(s31, token: t &+ 1, output: output &+ 3)
                write(s40, token: t, output: output &+ 4); write(s41, token: t &+ 1, output: output &+ 4)
                write(s50, token: t, output: output &+ 5); write(s51, token: t &+ 1, output: output &+ 5)
                write(s60, token: t, output: output &+ 6); write(s61, token: t &+ 1, output: output &+ 6)
                write(s70, token: t, output: output &+ 7); write(s71, token: t &+ 1, output: output &+ 7)
                output &+= 8
            }
        default:
            let x0 = x(token)
            while output &+ 8 <= outputs {
                let w0 = row(output), w1 = row(output &+ 1), w2 = row(output &+ 2), w3 = row(output &+ 3)
                let w4 = row(output &+ 4), w5 = row(output &+ 5), w6 = row(output &+ 6), w7 = row(output &+ 7)
                var s0: Int32 = 0, s1: Int32 = 0, s2: Int32 = 0, s3: Int32 = 0, s4: Int32 = 0, s5: Int32 = 0, s6: Int32 = 0, s7: Int32 = 0
                for k in 0..<inner {
                    let a = Int32(truncatingIfNeeded: x0[k])
                    s0 &+= a &* Int32(truncatingIfNeeded: w0[k]); s1 &+= a &* Int32(truncatingIfNeeded: w1[k])
                    s2 &+= a &* Int32(truncatingIfNeeded: w2[k]); s3 &+= a &* Int32(truncatingIfNeeded: w3[k])
                    s4 &+= a &* Int32(truncatingIfNeeded: w4[k]); s5 &+= a &* Int32(truncatingIfNeeded: w5[k])
                    s6 &+= a &* Int32(truncatingIfNeeded: w6[k]); s7 &+= a &* Int32(truncatingIfNeeded: w7[k])
                }
                write(s0, token: token, output: output); write(s1, token: token, output: output &+ 1)
                write(s2, token: token, output: output &+ 2); write(s3, token: token, output: output &+ 3)
                write(s4, token: token, output: output &+ 4); write(s5, token: token, output: output &+ 5)
                write(s6, token: token, output: output &+ 6); write(s7, token: token, output: output &+ 7)
                output &+= 8
            }
        }
        remainingRows(from: output, token: token, count: count)
        scaleRows(token, count)
        token &+= count
    }
    #else
    while token < tokens {
        let count = min(3, tokens &- token)
        var output = 0
        switch count {
        case 3:
            let x0 = x(token), x1 = x(token &+ 1), x2 = x(token &+ 2)
            while output &+ 2 <= outputs {
                let w0 = row(output), w1 = row(output &+ 1)
                var s00: Int32 = 0, s01: Int32 = 0, s02: Int32 = 0, s10: Int32 = 0, s11: Int32 = 0, s12: Int32 = 0
                for k in 0..<inner {
                    let a0 = Int32(truncatingIfNeeded: x0[k]), a1 = Int32(truncatingIfNeeded: x1[k]), a2 = Int32(truncatingIfNeeded: x2[k])
                    let b0 = Int32(truncatingIfNeeded: w0[k]), b1 = Int32(truncatingIfNeeded: w1[k])
                    s00 &+= a0 &* b0; s01 &+= a1 &* b0; s02 &+= a2 &* b0
                    s10 &+= a0 &* b1; s11 &+= a1 &* b1; s12 &+= a2 &* b1
                }
                let t = token
                write(s00, token: t, output: output); write(s01, token: t &+ 1, output: output); write(s02, token: t &+ 2, output: output)
                write(s10, token: t, output: output &+ 1); write(s11, token: t &+ 1, output: output &+ 1); write(s12, token: t &+ 2, output: output &+ 1)
                output &+= 2
            }
        case 2:
            let x0 = x(token), x1 = x(token &+ 1)
            while output &+ 2 <= outputs {
                let w0 = row(output), w1 = row(output &+ 1)
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
        default:
            let x0 = x(token)
            while output &+ 4 <= outputs {
                let w0 = row(output), w1 = row(output &+ 1), w2 = row(output &+ 2), w3 = row(output &+ 3)
                var s0: Int32 = 0, s1: Int32 = 0, s2: Int32 = 0, s3: Int32 = 0
                for k in 0..<inner {
                    let a = Int32(truncatingIfNeeded: x0[k])
                    s0 &+= a &* Int32(truncatingIfNeeded: w0[k]); s1 &+= a &* Int32(truncatingIfNeeded: w1[k])
                    s2 &+= a &* Int32(truncatingIfNeeded: w2[k]); s3 &+= a &* Int32(truncatingIfNeeded: w3[k])
                }
                write(s0, token: token, output: output); write(s1, token: token, output: output &+ 1)
                write(s2, token: token, output: output &+ 2); write(s3, token: token, output: output &+ 3)
                output &+= 4
            }
        }
        remainingRows(from: output, token: token, count: count)
        scaleRows(token, count)
        token &+= count
    }
    #endif
}
