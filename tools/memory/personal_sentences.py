#!/usr/bin/env python3
"""Generates varied personal-memory sentences for the vector index's recall benchmark and tests.

Corpus sentences come from statement templates (what a person tells an assistant about their life:
family, work, health, plans, pets, places, feelings, routines), filled from lists of people,
relations, places, activities, foods, times and feelings, with a fixed seed, so the same count always
gives the same sentences. Queries are held out: they come from a separate set of question and
paraphrase templates (different wording, the same kinds of slots) and a different seed; every query
template is a question and no statement template is, so no query is a member of the corpus.

Usage: python3 tools/memory/personal_sentences.py corpus COUNT [SEED] > corpus.txt
       python3 tools/memory/personal_sentences.py queries COUNT [SEED] > queries.txt
One sentence per line, lower case as spoken text arrives from a recogniser.
"""
import random
import sys

PEOPLE = ["sam", "idris", "mel", "ron", "bea", "noah", "maya", "priya", "tom", "ellie", "dan", "grace", "omar",
          "lucy", "kofi", "hannah", "jamie", "aisha", "ben", "rosa", "felix", "nina", "george", "zara", "owen",
          "chloe", "arjun", "freya", "leo", "mia", "hugo", "isla", "raj", "sophie", "theo", "amara", "jack", "yusuf",
          "ivy", "callum", "nadia", "harry", "lena", "marcus", "poppy", "eli", "sian", "rhys", "anya", "luca"]
RELATIONS = ["sister", "brother", "mum", "dad", "cousin", "aunt", "uncle", "grandma", "grandad", "son", "daughter",
             "husband", "wife", "partner", "best friend", "neighbour", "flatmate", "boss", "line manager", "colleague",
             "father-in-law", "mother-in-law", "niece", "nephew", "godson", "stepdad", "old school friend", "landlord",
             "dentist", "physio", "piano teacher", "football coach"]
PETS = ["cat", "dog", "puppy", "kitten", "rabbit", "tortoise", "budgie", "hamster", "goldfish", "parrot"]
PET_NAMES = ["miso", "biscuit", "pepper", "luna", "rolo", "mabel", "ziggy", "nala", "otis", "pickle", "bramble", "tofu"]
PLACES = ["cardiff", "exeter", "leeds", "bristol", "glasgow", "york", "brighton", "norwich", "swansea", "bath",
          "manchester", "edinburgh", "cornwall", "the lake district", "dublin", "lisbon", "barcelona", "berlin",
          "the coast", "the city centre", "the village", "the allotment", "the garden centre", "the library",
          "the leisure centre", "the community hall", "the hospital", "the surgery", "the office", "the station"]
ACTIVITIES = ["swimming", "running", "yoga", "pilates", "climbing", "cycling", "the gym", "choir practice", "book club",
              "pottery class", "salsa lessons", "five-a-side football", "tennis", "chess club", "painting", "knitting",
              "gardening", "hiking", "baking", "learning spanish", "learning the guitar", "volunteering at the food bank",
              "parkrun", "birdwatching", "woodwork", "a photography course", "the quiz night", "meditation"]
FOODS = ["coffee", "cheese", "peanuts", "spicy food", "mushrooms", "gluten", "dairy", "shellfish", "red wine",
         "chocolate", "olives", "curry", "sushi", "porridge", "avocado", "strawberries", "tea", "fizzy drinks"]
EVENTS = ["an eye test", "a dentist appointment", "an mri scan", "a job interview", "a driving test", "a flu jab",
          "a blood test", "a hospital check-up", "a parents' evening", "a wedding", "a birthday party", "a house viewing",
          "a court hearing", "a performance review", "a school play", "a funeral", "a hen do", "a christening",
          "a concert", "a football match", "a physio session", "a vet appointment", "a boiler service", "an exam",
          "a flight", "a retirement party", "a first date", "a smear test", "a passport appointment", "a gig"]
TIMES = ["on monday", "on tuesday", "on wednesday", "on thursday", "on friday", "on saturday", "on sunday",
         "tomorrow", "tonight", "next week", "this weekend", "on the third", "at the end of the month",
         "a fortnight on saturday", "on saturday morning", "on thursday at nine", "next tuesday afternoon",
         "in march", "in the summer", "after christmas", "on the twelfth of june", "at quarter to eight"]
FEELINGS = ["anxious", "excited", "nervous", "worried", "relieved", "exhausted", "happy", "lonely", "stressed",
            "proud", "overwhelmed", "hopeful", "frustrated", "calm", "sad", "grateful"]
JOBS = ["nurse", "teacher", "software developer", "plumber", "accountant", "chef", "electrician", "pharmacist",
        "social worker", "bus driver", "architect", "librarian", "hairdresser", "paramedic", "carpenter",
        "graphic designer", "solicitor", "vet", "lecturer", "shop manager"]
EMPLOYERS = ["the council", "the nhs", "a bank", "a small charity", "the university", "a building firm", "a bakery",
             "a law firm", "the post office", "a games studio", "a care home", "the railway", "a supermarket"]
THINGS = ["my keys", "my glasses", "the car", "my phone", "the washing machine", "the boiler", "my laptop", "the fridge",
          "my bike", "the dishwasher", "my hearing aid", "the front door lock", "the wifi", "my watch"]
CONDITIONS = ["migraines", "a bad back", "asthma", "hay fever", "high blood pressure", "insomnia", "a sore knee",
              "eczema", "diabetes", "tinnitus", "a bad cold", "a sprained ankle"]

STATEMENTS = [
    "my {relation} {person} lives in {place}",
    "my {relation} {person} just moved to {place}",
    "{person} is my {relation}, she works as a {job}",
    "{person}, my {relation}, is a {job} at {employer}",
    "i go to {activity} {time}",
    "i started {activity} with my {relation}",
    "i've got {event} {time}",
    "my {relation} has {event} {time}",
    "{person} has {event} {time} and is {feeling} about it",
    "i'm {feeling} about {event} {time}",
    "i can't have {food}, it gives me {condition}",
    "i really love {food}",
    "i've gone off {food} lately",
    "{food} makes me feel awful so i avoid it",
    "our {pet} {petname} is getting old",
    "we got a new {pet} called {petname}",
    "my {relation}'s {pet} is called {petname}",
    "i work as a {job} at {employer}",
    "i just started a new job as a {job}",
    "i've been feeling {feeling} since {person} left",
    "i had {condition} all week",
    "the doctor says my {condition} is getting better",
    "{person} and i are going to {place} {time}",
    "we're driving to {place} {time} to see my {relation}",
    "i lost {thing} again",
    "{thing} broke and i need to get it fixed",
    "my {relation} {person} is coming to stay {time}",
    "i'm meeting {person} at {place} {time}",
    "{person} recommended {activity} for my {condition}",
    "i felt {feeling} after {activity} today",
    "my {relation} {person} got a job as a {job}",
    "{person} is allergic to {food}",
    "i promised {person} i'd help with {activity} {time}",
    "the {event} got moved to {time}",
    "{person} cancelled {event}",
    "{event} went really well",
    "i grew up in {place} but i live in {place2} now",
    "my {relation} and my {relation2} don't get on",
    "{person} is {person2}'s {relation}",
    "i always take {pet} {petname} for a walk {time}",
    "remind me that {person} owes me money",
    "i'm saving up for a trip to {place}",
    "{person} said the new place in {place} has a great view",
    "i've been {activity} every week since january",
    "my {relation} worries about my {condition}",
]

QUERIES = [
    "where does my {relation} live now",
    "what does {person} do for a living",
    "when is my {event_bare}",
    "what's happening with {person}'s {event_bare}",
    "which foods should i stay away from",
    "what upsets my stomach",
    "what's the name of our {pet}",
    "who is {person}",
    "how is my {condition} doing",
    "what hobbies have i taken up recently",
    "what exercise do i do",
    "how was i feeling about the {event_bare}",
    "who's visiting soon",
    "where am i travelling to",
    "what did i say about my job",
    "where do i work these days",
    "is anyone in the family moving house",
    "what is {person} allergic to",
    "what's broken at home",
    "what have i misplaced",
    "has the {event_bare} been rescheduled",
    "who did i arrange to meet",
    "tell me about my {relation}",
    "what does my {relation} think about my health",
    "do i have any appointments coming up",
    "what should i ask {person} about",
    "how did the {event_bare} go",
    "which of my relatives lives in {place}",
    "what am i nervous about",
    "what treats do i enjoy",
    "who owes me money",
    "what am i saving for",
    "what classes have i signed up for",
    "who looks after the {pet}",
    "which town did i grow up in",
]


def pick(rng, items, avoid=None):
    while True:
        choice = rng.choice(items)
        if choice != avoid:
            return choice


def fill(template, rng):
    person = pick(rng, PEOPLE)
    relation = pick(rng, RELATIONS)
    place = pick(rng, PLACES)
    event = pick(rng, EVENTS)
    return template.format(
        person=person, person2=pick(rng, PEOPLE, person), relation=relation, relation2=pick(rng, RELATIONS, relation),
        place=place, place2=pick(rng, PLACES, place), activity=pick(rng, ACTIVITIES), food=pick(rng, FOODS),
        event=event, event_bare=event.split(" ", 1)[1], time=pick(rng, TIMES), feeling=pick(rng, FEELINGS),
        job=pick(rng, JOBS), employer=pick(rng, EMPLOYERS), pet=pick(rng, PETS), petname=pick(rng, PET_NAMES),
        thing=pick(rng, THINGS), condition=pick(rng, CONDITIONS))


def corpus(count, seed):
    rng = random.Random(seed)
    seen = set()
    out = []
    while len(out) < count:
        sentence = fill(rng.choice(STATEMENTS), rng)
        if sentence in seen:
            continue
        seen.add(sentence)
        out.append(sentence)
    return out


def queries(count, seed):
    rng = random.Random(seed + 1_000_003)
    seen = set()
    out = []
    while len(out) < count:
        sentence = fill(rng.choice(QUERIES), rng)
        if sentence in seen:
            continue
        seen.add(sentence)
        out.append(sentence)
    return out


def main():
    if len(sys.argv) < 3 or sys.argv[1] not in ("corpus", "queries"):
        sys.exit(__doc__)
    count = int(sys.argv[2])
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 14
    lines = corpus(count, seed) if sys.argv[1] == "corpus" else queries(count, seed)
    sys.stdout.write("".join(line + "\n" for line in lines))


if __name__ == "__main__":
    main()
