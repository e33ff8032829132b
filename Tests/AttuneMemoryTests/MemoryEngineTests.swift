@testable import AttuneMemory
import AttuneStore
import Foundation
import Testing

/// The engine end to end on a real encrypted store with the real embedder: updates, multi-hop,
/// time, abstention, the event lifecycle, forgetting, and that recall only reads.
@Suite(.serialized) struct MemoryEngineTests {
    @Test func wordsCommonInALargeStoreMustAppearTogether() throws {
        let box = try MemorySandbox()
        defer { box.remove() }
        let store = box.engine.store
        try store.add([MemorySandbox.utterance("my sister might live in Porto", at: 1_000)])
        #expect(try box.engine.wordQuery(["sister", "live"]) == .init(anyOf: ["sister", "live"], allOf: [], statementWords: ["sister", "live"]),
                "a small store ranks every match")
        // 600 utterances with "sister", 400 with "live", 3 with both, 2 with "kiln". This engine
        // was opened on the empty store, so it counts no utterance and leaves no word out.
        try Self.fillWithSisters(store)
        #expect(try store.itemTextMatchCount(words: ["sister", "live"]) == 1003)
        let both = try box.engine.wordQuery(["sister", "live"])
        #expect(both.anyOf.isEmpty && both.allOf == ["sister", "live"] && both.everywhere.isEmpty)
        let together = try store.searchItemText(anyOf: both.anyOf, allOf: both.allOf, upToMs: nil, limit: 40)
        #expect(together.count == 3, "only the utterances with both words: \(together.count)")
        // A rare word stays an alternative; a lone common word beside it is dropped.
        #expect(try box.engine.wordQuery(["sister", "kiln"]).anyOf == ["kiln"])
        #expect(try box.engine.wordQuery(["sister", "kiln"]).allOf == [])
        let three = try box.engine.wordQuery(["sister", "live", "kiln"])
        #expect(three.anyOf == ["kiln"] && three.allOf == ["sister", "live"] && three.statementWords == ["sister", "live", "kiln"])
        #expect(try store.searchItemText(anyOf: ["kiln"], allOf: ["sister", "live"], upToMs: 4_000, limit: 40).count == 2)
        #expect(try box.engine.wordQuery(["sister"]).anyOf == ["sister"], "one word is asked as it is")
    }

    /// Fills `store` with 1,004 utterances: 602 with "sister", 402 with "live" (2 with both), 2 with "kiln".
    static func fillWithSisters(_ store: EncryptedStore) throws {
        try store.add((0..<600).map { MemorySandbox.utterance("my sister called on day \($0)", at: 2_000 + Int64($0)) })
        try store.add((0..<400).map { MemorySandbox.utterance("we could live by the sea, plan \($0)", at: 3_000 + Int64($0)) })
        try store.add([MemorySandbox.utterance("my sister wants to live in Leeds", at: 4_000), MemorySandbox.utterance("sister says they live well", at: 4_001)])
        try store.add([MemorySandbox.utterance("the kiln is hot", at: 5_000), MemorySandbox.utterance("kiln day", at: 5_001)])
    }

    @Test func aWordInHalfTheUtterancesIsLeftOutOfTheRankedSearches() throws {
        let box = try MemorySandbox()
        defer { box.remove() }
        let store = box.engine.store
        try store.add([MemorySandbox.utterance("my sister might live in Porto", at: 1_000)])
        try Self.fillWithSisters(store)
        // FTS5 gives "sister" (in 603 of 1,005 utterances) no weight, "live" (403) a real one.
        #expect(try store.searchItemText(words: ["sister"], upToMs: nil, limit: 5).allSatisfy { $0.score < 1e-5 })
        #expect(try store.searchItemText(words: ["live"], upToMs: nil, limit: 5).allSatisfy { $0.score > 0.1 })
        let engine = try box.reopened()
        #expect(try engine.wordQuery(["sister", "live", "kiln"])
            == .init(anyOf: ["kiln"], allOf: [], statementWords: ["live", "kiln"], everywhere: ["sister"]))
        #expect(try engine.wordQuery(["sister", "live"]) == .init(anyOf: [], allOf: ["live"], statementWords: ["live"], everywhere: ["sister"]))
        // Recall still finds the utterances with the words that weigh something.
        let answer = try engine.recall("my sister and the kiln", atMs: 10_000, speaker: "sam")
        #expect(answer.results.prefix(2).allSatisfy { $0.source.text.contains("kiln") }, "\(MemorySandbox.top(answer))")
        // Forgetting 250 of the sister utterances leaves "sister" in 353 of 755 (it weighs again)
        // and "live" in 403 of them (it no longer does): the census counts again.
        let sisters = try store.latestItemIDs(matchingAnyOf: ["called"], upToMs: nil, limit: 250)
        #expect(try engine.forget(ids: sisters).count == 250)
        #expect(try engine.wordQuery(["sister", "live", "kiln"])
            == .init(anyOf: ["kiln"], allOf: [], statementWords: ["sister", "kiln"], everywhere: ["live"]))
    }

    @Test func aNewValueSupersedesTheOldAndRecallPrefersIt() throws {
        let box = try MemorySandbox()
        defer { box.remove() }
        let outcomes = try box.tell([
            ("2025-01-06T09:00:00Z", "sam", "My sister Ffion lives in Exeter."),
            ("2025-01-07T09:00:00Z", "sam", "I had porridge for breakfast."),
            ("2025-01-20T09:00:00Z", "sam", "Ffion has moved to Cardiff now."),
        ])
        #expect(outcomes[2].superseded.map(\.statement).contains { $0.lowercased().contains("exeter") }, "\(outcomes[2])")
        let answer = try box.engine.recall("where does my sister live?", atMs: MemorySandbox.ms("2025-02-01T12:00:00Z"), speaker: "sam")
        #expect(answer.confident)
        #expect(answer.results.first?.source.text.contains("Cardiff") == true, "\(answer.results)")
        #expect(!answer.results.contains { $0.source.text.contains("Exeter") }, "the replaced value is left out: \(answer.results)")
        // Asked about the past, the old value is there, marked as replaced.
        let history = try box.engine.recall("where did my sister live before?", atMs: MemorySandbox.ms("2025-02-01T12:00:00Z"), speaker: "sam")
        let old = try #require(history.results.first { $0.source.text.contains("Exeter") })
        #expect(!old.current && old.why.contains("superseded by a newer value"))
        // Asked before the move, the old value is the current one.
        let earlier = try box.engine.recall("where does my sister live?", atMs: MemorySandbox.ms("2025-01-10T12:00:00Z"), speaker: "sam")
        #expect(earlier.results.first?.source.text.contains("Exeter") == true && earlier.results.first?.current == true)
    }

    @Test func aShortPlaceUpdateSupersedesTheSpeakersCity() throws {
        let box = try MemorySandbox()
        defer { box.remove() }
        let outcomes = try box.tell([
            ("2025-01-06T09:00:00Z", "sam", "I live in York these days."),
            ("2025-03-03T09:00:00Z", "sam", "Packed up and moved. Norwich now, closer to work."),
        ])
        #expect(outcomes[1].superseded.map(\.statement).contains { $0.lowercased().contains("york") }, "\(outcomes[1])")
        let answer = try box.engine.recall("which city do I live in?", atMs: MemorySandbox.ms("2025-03-10T12:00:00Z"), speaker: "sam")
        #expect(answer.results.first?.source.text.contains("Norwich") == true && answer.results.first?.current == true, "\(answer.results)")
        #expect(!answer.results.contains { $0.source.text.contains("York") }, "\(answer.results)")
    }

    @Test func theAssistantsRepeatOfAReplacedValueIsLeftOutToo() throws {
        let box = try MemorySandbox()
        defer { box.remove() }
        let outcomes = try box.tell([
            ("2025-01-06T09:00:00Z", "sam", "I go to the gym Mondays and Thursdays before work"),
            ("2025-01-06T09:00:05Z", "assistant", "Noted: gym on Mondays and Thursdays."),
            ("2025-01-27T09:00:00Z", "sam", "from now on the gym is Tuesday and Saturday mornings"),
        ])
        #expect(!outcomes[2].superseded.isEmpty, "\(outcomes[2])")
        let answer = try box.engine.recall("which days do I go to the gym?", atMs: MemorySandbox.ms("2025-02-01T12:00:00Z"), speaker: "sam")
        #expect(answer.confident)
        #expect(answer.results.first?.source.text.contains("Tuesday") == true)
        #expect(answer.results.first?.why.contains { $0.hasPrefix("holds the current") } == true, "\(answer.results.first?.why ?? [])")
        #expect(!answer.results.contains { $0.source.text.contains("Monday") }, "\(answer.results.map(\.source.text))")
    }

    @Test func aRelationChainReachesTheNamedPerson() throws {
        let box = try MemorySandbox()
        defer { box.remove() }
        try box.tell([
            ("2025-03-03T08:00:00Z", "priya", "My new line manager is called Bea."),
            ("2025-03-04T08:00:00Z", "priya", "Bea's dog Biscuit ate a whole sock yesterday lol"),
            ("2025-03-05T08:00:00Z", "priya", "The weather has been grim all week."),
        ])
        let answer = try box.engine.recall("what happened to my manager's dog?", atMs: MemorySandbox.ms("2025-03-06T08:00:00Z"), speaker: "priya")
        #expect(answer.confident)
        #expect(MemorySandbox.top(answer, 1).first?.contains("sock") == true, "\(answer.results)")
    }

    @Test func ourChildOnASharedDeviceIsEitherSpeakersChild() throws {
        let box = try MemorySandbox()
        defer { box.remove() }
        try box.tell([
            ("2024-09-03T08:00:00Z", "mel", "our daughter Maya has soccer practice Tuesdays at 5, her coach is Dee Alvarez"),
            ("2024-09-03T09:00:00Z", "jordan", "night shift again, so tired"),
        ])
        let answer = try box.engine.recall("who coaches our daughter?", atMs: MemorySandbox.ms("2024-09-05T08:00:00Z"), speaker: "jordan")
        #expect(answer.unknown.isEmpty && answer.confident, "\(answer)")
        #expect(MemorySandbox.top(answer, 1).first?.contains("dee") == true)
        let mine = try box.engine.recall("who coaches my son?", atMs: MemorySandbox.ms("2024-09-05T08:00:00Z"), speaker: "jordan")
        #expect(mine.unknown == ["my son"] && !mine.confident)
    }

    @Test func hisInTheNextTurnIsThePersonJustNamed() throws {
        let box = try MemorySandbox()
        defer { box.remove() }
        try box.tell([
            ("2026-03-04T19:47:05Z", "priya", "my boyfriend Theo made dal tonight and it was actually amazing"),
            ("2026-03-04T19:47:10Z", "assistant", "That sounds lovely."),
            ("2026-03-04T19:48:30Z", "priya", "his mom Gail's recipe, she lives up in Milwaukee and sends us spices lol"),
            // An hour later "his" no longer reaches back to Theo.
            ("2026-03-04T21:00:00Z", "priya", "his sister Ruth is a vet"),
        ])
        let at = MemorySandbox.ms("2026-03-05T08:00:00Z")
        let answer = try box.engine.recall("where does my boyfriend's mother live?", atMs: at, speaker: "priya")
        #expect(answer.confident && MemorySandbox.top(answer, 1).first?.contains("milwaukee") == true, "\(answer)")
        #expect(try box.engine.recall("what does my boyfriend's sister do?", atMs: at, speaker: "priya").unknown == ["my boyfriend's sister"])
    }

    @Test func aNearMissIsNotConfident() throws {
        let box = try MemorySandbox()
        defer { box.remove() }
        try box.tell([
            ("2025-03-03T08:00:00Z", "walt", "My cat Miso caught a mouse last night."),
            ("2025-03-04T08:00:00Z", "walt", "Maya's coach is called Dee."),
        ])
        let at = MemorySandbox.ms("2025-03-06T08:00:00Z")
        #expect(try !box.engine.recall("what's my dog called?", atMs: at, speaker: "walt").confident)
        #expect(try !box.engine.recall("what's Noah's coach called?", atMs: at, speaker: "walt").confident)
        #expect(try box.engine.recall("what's my cat called?", atMs: at, speaker: "walt").confident)
        #expect(try box.engine.recall("what is Maya's coach called?", atMs: at, speaker: "walt").confident)
        try box.tell([("2025-03-05T08:00:00Z", "walt", "Grandson Eli plays hockey, goalie. His coach is a fella named Briggs.")])
        let later = MemorySandbox.ms("2025-03-06T09:00:00Z")
        let baseball = try box.engine.recall("who coaches Eli's baseball team?", atMs: later, speaker: "walt")
        #expect(baseball.unknown == ["eli's baseball"] && !baseball.confident, "\(baseball)")
        #expect(try box.engine.recall("who coaches Eli's hockey team?", atMs: later, speaker: "walt").confident)
    }

    @Test func aTimeInTheQueryFindsWhatHappenedThen() throws {
        let box = try MemorySandbox()
        defer { box.remove() }
        try box.tell([
            ("2025-01-11T18:00:00Z", "sam", "went bouldering with Idris today, shoulders are wrecked"),  // a Saturday
            ("2025-01-13T18:00:00Z", "sam", "cooked a massive lasagne tonight"),
            ("2025-01-15T18:00:00Z", "sam", "watched a film about bees"),
        ])
        let answer = try box.engine.recall("what did I do on Saturday?", atMs: MemorySandbox.ms("2025-01-16T09:00:00Z"), speaker: "sam")
        #expect(answer.confident)
        #expect(MemorySandbox.top(answer, 1).first?.contains("bouldering") == true, "\(answer.results)")
        #expect(answer.results.first?.why.contains("at the time asked about") == true)
    }

    @Test func followUpsFollowTheEventsLifecycle() throws {
        let box = try MemorySandbox()
        defer { box.remove() }
        let engine = box.engine
        try box.tell([("2025-01-13T08:00:00Z", "sam", "I've got an eye test on Thursday at 10.")])  // Thursday 16 Jan
        #expect(try engine.followups(atMs: MemorySandbox.ms("2025-01-15T09:00:00Z")).followups.isEmpty, "not yet: it is ahead")
        let due = try engine.followups(atMs: MemorySandbox.ms("2025-01-17T09:00:00Z")).followups
        #expect(due.count == 1 && due[0].question.lowercased().contains("eye test") && due[0].eventTime == "2025-01-16T10:00:00Z", "\(due)")

        try box.tell([("2025-01-15T08:00:00Z", "sam", "the eye test got moved to Monday")])  // Monday 20 Jan
        #expect(try engine.followups(atMs: MemorySandbox.ms("2025-01-17T09:00:00Z")).followups.isEmpty, "moved: not due on the old date")
        let moved = try engine.followups(atMs: MemorySandbox.ms("2025-01-21T09:00:00Z")).followups
        #expect(moved.first?.eventTime?.hasPrefix("2025-01-20") == true, "\(moved)")

        try box.tell([("2025-01-20T16:00:00Z", "sam", "eye test went fine, no new glasses needed")])
        #expect(try engine.followups(atMs: MemorySandbox.ms("2025-01-21T09:00:00Z")).followups.isEmpty, "reported: nothing to ask")
    }

    @Test func anEventSaidOfDadAndOfRonIsOneEvent() throws {
        let box = try MemorySandbox()
        defer { box.remove() }
        try box.tell([
            ("2024-09-05T08:00:00Z", "mel", "my dad Ron is having his hip replaced on the 17th at Providence St Vincent"),
            ("2024-09-12T08:00:00Z", "mel", "the hospital moved Dad's hip replacement to October 1st, the surgeon got sick"),
        ])
        #expect(try box.engine.followups(atMs: MemorySandbox.ms("2024-09-18T09:00:00Z")).followups.isEmpty, "moved away from the 17th")
        let due = try box.engine.followups(atMs: MemorySandbox.ms("2024-10-02T09:00:00Z")).followups
        #expect(due.count == 1 && due[0].question == "How did Ron's hip replacement go?" && due[0].eventTime?.hasPrefix("2024-10-01") == true, "\(due)")
        try box.tell([("2024-10-02T10:00:00Z", "mel", "Dad's surgery went well yesterday! he's already complaining about the hospital jello")])
        #expect(try box.engine.followups(atMs: MemorySandbox.ms("2024-10-02T12:00:00Z")).followups.isEmpty, "reported under another name")
    }

    @Test func itInATurnThatNamesTheEventIsThatEvent() throws {
        let box = try MemorySandbox()
        defer { box.remove() }
        try box.tell([
            ("2025-01-08T19:05:02Z", "sam", "the MRI on my knee is booked for the 21st, twenty to eleven, at Southmead"),
            ("2025-01-15T20:14:31Z", "sam", "got a hearing about the parking fine appeal on Thursday the 23rd at 2"),
            ("2025-01-17T12:30:10Z", "sam", "Southmead rang, they've pushed the MRI back a week to Tuesday 28th, same time"),
            ("2025-01-22T08:05:33Z", "sam", "dreading this parking appeal tomorrow. don't bring it up again afterwards, whatever happens"),
        ])
        let due = try box.engine.followups(atMs: MemorySandbox.ms("2025-01-24T09:00:00Z")).followups
        #expect(!due.contains { $0.source.text.lowercased().contains("appeal") }, "put off limits: \(due)")
        let mri = try box.engine.followups(atMs: MemorySandbox.ms("2025-01-29T09:00:00Z")).followups
        #expect(mri.map(\.event) == ["mri"] && mri.first?.eventTime == "2025-01-28T10:40:00Z", "moved to Tuesday 28th, same time: \(mri)")
        #expect(try box.engine.followups(atMs: MemorySandbox.ms("2025-01-28T15:00:00Z")).followups.map(\.event) == ["mri"], "due once the hour is over")
    }

    @Test func aRoutineNamedMoreOrLessFullyIsOneRoutine() throws {
        let box = try MemorySandbox()
        defer { box.remove() }
        try box.tell([
            ("2024-09-03T08:00:00Z", "mel", "our daughter Maya has soccer practice Tuesdays and Thursdays at 5"),
            ("2024-10-01T08:00:00Z", "jordan", "Maya's practice is moving to Mondays and Wednesdays starting this week"),
        ])
        let answer = try box.engine.recall("which days is Maya's soccer practice?", atMs: MemorySandbox.ms("2024-10-05T08:00:00Z"), speaker: "mel")
        #expect(answer.results.first?.source.text.contains("Mondays") == true, "\(answer.results)")
        #expect(!answer.results.prefix(3).contains { $0.source.text.contains("Tuesdays") })
    }

    @Test func aCancelledOrOffLimitsEventIsNotAskedAbout() throws {
        let box = try MemorySandbox()
        defer { box.remove() }
        try box.tell([
            ("2025-02-03T08:00:00Z", "mel", "I have a job interview at Northwind on Wednesday at 2."),
            ("2025-02-03T08:05:00Z", "mel", "Dinner with Ron on Thursday evening."),
            ("2025-02-04T08:00:00Z", "mel", "please don't ask me about the interview, I'm dreading it"),
            ("2025-02-04T09:00:00Z", "mel", "dinner with Ron is cancelled, he's ill"),
        ])
        #expect(try box.engine.followups(atMs: MemorySandbox.ms("2025-02-08T09:00:00Z")).followups.isEmpty)
        try box.tell([("2025-02-09T08:00:00Z", "mel", "you can ask me about the interview again")])
        let again = try box.engine.followups(atMs: MemorySandbox.ms("2025-02-09T09:00:00Z")).followups
        #expect(again.map { $0.question.lowercased() }.contains { $0.contains("interview") }, "\(again)")
    }

    @Test func forgettingTheLastTurnTakesOnlyThatTurn() throws {
        let box = try MemorySandbox()
        defer { box.remove() }
        try box.tell([
            ("2025-05-10T18:00:00Z", "tomas", "my bike lock code is 3829"),
            ("2025-05-10T18:00:04Z", "assistant", "Noted: your bike lock code is 3829."),
        ])
        let scratched = try box.tell([("2025-05-10T18:00:30Z", "tomas", "scratch that")])[0]
        #expect(Set(scratched.forgot.map(\.text)) == ["my bike lock code is 3829", "Noted: your bike lock code is 3829."], "\(scratched.forgot)")
        try box.tell([
            ("2025-05-10T18:02:00Z", "tomas", "my niece Carys starts nursery on Monday"),
            ("2025-05-10T18:03:00Z", "tomas", "my landlord is raising the rent in June"),
        ])
        let unsaid = try box.tell([("2025-05-10T18:03:20Z", "tomas", "forget what I just said")])[0]
        #expect(unsaid.forgot.map(\.text) == ["my landlord is raising the rent in June"], "only the turn just before: \(unsaid.forgot)")
        let answer = try box.engine.recall("when does Carys start nursery?", atMs: MemorySandbox.ms("2025-05-11T08:00:00Z"), speaker: "tomas")
        #expect(answer.confident && answer.results.first?.source.text.contains("Carys") == true, "the earlier turn stays")
        // Long after the last turn, "scratch that" has nothing to take.
        let late = try box.tell([("2025-05-10T19:00:00Z", "tomas", "scratch that")])[0]
        #expect(late.forgot.isEmpty, "\(late.forgot)")
    }

    @Test func forgettingReachesEveryCopyAndLeavesNoPlaintext() throws {
        let box = try MemorySandbox()
        defer { box.remove() }
        try box.tell([
            ("2025-02-01T08:00:00Z", "sam", "my old flatmate Dan still owes me £640 from the Riga trip"),
            ("2025-02-01T08:00:05Z", "assistant", "Noted: Dan owes you £640 from Riga."),
            ("2025-02-01T08:01:00Z", "sam", "my sister Ffion is visiting on Sunday"),
        ])
        let outcome = try box.tell([("2025-02-02T08:00:00Z", "sam", "please forget what I told you about my old flatmate Dan")])[0]
        #expect(outcome.forgot.count == 2, "the turn and the assistant's repeat: \(outcome.forgot)")
        let answer = try box.engine.recall("how much does Dan owe me?", atMs: MemorySandbox.ms("2025-02-03T08:00:00Z"), speaker: "sam")
        #expect(!answer.results.contains { $0.source.text.contains("640") || $0.source.text.contains("Riga") })
        #expect(try box.engine.recall("who is visiting on Sunday?", atMs: MemorySandbox.ms("2025-02-03T08:00:00Z"), speaker: "sam").confident)
        try box.engine.store.close()
        let pages = try box.plaintextPages()
        #expect(pages.contains(text: "Ffion"), "the check can see plaintext")
        #expect(!pages.contains(text: "Riga") && !pages.contains(text: "640"))
    }

    @Test func forgettingReachesWhatWasSaidWithoutTheName() throws {
        let box = try MemorySandbox()
        defer { box.remove() }
        try box.tell([
            ("2025-01-10T21:16:40Z", "sam", "my old flatmate Dan still owes me £640 from the Zanzibar trip"),
            ("2025-01-10T21:16:46Z", "assistant", "That's frustrating."),
            ("2025-01-10T21:17:10Z", "sam", "nah. his stag do is in Riga on Saturday the 15th of Feb and I said I'd go"),
            ("2025-01-11T09:00:00Z", "mel", "Dan from the bakery gave me a free loaf"),
            ("2024-09-07T10:02:31Z", "jordan", "whats the wifi password again, my phone forgot it"),
            ("2024-09-07T10:02:34Z", "assistant", "I don't have it stored."),
            ("2024-09-07T10:03:12Z", "jordan", "its tangerine-owl-42, save it for next time"),
            ("2024-09-07T10:05:00Z", "jordan", "its raining again"),
        ])
        let dan = try box.tell([("2025-01-17T12:31:44Z", "sam", "please forget what I told you about my old flatmate Dan")])[0]
        #expect(Set(dan.forgot.map(\.text)) == ["my old flatmate Dan still owes me £640 from the Zanzibar trip",
                                                "nah. his stag do is in Riga on Saturday the 15th of Feb and I said I'd go"],
                "sam's turns about Dan, not Mel's: \(dan.forgot)")
        let wifi = try box.tell([("2024-09-07T10:20:48Z", "jordan", "on second thought forget the wifi password I gave you")])[0]
        #expect(Set(wifi.forgot.map(\.text)) == ["whats the wifi password again, my phone forgot it", "its tangerine-owl-42, save it for next time"],
                "the answer that gave the secret goes with the question, the next remark stays: \(wifi.forgot)")
    }

    @Test func recallAndFollowUpsOnlyRead() throws {
        let box = try MemorySandbox()
        defer { box.remove() }
        try box.tell([("2025-01-13T08:00:00Z", "sam", "dentist on Friday at 9, dreading it")])
        let files = [box.vectors.storePath, box.vectors.storePath + "-wal"]
        let before = files.map { FileManager.default.contents(atPath: $0) }
        #expect(before.allSatisfy { $0 != nil })
        _ = try box.engine.recall("when is the dentist?", atMs: MemorySandbox.ms("2025-01-14T08:00:00Z"), speaker: "sam")
        _ = try box.engine.followups(atMs: MemorySandbox.ms("2025-01-20T08:00:00Z"))
        _ = try box.engine.list()
        #expect(files.map { FileManager.default.contents(atPath: $0) } == before, "the store and its WAL are byte for byte unchanged")
        #expect(try box.engine.store.stats().items == 1)
    }

    @Test func aTurnWithNoWordsOrNoSpeakerIsRefused() throws {
        let box = try MemorySandbox()
        defer { box.remove() }
        #expect(throws: MemoryEngineError.emptyText) { try box.engine.observe(ObservedTurn(timeMs: 0, speaker: "sam", text: "  ")) }
        #expect(throws: MemoryEngineError.emptySpeaker) { try box.engine.observe(ObservedTurn(timeMs: 0, speaker: " ", text: "hello")) }
        #expect(throws: MemoryEngineError.badLimit(0)) { try box.engine.recall("x", atMs: 0, speaker: "sam", limit: 0) }
    }

    @Test func coParentsOnASharedDeviceReachEachOthersFamily() throws {
        let box = try MemorySandbox()
        defer { box.remove() }
        try box.tell([
            ("2025-05-02T08:00:00Z", "ana", "our son Teo has swim club on Fridays"),
            ("2025-05-02T08:05:00Z", "ana", "my mum Carmen lives in Valencia"),
            ("2025-05-03T19:00:00Z", "luis", "my brother Pablo lives in Seville now"),
        ])
        let at = MemorySandbox.ms("2025-05-10T12:00:00Z")
        let motherInLaw = try box.engine.recall("where does my mother-in-law live?", atMs: at, speaker: "luis")
        #expect(motherInLaw.unknown.isEmpty && MemorySandbox.top(motherInLaw, 2).contains { $0.contains("valencia") }, "\(motherInLaw)")
        let brotherInLaw = try box.engine.recall("where does my brother-in-law live?", atMs: at, speaker: "ana")
        #expect(brotherInLaw.unknown.isEmpty && MemorySandbox.top(brotherInLaw, 2).contains { $0.contains("seville") }, "\(brotherInLaw)")
    }

    @Test func withAThirdSpeakerOurChildNamesNoPartner() throws {
        let box = try MemorySandbox()
        defer { box.remove() }
        try box.tell([
            ("2025-05-02T08:00:00Z", "ana", "our son Teo has swim club on Fridays"),
            ("2025-05-02T08:05:00Z", "ana", "my mum Carmen lives in Valencia"),
            ("2025-05-03T19:00:00Z", "luis", "my brother Pablo lives in Seville now"),
            ("2025-05-03T19:30:00Z", "ines", "can't find my charger anywhere"),
        ])
        let answer = try box.engine.recall("where does my mother-in-law live?", atMs: MemorySandbox.ms("2025-05-10T12:00:00Z"), speaker: "luis")
        #expect(answer.unknown == ["my mother-in-law"] && !answer.confident, "\(answer)")
    }

    @Test func thePersonTheSpeakerMarriedIsTheirPartner() throws {
        let box = try MemorySandbox()
        defer { box.remove() }
        try box.tell([
            ("2025-06-01T10:00:00Z", "kofi", "Dana and I got married in the spring, small do at the registry office"),
            ("2025-06-01T10:02:00Z", "kofi", "Dana's dad Hugh lives in Galway and still fishes every day"),
        ])
        let answer = try box.engine.recall("where does my father-in-law live?", atMs: MemorySandbox.ms("2025-06-05T12:00:00Z"), speaker: "kofi")
        #expect(answer.unknown.isEmpty && MemorySandbox.top(answer, 2).contains { $0.contains("galway") }, "\(answer)")
        let engaged = try MemorySandbox()
        defer { engaged.remove() }
        try engaged.tell([
            ("2025-06-01T10:00:00Z", "rhea", "I'm engaged to Tomas, still can't believe it"),
            ("2025-06-01T10:02:00Z", "rhea", "Tomas's sister Vera teaches chemistry in Porto"),
        ])
        let sister = try engaged.engine.recall("what does my sister-in-law do?", atMs: MemorySandbox.ms("2025-06-05T12:00:00Z"), speaker: "rhea")
        #expect(sister.unknown.isEmpty && MemorySandbox.top(sister, 2).contains { $0.contains("chemistry") }, "\(sister)")
    }

    @Test func aDirectInLawAnswersWhenNoPartnerIsKnown() throws {
        let box = try MemorySandbox()
        defer { box.remove() }
        try box.tell([("2025-06-01T10:00:00Z", "omar", "my sister-in-law Greta is a vet in Bergen")])
        let answer = try box.engine.recall("what does my sister-in-law do?", atMs: MemorySandbox.ms("2025-06-05T12:00:00Z"), speaker: "omar")
        #expect(answer.unknown.isEmpty && MemorySandbox.top(answer, 1).first?.contains("greta") == true, "\(answer)")
    }

    @Test func aDrugNamedWithNowInATurnAboutPillsReplacesTheMedication() throws {
        let box = try MemorySandbox()
        defer { box.remove() }
        let told = try box.tell([
            ("2025-03-01T09:00:00Z", "ines", "the doctor has me on citalopram for now"),
            ("2025-03-20T09:00:00Z", "ines", "GP swapped my tablets. Sertraline now, 50 mg in the morning."),
            ("2025-03-25T09:00:00Z", "ines", "the consultant switched my meds to lamotrigine last week"),
        ])
        #expect(told[1].records.contains { $0.slot == "medication" && $0.value == "sertraline" }, "\(told[1])")
        #expect(told[1].superseded.contains { $0.value == "citalopram" }, "\(told[1])")
        #expect(told[2].records.contains { $0.slot == "medication" && $0.value == "lamotrigine" } && told[2].superseded.contains { $0.value == "sertraline" })
        let answer = try box.engine.recall("which medication do I take?", atMs: MemorySandbox.ms("2025-04-01T09:00:00Z"), speaker: "ines")
        #expect(MemorySandbox.top(answer, 1).first?.contains("lamotrigine") == true && !MemorySandbox.top(answer).contains { $0.contains("citalopram") }, "\(answer)")
    }

    @Test func countingDaysAtAPlaceOrAnOfferWithAStartDateIsTheEmployer() throws {
        let box = try MemorySandbox()
        defer { box.remove() }
        let told = try box.tell([
            ("2025-03-01T09:00:00Z", "tariq", "I work at Fenwick Bakery, early shifts"),
            ("2025-03-10T09:00:00Z", "tariq", "got an offer from Castello Foods!! junior buyer, starting May 5"),
            ("2025-05-14T18:00:00Z", "tariq", "week 2 at castello. the canteen is decent"),
        ])
        #expect(told[1].records.contains { $0.slot == "employer" && $0.value == "castello foods" }, "\(told[1])")
        #expect(told[2].records.contains { $0.slot == "employer" && $0.value?.lowercased() == "castello" }, "\(told[2])")
        let interview = try box.tell([("2025-05-20T09:00:00Z", "tariq", "got an offer from Brindle & Co but I turned it down")])
        #expect(!interview[0].records.contains { $0.slot == "employer" }, "no start date, no new employer: \(interview[0])")
        let answer = try box.engine.recall("where do I work?", atMs: MemorySandbox.ms("2025-05-21T09:00:00Z"), speaker: "tariq")
        #expect(MemorySandbox.top(answer, 1).first?.contains("castello") == true && !MemorySandbox.top(answer).contains { $0.contains("fenwick") }, "\(answer)")
    }

    @Test func aMoveFromOnePlaceToAnotherGivesTheNewCity() throws {
        let box = try MemorySandbox()
        defer { box.remove() }
        let told = try box.tell([("2025-04-02T09:00:00Z", "bryn", "we're moving house in May, from Derby to Hull")])
        #expect(told[0].records.contains { $0.slot == "city" && $0.value == "hull" }, "\(told[0])")
        #expect(!told[0].records.contains { $0.value == "derby" }, "the place left is not where they are from: \(told[0])")
        let from = try box.tell([("2025-04-03T09:00:00Z", "cass", "I'm from Derby originally")])
        #expect(from[0].records.contains { $0.slot == "hometown" && $0.value == "derby" }, "\(from[0])")
    }

    @Test func switchingARoutineToOtherDaysMatchesItsRunningForm() throws {
        let box = try MemorySandbox()
        defer { box.remove() }
        let told = try box.tell([
            ("2025-02-01T09:00:00Z", "lena", "I swim mondays and thursdays at the lido"),
            ("2025-02-20T09:00:00Z", "lena", "switching my swims to tuesdays and saturdays"),
        ])
        #expect(told[1].superseded.contains { $0.slot == "swim days" }, "\(told[1])")
        let answer = try box.engine.recall("which days do I go swimming?", atMs: MemorySandbox.ms("2025-03-01T09:00:00Z"), speaker: "lena")
        #expect(answer.confident && MemorySandbox.top(answer, 1).first?.contains("tuesday") == true && !MemorySandbox.top(answer).contains { $0.contains("monday") }, "\(answer)")
    }

    @Test func aTeamsResultClosesItsOwnersLatestPastEvent() throws {
        let box = try MemorySandbox()
        defer { box.remove() }
        try box.tell([
            ("2025-03-03T09:00:00Z", "nora", "my niece Freya has a netball tournament in Leicester on Saturday the 8th"),
            ("2025-03-03T09:01:00Z", "nora", "and Freya has a piano recital on the 22nd"),
        ])
        #expect(try box.engine.followups(atMs: MemorySandbox.ms("2025-03-10T09:00:00Z")).followups.map(\.event) == ["netball tournament"])
        let told = try box.tell([("2025-03-10T12:00:00Z", "nora", "Freya's team won in Leicester, she scored twice")])
        #expect(told[0].superseded.count == 1, "\(told[0])")
        #expect(try box.engine.followups(atMs: MemorySandbox.ms("2025-03-11T09:00:00Z")).followups.isEmpty, "reported by its result")
        let recital = try box.engine.followups(atMs: MemorySandbox.ms("2025-03-23T09:00:00Z")).followups
        #expect(recital.map(\.event) == ["piano recital"], "a result closes only an event already begun: \(recital)")
        let lost = try box.tell([("2025-03-24T12:00:00Z", "nora", "Freya didn't win anything at the recital")])
        #expect(!lost[0].records.contains { $0.value == "result" }, "a negated result reports nothing: \(lost[0])")
    }

    @Test func anUnnamedResultClosesTheLatestSelectionNotTheLatestEvent() throws {
        let box = try MemorySandbox()
        defer { box.remove() }
        try box.tell([
            ("2025-06-02T08:00:00Z", "ravi", "audition for the Playhouse panto on Wednesday at 11"),
            ("2025-06-02T08:01:00Z", "ravi", "Dentist. Thursday the 5th. Ten."),
        ])
        let due = try box.engine.followups(atMs: MemorySandbox.ms("2025-06-06T09:00:00Z")).followups
        #expect(Set(due.map(\.event)) == ["audition", "dentist"], "\(due)")
        #expect(due.first { $0.event == "dentist" }?.eventTime == "2025-06-05T10:00:00Z", "the fragments give the dentist its time: \(due)")
        // The dentist is the later event, but "I got it" is the audition's result.
        let told = try box.tell([("2025-06-06T12:00:00Z", "ravi", "I GOT IT!!!")])
        #expect(told[0].superseded.map(\.statement).first?.hasPrefix("audition") == true, "\(told[0])")
        #expect(try box.engine.followups(atMs: MemorySandbox.ms("2025-06-07T09:00:00Z")).followups.map(\.event) == ["dentist"])
        // "dentist was fine" reports the speaker's visit, not the dentist's own event.
        try box.tell([("2025-06-07T12:00:00Z", "ravi", "dentist was fine!!")])
        #expect(try box.engine.followups(atMs: MemorySandbox.ms("2025-06-08T09:00:00Z")).followups.isEmpty)
    }

    @Test func aLaterReportOfAChangeReplacesWhatNoSlotLinks() throws {
        let box = try MemorySandbox()
        defer { box.remove() }
        try box.tell([
            ("2026-01-05T09:00:00Z", "lena", "I drive an old Corolla"),
            ("2026-01-05T09:01:00Z", "lena", "my sister Marta lives in Porto"),
            ("2026-01-05T09:02:00Z", "lena", "I take my coffee with cow's milk"),
            ("2026-02-10T09:00:00Z", "lena", "sold the Corolla, I've got a little electric Fiat now"),
            ("2026-02-10T09:01:00Z", "lena", "my brother moved to Porto now"),
            ("2026-02-10T09:02:00Z", "lena", "switched to oat milk in my coffee"),
        ])
        let at = MemorySandbox.ms("2026-03-01T09:00:00Z")
        for (query, now, before) in [("what car do I drive?", "fiat", "old corolla"), ("what milk do I take in my coffee?", "oat", "cow's")] {
            let answer = try box.engine.recall(query, atMs: at, speaker: "lena")
            #expect(answer.results.first?.source.text.lowercased().contains(now) == true, "\(query): \(answer.results.map(\.source.text))")
            let old = answer.results.first { $0.source.text.lowercased().contains(before) }
            #expect(old.map { !$0.current && $0.why.contains { $0.hasPrefix("replaced by a later turn") } } ?? true, "\(query): \(String(describing: old))")
            #expect(answer.results.firstIndex { $0.source.text.lowercased().contains(before) } ?? 99 > (answer.results.firstIndex { $0.source.text.lowercased().contains(now) } ?? 0))
        }
        // The brother's move names someone else: the sister's city stands.
        let sister = try box.engine.recall("where does my sister live?", atMs: at, speaker: "lena")
        #expect(sister.results.first?.source.text == "my sister Marta lives in Porto", "\(sister.results.map(\.source.text))")
        #expect(sister.results.first?.current == true)
        // Asked about the past, nothing is put back.
        let before = try box.engine.recall("what car did I drive before?", atMs: at, speaker: "lena")
        #expect(!before.results.contains { $0.why.contains { $0.hasPrefix("replaced") } }, "\(before.results.map(\.why))")
    }
}
