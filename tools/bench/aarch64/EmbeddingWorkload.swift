// One sentence through the real all-MiniLM-L6-v2 int8 model with Attune's own forward pass
// (Sources/AttuneText/MiniLMEncoder.swift), built with Embedded Swift for a Pi's core and counted
// under qemu (tools/bench/embed-aarch64.sh). The model file is read whole with the C library (the
// embedder maps it); its tensor offsets come from model_directory.py, since Embedded Swift has no
// JSON decoder. The encoder's matrices are unpacked from the file's panels into row-major copies, as
// the embedder does on AArch64. Each length's embedding is run once to warm up, then once between the
// counting markers; the vector is printed as its bit patterns (and their hash), so a run can be
// compared with `attune embed` on x86-64.
//
// Usage (inside qemu): ATTUNE_MODEL_FILE=models/minilm-l6-v2-int8.bin EmbeddingWorkload

import AttuneKernels

@_extern(c, "getenv") func getenv(_ name: UnsafePointer<CChar>) -> UnsafePointer<CChar>?
@_extern(c, "close") func close(_ descriptor: Int32) -> Int32
@_extern(c, "fopen") func fopen(_ path: UnsafePointer<CChar>, _ mode: UnsafePointer<CChar>) -> OpaquePointer?
@_extern(c, "fread") func fread(_ buffer: UnsafeMutableRawPointer, _ size: Int, _ count: Int, _ file: OpaquePointer) -> Int
@_extern(c, "fseek") func fseek(_ file: OpaquePointer, _ offset: Int, _ whence: Int32) -> Int32
@_extern(c, "ftell") func ftell(_ file: OpaquePointer) -> Int

/// The 10-token sentence "The quick brown fox jumps over the lazy" and a 60-token text, as WordPiece ids
/// (tools/bench/aarch64/onnxruntime_guest.py counts onnxruntime on the same ids).
let sentence: [Int32] = [101, 1996, 4248, 2829, 4419, 14523, 2058, 1996, 13971, 102]
let filler: [Int32] = [1045, 2293, 3403, 2000, 1996, 3137, 2044, 2147, 1010, 2021, 2651, 2009, 2001, 2205, 3147, 1998, 2057, 2994, 2188, 2612, 1012]

func ids(length: Int) -> [Int32] {
    if length == sentence.count { return sentence }
    var words: [Int32] = []
    while words.count < length - 2 { words += filler }
    return [101] + words[0..<(length - 2)] + [102]
}

func hexadecimal(_ value: UInt64) -> String {
    let symbols: [UInt8] = Array("0123456789abcdef".utf8)
    var bytes: [UInt8] = []
    for position in stride(from: 15, through: 0, by: -1) { bytes.append(symbols[Int((value >> UInt64(position * 4)) & 0xF)]) }
    return String(decoding: bytes, as: UTF8.self)
}

@main
struct EmbeddingWorkload {
    static func main() {
        guard let path = getenv("ATTUNE_MODEL_FILE"), let file = fopen(path, "rb") else {
            print("set ATTUNE_MODEL_FILE to a readable models/minilm-l6-v2-int8.bin")
            return
        }
        _ = fseek(file, 0, 2)
        let size = ftell(file)
        _ = fseek(file, 0, 0)
        let base = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 64)
        guard fread(base, 1, size, file) == size else { print("short read"); return }
        func tensor<T>(_ name: String, as type: T.Type) -> UnsafePointer<T> {
            // Byte comparison: String equality needs the Unicode tables Embedded Swift leaves out.
            for (candidate, offset) in modelTensorOffsets where candidate.utf8.elementsEqual(name.utf8) {
                return UnsafePointer((base + offset).assumingMemoryBound(to: T.self))
            }
            fatalError("tensor missing: " + name)
        }
        let (h, i) = (modelHidden, modelInner)
        let rows = UnsafeMutablePointer<Int8>.allocate(capacity: modelLayers * (4 * h * h + 2 * h * i))
        var next = rows
        func matrix(_ name: String, outputs: Int, inner: Int) -> MiniLMEncoder.Layer.Matrix {
            unpackInt8Panels(tensor(name, as: Int8.self), outputs: outputs, inner: inner, into: next)
            defer { next += outputs * inner }
            return (UnsafePointer(next), tensor(name + ".scales", as: Float.self))
        }
        var layers: [MiniLMEncoder.Layer] = []
        for index in 0..<modelLayers {
            let p = "encoder.layer." + String(index) + "."
            layers.append(MiniLMEncoder.Layer(
                query: matrix(p + "attention.self.query", outputs: h, inner: h), key: matrix(p + "attention.self.key", outputs: h, inner: h),
                value: matrix(p + "attention.self.value", outputs: h, inner: h),
                attentionOutput: matrix(p + "attention.output.dense", outputs: h, inner: h),
                intermediate: matrix(p + "intermediate.dense", outputs: i, inner: h), output: matrix(p + "output.dense", outputs: h, inner: i),
                queryBias: tensor(p + "attention.self.query.bias", as: Float.self), keyBias: tensor(p + "attention.self.key.bias", as: Float.self),
                valueBias: tensor(p + "attention.self.value.bias", as: Float.self),
                attentionOutputBias: tensor(p + "attention.output.dense.bias", as: Float.self),
                intermediateBias: tensor(p + "intermediate.dense.bias", as: Float.self), outputBias: tensor(p + "output.dense.bias", as: Float.self),
                attentionNormWeight: tensor(p + "attention.output.LayerNorm.weight", as: Float.self),
                attentionNormBias: tensor(p + "attention.output.LayerNorm.bias", as: Float.self),
                outputNormWeight: tensor(p + "output.LayerNorm.weight", as: Float.self), outputNormBias: tensor(p + "output.LayerNorm.bias", as: Float.self),
                qkvSmooth: tensor(p + "qkv.smooth", as: Float.self), attentionOutputSmooth: tensor(p + "attention_output.smooth", as: Float.self),
                intermediateSmooth: tensor(p + "intermediate.smooth", as: Float.self), outputSmooth: tensor(p + "output.smooth", as: Float.self)))
        }
        let embeddings = MiniLMEncoder.Embeddings(
            words: (tensor("embeddings.word", as: Int8.self), tensor("embeddings.word.scales", as: Float.self)),
            positions: tensor("embeddings.position", as: Float.self), tokenType: tensor("embeddings.token_type", as: Float.self),
            normWeight: tensor("embeddings.norm.weight", as: Float.self), normBias: tensor("embeddings.norm.bias", as: Float.self))
        let shape = MiniLMEncoder.Shape(hidden: h, heads: modelHeads, inner: i, maxPositions: modelPositions, epsilon: modelEpsilon)
        let encoder = MiniLMEncoder(shape: shape, embeddings: embeddings, layers: layers, layout: .rowBlocks, maximumLength: 256, slices: 1)
        var vector = [Float](repeating: 0, count: h)
        for length in [10, 60] {
            let tokens = ids(length: length)
            tokens.withUnsafeBufferPointer { idBuffer in
                vector.withUnsafeMutableBufferPointer { output in
                    encoder.embed(ids: idBuffer.baseAddress!, count: length, into: output.baseAddress!, runner: MiniLMSerialRunner())
                    _ = close(-1_000_001)
                    encoder.embed(ids: idBuffer.baseAddress!, count: length, into: output.baseAddress!, runner: MiniLMSerialRunner())
                    _ = close(-1_000_002)
                }
            }
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            for value in vector {
                for shift in stride(from: 0, to: 32, by: 8) { hash = (hash ^ UInt64((value.bitPattern >> UInt32(shift)) & 0xFF)) &* 0x0000_0100_0000_01B3 }
            }
            var line = "window " + String(length) + " vector-hash " + hexadecimal(hash) + " bits"
            for value in vector { line += " " + String(value.bitPattern) }
            print(line)
        }
    }
}
