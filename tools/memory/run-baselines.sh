#!/usr/bin/env bash
# Runs the memory evaluation's two baselines (BM25 over FTS5, MiniLM embeddings) on the development
# set, or on the set given with --set DIR, and prints the per-category table. Makes a venv with
# tools/memory/requirements.txt first, and checks the set with check_set.py.
# Usage: tools/memory/run-baselines.sh [evaluate.py options, e.g. --json /tmp/memory-baselines.json]
#   tools/memory/run-baselines.sh --set tools/memory/blind --threshold-set tools/memory/dev
#   VENV (default /tmp/venv-attune-memory-eval) is where the venv goes; it is reused when present.
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=${VENV:-/tmp/venv-attune-memory-eval}
python=${PYTHON:-python3}
"$python" -c 'import sqlite3; sqlite3.connect(":memory:").execute("CREATE VIRTUAL TABLE t USING fts5(x)")' 2>/dev/null || {
  echo "Error: this Python's sqlite3 has no FTS5; use a Python linked against SQLite with FTS5 (Debian's is)" >&2
  exit 1
}
if [ ! -x "$venv/bin/python" ]; then
  "$python" -m venv "$venv"
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check --no-deps -r tools/memory/requirements.txt
set_dir=tools/memory/dev
previous=
for argument in "$@"; do
  case "$previous" in --set) set_dir=$argument ;; esac
  case "$argument" in --set=*) set_dir=${argument#--set=} ;; esac
  previous=$argument
done
python3 tools/memory/check_set.py "$set_dir" >&2
export HF_HUB_OFFLINE=1 OPENBLAS_NUM_THREADS=1
exec "$venv/bin/python" tools/memory/evaluate.py "$@"
