import Foundation

/// Settings a host changes for a person (its own settings screen, a voice command it handled
/// itself): the intensity and the standing preferences, the same fields the person's own words
/// change ("tone it down", "brief answers please"). Saved in the person's model like any turn's
/// changes, so they hold across restarts until the person or the host changes them again.
extension RapportEngine {
    /// What a host sets; nil and absent keys leave a field as it is.
    public struct Settings: Sendable, Equatable {
        /// "reduced" or "normal".
        public enum Intensity: String, Sendable, CaseIterable {
            case reduced
            case normal
        }

        public var intensity: Intensity?
        /// Preferences turned on (true) or off (false).
        public var preferences: [UtteranceReading.PreferenceChange.Preference: Bool]

        public init(intensity: Intensity? = nil, preferences: [UtteranceReading.PreferenceChange.Preference: Bool] = [:]) {
            self.intensity = intensity
            self.preferences = preferences
        }

        public var isEmpty: Bool { intensity == nil && preferences.isEmpty }
    }

    /// Applies `settings` to the model of `speaker` and saves it; returns one adjustment per field
    /// set, each caused by `by` (the host's name, for the explanation). The next context for that
    /// person follows them (`guidance.intensity`, reply length, tone). Saving does not move the
    /// engine's clock: a later turn timed before `atMs` is still taken.
    /// - Throws: `RapportSettingError` for an empty setting or the assistant as speaker
    ///   (nothing is saved).
    @discardableResult
    public func set(speaker: String, _ settings: Settings, by host: String = "the host", atMs: Int64) throws -> [ContextAdjustment] {
        let person = speaker.lowercased()
        guard !person.allSatisfy(\.isWhitespace) else { throw RapportSettingError("\"speaker\" is empty") }
        guard person != "assistant" else { throw RapportSettingError("the assistant has no settings; name the person") }
        guard !settings.isEmpty else { throw RapportSettingError("nothing to set: give \"intensity\" or \"preferences\"") }
        var model = try model(of: person)
        let phrase = "set by \(host)"
        let session = model.currentSession?.id ?? "settings"
        // A preference like those the person says, told apart by its words ("set by …", not "said '…'").
        let cause = ContextSignal(source: "preference", text: phrase)
        var adjustments: [ContextAdjustment] = []

        for (preference, on) in settings.preferences.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let key = preference.rawValue
            if on {
                model.preferences[key] = UserModel.Setting(value: key, phrase: phrase, timeMs: atMs, session: session)
                // As the person's own words do: brevity and detail exclude each other.
                if preference == .brevity { model.preferences["detail"] = nil }
                if preference == .detail {
                    model.preferences["brevity"] = nil
                    model.maxWords = nil
                }
            } else {
                model.preferences[key] = nil
                if preference == .brevity { model.maxWords = nil }
            }
            adjustments.append(ContextAdjustment(field: "preference.\(key)", value: on ? "on" : "off", cause: cause))
        }
        if let intensity = settings.intensity {
            model.reducedIntensity = intensity == .reduced
                ? UserModel.Setting(value: "reduced", phrase: phrase, timeMs: atMs, session: session) : nil
            adjustments.append(ContextAdjustment(field: "intensity", value: intensity.rawValue, cause: cause))
        }
        try save(model, atMs: latestTurnMs ?? atMs)
        return adjustments
    }
}
