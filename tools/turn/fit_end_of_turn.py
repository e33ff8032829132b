#!/usr/bin/env python3
"""Fit Attune's end-of-turn model on the labelled evaluation set and write models/end-of-turn.json.

    python3 tools/turn/make_eval_set.py                 # the labelled set, in /tmp/attune-turn-eval
    swift build -c release --product attune
    python3 tools/turn/fit_end_of_turn.py [--data DIR ...] [--out models/end-of-turn.json] [--target 0.04]
        [--folds K] [--fallbacks 900:1500:100] [--max-pause-ms 1200] [--per-hold-bin] [--cache DIR]

With several --data directories (e.g. make_eval_set.py's and make_hard_set.py's sets) their training
splits are pooled; voices are folded by name across the sets, so a held-out voice is held out of all
of them.

1. Runs `attune turns FILE --features` on every training file (split "train"), once on the audio alone
   and once with its partial transcripts, with a model that never fires, so every 10 ms of every pause
   is logged with the 14 cues the detector computes there (Sources/AttuneTurn/TurnCues.swift).
2. Labels each logged frame from labels.json: 1 inside a shift pause, 0 inside a hold pause or inside
   speech (a decision there would be a cut-in too). Frames more than --max-pause-ms (1.2 s) into a
   pause are left out: pause length alone decides those, and they would swamp the frames where the
   decision is made. It should be at least the longest fallback tried, so the model is never judged on
   pause lengths it was not fitted on.
3. Fits a logistic regression (Newton-Raphson / IRLS) with numpy on the cues and the pairwise
   products of the prosodic ones, standardised (tools/turn/model.py has the form); the L2 penalty is
   chosen with the threshold in step 4.
4. Chooses the threshold, the fallback pause (--fallbacks, ms) and the penalty by cross-validation across
   voices: for each training voice (or each of --folds groups of voices, dealt round-robin in name
   order), a model fitted on the other voices is replayed on that voice's files with the detector's
   rule (the first 10 ms frame of a pause whose p >= threshold, or whose pause >= fallback, declares
   the end of turn). Pooled over the voices, the pair that keeps false cut-ins at or below --target
   (4 %) on the audio alone and with transcripts (with --per-hold-bin, also in every hold-length bin
   up to 1.5 s, tools/turn/breakdown.py), and finds >= 95 % of shifts (else the most shifts on the
   audio alone), with the lowest median latency on the audio alone, is kept. Held-out voices cut in more often than the voices a model was
   fitted on; choosing on voices the fold did not see is what makes the threshold hold on new ones.
5. Refits on all training files and writes the model with its provenance (data, seed, sizes, the
   cross-validated metrics at the chosen setting).

Test files (split "test", other voices) are never read here; tools/turn/evaluate.py reports on them.
"""
import argparse, datetime, json, os, sys
import numpy as np

sys.path.insert(0, os.path.dirname(__file__))
import breakdown, runner, scoring
from model import Model, expand

MAX_PAUSE_MS = 1200
BOUNDED_HOLD_BINS = breakdown.HOLD_BINS[:3]


def label_rows(rows, pauses, max_pause_ms=MAX_PAUSE_MS):
    X, y = [], []
    for t, _, pause_ms, features in rows:
        if pause_ms > max_pause_ms:
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
    first 10 ms frame with p >= threshold or pause >= fallback declares the end of turn.

    `decide` gives the decisions per file (for tools/turn/scoring.py); `metrics` scores a whole grid of
    settings at once with the same rules as scoring.score and breakdown.by_hold_length (every logged
    frame is assigned to its labelled pause up front, so a setting costs a few array operations)."""

    def __init__(self, runs, model):
        self.files = []
        kinds, bins, ends, frame_t, frame_pause, groups = [], [], [], [], [], []
        for entry, rows in runs:
            by_end = {}
            for t, end, pause_ms, features in rows:
                by_end.setdefault(end, []).append((t, pause_ms, features))
            labelled = entry["pauses"]
            first_id = len(kinds)
            for q in labelled:
                kinds.append(q["kind"] == "shift")
                bins.append(breakdown.HOLD_BINS.index(breakdown.hold_bin(breakdown.hold_seconds(q)))
                            if q["kind"] == "hold" else -1)
                ends.append(q["speechEndT"])
            pauses = []
            for end, g in by_end.items():
                t = np.array([r[0] for r in g])
                pause_ms = np.array([r[1] for r in g])
                p = model.probabilities([r[2] for r in g])
                running_max = np.maximum.accumulate(p)
                pauses.append((t, pause_ms, running_max))
                assigned = [scoring.pause_at(x, labelled) for x in t]
                groups.append((len(frame_t), running_max, pause_ms))
                frame_t += list(t)
                frame_pause += [-1 if i is None else first_id + i for i in assigned]
            self.files.append((labelled, pauses))
        self.shift = np.array(kinds, dtype=bool)
        self.hold_bin = np.array(bins, dtype=int)
        self.speech_end = np.array(ends)
        self.frame_t = np.array(frame_t)
        self.frame_pause = np.array(frame_pause, dtype=int)
        self.groups = groups

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

    def first_frames(self, thresholds, fallbacks):
        """Per logged pause, the global index of its deciding frame for every (threshold, fallback), or -1."""
        result = np.full((len(self.groups), len(thresholds), len(fallbacks)), -1, dtype=int)
        for g, (offset, running_max, pause_ms) in enumerate(self.groups):
            by_threshold = np.searchsorted(running_max, thresholds, side="left")
            by_fallback = np.searchsorted(pause_ms, fallbacks, side="left")
            k = np.minimum(by_threshold[:, None], by_fallback[None, :])
            result[g] = np.where(k < len(running_max), offset + k, -1)
        return result

    @staticmethod
    def metrics_of(replays, thresholds, fallbacks):
        """scoring.score and breakdown.by_hold_length's rates, pooled over `replays`, for every
        (threshold, fallback): {(threshold, fallback): (metrics, {hold bin: rate})}."""
        parts = [(r, r.first_frames(np.asarray(thresholds), np.asarray(fallbacks))) for r in replays]
        out = {}
        for a, threshold in enumerate(thresholds):
            for b, fallback in enumerate(fallbacks):
                holds = shifts = cut_ins = stray = 0
                latencies, bin_counts = [], np.zeros((len(breakdown.HOLD_BINS), 2))
                for r, frames in parts:
                    chosen = frames[:, a, b]
                    chosen = chosen[chosen >= 0]
                    target = r.frame_pause[chosen]
                    stray += int(np.sum(target < 0))
                    first = np.full(len(r.shift), np.inf)
                    np.minimum.at(first, target[target >= 0], r.frame_t[chosen[target >= 0]])
                    decided = np.isfinite(first)
                    is_hold = ~r.shift
                    holds += int(is_hold.sum())
                    shifts += int(r.shift.sum())
                    cut_ins += int((decided & is_hold).sum())
                    latencies += list((first - r.speech_end)[decided & r.shift] * 1000)
                    np.add.at(bin_counts, (r.hold_bin[is_hold], 0), 1)
                    np.add.at(bin_counts, (r.hold_bin[decided & is_hold], 1), 1)
                m = {"holds": holds, "shifts": shifts, "falseCutInRate": (cut_ins + stray) / max(holds, 1),
                     "cutInsInSpeech": stray, "shiftsFound": len(latencies) / max(shifts, 1),
                     "latencyP50Ms": float(np.percentile(latencies, 50)) if latencies else None,
                     "latencyP90Ms": float(np.percentile(latencies, 90)) if latencies else None}
                rates = {name: {"holds": int(n), "cutIns": int(k), "falseCutInRate": k / n}
                         for name, (n, k) in zip(breakdown.HOLD_BINS, bin_counts) if n}
                out[(float(threshold), fallback)] = (m, rates)
        return out


def fit(runs, l2, max_pause_ms=MAX_PAUSE_MS):
    X, y = [], []
    for entry, rows in runs:
        a, b = label_rows(rows, entry["pauses"], max_pause_ms)
        X += a
        y += b
    E = expand(X)
    mean, scale = E.mean(0), E.std(0)
    scale[scale < 1e-9] = 1
    weights, bias = fit_logistic((E - mean) / scale, np.array(y), l2=l2)
    return Model(weights, bias, mean, scale), len(y), int(np.sum(y))


PENALTIES = [1e-4, 1e-3, 1e-2]
THRESHOLDS = [float(th) for th in np.round(np.arange(0.30, 0.996, 0.01), 2)]


def millisecond_range(text):
    """"900:1500:100" -> [900, 1000, ..., 1500] (both ends included)."""
    start, stop, step = (int(v) for v in text.split(":"))
    return list(range(start, stop + 1, step))


def voice_folds(voices, folds):
    """Held-out voice groups: one per voice (folds 0), else `folds` groups dealt round-robin in name order."""
    voices = sorted(voices)
    if folds <= 0 or folds >= len(voices):
        return [[v] for v in voices]
    return [voices[k::folds] for k in range(folds)]


def cached_features(directory, entries, with_transcript, cache):
    """runner.features, kept in `cache` (a directory) per set and run so a rerun skips the logging."""
    if not cache:
        return runner.features(directory, entries, with_transcript)
    os.makedirs(cache, exist_ok=True)
    name = os.path.basename(os.path.normpath(directory)) + ("-text" if with_transcript else "-audio") + ".json"
    path = os.path.join(cache, name)
    if os.path.exists(path):
        with open(path) as f:
            stored = json.load(f)
        if stored["files"] == [e["name"] for e in entries]:
            return [[tuple(r) for r in rows] for rows in stored["rows"]]
    logged = runner.features(directory, entries, with_transcript)
    with open(path, "w") as f:
        json.dump({"files": [e["name"] for e in entries], "rows": logged}, f)
    return logged


def within_target(metrics, per_bin, target):
    if metrics["falseCutInRate"] > target:
        return False
    return all(per_bin[b]["falseCutInRate"] <= target for b in BOUNDED_HOLD_BINS if b in per_bin)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", nargs="+", default=["/tmp/attune-turn-eval"])
    parser.add_argument("--out", default=os.path.join(runner.ROOT, "models", "end-of-turn.json"))
    parser.add_argument("--target", type=float, default=0.04, help="false cut-in rate to stay under on training files")
    parser.add_argument("--folds", type=int, default=0, help="voice groups held out in turn (0: one per voice)")
    parser.add_argument("--fallbacks", type=millisecond_range, default=millisecond_range("900:1500:100"),
                        help="fallback pauses tried, start:stop:step in ms")
    parser.add_argument("--max-pause-ms", type=float, default=MAX_PAUSE_MS, help="frames further into a pause are not fitted on")
    parser.add_argument("--per-hold-bin", action="store_true", help="hold the target in every hold bin up to 1.5 s too")
    parser.add_argument("--min-shifts", type=float,
                        help="instead of --target: of the settings that find at least this share of shifts on the audio "
                             "alone, the one with the fewest false cut-ins (in its worst hold bin up to 1.5 s with --per-hold-bin)")
    parser.add_argument("--select-on", nargs="+", metavar="DIR",
                        help="choose the setting on the held-out files of these --data sets only (default: all)")
    parser.add_argument("--cache", help="directory to keep the logged features in between runs")
    args = parser.parse_args()
    audio_only, with_text, described, selected = [], [], [], []
    select_on = {os.path.normpath(d) for d in args.select_on or args.data}
    for directory in args.data:
        with open(os.path.join(directory, "labels.json")) as f:
            labels = json.load(f)
        train = [e for e in labels["files"] if e["split"] == "train"]
        print(f"logging features on {len(train)} training files of {directory} …", file=sys.stderr)
        audio_only += list(zip(train, cached_features(directory, train, False, args.cache)))
        with_text += list(zip(train, cached_features(directory, train, True, args.cache)))
        selected += [os.path.normpath(directory) in select_on] * len(train)
        generator = labels.get("generator", "tools/turn/make_eval_set.py")
        described.append(f"{generator} --seed {labels['seed']}, split train: {len(train)} files, "
                         f"{len({e['voice'] for e in train})} voices, {sum(len(e['pauses']) for e in train)} pauses")
    if not any(selected):
        sys.exit("--select-on names none of the --data sets")
    voices = sorted({e["voice"] for e, _ in audio_only})
    groups = voice_folds(voices, args.folds)
    grid = [(th, fb) for fb in args.fallbacks for th in THRESHOLDS]
    print(f"cross-validating across {len(voices)} voices in {len(groups)} folds …", file=sys.stderr)
    chosen, chosen_metrics, best_key = None, None, None
    for l2 in PENALTIES:
        folds = []
        for held in groups:
            model, _, _ = fit([(e, r) for e, r in audio_only + with_text if e["voice"] not in held], l2, args.max_pause_ms)
            held_out = {k: [(e, r) for (e, r), s in zip(run, selected) if s and e["voice"] in held]
                        for k, run in (("audioOnly", audio_only), ("withTranscript", with_text))}
            folds.append({k: Replay(v, model) for k, v in held_out.items()})
        frontier = {}
        scored = {k: Replay.metrics_of([fold[k] for fold in folds], THRESHOLDS, args.fallbacks)
                  for k in ("audioOnly", "withTranscript")}
        for threshold, fallback in grid:
            metrics = {k: scored[k][(threshold, fallback)][0] for k in scored}
            bins = {k: scored[k][(threshold, fallback)][1] if args.per_hold_bin else {} for k in scored}
            audio = metrics["audioOnly"]
            if args.min_shifts is not None:
                if audio["shiftsFound"] < args.min_shifts:
                    continue
                worst = max([audio["falseCutInRate"]] + [bins["audioOnly"][b]["falseCutInRate"]
                                                         for b in BOUNDED_HOLD_BINS if b in bins["audioOnly"]])
                key = (worst, audio["falseCutInRate"], audio["latencyP50Ms"] or 1e9)
                if best_key is None or key < best_key:
                    chosen, best_key = (threshold, fallback, l2), key
                    chosen_metrics = {**metrics, **{k + "ByHoldLength": b for k, b in bins.items() if b}}
                continue
            if not all(within_target(metrics[k], bins[k], args.target) for k in metrics):
                continue
            if fallback not in frontier or audio["shiftsFound"] > frontier[fallback][1]["shiftsFound"]:
                frontier[fallback] = (threshold, audio)
            enough = all(m["shiftsFound"] >= 0.95 for m in metrics.values())
            key = (not enough, -audio["shiftsFound"] if not enough else 0,
                   audio["latencyP50Ms"] or 1e9, metrics["withTranscript"]["latencyP50Ms"] or 1e9)
            if best_key is None or key < best_key:
                chosen, best_key = (threshold, fallback, l2), key
                chosen_metrics = {**metrics, **{k + "ByHoldLength": b for k, b in bins.items() if b}}
        for fallback, (threshold, audio) in sorted(frontier.items()):
            print(f"  L2 {l2:g}, fallback {fallback} ms: most shifts within target at threshold {threshold}: "
                  f"{audio['shiftsFound']:.1%} found, {audio['falseCutInRate']:.1%} false cut-ins, "
                  f"p50 {audio['latencyP50Ms']:.0f} ms (audio alone)", file=sys.stderr)
        print(f"  L2 {l2:g}: best so far threshold {chosen and chosen[0]}, fallback {chosen and chosen[1]}, "
              f"L2 {chosen and chosen[2]:g}", file=sys.stderr)
    if chosen is None and args.min_shifts is not None:
        sys.exit(f"no setting finds {args.min_shifts:.0%} of shifts in cross-validation")
    if chosen is None:
        sys.exit(f"no setting keeps false cut-ins under {args.target:.0%} in cross-validation")
    model, frames, shift_frames = fit(audio_only + with_text, chosen[2], args.max_pause_ms)
    print(f"  threshold {chosen[0]}, fallback {chosen[1]} ms", file=sys.stderr)
    for run_name in ("audioOnly", "withTranscript"):
        m = chosen_metrics[run_name]
        print(f"  cross-validated {run_name}: false cut-ins {m['falseCutInRate']:.1%}, shifts found {m['shiftsFound']:.1%}, "
              f"latency p50 {m['latencyP50Ms']:.0f} ms, p90 {m['latencyP90Ms']:.0f} ms", file=sys.stderr)
        if run_name + "ByHoldLength" in chosen_metrics:
            print("    by hold length: " + ", ".join(f"{b} {v['falseCutInRate']:.1%}" for b, v in
                                                     chosen_metrics[run_name + "ByHoldLength"].items()), file=sys.stderr)
    fold_text = "leave-one-voice-out" if len(groups) == len(voices) else f"{len(groups)}-fold (voices grouped)"
    bin_text = " and in every hold-length bin up to 1.5 s" if args.per_hold_bin else ""
    rule = (f"false cut-ins <= {args.target:.0%}{bin_text} and shifts found >= 95 % (else the most) on the audio "
            "alone and with transcripts, then the lowest median latency on the audio alone")
    if args.min_shifts is not None:
        rule = (f"of the settings finding >= {args.min_shifts:.0%} of shifts on the audio alone, the fewest false "
                f"cut-ins{' in the worst hold bin up to 1.5 s' if args.per_hold_bin else ''}")
    if args.select_on:
        rule += " on the held-out files of " + ", ".join(args.select_on)
    document = {
        "featureNames": runner.FEATURE_NAMES,
        **model.to_json(),
        "threshold": chosen[0],
        "fallbackPauseMs": float(chosen[1]),
        "provenance": {
            "script": "tools/turn/fit_end_of_turn.py",
            "data": "; ".join(described),
            "frames": f"{frames} (audio alone and with transcripts, up to {args.max_pause_ms:.0f} ms into a pause), "
                      f"{shift_frames} in shifts",
            "method": f"logistic regression (IRLS, L2 {chosen[2]:g} per frame, chosen from {PENALTIES} in cross-validation) on the cues and the pairwise products of the prosodic "
                      f"ones, standardised; threshold and fallback pause ({args.fallbacks[0]}-{args.fallbacks[-1]} ms) by "
                      f"{fold_text} cross-validation over {len(voices)} voices: "
                      + rule,
            "crossValidatedMetrics": json.dumps({k: {m: (round(v, 4) if isinstance(v, float) else v) for m, v in d.items()}
                                                 for k, d in chosen_metrics.items() if not k.endswith("ByHoldLength")}),
            "date": datetime.date.today().isoformat(),
        },
    }
    with open(args.out, "w") as f:
        json.dump(document, f, indent=1)
        f.write("\n")
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
