/// The words for how people and pets relate to someone, with their canonical forms.
///
/// Canonical forms are what `EntityMention.relation` holds, so "my dad", "my father" and "Mel's pop" meet
/// at one key. All partners (wife, husband, boyfriend, girlfriend, fiancé, spouse) are "partner": a query
/// about "my husband" and a statement about "my partner" are the same person far more often than not.
enum RelationLexicon {
    /// One-word relation nouns (singular and plural) to their canonical form.
    static let people: [String: String] = {
        var table: [String: String] = [:]
        let groups: [(String, [String])] = [
            ("father", ["dad", "father", "pop", "pops", "papa", "daddy", "da", "pa", "stepdad", "stepfather"]),
            ("mother", ["mum", "mom", "mother", "mummy", "mommy", "mam", "mama", "momma", "ma", "stepmum", "stepmom", "stepmother"]),
            ("parent", ["parent", "parents", "folks"]),
            ("sister", ["sister", "sis", "stepsister", "half-sister"]),
            ("brother", ["brother", "bro", "stepbrother", "half-brother"]),
            ("sibling", ["sibling", "siblings"]),
            ("son", ["son", "stepson"]),
            ("daughter", ["daughter", "stepdaughter"]),
            ("child", ["kid", "kids", "child", "children"]),
            ("grandmother", ["grandma", "gran", "granny", "nan", "nana", "nanna", "nanny", "grandmother", "grandmom", "grandmum"]),
            ("grandfather", ["grandpa", "grandad", "granddad", "gramps", "grandfather", "grampa", "grandpop"]),
            ("grandson", ["grandson"]), ("granddaughter", ["granddaughter"]), ("grandchild", ["grandchild", "grandkid", "grandkids", "grandchildren"]),
            ("aunt", ["aunt", "auntie", "aunty"]), ("uncle", ["uncle"]), ("cousin", ["cousin", "cuz"]),
            ("niece", ["niece"]), ("nephew", ["nephew"]),
            ("father-in-law", ["father-in-law"]), ("mother-in-law", ["mother-in-law"]),
            ("sister-in-law", ["sister-in-law"]), ("brother-in-law", ["brother-in-law"]),
            ("son-in-law", ["son-in-law"]), ("daughter-in-law", ["daughter-in-law"]),
            ("partner", ["partner", "wife", "husband", "spouse", "boyfriend", "girlfriend", "bf", "gf", "fiance", "fiancee", "fiancé", "fiancée", "hubby", "missus", "wifey"]),
            ("ex-partner", ["ex", "ex-wife", "ex-husband", "ex-boyfriend", "ex-girlfriend", "ex-partner"]),
            ("flatmate", ["flatmate", "roommate", "roomate", "roomates", "roommates", "flatmates", "housemates", "housemate", "roomie", "room-mate", "flat-mate", "house-mate"]),
            ("manager", ["manager", "boss", "supervisor", "line-manager"]),
            ("colleague", ["colleague", "coworker", "co-worker", "workmate", "teammate"]),
            ("neighbour", ["neighbour", "neighbor", "neighbours", "neighbors"]),
            ("friend", ["friend", "mate", "pal", "buddy", "bestie", "bff", "friends"]),
            ("doctor", ["doctor", "gp", "doc", "physician"]),
            ("dentist", ["dentist"]), ("therapist", ["therapist", "counsellor", "counselor"]), ("physio", ["physio", "physiotherapist"]),
            ("vet", ["vet"]), ("coach", ["coach", "trainer"]), ("teacher", ["teacher", "tutor"]),
            ("godmother", ["godmother"]), ("godfather", ["godfather"]), ("landlord", ["landlord", "landlady"]),
            ("babysitter", ["babysitter", "nanny-sitter", "childminder"]), ("mentor", ["mentor"]),
        ]
        for (canonical, words) in groups {
            for word in words { table[word] = canonical }
        }
        return table
    }()

    /// Two-word relations, keyed by "first second" ("line manager", "best friend", "other half").
    static let twoWord: [String: String] = [
        "line manager": "manager", "team lead": "manager", "team leader": "manager", "best friend": "friend",
        "best mate": "friend", "other half": "partner", "step dad": "father", "step mum": "mother", "step mom": "mother",
        "personal trainer": "coach", "class teacher": "teacher", "head teacher": "teacher", "family doctor": "doctor",
        "ex wife": "ex-partner", "ex husband": "ex-partner", "ex boyfriend": "ex-partner", "ex girlfriend": "ex-partner",
        "god mother": "godmother", "god father": "godfather", "little one": "child",
    ]

    /// "father in law" written as three words.
    static let inLawHeads: [String: String] = [
        "father": "father-in-law", "mother": "mother-in-law", "sister": "sister-in-law", "brother": "brother-in-law",
        "son": "son-in-law", "daughter": "daughter-in-law", "dad": "father-in-law", "mum": "mother-in-law", "mom": "mother-in-law",
    ]

    /// Pet nouns and dog breeds to the pet relation ("beagle" is a "dog").
    static let pets: [String: String] = {
        var table: [String: String] = [:]
        let groups: [(String, [String])] = [
            ("cat", ["cat", "kitten", "kitty", "cats", "kittens"]),
            ("dog", ["dog", "puppy", "pup", "dogs", "doggo", "beagle", "labrador", "lab", "spaniel", "terrier", "poodle", "collie",
                     "retriever", "dachshund", "pug", "husky", "greyhound", "whippet", "corgi", "schnauzer", "cockapoo", "labradoodle",
                     "sheepdog", "chihuahua", "boxer", "bulldog", "rottweiler", "shepherd", "lurcher", "staffie", "staffy"]),
            ("rabbit", ["rabbit", "bunny", "rabbits"]), ("hamster", ["hamster"]), ("guinea pig", ["guinea-pig"]),
            ("parrot", ["parrot"]), ("budgie", ["budgie", "parakeet"]), ("tortoise", ["tortoise"]), ("turtle", ["turtle"]),
            ("fish", ["goldfish", "fish"]), ("horse", ["horse", "pony"]), ("lizard", ["lizard", "gecko"]), ("snake", ["snake"]),
            ("ferret", ["ferret"]), ("chicken", ["chickens", "hen", "hens"]), ("rat", ["rat"]), ("mouse", ["mouse"]),
        ]
        for (canonical, words) in groups {
            for word in words { table[word] = canonical }
        }
        return table
    }()

    /// Words before a relation that do not change it ("my new line manager", "my little sister").
    static let modifiers: Set<String> = [
        "new", "old", "older", "oldest", "younger", "youngest", "little", "big", "baby", "twin", "eldest", "elder", "dear",
        "late", "lovely", "favourite", "favorite", "current", "former", "first", "second", "third", "middle", "only", "step",
        "real", "own", "poor", "sweet", "kid", "darling", "wee", "awesome", "amazing", "two", "three", "grumpy",
        // Pet colours and breed words before the breed noun ("golden retriever", "ginger tom", "border collie").
        "golden", "german", "border", "jack", "cocker", "springer", "french", "english", "rescue", "ginger", "black", "white",
        "tabby", "fluffy", "grey", "gray", "brown", "tortoiseshell", "siamese", "persian", "bengal", "miniature", "mini",
        "toy", "pet", "family", "crazy", "naughty", "lazy", "elderly", "senior",
    ]

    /// Relations a person has one of at a time: a new one supersedes the old.
    static let singleValued: Set<String> = ["manager", "partner", "doctor", "dentist", "therapist", "landlord", "coach", "physio"]

    /// In-law relations as the chain a query should follow (the relation a partner's parent or sibling has).
    static let derivedChains: [String: [String]] = [
        "father-in-law": ["partner", "father"], "mother-in-law": ["partner", "mother"],
        "brother-in-law": ["partner", "brother"], "sister-in-law": ["partner", "sister"],
        "son-in-law": ["daughter", "partner"], "daughter-in-law": ["son", "partner"],
    ]
}

extension RelationLexicon {
    /// Kinship words people use as names without "my" ("Dad's check-up", "Mum rang"), to the relation.
    static let kinTitles: [String: String] = [
        "aunt": "aunt", "auntie": "aunt", "aunty": "aunt", "uncle": "uncle", "cousin": "cousin", "grandma": "grandmother",
        "granny": "grandmother", "gran": "grandmother", "nan": "grandmother", "nana": "grandmother", "nanna": "grandmother",
        "grandpa": "grandfather", "grandad": "grandfather", "granddad": "grandfather", "great-aunt": "great-aunt",
        "great-uncle": "great-uncle",
    ]
    static let bareKin: [String: String] = [
        "dad": "father", "mum": "mother", "mom": "mother", "mam": "mother", "mummy": "mother", "mommy": "mother",
        "daddy": "father", "nan": "grandmother", "nana": "grandmother", "nanna": "grandmother", "grandma": "grandmother",
        "gran": "grandmother", "granny": "grandmother", "grandpa": "grandfather", "grandad": "grandfather",
        "granddad": "grandfather", "gramps": "grandfather", "papa": "father", "mama": "mother", "doc": "doctor",
    ]
}
