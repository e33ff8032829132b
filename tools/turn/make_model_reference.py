#!/usr/bin/env python3
"""Reference probabilities of models/end-of-turn.json, computed by tools/turn/model.py, for the Swift
`EndOfTurnModel` to equal (TurnDetectorTests.modelEqualsThePythonReference).

    swift build -c release --product attune && python3 tools/turn/make_model_reference.py

Logs the cues at every 10 ms of every pause of Tests/Data/turn/turns-015.wav (audio alone and with
its transcripts) with `attune turns --features`, keeps every 7th frame, and writes the cues with
model.py's p(shift) to Tests/Data/turn/model-reference.json. Rerun after refitting the model.
"""
import json, os, sys

sys.path.insert(0, os.path.dirname(__file__))
import runner
from model import Model

DATA = os.path.join(runner.ROOT, "Tests", "Data", "turn")


def main():
    document = json.load(open(os.path.join(runner.ROOT, "models", "end-of-turn.json")))
    model = Model.from_json(document)
    entry = {"name": "turns-015"}
    rows = []
    for with_text in (False, True):
        logged = runner.features(DATA, [entry], with_transcript=with_text)[0]
        rows += [r[3] for r in logged[::7]]
    p = model.probabilities(rows)
    with open(os.path.join(DATA, "model-reference.json"), "w") as f:
        json.dump({"model": "models/end-of-turn.json", "provenanceDate": document["provenance"]["date"],
                   "rows": [{"features": r, "p": round(float(q), 12)} for r, q in zip(rows, p)]}, f)
    print(f"{len(rows)} rows -> Tests/Data/turn/model-reference.json", file=sys.stderr)


if __name__ == "__main__":
    main()
