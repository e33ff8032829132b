#!/usr/bin/env bash
# Embeds the vector-index benchmark's sentences with Attune's own int8 embedder (`attune embed`,
# release build, one thread per process, SHARDS processes side by side) and caches them as raw
# little-endian float32, 384 per sentence, beside the text:
#   build/memory/corpus-COUNT.txt, corpus-COUNT.f32   (statements, tools/memory/personal_sentences.py)
#   build/memory/queries-QUERIES.txt, queries-QUERIES.f32 (held-out questions)
# Files already there are kept (delete them to embed again). 100,000 sentences take about five
# minutes with two processes on a 2-core x86-64.
# ATTUNE=path/to/attune uses that binary instead of building one.
# Usage: tools/memory/embed-corpus.sh [COUNT, default 100000] [QUERIES, default 500] [SHARDS, default nproc]
set -euo pipefail
cd "$(dirname "$0")/../.."
count=${1:-100000}
queries=${2:-500}
shards=${3:-$(nproc)}
out=build/memory
mkdir -p "$out"
if [ -n "${ATTUNE:-}" ]; then
  attune=$ATTUNE
else
  swift build -c release --product attune >/dev/null
  attune=$(swift build -c release --show-bin-path)/attune
fi

embed() { # NAME KIND COUNT
  local name=$1 kind=$2 n=$3
  [ -s "$out/$name.f32" ] && [ -s "$out/$name.txt" ] && return
  python3 tools/memory/personal_sentences.py "$kind" "$n" > "$out/$name.txt"
  local work
  work=$(mktemp -d)
  split -n "l/$shards" -d "$out/$name.txt" "$work/part."
  local started=$SECONDS
  for part in "$work"/part.*; do "$attune" embed < "$part" > "$part.jsonl" & done
  wait
  cat "$work"/part.*.jsonl | python3 -c '
import array, json, sys
values = array.array("f")
for number, line in enumerate(sys.stdin, 1):
    vector = json.loads(line)
    if vector is None or len(vector) != 384:
        sys.exit(f"Error: line {number} has no 384-float vector")
    values.extend(vector)
if sys.byteorder != "little":
    values.byteswap()
sys.stdout.buffer.write(values.tobytes())
' > "$out/$name.f32"
  rm -rf "$work"
  echo "$name: $(wc -l < "$out/$name.txt") sentences embedded in $((SECONDS - started)) s" >&2
}
embed "corpus-$count" corpus "$count"
embed "queries-$queries" queries "$queries"
