#!/usr/bin/env bash
# Instructions per sentence embedding on a Pi 4's and a Pi 5's instruction sets, Attune beside
# onnxruntime, counted under qemu-aarch64 user mode by Attune's TCG plugin
# (tools/bench/aarch64/count_instructions.c) between markers around one embedding after a warm-up.
#   Attune: tools/bench/aarch64/EmbeddingWorkload.swift, the embedder's own forward pass
#     (Sources/AttuneText/MiniLMEncoder.swift) on the real model file, tokens in and normalised vector
#     out, built with Embedded Swift for each core (-target-cpu cortex-a72 / cortex-a76,
#     -Xllvm -force-vector-width=16, and -D ATTUNE_DOTPROD for the A76) with the Pi's layout (row
#     blocks). Beside it, cross/EncoderLayerWorkload.swift's count of the same calls on synthetic
#     weights with each product kernel (row blocks and panels). With an x86-64 `attune` built, the
#     Pi build's 10-token vector is compared with `attune embed`'s (cosine, on standard error).
#   onnxruntime 1.32.0 (official aarch64 wheel), one thread, float and its own dynamic int8 models
#     (u8 and s8 weights) of the same graph, tokens in, normalised vector out
#     (tools/bench/aarch64/make_peer_models.py); the peer figure is its better int8 model.
# qemu runs the guest as the named core (-cpu cortex-a72 / cortex-a76), and onnxruntime reads that
# core's features from a /proc/cpuinfo placed in the guest root.
# Usage: tools/bench/embed-aarch64.sh [--json] [WORKDIR]   (WORKDIR made by tools/bench/aarch64/setup.sh)
#   --json prints {"cortex-a76":{"10":{"attune":N,"onnxruntime":M},"60":{...}},"cortex-a72":{...}}.
set -euo pipefail
cd "$(dirname "$0")/../.."
json=false
[ "${1:-}" = "--json" ] && { json=true; shift; }
bench=${1:-${TMPDIR:-/tmp}/attune-aarch64-bench}
if [ ! -f "$bench/plugin/count_instructions.so" ] || [ ! -d "$bench/site/onnxruntime" ]; then
  echo "run tools/bench/aarch64/setup.sh $bench first" >&2; exit 2
fi
plugin=$bench/plugin/count_instructions.so
swift_bin="$(dirname "$(readlink -f "$(command -v swiftc)")")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/tmp" && export TMPDIR="$work/tmp"
sysroot=/usr/aarch64-linux-gnu
gcc_lib="$(dirname "$(aarch64-linux-gnu-gcc -print-libgcc-file-name)")"
lengths=(10 60)
log() { $json || echo "$@"; }

# The cores' feature lines as their kernels report them (Arm's Cortex-A72 and Cortex-A76 TRMs; what
# onnxruntime's cpuinfo parsing needs to pick its kernels).
cpuinfo() {
  local features part
  case $1 in
    cortex-a72) features="fp asimd evtstrm crc32 cpuid"; part=0xd08 ;;
    cortex-a76) features="fp asimd evtstrm aes pmull sha1 sha2 crc32 atomics fphp asimdhp cpuid asimdrdm lrcpc dcpop asimddp"; part=0xd0b ;;
  esac
  printf 'processor\t: 0\nBogoMIPS\t: 108.00\nFeatures\t: %s\nCPU implementer\t: 0x41\nCPU architecture: 8\nCPU variant\t: 0x4\nCPU part\t: %s\nCPU revision\t: 1\n\n' "$features" "$part"
}

declare -A attune_panels attune_blocks attune_model peer
for cpu in cortex-a72 cortex-a76; do
  log "== $cpu"
  # The Pi builds: 16-byte vectors for both cores, and the dot-product core's blocks of
  # int8RowBlockMatrixMultiply (ATTUNE_DOTPROD) for the Cortex-A76.
  flags=(-Xllvm -force-vector-width=16); [ "$cpu" = cortex-a76 ] && flags+=(-D ATTUNE_DOTPROD)
  swiftc -target aarch64-none-none-elf -enable-experimental-feature Embedded -enable-experimental-feature Extern -wmo -O \
    -parse-as-library -target-cpu "$cpu" "${flags[@]}" -module-name EncoderLayerWorkload -emit-object Sources/AttuneKernels/*.swift \
    cross/TestVectors.swift cross/EncoderLayerWorkload.swift -o "$work/workload-$cpu.o"
  "$swift_bin/clang" --target=aarch64-linux-gnu -fuse-ld=lld -static -nostdlib \
    "$sysroot/lib/crt1.o" "$sysroot/lib/crti.o" "$gcc_lib/crtbeginT.o" "$work/workload-$cpu.o" -L"$sysroot/lib" -L"$gcc_lib" \
    -Wl,--start-group -lc -lm -lgcc -lgcc_eh -Wl,--end-group "$gcc_lib/crtend.o" "$sysroot/lib/crtn.o" -o "$work/workload-$cpu"
  qemu-aarch64 -cpu "$cpu" -plugin "$plugin" -d plugin -D "$work/attune-$cpu.log" "$work/workload-$cpu" > "$work/attune-$cpu.txt"
  # The real model through Attune's own forward pass (MiniLMEncoder), AttuneKernels as its own module.
  python3 tools/bench/aarch64/model_directory.py models/minilm-l6-v2-int8.bin "$work/ModelDirectory.swift"
  common=(-target aarch64-none-none-elf -enable-experimental-feature Embedded -enable-experimental-feature Extern -wmo -O -parse-as-library
          -target-cpu "$cpu" "${flags[@]}")
  mkdir -p "$work/modules-$cpu"
  swiftc "${common[@]}" -module-name AttuneKernels -emit-module -emit-module-path "$work/modules-$cpu/AttuneKernels.swiftmodule" \
    -emit-object Sources/AttuneKernels/*.swift -o "$work/kernels-$cpu.o"
  swiftc "${common[@]}" -I "$work/modules-$cpu" -module-name EmbeddingWorkload -emit-object Sources/AttuneText/MiniLMEncoder.swift \
    Sources/AttuneText/MiniLMProductLayout.swift tools/bench/aarch64/EmbeddingWorkload.swift "$work/ModelDirectory.swift" -o "$work/embedding-$cpu.o"
  "$swift_bin/clang" --target=aarch64-linux-gnu -fuse-ld=lld -static -nostdlib \
    "$sysroot/lib/crt1.o" "$sysroot/lib/crti.o" "$gcc_lib/crtbeginT.o" "$work/kernels-$cpu.o" "$work/embedding-$cpu.o" -L"$sysroot/lib" -L"$gcc_lib" \
    -Wl,--start-group -lc -lm -lgcc -lgcc_eh -Wl,--end-group "$gcc_lib/crtend.o" "$sysroot/lib/crtn.o" -o "$work/embedding-$cpu"
  ATTUNE_MODEL_FILE=models/minilm-l6-v2-int8.bin qemu-aarch64 -cpu "$cpu" -plugin "$plugin" -d plugin -D "$work/model-$cpu.log" \
    "$work/embedding-$cpu" > "$work/model-$cpu.txt"
  mapfile -t counts < <(sed -n 's/^attune-count window [0-9]*: instructions=//p' "$work/model-$cpu.log")
  for index in "${!lengths[@]}"; do attune_model[$cpu,${lengths[$index]}]=${counts[$index]}; done
  # Against the x86-64 embedder, if one is built: cosine of the Pi build's vector to `attune embed`'s.
  if [ -x .build/debug/attune ] || [ -x .build/release/attune ]; then
    binary=$( [ -x .build/release/attune ] && echo .build/release/attune || echo .build/debug/attune )
    ours=$(echo "The quick brown fox jumps over the lazy" | "$binary" embed 2>/dev/null || true)
    [ -n "$ours" ] && python3 -c '
import json, struct, sys
pi = [struct.unpack("<f", struct.pack("<I", int(b)))[0] for b in sys.argv[2].split(" bits ")[1].split()]
x86 = json.loads(sys.argv[1])
print(f"   {sys.argv[3]} vector at 10 tokens against attune embed on x86-64: cosine {sum(a * b for a, b in zip(pi, x86)):.7f}")
' "$ours" "$(grep '^window 10 ' "$work/model-$cpu.txt")" "$cpu" >&2
  fi
  # Windows in the order the workload prints them.
  mapfile -t names < <(sed -n 's/^window //p' "$work/attune-$cpu.txt")
  mapfile -t counts < <(sed -n 's/^attune-count window [0-9]*: instructions=//p' "$work/attune-$cpu.log")
  for index in "${!names[@]}"; do
    read -r kernel tokens <<< "${names[$index]}"
    if [ "$kernel" = panels ]; then attune_panels[$cpu,$tokens]=${counts[$index]}; else attune_blocks[$cpu,$tokens]=${counts[$index]}; fi
  done
  cpuinfo "$cpu" > "$bench/root/proc/cpuinfo"
  for model in float dynamic_u8 dynamic_s8; do
    PYTHONPATH=$bench/site qemu-aarch64 -cpu "$cpu" -L "$bench/root" -plugin "$plugin" -d plugin -D "$work/peer-$cpu-$model.log" \
      "$bench/root/usr/bin/python3.11" tools/bench/aarch64/onnxruntime_guest.py "$bench/models/minilm_$model.onnx" "${lengths[@]}" \
      > "$work/peer-$cpu-$model.txt"
    mapfile -t counts < <(sed -n 's/^attune-count window [0-9]*: instructions=//p' "$work/peer-$cpu-$model.log")
    for index in "${!lengths[@]}"; do peer[$cpu,$model,${lengths[$index]}]=${counts[$index]}; done
  done
done

# The kernel for the Pis: row blocks on both cores (sdot on the Cortex-A76; on the Cortex-A72 they
# count fewer instructions than the panels in this build too). Panels stay x86-64's product.
python3 - "$json" "$(declare -p attune_panels attune_blocks attune_model peer | tr '\n' ';')" <<'PY'
import json, re, sys
as_json, declared = sys.argv[1] == "true", sys.argv[2]
tables = {name: {tuple(k.split(",")): int(v) for k, v in re.findall(r'\[([^]]+)\]="?(\d+)"?', body)}
          for name, body in re.findall(r"declare -A (\w+)=\((.*?)\)", declared)}
result, lines = {}, []
for cpu, chosen in (("cortex-a76", "attune_model"), ("cortex-a72", "attune_model")):
    result[cpu] = {}
    for tokens in ("10", "60"):
        ints = {m: tables["peer"][(cpu, m, tokens)] for m in ("dynamic_u8", "dynamic_s8")}
        best = min(ints, key=ints.get)
        ours = tables[chosen][(cpu, tokens)]
        result[cpu][tokens] = {"attune": ours, "onnxruntime": ints[best]}
        lines.append(f"{cpu:<11} {tokens:>2} tokens  attune {ours / 1e6:6.2f} M  (synthetic weights: row blocks {tables['attune_blocks'][(cpu, tokens)] / 1e6:6.2f} M, "
                     f"panels {tables['attune_panels'][(cpu, tokens)] / 1e6:6.2f} M) | onnxruntime int8 {ints[best] / 1e6:6.2f} M ({best[-2:]}), "
                     f"other int8 {max(ints.values()) / 1e6:6.2f} M, float {tables['peer'][(cpu, 'float', tokens)] / 1e6:6.2f} M"
                     f" | attune / onnxruntime int8 {ours / ints[best]:.2f}")
print(json.dumps(result, separators=(",", ":")) if as_json else "\n".join(lines))
PY
