#!/usr/bin/env bash
# `make bench`: one table, from one run, of herodot's speed and memory:
#   sentences/s and MB/s of `herodot code` on 1 thread and on all cores (the median of
#   BENCH_RUNS runs, default 3), for herodot's own
#   dictionaries (with and without the gazetteer) and for the full Phoenix set from
#   ../shared/peers when present; start-up time (from the compiled dictionary cache, and from
#   the text files) and peak RSS; instructions per sentence
#   (callgrind, fixed slice, start-up subtracted); the store figures when bench/store.sh exists.
# Corpus: our sample articles and sentences plus every news text under ../shared, repeated
# with varied ids to BENCH_MB megabytes (default 50).
set -u
cd "$(dirname "$0")/.."
ROOT=$(pwd)
SHARED=${HERODOT_SHARED:-$ROOT/../shared}
MB=${BENCH_MB:-50}
OUT=build/bench; mkdir -p "$OUT"
make -s all >/dev/null 2>&1 || make -s all
BIN=$ROOT/build/release/herodot
NCPU=$(nproc)

[ -f "$OUT/corpus-$MB.jsonl" ] || python3 bench/make_corpus.py "$OUT/corpus-$MB.jsonl" "$OUT/slice.jsonl" --mb "$MB" --shared "$SHARED" >/dev/null
CORPUS=$OUT/corpus-$MB.jsonl

# dictionary sets: name|--dict args|extra options
sets=("herodot|--dict $ROOT/data|--no-places" "herodot+places|--dict $ROOT/data|")
if [ -d "$SHARED/peers/Dictionaries" ]; then
    P=$OUT/phoenix; mkdir -p "$P/actors" "$P/verbs"
    D=$SHARED/peers/Dictionaries
    for f in Phoenix.Countries.actors.txt Phoenix.International.actors.txt Phoenix.MilNonState.actors.txt; do
        ln -sf "$D/$f" "$P/actors/$f"; done
    ln -sf "$D/Phoenix.agents.txt" "$P/agents.txt"; ln -sf "$D/CAMEO.verbpatterns.txt" "$P/verbs/"
    ln -sf "$D/Phoenix.discards.txt" "$P/discards.txt"; ln -sf "$ROOT/data/cameo.tsv" "$P/cameo.tsv"
    sets+=("phoenix|--dict $P|--no-places -q")
fi

stat_field() { sed -n "s|.* $1 \([0-9.]*\).*|\1|p" "$2" | tail -1; }
RUNS=${BENCH_RUNS:-3}
# the run of median sentences/s among $OUT/KIND-NAME-1..RUNS: sets med_s and med_m (its MB/s)
median_run() {
    local line
    line=$(for r in $(seq 1 "$RUNS"); do
               echo "$(stat_field sentences/s "$OUT/$1-$2-$r") $(stat_field MB/s "$OUT/$1-$2-$r")"
           done | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p")
    med_s=${line% *}; med_m=${line#* }
}

# the compiled dictionary caches go in the bench's own folder
export HERODOT_CACHE=$ROOT/$OUT/cache
rm -rf "$HERODOT_CACHE"
printf "%-16s %10s %8s %10s %8s %8s %9s %9s %9s %9s\n" "dictionaries" "sent/s 1T" "MB/s 1T" \
       "sent/s ${NCPU}T" "MB/s ${NCPU}T" "speedup" "start ms" "text ms" "RSS MB" "instr/sent"
for s in "${sets[@]}"; do
    IFS='|' read -r name dargs extra <<< "$s"
    # start-up: best of 5 on empty input, from the compiled cache (the first run makes it) and
    # from the text files (--no-cache)
    best=999999; text=999999
    $BIN code $dargs $extra -q < /dev/null >/dev/null 2>&1
    for i in 1 2 3 4 5; do
        t0=$(date +%s%N); $BIN code $dargs $extra -q < /dev/null >/dev/null 2>&1; t1=$(date +%s%N)
        ms=$(( (t1 - t0) / 1000000 )); [ $ms -lt $best ] && best=$ms
        t0=$(date +%s%N); $BIN code --no-cache $dargs $extra -q < /dev/null >/dev/null 2>&1; t1=$(date +%s%N)
        ms=$(( (t1 - t0) / 1000000 )); [ $ms -lt $text ] && text=$ms
    done
    # coding speed: the median of RUNS runs at 1 thread and at NCPU threads, alternated, since
    # on a shared host one run can be a quarter off; peak RSS from the first 1-thread run
    /usr/bin/time -f "%M" -o "$OUT/rss-$name" $BIN code $dargs $extra -q --stats --threads 1 "$CORPUS" \
        > /dev/null 2> "$OUT/stats1-$name-1"
    $BIN code $dargs $extra -q --stats --threads "$NCPU" "$CORPUS" > /dev/null 2> "$OUT/statsN-$name-1"
    for r in $(seq 2 "$RUNS"); do
        $BIN code $dargs $extra -q --stats --threads 1 "$CORPUS" > /dev/null 2> "$OUT/stats1-$name-$r"
        $BIN code $dargs $extra -q --stats --threads "$NCPU" "$CORPUS" > /dev/null 2> "$OUT/statsN-$name-$r"
    done
    median_run stats1 "$name"; s1=$med_s; m1=$med_m
    median_run statsN "$name"; sn=$med_s; mn=$med_m
    rss=$(( $(tail -1 "$OUT/rss-$name") / 1024 ))
    ips="n/a"
    if command -v valgrind >/dev/null; then
        # without the cache: under valgrind the image cannot be mapped at its address, and the
        # start-up (the same text load in both runs) is subtracted anyway
        export HERODOT_CACHE=off
        valgrind --tool=callgrind --callgrind-out-file="$OUT/cg-empty-$name" $BIN code $dargs $extra -q \
            < /dev/null > /dev/null 2> "$OUT/cg-empty-$name.log"
        valgrind --tool=callgrind --callgrind-out-file="$OUT/cg-slice-$name" $BIN code $dargs $extra -q \
            --stats "$OUT/slice.jsonl" > /dev/null 2> "$OUT/cg-slice-$name.log"
        e=$(sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$OUT/cg-empty-$name.log")
        f=$(sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$OUT/cg-slice-$name.log")
        n=$(sed -n 's/.* sentences \([0-9]*\) .*/\1/p' "$OUT/cg-slice-$name.log")
        [ -n "$e" ] && [ -n "$f" ] && [ -n "$n" ] && ips=$(( (f - e) / n ))
        export HERODOT_CACHE=$ROOT/$OUT/cache
    fi
    sp=$(python3 -c "print('%.2f' % ($sn / $s1))" 2>/dev/null || echo "?")
    printf "%-16s %10.0f %8.2f %10.0f %8.2f %8s %9s %9s %9s %9s\n" "$name" "$s1" "$m1" "$sn" "$mn" "${sp}x" "$best" "$text" "$rss" "$ips"
done
echo "corpus: $(du -m "$CORPUS" | cut -f1) MB, $(stat_field sentences "$OUT/stats1-herodot-1") sentences; sent/s and MB/s: median of $RUNS runs; slice for callgrind: $OUT/slice.jsonl"
if [ -x bench/store.sh ]; then echo; bench/store.sh; fi
