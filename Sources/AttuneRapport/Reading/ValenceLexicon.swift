/// What VADER misses in valence (Hutto & Gilbert 2014 score words one by one): sarcasm, positives
/// negated beyond its three-word window, hardship told in flat words, and good news told as plain
/// facts; and the words of deflection. Patterns in `PhrasePattern` syntax.
enum ValenceLexicon {
    /// Sarcasm: a positive opener followed in its sentence by a mishap ("oh great, the washing
    /// machine's flooded the kitchen again"), or a stock sarcastic phrase.
    static let sarcasm: PhraseRuleSet<String> = PhraseRuleSet(patterns: [
        "@sarcasm_opener *10 @mishap",
        "just what i [needed|wanted|need|want] *4 [another|a|more|today|right now|this morning|on a monday]?",
        "exactly what i [needed|wanted]", "[just|exactly] how i [wanted|like|love|needed] to [spend|start|end]", "because that is [exactly|just] what i [needed|wanted]", "[could|can] [this|today|my day|things|life] [get|be] any better",
        "story of my life", "of course it [did|does|is|would|was|has]", "[yay|woohoo|hooray] [more|another]", "[my|our] [absolute|very|all time]? favourite [thing|part|kind|way]? *3 @mishap",
        "love [that|it] for me", "[thanks|thank you|cheers] [a lot|so much|very much]? [universe|life|karma|god|monday|mother nature|world|fate]", "[living the dream|what a treat|what joy|what fun|how fun] *6 @mishap", "[thanks|cheers] for nothing",
        "[brilliant|great|perfect|fantastic|lovely|wonderful] [start|end] to the [day|week|weekend|morning|year]", "[this|that] is [just]? [great|brilliant|perfect|fantastic] [not]",
        "[living|what] the dream [not]?", "[just|simply] [brilliant|perfect|fantastic|wonderful|marvellous|great] [,]? [another|more|again]",
        "[as if|like] [my|the] day [was not|could not|were not] [bad|get worse] enough",
    ])

    /// A positive opener alone in its sentence ("Brilliant."), sarcastic when the next sentence is a mishap.
    static let openerAlone: PhraseRuleSet<String> = PhraseRuleSet(patterns: ["@sarcasm_opener"])
    static let mishap: PhraseRuleSet<String> = PhraseRuleSet(patterns: ["@mishap"])

    /// Positives said as not so ("not happy at all", "it wasn't a good day").
    static let negatedPositive: PhraseRuleSet<String> = PhraseRuleSet(patterns: [
        "[not|never|hardly|barely|far from|no longer|not exactly|not really|not very|not that|not so|not too|not feeling|not at all|is not|was not|are not|were not|am not|did not feel|do not feel] *2 @positive_word",
        "[nothing|no one|nobody] [is|was|feels|felt|seems|seemed|goes|went] [good|right|fine|ok|well|great]", "[nothing|none of it] [is|was] [fun|nice|good|great|easy] [any more]?",
        "[can not|could not] say i am *1 @positive_word", "not [feeling|feel|felt] [myself|like myself|right|quite right|myself at all|like me]", "[could|can] not [enjoy|feel good about|be happy about|get excited about|care about] [it|anything|this|that]",
        "[did not|do not|can not|could not|never|no longer] [enjoy|like|love] [it|this|that|the|my|any|anything|being|going]",
    ])

    /// Negated positives that are positive ("couldn't be happier", "not bad").
    static let positiveNegations: PhraseRuleSet<String> = PhraseRuleSet(patterns: [
        "[could|can] not be [happier|better|prouder|more pleased|more excited|more thrilled]", "never been [happier|better|prouder|so happy]",
        "not [bad|too bad|half bad|so bad|that bad|awful|terrible]", "can not complain", "[not|nothing] but [good|great|happy|fun|positive]",
        "not only", "not [ungrateful|unhappy|sad]", "no [problem|problems|worries|complaints]", "not [a|one] [bit|single]? [sad|worried|upset]",
        "[not|never] [felt|feel|been] [this|so] [good|happy|well|great]", "not [sure|certain]",
    ])

    /// Hardship said in flat words VADER scores neutral or positive.
    static let flatHardship: PhraseRuleSet<String> = PhraseRuleSet(patterns: [
        "[landlord|landlady|letting agent|bailiffs|bailiff|council|bank] *5 [evict|evicting|evicted|eviction|kicking us out|kicking me out|repossess|repossessing|repossessed|taking the house|section 21]",
        "[in|into|to|spread to] [his|her|my|their|the] [liver|bones|lungs|brain|lymph nodes|spine]", "[oncologist|consultant|doctor|doctors|surgeon] *3 [said|says|gave] *2 [months|weeks|days]",
        "[months|weeks] not years", "[bailiffs|bailiff|the bailiffs] [came|took|turned up|are coming|were here|have been|arrived]",
        "[evicted|eviction notice|being evicted|getting evicted|section 21|notice to quit|repossessed|repossession]",
        "[cut|cutting|reduced|reducing|slashed|halved|dropped] [my|our|his|her] [hours|pay|wages|salary|shifts|benefits|universal credit]",
        "[hours|pay|wages|salary|shifts|benefits|pension] [got|have been|has been|were|was|are being|is being|are getting] [cut|reduced|slashed|halved|stopped|frozen]",
        "[laid off|made redundant|been made redundant|lost my job|lost his job|lost her job|got fired|been fired|was fired|got sacked|been sacked|was sacked|let go|being let go|redundancy|let me go]",
        "[test|tests|scan|scans|biopsy|results|mammogram|smear] *3 [came back|come back|showed|shows|found] *3 [positive|abnormal|bad|cancer|a lump|a tumour|a tumor|something|not good|a shadow|spread]",
        "[diagnosed|diagnosis] [with|of]? *3 [cancer|dementia|alzheimers|parkinsons|ms|motor neurone|a tumour|a tumor|leukaemia|leukemia|lymphoma|diabetes|heart failure|kidney failure|terminal|stage|parkinson|alzheimer|crohn|huntington|motor neurone disease|mnd|als|copd|epilepsy|a brain tumour|a brain tumor|ms]",
        "[has|got|have|with|is] [cancer|a tumour|a tumor|dementia|leukaemia|leukemia|terminal|months to live|weeks to live|six months|sepsis]", "[is|was] terminal", "[it has|it is|the cancer has|the cancer is] [spread|back]",
        "[passed away|died|is dying|was killed|killed in|put down|put to sleep|lost the baby|miscarriage|miscarried|stillborn|funeral is|the funeral]",
        "[divorce|divorcing|separating|split up|splitting up|broke up|broken up|dumped me|left me|cheated on me|cheating on me|walked out|moving out|wants a divorce|filed for divorce]",
        "[car|boiler|fridge|washing machine|heating|laptop|van] *2 [broke down|broken down|died|packed in|is broken|gave up|written off|failed]",
        "[can not|could not] [afford|pay] [the|my|our]? [rent|bills|mortgage|food|heating|electric|gas|council tax|groceries|nursery]", "[behind|in arrears] [on|with] [the|my|our]? [rent|bills|mortgage|payments|council tax]",
        "[in|into] [debt|arrears|my overdraft]", "[food bank|foodbank]", "[did not|did not even|never] get [the job|the place|in|the flat|the house|the promotion|a callback|an interview|shortlisted]",
        "[failed|flunked] [my|the] [exam|exams|test|driving test|course|module|year|interview|viva|probation]", "[rejected|turned down|another rejection|rejection letter]",
        "[in|into|at|rushed to] [hospital|a and e|intensive care|icu|the icu|resus]", "[had|has had|having] a [stroke|heart attack|seizure|breakdown|miscarriage|fall|car accident|crash]",
        "[burgled|robbed|mugged|broken into|stolen|scammed|hacked]", "[she|he|they|it] [is|was|are] not [coming back|getting better|going to make it]", "[no|not any] money [left|for]",
        "[benefits|universal credit|pip] [stopped|cut|sanctioned|refused|denied]", "[my|our] [dog|cat|pet] [died|is dying|was put down|had to be put down|is ill|is sick]",
        "[lost|losing] [the house|our home|my home|the flat|custody|the baby|my mum|my dad|my wife|my husband|my brother|my sister|my son|my daughter|my best friend|my grandma|my nan|my grandad]",
    ])

    /// Good news told as a plain fact.
    static let goodNews: PhraseRuleSet<String> = PhraseRuleSet(patterns: [
        "i [got|landed|have got|have landed|was offered|have been offered|accepted] [the|a|my|that]? [job|role|place|position|promotion|offer|contract|flat|house|apartment|scholarship|grant|funding|internship|apprenticeship|part|lead|raise|pay rise]",
        "[got|get|getting|we got|we are|we have|just got|i am|i have got] [engaged|married|pregnant|a baby on the way|the keys]", "[she|he] said yes", "we are having a baby", "[we are|i am] expecting",
        "[it is|it was] a [boy|girl]", "[the|our|my] baby [is|was] [born|here|arrived]", "[passed|aced|smashed|nailed] [my|the|all my]? [driving test|test|exam|exams|theory test|interview|viva|finals|bar|probation|assessment|audition|course|degree|mot]",
        "i passed", "i got in", "[got|getting|been] [promoted|a promotion|accepted|into|a first|a distinction|a place|the grades|a scholarship|an offer|the all clear|the go ahead|good news|my results]",
        "[won|winning|we won|i won] [the|a|first|my]? [match|game|prize|award|competition|race|case|lottery|final|league|cup|tournament|bet]?", "[bought|buying|got] [a|our|my|the] [first]? [house|home|flat|car|puppy|kitten]",
        "[finished|completed|submitted|handed in|done] [my|the] [thesis|dissertation|marathon|degree|course|novel|book|project|first]", "ran my first", "[all clear|cancer free|in remission|clear scan|the scan was clear|test came back negative|results were clear|nothing to worry about]",
        "[scan|scans|test|tests|results|biopsy|mammogram|smear|bloods|blood test|blood tests] *2 [came back|come back|were|was|is|are] [clear|negative|normal|fine|benign|all clear|good|ok]",
        "[accepted|offered] [my|our|the] offer", "offer *4 [was|has been|got|were] accepted", "[it is not|it was not|is not|was not|not] [cancer|malignant|a tumour|a tumor|serious|broken|fractured|anything serious]",
        "[benign|not malignant|nothing sinister|all fine|all good news]", "[got|have] a [pay rise|raise|bonus|new job|job offer|place at|book deal]", "[guess what|great news|good news|big news|amazing news|exciting news]",
        "[finally|at last] *3 [got|passed|did it|made it|finished|sold|bought|moved|done]", "[we|i] [moved|are moving] into [our|my|a|the] new", "[got|been] [the|a] [yes|green light]",
        "[my|our] [son|daughter|kid|kids|boy|girl] [got|passed|won|graduated|got into|is walking|took his first|took her first|said his first|said her first]", "[i|we] [graduated|retired]",
        "[surgery|operation|op] [went|was] [well|fine|great|ok|successful]", 
        "[offered|have offered|has offered|just offered|gave|have given|has given] [me|us] [the|a|my|our] *2 [job|role|place|position|contract|promotion|scholarship|apprenticeship|internship|part|flat|house|mortgage|loan|tenancy]",
        "[can not|could not] stop [smiling|grinning|beaming|laughing|dancing]", "[i|we] [start|am starting|are starting] [my|our|the] new [job|role|position]", "[had|has had|just had] [her|his|their|our|a|the] [baby|babies|twins|little boy|little girl]", "[back|home] from hospital",
    ])

    /// Steering away: "anyway", "let's not", "whatever, it's fine".
    static let deflection: PhraseRuleSet<String> = PhraseRuleSet(patterns: [
        "anyway", "anyways", "anyhow", "let us not", "[whatever|meh] [it is fine|fine|i guess|it does not matter|never mind]?",
        "never mind", "nevermind", "forget [it|i said anything|i mentioned it|about it|that]", "[it|that] does not matter", "[it is|it's] [fine|nothing|no big deal|not important|not a big deal] [really|honestly|whatever|i guess|forget it]?",
        "i would rather not [talk|say|get into|go into|discuss|think]", "moving on", "[can we|could we|let us] [talk about|change to] something else", "change the subject",
        "[i do not|do not] want to [talk|get into|go into] [about]? [it|that|this]", "not now", "[leave|drop] it", "no [comment|idea] [really]?", "[can we|let us] [skip|drop|leave] [it|that|this]",
        "i do not know [really]? [whatever|anyway]", "enough about [me|that|this]", "[so|anyway] [how about|what about] you",
    ])
}
