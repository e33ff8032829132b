#!/usr/bin/env bash
# Benchmarks `attune analyze` (release build) against Praat's pitch analysis through parselmouth,
# measured in the same run on the same audio:
#   - CPU time per second of audio: the whole `attune analyze --json` process (pitch, intensity
#     twice, loudness, pauses, nuclei, JSON out) against parselmouth's `to_pitch_ac` alone (CPU time
#     of the Python process during that call, all of Praat's threads included);
#   - peak RSS of `attune analyze` on a short and a long input (memory must not grow with length).
# Usage: tools/bench/prosody.sh [seconds-of-audio, default 300] [long-input seconds, default 3600]
# Needs: sox, python3 with praat-parselmouth (pip install praat-parselmouth).
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-300}
long_seconds=${2:-3600}
source tools/bench/lib.sh
bench_setup "$seconds" "$long_seconds"

praat_cpu() {  # CPU seconds of to_pitch_ac with Praat's defaults (the settings Attune uses)
  python3 - "$1" <<'PY'
import sys, time, parselmouth
snd = parselmouth.Sound(sys.argv[1])
start = time.process_time()
snd.to_pitch_ac(time_step=0.01, pitch_floor=75, max_number_of_candidates=15, very_accurate=False,
                silence_threshold=0.03, voicing_threshold=0.45, octave_cost=0.01, octave_jump_cost=0.35,
                voiced_unvoiced_cost=0.14, pitch_ceiling=600)
print(f"{time.process_time() - start:.3f}")
PY
}

printf "machine: %s, %s cores, %s; %s; %.0f s of audio per run\n" "$(uname -m)" "$(nproc)" \
  "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')" "$(date -u +%Y-%m-%d)" "$audio"
printf "%-44s %12s %14s\n" "command" "cpu ms/s" "peak RSS MiB"
for round in 1 2 3; do
  read -r a_cpu a_rss < <(measure "$attune" analyze "$work/bench.wav" --json)
  p_cpu=$(praat_cpu "$work/bench.wav")
  a_ms=$(awk -v c="$a_cpu" -v d="$audio" 'BEGIN { printf "%.2f", 1000 * c / d }')
  p_ms=$(awk -v c="$p_cpu" -v d="$audio" 'BEGIN { printf "%.2f", 1000 * c / d }')
  printf "%-44s %12s %14.1f\n" "attune analyze --json (round $round)" "$a_ms" "$(awk -v r="$a_rss" 'BEGIN { print r / 1024 }')"
  printf "%-44s %12s %14s\n" "parselmouth to_pitch_ac (round $round)" "$p_ms" "-"
  printf "%-44s %12s\n" "  ratio attune / Praat" "$(awk -v a="$a_ms" -v p="$p_ms" 'BEGIN { printf "%.2f", a / p }')"
done
read -r _ short_rss < <(measure "$attune" analyze "${speech[0]}" --json)
read -r l_cpu long_rss < <(measure "$attune" analyze "$work/long.wav" --json)
printf "peak RSS: %.1f MiB on %.0f s, %.1f MiB on %.0f s (%.2f ms CPU per s of audio)\n" \
  "$(awk -v r="$short_rss" 'BEGIN { print r / 1024 }')" "$(soxi -D "${speech[0]}")" \
  "$(awk -v r="$long_rss" 'BEGIN { print r / 1024 }')" "$long_audio" \
  "$(awk -v c="$l_cpu" -v d="$long_audio" 'BEGIN { printf "%.2f", 1000 * c / d }')"
