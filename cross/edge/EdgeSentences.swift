/// Sentences of the lengths a host's recogniser hands over in a conversation (4 to 40 words), for
/// timing and counting the tokenizer per sentence.
enum EdgeSentences {
    static let all: [String] = [
        "Yes, please.",
        "What time is it?",
        "Remind me to call my sister on Sunday.",
        "I walk the dog every morning before work, even when it rains.",
        "My brother has his operation on Wednesday and I'm a bit worried about it, to be honest.",
        "Could you tell me again what the doctor said about the new tablets, and whether I should take them with food?",
        "We went to the garden centre yesterday, bought three rose bushes and a lemon tree, and then it poured all afternoon.",
        "Honestly I don't know, I keep thinking about moving closer to the kids but the house has so many memories and the neighbours are lovely, so it's hard.",
    ]
}
