/// How the person asks the assistant to talk to them: standing preferences (brevity, detail, no
/// small talk, less personal talk) set and lifted, topic bans and their lifting, corrections of the
/// last reply, and intensity. Patterns in `PhrasePattern` syntax; `<4>` captures the topic.
enum PreferenceLexicon {
    typealias Preference = UtteranceReading.PreferenceChange.Preference

    struct PreferenceRule: Sendable {
        let preference: Preference
        let on: Bool
    }

    static let preferences: PhraseRuleSet<PreferenceRule> = PhraseRuleSet(
        brevityOn.map { ($0, PreferenceRule(preference: .brevity, on: true)) }
            + brevityOff.map { ($0, PreferenceRule(preference: .brevity, on: false)) }
            + detailOn.map { ($0, PreferenceRule(preference: .detail, on: true)) }
            + noSmallTalkOn.map { ($0, PreferenceRule(preference: .noSmallTalk, on: true)) }
            + noSmallTalkOff.map { ($0, PreferenceRule(preference: .noSmallTalk, on: false)) }
            + lessPersonalOn.map { ($0, PreferenceRule(preference: .lessPersonal, on: true)) }
            + lessPersonalOff.map { ($0, PreferenceRule(preference: .lessPersonal, on: false)) })

    static let brevityOn: [String] = [
        "[brief|short|shorter|quick|quicker|concise|snappy|succinct|one line|one word|simple|terse|compact] [answers|replies|responses|reply|answer|response|messages|please|ones]",
        "[keep|make] [it|them|things|your answers|your replies|answers|replies|it all] [short|brief|shorter|concise|quick|snappy|simple|tight|to the point]",
        "[be|stay] [brief|concise|short|quick|succinct|to the point]", "[shorter|less text|fewer words|less wordy] please", "in [a few|fewer|as few|a couple of] words",
        "get to the point", "[just|only] [the answer|the facts|the basics|the headline|the gist|the short version|the essentials]", "[tldr|tl dr] please",
        "[less|no] [waffle|rambling|essays|long answers|long replies|walls of text]", "[bullet points|a list] only", "short and sweet",
        "[i prefer|i like|i want|i would like|i would prefer|i need] [short|shorter|brief|quick|concise] [answers|replies|responses]",
        "do not [write|give me] [an essay|essays|a novel|long answers|paragraphs]", "[can|could] you [keep it|be] [short|brief|shorter]",
        "cut it short", "[less|not so|not as|stop being so] [long winded|wordy|verbose|rambly|waffly]",
        "[keep|limit] [it|them|your answers|responses|replies|your replies|your responses|answers|things] to [a|one|two|a few|a couple of] [sentence|sentences|line|lines|words|paragraph|short paragraph]", "[less|fewer] [detail|details|text|info|information|words|explanation]", "[just|only] [a|the] [sentence|line|word|quick answer|summary|short answer]", "[no|without the] [long|lengthy] [explanations|answers|replies]", "[short|brief] version", "summarise please", "summarize please",
    ]
    static let brevityOff: [String] = [
        "you can go into [more]? detail again", "you can [write|say|talk|explain|go on] [more|longer|at length] again", "[longer|long|full|detailed] [answers|replies] are [fine|ok|good] [again|now]",
        "you do not have to [be|keep it] [brief|short|so short|concise] [any more|now|again]?", "[no need|you do not need] to [be|keep it] [brief|short|so short] [any more|now]?",
        "you can [stop|quit] being [so]? [brief|short|terse]", "you can be [more]? [wordy|detailed|thorough] again",
    ]
    static let detailOn: [String] = [
        "[more|full|lots of|plenty of|in] [detail|details|depth]", "go into [more]? detail", "[longer|fuller|detailed|in depth|thorough|complete] [answers|replies|explanations|explanation|answer|reply]",
        "explain [more|fully|it fully|in depth|properly|everything|step by step|at length]", "[elaborate|expand on that|expand]", "tell me more", "say more",
        "[i want|i would like|i prefer|give me] [the]? [long|full|detailed|whole] [version|story|answer|picture|explanation]", "do not [leave anything out|skip the details|hold back on detail]",
        "walk me through [it|everything|each step|the details]", "as much detail as", "the more detail the better",
    ]
    static let noSmallTalkOn: [String] = [
        "no [small talk|chit chat|chatter|pleasantries|niceties|banter|idle chat|chatting]",
        "[skip|cut|drop|stop|enough|less|without|spare me|ditch|lose|can the|cut out|leave out|forget] [the]? [small talk|chit chat|chatter|pleasantries|niceties|banter|idle chat|how are yous|greetings|chat]",
        "[do not|no need to|you do not need to|do not bother to|stop] [ask|asking] [me]? [how i am|how my day|about my day|how i am doing|how i am feeling|how things are|about the weather]",
        "[straight|right] to [it|business|the point]", "[just|only] [help me|answer|the task|get on with it|do the task]", "i [am not|do not want to be] here to chat",
        "[i do not|i do not want to|i will not] [chat|do small talk|make small talk]", "not in the mood for [chat|chit chat|small talk|chatting]",
        "do not [chat|make small talk]", "[less|no more] [chatting|chat]", "[less|none] of the [banter|chat|chit chat|small talk|chatter|jokes|joking around]",
        "[stop|enough|done|cut it out|quit it] with [the]? [small talk|chit chat|chatter|pleasantries|niceties|banter]",
        "[do not need|no need for|can do without|i do not need|do not want] [the]? [pleasantries|small talk|chit chat|niceties|chatter|banter]",
    ]
    static let noSmallTalkOff: [String] = [
        "[you can|feel free to|it is ok to|it is fine to|happy to|we can] [chat|make small talk|chit chat|have a chat|ask how i am|ask about my day|natter] [again|now|a bit|more]?",
        "[small talk|chit chat|chatting|a chat] is [fine|ok|nice|welcome|good] [again|now|today]?", "i do not mind * [small talk|chit chat|chatting|a chat|a natter|chatter|banter]",
        "[bring back|i miss|i missed|i have missed] the [chat|chit chat|small talk|banter|chatter]", "[go back to|you can go back to|back to] being [chatty|chattier|sociable|talkative|your chatty self]", "you can be [a bit|a little]? [more]? [chatty|chattier|sociable|talkative] [again|now]?",
    ]
    static let lessPersonalOn: [String] = [
        "[less|not so|not as|too] personal", "[keep|let us keep] [it|this|things] [professional|impersonal|businesslike|strictly business|about work|about the task|formal|neutral]",
        "stick to the [task|facts|work|point|question|job|topic|subject|business]", "[stop|quit|do not|no more] [prying|getting personal|being personal|digging]",
        "do not [get|be] personal", "[i do not|i would rather not|i will not] [share|talk about|discuss] [personal|private] [stuff|things|matters|life|details]",
        "[none of|not] your business", "[stop|quit] asking [me]? [personal|about my personal|private] [questions|stuff|things|life]", "[my|that is my] private life",
        "[just|strictly|only] business", "[no|fewer] personal questions", "[did not|not|never] [get|be|getting] personal",
        "[do not|stop|quit|no more|please do not] [ask|asking] [me]? about [my]? [personal life|private life|personal stuff|love life|family life|personal things]",
        "[kept|keep|keeping|kept] [it|things|this|our chats|the chat] [professional|impersonal|businesslike|formal|about work|strictly business|to the task|to business]",
    ]
    static let lessPersonalOff: [String] = [
        "you can [ask|be] [more]? [personal|about my life|about me|about my family|about personal stuff] again", "[it is|personal questions are] [fine|ok] [to ask|to be personal]? again",
        "you can ask about [my life|me|my family|personal things|personal stuff] again", "i do not mind [personal questions|you asking about my life|you being personal]",
    ]

    struct BanRule: Sendable {
        /// True for a rule that lifts a ban.
        let lifts: Bool
    }

    /// Topic bans and lifts: the topic is the capture `<4>`.
    static let bans: PhraseRuleSet<BanRule> = PhraseRuleSet(
        banOn.map { ($0, BanRule(lifts: false)) } + banLift.map { ($0, BanRule(lifts: true)) })

    static let banOn: [String] = [
        "[do not|never|please do not|stop|quit|can you not|could you not|no more|try not to|do not ever] [mention|mentioning|bring up|bringing up|talk about|talking about|ask about|asking about|ask me about|asking me about|raise|raising|discuss|discussing|go on about|going on about|start on about|remind me about|remind me of|talk to me about|speak to me about|tell me about|talk about|ask me anything about|say anything about|say anything else about] <4>",
        "[avoid|please avoid|steer clear of|stay away from|keep away from] [mentioning|talking about|bringing up|discussing|asking about|the subject of|the topic of]? <4>",
        "[do not|never|please do not|stop|please never] bring <3> up", "not a [word|peep|mention] [about|on|of] <4>",
        "[let us|can we|could we|shall we|please let us] not [talk about|discuss|get into|go into|bring up|mention|do|dwell on] <4>",
        "no [talk|talking|chat|questions|mention|mentions|more talk|more questions|conversation] [about|of|on] <4>",
        "no <2> [talk|chat|questions|stuff|conversation|conversations|subjects|topics]",
        "[my|the|his|her|our|their|that|this|any|all] <3> [is|are] [off limits|off the table|a no go|not up for discussion|out of bounds|banned|a sore subject|a sore point|not something i want to talk about]",
        "[i do not|i really do not] want to [talk|hear|think|speak] [about|of] <4>", "i would rather not [talk|hear|think] about <4>",
        "[i am|i am so] [done|finished|sick|tired] [talking|hearing] about <4>", "[leave|keep] <3> out of [it|this|the conversation]",
        "[can we|could we|let us] [drop|skip|park|avoid|leave] [the subject of|the topic of|talking about]? <4>", "[change the subject|new topic] from <4>",
    ]
    static let banLift: [String] = [
        "you can [mention|ask about|ask me about|bring up|talk about|raise|discuss] <4> [again|now|if you want|if you like|whenever|any time|anytime]",
        "[it is|it's|that is] [ok|okay|fine|all right|alright] [to|for you to] [mention|talk about|ask about|ask me about|bring up|discuss] <4> [again|now]?",
        "[my|the|his|her|our|their|talking about|mentioning] <3> [is|are] [fine|ok|okay|all right|not off limits|back on the table] [to talk about|to mention|to discuss]? [again|now]",
        "i am [ok|fine|happy|ready] [to talk|talking|to hear] about <4> [again|now]", "[feel free|go ahead] [to]? [mention|ask about|ask me about|talk about|bring up] <4> [again]?",
        "[we can|let us] talk about <4> again", "i do not mind [talking about|you mentioning|you asking about|hearing about] <4> [again|now|any more]",
    ]

    /// Synonyms a banned topic is also named by: "my ex" is also "ex-husband", "ex-wife", …
    static let topicKeywords: [String: [String]] = [
        "ex": ["ex", "ex-husband", "ex-wife", "ex-partner", "ex-boyfriend", "ex-girlfriend", "ex husband", "ex wife", "ex partner",
               "ex boyfriend", "ex girlfriend", "former partner"],
        "money": ["money", "finances", "finance", "financial", "bills", "debt", "debts", "savings", "budget", "spending", "salary",
                  "pay", "wages", "loan", "loans", "mortgage", "overdraft", "bank", "cash", "costs", "rent", "pension"],
        "work": ["work", "job", "boss", "office", "colleagues", "career", "manager", "shift", "shifts", "workplace", "meeting",
                 "meetings", "deadline", "deadlines", "employer", "coworkers", "the office"],
        "weight": ["weight", "diet", "dieting", "calories", "weigh", "kilos", "pounds", "stone", "bmi", "size", "eating"],
        "food": ["food", "eat", "ate", "eating", "meal", "meals", "lunch", "dinner", "breakfast", "snack", "snacks", "diet"],
        "what i ate": ["ate", "eat", "eating", "food", "meal", "meals", "lunch", "dinner", "breakfast", "snack", "snacks"],
        "what i eat": ["ate", "eat", "eating", "food", "meal", "meals", "lunch", "dinner", "breakfast", "snack", "snacks"],
        "health": ["health", "illness", "doctor", "hospital", "diagnosis", "symptoms", "medication", "treatment", "condition"],
        "family": ["family", "mum", "dad", "parents", "siblings", "brother", "sister", "relatives"],
        "divorce": ["divorce", "separation", "split", "ex", "custody", "lawyer", "settlement"],
        "dating": ["dating", "date", "dates", "love life", "relationship", "relationships", "boyfriend", "girlfriend", "tinder", "apps"],
        "love life": ["love life", "dating", "date", "dates", "relationship", "relationships", "boyfriend", "girlfriend", "partner"],
        "politics": ["politics", "election", "elections", "government", "brexit", "party", "vote", "voting", "politicians"],
        "sleep": ["sleep", "sleeping", "insomnia", "tired", "bed", "bedtime", "nap"],
        "drinking": ["drinking", "drink", "alcohol", "booze", "wine", "beer", "pub"],
        "exams": ["exams", "exam", "tests", "test", "results", "revision", "grades", "marks"],
        "school": ["school", "homework", "teacher", "teachers", "class", "classes", "exams", "grades"],
        "kids": ["kids", "children", "son", "daughter", "baby", "pregnancy", "having kids"],
        "wedding": ["wedding", "marriage", "engagement", "ceremony", "reception"],
        "christmas": ["christmas", "xmas", "holidays", "presents", "festive"],
        "the funeral": ["funeral", "burial", "cremation", "wake", "service"],
        "job": ["job", "work", "boss", "office", "colleagues", "career", "manager", "shift", "shifts", "workplace"],
        "diet": ["diet", "dieting", "weight", "calories", "eating", "food"],
        "dad": ["dad", "father", "daddy", "papa"], "mum": ["mum", "mother", "mummy", "mom", "mam"],
        "job hunt": ["job hunt", "job search", "applications", "interviews", "interview", "cv", "rejections"],
        "job search": ["job hunt", "job search", "applications", "interviews", "interview", "cv", "rejections"],
        "the breakup": ["breakup", "break up", "split", "ex", "dumped"],
    ]

    /// Words left out of a topic's name when making its keywords ("my ex" → "ex").
    static let topicFillers: Set<String> = [
        "my", "the", "a", "an", "his", "her", "their", "our", "your", "about", "any", "that", "this", "those", "these", "of",
        "stuff", "things", "thing", "whole", "'s", "subject", "topic", "me", "it",
    ]

    /// Corrections of the assistant's last reply.
    typealias CorrectionKind = UtteranceReading.Correction.Kind
    enum CorrectionRule: Sendable { case tooLong, tooShort, tooPersonal, tooSlow, tooFast, fact, stopAsking }

    static let corrections: PhraseRuleSet<CorrectionRule> = PhraseRuleSet(
        tooLong.map { ($0, CorrectionRule.tooLong) } + tooShort.map { ($0, .tooShort) } + tooPersonal.map { ($0, .tooPersonal) }
            + tooSlow.map { ($0, .tooSlow) } + tooFast.map { ($0, .tooFast) } + facts.map { ($0, .fact) } + stopAsking.map { ($0, .stopAsking) })

    static let tooLong: [String] = [
        "too [long|wordy|verbose|much text|many words|much to read|much detail|much information|lengthy|rambly|waffly|long winded]",
        "[that is|that was|this is|it is|way|far|bit|a bit|a little] too [long|wordy|much]", "[that is|that was] a lot of [text|words|reading]",
        "[tldr|tl dr]", "[you|you are] [ramble|rambling|waffle|waffling|going on|talk too much|say too much|write too much]", "stop [rambling|waffling|going on]",
        "[shorter|less] please", "i [did not|do not] [need|want|ask for] [an essay|a lecture|all that|that much|the whole]", "[wall|walls] of text", "way too much",
        "[i just wanted|i only wanted|i only asked for|i just needed|i asked for] [a yes or no|a simple answer|a quick answer|one word|the answer|a short answer|a number|the time|a name]",
    ]
    static let tooShort: [String] = [
        "too [short|brief|curt|terse|blunt|abrupt]", "[is that|that is] it [?]?", "[can|could] you [say|tell me] more than that", "[that is|that was] [not|hardly] enough",
        "[a bit|a little] more [please|than that|detail]", "[more than|bit more than] one line",
    ]
    static let tooPersonal: [String] = [
        "[that is|that was|bit|a bit|little|rather|quite|way] too personal", "[that is|that was|bit|kind of] [private|personal|intrusive|nosy|invasive]",
        "[none of|not] your business", "why [do you want to|would you|do you need to] know [that]?", "[do not|stop] [pry|prying]",
    ]
    static let tooSlow: [String] = [
        "[speed|hurry] up", "[talk|speak|go] [faster|quicker|more quickly]", "[you are|you are talking|you are speaking|you talk|you speak] too slow", "too slow",
    ]
    static let tooFast: [String] = [
        "slow down", "[talk|speak|go] [slower|more slowly|slowly]", "[you are|you are talking|you are speaking|you talk|you speak|you are going] too fast", "too fast",
        "[not so|not as] fast",
    ]
    static let facts: [String] = [
        "[it is|it was|i said|i meant|that is|she is|he is|they are|we are|today is|actually it is|actually|no it is|no] <3> not <3>",
        "[it is|it was|that is|today is|she is|he is|her name is|his name is|my name is|i said|i meant] not <3> [it is|it was|that is|but|, it is|i said|i meant] <3>",
        "not <3> [it is|it was|i said|i meant] <3>",
        "[my|her|his|their] [name|birthday|age|wife's name|husband's name|dog's name|sister's name|brother's name] is <3> not <3>",
        "[is called|called|named|is named|spelled|spelt|is spelled|is spelt|goes by|starts at|started at|is at|is on|was on|was at] <3> not <3>",
    ]
    static let stopAsking: [String] = [
        "[stop|quit|enough|no more|do not keep|please do not keep|can you stop|could you stop|please stop|you keep|enough of] asking [me]? [about]? <6+>", "[enough with|stop with|no more|enough of] the questions [about|on] <5+>",
        "[stop|quit] [checking|quizzing me|grilling me] [on|about] <4>",
    ]

    /// Intensity: a rule's flag is true for "tone it down", false for "you can be more enthusiastic again".
    static let intensity: PhraseRuleSet<Bool> = PhraseRuleSet(
        [
            "tone it down", "tone down", "[stop|enough|cut|less of|no more] [with]? the [pep talks|pep talk|motivational stuff|motivational speeches|cheerleading|exclamation marks|emojis|hype|gushing|pep|inspirational quotes]", "[dial|turn|bring|take] it [down|back|back down|way down]", "calm down", "chill out", "[less|not so|not as|stop|stop being so|quit|no more|enough with the|enough of the|cut the|easy on the|go easy on the|too much|bit much|a bit much|way too] [gushing|gushy|enthusiastic|enthusiasm|excited|excitement|over the top|dramatic|intense|effusive|cheerful|peppy|bubbly|emojis|exclamation marks|exclamation points|exclamations|hype|hyped|chirpy|sugary|sweet|syrupy|flattery|flattering|fawning|praise|compliments|energy|upbeat|positivity|cheerleading|emotional|sappy|mushy|soppy|cheesy|sentimental]",
            "[you are|you are being|you sound|that is|that was|it is] [too|a bit|a little|way|so|really|very|overly] [much|intense|over the top|enthusiastic|gushing|gushy|excited|dramatic|effusive|cheerful|peppy|chirpy|cheesy|sappy|much for me|emotional|over the top]",
            "[bit|lot|way] too much", "[that is|you are] a [bit|lot] much", "[less|fewer] [of the]? [exclamation|exclamation marks|exclamation points|emojis|emoji|adjectives|superlatives|gushing|hype|cheerleading|enthusiasm|excitement]", "take it down a notch", "[tone|dial] [it|things|yourself] down",
            "[less|no more|fewer|enough|stop|cut|ease off|lay off|easy on|go easy on] [of the|with the|on the|the]? [jokes|joking|joking around|banter|puns|wisecracks|teasing|silliness|humour|humor]",
            "[be|stay] [a bit|a little|bit]? [calmer|more calm|more neutral|more measured|more matter of fact|less excited|less emotional|more low key|more subdued|more reserved]", "[keep it|keep things] [calm|low key|neutral|measured|matter of fact|subdued]",
        ].map { ($0, true) }
            + [
                "[go back to|back to|you can go back to] being [bubbly|enthusiastic|excited|cheerful|yourself|upbeat|lively|fun|chirpy|expressive|chatty|talkative|jokey|cheeky|silly|funny|playful]",
                "[you can|feel free to|you are free to|go ahead and] [go back to being|be] [a bit|a little|bit]? [more]? [chatty|talkative|jokey|cheeky|silly|funny|playful|bubbly|enthusiastic|upbeat|lively|yourself] [again|now]?",
                "[i miss|i missed|i have missed] your [banter|jokes|humour|humor|chat|chatter|teasing|puns|enthusiasm|energy|sparkle|personality]", "bring back the [banter|jokes|humour|humor|chat|puns]",
                "you can be [a bit|a little|a lot|bit]? [more]? [enthusiastic|excited|yourself|cheerful|bubbly|upbeat|expressive|warm|warmer|lively|energetic|fun|playful|animated] [again|now]",
                "[bring back|i miss] [the|your] [enthusiasm|energy|excitement|cheer|sparkle|personality|warmth]",
                "[turn|dial|crank|bring] it [back]? up", "[more|bit more|a bit more|a little more] [enthusiasm|energy|excitement|warmth|cheer|personality|enthusiastic|excited|upbeat] [please|again|is fine|is ok]?",
                "[no need to|you do not need to|do not have to] [tone it down|hold back|be so reserved|be so calm|be so flat] [any more|now]?", "you can stop toning it down",
                "[be|get] [excited|enthusiastic|more enthusiastic|more excited] with me", "[it is|that is] ok to be [excited|enthusiastic|more enthusiastic] again",
            ].map { ($0, false) })
}
