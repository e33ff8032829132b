/// Why the edge binary stopped. Each message names the file, field or device and what to do.
enum EdgeError: Error {
    case usage(String)
    case cannotRead(path: String, reason: String)
    case model(String)
    case audio(String)
    case device(String)

    var message: String {
        switch self {
        case let .usage(text): return text + "\n" + AttuneEdge.usage
        case let .cannotRead(path, reason): return "cannot read \(path): \(reason)"
        case let .model(text), let .audio(text), let .device(text): return text
        }
    }
}
