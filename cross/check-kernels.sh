#!/usr/bin/env bash
# Builds AttuneKernels for aarch64 with Embedded Swift (baseline Armv8-a as on a Pi 4's Cortex-A72,
# and Armv8.2-a with dotprod as on a Pi 5's Cortex-A76), links each with a driver of fixed test
# vectors (cross/KernelCheck.swift) against Debian's aarch64 C library, runs them under qemu-aarch64,
# and requires the exact kernels to print the same as the same driver built natively. Then checks
# with objdump that the dotprod build uses `sdot` and the baseline does not. With --count, also runs
# tools/bench/embed-aarch64.sh (instructions per sentence beside onnxruntime; slow, not for CI).
# Also builds the embedder's forward pass (Sources/AttuneText/MiniLMEncoder.swift) with Embedded Swift.
#
# Needs: the Swift toolchain (swiftc, clang, ld.lld, llvm-objdump), and Debian's gcc-aarch64-linux-gnu
# and qemu-user (tools/install-debian-packages.sh installs them).
set -euo pipefail
cd "$(dirname "$0")/.."
swift_bin="$(dirname "$(readlink -f "$(command -v swiftc)")")"
work="${ATTUNE_CROSS_DIR:-$(mktemp -d)}"
mkdir -p "$work"
# A directory of our own is removed at exit, passed or failed; ATTUNE_CROSS_DIR is kept for inspection.
[ -z "${ATTUNE_CROSS_DIR:-}" ] && trap 'rm -rf "$work"' EXIT
# swiftc leaves a TemporaryDirectory.* in $TMPDIR on every run: keep them inside $work.
mkdir -p "$work/tmp" && export TMPDIR="$work/tmp"
sources=(Sources/AttuneKernels/*.swift cross/TestVectors.swift cross/KernelCheck.swift)
sysroot=/usr/aarch64-linux-gnu
gcc_lib="$(dirname "$(aarch64-linux-gnu-gcc -print-libgcc-file-name)")"

echo "== native x86-64 build"
swiftc -O -wmo -parse-as-library -module-name KernelCheck "${sources[@]}" -lm -o "$work/native"
"$work/native" > "$work/native.txt"
# The package's own x86-64 builds target Haswell (AVX2; Package.swift): they must agree bit for bit too.
echo "== native x86-64 build, -target-cpu haswell (AVX2)"
swiftc -O -wmo -parse-as-library -target-cpu haswell -module-name KernelCheck "${sources[@]}" -lm -o "$work/native-avx2"
"$work/native-avx2" > "$work/native-avx2.txt"
if ! cmp -s "$work/native.txt" "$work/native-avx2.txt"; then
  echo "FAIL: the AVX2 build's kernel outputs differ from the baseline x86-64 build's" >&2
  diff "$work/native.txt" "$work/native-avx2.txt" | head -20 >&2
  exit 1
fi

status=0
for variant in "cortex-a72:baseline Armv8-a (Pi 4)" "cortex-a76:Armv8.2-a + dotprod (Pi 5)"; do
  cpu="${variant%%:*}"; label="${variant#*:}"
  echo "== aarch64 $label: Embedded Swift, -target-cpu $cpu"
  # As the Pis' builds are made (tools/bench/embed-aarch64.sh): 16-byte vectors, and for the Pi 5
  # int8RowBlockMatrixMultiply's dot-product blocks.
  flags=(-Xllvm -force-vector-width=16); [ "$cpu" = cortex-a76 ] && flags+=(-D ATTUNE_DOTPROD)
  swiftc -target aarch64-none-none-elf -enable-experimental-feature Embedded -wmo -O -parse-as-library \
    -target-cpu "$cpu" "${flags[@]}" -module-name KernelCheck -emit-object "${sources[@]}" -o "$work/kernels-$cpu.o"
  "$swift_bin/clang" --target=aarch64-linux-gnu -fuse-ld=lld -static -nostdlib \
    "$sysroot/lib/crt1.o" "$sysroot/lib/crti.o" "$gcc_lib/crtbeginT.o" \
    "$work/kernels-$cpu.o" -L"$sysroot/lib" -L"$gcc_lib" \
    -Wl,--start-group -lc -lm -lgcc -lgcc_eh -Wl,--end-group \
    "$gcc_lib/crtend.o" "$sysroot/lib/crtn.o" -o "$work/check-$cpu"
  qemu-aarch64 -cpu max "$work/check-$cpu" > "$work/$cpu.txt"
  if diff <(grep '^exact' "$work/native.txt") <(grep '^exact' "$work/$cpu.txt") > /dev/null; then
    echo "   exact kernels: identical to x86-64 ($(grep -c '^exact' "$work/$cpu.txt") checks)"
  else
    echo "   exact kernels DIFFER from x86-64:"; diff <(grep '^exact' "$work/native.txt") <(grep '^exact' "$work/$cpu.txt") || true
    status=1
  fi
  if grep '^mismatches' "$work/$cpu.txt" | grep -qv ' 0$'; then
    echo "   kernels DIFFER from their scalar reference:"; grep '^mismatches' "$work/$cpu.txt"; status=1
  fi
  python3 - "$work/native.txt" "$work/$cpu.txt" <<'PY' || status=1
import struct, sys
def values(path):
    out = {}
    for line in open(path):
        parts = line.split()
        if parts[0] == "close":
            out[parts[1]] = [struct.unpack("<f", int(h, 16).to_bytes(4, "little"))[0] for h in parts[2:]]
    return out
a, b = values(sys.argv[1]), values(sys.argv[2])
worst = max(abs(x - y) / max(abs(x), 1e-3) for name in a for x, y in zip(a[name], b[name]))
ok = a.keys() == b.keys() and worst < 1e-5
print(f"   fused-multiply-add kernels: largest relative difference {worst:.2e} ({'within' if ok else 'OUTSIDE'} 1e-5)")
sys.exit(0 if ok else 1)
PY
done

# The embedder's forward pass (MiniLMEncoder) must keep building with Embedded Swift: it is what
# tools/bench/embed-aarch64.sh counts on the real model.
echo "== MiniLMEncoder with Embedded Swift (AttuneKernels as its own module)"
mkdir -p "$work/modules"
swiftc -target aarch64-none-none-elf -enable-experimental-feature Embedded -wmo -O -parse-as-library -target-cpu cortex-a76 \
  -module-name AttuneKernels -emit-module -emit-module-path "$work/modules/AttuneKernels.swiftmodule" \
  -emit-object Sources/AttuneKernels/*.swift -o "$work/kernels-module.o"
if swiftc -target aarch64-none-none-elf -enable-experimental-feature Embedded -wmo -O -parse-as-library -target-cpu cortex-a76 \
  -I "$work/modules" -module-name AttuneTextCore -emit-object Sources/AttuneText/MiniLMEncoder.swift \
  Sources/AttuneText/MiniLMProductLayout.swift -o "$work/encoder.o"; then
  echo "   builds"
else
  echo "   does NOT build"; status=1
fi
dotprod_sdot=$("$swift_bin/llvm-objdump" -d "$work/kernels-cortex-a76.o" | grep -c $'\tsdot' || true)
baseline_sdot=$("$swift_bin/llvm-objdump" -d "$work/kernels-cortex-a72.o" | grep -c $'\tsdot' || true)
baseline_smull=$("$swift_bin/llvm-objdump" -d "$work/kernels-cortex-a72.o" | grep -c -E $'\t(smull|smlal|sadalp)' || true)
# Full-width (16-byte) sdot: the row-block product's loops must not fall back to 8-byte vectors.
dotprod_sdot16=$("$swift_bin/llvm-objdump" -d "$work/kernels-cortex-a76.o" | grep -c -E $'\tsdot\tv[0-9]+\.4s' || true)
echo "== objdump: dotprod build has $dotprod_sdot sdot ($dotprod_sdot16 on 16-byte vectors); baseline has $baseline_sdot sdot and $baseline_smull smull/smlal/sadalp"
if [ "$dotprod_sdot" -eq 0 ] || [ "$baseline_sdot" -ne 0 ] || [ "$dotprod_sdot16" -lt 12 ]; then
  echo "   expected sdot in the dotprod build only, at least 12 of them on 16-byte vectors"; status=1
fi
# With --count: instructions per sentence under qemu with Attune's counting plugin, Attune beside
# onnxruntime (tools/bench/embed-aarch64.sh; slow, and needs tools/bench/aarch64/setup.sh first; not in CI).
if [ "${1:-}" = "--count" ] && [ "$status" -eq 0 ]; then
  tools/bench/embed-aarch64.sh || status=1
fi
[ "$status" -eq 0 ] && echo "cross/check-kernels.sh: passed" || echo "cross/check-kernels.sh: FAILED"
exit "$status"
