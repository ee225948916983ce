/* test_store.c - the event store through its vtable, on SQLite and (when HERODOT_PG_URL is
 * set) PostgreSQL: round trip of every event field, atomic replacement, rollback,
 * cross-article deduplication counts, every filter, stats, the consistency check; and the
 * dataset writers (column counts, quoting). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <libpq-fe.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "store/store.h"
#include "io/formats.h"

enum { SQLITE, PG };

static hd_store *open_store(int backend, const char *name)
{
    hd_error err;
    char target[1200];
    if (backend == SQLITE) {
        snprintf(target, sizeof target, "/tmp/herodot-unit-%d-%s.db", (int)getpid(), name);
        const char *ext[] = { "", "-wal", "-shm" };
        for (int i = 0; i < 3; i++) {
            char p[1300];
            snprintf(p, sizeof p, "%s%s", target, ext[i]);
            unlink(p);
        }
    } else {
        const char *url = getenv("HERODOT_PG_URL");
        if (!url || !*url) return NULL;
        char schema[128], sql[400];
        snprintf(schema, sizeof schema, "hd_unit_%d_%s", (int)getpid(), name);
        PGconn *c = PQconnectdb(url);
        if (PQstatus(c) != CONNECTION_OK) { fprintf(stderr, "%s", PQerrorMessage(c)); PQfinish(c); return NULL; }
        snprintf(sql, sizeof sql, "SET client_min_messages = warning; DROP SCHEMA IF EXISTS %s CASCADE; CREATE SCHEMA %s",
                 schema, schema);
        PGresult *r = PQexec(c, sql);
        PQclear(r);
        PQfinish(c);
        snprintf(target, sizeof target, "%s%soptions=-csearch_path%%3D%s", url, strchr(url, '?') ? "&" : "?", schema);
    }
    hd_store *s = store_open(target, &err);
    if (!s) fprintf(stderr, "store_open: %s\n", err.msg);
    return s;
}

static void drop_store(int backend, hd_store *s, const char *name)
{
    store_close(s);
    if (backend == PG) {
        char sql[300];
        snprintf(sql, sizeof sql, "SET client_min_messages = warning; DROP SCHEMA IF EXISTS hd_unit_%d_%s CASCADE",
                 (int)getpid(), name);
        PGconn *c = PQconnectdb(getenv("HERODOT_PG_URL"));
        PQclear(PQexec(c, sql));
        PQfinish(c);
    } else {
        char p[300];
        const char *ext[] = { "", "-wal", "-shm" };
        for (int i = 0; i < 3; i++) {
            snprintf(p, sizeof p, "/tmp/herodot-unit-%d-%s.db%s", (int)getpid(), name, ext[i]);
            unlink(p);
        }
    }
}

#define OPEN(name)                                                    \
    int backend = (int)(intptr_t)*st;                                 \
    hd_store *s = open_store(backend, name);                          \
    if (!s && backend == PG) { skip(); return; }                      \
    assert_non_null(s)

/* ---- building articles and events -------------------------------------------------------- */

static const char TEXT[] = "Serbia condemned Kosovo in Belgrade. NATO attacked Serbia near Pristina. "
                           "Protesters gathered. Vucic blamed Kosovo for the violence.";

static hd_event ev(const char *src, const char *tgt, const char *code, const char *date, int sent)
{
    hd_event e;
    memset(&e, 0, sizeof e);
    e.article = "ignored";
    e.sentence = sent;
    e.date = date;
    e.date_precision = "day";
    e.source.code = src; e.source.text = "Serbia"; e.source.span = (hd_span){ 0, 6 }; e.source.entry = "a.txt:1";
    if (tgt) { e.target.code = tgt; e.target.text = "Kosovo"; e.target.span = (hd_span){ 17, 23 }; e.target.entry = "a.txt:2"; }
    e.code = code;
    e.root[0] = code[0]; e.root[1] = code[1];
    e.plover = "ACCUSE";
    e.quad = 3;
    e.goldstein = -2.0;
    e.verb_text = "condemned"; e.verb_span = (hd_span){ 7, 16 };
    e.pattern = "verbs.txt:9";
    e.dict = "d1";
    return e;
}

static void place(hd_event *e, const char *name, const char *cc, double lat, double lon, long geo)
{
    e->has_place = 1;
    e->place.name = name; e->place.country = cc; e->place.admin1 = "X.1";
    e->place.lat = lat; e->place.lon = lon; e->place.geonames_id = geo; e->place.precision = "city";
}

static int put(hd_store *s, const char *id, const char *date, const char *pub, const char *text,
               const hd_event *evs, int n)
{
    char h[17];
    size_t len = strlen(text);
    store_text_hash(text, len, h);
    store_sentence *sent;
    int ns = store_sentences(text, len, &sent);
    store_article a = { id, date, pub, "http://example.org/x", "title", text, len, h, "en", "d1",
                        "2024-01-02T03:04:05Z", 0 };
    hd_error err;
    int rc = store_put_article(s, &a, sent, ns, evs, n, &err);
    if (rc < 0) fprintf(stderr, "put: %s\n", err.msg);
    free(sent);
    return rc;
}

/* ---- collecting query results --------------------------------------------------------------- */

typedef struct rows { int n; long long ids[64]; long mentions[64], sources[64], articles[64]; char first[512]; } rows;

static int collect(const store_row *r, void *ud)
{
    rows *x = ud;
    if (x->n == 0)
        snprintf(x->first, sizeof x->first, "%s|%d|%ld-%ld|%s|%s|%s|%ld-%ld|%s|%s|%s|%s|%d|%.1f|%s|%ld-%ld|%s|%s|%d|%s|%s|%.2f|%.2f|%ld|%s|%s",
                 r->ev.article, r->ev.sentence, r->ev.span.start, r->ev.span.end, r->ev.text, r->ev.date,
                 r->ev.source.code, r->ev.source.span.start, r->ev.source.span.end, r->ev.source.entry,
                 r->ev.target.code ? r->ev.target.code : "-", r->ev.code, r->ev.plover, r->ev.quad, r->ev.goldstein,
                 r->ev.verb_text, r->ev.verb_span.start, r->ev.verb_span.end, r->ev.pattern, r->ev.dict,
                 r->ev.has_place, r->ev.has_place ? r->ev.place.name : "-", r->ev.has_place ? r->ev.place.country : "-",
                 r->ev.place.lat, r->ev.place.lon, r->ev.place.geonames_id, r->x.url, r->x.publisher);
    if (x->n < 64) {
        x->ids[x->n] = r->x.event_id;
        x->mentions[x->n] = r->x.mentions;
        x->sources[x->n] = r->x.sources;
        x->articles[x->n] = r->x.articles;
    }
    x->n++;
    return 0;
}

static int q(hd_store *s, store_filter f, rows *out)
{
    memset(out, 0, sizeof *out);
    hd_error err;
    int rc = store_query(s, &f, collect, out, &err);
    if (rc < 0) fprintf(stderr, "query: %s\n", err.msg);
    assert_int_equal(rc, 0);
    return out->n;
}

static void problem(const char *what, void *ud) { (void)ud; fprintf(stderr, "problem: %s\n", what); }

static long check(hd_store *s)
{
    hd_error err;
    long n = store_check(s, problem, NULL, &err);
    if (n < 0) fprintf(stderr, "check: %s\n", err.msg);
    return n;
}

/* three articles that mention one event (SRB->KSV 111 on 2024-01-01 in Belgrade) */
static void load_three(hd_store *s)
{
    hd_event a[3], b[2], c[2];
    a[0] = ev("SRB", "KSV", "111", "2024-01-01", 0); place(&a[0], "Belgrade", "SRB", 44.80, 20.47, 792680);
    a[1] = ev("IGOWSTNAT", "SRB", "190", "2024-01-01", 1); place(&a[1], "Pristina", "KSV", 42.67, 21.17, 786714);
    a[2] = ev("SRBGOV", NULL, "010", "2024-01-01", 3);
    b[0] = ev("SRB", "KSV", "111", "2024-01-01", 0); place(&b[0], "Belgrade", "SRB", 44.80, 20.47, 792680);
    b[1] = ev("SRB", "KSV", "111", "2024-01-01", 3); place(&b[1], "Belgrade", "SRB", 44.80, 20.47, 792680);
    c[0] = ev("SRB", "KSV", "111", "2024-01-01", 0); place(&c[0], "Belgrade", "SRB", 44.80, 20.47, 792680);
    c[1] = ev("USAGOV", "SRB", "1951", "2024-02-10", 1);
    assert_int_equal(put(s, "A", "2024-01-01", "Wire One", TEXT, a, 3), 0);
    assert_int_equal(put(s, "B", "2024-01-01", "Wire Two", TEXT, b, 2), 0);
    assert_int_equal(put(s, "C", "2024-01-02", "Wire One", TEXT, c, 2), 0);
}

/* ---- tests --------------------------------------------------------------------------------- */

static void test_roundtrip(void **st)
{
    OPEN("roundtrip");
    load_three(s);
    rows r;
    store_filter f = { 0 };
    f.article = "A"; f.mentions = 1;
    assert_int_equal(q(s, f, &r), 3);
    assert_string_equal(r.first, "A|0|0-36|Serbia condemned Kosovo in Belgrade.|2024-01-01|SRB|0-6|a.txt:1|KSV|111|"
                                 "ACCUSE|3|-2.0|condemned|7-16|verbs.txt:9|d1|1|Belgrade|SRB|44.80|20.47|792680|"
                                 "http://example.org/x|Wire One");
    store_article a;
    hd_error err;
    assert_int_equal(s->ops->get_article(s, "A", &a, &err), 1);
    assert_string_equal(a.text, TEXT);
    assert_string_equal(a.dict_hash, "d1");
    assert_int_equal(a.n_events, 3);
    assert_int_equal(s->ops->find_article(s, "nope", &a, &err), 0);
    store_totals t;
    assert_int_equal(store_totals_get(s, &t, &err), 0);
    assert_int_equal(t.articles, 3);
    assert_int_equal(t.sentences, 7);          /* the sentences with events: 3 + 2 + 2 */
    assert_int_equal(t.mentions, 7);
    assert_int_equal(t.events, 4);
    assert_int_equal(check(s), 0);
    drop_store(backend, s, "roundtrip");
}

static void test_dedup(void **st)
{
    OPEN("dedup");
    load_three(s);
    rows r;
    store_filter f = { 0 };
    f.source = "SRB"; f.target = "KSV";
    assert_int_equal(q(s, f, &r), 1);              /* four mentions, one event */
    assert_int_equal(r.mentions[0], 4);
    assert_int_equal(r.articles[0], 3);
    assert_int_equal(r.sources[0], 2);              /* Wire One twice, Wire Two */
    long long id = r.ids[0];
    f.mentions = 1;
    assert_int_equal(q(s, f, &r), 4);
    for (int i = 0; i < 4; i++) assert_int_equal(r.ids[i], id);
    /* replacing B without the event: counts follow, atomically */
    hd_event b = ev("KSV", "SRB", "112", "2024-01-01", 2);
    assert_int_equal(put(s, "B", "2024-01-01", "Wire Two", TEXT, &b, 1), 0);
    f.mentions = 0;
    assert_int_equal(q(s, f, &r), 1);
    assert_int_equal(r.mentions[0], 2);
    assert_int_equal(r.articles[0], 2);
    assert_int_equal(r.sources[0], 1);
    assert_int_equal(r.ids[0], id);
    /* deleting A and C leaves the event without mentions: it goes */
    hd_error err;
    assert_int_equal(s->ops->delete_article(s, "A", &err), 1);
    assert_int_equal(s->ops->delete_article(s, "C", &err), 1);
    assert_int_equal(s->ops->delete_article(s, "C", &err), 0);
    assert_int_equal(q(s, f, &r), 0);
    store_totals t;
    assert_int_equal(store_totals_get(s, &t, &err), 0);
    assert_int_equal(t.articles, 1);
    assert_int_equal(t.mentions, 1);
    assert_int_equal(t.events, 1);
    assert_int_equal(check(s), 0);
    drop_store(backend, s, "dedup");
}

static void test_transactions(void **st)
{
    OPEN("tx");
    load_three(s);
    hd_error err;
    store_totals t0, t1;
    assert_int_equal(store_totals_get(s, &t0, &err), 0);
    /* a batch that is rolled back leaves nothing, even after replacing an article */
    assert_int_equal(store_begin(s, &err), 0);
    hd_event d = ev("SRB", "KSV", "111", "2024-01-01", 0);
    assert_int_equal(put(s, "D", "2024-01-01", "Wire Three", TEXT, &d, 1), 0);
    assert_int_equal(put(s, "A", "2024-01-01", "Wire One", TEXT, NULL, 0), 0);
    assert_int_equal(put(s, "D", "2024-01-01", "Wire Three", TEXT, &d, 1), 0);    /* twice in a batch */
    assert_int_equal(store_rollback(s, &err), 0);
    assert_int_equal(store_totals_get(s, &t1, &err), 0);
    assert_memory_equal(&t0, &t1, sizeof t0);
    store_article a;
    assert_int_equal(s->ops->find_article(s, "D", &a, &err), 0);
    /* the same batch committed */
    assert_int_equal(store_begin(s, &err), 0);
    assert_int_equal(put(s, "D", "2024-01-01", "Wire Three", TEXT, &d, 1), 0);
    assert_int_equal(put(s, "D", "2024-01-01", "Wire Three", TEXT, &d, 1), 0);
    assert_int_equal(store_commit(s, &err), 0);
    assert_int_equal(store_totals_get(s, &t1, &err), 0);
    assert_int_equal(t1.articles, t0.articles + 1);
    assert_int_equal(t1.mentions, t0.mentions + 1);
    rows r;
    store_filter f = { 0 };
    f.source = "SRB"; f.target = "KSV";
    assert_int_equal(q(s, f, &r), 2);    /* D's mention has no place: an event of its own */
    assert_int_equal(check(s), 0);
    drop_store(backend, s, "tx");
}

static void test_filters(void **st)
{
    OPEN("filters");
    load_three(s);
    rows r;
    store_filter f;
#define F(field, value, want) do { memset(&f, 0, sizeof f); f.field = value; f.mentions = 1; \
        assert_int_equal(q(s, f, &r), want); } while (0)
    F(actor, "SRB", 7);
    F(actor, "IGO", 1);
    F(actor, "USA", 1);
    F(source, "SRB", 5);
    F(source, "SRBGOV", 1);
    F(target, "SRB", 2);
    F(code, "11", 4);
    F(code, "19", 2);
    F(code, "195", 1);
    F(code, "1951", 1);
    F(code, "190", 1);
    F(from, "2024-01-02", 1);
    F(from, "2024-02", 1);
    F(to, "2024-01", 6);
    F(to, "2024-01-01", 6);
    F(country, "SRB", 4);
    F(country, "KSV", 1);
    F(text, "blamed violence", 2);          /* sentence 3 of A and of B */
    F(text, "BELGRADE", 3);                /* sentence 0 of A, B and C */
    F(text, "\"kosovo\" AND OR", 0);         /* FTS syntax is just words */
    F(article, "B", 2);
    F(limit, 3, 3);
    memset(&f, 0, sizeof f);
    f.mentions = 1; f.near = 1; f.lat = 44.79; f.lon = 20.45; f.km = 10;
    assert_int_equal(q(s, f, &r), 4);                       /* Belgrade */
    f.km = 300;
    assert_int_equal(q(s, f, &r), 5);                       /* and Pristina, 243 km away */
    f.lat = 0; f.lon = 0; f.km = 100;
    assert_int_equal(q(s, f, &r), 0);
    memset(&f, 0, sizeof f);
    f.actor = "SRB"; f.from = "2024-01-01"; f.to = "2024-01-01"; f.code = "1";
    assert_int_equal(q(s, f, &r), 2);                       /* deduplicated: 111 Belgrade, 190 */
    f.text = "NATO";
    assert_int_equal(q(s, f, &r), 1);
    /* bad values are refused before any SQL */
    hd_error err;
    memset(&f, 0, sizeof f); f.from = "May 2024";
    assert_int_equal(store_query(s, &f, collect, &r, &err), -1);
    memset(&f, 0, sizeof f); f.actor = "US'; DROP TABLE events; --";
    assert_int_equal(store_query(s, &f, collect, &r, &err), -1);
    memset(&f, 0, sizeof f); f.near = 1; f.lat = 100; f.km = 1;
    assert_int_equal(store_query(s, &f, collect, &r, &err), -1);
    memset(&f, 0, sizeof f); f.text = " ,; ";
    assert_int_equal(store_query(s, &f, collect, &r, &err), -1);
    assert_int_equal(check(s), 0);
    drop_store(backend, s, "filters");
#undef F
}

typedef struct counts { int n; char key[16][64]; long long ev[16], men[16]; } counts;

static int on_count(const char *key, long long events, long long mentions, void *ud)
{
    counts *c = ud;
    if (c->n < 16) { snprintf(c->key[c->n], 64, "%s", key); c->ev[c->n] = events; c->men[c->n] = mentions; }
    c->n++;
    return 0;
}

static void test_stats(void **st)
{
    OPEN("stats");
    load_three(s);
    counts c = { 0 };
    store_filter f = { 0 };
    hd_error err;
    assert_int_equal(s->ops->stats(s, STAT_ROOT, &f, 0, on_count, &c, &err), 0);
    assert_int_equal(c.n, 3);
    assert_string_equal(c.key[0], "19");      /* 190 and 1951 */
    assert_int_equal(c.ev[0], 2);
    assert_string_equal(c.key[1], "01");      /* ties by key */
    assert_string_equal(c.key[2], "11");
    assert_int_equal(c.ev[2], 1);
    assert_int_equal(c.men[2], 4);
    memset(&c, 0, sizeof c);
    assert_int_equal(s->ops->stats(s, STAT_PAIR, &f, 1, on_count, &c, &err), 0);
    assert_int_equal(c.n, 1);
    memset(&c, 0, sizeof c);
    assert_int_equal(s->ops->stats(s, STAT_DAY, &f, 0, on_count, &c, &err), 0);
    assert_int_equal(c.n, 2);
    assert_string_equal(c.key[0], "2024-01-01");
    assert_int_equal(c.ev[0], 3);
    memset(&c, 0, sizeof c);
    assert_int_equal(s->ops->stats(s, STAT_COUNTRY, &f, 0, on_count, &c, &err), 0);
    assert_int_equal(c.n, 3);
    assert_string_equal(c.key[0], "-");
    assert_int_equal(c.ev[0], 2);
    drop_store(backend, s, "stats");
}

static int on_list(const char *id, const char *dict, void *ud)
{
    char *b = ud;
    strcat(b, id);
    strcat(b, dict);
    return 0;
}

static void test_list_and_reopen(void **st)
{
    OPEN("list");
    load_three(s);
    char b[256] = "";
    hd_error err;
    assert_int_equal(s->ops->list_articles(s, on_list, b, &err), 0);
    assert_string_equal(b, "Ad1Bd1Cd1");
    drop_store(backend, s, "list");
}

static void count_problem(const char *msg, void *ud) { fprintf(stderr, "problem: %s\n", msg); ++*(int *)ud; }

/* a schema-4 file (no first_event, an (aid, sentence) index) is brought to schema 5 on open and
 * then replaces articles by their id ranges */
static void test_migrate_4(void **st)
{
    (void)st;
    hd_store *s = open_store(SQLITE, "mig");
    assert_non_null(s);
    load_three(s);
    store_close(s);
    char path[300];
    snprintf(path, sizeof path, "/tmp/herodot-unit-%d-mig.db", (int)getpid());
    sqlite3 *db;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, "ALTER TABLE articles DROP COLUMN first_event;"
                                      "CREATE INDEX events_article ON events (aid, sentence);"
                                      "UPDATE store_meta SET value = '4' WHERE key = 'schema'", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    hd_error err;
    s = store_open(path, &err);
    assert_non_null(s);
    int problems = 0;
    assert_int_equal(store_check(s, count_problem, &problems, &err), 0);
    assert_int_equal(problems, 0);
    load_three(s);       /* replaces all three */
    assert_int_equal(store_check(s, count_problem, &problems, &err), 0);
    assert_int_equal(problems, 0);
    store_close(s);
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    sqlite3_stmt *q;
    assert_int_equal(sqlite3_prepare_v2(db, "SELECT value, (SELECT count(*) FROM sqlite_master WHERE name = "
                                            "'events_article') FROM store_meta WHERE key = 'schema'", -1, &q, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(q), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(q, 0), "5");
    assert_int_equal(sqlite3_column_int(q, 1), 0);
    sqlite3_finalize(q);
    sqlite3_close(db);
    s = open_store(SQLITE, "mig");     /* removes the files */
    drop_store(SQLITE, s, "mig");
}

/* ---- formats ----------------------------------------------------------------------------- */

static int fields(const char *line, char sep)
{
    int n = 1;
    for (; *line && *line != '\n'; line++) n += *line == sep;
    return n;
}

static void test_formats(void **st)
{
    (void)st;
    hd_event e = ev("USAGOVMIL", "IGOUNOWHO", "1951", "2024-01-05", 0);
    place(&e, "Belgrade", "SRB", 44.8, 20.47, 792680);
    e.text = "Text, with \"quotes\"\tand a tab";
    io_extra x = { 42, 3, 2, 2, "http://u", "Wire", "t", "2024-01-06T07:08:09Z", "name" };
    buf b; buf_init(&b);
    io_write_gdelt2(&b, &e, &x);
    assert_int_equal(fields(b.p, '\t'), 61);
    assert_non_null(strstr(b.p, "42\t20240105\t202401\t2024\t"));
    assert_non_null(strstr(b.p, "\tUSAGOVMIL\tSERBIA\tUSA\t\t\t\t\tGOV\tMIL\t\t"));
    assert_non_null(strstr(b.p, "\tIGOUNOWHO\tKOSOVO\t\tWHO\t\t\t\tIGO\t\t\t"));
    assert_non_null(strstr(b.p, "\t1951\t195\t19\t3\t-2.0\t3\t2\t2\t\t"));
    assert_non_null(strstr(b.p, "\t20240106070809\thttp://u\n"));
    buf_clear(&b);
    hd_event e2 = ev("SRB", NULL, "010", "2024-01-05", 2);
    io_write_gdelt2(&b, &e2, NULL);
    assert_int_equal(fields(b.p, '\t'), 61);
    buf_clear(&b);
    io_write_phoenix(&b, &e, &x);
    assert_int_equal(fields(b.p, '\t'), 26);
    assert_non_null(strstr(b.p, "\tUSAGOVMIL\tUSA\tGOV\tMIL\t"));
    assert_non_null(strstr(b.p, "\t1951\t19\t4\t-2.0\t"));
    buf_clear(&b);
    io_write_header(&b, IO_OUT_ICEWS);
    assert_int_equal(fields(b.p, '\t'), 20);
    buf_clear(&b);
    io_write_icews(&b, &e, &x);
    assert_int_equal(fields(b.p, '\t'), 20);
    assert_non_null(strstr(b.p, "\tname\t1951\t-2.0\t"));
    buf_clear(&b);
    io_write_header(&b, IO_OUT_CSV);
    assert_int_equal(fields(b.p, ','), 23);
    buf_clear(&b);
    io_write_csv(&b, &e, &x);
    assert_non_null(strstr(b.p, ",\"Text, with \"\"quotes\"\"\tand a tab\"\r\n"));
    buf_clear(&b);
    io_write_jsonx(&b, &e, &x);
    assert_non_null(strstr(b.p, ",\"event_id\":42,\"num_mentions\":3,\"num_sources\":2,\"num_articles\":2,"));
    assert_int_equal(b.p[b.len - 2], '}');
    assert_int_equal(io_out_parse("gdelt2"), IO_OUT_GDELT2);
    assert_int_equal(io_out_parse("nope"), -1);
    assert_int_equal(io_penta_class("02"), 0);
    assert_int_equal(io_penta_class("05"), 1);
    assert_int_equal(io_penta_class("08"), 2);
    assert_int_equal(io_penta_class("16"), 3);
    assert_int_equal(io_penta_class("17"), 4);
    buf_free(&b);
}

static void test_helpers(void **st)
{
    (void)st;
    assert_int_equal(store_day("2024-02-29"), 20240229);
    assert_int_equal(store_day("2024-02"), 20240201);
    assert_int_equal(store_day("2024"), 20240101);
    assert_int_equal(store_day("20240229"), 20240229);
    assert_int_equal(store_day("2024-13-01"), 0);
    assert_int_equal(store_day("yesterday"), 0);
    char h1[17], h2[17];
    store_text_hash("abc", 3, h1);
    store_text_hash("abd", 3, h2);
    assert_string_not_equal(h1, h2);
    assert_int_equal(strlen(h1), 16);
    assert_true(store_km(44.80, 20.47, 42.67, 21.17) > 240 && store_km(44.80, 20.47, 42.67, 21.17) < 250);
    assert_int_equal(store_is_pg("postgresql://x"), 1);
    assert_int_equal(store_is_pg("postgres://x"), 1);
    assert_int_equal(store_is_pg("herodot.db"), 0);
    store_filter f = { 0 };
    char *argv[] = { "query", "--near", "1,2,3", "--actor=USA", "--limit", "x" };
    int i = 1;
    assert_int_equal(store_filter_opt(&f, 6, argv, &i), 1);
    assert_true(f.near && f.lat == 1 && f.lon == 2 && f.km == 3);
    i = 3;
    assert_int_equal(store_filter_opt(&f, 6, argv, &i), 1);
    assert_string_equal(f.actor, "USA");
    i = 4;
    assert_int_equal(store_filter_opt(&f, 6, argv, &i), -1);
}

#define BOTH(fn) cmocka_unit_test_prestate(fn, (void *)(intptr_t)SQLITE), \
                 cmocka_unit_test_prestate(fn, (void *)(intptr_t)PG)

int main(void)
{
    const struct CMUnitTest tests[] = {
        BOTH(test_roundtrip),
        BOTH(test_dedup),
        BOTH(test_transactions),
        BOTH(test_filters),
        BOTH(test_stats),
        BOTH(test_list_and_reopen),
        cmocka_unit_test(test_migrate_4),
        cmocka_unit_test(test_formats),
        cmocka_unit_test(test_helpers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
