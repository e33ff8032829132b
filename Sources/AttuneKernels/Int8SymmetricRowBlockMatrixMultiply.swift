/// The int8 matrix product over row-major weights (layout: Int8Layout.swift) for weights in
/// -127...127, as symmetric quantization makes them (tools/text/convert_minilm.py; the embedder checks
/// every matrix at load with `int8WeightsAreSymmetric`). It is the product for cores without the
/// dot-product instructions (a Pi 4's Cortex-A72): 16 multiply-adds of one weight row and one token
/// take `smull` (the lower 8 lanes' products in 16 bits), `smlal2` (the upper 8 lanes' products added
/// into the same 16-bit lanes) and `saddw` + `saddw2` (the 16-bit sums added into 32-bit ones).
///
/// Exact because a sum of two products never leaves Int16 when the weight is never -128:
/// |a·w + a'·w'| ≤ 2 · 128 · 127 = 32,512 < 32,767 for any int8 activations. Then int32 sums and the
/// float scaling of `int8MatrixMultiplyReference`, in the same order, so results are bit-identical to
/// it. A -128 weight breaks this (two products of 16,384 wrap), hence the precondition.
///
/// Blocks: four rows × four tokens (eight 16-byte loads for 64 instructions of products), then four
/// rows × two tokens and four rows × one token for the last tokens, single rows after the last block
/// of four, a scalar tail for an inner size off 16.
@inlinable
public func int8SymmetricRowBlockMatrixMultiply(
    activations: UnsafePointer<Int8>, activationScales: UnsafePointer<Float>, tokens: Int,
    weights: UnsafePointer<Int8>, weightScales: UnsafePointer<Float>, outputs: Int,
    inner: Int, bias: UnsafePointer<Float>?, into result: UnsafeMutablePointer<Float>,
    resultStride: Int? = nil
) {
    let stride = resultStride ?? outputs
    let sums = UnsafeMutableRawPointer(result)
    let vectorInner = inner & ~15
    @inline(__always) func row(_ n: Int) -> UnsafePointer<Int8> { weights + n &* inner }
    @inline(__always) func x(_ t: Int) -> UnsafePointer<Int8> { activations + t &* inner }
    @inline(__always) func load(_ p: UnsafePointer<Int8>, _ k: Int) -> SIMD16<Int8> {
        UnsafeRawPointer(p + k).loadUnaligned(as: SIMD16<Int8>.self)
    }
    /// 16 products added into four 32-bit sums: pairs summed in 16 bits (`smull`, `smlal2`), widened.
    @inline(__always) func add(_ s: inout SIMD4<Int32>, _ a: SIMD16<Int8>, _ b: SIMD16<Int8>) {
        let p = SIMD8<Int16>(truncatingIfNeeded: a.lowHalf) &* SIMD8<Int16>(truncatingIfNeeded: b.lowHalf)
            &+ SIMD8<Int16>(truncatingIfNeeded: a.highHalf) &* SIMD8<Int16>(truncatingIfNeeded: b.highHalf)
        s = s &+ SIMD4<Int32>(truncatingIfNeeded: p.lowHalf) &+ SIMD4<Int32>(truncatingIfNeeded: p.highHalf)
    }
    /// The scalar products past the last 16 inputs.
    @inline(__always) func tail(_ a: UnsafePointer<Int8>, _ b: UnsafePointer<Int8>) -> Int32 {
        var sum: Int32 = 0
        var k = vectorInner
        while k < inner { sum &+= Int32(truncatingIfNeeded: a[k]) &* Int32(truncatingIfNeeded: b[k]); k &+= 1 }
        return sum
    }
    /// The sums of four consecutive rows from `n` for token `t`, stored as one vector.
    @inline(__always) func write(_ s0: SIMD4<Int32>, _ s1: SIMD4<Int32>, _ s2: SIMD4<Int32>, _ s3: SIMD4<Int32>, token t: Int, output n: Int) {
        let xt = x(t)
        let total = SIMD4<Int32>(s0.wrappedSum() &+ tail(xt, row(n)), s1.wrappedSum() &+ tail(xt, row(n &+ 1)),
                                 s2.wrappedSum() &+ tail(xt, row(n &+ 2)), s3.wrappedSum() &+ tail(xt, row(n &+ 3)))
        sums.storeBytes(of: total, toByteOffset: (t &* stride &+ n) &* 4, as: SIMD4<Int32>.self)
    }

    var token = 0
    while token < tokens {
        let count = tokens &- token >= 4 ? 4 : tokens &- token >= 2 ? 2 : 1
        var output = 0
        switch count {
        case 4:
            let x0 = x(token), x1 = x(token &+ 1), x2 = x(token &+ 2), x3 = x(token &+ 3)
            while output &+ 4 <= outputs {
                let w0 = row(output), w1 = row(output &+ 1), w2 = row(output &+ 2), w3 = row(output &+ 3)
                var s00 = SIMD4<Int32>(), s01 = SIMD4<Int32>(), s02 = SIMD4<Int32>(), s03 = SIMD4<Int32>()
                var s10 = SIMD4<Int32>(), s11 = SIMD4<Int32>(), s12 = SIMD4<Int32>(), s13 = SIMD4<Int32>()
                var s20 = SIMD4<Int32>(), s21 = SIMD4<Int32>(), s22 = SIMD4<Int32>(), s23 = SIMD4<Int32>()
                var s30 = SIMD4<Int32>(), s31 = SIMD4<Int32>(), s32 = SIMD4<Int32>(), s33 = SIMD4<Int32>()
                var k = 0
                while k < vectorInner {
                    let a0 = load(x0, k), a1 = load(x1, k), a2 = load(x2, k), a3 = load(x3, k)
                    let b0 = load(w0, k), b1 = load(w1, k), b2 = load(w2, k), b3 = load(w3, k)
                    add(&s00, a0, b0); add(&s01, a1, b0); add(&s02, a2, b0); add(&s03, a3, b0)
                    add(&s10, a0, b1); add(&s11, a1, b1); add(&s12, a2, b1); add(&s13, a3, b1)
                    add(&s20, a0, b2); add(&s21, a1, b2); add(&s22, a2, b2); add(&s23, a3, b2)
                    add(&s30, a0, b3); add(&s31, a1, b3); add(&s32, a2, b3); add(&s33, a3, b3)
                    k &+= 16
                }
                let t = token
                write(s00, s10, s20, s30, token: t, output: output); write(s01, s11, s21, s31, token: t &+ 1, output: output)
                write(s02, s12, s22, s32, token: t &+ 2, output: output); write(s03, s13, s23, s33, token: t &+ 3, output: output)
                output &+= 4
            }
        case 2:
            let x0 = x(token), x1 = x(token &+ 1)
            while output &+ 4 <= outputs {
                let w0 = row(output), w1 = row(output &+ 1), w2 = row(output &+ 2), w3 = row(output &+ 3)
                var s00 = SIMD4<Int32>(), s01 = SIMD4<Int32>(), s10 = SIMD4<Int32>(), s11 = SIMD4<Int32>()
                var s20 = SIMD4<Int32>(), s21 = SIMD4<Int32>(), s30 = SIMD4<Int32>(), s31 = SIMD4<Int32>()
                var k = 0
                while k < vectorInner {
                    let a0 = load(x0, k), a1 = load(x1, k)
                    let b0 = load(w0, k), b1 = load(w1, k), b2 = load(w2, k), b3 = load(w3, k)
                    add(&s00, a0, b0); add(&s01, a1, b0); add(&s10, a0, b1); add(&s11, a1, b1)
                    add(&s20, a0, b2); add(&s21, a1, b2); add(&s30, a0, b3); add(&s31, a1, b3)
                    k &+= 16
                }
                write(s00, s10, s20, s30, token: token, output: output); write(s01, s11, s21, s31, token: token &+ 1, output: output)
                output &+= 4
            }
        default:
            let x0 = x(token)
            while output &+ 4 <= outputs {
                let w0 = row(output), w1 = row(output &+ 1), w2 = row(output &+ 2), w3 = row(output &+ 3)
                var s0 = SIMD4<Int32>(), s1 = SIMD4<Int32>(), s2 = SIMD4<Int32>(), s3 = SIMD4<Int32>()
                var k = 0
                while k < vectorInner {
                    let a0 = load(x0, k)
                    add(&s0, a0, load(w0, k)); add(&s1, a0, load(w1, k)); add(&s2, a0, load(w2, k)); add(&s3, a0, load(w3, k))
                    k &+= 16
                }
                write(s0, s1, s2, s3, token: token, output: output)
                output &+= 4
            }
        }
        for n in output..<outputs {
            for t in token..<(token &+ count) {
                sums.storeBytes(of: int8DotProduct(x(t), row(n), count: inner), toByteOffset: (t &* stride &+ n) &* 4, as: Int32.self)
            }
        }
        // The scaling, in place, a token at a time (the order of int8MatrixMultiplyReference).
        for t in token..<(token &+ count) {
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
        token &+= count
    }
}

/// Whether every weight of a matrix is in -127...127, the range `int8SymmetricRowBlockMatrixMultiply`
/// needs (no -128).
public func int8WeightsAreSymmetric(_ weights: UnsafePointer<Int8>, count: Int) -> Bool {
    var smallest: Int8 = 0
    for index in 0..<count { smallest = min(smallest, weights[index]) }
    return smallest != -128
}
