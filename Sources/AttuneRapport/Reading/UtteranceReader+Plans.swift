/// Risky plans: a concrete risk and a safer option.
extension UtteranceReader {
    func readPlans(_ text: ReadingText, into reading: inout UtteranceReading) {
        for match in RiskyPlanLexicon.plans.matches(in: text) where !isNegated(match, in: text) {
            if isSafeguarded(match, in: text) { continue }
            let plan = match.payload
            reading.riskyPlan = UtteranceReading.RiskyPlanCue(
                domain: plan.domain, risk: plan.risk, saferOption: plan.saferOption, phrase: text.phrase(match.start, match.end - 1))
            return
        }
    }

    /// A professional already in the plan ("my GP is helping me taper"), unless it is done without
    /// them ("without telling my doctor").
    private func isSafeguarded(_ match: PhraseMatch<RiskyPlanLexicon.Plan>, in text: ReadingText) -> Bool {
        let sentence = text.sentenceRange(text.words[match.start].sentence)
        for position in sentence where RiskyPlanLexicon.safeguards.contains(text[position]) {
            let before = max(sentence.lowerBound, position - 3)..<position
            if !text.contains(anyOf: ["without", "not", "no", "never"], in: before) { return true }
        }
        return false
    }
}
