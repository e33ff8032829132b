"""Runs `attune turns` over the evaluation set (two at a time) and parses what it prints."""
import json, os, subprocess, tempfile
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
ATTUNE = os.environ.get("ATTUNE", os.path.join(ROOT, ".build", "release", "attune"))
FEATURE_NAMES = [
    "pauseLog", "pauseOverTypicalHold", "f0Slope", "f0FinalZ", "f0Missing", "finalLengthening",
    "energySlope", "rateRatio", "turnLengthLog", "transcriptHoldWord", "transcriptTerminal",
    "transcriptQuestion", "pauseLogTimesHoldWord", "pauseLogTimesF0FinalZ", "f0FinalRise", "f0FinalFall",
    "transcriptPresent",
]


def load_labels(directory):
    with open(os.path.join(directory, "labels.json")) as f:
        return json.load(f)["files"]


def run(args):
    result = subprocess.run([ATTUNE, "turns", *args], capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"attune turns {' '.join(args)} failed: {result.stderr.strip()}")
    return result.stdout


def parallel(function, items):
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        return list(pool.map(function, items))


def wav(directory, entry):
    return os.path.join(directory, entry["name"] + ".wav")


def transcript(directory, entry):
    path = os.path.join(directory, entry["name"] + ".transcript.jsonl")
    return path if os.path.getsize(path) > 0 else None


def never_firing_model(directory):
    """A model file that never declares an end of turn, so `--features` logs every 10 ms of every pause."""
    path = os.path.join(directory, "never.json")
    with open(path, "w") as f:
        n = len(FEATURE_NAMES)
        json.dump({"featureNames": FEATURE_NAMES, "pairs": [], "mean": [0.0] * n, "scale": [1.0] * n,
                   "weights": [0.0] * n, "bias": -50.0,
                   "threshold": 1.0, "fallbackPauseMs": 1e9, "provenance": {"note": "logs features only"}}, f)
    return path


def features(directory, entries, with_transcript):
    """Per entry: list of (t, speechEndT, pauseMs, [features]) for every judged 10 ms of every pause."""
    work = tempfile.mkdtemp()
    model = never_firing_model(work)

    def one(entry):
        args = [wav(directory, entry), "--features", "--model", model]
        if with_transcript and transcript(directory, entry):
            args += ["--transcript", transcript(directory, entry)]
        rows = [json.loads(line) for line in run(args).splitlines() if line.strip()]
        return [(r["t"], r["speechEndT"], r["pauseMs"], r["features"]) for r in rows]

    return parallel(one, entries)


def events(directory, entries, with_transcript, model=None):
    def one(entry):
        args = [wav(directory, entry), "--json"]
        if model:
            args += ["--model", model]
        if with_transcript and transcript(directory, entry):
            args += ["--transcript", transcript(directory, entry)]
        return json.loads(run(args))["events"]

    return parallel(one, entries)


def vad_probabilities(directory, entries):
    def one(entry):
        return [json.loads(line)["p"] for line in run([wav(directory, entry), "--vad-probabilities"]).splitlines()]

    return parallel(one, entries)
