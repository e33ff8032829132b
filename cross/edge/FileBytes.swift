/// A whole file read with plain `fopen`/`fread` (no Foundation on the edge).
enum FileBytes {
    static func read(_ path: String) throws(EdgeError) -> [UInt8] {
        guard let file = fopen(path, "rb") else {
            throw .cannotRead(path: path, reason: String(cString: strerror(errno)))
        }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var block = [UInt8](repeating: 0, count: 65536)
        while true {
            let got = block.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if got > 0 { bytes.append(contentsOf: block[0..<got]) }
            if got < block.count {
                if ferror(file) != 0 { throw .cannotRead(path: path, reason: String(cString: strerror(errno))) }
                return bytes
            }
        }
    }
}
