/// Words for how someone feels, to a canonical feeling, and the words of liking and disliking.
enum FeelingLexicon {
    static let feelings: [String: String] = {
        var table: [String: String] = [:]
        let groups: [(String, [String])] = [
            ("nervous", ["nervous", "jittery", "jumpy", "on edge", "uneasy", "apprehensive", "antsy"]),
            ("anxious", ["anxious"]), ("worried", ["worried", "concerned", "fretting"]),
            ("stressed", ["stressed", "stressy", "frazzled", "overwhelmed", "swamped", "snowed"]),
            ("scared", ["scared", "afraid", "frightened", "terrified", "petrified"]),
            ("excited", ["excited", "pumped", "psyched", "stoked", "buzzing", "hyped", "thrilled"]),
            ("happy", ["happy", "glad", "chuffed", "delighted", "pleased", "ecstatic", "elated", "over the moon"]),
            ("sad", ["sad", "down", "gutted", "upset", "miserable", "heartbroken", "devastated", "low", "blue", "depressed"]),
            ("angry", ["angry", "furious", "livid", "mad", "fuming", "cross", "annoyed", "irritated", "frustrated", "pissed"]),
            ("tired", ["tired", "exhausted", "knackered", "shattered", "drained", "wiped", "burnt", "burned", "sleepy", "burnout"]),
            ("lonely", ["lonely", "isolated", "homesick"]), ("bored", ["bored"]), ("relieved", ["relieved"]),
            ("proud", ["proud"]), ("grateful", ["grateful", "thankful"]), ("confident", ["confident"]),
            ("embarrassed", ["embarrassed", "mortified", "ashamed"]), ("guilty", ["guilty"]), ("jealous", ["jealous"]),
            ("sick", ["sick", "ill", "poorly", "unwell", "queasy"]), ("dreading", ["dreading"]),
            ("confused", ["confused"]), ("hopeful", ["hopeful", "optimistic"]), ("calm", ["calm", "relaxed", "chill"]),
        ]
        for (canonical, words) in groups {
            for word in words where !word.contains(" ") { table[word] = canonical }
        }
        return table
    }()
    /// Degree words between "I'm" and the feeling ("a bit", "so", "really", "kinda").
    static let degree: Set<String> = [
        "so", "really", "very", "quite", "pretty", "a", "bit", "little", "kinda", "kind", "of", "sort", "super", "totally",
        "absolutely", "well", "proper", "bloody", "incredibly", "extremely", "rather", "slightly", "somewhat", "bit", "lil",
        "too", "still", "feeling", "getting", "just", "all", "more", "less", "and", "genuinely", "honestly", "seriously",
        "low-key", "lowkey", "tbh", "always", "now", "completely", "utterly", "fairly", "mega", "dead", "right", "such",
    ]

    /// Liking verbs (after the subject) to the preference's polarity word.
    static let likeVerbs: [String: String] = [
        "like": "likes", "likes": "likes", "love": "loves", "loves": "loves", "adore": "loves", "adores": "loves",
        "enjoy": "enjoys", "enjoys": "enjoys", "prefer": "prefers", "prefers": "prefers", "fancy": "likes",
        "hate": "hates", "hates": "hates", "dislike": "dislikes", "dislikes": "dislikes", "detest": "hates", "detests": "hates",
        "loathe": "hates", "loathes": "hates", "despise": "hates", "despises": "hates", "avoid": "avoids", "avoids": "avoids",
    ]
    /// Effects that make something a thing to avoid ("coffee gives me palpitations", "dairy makes me bloated").
    static let badEffects: Set<String> = [
        "palpitations", "headaches", "headache", "migraines", "migraine", "heartburn", "indigestion", "hives", "rash", "rashes",
        "nausea", "nauseous", "sick", "ill", "bloated", "jittery", "anxious", "wheezy", "itchy", "dizzy", "cramps", "gassy",
        "reflux", "creeps", "nightmares", "insomnia", "acne", "spots", "diarrhoea", "diarrhea", "tummy", "stomach", "jitters",
        "shaky", "queasy", "sneeze", "sneezy", "puffy", "awful", "horrible", "terrible", "grumpy", "wired", "ache", "aches",
    ]
}
