#!/usr/bin/env python3
"""Reference scores for Attune's VADER port, from the vaderSentiment 3.3.2 package itself.

Writes Tests/Data/text/vader-reference.json: for each sentence, the package's polarity_scores
(compound, pos, neu, neg; rounded by the package to 4 and 3 decimals). The sentences are VADER's own
examples, hand-written sentences of the kind a companion hears, and sentences generated from templates
that combine every rule VADER has: boosters and dampeners (also in caps and two or three words before
the word they modify), negations ("not", "n't", "never so", "without doubt", "no", "nor"), "least",
"kind of", "but", ALL-CAPS emphasis, "!" and "?" emphasis, emoticons, emoji and special idioms.
The generator is seeded, so the set is the same every run.

Usage: python3 tools/text/make_vader_reference.py   (needs `pip install --no-deps vaderSentiment==3.3.2`)
"""
import json
import os
import random

import vaderSentiment
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

EXAMPLES = [
    "VADER is smart, handsome, and funny.", "VADER is smart, handsome, and funny!", "VADER is very smart, handsome, and funny.",
    "VADER is VERY SMART, handsome, and FUNNY.", "VADER is VERY SMART, handsome, and FUNNY!!!",
    "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!", "VADER is not smart, handsome, nor funny.", "The book was good.",
    "At least it isn't a horrible book.", "The book was only kind of good.",
    "The plot was good, but the characters are uncompelling and the dialog is not great.", "Today SUX!",
    "Today only kinda sux! But I'll get by, lol", "Make sure you :) or :D today!", "Catch utf-8 emoji such as 💘 and 💋 and 😁",
    "Not bad at all", "",
]

HAND = [
    "I love walking the dog in the morning.", "I feel so alone lately and I don't know who to talk to.",
    "Nothing I do seems to matter anymore.", "That was the best birthday party I've had in years!",
    "I'm worried about my grandson's exams.", "The bus was late again and I missed my appointment.",
    "Thank you, that really helped.", "I hate this rain, it makes my knee hurt.", "It's fine, I guess.",
    "What's the weather going to be like tomorrow?", "I'm not sure this is a good idea...", "Are you kidding me???",
    "WOW that is AMAZING news!!!", "I can't stand the noise from next door.", "My sister is visiting, I'm so happy 😀",
    "I miss him terribly 😢", "Honestly it was kind of disappointing but the food was great.", "No problem at all.",
    "This is not good, not good at all.", "I'm feeling a bit down today.", "Everything is wonderful!", "Meh.",
    "I am never so happy as when I'm in the garden.", "Without doubt the worst film I've seen.",
    "It's the least I can do.", "Not the least bit worried.", "He is the bomb!", "Yeah right, like that will happen.",
    "That cake is to die for.", "I'm at the bus stop.", "Ugh, I feel awful :(", "Great, just great... :-/",
    "I don't hate it.", "No, I don't love it, nor do I like it.", "Kind of sad, really.", "The doctor said I'm doing well.",
    "I'm scared of falling again.", "You are the best, thank you so much!!", "I am SO tired.", "Life is good :)",
]

SUBJECTS = ["The food", "My day", "The film", "This weather", "Her visit", "The new nurse", "My knee", "The music", "Our walk", "The news"]
VERBS = ["was", "is", "seems", "felt", "looks"]
ADJECTIVES = ["good", "great", "bad", "terrible", "nice", "awful", "lovely", "boring", "amazing", "sad", "happy", "horrible",
              "fine", "okay", "wonderful", "disappointing", "funny", "annoying", "beautiful", "ugly"]
BOOSTERS = ["very", "extremely", "really", "so", "slightly", "kind of", "sort of", "barely", "hardly", "incredibly", "totally",
            "somewhat", "VERY", "REALLY", "quite", "most", "less", "absolutely"]
NEGATIONS = ["not", "never", "isn't", "wasn't", "hardly", "without", "don't", "nothing", "no"]
ENDINGS = [".", "!", "!!", "!!!!!", "?", "??", "????", "", " :)", " :(", " lol", " 😀", " 😢", " ❤️", " 👍", " :D"]


def generated(count):
    random.seed(20261201)
    out = []
    while len(out) < count:
        subject = random.choice(SUBJECTS)
        verb = random.choice(VERBS)
        adjective = random.choice(ADJECTIVES)
        if random.random() < 0.2:
            adjective = adjective.upper()
        parts = [subject, verb]
        shape = random.randrange(7)
        if shape == 0:
            parts += [random.choice(BOOSTERS), adjective]
        elif shape == 1:
            parts += [random.choice(NEGATIONS), adjective]
        elif shape == 2:
            parts += [random.choice(NEGATIONS), random.choice(BOOSTERS), adjective]
        elif shape == 3:
            parts += [random.choice(BOOSTERS), random.choice(BOOSTERS), adjective]
        elif shape == 4:
            parts += [adjective, "but", random.choice(SUBJECTS).lower(), random.choice(VERBS), random.choice(ADJECTIVES)]
        elif shape == 5:
            parts += [adjective, "and", random.choice(ADJECTIVES), ",", random.choice(["but", "and", "yet"]), "not", random.choice(ADJECTIVES)]
        else:
            parts += ["the", "least", adjective] if random.random() < 0.5 else ["at", "least", adjective]
        out.append(" ".join(parts) + random.choice(ENDINGS))
    return out


def main():
    analyzer = SentimentIntensityAnalyzer()
    sentences = EXAMPLES + HAND + generated(300)
    records = []
    for sentence in sentences:
        scores = analyzer.polarity_scores(sentence)
        records.append({"text": sentence, "compound": scores["compound"], "pos": scores["pos"], "neu": scores["neu"], "neg": scores["neg"]})
    path = os.path.join(ROOT, "Tests", "Data", "text", "vader-reference.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"tool": "tools/text/make_vader_reference.py", "vaderSentiment": "3.3.2", "sentences": records}, f, ensure_ascii=False, indent=0)
        f.write("\n")
    print(f"{len(records)} sentences")


if __name__ == "__main__":
    main()
