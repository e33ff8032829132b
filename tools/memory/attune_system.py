"""Attune itself as a system of the memory evaluation: the release `attune memory` commands.

Each conversation gets a fresh encrypted store (a random 32-byte key file) in its work directory;
turns are piped as JSON lines into `attune memory observe`, and each probe runs `attune memory recall`
or `attune memory followups` with `--at` and `--json`. Attune's own `confident` flag is scored as it is.
The binary is ATTUNE_BIN, or .build/release/attune of this checkout.
"""
import json
import os
import subprocess

from systems import MemorySystem

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


class AttuneSystem(MemorySystem):
    name = "attune"
    answers_followups = True
    calibrated = True
    forgets = True

    def __init__(self, binary=None, extra=()):
        self.binary = binary or os.environ.get("ATTUNE_BIN") or os.path.join(ROOT, ".build", "release", "attune")
        if not os.access(self.binary, os.X_OK):
            raise FileNotFoundError(f"no attune binary at {self.binary}; run swift build -c release, or set ATTUNE_BIN")
        self.extra = list(extra)
        self.store = []

    def _run(self, arguments, stdin=None):
        done = subprocess.run([self.binary, *arguments, *self.store, *self.extra], input=stdin,
                              capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"attune {' '.join(arguments[:2])} exited {done.returncode}: {done.stderr.strip()}")
        return done.stdout

    def open(self, conversation, workdir):
        key = os.path.join(workdir, "store.key")
        with open(key, "wb") as handle:
            handle.write(os.urandom(32))
        os.chmod(key, 0o600)
        self.store = ["--db", os.path.join(workdir, "memory.db"), "--key-file", key]
        self._run(["store", "init"])

    def observe(self, turns):
        self._run(["memory", "observe", "--json"], "".join(json.dumps(t, ensure_ascii=False) + "\n" for t in turns))

    def recall(self, query, at, speaker, limit):
        return json.loads(self._run(["memory", "recall", query, "--at", at, "--speaker", speaker, "--limit", str(limit), "--json"]))

    def followups(self, at):
        return json.loads(self._run(["memory", "followups", "--at", at, "--json"]))

    def close(self):
        self.store = []
