#!/usr/bin/env bash
# Installs the Debian / Raspberry Pi OS packages Attune builds, runs and tests with.
# Swift itself comes from swift.org (or the distribution's swiftlang package where there is one).
set -euo pipefail
packages=(
  libasound2-dev   # CALSA: ALSA capture
  libsqlite3-dev   # CSQLite: the encrypted store
  alsa-utils       # arecord/aplay, to check devices by hand
  sox              # tests: reference resampling and format conversion
  espeak-ng        # tools: speech with known text, rate and pitch
  gcc-aarch64-linux-gnu libc6-dev-arm64-cross   # cross/check-kernels.sh: Debian's aarch64 C library to link against
  qemu-user        # cross/check-kernels.sh: runs the aarch64 kernel checks
  systemd          # tests: systemd-analyze verify packaging/attune.service
)
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update
$sudo apt-get install -y --no-install-recommends "${packages[@]}"
