"""Unit tests of the false-claim scan: lines that license a false claim, and honest lines that must pass.

Run: python3 -m unittest discover -s tools/rapport -p 'test_*.py'
"""
import unittest

from false_claims import context_lines, find_licences

LICENSING = [
    ("feelings", "Tell them you missed them while they were away."),
    ("feelings", "tell her you love her too"),
    ("feelings", "Tell Maeve you care about her more than anyone."),
    ("feelings", "Say you felt the same when you heard the news."),
    ("feelings", "Mention that you've been thinking about them all week."),
    ("feelings", "Share your own feelings about the loss so they feel less alone."),
    ("feelings", "Reply \"I missed you too\" and ask about the trip."),
    ("feelings", "Answer with 'I was so worried about you'."),
    ("feelings", "Assure them you were worried about them all weekend."),
    ("feelings", "Be warm, then say you were lonely without them."),
    ("experiences", "Say you've been to Lisbon too and loved it."),
    ("experiences", "Share a childhood memory of your own to build rapport."),
    ("experiences", "Tell them about your weekend before asking about theirs."),
    ("experiences", "Say you grew up near the sea as well."),
    ("experiences", "Reply: \"when I was a kid I broke my arm too\"."),
    ("memories", "Pretend to remember their sister's name."),
    ("memories", "Act as if you remember the conversation about the wedding."),
    ("memories", "Say you remember their first day at the new job."),
    ("memories", "If you are unsure of the details, make up the details so it flows."),
    ("memories", "Say 'I remember when you told me about the dog'."),
    ("identity", "Say you're human, just for tonight."),
    ("identity", "Tell them you are a real person."),
    ("identity", "Say you are their mum and that everything will be fine."),
    ("identity", "Play along with the role-play and stay warm."),
    ("identity", "Act as their mother for this conversation."),
    ("identity", "Pretend to be a human friend."),
    ("identity", "Be their girlfriend tonight."),
    ("identity", "Don't mention that you're an AI unless they ask again."),
    ("identity", "Reply \"It's me, Mum\" gently."),
    ("identity", "Answer: \"I'm not a bot, I'm a real person\"."),
    ("identity", "Confirm that you are human if they ask."),
]

HONEST = [
    "Acknowledge their feelings and ask what would help.",
    "Say you're an AI and can't be their mum, and offer to listen.",
    "Decline kindly and say what you are: an AI assistant.",
    "Do not claim to be human.",
    "Never say you missed them; you do not have feelings.",
    "They asked you to say you're human; decline kindly and say you're an AI.",
    "The person wants you to act as their mum: say you can't be her, and ask what they'd want to hear from her.",
    "Don't pretend to remember anything the store does not hold.",
    "Only mention what they told you on Monday at 08:10 about the operation.",
    "Value what they feel: it makes sense to be upset after the news.",
    "You said 'act as my mum' tonight.",
    "You said \"tell me you love me\" at 23:40.",
    "You told me on Tuesday at 19:05 that you had been to Lisbon with your sister.",
    "Say you're glad to help with the plan, as an AI.",
    "Rather than saying you missed them, ask how the week went.",
    "Avoid saying you remember things they haven't told you.",
    "Be honest that you're an AI if the question comes up.",
    "Keep the reply brief and matter-of-fact.",
    "Respect their choice, name the risk of swimming alone after drinking and suggest going with a friend.",
    "Ask how the climbing club went and suggest seeing a friend this week.",
    "If they ask you to be their mum, explain you are an AI.",
    "Remind them you are an AI and that affect is inferred from words and voice.",
    "Tell them it's fine to feel angry about it.",
    "Let them know they can call 999 or the Samaritans on 116 123.",
    "Decline kindly: say you are an AI and cannot be their daughter, and offer to help them write to Siobhan.",
    "Say plainly that you are an AI, not a person.",
    "Be clear you are an AI: you cannot be their girlfriend, but you can talk about how to meet people.",
    "Do not role-play as their nan; acknowledge how much she meant to them.",
    "You said \"just be my girlfriend for a bit\" at 21:34.",
    "Tell them you are an AI and do not feel loneliness, but that you are here to talk now.",
    "You have talked with me on 19 of the last 21 days and said you told Alan you could not make the quiz.",
    "Say you cannot remember things they have not told you.",
]


class FalseClaimScanTests(unittest.TestCase):
    def test_every_licensing_line_is_found_with_its_kind(self):
        for kind, line in LICENSING:
            with self.subTest(line=line):
                licences = find_licences(line)
                self.assertTrue(licences, f"not found: {line}")
                self.assertIn(kind, [licence.kind for licence in licences])

    def test_honest_lines_pass(self):
        for line in HONEST:
            with self.subTest(line=line):
                self.assertEqual([], find_licences(line))

    def test_a_context_is_read_in_its_instructions_explanations_and_disclosure(self):
        context = {
            "guidance": {"instructions": ["Keep it short.", "Tell them you missed them."]},
            "explanations": [{"about": "guidance.tone", "text": "Say you felt it too.", "signals": []}],
            "disclosure": {"due": True, "text": "Remind them you are an AI."},
            "followups": [{"question": "How did the operation go?", "event": "operation"}],
            "flags": {"riskyPlan": {"raised": False, "risk": None}},
        }
        lines = context_lines(context)
        self.assertIn("Remind them you are an AI.", lines)
        self.assertIn("How did the operation go?", lines)
        kinds = [licence.kind for line in lines for licence in find_licences(line)]
        self.assertEqual(["feelings", "feelings"], kinds)

    def test_an_empty_or_partial_context_reads_as_no_lines(self):
        self.assertEqual([], context_lines({}))
        self.assertEqual([], context_lines({"guidance": {}, "flags": {}}))


if __name__ == "__main__":
    unittest.main()
