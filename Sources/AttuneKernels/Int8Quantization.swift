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
