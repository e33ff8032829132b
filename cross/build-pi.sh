#!/usr/bin/env bash
# Builds the full `attune` binary for a Raspberry Pi (aarch64), by whichever route this machine has:
#   1. on the Pi itself (64-bit Raspberry Pi OS / Debian 12 arm64 with Swift installed): a native
#      release build, the Swift runtime and Foundation linked in (`--static-swift-stdlib`);
#   2. on an x86-64 machine with swift.org's static Linux SDK installed (`aarch64-swift-linux-musl`):
#      a cross build, given aarch64 musl builds of libasound and SQLite under $ATTUNE_MUSL_PREFIX.
# Otherwise it says what to install and exits 1. The commands, and what each route needs:
# cross/README.md. (The per-frame core alone builds anywhere with cross/build-edge.sh.)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v swift >/dev/null || { echo "no Swift toolchain: install Swift 6.3 from https://www.swift.org/install/linux/ (cross/README.md)" >&2; exit 1; }

if [ "$(uname -s)" = Linux ] && [ "$(uname -m)" = aarch64 ]; then
  echo "== native aarch64 build"
  tools/install-debian-packages.sh
  swift build -c release --static-swift-stdlib
  echo "$(swift build -c release --show-bin-path)/attune"
  exit 0
fi

sdk=aarch64-swift-linux-musl
if swift sdk list 2>/dev/null | grep -q "$sdk"; then
  prefix="${ATTUNE_MUSL_PREFIX:-}"
  if [ -z "$prefix" ] || [ ! -e "$prefix/lib/libasound.a" ] || [ ! -e "$prefix/lib/libsqlite3.a" ]; then
    echo "the $sdk SDK is installed, but Attune also links libasound and SQLite: set ATTUNE_MUSL_PREFIX to a" >&2
    echo "directory with include/ and lib/{libasound.a,libsqlite3.a} built for aarch64 musl (cross/README.md)" >&2
    exit 1
  fi
  echo "== cross build with the static Linux SDK ($sdk)"
  # Package.swift's x86-64 code-generation flag is for the host's own builds, not the boards'.
  export ATTUNE_X86_64_CPU=none
  swift build -c release --swift-sdk "$sdk" -Xcc -I"$prefix/include" -Xlinker -L"$prefix/lib"
  echo "$(swift build -c release --swift-sdk "$sdk" --show-bin-path)/attune"
  exit 0
fi

cat >&2 <<MSG
No route to an aarch64 attune on this machine:
  - on a Raspberry Pi (64-bit OS), install Swift 6.3 for aarch64 (https://www.swift.org/install/linux/) and run this again;
  - on x86-64, install swift.org's static Linux SDK for Swift $(swift --version 2>/dev/null | sed -n 's/.*Swift version \([0-9.]*\).*/\1/p'):
      swift sdk install <the static SDK bundle URL from https://www.swift.org/install/linux/> --checksum <its checksum>
    and provide aarch64 musl libasound and SQLite in \$ATTUNE_MUSL_PREFIX (cross/README.md).
The per-frame core builds here without either: cross/build-edge.sh.
MSG
exit 1
