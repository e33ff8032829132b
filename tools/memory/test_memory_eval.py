"""Tests of the memory evaluation's scoring rule, calibration, feeding order, set checks and BM25
baseline (standard library only): python3 -m unittest discover -s tools/memory -p 'test_*.py'"""
import json
import math
import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import calibration  # noqa: E402
import check_set  # noqa: E402
import dataset  # noqa: E402
import evaluate  # noqa: E402
import scoring  # noqa: E402
import systems  # noqa: E402
from bm25_baseline import BM25Baseline, fts_query  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


def probe(category, expect=(), forbid=(), fold=0, query="q", at="2025-01-10T00:00:00Z", id="p"):
    made = dataset.Probe(id=id, conversation="c", fold=fold, category=category, speaker="sam", at=at,
                         query="" if category.startswith("followup") else query,
                         expect=[list(g) for g in expect], forbid=list(forbid))
    made.at_time = dataset.parse_time(at)
    return made


def result(text, source_text=None, score=1.0):
    return {"id": text, "kind": "fact", "text": text, "score": score, "current": True,
            "source": {"text": source_text if source_text is not None else text, "time": "2025-01-01T00:00:00Z",
                       "speaker": "sam", "session": None}, "why": []}


def recall(*texts, confident=True):
    return {"query": "q", "at": "t", "confident": confident, "results": [result(t) for t in texts]}


def followups(*events):
    return {"at": "t", "followups": [{"id": e, "question": f"How did the {e} go?", "event": e, "eventTime": "t",
                                      "source": {"text": e, "time": "t", "speaker": "sam"}, "why": "passed"} for e in events]}


class RecallRule(unittest.TestCase):
    def test_expected_group_in_the_top_three_passes(self):
        self.assertTrue(scoring.passes(probe("single_fact", [["cardiff"]]), recall("x", "y", "Nia lives in CARDIFF")))

    def test_expected_group_at_rank_four_fails(self):
        self.assertFalse(scoring.passes(probe("single_fact", [["cardiff"]]), recall("x", "y", "z", "Cardiff")))

    def test_every_string_of_a_group_must_be_in_one_result(self):
        p = probe("update", [["tuesday", "saturday"]], ["thursday"])
        self.assertFalse(scoring.passes(p, recall("gym on tuesday", "gym on saturday")))
        self.assertTrue(scoring.passes(p, recall("gym on tuesday and saturday")))

    def test_any_one_group_is_enough(self):
        self.assertTrue(scoring.passes(probe("single_fact", [["spy who"], ["le carré"]]), recall("a Le Carré novel")))

    def test_source_text_counts(self):
        answer = {"confident": True, "results": [result("event: MRI", source_text="the MRI is on the 28th")]}
        self.assertTrue(scoring.passes(probe("temporal", [["28th"]]), answer))

    def test_forbidden_string_in_the_top_three_fails_but_not_below(self):
        p = probe("update", [["cardiff"]], ["exeter"])
        self.assertFalse(scoring.passes(p, recall("Cardiff", "used to live in Exeter")))
        self.assertTrue(scoring.passes(p, recall("Cardiff", "a", "b", "used to live in Exeter")))

    def test_a_right_answer_that_is_not_confident_fails(self):
        self.assertFalse(scoring.passes(probe("single_fact", [["miso"]]), recall("my cat Miso", confident=False)))

    def test_abstain_passes_only_when_not_confident(self):
        self.assertTrue(scoring.passes(probe("abstain"), recall("my cat Miso", confident=False)))
        self.assertFalse(scoring.passes(probe("abstain"), recall("my cat Miso", confident=True)))

    def test_forgotten_marker_anywhere_in_the_results_fails(self):
        p = probe("forgotten", forbid=["zanzibar"])
        self.assertFalse(scoring.passes(p, recall(*["x"] * 9, "the Zanzibar trip", confident=False)))
        self.assertTrue(scoring.passes(p, recall(*["x"] * 10)))


class FollowupRule(unittest.TestCase):
    def test_a_system_without_followups_fails_every_followup_probe(self):
        self.assertFalse(scoring.passes(probe("followup_not_yet", forbid=["mri"]), None))

    def test_every_expected_event_must_be_due(self):
        p = probe("followup_due", [["mri"], ["check-up"]])
        self.assertTrue(scoring.passes(p, followups("MRI", "Dad's check-up")))
        self.assertFalse(scoring.passes(p, followups("MRI")))

    def test_a_forbidden_event_anywhere_fails(self):
        p = probe("followup_cancelled", forbid=["dinner"])
        self.assertTrue(scoring.passes(p, followups("MRI")))
        self.assertFalse(scoring.passes(p, followups("MRI", "team dinner")))


class Summary(unittest.TestCase):
    def test_overall_is_the_mean_over_probes_and_confidence_counts_answerable_only(self):
        probes = [probe("single_fact", [["a"]], id="1"), probe("abstain", id="2"), probe("followup_due", [["x"]], id="3")]
        answers = {"1": recall("a"), "2": recall("b", confident=False), "3": None}
        summary = scoring.summarise(probes, answers)
        self.assertAlmostEqual(summary["overall"], 2 / 3)
        self.assertEqual(summary["recallOverall"], 1.0)
        self.assertEqual(summary["answerableConfident"], 1.0)
        self.assertEqual(summary["categories"]["followup_due"]["rate"], 0.0)


class CrossValidation(unittest.TestCase):
    def setUp(self):
        # Folds 1-4: answerable probes score 0.8, abstain probes 0.3 -> a threshold between them.
        self.probes, self.answers = [], {}
        for fold in range(1, 5):
            for kind, score in (("single_fact", 0.8), ("abstain", 0.3)):
                p = probe(kind, [["right"]] if kind != "abstain" else (), fold=fold, id=f"{kind}{fold}")
                self.probes.append(p)
                self.answers[p.id] = {"confident": True, "results": [result("right", score=score)]}

    def held_out(self, score):
        p = probe("abstain", fold=0, id="held")
        answers = dict(self.answers, held={"confident": True, "results": [result("right", score=score)]})
        return calibration.cross_validate(self.probes + [p], answers)

    def test_threshold_separates_the_other_folds(self):
        calibrated, thresholds = self.held_out(0.5)
        self.assertTrue(0.3 < thresholds[0] <= 0.8)
        self.assertTrue(calibrated["single_fact1"]["confident"])
        self.assertFalse(calibrated["abstain1"]["confident"])

    def test_a_probe_never_sets_its_own_threshold(self):
        _, low = self.held_out(0.31)
        _, high = self.held_out(0.79)
        self.assertEqual(low[0], high[0])

    def test_a_reference_the_system_knows_nobody_for_is_never_confident(self):
        answer = {"unknown": ["my dog"], "results": [result("right", score=0.9)]}
        self.assertFalse(calibration.with_confidence(answer, -math.inf)["confident"])
        self.assertTrue(calibration.with_confidence(dict(answer, unknown=[]), -math.inf)["confident"])

    def test_no_results_is_never_confident(self):
        self.assertFalse(calibration.with_confidence({"results": []}, -math.inf)["confident"])


class FeedingOrder(unittest.TestCase):
    def test_a_probe_sees_exactly_the_turns_up_to_its_time(self):
        turns = [{"time": f"2025-01-0{d}T10:00:00Z", "speaker": "sam", "text": f"day {d}"} for d in range(1, 6)]
        conversation = dataset.Conversation("c", {"sam": 0}, turns)
        seen_at = {}

        class Recorder(systems.MemorySystem):
            def open(self, conversation, workdir):
                self.turns = []

            def observe(self, new):
                self.turns.extend(new)

            def recall(self, query, at, speaker, limit):
                seen_at[query] = [t["text"] for t in self.turns]
                return recall()

        probes = [probe("single_fact", [["x"]], query="late", at="2025-01-04T10:00:00Z", id="b"),
                  probe("single_fact", [["x"]], query="early", at="2025-01-02T09:59:59Z", id="a")]
        with tempfile.TemporaryDirectory() as directory:
            answers = systems.run(Recorder(), {"c": conversation}, probes, lambda s, c: os.path.join(directory, c))
        self.assertEqual(seen_at["early"], ["day 1"])
        self.assertEqual(seen_at["late"], ["day 1", "day 2", "day 3", "day 4"])
        self.assertEqual(set(answers), {"a", "b"})


class SetFiles(unittest.TestCase):
    def test_the_development_set_loads_and_passes_its_checks(self):
        conversations, probes = dataset.load_set(os.path.join(HERE, "dev"))
        self.assertEqual(check_set.problems(conversations, probes), [])
        self.assertGreaterEqual(len(probes), 150)
        self.assertEqual({p.fold for p in probes}, set(dataset.FOLDS))

    def test_a_bad_turn_is_reported_with_its_line(self):
        with tempfile.TemporaryDirectory() as directory:
            os.mkdir(os.path.join(directory, "conversations"))
            with open(os.path.join(directory, "conversations.json"), "w") as handle:
                json.dump({"c": {"people": {"sam": 0}}}, handle)
            with open(os.path.join(directory, "conversations", "c.jsonl"), "w") as handle:
                handle.write('{"time":"2025-01-01T10:00:00Z","speaker":"sam","text":"hi"}\n{"time":"2025-01-01T09:00:00Z","speaker":"sam","text":"x"}\n')
            with self.assertRaisesRegex(dataset.DatasetError, r"c\.jsonl:2: turns must be in strictly increasing time"):
                dataset.load_set(directory)

    def test_a_paraphrase_sharing_a_word_is_caught(self):
        turns = [{"time": "2025-01-01T10:00:00Z", "speaker": "sam", "text": "caffeine gives me palpitations"}]
        conversations = {"c": dataset.Conversation("c", {"sam": 0}, turns)}
        found = check_set.problems(conversations, [probe("paraphrase", [["caffeine"]], query="does caffeine suit me?")])
        self.assertTrue(any("shares ['caffeine']" in line for line in found))


class AnswersFiles(unittest.TestCase):
    def test_saved_answers_score_the_same_when_read_back(self):
        with tempfile.TemporaryDirectory() as directory:
            first, second = os.path.join(directory, "first.json"), os.path.join(directory, "second.json")
            quiet = open(os.devnull, "w")
            stdout, sys.stdout = sys.stdout, quiet
            try:
                self.assertEqual(evaluate.main(["--systems", "bm25", "--save-answers", directory, "--json", first]), 0)
                saved = os.path.join(directory, "BM25 (FTS5).jsonl")
                self.assertEqual(evaluate.main(["--systems", "", "--answers", f"again={saved}", "--json", second]), 0)
                self.assertEqual(evaluate.main(["--systems", "", "--answers", f"again={os.devnull}"]), 1)
            finally:
                sys.stdout = stdout
                quiet.close()
            with open(first) as a, open(second) as b:
                self.assertEqual(json.load(a)["systems"]["BM25 (FTS5)"], json.load(b)["systems"]["again"])


    def test_a_threshold_chosen_on_another_set_is_applied_unchanged(self):
        dev = os.path.join(HERE, "dev")
        dev_conversations, dev_probes = dataset.load_set(dev)
        with tempfile.TemporaryDirectory() as directory:
            dev_answers = systems.run(BM25Baseline(), dev_conversations, dev_probes, lambda s, c: os.path.join(directory, c))
        expected = calibration.best_threshold([p for p in dev_probes if not p.is_followup], dev_answers)[0]
        with tempfile.TemporaryDirectory() as directory:
            small = os.path.join(directory, "small")
            os.makedirs(os.path.join(small, "conversations"))
            with open(os.path.join(small, "conversations.json"), "w") as handle:
                json.dump({"c": {"people": {"ana": 0}, "about": "one person"}}, handle)
            turns = [{"time": "2031-05-01T10:00:00Z", "speaker": "ana", "text": "my tortoise is called Pebble"},
                     {"time": "2031-05-01T10:01:00Z", "speaker": "ana", "text": "I work at a bakery in Leeds"}]
            with open(os.path.join(small, "conversations", "c.jsonl"), "w") as handle:
                handle.writelines(json.dumps(t) + "\n" for t in turns)
            probes = [{"id": "t1", "conversation": "c", "fold": 0, "category": "single_fact", "speaker": "ana",
                       "at": "2031-05-02T00:00:00Z", "query": "what is my tortoise called?", "expect": [["pebble"]], "forbid": [], "note": ""},
                      {"id": "t2", "conversation": "c", "fold": 0, "category": "abstain", "speaker": "ana",
                       "at": "2031-05-02T00:00:00Z", "query": "what is my dog called?", "expect": [], "forbid": [], "note": ""}]
            with open(os.path.join(small, "probes.jsonl"), "w") as handle:
                handle.writelines(json.dumps(p) + "\n" for p in probes)
            out, saved = os.path.join(directory, "out.json"), os.path.join(directory, "answers")
            quiet = open(os.devnull, "w")
            stdout, sys.stdout = sys.stdout, quiet
            try:
                self.assertEqual(evaluate.main(["--set", small, "--systems", "bm25", "--threshold-set", dev,
                                                "--json", out, "--save-answers", saved]), 0)
            finally:
                sys.stdout = stdout
                quiet.close()
            with open(out) as handle:
                written = json.load(handle)
            with open(os.path.join(saved, "BM25 (FTS5).jsonl")) as handle:
                answers = [json.loads(line)["answer"] for line in handle]
        self.assertEqual(written["probes"], 2)
        self.assertEqual(written["thresholds"], {})
        self.assertEqual(written["thresholdsFromThresholdSet"]["BM25 (FTS5)"], expected)
        for answer in answers:
            self.assertEqual(answer["confident"], bool(answer["results"]) and calibration.top_score(answer) >= expected)

class BM25(unittest.TestCase):
    def test_query_tokens_are_quoted_for_fts5(self):
        self.assertEqual(fts_query('what\'s "NEAR" my cat?'), '"what" OR "s" OR "near" OR "my" OR "cat"')

    def test_ranks_the_turn_that_shares_the_rare_word_first(self):
        system = BM25Baseline()
        system.open("c", None)
        system.observe([{"time": "2025-01-01T10:00:00Z", "speaker": "sam", "text": "my cat Miso is four"},
                        {"time": "2025-01-01T10:01:00Z", "speaker": "sam", "text": "my sister lives in Cardiff"}])
        answer = system.recall("where does my sister live?", "2025-01-02T00:00:00Z", "sam", 10)
        system.close()
        self.assertEqual(answer["results"][0]["text"], "my sister lives in Cardiff")
        self.assertGreater(answer["results"][0]["score"], answer["results"][-1]["score"])


if __name__ == "__main__":
    unittest.main()
