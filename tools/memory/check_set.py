#!/usr/bin/env python3
"""Checks that a memory evaluation set means what its probes say, beyond the format dataset.py checks:

- every category has at least 10 probes and every fold 0..4 has probes;
- an answerable probe's expect group occurs whole in some turn at or before its `at` (so it can be
  answered from what was said by then);
- an update probe's forbidden old value, a forgotten probe's markers and a follow-up probe's keywords
  occur in some turn before `at` (otherwise the forbid could never fire and the probe tests nothing);
- a paraphrase probe's query shares no content word (after stop words and a crude suffix strip) with
  any turn that holds its expected answer.

    python3 tools/memory/check_set.py [SET_DIR]      # default tools/memory/dev; exit 1 on problems
"""
import os
import re
import sys
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dataset  # noqa: E402

MINIMUM_PER_CATEGORY = 10
STOP_WORDS = set("""a an the i me my mine we us our you your he him his she her it its they them their this that these
those is am are was were be been being do does did have has had what whats what's which who whom whose when where why how
of in on at to for from with by about as and or but not no so if than then there here any some all can could should would
will shall may might must just up out off over into again still now ever get got s t d ll m re ve""".split())
WORD = re.compile(r"[a-z0-9]+")


def stem(word):
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def content_words(text):
    return {stem(w) for w in WORD.findall(text.lower().replace("'", "")) if w not in STOP_WORDS}


def problems(conversations, probes):
    found = []
    counts = Counter(p.category for p in probes)
    for category in dataset.CATEGORIES:
        if counts[category] < MINIMUM_PER_CATEGORY:
            found.append(f"category {category}: {counts[category]} probes, at least {MINIMUM_PER_CATEGORY} wanted")
    for fold in dataset.FOLDS:
        if not any(p.fold == fold for p in probes):
            found.append(f"fold {fold}: no probes")
    for probe in probes:
        said = [t["text"].lower() for t in conversations[probe.conversation].turns
                if dataset.parse_time(t["time"]) <= probe.at_time]
        if probe.category in dataset.ANSWERABLE_CATEGORIES:
            holders = [t for t in said if any(all(k.lower() in t for k in g) for g in probe.expect)]
            if not holders:
                found.append(f"{probe.id}: no turn up to {probe.at} holds an expect group {probe.expect}")
            if probe.category == "paraphrase":
                for turn in holders:
                    shared = content_words(probe.query) & content_words(turn)
                    if shared:
                        found.append(f"{probe.id}: query shares {sorted(shared)} with {turn!r}")
        keywords = list(probe.forbid) + ([k for g in probe.expect for k in g] if probe.is_followup else [])
        if probe.category in ("update", "forgotten") or probe.is_followup:
            for keyword in keywords:
                if not any(keyword.lower() in t for t in said):
                    found.append(f"{probe.id}: {keyword!r} occurs in no turn up to {probe.at}")
    return found


def main(argv):
    directory = argv[1] if len(argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "dev")
    try:
        conversations, probes = dataset.load_set(directory)
    except dataset.DatasetError as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1
    found = problems(conversations, probes)
    for problem in found:
        print(problem)
    turns = sum(len(c.turns) for c in conversations.values())
    sessions = len({t.get("session") for c in conversations.values() for t in c.turns})
    people = sum(len(c.people) for c in conversations.values())
    print(f"{directory}: {len(conversations)} conversations, {people} people, {sessions} sessions, {turns} turns, "
          f"{len(probes)} probes; {len(found)} problems")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
