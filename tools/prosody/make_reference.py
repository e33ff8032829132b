#!/usr/bin/env python3
"""Make the prosody test audio and the Praat reference values Attune's prosody tests compare against.

    python3 tools/prosody/make_reference.py            # references only (audio already committed)
    python3 tools/prosody/make_reference.py --audio    # regenerate the test audio first

Needs: espeak-ng and sox (Debian), numpy and praat-parselmouth (PyPI). Writes Tests/Data/prosody/*.wav
and Tests/Data/prosody/reference.json. The Swift tests read only the committed outputs, so CI needs no Python.

Frame grid: Attune emits a frame every 10 ms centred at t = 0.01 k (k = 1, 2, ...), with sample n at
time (n + 0.5) / 16000 (Praat's convention). Praat fits its frames symmetrically into the sound; for a
sound whose length is a multiple of 160 samples its 'To Pitch (ac)' frames (75 Hz floor, 10 ms step)
fall exactly on that grid, at 0.02, 0.03, ... So every file is cut to a multiple of 160 samples before
Praat sees it, and Praat's frames are compared with Attune's frame of the same time.

Intensity: Praat's 'To Intensity' frames can never land on a 10 ms grid (their first frame sits half a
6.4-period window in), so this script re-computes Praat's definition (Kaiser-Bessel window of
6.4 / minimum pitch, mean subtracted, dB re (2e-5 Pa)^2) on Attune's grid with numpy, after checking that
this numpy version agrees with Praat itself to 0.01 dB at Praat's own frame times.
"""
import argparse, json, math, os, subprocess, sys, tempfile
import numpy as np
import parselmouth

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from wav16k import read_wav, write_wav

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DATA = os.path.join(ROOT, "Tests", "Data", "prosody")
SPEECH = os.path.join(ROOT, "Tests", "Data", "speech")  # CMU ARCTIC, licence beside them
FS = 16000
STEP = 160

PRAAT_PITCH = dict(time_step=0.01, pitch_floor=75.0, max_number_of_candidates=15, very_accurate=False,
                   silence_threshold=0.03, voicing_threshold=0.45, octave_cost=0.01,
                   octave_jump_cost=0.35, voiced_unvoiced_cost=0.14, pitch_ceiling=600.0)

# Sentences whose syllables were counted by hand from their dictionary syllabification
# (one vowel nucleus per syllable; words with disputed counts such as "every" or "flower" avoided).
SENTENCES = [
    ("The quick brown fox jumps over the lazy dog.", 11),           # o-ver, la-zy
    ("I would like to remember what matters to you.", 12),         # re-mem-ber, mat-ters
    ("Tomorrow morning we will visit the hospital together.", 16), # to-mor-row, mor-ning, vis-it, hos-pi-tal, to-geth-er
    ("She sells sea shells by the sea shore.", 8),                  # all one syllable
    ("Please call my daughter if I do not answer.", 11),           # daugh-ter, an-swer
    ("The old man sat on a bench and read the paper.", 12),        # pa-per
]
RATES = [120, 170, 220, 280]   # espeak-ng -s, words per minute


def fit_grid(x):
    return x[: len(x) // STEP * STEP]


def espeak(text, voice="en-us", rate=160, pitch=50):
    with tempfile.TemporaryDirectory() as tmp:
        raw, out = os.path.join(tmp, "e.wav"), os.path.join(tmp, "r.wav")
        subprocess.run(["espeak-ng", "-v", voice, "-s", str(rate), "-p", str(pitch), "-w", raw, text], check=True)
        subprocess.run(["sox", raw, "-r", str(FS), "-b", "16", out, "rate", "-v"], check=True)
        x = read_wav(out)
    # 200 ms of room noise at -70 dBFS on both sides, so silence is not digital zero.
    rng = np.random.default_rng(7)
    pad = np.zeros(int(0.2 * FS))
    y = np.concatenate([pad, x * 0.7, pad])
    y += rng.normal(0, 10 ** (-70 / 20), len(y))
    return fit_grid(y)


def add_noise(x, snr_db, seed):
    rng = np.random.default_rng(seed)
    active = np.abs(x) > 0.01 * np.max(np.abs(x))
    p_signal = np.mean(x[active] ** 2)
    noise = rng.normal(0, math.sqrt(p_signal / 10 ** (snr_db / 10)), len(x))
    y = x + noise
    return y / max(1.0, np.max(np.abs(y)) / 0.95)


def sox_synth(args, seconds):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "s.wav")
        subprocess.run(["sox", "-n", "-r", str(FS), "-b", "16", out, "synth", str(seconds)] + args, check=True)
        return fit_grid(read_wav(out))


def make_audio():
    os.makedirs(DATA, exist_ok=True)
    files = {}
    files["espeak-male.wav"] = espeak(SENTENCES[1][0], "en-us", 160, 50)
    files["espeak-female.wav"] = espeak(SENTENCES[2][0], "en-us+f3", 160, 60)
    files["espeak-low.wav"] = espeak(SENTENCES[4][0], "en-gb", 150, 15)
    files["espeak-high.wav"] = espeak(SENTENCES[5][0], "en-us+f4", 180, 90)
    for snr in (20, 10, 5):
        files[f"espeak-male-snr{snr}.wav"] = add_noise(files["espeak-male.wav"], snr, 100 + snr)
        files[f"espeak-female-snr{snr}.wav"] = add_noise(files["espeak-female.wav"], snr, 200 + snr)
    for f0 in (100, 220, 440):
        files[f"tone-{f0}.wav"] = sox_synth(["sine", str(f0), "vol", "0.5"], 1.0)
    files["sweep-100-400.wav"] = sox_synth(["sine", "100-400", "vol", "0.5"], 2.0)
    files["silence.wav"] = np.zeros(8000)
    for i, (text, _) in enumerate(SENTENCES):
        for rate in RATES:
            files[f"rate-s{i + 1}-{rate}.wav"] = espeak(text, "en-us", rate, 50)
    for name, x in files.items():
        write_wav(os.path.join(DATA, name), x)


def praat_pitch(x):
    snd = parselmouth.Sound(fit_grid(x), sampling_frequency=FS)
    pitch = snd.to_pitch_ac(**PRAAT_PITCH)
    times = pitch.xs()
    f0 = pitch.selected_array["frequency"]
    first_k = int(round(times[0] / 0.01))
    assert abs(times[0] - first_k * 0.01) < 1e-9, "Praat frames are not on the 10 ms grid"
    return first_k, [round(float(v), 4) for v in f0]


def kaiser_intensity_window(min_pitch):
    half_dur = 3.2 / min_pitch
    half = int(math.floor(half_dur * FS))
    i = np.arange(-half, half + 1)
    u = i / FS / half_dur
    return np.i0((2 * math.pi ** 2 + 0.5) * np.sqrt(np.clip(1 - u * u, 0, None))), half


def intensity_at(x, centre_sample, window, half):
    lo, hi = centre_sample - half, centre_sample + half + 1
    seg = np.zeros(hi - lo)
    a, b = max(lo, 0), min(hi, len(x))
    if a < b:
        seg[a - lo: b - lo] = x[a:b]
    w = window.copy()
    # Praat clips the window at the sound's edges; Attune pads with zeros instead. The two agree
    # wherever the window lies inside the sound, which is where the tests compare.
    seg = seg - seg.mean()
    p = np.sum(seg * seg * w) / np.sum(w)
    return -300.0 if p / 4e-10 < 1e-30 else 10 * math.log10(p / 4e-10)


def check_intensity_against_praat(x, min_pitch):
    window, half = kaiser_intensity_window(min_pitch)
    snd = parselmouth.Sound(x, sampling_frequency=FS)
    inten = snd.to_intensity(minimum_pitch=min_pitch, time_step=0.01, subtract_mean=True)
    worst = 0.0
    for t, v in zip(inten.xs(), inten.values[0]):
        # Praat's Sampled_xToNearestIndex, in its own floating-point order (t sits on a half-sample tie).
        n = int(math.floor((t - snd.x1) / snd.dx + 1.0 + 0.5)) - 1
        mine = intensity_at(x, n, window, half)
        if v > 0:
            worst = max(worst, abs(mine - v))
    return worst


def grid_intensity(x, min_pitch):
    window, half = kaiser_intensity_window(min_pitch)
    count = len(x) // STEP
    out = []
    for k in range(1, count + 1):
        c = k * STEP   # the sample just after t = 0.01 k is Praat's nearest sample (ties round up)
        if c - half < 0 or c + half >= len(x):
            out.append(None)
        else:
            out.append(round(intensity_at(x, c, window, half), 4))
    return out


def speech_span(x):
    peak = np.max(np.abs(x))
    idx = np.nonzero(np.abs(x) > 0.02 * peak)[0]
    return (idx[-1] - idx[0]) / FS


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--audio", action="store_true", help="regenerate the test audio first")
    args = ap.parse_args()
    if args.audio:
        make_audio()
    ref = {"praat": parselmouth.PRAAT_VERSION, "parselmouth": parselmouth.__version__,
           "pitchSettings": PRAAT_PITCH, "files": {}, "rate": []}
    names = sorted(n for n in os.listdir(DATA) if n.endswith(".wav"))
    sources = [(n, os.path.join(DATA, n)) for n in names]
    sources += [("speech/" + n, os.path.join(SPEECH, n)) for n in sorted(os.listdir(SPEECH)) if n.endswith(".wav")]
    worst_intensity = 0.0
    for name, path in sources:
        x = read_wav(path)
        entry = {}
        if not name.startswith("rate-"):
            first_k, f0 = praat_pitch(x)
            entry["pitchFirstFrame"] = first_k
            entry["f0Hz"] = f0
            entry["intensityDb"] = grid_intensity(x, 100.0)
            if len(x) > 0.2 * FS and np.max(np.abs(x)) > 0:
                worst_intensity = max(worst_intensity, check_intensity_against_praat(x, 100.0))
        ref["files"][name] = entry
        print(f"{name}: {len(x) / FS:.2f} s", file=sys.stderr)
    assert worst_intensity < 0.01, f"numpy intensity differs from Praat by {worst_intensity} dB"
    ref["intensityCheckWorstDb"] = worst_intensity
    for i, (text, syllables) in enumerate(SENTENCES):
        for rate in RATES:
            name = f"rate-s{i + 1}-{rate}.wav"
            x = read_wav(os.path.join(DATA, name))
            span = speech_span(x)
            ref["rate"].append({"file": name, "text": text, "espeakWordsPerMinute": rate, "syllables": syllables,
                                "speechSpanSec": round(span, 4), "trueRateSylPerSec": round(syllables / span, 4)})
    with open(os.path.join(DATA, "reference.json"), "w") as f:
        json.dump(ref, f, indent=0, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {os.path.join(DATA, 'reference.json')} (numpy intensity vs Praat: worst {worst_intensity:.5f} dB)",
          file=sys.stderr)


if __name__ == "__main__":
    main()
