/// How one sample is stored in interleaved little-endian PCM, in a WAV data chunk or an ALSA period.
public enum SampleEncoding: Sendable, Equatable, CustomStringConvertible {
    /// 8-bit unsigned, offset 128 (WAV's only 8-bit form).
    case unsigned8
    case signed16
    /// 24-bit packed in 3 bytes (WAV 24-bit, ALSA `S24_3LE`).
    case signed24Packed
    /// 24-bit in the low 3 bytes of a 32-bit word (ALSA `S24_LE`).
    case signed24In32
    case signed32
    case float32
    case float64

    public var bytesPerSample: Int {
        switch self {
        case .unsigned8: return 1
        case .signed16: return 2
        case .signed24Packed: return 3
        case .signed24In32, .signed32, .float32: return 4
        case .float64: return 8
        }
    }

    public var description: String {
        switch self {
        case .unsigned8: return "U8"
        case .signed16: return "S16_LE"
        case .signed24Packed: return "S24_3LE"
        case .signed24In32: return "S24_LE"
        case .signed32: return "S32_LE"
        case .float32: return "FLOAT_LE"
        case .float64: return "FLOAT64_LE"
        }
    }

    /// Decodes `frameCount` interleaved frames of `channelCount` channels from `bytes` and writes their
    /// channel average, as Float in [-1, 1], to `mono`. Integer full scale maps to ±1 (divide by 2^(bits-1)),
    /// so 16-bit input round-trips exactly through `Float` and back. Allocates nothing.
    @inlinable
    public func decodeToMono(
        _ bytes: UnsafeRawPointer, frameCount: Int, channelCount: Int, into mono: UnsafeMutablePointer<Float>
    ) {
        let stride = bytesPerSample
        let frameBytes = stride * channelCount
        let channelScale = 1 / Float(channelCount)
        for frame in 0..<frameCount {
            var sum: Float = 0
            let frameStart = bytes + frame * frameBytes
            for channel in 0..<channelCount {
                sum += decodeSample(frameStart + channel * stride)
            }
            mono[frame] = channelCount == 1 ? sum : sum * channelScale
        }
    }

    @inlinable @inline(__always)
    func decodeSample(_ p: UnsafeRawPointer) -> Float {
        switch self {
        case .unsigned8:
            return (Float(p.load(as: UInt8.self)) - 128) / 128
        case .signed16:
            return Float(Int16(littleEndian: p.loadUnaligned(as: Int16.self))) / 32_768
        case .signed24Packed:
            let raw = Int32(p.load(fromByteOffset: 0, as: UInt8.self))
                | Int32(p.load(fromByteOffset: 1, as: UInt8.self)) << 8
                | Int32(p.load(fromByteOffset: 2, as: UInt8.self)) << 16
            return Float((raw << 8) >> 8) / 8_388_608
        case .signed24In32:
            let raw = Int32(littleEndian: p.loadUnaligned(as: Int32.self))
            return Float((raw << 8) >> 8) / 8_388_608
        case .signed32:
            return Float(Int32(littleEndian: p.loadUnaligned(as: Int32.self))) / 2_147_483_648
        case .float32:
            return Float(bitPattern: UInt32(littleEndian: p.loadUnaligned(as: UInt32.self)))
        case .float64:
            return Float(Double(bitPattern: UInt64(littleEndian: p.loadUnaligned(as: UInt64.self))))
        }
    }
}

/// Converts canonical Float samples back to 16-bit PCM: round to nearest, clip at full scale.
@inlinable
public func pcm16(fromFloat sample: Float) -> Int16 {
    let scaled = (sample * 32_768).rounded()
    return Int16(max(-32_768, min(32_767, scaled)))
}
