// Runs fixed test vectors through AttuneKernels and prints one line per check: a name and an
// FNV-1a hash of the results' bit patterns. Built twice by cross/check-kernels.sh from the same
// sources: natively (x86-64, regular Swift) and with Embedded Swift for aarch64 (run under
// qemu-aarch64). Kernels that are exact by design must print identical lines on both. Kernels that
// accumulate through `multiplyAdd` (fused on AArch64, not on x86-64) print their values instead,
// which the script compares within a tolerance.
//
// No Foundation and no float formatting here: Embedded Swift has neither.

struct Hash {
    var value: UInt64 = 0xCBF2_9CE4_8422_2325
    mutating func add(_ bits: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) {
            value ^= UInt64((bits >> UInt32(shift)) & 0xFF)
            value = value &* 0x0000_0100_0000_01B3
        }
    }
    mutating func add(_ x: Float) { add(x.bitPattern) }
    mutating func add(_ x: Int32) { add(UInt32(bitPattern: x)) }
}

func hex(_ value: UInt64, digits: Int = 16) -> String {
    let symbols: [UInt8] = Array("0123456789abcdef".utf8)
    var bytes: [UInt8] = []
    for position in stride(from: digits - 1, through: 0, by: -1) {
        bytes.append(symbols[Int((value >> UInt64(position * 4)) & 0xF)])
    }
    return String(decoding: bytes, as: UTF8.self)
}

func report(_ name: String, _ hash: Hash) { print("exact " + name + " " + hex(hash.value)) }

func reportValues(_ name: String, _ values: [Float]) {
    var line = "close " + name
    for value in values { line += " " + hex(UInt64(value.bitPattern), digits: 8) }
    print(line)
}

@main
struct KernelCheck {
    static func main() {
        var random = SplitMix64(seed: 20_261_201)

        // int8 dot products, every length to 70 and model sizes.
        var dots = Hash()
        for count in [0, 1, 2, 3, 7, 8, 15, 16, 17, 31, 32, 33, 63, 64, 65, 70, 127, 384, 1536, 1537] {
            let a = (0..<count).map { _ in random.int8() }
            let b = (0..<count).map { _ in random.int8() }
            dots.add(int8DotProduct(a, b, count: count))
            dots.add(int8DotProductReference(a, b, count: count))
        }
        report("int8DotProduct", dots)

        // Quantization and int8 matrix products (tokens × 384 against 70 × 384, and odd shapes).
        var products = Hash()
        for (tokens, outputs, inner) in [(1, 70, 384), (4, 33, 384), (10, 17, 1536), (3, 5, 17), (7, 9, 1)] {
            let x = (0..<(tokens * inner)).map { _ in random.float(4) }
            let w = (0..<(outputs * inner)).map { _ in random.float(0.5) }
            let bias = (0..<outputs).map { _ in random.float(1) }
            var qx = [Int8](repeating: 0, count: x.count), sx = [Float](repeating: 0, count: tokens)
            var qw = [Int8](repeating: 0, count: w.count), sw = [Float](repeating: 0, count: outputs)
            quantizeRowsSymmetric(x, rows: tokens, columns: inner, into: &qx, scales: &sx)
            quantizeRowsSymmetric(w, rows: outputs, columns: inner, into: &qw, scales: &sw)
            for q in qx { products.add(Int32(q)) }
            for s in sx { products.add(s) }
            var y = [Float](repeating: 0, count: tokens * outputs)
            int8MatrixMultiply(activations: qx, activationScales: sx, tokens: tokens, weights: qw, weightScales: sw,
                               outputs: outputs, inner: inner, bias: bias, into: &y)
            for value in y { products.add(value) }
        }
        report("int8MatrixMultiply", products)

        // The panel product on the same kinds of shape (outputs not a multiple of 16, odd inner sizes,
        // every token-group tail), and with every product at ±127 · 127.
        var panelProducts = Hash()
        for (tokens, outputs, inner, extreme) in [(1, 70, 384, false), (4, 33, 384, false), (10, 17, 1536, false), (3, 5, 17, false),
                                                   (7, 9, 1, false), (5, 16, 1536, true), (6, 384, 1536, false)] {
            let qx = (0..<(tokens * inner)).map { index in extreme ? Int8(index % 2 == 0 ? 127 : -127) : random.int8() }
            let qw = (0..<(outputs * inner)).map { _ in extreme ? Int8(-127) : random.int8() }
            let sx = (0..<tokens).map { _ in 0.01 + random.float(0.005) }
            let sw = (0..<outputs).map { _ in 0.01 + random.float(0.005) }
            let bias = (0..<outputs).map { _ in random.float(1) }
            var packed = [Int8](repeating: 0, count: int8PanelPackedCount(outputs: outputs, inner: inner))
            packInt8Panels(qw, outputs: outputs, inner: inner, into: &packed)
            var scratch = [Int32](repeating: 0, count: int8PanelScratchCount(inner: inner))
            var y = [Float](repeating: 0, count: tokens * outputs)
            int8PanelMatrixMultiply(activations: qx, activationScales: sx, tokens: tokens, panels: packed, weightScales: sw,
                                    outputs: outputs, inner: inner, bias: bias, scratch: &scratch, into: &y)
            for value in y { panelProducts.add(value) }
            for value in packed { panelProducts.add(Int32(value)) }
        }
        report("int8PanelMatrixMultiply", panelProducts)

        // exp, erf, softmax, GELU, layer norm, mean pooling, L2 normalisation.
        var elementary = Hash()
        var x: Float = -90
        while x < 90 {
            elementary.add(kernelExp(x))
            elementary.add(kernelErf(x / 10))
            x += 0.37
        }
        report("kernelExp+kernelErf", elementary)

        var transformer = Hash()
        var scores = (0..<(12 * 60)).map { _ in random.float(8) }
        softmaxRows(&scores, rows: 12, columns: 60)
        for value in scores { transformer.add(value) }
        var hidden = (0..<(10 * 384)).map { _ in random.float(3) }
        let gamma = (0..<384).map { _ in 1 + random.float(0.5) }
        let beta = (0..<384).map { _ in random.float(0.1) }
        layerNormRows(&hidden, rows: 10, columns: 384, gamma: gamma, beta: beta, epsilon: 1e-12)
        for value in hidden { transformer.add(value) }
        var activated = (0..<1537).map { _ in random.float(6) }
        geluInPlace(&activated, count: activated.count)
        for value in activated { transformer.add(value) }
        var pooled = [Float](repeating: 0, count: 384)
        meanPoolRows(hidden, rows: 10, columns: 384, into: &pooled)
        l2NormalizeInPlace(&pooled, count: 384)
        for value in pooled { transformer.add(value) }
        report("softmax+layerNorm+gelu+meanPool+l2Normalize", transformer)

        // The FFTs (Double, no fused operations): a complex transform and a real power spectrum.
        var spectra = Hash()
        let fft = FastFourierTransform(count: 512)!
        var real = (0..<512).map { _ in Double(random.float(1)) }
        var imaginary = (0..<512).map { _ in Double(random.float(1)) }
        fft.forward(real: &real, imaginary: &imaginary)
        for value in real + imaginary { spectra.add(UInt32(truncatingIfNeeded: value.bitPattern)); spectra.add(UInt32(truncatingIfNeeded: value.bitPattern >> 32)) }
        let realFFT = RealFourierTransform(count: 1024)!
        let signal = (0..<1024).map { _ in Double(random.float(1)) }
        var power = [Double](repeating: 0, count: 513)
        realFFT.powerSpectrum(of: signal, into: &power)
        for value in power { spectra.add(UInt32(truncatingIfNeeded: value.bitPattern)); spectra.add(UInt32(truncatingIfNeeded: value.bitPattern >> 32)) }
        report("FastFourierTransform+RealFourierTransform", spectra)

        // Float dot products accumulate through multiplyAdd: fused on AArch64, so compared within a tolerance.
        var dotValues: [Float] = []
        for count in [5, 8, 64, 385, 1536] {
            let a = (0..<count).map { _ in random.float(1) }
            let b = (0..<count).map { _ in random.float(1) }
            dotValues.append(floatDotProduct(a, b, count: count))
        }
        reportValues("floatDotProduct", dotValues)
        // The resampler's filter at four positions, 3 samples apart (48 → 16 kHz), 101 taps (a tail of 5).
        let filter = (0..<101).map { _ in random.float(1) }
        let samples = (0..<110).map { _ in random.float(1) }
        var positions = [Float](repeating: 0, count: 4)
        floatDotProductsAtFourPositions(filter, samples, stride: 3, count: 101, into: &positions)
        reportValues("floatDotProductsAtFourPositions", positions)
        // The VAD's packed float kernels: two-row panels over three columns, eight-row panels over one (a tail of 6).
        // Positive data, so no output is a cancellation that a relative tolerance cannot judge.
        let weights = (0..<(16 * 70)).map { _ in abs(random.float(1)) }
        let columns = (0..<(3 * 70)).map { _ in abs(random.float(1)) }
        var matrixValues = [Float](repeating: 0, count: 3 * 16 + 16)
        FloatRowPanels(rowMajor: weights, rows: 16, width: 70, panelRows: 2).multiply(columns, columnCount: 3, into: &matrixValues)
        matrixValues.withUnsafeMutableBufferPointer { values in
            FloatRowPanels(rowMajor: weights, rows: 16, width: 70, panelRows: 8).multiply(columns, columnCount: 1, into: values.baseAddress! + 48)
        }
        reportValues("FloatRowPanels", matrixValues)
        // Attention's scores are float dot products too: 7 tokens, 4 heads of 10 (a tail of 2 columns).
        let (tokens, width) = (7, 40)
        let q = (0..<(tokens * width)).map { _ in random.float(1) }, k = (0..<(tokens * width)).map { _ in random.float(1) }
        let v = (0..<(tokens * width)).map { _ in random.float(1) }
        var attentionScores = [Float](repeating: 0, count: tokens * tokens), context = [Float](repeating: 0, count: tokens * width)
        var transposedKeys = [Float](repeating: 0, count: attentionTransposedKeyCount(tokens: tokens, width: width, heads: 4))
        multiHeadAttention(query: q, key: k, value: v, tokens: tokens, width: width, heads: 4, scores: &attentionScores, transposedKeys: &transposedKeys,
                           into: &context)
        reportValues("multiHeadAttention", context)
        // And heads of the model's size (32), where AArch64 takes four queries per pass of scores and two rows per weighted sum: 11 tokens,
        // values off the reference by 2e-5 or more counted (check-kernels.sh requires none).
        do {
            let (tokens, width, heads) = (11, 64, 2)
            let q = (0..<(tokens * width)).map { _ in random.float(1) }, k = (0..<(tokens * width)).map { _ in random.float(1) }
            let v = (0..<(tokens * width)).map { _ in random.float(1) }
            var scores = [Float](repeating: 0, count: tokens * tokens), context = [Float](repeating: 0, count: tokens * width)
            var transposed = [Float](repeating: 0, count: attentionTransposedKeyCount(tokens: tokens, width: width, heads: heads))
            multiHeadAttention(query: q, key: k, value: v, tokens: tokens, width: width, heads: heads, scores: &scores, transposedKeys: &transposed,
                               into: &context)
            // Against the scalar reference within the host tests' 2e-5 (fused scores differ from x86-64's by more than 1e-5 relative here).
            var reference = [Float](repeating: 0, count: tokens * width)
            multiHeadAttentionReference(query: q, key: k, value: v, tokens: tokens, width: width, heads: heads, into: &reference)
            var far: Int32 = 0
            for (value, expected) in zip(context, reference) where !(abs(value - expected) < 2e-5) { far &+= 1 }
            print("mismatches multiHeadAttention-heads-of-32 \(far)")
        }

        // Last, so the checks above keep their inputs. The row-block product (the dotprod cores' layout) on shapes that reach every tail: three-token
        // groups, a last two or one token, an odd last row, inner sizes off the 16-byte vectors.
        var rowBlockProducts = Hash()
        for (tokens, outputs, inner, extreme) in [(1, 70, 384, false), (2, 33, 384, false), (10, 17, 1536, false), (3, 5, 17, false),
                                                   (7, 9, 1, false), (5, 16, 1536, true), (6, 384, 1536, false), (11, 7, 383, false)] {
            let qx = (0..<(tokens * inner)).map { index in extreme ? Int8(index % 2 == 0 ? 127 : -127) : random.int8() }
            let qw = (0..<(outputs * inner)).map { _ in extreme ? Int8(-127) : random.int8() }
            let sx = (0..<tokens).map { _ in 0.01 + random.float(0.005) }
            let sw = (0..<outputs).map { _ in 0.01 + random.float(0.005) }
            let bias = (0..<outputs).map { _ in random.float(1) }
            var y = [Float](repeating: 0, count: tokens * outputs), reference = y
            int8RowBlockMatrixMultiply(activations: qx, activationScales: sx, tokens: tokens, weights: qw, weightScales: sw,
                                       outputs: outputs, inner: inner, bias: bias, into: &y)
            int8MatrixMultiplyReference(activations: qx, activationScales: sx, tokens: tokens, weights: qw, weightScales: sw,
                                        outputs: outputs, inner: inner, bias: bias, into: &reference)
            for value in y { rowBlockProducts.add(value) }
            for value in reference { rowBlockProducts.add(value) }
        }
        report("int8RowBlockMatrixMultiply", rowBlockProducts)

        // The baseline cores' product (16-bit pair sums, weights in -127...127) on the same shapes, and at the pair sums' largest
        // magnitude (activations of -128); results different from the reference's are counted (check-kernels.sh requires none).
        var symmetricProducts = Hash()
        var mismatches: Int32 = 0
        for (tokens, outputs, inner, extreme) in [(1, 70, 384, false), (2, 33, 384, false), (10, 17, 1536, false), (3, 5, 17, false),
                                                   (7, 9, 1, false), (5, 16, 1536, true), (6, 384, 1536, false), (11, 7, 383, false)] {
            let qx = (0..<(tokens * inner)).map { _ in extreme ? Int8(-128) : random.int8() }
            let qw = (0..<(outputs * inner)).map { index in extreme ? Int8(index % 3 == 0 ? 127 : -127) : random.int8() }
            let sx = (0..<tokens).map { _ in 0.01 + random.float(0.005) }
            let sw = (0..<outputs).map { _ in 0.01 + random.float(0.005) }
            let bias = (0..<outputs).map { _ in random.float(1) }
            var y = [Float](repeating: 0, count: tokens * outputs), reference = y
            int8SymmetricRowBlockMatrixMultiply(activations: qx, activationScales: sx, tokens: tokens, weights: qw, weightScales: sw,
                                                outputs: outputs, inner: inner, bias: bias, into: &y)
            int8MatrixMultiplyReference(activations: qx, activationScales: sx, tokens: tokens, weights: qw, weightScales: sw,
                                        outputs: outputs, inner: inner, bias: bias, into: &reference)
            for (value, expected) in zip(y, reference) {
                symmetricProducts.add(value)
                if value != expected { mismatches &+= 1 }
            }
        }
        print("mismatches int8SymmetricRowBlockMatrixMultiply \(mismatches)")
        report("int8SymmetricRowBlockMatrixMultiply", symmetricProducts)
    }
}
