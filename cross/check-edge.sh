#!/usr/bin/env bash
# Builds `attune-edge` for aarch64 (cross/build-edge.sh: Embedded Swift, Debian's arm64 glibc and
# libasound), runs it under qemu-aarch64 on each WAV, and requires its turn events to be identical
# (same types, times, probabilities and cues) to the x86-64 `attune turns --json` on the same audio,
# and its prosody summary to equal `attune analyze --json --vad-gate`'s (the turn detector's prosody). The Pi 4 build (cortex-a72) captures
# through real libasound from ALSA's `file` plugin fed the WAV's samples; the Pi 5 build (cortex-a76)
# reads the WAV itself. Exits non-zero naming the first difference.
#
# Usage: cross/check-edge.sh [WAV…]   (default: the bundled recordings in Tests/Data/turn and
#        Tests/Data/speech). Needs what cross/check-kernels.sh needs, plus network access once to
#        fetch Debian's arm64 libasound (cross/fetch-arm64-libraries.sh, cached in .build-cross/).
set -euo pipefail
cd "$(dirname "$0")/.."
files=("$@")
[ ${#files[@]} -gt 0 ] || files=(Tests/Data/turn/*.wav Tests/Data/speech/*.wav)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "== x86-64 attune (swift build)"
swift build --product attune >/dev/null
attune="$(swift build --show-bin-path)/attune"
arm64_libs="$PWD/.build-cross/arm64/root/usr/lib/aarch64-linux-gnu"
run_edge() {  # binary, arguments… (ALSA_CONFIG_PATH passed through when set)
  local binary="$1"; shift
  qemu-aarch64 -L /usr/aarch64-linux-gnu -E LD_LIBRARY_PATH="$arm64_libs" \
    ${ALSA_CONFIG_PATH:+-E ALSA_CONFIG_PATH="$ALSA_CONFIG_PATH"} "$binary" --models models "$@"
}

status=0
for cpu in cortex-a72 cortex-a76; do
  echo "== aarch64 attune-edge, -target-cpu $cpu (Embedded Swift)"
  edge="$(cross/build-edge.sh "$cpu")"
  for wav in "${files[@]}"; do
    name="$(basename "$wav" .wav)"
    "$attune" turns "$wav" --json > "$work/$name.turns.json"
    "$attune" analyze "$wav" --json --vad-gate > "$work/$name.analyze.json"
    if [ "$cpu" = cortex-a72 ]; then
      # The WAV's samples as raw S16_LE, captured through ALSA's file plugin (16 kHz mono 16-bit only:
      # other WAVs would be converted by ALSA's plug layer, not by Attune's decoder and resampler).
      samples=$(python3 - "$wav" "$work/$name.raw" <<'PY'
import sys, wave
with wave.open(sys.argv[1]) as w:
    ok = (w.getframerate(), w.getnchannels(), w.getsampwidth()) == (16000, 1, 2)
    frames = w.readframes(w.getnframes())
open(sys.argv[2], "wb").write(frames)
print(len(frames) // 2 if ok else -1)
PY
)
      if [ "$samples" -lt 0 ]; then
        echo "   $name: not 16 kHz mono 16-bit, read as a WAV instead of through ALSA"
        run_edge "$edge" "$wav" > "$work/$name.edge.jsonl"
      else
        printf 'pcm.attune_edge {\n type file\n slave.pcm "null"\n file "/dev/null"\n infile "%s"\n format "raw"\n}\n' \
          "$work/$name.raw" > "$work/$name.asoundrc"
        # The plugin repeats stale data after the end of its file: read exactly the file's samples.
        ALSA_CONFIG_PATH="/usr/share/alsa/alsa.conf:$work/$name.asoundrc" \
          run_edge "$edge" --device attune_edge --seconds "$(python3 -c "print(f'{$samples / 16000:.7f}')")" \
          > "$work/$name.edge.jsonl"
      fi
      how="ALSA file plugin"
    else
      run_edge "$edge" "$wav" > "$work/$name.edge.jsonl"
      how="WAV"
    fi
    python3 - "$name" "$how" "$work/$name.turns.json" "$work/$name.analyze.json" "$work/$name.edge.jsonl" <<'PY' || status=1
import json, sys
name, how, turns, analyze, edge = sys.argv[1:]
expected = json.load(open(turns))["events"]
summary = json.load(open(analyze))["summary"]
lines = [json.loads(line) for line in open(edge)]
events = [line for line in lines if line["type"] != "prosody_summary"]
edge_summary = [line for line in lines if line["type"] == "prosody_summary"]
for i, (a, b) in enumerate(zip(expected, events)):
    if a != b:
        sys.exit(f"   {name} ({how}): event {i} differs\n     x86-64:  {json.dumps(a)}\n     aarch64: {json.dumps(b)}")
if len(expected) != len(events):
    sys.exit(f"   {name} ({how}): x86-64 has {len(expected)} events, aarch64 {len(events)}")
if len(edge_summary) != 1:
    sys.exit(f"   {name} ({how}): aarch64 printed {len(edge_summary)} prosody summaries, not 1")
got = {k: v for k, v in edge_summary[0].items() if k != "type"}
for key in summary:
    if summary[key] != got.get(key):
        sys.exit(f"   {name} ({how}): prosody summary {key}: x86-64 {summary[key]}, aarch64 {got.get(key)}")
ends = sum(e["type"] == "end_of_turn" for e in events)
print(f"   {name} ({how}): {len(events)} events ({ends} ends of turn) and the prosody summary identical to x86-64")
PY
  done
done
echo "== bad input: a clear error naming the file and what is wrong, exit status 1"
edge="$(cross/build-edge.sh cortex-a72)"
mkdir -p "$work/bad-models" && cp models/silero-vad-16k.bin models/minilm-l6-v2-* "$work/bad-models/"
head -c 300 models/end-of-turn.json > "$work/bad-models/end-of-turn.json"
python3 -c "import json; m = json.load(open('models/end-of-turn.json')); m['threshold'] = 2; json.dump(m, open('$work/threshold.json', 'w'))"
printf 'not a wav file at all, just text\n' > "$work/text.wav"
expect_error() {  # expected message part, arguments…
  local want="$1"; shift
  local err rc=0
  err=$(qemu-aarch64 -L /usr/aarch64-linux-gnu -E LD_LIBRARY_PATH="$arm64_libs" "$edge" "$@" 2>&1 >/dev/null) || rc=$?
  if [ "$rc" -eq 1 ] && [[ "$err" == *"$want"* ]]; then
    echo "   ${err%%$'\n'*}"
  else
    echo "   expected exit 1 and '$want', got exit $rc: $err"; status=1
  fi
}
expect_error "is not JSON: the text ends inside an array or object at byte 300" --models "$work/bad-models" "${files[0]}"
cp "$work/threshold.json" "$work/bad-models/end-of-turn.json"
expect_error "threshold 2.0 must be 0…1" --models "$work/bad-models" "${files[0]}"
expect_error "malformed WAV $work/text.wav at byte 0" --models models "$work/text.wav"
expect_error "no capture device 'attune_no_such_device'" --models models --device attune_no_such_device
echo "== Ctrl-C during live capture: the open turn is finished and the prosody summary printed, exit 0"
# Without --seconds the file plugin goes on delivering (stale data after its file), as a microphone would.
raw="$(ls "$work"/*.raw | head -1)"
printf 'pcm.attune_edge {\n type file\n slave.pcm "null"\n file "/dev/null"\n infile "%s"\n format "raw"\n}\n' "$raw" > "$work/live.asoundrc"
rc=0
ALSA_CONFIG_PATH="/usr/share/alsa/alsa.conf:$work/live.asoundrc" \
  timeout --preserve-status -s INT 3 qemu-aarch64 -L /usr/aarch64-linux-gnu -E LD_LIBRARY_PATH="$arm64_libs" \
  -E ALSA_CONFIG_PATH="/usr/share/alsa/alsa.conf:$work/live.asoundrc" "$edge" --models models --device attune_edge \
  > "$work/live.jsonl" || rc=$?
if [ "$rc" -eq 0 ] && tail -1 "$work/live.jsonl" | grep -q '"type":"prosody_summary"'; then
  echo "   stopped after $(python3 -c "import json,sys; print(json.loads(open(sys.argv[1]).readlines()[-1])['durationSec'])" "$work/live.jsonl") s of audio with $(($(wc -l < "$work/live.jsonl") - 1)) events and the summary"
else
  echo "   expected exit 0 and a prosody_summary last, got exit $rc: $(tail -c 200 "$work/live.jsonl")"; status=1
fi
[ "$status" -eq 0 ] && echo "cross/check-edge.sh: passed" || echo "cross/check-edge.sh: FAILED"
exit "$status"
