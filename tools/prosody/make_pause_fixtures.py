#!/usr/bin/env python3
"""Make the pause-segmentation fixtures: espeak-ng sentences joined by silences of known length, in noise.

    python3 tools/prosody/make_pause_fixtures.py            # Praat values only (audio already committed)
    python3 tools/prosody/make_pause_fixtures.py --audio    # regenerate the audio first

Writes Tests/Data/prosody/pauses-*.wav and Tests/Data/prosody/pauses.json. Each file is one espeak-ng voice
saying a list of clauses, each synthesised on its own and trimmed to its first and last sample above 1e-3,
joined by silences inserted sample-exactly (espeak-ng's own clause pauses would blur the labels), then mixed
with sox's repeatable (-R) pink or brown noise at a fixed SNR measured over the speech samples. The labels are
the exact speech intervals; a pause is a silence between two of them.

pauses.json also carries Praat's "To Pitch (ac)" F0 of each file (the settings of make_reference.py, on
Attune's 10 ms grid), so the tests can check that F0 points Attune reports inside the noise are Praat's too.

Needs espeak-ng and sox (Debian), numpy and praat-parselmouth (PyPI). The Swift tests read only the
committed outputs.
"""
import argparse, json, os, subprocess, sys, tempfile
import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from wav16k import read_wav, write_wav

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DATA = os.path.join(ROOT, "Tests", "Data", "prosody")
FS = 16000
STEP = 160

PRAAT_PITCH = dict(time_step=0.01, pitch_floor=75.0, max_number_of_candidates=15, very_accurate=False,
                   silence_threshold=0.03, voicing_threshold=0.45, octave_cost=0.01,
                   octave_jump_cost=0.35, voiced_unvoiced_cost=0.14, pitch_ceiling=600.0)

# name: (voice, words per minute, pitch, noise colour, SNR dB, lead-in s, [(clause, silence after it s)])
FIXTURES = {
    # A low male voice (about 100 Hz) in brown noise at 10 dB SNR: the noise's level wanders by ~10 dB
    # (2nd to 98th percentile of its 10 ms intensity), which a fixed 6 dB margin over the quietest
    # frames does not cover.
    "pauses-male-brown10.wav": ("en-us", 160, 25, "brown", 10, 0.6, [
        ("When I got home,", 0.45),
        ("the kitchen light was still on.", 0.9),
        ("I looked in the fridge,", 0.35),
        ("and there was nothing left to eat.", 1.3),
        ("So I went back out to the corner shop,", 0.6),
        ("bought some bread and a bottle of milk,", 0.5),
        ("and walked home in the rain.", 1.1),
        ("It was a long evening.", 0.4),
        ("Tomorrow will be better.", 0.8),
    ]),
    # A female voice in pink noise at 20 dB SNR, the "other recording" the tests put before the first.
    "pauses-female-pink20.wav": ("en-us+f3", 170, 55, "pink", 20, 0.5, [
        ("Do you know what time it is?", 0.7),
        ("I think the shop closes at six,", 0.4),
        ("but I am not sure.", 1.0),
        ("We could go tomorrow morning instead.", 0.55),
        ("That would be fine with me.", 0.8),
    ]),
}


def say(work, text, voice, rate, pitch):
    raw, out = os.path.join(work, "raw.wav"), os.path.join(work, "16k.wav")
    subprocess.run(["espeak-ng", "-v", voice, "-s", str(rate), "-p", str(pitch), "-w", raw, text],
                   check=True, capture_output=True)
    subprocess.run(["sox", "-D", raw, "-r", str(FS), "-b", "16", out], check=True, capture_output=True)
    samples = read_wav(out)
    active = np.flatnonzero(np.abs(samples) > 1e-3)
    return samples[active[0]:active[-1] + 1]


def noise(work, colour, seconds):
    path = os.path.join(work, "noise.wav")
    subprocess.run(["sox", "-R", "-n", "-r", str(FS), "-b", "16", "-c", "1", path,
                    "synth", f"{seconds:.3f}", colour + "noise", "vol", "0.5"], check=True, capture_output=True)
    return read_wav(path)


def make_audio(work, voice, rate, pitch, colour, snr_db, lead_in, clauses):
    pieces = [np.zeros(int(round(lead_in * FS)))]
    position = len(pieces[0])
    speech = []
    for text, silence in clauses:
        audio = say(work, text, voice, rate, pitch)
        speech.append((position, position + len(audio)))
        pieces += [audio, np.zeros(int(round(silence * FS)))]
        position += len(audio) + len(pieces[-1])
    samples = np.concatenate(pieces)
    samples = samples[:len(samples) // STEP * STEP]
    mask = np.zeros(len(samples), bool)
    for a, b in speech:
        mask[a:b] = True
    n = noise(work, colour, len(samples) / FS + 0.1)[:len(samples)]
    gain = np.sqrt(np.mean(samples[mask] ** 2) / (np.mean(n ** 2) * 10 ** (snr_db / 10)))
    return samples + gain * n, speech


def praat_f0(path):
    import parselmouth
    pitch = parselmouth.Sound(path).to_pitch_ac(**PRAAT_PITCH)
    first = int(round(pitch.get_time_from_frame_number(1) / 0.01))
    return first, [round(float(f), 3) for f in pitch.selected_array["frequency"]]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--audio", action="store_true", help="regenerate the WAV files too")
    args = parser.parse_args()
    labels_path = os.path.join(DATA, "pauses.json")
    old = json.load(open(labels_path))["files"] if os.path.exists(labels_path) else {}
    files = {}
    with tempfile.TemporaryDirectory() as work:
        for name, (voice, rate, pitch, colour, snr, lead_in, clauses) in FIXTURES.items():
            path = os.path.join(DATA, name)
            if args.audio or name not in old:
                samples, speech = make_audio(work, voice, rate, pitch, colour, snr, lead_in, clauses)
                write_wav(path, samples)
                speech_sec = [[round(a / FS, 5), round(b / FS, 5)] for a, b in speech]
            else:
                speech_sec = old[name]["speechSec"]
            first, f0 = praat_f0(path)
            files[name] = {"voice": voice, "wordsPerMinute": rate, "pitch": pitch, "noise": colour, "snrDb": snr,
                           "speechSec": speech_sec, "praat": {"pitchFirstFrame": first, "f0Hz": f0}}
            print(f"{name}: {len(speech_sec)} speech segments, {len(speech_sec) - 1} pauses", file=sys.stderr)
    import parselmouth
    with open(labels_path, "w") as f:
        json.dump({"generator": "tools/prosody/make_pause_fixtures.py", "praat": parselmouth.PRAAT_VERSION,
                   "files": files}, f, indent=1)


if __name__ == "__main__":
    main()
