/// The A-weighting curve of IEC 61672-1 (the "dB(A)" of sound level meters): the analog
/// response R_A(f) = 12194² f⁴ / ((f² + 20.6²) √((f² + 107.7²)(f² + 737.9²)) (f² + 12194²)),
/// normalised to 0 dB at 1 kHz (the standard's +2.00 dB). Attune's loudness is the A-weighted
/// level converted to sones by Stevens' power law; see `Loudness`.
public enum AWeighting {
    /// |A(f)|² as a linear power gain.
    public static func powerGain(atHz frequency: Double) -> Double {
        if frequency <= 0 { return 0 }
        let f2 = frequency * frequency
        let numerator = 12194.0 * 12194.0 * f2 * f2
        let denominator = (f2 + 20.6 * 20.6) * ((f2 + 107.7 * 107.7) * (f2 + 737.9 * 737.9)).squareRoot()
            * (f2 + 12194.0 * 12194.0)
        let amplitude = numerator / denominator
        return amplitude * amplitude * 1.584_893_192_461_113   // 10^(2.00 dB / 10)
    }

    /// A(f) in dB (0 at 1 kHz within 0.01 dB).
    public static func decibels(atHz frequency: Double) -> Double {
        10 * log10(powerGain(atHz: frequency))
    }
}
