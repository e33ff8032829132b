/// Quantizes each row of a `rows × columns` float matrix to int8 with its own symmetric scale
/// (layout: Int8Layout.swift). A row of zeros gets scale 0 and zeros.
@inlinable
public func quantizeRowsSymmetric(
    _ values: UnsafePointer<Float>, rows: Int, columns: Int,
    into quantized: UnsafeMutablePointer<Int8>, scales: UnsafeMutablePointer<Float>
) {
    for row in 0..<rows {
        let source = values + row &* columns
        let target = quantized + row &* columns
        var largest: Float = 0
        for column in 0..<columns {
            let magnitude = source[column].magnitude
            if magnitude > largest { largest = magnitude }
        }
        guard largest > 0 else {
            scales[row] = 0
            target.update(repeating: 0, count: columns)
            continue
        }
        let scale = largest / 127
        scales[row] = scale
        let inverse = 127 / largest
        for column in 0..<columns {
            // |source · inverse| ≤ 127 by construction; rounding keeps it in range.
            target[column] = Int8((source[column] * inverse).rounded())
        }
    }
}

/// `quantizeRowsSymmetric` of `values · channelScales` (each column multiplied by its own factor
/// first): the run-time half of SmoothQuant (Xiao et al. 2023), whose other half, the inverse factors,
/// the converter has already multiplied into the weight columns. It moves the few very large
/// activation channels of a transformer into the weights, so one per-token scale no longer has to
/// span them.
///
/// This is the encoder's quantizer, so it works eight columns at a time with results identical to the
/// scalar loop's (`quantizeRowsSymmetricReference`): the same products, the same largest magnitude,
/// and rounding to nearest with ties away from zero done with float adds (`roundedAwayFromZero`)
/// instead of `rounded()`, whose conversion to Int8 kept the loop scalar. It repeats the loop
/// above rather than sharing it through a closure: that measured slower in the embedder (`attune
/// embed` on 200 sentences: 23 s against 18 s) and made its peak RSS grow with the input.
@inlinable
public func quantizeRowsSymmetric(
    _ values: UnsafePointer<Float>, rows: Int, columns: Int, channelScales: UnsafePointer<Float>,
    into quantized: UnsafeMutablePointer<Int8>, scales: UnsafeMutablePointer<Float>
) {
    let vectorColumns = columns & ~7
    let factors = UnsafeRawPointer(channelScales)
    for row in 0..<rows {
        let source = UnsafeRawPointer(values + row &* columns)
        let target = quantized + row &* columns
        var largestLanes = SIMD8<Float>(repeating: 0)
        var column = 0
        while column < vectorColumns {
            let product = source.loadUnaligned(fromByteOffset: column &* 4, as: SIMD8<Float>.self)
                * factors.loadUnaligned(fromByteOffset: column &* 4, as: SIMD8<Float>.self)
            let magnitude = magnitudes(product)
            // `replacing(with:where:)` compiles to one vector max; the stdlib's `pointwiseMax` stayed a call.
            largestLanes = largestLanes.replacing(with: magnitude, where: magnitude .> largestLanes)
            column &+= 8
        }
        var largest = largestLanes.max()
        for column in vectorColumns..<columns {
            let magnitude = (values[row &* columns &+ column] * channelScales[column]).magnitude
            if magnitude > largest { largest = magnitude }
        }
        guard largest > 0 else {
            scales[row] = 0
            target.update(repeating: 0, count: columns)
            continue
        }
        scales[row] = largest / 127
        let inverse = 127 / largest
        // A plain loop, so that LLVM vectorizes it with narrowing stores (`xtn` on AArch64); the same
        // steps in SIMD8 lanes stored their bytes one at a time.
        let rowValues = values + row &* columns
        for column in 0..<columns {
            target[column] = Int8(truncatingIfNeeded: roundedAwayFromZero(rowValues[column] * channelScales[column] * inverse))
        }
    }
}

/// |x| lane-wise, by clearing the sign bits.
@inlinable @inline(__always)
func magnitudes(_ x: SIMD8<Float>) -> SIMD8<Float> {
    unsafeBitCast(unsafeBitCast(x, to: SIMD8<UInt32>.self) & 0x7FFF_FFFF, to: SIMD8<Float>.self)
}

/// x rounded to the nearest integer, ties away from zero (as `Float.rounded()`), as Int32 lanes, for
/// |x| ≤ 2²² with float adds only: adding 2²³ to |x| rounds it to nearest-even, the remainder
/// |x| - n is exact, and a remainder of exactly 0.5 means a tie went down, so it goes up instead.
/// The integer is then read from the mantissa of n + 2²³ and given x's sign.
@inlinable @inline(__always)
func roundedAwayFromZero(_ x: SIMD8<Float>) -> SIMD8<Int32> {
    let magic = SIMD8<Float>(repeating: 8_388_608)
    let a = magnitudes(x)
    var n = (a + magic) - magic
    n = n.replacing(with: n + 1, where: a - n .== 0.5)
    let integer = unsafeBitCast(n + magic, to: SIMD8<Int32>.self) &- 0x4B00_0000
    let negative = unsafeBitCast(x, to: SIMD8<Int32>.self) &>> 31  // -1 where x < 0, else 0
    return (integer ^ negative) &- negative
}

/// `roundedAwayFromZero` for one value (the same steps, so the same results), written for the loop
/// vectorizer.
@inlinable @inline(__always)
func roundedAwayFromZero(_ x: Float) -> Int32 {
    let magic: Float = 8_388_608
    let a = x.magnitude
    var n = (a + magic) - magic
    if a - n == 0.5 { n += 1 }
    let integer = Int32(bitPattern: (n + magic).bitPattern) &- 0x4B00_0000
    let negative = Int32(bitPattern: x.bitPattern) &>> 31
    return (integer ^ negative) &- negative
}

/// The scalar loop `quantizeRowsSymmetric(_:rows:columns:channelScales:into:scales:)` must match.
public func quantizeRowsSymmetricReference(
    _ values: UnsafePointer<Float>, rows: Int, columns: Int, channelScales: UnsafePointer<Float>,
    into quantized: UnsafeMutablePointer<Int8>, scales: UnsafeMutablePointer<Float>
) {
    for row in 0..<rows {
        let source = values + row * columns
        var largest: Float = 0
        for column in 0..<columns where (source[column] * channelScales[column]).magnitude > largest {
            largest = (source[column] * channelScales[column]).magnitude
        }
        scales[row] = largest / 127
        for column in 0..<columns {
            quantized[row * columns + column] = largest > 0 ? Int8((source[column] * channelScales[column] * (127 / largest)).rounded()) : 0
        }
    }
}
