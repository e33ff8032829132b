#!/usr/bin/env bash
# Benchmarks the memory vector index (release build, one thread) against sqlite-vec over the same
# 100,000 real sentence embeddings, in the same run: Attune's index (binary codes + int8 re-rank from
# the encrypted store), exact brute-force float and int8 in Swift, and sqlite-vec's exact float and
# int8 KNN (tools/bench/memory_index_peer.py). Prints search p50/p99, recall@10 against exact float
# search, and the ratios sqlite-vec / Attune.
# The embeddings are made first if absent (tools/memory/embed-corpus.sh, about five minutes).
# Usage: tools/bench/memory-index.sh [MEMORIES, default 100000]
# Needs: python3 with numpy, sqlite-vec and apsw; set PYTHON to such an interpreter, or the script
# makes a venv in /tmp/venv-memory-index with pip.
set -euo pipefail
cd "$(dirname "$0")/../.."
memories=${1:-100000}
tools/memory/embed-corpus.sh 100000 500
swift build -c release --product attune >/dev/null
attune=$(swift build -c release --show-bin-path)/attune
if [ -z "${PYTHON:-}" ]; then
  if [ ! -x /tmp/venv-memory-index/bin/python ]; then
    python3 -m venv /tmp/venv-memory-index
    /tmp/venv-memory-index/bin/pip install -q numpy sqlite-vec apsw
  fi
  PYTHON=/tmp/venv-memory-index/bin/python
fi
corpus=build/memory/corpus-100000.f32
queries=build/memory/queries-500.f32
printf "machine: %s, %s cores, %s; %s; %s memories, one thread\n" "$(uname -m)" "$(nproc)" \
  "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')" "$(date -u +%Y-%m-%d)" "$memories"
ours=$("$attune" bench memory-index --corpus "$corpus" --queries "$queries" --memories "$memories" --json)
peer=$("$PYTHON" tools/bench/memory_index_peer.py "$corpus" "$queries" "$memories")
python3 - "$ours" "$peer" <<'PY'
import json, sys
ours, peer = json.loads(sys.argv[1]), json.loads(sys.argv[2])
index = ours["indexes"][0]
rows = [(f"attune index {i['code']}, re-rank {i['candidates']}", i["search"], i["recallAt10VersusFloat"], i["indexBytes"]) for i in ours["indexes"]]
rows += [("attune index + query embedding", ours["searchIncludingEmbedding"], None, None),
         ("attune exact float brute force", ours["exactFloat"], 1.0, None),
         ("attune exact int8 brute force", ours["exactInt8"], ours["exactInt8RecallAt10VersusFloat"], None),
         (f"sqlite-vec {peer['sqliteVecVersion']} float[384] KNN", peer["float"], peer["float"]["recallAt10"], None),
         (f"sqlite-vec {peer['sqliteVecVersion']} int8[384] KNN", peer["int8"], peer["int8"]["recallAt10"], None)]
print(f"{'search':<44} {'p50 ms':>9} {'p99 ms':>9} {'recall@10':>10} {'bytes in RAM':>13}")
for name, timing, recall, size in rows:
    print(f"{name:<44} {timing['p50Ms']:9.3f} {timing['p99Ms']:9.3f} {'' if recall is None else f'{recall:.3f}':>10} {'' if size is None else size:>13}")
for name in ("float", "int8"):
    print(f"ratio sqlite-vec {name} / attune index (p50): {peer[name]['p50Ms'] / index['search']['p50Ms']:.1f}")
print(f"attune: store {ours['storeFileBytes'] / 1e6:.1f} MB, filled in {ours['insertSeconds']:.1f} s, index loaded in {index['loadMs']:.0f} ms; "
      f"query embedding alone p50 {ours['embeddingOnly']['p50Ms']:.2f} ms; sqlite-vec database {peer['databaseBytes'] / 1e6:.1f} MB, filled in {peer['loadSeconds']:.1f} s")
PY
