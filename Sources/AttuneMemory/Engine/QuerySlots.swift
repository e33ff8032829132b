/// Which changeable values a question asks about, read from its wording, so recall can hand back
/// the current value of a slot and leave its superseded values out ("where does my sister live?"
/// asks the city; "which days do I go to the gym?" the gym's days; "when is the MRI?" the MRI's date).
/// The slot names are those the extractor writes (docs/MEMORY.md, "Updates").
struct QuerySlots: Equatable {
    /// Slot names asked about: "city", "employer", "job", "medication", "birthday", "manager" …
    var slots: Set<String> = []
    /// Content-word stems that name a routine ("gym", "bowling") or an event ("mri", "interview"):
    /// a "<label> days" slot or an event whose label shares one is asked about.
    var labels: Set<String> = []
    /// The question asks about a time or a date ("when", "what day", "which days", "what time").
    var asksWhen = false
    /// The question asks about the past values themselves ("where did she live before?"): nothing
    /// is left out then.
    var asksHistory = false

    var isEmpty: Bool { slots.isEmpty && !asksWhen }

    init(_ query: String) {
        let words = MemoryWords.words(query)
        let set = Set(words)
        func has(_ options: Set<String>) -> Bool { !set.isDisjoint(with: options) }
        if has(["live", "lives", "living", "lived", "based", "moved", "move", "moving", "stay", "stays"]) && has(["where", "city", "town"]) {
            slots.insert("city")
        }
        if has(["from"]) && has(["where"]) { slots.insert("hometown") }
        // "where do I work?", "who does she work for?", "what's my job?" (not "how do I get to work?").
        let work = has(["work", "works", "working", "employed"])
        if work && has(["where", "who"]) || work && has(["for"]) && !has(["do", "does"]) || has(["employer", "company"]) {
            slots.insert("employer")
        }
        if has(["job", "occupation", "profession"]) || (has(["work", "works", "working"]) && has(["what"]) && has(["do", "does"])) {
            slots.insert("job")
        }
        if has(["medication", "medicine", "meds", "pills", "tablets", "prescription", "prescribed"]) { slots.insert("medication") }
        if has(["birthday"]) { slots.insert("birthday") }
        // A relation asked about itself ("who is my manager?"), not one passed through on the way
        // to someone else ("my manager's dog").
        let lowered = query.lowercased().replacingOccurrences(of: "’", with: "'")
        func asked(_ relation: String) -> Bool { set.contains(relation) && !lowered.contains(relation + "'s") }
        if asked("boss") || asked("manager") { slots.insert("manager") }
        for relation in RelationLexicon.singleValued where asked(relation) { slots.insert(relation) }
        if let index = words.firstIndex(where: { $0 == "favourite" || $0 == "favorite" }), index + 1 < words.count {
            slots.insert("favourite " + words[index + 1])
        }
        asksWhen = has(["when", "days", "day", "night", "nights", "time", "date", "often"])
        asksHistory = has(["before", "previously", "used", "originally", "former", "formerly", "old", "earlier", "first"])
        labels = Set(MemoryWords.contentWords(query).map(MemoryWords.stem))
    }

    /// Whether a record's slot, or its event, is what the question asks about.
    func asks(about record: (slot: String?, eventLabel: String?)) -> Bool {
        if let slot = record.slot {
            if slots.contains(slot) { return true }
            if asksWhen, slot.hasSuffix(" days") {
                return !labels.isDisjoint(with: MemoryWords.words(String(slot.dropLast(5))).map(MemoryWords.stem))
            }
            return false
        }
        if asksWhen, let label = record.eventLabel {
            return !labels.isDisjoint(with: MemoryWords.contentWords(label).map(MemoryWords.stem))
        }
        return false
    }
}
