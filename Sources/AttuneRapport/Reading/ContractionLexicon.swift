/// Contractions and chat spellings, spelled out so a pattern is written once: "don't", "dont" and
/// "do not" all read `do not`; "I'm"/"im" read `i am`; "gonna" reads `going to`. A possessive keeps its
/// `'s` as a word of its own ("mum's test" reads `mum 's test`). Words that are also ordinary words
/// without their apostrophe ("ill", "were", "its", "hell", "well", "shed") are left alone.
enum ContractionLexicon {
    static let whole: [String: [String]] = {
        var table: [String: [String]] = [:]
        let pairs: [(String, String)] = [
            ("i'm", "i am"), ("im", "i am"), ("i've", "i have"), ("ive", "i have"), ("i'll", "i will"),
            ("i'd", "i would"), ("id", "i would"),
            ("you're", "you are"), ("youre", "you are"), ("you've", "you have"), ("youve", "you have"),
            ("you'll", "you will"), ("youll", "you will"), ("you'd", "you would"), ("youd", "you would"),
            ("we're", "we are"), ("we've", "we have"), ("weve", "we have"), ("we'll", "we will"), ("we'd", "we would"),
            ("they're", "they are"), ("theyre", "they are"), ("they've", "they have"), ("theyve", "they have"),
            ("they'll", "they will"), ("theyll", "they will"), ("they'd", "they would"), ("theyd", "they would"),
            ("he's", "he is"), ("hes", "he is"), ("she's", "she is"), ("he'll", "he will"), ("she'll", "she will"),
            ("he'd", "he would"), ("she'd", "she would"), ("hed", "he would"),
            ("it's", "it is"), ("it'll", "it will"), ("it'd", "it would"), ("that's", "that is"), ("thats", "that is"),
            ("that'll", "that will"), ("there's", "there is"), ("theres", "there is"), ("here's", "here is"),
            ("what's", "what is"), ("whats", "what is"), ("who's", "who is"), ("whos", "who is"), ("where's", "where is"),
            ("how's", "how is"), ("hows", "how is"), ("when's", "when is"), ("why's", "why is"),
            ("let's", "let us"), ("lets", "let us"),
            ("can't", "can not"), ("cant", "can not"), ("cannot", "can not"), ("won't", "will not"), ("wont", "will not"),
            ("ain't", "is not"), ("aint", "is not"), ("shan't", "shall not"),
            ("dont", "do not"), ("doesnt", "does not"), ("didnt", "did not"), ("isnt", "is not"), ("wasnt", "was not"),
            ("arent", "are not"), ("werent", "were not"), ("havent", "have not"), ("hasnt", "has not"), ("hadnt", "had not"),
            ("couldnt", "could not"), ("wouldnt", "would not"), ("shouldnt", "should not"), ("mustnt", "must not"),
            ("neednt", "need not"), ("mightnt", "might not"),
            ("gonna", "going to"), ("wanna", "want to"), ("gotta", "got to"), ("hafta", "have to"), ("kinda", "kind of"),
            ("sorta", "sort of"), ("dunno", "do not know"), ("lemme", "let me"), ("gimme", "give me"), ("outta", "out of"),
            ("y'all", "you all"), ("ya", "you"), ("u", "you"), ("ur", "your"), ("r", "are"), ("pls", "please"), ("plz", "please"),
            ("thx", "thanks"), ("ty", "thank you"), ("cos", "because"), ("cuz", "because"), ("coz", "because"),
            ("bc", "because"), ("abt", "about"), ("wud", "would"), ("cud", "could"), ("shud", "should"), ("rn", "right now"),
            ("tbh", "to be honest"), ("ngl", "not going to lie"), ("idk", "i do not know"), ("idc", "i do not care"), ("imo", "in my opinion"), ("tho", "though"), ("anymore", "any more"), ("everytime", "every time"),
            ("alright", "all right"), ("okay", "ok"), ("mom", "mum"), ("mommy", "mummy"), ("mam", "mum"), ("ma", "mum"),
            ("tonite", "tonight"), ("2nite", "tonight"), ("2day", "today"), ("b4", "before"), ("nite", "night"),
            ("smalltalk", "small talk"), ("chitchat", "chit chat"), ("selfharm", "self harm"), ("remortgage", "re mortgage"),
            ("remortgaging", "re mortgaging"), ("remortgaged", "re mortgaged"), ("ok'd", "ok"),
        ]
        for (contracted, spelled) in pairs { table[contracted] = spelled.split(separator: " ").map(String.init) }
        return table
    }()

    /// The words `raw` (one lower-case token, apostrophes as ') stands for.
    static func expand(_ raw: String) -> [String] {
        if let spelled = whole[raw] { return spelled }
        // Most words have no apostrophe: no suffix to look at.
        guard raw.utf8.contains(UInt8(ascii: "'")) else { return [raw] }
        if raw.hasSuffix("n't") {
            let stem = String(raw.dropLast(3))
            return stem.isEmpty ? ["not"] : [stem, "not"]
        }
        if raw.hasSuffix("'s") { return [String(raw.dropLast(2)), "'s"] }
        if raw.hasSuffix("s'") { return [String(raw.dropLast(1)), "'s"] }
        if raw.hasSuffix("'ll") { return [String(raw.dropLast(3)), "will"] }
        if raw.hasSuffix("'ve") { return [String(raw.dropLast(3)), "have"] }
        if raw.hasSuffix("'re") { return [String(raw.dropLast(3)), "are"] }
        if raw.hasSuffix("'d") { return [String(raw.dropLast(2)), "would"] }
        if raw.contains("'") { return [String(raw.filter { $0 != "'" })] }
        return [raw]
    }
}
