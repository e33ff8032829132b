import AttuneKernels

/// Float sentence vectors to the store's int8 format and back (Int8Layout.swift: symmetric, one
/// scale per vector, `q = round(x · 127 / max|x|)`, so the largest component is ±127).
enum VectorQuantizer {
    static func quantize(_ vector: [Float]) -> (values: [Int8], scale: Float) {
        var values = [Int8](repeating: 0, count: vector.count)
        var scale: Float = 0
        vector.withUnsafeBufferPointer { source in
            values.withUnsafeMutableBufferPointer { target in
                quantizeRowsSymmetric(source.baseAddress!, rows: 1, columns: vector.count, into: target.baseAddress!, scales: &scale)
            }
        }
        return (values, scale)
    }

    static func dequantize(_ values: UnsafeBufferPointer<Int8>, scale: Float, into target: UnsafeMutablePointer<Float>) {
        for index in values.indices { target[index] = Float(values[index]) * scale }
    }
}
