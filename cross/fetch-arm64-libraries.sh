#!/usr/bin/env bash
# Extracts Debian's arm64 libasound (library and headers) into a private directory, for linking
# `attune-edge` (cross/build-edge.sh) and running it under qemu-aarch64. A private APT configuration
# (cross/arm64-apt.sh) downloads the .debs, and `dpkg-deb -x` unpacks them: the system's APT
# configuration and package database are not changed.
# Usage: cross/fetch-arm64-libraries.sh DIR   → DIR/root/usr/{include,lib/aarch64-linux-gnu}
# The C library itself comes from Debian's libc6-dev-arm64-cross (tools/install-debian-packages.sh).
set -euo pipefail
mkdir -p "$1"
work="$(cd "$1" && pwd)"
root="$work/root"
[ -e "$root/usr/lib/aarch64-linux-gnu/libasound.so.2" ] && exit 0
mkdir -p "$work/debs" "$root"
APT_CONFIG="$("$(dirname "$0")/arm64-apt.sh" "$work")"
export APT_CONFIG
(cd "$work/debs" && apt-get download -qq libasound2 libasound2-dev)
for deb in "$work"/debs/*.deb; do dpkg-deb -x "$deb" "$root"; done
test -e "$root/usr/lib/aarch64-linux-gnu/libasound.so.2" || { echo "libasound2 (arm64) did not unpack into $root" >&2; exit 1; }
