"""The sentence bank and the voices of tools/turn/make_hard_set.py, with their train / test split.

Every phrase here is new: none is shared with tools/turn/make_eval_set.py, whose sentences the shipped
end-of-turn model was fitted on. Each category is split by position: every third phrase (index % 3 == 2)
is a test phrase, the others are training phrases, so no test sentence is ever heard in a training file.
The voices are split the same way by construction: the test voices use accents (en-029, en-us-nyc,
en-gb-x-gbcwmd) and variants (m4, m6, m8, f4, klatt2, klatt4, edward, belinda, john, iven, aunty) that
no training voice uses.

Note on names: espeak-ng ignores a variant appended to "en-gb" (en-gb+f2 sounds exactly like en-gb), so
British variants are written "en+VARIANT"; make_hard_set.py checks that every voice sounds different.
"""

TRAIN_VOICES = [
    "en-us", "en+m1", "en-us+m2", "en-gb-x-rp+m3", "en-gb-scotland+m5", "en-gb-x-gbclan+m7", "en-us+f1",
    "en+f2", "en-gb-x-rp+f3", "en-us+f5", "en-us+klatt", "en+klatt3", "en-us+Annie", "en-gb-scotland+Andy",
    "en-us+Michael", "en-gb-x-rp+linda", "en-us+steph", "en-gb-scotland+adam", "en+david",
    "en-gb-x-gbclan+paul", "en-us+max", "en-gb-x-rp+shelby",
]
TEST_VOICES = [
    "en-029+m4", "en-gb-x-gbcwmd+m6", "en-us-nyc+f4", "en-029+klatt2", "en-gb-x-gbcwmd+klatt4",
    "en-us-nyc+edward", "en-029+belinda", "en-gb-x-gbcwmd+john", "en-us-nyc+m8", "en-029+iven",
    "en-us-nyc+aunty",
]

# Holds. A clause ending in a conjunction is said with the continuation contour (a comma is added).
CONJUNCTION = [
    "I called the garage about the brakes and", "we booked the cheaper hotel but", "the bus never turned up so",
    "I skipped breakfast this morning because", "my neighbour lent me his ladder and", "I looked for the receipt but",
    "the river had flooded the path so", "she stayed up until two because", "we drove out to the coast and",
    "the oven kept beeping so", "he sold his old bicycle and", "I meant to water the plants but",
    "the meeting ran over by an hour so", "they cancelled the concert because", "I cleaned out the garage and",
    "my phone battery died so", "we tried the new bakery but", "the dog would not stop barking because",
    "I finally sent the letter and", "the printer jammed again so", "she learned to knit last winter and",
    "we waited at the station but", "the tap in the bathroom leaks so", "I took the long way round because",
]
COMMA = [
    "Around lunchtime,", "Whenever it snows,", "Just before the holidays,", "If I remember correctly,",
    "Halfway through the film,", "According to my brother,", "Earlier this week,", "By the time we arrived,",
    "Strangely enough,", "Apart from the weather,", "Most evenings,", "Since the road was closed,",
    "After we had eaten,", "On Tuesday afternoon,", "As soon as the door opened,", "Looking back on it,",
    "Without thinking,", "For some reason,",
]
FILLER = [
    "hmm,", "er,", "let me think,", "how do I put it,", "like,", "right, so,", "okay so,", "basically,",
    "what was it,", "sort of,", "anyway,", "the thing is,",
]
# Holds inside a phrase: the speaker stops after an article, preposition or auxiliary, mid-thought.
UNFINISHED = [
    "and then we walked over to the", "I put the spare key under the", "she was talking about her",
    "we could probably get a", "it was sitting right next to the", "I think he might have",
    "the last time we went to", "they said it would be", "I was looking for a",
]
LIST_OPENERS = [
    "For the picnic I bought cheese,", "In the drawer there were batteries,", "The recipe needs flour,",
    "At the market we found plums,", "In my bag I have a notebook,", "The kit came with a hammer,",
]
LIST_ITEMS = [
    "some olives,", "a pair of scissors,", "three candles,", "butter,", "an old compass,", "two lemons,",
    "a spare charger,", "some string,", "cinnamon,", "a tin of beans,", "sticky tape,", "a blue scarf,",
]
LIST_ENDS = [
    "and a jar of honey.", "and a roll of stamps.", "and a little salt.", "and a bag of grapes.",
    "and a pencil case.", "and a screwdriver.",
]
# Shifts.
STATEMENT = [
    "that was the end of it.", "we got home just before dark.", "I will probably do it again next year.",
    "it cost a lot more than I expected.", "so that is where things stand.", "nobody seemed to mind.",
    "the view was worth the climb.", "I am going to leave it there.", "it all worked out in the end.",
    "we never found out who did it.", "the garden looks much better now.", "I was glad when it was over.",
    "it is still sitting in the hallway.", "that is pretty much everything.", "we will talk about it later.",
    "it made my whole week.", "I have not decided yet.", "the rest is history.",
]
QUESTION = [
    "what do you think I should do?", "have you ever been there?", "could you check the timetable for me?",
    "is that normal for this time of year?", "do you remember his name?", "how would you handle it?",
    "can you set a reminder for Friday?", "did I already tell you about that?", "which one would you pick?",
    "should I call them back today?", "does that sound reasonable to you?", "when does the library close?",
    "will it be ready by Monday?", "what time is the match on?", "have you got a minute to help?",
    "is there anything else I need?", "where would you start?", "do you want to hear the rest?",
]
SHORT_ANSWER = [
    "Absolutely.", "Not at all.", "Probably.", "Go ahead.", "That works for me.", "No thanks.",
    "Right.", "I doubt it.", "Sounds great.", "Definitely not.", "Alright then.", "Never mind.",
    "Okay.", "Good idea.", "Same here.",
]
# Babble: other talkers in the room, mixed as noise (never a labelled clause).
BABBLE = [
    "The delivery should arrive sometime tomorrow morning.", "Can you pass me the salt please?",
    "I heard they are opening a new cinema downtown.", "We should leave in about ten minutes.",
    "My cousin is getting married in the spring.", "Did anyone see where I left my glasses?",
    "The football results were a big surprise.", "I need to renew my passport soon.",
    "There is a lovely walk along the canal.", "She said the exam was easier than last year.",
    "Let us order pizza tonight.", "The heating has been broken since Sunday.",
    "He plays the trumpet in a jazz band.", "I would rather take the train.",
    "They painted the fence a bright yellow.", "Has the post come yet?",
    "The museum is free on the first Sunday.", "We ran out of milk again.",
]

BANKS = {"conjunction": CONJUNCTION, "comma": COMMA, "filler": FILLER, "unfinished": UNFINISHED,
         "listOpener": LIST_OPENERS, "listItem": LIST_ITEMS, "listEnd": LIST_ENDS, "statement": STATEMENT,
         "question": QUESTION, "shortAnswer": SHORT_ANSWER, "babble": BABBLE}


def split_bank(phrases, split):
    """The phrases of one category that belong to split ("train" or "test")."""
    return [p for i, p in enumerate(phrases) if (i % 3 == 2) == (split == "test")]


def split_definition():
    """The whole split, as recorded in labels.json."""
    return {"voices": {"train": TRAIN_VOICES, "test": TEST_VOICES},
            "sentences": {split: {name: split_bank(bank, split) for name, bank in BANKS.items()}
                          for split in ("train", "test")},
            "rule": "sentences: every third phrase of each category (index % 3 == 2) is test; voices: "
                    "test accents and variants are used by no training voice"}
