/// The words that name events and say what happened to them.
enum EventLexicon {
    /// Nouns that head an event's noun phrase ("eye test", "job interview", "hip replacement").
    static let heads: Set<String> = [
        "appointment", "appt", "test", "exam", "exams", "scan", "mri", "x-ray", "xray", "ultrasound", "check-up", "checkup",
        "surgery", "operation", "op", "procedure", "replacement", "transplant", "biopsy", "injection", "jab", "vaccine",
        "vaccination", "booster", "dentist", "interview", "meeting", "review", "appraisal", "presentation", "deadline",
        "party", "wedding", "funeral", "christening", "birthday", "anniversary", "reunion", "shower", "flight", "trip",
        "holiday", "vacation", "getaway", "date", "concert", "gig", "show", "match", "game", "tournament", "recital",
        "performance", "audition", "race", "marathon", "visit", "dinner", "lunch", "brunch", "drinks", "barbecue", "bbq",
        "conference", "viva", "hearing", "trial", "court", "session", "class", "lesson", "course", "move", "induction",
        "orientation", "graduation", "ceremony", "sleepover", "playdate", "physio", "therapy", "counselling", "treatment",
        "chemo", "infusion", "consultation", "consult", "screening", "smear", "mammogram", "colonoscopy", "endoscopy",
        "bloods", "results", "assessment", "inspection", "viewing", "completion", "exchange", "mot", "service", "recital",
        "practice", "rehearsal", "tryout", "tryouts", "retreat", "festival", "camp", "cruise", "haircut", "scan",
        "check", "shots", "jabs", "check-in", "catch-up", "one-to-one", "half-marathon", "10k", "5k", "parkrun", "triathlon",
        "cardiologist", "dermatologist", "consultant", "specialist", "optician", "opticians", "orthodontist", "podiatrist", "pitch", "demo", "launch", "onboarding", "exhibition", "play", "open", "surprise", "fitting", "call",
        "stag", "hen", "vet", "vets", "doctor", "gp",
    ]
    /// Heads that name an event only with a modifier before them ("job interview" yes, a bare "call" no).
    static let headsNeedingModifier: Set<String> = ["check", "call", "open", "play", "show", "service", "session", "class", "course", "date", "game", "results", "review", "move", "completion", "exchange", "demo", "launch", "surprise", "fitting", "pitch", "practice", "visit", "shower", "trial", "test", "drinks", "dinner", "lunch", "brunch"]

    /// Modifiers that are part of no label ("my big interview" is "interview").
    static let labelSkips: Set<String> = [
        "big", "important", "little", "annual", "yearly", "monthly", "weekly", "first", "second", "final", "last", "next",
        "new", "follow-up", "followup", "usual", "regular", "scary", "dreaded", "stupid", "long", "short", "quick", "huge",
        "surprise", "upcoming", "planned", "rescheduled", "whole", "actual", "real", "proper", "official", "entire",
    ]

    /// Whole phrases read as another label, so a later mention matches the same event.
    static let labelSynonyms: [String: String] = [
        "moving house": "house move", "move house": "house move", "house moving": "house move", "moving day": "house move",
        "move": "house move", "mri scan": "mri", "check up": "checkup", "check-up": "checkup", "x ray": "x-ray", "xray": "x-ray",
        "dental": "dentist", "dental appointment": "dentist", "dentist appointment": "dentist", "dentists": "dentist",
        "dentist's": "dentist", "doctor appointment": "doctor", "doctors appointment": "doctor", "doctors": "doctor",
        "gp appointment": "doctor", "gp": "doctor", "vets": "vet", "vet appointment": "vet", "vets appointment": "vet", "op": "operation", "appt": "appointment", "bbq": "barbecue",
        "vacation": "holiday", "job interview": "interview", "blood work": "blood test", "bloods": "blood test",
        "eye exam": "eye test", "eye appointment": "eye test", "opticians": "eye test", "optician": "eye test",
        "driving exam": "driving test", "road test": "driving test", "drivers test": "driving test",
        "performance review": "review", "annual review": "review",
    ]

    /// Verbs of travelling to a place ("flying to Lagos"): the trip is the event.
    static let travelVerbs: Set<String> = ["flying", "fly", "flies", "off", "heading", "travelling", "traveling", "driving", "going", "visiting", "sailing"]

    /// People whose verdict reports how a visit to them went ("doc says it's fine").
    static let visitRoles: Set<String> = [
        "doctor", "dentist", "physio", "vet", "therapist", "consultant", "surgeon", "specialist", "optician", "nurse", "midwife",
        "cardiologist", "dermatologist", "orthodontist", "podiatrist", "hospital", "clinic", "hygienist", "gp", "doc",
    ]

    /// Single words spelt several ways, folded inside any label ("hip op" -> "hip operation").
    static let wordSynonyms: [String: String] = [
        "op": "operation", "appt": "appointment", "xray": "x-ray", "bbq": "barbecue", "check-up": "checkup",
        "exams": "exam", "vacation": "holiday", "jab": "vaccination", "vaccine": "vaccination", "tryouts": "tryout",
    ]

    /// Verbs of having an event ahead ("I've got", "is having", "booked").
    static let planVerbs: Set<String> = [
        "got", "have", "has", "having", "booked", "scheduled", "arranged", "organised", "organized", "planned", "planning",
        "is", "are", "am", "'s", "attending", "going", "off", "heading", "starts", "start", "starting", "flying", "hosting",
        "throwing", "sitting", "taking", "doing", "getting", "set", "due", "will", "coming", "on",
    ]
    /// Words that move an event to a new time.
    static let moveVerbs: Set<String> = [
        "moved", "rescheduled", "postponed", "pushed", "shifted", "changed", "bumped", "rebooked", "delayed", "put", "brought",
        "switched", "reschedule", "move", "moving",
    ]
    /// Words that cancel an event.
    static let cancelVerbs: Set<String> = ["cancelled", "canceled", "scrapped", "axed", "dropped", "cancel", "cancelling", "canceling", "scratched"]
    /// Past-tense verbs of having been to an event ("had my eye test", "did the interview").
    static let happenedVerbs: Set<String> = [
        "had", "did", "passed", "failed", "finished", "aced", "nailed", "smashed", "survived", "completed", "attended", "sat",
        "flunked", "bombed", "got",
    ]
    /// How an event went ("went fine", "was rough", "all clear").
    static let outcomes: Set<String> = [
        "fine", "well", "ok", "okay", "great", "brilliant", "badly", "terribly", "terrible", "awful", "good", "smoothly",
        "alright", "amazing", "fantastic", "excellent", "perfect", "perfectly", "clear", "rough", "horrible", "lovely",
        "wonderful", "disaster", "disastrous", "poorly", "normal", "fab", "grand", "superb", "bad", "worse", "better",
        "painless", "easy", "hard", "tough", "stressful", "fun", "nice", "successful", "brutal", "meh", "so-so", "crap",
        "healthy", "nightmare", "breeze", "quick", "smooth",
    ]
    /// Verbs of a competition's result ("the team won", "she lost in the final").
    static let resultVerbs: [String: String] = ["won": "won", "lost": "lost", "drew": "drew", "tied": "tied", "triumphed": "won"]
    /// Places after "came"/"finished" ("came second", "finished third").
    static let placings: Set<String> = ["first", "second", "third", "fourth", "fifth", "last", "top", "runner-up", "1st", "2nd", "3rd", "4th"]
    /// Nouns for the side someone plays in ("Eli's team won").
    static let teamNouns: Set<String> = ["team", "side", "squad", "club", "band", "choir", "crew", "lot"]
    /// The label of a reported result that names no event: it closes the owner's latest past event.
    static let resultLabel = "result"

    /// The label of a selection's result that names no event ("I got it!", "passed!"): it closes the
    /// owner's latest past event whose head is one of `selectionHeads`.
    static let selectionResultLabel = "selection result"
    /// Events a selection's result reports on: what one can get, pass or fail.
    static let selectionHeads: Set<String> = [
        "interview", "audition", "tryout", "tryouts", "application", "assessment", "exam", "test", "viva", "pitch",
        "hearing", "trial", "offer", "results", "review", "appraisal", "interviews", "exams", "screening",
    ]
    /// What "got the …" wins ("got the job", "got the part").
    static let selectionPrizes: Set<String> = [
        "job", "part", "role", "place", "offer", "promotion", "contract", "position", "scholarship", "grant", "flat",
        "house", "apartment", "lead", "spot", "gig",
    ]

    /// Past verbs that carry the outcome themselves ("passed my driving test").
    static let outcomeVerbs: [String: String] = [
        "passed": "passed", "failed": "failed", "aced": "aced", "nailed": "nailed", "smashed": "smashed", "flunked": "failed",
        "bombed": "bombed", "survived": "survived",
    ]
}
