"""Baseline 1: BM25 over the raw turns, with SQLite FTS5 (Python's sqlite3) and its bm25() ranking.

Every turn (the person's and the assistant's) is one row of an FTS5 table (porter stemmer over
unicode61 tokens); a query is the OR of its distinct tokens, ranked by bm25() (FTS5 returns it
negated: smaller is better, so the score reported here is -bm25). Only the turns observed so far (those
at or before the probe's `at`) are searched. No entities, no time reading, no updates, no forgetting: a forget request is stored
like any other turn, and nothing is removed.
"""
import re
import sqlite3

from systems import MemorySystem, turn_result

TOKEN = re.compile(r"\w+", re.UNICODE)


def fts_query(text):
    """The OR of the query's distinct tokens, each quoted so FTS5 reads none of them as syntax."""
    tokens = list(dict.fromkeys(token.lower() for token in TOKEN.findall(text)))
    return " OR ".join('"' + token.replace('"', '""') + '"' for token in tokens)


class BM25Baseline(MemorySystem):
    name = "BM25 (FTS5)"
    calibrated = False

    def open(self, conversation, workdir):
        self.db = sqlite3.connect(":memory:")
        self.db.execute("CREATE VIRTUAL TABLE turns USING fts5(text, time UNINDEXED, speaker UNINDEXED, "
                        "session UNINDEXED, tokenize = 'porter unicode61')")
        self.turns = []

    def observe(self, turns):
        with self.db:
            for turn in turns:
                self.turns.append(turn)
                self.db.execute("INSERT INTO turns(rowid, text, time, speaker, session) VALUES (?, ?, ?, ?, ?)",
                                (len(self.turns), turn["text"], turn["time"], turn["speaker"], turn.get("session")))

    def recall(self, query, at, speaker, limit):
        match = fts_query(query)
        rows = [] if not match else self.db.execute(
            "SELECT rowid, bm25(turns) FROM turns WHERE turns MATCH ? ORDER BY bm25(turns) LIMIT ?",
            (match, limit)).fetchall()
        results = [turn_result(self.turns[rowid - 1], f"turn-{rowid}", -rank, "bm25") for rowid, rank in rows]
        return {"query": query, "at": at, "confident": bool(results), "results": results}

    def close(self):
        self.db.close()
