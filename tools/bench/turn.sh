#!/usr/bin/env bash
# Benchmarks turn-taking (release build), measured in the same run on the same audio:
#   - VAD: `attune turns --vad-probabilities` (the whole process: WAV decode, Silero port, JSON lines)
#     against Silero VAD's ONNX model through onnxruntime on one thread (tools/bench/vad_peer.py: CPU
#     of its chunk loop only, model loading excluded), in µs per 512-sample (32 ms) chunk, and how
#     often the two agree on speech (p >= 0.5);
#     (on x86-64 also from a build for AVX2 CPUs, in .build-avx2);
#   - the whole detector: `attune turns --json` (VAD + prosody + end-of-turn model), CPU per 10 ms frame;
#   - peak RSS of `attune turns --json` on a short and a long input (memory must not grow with length).
# Usage: tools/bench/turn.sh SILERO_DATA_DIR [seconds-of-audio, default 300] [long-input seconds, default 3600]
#   SILERO_DATA_DIR: silero_vad/data from the silero-vad wheel (see tools/convert_silero_vad.py).
# Needs: sox, python3 with numpy and onnxruntime.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ $# -lt 1 ] || [ ! -f "$1/silero_vad.onnx" ]; then
  echo "usage: tools/bench/turn.sh SILERO_DATA_DIR [seconds] [long-seconds]  (SILERO_DATA_DIR holds silero_vad.onnx)" >&2
  exit 2
fi
silero=$1
seconds=${2:-300}
long_seconds=${3:-3600}
source tools/bench/lib.sh
bench_setup "$seconds" "$long_seconds"
# On x86-64 Swift emits SSE2 only unless told the CPU, while onnxruntime picks AVX2/AVX-512 at run
# time; a second build for an AVX2 CPU (Haswell and later) shows the comparison at equal footing.
# (aarch64 builds need no such flag: NEON is the baseline.)
avx2=""
if [ "$(uname -m)" = x86_64 ] && grep -qw avx2 /proc/cpuinfo; then
  swift build -c release --product attune --build-path .build-avx2 -Xswiftc -target-cpu -Xswiftc haswell >/dev/null
  avx2=$(swift build -c release --build-path .build-avx2 -Xswiftc -target-cpu -Xswiftc haswell --show-bin-path)/attune
fi
chunks=$(awk -v d="$audio" 'BEGIN { print int(d * 16000 / 512) }')
frames=$(awk -v d="$audio" 'BEGIN { print int(d * 100) }')

printf "machine: %s, %s cores, %s; %s; %.0f s of audio per run (%d chunks)\n" "$(uname -m)" "$(nproc)" \
  "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')" "$(date -u +%Y-%m-%d)" "$audio" "$chunks"
printf "%-46s %14s %10s\n" "command" "µs per chunk" "agreement"
for round in 1 2 3; do
  read -r v_cpu _ < <(measure "$attune" turns "$work/bench.wav" --vad-probabilities)
  cp "$work/out.txt" "$work/ours.jsonl"
  peer=$(python3 tools/bench/vad_peer.py "$silero" "$work/bench.wav" "$work/ours.jsonl")
  p_us=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["usPerChunk"])' "$peer")
  agreement=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["agreement"])' "$peer")
  v_us=$(awk -v c="$v_cpu" -v n="$chunks" 'BEGIN { printf "%.1f", 1e6 * c / n }')
  printf "%-46s %14s %10s\n" "attune turns --vad-probabilities (round $round)" "$v_us" "$agreement"
  printf "%-46s %14s\n" "Silero ONNX via onnxruntime (round $round)" "$p_us"
  printf "%-46s %14s\n" "  ratio attune / onnxruntime" "$(awk -v a="$v_us" -v p="$p_us" 'BEGIN { printf "%.2f", a / p }')"
  if [ -n "$avx2" ]; then
    read -r x_cpu _ < <(measure "$avx2" turns "$work/bench.wav" --vad-probabilities)
    x_us=$(awk -v c="$x_cpu" -v n="$chunks" 'BEGIN { printf "%.1f", 1e6 * c / n }')
    printf "%-46s %14s\n" "  the same, AVX2 build (round $round)" "$x_us"
    printf "%-46s %14s\n" "  ratio attune AVX2 / onnxruntime" "$(awk -v a="$x_us" -v p="$p_us" 'BEGIN { printf "%.2f", a / p }')"
  fi
done
for round in 1 2 3; do
  read -r t_cpu _ < <(measure "$attune" turns "$work/bench.wav" --json)
  printf "attune turns --json (round %d): %.3f ms CPU per 10 ms frame\n" "$round" \
    "$(awk -v c="$t_cpu" -v n="$frames" 'BEGIN { print 1000 * c / n }')"
done
read -r _ short_rss < <(measure "$attune" turns "${speech[0]}" --json)
read -r l_cpu long_rss < <(measure "$attune" turns "$work/long.wav" --json)
printf "peak RSS of attune turns --json: %.1f MiB on %.0f s, %.1f MiB on %.0f s (%.3f ms CPU per 10 ms frame)\n" \
  "$(awk -v r="$short_rss" 'BEGIN { print r / 1024 }')" "$(soxi -D "${speech[0]}")" \
  "$(awk -v r="$long_rss" 'BEGIN { print r / 1024 }')" "$long_audio" \
  "$(awk -v c="$l_cpu" -v d="$long_audio" 'BEGIN { printf "%.3f", 1000 * c / (d * 100) }')"
