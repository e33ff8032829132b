#!/usr/bin/env bash
# Extracts Debian's arm64 libasound (library and headers) into a private directory, for linking
# `attune-edge` (cross/build-edge.sh) and running it under qemu-aarch64. A private APT configuration
# (its own sources restricted to arm64, its own lists, cache and status) downloads the .debs, and
# `dpkg-deb -x` unpacks them: the system's APT configuration and package database are not changed.
# Usage: cross/fetch-arm64-libraries.sh DIR   → DIR/root/usr/{include,lib/aarch64-linux-gnu}
# The C library itself comes from Debian's libc6-dev-arm64-cross (tools/install-debian-packages.sh).
set -euo pipefail
mkdir -p "$1"
work="$(cd "$1" && pwd)"
root="$work/root"
[ -e "$root/usr/lib/aarch64-linux-gnu/libasound.so.2" ] && exit 0
mkdir -p "$work"/apt/{lists/partial,cache/archives/partial,etc/preferences.d,etc/sources.list.d} "$work/debs" "$root"
touch "$work/apt/status"
# The system's own Debian sources (deb822 or one-line), each restricted to arm64.
python3 - "$work/apt/etc/sources.list" <<'PY'
import glob, re, sys
lines = []
for f in glob.glob("/etc/apt/sources.list.d/*.sources"):
    for stanza in open(f).read().split("\n\n"):
        kv = dict(re.findall(r"^(\w[\w-]*):\s*(.+)$", stanza, re.M))
        if "URIs" not in kv or "deb" not in kv.get("Types", "").split():
            continue
        key = kv.get("Signed-By", "/usr/share/keyrings/debian-archive-keyring.gpg").split()[0]
        for uri in kv["URIs"].split():
            for suite in kv["Suites"].split():
                lines.append(f"deb [arch=arm64 signed-by={key}] {uri} {suite} {kv.get('Components', 'main')}")
for f in glob.glob("/etc/apt/sources.list") + glob.glob("/etc/apt/sources.list.d/*.list"):
    for l in open(f).read().splitlines():
        if l.startswith("deb "):
            lines.append(re.sub(r"^deb (\[[^]]*\] )?", "deb [arch=arm64] ", l))
if not lines:
    sys.exit("no Debian APT sources found in /etc/apt to download the arm64 packages from")
open(sys.argv[1], "w").write("\n".join(lines) + "\n")
PY
cat > "$work/apt/apt.conf" <<CONF
Dir::Etc::SourceList "$work/apt/etc/sources.list";
Dir::Etc::SourceParts "$work/apt/etc/sources.list.d";
Dir::Etc::Preferences "$work/apt/etc/preferences";
Dir::Etc::PreferencesParts "$work/apt/etc/preferences.d";
Dir::State::Lists "$work/apt/lists";
Dir::State::status "$work/apt/status";
Dir::Cache "$work/apt/cache";
APT::Architecture "arm64";
APT::Architectures { "arm64"; };
CONF
export APT_CONFIG="$work/apt/apt.conf"
apt-get update -qq
(cd "$work/debs" && apt-get download -qq libasound2 libasound2-dev)
for deb in "$work"/debs/*.deb; do dpkg-deb -x "$deb" "$root"; done
test -e "$root/usr/lib/aarch64-linux-gnu/libasound.so.2" || { echo "libasound2 (arm64) did not unpack into $root" >&2; exit 1; }
