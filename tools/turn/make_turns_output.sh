#!/bin/sh
# Records what `attune turns` prints for the bundled recordings into Tests/Data/turn/output/, the
# reference `TurnsCommandTests.outputIsByteIdenticalToTheRecordedReference` compares with. Run it
# only when a change to the turn detector or its model is meant to change the events.
# Usage: tools/turn/make_turns_output.sh [path/to/attune]
set -eu
attune=${1:-.build/debug/attune}
data=Tests/Data/turn
"$attune" turns "$data/turns-015.wav" --json --transcript "$data/turns-015.transcript.jsonl" > "$data/output/turns-015.transcript.json"
"$attune" turns "$data/turns-035.wav" > "$data/output/turns-035.txt"
"$attune" turns "$data/turns-015.wav" --features --transcript "$data/turns-015.transcript.jsonl" > "$data/output/turns-015.features.jsonl"
