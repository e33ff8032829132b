import AttuneKernels

/// Silero VAD (v5 architecture, 16 kHz), ported to Swift: one speech probability per 512-sample
/// (32 ms) chunk, with the LSTM state carried from chunk to chunk.
///
/// The network, as the converted weights describe it (tools/convert_silero_vad.py has the float64
/// reference this port is tested against):
/// 1. input: the previous 64 samples of context + 512 new ones, reflect-padded by 64 on the right;
/// 2. STFT: 4 frames of 256 samples, hop 128, periodic Hann, magnitude of bins 0…128. Silero stores it
///    as a convolution with 258 DFT basis rows (264k multiply-adds); a real FFT does the same in ~5k;
/// 3. four 3-tap convolutions with ReLU: 129→128, 128→64 (stride 2), 64→64 (stride 2), 64→128,
///    4 time steps down to 1, every output time an im2col column, all of a layer's columns in one pass
///    over its weights (`FloatRowPanels`);
/// 4. an LSTM cell (128), gates as one 512 × 256 matrix times [x; h];
/// 5. ReLU, a 1×1 convolution to one value, sigmoid.
public final class SileroVAD {
    public static let chunkSamples = 512
    public static let contextSamples = 64
    let weights: SileroVADWeights
    private let fft = RealFourierTransform(count: 256)!
    // Scratch, allocated once: plain pointers keep exclusivity checks out of the per-chunk path.
    private let hann = UnsafeMutablePointer<Double>.allocate(capacity: 256)
    private let context = UnsafeMutablePointer<Float>.allocate(capacity: contextSamples)
    private let padded = UnsafeMutablePointer<Float>.allocate(capacity: 640)
    private let frame = UnsafeMutablePointer<Double>.allocate(capacity: 256)
    private let power = UnsafeMutablePointer<Double>.allocate(capacity: 129)
    /// Channel-major activations [channel][time].
    private let magnitude = UnsafeMutablePointer<Float>.allocate(capacity: 129 * 4)
    private let layer1 = UnsafeMutablePointer<Float>.allocate(capacity: 128 * 4)
    private let layer2 = UnsafeMutablePointer<Float>.allocate(capacity: 64 * 2)
    private let layer3 = UnsafeMutablePointer<Float>.allocate(capacity: 64)
    /// im2col columns for up to 4 output times, and the convolution's time-major result.
    private let columns = UnsafeMutablePointer<Float>.allocate(capacity: 4 * 129 * 3)
    private let products = UnsafeMutablePointer<Float>.allocate(capacity: 4 * 128)
    /// [x; h]: the LSTM input (conv4's output) followed by its hidden state.
    private let inputAndHidden = UnsafeMutablePointer<Float>.allocate(capacity: 256)
    private let cell = UnsafeMutablePointer<Float>.allocate(capacity: 128)
    private let gates = UnsafeMutablePointer<Float>.allocate(capacity: 512)

    public init(weights: SileroVADWeights) {
        self.weights = weights
        for n in 0..<256 { hann[n] = 0.5 - 0.5 * cos(2 * Double.pi * Double(n) / 256) }
        reset()
    }

    deinit {
        for pointer in [context, padded, magnitude, layer1, layer2, layer3, columns, products, inputAndHidden, cell, gates] {
            pointer.deallocate()
        }
        hann.deallocate()
        frame.deallocate()
        power.deallocate()
    }

    /// Forgets the context and the LSTM state (a new stream).
    public func reset() {
        context.initialize(repeating: 0, count: Self.contextSamples)
        inputAndHidden.initialize(repeating: 0, count: 256)
        cell.initialize(repeating: 0, count: 128)
    }

    /// The speech probability of the next 512 samples.
    public func probability(ofChunk chunk: UnsafePointer<Float>) -> Float {
        // 1. Context + chunk, reflect-padded: padded[576 + j] = padded[574 − j].
        for i in 0..<64 { padded[i] = context[i] }
        for i in 0..<512 { padded[64 + i] = chunk[i] }
        for j in 0..<64 { padded[576 + j] = padded[574 - j] }
        for i in 0..<64 { context[i] = padded[512 + i] }
        // 2. STFT magnitudes, channel-major [bin][frame].
        for t in 0..<4 {
            for n in 0..<256 { frame[n] = Double(padded[t * 128 + n]) * hann[n] }
            fft.powerSpectrum(of: frame, into: power)
            for k in 0..<129 { magnitude[k * 4 + t] = Float(power[k].squareRoot()) }
        }
        // 3. Encoder.
        convolve(magnitude, length: 4, weights.conv1, stride: 1, into: layer1)
        convolve(layer1, length: 4, weights.conv2, stride: 2, into: layer2)
        convolve(layer2, length: 2, weights.conv3, stride: 2, into: layer3)
        convolve(layer3, length: 1, weights.conv4, stride: 1, into: inputAndHidden)   // conv4 writes x of [x; h]
        // 4. LSTM cell: gates = [W_ih | W_hh] · [x; h] + b, in PyTorch's order i, f, g, o.
        weights.lstmWeights.multiply(inputAndHidden, columnCount: 1, into: gates)
        weights.lstmBias.withUnsafeBufferPointer { b in
            for row in 0..<512 { gates[row] += b[row] }
        }
        var output = weights.finalBias
        for j in 0..<128 {
            let input = Self.sigmoid(gates[j])
            let forget = Self.sigmoid(gates[128 + j])
            let candidate = Self.tanh(gates[256 + j])
            let out = Self.sigmoid(gates[384 + j])
            cell[j] = forget * cell[j] + input * candidate
            let hidden = out * Self.tanh(cell[j])
            inputAndHidden[128 + j] = hidden
            // 5. ReLU and the 1×1 output convolution.
            output += weights.finalWeights[j] * max(hidden, 0)
        }
        return Self.sigmoid(output)
    }

    @inline(__always)
    static func sigmoid(_ x: Float) -> Float { 1 / (1 + expf(-x)) }

    /// tanh x = 1 − 2 / (e^{2x} + 1). glibc's `tanhf` goes through `expm1f` and took a tenth of the
    /// chunk's time; `expf` has a fast FMA path. The absolute error stays below 2e-7, far inside the
    /// tolerance the port is held to against the float64 reference (SileroVADTests).
    @inline(__always)
    static func tanh(_ x: Float) -> Float { 1 - 2 / (expf(2 * x) + 1) }

    /// 3-tap convolution, padding 1, with ReLU; input and output channel-major [channel][time].
    /// All output times are computed in one pass over the weights (`FloatRowPanels`). The im2col copy
    /// decides padding per tap, not per element: whether a tap's source time is inside the input does
    /// not depend on the channel.
    private func convolve(
        _ input: UnsafeMutablePointer<Float>, length: Int, _ layer: SileroVADWeights.ConvolutionWeights,
        stride: Int, into output: UnsafeMutablePointer<Float>
    ) {
        let outputLength = (length + 2 - 3) / stride + 1
        let width = layer.inputChannels * 3
        let channels = layer.inputChannels
        for t in 0..<outputLength {
            for tap in 0..<3 {
                let source = t &* stride &+ tap &- 1
                var target = columns + (t &* width &+ tap)
                if source >= 0 && source < length {
                    var value = UnsafePointer(input) + source
                    for _ in 0..<channels { target.pointee = value.pointee; target += 3; value += length }
                } else {
                    for _ in 0..<channels { target.pointee = 0; target += 3 }
                }
            }
        }
        layer.weights.multiply(columns, columnCount: outputLength, into: products)
        layer.bias.withUnsafeBufferPointer { bias in
            let outputs = layer.outputChannels
            for o in 0..<outputs {
                let b = bias[o]
                for t in 0..<outputLength {
                    output[o &* outputLength &+ t] = max(products[t &* outputs &+ o] + b, 0)
                }
            }
        }
    }
}
