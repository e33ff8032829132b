/// Word classes the lexicons' patterns name as `@name`: each member is a word or a word sequence,
/// in the normalised spelling of `ReadingText` ("can not", "do not", "mum").
enum ReadingWordClasses {
    static let members: [String: [[String]]] = {
        var table: [String: [[String]]] = [:]
        for (name, list) in definitions {
            table[name] = list.split(separator: "|").map { $0.split(separator: " ").map(String.init) }
        }
        return table
    }()

    private static let definitions: [(String, String)] = [
        // Ways of saying suicide as an act the speaker would do.
        ("end_life", "kill myself|end my life|end my own life|take my life|take my own life|end it all|end everything"
            + "|top myself|off myself|unalive myself|commit suicide|do myself in|hang myself|shoot myself|drown myself|gas myself"
            + "|poison myself|overdose|od|jump off a bridge|jump off the bridge|jump off a building|jump in front of a train"
            + "|throw myself off|throw myself in front of|step in front of a train|slit my wrists|not be alive|be dead|die|not exist|stop existing"
            + "|not wake up|disappear forever|disappear for good|kms"),
        ("end_life_other", "kill himself|kill herself|kill themselves|end his life|end her life|end their life|take his life|take her life"
            + "|take his own life|take her own life|take their own life|end it all|commit suicide|die|hang himself|hang herself|overdose"),
        ("intend", "want to|wanna|want|wanted to|going to|am going to|plan to|planning to|planned to|intend to|intending to|am ready to"
            + "|ready to|decided to|have decided to|would rather|am tempted to|tempted to"
            + "|am thinking of|am thinking about|thinking of|thinking about|keep thinking about|been thinking about|thought about|think about"
            + "|considering|am considering|feel like i want to|just want to|really want to|wish i could|tried to"
            + "|try to|going to try to|urge to|urges to|thoughts of|thoughts about|fantasise about|fantasize about"),
        ("intend_other", "wants to|is going to|says he wants to|says she wants to|said he wants to|said she wants to|is threatening to"
            + "|threatening to|threatened to|is talking about|talking about|keeps talking about|is planning to|plans to|tried to|is trying to"
            + "|wanted to|said he would|said she would|says he will|says she will|is thinking about|thinks about|has been talking about"),
        ("pills", "pills|tablets|meds|medication|medicine|medicines|painkillers|sleeping pills|sleeping tablets|paracetamol|tylenol"
            + "|ibuprofen|codeine|tramadol|oxycodone|morphine|insulin|antidepressants|prescription|prescriptions|diazepam|valium|xanax"
            + "|lithium|sertraline|citalopram|amitriptyline|opioids|benzos|zopiclone"),
        ("self", "myself|my arm|my arms|my wrist|my wrists|my legs|my thigh|my thighs|my skin|my body"),
        ("harm_verb", "slashed|slashing|sliced|slicing|carved|carving|stabbed|stabbing|cut|cutting|cuts|burned|burnt|burn|burning|hurt|hurting|harm|harmed|harming|scratched|scratching|hit|hitting|punched"
            + "|punching|bit|biting|starving|starve|starved"),
        ("abuser", "he|she|they|my partner|my husband|my wife|my boyfriend|my girlfriend|my ex|my ex husband|my ex wife|my ex partner"
            + "|my ex boyfriend|my ex girlfriend|my dad|my father|my stepdad|my step dad|my stepfather|my mum|my mother|my stepmum"
            + "|my brother|my son|my fiance|my fiancee|my flatmate|my housemate|my landlord|my carer|someone|a man|a guy|this guy"
            + "|my uncle|my cousin|my neighbour|my neighbor|my date|her boyfriend|my sister|my daughter|my other half|his mate|him|her"),
        ("threat_verb", "said|says|told me|tells me|threatened|threatens|swore|swears|keeps saying|promised|will|would|is going to|going to|wants to"),
        ("violence", "finish|finish off|kill|hurt|beat|stab|shoot|strangle|choke|burn|break my|smash my|batter|murder|hit"),
        ("violence_now", "hits|hit|beats|beat|punched|punches|kicked|kicks|slapped|slaps|strangled|strangles|choked|chokes|shoved|shoves"
            + "|pushed|pushes|hurts|touches|touched|molests|molested|throttled|throttles|attacked|attacks|raped|rapes|abuses|abused|burned|burns|threw things at"
            + "|throws things at|held a knife to|pulled a knife on|pointed a gun at|stabbed|threatens|threatened"),
        ("dependent", "the baby|my baby|our baby|the kids|my kids|our kids|the children|my children|my child|our child|the child"
            + "|my son|my daughter|my little one|my toddler|my newborn|the twins|my twins|my boy|my girl|mum|my mum|dad|my dad"
            + "|my grandma|my gran|my nan|my grandad|my grandfather|my grandmother|my husband|my wife|my partner|my patient|my patients"
            + "|him|her|them|my brother|my sister"),
        ("fear", "scared|afraid|worried|terrified|frightened|petrified|panicking|fear|frightens me|scares me|worries me|panic"),
        ("person_rel", "mum|mother|mummy|dad|father|daddy|girlfriend|boyfriend|wife|husband|partner|fiance|fiancee|sister|brother"
            + "|grandma|gran|granny|nan|nana|grandad|grandpa|grandfather|grandmother|son|daughter|aunt|auntie|uncle|cousin|friend"
            + "|best friend|bestie|bff|lover|crush|spouse|therapist|doctor|nurse|teacher|ex|ex girlfriend|ex boyfriend|ex wife|ex husband"
            + "|late husband|late wife|late mum|late dad|late mother|late father|late son|late daughter|late brother|late sister|late grandma|late nan|late grandad|late gran|late partner|dead husband|dead wife|dead mum|dead dad|baby|babe|bf|gf|soulmate|sweetheart"
            + "|waifu|husbando|wifey|hubby|mistress|date|valentine|twin|stepmum|stepdad|step mum|step dad|grandson|granddaughter|godmother"),
        // Someone the person has just spoken of, named by a pronoun ("pretend to be her").
        ("mentioned_person", "her|him|them|that person|this person"),
        ("human_role", "human|a human|a human being|human being|a person|person|a real person|real person|real|a real human|a man|a woman"
            + "|a guy|a girl|alive|a living person|not an ai|not a bot|not a robot|not a machine|not artificial|a real boy|a real girl"
            + "|flesh and blood|conscious|sentient"),
        ("feeling_word", "love|loved|miss|missed|adore|care about|care for|need|needed|like|fancy|want"),
        ("people", "friends|friend|mates|mate|pals|sister|sisters|brother|brothers|mum|dad|family|parents|kids|son|daughter|cousin|cousins"
            + "|aunt|auntie|uncle|nan|gran|grandma|grandad|grandparents|colleagues|coworkers|workmates|neighbours|neighbour|neighbors"
            + "|girlfriend|boyfriend|wife|husband|partner|the lads|lads|the girls|the gang|flatmates|housemates|flatmate|housemate"
            + "|team|teammates|neighbor|in laws|fiance|fiancee|bestie|best friend|buddies|buddy|crew|book club|choir|church|club"
            + "|grandkids|grandchildren|nephew|niece|godson|goddaughter|classmates|everyone|people|old school friends|uni friends|work mates|work friends|school friends|the grandkids|the kids"),
        ("positive_word", "happy|good|great|fine|well|ok|nice|fun|pleased|excited|thrilled|glad|better|best|enjoyable|easy|brilliant"
            + "|amazing|wonderful|fantastic|lovely|perfect|awesome|cheerful|content|satisfied|impressed|keen|optimistic|hopeful|positive"
            + "|proud|relaxed|calm|grateful|lucky|a good day|a great day|a good week|a great week|a good time|a great time|fun at all"
            + "|looking forward|enjoying|enjoy|enjoyed|like|liked|love|loved|okay|alright|all right"),
        ("sarcasm_opener", "oh great|oh perfect|oh brilliant|oh wonderful|oh fantastic|oh lovely|oh joy|oh goody|oh fab|oh super"
            + "|oh marvellous|oh marvelous|oh terrific|oh excellent|oh nice|oh good|great|perfect|brilliant|wonderful|fantastic|lovely"
            + "|fabulous|marvellous|marvelous|terrific|super|excellent|splendid|yay|woohoo|hooray|awesome|nice|cool|just great"
            + "|great just great|perfect just perfect|brilliant just brilliant|lovely just lovely|fantastic just fantastic|just perfect|just brilliant|just lovely|just wonderful|just fantastic|well that is just great|well that is great"
            + "|well that is perfect|well that is brilliant|that is just great|that is great|that is perfect|that is brilliant"
            + "|that is lovely|that is wonderful|how lovely|how wonderful|how nice|how fun|fun times|good times|great times|love that"
            + "|i love that|love it|i love it|lucky me|are not i lucky|thanks a lot|thanks for nothing|cheers for that|oh yay"),
        ("mishap", "flooded|flooding|broke|broken|broke down|breaks|ticket|tickets|fined|late|cancelled|canceled|delayed|delay"
            + "|crashed|crash|rain|raining|lost|stolen|failed|fail|sick|ill|stuck|puncture|flat tyre|flat tire|leaking|leak|leaks|burst"
            + "|another|overdrawn|bill|bills|parking|tax|audit|traffic|queue|jam|power cut|outage|overtime|mould|mold|dead"
            + "|died|spilled|spilt|dropped|smashed|cracked|ruined|soaked|missed|locked out|no hot water|no heating|nothing works"
            + "|does not work|not working|stopped working|will not start|monday|mondays|deadline|deadlines|more work"
            + "|extra shift|hoover|burnt|burned|fell off|wet|damp|mouse|mice|rats|wasps|ants|blocked|blocked drain|overflowing|tantrum"
            + "|screaming|packed in|packed up|gave up|given up|died on me|conked out|nits|lice|head lice|chickenpox|sick bug|tummy bug|norovirus|ate|chewed|puked|vomited|threw up|wrecked|trashed|dented|stung|bitten|sprained|twisted|kept me up|no sleep|hangover|migraine|flu|covid|snow|hail|storm|internet|wifi|printer|froze|frozen|parking ticket|speeding ticket|rejection|rejected|redundant|laid off|debt|rent|increase|rise|hike|forgot|forgotten|nobody came"
            + "|roadworks|road works|diversion|diverted|rail replacement|replacement bus|engineering works|strike|strikes|more roadworks|more rain|more snow|more meetings|yet another"),
        ("time_scope", "today|tonight|this weekend|this week|this month|this morning|this afternoon|this evening|tomorrow|for now|for a while"
            + "|for today|for tonight|for the weekend|for the week|for this week|for this weekend|until|till|til|for the moment|right now"),
    ]
}
