#!/usr/bin/env bash
# Installs Attune into a prefix, in a layout that works without the source tree:
#
#   <prefix>/bin/attune                         the binary (stripped)
#   <prefix>/share/attune/models/               the models, their manifest (SHA256SUMS) and licences
#   <prefix>/share/attune/demo/                 the bundled recording and transcript (`attune profile`'s default)
#   <sysconfdir>/attune/attune.toml             the configuration (kept if it already exists)
#   <prefix>/lib/systemd/system/attune.service  the systemd unit, its paths pointed at this prefix
#
# The binary finds its models at ../share/attune/models beside itself (Sources/AttuneTurn/ModelLocator.swift);
# `attune doctor` then checks every model file against the manifest.
#
# Usage: cross/install.sh [--prefix DIR] [--sysconfdir DIR] [--binary FILE] [--no-strip]
#   --prefix DIR      default /usr/local
#   --sysconfdir DIR  default /etc for the prefix /usr, else <prefix>/etc
#   --binary FILE     the attune binary to install; default: a release build of this checkout
#                     (swift build -c release --product attune --static-swift-stdlib), made if missing
#   --no-strip        keep the symbols (strip removes them by default)
#   DESTDIR           staged install (packaging): every path above is written under $DESTDIR, while the
#                     unit and the configuration name the final paths.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
prefix=/usr/local
sysconfdir=
binary=
strip_binary=1

die() { echo "install.sh: $*" >&2; exit 1; }

while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) [ $# -ge 2 ] || die "--prefix needs a directory"; prefix=$2; shift 2 ;;
        --prefix=*) prefix=${1#*=}; shift ;;
        --sysconfdir) [ $# -ge 2 ] || die "--sysconfdir needs a directory"; sysconfdir=$2; shift 2 ;;
        --sysconfdir=*) sysconfdir=${1#*=}; shift ;;
        --binary) [ $# -ge 2 ] || die "--binary needs a file"; binary=$2; shift 2 ;;
        --binary=*) binary=${1#*=}; shift ;;
        --no-strip) strip_binary=0; shift ;;
        -h|--help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown argument '$1' (see --help)" ;;
    esac
done

case "$prefix" in /*) ;; *) die "--prefix must be an absolute path, not '$prefix'" ;; esac
prefix=${prefix%/}
if [ -z "$sysconfdir" ]; then
    if [ "$prefix" = /usr ]; then sysconfdir=/etc; else sysconfdir=$prefix/etc; fi
fi
case "$sysconfdir" in /*) ;; *) die "--sysconfdir must be an absolute path, not '$sysconfdir'" ;; esac
sysconfdir=${sysconfdir%/}
destdir=${DESTDIR:-}
destdir=${destdir%/}

if [ -z "$binary" ]; then
    binary=$root/.build/release/attune
    if [ ! -x "$binary" ]; then
        echo "install.sh: building the release binary (swift build -c release --product attune --static-swift-stdlib)" >&2
        (cd "$root" && swift build -c release --product attune --static-swift-stdlib)
    fi
fi
[ -x "$binary" ] || die "no executable at '$binary' (build it with: swift build -c release --product attune)"

models_source=$root/models
[ -f "$models_source/SHA256SUMS" ] || die "$models_source/SHA256SUMS is missing: the models cannot be checked"
(cd "$models_source" && sha256sum --quiet -c SHA256SUMS) || die "a file in $models_source does not match its SHA256SUMS"

bindir=$destdir$prefix/bin
modelsdir=$destdir$prefix/share/attune/models
demodir=$destdir$prefix/share/attune/demo
confdir=$destdir$sysconfdir/attune
unitdir=$destdir$prefix/lib/systemd/system

install -d -m 0755 "$bindir" "$modelsdir" "$demodir" "$confdir" "$unitdir"
install -m 0755 "$binary" "$bindir/attune"
if [ "$strip_binary" = 1 ]; then
    strip --strip-all "$bindir/attune"
fi
# Every file the manifest names, the manifest, and the documents and licences that travel with them.
while read -r _ name; do
    install -m 0644 "$models_source/$name" "$modelsdir/$name"
done < "$models_source/SHA256SUMS"
install -m 0644 "$models_source/SHA256SUMS" "$models_source/MODELS.md" "$modelsdir/"
for licence in "$models_source"/*LICENSE*; do install -m 0644 "$licence" "$modelsdir/"; done

install -m 0644 "$root/Tests/Data/turn/turns-015.wav" "$root/Tests/Data/turn/turns-015.transcript.jsonl" "$demodir/"

if [ -e "$confdir/attune.toml" ]; then
    echo "install.sh: kept the existing $confdir/attune.toml" >&2
else
    install -m 0644 "$root/packaging/attune.toml" "$confdir/attune.toml"
fi

sed -e "s|/usr/bin/attune|$prefix/bin/attune|g" \
    -e "s|/usr/share/attune/models|$prefix/share/attune/models|g" \
    -e "s|/etc/attune/|$sysconfdir/attune/|g" \
    "$root/packaging/attune.service" > "$unitdir/attune.service"
chmod 0644 "$unitdir/attune.service"

size=$(stat -c %s "$bindir/attune")
echo "installed attune into $destdir$prefix ($(numfmt --to=si --round=nearest --format=%.1f --suffix=B "$size") binary$([ "$strip_binary" = 1 ] && echo ", stripped"))"
echo "  $prefix/bin/attune"
echo "  $prefix/share/attune/models/ ($(wc -l < "$models_source/SHA256SUMS") model files)"
echo "  $prefix/share/attune/demo/ (the recording attune profile runs by default)"
echo "  $sysconfdir/attune/attune.toml"
echo "  $prefix/lib/systemd/system/attune.service"
echo "check it with: $prefix/bin/attune doctor --config $sysconfdir/attune/attune.toml"
