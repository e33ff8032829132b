#!/usr/bin/env bash
# Builds tools/fuzz/ProtocolFuzzTarget.swift with libFuzzer and AddressSanitizer over the parser
# sources (copied, their module imports removed, into one module) and runs it.
#   tools/fuzz/run.sh [SECONDS] [SEED]       default: 30 s, seed 16 (CI); docs/BENCHMARKS.md has a 10-minute run
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-30}"
seed="${2:-16}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
sources=(
  Sources/AttuneRuntime/Protocol/AttuneProtocol.swift
  Sources/AttuneRuntime/Protocol/LineFramer.swift
  Sources/AttuneRuntime/Protocol/HostMessage.swift
  Sources/AttuneRuntime/Protocol/HostMessageDecoder.swift
  Sources/AttuneRuntime/Protocol/ProtocolError.swift
  Sources/AttuneStore/RFC3339Time.swift
  Sources/AttuneKernels/CivilCalendar.swift
  Sources/AttuneRuntime/Wyoming/JSONValue.swift
  Sources/AttuneRuntime/Wyoming/WyomingEvent.swift
  Sources/AttuneRuntime/Wyoming/WyomingFramer.swift
)
for source in "${sources[@]}"; do
  sed -e '/^import Attune/d' "$source" > "$work/$(basename "$source")"
done
cp tools/fuzz/ProtocolFuzzTarget.swift "$work/"
swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name AttuneProtocolFuzz "$work"/*.swift -o "$work/fuzz-protocol"
mkdir -p "$work/corpus"
printf '{"type":"hello","versions":[1]}\n{"type":"transcript","text":"I walk the dog","final":true}\n{"type":"set","intensity":"reduced","preferences":{"brevity":true}}\n' > "$work/corpus/lines"
printf '{"type":"audio-chunk","data_length":2,"payload_length":4}\n{}\x01\x02\x03\x04{"type":"describe"}\n' > "$work/corpus/wyoming"
"$work/fuzz-protocol" -seed="$seed" -max_total_time="$seconds" -max_len=8192 -print_final_stats=1 "$work/corpus"
