# Shared by the benchmark scripts (source it after `cd` to the repository root):
#   bench_setup SECONDS LONG_SECONDS  builds the release `attune` ($attune), makes a temporary
#     directory ($work, removed on exit) and two inputs from the ARCTIC recordings in Tests/Data/speech repeated
#     to about SECONDS and LONG_SECONDS ($work/bench.wav, $work/long.wav; lengths in $audio, $long_audio);
#   measure COMMAND…  runs it and prints "cpu_seconds peak_rss_kib"; its stdout goes to $work/out.txt.
speech=(Tests/Data/speech/arctic_a0007.wav Tests/Data/speech/arctic_a0009.wav)

bench_setup() {
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  swift build -c release --product attune >/dev/null
  attune=$(swift build -c release --show-bin-path)/attune
  sox -D "${speech[@]}" "$work/pair.wav"
  local pair
  pair=$(soxi -D "$work/pair.wav")
  sox -D "$work/pair.wav" "$work/bench.wav" repeat "$(awk -v s="$1" -v p="$pair" 'BEGIN { print int(s / p) }')"
  sox -D "$work/pair.wav" "$work/long.wav" repeat "$(awk -v s="$2" -v p="$pair" 'BEGIN { print int(s / p) }')"
  audio=$(soxi -D "$work/bench.wav")
  long_audio=$(soxi -D "$work/long.wav")
}

measure() {
  /usr/bin/time -f "%U %S %M" -o "$work/time.txt" "$@" >"$work/out.txt" 2>/dev/null
  awk '{ printf "%.3f %d\n", $1 + $2, $3 }' "$work/time.txt"
}
