#!/usr/bin/env bash
# `make eval`: the accuracy figures from ../shared (when present): events on the seed article
# and the development set (evscore, with dates and places), dates on TempEval-3 AQUAINT,
# places on GeoVirus.
set -u
cd "$(dirname "$0")/.."
SHARED=${HERODOT_SHARED:-$(pwd)/../shared}
BIN=${HERODOT_BIN:-$(pwd)/herodot}
[ -d "$SHARED" ] || { echo "no $SHARED: nothing to evaluate"; exit 0; }
for set in seed dev; do
    if [ $set = seed ]; then arts=$SHARED/samples/seed-article.jsonl; gold=$SHARED/samples/seed-gold.jsonl
    else arts=$SHARED/samples/dev-articles.jsonl; gold=$SHARED/samples/dev-gold.jsonl; fi
    echo "== $set set (evscore)"
    "$BIN" code "$arts" > "build/eval-$set.jsonl"
    python3 "$SHARED/tools/evscore" "$arts" "$gold" "build/eval-$set.jsonl" | grep -E "dates|places|F1"
done
echo "== TempEval-3 AQUAINT dates"
HERODOT_BIN=$BIN HERODOT_SHARED=$SHARED python3 tests/eval/tempeval.py --quiet | tail -1
echo "== GeoVirus places"
HERODOT_BIN=$BIN HERODOT_SHARED=$SHARED python3 tests/eval/geovirus.py 2>/dev/null | tail -1
echo "== peers' validation suites"
"$BIN" validate "$SHARED/peers/TABARI-Code/Validate.project" 2>/dev/null | tail -1
"$BIN" validate "$SHARED/peers/petrarch2/petrarch2/data/text/PETR.UnitTest.records.xml" 2>/dev/null | tail -1
