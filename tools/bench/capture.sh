#!/usr/bin/env bash
# Benchmarks Attune's capture path through real libasound (alsa-lib's `file` plugin, no sound card):
#   - peak RSS and CPU time per second of captured audio of `attune record` (release build),
#   - the same for the peer doing the same job with stock tools: `arecord` piped into `sox rate -v`,
#   - heap allocations on the capture thread (tools/bench/alloc-count.c) for a short and a long take.
# Two devices: 16 kHz mono S16 (no conversion) and 44.1 kHz stereo S32 (decode, downmix, resample).
# Usage: tools/bench/capture.sh [seconds-of-audio, default 120]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-120}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

swift build -c release --product attune >/dev/null
attune=$(swift build -c release --show-bin-path)/attune
arctic=Tests/Data/speech/arctic_a0007.wav
repeats=$(( seconds / 4 + 1 ))
sox -D "$arctic" "$work/long.wav" repeat "$repeats"
sox -D "$work/long.wav" -t raw -e signed -b 16 "$work/s16.raw"
sox -D "$work/long.wav" -t raw -e signed -b 32 -c 2 "$work/wide.raw" rate -v 44100
cat > "$work/asound.conf" <<CONF
pcm.bench_s16 { type file; slave.pcm "null"; file "/dev/null"; infile "$work/s16.raw"; format "raw" }
pcm.bench_wide_file { type file; slave.pcm "null"; file "/dev/null"; infile "$work/wide.raw"; format "raw" }
pcm.bench_wide { type plug; slave { pcm "bench_wide_file"; format S32_LE; rate 44100; channels 2 } }
CONF
export ALSA_CONFIG_PATH=/usr/share/alsa/alsa.conf:$work/asound.conf
cc -O2 -shared -fPIC -o "$work/alloc-count.so" tools/bench/alloc-count.c

measure() {  # prints: cpu_seconds peak_rss_kib
  /usr/bin/time -f "%U %S %M" -o "$work/time.txt" "$@" >/dev/null 2>&1
  awk '{ printf "%.3f %d\n", $1 + $2, $3 }' "$work/time.txt"
}

printf "machine: %s, %s cores; %s; %s s of audio per run\n" "$(uname -m)" "$(nproc)" "$(date -u +%Y-%m-%d)" "$seconds"
printf "%-12s %-28s %12s %14s %12s\n" device command "cpu ms/s" "peak RSS MiB" "ratio cpu"
for device in bench_s16 bench_wide; do
  if [ "$device" = bench_s16 ]; then fmt="-f S16_LE -r 16000 -c 1"; else fmt="-f S32_LE -r 44100 -c 2"; fi
  read -r a_cpu a_rss < <(measure "$attune" record --device "$device" --seconds "$seconds" --quiet "$work/a.wav")
  read -r p_cpu p_rss < <(measure sh -c "arecord -q -D $device $fmt -t raw -d $seconds | sox -t raw -e signed -b $([ $device = bench_s16 ] && echo 16 || echo 32) -c $([ $device = bench_s16 ] && echo 1 || echo 2) -r $([ $device = bench_s16 ] && echo 16000 || echo 44100) - -b 16 -c 1 $work/p.wav rate -v 16000")
  ratio=$(awk -v a="$a_cpu" -v p="$p_cpu" 'BEGIN { printf "%.2f", (p > 0 ? a / p : 0) }')
  awk -v d="$device" -v c="$a_cpu" -v r="$a_rss" -v s="$seconds" -v ra="$ratio" 'BEGIN { printf "%-12s %-28s %12.2f %14.1f %12s\n", d, "attune record", c * 1000 / s, r / 1024, ra }'
  awk -v d="$device" -v c="$p_cpu" -v r="$p_rss" -v s="$seconds" 'BEGIN { printf "%-12s %-28s %12.2f %14.1f %12s\n", d, "arecord | sox rate -v", c * 1000 / s, r / 1024, "1.00" }'
done
short=$(ALLOC_COUNT_THREAD=attune-capture LD_PRELOAD="$work/alloc-count.so" "$attune" record --device bench_wide --seconds 1 --ring-seconds 0.1 --quiet "$work/a.wav" 2>&1 | awk '/alloc-count/ { print $3 }')
long=$(ALLOC_COUNT_THREAD=attune-capture LD_PRELOAD="$work/alloc-count.so" "$attune" record --device bench_wide --seconds "$seconds" --ring-seconds 0.1 --quiet "$work/a.wav" 2>&1 | awk '/alloc-count/ { print $3 }')
echo "capture-thread allocations: $short for 1 s (100 periods), $long for $seconds s ($(( seconds * 100 )) periods)"
