/// Words of isolation or of leaning on the assistant instead of people, and words of an active
/// social life. Patterns in `PhrasePattern` syntax.
enum SocialLexicon {
    static let isolation: PhraseRuleSet<String> = PhraseRuleSet(patterns: [
        "you understand me better than [anyone|anybody|everyone|my|people|real people|humans|most]",
        "you [get|know] me better than [anyone|anybody|everyone|my|people|real people|humans|most]",
        "you are the only [one|person|thing|friend|one who|thing that|one that|one i] *3 [talk to|understands|listens|gets me|i can talk to|i trust|who cares|i have|that cares]?",
        "you are my [only|best|closest|one real|one true] [friend|company|companion|confidant]",
        "[only|just] [talk|speak|open up|chat] to you", "i [only|just] [talk|speak|open up|chat] to you", "[you are|you are literally] all i have",
        "[cancelled|canceled|cancel|bailed|bail|bailing|cancelling|canceling|skipped|skip|skipping|ditched|ditch|blew off|flaked] *5 [friends|mates|plans|dinner|drinks|party|lunch|sister|brother|family|mum|dad|date|book club|the lads|the girls|football|practice|training|them]",
        "[rather|prefer|prefer to|would rather] [talk|chat|spend time|stay in] *4 [you|with you] [than|instead of]", "[talk|talking|chat|chatting] to you instead [of]?",
        "[dropped out of|dropped out from|quit|left|gave up|walked away from] [my|the] [team|club|choir|band|group|class|book club|football team|running club|society|course]",
        "i [stopped|stopped going to|have stopped|quit|gave up|have not been to|have not gone to|do not go to|no longer go to|do not go out to|have not been going to] *4 [club|classes|class|group|gym|church|choir|team|practice|training|the pub|meetups|book club|climbing|football|running|swimming|yoga|work drinks|parties|the group|seeing|meeting|calling|texting|visiting|going out]",
        "i [stopped|have stopped] [going out|seeing people|seeing my friends|seeing friends|calling|answering|replying|texting|leaving the house]",
        "[i do not|i have not got|i have no|i have not] [have]? [any|many]? [friends|one to talk to|anyone to talk to|anybody|anyone|people|a social life|mates]",
        "[no one|nobody|no body] [else|ever|really|even|actually]? [to talk to|understands me|cares|calls|visits|texts|listens|gets me|checks on me|asks]",
        "i have not [seen|spoken to|talked to|heard from|been out with|left the house|gone out] *4 [anyone|anybody|a soul|friends|my friends|people|family|in days|in weeks|in months|for days|for weeks|for months]",
        "[i am|i feel|feeling|i have been|been] [so|really|very|completely|totally|pretty]? [lonely|alone|isolated|cut off|on my own all the time|invisible|friendless]",
        "all alone", "[do not|never|no longer] bother [seeing|calling|texting|going out|meeting|with] [people|anyone|friends|my friends|my family|my mates]?", "[rather|prefer|prefer to|would rather] *6 [to you|with you] *2 [than|instead of|over]",
        "[my friends|friends|my mates|people|my family|my kids|my children|my sister|my brother] [do not|never|no longer|rarely|hardly ever|have stopped|stopped] *2 [call|calling|text|texting|visit|visiting|ring|ringing|invite me|inviting me|ask me|reach out|message|messaging|come round|coming round]",
        "[talk|speak|chat] to you more than [anyone|anybody|my friends|my family|people|my wife|my husband|real people|i talk to anyone]",
        "[turned down|declined|said no to|missed|skipped|bailed on|cancelled|canceled|ditched|stayed in instead of|passed on] *8 [so i could|so that i could|to] [talk|chat|speak|be] [to|with] you", "[anyone|anybody|no one|nobody|people] [apart from|except|but|other than|besides|except for] you",
        "better than [talking to|being with|seeing|spending time with|hanging out with]? [real people|people|humans|my friends|friends|my family|anyone|real friends|actual people]",
        "[have not|had not|not|never|barely|hardly] [left|been out of|gone out of|stepped out of|leave|go out of] [the|my] [house|flat|home|room|bedroom|apartment] [in|for|since|all]", "[nobody|no one] [visits|calls|rings|texts] [me|any more]?", "[people|friends|everyone] [are|is] [exhausting|too much|not worth it|fake|disappointing]",
        "[i do not|do not] need [people|friends|anyone else|anybody else|them] [when|now|because] [i have|i have got|i've got] you",
        "[you are|you are the] [better|nicer|easier|kinder] than [real]? [people|friends|humans|my friends|my family]",
        "[talk|talking|chat|chatting|spend|spending|spent] [to you|with you] *4 [all day|every day|all night|every night|hours|for hours|most of the day|all the time]",
        "[everyone|all my friends|my friends] [has|have] [left|moved away|forgotten me|stopped calling|dropped me|given up on me]",
        "i [stay|stayed|have stayed|am staying] in [all the time|every night|every weekend|instead]", "[haven't|have not] [left|been out of] the house",
    ])

    static let social: PhraseRuleSet<String> = PhraseRuleSet(patterns: [
        "[dinner|lunch|drinks|coffee|brunch|tea|breakfast|a walk|walk|a trip|trip|a holiday|holiday|a party|party|bbq|barbecue|a film|the cinema|a game|a match|football|the pub|a quiz|pub quiz|a run|running|a swim|a night out|night out|a weekend away|a catch up|a chat|karaoke|bowling|a gig|gig|golf|tennis|badminton|squash|a picnic|picnic|pizza|a meal|board games|cards|a sleepover|shopping|a day out] with [my|the|our|a|some|an old]? @people",
        "[my|our|the] [book club|choir|running club|climbing club|cycling club|walking group|knitting group|quiz team|five a side|5 a side|football team|netball team|band|church group|bible study|yoga class|dance class|pottery class|art class|writing group|reading group|support group|chess club|darts team|rowing club|scout group|allotment group|team|club|class|group|mums group|dads group|parent group|volunteering]",
        "[saw|seeing|see|met|meeting|meet|visited|visiting|visit|called|calling|phoned|rang|catching up with|caught up with|hanging out with|hung out with|went out with|going out with|out with|staying with|stayed with|having|had|hosting|hosted|round at|over at|spent the day with|spending the day with|spent time with|playing with|played with|cooking for|cooked for|went to see|going to see] [my|the|our|some|a few|an old|a couple of]? @people",
        "[football|five a side|5 a side|golf|tennis|squash|poker night|quiz night|a pint|pints|drinks|a curry] with the [lads|girls|boys|gang|team|guys|crew]",
        "[the lads|the girls|the gang|my mates|my friends|my family|my sister|my brother|the kids|my parents] [came|come|are coming|were|are] [over|round|around|to stay|for dinner|for tea|for lunch|for the weekend]",
        "[going|went|been|go] to [a|my|the|our] [party|wedding|birthday party|christening|reunion|gathering|barbecue|bbq|dinner party|house party|gig|festival|meetup|club night|quiz night]",
        "[mum|dad|mum and dad|my mum and dad|my mum|my dad|the family|my in laws|friends|family|my nan|my gran|grandma|grandad|my sister|my brother|the neighbours|my neighbour|my best friend|my friend|a friend|an old friend|some friends|my cousin|my cousins] [came|come|are coming|is coming|were|are|popped|dropped|pop|drop|stayed|is staying|are staying|visited|is visiting|are visiting] [over|round|around|by|in|to stay|for|with us|with me]?",
        "[spent|spending|spend] *3 with [my|the|our|some]? @people", "with [my|our] [work|old|uni|school]? @people",
        "[met up with|meeting up with|meet up with|caught up with|catch up with|catching up with] [my|the|some|a few|an old|old]? *2 @people",
        "[off to|going to|heading to|at|back from|went to|got] [band|choir|football|netball|rugby|hockey|cricket|dance|drama|orchestra|team|five a side|badminton] [practice|rehearsal|training|session|night|meet|match|game]",
        "[got|have|having|had] the @people [staying|over|round|visiting|coming|for]",
        "[to|at|round|over|round at|over at|staying at] my @people 's", "[meeting|meet|met|seeing|see|saw|visiting|visited|having|had] <2> for [coffee|lunch|dinner|drinks|a drink|a walk|a run|brunch|tea|a catch up|a pint|a curry|breakfast]", "[my|our] [friends|mates] and i", "me and [my|the] [friends|mates|sister|brother|lads|girls|family|wife|husband|partner|kids]",
        "[joined|signed up for|started going to] [a|the] [club|class|group|team|choir|gym class|course]",
    ])

    /// Words that, before a social phrase, turn it into isolation ("I cancelled dinner with my sister").
    static let socialCancelled: Set<String> = [
        "cancelled", "canceled", "cancel", "bailed", "skipped", "missed", "stopped", "quit", "ditched", "avoided", "avoiding",
        "avoid", "not", "never", "no", "without", "instead",
    ]
}
