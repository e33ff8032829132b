#!/usr/bin/env python3
"""Fit Attune's end-of-turn model on the labelled evaluation set and write models/end-of-turn.json.

    python3 tools/turn/make_eval_set.py                 # the labelled set, in /tmp/attune-turn-eval
    swift build -c release --product attune
    python3 tools/turn/fit_end_of_turn.py [--data DIR] [--out models/end-of-turn.json] [--target 0.04]

1. Runs `attune turns FILE --features` on every training file (split "train"), once on the audio alone
   and once with its partial transcripts, with a model that never fires, so every 10 ms of every pause
   is logged with the 14 cues the detector computes there (Sources/AttuneTurn/TurnCues.swift).
2. Labels each logged frame from labels.json: 1 inside a shift pause, 0 inside a hold pause or inside
   speech (a decision there would be a cut-in too). Frames more than 1.2 s into a pause are left out:
   pause length alone decides those, and they would swamp the frames where the decision is made.
3. Fits a logistic regression (Newton-Raphson / IRLS) with numpy on the cues and the pairwise
   products of the prosodic ones, standardised (tools/turn/model.py has the form); the L2 penalty is
   chosen with the threshold in step 4.
4. Chooses the threshold, the fallback pause and the penalty by cross-validation across voices: for each training
   voice, a model fitted on the other voices is replayed on that voice's files with the detector's
   rule (the first 10 ms frame of a pause whose p >= threshold, or whose pause >= fallback, declares
   the end of turn). Pooled over the voices, the pair that keeps false cut-ins at or below --target
   (4 %) on the audio alone and with transcripts, and finds >= 95 % of shifts, with the lowest median
   latency on the audio alone, is kept. Held-out voices cut in more often than the voices a model was
   fitted on; choosing on voices the fold did not see is what makes the threshold hold on new ones.
5. Refits on all training files and writes the model with its provenance (data, seed, sizes, the
   cross-validated metrics at the chosen setting).

Test files (split "test", other voices) are never read here; tools/turn/evaluate.py reports on them.
"""
import argparse, datetime, json, os, sys
import numpy as np

sys.path.insert(0, os.path.dirname(__file__))
import runner, scoring
from model import Model, expand

MAX_PAUSE_MS = 1200


def label_rows(rows, pauses):
    X, y = [], []
    for t, _, pause_ms, features in rows:
        if pause_ms > MAX_PAUSE_MS:
            continue
        i = scoring.pause_at(t, pauses)
        X.append(features)
        y.append(1.0 if i is not None and pauses[i]["kind"] == "shift" else 0.0)
    return X, y


def fit_logistic(X, y, l2=1e-4, iterations=60):
    n, d = X.shape
    A = np.hstack([X, np.ones((n, 1))])
    w = np.zeros(d + 1)
    w[-1] = np.log(max(y.mean(), 1e-3) / max(1 - y.mean(), 1e-3))
    penalty = np.full(d + 1, l2 * n)
    penalty[-1] = 0
    for _ in range(iterations):
        p = 1 / (1 + np.exp(-np.clip(A @ w, -30, 30)))
        gradient = A.T @ (p - y) + penalty * w
        hessian = (A * (p * (1 - p))[:, None]).T @ A + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w[:-1], w[-1]


class Replay:
    """The detector's rule replayed on logged pauses: in each pause (rows sharing speechEndT), the
    first 10 ms frame with p >= threshold or pause >= fallback declares the end of turn."""

    def __init__(self, runs, model):
        self.files = []
        for entry, rows in runs:
            groups = {}
            for t, end, pause_ms, features in rows:
                groups.setdefault(end, []).append((t, pause_ms, features))
            pauses = []
            for end, g in groups.items():
                t = np.array([r[0] for r in g])
                pause_ms = np.array([r[1] for r in g])
                p = model.probabilities([r[2] for r in g])
                pauses.append((t, pause_ms, np.maximum.accumulate(p)))
            self.files.append((entry["pauses"], pauses))

    def decide(self, threshold, fallback_ms):
        per_file = []
        for labelled, pauses in self.files:
            out = []
            for t, pause_ms, running_max in pauses:
                fire = (running_max >= threshold) | (pause_ms >= fallback_ms)
                if fire.any():
                    out.append(float(t[np.argmax(fire)]))
            per_file.append((labelled, out))
        return per_file

    def score(self, threshold, fallback_ms):
        return scoring.score(self.decide(threshold, fallback_ms))


def fit(runs, l2):
    X, y = [], []
    for entry, rows in runs:
        a, b = label_rows(rows, entry["pauses"])
        X += a
        y += b
    E = expand(X)
    mean, scale = E.mean(0), E.std(0)
    scale[scale < 1e-9] = 1
    weights, bias = fit_logistic((E - mean) / scale, np.array(y), l2=l2)
    return Model(weights, bias, mean, scale), len(y), int(np.sum(y))


PENALTIES = [1e-4, 1e-3, 1e-2]
GRID = [(float(th), fb) for fb in range(900, 1600, 100) for th in np.round(np.arange(0.30, 0.996, 0.01), 2)]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default="/tmp/attune-turn-eval")
    parser.add_argument("--out", default=os.path.join(runner.ROOT, "models", "end-of-turn.json"))
    parser.add_argument("--target", type=float, default=0.04, help="false cut-in rate to stay under on training files")
    args = parser.parse_args()
    with open(os.path.join(args.data, "labels.json")) as f:
        labels = json.load(f)
    train = [e for e in labels["files"] if e["split"] == "train"]
    print(f"logging features on {len(train)} training files …", file=sys.stderr)
    audio_only = list(zip(train, runner.features(args.data, train, with_transcript=False)))
    with_text = list(zip(train, runner.features(args.data, train, with_transcript=True)))
    voices = sorted({e["voice"] for e in train})
    print(f"cross-validating across {len(voices)} voices …", file=sys.stderr)
    chosen, chosen_metrics, best_key = None, None, None
    for l2 in PENALTIES:
        folds = []
        for voice in voices:
            model, _, _ = fit([(e, r) for e, r in audio_only + with_text if e["voice"] != voice], l2)
            folds.append({"audioOnly": Replay([(e, r) for e, r in audio_only if e["voice"] == voice], model),
                          "withTranscript": Replay([(e, r) for e, r in with_text if e["voice"] == voice], model)})
        for threshold, fallback in GRID:
            metrics = {k: scoring.score([d for fold in folds for d in fold[k].decide(threshold, fallback)])
                       for k in ("audioOnly", "withTranscript")}
            if any(m["falseCutInRate"] > args.target for m in metrics.values()):
                continue
            enough = all(m["shiftsFound"] >= 0.95 for m in metrics.values())
            key = (not enough, -metrics["audioOnly"]["shiftsFound"] if not enough else 0,
                   metrics["audioOnly"]["latencyP50Ms"], metrics["withTranscript"]["latencyP50Ms"])
            if best_key is None or key < best_key:
                chosen, chosen_metrics, best_key = (threshold, fallback, l2), metrics, key
        print(f"  L2 {l2:g}: best so far threshold {chosen and chosen[0]}, fallback {chosen and chosen[1]}, "
              f"L2 {chosen and chosen[2]:g}", file=sys.stderr)
    if chosen is None:
        sys.exit(f"no setting keeps false cut-ins under {args.target:.0%} in cross-validation")
    model, frames, shift_frames = fit(audio_only + with_text, chosen[2])
    print(f"  threshold {chosen[0]}, fallback {chosen[1]} ms", file=sys.stderr)
    for run_name, m in chosen_metrics.items():
        print(f"  cross-validated {run_name}: false cut-ins {m['falseCutInRate']:.1%}, shifts found {m['shiftsFound']:.1%}, "
              f"latency p50 {m['latencyP50Ms']:.0f} ms, p90 {m['latencyP90Ms']:.0f} ms", file=sys.stderr)
    document = {
        "featureNames": runner.FEATURE_NAMES,
        **model.to_json(),
        "threshold": chosen[0],
        "fallbackPauseMs": float(chosen[1]),
        "provenance": {
            "script": "tools/turn/fit_end_of_turn.py",
            "data": f"tools/turn/make_eval_set.py --seed {labels['seed']}, split train: {len(train)} files, "
                    f"{len(voices)} voices, {sum(len(e['pauses']) for e in train)} pauses",
            "frames": f"{frames} (audio alone and with transcripts), {shift_frames} in shifts",
            "method": f"logistic regression (IRLS, L2 {chosen[2]:g} per frame, chosen from {PENALTIES} in cross-validation) on the cues and the pairwise products of the prosodic "
                      "ones, standardised; threshold and fallback pause by leave-one-voice-out cross-validation: "
                      f"false cut-ins <= {args.target:.0%} and shifts found >= 95 % on the audio alone and with "
                      "transcripts, then the lowest median latency on the audio alone",
            "crossValidatedMetrics": json.dumps({k: {m: (round(v, 4) if isinstance(v, float) else v) for m, v in d.items()}
                                                 for k, d in chosen_metrics.items()}),
            "date": datetime.date.today().isoformat(),
        },
    }
    with open(args.out, "w") as f:
        json.dump(document, f, indent=1)
        f.write("\n")
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
