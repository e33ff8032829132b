/// The words of current risk to life or safety, and the frames that make such words not current
/// (figures of speech, fiction, research, a crisis described as over). Categories follow the NIMH's
/// public-domain "Warning Signs of Suicide" and the usual triage of a crisis line (danger from a
/// person, harm to someone in one's care, a fall, a medical emergency); the phrases are written for
/// Attune. Patterns are in `PhrasePattern` syntax over `ReadingText`'s normalised words.
enum RiskLexicon {
    typealias Category = UtteranceReading.RiskCue.Category

    /// How a risk pattern speaks: of the speaker (`self`), of another real person (`other`), or by a
    /// bare keyword that research or fiction framing can explain (`keyword`).
    enum Voice: Sendable { case speaker, other, keyword }

    struct Rule: Sendable {
        let category: Category
        let voice: Voice
    }

    static let rules: PhraseRuleSet<Rule> = PhraseRuleSet(
        suicidal.map { ($0, Rule(category: .suicidalThoughts, voice: .speaker)) }
            + suicidalOther.map { ($0, Rule(category: .suicidalThoughts, voice: .other)) }
            + suicidalKeywords.map { ($0, Rule(category: .suicidalThoughts, voice: .keyword)) }
            + passive.map { ($0, Rule(category: .passiveSuicidalThoughts, voice: .speaker)) }
            + preparations.map { ($0, Rule(category: .preparations, voice: .speaker)) }
            + selfHarm.map { ($0, Rule(category: .selfHarm, voice: .speaker)) }
            + selfHarmKeywords.map { ($0, Rule(category: .selfHarm, voice: .keyword)) }
            + dangerFromPerson.map { ($0, Rule(category: .dangerFromPerson, voice: .speaker)) }
            + harmToDependent.map { ($0, Rule(category: .harmToDependent, voice: .speaker)) }
            + fall.map { ($0, Rule(category: .fall, voice: .speaker)) }
            + medical.map { ($0, Rule(category: .medicalEmergency, voice: .speaker)) }
            + situationalPhrasings)

    static let suicidal: [String] = [
        "@intend @end_life",
        "i * @intend @end_life",
        "[will|would|could|might|should|am going to|have to|need to] [kill myself|end my life|take my life|take my own life|end it all|top myself|hang myself|commit suicide|unalive myself]",
        "[kill myself|end my life|take my own life|take my life|commit suicide|hang myself|unalive myself|kms|top myself]",
        "i am suicidal", "i feel suicidal", "feeling suicidal", "been suicidal", "so suicidal", "i am feeling suicidal",
        "suicidal [thoughts|feelings|ideation|again|tonight|today]",
        "[thinking|thought|thoughts|think] [about|of] [suicide|dying|death|killing myself|ending it|ending my life|ending it all|not being here]",
        "[want|wanted|wanting] * [to die|to be dead|death]",
        "i [want|wanna] to die", "i just want to die", "want to be dead", "i wish i was dead", "i wish i were dead",
        "[ending|end] it [tonight|today|this weekend|soon|for good]", "going to end it [all|tonight|today|for good|soon]",
        "this is goodbye", "[this|these] [is|are] my last [words|message|day]", "goodbye forever",
        "i will not be [here|around|alive] [tomorrow|much longer|by morning|next week|for long]",
        "i am not going to be [here|around] [tomorrow|much longer|by morning|next week|for long]",
        "[how|ways|way|best way|easiest way|quickest way|painless way|painless ways] to [kill myself|die|end my life|end it|commit suicide|overdose|hang myself]",
        "should i [kill myself|end it|end my life|just die]",
        "is it normal to want to die", "i can not stop thinking about [dying|death|killing myself|suicide]",
        "i do not want to live", "i do not want to be alive", "i [do not|no longer] want to exist", "do not want to live any more",
        "i do not want to [live|be alive|exist|wake up|go on|carry on] [any more|anymore]",
        "[being dead|death|dying|not being here|not existing] [would be|is|seems|sounds|feels like it would be] [better|easier|preferable|a relief|nicer|kinder|the answer|the only way]",
        "[thinking|thought|thoughts|think] [about|of] [unaliving myself|unaliving|unalive myself|offing myself|topping myself|ending myself]",
        "[jump|jumping|throw myself|throwing myself|step|stepping|walk|walking] [off|from|in front of|into] [a|the] *2 [bridge|building|cliff|roof|train|car|bus|tower|lorry|truck|river|sea|traffic|motorway|tracks]",
        "i [will|am going to|want to|could|should|might|am ready to|have decided to|just want to|need to]? end it [all|tonight|now|today|for good|here|soon|once and for all]",
        "i end it !with", "i [will|am going to|want to|could|should|might|am ready to|have decided to] end it !with|with|between",
        "[should|might as well|may as well] [just]? [die|be dead|kill myself|end it all|end my life|top myself]",
        "i am going to jump !in|into|on|onto|at|up|over|the|ship|rope|out|for|around|about|through|a|to|ahead|straight|right|back|down",
        "[thinking about|want to|going to|tempted to|planning to|might|about to|ready to|thought about] [take|taking|swallow|swallowing] [all my|all of my|all the|the whole box of|a whole bottle of|every one of my|all] @pills",
        "[use|using|turn|turning|point|pointing|used] [it|the gun|a gun|the knife|a knife|them|the rope] on myself",
        "[i want|i just want|i really want|part of me wants|a part of me wants|some part of me wants|i kind of want] to [die|be dead|not be here|not exist|disappear forever]",
        "[thinking|thought|thoughts|think|dreaming|fantasising|fantasizing] [about|of] [dying|death|suicide|killing myself|ending my life|ending it|jumping|hanging myself|overdosing|not being alive|not being here|not existing]",
    ]

    static let suicidalOther: [String] = [
        "[my|our] * [says|said|told me|keeps saying|is saying|texted|messaged] * [wants to die|wants to kill himself|wants to kill herself|wants to kill themselves|wants to end it|going to kill himself|going to kill herself|going to end it]",
        "@intend_other @end_life_other",
        "[he|she|they] [wants|want|is going to|are going to] [kill himself|kill herself|kill themselves|end it all]",
    ]

    static let suicidalKeywords: [String] = [
        "suicide", "suicidal", "overdose", "overdosing", "killing myself", "ending my life", "ending it all",
    ]

    static let passive: [String] = [
        "wish * [go to sleep|fall asleep|sleep|drift off|close my eyes] * [not|never] wake up",
        "[go to sleep|fall asleep|sleep] and [not|never] wake up",
        "i hope i [do not|never] wake up", "i [wish|hope] i [would not|will not|do not|never] wake up",
        "wish i [was|were|had|would|had have] [not here|never been born|not born|gone|not alive|never existed]", "wish i did not exist",
        "wish i could [disappear|vanish|not exist|stop existing|just disappear|just stop existing|fade away]",
        "[everyone|everybody|they|my family|the world|people|my kids|my children|you all|the kids|my wife|my husband|my partner|my parents|my friends|everyone else] * better off without me",
        "better off without me", "better off if i [was|were] [dead|gone|not here|not around]", "better off dead",
        "better off if i [died|was not here|were not here|was not around|were not around|did not exist]",
        "i do not want to be here [any more|anymore|at all]", "i do not want to be [around|alive] [any more|anymore]",
        "i [do not|no longer] want to [wake up|go on|carry on|keep going|keep living|live]",
        "i [can not|can not] go on [any more|like this|living]?", "i can not keep [going|living] [like this|any more]?",
        "[what is|what's] the point [of|in] [living|being alive|life|going on|carrying on|any of it|anything|me]",
        "[no|not any] point [in|to]? [living|being alive|life|going on|carrying on|me being here]",
        "no reason to [live|go on|keep going|be alive|stay]", "nothing to live for",
        "[life|my life] is [not|no longer] worth living", "not worth living", "life is pointless",
        "[tired|sick|exhausted] of [living|being alive|life|existing|it all]",
        "want [it all|everything|it] to [end|stop|be over]", "[wish|want] it [would|could] all [end|stop]",
        "[do not|would not] care if i [died|die|did not wake up|got hit by|was dead|lived or died]",
        "would not mind if i [died|did not wake up|got hit by]", "hope [a bus|a car|something] hits me",
        "if i [died|disappeared|was gone|were gone] * [no one|nobody|no body] would [notice|care|miss me]",
        "[no one|nobody] would miss me", "[no one|nobody|no body] would * [notice|care|miss me|be sad] if i [died|was gone|were gone|disappeared|was dead|killed myself|was not here|was not around]",
        "i should not be [here|alive]", "[i am|i feel like] a burden to [everyone|my family|you all|them|people|everybody]",
        "i am such a burden", "i feel like such a burden", "the world would be better without me",
        "i do not want to exist", "i want to disappear [forever|for good|permanently]", "i want to [sleep|go to sleep] forever",
        "i wish i could sleep forever",
        "[pray|hope|wish|praying|hoping|wishing] *5 [not|never] wake up",
        "[ready to go|ready to die|ready to end it|ready for it to end|ready to leave this world] *6 [had enough|can not do this|goodbye|done|can not go on|no more]",
        "[had enough|can not do this any more|can not go on] *6 [ready to go|ready to die|ready to end it|ready for it to end|ready to leave this world]",
        "[wish|wishing|hope|hoping|pray|praying] [i would|i could|i will|i might|that i would|i] [just]? [die|not wake up|be dead|pass away|drop dead|stop breathing]",
        "[wish|wishing|wished] i [was|were|had] [not alive|dead|gone|not here|never been born|not born|never existed|not around]",
        "[relief|better|easier|nice|peaceful|a blessing] [not to|to not|to never|never to] [wake up|be here|exist|be alive|live|be around]",
        "[better|easier] if i [just]? [disappeared|died|was gone|were gone|vanished|was not here|were not here|went away for good|was not around|did not wake up|was dead|ended it]",
        "[everyone|everybody|they|my family|people|the world|my kids|you all|my children|my parents|my friends] *3 [fine|better|happier|ok|okay|alright|better off|relieved] without me",
        "[will not|i will not] be [a problem|a burden|around|in your way|in anyone's way|bothering anyone|bothering you|anyone's problem] [much longer|for long|any more|soon|for much longer]",
        "[tired|sick|exhausted|so tired] of [fighting|trying|struggling] [to stay alive|to live|to keep going|to survive|to keep living|for my life]",
        "[imagining|imagine|picturing|planning|plan] my [own]? funeral",
        "[not sure|do not know if|do not know whether|unsure if|not certain|not even sure] [if|whether]? i [want to|wanna|can|could] [live|be alive|go on|keep going|exist|carry on|be here|stay alive|keep living] [any more|anymore|much longer]?",
        "[i never|never] want to [wake up|live|exist|be alive|be here|see another day] [again|any more|anymore]?",
        "wish i could [just]? [disappear|vanish|not exist|stop existing|fade away|sleep forever|go to sleep forever|not be here]",
        "why [bother|even bother|should i bother|keep] [living|going on|carrying on|staying alive|being alive|trying to live]",
        "[waiting|longing|hoping|praying] [to die|for death|for it all to end|for the end|for my life to end]",
        "[do not|would not|honestly do not] care [if|whether] i [live or die|died|die|lived or died|wake up|live]",
        "nothing [left]? to live for", "[no|nothing|not anything] [left]? worth living for",
        "[can not|do not think i can|not sure i can|do not know if i can|do not know how much longer i can|can not see how i can] [keep going|go on|carry on|keep living|hold on|keep doing this|do this much longer|last much longer]",
        "[everyone|everybody|they|my family|people|the world|my kids|you all|my children|my parents|my friends] *4 [happier|better|easier|better off] *2 if i [was|were|am|was just|were just] [gone|dead|not here|not around|no longer here|out of the picture|not alive]",
        "[give|giving|given|gave] up on [life|living]", "[giving|given|give] up on *4 [living|being alive|life itself]", "[pray|hope|wish|praying|hoping|wishing] *4 [car|bus|train|truck|lorry|van] *3 [hit|hits|hitting|run me over|runs me over|kill|kills]",
        "better off without [their|our|a|his|her] *2 [dad|mum|mother|father|parent|husband|wife|partner|brother|sister|son|daughter]",
        "[no|not any|the|see no|any|see the|is there a|is there any|what is the] point *3 [living|life|being alive|going on|carrying on|existing|me being here|in me|of me|trying any more]",
        "no point [to|in|of] [any of this|anything|it all|this|trying|going on] [any more]",
        "[done|finished|through|over] with [life|living|being alive|existing]", "[had enough of|sick of|done with] [life|living|being alive|existing|this life|my life]",
        "[easier|better] [for everyone|for everybody|for them|for my family|for all|for you all|for my kids]? if i [was not|were not|was no longer|were no longer|was gone|were gone|did not exist|was dead|were dead|died|just died] [around|here|alive]?",
        "burden [on|to|for] [my family|everyone|everybody|people|them|you all|my kids|my partner|my wife|my husband|my parents|my friends|the world]",
        "[i am|i feel like|i feel like i am|just|i am just|i am such|i am nothing but] [a|just a|such a|nothing but a] burden",
        "[disappear|vanish] and never come back", "[want|wish i could|need] to [disappear|vanish] [and never come back|forever|for good|permanently|completely]",
        "[i|me] [do not|can not|could not] see [a way out|any way out|a future|the future|a reason to|any reason to|a point|the point]",
        "[what is|what is even|where is] the point [of|in] [me|living|life|going on|any of it|carrying on|anything]",
        "i [do not|did not] [ask|want] to be born", "[life|everything] [is|feels] [hopeless|pointless|meaningless] [and]? *3 [want|end|die|stop]?",
        "i would rather be dead", "i would be better off dead", "i want to stop existing",
        "i would not care if i died", "everything would be easier if i [was|were] [gone|dead|not here]",
    ]

    static let preparations: [String] = [
        "[saving|saved|stockpiling|stockpiled|hoarding|hoarded|collecting|collected|storing|stored|keeping|kept|hiding|hid|put aside] * @pills",
        "[saving|saved] up * @pills",
        "[wrote|written|writing|write|left|leaving] * [letters|letter|notes|note|messages|message|goodbyes] * [goodbye|to say goodbye|for my family|for my kids|for everyone|to my family|to everyone|for when i am gone|for after]",
        "[goodbye|suicide] [letter|letters|note|notes|message|messages]",
        "[giving|given|gave] away [my|all my] [things|stuff|belongings|possessions|cat|dog|pets|books|clothes]",
        "[said|saying] my goodbyes", "put my affairs in order", "getting my affairs in order", "sorted out my will * [before|because]",
        "[bought|got|have|found|ordered|got hold of] * [a rope|some rope|rope|a noose|a gun|razor blades|charcoal|a hose|helium] * [to|for|so i can|because]",
        "[made|have|got|worked out|know|planned|planning|decided] * [a plan|the plan|how i would|how i will|how to do it|where to do it|when to do it|a date|how i am going to do it|when i am going to do it|where i am going to do it|how i will do it]",
        "[do not|does not|did not] know [it is|it was|that it is|this is] [goodbye|the last time|my last]",
        "how many @pills *5 [kill|die|fatal|lethal|overdose|enough|to end]",
        "[picked|chosen|chose|found] [a|the] [bridge|spot|place|date|day] * [to|for]",
        "[tied|tying] a noose", "@pills *3 [lined up|in front of me|next to me]",
        "[i am|i] [sat|sitting|standing|stood] on [the|a|top of the] *2 [bridge|roof|edge|ledge|cliff|platform|tracks|railway|motorway bridge|top floor|car park roof]",
        "[wrote|written|left] a [note|letter] *6 [on my bed|for them to find|for my family|for my mum|for my kids|on the table|on my pillow|for whoever finds]",
        "[bought|got|have|collected|picked up] [the|some|enough|all the|my]? @pills *8 [take them all|take them tonight|going to take them|take them all tonight|swallow them|take the lot]",
        "[stash|stockpile|hoard|supply|collection|enough|box|boxes|bottle|bottles] [of]? *2 @pills *3 [saved|stashed|hidden|stockpiled|put aside|saved up|ready|to end|to do it|for when]",
        "@pills *3 [saved|stashed|hidden|stockpiled|put aside|saved up]", "[stash|stockpile|hoard] of @pills",
        "[bought|got|have|ordered] [a|some|the]? [rope|noose|gun|hose pipe|hosepipe|charcoal|razor|razors|blades|helium] *8 [i know what|what it is for|for myself|to end|for when|so i can|for tonight|to do it]",
        "[sorted|arranged|decided|planned|worked out|organised|organized|written down] *6 [when|after|once] i am [gone|dead|not here|not around|no longer here]",
        "[who gets|who will get|who will have|who will look after|who will take care of|look after|take care of] *5 [when|after|once] i am [gone|dead|no longer here|not around any more]",
        "[writing|wrote|written|left|leaving] [my|a] [final|last|goodbye] [note|letter|letters|message|messages|words]", "[my|a] [final|last] [goodbye|note|letter]",
        "[researching|researched|looked up|looking up|googled|googling|searched|searching|read up on|reading up on] *4 [ways to die|how to die|painless ways|how to kill|how many pills|lethal dose|overdose|how long it takes to die|how to hang|suicide methods|methods of suicide|ways of dying|painless death|ways to kill myself|how to end it|how to end my life]",
        "[looked up|looking up|googled|searched|worked out] how many @pills",
        "i have the @pills [ready|here|in front of me|next to me|lined up]",
        "[took|taken|swallowed|have taken|just took] * [all my|all of my|all the|a lot of|a bunch of|the whole box of|a whole bottle of|a packet of|loads of|handful of] @pills",
        "i am on the [bridge|roof|edge|ledge|cliff|platform|tracks]", "standing on the [bridge|roof|edge|ledge]",
    ]

    static let selfHarm: [String] = [
        "i * @harm_verb @self", "@harm_verb @self [again|tonight|today|last night|every night|this morning|yesterday]",
        "[want|wanted|wanna|urge|urges|going|need|tempted|thinking about] to? @harm_verb @self",
        "[started|started to|begun|back to|gone back to|relapsed|relapse] * [cutting|self harming|self harm|hurting myself|harming myself|burning myself]",
        "[i|been] [self harm|self harmed|self harming|sh] [again|tonight|last night|today|every day]?",
        "i [relapsed|relapse] [with|on] [self harm|cutting|sh]",
        "[can not|could not] stop [cutting|hurting myself|harming myself|self harming]",
        "blood [everywhere|will not stop] * [cut|cutting|myself]",
        "[have not|had not|did not|was not] [cut|cutting|self harmed|harmed myself|hurt myself|burned myself] *6 but i [did|have|cut|relapsed|slipped]",
        "[scratched|scratching|hit|hitting|punched|punching|bit|biting|burned|burning|cut|cutting] *4 [until|till|so] [they|it|i] [bled|bleed|was bleeding|were bleeding|hurt|burned]",
    ]

    static let selfHarmKeywords: [String] = ["self harm", "self harming", "self injury", "cutting myself", "hurting myself", "harming myself"]

    static let dangerFromPerson: [String] = [
        "@abuser * @threat_verb * @violence me",
        "@abuser @violence_now me", "@abuser [has|just|always|keeps] @violence_now me",
        "[he|she|they|my partner|my husband|my wife|my boyfriend|my girlfriend|my ex|my dad|someone] [has|had|is holding|is carrying|got|keeps] [a knife|a gun|a weapon]",
        "[threatened|threatening|threatens] [to kill me|to hurt me|me with a knife|me with a gun|my life]",
        "[scared|afraid|terrified|frightened] [of|to go home to|to be home with] [my partner|my husband|my wife|my boyfriend|my girlfriend|him|her|my dad|my ex|my stepdad]",
        "[scared|afraid|terrified|frightened] to go home", "i am not safe [at home|here|with him|with her|in my house]",
        "[he|she|they] [will not|would not|does not|do not|won't] let me [leave|go|out|call anyone|see anyone]",
        "[someone|a man|a guy|somebody|a stranger|he] [is|has been|keeps] [following me|outside my|trying to get in|breaking in|banging on the door]",
        "[he|she|they] [locked|locks|trapped] me [in|inside]", "[being|been|was] [hit|beaten|abused|attacked|assaulted|raped] [by|at home|again]",
        "[he|she|my partner|my husband|my boyfriend|my wife|my girlfriend] [hurts|hit|hits|beats|chokes|strangles] me",
        "[keeps|kept|is|been|has been|was|started|always|is always|keeps on] [threatening|stalking|following|harassing|hitting|beating|choking|strangling|hurting|attacking] me",
        "[turning up|turns up|shows up|showing up|turned up] at my [house|flat|home|work|door|place] *4 [threatening|shouting|banging|screaming|again|drunk|angry]",
        "[he|she|they|my partner|my husband|my wife|my boyfriend|my girlfriend|my ex|my dad|someone] [has|had|is holding|is carrying|got|is got|has got|keeps|is waving|pulled|took out|grabbed] [a knife|a gun|a weapon|a bat|a hammer]",
        "[someone|somebody|a man|a guy|a stranger|he|she|they|my ex|people|a group of] *4 [trying to get in|trying to break in|breaking in|banging on my|banging on the|kicking the door|kicking my door|following me|watching my house|waiting outside my|waiting for me outside]",
        "[threatened|threatening|threatens] me [with|to|that]", "[kicking|banging on|smashing|trying to break down|breaking down|kicked in|smashed] [the|my] [front door|door|back door|window|bedroom door|bathroom door]",
        "[he|she|they] *8 [finish me|finish me off|end me|do me in|kill me this time|get me]", "[locked|hiding|barricaded|jammed] *3 [in the bathroom|in the bedroom|in my room|in the toilet|in the cupboard] *6 [he|she|they|from him|from her]",
        "[he|she|they] *4 [is|are] [coming for me|going to get me|after me]", "[threatening|threatened|threatens|says he will|said he would|says she will|said she would] [to]? [burn|set fire to|torch|kill|hurt|stab|shoot|beat|strangle|smash|break] *6 [me|us|the kids|my|the house]", "[he|she|they] [will|is going to|would|said he would|said she would] [kill|hurt|beat|stab] me",
        "[outside|at my door|at the door|in my house|in the house|downstairs|in the garden|at the window|here|coming over] with a [knife|gun|weapon|bat|machete|hammer]",
        "[boyfriend|girlfriend|husband|wife|partner|dad|father|stepdad|stepfather|mum|mother|stepmum|brother|uncle|ex|carer|flatmate|housemate|son|landlord|boss|coach|teacher|fiance|fiancee|cousin|grandad|neighbour] @violence_now me",
        "[pinned|pins|held|holds|pushed|shoved] me [down|against|to the|up against|into]", "@abuser [will not|does not|would not|do not|never] let me [see|leave|go out|talk to|have|use|call|phone|text] [my friends|friends|my family|anyone|my phone|money|the house|the flat|my mum|my sister]",
        "[he|she|my partner|my husband|my boyfriend|my wife|my girlfriend|my ex] [raped|assaulted|attacked|strangled|choked|beat|kicked|punched|slapped|hit|bit|burned|burnt|pushed|threw] me",
        "i am being [abused|hurt|beaten|threatened|stalked|followed]",
    ]

    static let harmToDependent: [String] = [
        "@fear * [i will|i would|i might|i could|i am going to|i may|i will end up|of what i might do to|i will snap and] * [hurt|harm|shake|smother|drop|hit|kill|strangle|suffocate|drown|lose it with|snap at|do something to|do something bad to|lash out at] @dependent",
        "@fear * i [hurt|harm|shake|hit] [the baby|my baby|the kids|my kids|my child|my son|my daughter]",
        "[want to|feel like|urge to|thoughts of|thinking about] [hurting|harming|shaking|smothering|hitting] [the baby|my baby|the kids|my kids|my child|my son|my daughter]",
        "i [shook|hit|hurt|smacked|dropped|slapped] [the baby|my baby|our baby|my newborn]",
        "[locked|lock|locking|tied|shut] @dependent [in|up|to]", "@fear [of]? what i [will|might|would|could|am going to] do",
        "i [shook|shaken] [him|her|them|the baby|my baby] *2 [hard|so hard|really hard|violently|too hard]?", "i [pushed|hit|shoved|slapped|kicked] [her|him|mum|dad|my mum|my dad|my wife|my husband|my son|my daughter|the baby|gran|grandad] *8 [bleeding|fell|hit her head|hit his head|on the floor|hurt]", "[baby|newborn|toddler|little one|son|daughter] *6 [shook|shake|shaking|shaken] [her|him|them|it]",
        "[he|she|they|grandad|grandma|mum|dad|the baby|the kids|my son|my daughter|nan|gran|my mum|my dad|my grandad|my grandma|my nan|my gran] [has not|have not|had not] [eaten|had anything|drunk anything|been fed|had a drink|had water] [for|in|since] *2 [days|a day|two days|three days|a week|yesterday]",
        "[on his own|on her own|alone|by himself|by herself] *4 [has not|have not|had not] [eaten|had anything|drunk anything|been fed|had a drink|had water]", "[left|leave|leaving] @dependent [alone|on her own|on his own|on their own|unattended]? [in the bath|in the car|near the water|by the pool|home alone|alone in the house|alone at home]",
        "i left @dependent [alone|on her own|on his own|on their own|by herself|by himself|in the bath|in the car|home alone] * [can not|could not|is not able|unable|not able|has not|has no]",
        "@dependent [has fallen|fell] !asleep|in|for|behind|out|pregnant|off|over|ill|sick",
        "@dependent [is on the floor|collapsed|is not breathing|stopped breathing|is unconscious|will not wake up|is missing|wandered off|has gone missing|can not breathe|swallowed|is choking]",
        "[lost|can not find] @dependent", "[the baby|my baby] [is|has been] [not breathing|blue|limp|floppy|unresponsive]",
        "[the baby|my baby|the kids|my kids] [has not|have not] [eaten|had anything|been fed] [in|for|since] * [days|two days|a day]",
        "i [can not|could not] [cope|look after|care for] * [the baby|my baby|the kids|my kids|mum|dad|him|her] * [any more|alone|and]",
    ]

    static let fall: [String] = [
        "[fallen|fell|had a fall|slipped|tripped|collapsed|come off|fell over|fell down] !asleep|for|behind|out|pregnant|ill|sick *6 [can not|could not|unable to|not able to|can hardly] [get up|stand|move|get off the floor|reach the phone|get back up|stand up|walk|feel my]",
        "[on|stuck on|lying on] the [floor|ground|bathroom floor|kitchen floor|stairs] * [can not|could not|unable to] [get up|move|stand]",
        "[can not|could not] get [myself]? [up off|off|up from|up] the [floor|ground]", "[can not|could not] get myself up", "[been|stuck|lying] [down here|on the floor|on the ground|on the bathroom floor|on the kitchen floor] [since|for]",
        "[gone over|went over|have gone over|had a tumble|took a tumble] *8 [can not|could not|unable to] [get up|move|stand|get myself up]", "[been|lying|stuck] on the floor [since|for] * [hours|last night|this morning|an hour|ages]",
        "i have fallen and", "i fell and [can not|could not] get up", "help i have fallen",
        "[fallen|fell|slipped|collapsed] !asleep|for|behind|out|pregnant|ill|sick *6 [i am stuck|stuck|trapped|can not get out|could not get out|can not get myself up]",
    ]

    static let medical: [String] = [
        "chest [pain|pains|hurts|is hurting|is tight|tightness|feels tight|is crushing|pressure] * [arm|jaw|numb|breath|breathe|sweating|sweaty|dizzy|sick|left side|neck|back]",
        "[arm|jaw|left side] * [numb|tingling] * chest",
        "chest *3 [pain|pains|hurts|hurting|tight|tightness|crushing|pressure|heavy|burning|agony] *6 [arm|arms|jaw|numb|breath|breathe|breathing|sweating|sweaty|dizzy|sick|left side|neck|faint|clammy]",
        "[is not|not|stopped|has stopped|is barely|barely|is hardly] breathing", "[collapsed|has collapsed|just collapsed|fainted] *5 [not breathing|unconscious|unresponsive|will not wake up|hit his head|hit her head|can not wake]",
        "[can not|could not] feel *4 [arm|arms|leg|legs|face|hand|hands|side|feet|left|right]", "[can not|could not] wake [him|her|them|mum|dad|the baby|my] [up]?",
        "i [took|have taken|just took|swallowed] [an|a] overdose", "[overdosed|od d|have overdosed] [on]?",
        "[crushing|severe|bad|sharp] chest [pain|pains]", "[gone|is|went|has gone|looks] [all]? [floppy|limp|blue|grey|unresponsive|really pale and cold]",
        "[will not|would not|can not|is not able to] open [his|her|their|my] eyes", "[head|face] *2 [is|was]? [bleeding|pouring with blood|split open]", "my heart [is stopping|has stopped|stopped|is going to stop|keeps stopping]", "[crushing|severe|sharp|stabbing|intense|really bad|terrible|awful] [pain|pains|pressure|tightness] [in|across|on] my chest",
        "[face|mouth|smile] *3 [drooping|droopy|lopsided|gone droopy|dropped|dropping]", "[can not|could not|is not able to|can hardly] [speak|talk|get her words out|get his words out|get my words out] [properly|clearly|at all|suddenly]",
        "[having|had|think i am having|think i am having a|might be having] a [heart attack|stroke|seizure|fit|anaphylactic]",
        "[face|mouth|smile] [is|has]? [drooping|droopy|gone droopy|lopsided]", "[can not|could not] feel [my arm|my leg|my face|one side|my left|my right]",
        "[can not|could not] breathe", "struggling to breathe", "[throat|tongue|lips] [is|are]? [swelling|closing|swollen]",
        "[he|she|my|mum|dad|the baby] * [is not|not] breathing", "[is|was|found|lying] [unconscious|unresponsive]",
        "bleeding [heavily|a lot|badly|everywhere|will not stop|won't stop|that will not stop]", "[can not|could not] stop the bleeding",
        "[took|taken|swallowed|have taken] too many @pills", "blood sugar is [really low|very low|dangerously low|too low|high and]",
        "[slurring my words|speech is slurred|words are slurred]", "[vomiting|coughing|coughing up|throwing up|peeing|weeing|pooing|passing] blood",
        "[been|was|being|got] poisoned", "[he|she|they|the baby|mum|dad|my friend|my son|my daughter|my husband|my wife|my partner|my mum|my dad|my brother|my sister|grandma|grandad] [will not|would not|is not|can not|does not|is not able to] [wake up|waking up|responding|respond|breathing|wake]",
        "[allergic reaction|anaphylaxis|anaphylactic shock]", "[lips|throat|tongue|face] [are|is] [swelling|swollen|going blue|blue]", "[worst|sudden] headache of my life",
    ]

    /// Figures of speech built from risk words: a match overlapping one of these is not a risk.
    static let figurative: PhraseRuleSet<String> = PhraseRuleSet(patterns: hyperbole + [
        "[is|was|are|were|been|be|it is|that is|this is] [murder|murderous|a killer|killing me|killer]",
        "murder on [my|the|your] [feet|back|knees|legs|hands|eyes|nerves]", "could murder a", "i would murder",
        "[would|could] kill for", "kill for a", "[killing|killed|kill|slayed|slaying|nailed] it", "killed me", "kills me",
        "[is|are|was|were] killing me", "killing me [softly|slowly]?",
        "[boss|mum|mother|dad|father|teacher|coach|manager|wife|husband|girlfriend|boyfriend|partner|parents|gran|nan|sister|brother|missus|mrs|landlady|editor|supervisor|tutor|lecturer|team|they|she|he] * [will|would|is going to|going to|gonna|are going to] [kill|murder|slaughter] me * [if|when|for|because|after] * [late|forget|forgot|find out|finds out|found out|see|sees|saw|spent|spend|spending|break|broke|eat|ate|miss|missed|lose|lost|mess|messed|scratch|dent|hear|hears|bought|buy|know|knows|leave the|again|fail|failed|do not|not|home|tell|wear|this|that|cancel|drink|skip|back|shows up|show up|do|did]",
        "[boss|mum|mother|dad|teacher|coach|manager|parents|mother in law|editor|supervisor|tutor] * [will|would|is going to|going to|gonna] [kill|murder] me",
        "[dying|dying of|die of|died of|die from|dying for|died for] [to|for a|for some|laughing|laughter|embarrassment|boredom|curiosity|thirst|heat|hunger|shame|cringe|envy|jealousy]",
        "dying to", "dying for", "die for", 
        "[laughing|laughed|laugh|laughter|giggling|giggles] *6 [can not|could not] breathe",
        "[sleep|stay in bed|lie in] forever *6 [bed|sofa|duvet|pillow|pillows|comfy|cosy|cozy|amazing|lovely|so good|weekend|holiday|mattress|sheets]",
        "[rather die|rather be dead] than [wear|eat|sit|watch|listen|do|be seen|admit|ask|work|spend|talk|apologise|apologize|sing|dance|run|cook|clean|use|drink|pay|call|phone|visit|attend|miss|lose|move|queue|wait|touch|meet|date|kiss|tell]",
        "[rather die|rather be dead] than go !on", "if *8 [one more|another|any more|more] !day|days|night|nights|week|weeks|year|years|minute|hour|morning|moment|time|of|second *8 [die|going to die|kill myself|scream|lose it|explode]", "[thought|felt like|swear] i was going to die [at|of|from|laughing|when|with|in]",
        "[boss|mum|mother|dad|father|teacher|coach|manager|wife|husband|girlfriend|boyfriend|partner|parents|gran|nan|sister|brother|missus|mrs|editor|supervisor|tutor|lecturer|team|they|she|he|mate|friend|flatmate|housemate|grandma|auntie] * [will|would|is going to|going to|gonna|are going to] [kill|murder|slaughter] me [if|when|for|because|after|about|once]",
        "[going to|will|would|might|could|am going to|gonna] [literally|actually]? die [if|of|from|laughing|when|before|without|unless]", "literally [die|died|dying|dead|dies]",
        "[hit|hits|punched|punches|kicked|kicks|slapped|slaps|threw|throws|smacked|nudged|poked|elbowed] me *6 [pillow|pillows|playfully|for teasing|as a joke|jokingly|on the arm|in the game|snowball|snowballs|water balloon|water balloons|a cushion|for fun|when i teased|when i tickled|laughing|in a game|while playing|play fight|pillow fight]",
        "[can not|could not] breathe *6 [cold|flu|hay fever|blocked nose|stuffy nose|sinuses|nose|mask|laughing|dress|jeans|heat|humidity|smell|perfume|excitement]",
        "[keep going|go on|carry on] *6 [legs|run|running|mile|miles|km|gym|workout|hill|race|marathon|lap|laps|match|game|ride|climb]",
        "[can not|could not] breathe [for|from|with] [laughing|laughter]", "[die|died|dying|dead] laughing", "nearly died", "almost died laughing", "could have died of",
        "to die for", "[dead|deadly] [tired|on my feet|beat|serious|easy|good|chuffed|funny|jealous|boring|quiet|cute|posh|heavy|lucky|set|end|battery|centre|center|on]",
        "[i am|i was] dead [lol|haha|lmao|😂]", "[phone|battery|laptop|car|plant|plants|tv|charger|wifi|conversation|party|town|game] * [is|was|has]? [dead|died|dying]",
        "[bored|scared|sick|worried|frightened|freezing|tickled|loved|love you|love it] to death", "scared me to death", "bore me to death",
        "over my dead body", "kill [time|the lights|the engine|the music|the mood|the vibe|a bottle|two birds]",
        "killer [app|workout|heels|view|song|track|line|outfit|deal|joke|tune|instinct]", "[kill|shoot] me now", "just shoot me",
        "i could [kill|murder|strangle|throttle] [him|her|them|my|that|this|the]", "i am going to [kill|murder|strangle|throttle] [him|her|them|my brother|my sister|my husband|my wife|my kids|the dog|the cat]",
        "if [i have to|i hear|i see|i get|i do|they make me] * [another|one more|again|more] * [i will|i would|i am going to|i might] [kill myself|die|jump|scream|lose it|shoot myself|hang myself|end it]",
        "[kill|killing|killed|killing] myself [laughing|with laughter|at the gym|at work|working|studying|over this|trying]",
        "[killing|killed|slaughtered|murdered|destroyed|massacred] [in|at] [the|my|our] [quiz|game|match|exam|interview|gym|test|race|competition]",
        "[murder|killer|death] [mystery|mysteries|metal|row|stare|trap|sentence|toll|penalty|wish|wishes|grip|star|eater|eaters|note|notes]?",
        "[die|die die|diehard|die hard] [hard|fan|fans]", "[my|our] [feet|back|legs|head|knees] * killing me",
        "[i am|i feel] [dying|dead] inside", "dead inside", "i am dead", "drop dead [gorgeous|beautiful]", "[a|the] [dead|killing] [end|heat|ringer|spot]",
        "do not [kill|hurt|shoot] me [but|for]", "[it|that|this|exams|work|monday|mondays|traffic|the heat|the cold] [is|are|was] [the death of me|going to be the death of me|killing me]",
        "the death of me", "shoot me a [text|message|email|note|line]", "shot myself in the foot", "[take|taking|took] a [shot|stab] at",
        "[stab|stabbing|stabbed] in the dark", "cut [it|that|me] out", "cut [corners|costs|back|down|ties|class|my hair|the cake|carbs|sugar]",
        "break a leg", "hit me up",
        "[cut|burned|burnt|hurt|scratched|nicked] myself [shaving|cooking|chopping|on the|on a|on some|by accident|accidentally|while|when|in the|at the|playing|at work|gardening|slightly|a bit]",
        "[accidentally|by accident] [cut|burned|burnt|hurt|scratched] myself", "cut my [finger|thumb|hand|knee|lip|foot|chin|head] *3 [on|shaving|cooking|chopping|opening|while|with]", "[it|that|this|reality|the realisation|the realization|the news|then it] [hits|hit] me", "hurt my [feelings|pride|back|knee|ankle|wrist|shoulder|neck]",
    ])

    /// Words that mark a frame of fiction (a sentence with one is about a story, not the speaker).
    static let fictionFrames: Set<String> = [
        "novel", "novels", "story", "stories", "book", "books", "film", "films", "movie", "movies", "show", "series", "episode",
        "character", "characters", "protagonist", "antagonist", "villain", "hero", "heroine", "detective", "plot", "script",
        "screenplay", "play", "game", "games", "campaign", "fanfic", "fanfiction", "chapter", "scene", "poem", "poetry", "song",
        "lyrics", "comic", "manga", "anime", "drama", "soap", "sitcom", "thriller", "horror", "fiction", "narrator", "author",
        "draft", "manuscript", "roleplay", "dnd", "rpg", "sims", "minecraft", "fortnite", "netflix", "opera", "shakespeare", "hamlet", "juliet", "romeo", "musical", "sequel", "trailer", "storyline", "finale",
    ]

    /// Words that mark study, work or research about a risk topic.
    static let researchFrames: Set<String> = [
        "essay", "essays", "research", "researching", "study", "studying", "studies", "paper", "thesis", "dissertation",
        "article", "articles", "statistics", "stats", "rates", "prevention", "awareness", "course", "training", "lecture",
        "lectures", "presentation", "project", "assignment", "coursework", "module", "exam", "seminar", "report", "reading",
        "documentary", "podcast", "charity", "volunteer", "volunteering", "fundraiser", "fundraising", "samaritans", "helpline",
        "psychology", "nursing", "policy", "workshop", "conference", "class", "homework", "history", "historical", "survey",
        "data", "journal", "literature", "campaign", "webinar", "textbook", "curriculum", "students", "pupils", "teaching",
        "guidelines", "guideline", "assessment", "warning", "nice", "clinical", "teach", "staff", "moderator", "moderators", "filter",
        "posts", "flags", "algorithm", "classifier", "dataset", "regex", "matching", "keyword", "keywords", "papers", "review",
        "prevalence", "evidence", "lesson", "lessons", "safeguarding", "policy", "protocol",
    ]

    /// Words that put an event far in the past.
    static let distantPast: PhraseRuleSet<String> = PhraseRuleSet(patterns: [
        "[years|months|decades|a long time|ages|long] ago", "[a|one|two|three|four|five|ten|many|several|some|a few|couple of] years ago",
        "when i was #", "at [age]? #", "aged #", "when i was [in]? [year] #",
        "when i was [young|younger|a teenager|a teen|a kid|a child|little|at school|at uni|at university|in school|in college|in my teens|in my twenties|sixteen|fifteen|fourteen|seventeen|eighteen|nineteen|twenty|a student]",
        "as a [teenager|teen|kid|child|student]", "in my [teens|twenties|thirties|youth]", "back in [the day|school|uni|college|my|the]",
        "in the past", "used to", "at [school|uni|university|college] i", "[once|one time] i", "in [2000|2001|2002|2003|2004|2005|2006|2007|2008|2009|2010|2011|2012|2013|2014|2015|2016|2017|2018|2019|2020|2021|2022|2023]",
        "[last|a] [year|decade]", "in the [60s|70s|80s|90s|2000s|sixties|seventies|eighties|nineties]", "[after|at|during|before] [uni|university|college|school|my divorce|the divorce|the birth|my breakdown|my teens]", "[years|year|months] before", "[during|after] my [divorce|breakdown|teens|twenties]", "for years i",
        "[i|when i] [tried|attempted|wanted] * [years|long|when|as a]",
    ])

    /// Words that say the speaker is through it now.
    static let recovery: PhraseRuleSet<String> = PhraseRuleSet(patterns: [
        "[in|at] a [good|better|great|much better|safe|happier|healthier] place", "[doing|feel|feeling|am|i am] *2 [better|well|great|good|fine|ok|happier|stronger|safe|alright|all right] [now|these days|today|nowadays]",
        "[behind|past] me", "[it is|that is|that was|all] [over|behind me|in the past|a long time ago] [now]?", "[got|had|getting|found] [help|support|therapy|treatment]",
        "[years|months|days|a year|two years] [clean|free|since|without]", "have not [since|done it since|felt like that since|self harmed since|cut since|hurt myself since]",
        "[therapy|treatment|medication|counselling|support] [helped|worked|saved|helps]", "[recovered|recovering|in recovery]", "i am safe now", "i am ok now",
        "[survived|got through|came through|pulled through]", "proud of [how far|myself]", "[never|not] [again|felt like that again]", "[happy|content|glad] [now|to be alive|i am still here]",
        "[so|very|really] glad i am still here", "still here", "life is good now", "[things are|everything is|life is] *2 [good|better|great|fine|ok|brighter|calmer] [now|these days]?",
    ])

    /// Words that say it is happening now (they outweigh a distant-past frame).
    static let currentMarkers: Set<String> = [
        "again", "still", "tonight", "lately", "recently", "currently", "relapsed", "relapse", "started", "anymore", "keep", "keeps",
        "today", "yesterday", "tomorrow", "now", "right", "soon", "week", "starting",
    ]

    /// Words that make "X will kill me if …" a threat ("if I leave", "if I tell anyone").
    static let dangerTriggers: Set<String> = [
        "leave", "leaving", "police", "cops", "anyone", "anybody", "someone", "somebody", "report", "escape", "divorce", "refuge",
        "scream", "screams", "struggle", "resist",
    ]

    /// Words that make a risk word a joke (dark humour): "I want to die lol".
    static let jokeMarkers: Set<String> = ["lol", "lmao", "lmfao", "haha", "hahaha", "hahah", "rofl", "jk", "kidding", "joking", "😂", "🤣", "jokes"]

    /// Words after "not" that do not take a risk back ("can't stop", "not sure", "not kidding").
    static let negationOpeners: Set<String> = ["stop", "sure", "know", "lie", "lying", "kidding", "joking", "just", "only", "even", "certain", "being"]

    /// Words that, before a pattern in its sentence, take it back ("I'm not going to kill myself").
    static let negators: Set<String> = ["not", "never", "no", "nor"]

    /// Words that, alone in a sentence that matched nothing, alarm a reader: kept as dismissals when a
    /// fiction, research or figurative frame explains them.
    static let alarmWords: Set<String> = [
        "kill", "killed", "kills", "killing", "murder", "murdered", "murders", "die", "died", "dies", "dying", "dead", "death",
        "suicide", "suicidal", "body", "bodies", "corpse", "overdose", "overdosed", "stab", "stabbed", "shoot", "shot", "blood",
        "hang", "hanged", "poison", "poisoned", "self", "harm", "cut", "weapon", "gun", "knife", "drown", "drowned", "funeral",
        "killer", "slit", "noose", "strangled", "bleeding",
    ]
}
