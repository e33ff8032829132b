"""The scoring rule (tools/memory/dev/README.md states it in words; this is the one place it is coded).

Answers have the shapes of `attune memory recall --json` and `attune memory followups --json`
(docs of issue 14): recall {"query", "at", "confident", "results": [{"id", "kind", "text", "score",
"current", "source": {"text", "time", "speaker", "session"}, "why"}]}, best first; followups
{"at", "followups": [{"id", "question", "event", "eventTime", "source": {"text", "time", "speaker"}, "why"}]}.
Matching is case-insensitive substring matching.
"""
from dataset import ANSWERABLE_CATEGORIES, CATEGORIES

TOP = 3  # a recall answer is judged on its first three results


def result_text(result):
    """What a recall result is matched on: its text and its source utterance's text."""
    source = result.get("source") or {}
    return f"{result.get('text', '')}\n{source.get('text', '')}".lower()


def followup_text(followup):
    """What a follow-up is matched on: its question, its event and its source utterance's text."""
    source = followup.get("source") or {}
    return f"{followup.get('question', '')}\n{followup.get('event', '')}\n{source.get('text', '')}".lower()


def _matches_group(text, group):
    return all(keyword.lower() in text for keyword in group)


def _contains_any(text, keywords):
    return any(keyword.lower() in text for keyword in keywords)


def passes_recall(probe, answer):
    """single_fact, paraphrase, temporal, update, multi_hop: confident, some top-3 result holds every
    string of one expect group, and no top-3 result holds a forbid string. abstain: not confident.
    forgotten: no result at all (however many were returned) holds a forbidden marker."""
    results = answer.get("results") or []
    if probe.category == "abstain":
        return answer.get("confident") is False
    if probe.category == "forgotten":
        return not any(_contains_any(result_text(r), probe.forbid) for r in results)
    top = [result_text(r) for r in results[:TOP]]
    found = any(_matches_group(text, group) for text in top for group in probe.expect)
    clean = not any(_contains_any(text, probe.forbid) for text in top)
    return answer.get("confident") is True and found and clean


def passes_followups(probe, answer):
    """Every expect group is matched by one due follow-up, and no follow-up holds a forbid string.
    A system without follow-ups (answer None) fails every follow-up probe."""
    if answer is None:
        return False
    texts = [followup_text(f) for f in answer.get("followups") or []]
    every_expected = all(any(_matches_group(text, group) for text in texts) for group in probe.expect)
    return every_expected and not any(_contains_any(text, probe.forbid) for text in texts)


def passes(probe, answer):
    return passes_followups(probe, answer) if probe.is_followup else passes_recall(probe, answer)


def _mean_passed(probes, passed_ids, which):
    chosen = [p for p in probes if which(p)]
    passed = set(passed_ids)
    return sum(p.id in passed for p in chosen) / len(chosen) if chosen else None


def summarise(probes, answers):
    """Per-category pass rates, the overall rate (mean over all probes), the same over the recall
    probes only (the seven recall categories), and the answerable-confident rate (share of answerable
    probes answered with confident = true) for one system's answers."""
    per_category = {category: [0, 0] for category in CATEGORIES}
    passed_ids, confident_answerable, answerable = [], 0, 0
    for probe in probes:
        ok = passes(probe, answers.get(probe.id))
        per_category[probe.category][0] += ok
        per_category[probe.category][1] += 1
        if ok:
            passed_ids.append(probe.id)
        if probe.category in ANSWERABLE_CATEGORIES:
            answerable += 1
            confident_answerable += bool((answers.get(probe.id) or {}).get("confident"))
    return {
        "categories": {c: {"passed": p, "probes": n, "rate": p / n if n else None} for c, (p, n) in per_category.items()},
        "overall": len(passed_ids) / len(probes) if probes else None,
        "recallOverall": _mean_passed(probes, passed_ids, lambda p: not p.is_followup),
        "answerableConfident": confident_answerable / answerable if answerable else None,
        "passed": passed_ids,
    }
