/// Finds, in guidance text meant for the assistant, wording that would license it to claim feelings,
/// experiences or memories it does not hold, or a human identity or relationship ("tell them you
/// missed them", "say you are their mum", "remind them you remember their wedding"), while letting
/// honest wording through ("acknowledge their feelings", "say you're an AI and can't be their mum,
/// kindly", "offer to listen", "never say you are human"). The rapport engine runs it on every
/// instruction it writes; the scenario suite runs it on every context.
public struct FalseClaimScanner: Sendable {
    public init() {
        _ = ReadingLexicons.compiled
    }

    public struct Finding: Sendable, Equatable {
        public var claim: UtteranceReading.FalseClaimRequest.Claim
        /// The words of the guidance that make the claim.
        public var phrase: String
        public init(claim: UtteranceReading.FalseClaimRequest.Claim, phrase: String) {
            self.claim = claim
            self.phrase = phrase
        }
    }

    /// Every licensing phrase in `text`, in order (one per place).
    public func findings(in text: String) -> [Finding] {
        let words = ReadingText(text)
        guard words.count > 0 else { return [] }
        var found: [Finding] = []
        var covered: [Range<Int>] = []
        for match in FalseClaimLexicon.guidance.matches(in: words) {
            if covered.contains(where: { $0.overlaps(match.range) }) { continue }
            if isLicensing(match, in: words) {
                found.append(Finding(claim: match.payload, phrase: words.phrase(match.start, match.end - 1)))
                covered.append(match.range)
            }
        }
        return found
    }

    private func isLicensing(_ match: PhraseMatch<UtteranceReading.FalseClaimRequest.Claim>, in text: ReadingText) -> Bool {
        // "never say you are human", "do not pretend to be their mum", "instead of claiming …".
        let sentence = text.words[match.start].sentence
        var position = match.start - 1
        while position >= 0, match.start - position <= 5, text.words[position].sentence == sentence {
            if FalseClaimLexicon.negatingLead.contains(text[position]) { return false }
            position -= 1
        }
        // "tell them honestly, as an AI, that …": honest words the pattern's gaps took.
        for gap in match.gaps where text.contains(anyOf: FalseClaimLexicon.honestMarkers, in: gap) { return false }
        // A memory claim backed by what the person said ("remind them they told you on Monday …").
        if match.payload == .memories {
            let range = text.sentenceRange(sentence)
            if text.contains(anyOf: ["told", "said", "mentioned", "shared", "stored", "notes", "noted", "saved", "record"], in: range) {
                return false
            }
        }
        return true
    }

    /// A role as a plain name: "my mum" → "mum", "a real person" → "a real person".
    static func roleName(_ phrase: String) -> String {
        phrase.lowercased()
    }
}
