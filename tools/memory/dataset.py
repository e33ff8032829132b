"""The memory evaluation set on disk: conversations (one observe-format JSON object per turn), the
manifest that gives every person a cross-validation fold, and the probes. Loading checks the format
and stops at the first problem with a one-line error naming the file and line.

Layout of a set directory (tools/memory/dev is the development set; held-out sets use the same):
  conversations.json        {"<stem>": {"people": {"<speaker>": <fold 0..4>, ...}, "about": "..."}}
  conversations/<stem>.jsonl {"time": RFC3339, "speaker": ..., "text": ..., "session": ...} per line
  probes.jsonl              one probe per line (fields in PROBE_FIELDS; README.md says what they mean)
"""
import datetime
import json
import os
from dataclasses import dataclass, field

ANSWERABLE_CATEGORIES = ("single_fact", "paraphrase", "temporal", "update", "multi_hop")
RECALL_CATEGORIES = ANSWERABLE_CATEGORIES + ("abstain", "forgotten")
FOLLOWUP_CATEGORIES = ("followup_due", "followup_not_yet", "followup_closed", "followup_moved",
                       "followup_cancelled", "followup_forgotten")
CATEGORIES = RECALL_CATEGORIES + FOLLOWUP_CATEGORIES
FOLDS = range(5)
TURN_FIELDS = {"time", "speaker", "text"}
TURN_OPTIONAL_FIELDS = {"session"}
PROBE_FIELDS = {"id", "conversation", "fold", "category", "speaker", "at", "query", "expect", "forbid", "note"}


class DatasetError(Exception):
    """A problem in a set's files, with the file and line it is on and what to change."""


@dataclass
class Conversation:
    stem: str
    people: dict          # speaker -> fold
    turns: list           # observe-format dicts, in time order


@dataclass
class Probe:
    id: str
    conversation: str
    fold: int
    category: str
    speaker: str
    at: str
    query: str
    expect: list          # list of keyword groups (lists of strings)
    forbid: list
    note: str = ""
    at_time: datetime.datetime = field(default=None, repr=False)

    @property
    def is_followup(self):
        return self.category in FOLLOWUP_CATEGORIES


def parse_time(text):
    """An RFC 3339 time with an explicit offset ('Z' or ±hh:mm), as `attune memory` takes it."""
    if not isinstance(text, str) or not (text.endswith("Z") or text[-6:-5] in "+-"):
        raise ValueError(f"{text!r} is not an RFC 3339 time with a time zone (e.g. 2025-01-13T07:07:40Z)")
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))


def _lines(path):
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                try:
                    yield number, json.loads(line)
                except json.JSONDecodeError as error:
                    raise DatasetError(f"{path}:{number}: not JSON ({error.msg}); each line must be one JSON object")


def load_conversation(path, stem, people):
    turns, previous = [], None
    for number, turn in _lines(path):
        where = f"{path}:{number}"
        if not isinstance(turn, dict) or not TURN_FIELDS <= turn.keys() <= TURN_FIELDS | TURN_OPTIONAL_FIELDS:
            raise DatasetError(f"{where}: a turn has exactly time, speaker, text and optionally session")
        try:
            time = parse_time(turn["time"])
        except ValueError as error:
            raise DatasetError(f"{where}: {error}")
        if previous is not None and time <= previous:
            raise DatasetError(f"{where}: turns must be in strictly increasing time order ({turn['time']})")
        if turn["speaker"] != "assistant" and turn["speaker"] not in people:
            raise DatasetError(f"{where}: speaker {turn['speaker']!r} is not in conversations.json for {stem!r}; add them with a fold")
        if not isinstance(turn["text"], str) or not turn["text"].strip():
            raise DatasetError(f"{where}: empty text")
        previous = time
        turns.append(turn)
    if not turns:
        raise DatasetError(f"{path}: no turns")
    return Conversation(stem, people, turns)


def load_probe(where, raw, conversations):
    if not isinstance(raw, dict) or set(raw) != PROBE_FIELDS:
        missing = PROBE_FIELDS - set(raw) if isinstance(raw, dict) else PROBE_FIELDS
        raise DatasetError(f"{where}: a probe has exactly the fields {sorted(PROBE_FIELDS)} (missing {sorted(missing)})")
    probe = Probe(**raw)
    if probe.category not in CATEGORIES:
        raise DatasetError(f"{where}: unknown category {probe.category!r}; use one of {', '.join(CATEGORIES)}")
    conversation = conversations.get(probe.conversation)
    if conversation is None:
        raise DatasetError(f"{where}: unknown conversation {probe.conversation!r}")
    if probe.speaker not in conversation.people:
        raise DatasetError(f"{where}: {probe.speaker!r} is not a person of {probe.conversation!r}")
    if probe.fold != conversation.people[probe.speaker]:
        raise DatasetError(f"{where}: fold {probe.fold} differs from {probe.speaker!r}'s fold {conversation.people[probe.speaker]}")
    try:
        probe.at_time = parse_time(probe.at)
    except ValueError as error:
        raise DatasetError(f"{where}: {error}")
    groups_ok = isinstance(probe.expect, list) and all(
        isinstance(g, list) and g and all(isinstance(s, str) and s for s in g) for g in probe.expect)
    if not groups_ok or not all(isinstance(s, str) and s for s in probe.forbid):
        raise DatasetError(f"{where}: expect is a list of non-empty lists of strings, forbid a list of strings")
    if probe.is_followup:
        if probe.query:
            raise DatasetError(f"{where}: follow-up probes have an empty query")
    elif not probe.query.strip():
        raise DatasetError(f"{where}: recall probes need a query")
    if probe.category in ("abstain", "forgotten") and probe.expect:
        raise DatasetError(f"{where}: {probe.category} probes have expect = []")
    if probe.category in ANSWERABLE_CATEGORIES and not probe.expect:
        raise DatasetError(f"{where}: {probe.category} probes need at least one expect group")
    if probe.category in ("forgotten", "update") and not probe.forbid:
        raise DatasetError(f"{where}: {probe.category} probes need forbid strings (the forgotten markers or the old value)")
    return probe


def load_set(directory):
    """(conversations by stem, probes in file order) of the set in `directory`."""
    manifest_path = os.path.join(directory, "conversations.json")
    try:
        with open(manifest_path, encoding="utf-8") as handle:
            manifest = json.load(handle)
    except (OSError, json.JSONDecodeError) as error:
        raise DatasetError(f"{manifest_path}: cannot read the manifest ({error}); is {directory} a memory set?")
    conversations = {}
    for stem, entry in manifest.items():
        people = entry.get("people", {})
        if not people or any(fold not in FOLDS for fold in people.values()):
            raise DatasetError(f"{manifest_path}: {stem!r} needs people with folds 0..4")
        conversations[stem] = load_conversation(os.path.join(directory, "conversations", stem + ".jsonl"), stem, people)
    probes, seen = [], set()
    probes_path = os.path.join(directory, "probes.jsonl")
    for number, raw in _lines(probes_path):
        probe = load_probe(f"{probes_path}:{number}", raw, conversations)
        if probe.id in seen:
            raise DatasetError(f"{probes_path}:{number}: duplicate id {probe.id!r}")
        seen.add(probe.id)
        probes.append(probe)
    return conversations, probes
