#!/usr/bin/env python3
"""Make a harder, wider labelled turn-taking set: long holds, short shift gaps, 33 voices, noise, reverb.

    python3 tools/turn/make_hard_set.py [--out DIR] [--files N] [--seed S]
    python3 tools/turn/evaluate.py --data DIR            # the held-out (test) split, by hold length and SNR

Why: tools/turn/make_eval_set.py draws every hold from 0.2-1.0 s and every shift gap from 1.2-2.0 s, so a
detector fitted on it can learn "a pause past ~0.6 s is a shift". Real within-turn pauses run well past a
second, and the other party often starts within 200 ms. This set breaks that shortcut:

  holds       log-normal, median 0.5 s (sigma 0.7), redrawn outside 0.15-1.8 s: about a sixth are
              longer than 1 s and one in twenty longer than 1.5 s. Types: after a clause-internal comma,
              a conjunction, a filler ("let me think,"), mid-phrase after an article or preposition
              ("I put the spare key under the"), and list items.
  shifts      statements, questions and short answers; the gap to the next speech is uniform 0.1-1.5 s
              (the file's last shift is followed by 2.0 s of silence). A decision must come before the
              next speech (plus the scorer's 150 ms grace) to find the shift.
  voices      22 training and 11 test espeak-ng voices (accent + variant: en-us+f1, en-gb-x-rp+m3,
              en-029+klatt2 ...), rate 120-200 wpm and pitch 25-75 drawn per file. The test voices' accents
              and variants are used by no training voice (tools/turn/hard_set_sentences.py).
  sentences   a new bank (none shared with make_eval_set.py), split by phrase: test files only use
              test phrases, training files only training phrases.
  conditions  per file: clean (1 in 5) or noise at an SNR drawn from 5-10, 10-20 or 20-30 dB (each
              equally likely) of one colour: white, pink, brown (sox synth) or babble (3-5 streams of
              other espeak-ng sentences, voices of the same split, from a separate babble bank); room
              reverberation (sox reverb, reverberance 20-80 %, room scale 30-100 %) on 3 in 10 files;
              2-3 level steps of +-4-10 dB (20 ms ramps, inside pauses) on 3 in 10 files; and a
              random overall level (peak 0.2-0.9).
  real speech the two CMU ARCTIC recordings of Tests/Data/speech as three test files: clean, babble at
              10 dB and pink noise at 5 dB (their internal pauses found from the clean signal, as in
              make_eval_set.py).

Each clause is synthesised on its own with the punctuation that gives it its contour, and silences are
inserted sample-exactly, so every label is exact. With reverberation the labelled speech end is the dry
signal's: the reverberant tail is part of the pause, as it is for a listener. SNR is speech power (over
the labelled speech) against noise power; a level step scales speech and noise together, so it keeps it.

Output, in DIR (default /tmp/attune-turn-hard): NAME.wav (16 kHz mono S16), NAME.transcript.jsonl (the
text so far 100 ms after each clause ends, for `attune turns --transcript`) and labels.json, with the
schema of make_eval_set.py ({"files":[{"name","split","voice","rate","pitch","noise","snrDb",
"durationSec","pauses":[{"kind","type","speechEndT","nextSpeechT","transcriptSoFar"}]}]}) plus, per
pause, "holdSec" (holds) or "gapSec" (shifts); per file "reverb" (null or its sox parameters),
"levelSteps" ([{"t","db"}]) and "peak"; and at the top "split", the voices and phrases of each split.
Deterministic for a given --seed (same espeak-ng and sox versions). Needs espeak-ng, sox and numpy.
"""
import argparse, hashlib, json, math, os, random, subprocess, sys, tempfile
import numpy as np

sys.path.insert(0, os.path.dirname(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
import hard_set_sentences as bank
from make_eval_set import DrawnTurns, Synthesiser, mix, real_file, speak_turns, speech_mask
from wav16k import read_wav, write_wav

RATE = 16000
HOLD_MEDIAN, HOLD_SIGMA, HOLD_MIN, HOLD_MAX = 0.5, 0.7, 0.15, 1.8
GAP_MIN, GAP_MAX, FINAL_GAP = 0.1, 1.5, 2.0
NOISES = ["white", "pink", "brown", "babble"]
SNR_RANGES = [(5, 10), (10, 20), (20, 30)]


def hold_seconds(rng):
    """A hold's length: log-normal with median HOLD_MEDIAN, redrawn until inside [HOLD_MIN, HOLD_MAX]."""
    while True:
        seconds = rng.lognormvariate(math.log(HOLD_MEDIAN), HOLD_SIGMA)
        if HOLD_MIN <= seconds <= HOLD_MAX:
            return seconds


def gap_seconds(rng):
    return rng.uniform(GAP_MIN, GAP_MAX)


def capitalised(text):
    return text[0].upper() + text[1:]


def make_turn(rng, phrases):
    """A turn from this split's phrases: [(clause text, hold type after it or None)], shift type."""
    shift = rng.choices(["statement", "question", "short_answer"], weights=[5, 3, 2])[0]
    if shift == "short_answer":
        return [(rng.choice(phrases["shortAnswer"]), None)], shift
    if shift == "statement" and rng.random() < 0.2:
        clauses = [(rng.choice(phrases["listOpener"]), "list")]
        clauses += [(item, "list") for item in rng.sample(phrases["listItem"], rng.randint(1, 3))]
        return clauses + [(rng.choice(phrases["listEnd"]), None)], shift
    clauses = []
    for _ in range(rng.randint(1, 3)):
        kind = rng.choices(["conjunction", "comma", "filler", "unfinished"], weights=[4, 3, 2, 2])[0]
        text = rng.choice(phrases[kind])
        # Conjunctions and unfinished phrases get espeak-ng's continuation contour (a comma); without it
        # they would get a full stop's fall.
        clauses.append((text + "," if kind in ("conjunction", "unfinished") else text, kind))
    clauses.append((rng.choice(phrases["statement" if shift == "statement" else "question"]), None))
    return [(capitalised(t) if i == 0 else t, k) for i, (t, k) in enumerate(clauses)], shift


def check_voices_differ(synth):
    """espeak-ng silently ignores some variant names (en-gb+f2 is en-gb); refuse a voice list with twins."""
    seen = {}
    for voice in bank.TRAIN_VOICES + bank.TEST_VOICES:
        digest = hashlib.sha1(synth.say("One two three, four five.", voice, 160, 50).tobytes()).hexdigest()
        if digest in seen:
            raise SystemExit(f"voices {seen[digest]} and {voice} sound the same in this espeak-ng")
        seen[digest] = voice


def sox_colour(work, colour, seconds):
    path = os.path.join(work, f"{colour}.wav")
    subprocess.run(["sox", "-R", "-n", "-r", str(RATE), "-b", "16", "-c", "1", path,
                    "synth", f"{seconds:.3f}", colour + "noise", "vol", "0.5"], check=True, capture_output=True)
    return read_wav(path)


def babble_streams(rng, synth, split, seconds, count=5):
    """`count` talkers of this split's voices, each saying babble phrases back to back for `seconds`."""
    phrases = bank.split_bank(bank.BABBLE, split)
    voices = bank.TRAIN_VOICES if split == "train" else bank.TEST_VOICES
    streams = []
    for _ in range(count):
        voice, rate, pitch = rng.choice(voices), rng.randint(130, 190), rng.randint(30, 70)
        pieces, length = [], 0
        while length < seconds * RATE:
            audio = synth.say(rng.choice(phrases), voice, rate, pitch)
            gap = np.zeros(int(rng.uniform(0.05, 0.4) * RATE))
            pieces += [audio / (np.sqrt(np.mean(audio ** 2)) + 1e-9), gap]
            length += len(audio) + len(gap)
        streams.append(np.concatenate(pieces)[:int(seconds * RATE)])
    return streams


def looped(noise, length, offset):
    """`length` samples of `noise` from `offset`, wrapping around."""
    return np.take(noise, np.arange(offset, offset + length) % len(noise))


class Noises:
    """Noise beds made once per run (colours) or per split (babble); files take them from an offset."""

    def __init__(self, rng, synth, work, seconds=120.0):
        self.colours = {c: sox_colour(work, c, seconds) for c in ("white", "pink", "brown")}
        self.babble = {split: babble_streams(rng, synth, split, seconds) for split in ("train", "test")}

    def make(self, rng, colour, split, length):
        if colour != "babble":
            bed = self.colours[colour]
            return looped(bed, length, rng.randrange(len(bed)))
        talkers = rng.sample(self.babble[split], rng.randint(3, 5))
        return sum(looped(s, length, rng.randrange(len(s))) * 10 ** (rng.uniform(-3, 3) / 20) for s in talkers)


def reverberate(work, samples, reverberance, room_scale, pre_delay_ms):
    """sox reverb (wet and dry), cut back to the input's length."""
    dry, wet = os.path.join(work, "dry.wav"), os.path.join(work, "wet.wav")
    peak = np.max(np.abs(samples)) + 1e-9
    write_wav(dry, samples * (0.5 / peak))
    subprocess.run(["sox", "-D", "-R", "-G", dry, "-b", "16", wet, "reverb", str(reverberance), "50", str(room_scale), "100",
                    str(pre_delay_ms), "0"], check=True, capture_output=True)
    out = read_wav(wet)[:len(samples)]
    return np.pad(out, (0, len(samples) - len(out))) * (peak / 0.5)


def level_steps(rng, samples, pauses):
    """2-3 gain steps of +-4-10 dB, each at the middle of a random pause, with a 20 ms ramp."""
    chosen = sorted(rng.sample(range(len(pauses) - 1), min(rng.randint(2, 3), len(pauses) - 1)))
    gain = np.ones(len(samples))
    steps, level_db = [], 0.0
    for i in chosen:
        p = pauses[i]
        t = (p["speechEndT"] + p["nextSpeechT"]) / 2
        step = rng.choice([-1, 1]) * rng.uniform(4, 10)
        level_db = max(-12.0, min(12.0, level_db + step))
        start = int(t * RATE)
        ramp = np.linspace(gain[start - 1] if start > 0 else 1.0, 10 ** (level_db / 20), 320)
        gain[start:start + len(ramp)] = ramp[:len(gain) - start]
        gain[start + len(ramp):] = 10 ** (level_db / 20)
        steps.append({"t": round(t, 3), "db": round(level_db, 2)})
    return samples * gain, steps


def conditions(rng):
    """Noise colour and SNR, reverb and level steps of one file."""
    noise = "none" if rng.random() < 0.2 else rng.choice(NOISES)
    snr = None if noise == "none" else round(rng.uniform(*rng.choice(SNR_RANGES)), 1)
    reverb = None
    if rng.random() < 0.3:
        reverb = {"reverberance": rng.randint(20, 80), "roomScale": rng.randint(30, 100), "preDelayMs": rng.randint(0, 30)}
    return noise, snr, reverb, rng.random() < 0.3


def dialogue_file(rng, synth, noises, work, name, split, voice, index):
    phrases = {k: bank.split_bank(v, split) for k, v in bank.BANKS.items()}
    rate, pitch = rng.randint(120, 200), rng.randint(25, 75)
    turns = DrawnTurns(rng.randint(5, 8), lambda: make_turn(rng, phrases))
    pieces, pauses, transcripts, speech = speak_turns(
        turns, synth, voice, rate, pitch,
        lambda hold, last: hold_seconds(rng) if hold else (FINAL_GAP if last else gap_seconds(rng)))
    for pause in pauses:
        pause["holdSec" if pause["kind"] == "hold" else "gapSec"] = pause.pop("silenceSec")
    samples = np.concatenate(pieces)
    noise, snr, reverb, steps_wanted = conditions(rng)
    if reverb:
        samples = reverberate(work, samples, reverb["reverberance"], reverb["roomScale"], reverb["preDelayMs"])
    if snr is not None:
        samples = mix(samples, speech_mask(len(samples), speech), noises.make(rng, noise, split, len(samples)), snr)
    steps = []
    if steps_wanted:
        samples, steps = level_steps(rng, samples, pauses)
    peak = round(rng.uniform(0.2, 0.9), 3)
    samples = samples * (peak / (np.max(np.abs(samples)) + 1e-9))
    return samples, transcripts, {"name": name, "split": split, "voice": voice, "rate": rate, "pitch": pitch,
                                  "noise": noise, "snrDb": snr, "reverb": reverb, "levelSteps": steps, "peak": peak,
                                  "durationSec": round(len(samples) / RATE, 4), "pauses": pauses}


def recorded_files(rng, noises):
    """The CMU ARCTIC file of make_eval_set.py, clean, with babble at 10 dB and with pink noise at 5 dB."""
    clean, label = real_file("recorded-arctic")
    speech = np.abs(clean) > 0
    out = []
    for suffix, colour, snr in (("", "none", None), ("-babble10", "babble", 10.0), ("-pink5", "pink", 5.0)):
        samples = clean if snr is None else mix(clean, speech, noises.make(rng, colour, "test", len(clean)), snr)
        pauses = [dict(p, **({"holdSec": round(p["nextSpeechT"] - p["speechEndT"], 4)} if p["kind"] == "hold"
                             else {"gapSec": round(p["nextSpeechT"] - p["speechEndT"], 4)})) for p in label["pauses"]]
        out.append((samples, dict(label, name="recorded-arctic" + suffix, noise=colour, snrDb=snr, reverb=None,
                                  levelSteps=[], peak=None, pauses=pauses)))
    return out


def write_file(out, name, samples, transcripts):
    write_wav(os.path.join(out, name + ".wav"), samples)
    with open(os.path.join(out, name + ".transcript.jsonl"), "w") as f:
        f.writelines(json.dumps(t) + "\n" for t in transcripts)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default="/tmp/attune-turn-hard", help="output directory (default %(default)s)")
    parser.add_argument("--files", type=int, default=96,
                        help="synthetic files; every third is a test file (default %(default)s, about 80 s each)")
    parser.add_argument("--seed", type=int, default=20261206, help="random seed (default %(default)s)")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    rng = random.Random(args.seed)
    labels = []
    with tempfile.TemporaryDirectory() as work:
        synth = Synthesiser(work)
        check_voices_differ(synth)
        print("noise beds …", file=sys.stderr, flush=True)
        noises = Noises(random.Random(args.seed + 1), synth, work)
        for index in range(args.files):
            split = "test" if index % 3 == 2 else "train"
            voice = rng.choice(bank.TEST_VOICES if split == "test" else bank.TRAIN_VOICES)
            name = f"hard-{index:03d}"
            samples, transcripts, label = dialogue_file(rng, synth, noises, work, name, split, voice, index)
            write_file(args.out, name, samples, transcripts)
            labels.append(label)
            print(f"\r{index + 1}/{args.files} files", end="", file=sys.stderr, flush=True)
        for samples, label in recorded_files(random.Random(args.seed + 2), noises):
            write_wav(os.path.join(args.out, label["name"] + ".wav"), samples)
            open(os.path.join(args.out, label["name"] + ".transcript.jsonl"), "w").close()
            labels.append(label)
    with open(os.path.join(args.out, "labels.json"), "w") as f:
        json.dump({"generator": "tools/turn/make_hard_set.py", "seed": args.seed, "split": bank.split_definition(),
                   "files": labels}, f, indent=1)
    for split in ("train", "test"):
        files = [l for l in labels if l["split"] == split]
        holds = [p for l in files for p in l["pauses"] if p["kind"] == "hold"]
        shifts = sum(p["kind"] == "shift" for l in files for p in l["pauses"])
        long_holds = sum(p["holdSec"] > 1.0 for p in holds)
        print(f"\n{split}: {len(files)} files, {sum(l['durationSec'] for l in files) / 60:.1f} min, {len(holds)} holds "
              f"({long_holds} over 1 s), {shifts} shifts, {len({l['voice'] for l in files})} voices", end="", file=sys.stderr)
    print(f"\n-> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
