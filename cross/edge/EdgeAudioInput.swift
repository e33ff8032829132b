/// Where the edge's audio comes from. An enum rather than a protocol: Embedded Swift has no
/// existentials (`any AudioSource`), and there are only these two.
enum EdgeAudioInput {
    case wav(WAVInput)
    case alsa(ALSAInput)

    func read(into buffer: UnsafeMutableBufferPointer<Float>) throws(EdgeError) -> Int {
        switch self {
        case let .wav(input): return try input.read(into: buffer)
        case let .alsa(input): return try input.read(into: buffer)
        }
    }

    /// Every sample of a file (for the stage drivers, which loop a recording).
    func readAll() throws(EdgeError) -> [Float] {
        var all: [Float] = []
        var chunk = [Float](repeating: 0, count: 4096)
        while true {
            let count = try chunk.withUnsafeMutableBufferPointer { (buffer) throws(EdgeError) -> Int in try read(into: buffer) }
            if count == 0 { return all }
            all.append(contentsOf: chunk[0..<count])
        }
    }
}
