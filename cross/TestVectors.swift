// Test-vector helpers shared by the cross/ drivers (compiled with AttuneKernels, which has SplitMix64).

extension SplitMix64 {
    mutating func int8() -> Int8 { Int8(truncatingIfNeeded: Int(next() % 255) - 127) }
    /// A float in [-range, range) from 24 random bits, exactly representable.
    mutating func float(_ range: Float = 1) -> Float { (Float(next() >> 40) / 8_388_608 - 1) * range }
}
