#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan+UBSan) and runs each for FUZZ_SECONDS
# (default 20) from a seed corpus of our own samples. `make fuzz` calls this.
set -euo pipefail
cd "$(dirname "$0")/.."
SECS=${FUZZ_SECONDS:-20}
make -s CC=clang BUILD=build/fuzz OPT="-O1 -g" SAN="-fsanitize=address,undefined,fuzzer-no-link" lib
mkdir -p build/fuzz/bin
for t in fuzz/fuzz_*.c; do
    name=$(basename "$t" .c)
    clang -std=c11 -D_DEFAULT_SOURCE -O1 -g -fsanitize=address,undefined,fuzzer -Isrc "$t" \
        build/fuzz/libherodot.a -o "build/fuzz/bin/$name" $(pkg-config --libs icu-uc) $(xml2-config --libs) \
        -lcjson -lsqlite3 -lpq -lcld2 -lm -lpthread
done
seed=build/fuzz/seed; mkdir -p "$seed"
cp tests/dict/verbs/test.txt tests/dict/actors/test.txt tests/dict/agents.txt "$seed/" 2>/dev/null || true
printf "COMMA: MIN = 2 MAX = 10 EMIN = 2 EMAX = 10\nDEFAULT: SOURCE [ANYSRC] PRIOR TARGET [ANYTGT] AFTER\nSET: CODE BY SENTENCE\nCOMPLEX: VERBS[5] CONJ[4] NOACTPRIOR\nFORWARD: ^^*****NNN*SSS OFF\n" > "$seed/options.txt"
[ -f samples/articles.jsonl ] && head -c 4000 samples/articles.jsonl > "$seed/articles.jsonl"
for b in build/fuzz/bin/*; do
    echo "fuzzing $(basename "$b") for ${SECS}s"
    mkdir -p "build/fuzz/corpus-$(basename "$b")"
    "$b" -max_total_time="$SECS" -max_len=8192 "build/fuzz/corpus-$(basename "$b")" "$seed" 2>&1 | tail -2
done
