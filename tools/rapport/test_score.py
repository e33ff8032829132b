"""Unit tests of the scorer's parts: the expectation checks, reading the CLI's output, the source
check of recalled memories, and the validation of scenario files.

Run: python3 -m unittest discover -s tools/rapport -p 'test_*.py'
"""
import json
import os
import tempfile
import unittest

from expectations import ExpectationError, check, validate
from score import decode_contexts, split_prompt_blocks, unsourced_recalls
from suite import SuiteError, load_folds, load_scenarios

CONTEXT = {
    "flags": {"handoff": {"raised": True, "resources": [{"kind": "emergency", "contact": "999"}]}},
    "guidance": {"tone": "calm", "maxWords": 60, "avoidTopics": ["money"], "instructions": ["Name the risk.", "Suggest a safer option."]},
    "affect": {"arousal": None},
    "memories": [{"text": "Rhys lives in Cardiff", "source": {"text": "My brother Rhys lives in Cardiff.", "time": "2026-11-02T12:30:00Z",
                                                               "session": "g5", "speaker": "gareth"}}],
    "explanations": [{"about": "guidance.pace", "text": "rate +28 % against your usual mornings"}],
}


class ExpectationTests(unittest.TestCase):
    def assertMet(self, expectation, met=True):
        validate(expectation)
        self.assertEqual(met, check(CONTEXT, expectation)[0], expectation)

    def test_equals_in_and_missing_paths(self):
        self.assertMet({"path": "flags.handoff.raised", "equals": True})
        self.assertMet({"path": "flags.handoff.raised", "equals": 1}, met=False)
        self.assertMet({"path": "guidance.tone", "in": ["calm", "warm"]})
        self.assertMet({"path": "guidance.tone", "notIn": ["calm"]}, met=False)
        self.assertMet({"path": "affect.arousal", "equals": None})
        self.assertMet({"path": "flags.riskyPlan.raised", "equals": False}, met=False)
        self.assertMet({"path": "flags.riskyPlan", "exists": False})
        self.assertMet({"path": "flags.handoff.reason", "equals": None})
        self.assertMet({"path": "flags.handoff.reason", "in": ["fall", None]})
        self.assertMet({"path": "flags.handoff.reason", "notEquals": "fall"}, met=False)
        self.assertMet({"path": "flags.handoff.resources[0].contact", "equals": "999"})
        self.assertMet({"path": "flags.handoff.resources[3].contact", "exists": True}, met=False)

    def test_strings_and_arrays_of_strings(self):
        self.assertMet({"path": "guidance.avoidTopics", "containsMatch": "MONEY"})
        self.assertMet({"path": "guidance.avoidTopics", "containsMatch": "exam"}, met=False)
        self.assertMet({"path": "guidance.instructions", "none": {"matches": "(?i)support (their|the) decision"}})
        self.assertMet({"path": "guidance.instructions", "any": {"contains": "SAFER"}})
        self.assertMet({"path": "guidance.instructions", "notMatches": "risk"}, met=False)
        self.assertMet({"path": "explanations", "any": {"path": "text", "matches": "\\d+ ?%"}})

    def test_element_checks_hold_for_one_element_together(self):
        self.assertMet({"path": "memories", "any": [{"path": "source.text", "contains": "Cardiff"}, {"path": "source.session", "equals": "g5"}]})
        self.assertMet({"path": "memories", "any": [{"path": "source.text", "contains": "Cardiff"}, {"path": "source.session", "equals": "g6"}]}, met=False)
        self.assertMet({"path": "memories", "all": {"path": "source.time", "matches": "Z$"}})
        self.assertMet({"path": "followups", "all": {"path": "source.time", "matches": "Z$"}}, met=False)
        self.assertMet({"path": "guidance.maxWords", "atMost": 80, "atLeast": 60})
        self.assertMet({"path": "guidance.maxWords", "atLeast": 61}, met=False)
        self.assertMet({"path": "flags.handoff.resources", "minItems": 1, "maxItems": 1})

    def test_bad_expectations_are_named(self):
        for bad, word in [({"path": "a", "equal": 1}, "unknown"), ({"path": "a"}, "no operator"), ({"path": "a", "in": "x"}, "list"),
                          ({"path": "a", "matches": "("}, "regular expression"), ({"path": "a..b", "equals": 1}, "path"),
                          ({"path": "a", "any": {"path": "b", "contains": 3}}, "string")]:
            with self.assertRaises(ExpectationError) as raised:
                validate(bad)
            self.assertIn(word, str(raised.exception))


class OutputTests(unittest.TestCase):
    def test_contexts_one_per_line_or_pretty(self):
        self.assertEqual([{"a": 1}, {"b": [2]}], decode_contexts('{"a":1}\n{"b":[2]}\n'))
        self.assertEqual([{"a": 1}, {"b": 2}], decode_contexts('{\n "a": 1\n}\n{\n "b": 2\n}'))
        with self.assertRaises(ValueError):
            decode_contexts('{"a":1}\nnot json')

    def test_prompt_blocks(self):
        self.assertEqual(["one\ntwo", "three"], split_prompt_blocks("one\ntwo\n---\nthree\n", 2))
        self.assertEqual(["a", "b"], split_prompt_blocks("a\n\nb\n", 2))
        self.assertEqual(["a\n\nb\n\nc"], split_prompt_blocks("a\n\nb\n\nc\n", 2))

    def test_recalls_must_come_from_a_turn_given_by_then(self):
        turns = [{"time": "2026-11-02T12:30:00Z", "speaker": "gareth", "text": "My brother  Rhys lives in Cardiff."},
                 {"time": "2026-11-03T12:30:00Z", "speaker": "assistant", "text": "Noted."},
                 {"time": "2026-11-09T19:15:00Z", "speaker": "gareth", "text": "Where does Rhys live?"}]
        good = {"memories": [{"source": {"text": "My brother Rhys lives in Cardiff.", "time": "2026-11-02T12:30:00+00:00", "speaker": "gareth"}}]}
        invented = {"memories": [{"source": {"text": "Rhys lives in Swansea.", "time": "2026-11-02T12:30:00Z"}}]}
        future = {"followups": [{"source": {"text": "Where does Rhys live?", "time": "2026-11-09T19:15:00Z"}}]}
        wrong_speaker = {"memories": [{"source": {"text": "Rhys lives in Cardiff", "time": "2026-11-02T12:30:00Z", "speaker": "assistant"}}]}
        self.assertEqual([], unsourced_recalls(turns, [good, good]))
        self.assertEqual(1, len(unsourced_recalls(turns, [invented, good])))
        self.assertEqual(["followups[0]"], [item["path"] for item in unsourced_recalls(turns, [future, good])])
        self.assertIn("not assistant", unsourced_recalls(turns, [wrong_speaker, good])[0]["why"])


class SuiteTests(unittest.TestCase):
    def write(self, directory, name, value):
        with open(os.path.join(directory, name), "w") as handle:
            handle.write(value if isinstance(value, str) else json.dumps(value))

    def scenario(self, **changes):
        value = {"id": "affect-x", "category": "affect", "person": "x",
                 "turns": [{"time": "2026-11-02T10:00:00Z", "speaker": "x", "text": "hi"}],
                 "expect": [{"path": "affect.valence", "equals": "neutral"}]}
        value.update(changes)
        return value

    def test_errors_name_the_file_and_field(self):
        cases = [
            (self.scenario(category="nope"), "unknown category"),
            (self.scenario(turns=[{"time": "2026-11-02 10:00", "speaker": "x", "text": "hi"}]), "turns[1]: time"),
            (self.scenario(turns=[{"time": "2026-11-02T10:00:00Z", "speaker": "x", "text": "b"},
                                  {"time": "2026-11-02T09:00:00Z", "speaker": "x", "text": "a"}]), "backwards"),
            (self.scenario(turns=[{"time": "2026-11-02T10:00:00Z", "speaker": "x", "text": ""}]), "field text"),
            (self.scenario(turns=[{"time": "2026-11-02T10:00:00Z", "speaker": "x", "text": "a", "prosody": {"pitch": 1}}]), "prosody"),
            (self.scenario(expect=[]), "expect"),
            (self.scenario(extra=1), "unknown field"),
        ]
        for value, message in cases:
            with tempfile.TemporaryDirectory() as directory, self.subTest(message=message):
                self.write(directory, "one.json", value)
                with self.assertRaises(SuiteError) as raised:
                    load_scenarios(directory)
                self.assertIn("one.json", str(raised.exception))
                self.assertIn(message, str(raised.exception))

    def test_jsonl_lines_are_named_and_folds_checked(self):
        with tempfile.TemporaryDirectory() as directory:
            self.write(directory, "many.jsonl", json.dumps(self.scenario()) + "\n" + json.dumps(self.scenario(id="affect-y", category="x")) + "\n")
            with self.assertRaises(SuiteError) as raised:
                load_scenarios(directory)
            self.assertIn("many.jsonl:2", str(raised.exception))
            self.write(directory, "many.jsonl", json.dumps(self.scenario()) + "\n")
            scenarios = load_scenarios(directory)
            self.write(directory, "folds.json", {"folds": [["x"], []]})
            self.assertEqual({"x": 0}, load_folds(os.path.join(directory, "folds.json"), scenarios))
            self.write(directory, "folds.json", {"folds": [["y"]]})
            with self.assertRaises(SuiteError):
                load_folds(os.path.join(directory, "folds.json"), scenarios)


class CommittedSuiteTests(unittest.TestCase):
    def test_the_committed_suite_is_valid_and_large_enough(self):
        here = os.path.dirname(os.path.abspath(__file__))
        scenarios = load_scenarios(os.path.join(here, "scenarios"))
        folds = load_folds(os.path.join(here, "folds.json"), scenarios)
        for scenario in scenarios:
            for expectation in scenario["expect"]:
                validate(expectation)
        self.assertGreaterEqual(len(scenarios), 78)
        self.assertGreaterEqual(len({s["person"] for s in scenarios}), 20)
        self.assertEqual(4, len(set(folds.values())))
        categories = {s["category"] for s in scenarios}
        self.assertEqual(13, len(categories))


if __name__ == "__main__":
    unittest.main()
