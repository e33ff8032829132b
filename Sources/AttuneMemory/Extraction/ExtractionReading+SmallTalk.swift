/// Small talk: greetings, thanks, goodbyes, acknowledgements ("lol ok", "cheers mate") and weather chat,
/// with no record or request in them.
extension ExtractionReading {
    func isSmallTalk() -> Bool {
        let words = tokens.filter(\.isWord).map(\.lower)
        guard !words.isEmpty else { return true }
        if words.allSatisfy({ SmallTalkLexicon.words.contains($0) }) { return true }
        let weather = words.filter { SmallTalkLexicon.weather.contains($0) }.count
        if weather > 0, words.count <= 16, !words.contains(where: { EventLexicon.heads.contains($0) || RelationLexicon.people[$0] != nil }) { return true }
        return false
    }
}

enum SmallTalkLexicon {
    /// Words of greetings, thanks and acknowledgements; an utterance made only of these is small talk.
    static let words: Set<String> = [
        "hi", "hello", "hey", "hows", "whats", "wbu", "hbu", "u", "r", "hiya", "yo", "morning", "good", "evening", "afternoon", "night", "goodnight", "nite", "gn",
        "thanks", "thank", "you", "thx", "ty", "cheers", "ta", "much", "so", "lol", "lmao", "haha", "hahaha", "hehe", "ok",
        "okay", "k", "kk", "cool", "nice", "great", "awesome", "sweet", "brilliant", "lovely", "perfect", "yeah", "yep", "yes",
        "yup", "no", "nope", "nah", "sure", "fine", "alright", "right", "bye", "goodbye", "see", "ya", "later", "cya", "ttyl",
        "how", "are", "is", "it", "going", "what", "up", "sup", "wassup", "doing", "things", "mate", "buddy", "there", "all",
        "oh", "ah", "hmm", "um", "uh", "wow", "omg", "sorry", "np", "problem", "worries", "welcome", "a", "lot", "again",
        "that", "'s", "is", "sounds", "good", "got", "it", "noted", "gotcha", "indeed", "true", "fair", "enough", "same",
        "hello", "again", "just", "saying", "checking", "in", "me", "i", "am", "well", "not", "bad", "too", "and", "the",
        "day", "today", "tonight", "happy", "friday", "monday", "weekend", "have", "nice", "one", "x", "xx", "xo", "ha",
        "hm", "yeh", "ye", "ayy", "innit", "bless", "aw", "aww", "wicked", "dope", "mhm", "uh-huh", "pls", "please", "do",
        "very", "really", "appreciate", "appreciated", "love", "legend", "star", "cheers", "thankyou",
    ]
    /// Weather words: a short utterance about the weather is small talk.
    static let weather: Set<String> = [
        "weather", "rain", "raining", "rainy", "sunny", "sunshine", "snow", "snowing", "snowy", "windy", "wind", "cloudy",
        "foggy", "fog", "freezing", "chilly", "humid", "muggy", "drizzle", "drizzly", "grey", "gray", "storm", "stormy",
        "thunder", "heatwave", "scorcher", "boiling", "roasting", "hail", "frosty", "frost", "damp", "overcast", "miserable",
        "forecast", "degrees", "pouring", "bucketing", "cold", "hot", "warm", "grim", "gloomy", "dreary", "nippy", "baltic",
        "mild", "sweltering", "scorching", "sunny", "icy", "wet", "blustery", "breezy",
    ]
}
