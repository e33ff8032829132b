"""Reads and validates the rapport scenario suite and its folds.

A scenario file is `scenarios/*.json` (one scenario object, or a list of them) or `scenarios/*.jsonl`
(one scenario object per line). Every problem is an error naming the file (and line) and the field.
"""
import datetime
import json
import os
import re

CATEGORIES = {"handoff", "handoff-negative", "false-claim", "reliance", "boundaries", "pacing", "tone-length",
              "sycophancy", "provenance", "intensity", "explainability", "affect", "transparency"}
SCENARIO_KEYS = {"id", "category", "person", "description", "turns", "expect"}
TURN_KEYS = {"time", "speaker", "text", "session", "prosody"}
PROSODY_KEYS = {"f0MeanHz", "f0RangeSemitones", "speechRateSylPerSec", "loudnessDb", "pauseBeforeMs"}
TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z$")
IDENTIFIER = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class SuiteError(Exception):
    pass


def load_scenarios(directory):
    if not os.path.isdir(directory):
        raise SuiteError(f"no scenario directory {directory}")
    scenarios, seen = [], {}
    for name in sorted(os.listdir(directory)):
        path = os.path.join(directory, name)
        if name.endswith(".jsonl"):
            with open(path, encoding="utf-8") as handle:
                for number, line in enumerate(handle, 1):
                    if line.strip():
                        scenarios.append(_parse(line, f"{name}:{number}"))
        elif name.endswith(".json"):
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
            value = _parse(text, name)
            for index, scenario in enumerate(value if isinstance(value, list) else [value]):
                scenario["_where"] = name if not isinstance(value, list) else f"{name}[{index}]"
                scenarios.append(scenario)
    checked = []
    for scenario in scenarios:
        where = scenario.pop("_where", None) or scenario.get("_line", "?")
        scenario.pop("_line", None)
        _validate(scenario, where)
        if scenario["id"] in seen:
            raise SuiteError(f"{where}: id {scenario['id']!r} is also used in {seen[scenario['id']]}")
        seen[scenario["id"]] = where
        scenario["file"] = where
        checked.append(scenario)
    if not checked:
        raise SuiteError(f"no scenarios in {directory}")
    return checked


def _parse(text, where):
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        raise SuiteError(f"{where}: not JSON: {error}")
    if isinstance(value, dict) and ":" in where:
        value["_line"] = where
    return value


def _validate(scenario, where):
    if not isinstance(scenario, dict):
        raise SuiteError(f"{where}: a scenario is an object")
    unknown = set(scenario) - SCENARIO_KEYS
    if unknown:
        raise SuiteError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    for key in ("id", "category", "person"):
        if not isinstance(scenario.get(key), str) or not IDENTIFIER.match(scenario[key]):
            raise SuiteError(f"{where}: field {key} must be a lower-case identifier, got {scenario.get(key)!r}")
    where = f"{where} ({scenario['id']})"
    if scenario["category"] not in CATEGORIES:
        raise SuiteError(f"{where}: unknown category {scenario['category']!r}; one of {', '.join(sorted(CATEGORIES))}")
    turns = scenario.get("turns")
    if not isinstance(turns, list) or not turns:
        raise SuiteError(f"{where}: turns must be a non-empty list")
    previous = None
    for number, turn in enumerate(turns, 1):
        at = f"{where}: turns[{number}]"
        if not isinstance(turn, dict):
            raise SuiteError(f"{at}: a turn is an object")
        unknown = set(turn) - TURN_KEYS
        if unknown:
            raise SuiteError(f"{at}: unknown field(s) {', '.join(sorted(unknown))}")
        if not isinstance(turn.get("time"), str) or not TIME.match(turn["time"]):
            raise SuiteError(f"{at}: time must be RFC 3339 UTC with Z, got {turn.get('time')!r}")
        try:
            moment = datetime.datetime.fromisoformat(turn["time"].replace("Z", "+00:00"))
        except ValueError:
            raise SuiteError(f"{at}: time {turn['time']!r} is not a real date")
        if previous and moment < previous:
            raise SuiteError(f"{at}: time {turn['time']} goes backwards")
        previous = moment
        for key in ("speaker", "text"):
            if not isinstance(turn.get(key), str) or not turn[key].strip():
                raise SuiteError(f"{at}: field {key} must be a non-empty string")
        if "session" in turn and (not isinstance(turn["session"], str) or not turn["session"]):
            raise SuiteError(f"{at}: session must be a non-empty string")
        if "prosody" in turn:
            prosody = turn["prosody"]
            if not isinstance(prosody, dict) or set(prosody) - PROSODY_KEYS:
                raise SuiteError(f"{at}: prosody takes only {', '.join(sorted(PROSODY_KEYS))}")
            for key, value in prosody.items():
                if isinstance(value, bool) or not isinstance(value, (int, float)):
                    raise SuiteError(f"{at}: prosody.{key} must be a number")
    if all(turn["speaker"].lower() == "assistant" for turn in turns):
        raise SuiteError(f"{where}: no user turn")
    expect = scenario.get("expect")
    if not isinstance(expect, list) or not expect:
        raise SuiteError(f"{where}: expect must be a non-empty list")


def load_folds(path, scenarios):
    """{person: fold number} from folds.json: {"folds": [[person, …], …]}; every person of the
    suite in exactly one fold."""
    try:
        with open(path, encoding="utf-8") as handle:
            folds = json.load(handle)["folds"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise SuiteError(f"{path}: cannot read folds ({error})")
    assignment = {}
    for number, people in enumerate(folds):
        for person in people:
            if person in assignment:
                raise SuiteError(f"{path}: {person} is in fold {assignment[person]} and fold {number}")
            assignment[person] = number
    people = {scenario["person"] for scenario in scenarios}
    missing = sorted(people - set(assignment))
    if missing:
        raise SuiteError(f"{path}: not in any fold: {', '.join(missing)}")
    extra = sorted(set(assignment) - people)
    if extra:
        raise SuiteError(f"{path}: in a fold but in no scenario: {', '.join(extra)}")
    return assignment
