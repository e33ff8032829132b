#!/usr/bin/env bash
# Benchmarks the memory engine (release build, one thread): observe per turn with its embedding over
# the development conversations, and recall over 100,000 real sentence embeddings plus those
# conversations, with and without the query's embedding, beside exact brute-force int8 search over
# the same memories (with the index's recall@10 against it) and sqlite-vec's exact KNN over the same
# embeddings (tools/bench/memory_index_peer.py, run first), in one table (`attune bench memory
# --sqlite-vec`, docs/BENCHMARKS.md).
# The embeddings are made first if absent (tools/memory/embed-corpus.sh, about five minutes on an
# idle 2-core x86-64, longer on a busy one).
# Usage: tools/bench/memory.sh [MEMORIES, default 100000] [extra attune bench memory options, e.g. --json]
# Needs for sqlite-vec: python3 with numpy, sqlite-vec and apsw; set PYTHON to such an interpreter, or
# the script makes a venv in /tmp/venv-memory-index with pip.
set -euo pipefail
cd "$(dirname "$0")/../.."
memories=${1:-100000}
shift || true
tools/memory/embed-corpus.sh 100000 500
swift build -c release --product attune >/dev/null
attune=$(swift build -c release --show-bin-path)/attune
machine_out=1  # the machine line goes to standard error when standard output is JSON
for argument in "$@"; do if [ "$argument" = --json ]; then machine_out=2; fi; done
if [ -z "${PYTHON:-}" ]; then
  if [ ! -x /tmp/venv-memory-index/bin/python ]; then
    python3 -m venv /tmp/venv-memory-index
    /tmp/venv-memory-index/bin/pip install -q numpy sqlite-vec apsw
  fi
  PYTHON=/tmp/venv-memory-index/bin/python
fi
peer=$(mktemp)
trap 'rm -f "$peer"' EXIT
"$PYTHON" tools/bench/memory_index_peer.py build/memory/corpus-100000.f32 build/memory/queries-500.f32 "$memories" > "$peer"
printf "machine: %s, %s cores, %s; %s; %s memories, one thread\n" "$(uname -m)" "$(nproc)" \
  "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')" "$(date -u +%Y-%m-%d)" "$memories" >&"$machine_out"
"$attune" bench memory --corpus build/memory/corpus-100000.f32 --memories "$memories" \
  --conversations tools/memory/dev/conversations --probes tools/memory/dev/probes.jsonl \
  --sqlite-vec "$peer" "$@"
