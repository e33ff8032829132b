/// The `info` Attune answers `describe` with: one intent-handling program, whose `handled` text is
/// the rapport context's prompt block (the shape of the reference's `Info`/`HandleProgram`).
struct WyomingInfo: Codable {
    struct Attribution: Codable {
        var name = "Attune"
        var url = "https://attune.local"
    }

    struct Model: Codable {
        var name = "attune-rapport"
        var attribution = Attribution()
        var installed = true
        var description: String? = "Rapport context for the assistant's next reply: guidance, memories with their sources, guardrail flags"
        var version: String? = AttuneVersion.string
        var languages = ["en"]
    }

    struct HandleProgram: Codable {
        var name = "attune"
        var attribution = Attribution()
        var installed = true
        var description: String? = "On-device rapport runtime: end of turn from the voice, memory, rapport context"
        var version: String? = AttuneVersion.string
        var models = [Model()]
        var supports_handled_streaming = false
    }

    var asr: [HandleProgram] = []
    var tts: [HandleProgram] = []
    var handle = [HandleProgram()]
    var intent: [HandleProgram] = []
    var wake: [HandleProgram] = []
    var mic: [HandleProgram] = []
    var snd: [HandleProgram] = []
}
