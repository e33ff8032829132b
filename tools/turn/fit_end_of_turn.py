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
3. Fits a logistic regression (Newton-Raphson / IRLS, L2 penalty 1e-3 on the weights) with numpy.
4. Chooses the threshold and the fallback pause: replaying the detector's rule (the first 10 ms
   frame of a pause whose p >= threshold, or whose pause >= fallback, declares the end of turn) on
   the training runs, among the pairs whose false cut-in rate stays at or below --target (4 %, a
   margin under the 5 % goal) on both runs, the one that finds the most shifts on the audio alone,
   then with the lowest median latency.
5. Writes the weights, bias, threshold and provenance (data, seed, sizes, training metrics).

Test files (split "test", other voices) are never read here; tools/turn/evaluate.py reports on them.
"""
import argparse, datetime, json, os, sys
import numpy as np

sys.path.insert(0, os.path.dirname(__file__))
import runner, scoring

MAX_PAUSE_MS = 1200


def label_rows(rows, pauses):
    X, y = [], []
    for t, _, pause_ms, features in rows:
        if pause_ms > MAX_PAUSE_MS:
            continue
        kind = "speech"
        for p in pauses:
            if p["speechEndT"] <= t < p["nextSpeechT"] + scoring.GRACE:
                kind = p["kind"]
                break
        X.append(features)
        y.append(1.0 if kind == "shift" else 0.0)
    return X, y


def fit_logistic(X, y, l2=1e-3, iterations=50):
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

    def __init__(self, runs, weights, bias):
        self.files = []
        for entry, rows in runs:
            groups = {}
            for t, end, pause_ms, features in rows:
                groups.setdefault(end, []).append((t, pause_ms, features))
            pauses = []
            for end, g in groups.items():
                t = np.array([r[0] for r in g])
                pause_ms = np.array([r[1] for r in g])
                p = 1 / (1 + np.exp(-(bias + np.array([r[2] for r in g]) @ weights)))
                pauses.append((t, pause_ms, np.maximum.accumulate(p)))
            self.files.append((entry["pauses"], pauses))

    def score(self, threshold, fallback_ms):
        per_file = []
        for labelled, pauses in self.files:
            out = []
            for t, pause_ms, running_max in pauses:
                fire = (running_max >= threshold) | (pause_ms >= fallback_ms)
                if fire.any():
                    out.append(float(t[np.argmax(fire)]))
            per_file.append((labelled, out))
        return scoring.score(per_file)


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
    X, y = [], []
    for entry, rows in audio_only + with_text:
        a, b = label_rows(rows, entry["pauses"])
        X += a
        y += b
    X, y = np.array(X), np.array(y)
    print(f"{len(y)} frames ({int(y.sum())} in shifts); fitting …", file=sys.stderr)
    weights, bias = fit_logistic(X, y)
    replays = {"audioOnly": Replay(audio_only, weights, bias), "withTranscript": Replay(with_text, weights, bias)}
    chosen, chosen_metrics, best_key = None, None, None
    for fallback in range(700, 1650, 50):
        for threshold in np.round(np.arange(0.30, 0.996, 0.01), 2):
            metrics = {k: r.score(threshold, fallback) for k, r in replays.items()}
            if any(m["falseCutInRate"] > args.target for m in metrics.values()):
                continue
            # Most shifts found on the audio alone, then the lowest median latency there.
            key = (-metrics["audioOnly"]["shiftsFound"], metrics["audioOnly"]["latencyP50Ms"],
                   metrics["withTranscript"]["latencyP50Ms"])
            if best_key is None or key < best_key:
                chosen, chosen_metrics, best_key = (float(threshold), fallback), metrics, key
    if chosen is None:
        sys.exit(f"no threshold keeps false cut-ins under {args.target:.0%} on the training files")
    for name, w in zip(runner.FEATURE_NAMES, weights):
        print(f"  {name:24s} {w:+.3f}", file=sys.stderr)
    print(f"  {'bias':24s} {bias:+.3f}\n  threshold {chosen[0]}, fallback {chosen[1]} ms", file=sys.stderr)
    for run_name, m in chosen_metrics.items():
        print(f"  train {run_name}: false cut-ins {m['falseCutInRate']:.1%}, shifts found {m['shiftsFound']:.1%}, "
              f"latency p50 {m['latencyP50Ms']:.0f} ms, p90 {m['latencyP90Ms']:.0f} ms", file=sys.stderr)
    model = {
        "featureNames": runner.FEATURE_NAMES,
        "weights": [round(float(w), 6) for w in weights],
        "bias": round(float(bias), 6),
        "threshold": chosen[0],
        "fallbackPauseMs": chosen[1],
        "provenance": {
            "script": "tools/turn/fit_end_of_turn.py",
            "data": f"tools/turn/make_eval_set.py --seed {labels['seed']}, split train: {len(train)} files, "
                    f"{sum(len(e['pauses']) for e in train)} pauses",
            "frames": f"{len(y)} (audio alone and with transcripts), {int(y.sum())} in shifts",
            "method": f"logistic regression, IRLS, L2 1e-3; threshold and fallback pause: most shifts found, then lowest "
                      f"median latency, on the audio alone, with false cut-ins <= {args.target:.0%} on the training files "
                      f"(audio alone and with transcripts)",
            "trainingMetrics": json.dumps({k: {m: (round(v, 4) if isinstance(v, float) else v) for m, v in d.items()}
                                           for k, d in chosen_metrics.items()}),
            "date": datetime.date.today().isoformat(),
        },
    }
    with open(args.out, "w") as f:
        json.dump(model, f, indent=1)
        f.write("\n")
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
