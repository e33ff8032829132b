/// The closed word lists the extraction rules read, built once (static) so that `analyse` compiles
/// nothing per call. Relations and pets: `RelationLexicon`; events: `EventLexicon`.
enum ExtractionLexicon {
    static let sentenceEnds: Set<String> = [".", "!", "?", ";", "\u{2026}"]
    static let clauseBreaks: Set<String> = [",", ":", "(", ")", "\u{2014}", "\u{2013}", "\""]

    /// Whole-word contractions and common apostrophe-less spellings.
    static let contractions: [String: [String]] = [
        "i'm": ["i", "am"], "im": ["i", "am"], "i've": ["i", "have"], "ive": ["i", "have"], "i'll": ["i", "will"],
        "i'd": ["i", "would"], "we're": ["we", "are"], "we've": ["we", "have"], "we'll": ["we", "will"], "we'd": ["we", "would"],
        "they're": ["they", "are"], "they've": ["they", "have"], "you're": ["you", "are"], "youre": ["you", "are"],
        "you've": ["you", "have"], "you'll": ["you", "will"], "you'd": ["you", "would"],
        "he's": ["he", "is"], "she's": ["she", "is"], "it's": ["it", "is"], "that's": ["that", "is"], "there's": ["there", "is"],
        "what's": ["what", "is"], "who's": ["who", "is"], "where's": ["where", "is"], "how's": ["how", "is"], "when's": ["when", "is"],
        "he'll": ["he", "will"], "she'll": ["she", "will"], "he'd": ["he", "would"], "she'd": ["she", "would"],
        "let's": ["let", "us"], "can't": ["can", "not"], "cant": ["can", "not"], "won't": ["will", "not"],
        "don't": ["do", "not"], "dont": ["do", "not"], "doesn't": ["does", "not"], "doesnt": ["does", "not"],
        "didn't": ["did", "not"], "didnt": ["did", "not"], "isn't": ["is", "not"], "isnt": ["is", "not"],
        "wasn't": ["was", "not"], "wasnt": ["was", "not"], "aren't": ["are", "not"], "arent": ["are", "not"],
        "haven't": ["have", "not"], "havent": ["have", "not"], "hasn't": ["has", "not"], "shouldn't": ["should", "not"],
        "wouldn't": ["would", "not"], "couldn't": ["could", "not"], "shan't": ["shall", "not"], "ain't": ["is", "not"],
        "gonna": ["going", "to"], "wanna": ["want", "to"], "gotta": ["got", "to"], "cannot": ["can", "not"],
        "there're": ["there", "are"], "thats": ["that", "is"], "whats": ["what", "is"],
    ]
    /// Suffix contractions on other words ("Dad'll", "Ron'd"); "'s" is handled as a possessive marker.
    static let contractionSuffixes: [(String, String)] = [("'ll", "will"), ("'ve", "have"), ("'re", "are"), ("'d", "would")]

    /// Words that open a clause without being its subject ("oh", "well", "also", "btw").
    static let leadingFillers: Set<String> = [
        "oh", "ah", "well", "so", "also", "and", "but", "yeah", "yes", "yep", "anyway", "anyways", "btw", "fyi", "actually",
        "just", "um", "uh", "erm", "hmm", "ok", "okay", "right", "hey", "hi", "hello", "plus", "then", "now", "sadly",
        "luckily", "finally", "honestly", "basically", "apparently", "turns", "update", "news", "ps", "lol", "haha",
        "ugh", "wow", "guess", "what", "good", "great", "quick", "reminder", "heads", "up", "note", "remember", "unfortunately",
        "thankfully", "fortunately", "though", "besides", "meanwhile", "alright", "hiya", "morning", "evening",
    ]

    /// Words that make a sentence a hypothetical: no record comes from it.
    static let hypotheticalCues: Set<String> = [
        "if", "unless", "suppose", "supposing", "imagine", "hypothetically", "whether", "wonder", "wondering",
    ]
    /// Modal or hedging words: the clause says what may be, not what is.
    static let modalCues: Set<String> = ["would", "might", "could", "may", "maybe", "perhaps", "possibly", "should", "probably"]
    /// Words that open a question when they start a sentence.
    static let questionOpeners: Set<String> = [
        "do", "does", "did", "should", "would", "could", "can", "will", "is", "are", "am", "was", "were", "what", "where",
        "when", "who", "whom", "whose", "why", "how", "which", "shall", "have", "has", "any", "anything",
    ]
    /// Auxiliaries that ask ("what does …", "where did …", "can …"): the verb of the question comes later.
    static let questionAuxiliaries: Set<String> = ["do", "does", "did", "can", "could", "will", "would", "should"]
    static let negations: Set<String> = ["not", "never", "no", "nobody", "nothing", "neither", "nor"]

    /// Verbs of having before "a"/"an" that make the subject the owner ("I have a beagle called Rolo").
    static let havingVerbs: Set<String> = ["have", "has", "got", "own", "owns", "adopted", "rescued", "bought", "getting", "get"]
    /// Verbs that open a clause whose subject the speaker left out ("just started a new job at…",
    /// "feeling stressed", "got my driving test on Friday", "passed my test!").
    static let subjectlessVerbs: Set<String> = [
        "started", "starting", "joined", "joining", "moved", "moving", "got", "getting", "passed", "failed", "had", "having",
        "went", "going", "booked", "work", "working", "live", "living", "feeling", "love", "loving", "hate", "hating",
        "dreading", "finished", "finally", "heading", "off", "flying", "nailed", "aced", "cancelled", "canceled",
        "rescheduled", "seeing", "meeting", "doing", "did", "saw", "visited", "visiting", "quit", "left", "leaving", "prefer",
        "enjoying", "enjoyed", "adore", "bought", "sold", "allergic", "lactose",
    ]
    static let subjectPronounsOfSpeaker: Set<String> = ["i", "we"]
    static let possessivesOfSpeaker: Set<String> = ["my", "our", "mine", "ours"]
    static let objectPronounsOfSpeaker: Set<String> = ["me", "us", "myself", "ourselves"]
    static let thirdPersonSubjects: Set<String> = ["he", "she", "they"]
    static let thirdPersonPossessives: Set<String> = ["his", "her", "their"]
    static let determiners: Set<String> = [
        "the", "a", "an", "this", "that", "these", "those", "my", "our", "his", "her", "their", "your", "its", "some", "any",
        "another", "every", "each",
    ]
    static let beVerbs: Set<String> = ["am", "is", "are", "was", "were", "be", "been", "being", "'s"]
    static let prepositions: Set<String> = [
        "in", "at", "on", "to", "for", "from", "with", "by", "of", "about", "into", "onto", "near", "over", "after", "before",
        "until", "till", "since", "around", "up", "down", "off", "out", "through", "during", "next", "this", "last",
    ]

    /// Frequent English words that are never a name, for text written all in lower case ("my cousin idris").
    static let commonWords: Set<String> = [
        "a", "an", "the", "and", "or", "but", "so", "if", "then", "than", "that", "this", "these", "those", "is", "am", "are", "was",
        "were", "be", "been", "being", "have", "has", "had", "having", "do", "does", "did", "done", "doing", "will", "would",
        "shall", "should", "can", "could", "may", "might", "must", "not", "no", "yes", "to", "of", "in", "on", "at", "by", "for",
        "with", "about", "from", "into", "over", "after", "before", "up", "down", "out", "off", "again", "just", "also", "too",
        "very", "really", "quite", "pretty", "so", "still", "even", "now", "today", "tomorrow", "tonight", "yesterday", "soon",
        "later", "here", "there", "where", "when", "what", "who", "why", "how", "which", "i", "me", "my", "we", "us", "our",
        "you", "your", "he", "him", "his", "she", "her", "they", "them", "their", "it", "its", "one", "all", "some", "any",
        "every", "each", "lives", "live", "living", "works", "work", "working", "moved", "moving", "move", "is", "said", "says",
        "told", "tells", "got", "get", "gets", "getting", "goes", "go", "going", "went", "gone", "came", "come", "comes",
        "coming", "made", "make", "makes", "making", "took", "take", "takes", "taking", "has", "had", "started", "starts",
        "start", "joined", "joins", "left", "leaves", "leaving", "loves", "love", "likes", "like", "hates", "hate", "wants",
        "want", "needs", "need", "thinks", "think", "knows", "know", "keeps", "keep", "and", "who", "whose", "passed",
        "turned", "turns", "called", "named", "name", "is", "was", "sent", "sends", "bought", "buys", "booked", "got",
        "finally", "always", "never", "sometimes", "usually", "often", "again", "back", "home", "away", "well", "fine",
        "good", "bad", "great", "ok", "okay", "new", "old", "big", "little", "last", "next", "first", "week", "weekend",
        "month", "year", "day", "morning", "afternoon", "evening", "night", "as", "like", "because", "cos", "though",
        "while", "once", "since", "until", "till", "during", "without", "within", "both", "either", "neither", "lol",
        "haha", "thanks", "thank", "please", "sorry", "hey", "hi", "hello", "bye", "oh", "ah", "yeah", "yep", "nope",
        "nah", "literally", "actually", "basically", "totally", "definitely", "probably", "maybe", "perhaps", "kind",
        "sort", "lot", "lots", "bit", "much", "many", "more", "most", "less", "few", "other", "another", "same", "own",
        "such", "only", "own", "ever", "sure", "right", "wrong", "bloody", "gonna", "wanna", "asked", "asks", "helps",
        "helped", "visited", "visiting", "visit", "staying", "stays", "stayed", "runs", "ran", "running", "plays", "played",
        "playing", "has", "seems", "seemed", "looks", "looked", "feels", "felt", "feeling", "said", "texted", "rang",
        "called", "phoned", "messaged", "emailed", "mentioned", "reckons", "says", "thinks", "flying", "flew", "driving",
        "drove", "retired", "retiring", "married", "engaged", "pregnant", "sick", "ill", "broke", "broken", "hurt",
        "who's", "doing", "been", "off", "on", "from", "these", "days", "nowadays", "anymore", "any", "more", "again",
        "too", "from", "gets", "does", "did", "is", "are", "were", "will", "would", "can", "could", "should", "shall",
        "must", "might", "may", "not", "'s", "being", "becoming", "became", "becomes",
    ]
}

extension ExtractionLexicon {
    /// Words of dates and times: never names, places or labels.
    static let timeWords: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mondays", "tuesdays", "wednesdays",
        "thursdays", "fridays", "saturdays", "sundays", "mon", "tue", "tues", "wed", "weds", "thu", "thur", "thurs", "fri",
        "sat", "sun", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "today", "tomorrow", "tonight", "yesterday", "tmrw", "tmr", "week", "weekend", "fortnight", "month", "year", "morning",
        "afternoon", "evening", "night", "noon", "midday", "midnight", "am", "pm", "o'clock", "christmas", "xmas", "easter",
        "thanksgiving", "halloween", "new", "eve", "bank", "holiday",
    ]
    /// Weekday words to their full plural day name, for routines ("gym on Mon/Wed", "Tuesdays and Thursdays").
    static let weekdays: [String: String] = [
        "monday": "monday", "mondays": "monday", "mon": "monday", "tuesday": "tuesday", "tuesdays": "tuesday", "tue": "tuesday",
        "tues": "tuesday", "wednesday": "wednesday", "wednesdays": "wednesday", "wed": "wednesday", "weds": "wednesday",
        "thursday": "thursday", "thursdays": "thursday", "thu": "thursday", "thur": "thursday", "thurs": "thursday",
        "friday": "friday", "fridays": "friday", "fri": "friday", "saturday": "saturday", "saturdays": "saturday",
        "sat": "saturday", "sunday": "sunday", "sundays": "sunday", "sun": "sunday",
    ]
    static let weekdayOrder: [String] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    /// Words a proper name made of capitals may contain in its middle ("Stratford upon Avon", "Marks and Spencer").
    static let nameJoiners: Set<String> = ["upon", "on", "de", "la", "le", "van", "von", "of", "&", "and", "st", "st."]
    /// Capitalised words that are never a person ("Christmas", "Netflix" is left: it is an organisation by pattern).
    /// Plural routine nouns to the singular, so "my runs" and "I run" name one routine ("darts" stays).
    static let routineSingulars: [String: String] = [
        "runs": "run", "swims": "swim", "walks": "walk", "rides": "ride", "classes": "class", "lessons": "lesson",
        "sessions": "session", "practices": "practice", "workouts": "workout", "shifts": "shift", "lectures": "lecture",
        "meetings": "meeting", "rehearsals": "rehearsal", "trainings": "training", "visits": "visit", "calls": "call",
    ]
    /// Words that end a short value phrase ("coriander btw" is "coriander").
    static let valueStops: Set<String> = [
        "and", "but", "so", "which", "who", "apparently", "too", "now", "though", "lol", "btw", "tbh", "haha", "honestly", "ngl",
        "anyway", "anyways", "really", "lately", "either", "ugh", "though", "tho", "fyi", "imo", "these", "nowadays", "because",
        "cos", "since", "when", "if", "unless", "or", "atm", "rn", "at", "all",
    ]
    /// Titles before a surname ("Dr Hughes", "Mrs Patel").
    static let titles: Set<String> = ["dr", "mr", "mrs", "ms", "miss", "prof", "professor", "sir", "dame", "nurse", "coach"]
    static let notNames: Set<String> = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty", "thirty",
        "half", "quarter", "same", "nothing", "everything", "someone", "everyone", "nobody", "cold", "hot", "warm",
        "thai", "indian", "italian", "chinese", "mexican", "french", "japanese", "korean", "greek", "spanish", "turkish",
        "vietnamese", "lebanese", "german", "polish", "irish", "scottish", "welsh", "portuguese", "brazilian", "ethiopian",
        "moroccan", "persian", "caribbean", "jamaican", "nigerian", "russian", "ukrainian", "dutch", "swedish", "mediterranean",
        "asian", "african", "european", "canadian", "australian", "muslim", "christian", "jewish", "hindu", "catholic",
        "i", "christmas", "xmas", "easter", "thanksgiving", "halloween", "ramadan", "diwali", "hanukkah", "eid", "god", "omg",
        "lol", "ok", "okay", "hi", "hey", "hello", "thanks", "english", "british", "american", "mr", "mrs", "ms", "dr", "miss",
        "covid", "wifi", "tv", "uk", "us", "usa", "er", "a&e", "nhs", "mri", "ct", "gp", "asap", "pm", "am",
    ]
}

extension ExtractionLexicon {
    /// Agreement after a resolved "I"/"we" ("I am" -> "sam is").
    static let thirdPersonForms: [String: String] = [
        "am": "is", "are": "is", "have": "has", "do": "does", "were": "was", "'m": "is", "'ve": "has",
    ]
    /// Base-form verbs that take "-s" after a resolved "I" ("I live" -> "sam lives").
    static let baseVerbs: Set<String> = [
        "live", "work", "like", "love", "hate", "prefer", "need", "want", "enjoy", "go", "teach", "study", "run", "play",
        "own", "drive", "take", "get", "see", "start", "finish", "adore", "dislike", "avoid", "detest", "loathe", "miss",
        "feel", "think", "know", "drink", "eat", "swim", "train", "walk", "cycle", "volunteer", "coach", "manage", "lead",
        "help", "rent", "share", "stay", "visit", "keep", "fancy", "reckon", "hope", "plan", "mean", "use", "make", "watch",
        "support", "worry", "dread", "cook", "bake", "read", "write",
    ]
}
