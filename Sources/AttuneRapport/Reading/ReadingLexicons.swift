/// Compiles every lexicon's patterns before any turn is read: a turn's words are numbered by the
/// vocabulary the patterns filled (`ReadingVocabulary`), so every pattern has to be in it first.
/// `UtteranceReader.init` and `FalseClaimScanner.init` make sure of it (once per process).
enum ReadingLexicons {
    static let compiled: Int = {
        var patterns = PhrasePattern.captureStops.count
        patterns += RiskLexicon.rules.count + RiskLexicon.figurative.count + RiskLexicon.distantPast.count + RiskLexicon.recovery.count
        patterns += RiskLexicon.situationParts.count + RiskLexicon.seriousness.count
        patterns += FalseClaimLexicon.requests.count + FalseClaimLexicon.questions.count + FalseClaimLexicon.guidance.count
        patterns += PreferenceLexicon.preferences.count + PreferenceLexicon.bans.count + PreferenceLexicon.corrections.count
        patterns += PreferenceLexicon.intensity.count + RiskyPlanLexicon.plans.count
        patterns += SocialLexicon.isolation.count + SocialLexicon.social.count
        patterns += ValenceLexicon.sarcasm.count + ValenceLexicon.openerAlone.count + ValenceLexicon.mishap.count
        patterns += ValenceLexicon.negatedPositive.count + ValenceLexicon.positiveNegations.count + ValenceLexicon.flatHardship.count
        patterns += ValenceLexicon.goodNews.count + ValenceLexicon.deflection.count
        patterns += IntentLexicon.askingView.count + IntentLexicon.requests.count + IntentLexicon.news.count
        patterns += IntentLexicon.venting.count + IntentLexicon.smallTalk.count
        return patterns
    }()
}
