#!/usr/bin/env bash
# Builds Attune's instruction-counting qemu TCG plugin (count_instructions.c) against qemu-plugin.h
# from the Debian source package of the installed qemu-user (the plugin API is per qemu version),
# downloaded through the private APT of cross/arm64-apt.sh, and prints the plugin's path. Rebuilt only
# when the source is newer. Used by tools/bench/aarch64/setup.sh and cross/count-edge.sh.
# Usage: plugin="$(tools/bench/aarch64/build-plugin.sh WORKDIR)"
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$1"
work=$(cd "$1" && pwd)
plugin="$work/plugin/count_instructions.so"
if [ ! "$plugin" -nt "$here/count_instructions.c" ]; then
  header=$( { find "$work/qemu-source" -name qemu-plugin.h 2>/dev/null || true; } | head -1)
  if [ -z "$header" ]; then
    APT_CONFIG="$("$here/../../../cross/arm64-apt.sh" "$work" --source)"
    export APT_CONFIG
    version=$(dpkg-query -W -f '${source:Version}' qemu-user)
    mkdir -p "$work/qemu-source"
    (cd "$work/qemu-source" && apt-get source --download-only -qq "qemu=$version" >&2 &&
      tar -xJf qemu_*.orig.tar.xz --wildcards '*/include/qemu/qemu-plugin.h')
    header=$(find "$work/qemu-source" -name qemu-plugin.h | head -1)
  fi
  mkdir -p "$work/plugin"
  gcc -O2 -Wall -shared -fPIC -I "$(dirname "$header")" -o "$plugin" "$here/count_instructions.c"
fi
echo "$plugin"
