"""Scoring of end-of-turn decisions against labelled pauses, shared by evaluate.py and fit_end_of_turn.py.

The metrics follow LiveKit's eot-bench:
- false cut-in rate: the share of hold pauses in which an end of turn was declared (an end of turn
  declared inside speech, outside every labelled pause, also counts as a false cut-in);
- shifts found: the share of shift pauses in which an end of turn was declared before the next speech;
- latency: decision time minus the labelled speech end, over the shifts found (p50, p90);
- at 5 %: sweeping the detector's one knob (threshold or time-out), among the settings whose false
  cut-in rate stays at or below 5 %, the one that finds the most shifts, then the fastest.

A decision at input time t belongs to the pause [speechEndT, nextSpeechT + GRACE): a streaming
detector decides frame k only after its look-ahead, so a decision about the last silent frame can
arrive just after the next word began.
"""
import numpy as np

GRACE = 0.15


def pause_at(t, pauses):
    """Index of the labelled pause a decision at input time t belongs to, or None (inside speech)."""
    for i, p in enumerate(pauses):
        if p["speechEndT"] <= t < p["nextSpeechT"] + GRACE:
            return i
    return None


def assign(decisions, pauses):
    """decisions: sorted input times of end-of-turn decisions. Returns (per-pause first decision or None,
    decisions that fall in no pause)."""
    first = [None] * len(pauses)
    stray = 0
    for t in decisions:
        i = pause_at(t, pauses)
        if i is None:
            stray += 1
        elif first[i] is None:
            first[i] = t
    return first, stray


def score(per_file):
    """per_file: list of (pauses, decisions). Returns the metrics dict."""
    holds = shifts = cut_ins = found = stray_total = 0
    latencies = []
    for pauses, decisions in per_file:
        first, stray = assign(sorted(decisions), pauses)
        stray_total += stray
        for p, t in zip(pauses, first):
            if p["kind"] == "hold":
                holds += 1
                cut_ins += t is not None
            else:
                shifts += 1
                if t is not None:
                    found += 1
                    latencies.append(t - p["speechEndT"])
    latencies = np.array(latencies) * 1000
    return {
        "holds": holds, "shifts": shifts,
        "falseCutInRate": (cut_ins + stray_total) / max(holds, 1),
        "cutInsInSpeech": stray_total,
        "shiftsFound": found / max(shifts, 1),
        "latencyP50Ms": float(np.percentile(latencies, 50)) if len(latencies) else None,
        "latencyP90Ms": float(np.percentile(latencies, 90)) if len(latencies) else None,
    }


def at_five_percent(sweep):
    """sweep: list of (knob, metrics). Among the settings with <= 5 % false cut-ins, the one that finds
    the most shifts, then with the lowest median latency; None if there is none."""
    ok = [(k, m) for k, m in sweep if m["falseCutInRate"] <= 0.05 and m["latencyP50Ms"] is not None]
    return min(ok, key=lambda km: (-km[1]["shiftsFound"], km[1]["latencyP50Ms"])) if ok else None


def vad_speech_ends(probabilities, on=0.5, off=0.35, min_speech_chunks=4):
    """(speech end time, silence end time) pairs from 32 ms VAD chunks with hysteresis: the gaps a
    silence time-out measures."""
    gaps = []
    speaking = False
    run = 0
    end = None
    for k, p in enumerate(probabilities):
        t = k * 0.032
        speech = p >= on or (speaking and p >= off)
        if speech:
            run += 1
            if not speaking and run >= min_speech_chunks:
                if end is not None:
                    gaps.append((end, t - (run - 1) * 0.032))
                speaking = True
        else:
            run = 0
            if speaking:
                end = t
                speaking = False
    if end is not None and not speaking:
        gaps.append((end, len(probabilities) * 0.032))
    return gaps


def timeout_decisions(gaps, timeout):
    """A silence time-out fires `timeout` after the VAD's speech end when the silence lasts that long."""
    return [end + timeout for end, resume in gaps if resume - end >= timeout]
