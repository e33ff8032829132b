/// Scaled dot-product attention over `heads` heads, in float, as BERT computes it without a mask:
/// for each head (a `width / heads` slice of every row), scores s_ij = q_i · k_j / √size, softmax over
/// j, and context_i = Σ_j p_ij · v_j. `query`, `key`, `value` and `context` are `tokens × width`,
/// row-major; `scores` is scratch for `tokens × tokens` and `transposedKeys` for
/// `attentionTransposedKeyCount(tokens:width:heads:)` floats. The scalar reference is
/// `multiHeadAttentionReference`.
///
/// Each head's keys are first copied transposed (column c of the head is a row over the tokens,
/// padded with zeros to a multiple of 16), so a query's scores come 16 keys at a time: one
/// broadcast of q[c] and two multiply-adds per column, with no horizontal sum. A dot product per score
/// cost about four times the instructions (a reduction of eight lanes for 32 products;
/// tools/bench/embed-aarch64.sh at 60 tokens). On AArch64 four queries share each pass. The weighted
/// sum keeps 32 columns of a context row (of two rows on AArch64) in registers while it runs over the
/// tokens. The scores accumulate through `multiplyAdd` (fused on
/// AArch64), as the dot products did, so results agree across architectures within rounding, not bit
/// for bit; the weighted sum multiplies and adds separately, as before (fusing it too moved the
/// cross-architecture difference past cross/check-kernels.sh's 1e-5).
@inlinable
public func multiHeadAttention(
    query: UnsafePointer<Float>, key: UnsafePointer<Float>, value: UnsafePointer<Float>, tokens: Int, width: Int, heads: Int,
    scores: UnsafeMutablePointer<Float>, transposedKeys: UnsafeMutablePointer<Float>, into context: UnsafeMutablePointer<Float>
) {
    let size = width / heads
    let scale = SIMD8<Float>(repeating: 1 / Float(size).squareRoot())
    let padded = (tokens &+ 15) & ~15
    let keys = UnsafeMutableRawPointer(transposedKeys)
    for head in 0..<heads {
        let offset = head &* size
        for c in 0..<size {
            let target = transposedKeys + c &* padded
            for j in 0..<tokens { target[j] = key[j &* width &+ offset &+ c] }
            for j in tokens..<padded { target[j] = 0 }
        }
        // On AArch64 (32 vector registers), four queries × sixteen keys per pass: each load of keys
        // serves four queries, each broadcast of q[c] two vectors of keys (60 tokens on the Cortex-A76:
        // attention 14.58 M → 12.22 M instructions); the sums are formed in the same order as one query
        // at a time. x86-64's 16 registers would spill the 16 accumulators, so it keeps one query.
        @inline(__always) func store(_ low: SIMD8<Float>, _ high: SIMD8<Float>, row: UnsafeMutablePointer<Float>, from j: Int) {
            let low = low * scale, high = high * scale
            for lane in 0..<min(8, tokens &- j) { row[j &+ lane] = low[lane] }
            for lane in 0..<max(0, min(8, tokens &- j &- 8)) { row[j &+ 8 &+ lane] = high[lane] }
        }
        var first = 0
        #if arch(arm64)
        while first &+ 4 <= tokens {
            let q0 = query + (first &* width &+ offset), q1 = q0 + width, q2 = q1 + width, q3 = q2 + width
            var j = 0
            while j < tokens {
                var l0 = SIMD8<Float>(repeating: 0), h0 = l0, l1 = l0, h1 = l0, l2 = l0, h2 = l0, l3 = l0, h3 = l0
                for c in 0..<size {
                    let base = (c &* padded &+ j) &* 4
                    let low = keys.load(fromByteOffset: base, as: SIMD8<Float>.self), high = keys.load(fromByteOffset: base &+ 32, as: SIMD8<Float>.self)
                    let b0 = SIMD8(repeating: q0[c]), b1 = SIMD8(repeating: q1[c]), b2 = SIMD8(repeating: q2[c]), b3 = SIMD8(repeating: q3[c])
                    multiplyAdd(&l0, b0, low); multiplyAdd(&h0, b0, high); multiplyAdd(&l1, b1, low); multiplyAdd(&h1, b1, high)
                    multiplyAdd(&l2, b2, low); multiplyAdd(&h2, b2, high); multiplyAdd(&l3, b3, low); multiplyAdd(&h3, b3, high)
                }
                let row = scores + first &* tokens
                store(l0, h0, row: row, from: j); store(l1, h1, row: row + tokens, from: j)
                store(l2, h2, row: row + 2 &* tokens, from: j); store(l3, h3, row: row + 3 &* tokens, from: j)
                j &+= 16
            }
            first &+= 4
        }
        #endif
        // The last queries, one at a time: sixteen keys per pass.
        for i in first..<tokens {
            let q = query + (i &* width &+ offset)
            let row = scores + i &* tokens
            var j = 0
            while j < tokens {
                var low = SIMD8<Float>(repeating: 0), high = SIMD8<Float>(repeating: 0)
                for c in 0..<size {
                    let broadcast = SIMD8(repeating: q[c])
                    let base = (c &* padded &+ j) &* 4
                    multiplyAdd(&low, broadcast, keys.load(fromByteOffset: base, as: SIMD8<Float>.self))
                    multiplyAdd(&high, broadcast, keys.load(fromByteOffset: base &+ 32, as: SIMD8<Float>.self))
                }
                low *= scale
                high *= scale
                for lane in 0..<min(8, tokens &- j) { row[j &+ lane] = low[lane] }
                for lane in 0..<max(0, min(8, tokens &- j &- 8)) { row[j &+ 8 &+ lane] = high[lane] }
                j &+= 16
            }
        }
        softmaxRows(scores, rows: tokens, columns: tokens)
        // The weighted sum: on AArch64 two query rows × 32 columns (a whole head of the model) in 16
        // registers while it runs over the tokens, each load of values serving both (12.22 M → 10.78 M);
        // then one row at a time, 32 columns, eight, one. Every sum is formed in the same order.
        var pair = 0
        #if arch(arm64)
        if size == 32 {
            while pair &+ 2 <= tokens {
                let out = UnsafeMutableRawPointer(context + (pair &* width &+ offset))
                let first = scores + pair &* tokens, second = first + tokens
                var a0 = SIMD8<Float>(repeating: 0), a1 = a0, a2 = a0, a3 = a0, b0 = a0, b1 = a0, b2 = a0, b3 = a0
                for j in 0..<tokens {
                    let p = SIMD8(repeating: first[j]), r = SIMD8(repeating: second[j])
                    let v = UnsafeRawPointer(value + (j &* width &+ offset))
                    let v0 = v.loadUnaligned(fromByteOffset: 0, as: SIMD8<Float>.self), v1 = v.loadUnaligned(fromByteOffset: 32, as: SIMD8<Float>.self)
                    let v2 = v.loadUnaligned(fromByteOffset: 64, as: SIMD8<Float>.self), v3 = v.loadUnaligned(fromByteOffset: 96, as: SIMD8<Float>.self)
                    a0 += p * v0; a1 += p * v1; a2 += p * v2; a3 += p * v3
                    b0 += r * v0; b1 += r * v1; b2 += r * v2; b3 += r * v3
                }
                out.storeBytes(of: a0, toByteOffset: 0, as: SIMD8<Float>.self); out.storeBytes(of: a1, toByteOffset: 32, as: SIMD8<Float>.self)
                out.storeBytes(of: a2, toByteOffset: 64, as: SIMD8<Float>.self); out.storeBytes(of: a3, toByteOffset: 96, as: SIMD8<Float>.self)
                let next = out + width &* 4
                next.storeBytes(of: b0, toByteOffset: 0, as: SIMD8<Float>.self); next.storeBytes(of: b1, toByteOffset: 32, as: SIMD8<Float>.self)
                next.storeBytes(of: b2, toByteOffset: 64, as: SIMD8<Float>.self); next.storeBytes(of: b3, toByteOffset: 96, as: SIMD8<Float>.self)
                pair &+= 2
            }
        }
        #endif
        for i in pair..<tokens {
            let out = UnsafeMutableRawPointer(context + (i &* width &+ offset))
            let probabilities = scores + i &* tokens
            var c = 0
            while c &+ 32 <= size {
                var s0 = SIMD8<Float>(repeating: 0), s1 = s0, s2 = s0, s3 = s0
                for j in 0..<tokens {
                    let p = SIMD8(repeating: probabilities[j])
                    let v = UnsafeRawPointer(value + (j &* width &+ offset &+ c))
                    s0 += p * v.loadUnaligned(fromByteOffset: 0, as: SIMD8<Float>.self)
                    s1 += p * v.loadUnaligned(fromByteOffset: 32, as: SIMD8<Float>.self)
                    s2 += p * v.loadUnaligned(fromByteOffset: 64, as: SIMD8<Float>.self)
                    s3 += p * v.loadUnaligned(fromByteOffset: 96, as: SIMD8<Float>.self)
                }
                out.storeBytes(of: s0, toByteOffset: c &* 4, as: SIMD8<Float>.self)
                out.storeBytes(of: s1, toByteOffset: c &* 4 &+ 32, as: SIMD8<Float>.self)
                out.storeBytes(of: s2, toByteOffset: c &* 4 &+ 64, as: SIMD8<Float>.self)
                out.storeBytes(of: s3, toByteOffset: c &* 4 &+ 96, as: SIMD8<Float>.self)
                c &+= 32
            }
            while c &+ 8 <= size {
                var sum = SIMD8<Float>(repeating: 0)
                for j in 0..<tokens {
                    sum += probabilities[j] * UnsafeRawPointer(value + (j &* width &+ offset)).loadUnaligned(fromByteOffset: c &* 4, as: SIMD8<Float>.self)
                }
                out.storeBytes(of: sum, toByteOffset: c &* 4, as: SIMD8<Float>.self)
                c &+= 8
            }
            while c < size {
                var sum: Float = 0
                for j in 0..<tokens { sum += probabilities[j] * value[j &* width &+ offset &+ c] }
                out.storeBytes(of: sum, toByteOffset: c &* 4, as: Float.self)
                c &+= 1
            }
        }
    }
}

/// Floats of the `transposedKeys` scratch `multiHeadAttention` needs: one head's keys, transposed,
/// tokens padded to a multiple of 16.
@inlinable
public func attentionTransposedKeyCount(tokens: Int, width: Int, heads: Int) -> Int { width / heads &* ((tokens &+ 15) & ~15) }

/// The obviously correct attention `multiHeadAttention` is tested against: the same formula in plain
/// loops, one value at a time.
public func multiHeadAttentionReference(
    query: UnsafePointer<Float>, key: UnsafePointer<Float>, value: UnsafePointer<Float>, tokens: Int, width: Int, heads: Int,
    into context: UnsafeMutablePointer<Float>
) {
    let size = width / heads
    for head in 0..<heads {
        for i in 0..<tokens {
            var weights = [Float](repeating: 0, count: tokens)
            for j in 0..<tokens {
                var dot: Float = 0
                for c in 0..<size { dot += query[i * width + head * size + c] * key[j * width + head * size + c] }
                weights[j] = dot / Float(size).squareRoot()
            }
            let largest = weights.max() ?? 0
            for j in 0..<tokens { weights[j] = kernelExp(weights[j] - largest) }
            let total = weights.reduce(0, +)
            for c in 0..<size {
                var sum: Float = 0
                for j in 0..<tokens { sum += weights[j] / total * value[j * width + head * size + c] }
                context[i * width + head * size + c] = sum
            }
        }
    }
}
