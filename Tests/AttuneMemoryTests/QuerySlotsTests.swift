@testable import AttuneMemory
import Testing

/// What a question asks about, so recall can prefer the current value of it.
struct QuerySlotsTests {
    @Test(arguments: [
        ("where does my sister live?", ["city"]),
        ("where do I work?", ["employer"]),
        ("what does my sister do for work?", ["job"]),
        ("what's my job?", ["job"]),
        ("which medication do I take?", ["medication"]),
        ("who is my boss?", ["manager"]),
        ("what happened to my manager's dog?", []),
        ("when is Nia's birthday?", ["birthday"]),
        ("what's my favourite band?", ["favourite band"]),
        ("what did I eat?", []),
        ("how do I get to work?", []),
    ])
    func readsTheSlot(_ query: String, _ slots: [String]) {
        #expect(QuerySlots(query).slots == Set(slots))
    }

    @Test func aRoutineOrAnEventIsAskedAboutByTimeAndLabel() {
        let gym = QuerySlots("which days do I go to the gym?")
        #expect(gym.asks(about: ("gym days", nil)))
        #expect(!gym.asks(about: ("bowling days", nil)))
        let mri = QuerySlots("when is my MRI?")
        #expect(mri.asks(about: (nil, "mri")))
        #expect(!QuerySlots("how did the MRI go?").asks(about: (nil, "mri")), "not a question about its time")
    }

    @Test func thePastIsAskedAboutInWords() {
        #expect(QuerySlots("where did my sister live before?").asksHistory)
        #expect(!QuerySlots("where does my sister live?").asksHistory)
    }
}
