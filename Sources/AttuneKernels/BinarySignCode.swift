// Binary sign codes of vectors and their Hamming distance: the first pass of a vector search, 32×
// smaller than float vectors and 8× smaller than int8 ones (Charikar 2002, "Similarity estimation
// techniques from rounding algorithms": the fraction of differing sign bits of two vectors estimates
// their angle / π).
//
// Code of a D-dimensional vector x against a centre c (zeros for the plain sign code; the corpus mean
// for a mean-centred code), D a multiple of 64, in D / 64 little-endian words:
//
//     word w, bit b  =  1  if  x[64w + b] > c[64w + b],  else 0          (b = 0 is the lowest bit)
//
//        word 0                      word 1                         …  word D/64 - 1
//     [ b0 = x0>c0 … b63 = x63>c63 ][ b0 = x64>c64 … b63 = x127>c127 ] … [ … x[D-1]>c[D-1] ]
//
// A 384-float sentence vector becomes 6 words (48 bytes). The distance of two codes is the number of
// differing bits, Σ_w popcount(a[w] XOR b[w]), from 0 to D: integer arithmetic, identical on every
// architecture (`popcnt` on x86-64 with SSE4.2, `cnt` + `addv` on AArch64; LLVM's bit-twiddling
// expansion elsewhere, same result).

/// Writes the sign code of `values` (relative to `centre`, or to zero when `centre` is nil) into
/// `dimension / 64` words at `code`. `dimension` must be a multiple of 64.
@inlinable
public func binarySignCode(
    _ values: UnsafePointer<Float>, centre: UnsafePointer<Float>?, dimension: Int, into code: UnsafeMutablePointer<UInt64>
) {
    precondition(dimension % 64 == 0, "a sign code needs a dimension that is a multiple of 64, not \(dimension)")
    for word in 0..<(dimension / 64) {
        var bits: UInt64 = 0
        let base = word &* 64
        if let centre {
            for bit in 0..<64 where values[base &+ bit] > centre[base &+ bit] { bits |= 1 &<< UInt64(bit) }
        } else {
            for bit in 0..<64 where values[base &+ bit] > 0 { bits |= 1 &<< UInt64(bit) }
        }
        code[word] = bits
    }
}

/// The obviously correct sign code: one bit at a time, by index arithmetic on the whole vector.
public func binarySignCodeReference(
    _ values: UnsafePointer<Float>, centre: UnsafePointer<Float>?, dimension: Int, into code: UnsafeMutablePointer<UInt64>
) {
    for word in 0..<(dimension / 64) { code[word] = 0 }
    for index in 0..<dimension {
        let threshold = centre?[index] ?? 0
        if values[index] > threshold { code[index / 64] |= UInt64(1) << UInt64(index % 64) }
    }
}

/// Hamming distance of two codes of `words` words: the number of differing bits.
@inlinable
public func hammingDistance(_ a: UnsafePointer<UInt64>, _ b: UnsafePointer<UInt64>, words: Int) -> Int {
    var distance = 0
    for word in 0..<words { distance &+= (a[word] ^ b[word]).nonzeroBitCount }
    return distance
}

/// The obviously correct Hamming distance: bit by bit.
public func hammingDistanceReference(_ a: UnsafePointer<UInt64>, _ b: UnsafePointer<UInt64>, words: Int) -> Int {
    var distance = 0
    for word in 0..<words {
        for bit in 0..<64 where (a[word] >> UInt64(bit)) & 1 != (b[word] >> UInt64(bit)) & 1 { distance += 1 }
    }
    return distance
}

/// Hamming distances of `query` to `count` codes stored contiguously (`words` each) at `codes`,
/// written to `distances`. A code for which `include(index)` is false gets `UInt16.max` instead,
/// which no real distance reaches (D ≤ 65,535): the first pass of a filtered search, one call per
/// code and no allocation. The 6-word case (384 dimensions) is unrolled; other widths loop.
@inlinable
public func hammingDistances(
    to query: UnsafePointer<UInt64>, codes: UnsafePointer<UInt64>, count: Int, words: Int,
    into distances: UnsafeMutablePointer<UInt16>, include: (Int) -> Bool
) {
    if words == 6 {
        let q0 = query[0], q1 = query[1], q2 = query[2], q3 = query[3], q4 = query[4], q5 = query[5]
        var code = codes
        for index in 0..<count {
            if include(index) {
                let d0 = (code[0] ^ q0).nonzeroBitCount &+ (code[1] ^ q1).nonzeroBitCount &+ (code[2] ^ q2).nonzeroBitCount
                let d1 = (code[3] ^ q3).nonzeroBitCount &+ (code[4] ^ q4).nonzeroBitCount &+ (code[5] ^ q5).nonzeroBitCount
                distances[index] = UInt16(truncatingIfNeeded: d0 &+ d1)
            } else {
                distances[index] = .max
            }
            code += 6
        }
        return
    }
    for index in 0..<count {
        distances[index] = include(index) ? UInt16(truncatingIfNeeded: hammingDistance(query, codes + index &* words, words: words)) : .max
    }
}

/// Cosine estimate of two int8 vectors with symmetric scales (Int8Layout.swift): the exact int32 dot
/// product, scaled once, `Float(Σ a·b) · scaleA · scaleB`, in that order, so the result is the same
/// float on every architecture. For unit vectors quantized per vector this is their cosine to
/// within the quantization error.
@inlinable
public func int8ScaledDotProduct(_ a: UnsafePointer<Int8>, scaleA: Float, _ b: UnsafePointer<Int8>, scaleB: Float, count: Int) -> Float {
    Float(int8DotProduct(a, b, count: count)) * scaleA * scaleB
}

/// The obviously correct scaled int8 dot product.
public func int8ScaledDotProductReference(_ a: UnsafePointer<Int8>, scaleA: Float, _ b: UnsafePointer<Int8>, scaleB: Float, count: Int) -> Float {
    Float(int8DotProductReference(a, b, count: count)) * scaleA * scaleB
}
