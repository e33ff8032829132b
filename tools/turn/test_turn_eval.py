"""Tests of the turn evaluation's binning (tools/turn/breakdown.py), scoring and the hard set's split
and hold lengths: python3 -m unittest discover -s tools/turn -p 'test_*.py'"""
import math
import os
import random
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import breakdown  # noqa: E402
import fit_end_of_turn  # noqa: E402
import hard_set_sentences as bank  # noqa: E402
import make_eval_set  # noqa: E402
import make_hard_set  # noqa: E402
import scoring  # noqa: E402
from model import PAIRS, Model  # noqa: E402
from runner import FEATURE_NAMES  # noqa: E402


def pause(kind, start, end, **extra):
    return {"kind": kind, "type": "t", "speechEndT": start, "nextSpeechT": end, "transcriptSoFar": "", **extra}


class BinTests(unittest.TestCase):
    def test_hold_bins_include_their_upper_edge(self):
        self.assertEqual([breakdown.hold_bin(s) for s in (0.15, 0.5, 0.5001, 1.0, 1.2, 1.5, 1.51, 1.8)],
                         ["<= 0.5 s", "<= 0.5 s", "0.5-1.0 s", "0.5-1.0 s", "1.0-1.5 s", "1.0-1.5 s", "> 1.5 s", "> 1.5 s"])

    def test_snr_bins_include_their_lower_edge_and_none_is_clean(self):
        self.assertEqual([breakdown.snr_bin(s) for s in (None, 30, 20, 19.9, 10, 9.9, 5, 4.9)],
                         ["clean", ">= 20 dB", ">= 20 dB", "10-20 dB", "10-20 dB", "5-10 dB", "5-10 dB", "< 5 dB"])

    def test_hold_length_falls_back_to_the_labelled_times(self):
        self.assertEqual(breakdown.hold_seconds(pause("hold", 1.0, 1.7, holdSec=0.65)), 0.65)
        self.assertAlmostEqual(breakdown.hold_seconds(pause("hold", 1.0, 1.7)), 0.7)


class ByHoldLengthTests(unittest.TestCase):
    pauses = [pause("hold", 1.0, 1.3), pause("hold", 2.0, 2.8), pause("hold", 4.0, 5.2), pause("hold", 7.0, 8.7),
              pause("shift", 10.0, 10.2), pause("hold", 12.0, 12.4)]

    def test_a_decision_counts_in_the_bin_of_its_hold_once(self):
        # Two decisions in the 0.8 s hold count once; one in the shift and one in speech count in no bin.
        result = breakdown.by_hold_length([(self.pauses, [2.5, 2.6, 8.0, 10.1, 6.0])])
        self.assertEqual(result["<= 0.5 s"], {"holds": 2, "cutIns": 0, "falseCutInRate": 0.0})
        self.assertEqual(result["0.5-1.0 s"], {"holds": 1, "cutIns": 1, "falseCutInRate": 1.0})
        self.assertEqual(result["1.0-1.5 s"], {"holds": 1, "cutIns": 0, "falseCutInRate": 0.0})
        self.assertEqual(result["> 1.5 s"], {"holds": 1, "cutIns": 1, "falseCutInRate": 1.0})
        overall = scoring.score([(self.pauses, [2.5, 2.6, 8.0, 10.1, 6.0])])
        self.assertEqual(overall["cutInsInSpeech"], 1)
        self.assertAlmostEqual(overall["falseCutInRate"], 3 / 5)

    def test_bins_without_holds_are_left_out(self):
        result = breakdown.by_hold_length([([pause("hold", 1.0, 1.2), pause("shift", 2.0, 3.0)], [])])
        self.assertEqual(list(result), ["<= 0.5 s"])

    def test_a_decision_just_after_the_next_word_belongs_to_the_pause(self):
        # The scorer's grace: a decision up to 150 ms into the next speech is still the pause's.
        result = breakdown.by_hold_length([([pause("hold", 1.0, 1.4)], [1.5])])
        self.assertEqual(result["<= 0.5 s"]["cutIns"], 1)


class BySnrTests(unittest.TestCase):
    def test_files_are_scored_in_their_snr_bin(self):
        entries = [{"snrDb": None}, {"snrDb": 7.5}, {"snrDb": 12.0}, {"snrDb": 6.0}]
        per_file = [([pause("shift", 1.0, 2.0)], [1.2]),
                    ([pause("hold", 1.0, 1.5), pause("shift", 3.0, 4.0)], [1.3]),
                    ([pause("hold", 1.0, 1.5)], []),
                    ([pause("hold", 1.0, 1.5), pause("shift", 3.0, 4.0)], [3.4, 0.5])]
        result = breakdown.by_snr(entries, per_file)
        self.assertEqual(list(result), ["clean", "10-20 dB", "5-10 dB"])
        self.assertEqual(result["clean"]["shiftsFound"], 1.0)
        self.assertAlmostEqual(result["clean"]["latencyP50Ms"], 200.0)
        # 5-10 dB: two holds, one cut into, one decision inside speech; one of two shifts found.
        self.assertEqual(result["5-10 dB"]["holds"], 2)
        self.assertAlmostEqual(result["5-10 dB"]["falseCutInRate"], 1.0)
        self.assertAlmostEqual(result["5-10 dB"]["shiftsFound"], 0.5)
        self.assertEqual(result["10-20 dB"]["falseCutInRate"], 0.0)

    def test_tables_show_every_bin_that_has_data(self):
        entries = [{"snrDb": None}, {"snrDb": 25.0}]
        per_file = [([pause("hold", 1.0, 2.2), pause("shift", 3.0, 4.0)], [3.3]), ([pause("hold", 1.0, 1.2)], [1.1])]
        holds = breakdown.hold_table([("X", "k", breakdown.by_hold_length(per_file))])
        self.assertIn("holds 1.0-1.5 s (n=1)", holds[0])
        self.assertEqual(holds[2], "| X | k | 100.0% (1) | 0.0% (0) |")
        snr = breakdown.snr_table([("X", "k", breakdown.by_snr(entries, per_file))])
        self.assertEqual(snr[2], "| X | k | 0.0% / 100% / 300-300 | 100.0% / 0% / – |")


class HardSetTests(unittest.TestCase):
    def test_no_test_voice_accent_variant_or_phrase_is_in_training(self):
        def parts(voice):
            accent, _, variant = voice.partition("+")
            return accent, variant
        train = [parts(v) for v in bank.TRAIN_VOICES]
        test = [parts(v) for v in bank.TEST_VOICES]
        self.assertGreaterEqual(len(bank.TRAIN_VOICES) + len(bank.TEST_VOICES), 25)
        self.assertFalse({a for a, _ in train} & {a for a, _ in test})
        self.assertFalse({v for _, v in train} & {v for _, v in test})
        split = bank.split_definition()["sentences"]
        for name in bank.BANKS:
            self.assertTrue(split["test"][name], name)
            self.assertFalse(set(split["train"][name]) & set(split["test"][name]), name)
            self.assertEqual(len(split["train"][name]) + len(split["test"][name]), len(bank.BANKS[name]))

    def test_the_bank_shares_no_phrase_with_the_fitting_set(self):
        old = set(make_eval_set.CONJUNCTION + make_eval_set.COMMA + make_eval_set.FILLER + make_eval_set.LIST_OPENERS
                  + make_eval_set.LIST_ITEMS + make_eval_set.LIST_ENDS + make_eval_set.STATEMENT
                  + make_eval_set.QUESTION + make_eval_set.SHORT_ANSWER)
        new = {p for phrases in bank.BANKS.values() for p in phrases}
        self.assertFalse(old & new)

    def test_holds_are_long_tailed_within_bounds_and_repeatable(self):
        rng = random.Random(5)
        holds = sorted(make_hard_set.hold_seconds(rng) for _ in range(4000))
        self.assertGreaterEqual(holds[0], 0.15)
        self.assertLessEqual(holds[-1], 1.8)
        self.assertAlmostEqual(holds[2000], 0.5, delta=0.05)
        self.assertGreater(sum(h > 1.0 for h in holds) / 4000, 0.10)
        self.assertGreater(sum(h > 1.5 for h in holds) / 4000, 0.02)
        again = random.Random(5)
        self.assertEqual(holds, sorted(make_hard_set.hold_seconds(again) for _ in range(4000)))
        gaps = [make_hard_set.gap_seconds(rng) for _ in range(2000)]
        self.assertTrue(all(0.1 <= g <= 1.5 for g in gaps))
        self.assertLess(min(gaps), 0.11)


class ReplayTests(unittest.TestCase):
    """The grid scorer of fit_end_of_turn.Replay agrees with scoring.score and breakdown.by_hold_length
    on the decisions Replay.decide makes, setting by setting."""

    def test_grid_metrics_equal_the_scorer_of_the_decisions(self):
        rng = random.Random(11)
        n = len(FEATURE_NAMES)
        weights = [0.0] * (n + len(PAIRS))
        weights[0] = 4.0  # p rises with pauseLog
        weights[2] = -1.5  # and falls with the f0 slope cue
        model = Model(weights, -1.0, [0.0] * len(weights), [1.0] * len(weights))
        runs = []
        for f in range(3):
            pauses, rows, t = [], [], 1.0
            for k in range(8):
                kind = "shift" if k % 3 == 2 else "hold"
                length = rng.uniform(0.2, 1.9)
                pauses.append(pause(kind, t, t + length, holdSec=length))
                for i in range(1, int(length * 100) + 12):  # frames run 120 ms into the next speech
                    pause_ms = i * 10.0
                    features = [0.0] * n
                    features[0] = math.log(pause_ms / 1000)
                    features[2] = rng.gauss(0, 1)
                    rows.append((t + 0.085 + i * 0.01, t, pause_ms, features))
                t += length + rng.uniform(0.5, 2.0)
            stray = [0.0] * n
            stray[0] = math.log(1.6)
            rows.append((t + 0.3, t + 0.2, 1600.0, stray))  # a logged pause inside speech
            runs.append(({"pauses": pauses}, rows))
        replays = [fit_end_of_turn.Replay(runs[:2], model), fit_end_of_turn.Replay(runs[2:], model)]
        thresholds, fallbacks = [0.2, 0.5, 0.8, 0.95], [400, 900, 1500]
        grid = fit_end_of_turn.Replay.metrics_of(replays, thresholds, fallbacks)
        self.assertEqual(len(grid), len(thresholds) * len(fallbacks))
        varied, strays = set(), 0
        for (threshold, fallback), (metrics, bins) in grid.items():
            decided = [d for r in replays for d in r.decide(threshold, fallback)]
            expected = scoring.score(decided)
            for key, value in expected.items():
                if value is None:
                    self.assertIsNone(metrics[key])
                else:
                    self.assertAlmostEqual(metrics[key], value, places=9, msg=key)
            self.assertEqual(bins, breakdown.by_hold_length(decided))
            strays += metrics["cutInsInSpeech"]
            varied.add((round(metrics["falseCutInRate"], 6), round(metrics["shiftsFound"], 6)))
        self.assertGreater(len(varied), 4)
        self.assertGreater(strays, 0)


if __name__ == "__main__":
    unittest.main()
