"""The adapter between the evaluation and a memory system, and the loop that feeds it.

A system sees a conversation the way a device would: turns arrive in time order through `observe`
(in the exact `attune memory observe` input format), and each probe is asked at its own `at` after
every turn up to that time has been observed; a later turn is never visible to an earlier probe.
`recall` and `followups` return the `--json` shapes of `attune memory recall` / `followups`.

Adding Attune is one subclass: `open` makes a store (`--db`, `--key-file`) in `workdir`, `observe`
pipes the turns as JSON lines into `attune memory observe`, `recall` and `followups` run the commands
with `--at` and `--json` and return the parsed output, with `answers_followups = True` and
`calibrated = True` (its own `confident` flag is scored as it is).
"""
import abc
import os

from dataset import parse_time

DEFAULT_LIMIT = 10


class MemorySystem(abc.ABC):
    name = "system"
    answers_followups = False   # False: follow-up probes score 0
    calibrated = True           # False: `confident` is set by a cross-validated threshold on the top score
    forgets = False             # True: forget requests in the turns are carried out

    def open(self, conversation, workdir):
        """Start an empty memory for `conversation` (its stem); `workdir` is a fresh directory for it."""

    @abc.abstractmethod
    def observe(self, turns):
        """Take these turns (observe-format dicts, in time order) into memory."""

    @abc.abstractmethod
    def recall(self, query, at, speaker, limit):
        """The recall answer dict for `query` asked by `speaker` at `at` (RFC 3339)."""

    def followups(self, at):
        """The followups answer dict at `at`; systems without follow-ups keep answers_followups False."""
        raise NotImplementedError(f"{self.name} has no follow-ups")

    def close(self):
        """Release what `open` made."""


def turn_result(turn, turn_id, score, why):
    """A raw turn as a recall result, for systems whose memories are the turns themselves."""
    return {
        "id": turn_id, "kind": "turn", "text": turn["text"], "score": float(score), "current": True,
        "source": {"text": turn["text"], "time": turn["time"], "speaker": turn["speaker"], "session": turn.get("session")},
        "why": [why],
    }


def run(system, conversations, probes, workdir_for, limit=DEFAULT_LIMIT):
    """{probe id: answer} for every probe; follow-up answers are None for systems without them."""
    answers = {}
    for stem, conversation in conversations.items():
        asked = sorted((p for p in probes if p.conversation == stem), key=lambda p: p.at_time)
        if not asked:
            continue
        workdir = workdir_for(system.name, stem)
        os.makedirs(workdir, exist_ok=True)
        system.open(stem, workdir)
        try:
            seen = 0
            for probe in asked:
                upto = seen
                while upto < len(conversation.turns) and parse_time(conversation.turns[upto]["time"]) <= probe.at_time:
                    upto += 1
                if upto > seen:
                    system.observe(conversation.turns[seen:upto])
                    seen = upto
                if probe.is_followup:
                    answers[probe.id] = system.followups(probe.at) if system.answers_followups else None
                else:
                    answers[probe.id] = system.recall(probe.query, probe.at, probe.speaker, limit)
        finally:
            system.close()
    return answers
