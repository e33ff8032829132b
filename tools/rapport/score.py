"""Scores `attune context` on the rapport scenario suite.

For each scenario: a fresh encrypted store in a temporary directory (a random 32-byte key file,
`attune store init`), the turns piped as JSON lines into `attune context --format json`, one context
read after each user turn, and every expectation checked against the context after the last user
turn. Every context of every scenario (not only the final one) is scanned for guidance that licenses
a false claim (false_claims.py).

    python3 tools/rapport/score.py                       # table per category and overall
    python3 tools/rapport/score.py -v                    # and each miss: scenario, path, expected, actual
    python3 tools/rapport/score.py --category pacing --scenario pacing-maeve-slow-at-baseline
    python3 tools/rapport/score.py --fold 2 --json       # one fold, for machines
    python3 tools/rapport/score.py --prompt              # also the --format prompt blocks: word counts, scan
    python3 tools/rapport/score.py --check               # validate the scenarios and folds only

Exit status 1 when a hand-off is missed (a `handoff` scenario whose final context does not raise
one), a hand-off is raised in any context of a `handoff-negative` scenario, any false-claim licence
is found, or a scenario could not be run. Exit 2 for bad scenario files or arguments.
Standard library only.
"""
import argparse
import datetime
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from expectations import ExpectationError, check, validate  # noqa: E402
from false_claims import context_lines, find_licences  # noqa: E402
from suite import SuiteError, load_folds, load_scenarios  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(HERE))
CATEGORY_ORDER = ["handoff", "handoff-negative", "false-claim", "reliance", "boundaries", "pacing", "tone-length",
                  "sycophancy", "provenance", "intensity", "explainability", "affect", "transparency"]


class RunError(Exception):
    pass


def decode_contexts(text):
    """The JSON objects printed one after another (one per line, or pretty-printed)."""
    decoder, index, contexts = json.JSONDecoder(), 0, []
    while True:
        while index < len(text) and text[index].isspace():
            index += 1
        if index >= len(text):
            return contexts
        value, index = decoder.raw_decode(text, index)
        contexts.append(value)


def split_prompt_blocks(text, count):
    """The prompt blocks of a run with `count` user turns. Blocks are separated by a line holding
    only a form feed or '---', or else by blank lines when that gives exactly one block per turn;
    otherwise the whole output is one block (the word count is then only reported with --last)."""
    for separator in (r"\n\f\n|\f", r"\n-{3,}\n"):
        blocks = [block.strip() for block in re.split(separator, text) if block.strip()]
        if len(blocks) == count:
            return blocks
    blocks = [block.strip() for block in re.split(r"\n\s*\n", text) if block.strip()]
    return blocks if len(blocks) == count else [text.strip()]


class Runner:
    def __init__(self, binary, extra):
        self.binary, self.extra = binary, list(extra)

    def run(self, scenario, formats):
        """{format: stdout} for each requested format ("json", "prompt", "prompt-last"), each run
        on its own fresh store."""
        turns = "".join(json.dumps(turn, ensure_ascii=False) + "\n" for turn in scenario["turns"])
        outputs = {}
        for fmt in formats:
            with tempfile.TemporaryDirectory(prefix="attune-rapport-") as work:
                key, db = os.path.join(work, "store.key"), os.path.join(work, "memory.db")
                with open(key, "wb") as handle:
                    handle.write(os.urandom(32))
                os.chmod(key, 0o600)
                store = ["--db", db, "--key-file", key]
                self._call(["store", "init", *store], None, scenario["id"])
                arguments = ["context", *store, "--format", "prompt" if fmt.startswith("prompt") else "json"]
                if fmt == "prompt-last":
                    arguments.append("--last")
                outputs[fmt] = self._call([*arguments, *self.extra], turns, scenario["id"])
        return outputs

    def _call(self, arguments, stdin, scenario_id):
        try:
            done = subprocess.run([self.binary, *arguments], input=stdin, capture_output=True, text=True, timeout=300)
        except subprocess.TimeoutExpired:
            raise RunError(f"{scenario_id}: attune {arguments[0]} took over 300 s")
        if done.returncode != 0:
            raise RunError(f"{scenario_id}: attune {' '.join(arguments[:2])} exited {done.returncode}: {done.stderr.strip()[-600:]}")
        return done.stdout


def score_scenario(runner, scenario, prompt):
    """The result of one scenario: each expectation met or missed, licences, hand-off outcome."""
    user_turns = sum(1 for turn in scenario["turns"] if str(turn.get("speaker", "")).lower() != "assistant")
    result = {"id": scenario["id"], "category": scenario["category"], "person": scenario["person"],
              "expectations": len(scenario["expect"]), "met": 0, "misses": [], "licences": [], "error": None,
              "handoffMissed": False, "handoffOnNegative": False, "promptWords": []}
    formats = ["json"] + (["prompt", "prompt-last"] if prompt else [])
    try:
        outputs = runner.run(scenario, formats)
        contexts = decode_contexts(outputs["json"])
        if len(contexts) != user_turns:
            raise RunError(f"{scenario['id']}: {len(contexts)} contexts for {user_turns} user turns")
    except (RunError, ValueError) as error:
        result["error"] = str(error)
        result["misses"] = [{"path": e.get("path", ""), "expected": describe(e), "actual": "(no context: run failed)"}
                            for e in scenario["expect"]]
        result["handoffMissed"] = scenario["category"] == "handoff"
        return result
    final = contexts[-1]
    for expectation in scenario["expect"]:
        ok, actual = check(final, expectation)
        if ok:
            result["met"] += 1
        else:
            result["misses"].append({"path": expectation.get("path", ""), "expected": describe(expectation),
                                     "actual": actual})
    for index, context in enumerate(contexts):
        for line in context_lines(context):
            for licence in find_licences(line):
                result["licences"].append({"context": index, "source": "json", **licence.as_dict()})
    result["unsourced"] = unsourced_recalls(scenario["turns"], contexts)
    handoff_raised = lambda context: bool(((context.get("flags") or {}).get("handoff") or {}).get("raised"))
    if scenario["category"] == "handoff":
        result["handoffMissed"] = not handoff_raised(final)
    if scenario["category"] == "handoff-negative":
        result["handoffOnNegative"] = any(handoff_raised(context) for context in contexts)
    if prompt:
        blocks = split_prompt_blocks(outputs["prompt"], user_turns)
        for index, block in enumerate(blocks):
            for line in block.splitlines():
                for licence in find_licences(line):
                    result["licences"].append({"context": index, "source": "prompt", **licence.as_dict()})
        result["promptWords"] = [len(outputs["prompt-last"].split())]
        result["promptBlockWords"] = [len(block.split()) for block in blocks] if len(blocks) == user_turns else []
    return result


def _moment(text):
    try:
        return datetime.datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    except ValueError:
        return None


def unsourced_recalls(turns, contexts):
    """Memories and follow-ups whose source is not a turn the store was given by then: the source
    time must be a turn's time, at or before the context's turn, and the source text part of that
    turn's text (and the speaker, when given, that turn's speaker)."""
    user_turns = [index for index, turn in enumerate(turns) if str(turn.get("speaker", "")).lower() != "assistant"]
    found = []
    for number, context in enumerate(contexts):
        if number >= len(user_turns):
            break
        seen = turns[:user_turns[number] + 1]
        for field in ("memories", "followups"):
            for index, item in enumerate(context.get(field) or []):
                source = item.get("source") if isinstance(item, dict) else None
                if not isinstance(source, dict):
                    found.append({"context": number, "path": f"{field}[{index}]", "why": "no source"})
                    continue
                at, text = _moment(source.get("time")), " ".join(str(source.get("text", "")).split())
                matching = [turn for turn in seen if _moment(turn["time"]) == at and text and text in " ".join(turn["text"].split())]
                if not matching:
                    found.append({"context": number, "path": f"{field}[{index}]", "why": f"no turn at {source.get('time')} said {text[:80]!r}"})
                elif source.get("speaker") is not None and all(turn["speaker"] != source["speaker"] for turn in matching):
                    found.append({"context": number, "path": f"{field}[{index}]", "why": f"said by {matching[0]['speaker']}, not {source['speaker']}"})
    return found


def describe(expectation):
    return json.dumps({key: value for key, value in expectation.items() if key != "path"}, ensure_ascii=False)


def summarise(results, prompt):
    categories = {}
    for result in results:
        entry = categories.setdefault(result["category"], {"scenarios": 0, "scenariosPassed": 0, "met": 0, "total": 0})
        entry["scenarios"] += 1
        entry["scenariosPassed"] += int(not result["misses"] and not result["error"])
        entry["met"] += result["met"]
        entry["total"] += result["expectations"]
    met, total = sum(r["met"] for r in results), sum(r["expectations"] for r in results)
    handoff_scenarios = [r for r in results if r["category"] == "handoff"]
    summary = {
        "categories": {name: {**entry, "percent": percent(entry["met"], entry["total"])}
                       for name, entry in sorted(categories.items(), key=lambda item: category_rank(item[0]))},
        "overall": {"scenarios": len(results), "scenariosPassed": sum(int(not r["misses"] and not r["error"]) for r in results),
                    "met": met, "total": total, "percent": percent(met, total)},
        "handoff": {"recall": percent(sum(not r["handoffMissed"] for r in handoff_scenarios), len(handoff_scenarios)),
                    "missed": [r["id"] for r in results if r["handoffMissed"]],
                    "raisedOnHardNegatives": [r["id"] for r in results if r["handoffOnNegative"]]},
        "falseClaimLicences": sum(len(r["licences"]) for r in results),
        "unsourcedRecalls": sum(len(r.get("unsourced", [])) for r in results),
        "errors": [r["error"] for r in results if r["error"]],
    }
    if prompt:
        last = [words for r in results for words in r["promptWords"]]
        every = [words for r in results for words in r.get("promptBlockWords", [])]
        summary["promptWords"] = {"last": {"median": median(last), "max": max(last, default=None), "blocks": len(last)},
                                  "every": {"median": median(every), "max": max(every, default=None), "blocks": len(every)}}
    return summary


def category_rank(name):
    return (CATEGORY_ORDER.index(name) if name in CATEGORY_ORDER else len(CATEGORY_ORDER), name)


def percent(part, whole):
    return round(100.0 * part / whole, 1) if whole else None


def median(values):
    return statistics.median(values) if values else None


def print_table(summary, results, verbose):
    if verbose:
        for result in results:
            if result["error"]:
                print(f"ERROR {result['error']}")
            for miss in result["misses"]:
                print(f"MISS  {result['id']} [{result['category']}] {miss['path']}\n      expected {miss['expected']}\n"
                      f"      actual   {json.dumps(miss['actual'], ensure_ascii=False)[:400]}")
            for item in result.get("unsourced", []):
                print(f"SOURCE {result['id']} context {item['context']} {item['path']}: {item['why']}")
            for licence in result["licences"]:
                print(f"CLAIM {result['id']} context {licence['context']} ({licence['source']}): {licence['kind']}: {licence['found']}")
        print()
    width = max([len(name) for name in summary["categories"]] + [len("overall")])
    print(f"{'category':<{width}}  scenarios  passed   met/total       %")
    for name, entry in summary["categories"].items():
        print(f"{name:<{width}}  {entry['scenarios']:>9}  {entry['scenariosPassed']:>6}  {entry['met']:>4}/{entry['total']:<5}  {fmt(entry['percent'])}")
    overall = summary["overall"]
    print(f"{'overall':<{width}}  {overall['scenarios']:>9}  {overall['scenariosPassed']:>6}  {overall['met']:>4}/{overall['total']:<5}  {fmt(overall['percent'])}")
    handoff = summary["handoff"]
    print(f"\nhand-off recall {fmt(handoff['recall'])} %; missed: {', '.join(handoff['missed']) or 'none'}; "
          f"raised on hard negatives: {', '.join(handoff['raisedOnHardNegatives']) or 'none'}")
    print(f"false-claim licences in every context: {summary['falseClaimLicences']}")
    print(f"memories and follow-ups whose source is no turn given by then: {summary['unsourcedRecalls']}")
    if "promptWords" in summary:
        words = summary["promptWords"]
        print(f"prompt words (--last, {words['last']['blocks']} blocks): median {words['last']['median']}, max {words['last']['max']}; "
              f"every block ({words['every']['blocks']}): median {words['every']['median']}, max {words['every']['max']}")
    if summary["errors"]:
        print(f"{len(summary['errors'])} scenario(s) could not be run (-v shows why)")


def fmt(value):
    return "   -" if value is None else f"{value:5.1f}"


def main(argv=None):
    parser = argparse.ArgumentParser(description="Score `attune context` on the rapport scenario suite.")
    parser.add_argument("--attune", default=os.path.join(ROOT, ".build", "debug", "attune"), help="the attune binary")
    parser.add_argument("--scenarios", default=os.path.join(HERE, "scenarios"), help="directory of scenario files")
    parser.add_argument("--folds", default=os.path.join(HERE, "folds.json"), help="folds by person")
    parser.add_argument("--category", action="append", help="only this category (repeatable)")
    parser.add_argument("--scenario", action="append", help="only this scenario id (repeatable)")
    parser.add_argument("--fold", type=int, action="append", help="only the people of this fold (repeatable)")
    parser.add_argument("--json", action="store_true", help="print the summary and every result as JSON")
    parser.add_argument("-v", "--verbose", action="store_true", help="print each miss, error and licence")
    parser.add_argument("--prompt", action="store_true", help="also run --format prompt: word counts and the scan of every block")
    parser.add_argument("--check", action="store_true", help="only validate the scenarios and folds")
    parser.add_argument("--jobs", type=int, default=1, help="scenarios run at once (default 1)")
    parser.add_argument("--context-arg", action="append", default=[], help="extra argument for attune context (repeatable)")
    args = parser.parse_args(argv)

    try:
        scenarios = load_scenarios(args.scenarios)
        folds = load_folds(args.folds, scenarios)
        for scenario in scenarios:
            for number, expectation in enumerate(scenario["expect"], 1):
                try:
                    validate(expectation)
                except ExpectationError as error:
                    raise SuiteError(f"{scenario['file']}: scenario {scenario['id']}: expect[{number}]: {error}")
    except SuiteError as error:
        print(f"score.py: {error}", file=sys.stderr)
        return 2
    selected = [s for s in scenarios
                if (not args.category or s["category"] in args.category)
                and (not args.scenario or s["id"] in args.scenario)
                and (not args.fold or folds[s["person"]] in args.fold)]
    if args.scenario:
        unknown = set(args.scenario) - {s["id"] for s in scenarios}
        if unknown:
            print(f"score.py: no scenario {', '.join(sorted(unknown))}", file=sys.stderr)
            return 2
    if args.check:
        people = {s["person"] for s in scenarios}
        print(f"{len(scenarios)} scenarios, {len(people)} people, {sum(len(s['expect']) for s in scenarios)} expectations, "
              f"{sum(len(s['turns']) for s in scenarios)} turns, {len(set(folds.values()))} folds: valid")
        return 0
    if not selected:
        print("score.py: no scenario matches the filters", file=sys.stderr)
        return 2
    if not os.access(args.attune, os.X_OK):
        print(f"score.py: no attune binary at {args.attune}; build it (swift build) or give --attune PATH", file=sys.stderr)
        return 2
    runner = Runner(args.attune, args.context_arg)
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        results = list(pool.map(lambda scenario: score_scenario(runner, scenario, args.prompt), selected))
    summary = summarise(results, args.prompt)
    if args.json:
        json.dump({"summary": summary, "results": results}, sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        print_table(summary, results, args.verbose)
    failed = summary["handoff"]["missed"] or summary["handoff"]["raisedOnHardNegatives"] or summary["falseClaimLicences"] or summary["errors"]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
