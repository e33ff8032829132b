/// A pull source of canonical audio (16 kHz mono Float). WAV files, raw PCM on standard input and
/// ALSA capture all convert to this, so everything above AttuneAudio sees one format.
///
/// Sources are classes: they own file descriptors, device handles and conversion state.
public protocol AudioSource: AnyObject {
    /// Fills up to `buffer.count` samples and returns how many were written.
    /// Returns 0 only at the end of the stream; blocks (live sources) until samples are available.
    /// - Throws: `AudioSourceError` with a message a person can act on.
    func read(into buffer: UnsafeMutableBufferPointer<Float>) throws -> Int

    /// A short name for messages: a path, `-` for standard input, or the ALSA device name.
    var name: String { get }
}

extension AudioSource {
    /// Reads the source to its end. For files and pipes; a live source never ends by itself.
    public func readAll() throws -> [Float] {
        var all: [Float] = []
        var chunk = [Float](repeating: 0, count: 4096)
        while true {
            let count = try chunk.withUnsafeMutableBufferPointer { try read(into: $0) }
            if count == 0 { return all }
            all.append(contentsOf: chunk[0..<count])
        }
    }
}
