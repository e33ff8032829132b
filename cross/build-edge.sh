#!/usr/bin/env bash
# Builds `attune-edge` for aarch64 Linux with Embedded Swift: Attune's per-frame core (AttuneKernels,
# the DSP and pitch tracking of AttuneProsody, VAD and end of turn of AttuneTurn, the tokenizer of
# AttuneText, the WAV header, decoding and resampling of AttuneAudio), compiled module by module from
# the same sources as the full `attune` build, plus the edge's own front-end in cross/edge/. Linked by
# the toolchain's clang and lld against Debian's arm64 glibc (libc6-dev-arm64-cross) and libasound
# (extracted from Debian's arm64 .debs by cross/fetch-arm64-libraries.sh into a private directory).
#
# Usage: cross/build-edge.sh [cortex-a72|cortex-a76]   (default cortex-a72: baseline Armv8-a, a Pi 4;
#        cortex-a76 is a Pi 5's Armv8.2-a with dotprod). Prints the path of the binary it made:
#        .build-cross/edge-<cpu>/attune-edge. Run it on a Pi, or here with
#        qemu-aarch64 -L /usr/aarch64-linux-gnu -E LD_LIBRARY_PATH=.build-cross/arm64/root/usr/lib/aarch64-linux-gnu …
set -euo pipefail
script="$(readlink -f "$0")"
cd "$(dirname "$0")/.."
cpu="${1:-cortex-a72}"
swift_bin="$(dirname "$(readlink -f "$(command -v swiftc)")")"
swift_lib="$(dirname "$swift_bin")/lib/swift"
cache="${ATTUNE_CROSS_CACHE:-$PWD/.build-cross}"
out="$cache/edge-$cpu"
mkdir -p "$out/tmp"
# swiftc leaves a TemporaryDirectory.* in $TMPDIR on every run: keep them inside the build directory.
export TMPDIR="$out/tmp"
cross/fetch-arm64-libraries.sh "$cache/arm64" >&2
arm64="$cache/arm64/root"
sysroot=/usr/aarch64-linux-gnu

# The Foundation-free files of each module: those the edge needs and that build without Foundation
# or existentials. Everything else in these modules (file loading, Codable, messages) sits in
# `+File`, `+Loading` and `+Description` files above them and stays out.
kernels=(Sources/AttuneKernels/*.swift)
audio=(Sources/AttuneAudio/{CanonicalAudio,AudioContainerFormat,AudioSourceError,FormatConverter,Resampler,SampleEncoding,WAVHeader}.swift)
prosody=(Sources/AttuneProsody/*.swift)
turn=()
for f in Sources/AttuneTurn/*.swift; do
  case "$f" in *+*.swift|*/ModelLocator.swift) ;; *) turn+=("$f") ;; esac
done
text=(Sources/AttuneText/{WordPieceTokenizer,WordPieceVocabulary,BertNormalizer}.swift)
edge=(cross/edge/*.swift)

# Up to date already (no source, C module or this script newer than the binary): nothing to do.
inputs=("${kernels[@]}" "${audio[@]}" "${prosody[@]}" "${turn[@]}" "${text[@]}" "${edge[@]}" cross/edge/CEdgeLibc/* Sources/CALSA/* "$script")
if [ -x "$out/attune-edge" ] && [ -z "$(find "${inputs[@]}" -newer "$out/attune-edge" | head -1)" ]; then
  echo "$out/attune-edge"
  exit 0
fi

# -clang-target: Swift's own target is bare aarch64 (where the Embedded standard library lives);
# the C modules (CEdgeLibc, CALSA) are imported as aarch64 Linux, from Debian's arm64 headers.
flags=(-target aarch64-none-none-elf -clang-target aarch64-unknown-linux-gnu -enable-experimental-feature Embedded
  -wmo -O -parse-as-library -target-cpu "$cpu"
  -Xcc --sysroot="$sysroot" -Xcc -isystem -Xcc "$sysroot/include" -Xcc -I"$arm64/usr/include"
  -I "$out" -I cross/edge/CEdgeLibc -I Sources/CALSA)
module() {  # name, sources…
  local name="$1"; shift
  swiftc "${flags[@]}" -module-name "$name" -emit-module -emit-module-path "$out/$name.swiftmodule" \
    -emit-object -o "$out/$name.o" "$@"
}
module AttuneKernels "${kernels[@]}"
module AttuneAudio "${audio[@]}"
module AttuneProsody "${prosody[@]}"
module AttuneTurn "${turn[@]}"
module AttuneText "${text[@]}"
module AttuneEdge "${edge[@]}"

"$swift_bin/clang" --target=aarch64-linux-gnu -fuse-ld=lld \
  "$out"/{AttuneKernels,AttuneAudio,AttuneProsody,AttuneTurn,AttuneText,AttuneEdge}.o \
  "$swift_lib/embedded/aarch64-none-none-elf/libswiftUnicodeDataTables.a" \
  -L"$arm64/usr/lib/aarch64-linux-gnu" -lasound -lm -o "$out/attune-edge"
echo "$out/attune-edge"
