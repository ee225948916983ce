#!/usr/bin/env bash
# herodot's whole test suite: the README's `make test`.
#   1. release build (gcc) and a clang build, both -Wall -Wextra -Werror
#   2. unit tests (cmocka), one per stage
#   3. end-to-end tests: CLI behaviour, our own sample articles and sentences
#   4. accuracy gates on ../shared (seed article, dev set) when it is present
#   5. 2 and 3 again under AddressSanitizer + UndefinedBehaviorSanitizer
# Ends with one line 'N passed, N failed'. Exit status 1 when anything failed.
set -u
cd "$(dirname "$0")/.."
ROOT=$(pwd)
SHARED=${HERODOT_SHARED:-$ROOT/../shared}
PASS=0; FAIL=0
LOG=build/test-logs; mkdir -p "$LOG"
# the compiled dictionary caches the runs make go here, not into ~/.cache
export HERODOT_CACHE=${HERODOT_TEST_CACHE:-$ROOT/build/test-cache}
rm -rf "$HERODOT_CACHE"

ok()   { PASS=$((PASS + 1)); [ -n "${VERBOSE:-}" ] && echo "ok   $1"; return 0; }
bad()  { FAIL=$((FAIL + 1)); echo "FAIL $1"; }
check() { local name=$1; shift; if "$@" >"$LOG/${name//\//_}.log" 2>&1; then ok "$name"; else bad "$name (log: $LOG/${name//\//_}.log)"; fi; }

# cmocka binaries: count test cases, not binaries
run_unit() {
    local dir=$1 tag=$2
    for t in "$dir"/tests/test_*; do
        [ -x "$t" ] || continue
        local name out p f
        name=$(basename "$t")
        out=$("$t" 2>&1); local rc=$?
        echo "$out" > "$LOG/$tag-$name.log"
        p=$(echo "$out" | sed -n 's/.*\[  PASSED  \] \([0-9]*\) test.*/\1/p' | tail -1)
        f=$(echo "$out" | sed -n 's/.*\[  FAILED  \] \([0-9]*\) test.*/\1/p' | tail -1)
        PASS=$((PASS + ${p:-0})); FAIL=$((FAIL + ${f:-0}))
        if [ "$rc" -ne 0 ] && [ -z "$f" ]; then bad "$tag $name crashed (log: $LOG/$tag-$name.log)"; fi
        [ -n "$f" ] && [ "$f" != 0 ] && echo "FAIL $tag $name: $f test(s) (log: $LOG/$tag-$name.log)"
    done
}

run_e2e() {
    local bin=$1 tag=$2
    local out rc
    out=$(HERODOT_BIN=$bin HERODOT_SHARED=$SHARED python3 tests/e2e/run.py 2>&1); rc=$?
    echo "$out" > "$LOG/$tag-e2e.log"
    local p f
    p=$(echo "$out" | sed -n 's/^e2e: \([0-9]*\) passed, \([0-9]*\) failed.*/\1/p')
    f=$(echo "$out" | sed -n 's/^e2e: \([0-9]*\) passed, \([0-9]*\) failed.*/\2/p')
    PASS=$((PASS + ${p:-0})); FAIL=$((FAIL + ${f:-0}))
    echo "$out" | grep '^FAIL' | sed "s/^/$tag /"
    if [ -z "$p" ]; then bad "$tag e2e runner did not finish (log: $LOG/$tag-e2e.log)"; fi
    [ "$rc" -eq 0 ] || [ -n "$f" ] || bad "$tag e2e exit $rc"
}

echo "building (gcc, release) ..."
check build/gcc make -s -j2 all unit
if command -v clang >/dev/null; then
    echo "building (clang) ..."
    check build/clang make -s -j2 CC=clang BUILD=build/clang all unit
fi
echo "unit tests ..."
run_unit build/release unit
echo "end-to-end tests ..."
run_e2e "$ROOT/build/release/herodot" e2e
# the event store (issue 5): SQLite always, PostgreSQL when HERODOT_PG_URL is set (.ci/run does)
run_store() {
    local out rc p f
    out=$(HERODOT_BIN=$1 python3 tests/e2e/store_test.py 2>&1); rc=$?
    echo "$out" > "$LOG/store.log"
    p=$(echo "$out" | sed -n 's/^store: \([0-9]*\) passed, \([0-9]*\) failed.*/\1/p')
    f=$(echo "$out" | sed -n 's/^store: \([0-9]*\) passed, \([0-9]*\) failed.*/\2/p')
    PASS=$((PASS + ${p:-0})); FAIL=$((FAIL + ${f:-0}))
    echo "$out" | grep '^FAIL' | sed "s/^/store /"
    if [ -z "$p" ]; then bad "store tests did not finish (log: $LOG/store.log)"; fi
    [ "$rc" -eq 0 ] || [ -n "$f" ] || bad "store tests exit $rc"
}
echo "store tests (SQLite${HERODOT_PG_URL:+ and PostgreSQL}) ..."
run_store "$ROOT/build/release/herodot"
echo "sanitizer build (ASan+UBSan) ..."
if make -s -j2 asan >"$LOG/asan-build.log" 2>&1 &&
   make -s -j2 BUILD=build/asan OPT="-O1 -g -fno-omit-frame-pointer" \
        SAN="-fsanitize=address,undefined -fno-sanitize-recover=all" build/asan/herodot >>"$LOG/asan-build.log" 2>&1; then
    ok "asan build"
    export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
    run_unit build/asan asan
    HERODOT_QUICK=1 run_e2e "$ROOT/build/asan/herodot" asan
else
    bad "asan build (log: $LOG/asan-build.log)"
fi
echo "$PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]
