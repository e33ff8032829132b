/// The words of the person's intents: asking, requesting, telling news, venting, asking the
/// assistant's view, small talk, and short answers. Patterns in `PhrasePattern` syntax.
enum IntentLexicon {
    /// Words a question opens with (a sentence starting with one asks, even without "?").
    static let askingOpeners: Set<String> = [
        "what", "how", "why", "when", "where", "who", "whom", "whose", "which", "is", "are", "am", "do", "does", "did", "can",
        "could", "would", "will", "should", "shall", "have", "has", "was", "were", "may", "might", "must", "anyone",
        "whats", "hows",
    ]

    /// Asking what the assistant thinks, or for its backing.
    static let askingView: PhraseRuleSet<String> = PhraseRuleSet(patterns: [
        "what do you [think|reckon|make of|suggest|recommend|advise]", "what would you [do|say|suggest|recommend|choose|pick]", "what [is|are] your [opinion|view|views|thoughts|take|advice|verdict]",
        "[your|any] [opinion|view|views|thoughts|take|advice|honest opinion|two cents|verdict] [on|about|please]?", "do you think", "would you [say|agree|recommend]", "should i", "should we",
        "[do|would] you [agree|recommend]", "back me up", "[tell me|say] i am [right|not wrong|not crazy|not mad|not overreacting]", "am i [wrong|right|overreacting|being unreasonable|crazy|mad|being silly|the problem|being stupid|being paranoid|justified|in the wrong|out of line]",
        "[is|was] [it|that|this|i] [a good idea|a bad idea|wrong|right|fair|reasonable|unreasonable|crazy|silly|stupid|normal|ok|too much|rude|selfish|worth it]", "[is it|was it] worth", "which [one|should|would|is better|do you]",
        "[help me|can you help me] [decide|choose|pick|think]", "[give me|i need] [some|your]? [advice|a second opinion|an honest opinion|a verdict]", "what should i", "how should i", "be honest", "[honestly|honest] what do you",
        "[good|bad] idea [or not]?", "[yes or no|thoughts]", "[would|could] you [do|go for] it", "[do|does] [it|this|that] [sound|seem] [ok|right|good|reasonable|fair|like a good idea|crazy|mad]",
        "[who|which side] is right", "[wise|sensible|smart] [move|idea|choice]",
    ])

    /// Asking the assistant to do something.
    static let requests: PhraseRuleSet<String> = PhraseRuleSet(patterns: [
        "[can|could|would|will] you [please]? [help|remind|set|tell|show|find|play|add|call|book|send|give|make|write|check|turn|put|list|explain|translate|calculate|work out|look up|read|order|schedule|text|email|message|draft|sort|fix|summarise|summarize|suggest|recommend|note|save|cancel|change|move|delete|create|plan|get|keep|start|stop|convert|spell|define]",
        "[can|could] i [get|have] [a|an|some|the]", "i [need|want|would like] you to", "please [help|remind|set|tell|show|find|play|add|call|book|send|give|make|write|check|turn|put|list|explain|translate|calculate|work out|look up|read|order|schedule|text|email|draft|sort|fix|summarise|summarize|note|save|cancel|change|move|delete|create|plan|get|keep|start|stop]",
        "[do you mind|would you mind] [helping|setting|checking|writing|making|finding|looking]", "i need [help|a hand|some help] with", "help me [with|to|write|find|plan|sort|fix|understand|work out|figure out]",
        "how do i", "how can i", "how to", "[what is|what's] the [weather|time|date|capital|best way|quickest way|recipe|score|forecast|difference|meaning]", "what time is it",
    ])

    /// Imperative verbs a request opens with ("remind me at six", "set a timer").
    static let imperativeOpeners: Set<String> = [
        "remind", "set", "tell", "show", "find", "play", "add", "call", "book", "send", "give", "make", "write", "check", "turn",
        "put", "list", "explain", "translate", "calculate", "work", "look", "read", "order", "schedule", "text", "email", "message",
        "draft", "sort", "fix", "summarise", "summarize", "suggest", "recommend", "note", "save", "cancel", "change", "move",
        "delete", "create", "plan", "get", "keep", "start", "stop", "convert", "spell", "define", "describe", "compare", "help",
        "search", "open", "close", "pause", "resume", "skip", "repeat", "update", "clear", "rewrite", "edit", "shorten", "proofread",
        "name", "pick", "choose", "give", "teach", "quiz", "test", "count", "measure", "track", "log", "record",
    ]

    /// Command verbs that make a request at a sentence start whatever follows ("add milk to my list").
    static let commandOpeners: Set<String> = [
        "remind", "set", "add", "play", "translate", "calculate", "schedule", "book", "summarise", "summarize", "convert", "define",
        "spell", "list", "email", "text", "message", "order", "cancel", "delete", "create", "draft", "rewrite", "proofread",
        "remove", "open", "pause", "resume", "navigate", "search", "google", "find", "show", "explain", "compare", "recommend",
        "suggest", "write", "describe", "check", "call", "phone", "ring", "send", "note", "save", "log", "track", "update", "edit",
    ]

    /// Telling news about oneself (besides good news and hardship, read by `ValenceLexicon`).
    static let news: PhraseRuleSet<String> = PhraseRuleSet(patterns: [
        "[guess what|you will never guess|big news|some news|news|i have news|i have got news|update]", "[today|this morning|yesterday|last night|this week|at the weekend] i",
        "i [just|finally]? [got|passed|won|finished|bought|booked|started|heard|found out|had|met|moved|quit|sold|signed|decided|joined|tried|went|made|lost|broke]",
        "[we|my|our] [are|is|have|just|finally]? [moving|engaged|getting married|pregnant|expecting|having|got|bought|booked|won|lost|decided]", "[turns out|it turns out|apparently]",
        "[so|well|ok so] [i|we|my]", "i am [going|off|moving|starting|leaving|quitting|getting|having|flying|travelling|traveling] [to|on|abroad|next|tomorrow|this|in|back|married|a]",
    ])

    /// Venting: frustration, exasperation, being fed up.
    static let venting: PhraseRuleSet<String> = PhraseRuleSet(patterns: [
        "i am [so|really|just|absolutely|completely|totally|sick and]? [tired|sick|fed up|done|over it|furious|livid|fuming|angry|frustrated|stressed|annoyed|pissed off|exhausted|drained|fed]",
        "[sick|tired] [and tired]? of", "fed up [with|of]", "i can not [stand|take|deal with|believe|cope with|handle|bear] [it|this|them|him|her|my|the|how|that|people|any]",
        "[ugh|argh|urgh|ffs|grr|god|jesus|christ|bloody hell|for fucks sake|for god's sake|for gods sake|seriously]", "[drives|driving] me [mad|crazy|nuts|insane|up the wall|round the bend|bonkers]",
        "[so|really|incredibly|absolutely] [annoying|frustrating|infuriating|unfair|ridiculous|stressful|exhausting|maddening|irritating]", "i hate [it|this|that|when|how|my|the|them|him|her|mondays|everything|people]",
        "what a [day|week|nightmare|mess|joke|disaster|shambles|pain|faff|palaver]", "[worst|horrible|awful|terrible|rubbish|crap|shit|shitty] [day|week|month|year|morning|night|shift|time]",
        "[why|how] [does|do|is|did|can] [this|it|everything|everyone|nobody|no one|he|she|they] [always|never|keep|still]", "[nothing|everything] [ever]? [goes|works|is going|is] [right|wrong]",
        "i [just]? need to [vent|rant|moan|get this off my chest|let off steam]", "[rant|vent|moan] [incoming|alert|time]", "[so|really] [angry|upset|hurt|frustrated|stressed|annoyed|pissed]",
        "[why|how] [me|is it always me]", "[i have had|had] [enough|it up to here|it]", "[at the end of my tether|at my wits end|losing my mind|going mad|going crazy]", "[screw|sod|stuff] [this|it|them|him|her|work]",
        "[my|the] [boss|manager|landlord|neighbours|neighbors|husband|wife|partner|kids|mum|dad|colleague|colleagues|flatmate|housemate] [is|are|keeps|keep|never|always|will not|won't] *3 [annoying|useless|driving|ignoring|late|rude|awful|selfish|lazy|nightmare|impossible|doing|making|leaving]",
    ])

    /// Greetings, pleasantries and chat about nothing in particular.
    static let smallTalk: PhraseRuleSet<String> = PhraseRuleSet(patterns: [
        "[hi|hello|hey|hiya|howdy|yo|morning|evening|afternoon|good morning|good evening|good afternoon|good night|night night|hey there|hi there|hello there|sup|heya|greetings]",
        "how are you", "how are things", "how is it going", "how are you doing", "how is your day", "how has your day been", "what is up", "what is new", "you ok", "you alright", "all right",
        "[nice|lovely|beautiful|horrible|awful|miserable|gorgeous|crazy|mad|weird] [weather|day|morning|evening] [today|out there|isn't it|is it not]?", "[so|really|very]? [hot|cold|sunny|rainy|windy|wet|grey|muggy] [today|out|outside|out there]",
        "[thanks|thank you|cheers|ta|thx|much appreciated|appreciate it]", "[bye|goodbye|see you|see ya|talk later|talk soon|catch you later|cya|later|ttyl|good night|nighty night|sleep well]",
        "[just|only] [saying|checking in|popping in|wanted to say] [hi|hello]?", "[long time no|how have you been]", "[happy|merry] [friday|monday|weekend|christmas|new year|birthday|easter|holidays]",
        "[tgif|thank god it is friday|finally friday|weekend at last]", "[not much|nothing much|same old|not a lot]", "[any|got any] plans for the weekend", "[lol|haha|hahaha|lmao|ha]",
    ])

    /// A short answer's opening words ("yes", "not really", "a bit").
    static let answerOpeners: Set<String> = [
        "yes", "yeah", "yep", "yup", "no", "nope", "nah", "fine", "good", "ok", "sure", "maybe", "perhaps", "probably", "definitely",
        "absolutely", "not", "a", "it", "i", "we", "kind", "sort", "sometimes", "never", "always", "great", "bad", "alright", "all",
        "pretty", "quite", "really", "honestly", "well", "so", "um", "erm", "uh", "hmm", "mostly", "mm", "mhm", "because", "cos",
        "about", "around", "at", "on", "in", "just", "still", "nothing", "everything", "too", "very", "tired", "busy", "same",
        "the", "my", "meh", "dunno",
    ]

    /// Replies that are only an acknowledgement or a one-word answer (practical, curt turns).
    static let curtReplies: Set<String> = [
        "ok", "okay", "k", "kk", "yes", "yeah", "yep", "yup", "no", "nope", "nah", "fine", "sure", "done", "thanks", "cheers",
        "right", "noted", "cool", "great", "good", "whatever", "maybe", "alright", "understood", "got", "it", "thank", "you",
        "ta", "sound", "grand", "perfect", "next", "continue", "go", "on", "mhm", "mm", "hmm", "dunno", "all", "right", "not",
        "really", "meh", "same", "busy", "tired", "please", "so", "think", "i", "sure", "thanks", "nope",
    ]
}
