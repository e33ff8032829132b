import AttuneKernels
import Foundation

/// Silero VAD (v5 architecture, 16 kHz), ported to Swift: one speech probability per 512-sample
/// (32 ms) chunk, with the LSTM state carried from chunk to chunk.
///
/// The network, as the converted weights describe it (tools/convert_silero_vad.py has the float64
/// reference this port is tested against):
/// 1. input: the previous 64 samples of context + 512 new ones, reflect-padded by 64 on the right;
/// 2. STFT: 4 frames of 256 samples, hop 128, periodic Hann, magnitude of bins 0…128. Silero stores it
///    as a convolution with 258 DFT basis rows (264k multiply-adds); a real FFT does the same in ~5k;
/// 3. four 3-tap convolutions with ReLU: 129→128, 128→64 (stride 2), 64→64 (stride 2), 64→128,
///    4 time steps down to 1, each output channel one `floatDotProduct` over an im2col column;
/// 4. an LSTM cell (128), gates as one 512 × 256 matrix times [x; h];
/// 5. ReLU, a 1×1 convolution to one value, sigmoid.
public final class SileroVAD {
    public static let chunkSamples = 512
    public static let contextSamples = 64
    let weights: SileroVADWeights
    private let fft = RealFourierTransform(count: 256)!
    private var hann = [Double](repeating: 0, count: 256)
    private var context = [Float](repeating: 0, count: contextSamples)
    private var padded = [Float](repeating: 0, count: 640)
    private var frame = [Double](repeating: 0, count: 256)
    private var power = [Double](repeating: 0, count: 129)
    private var magnitude = [Float](repeating: 0, count: 129 * 4)
    private var layer1 = [Float](repeating: 0, count: 128 * 4)
    private var layer2 = [Float](repeating: 0, count: 64 * 2)
    private var layer3 = [Float](repeating: 0, count: 64)
    private var column = [Float](repeating: 0, count: 129 * 3)
    /// [x; h]: the LSTM input (conv4's output) followed by its hidden state.
    private var inputAndHidden = [Float](repeating: 0, count: 256)
    private var cell = [Float](repeating: 0, count: 128)
    private var gates = [Float](repeating: 0, count: 512)

    public init(weights: SileroVADWeights) {
        self.weights = weights
        for n in 0..<256 { hann[n] = 0.5 - 0.5 * cos(2 * Double.pi * Double(n) / 256) }
    }

    /// Forgets the context and the LSTM state (a new stream).
    public func reset() {
        for i in context.indices { context[i] = 0 }
        for i in inputAndHidden.indices { inputAndHidden[i] = 0 }
        for i in cell.indices { cell[i] = 0 }
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
            frame.withUnsafeBufferPointer { f in
                power.withUnsafeMutableBufferPointer { fft.powerSpectrum(of: f.baseAddress!, into: $0.baseAddress!) }
            }
            for k in 0..<129 { magnitude[k * 4 + t] = Float(power[k].squareRoot()) }
        }
        // 3. Encoder.
        convolve(magnitude, length: 4, weights.conv1, stride: 1, into: &layer1)
        convolve(layer1, length: 4, weights.conv2, stride: 2, into: &layer2)
        convolve(layer2, length: 2, weights.conv3, stride: 2, into: &layer3)
        convolveIntoLSTMInput(layer3)   // conv4 writes straight into x of [x; h]
        // 4. LSTM cell: gates = [W_ih | W_hh] · [x; h] + b, in PyTorch's order i, f, g, o.
        weights.lstmWeights.withUnsafeBufferPointer { w in
            inputAndHidden.withUnsafeBufferPointer { xh in
                for row in 0..<512 {
                    gates[row] = floatDotProduct(w.baseAddress! + row * 256, xh.baseAddress!, count: 256) + weights.lstmBias[row]
                }
            }
        }
        var output = weights.finalBias
        for j in 0..<128 {
            let input = Self.sigmoid(gates[j])
            let forget = Self.sigmoid(gates[128 + j])
            let candidate = tanh(gates[256 + j])
            let out = Self.sigmoid(gates[384 + j])
            cell[j] = forget * cell[j] + input * candidate
            let hidden = out * tanh(cell[j])
            inputAndHidden[128 + j] = hidden
            // 5. ReLU and the 1×1 output convolution.
            output += weights.finalWeights[j] * max(hidden, 0)
        }
        return Self.sigmoid(output)
    }

    @inline(__always)
    static func sigmoid(_ x: Float) -> Float { 1 / (1 + exp(-x)) }

    /// 3-tap convolution, padding 1, with ReLU; input and output channel-major [channel][time].
    private func convolve(_ input: [Float], length: Int, _ layer: SileroVADWeights.ConvolutionWeights, stride: Int, into output: inout [Float]) {
        let outputLength = (length + 2 - 3) / stride + 1
        let width = layer.inputChannels * 3
        for t in 0..<outputLength {
            for c in 0..<layer.inputChannels {
                for tap in 0..<3 {
                    let source = t * stride + tap - 1
                    column[c * 3 + tap] = source >= 0 && source < length ? input[c * length + source] : 0
                }
            }
            layer.weights.withUnsafeBufferPointer { w in
                column.withUnsafeBufferPointer { col in
                    for o in 0..<layer.outputChannels {
                        let value = floatDotProduct(w.baseAddress! + o * width, col.baseAddress!, count: width) + layer.bias[o]
                        output[o * outputLength + t] = max(value, 0)
                    }
                }
            }
        }
    }

    /// conv4 (64 → 128, one time step) with ReLU, written into the LSTM input.
    private func convolveIntoLSTMInput(_ input: [Float]) {
        let layer = weights.conv4
        for c in 0..<64 {
            column[c * 3] = 0
            column[c * 3 + 1] = input[c]
            column[c * 3 + 2] = 0
        }
        layer.weights.withUnsafeBufferPointer { w in
            column.withUnsafeBufferPointer { col in
                for o in 0..<128 {
                    inputAndHidden[o] = max(floatDotProduct(w.baseAddress! + o * 192, col.baseAddress!, count: 192) + layer.bias[o], 0)
                }
            }
        }
    }
}
