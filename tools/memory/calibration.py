"""`confident` for systems that have only a score: a threshold on the top result's score, chosen by
cross-validation over the folds, so that no probe's own answer ever sets the threshold it is judged by.

For each fold k, the threshold is the one that passes the most recall probes (answerable and
abstain) of the other four folds when confident = (top score >= threshold); the candidates are the
midpoints between consecutive distinct top scores of those probes, and -inf / +inf (always / never
confident). Ties go to the lowest threshold among the best, favouring answering. The fold-k probes are
then scored with that threshold. forgotten and follow-up probes do not depend on `confident`.
"""
import copy
import math

from dataset import ANSWERABLE_CATEGORIES, FOLDS
from scoring import passes_recall

CALIBRATED_CATEGORIES = ANSWERABLE_CATEGORIES + ("abstain",)


def top_score(answer):
    results = answer.get("results") or []
    return results[0]["score"] if results else -math.inf


def with_confidence(answer, threshold):
    """`answer` with confident = (top score >= threshold), never when the system named a reference it
    knows nobody for (Attune's `unknown`: "my dog" when only a cat was mentioned)."""
    answer = copy.copy(answer)
    answer["confident"] = bool(answer.get("results")) and not answer.get("unknown") and top_score(answer) >= threshold
    return answer


def _candidates(scores):
    distinct = sorted(set(s for s in scores if math.isfinite(s)))
    return [-math.inf] + [(a + b) / 2 for a, b in zip(distinct, distinct[1:])] + [math.inf]


def best_threshold(probes, answers):
    """(threshold, passes) maximising recall passes over `probes` (ties: lowest threshold)."""
    scored = [(p, answers[p.id]) for p in probes if p.category in CALIBRATED_CATEGORIES]
    best = None
    for threshold in _candidates(top_score(a) for _, a in scored):
        passed = sum(passes_recall(p, with_confidence(a, threshold)) for p, a in scored)
        if best is None or passed > best[1]:
            best = (threshold, passed)
    return best


def cross_validate(probes, answers):
    """(answers with `confident` set fold by fold, {fold: threshold})."""
    calibrated, thresholds = dict(answers), {}
    for fold in FOLDS:
        held_out = [p for p in probes if p.fold == fold and not p.is_followup]
        if not held_out:
            continue
        threshold, _ = best_threshold([p for p in probes if p.fold != fold and not p.is_followup], answers)
        thresholds[fold] = threshold
        for probe in held_out:
            calibrated[probe.id] = with_confidence(answers[probe.id], threshold)
    return calibrated, thresholds
