"""False cut-ins by hold length and results by SNR, for tools/turn/evaluate.py.

Hold-length bins (seconds of the labelled hold: `holdSec`, or nextSpeechT - speechEndT in sets that do
not record it): <= 0.5, 0.5-1.0, 1.0-1.5, > 1.5 (each bin includes its upper edge). A hold bin's rate is
the holds of that length with an end of turn over the holds of that length; an end of turn inside speech
belongs to no hold, so it is counted in the overall rate and the SNR rows (per file) but in no hold bin.

SNR bins (a file's `snrDb`; null means no noise was added): clean, >= 20, 10-20, 5-10 dB (lower edge
included); a file below 5 dB falls in "< 5". An SNR bin's figures are tools/turn/scoring.py's metrics over
the files of that bin.
"""
import scoring

HOLD_BINS = ["<= 0.5 s", "0.5-1.0 s", "1.0-1.5 s", "> 1.5 s"]
SNR_BINS = ["clean", ">= 20 dB", "10-20 dB", "5-10 dB", "< 5 dB"]


def hold_seconds(pause):
    return pause["holdSec"] if "holdSec" in pause else pause["nextSpeechT"] - pause["speechEndT"]


def hold_bin(seconds):
    if seconds <= 0.5:
        return HOLD_BINS[0]
    if seconds <= 1.0:
        return HOLD_BINS[1]
    if seconds <= 1.5:
        return HOLD_BINS[2]
    return HOLD_BINS[3]


def snr_bin(snr_db):
    if snr_db is None:
        return SNR_BINS[0]
    if snr_db >= 20:
        return SNR_BINS[1]
    if snr_db >= 10:
        return SNR_BINS[2]
    if snr_db >= 5:
        return SNR_BINS[3]
    return SNR_BINS[4]


def by_hold_length(per_file):
    """per_file: list of (pauses, decisions). {bin: {"holds", "cutIns", "falseCutInRate"}} for every bin
    that has holds, in HOLD_BINS order."""
    counts = {b: [0, 0] for b in HOLD_BINS}
    for pauses, decisions in per_file:
        first, _ = scoring.assign(sorted(decisions), pauses)
        for pause, t in zip(pauses, first):
            if pause["kind"] == "hold":
                entry = counts[hold_bin(hold_seconds(pause))]
                entry[0] += 1
                entry[1] += t is not None
    return {b: {"holds": n, "cutIns": k, "falseCutInRate": k / n} for b, (n, k) in counts.items() if n}


def by_snr(entries, per_file):
    """entries: the labels of the files of per_file, in the same order. {bin: scoring.score of its files}
    for every bin that has files, in SNR_BINS order."""
    groups = {b: [] for b in SNR_BINS}
    for entry, item in zip(entries, per_file):
        groups[snr_bin(entry.get("snrDb"))].append(item)
    return {b: scoring.score(items) for b, items in groups.items() if items}


def hold_table(rows):
    """rows: [(detector, setting, by_hold_length result)] -> markdown lines."""
    bins = [b for b in HOLD_BINS if any(b in r[2] for r in rows)]
    counts = {b: next(r[2][b]["holds"] for r in rows if b in r[2]) for b in bins}
    lines = ["| detector | setting | " + " | ".join(f"holds {b} (n={counts[b]})" for b in bins) + " |",
             "|---|---|" + "---:|" * len(bins)]
    for name, knob, result in rows:
        cells = [f"{result[b]['falseCutInRate']:.1%} ({result[b]['cutIns']})" if b in result else "–" for b in bins]
        lines.append(f"| {name} | {knob} | " + " | ".join(cells) + " |")
    return lines


def snr_table(rows):
    """rows: [(detector, setting, by_snr result)] -> markdown lines: per SNR bin, false cut-ins / shifts
    found / latency p50-p90 ms."""
    bins = [b for b in SNR_BINS if any(b in r[2] for r in rows)]
    first = {b: next(r[2][b] for r in rows if b in r[2]) for b in bins}
    header = " | ".join(f"{b} ({first[b]['holds']} holds, {first[b]['shifts']} shifts)" for b in bins)
    lines = ["| detector | setting | " + header + " |", "|---|---|" + "---:|" * len(bins)]

    def cell(m):
        if m["latencyP50Ms"] is None:
            return f"{m['falseCutInRate']:.1%} / {m['shiftsFound']:.0%} / –"
        return (f"{m['falseCutInRate']:.1%} / {m['shiftsFound']:.0%} / "
                f"{m['latencyP50Ms']:.0f}-{m['latencyP90Ms']:.0f}")

    for name, knob, result in rows:
        lines.append(f"| {name} | {knob} | " + " | ".join(cell(result[b]) if b in result else "–" for b in bins) + " |")
    return lines
