import AttuneKernels

/// Silero VAD's 16 kHz weights as converted by tools/convert_silero_vad.py (models/silero-vad-16k.bin,
/// format in that script and models/MODELS.md). Loaded once (≈ 1 MB); the LSTM's two matrices are
/// joined row by row into one [W_ih | W_hh] so that each gate is one dot product over [x; h]. Every
/// matrix is packed once, here, into the row panels its kernel reads (`FloatRowPanels`: two-row panels
/// for the convolutions over several output times, eight-row panels for those over one and the LSTM).
public struct SileroVADWeights: Sendable {
    public static let defaultFileName = "silero-vad-16k.bin"

    let conv1: ConvolutionWeights
    let conv2: ConvolutionWeights
    let conv3: ConvolutionWeights
    let conv4: ConvolutionWeights
    /// 512 rows (gates i, f, g, o × 128) of 256 columns: W_ih then W_hh, in eight-row panels.
    let lstmWeights: FloatRowPanels
    /// b_ih + b_hh.
    let lstmBias: [Float]
    let finalWeights: [Float]
    let finalBias: Float
    /// Bytes held, for the memory budget.
    public let byteCount: Int

    struct ConvolutionWeights: Sendable {
        var outputChannels: Int
        var inputChannels: Int
        /// (out, in, 3): one row of in × 3 per output channel, packed for `outputTimes` columns.
        var weights: FloatRowPanels
        var bias: [Float]
    }

    /// Parses and validates a model file's bytes; `path` names the file in errors. Foundation-free, so
    /// the Embedded Swift edge build (cross/) loads the same file the same way.
    /// - Throws: `TurnModelError` naming the file and what is wrong with it.
    public init(bytes data: UnsafeRawBufferPointer, path: String) throws(TurnModelError) {
        var tensors: [String: (shape: [Int], values: [Float])] = [:]
        var offset = 0
        func take(_ count: Int) throws(TurnModelError) -> UnsafeRawBufferPointer {
            guard offset + count <= data.count else { throw .truncated(path: path, atByte: offset) }
            defer { offset += count }
            return UnsafeRawBufferPointer(rebasing: data[offset..<(offset + count)])
        }
        func u32() throws(TurnModelError) -> Int {
            let bytes = try take(4)
            return Int(UInt32(bytes[0]) | UInt32(bytes[1]) << 8 | UInt32(bytes[2]) << 16 | UInt32(bytes[3]) << 24)
        }
        guard try take(8).elementsEqual("ATSVAD01".utf8) else { throw .badMagic(path: path) }
        let count = try u32()
        guard count <= 64 else { throw .malformed(path: path, reason: "\(count) tensors") }
        for _ in 0..<count {
            let nameLength = try u32()
            guard nameLength <= 256 else { throw .malformed(path: path, reason: "a tensor name of \(nameLength) bytes") }
            let name = String(decoding: try take(nameLength), as: UTF8.self)
            let rank = try u32()
            guard (1...4).contains(rank) else { throw .malformed(path: path, reason: "tensor \(name) has rank \(rank)") }
            var shape: [Int] = []
            for _ in 0..<rank { shape.append(try u32()) }
            let elements = shape.reduce(1, *)
            guard elements <= 1 << 22 else { throw .malformed(path: path, reason: "tensor \(name) is too large") }
            let bytes = try take(elements * 4)
            let values = (0..<elements).map {
                Float(bitPattern: UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self)))
            }
            tensors[name] = (shape, values)
        }
        func tensor(_ name: String, _ shape: [Int]) throws(TurnModelError) -> [Float] {
            guard let t = tensors[name] else { throw .missingTensor(path: path, name: name) }
            guard t.shape == shape else { throw .wrongShape(path: path, name: name, expected: shape, found: t.shape) }
            return t.values
        }
        /// `outputTimes`: how many output times the layer computes per chunk (4, 2, 1, 1), which
        /// decides the panels.
        func conv(_ index: Int, _ out: Int, _ input: Int, outputTimes: Int) throws(TurnModelError) -> ConvolutionWeights {
            let rowMajor = try tensor("conv\(index).weight", [out, input, 3])
            return ConvolutionWeights(
                outputChannels: out, inputChannels: input,
                weights: FloatRowPanels(rowMajor: rowMajor, rows: out, width: input * 3, panelRows: outputTimes == 1 ? 8 : 2),
                bias: try tensor("conv\(index).bias", [out]))
        }
        conv1 = try conv(1, 128, 129, outputTimes: 4)
        conv2 = try conv(2, 64, 128, outputTimes: 2)
        conv3 = try conv(3, 64, 64, outputTimes: 1)
        conv4 = try conv(4, 128, 64, outputTimes: 1)
        let ih = try tensor("lstm_cell.weight_ih", [512, 128])
        let hh = try tensor("lstm_cell.weight_hh", [512, 128])
        var joined = [Float](repeating: 0, count: 512 * 256)
        for row in 0..<512 {
            for column in 0..<128 {
                joined[row * 256 + column] = ih[row * 128 + column]
                joined[row * 256 + 128 + column] = hh[row * 128 + column]
            }
        }
        lstmWeights = FloatRowPanels(rowMajor: joined, rows: 512, width: 256, panelRows: 8)
        let bih = try tensor("lstm_cell.bias_ih", [512]), bhh = try tensor("lstm_cell.bias_hh", [512])
        lstmBias = zip(bih, bhh).map { $0 + $1 }
        finalWeights = try tensor("final_conv.weight", [1, 128, 1])
        finalBias = try tensor("final_conv.bias", [1])[0]
        byteCount = ([conv1, conv2, conv3, conv4].reduce(0) { $0 + $1.weights.rows * $1.weights.width }
            + lstmWeights.rows * lstmWeights.width + 1024) * 4
    }

}
