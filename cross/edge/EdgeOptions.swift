/// The command line of `attune-edge` (see `AttuneEdge.usage`).
struct EdgeOptions {
    enum Source { case file(String), device(String) }
    /// A single stage run alone over the input, for instruction counts (cross/count-edge.sh).
    enum Stage: String { case resample, prosody, vad, vadProsody = "vad-prosody", turn, tokenize }

    var source: Source?
    var seconds: Double?
    var modelsDirectory: String
    var profile = false
    var stage: Stage?
    /// Seconds of audio (or repetitions of the sentence list, for `tokenize`) a stage run covers.
    var stageAmount = 1

    static func parse(_ arguments: [String]) throws(EdgeError) -> EdgeOptions {
        var options = EdgeOptions(modelsDirectory: "models")
        if let directory = getenv("ATTUNE_MODELS") { options.modelsDirectory = String(cString: directory) }
        var i = 0
        func value(_ flag: String) throws(EdgeError) -> String {
            i += 1
            guard i < arguments.count else { throw .usage("\(flag) needs a value") }
            return arguments[i]
        }
        while i < arguments.count {
            let argument = arguments[i]
            switch argument {
            case "--device": options.source = .device(try value(argument))
            case "--seconds":
                let text = try value(argument)
                var end: UnsafeMutablePointer<CChar>?
                let seconds = text.withCString { start in
                    let value = strtod(start, &end)
                    return end.map { $0 - UnsafeMutablePointer(mutating: start) } == text.utf8.count ? value : -1
                }
                guard seconds > 0, seconds.isFinite else { throw .usage("--seconds takes a positive number, not '\(text)'") }
                options.seconds = seconds
            case "--models": options.modelsDirectory = try value(argument)
            case "--profile": options.profile = true
            case "--stage":
                let name = try value(argument)
                guard let stage = Stage(rawValue: name) else { throw .usage("--stage is resample, prosody, vad, vad-prosody, turn or tokenize, not '\(name)'") }
                options.stage = stage
            case "--stage-amount":
                let text = try value(argument)
                guard let amount = Int(text), amount >= 0 else { throw .usage("--stage-amount takes a whole number ≥ 0, not '\(text)'") }
                options.stageAmount = amount
            case "-h", "--help": throw .usage("")
            default:
                guard !argument.hasPrefix("-"), options.source == nil else { throw .usage("unexpected argument '\(argument)'") }
                options.source = .file(argument)
            }
            i += 1
        }
        guard options.source != nil || options.stage == .tokenize else { throw .usage("give a WAV file or --device NAME") }
        return options
    }
}
