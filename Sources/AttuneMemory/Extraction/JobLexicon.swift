/// Occupations, diets and medication names, for the fact rules.
enum JobLexicon {
    static let jobs: Set<String> = [
        "nurse", "midwife", "doctor", "surgeon", "dentist", "paramedic", "pharmacist", "physio", "physiotherapist", "therapist",
        "teacher", "lecturer", "professor", "tutor", "teaching", "assistant", "engineer", "developer", "programmer", "designer",
        "architect", "accountant", "lawyer", "solicitor", "barrister", "paralegal", "chef", "cook", "baker", "butcher", "barista",
        "bartender", "waiter", "waitress", "cleaner", "carer", "caregiver", "plumber", "electrician", "builder", "carpenter",
        "joiner", "mechanic", "driver", "pilot", "firefighter", "officer", "police", "policeman", "policewoman", "soldier",
        "manager", "director", "consultant", "analyst", "scientist", "researcher", "journalist", "writer", "editor", "author",
        "artist", "musician", "photographer", "actor", "actress", "student", "intern", "apprentice", "receptionist",
        "administrator", "admin", "secretary", "clerk", "cashier", "postman", "postwoman", "courier", "vet", "librarian",
        "hairdresser", "barber", "beautician", "optician", "optometrist", "radiographer", "sonographer", "midwife", "gp",
        "coach", "trainer", "instructor", "farmer", "gardener", "landscaper", "estate", "agent", "banker", "trader", "broker",
        "salesman", "saleswoman", "rep", "recruiter", "marketer", "planner", "surveyor", "technician", "tech", "coder",
        "volunteer", "childminder", "nanny", "babysitter", "retiree", "pensioner", "dispatcher", "porter", "dietitian",
        "nutritionist", "psychologist", "psychiatrist", "counsellor", "counselor", "social", "worker", "pastor", "vicar",
        "priest", "rabbi", "imam", "translator", "interpreter", "ceo", "cto", "founder", "freelancer", "contractor",
        "supervisor", "foreman", "lead", "lifeguard", "locksmith", "tiler", "painter", "decorator", "welder", "machinist",
        "dj", "producer", "animator", "illustrator", "copywriter", "tester", "sysadmin", "ux", "hygienist", "anaesthetist",
        "anesthetist", "radiologist", "cardiologist", "oncologist", "registrar", "resident", "medic", "hca", "nursery",
    ]
    /// Words that end job nouns ("-ist", "-ician", "-ologist", "-grapher").
    static let jobSuffixes: [String] = ["ologist", "ician", "grapher", "ographer", "iatrist", "ist", "eer"]

    static func isJob(_ word: String) -> Bool {
        if jobs.contains(word) { return true }
        guard word.count > 5 else { return false }
        return jobSuffixes.contains { word.hasSuffix($0) } && !["list", "mist", "twist", "wrist", "assist", "insist", "exist", "resist", "persist", "career"].contains(word)
    }

    /// Diet words after "is"/"am"/"went" to the value recorded.
    static let diets: [String: String] = [
        "vegetarian": "vegetarian", "vegan": "vegan", "pescatarian": "pescatarian", "pescetarian": "pescatarian",
        "coeliac": "coeliac", "celiac": "coeliac", "diabetic": "diabetic", "teetotal": "teetotal", "gluten-free": "gluten-free",
        "dairy-free": "dairy-free", "sober": "sober", "kosher": "kosher", "halal": "halal", "keto": "keto",
    ]

    /// Endings of common drug names (INN stems: -pril, -olol, -statin, -oxetine, ...).
    static let medicationStems: [String] = [
        "pril", "olol", "statin", "oxetine", "aline", "opram", "azepam", "zolam", "sartan", "dipine", "formin", "profen",
        "cillin", "mycin", "cycline", "azole", "prazole", "tidine", "triptan", "amol", "codeine", "thyroxine", "xine",
        "mab", "nib", "vir", "pam", "tine", "zine", "done", "barb",
    ]
    static let medicationNames: Set<String> = [
        "aspirin", "ibuprofen", "paracetamol", "tylenol", "advil", "insulin", "levothyroxine", "thyroxine", "prozac",
        "zoloft", "lexapro", "wellbutrin", "adderall", "ritalin", "lithium", "warfarin", "metformin", "inhaler", "ventolin",
        "steroids", "prednisolone", "prednisone", "hrt", "antibiotics", "antidepressants", "beta-blockers", "melatonin",
        "iron", "vitamin", "ozempic", "wegovy", "mounjaro", "naproxen", "gabapentin", "pregabalin", "tramadol",
    ]
    /// Words that say a clause is about medication, so an unknown word after "taking" is a drug name.
    static let medicationCues: Set<String> = ["mg", "pill", "pills", "tablet", "tablets", "medication", "meds", "dose", "prescribed", "prescription", "daily", "twice"]

    static func isMedication(_ word: String, clause: [String]) -> Bool {
        if medicationNames.contains(word) { return true }
        if word.count > 5, medicationStems.contains(where: { word.hasSuffix($0) }) { return true }
        return clause.contains { medicationCues.contains($0) } && !ExtractionLexicon.commonWords.contains(word) && word.first?.isLetter == true
    }
}
