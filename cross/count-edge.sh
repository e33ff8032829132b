#!/usr/bin/env bash
# Counts the aarch64 instructions of each stage of the edge core per second of audio (and per sentence
# for the tokenizer), for the Cortex-A72 (Pi 4) and Cortex-A76 (Pi 5) builds, under qemu-aarch64 with
# Attune's instruction-counting TCG plugin (tools/bench/aarch64/count_instructions.c, built by
# tools/bench/aarch64/build-plugin.sh into .build-cross/count-plugin). Each stage runs alone in
# `attune-edge --stage` over N seconds of a looped recording; the count with 0 seconds (model loading
# and set-up only) is subtracted. Then estimates the CPU share of one core on a Pi Zero 2 W, Pi 4 and
# Pi 5 as instructions per second / (IPC × clock), over the IPC range stated below (docs/BENCHMARKS.md
# explains it). Not part of CI: the counts are for docs/BENCHMARKS.md.
#
# Usage: cross/count-edge.sh [SPEECH.wav]   (default Tests/Data/speech/arctic_a0007.wav: 4 s of speech)
# Needs what cross/check-edge.sh needs, plus sox (room noise for the silence case) and a C compiler.
set -euo pipefail
cd "$(dirname "$0")/.."
speech="${1:-Tests/Data/speech/arctic_a0007.wav}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
plugin="$(tools/bench/aarch64/build-plugin.sh .build-cross/count-plugin)"
# "Silence": a quiet room, pink noise at about -60 dBFS (fixed seed, so the counts repeat).
sox -R -n -r 16000 -b 16 -c 1 "$work/room.wav" synth 4 pinknoise vol 0.001
arm64_libs="$PWD/.build-cross/arm64/root/usr/lib/aarch64-linux-gnu"
seconds=4
passes=5
sentences=$(grep -c '^        "' cross/edge/EdgeSentences.swift)

count() {  # binary, arguments…: instructions executed
  qemu-aarch64 -L /usr/aarch64-linux-gnu -E LD_LIBRARY_PATH="$arm64_libs" -plugin "$plugin" -d plugin \
    -D "$work/count.log" "$@" > /dev/null 2>&1
  sed -n 's/^attune-count total: instructions=//p' "$work/count.log"
}
per() {  # binary, stage, amount, file: (count(amount) - count(0)) / amount
  local base full
  base=$(count "$1" --models models --stage "$2" --stage-amount 0 ${4:+"$4"})
  full=$(count "$1" --models models --stage "$2" --stage-amount "$3" ${4:+"$4"})
  echo $(( (full - base) / $3 ))
}

declare -A result
for cpu in cortex-a72 cortex-a76; do
  edge="$(cross/build-edge.sh "$cpu")"
  for input in speech room; do
    file="$speech"; [ "$input" = room ] && file="$work/room.wav"
    for stage in resample prosody vad vad-prosody turn; do
      result[$cpu,$input,$stage]=$(per "$edge" "$stage" "$seconds" "$file")
    done
    # Prosody as the turn detector runs it (the VAD's chunks gate the pitch search), and the end of
    # turn as what the whole detector costs beyond the VAD and that prosody.
    result[$cpu,$input,gated]=$(( ${result[$cpu,$input,vad-prosody]} - ${result[$cpu,$input,vad]} ))
    result[$cpu,$input,eot]=$(( ${result[$cpu,$input,turn]} - ${result[$cpu,$input,vad-prosody]} ))
  done
  result[$cpu,tokenize]=$(( $(per "$edge" tokenize "$passes") / sentences ))
done

python3 - <<PY
r = {$(for k in "${!result[@]}"; do printf '"%s": %s, ' "$k" "${result[$k]}"; done)}
m = lambda n: f"{n / 1e6:.2f}"
print("Instructions per second of audio, millions (per sentence for the tokenizer, thousands):")
print()
print("| stage | Cortex-A72 build, speech | A72, quiet room | Cortex-A76 build, speech | A76, quiet room |")
print("|---|---:|---:|---:|---:|")
names = [("resample", "resample 48 → 16 kHz"), ("prosody", "prosody (pitch, intensity, nuclei), every frame searched"),
         ("gated", "prosody in the turn detector (pitch search gated by the VAD)"), ("vad", "VAD (Silero port)"), ("eot", "end of turn (cues, model, state)"), ("turn", "turn detector in all (VAD + prosody + end of turn)")]
for key, label in names:
    print(f"| {label} | " + " | ".join(m(r[f"{cpu},{inp},{key}"]) for cpu in ("cortex-a72", "cortex-a76") for inp in ("speech", "room")) + " |")
print(f"| tokenize, per sentence (k) | {r['cortex-a72,tokenize'] / 1e3:.1f} | | {r['cortex-a76,tokenize'] / 1e3:.1f} | |")
print()
# Boards: core, clock, the build that runs there, and the IPC range assumed (docs/BENCHMARKS.md).
boards = [("Pi Zero 2 W (Cortex-A53, 1.0 GHz)", 1.0e9, "cortex-a72", (0.5, 1.0)),
          ("Pi 4 (Cortex-A72, 1.5 GHz)", 1.5e9, "cortex-a72", (0.8, 1.5)),
          ("Pi 5 (Cortex-A76, 2.4 GHz)", 2.4e9, "cortex-a76", (1.2, 2.5))]
print("Estimated share of one core (lowest IPC – highest IPC of the range):")
print()
print("| board | quiet room, 16 kHz microphone | quiet room, 48 kHz microphone (resampled) | someone speaking, 48 kHz, 1 sentence/s tokenized |")
print("|---|---:|---:|---:|")
for name, hz, cpu, (low, high) in boards:
    quiet16 = r[f"{cpu},room,turn"]
    quiet48 = r[f"{cpu},room,resample"] + quiet16
    speaking = r[f"{cpu},speech,resample"] + r[f"{cpu},speech,turn"] + r[f"{cpu},tokenize"]
    pct = lambda n: f"{100 * n / (high * hz):.1f}–{100 * n / (low * hz):.1f} %"
    print(f"| {name} | {pct(quiet16)} | {pct(quiet48)} | {pct(speaking)} |")
PY
