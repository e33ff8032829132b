#!/usr/bin/env python3
"""Evaluate Attune's end-of-turn detector against silence time-outs on the labelled set.

    python3 tools/turn/make_eval_set.py && swift build -c release --product attune
    python3 tools/turn/evaluate.py [--data DIR] [--split test|train|all] [--json OUT.json]

All in one run, on the same files (default: the held-out test split, whose voices training never saw):
- Attune: `attune turns FILE --json` with models/end-of-turn.json, on the audio alone and with the
  files' partial transcripts (`--transcript`), scored from the events it printed;
- the same detector's threshold swept (replayed from `attune turns --features` logs with the fitted
  weights and fallback pause), for the most shifts it finds at <= 5 % false cut-ins and their latency;
- silence time-outs of 0.5, 0.8 and 1.0 s after the VAD's speech end (what most voice pipelines do),
  from the same Silero probabilities (`attune turns --vad-probabilities`), and the time-out swept;
- with --smart-turn, pipecat's smart-turn v3.2 on the same VAD pauses (tools/turn/smart_turn_peer.py),
  its threshold swept too;
- false speech_start events in noise: speech starts that began inside a labelled silence of the
  files at 10 dB SNR or less, per minute of that silence;
- for Attune (both runs), the time-outs and smart-turn: false cut-ins by hold length (<= 0.5, 0.5-1.0,
  1.0-1.5, > 1.5 s) and false cut-ins / shifts found / latency by SNR (clean, >= 20, 10-20, 5-10 dB),
  tools/turn/breakdown.py.
Prints the tables (markdown) and, with --json, writes every number. Metrics: tools/turn/scoring.py.
Works on tools/turn/make_eval_set.py's set (the default --data) and on tools/turn/make_hard_set.py's
(--data /tmp/attune-turn-hard).
"""
import argparse, json, os, sys
import numpy as np

sys.path.insert(0, os.path.dirname(__file__))
import breakdown, runner, scoring
from fit_end_of_turn import Replay
from model import Model

MODEL = os.path.join(runner.ROOT, "models", "end-of-turn.json")


def row(name, m, knob=""):
    p50 = "–" if m["latencyP50Ms"] is None else f"{m['latencyP50Ms']:.0f}"
    p90 = "–" if m["latencyP90Ms"] is None else f"{m['latencyP90Ms']:.0f}"
    return f"| {name} | {knob} | {m['falseCutInRate']:.1%} | {m['shiftsFound']:.1%} | {p50} | {p90} |"


def noise_speech_starts(entries, events):
    count, seconds = 0, 0.0
    for entry, evs in zip(entries, events):
        if entry["snrDb"] is None or entry["snrDb"] > 10:
            continue
        silences = [(p["speechEndT"] + 0.05, p["nextSpeechT"] - 0.05) for p in entry["pauses"]]
        seconds += sum(b - a for a, b in silences)
        for e in evs:
            if e["type"] == "speech_start" and any(a <= e["speechStartT"] < b for a, b in silences):
                count += 1
    return count, seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default="/tmp/attune-turn-eval")
    parser.add_argument("--split", default="test", choices=["test", "train", "all"])
    parser.add_argument("--json", help="write all results here")
    parser.add_argument("--model", default=MODEL, help="end-of-turn model JSON (default: models/end-of-turn.json)")
    parser.add_argument("--smart-turn", metavar="ONNX", help="smart-turn-v3.2-cpu.onnx from the pipecat-ai wheel: add it as a peer")
    args = parser.parse_args()
    entries = [e for e in runner.load_labels(args.data) if args.split == "all" or e["split"] == args.split]
    model = json.load(open(args.model))
    fitted = Model.from_json(model)
    pauses = [e["pauses"] for e in entries]
    holds = sum(p["kind"] == "hold" for ps in pauses for p in ps)
    shifts = sum(p["kind"] == "shift" for ps in pauses for p in ps)
    minutes = sum(e["durationSec"] for e in entries) / 60
    print(f"{len(entries)} files ({args.split}), {minutes:.1f} min, {holds} holds, {shifts} shifts", file=sys.stderr)

    results = {"files": len(entries), "split": args.split, "holds": holds, "shifts": shifts, "rows": []}
    table = ["| detector | setting | false cut-ins | shifts found | latency p50 ms | latency p90 ms |",
             "|---|---|---:|---:|---:|---:|"]

    by_hold, by_snr = [], []

    def add(name, metrics, knob=""):
        table.append(row(name, metrics, knob))
        results["rows"].append({"detector": name, "setting": knob, **metrics})

    def add_scored(name, per_file, knob):
        """A row from per-file decisions, with its breakdown by hold length and by SNR."""
        add(name, scoring.score(per_file), knob)
        by_hold.append((name, knob, breakdown.by_hold_length(per_file)))
        by_snr.append((name, knob, breakdown.by_snr(entries, per_file)))

    print("Attune events …", file=sys.stderr)
    audio_events = runner.events(args.data, entries, with_transcript=False, model=args.model)
    text_events = runner.events(args.data, entries, with_transcript=True, model=args.model)
    for name, evs in (("Attune, audio", audio_events), ("Attune, audio + transcript", text_events)):
        ends = [[e["t"] for e in es if e["type"] == "end_of_turn"] for es in evs]
        add_scored(name, list(zip(pauses, ends)), f"threshold {model['threshold']}, fallback {model['fallbackPauseMs']:.0f} ms")

    print("Attune threshold sweep …", file=sys.stderr)
    for name, with_text in (("Attune, audio", False), ("Attune, audio + transcript", True)):
        logs = runner.features(args.data, entries, with_transcript=with_text)
        replay = Replay(list(zip(entries, logs)), fitted)
        sweep = [(float(threshold), replay.score(threshold, model["fallbackPauseMs"]))
                 for threshold in np.round(np.arange(0.05, 0.996, 0.01), 2)]
        best = scoring.at_five_percent(sweep)
        if best:
            add(name + ", at 5 %", best[1], f"threshold {best[0]}")

    print("VAD time-outs …", file=sys.stderr)
    gaps = [scoring.vad_speech_ends(p) for p in runner.vad_probabilities(args.data, entries)]
    for timeout in (0.5, 0.8, 1.0):
        add_scored("VAD + silence time-out", [(ps, scoring.timeout_decisions(g, timeout)) for ps, g in zip(pauses, gaps)],
                   f"{timeout:.1f} s")
    sweep = [(round(float(t), 2), scoring.score([(ps, scoring.timeout_decisions(g, t)) for ps, g in zip(pauses, gaps)]))
             for t in np.arange(0.2, 2.0, 0.02)]
    best = scoring.at_five_percent(sweep)
    if best:
        add("VAD + silence time-out, at 5 %", best[1], f"{best[0]:.2f} s")

    if args.smart_turn:
        import smart_turn_peer
        print("smart-turn v3.2 …", file=sys.stderr)
        model_peer = smart_turn_peer.SmartTurn(args.smart_turn)
        stop = 0.2
        scored = [smart_turn_peer.probabilities(model_peer, smart_turn_peer.read_wav(runner.wav(args.data, e)), g, stop)
                  for e, g in zip(entries, gaps)]
        name = "smart-turn v3.2 (VAD stop 0.2 s)"
        add_scored(name, [(ps, smart_turn_peer.decisions(sc, stop)) for ps, sc in zip(pauses, scored)],
                   "p > 0.5, 3 s fallback")
        sweep = [(round(float(th), 2), scoring.score([(ps, smart_turn_peer.decisions(sc, stop, th))
                                                      for ps, sc in zip(pauses, scored)]))
                 for th in np.arange(0.05, 0.996, 0.01)]
        best = scoring.at_five_percent(sweep)
        if best:
            add(name + ", at 5 %", best[1], f"p > {best[0]}")
        results["smartTurnCpuMsPerInference"] = round(model_peer.cpu_seconds / max(model_peer.calls, 1) * 1000, 1)
        print(f"smart-turn: {model_peer.calls} inferences, {results['smartTurnCpuMsPerInference']} ms CPU each",
              file=sys.stderr)

    count, seconds = noise_speech_starts(entries, audio_events)
    results["byHoldLength"] = [{"detector": n, "setting": k, "bins": b} for n, k, b in by_hold]
    results["bySnr"] = [{"detector": n, "setting": k, "bins": b} for n, k, b in by_snr]
    results["noise10dB"] = {"falseSpeechStarts": count, "silenceMinutes": round(seconds / 60, 2),
                            "perMinute": round(count / max(seconds / 60, 1e-9), 3)}
    print("\n".join(table))
    print("\nFalse cut-ins by hold length (holds of that length with an end of turn; ends of turn inside speech "
          "count only above):\n")
    print("\n".join(breakdown.hold_table(by_hold)))
    print("\nBy SNR: false cut-ins / shifts found / latency p50-p90 ms:\n")
    print("\n".join(breakdown.snr_table(by_snr)))
    print(f"\nFalse speech_start in the files at <= 10 dB SNR: {count} in {seconds / 60:.1f} min of labelled silence "
          f"({results['noise10dB']['perMinute']:.2f} per minute)")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
