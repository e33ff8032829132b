/// Words that tell what a capitalised name is.
enum NameLexicon {
    /// Last words of place names ("Gloucester Road", "Trillium Lake", "Door County").
    static let placeHeads: Set<String> = [
        "road", "street", "st", "avenue", "ave", "lane", "drive", "close", "crescent", "way", "square", "park", "lake", "river",
        "county", "valley", "hill", "hills", "mountain", "mountains", "beach", "bay", "island", "islands", "city", "town",
        "village", "heights", "gardens", "green", "common", "station", "airport", "bridge", "market", "centre", "center",
        "mall", "arena", "stadium", "field", "fields", "forest", "woods", "falls", "point", "harbour", "harbor", "pier",
    ]
    /// Last words of organisation names ("Halden Logistics", "Acme Labs", "St Mary's Hospital").
    static let organisationHeads: Set<String> = [
        "logistics", "ltd", "limited", "inc", "llc", "plc", "labs", "lab", "bank", "group", "council", "university", "college",
        "school", "academy", "hospital", "clinic", "surgery", "practice", "institute", "foundation", "trust", "agency",
        "solutions", "systems", "technologies", "tech", "software", "media", "studios", "studio", "partners", "associates",
        "energy", "insurance", "airlines", "airways", "motors", "foods", "pharmacy", "library", "museum", "church", "club",
        "gym", "lanes", "services", "consulting", "health", "care", "network", "corporation", "corp", "company", "co",
        "sportswear", "bakery", "cafe", "café", "restaurant", "hotel", "office", "department", "ministry", "nhs",
    ]
    /// Irregular past verbs that follow a sentence-initial name ("Southmead rang", "Ana went").
    static let pastVerbs: Set<String> = [
        "rang", "said", "went", "came", "got", "took", "made", "told", "left", "saw", "met", "had", "gave", "sent", "found",
        "felt", "knew", "thought", "brought", "bought", "won", "lost", "ran", "wrote", "drove", "flew", "sat", "broke", "fell",
        "became", "began", "kept", "paid", "sold", "swam", "rode", "spoke", "woke", "slept", "texted", "called", "moved",
        "lives", "works", "loves", "hates", "starts", "turns", "needs", "wants", "thinks", "plays", "says",
    ]
}
