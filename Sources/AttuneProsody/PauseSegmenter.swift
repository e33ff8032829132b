/// Speech and pause segments from per-frame sounding decisions, online and in constant memory.
///
/// Like Praat's "To TextGrid (silences)" that de Jong & Wempe (2009) build on: a silence shorter
/// than `minimumPauseSec` inside speech is part of the speech, and a sounding stretch shorter than
/// `minimumSoundingSec` inside silence is a click, not speech. A pause is a silence of at least
/// `minimumPauseSec` between two stretches of speech; leading and trailing silence are not pauses.
struct PauseSegmenter {
    let minimumPauseFrames: Int
    let minimumSoundingFrames: Int
    private var inSpeech = false
    /// Consecutive frames that disagree with the current state, and where they started.
    private var runFrames = 0
    private var runStart = 0
    private var speechStart = 0
    private(set) var firstSpeechStart: Int?
    private(set) var lastSpeechEnd: Int?
    private(set) var pauseCount = 0
    private(set) var pauseFrames = 0
    private(set) var phonationFrames = 0
    private var lastFrame = 0

    init(settings: ProsodySettings, frameStepSeconds: Double) {
        minimumPauseFrames = max(1, Int((settings.minimumPauseSec / frameStepSeconds).rounded()))
        minimumSoundingFrames = max(1, Int((settings.minimumSoundingSec / frameStepSeconds).rounded()))
    }

    /// Adds frame `index` (consecutive, from 1). Returns a pause (start frame, length in frames) when one ends.
    mutating func add(index: Int, sounding: Bool) -> (startFrame: Int, frames: Int)? {
        lastFrame = index
        if inSpeech == sounding {
            runFrames = 0
            return nil
        }
        if runFrames == 0 { runStart = index }
        runFrames += 1
        if inSpeech {
            guard runFrames >= minimumPauseFrames else { return nil }
            phonationFrames += runStart - speechStart
            lastSpeechEnd = runStart
            inSpeech = false
            runFrames = 0
            return nil
        }
        guard runFrames >= minimumSoundingFrames else { return nil }
        var pause: (Int, Int)?
        if let end = lastSpeechEnd {
            pause = (end, runStart - end)
            pauseCount += 1
            pauseFrames += runStart - end
        }
        if firstSpeechStart == nil { firstSpeechStart = runStart }
        speechStart = runStart
        inSpeech = true
        runFrames = 0
        return pause
    }

    /// Closes the speech segment still open at the end of the input (without changing state,
    /// so a summary can be taken mid-stream).
    func closed() -> (phonationFrames: Int, lastSpeechEnd: Int?) {
        guard inSpeech else { return (phonationFrames, lastSpeechEnd) }
        let end = runFrames > 0 ? runStart : lastFrame + 1
        return (phonationFrames + end - speechStart, end)
    }
}
