/// Plans with a concrete risk to the person's money, health or safety, each with the risk in words
/// the assistant can name and a safer option or a professional to suggest (sources: the NHS's pages
/// on insulin, medicines and fasting, the RNLI's and RoSPA's water and drink-driving advice, GamCare
/// and MoneyHelper). Patterns in `PhrasePattern` syntax; a plan said as not done ("I'd never drive
/// after drinking") is not read.
enum RiskyPlanLexicon {
    typealias Domain = UtteranceReading.RiskyPlanCue.Domain

    struct Plan: Sendable {
        let domain: Domain
        let risk: String
        let saferOption: String
    }

    static let plans: PhraseRuleSet<Plan> = PhraseRuleSet(
        homeBets.map { ($0, Plan(domain: .money, risk: "you could lose your home if the bet goes wrong",
                                 saferOption: "talk to a free debt adviser (such as MoneyHelper or StepChange) first, and only bet money you can afford to lose; GamCare can help if betting feels hard to stop")) }
            + borrowedBets.map { ($0, Plan(domain: .money, risk: "borrowed money lost on a bet still has to be paid back, with interest",
                                           saferOption: "don't borrow to gamble; a free debt adviser (MoneyHelper, StepChange) or GamCare can help with what's behind it")) }
            + savingsGambles.map { ($0, Plan(domain: .money, risk: "you could lose savings you can't replace, and tips like this are how many scams work",
                                             saferOption: "only put in what you could afford to lose, check the firm on the regulator's register, and talk to an independent financial adviser first")) }
            + chasingLosses.map { ($0, Plan(domain: .money, risk: "chasing losses usually makes them bigger",
                                            saferOption: "set a limit and stop; GamCare or a gambling helpline can help if it's hard to stop")) }
            + insulin.map { ($0, Plan(domain: .health, risk: "skipping or cutting insulin can cause diabetic ketoacidosis, which can kill",
                                      saferOption: "talk to the diabetes team or GP about weight; they can help safely")) }
            + stoppingMedication.map { ($0, Plan(domain: .health, risk: "stopping some medicines suddenly can cause withdrawal, a relapse or seizures",
                                                 saferOption: "ask the doctor or pharmacist how to come off it safely, usually by tapering")) }
            + fasting.map { ($0, Plan(domain: .health, risk: "days without food can upset heart rhythm, blood sugar and salts in the blood",
                                      saferOption: "talk to a GP or a dietitian about a safer way to reach the goal")) }
            + overdosingMedication.map { ($0, Plan(domain: .health, risk: "taking more than the stated dose can damage the liver or kidneys, or worse",
                                                   saferOption: "stick to the dose on the label and ask a pharmacist or NHS 111 if it isn't working")) }
            + swimming.map { ($0, Plan(domain: .physicalSafety, risk: "alcohol, darkness and cold water together are a common cause of drowning, and no one would be there to help",
                                       saferOption: "swim sober, in daylight, with someone else or at a lifeguarded spot")) }
            + drinkDriving.map { ($0, Plan(domain: .physicalSafety, risk: "driving after drinking can kill you or someone else, and costs the licence",
                                           saferOption: "get a taxi, a lift or stay over, and drive the next day once sober")) }
            + tiredDriving.map { ($0, Plan(domain: .physicalSafety, risk: "driving very tired is as dangerous as driving drunk",
                                           saferOption: "sleep first, share the driving or take a break every two hours")) }
            + climbingAlone.map { ($0, Plan(domain: .physicalSafety, risk: "if you fall or get hurt alone and no one knows where you are, help may not come",
                                            saferOption: "tell someone the route and when you'll be back, take a charged phone, or go with a partner")) }
            + mixingSubstances.map { ($0, Plan(domain: .substances, risk: "alcohol with sedating pills or other drugs can slow or stop breathing",
                                               saferOption: "don't mix them; ask a pharmacist what is safe with the medicine")) }
            + drugsAlone.map { ($0, Plan(domain: .substances, risk: "taking drugs alone means no one can help if something goes wrong",
                                         saferOption: "don't use alone, start low, and have someone with you who knows what you took")) })

    static let stake = "[the house|my house|our house|the home|my home|our home|the mortgage|a mortgage|re mortgage|re mortgaging|re mortgaged|second mortgage|equity]"
    static let gamble = "[bet|bets|betting|gamble|gambling|accumulator|acca|accas|accumulators|casino|roulette|the horses|poker|slots|blackjack|punt|flutter|stake it|put it all on|sports bet|football bet|parlay|odds|grand national|the races|horses|cheltenham|the derby|the dogs|bookies|bookmakers|fixed odds]"
    static let crypto = "[crypto|bitcoin|btc|ethereum|a coin|coin|this coin|altcoin|dogecoin|coins|token|tokens|memecoin|meme coin|nft|nfts|forex|shares|stock|stocks|penny stocks|options|a scheme|an investment|this investment]"

    static let homeBets: [String] = [
        "\(stake) *10 \(gamble)", "\(gamble) *6 \(stake)", "\(stake) *6 \(crypto)",
        "[sell|selling|sold] [the|my|our] [house|home|flat|car] *6 \(gamble)",
    ]
    static let borrowedBets: [String] = [
        "[payday loan|a loan|loan|loans|borrow|borrowing|borrowed|credit card|credit cards|overdraft|max out|maxing out|a cash advance|buy now pay later|loan shark] *6 \(gamble)",
        "\(gamble) *6 [payday loan|a loan|loan|borrowed money|credit card|credit cards|overdraft|borrow]",
        "[payday loan|a loan|loan|borrow|borrowing|credit card|credit cards|overdraft|max out|maxing out] *6 \(crypto)",
    ]
    static let savingsGambles: [String] = [
        "[savings|life savings|pension|inheritance|everything i have|all my money|all our money|our savings|my savings|the deposit|house deposit|emergency fund|redundancy money|my wages|rent money|the rent] *6 \(crypto)",
        "[savings|life savings|pension|inheritance|everything i have|all my money|all our money|our savings|my savings|the deposit|emergency fund|redundancy money|my wages|rent money|the rent] *6 \(gamble)",
        "[all in|everything|all of it|all my savings|all our savings|the lot] [on|into] \(crypto)",
        "[all my|all our|my whole|our whole|all of my|my life] [savings|pension|money|inheritance|wages|student loan] *8 [sure thing|can not lose|cannot lose|guaranteed|to the moon|double|moon|trade|trading|get rich|tip|tipped]",
        "[drop out|dropping out|dropped out|quit|quitting|leave|leaving] *4 [college|uni|university|school|my job|work|my course] *4 [to trade|to day trade|to gamble|to bet|for crypto|to do crypto|to trade crypto|to go all in]", "\(crypto) *4 [tip|tipped|told me|guaranteed|cannot lose|can not lose|sure thing|going to moon|to the moon|double my money|get rich]",
        "[put|putting|invest|investing|throw|throwing|move|moving|cash|cashing] [in|out]? *3 [savings|pension|everything] *4 \(crypto)",
        "\(gamble) *4 [my|our|the|all my|all our|my whole|our whole|the whole|all the] [savings|pension|paycheck|pay cheque|wages|salary|rent|rent money|mortgage money|inheritance|student loan|benefits|deposit|house deposit|redundancy money|life savings|bills money]",
        "\(crypto) *8 [savings|pension|house deposit|our house deposit|deposit|life savings|all my money|all our money|inheritance|redundancy money]",
    ]
    static let chasingLosses: [String] = [
        "[chase|chasing|win back|winning back|win it back|make it back|get it back] * [losses|what i lost|the money i lost]", "double or nothing", "\(gamble) *10 [win it back|win it all back|make it back|get it back|win back|recoup]", "one more bet to [win|get|make] it back",
    ]
    static let insulin: [String] = [
        "[skip|skipping|skipped|miss|missing|stop|stopping|cut|cutting|cut down|cutting down|halve|halving|reduce|reducing|less|not take|not taking|without|ditch|drop|dropping|lower|lowering] *3 [insulin|my insulin|my jabs|my injections|my shots]",
        "[insulin|my insulin] *4 [lose weight|weight loss|drop weight|shed|slim|get thin|lose a few pounds|burn fat]",
    ]
    static let stoppingMedication: [String] = [
        "[stop|stopping|quit|quitting|come off|coming off|get off|getting off|ditch|ditching|throw away|bin|binning|not take|not taking|stop taking|stopping taking|give up|giving up|skip|skipping] *3 [my]? [medication|meds|antidepressants|tablets|pills|lithium|sertraline|citalopram|fluoxetine|venlafaxine|blood thinners|warfarin|steroids|prednisolone|seizure meds|epilepsy meds|anti epileptics|antipsychotics|beta blockers|blood pressure tablets|heart pills|methadone|benzos|diazepam|prescription]",
        "[medication|meds|antidepressants|tablets|pills|lithium|steroids|warfarin] *3 [cold turkey|all at once|overnight|from tomorrow|from today|without telling|without asking]",
        "[cold turkey] *4 [medication|meds|antidepressants|tablets|pills|lithium|steroids]",
    ]
    static let fasting: [String] = [
        "[fast|fasting|not eat|not eating|stop eating|no food|eat nothing|water only|water fast|juice only|starve|starving] *4 [for|a|whole]? [days|a week|two weeks|three days|five days|ten days|a fortnight|72 hours|a few days|several days|week|weekend]",
        "[fast|fasting] [for]? [two|three|four|five|six|seven|ten|2|3|4|5|6|7|10|14|several|a few] [days|weeks]",
        "[2|3|4|5|6|7|10|14|21|30|two|three|four|five|six|seven|ten|fourteen|several|multi] [day|days|week|weeks] [water|juice|dry|liquid]? [fast|fasting|cleanse|detox]", "[2|3|4|5|6|7|10|14|two|three|four|five|six|seven|ten|several] days [of]? [fasting|no food|without food|water only|without eating|not eating]",
        "[not|stop|stopped|without] [eat|eating|food] [for]? # [days|weeks]",
        "[not|stop|stopped|without] [eat|eating|food] [for]? [a week|days|the week|several days|the next few days|a few days|the whole week]",
        "[only|just] [eat|eating|have|having] [500|400|300|600|800] calories", "[stop|not|stopped] eating [until|till|to] *4 [lose|drop|fit|wedding|holiday|thin|weight|stone|kilos|pounds]", "[skip|skipping|cut out] [all]? [meals|eating|food] [for|until|till] [a week|days|the wedding|my holiday]",
    ]
    static let overdosingMedication: [String] = [
        "[double|triple|doubling] up [on]? [my|the]? [dose|pills|tablets|sleeping tablets|sleeping pills|painkillers|meds|medication|insulin]",
        "[run|running|race|racing|train|training|play|playing|exercise|exercising|lift|lifting|compete|competing] *6 [chest pain|chest pains|a fever|flu|concussion|a broken|a fracture|a head injury|pneumonia]",
        "[double|doubling|triple|tripling|take extra|taking extra|take more|taking more] [my|the]? [dose|dosage|pills|tablets|painkillers|paracetamol|ibuprofen|codeine|meds]",
        "[take|taking] [a few|a handful of|loads of|lots of|double|extra|more] [paracetamol|ibuprofen|codeine|painkillers|sleeping pills] [than|to|at once|together]",
    ]
    static let swimming: [String] = [
        "[swim|swimming|dip|skinny dip|skinny dipping|go in the sea|go in the lake|jump in the river|jump in the lake|jump in the sea|jumping in] *6 [drinks|a few drinks|drinking|drunk|pissed|tipsy|beers|pints|wine|after the pub|few pints|few beers|had a few|the bar|a bar|the party|a party|a night out|clubbing]",
        "[sea|harbour|harbor|river|lake|quarry|pier|night|dark|moon|midnight|reservoir|canal] *8 [swim|swimming|dip] *4 [on my own|alone|by myself|solo]",
        "[swim|swimming|dip] *6 [on my own|alone|by myself|solo] *6 [sea|harbour|harbor|river|lake|quarry|night|dark|moon|midnight|reservoir|canal]",
        "[drinks|a few drinks|drinking|drunk|tipsy|beers|pints|wine|the pub|had a few] *6 [swim|swimming|dip|skinny dip|skinny dipping|jump in the river|jump in the lake|jump in the sea|go in the sea]",
        // Open water told by where the swim goes: out to a buoy, round the point, across to the island.
        "[swim|swimming|swam] *3 [out to|out past|across to|across|round|around|over to|out beyond] [the]? [buoy|buoys|island|rocks|point|pier|breakwater|other side|far side|headland|lighthouse|bay|estuary|sandbank|harbour wall|moored boats|boat] *8 [on my own|alone|by myself|solo|just me|tonight|at night|in the dark|after dark|at midnight|about midnight|drunk|pissed|tipsy|after a few|no wetsuit|without a wetsuit]",
        "[night|midnight|late night|moonlight|dark] [swim|swimming|dip] *4 [alone|by myself|on my own|solo]", "[swim|swimming] [alone|by myself|on my own|solo] *4 [night|midnight|dark|after]",
    ]
    static let drinkDriving: [String] = [
        "[drive|driving|drove|drive home|driving home] *5 [after|when] *3 [drinks|drinking|a few|a couple|pints|beers|wine|the pub|had a few|been drinking|having a few]",
        "[drive|driving|drive home|driving home] *4 [drunk|tipsy|over the limit|buzzed|hammered|pissed|after a few|after a couple|after drinking|after the pub]",
        "[had|having|after|after a|drunk|downed|sunk] [a few|a couple|a couple of|few|couple|couple of|some|two|three|four|five|a load of|loads of|a bottle of|half a bottle of] [drinks|pints|beers|glasses of wine|glasses] *6 [drive|driving|drive home|driving home|drive back|get behind the wheel]",
        "[drunk|tipsy|over the limit|been drinking] *5 [drive|driving|drive home|drive back]",
        "[drive|driving|drive home|drive back|i will drive] *8 [had|drunk|drank|only had|been drinking|downed|sunk] *3 [beers|beer|pints|pint|drinks|wine|glasses|a few|a couple|three|four|five|two|shots|ciders|cans]",
    ]
    static let tiredDriving: [String] = [
        "[drive|driving|drive home|driving through|drive through|drive back] *8 [no sleep|without sleep|all night|an all nighter|exhausted|not slept|falling asleep]",
        "[not slept|no sleep|been up all night|awake for] *6 [drive|driving|drive home|long drive]",
    ]
    static let climbingAlone: [String] = [
        "[climb|climbing|hike|hiking|scramble|scrambling|solo|free solo|go up|walk up|trek|trekking|cave|caving|kayak|kayaking|ski|skiing|off piste|mountain] *6 [alone|by myself|on my own|solo] *6 [without telling|not telling|no one knows|nobody knows|without a phone|no phone|no signal|telling no one|not tell anyone|not telling anyone]",
        "[climb|climbing|hike|hiking|scramble|scrambling|cave|caving|kayak|kayaking|mountain] *6 [without telling|not telling|no one knows|nobody knows|not going to tell|will not tell|not tell|have not told|not told|did not tell|told no one|telling no one] [anyone|anybody|a soul|my family|my partner|them]?",
        "[free solo|free soloing|solo climb|solo climbing|climb alone|climbing alone]",
        "[hike|hiking|climb|climbing|walk|walking|sail|sailing|kayak|kayaking|swim|swimming|go out|paddle|paddleboarding] *6 [in this storm|in the storm|in a storm|in a blizzard|in this weather|in high winds|in the snow|in thick fog|in a gale|in this wind]",
        "[climb|climbing|jump|jumping|swim|swimming|dive|diving] *3 [quarry|cliff|cliffs|crag|rocks|tombstoning] *5 [alone|by myself|on my own|solo|at night|drunk|no one needs to know|nobody needs to know]",
        "[climb|climbing|hike|hiking|cave|caving|swim|swimming] *8 [no one needs to know|nobody needs to know|no need to tell anyone|not telling a soul]",
    ]
    static let mixingSubstances: [String] = [
        "[mix|mixing|take|taking|combine|combining|wash down|washing down|with] *4 [pills|pill|sleeping pills|sleeping pill|sleeping tablets|sleeping tablet|painkillers|painkiller|tablets|tablet|xanax|benzos|valium|diazepam|oxycodone|codeine|tramadol|opioids|antidepressants|zopiclone|morphine|gabapentin|pregabalin] *5 [alcohol|drink|drinks|drinking|wine|beer|vodka|booze|pints|whisky|gin]",
        "[alcohol|drink|drinks|drinking|wine|beer|vodka|booze|pints|whisky|gin] *5 [with|and|on|plus|then] *3 [antidepressants|meds|medication|lithium|methadone|pills|pill|sleeping pills|sleeping pill|sleeping tablets|sleeping tablet|painkillers|painkiller|tablets|tablet|xanax|benzos|valium|diazepam|oxycodone|codeine|tramadol|opioids|zopiclone|morphine|gabapentin|pregabalin]",
        "[mix|mixing|combine|combining] *4 [mdma|molly|ket|ketamine|coke|cocaine|ghb|g|xanax|benzos|pills]",
    ]
    static let drugsAlone: [String] = [
        "[try|trying|take|taking|do|doing] *3 [mdma|molly|ket|ketamine|acid|lsd|mushrooms|shrooms|ghb|heroin|fentanyl|coke|cocaine] *4 [alone|by myself|on my own|for the first time alone]",
    ]

    /// Words that, anywhere in the sentence, make the plan a safe one (a professional is already in it).
    static let safeguards: Set<String> = [
        "doctor", "gp", "pharmacist", "consultant", "psychiatrist", "nurse", "taper", "tapering", "prescribed", "supervised",
        "lifeguard", "lifeguards", "instructor", "guide", "adviser", "advisor", "dietitian",
    ]
}
