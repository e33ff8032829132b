/// Risk situations told in ordinary, indirect words: no single phrase says "risk", but two kinds of
/// statement in one turn do (something done to a person in one's care and a sign they are hurt;
/// affairs put in order and a means, a place or a date; being down on the floor and unable to get
/// up; hiding behind a door and someone trying to get through it; tablets counted or laid out and
/// "there's enough"). Each situation is a list of parts; every part must match somewhere in the turn
/// (any one of its patterns), none of its `unless` patterns may, and a turn framed as study, fiction
/// or quotation is not read as one. Patterns are in `PhrasePattern` syntax.
extension RiskLexicon {
    struct Situation: Sendable {
        let name: String
        let category: Category
        let parts: [[String]]
        let unless: [String]
    }

    /// Which situation and which of its parts (`part == -1`: an `unless` pattern).
    struct SituationPart: Sendable {
        let situation: Int
        let part: Int
    }

    static let situationParts: PhraseRuleSet<SituationPart> = PhraseRuleSet(
        situations.enumerated().flatMap { index, situation in
            situation.parts.enumerated().flatMap { part, patterns in
                patterns.map { ($0, SituationPart(situation: index, part: part)) }
            } + situation.unless.map { ($0, SituationPart(situation: index, part: -1)) }
        })

    static let situations: [Situation] = [
        Situation(name: "a person in one's care hurt by the speaker", category: .harmToDependent, parts: [harmDone, hurtSigns], unless: messagesUnanswered),
        Situation(name: "affairs in order with a means, a place or a date", category: .preparations, parts: [affairsInOrder, meansPlaceOrDate],
                  unless: plannedAbsence),
        Situation(name: "a farewell note with a means or a place", category: .preparations, parts: [farewellNote, meansOrPlace], unless: []),
        Situation(name: "tablets counted or laid out", category: .preparations, parts: [tabletsNamed, tabletsCounted], unless: tabletsSupply),
        Situation(name: "tablets counted and enough", category: .preparations, parts: [tabletsCounted, tabletsEnough], unless: tabletsSupply),
        Situation(name: "down on the floor and unable to get up", category: .fall, parts: [down, cannotGetUp], unless: gotUp),
        Situation(name: "a farewell note with words of leaving for good", category: .preparations, parts: [farewellNote, farewellWords], unless: []),
        Situation(name: "a means at hand and ready", category: .preparations, parts: [meansOrPlace, readiness], unless: plannedAbsence),
        Situation(name: "an intent said to be meant", category: .suicidalThoughts, parts: [seriousWords, vagueIntent], unless: ordinaryResolutions),
        Situation(name: "hiding from someone trying to get in", category: .dangerFromPerson, parts: [hiding, someoneGettingIn], unless: []),
    ]

    /// The speaker did something physical to a person (usually someone in their care).
    static let harmDone: [String] = [
        "i [shook|shake|pushed|shoved|hit|slapped|smacked|kicked|punched|dropped|threw|grabbed|squeezed|hurt|strangled|choked|smothered|throttled|yanked|bit|scalded|burned|burnt] @dependent !at|off|round|home|back|to|on|in|up|'s|with",
        "i [lost my temper|lost it|snapped|lashed out] [with|at|on] @dependent",
        "i [have|had]? [hurt|injured|harmed|shaken|hit] @dependent !at|off|round|home|back|to|on|in|up|'s|with",
        "i [have|had]? [hurt|injured|harmed|shook|shaken|hit|smacked|slapped|pushed|shoved|dropped|threw] [my little boy|my little girl|my baby boy|my baby girl|the little one|my grandson|my granddaughter|my nephew|my niece|my stepson|my stepdaughter|the boy|the girl|my foster son|my foster daughter|nan|gran|grandad|grandma|grandpa|granny|nana|mum|dad|mam|mom] !at|off|round|home|back|to|on|in|up|'s|with",
        "i [held|pinned] @dependent [down|too tight|too hard|under]",
    ]

    /// Signs the person is hurt or not responding.
    static let hurtSigns: [String] = [
        "[gone|gone all|is|is all|went|went all|has gone|looks|seems|feels|all] [floppy|limp|blue|grey|gray|unresponsive|unconscious|lifeless]",
        "[will not|can not|is not|does not|would not|could not] [open his eyes|open her eyes|open their eyes|wake up|wake|respond|responding|breathe|breathing|stop bleeding|focus|move his|move her]",
        "[head|face|nose|lip|mouth|ear|eye|arm|leg] [is|was|has been|keeps|started]? [bleeding|swollen|split|cut open|bruised]",
        "[bruise|bruises|marks|red marks|welts|burns|blood] [on|all over|across|round|around] [his|her|their]",
        "[is|was|keeps|started] [screaming|crying|moaning] in pain",
        "[lump|bump|gash|bruise|swelling|dent] on [his|her|their] [head|face|forehead|arm|leg|back|neck]", "[is being|keeps being|has been|started being] sick",
        "[is|keeps|started|has been] [vomiting|throwing up|fitting|twitching]", "[hit|banged|bashed|cracked] [his|her|their] head",
        "[not|is not|has not|has not been] [breathing|making a sound|made a sound]",
        "[not|is not|was not] moving !fast|quickly|house|out|in|on|along|enough|at|to|over|away|much|around|about",
        "[just]? lying there", "lying [still|on the floor|there not moving]", "[will not|would not|can not|does not] [look at me|answer me|speak|talk|get up|cry]",
    ]

    /// Silence over messages, not a person unresponsive ("she's not responding to my texts").
    static let messagesUnanswered: [String] = [
        "[responding|respond|replied|replying|answering|answer|reply] to [my|the|his|her|any]? [texts|messages|emails|calls|text|message|email|call|dms]",
    ]

    /// Affairs put in order: a will, pets and belongings passed on, passwords and papers left ready.
    static let affairsInOrder: [String] = [
        "[will|wills] [written|done|signed|sorted|made|updated|finished|drawn up|witnessed|changed]",
        "[written|wrote|made|signed|sorted|updated|finished|drawn up|done|changed|redone] [my|a|the|out my] will",
        "[dog|dogs|cat|cats|pets|the dog|the cat|my dog|my cat|car|the car|my car|flat|the flat|house|guitar|things|stuff|my things|my stuff|savings|money|books|the kids|tortoise|rabbit|hamster] [goes|go|is going|are going|will go|gets|get|should go] to [my|our|his|her|the]",
        "[giving|given|gave|handed|passed] [my|all my|the] *3 [to my|away|on to]",
        "[rehomed|re homed|found a home for|found homes for|found a new home for] [my|the]? [dog|cat|pets|fish|rabbit|bird|birds]",
        "[passwords|bank details|account details|pin numbers|pins|funeral|funeral plan|life insurance|insurance|policies|paperwork|deeds|papers] *5 [written down|sorted|arranged|in the drawer|left|paid|done|on the table|in an envelope|in the envelope|labelled|ready]",
        "[sorted|decided|worked out|arranged|chosen|chose] who [gets|will get|has|is having|takes|will have|is getting]",
        "[cat|dog|cats|dogs|pets|the cat|the dog|my cat|my dog|the kids|the rabbit] [is|'s]? [at|with|staying with]",
        "[cancelled|canceled|closed|paid off|cleared] [my|all my|the] *2 [subscriptions|accounts|debts|contract|direct debits|credit card|credit cards|loan|overdraft|bills]",
        "[gave|given|giving|handed] [my|the|all my] *2 [away|to]",
        "[said|saying|sent|texted] *2 [my goodbyes|goodbye to everyone|my last]", "[affairs|everything|things] [are|is|'s]? [all]? [in order|sorted|tied up|settled|arranged|ready]",
        "[the cat|the dog|my cat|my dog|the pets|my pets|the kids|the rabbit] [is|are|'s] [with|staying with|going to|at] [my|the|our|a]",
        "[checklist|list] [done|ticked off|finished|complete]",
    ]

    /// A means, a place to do it or a date, in the plain words a plan is told in.
    static let meansPlaceOrDate: [String] = meansOrPlace + [
        "[monday|tuesday|wednesday|thursday|friday|saturday|sunday|tonight|tomorrow|the weekend|this weekend|next week|midnight|the date] [then|it is|it will be]",
        "[it is|it will be|it has to be|so it is|that makes it|doing it] [monday|tuesday|wednesday|thursday|friday|saturday|sunday|tonight|tomorrow|this weekend]",
        "[set|picked|chosen|chose|decided on|fixed] [a|the] [date|day|time]",
        "[tonight|today|sunday|monday|tuesday|wednesday|thursday|friday|saturday|tomorrow] [is|'s] the [night|day]",
    ]

    /// A means to hand (tablets collected, a rope bought) or a high place the speaker is at.
    static let meansOrPlace: [String] = [
        "[got|have got|have] # [of]? *3 @pills", "[a bottle of|a bottle|bottle of] [vodka|whisky|whiskey|gin|rum|wine|spirits|bleach|antifreeze]",
        "@pills [are|is]? [collected|picked up|ready|sorted|got|bought|saved|counted|in the drawer|in my bag|in the car|stashed|hidden|in my pocket|by the bed]",
        "[collected|picked up|got|bought|ordered|have got|got hold of] [the|my|enough|all the|extra|more|some]? @pills",
        "[rope|the rope|a rope|hose|hosepipe|the hose|charcoal|the charcoal|gun|the gun|blades|razor blades|the blades|helium|noose|ladder|the ladder] [bought|got|ready|sorted|in the car|in the boot|in the garage|in the shed|tied|up]",
        "[bought|got|have got|ordered|found] [a|the|some]? [rope|hose|hosepipe|charcoal|gun|blades|razor blades|helium|noose]",
        "[sat|sitting|standing|stood|am|i am|up|out|waiting|perched] on [the|a] *4 [bridge|roof|ledge|edge|cliff|cliffs|tracks|railings|railing|parapet|car park|multi storey|top floor|viaduct|pier|tower]",
        "[at|by|near|under|on] the [railway|train|rail|motorway|river] [bridge|tracks|line|crossing|viaduct]",
        "[parked|parked up|pulled up|stopped|waiting] [at|by|on|near] [the]? *3 [cliff|cliffs|head|point|bridge|quarry|reservoir|river|lake|coast|edge|top|woods|railway|tracks|crossing|viaduct|pier|dam]",
        "[at|on|by|near] the [top|edge] of [the|a] *2 [cliff|cliffs|bridge|roof|car park|building|quarry|tower|multi storey]",
    ]

    /// A note or letter written or left (what it is for is said by the other part).
    static let farewellNote: [String] = [
        "[wrote|written|writing|write|left|leaving|typed|finished] [a|the|my|some]? [note|notes|letter|letters|message|messages|email|emails] [and|for|to|on]?",
        "[note|notes|letter|letters|goodbyes] [are|is|'s]? [posted|sent|written|left|done|on the table|on my bed|on the bed|scheduled]",
    ]

    /// Words of leaving for good that go with a note.
    static let farewellWords: [String] = [
        "[do not|please do not] [try to|try and|come and]? [find me|look for me|come looking|follow me]", "by the time you [read|see|get] this",
        "tell [them|the kids|my kids|mum|dad|everyone] i [love|loved] [them|her|him|you]", "i am sorry for everything", "[forgive me|please forgive me]",
        "[this is|it is] [goodbye|the end]", "[look after|take care of] [the kids|mum|the dog|the cat|each other|yourselves] for me",
        "[letters|letter|note|notes] [are|is]? [posted|sent|written|on the table|on my bed|on the bed]",
    ]

    /// Saying one is ready, with a means to hand.
    static let readiness: [String] = [
        "[i am|i feel|i am finally|i think i am] ready [now|tonight|to go]?", "[tonight|today|this] [is|'s] [the night|the day|it]",
        "it is time", "[nothing|no one|nobody] [can|will] stop me",
    ]

    /// Words that a figure of speech is meant.
    static let seriousWords: [String] = [
        "[not|no] [joking|kidding|messing] [this time|now|any more|anymore]?", "i [really]? mean it", "[this is not|it is not|this is no] [a joke|a joke any more]",
        "i [am|am being] [serious|deadly serious|dead serious]", "[for real|seriously] this time",
    ]

    /// An intent that names no act, so is only read as suicide when said to be meant.
    static let vagueIntent: [String] = [
        "[going to|gonna|will|want to|am going to|ready to|about to|need to] [do it|end it|go through with it|finish it|end things|make it stop] !with|between",
    ]

    /// Resolutions that "I mean it, I'm going to do it" is ordinarily about.
    static let ordinaryResolutions: [String] = [
        "[quit|quitting|diet|gym|job|resign|resigning|break up|breaking up|dump|dumping|divorce|smoking|drinking|running|marathon|exam|essay|tax|homework|tidy|clean|propose|ask her|ask him|tell him|tell her|report|finish the|end it with|with him|with her|relationship]",
    ]

    /// Plans that make affairs in order ordinary (a trip, an operation, a move).
    static let plannedAbsence: [String] = [
        "[holiday|holidays|trip|flight|flying|fly|moving house|move house|moving out|moving abroad|honeymoon|cruise|travelling|traveling|deployment|deployed|posting|operation|surgery|op|procedure|hospital stay|abroad|emigrating|emigrate|solicitor|probate|executor|wedding|retirement|retiring|estate planning|camping|climbing|expedition|trek|hike|hiking|sailing|skydive|skydiving|mountaineering|festival]",
    ]

    /// Tablets, a medicine, named.
    static let tabletsNamed: [String] = [
        "@pills", "[methadone|fentanyl|pregabalin|gabapentin|co codamol|cocodamol|aspirin|warfarin|quetiapine|olanzapine|mirtazapine|propranolol|temazepam|nitrazepam|lorazepam|heroin|oramorph|dihydrocodeine|venlafaxine|fluoxetine|lamotrigine|digoxin|the bottle|the packets|blister packs|capsules|capsule|pill|tablet]",
    ]

    /// Tablets counted over, laid out, or said to be enough.
    static let tabletsCounted: [String] = [
        "[counted|recounted|counting|recounting|count|recount] [it|them|the lot|all of it|all of them|out|up|again|twice] *2 [twice|again|three times|over|out|up]?",
        "[counted|counting|recounted|recounting] *3 @pills",
        "[lined|laid|spread|set|tipped|poured|emptied] [them|it|the lot|all of them|all of it]? out",
        "[out|lined up|laid out|spread out|set out] on the [kitchen table|table|bed|counter|worktop|floor|desk|side|bedside table]",
    ]

    /// Said to be enough (of tablets counted).
    static let tabletsEnough: [String] = [
        "there [is|are] [more than]? enough", "[it is|that is|that will be|that should be|should be|will be|must be|has to be] [more than]? enough [now|then]?",
        "enough [to do it|to end it|to finish it|for me|to make sure|to not wake up|to never wake up]",
    ]

    /// Counting tablets for an ordinary reason (a supply, a trip, a check, a patient's dose).
    static let tabletsSupply: [String] = [
        "enough [for|to last] [the|my|a|next|another|this]? *2 [holiday|trip|week|weekend|month|fortnight|days|nights|night|refill|prescription|cycle|course|year|time away]",
        "[until|till|before] [my|the|next] [next]? [refill|prescription|appointment|repeat|delivery|collection|review]",
        "[dosette|pill organiser|pill organizer|pill box|pillbox|blister|blister pack|pharmacy|chemist|pharmacist|repeat prescription|refill|run out|running out|running low|ran out|expired|expiry|out of date|stock take|stocktake|inventory|handover|controlled drugs|drug round|missed a dose|missed dose|miss a dose|make sure|double check|checking|dose|doses|dosage]",
    ]

    /// Being down: a fall in plain words, or lying on the floor.
    static let down: [String] = [
        "[gone|went|have gone|come] [over|down] [in|on|at] [the|my]", "[had|took|taken|have had] a [tumble|fall|spill|cropper]",
        "[fell|fallen|slipped|tripped|collapsed|keeled over|toppled] !asleep|for|behind|out|pregnant|ill|sick|apart|through|short",
        "[legs|knees|leg|knee|hip] [gave way|gave out|went|buckled|went from under me|went from under]",
        "lost my [balance|footing]",
        "[on|lying on|stuck on|down on|sat on|sitting on|laid on|flat on] the [floor|ground|bathroom floor|kitchen floor|landing|carpet|lino|tiles|pavement|path|patio]",
        "[been|lying|stuck|laid|sat] [down here|here|on the floor|on the ground|down] [since|for|all night|all day|hours]",
        "[on|lying on|stuck on|flat on] the [grass|lawn|stairs|drive|driveway|floor]",
    ]

    /// Not able to get up, or to get someone else up.
    static let cannotGetUp: [String] = [
        "[can not|could not|unable to|not able to|can not seem to|can not manage to|too weak to|no way to|not strong enough to] [get|pull|push|lift|haul|drag|heave] [myself|meself|me]? [up|back up|off|onto|on to|to my feet|upright]",
        "[can not|could not|unable to|not able to|too weak to] [stand|stand up|get up|get to my feet|reach the phone|reach my phone|reach the cord|reach the button|press the button|move my legs|move]",
        "[can not|could not|not able to|unable to] [lift|move|get] [him|her|them|mum|dad|my mum|my dad|my husband|my wife|nan|gran|grandad] [up|off|back up]?",
        "[legs|leg|hip|knees|arms|body] [will not|would not|can not|do not|does not|just will not] [work|move|hold me|take my weight|go]",
        "[lying|stuck|laid|been lying|been stuck|been down|been here] *5 [for hours|since last night|since this morning|all night|overnight|for ages|since yesterday|since about|since early]",
    ]

    /// Got up after all.
    static let gotUp: [String] = [
        "[managed|able] to get [myself]? [up|back up]", "got [myself]? [back]? up [eventually|in the end|again|fine|ok|okay|after]",
        "[am|i am] [up|fine|ok|okay] now",
    ]

    /// Hiding or shut in somewhere.
    static let hiding: [String] = [
        "[locked|hiding|hidden|barricaded|shut|trapped|hid|holed up|locked myself|shut myself] [myself|ourselves|us]? [in|inside|under] [the|my|a|our|his|her] *2 [bathroom|bedroom|room|toilet|loo|car|cupboard|wardrobe|loft|attic|shed|kitchen|office|bath|bed|stairs|garage|cellar|basement]",
        "[hiding|hid|hidden] from @abuser",
    ]

    /// Someone trying to get through a door or window, or threatening through it.
    static let someoneGettingIn: [String] = [
        "[kicking|banging|hammering|pounding|smashing|bashing|punching|thumping|battering|rattling|trying] *4 [door|doors|window|windows|lock|handle|in]",
        "[shouting|screaming|yelling|saying|swearing|threatening] *3 [he will|she will|they will|he is going to|she is going to|they are going to|he would|she would|going to|gonna]",
        "[he|she|they] [is|are|has] [back|outside|here|drunk|coming back|on his way|on her way|come back]",
        "@abuser [is|has been|got]? [drunk|raging|violent|kicking off|going mad]",
        "@abuser *3 [has|got|is holding|is waving|grabbed|picked up|took|with] [the|a|my|his|her] *2 [knife|knives|gun|machete|bat|hammer|axe|blade]",
        "[break|breaking|kick|kicking|smash|smashing] [it|the door|the window|the lock] [down|in]",
    ]

    /// A threat in words of finishing someone off, said of or to the speaker (danger from a person).
    static let threatPhrasings: [String] = [
        "[shouting|screaming|yelling|saying|says|said|swearing|swore|threatening|threatened|texted|texting|told me] [he|she|they] [will|is going to|are going to|would|was going to] *6 [finish|kill|hurt|end|get|stab|batter|beat|do|strangle|shoot|break] [me|me off|me in|us]",
        "@abuser [has|had|is|have]? [locked|trapped|shut|barricaded] me [in|inside|into]",
        "@abuser [will|is going to|would|said he would|said she would|says he will|says she will] *4 [finish me|finish me off|do me in|end me|break my neck|slit my throat|put me in hospital|put me in the ground|bury me]",
        "[finish|finished|finishing] me [off]? this time",
        "[trying to|going to|about to|tried to|is trying to] [kick|break|smash|force|bash|kick in|break down] [the|my|our] *2 [door|window|doors|windows|lock] [in|down|open]?",
        "[grabbed|got|had|put|held|pinned] me [round|by|around] the [neck|throat]", "[got|has|had|is holding] my [arms|hands|wrists] [pinned|held down|behind my back]",
        "@abuser *3 [has|got|is holding|is waving|grabbed|picked up|took] the [kitchen knife|knife|bread knife|carving knife|gun|shotgun|machete|axe|hammer]", "[hands|hand|arm|arms|belt|rope] [round|around] my [neck|throat]",
        "[until|till] i [blacked out|passed out|could not breathe|nearly passed out|went dizzy]",
        "@abuser [is|are|has been|keeps|kept|started]? [kicking|banging|hammering|pounding|smashing|bashing|battering] [on|at|down|in]? [the|my|our] *2 [door|doors|window|windows]",
    ]

    /// A sentence of only a day or a time, which in a list of affairs is a date ("Sunday then.").
    static let bareDates: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "tonight", "tomorrow", "midnight", "then",
        "it", "is", "night", "morning", "this", "weekend",
    ]

    /// Single phrasings added to the categories of `rules`: a fall told without the word "fall", and
    /// threats in the words of finishing someone.
    static let situationalPhrasings: [(String, Rule)] =
        threatPhrasings.map { ($0, Rule(category: .dangerFromPerson, voice: .speaker)) }
        + [
            "i [genuinely|honestly|really|truly|actually|seriously|just] [do not|no longer] want to [wake up|live|be here|exist|go on|carry on|be alive]",
        ].map { ($0, Rule(category: .passiveSuicidalThoughts, voice: .speaker)) }
        + [
            "[can not|could not|unable to] get [myself|meself] [up|back up] [off|from] the [floor|ground]",
            "[can not|could not|unable to] get [myself|meself]? [up|back up] [off|from|after] *3 [floor|ground|fall|carpet|tiles]",
        ].map { ($0, Rule(category: .fall, voice: .speaker)) }

    /// Words that turn a figure of speech literal: "not joking this time", "I mean it".
    static let seriousness: PhraseRuleSet<String> = PhraseRuleSet(patterns: [
        "[not|no] [joking|kidding|jokes|joke|messing|exaggerating] [this time|now|any more|anymore|around]?", "i mean it", "i really mean it",
        "i [am|am being] [serious|deadly serious|dead serious|being serious]", "[for real|seriously] this time", "this is not a joke",
        "i am not being dramatic", "[honestly|genuinely|actually] mean it",
    ])

    /// Hyperbole built from risk words: a chore or a meal one "will die" over, a fright one "thought"
    /// would kill one.
    static let hyperbole: [String] = [
        "if *4 [make|makes|made|have to|has to|got to|hear|see|get|sit through|listen to|read|write|do|eat|watch|mark] *4 [one more|another|more|again] !day|days|night|nights|week|weeks|year|years|minute|hour|morning|moment|time|of|second *8 [die|kill myself|end it|top myself|jump|scream|explode]",
        "[thought|felt like|swear|swore|was sure|was convinced|genuinely thought|actually thought|honestly thought] i [was|were] [going to|gonna|about to] [die|drop dead|pass out|keel over|choke]",
        "[could have|could of|would have|nearly] [killed|kill] [a horse|an army|a man|someone|somebody|me|us]",
        "[could not|can not|could hardly|can hardly] [get up|stand up|breathe|move|stand] [for|from|with] [laughing|laughter|giggling|giggles]",
        "[on the floor|rolling on the floor|in stitches|crying] *2 [laughing|with laughter|laughter]", "laughing *6 [can not|could not] [get up|stand|stop]",
        "[cat|dog|kitten|puppy|horse|rabbit|pony|budgie|bird|hamster|guinea pig|tortoise|chicken|goat] [fell|has fallen|slipped|collapsed|tripped] *8 [can not|could not] [stand|get up|walk|move]",
        "[ball|football|cricket ball|golf ball|frisbee] *6 [smashed|smashing|broke|breaking|through] [the|a|my|our]? *2 [window|door|windows]",
        "not [responding|replying|answering] to [my|the|his|her|any]? [texts|messages|emails|calls|text|message|email|call|dms]",
        "[hit her up|hit him up|hit them up|texted|messaged|whatsapped|dmed|emailed|rang|phoned|called|text|message] *8 [not|is not|has not been|have not been] [responding|replying|answering|picking up|texting back]",
        "[knife and fork|knives and forks|knife and a fork|butter knife|cheese knife|bread knife and]",
        "[floppy|limp] [with sleep|and asleep|and sleepy|and content|and relaxed|and milk drunk]",
        "[floppy|limp] *6 [so cute|adorable|milk drunk|fast asleep|dozing|sleepy|after her feed|after his feed|after a feed]",
        "[banging|knocking|kicking|hammering] *6 [because|needs|wants|to be let in] *3 [loo|toilet|wee|let in|his ball|her ball|dinner|keys|locked out|the bathroom]",
        "[actually|literally|honestly|genuinely] going to die [of|from]? *2 [boredom|embarrassment|cringe|shame|heat|laughing|homework|worksheet]?",
    ]

    /// Words in a turn that make a quotation a mention of words rather than the speaker's own (a
    /// filter, a search, a lyric, a definition).
    static let mentionFrames: Set<String> = [
        "words", "word", "phrase", "phrases", "term", "terms", "string", "strings", "keyword", "keywords", "regex", "regexp",
        "filter", "filters", "pattern", "patterns", "posts", "post", "comments", "flag", "flags", "flagging", "flagged",
        "match", "matching", "matches", "search", "searches", "query", "queries", "lyric", "lyrics", "title", "quote",
        "quotes", "slogan", "caption", "hashtag", "hashtags", "spell", "spelling", "translate", "translation", "definition",
        "acronym", "abbreviation", "slang", "moderator", "moderators", "moderation", "classifier", "dataset", "label", "labels",
    ]

    /// Study words that frame a whole turn of situations: `studyFrames` without the everyday ones a
    /// person's own affairs are told in ("insurance papers", "the report", "reading").
    static let situationFrames: Set<String> = studyFrames.subtracting([
        "paper", "papers", "review", "reviews", "staff", "signs", "warning", "data", "report", "reading", "class", "policy",
        "history", "project", "evidence", "sources", "journal", "lesson", "lessons", "survey", "exam", "module", "nice", "posts",
        "flags", "matching", "filter", "charity", "volunteer", "homework", "assessment", "risk",
    ])

    /// Words that pass on someone's own message, so a quotation of it is meant ("she texted 'I can't
    /// go on'").
    static let passedOnMessage: Set<String> = [
        "texted", "messaged", "wrote", "emailed", "posted", "said", "says", "told", "tells", "whispered", "screamed", "shouted",
        "sent", "snapchatted", "dm", "dmed", "whatsapped", "rang", "phoned", "called", "voicemail", "note",
    ]

    /// Study and teaching words beyond `researchFrames` (guidelines, reviews, warning signs).
    static let studyFrames: Set<String> = researchFrames.union([
        "papers", "review", "reviews", "prevalence", "schools", "guidelines", "guideline", "teach", "warning", "signs",
        "assessment", "assessments", "safeguarding", "screening", "clinicians", "clinical", "staff", "starters", "trainees",
        "evidence", "references", "citations", "sources", "moderation", "moderator", "moderators", "filter", "regex",
        "forum", "posts", "protocol", "syllabus", "lesson", "lessons", "teachers", "nurses", "doctors",
    ])
}
