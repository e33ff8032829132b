/// Scaled dot-product attention over `heads` heads, in float, as BERT computes it without a mask:
/// for each head (a `width / heads` slice of every row), scores s_ij = q_i · k_j / √size, softmax over
/// j, and context_i = Σ_j p_ij · v_j. `query`, `key`, `value` and `context` are `tokens × width`,
/// row-major; `scores` is scratch for `tokens × tokens`. Scores go through `floatDotProduct`, the
/// softmax through `softmaxRows`, and the weighted sum keeps eight columns of a context row in a
/// register while it runs over the tokens. The scalar reference is `multiHeadAttentionReference`.
@inlinable
public func multiHeadAttention(
    query: UnsafePointer<Float>, key: UnsafePointer<Float>, value: UnsafePointer<Float>, tokens: Int, width: Int, heads: Int,
    scores: UnsafeMutablePointer<Float>, into context: UnsafeMutablePointer<Float>
) {
    let size = width / heads
    let scale = 1 / Float(size).squareRoot()
    for head in 0..<heads {
        let offset = head &* size
        for i in 0..<tokens {
            let q = query + (i &* width &+ offset)
            for j in 0..<tokens { scores[i &* tokens &+ j] = floatDotProduct(q, key + (j &* width &+ offset), count: size) * scale }
        }
        softmaxRows(scores, rows: tokens, columns: tokens)
        for i in 0..<tokens {
            let out = context + (i &* width &+ offset)
            let probabilities = scores + i &* tokens
            var c = 0
            while c &+ 8 <= size {
                var sum = SIMD8<Float>(repeating: 0)
                for j in 0..<tokens {
                    sum += probabilities[j] * UnsafeRawPointer(value + (j &* width &+ offset)).loadUnaligned(fromByteOffset: c &* 4, as: SIMD8<Float>.self)
                }
                UnsafeMutableRawPointer(out).storeBytes(of: sum, toByteOffset: c &* 4, as: SIMD8<Float>.self)
                c &+= 8
            }
            while c < size {
                var sum: Float = 0
                for j in 0..<tokens { sum += probabilities[j] * value[j &* width &+ offset &+ c] }
                out[c] = sum
                c &+= 1
            }
        }
    }
}

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
