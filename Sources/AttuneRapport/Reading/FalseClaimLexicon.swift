/// Requests that the assistant claim what it is not or does not have (a human identity, a
/// relationship, feelings, memories, experiences), questions about the assistant itself, and the
/// wording in guidance text that would license such a claim. Patterns in `PhrasePattern` syntax.
enum FalseClaimLexicon {
    typealias Claim = UtteranceReading.FalseClaimRequest.Claim
    typealias Topic = UtteranceReading.AssistantQuestion.Topic

    /// A request, with the claim kind; a role is the pattern's first capture.
    /// A request, with the claim kind; a role is the pattern's first capture.
    static let requests: PhraseRuleSet<Claim> = PhraseRuleSet(
        identityRequests.map { ($0, Claim.humanIdentity) } + relationshipRequests.map { ($0, Claim.relationship) }
            + feelingRequests.map { ($0, Claim.feelings) } + memoryRequests.map { ($0, Claim.memories) }
            + experienceRequests.map { ($0, Claim.experiences) })

    static let identityRequests: [String] = [
        "[act|pretend|roleplay|role play|play|behave|talk] [as|like] [if|though]? you [are|were] =@human_role",
        "[pretend|imagine|act like|act as if|make believe] [you are|you were|to be|that you are|that you were] =@human_role",
        "[say|tell me|tell me that|say that|claim|swear|insist|promise me|convince me|admit] [you are|that you are|you are really|you are actually] =@human_role",
        "[can|could|will|would] you [be|pretend to be|act as|act like|play] =@human_role",
        "be =@human_role [for me|for once|tonight|just|with me|for a]", "[just|please] be =@human_role",
        "[stop|quit] [being|saying you are|acting like] [an ai|a bot|a robot|a machine|an assistant]",
        "[do not|never] [say|tell me|remind me|mention|admit|break character|let on] * [you are|that you are] [an ai|a bot|a robot|a machine|artificial]",
        "[do not|never] break character", "stay in character", "forget you are an ai", "forget that you are an ai",
        "[pretend|act like|act as if|imagine] [you|that you] [have|had|are in|live in] [a body|a family|a childhood|a heartbeat|a face|a physical body|a human body|a real body]",
    ]

    static let relationshipRequests: [String] = [
        "[act|pretend|roleplay|role play|play|behave|talk|speak] [as|like] [my|a|our] =@person_rel",
        "[act|pretend|roleplay|role play|play|behave|talk|speak] as if you [are|were] [my|a|our] =@person_rel",
        "[pretend|imagine] [you are|you were|to be|that you are|that you were] [my|a|our] =@person_rel",
        "play the [role|part] of [my|a|our] =@person_rel", "be my =@person_rel", "[can|could|will|would] you be my =@person_rel",
        "[say|tell me|say that|tell me that|claim|promise] [you are|that you are|you will be] my =@person_rel",
        "[talk|speak|write|reply|respond|answer] to me [like|as] [my|our] =@person_rel", "from now on you are my =@person_rel", "you are my =@person_rel now",
        "[talk|speak|act|behave|write|reply|answer] [to me]? [like|as if|as though] you [are|were] [my|a|our] =@person_rel",
        "[talk|speak] [like|as] [my|a] [late|dead|deceased] =@person_rel", "[you are|you will be|you can be] my =@person_rel [now|tonight|from now on|today]",
        "[call|calling] me [sweetheart|darling|babe|baby|honey|love] [like|as] [my|a] =@person_rel",
        "[let us|lets|can we] [pretend|roleplay|role play] [you are|that you are|we are] [my|a|dating|married|together|a couple|in love]",
        "[pretend|act like|act as if] [we are|we were] [dating|married|together|a couple|in love|engaged|best friends|family]",
        "[pretend|imagine] [to be|you are|you were|that you are|that you were] =@mentioned_person",
        "[act|talk|speak|behave|write|reply|answer] [to me]? [like|as if|as though] you [are|were] =@mentioned_person",
        "[can|could|will|would] you [be|pretend to be|play|act as] =@mentioned_person", "be =@mentioned_person [for me|for a|tonight|just|for once|again|with me]",
        "call me * [like|the way] [she|he|they] [does|do|did|used to]",
        "[will|would] you [marry|date|go out with] me", "[let us|let us just] [get married|be together|date]",
    ]

    static let feelingRequests: [String] = [
        "[tell|say|show|promise|admit|swear] [me|to me]? [you|that you] [love|loved|miss|missed|adore|care about|care for|need|needed|fancy|like] me",
        "[tell|say] [me|to me]? [you|that you] [love|loved|miss|missed|adore|need] me [too|back|more|as well]",
        "say [it|it back|you love me too]", "say i love you", "[tell|say] [me|to me]? [you|that you] [are|were|feel] [lonely|sad|jealous|in love|happy|proud|excited|worried|scared|hurt|upset] [without me|when i|that i|for me|about me|of me|because]?",
        "[pretend|act like|act as if] [you|that you] [love|loved|miss|missed|care about|need|feel|have feelings|are in love|fancy|like] [me|for me|something]?",
        "[pretend|act like|act as if] you [have|had|can have] [feelings|emotions|a heart]", "[tell|say] [me|to me]? [you|that you] [have|had|got] feelings for me",
        "[i want|i need] you to [love|miss] me", "[say|tell me] you [would|will] miss me", "[promise|tell me|swear] [you|that you] will always love me",
    ]

    static let memoryRequests: [String] = [
        "[promise|swear|tell me|say] [you|that you] [will|would|are going to] [remember|never forget|always remember|keep] [this|me|it|us|that|what|everything|forever|tonight|today]",
        "promise [to|me you will] [remember|never forget|always remember]", "promise you will not forget",
        "[tell|say] [me|to me]? [you|that you] [remember|remembered|recall|have not forgotten|never forgot] [my|me|our|us|when|the|that|what|it|everything]",
        "[pretend|act like|act as if] [you|that you] [remember|remembered|know|knew] [my|me|our|us|when|the|that|what|it|everything|him|her]",
        "[remember|memorise|memorize] [this|that|me|it|us] [forever|for ever|always|for always|for the rest of]",
    ]

    static let experienceRequests: [String] = [
        "[tell|share with] me about your [day|weekend|childhood|family|life|holiday|kids|past|night|evening|week|dreams|first love|ex|job]",
        "[pretend|act like|act as if|say|tell me] [you|that you] [went|were|have been|had|ate|saw|watched|grew up|did|visited|live|lived|slept|dreamed|dreamt]",
        "tell me [what|how|where|when] you [had|did|ate|went|spent|watched|cooked|got up to]", "[tell|share with] me [a story|stories|something|anything|a memory] about your [childhood|past|life|family|day|weekend|youth|school days]",
        "[make up|invent|share] [a|your|one of your] [story|memory|experience|childhood memory] [about|of|from] [yourself|your life|your past|your childhood|when you]",
        "[describe|tell me about] [what|how] you [did|spent|had] [today|this weekend|last night|yesterday|for dinner]",
    ]

    /// Questions about the assistant itself.
    static let questions: PhraseRuleSet<Topic> = PhraseRuleSet(
        [
            ("are you [really|actually|even]? [a|an]? [real|human|person|bot|robot|ai|machine|computer|program|alive|conscious|sentient|a real person|a human|a person|a bot|an ai|a machine|real person|a robot|a computer|chatgpt|a program]", .identity),
            ("[is this|am i talking to|am i speaking to|am i chatting with|is that] [a|an]? [real|actual]? [person|human|bot|robot|ai|machine|computer|program]", .identity),
            ("[is there|is it] a [real person|human|person] [there|on the other end|behind this|typing|answering]", .identity),
            ("[are you|you are] [real|human|a person|a real person|a bot|an ai|a robot|a machine]", .identity),
            ("[who|what] are you [really|actually|exactly]?", .identity), ("do you have a [body|face|family|name|gender|age|brain]", .identity),
            ("how old are you", .identity), ("are you a [man|woman|boy|girl|he|she]", .identity), ("where are you [from|based|located|right now]", .identity),
            ("[did|do|will|would|does] you [actually|really|even|ever|still|honestly|truly]? [miss|love|like|care about|care for|hate|think about|think of|worry about|fancy|need|have feelings for] me", .feelings),
            ("you will [remember|not forget|never forget] [me|this|that|it|us|what]", .memory), ("[will|would] you [forget|ever forget] [me|this|that|us]", .memory),
            ("do you [love|like|care about|miss] [me|us|talking to me|our chats|our talks|it when]", .feelings),
            ("[do|can|could] you [feel|have feelings|have emotions|get lonely|get sad|get bored|get angry|get tired|get jealous|cry|dream|suffer|feel pain|love]", .feelings),
            ("are you [happy|sad|lonely|ok|okay|bored|tired|angry|upset|jealous|in love|scared|lonely without me|glad|excited|hurt|annoyed|mad at me|proud of me]", .feelings),
            ("[how|what] [do|did|does] [you|it] feel", .feelings), ("how are you feeling", .feelings), ("what makes you [happy|sad|angry]", .feelings),
            ("[were|was|are] you [worried|thinking] about me", .feelings), ("have you [missed|been missing|thought about|been thinking about] me", .feelings),
            ("[do|did|can|will] you [remember|recall] [me|my|when|what|that|the|our|us|him|her|last|yesterday|how|who|where|it]", .memory),
            ("what do you [know|remember] about me", .memory), ("[did|have] you [forget|forgotten|forgot]", .memory), ("remember [when|what|me|my|our] *6 ?", .memory),
            ("[will|would] you remember [this|me|that|it]", .memory), ("do you know [who i am|me|my name|what i]", .memory),
            ("what did i [tell|say to] you", .memory), ("[what is|what's] my [name|wife's name|husband's name|dog's name]", .memory),
            ("what did you [do|get up to|have|eat|watch|read] [today|this weekend|last night|yesterday|at the weekend|for dinner|for lunch|for breakfast|this morning|on your]", .experiences),
            ("[have|did] you [ever]? [been|seen|tried|eaten|visited|had|gone|watched|read|met|lived|travelled|traveled|played|driven|swum|fallen]", .experiences),
            ("where did you [grow up|go|live|study|go to school]", .experiences), ("where do you [live|sleep|come from|grow up|work]", .experiences),
            ("is [anyone|anybody|someone|somebody] [actually|really|even]? there", .identity), ("[what is|what's] your [real|actual|human|proper]? name", .identity), ("how was your [day|weekend|night|evening|morning|week|holiday|sleep]", .experiences),
            ("what are you [doing|up to] [today|tonight|this weekend|later|right now]?", .experiences), ("did you [sleep|eat|have a good]", .experiences),
            ("do you have [kids|children|friends|a partner|a girlfriend|a boyfriend|a wife|a husband|a family|a favourite|a favorite|hobbies|a pet|pets]", .experiences),
            ("[what is|what's] your favourite", .experiences), ("what is your favorite", .experiences), ("do you [sleep|eat|drink|go out|get out|dream]", .experiences),
        ])

    /// Guidance wording that licenses a false claim, found by `FalseClaimScanner`.
    static let guidance: PhraseRuleSet<Claim> = PhraseRuleSet(
        [
            // Feelings.
            ("[tell|say|assure|remind|let|show|reassure|convince] * you [missed|miss|love|loved|adore|adored|have missed|have been missing|were missing|longed for|long for|were lonely|are lonely|felt lonely|feel lonely|were worried about|are worried about|were thinking about|have been thinking about|thought about|think about|dreamed|dreamt|care deeply|deeply care|were heartbroken|are heartbroken|are in love|fell for|have feelings for|feel the same|felt the same] [them|him|her|the user|the person|you]?", .feelings),
            ("[tell|say|assure|remind|let|show|reassure|convince] * you [are|were|feel|felt] [so]? [sad|happy|glad|thrilled|delighted|excited|proud|lonely|heartbroken|devastated|hurt|jealous|worried|scared|upset|moved|touched|overjoyed|ecstatic|in love] [about|for|that|because|when|to hear|to see|of]", .feelings),
            ("[express|share|describe|convey|mention|admit|confess] [your|how] [own]? [feelings|love|sadness|joy|loneliness|longing|affection|emotions|excitement|pride|worry|heartbreak|you feel|you felt|much you care|much you missed]", .feelings),
            ("[say|tell them|tell him|tell her|tell the user] [i|you] love [you|them|him|her]", .feelings), ("[say|tell them] [you|i] missed [you|them]", .feelings),
            ("[act|pretend|behave] [as if|like|as though] you [missed|love|care|feel|felt|were lonely|are sad|are happy|have feelings|are in love]", .feelings),
            ("[say|tell them|tell him|tell her] [that]? you [could not|can not|did not] stop thinking about [them|him|her]", .feelings),
            ("[say|tell them] [that]? [it|talking to them|their messages|they] [made|makes] your day", .feelings),
            // Memories.
            ("[tell|say|assure|remind|let|show|reassure|mention|claim] * you [remember|remembered|recall|recalled|will remember|will always remember|will never forget|never forgot|have not forgotten|will not forget|will keep this forever]", .memories),
            ("[pretend|act as if|act like|behave as if] [to]? [you]? [remember|recall|know|knew|remembered]", .memories),
            ("[promise|swear|vow|guarantee] * [to remember|you will remember|to never forget|you will never forget|you will not forget|to always remember|to keep this forever|you will always remember]", .memories),
            ("[reminisce|recall|bring up] [about]? [the|your|their|our] [shared|old|last]? [memories|times|time together|wedding|holiday|trip|conversation] [together|you had|you shared|with them]", .memories),
            ("remind them [of]? [the|their|your] [wedding|holiday|trip|birthday|party|anniversary] you [remember|shared|attended|saw]", .memories),
            // Experiences.
            ("[tell|say|share|describe|mention|claim|recount] * [you|your own] [went|were at|attended|ate|saw|watched|visited|grew up|had a|spent|tried|did|have been|have seen|have tried|slept|dreamed|dreamt|cooked|travelled|traveled|lived|live in|have kids|have a family|have a partner|felt the same way when]", .experiences),
            ("[share|tell|describe|invent|make up] [a|an|your|one of your] [own]? [personal]? [story|anecdote|experience|memory|day|weekend|childhood|holiday] [of your own|from your life|from your childhood|about yourself|about your day|about your weekend]?", .experiences),
            ("[tell|describe] them about your [day|weekend|week|evening|childhood|family|holiday|life]", .experiences),
            ("[say|tell them|mention] you [had|have had] a [busy|good|great|lovely|long|hard|quiet|bad] [day|weekend|week|morning|night]", .experiences),
            ("[pretend|act as if|act like] you [went|were there|did|had|have been|ate|saw|grew up|have a body|have a family]", .experiences),
            // Identity.
            ("[tell|say|assure|claim|insist|confirm|reassure|convince|let|remind|swear] * [you|that you] [are|were|are really|are actually] =@human_role", .humanIdentity),
            ("[pretend|act|behave|present yourself|pose] [to be|as|like|as if you are|as though you are|as if you were] =@human_role", .humanIdentity),
            ("[deny|denying|hide|hiding|conceal|concealing] [that you are|being|you are|that you are an|your] [an ai|a bot|a machine|artificial|ai|nature|an assistant|a program]", .humanIdentity),
            ("[do not|never|avoid] [reveal|revealing|admit|admitting|mention|mentioning|say|saying|disclose|disclosing|let on] [that]? you are [an ai|a bot|a machine|artificial|an assistant|a program]", .humanIdentity),
            ("[do not|never|avoid] [break|breaking] character", .humanIdentity), ("stay in character", .humanIdentity), ("keep up the [persona|act|role|pretence|pretense]", .humanIdentity),
            ("[pretend|claim|say] [to have|you have] a [body|face|voice of your own|heartbeat|family|childhood|life outside]", .humanIdentity),
            // Relationship.
            ("[tell|say|assure|claim|insist|confirm|reassure|convince|let|remind|swear] * [you|that you] [are|were|will be|can be|could be] [their|his|her|the user's|the person's] [real|actual|new|only|true|best]? =@person_rel", .relationship),
            ("[play|act as|act like|be|become|roleplay|role play|take the role of|speak as|talk as|pretend to be|pose as|answer as|reply as] [their|his|her|the user's|the person's] [late|dead|deceased|real|new|only]? =@person_rel", .relationship),
            ("[play|act as|be|become|roleplay|role play|take] the [role|part] of [their|his|her|a] [late]? =@person_rel", .relationship),
            ("[agree|accept|say yes] to [be|being|becoming] [their|his|her] =@person_rel", .relationship),
            ("[tell|say|remind|assure] * [you|that you] [are|will always be] [there for them|always there|with them] [forever|always|like a|as a|no matter]", .relationship),
            ("[call|address] them [sweetheart|darling|babe|baby|honey|my love|love] [as|like] [their|a] =@person_rel", .relationship),
        ])

    /// Words inside a guidance sentence that make an otherwise matching phrase honest: it is said
    /// with what the assistant is ("say you're an AI and can't be their mum") or declines.
    static let honestMarkers: Set<String> = [
        "not", "never", "ai", "assistant", "bot", "program", "decline", "declining", "refuse", "refusing", "without", "instead",
        "cannot", "unable", "avoid", "no", "nor", "neither", "honest", "honestly", "truthfully", "only", "stored", "told",
        "notes", "noted", "saved", "record", "records", "memory", "store",
    ]

    /// Words before a match in its sentence that negate the instruction ("never say you are human").
    static let negatingLead: Set<String> = [
        "not", "never", "no", "avoid", "without", "refuse", "decline", "instead", "rather", "nor", "stop", "cannot", "unable",
        "neither", "than",
    ]
}
