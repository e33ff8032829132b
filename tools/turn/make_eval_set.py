#!/usr/bin/env python3
"""Make Attune's labelled turn-taking evaluation set.

    python3 tools/turn/make_eval_set.py [--out DIR] [--files N] [--seed S]

Writes DIR (default /tmp/attune-turn-eval) with, per file, NAME.wav (16 kHz mono S16), NAME.transcript.jsonl
(the partial transcripts a streaming recogniser would hand over, for `attune turns --transcript`) and one
labels.json describing every file and every pause in it.

Each file is a monologue of one synthetic speaker (espeak-ng; a voice, rate and pitch drawn per file) made
of turns. Inside a turn, clauses are separated by *hold* pauses of 0.2-1.0 s: after a clause-internal
comma ("When I got home,"), a conjunction ("... and", "so", "because"), a filler ("um,", "I mean,") or a
list item ("some bread,"). A turn ends in a *shift*: a statement, a question or a short answer, followed
by 1.2-2.0 s of silence before the next turn. Every clause is synthesised on its own with the
punctuation that gives it its intonation (espeak-ng's comma, full stop and question contours) and the
silences are inserted sample-exactly, so every label is exact. (espeak-ng's SSML <break> adds its own
clause pause around the requested break, which would blur the labels; per-clause synthesis with
the same -v/-s/-p settings gives the same contours with exact timing.)

A third of the files get noise made by sox (pink or brown), mixed at 20 or 10 dB SNR over the speech.
Files are split by voice: the test files use voices that no training file uses. The real recordings
in Tests/Data/speech/ are added as one test file (two turns; their internal pauses are found from
the clean signal's energy and labelled holds).

Labels (labels.json): {"files":[{"name","split","voice","rate","pitch","noise","snrDb","durationSec",
"pauses":[{"kind":"hold"|"shift","type","speechEndT","nextSpeechT","transcriptSoFar"}]}]}.
Needs espeak-ng, sox and numpy.
"""
import argparse, json, os, random, subprocess, sys, tempfile
import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from wav16k import read_wav, write_wav

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
RATE = 16000

TRAIN_VOICES = ["en-us", "en-gb", "en-us+f3", "en-gb+f2", "en-us+m3", "en-gb-x-rp+f5", "en-us+m7",
                "en-us+Annie", "en-gb+Linda", "en-us+Michael", "en-gb+Steph", "en-us+Andy", "en-gb-x-rp+Robert"]
TEST_VOICES = ["en-029+f4", "en-gb-scotland+f1"]

CONJUNCTION = ["I went to the market this morning and", "we were going to leave early but",
               "the train was running late so", "I could not sleep last night because",
               "my sister called me yesterday and", "I tried to fix the printer but",
               "the weather was lovely so", "we stayed at home because", "I read the whole report and",
               "he never answered the phone so", "she moved to a new flat and", "I wanted to call you but",
               "the kids were tired so", "I had to work late because", "we finished the painting and"]
COMMA = ["When I got home,", "After the meeting,", "If you have a minute,", "On the way back,",
         "Before we start,", "As far as I know,", "To be honest,", "In the end,", "Last weekend,",
         "Now that I think about it,", "Every morning,", "Once the rain stopped,"]
FILLER = ["um,", "so um,", "I mean,", "well,", "uh,", "you know,"]
LIST_OPENERS = ["I still need to buy eggs,", "We packed the tent,", "She brought apples,",
                "The box had old letters,", "For dinner we have rice,"]
LIST_ITEMS = ["some bread,", "a torch,", "two blankets,", "oranges,", "a map,", "photographs,",
              "the tickets,", "fresh herbs,"]
LIST_ENDS = ["and a bottle of milk.", "and a small stove.", "and a few pears.", "and some old coins.",
             "and a green salad."]
STATEMENT = ["it was really quite nice.", "that took most of the afternoon.", "I think that was the right call.",
             "we will see how it goes.", "the whole thing was finished by noon.", "nobody noticed at all.",
             "it turned out to be a good day.", "I am still thinking about it.", "that is all I wanted to say.",
             "the house is much quieter now."]
QUESTION = ["do you know what time it is?", "can you turn on the lights?", "what should I cook tonight?",
            "is the shop still open?", "could you remind me tomorrow?", "have you seen my keys?",
            "do you think it will rain?", "where did we put the tickets?", "how long does it take?",
            "would you like to come along?"]
SHORT_ANSWER = ["Yes.", "No, not really.", "Sure.", "That sounds good.", "Maybe tomorrow.", "I think so.",
                "Not yet.", "Of course.", "Thanks, that helps.", "Fine."]


def capitalised(text):
    return text[0].upper() + text[1:]


def make_turn(rng):
    """A turn: a list of (clause text, hold type of the pause after it or None), and its shift type."""
    shift = rng.choices(["statement", "question", "short_answer"], weights=[5, 3, 2])[0]
    if shift == "short_answer":
        return [(rng.choice(SHORT_ANSWER), None)], shift
    clauses = []
    if rng.random() < 0.25 and shift == "statement":
        clauses.append((rng.choice(LIST_OPENERS), "list"))
        for item in rng.sample(LIST_ITEMS, rng.randint(1, 2)):
            clauses.append((item, "list"))
        clauses.append((rng.choice(LIST_ENDS), None))
        return clauses, shift
    for _ in range(rng.randint(1, 3)):
        kind = rng.choices(["conjunction", "comma", "filler"], weights=[4, 3, 2])[0]
        text = rng.choice({"conjunction": CONJUNCTION, "comma": COMMA, "filler": FILLER}[kind])
        # A trailing conjunction is said with the continuation contour (espeak-ng's comma); without
        # the comma espeak-ng would give it a full stop's fall, which no speaker does mid-turn.
        clauses.append((text + "," if kind == "conjunction" else text, kind))
    final = rng.choice(STATEMENT if shift == "statement" else QUESTION)
    clauses.append((final, None))
    return [(capitalised(t) if i == 0 else t, k) for i, (t, k) in enumerate(clauses)], shift


class Synthesiser:
    def __init__(self, work):
        self.work = work
        self.cache = {}

    def say(self, text, voice, rate, pitch):
        key = (text, voice, rate, pitch)
        if key not in self.cache:
            raw = os.path.join(self.work, "raw.wav")
            out = os.path.join(self.work, "16k.wav")
            subprocess.run(["espeak-ng", "-v", voice, "-s", str(rate), "-p", str(pitch), "-w", raw, text],
                           check=True, capture_output=True)
            subprocess.run(["sox", "-D", raw, "-r", str(RATE), "-b", "16", out], check=True, capture_output=True)
            samples = read_wav(out)
            active = np.flatnonzero(np.abs(samples) > 1e-3)
            self.cache[key] = samples[active[0]:active[-1] + 1] if len(active) else samples[:0]
        return self.cache[key]


def sox_noise(work, colour, seconds, seed):
    path = os.path.join(work, "noise.wav")
    subprocess.run(["sox", "-R", "-n", "-r", str(RATE), "-b", "16", "-c", "1", path,
                    "synth", f"{seconds:.3f}", colour + "noise", "vol", "0.5"], check=True, capture_output=True)
    noise = read_wav(path)
    # sox's -R makes its generator repeatable; shift it per file so files do not share one noise.
    return np.roll(noise, seed * 7919 % max(len(noise), 1))


def mix(samples, speech_mask, noise, snr_db):
    speech_power = np.mean(samples[speech_mask] ** 2)
    noise = noise[:len(samples)]
    gain = np.sqrt(speech_power / (np.mean(noise ** 2) * 10 ** (snr_db / 10)))
    return samples + gain * noise


def speak_turns(turns, synth, voice, rate, pitch, silence_after):
    """Synthesises a file's turns, each a (clauses, shift type) of make_turn drawn when its turn comes,
    clause by clause, with the silence `silence_after(hold, last)` in seconds after each (`last`: the
    file's final clause), inserted sample-exactly. Returns the pieces of audio, the labelled pauses
    (each with its silence as `silenceSec`), the partial transcripts and the speech spans in samples."""
    pieces = [np.zeros(int(0.5 * RATE))]
    position = len(pieces[0])
    pauses, transcripts, speech = [], [], []
    for turn, (clauses, shift) in enumerate(turns):
        said = []
        transcripts.append({"t": round(position / RATE + 0.1, 3), "text": ""})
        for i, (text, hold) in enumerate(clauses):
            audio = synth.say(text, voice, rate, pitch)
            start = position
            pieces.append(audio)
            position += len(audio)
            speech.append((start, position))
            said.append(text)
            so_far = " ".join(said)
            end_t = position / RATE
            transcripts.append({"t": round(end_t + 0.1, 3), "text": so_far})
            silence = int(round(silence_after(hold, turns.last and i == len(clauses) - 1) * RATE))
            pieces.append(np.zeros(silence))
            position += silence
            pauses.append({"kind": "hold" if hold else "shift", "type": hold or shift,
                           "speechEndT": round(end_t, 4), "nextSpeechT": round(position / RATE, 4),
                           "transcriptSoFar": so_far, "silenceSec": round(silence / RATE, 4)})
    return pieces, pauses, transcripts, speech


class DrawnTurns:
    """`count` turns drawn with `draw()` one at a time, as speak_turns reaches them (so the random
    draws keep their order); `last` is true while the final one is spoken."""

    def __init__(self, count, draw):
        self.count, self.draw, self.last = count, draw, False

    def __iter__(self):
        for turn in range(self.count):
            self.last = turn == self.count - 1
            yield self.draw()


def speech_mask(length, speech):
    """True on the samples inside the speech spans."""
    mask = np.zeros(length, bool)
    for a, b in speech:
        mask[a:b] = True
    return mask


def synthetic_file(rng, synth, work, name, split, voice, index):
    rate = rng.randint(130, 190)
    pitch = rng.randint(30, 70)
    turns = DrawnTurns(rng.randint(5, 8), lambda: make_turn(rng))
    pieces, pauses, transcripts, speech = speak_turns(
        turns, synth, voice, rate, pitch, lambda hold, last: rng.uniform(0.2, 1.0) if hold else rng.uniform(1.2, 2.0))
    for pause in pauses:
        del pause["silenceSec"]
    samples = np.concatenate(pieces)
    noise, snr = "none", None
    if index % 3 == 1 or index % 3 == 2:
        colour = rng.choice(["pink", "brown"])
        snr = 20 if index % 3 == 1 else 10
        samples = mix(samples, speech_mask(len(samples), speech), sox_noise(work, colour, len(samples) / RATE + 0.1, index), snr)
        noise = colour
    return samples, transcripts, {"name": name, "split": split, "voice": voice, "rate": rate, "pitch": pitch,
                                  "noise": noise, "snrDb": snr, "durationSec": round(len(samples) / RATE, 4),
                                  "pauses": pauses}


def real_file(name):
    """The real recordings (CMU ARCTIC, Tests/Data/speech) as two turns; internal pauses (≥ 150 ms below max − 35 dB) are holds."""
    paths = [os.path.join(ROOT, "Tests", "Data", "speech", f) for f in ("arctic_a0007.wav", "arctic_a0009.wav")]
    pieces = [np.zeros(int(0.5 * RATE))]
    position = len(pieces[0])
    pauses = []
    for k, path in enumerate(paths):
        audio = read_wav(path)
        frames = len(audio) // 160
        energy = 10 * np.log10(np.array([np.mean(audio[i * 160:(i + 1) * 160] ** 2) for i in range(frames)]) + 1e-12)
        active = energy > energy.max() - 35
        first, last = np.flatnonzero(active)[[0, -1]]
        audio = audio[first * 160:(last + 1) * 160]
        active = active[first:last + 1]
        run = 0
        for i, a in enumerate(active):
            if not a:
                run += 1
                continue
            if run >= 15:
                pauses.append({"kind": "hold", "type": "recorded", "speechEndT": round((position + (i - run) * 160) / RATE, 4),
                               "nextSpeechT": round((position + i * 160) / RATE, 4), "transcriptSoFar": ""})
            run = 0
        pieces.append(audio)
        position += len(audio)
        gap = int((1.5 if k == 0 else 2.0) * RATE)
        pieces.append(np.zeros(gap))
        pauses.append({"kind": "shift", "type": "statement", "speechEndT": round(position / RATE, 4),
                       "nextSpeechT": round((position + gap) / RATE, 4), "transcriptSoFar": ""})
        position += gap
    samples = np.concatenate(pieces)
    return samples, {"name": name, "split": "test", "voice": "recorded (CMU ARCTIC)", "rate": None, "pitch": None,
                     "noise": "none", "snrDb": None, "durationSec": round(len(samples) / RATE, 4), "pauses": pauses}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default="/tmp/attune-turn-eval")
    parser.add_argument("--files", type=int, default=96, help="synthetic files (a quarter of them test)")
    parser.add_argument("--seed", type=int, default=20261201)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    rng = random.Random(args.seed)
    labels = []
    with tempfile.TemporaryDirectory() as work:
        synth = Synthesiser(work)
        for index in range(args.files):
            test = index % 4 == 3
            voice = rng.choice(TEST_VOICES if test else TRAIN_VOICES)
            name = f"turns-{index:03d}"
            samples, transcripts, label = synthetic_file(rng, synth, work, name, "test" if test else "train", voice, index)
            write_wav(os.path.join(args.out, name + ".wav"), samples)
            with open(os.path.join(args.out, name + ".transcript.jsonl"), "w") as f:
                f.writelines(json.dumps(t) + "\n" for t in transcripts)
            labels.append(label)
            print(f"\r{index + 1}/{args.files} files", end="", file=sys.stderr, flush=True)
        samples, label = real_file("recorded-arctic")
        write_wav(os.path.join(args.out, "recorded-arctic.wav"), samples)
        open(os.path.join(args.out, "recorded-arctic.transcript.jsonl"), "w").close()
        labels.append(label)
    with open(os.path.join(args.out, "labels.json"), "w") as f:
        json.dump({"generator": "tools/turn/make_eval_set.py", "seed": args.seed, "files": labels}, f, indent=1)
    holds = sum(p["kind"] == "hold" for l in labels for p in l["pauses"])
    shifts = sum(p["kind"] == "shift" for l in labels for p in l["pauses"])
    seconds = sum(l["durationSec"] for l in labels)
    print(f"\n{len(labels)} files, {seconds / 60:.1f} min, {holds} holds, {shifts} shifts -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
