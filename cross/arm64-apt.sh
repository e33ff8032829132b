#!/usr/bin/env bash
# Writes a private APT configuration for Debian's arm64 packages into DIR/apt and prints its path, for
# `APT_CONFIG=… apt-get download` (arm64 .debs to extract with `dpkg-deb -x`) and, with --source, for
# `apt-get source --download-only` (qemu's plugin header). It lists this machine's own Debian sources
# (deb822 or one-line), restricted to arm64, with its own lists, cache and status: the system's APT
# configuration and package database are never changed. Runs `apt-get update` once per DIR.
# Usage: APT_CONFIG="$(cross/arm64-apt.sh DIR [--source])"
# Used by cross/fetch-arm64-libraries.sh and tools/bench/aarch64/setup.sh.
set -euo pipefail
mkdir -p "$1"
work="$(cd "$1" && pwd)/apt"
with_source="${2:-}"
mkdir -p "$work"/{lists/partial,cache/archives/partial,etc/preferences.d,etc/sources.list.d}
touch "$work/status"
python3 - "$work/etc/sources.list" "$with_source" <<'PY'
import glob, re, sys
lines = []
def add(uri_line):
    lines.append(f"deb [arch=arm64{uri_line[0]}] {uri_line[1]}")
    if sys.argv[2] == "--source":
        lines.append(f"deb-src [{uri_line[0].lstrip()}] {uri_line[1]}" if uri_line[0] else f"deb-src {uri_line[1]}")
for f in sorted(glob.glob("/etc/apt/sources.list.d/*.sources")):
    for stanza in open(f).read().split("\n\n"):
        kv = dict(re.findall(r"^(\w[\w-]*):\s*(.+)$", stanza, re.M))
        if "URIs" not in kv or "deb" not in kv.get("Types", "").split():
            continue
        key = kv.get("Signed-By", "/usr/share/keyrings/debian-archive-keyring.gpg").split()[0]
        for uri in kv["URIs"].split():
            for suite in kv["Suites"].split():
                add((f" signed-by={key}", f"{uri} {suite} {kv.get('Components', 'main')}"))
for f in glob.glob("/etc/apt/sources.list") + sorted(glob.glob("/etc/apt/sources.list.d/*.list")):
    for l in open(f).read().splitlines():
        m = re.match(r"^deb (?:\[([^]]*)\] )?(.+)$", l)
        if m:
            add(((" " + m.group(1)) if m.group(1) else "", m.group(2)))
if not lines:
    sys.exit("no Debian APT sources found in /etc/apt to download the arm64 packages from")
open(sys.argv[1], "w").write("\n".join(lines) + "\n")
PY
cat > "$work/apt.conf" <<CONF
Dir::Etc::SourceList "$work/etc/sources.list";
Dir::Etc::SourceParts "$work/etc/sources.list.d";
Dir::Etc::Preferences "$work/etc/preferences";
Dir::Etc::PreferencesParts "$work/etc/preferences.d";
Dir::State::Lists "$work/lists";
Dir::State::status "$work/status";
Dir::Cache "$work/cache";
APT::Architecture "arm64";
APT::Architectures { "arm64"; };
CONF
if [ ! -e "$work/updated" ] || [ "$work/etc/sources.list" -nt "$work/updated" ]; then
  APT_CONFIG="$work/apt.conf" apt-get update -qq >&2
  touch "$work/updated"
fi
echo "$work/apt.conf"
