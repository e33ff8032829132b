import AttuneKernels
import Foundation

/// The int8 all-MiniLM-L6-v2 file (`models/minilm-l6-v2-int8.bin`, made by tools/text/convert_minilm.py),
/// memory-mapped read-only: tensors are read in place, never copied, and only the pages a sentence
/// touches become resident (of the 11.7 MB word-embedding table, a few rows).
///
///     "ATMINI02" | u32 header length | JSON header (config, tensor directory) | pad to 64 |
///     tensors, each at a multiple of 64 bytes: int8 matrices, row-major ("int8", the word
///     embeddings) or in panels of 16 rows ("int8-panels16", the encoder's projections; both layouts
///     in AttuneKernels/Int8Layout.swift), with their float32 row scales in NAME.scales, float32 vectors
public final class MiniLMWeights: @unchecked Sendable {
    public struct Config: Decodable, Sendable, Equatable {
        public let vocabSize: Int
        public let hiddenSize: Int
        public let numHiddenLayers: Int
        public let numAttentionHeads: Int
        public let intermediateSize: Int
        public let maxPositionEmbeddings: Int
        public let typeVocabSize: Int
        public let layerNormEps: Float

        enum CodingKeys: String, CodingKey {
            case vocabSize = "vocab_size", hiddenSize = "hidden_size", numHiddenLayers = "num_hidden_layers"
            case numAttentionHeads = "num_attention_heads", intermediateSize = "intermediate_size"
            case maxPositionEmbeddings = "max_position_embeddings", typeVocabSize = "type_vocab_size", layerNormEps = "layer_norm_eps"
        }
    }

    public enum LoadError: Error, Equatable, CustomStringConvertible {
        case unreadable(path: String, reason: String)
        case malformed(path: String, reason: String)

        public var description: String {
            switch self {
            case let .unreadable(path, reason): return "cannot read the embedding model \(path) (\(reason)); set ATTUNE_MODELS to the models directory"
            case let .malformed(path, reason):
                return "the embedding model \(path) is malformed (\(reason)); regenerate it with tools/text/convert_minilm.py (models/MODELS.md)"
            }
        }
    }

    struct Tensor: Decodable {
        let dtype: String
        let shape: [Int]
        let offset: Int

        /// Bytes the tensor occupies, or nil for an unknown dtype or an impossible shape.
        var bytes: Int? {
            guard shape.allSatisfy({ $0 > 0 && $0 < 1 << 24 }) else { return nil }
            switch dtype {
            case "float32": return shape.reduce(1, *) * 4
            case "int8": return shape.reduce(1, *)
            case "int8-panels16": return shape.count == 2 ? int8PanelPackedCount(outputs: shape[0], inner: shape[1]) : nil
            default: return nil
            }
        }
    }

    struct Header: Decodable {
        let config: Config
        let tensors: [String: Tensor]
    }

    public let config: Config
    public let path: String
    /// Bytes mapped (the whole file), for the memory budget.
    public let mappedBytes: Int
    private let base: UnsafeRawPointer
    private let tensors: [String: Tensor]

    public init(path: String) throws(LoadError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0, status.st_size >= 12 else { throw .malformed(path: path, reason: "shorter than its header") }
        let size = Int(status.st_size)
        guard let mapping = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), mapping != MAP_FAILED else {
            throw .unreadable(path: path, reason: "mmap failed: \(String(cString: strerror(errno)))")
        }
        let base = UnsafeRawPointer(mapping)
        do {
            guard memcmp(base, "ATMINI02", 8) == 0 else { throw LoadError.malformed(path: path, reason: "it does not start with ATMINI02") }
            let headerLength = Int(base.loadUnaligned(fromByteOffset: 8, as: UInt32.self).littleEndian)
            guard 12 + headerLength <= size else { throw LoadError.malformed(path: path, reason: "its header runs past the end") }
            let header: Header
            do {
                header = try JSONDecoder().decode(Header.self, from: Data(bytes: base + 12, count: headerLength))
            } catch {
                throw LoadError.malformed(path: path, reason: "its header is not the expected JSON")
            }
            for (name, tensor) in header.tensors {
                guard let bytes = tensor.bytes, tensor.offset % 64 == 0, tensor.offset + bytes <= size else {
                    throw LoadError.malformed(path: path, reason: "tensor \(name) lies outside the file or is misaligned")
                }
            }
            self.config = header.config
            self.tensors = header.tensors
        } catch let error as LoadError {
            munmap(mapping, size)
            throw error
        } catch {
            munmap(mapping, size)
            throw .malformed(path: path, reason: "\(error)")
        }
        self.base = base
        self.path = path
        mappedBytes = size
    }

    deinit {
        munmap(UnsafeMutableRawPointer(mutating: base), mappedBytes)
    }

    /// The whole pages a tensor occupies in the mapping, for `releaseResidentPages`.
    func pages(of name: String) -> UnsafeMutableRawBufferPointer? {
        guard let tensor = tensors[name] else { return nil }
        let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
        let bytes = tensor.bytes ?? 0
        let start = tensor.offset / pageSize * pageSize
        let end = min((tensor.offset + bytes + pageSize - 1) / pageSize * pageSize, mappedBytes)
        return UnsafeMutableRawBufferPointer(start: UnsafeMutableRawPointer(mutating: base + start), count: end - start)
    }

    /// Drops this process's resident pages of a tensor's range (they stay in the page cache, and come
    /// back on the next access as minor faults). Used for the 11.7 MB word-embedding table, of which a
    /// sentence reads a few rows: without it, a long stream of varied text pages the whole table into
    /// the process and peak RSS grows by that much.
    static func releaseResidentPages(_ pages: UnsafeMutableRawBufferPointer) {
        madvise(pages.baseAddress, pages.count, MADV_DONTNEED)
    }

    func float(_ name: String, shape: [Int]) throws(LoadError) -> UnsafePointer<Float> {
        guard let tensor = tensors[name], tensor.dtype == "float32", tensor.shape == shape else {
            throw .malformed(path: path, reason: "tensor \(name) is missing or not float32 \(shape)")
        }
        return (base + tensor.offset).assumingMemoryBound(to: Float.self)
    }

    func int8(_ name: String, shape: [Int]) throws(LoadError) -> (weights: UnsafePointer<Int8>, scales: UnsafePointer<Float>) {
        guard let tensor = tensors[name], tensor.dtype == "int8", tensor.shape == shape else {
            throw .malformed(path: path, reason: "tensor \(name) is missing or not int8 \(shape)")
        }
        return ((base + tensor.offset).assumingMemoryBound(to: Int8.self), try float(name + ".scales", shape: [shape[0]]))
    }

    /// A matrix packed for `int8PanelMatrixMultiply`, with its row scales.
    func int8Panels(_ name: String, shape: [Int]) throws(LoadError) -> (weights: UnsafePointer<Int8>, scales: UnsafePointer<Float>) {
        guard let tensor = tensors[name], tensor.dtype == "int8-panels16", tensor.shape == shape else {
            throw .malformed(path: path, reason: "tensor \(name) is missing or not int8-panels16 \(shape)")
        }
        let weights = (base + tensor.offset).assumingMemoryBound(to: Int8.self)
        // Symmetric quantization never gives -128; the Pi 4's product (int8SymmetricRowBlockMatrixMultiply) relies on it.
        guard int8WeightsAreSymmetric(weights, count: int8PanelPackedCount(outputs: shape[0], inner: shape[1])) else {
            throw .malformed(path: path, reason: "tensor \(name) holds a weight of -128 (int8 weights must be in -127...127)")
        }
        return (weights, try float(name + ".scales", shape: [shape[0]]))
    }
}
