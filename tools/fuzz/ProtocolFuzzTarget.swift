// libFuzzer entry point over Attune's two parsers, as the service runs them on untrusted bytes:
// the line framer and host-message decoder (the line protocol), and the Wyoming framer. The first
// input byte picks the chunk size, so split reads are fuzzed too. Built by tools/fuzz/run.sh.

@_cdecl("LLVMFuzzerTestOneInput")
public func protocolFuzzTarget(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    guard count > 0 else { return 0 }
    let bytes = UnsafeBufferPointer(start: start, count: count)
    let chunk = Int(bytes[0] % 64) + 1
    let body = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[1...])

    var framer = LineFramer(maximumLineBytes: 4096)
    let decoder = HostMessageDecoder()
    var lines = 0
    var offset = 0
    while offset < body.count {
        let end = min(body.count, offset + chunk)
        framer.append(UnsafeRawBufferPointer(rebasing: body[offset..<end])) { frame in
            if case .line(let number, let line) = frame {
                precondition(number == lines + 1, "line numbers go up by one")
                precondition(line.count <= 4096, "no line passes the limit")
                do throws(ProtocolError) {
                    if let message = try decoder.decode(line) { _ = message.requestID }
                } catch {
                    precondition(!error.message.isEmpty, "every error says something")
                }
            }
            lines += 1
        }
        precondition(framer.bufferedByteCount <= 4097, "the framer holds at most one line")
        offset = end
    }
    framer.finish { _ in }

    var wyoming = WyomingFramer()
    offset = 0
    var failed = false
    while offset < body.count {
        let end = min(body.count, offset + chunk)
        wyoming.append(UnsafeRawBufferPointer(rebasing: body[offset..<end])) { frame in
            precondition(!failed, "nothing is read after a fatal frame")
            if case .fatal = frame { failed = true }
            if case .event(let event) = frame {
                precondition((event.payload?.count ?? 0) <= WyomingFramer.maximumPayloadBytes)
            }
        }
        offset = end
    }
    return 0
}
