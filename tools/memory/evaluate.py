#!/usr/bin/env python3
"""Score memory systems on a memory evaluation set, all in the same run, per category.

    tools/memory/run-baselines.sh                     # makes the venv, runs this with both baselines
    python3 tools/memory/evaluate.py [--set DIR] [--systems bm25,embeddings] [--answers NAME=FILE ...]
                                     [--threshold-by-cv NAME ...] [--threshold-set DIR] [--json OUT.json]
                                     [--save-answers DIR] [--failures]

Systems:
- bm25: BM25 over the raw turns with SQLite FTS5 (bm25_baseline.py);
- embeddings: cosine over all-MiniLM-L6-v2 embeddings of the raw turns (embedding_baseline.py);
- attune: the release `attune memory` commands, a fresh encrypted store per conversation (attune_system.py);
- NAME=FILE: answers another system produced, one JSON line per probe, {"probe": ID, "answer": A},
  A in the `attune memory recall --json` or `followups --json` shape (followup probes: A may be null).
  Its `confident` flags are scored as given, unless --threshold-by-cv NAME asks for a threshold.
The baselines' `confident` is a threshold on the top score chosen by cross-validation over the five
folds (calibration.py); the thresholds are printed. The scoring rule is in scoring.py and the set's
README. With --threshold-set DIR (e.g. tools/memory/dev) the baselines are also run on the set in DIR,
their threshold is the one chosen on all of DIR's folds, and it is applied unchanged to every probe of
--set: how a held-out set is scored with what was learnt on the development set. Prints a markdown table; --json writes every number and the ids of the probes each system passed.
"""
import argparse
import json
import os
import sys
import tempfile

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # small float64 products: threads only contend
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import calibration  # noqa: E402
import dataset  # noqa: E402
import scoring  # noqa: E402
import systems  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
NO_FOLLOWUPS = "no follow-ups: scored 0 on every follow-up probe"
NO_FORGETTING = "does not forget: forget requests are stored like any other turn"


class Failure(Exception):
    """A one-line error for the command line."""


def make_baseline(name, cache_dir):
    if name == "bm25":
        from bm25_baseline import BM25Baseline
        return BM25Baseline()
    if name == "embeddings":
        try:
            from embedding_baseline import EmbeddingBaseline, MiniLMFloat
            return EmbeddingBaseline(MiniLMFloat(cache_dir))
        except ImportError as error:
            raise Failure(f"the embeddings baseline needs {error.name}: run tools/memory/run-baselines.sh, "
                          "or pip install --no-deps -r tools/memory/requirements.txt")
    if name == "attune":
        from attune_system import AttuneSystem
        try:
            return AttuneSystem()
        except FileNotFoundError as error:
            raise Failure(str(error))
    raise Failure(f"unknown system {name!r}; use bm25, embeddings, attune, or NAME=FILE with --answers")


def load_answers(spec, probes):
    name, _, path = spec.partition("=")
    if not name or not path:
        raise Failure(f"--answers takes NAME=FILE, got {spec!r}")
    known = {p.id for p in probes}
    answers = {}
    try:
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    entry = json.loads(line)
                    probe_id, answer = entry["probe"], entry["answer"]
                except (json.JSONDecodeError, KeyError, TypeError):
                    raise Failure(f"{path}:{number}: expected {{\"probe\": ID, \"answer\": ...}}")
                if probe_id not in known:
                    raise Failure(f"{path}:{number}: unknown probe {probe_id!r}")
                answers[probe_id] = answer
    except OSError as error:
        raise Failure(f"cannot read {path}: {error.strerror}")
    missing = known - answers.keys()
    if missing:
        raise Failure(f"{path}: no answer for {len(missing)} probes (first: {sorted(missing)[0]}); answer every probe")
    return name, answers


def percent(value):
    return "–" if value is None else f"{value:.1%}"


def table(probes, summaries):
    names = list(summaries)
    lines = ["| category | probes | " + " | ".join(names) + " |", "|---|---:|" + "---:|" * len(names)]
    for category in dataset.CATEGORIES:
        count = sum(p.category == category for p in probes)
        cells = [percent(summaries[n]["categories"][category]["rate"]) for n in names]
        lines.append(f"| {category} | {count} | " + " | ".join(cells) + " |")
    lines.append(f"| **overall** | {len(probes)} | " + " | ".join(f"**{percent(summaries[n]['overall'])}**" for n in names) + " |")
    recall = sum(not p.is_followup for p in probes)
    lines.append(f"| overall, recall probes only | {recall} | " + " | ".join(percent(summaries[n]["recallOverall"]) for n in names) + " |")
    answerable = sum(p.category in dataset.ANSWERABLE_CATEGORIES for p in probes)
    lines.append(f"| answerable answered confidently | {answerable} | " + " | ".join(percent(summaries[n]["answerableConfident"]) for n in names) + " |")
    return "\n".join(lines)


def failures(probes, answers):
    out = []
    for probe in probes:
        answer = answers.get(probe.id)
        if scoring.passes(probe, answer):
            continue
        if answer is None:
            got = "(no follow-ups)"
        elif probe.is_followup:
            got = "; ".join(f.get("event", "") for f in answer.get("followups") or []) or "(none)"
        else:
            top = (answer.get("results") or [{}])[0]
            got = f"confident={answer.get('confident')} top={top.get('text', '')!r}"
        out.append(f"  {probe.id} [{probe.category}] {probe.query!r}: {got}")
    return out


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", default=os.path.join(HERE, "dev"), help="set directory (default: tools/memory/dev)")
    parser.add_argument("--systems", default="bm25,embeddings", help="built-in systems to run, comma-separated ('' for none)")
    parser.add_argument("--answers", action="append", default=[], metavar="NAME=FILE", help="score answers produced by another system")
    parser.add_argument("--threshold-by-cv", action="append", default=[], metavar="NAME", help="set NAME's confident flags by a cross-validated score threshold")
    parser.add_argument("--threshold-set", metavar="DIR", help="choose the built-in baselines' threshold on all folds of the set in DIR and apply it to --set, instead of cross-validating over --set's folds")
    parser.add_argument("--limit", type=int, default=systems.DEFAULT_LIMIT, help="results asked of each recall (default 10)")
    parser.add_argument("--cache", default=os.path.join(tempfile.gettempdir(), "attune-memory-eval-cache"), help="embedding cache directory")
    parser.add_argument("--json", metavar="OUT", help="also write every number to OUT")
    parser.add_argument("--save-answers", metavar="DIR", help="write each system's answers (as scored) to DIR/NAME.jsonl, the --answers format")
    parser.add_argument("--failures", action="store_true", help="list the probes each system failed")
    args = parser.parse_args(argv)
    try:
        conversations, probes = dataset.load_set(args.set)
        tuning = dataset.load_set(args.threshold_set) if args.threshold_set else None
        all_answers, notes, thresholds, everywhere, carried = {}, {}, {}, {}, {}
        for name in filter(None, (s.strip() for s in args.systems.split(","))):
            system = make_baseline(name, args.cache)
            with tempfile.TemporaryDirectory(prefix="attune-memory-eval-") as workroot:
                answers = systems.run(system, conversations, probes, lambda s, c: os.path.join(workroot, c), args.limit)
            needs_threshold = not system.calibrated or system.name in args.threshold_by_cv
            if needs_threshold and tuning is not None:
                tuning_conversations, tuning_probes = tuning
                with tempfile.TemporaryDirectory(prefix="attune-memory-eval-") as workroot:
                    tuning_answers = systems.run(system, tuning_conversations, tuning_probes,
                                                 lambda s, c: os.path.join(workroot, c), args.limit)
                carried[system.name] = calibration.best_threshold(
                    [p for p in tuning_probes if not p.is_followup], tuning_answers)[0]
                answers = {p.id: answers[p.id] if p.is_followup else calibration.with_confidence(answers[p.id], carried[system.name])
                           for p in probes}
            elif needs_threshold:
                everywhere[system.name] = calibration.best_threshold([p for p in probes if not p.is_followup], answers)[0]
                answers, thresholds[system.name] = calibration.cross_validate(probes, answers)
            all_answers[system.name] = answers
            notes[system.name] = ([] if system.answers_followups else [NO_FOLLOWUPS]) + ([] if system.forgets else [NO_FORGETTING])
        for spec in args.answers:
            name, answers = load_answers(spec, probes)
            if name in args.threshold_by_cv:
                everywhere[name] = calibration.best_threshold([p for p in probes if not p.is_followup], answers)[0]
                answers, thresholds[name] = calibration.cross_validate(probes, answers)
            all_answers[name] = answers
            notes.setdefault(name, [])
    except (dataset.DatasetError, Failure) as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1
    if args.save_answers:
        os.makedirs(args.save_answers, exist_ok=True)
        for name, answers in all_answers.items():
            with open(os.path.join(args.save_answers, name + ".jsonl"), "w", encoding="utf-8") as handle:
                for probe in probes:
                    handle.write(json.dumps({"probe": probe.id, "answer": answers.get(probe.id)}, ensure_ascii=False) + "\n")
    summaries = {name: scoring.summarise(probes, answers) for name, answers in all_answers.items()}
    print(f"set: {os.path.relpath(args.set)}: {len(conversations)} conversations, "
          f"{sum(len(c.turns) for c in conversations.values())} turns, {len(probes)} probes\n")
    print(table(probes, summaries))
    print()
    for name, by_fold in thresholds.items():
        shown = ", ".join(f"fold {fold}: {value:.4g}" for fold, value in sorted(by_fold.items()))
        print(f"{name}: confident when the top score >= the threshold chosen on the other four folds ({shown}); "
              f"chosen on all five folds: {everywhere[name]:.4g} (the value a system ships for sets it has not seen)")
    for name, value in carried.items():
        print(f"{name}: confident when the top score >= {value:.4g}, chosen on all folds of {os.path.relpath(args.threshold_set)}")
    for name, items in notes.items():
        for item in items:
            print(f"{name}: {item}")
    if args.failures:
        for name, answers in all_answers.items():
            print(f"\nfailed by {name}:")
            print("\n".join(failures(probes, answers)))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump({"set": args.set, "probes": len(probes), "systems": summaries,
                       "thresholds": {n: {str(f): v for f, v in t.items()} for n, t in thresholds.items()},
                       "thresholdsOnAllFolds": everywhere,
                       "thresholdSet": args.threshold_set, "thresholdsFromThresholdSet": carried,
                       "notes": notes}, handle, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
