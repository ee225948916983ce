#!/usr/bin/env bash
# The store benchmark (issue 5): ingest events/s into SQLite and PostgreSQL and the latency of
# an actor + date-range query over 1,000,000 stored synthetic events. PostgreSQL is measured
# when HERODOT_PG_URL names an empty database (or pass --pg URL). Arguments go to store_bench
# (--events N, --per-article N, --sentences N, --batch N, --sqlite PATH, --keep).
#   bench/store.sh
#   HERODOT_PG_URL=postgresql://postgres@127.0.0.1:54329/bench bench/store.sh --events 200000
set -eu
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build/release}
make -s lib >/dev/null
ICU_LIBS=$(pkg-config --libs icu-uc 2>/dev/null || echo -licuuc -licudata)
# (clang does not know gcc's -Wformat-truncation: told to pass over options it does not know)
case "$(${CC:-cc} --version 2>/dev/null)" in *clang*) XWARN=-Wno-unknown-warning-option ;; *) XWARN= ;; esac
${CC:-cc} -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -O2 -g -Wall -Wextra -Werror -Wno-unused-parameter -Wno-format-truncation $XWARN \
    -I/usr/include/postgresql -o "$BUILD/store_bench" bench/store_bench.c "$BUILD/libherodot.a" \
    $ICU_LIBS -lcjson -lsqlite3 -lpq -lcld2 -lm -lpthread
exec "$BUILD/store_bench" "$@"
