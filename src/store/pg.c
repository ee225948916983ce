/* pg.c - the PostgreSQL store backend (libpq). Same tables as the SQLite backend; full-text
 * search through a generated tsvector column with a GIN index; bulk loading with COPY.
 *
 * put_article only buffers: the article, its sentences and its events are appended to three
 * COPY streams. A flush (at commit, when the buffers grow large, or before anything reads)
 * COPYs them into session-temporary staging tables and moves them into the real tables with a
 * handful of set-based statements: delete the articles being replaced, insert the articles,
 * their sentences, the deduplicated events they need, their mentions. Commit recounts the
 * touched deduplicated events and commits. A client killed at any point leaves an open
 * transaction that the server rolls back: nothing partial is ever visible. */
#include "store.h"
#include "../util/strmap.h"
#include <libpq-fe.h>
#include <stdlib.h>
#include <string.h>

static const char SCHEMA[] =
    "SELECT pg_advisory_xact_lock(4851203349);"
    "CREATE TABLE IF NOT EXISTS store_meta (key text PRIMARY KEY, value text NOT NULL);"
    "INSERT INTO store_meta VALUES ('schema', '5') ON CONFLICT DO NOTHING;"
    "CREATE TABLE IF NOT EXISTS articles ("
    " aid bigserial PRIMARY KEY, id text NOT NULL UNIQUE, date text NOT NULL, source text,"
    " url text, title text, text text NOT NULL, text_hash text NOT NULL, language text NOT NULL,"
    " dict_hash text NOT NULL, coded_at text NOT NULL, n_sentences integer NOT NULL,"
    " n_events integer NOT NULL, first_event bigint);"
    /* schema 4 lacked first_event (the SQLite store finds an article's events by it) */
    "ALTER TABLE articles ADD COLUMN IF NOT EXISTS first_event bigint;"
    "CREATE TABLE IF NOT EXISTS sentences ("
    " sid bigserial PRIMARY KEY, aid bigint NOT NULL, idx integer NOT NULL, start bigint NOT NULL,"
    " \"end\" bigint NOT NULL, text text NOT NULL,"
    " tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', text)) STORED, UNIQUE (aid, idx));"
    "CREATE INDEX IF NOT EXISTS sentences_tsv ON sentences USING gin (tsv);"
    "CREATE TABLE IF NOT EXISTS event_groups ("
    " id bigserial PRIMARY KEY, date text COLLATE \"C\" NOT NULL, source_code text COLLATE \"C\" NOT NULL,"
    " target_code text COLLATE \"C\" NOT NULL, code text COLLATE \"C\" NOT NULL,"
    " place_key text COLLATE \"C\" NOT NULL, num_mentions integer NOT NULL DEFAULT 0,"
    " num_sources integer NOT NULL DEFAULT 0, num_articles integer NOT NULL DEFAULT 0, rep_id bigint,"
    " UNIQUE (date, source_code, target_code, code, place_key));"
    "CREATE TABLE IF NOT EXISTS events ("
    " id bigserial PRIMARY KEY, group_id bigint NOT NULL, aid bigint NOT NULL, sentence integer NOT NULL,"
    " date text COLLATE \"C\" NOT NULL, date_precision text NOT NULL, sqldate integer NOT NULL,"
    " source_code text COLLATE \"C\" NOT NULL, source_text text, source_start bigint, source_end bigint,"
    " source_entry text, target_code text COLLATE \"C\" NOT NULL, target_text text, target_start bigint,"
    " target_end bigint, target_entry text, code text COLLATE \"C\" NOT NULL, root text NOT NULL,"
    " plover text, quad integer NOT NULL, goldstein double precision NOT NULL, verb_text text,"
    " verb_start bigint, verb_end bigint, pattern text, dict text, has_place integer NOT NULL,"
    " place_key text COLLATE \"C\" NOT NULL, place_name text, place_country text COLLATE \"C\","
    " place_admin1 text, place_lat double precision, place_lon double precision, place_geonames bigint,"
    " place_precision text);"
    "CREATE TABLE IF NOT EXISTS known_codes (kind text COLLATE \"C\" NOT NULL, code text COLLATE \"C\" NOT NULL,"
    " PRIMARY KEY (kind, code));"
    "CREATE INDEX IF NOT EXISTS events_group ON events (group_id, aid);"
    "CREATE INDEX IF NOT EXISTS events_article ON events (aid, sentence);"
    "CREATE INDEX IF NOT EXISTS events_source ON events (source_code, sqldate);"
    "CREATE INDEX IF NOT EXISTS events_target ON events (target_code, sqldate);"
    "CREATE INDEX IF NOT EXISTS events_date ON events (sqldate);"
    "CREATE INDEX IF NOT EXISTS events_code ON events (code, sqldate);"
    "CREATE INDEX IF NOT EXISTS events_country ON events (place_country, sqldate) WHERE place_country IS NOT NULL;"
    /* ids are handed out a thousand at a time per session: nextval is then nearly free */
    "ALTER SEQUENCE articles_aid_seq CACHE 1000; ALTER SEQUENCE sentences_sid_seq CACHE 1000;"
    "ALTER SEQUENCE events_id_seq CACHE 1000; ALTER SEQUENCE event_groups_id_seq CACHE 1000;"
    "CREATE OR REPLACE VIEW event_mentions AS SELECT e.group_id AS event_id, e.id AS mention_id,"
    " a.id AS article, e.sentence AS sentence FROM events e JOIN articles a ON a.aid = e.aid;"
    "CREATE OR REPLACE FUNCTION hd_km(double precision, double precision, double precision, double precision)"
    " RETURNS double precision LANGUAGE sql IMMUTABLE PARALLEL SAFE AS"
    " $$ SELECT 2 * 6371.0088 * asin(sqrt(least(1.0, sin(radians($3 - $1) / 2) ^ 2"
    " + cos(radians($1)) * cos(radians($3)) * sin(radians($4 - $2) / 2) ^ 2))) $$;";

#define EV_COLS \
    "sentence, date, date_precision, sqldate, source_code, source_text, source_start, source_end, " \
    "source_entry, target_code, target_text, target_start, target_end, target_entry, code, root, plover, " \
    "quad, goldstein, verb_text, verb_start, verb_end, pattern, dict, has_place, place_key, place_name, " \
    "place_country, place_admin1, place_lat, place_lon, place_geonames, place_precision"

static const char STAGE[] =
    "SET client_min_messages = warning;"
    /* a server crash may lose the last moments of an ingest (rerun it), never half an article */
    "SET synchronous_commit = off;"
    /* the staging tables are never analysed: their guessed sizes would make every flush pay for
     * JIT compilation (tens of milliseconds) */
    "SET jit = off;"
    /* the store's queries are index lookups over a working set that is normally cached: with
     * the default costs the planner picks (parallel) sequential scans of million-row tables */
    "SET random_page_cost = 1.1;"
    "SET max_parallel_workers_per_gather = 0;"
    "CREATE TEMP TABLE IF NOT EXISTS stage_articles (seq bigint, id text, date text, source text,"
    " url text, title text, text text, text_hash text, language text, dict_hash text, coded_at text,"
    " n_sentences integer, n_events integer);"
    "CREATE TEMP TABLE IF NOT EXISTS stage_sentences (aseq bigint, idx integer, start bigint, \"end\" bigint,"
    " text text);"
    "CREATE TEMP TABLE IF NOT EXISTS stage_ids (seq bigint, eid bigint);"
    "CREATE TEMP TABLE IF NOT EXISTS stage_events (seq bigint, aseq bigint, sentence integer,"
    " date text COLLATE \"C\", date_precision text, sqldate integer, source_code text COLLATE \"C\","
    " source_text text, source_start bigint, source_end bigint, source_entry text,"
    " target_code text COLLATE \"C\", target_text text, target_start bigint, target_end bigint,"
    " target_entry text, code text COLLATE \"C\", root text, plover text, quad integer,"
    " goldstein double precision, verb_text text, verb_start bigint, verb_end bigint, pattern text, dict text,"
    " has_place integer, place_key text COLLATE \"C\", place_name text, place_country text COLLATE \"C\","
    " place_admin1 text, place_lat double precision, place_lon double precision, place_geonames bigint,"
    " place_precision text);"
    "CREATE TEMP TABLE IF NOT EXISTS dirty_groups (id bigint PRIMARY KEY);";

enum { P_FIND, P_GET, P_DELETE, P_LIST, P_N };
static const char *const PREP[P_N][2] = {
    { "hd_find", "SELECT aid, id, date, source, url, title, text_hash, language, dict_hash, coded_at, n_events "
                 "FROM articles WHERE id = $1" },
    { "hd_get", "SELECT aid, id, date, source, url, title, text_hash, language, dict_hash, coded_at, n_events, text "
                "FROM articles WHERE id = $1" },
    { "hd_delete", "WITH old AS (SELECT aid FROM articles WHERE id = $1), "
                   "d1 AS (DELETE FROM events e WHERE e.aid = (SELECT aid FROM old) RETURNING e.group_id), "
                   "d2 AS (DELETE FROM sentences x WHERE x.aid = (SELECT aid FROM old)), "
                   "d3 AS (DELETE FROM articles a WHERE a.aid = (SELECT aid FROM old) RETURNING a.aid), "
                   "dg AS (INSERT INTO dirty_groups SELECT DISTINCT group_id FROM d1 ON CONFLICT DO NOTHING) "
                   "SELECT count(*) FROM d3" },
    { "hd_list", "SELECT id, dict_hash FROM articles ORDER BY id" },
};

/* The flush, one round trip: replace the staged articles (their old mentions, sentences and
 * rows go, and the groups of the old mentions become dirty), insert the articles, their
 * sentences, the deduplicated events they need and their mentions (whose groups become dirty).
 * Lookups into the big tables are correlated subqueries or = ANY (array), so the plans use the
 * indexes whatever the planner guesses about the unanalysed staging tables. */
static const char FLUSH[] =
    "WITH old AS (SELECT ARRAY(SELECT a.aid FROM stage_articles s JOIN articles a ON a.id = s.id) AS v), "
    "d1 AS (DELETE FROM events e WHERE e.aid = ANY ((SELECT v FROM old)::bigint[]) RETURNING e.group_id), "
    "d2 AS (DELETE FROM sentences x WHERE x.aid = ANY ((SELECT v FROM old)::bigint[])), "
    "d3 AS (DELETE FROM articles a WHERE a.aid = ANY ((SELECT v FROM old)::bigint[])) "
    "INSERT INTO dirty_groups SELECT DISTINCT group_id FROM d1 ON CONFLICT DO NOTHING;"
    /* the mentions' ids, in order: an article's are consecutive */
    "INSERT INTO stage_ids SELECT seq, nextval(pg_get_serial_sequence('events', 'id')) "
    "FROM (SELECT seq FROM stage_events ORDER BY seq) o;"
    "INSERT INTO articles (id, date, source, url, title, text, text_hash, language, dict_hash, coded_at, "
    "n_sentences, n_events, first_event) SELECT sa.id, sa.date, sa.source, sa.url, sa.title, sa.text, sa.text_hash, "
    "sa.language, sa.dict_hash, sa.coded_at, sa.n_sentences, sa.n_events, f.first FROM stage_articles sa "
    "LEFT JOIN (SELECT s.aseq, min(i.eid) AS first FROM stage_events s JOIN stage_ids i ON i.seq = s.seq "
    "GROUP BY s.aseq) f ON f.aseq = sa.seq ORDER BY sa.seq;"
    "INSERT INTO sentences (aid, idx, start, \"end\", text) "
    "SELECT (SELECT a.aid FROM articles a WHERE a.id = sa.id), s.idx, s.start, s.\"end\", s.text "
    "FROM stage_sentences s JOIN stage_articles sa ON sa.seq = s.aseq;"
    /* new deduplicated events come with their counts; those that exist already (the outer
     * query does not see the rows its CTE inserts) are recounted at commit */
    "WITH ins AS (INSERT INTO event_groups (date, source_code, target_code, code, place_key, num_mentions, "
    "num_articles, num_sources, rep_id) SELECT s.date, s.source_code, s.target_code, s.code, s.place_key, "
    "count(*), count(DISTINCT s.aseq), count(DISTINCT coalesce(sa.source, '#' || sa.id)), min(i.eid) "
    "FROM stage_events s JOIN stage_articles sa ON sa.seq = s.aseq JOIN stage_ids i ON i.seq = s.seq "
    "GROUP BY s.date, s.source_code, s.target_code, s.code, s.place_key ORDER BY min(i.eid) "
    "ON CONFLICT DO NOTHING RETURNING id) "
    "INSERT INTO dirty_groups SELECT g.id FROM (SELECT DISTINCT date, source_code, target_code, code, place_key "
    "FROM stage_events) k JOIN event_groups g ON g.date = k.date AND g.source_code = k.source_code "
    "AND g.target_code = k.target_code AND g.code = k.code AND g.place_key = k.place_key "
    "ON CONFLICT DO NOTHING;"
    "INSERT INTO events (id, group_id, aid, " EV_COLS ") "
    "SELECT i.eid, (SELECT g.id FROM event_groups g WHERE g.date = s.date AND g.source_code = s.source_code "
    "AND g.target_code = s.target_code AND g.code = s.code AND g.place_key = s.place_key), "
    "(SELECT a.aid FROM articles a WHERE a.id = sa.id), "
    "s.sentence, s.date, s.date_precision, s.sqldate, s.source_code, s.source_text, "
    "s.source_start, s.source_end, s.source_entry, s.target_code, s.target_text, s.target_start, s.target_end, "
    "s.target_entry, s.code, s.root, s.plover, s.quad, s.goldstein, s.verb_text, s.verb_start, s.verb_end, "
    "s.pattern, s.dict, s.has_place, s.place_key, s.place_name, s.place_country, s.place_admin1, s.place_lat, "
    "s.place_lon, s.place_geonames, s.place_precision "
    "FROM stage_events s JOIN stage_articles sa ON sa.seq = s.aseq JOIN stage_ids i ON i.seq = s.seq ORDER BY s.seq;"
    "INSERT INTO known_codes SELECT DISTINCT k, c FROM (SELECT 'a' AS k, source_code AS c FROM stage_events "
    "UNION ALL SELECT 'a', target_code FROM stage_events WHERE target_code <> '' "
    "UNION ALL SELECT 'e', code FROM stage_events) x WHERE NOT EXISTS "
    "(SELECT 1 FROM known_codes k WHERE k.kind = x.k AND k.code = x.c) ON CONFLICT DO NOTHING;"
    "DELETE FROM stage_articles; DELETE FROM stage_sentences; DELETE FROM stage_events; DELETE FROM stage_ids";

/* recount the dirty groups; drop those left without mentions */
static const char REFRESH[] =
    "WITH d AS (SELECT ARRAY(SELECT id FROM dirty_groups) AS v), "
    "c AS (SELECT e.group_id AS gid, count(*) AS n, count(DISTINCT e.aid) AS na, "
    "count(DISTINCT coalesce(a.source, '#' || a.id)) AS ns, min(e.id) AS rep "
    "FROM events e JOIN articles a ON a.aid = e.aid WHERE e.group_id = ANY ((SELECT v FROM d)::bigint[]) GROUP BY e.group_id), "
    "u AS (UPDATE event_groups g SET num_mentions = c.n, num_articles = c.na, num_sources = c.ns, rep_id = c.rep "
    "FROM c WHERE g.id = c.gid) "
    "DELETE FROM event_groups g WHERE g.id = ANY ((SELECT v FROM d)::bigint[]) AND NOT EXISTS (SELECT 1 FROM c WHERE c.gid = g.id);"
    "DELETE FROM dirty_groups";

enum { FLUSH_BYTES = 8 << 20 };

typedef struct pg_store {
    hd_store base;
    PGconn *c;
    buf art, sent, ev;        /* COPY text for the staging tables */
    long long seq, aseq;
    long pending;             /* articles buffered */
    long commits;
    strmap ids;               /* ids buffered since the last flush */
    PGresult *keep;           /* the last find/get result, valid until the next call */
} pg_store;

static int pg_fail(pg_store *s, hd_error *err, const char *what, const PGresult *r)
{
    memset(err, 0, sizeof *err);
    const char *m = r ? PQresultErrorMessage(r) : NULL;
    if (!m || !*m) m = s->c ? PQerrorMessage(s->c) : "out of memory";
    snprintf(err->msg, sizeof err->msg, "postgresql: %s: %s", what, m);
    size_t n = strlen(err->msg);
    while (n && (err->msg[n - 1] == '\n' || err->msg[n - 1] == ' ')) err->msg[--n] = 0;
    return -1;
}

/* runs SQL without parameters; ok = expected status */
static int exec(pg_store *s, const char *sql, const char *what, hd_error *err)
{
    PGresult *r = PQexec(s->c, sql);
    ExecStatusType st = PQresultStatus(r);
    int ret = (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) ? 0 : pg_fail(s, err, what, r);
    PQclear(r);
    return ret;
}

/* ---- COPY text format ------------------------------------------------------------------- */

static void cp_str(buf *b, const char *v, size_t n)
{
    if (!v) { buf_puts(b, "\\N"); return; }
    size_t from = 0;
    for (size_t i = 0; i < n; i++) {
        char c = v[i], e = 0;
        if (c == '\\') e = '\\';
        else if (c == '\t') e = 't';
        else if (c == '\n') e = 'n';
        else if (c == '\r') e = 'r';
        if (!e) continue;
        buf_add(b, v + from, i - from);
        buf_putc(b, '\\'); buf_putc(b, e);
        from = i + 1;
    }
    buf_add(b, v + from, n - from);
}
static void cp_s(buf *b, const char *v) { cp_str(b, v, v ? strlen(v) : 0); buf_putc(b, '\t'); }
static void cp_i(buf *b, long long v) { buf_printf(b, "%lld\t", v); }
static void cp_d(buf *b, double v) { buf_printf(b, "%.17g\t", v); }
static void cp_end(buf *b) { b->p[b->len - 1] = '\n'; }   /* the last tab ends the row */

static int copy_in(pg_store *s, const char *sql, buf *b, hd_error *err)
{
    if (!b->len) return 0;
    PGresult *r = PQexec(s->c, sql);
    if (PQresultStatus(r) != PGRES_COPY_IN) { pg_fail(s, err, "copy", r); PQclear(r); return -1; }
    PQclear(r);
    int ok = PQputCopyData(s->c, b->p, (int)b->len) == 1;
    if (PQputCopyEnd(s->c, ok ? NULL : "client error") != 1) ok = 0;
    int ret = 0;
    while ((r = PQgetResult(s->c)) != NULL) {
        if (PQresultStatus(r) != PGRES_COMMAND_OK) ret = pg_fail(s, err, "copy", r);
        PQclear(r);
    }
    if (!ok && !ret) ret = pg_fail(s, err, "copy", NULL);
    buf_clear(b);
    return ret;
}

static int flush(pg_store *s, hd_error *err)
{
    if (!s->pending) return 0;
    if (copy_in(s, "COPY stage_articles FROM STDIN", &s->art, err) < 0 ||
        copy_in(s, "COPY stage_sentences FROM STDIN", &s->sent, err) < 0 ||
        copy_in(s, "COPY stage_events (seq, aseq, " EV_COLS ") FROM STDIN", &s->ev, err) < 0 ||
        exec(s, FLUSH, "store articles", err) < 0)
        return -1;
    s->pending = 0;
    strmap_free(&s->ids);
    strmap_init(&s->ids);
    return 0;
}

static void drop_buffers(pg_store *s)
{
    buf_clear(&s->art); buf_clear(&s->sent); buf_clear(&s->ev);
    s->pending = 0;
    strmap_free(&s->ids);
    strmap_init(&s->ids);
}

/* ---- transactions --------------------------------------------------------------------- */

static int pg_begin(hd_store *s_, hd_error *err)
{
    pg_store *s = (pg_store *)s_;
    if (s->base.in_tx) return 0;
    drop_buffers(s);
    if (exec(s, "BEGIN", "begin", err) < 0) return -1;
    s->base.in_tx = 1;
    return 0;
}

static int pg_rollback(hd_store *s_, hd_error *err)
{
    pg_store *s = (pg_store *)s_;
    drop_buffers(s);
    if (!s->base.in_tx) return 0;
    s->base.in_tx = 0;
    return exec(s, "ROLLBACK", "rollback", err);
}

static int pg_commit(hd_store *s_, hd_error *err)
{
    pg_store *s = (pg_store *)s_;
    if (!s->base.in_tx) return 0;
    if (flush(s, err) < 0 || exec(s, REFRESH, "recount events", err) < 0 || exec(s, "COMMIT", "commit", err) < 0) {
        hd_error e2;
        pg_rollback(s_, &e2);
        return -1;
    }
    s->base.in_tx = 0;
    /* the staging tables are emptied with DELETE (TRUNCATE makes every commit slow); reclaim
     * their space now and then, outside any transaction */
    if (++s->commits % 64 == 0) {
        hd_error e2;
        exec(s, "VACUUM stage_articles, stage_sentences, stage_events, stage_ids, dirty_groups", "vacuum", &e2);
    }
    return 0;
}

/* ---- articles ------------------------------------------------------------------------- */

static PGresult *prep(pg_store *s, int k, int n, const char *const *v, hd_error *err)
{
    PGresult *r = PQexecPrepared(s->c, PREP[k][0], n, v, NULL, NULL, 0);
    if (PQresultStatus(r) != PGRES_TUPLES_OK) { pg_fail(s, err, PREP[k][0], r); PQclear(r); return NULL; }
    return r;
}

static const char *val(PGresult *r, int row, int c) { return PQgetisnull(r, row, c) ? NULL : PQgetvalue(r, row, c); }

static int find(pg_store *s, int k, const char *id, store_article *out, hd_error *err)
{
    if (flush(s, err) < 0) return -1;
    if (s->keep) { PQclear(s->keep); s->keep = NULL; }
    const char *v[1] = { id };
    PGresult *r = prep(s, k, 1, v, err);
    if (!r) return -1;
    if (PQntuples(r) == 0) { PQclear(r); return 0; }
    s->keep = r;
    memset(out, 0, sizeof *out);
    out->id = val(r, 0, 1); out->date = val(r, 0, 2); out->source = val(r, 0, 3); out->url = val(r, 0, 4);
    out->title = val(r, 0, 5); out->text_hash = val(r, 0, 6); out->language = val(r, 0, 7);
    out->dict_hash = val(r, 0, 8); out->coded_at = val(r, 0, 9); out->n_events = atol(PQgetvalue(r, 0, 10));
    if (k == P_GET) { out->text = val(r, 0, 11); out->text_len = (size_t)PQgetlength(r, 0, 11); }
    return 1;
}

static int pg_find_article(hd_store *s_, const char *id, store_article *out, hd_error *err)
{
    return find((pg_store *)s_, P_FIND, id, out, err);
}

static int pg_get_article(hd_store *s_, const char *id, store_article *out, hd_error *err)
{
    return find((pg_store *)s_, P_GET, id, out, err);
}

static int pg_put_article(hd_store *s_, const store_article *a, const store_sentence *sent, int ns,
                          const hd_event *ev, int nev, hd_error *err)
{
    pg_store *s = (pg_store *)s_;
    int own = !s->base.in_tx;
    if (own && pg_begin(s_, err) < 0) return -1;
    /* the same id twice in one flush: the first must be in the tables before it is replaced */
    int added = 0;
    strmap_put(&s->ids, a->id, strlen(a->id), 0, &added);
    if (!added) {
        if (flush(s, err) < 0) goto fail;
        strmap_put(&s->ids, a->id, strlen(a->id), 0, &added);
    }
    /* the sentences events come from (the rest of the text is in the article) */
    unsigned char *has = calloc((size_t)ns + 1, 1);
    int keep = 0;
    for (int i = 0; i < nev; i++)
        for (int k = 0; k < ns; k++)
            if (sent[k].idx == ev[i].sentence) { keep += !has[k]; has[k] = 1; break; }
    long long aseq = ++s->aseq;
    buf *b = &s->art;
    cp_i(b, aseq); cp_s(b, a->id); cp_s(b, a->date); cp_s(b, a->source); cp_s(b, a->url); cp_s(b, a->title);
    cp_str(b, a->text, a->text_len ? a->text_len : strlen(a->text)); buf_putc(b, '\t');
    cp_s(b, a->text_hash); cp_s(b, a->language ? a->language : "en"); cp_s(b, a->dict_hash);
    cp_s(b, a->coded_at); cp_i(b, keep); cp_i(b, nev); cp_end(b);
    b = &s->sent;
    for (int i = 0; i < ns; i++) {
        if (!has[i]) continue;
        cp_i(b, aseq); cp_i(b, sent[i].idx); cp_i(b, sent[i].start); cp_i(b, sent[i].end);
        cp_str(b, sent[i].text, sent[i].len); buf_putc(b, '\t'); cp_end(b);
    }
    free(has);
    b = &s->ev;
    for (int i = 0; i < nev; i++) {
        const hd_event *e = &ev[i];
        char pk[512];
        store_place_key(e, pk, sizeof pk);
        cp_i(b, ++s->seq); cp_i(b, aseq); cp_i(b, e->sentence);
        cp_s(b, e->date); cp_s(b, e->date_precision ? e->date_precision : "day"); cp_i(b, store_day(e->date));
        cp_s(b, e->source.code); cp_s(b, e->source.text); cp_i(b, e->source.span.start);
        cp_i(b, e->source.span.end); cp_s(b, e->source.entry);
        if (e->target.code) {
            cp_s(b, e->target.code); cp_s(b, e->target.text); cp_i(b, e->target.span.start);
            cp_i(b, e->target.span.end); cp_s(b, e->target.entry);
        } else buf_puts(b, "\t\\N\t\\N\t\\N\t\\N\t");
        cp_s(b, e->code); cp_s(b, e->root); cp_s(b, e->plover); cp_i(b, e->quad); cp_d(b, e->goldstein);
        cp_s(b, e->verb_text); cp_i(b, e->verb_span.start); cp_i(b, e->verb_span.end);
        cp_s(b, e->pattern); cp_s(b, e->dict); cp_i(b, e->has_place ? 1 : 0); cp_s(b, pk);
        if (e->has_place) {
            cp_s(b, e->place.name); cp_s(b, e->place.country); cp_s(b, e->place.admin1);
            cp_d(b, e->place.lat); cp_d(b, e->place.lon); cp_i(b, e->place.geonames_id); cp_s(b, e->place.precision);
        } else buf_puts(b, "\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t");
        cp_end(b);
    }
    s->pending++;
    if (s->art.len + s->sent.len + s->ev.len > FLUSH_BYTES && flush(s, err) < 0) goto fail;
    return own ? pg_commit(s_, err) : 0;
fail:
    if (own) { hd_error e2; pg_rollback(s_, &e2); }
    return -1;
}

static int pg_delete_article(hd_store *s_, const char *id, hd_error *err)
{
    pg_store *s = (pg_store *)s_;
    int own = !s->base.in_tx;
    if (own && pg_begin(s_, err) < 0) return -1;
    if (flush(s, err) < 0) goto fail;
    const char *v[1] = { id };
    PGresult *r = prep(s, P_DELETE, 1, v, err);
    if (!r) goto fail;
    int found = atoi(PQgetvalue(r, 0, 0)) > 0;
    PQclear(r);
    if (own && pg_commit(s_, err) < 0) return -1;
    return found;
fail:
    if (own) { hd_error e2; pg_rollback(s_, &e2); }
    return -1;
}

static int pg_list_articles(hd_store *s_, store_id_fn fn, void *ud, hd_error *err)
{
    pg_store *s = (pg_store *)s_;
    if (flush(s, err) < 0) return -1;
    PGresult *r = prep(s, P_LIST, 0, NULL, err);
    if (!r) return -1;
    for (int i = 0; i < PQntuples(r); i++) if (fn(PQgetvalue(r, i, 0), PQgetvalue(r, i, 1), ud)) break;
    PQclear(r);
    return 0;
}

/* ---- queries --------------------------------------------------------------------------- */

typedef struct params { const char *v[40]; char num[40][32]; } params;

static void bind(const store_sql *q, params *p)
{
    for (int i = 0; i < q->np; i++) {
        const store_param *x = &q->p[i];
        if (x->type == SQLP_TEXT) { p->v[i] = x->s; continue; }
        if (x->type == SQLP_INT) snprintf(p->num[i], sizeof p->num[i], "%lld", x->i);
        else snprintf(p->num[i], sizeof p->num[i], "%.17g", x->d);
        p->v[i] = p->num[i];
    }
}

static long geti(PGresult *r, int c) { return PQgetisnull(r, 0, c) ? 0 : atol(PQgetvalue(r, 0, c)); }
static double getd(PGresult *r, int c) { return PQgetisnull(r, 0, c) ? 0 : atof(PQgetvalue(r, 0, c)); }

static int pg_query(hd_store *s_, const store_filter *f, store_row_fn fn, void *ud, hd_error *err)
{
    pg_store *s = (pg_store *)s_;
    if (flush(s, err) < 0) return -1;
    store_sql q;
    store_sql_init(&q, 1);
    store_sql_select(&q, f);
    params p;
    bind(&q, &p);
    if (!PQsendQueryParams(s->c, q.b.p, q.np, NULL, p.v, NULL, NULL, 0)) {
        store_sql_free(&q);
        return pg_fail(s, err, "query", NULL);
    }
    PQsetSingleRowMode(s->c);
    int ret = 0, stop = 0;
    PGresult *r;
    store_row row;
    while ((r = PQgetResult(s->c)) != NULL) {
        ExecStatusType st = PQresultStatus(r);
        if (st == PGRES_SINGLE_TUPLE && !stop) {
            memset(&row, 0, sizeof row);
            hd_event *e = &row.ev;
            row.mention_id = atoll(PQgetvalue(r, 0, C_ID));
            row.x.event_id = atoll(PQgetvalue(r, 0, C_GROUP));
            e->article = val(r, 0, C_ARTICLE);
            e->sentence = (int)geti(r, C_SENT);
            e->span.start = geti(r, C_SSTART);
            e->span.end = geti(r, C_SEND);
            e->text = val(r, 0, C_STEXT);
            e->date = val(r, 0, C_DATE);
            e->date_precision = val(r, 0, C_DPREC);
            e->source.code = val(r, 0, C_SRC);
            e->source.text = val(r, 0, C_SRCTEXT);
            e->source.span.start = geti(r, C_SRCSTART);
            e->source.span.end = geti(r, C_SRCEND);
            e->source.entry = val(r, 0, C_SRCENTRY);
            const char *tc = val(r, 0, C_TGT);
            if (tc && *tc) {
                e->target.code = tc;
                e->target.text = val(r, 0, C_TGTTEXT);
                e->target.span.start = geti(r, C_TGTSTART);
                e->target.span.end = geti(r, C_TGTEND);
                e->target.entry = val(r, 0, C_TGTENTRY);
            }
            e->code = val(r, 0, C_CODE);
            const char *root = val(r, 0, C_ROOT);
            if (root) snprintf(e->root, sizeof e->root, "%s", root);
            e->plover = val(r, 0, C_PLOVER);
            e->quad = (int)geti(r, C_QUAD);
            e->goldstein = getd(r, C_GOLD);
            e->verb_text = val(r, 0, C_VERB);
            e->verb_span.start = geti(r, C_VSTART);
            e->verb_span.end = geti(r, C_VEND);
            e->pattern = val(r, 0, C_PATTERN);
            e->dict = val(r, 0, C_DICT);
            e->has_place = (int)geti(r, C_HASPLACE);
            if (e->has_place) {
                e->place.name = val(r, 0, C_PNAME);
                e->place.country = val(r, 0, C_PCOUNTRY);
                e->place.admin1 = val(r, 0, C_PADMIN1);
                e->place.lat = getd(r, C_PLAT);
                e->place.lon = getd(r, C_PLON);
                e->place.geonames_id = geti(r, C_PGEO);
                e->place.precision = val(r, 0, C_PPREC);
            }
            row.x.mentions = geti(r, C_NMENT);
            row.x.sources = geti(r, C_NSRC);
            row.x.articles = geti(r, C_NART);
            row.x.url = val(r, 0, C_URL);
            row.x.publisher = val(r, 0, C_PUBLISHER);
            row.x.title = val(r, 0, C_TITLE);
            row.x.added = val(r, 0, C_CODEDAT);
            if (fn(&row, ud)) stop = 1;   /* keep reading: the connection must drain */
        } else if (st != PGRES_SINGLE_TUPLE && st != PGRES_TUPLES_OK && !ret) {
            ret = pg_fail(s, err, "query", r);
        }
        PQclear(r);
    }
    store_sql_free(&q);
    return ret;
}

static int pg_stats(hd_store *s_, int kind, const store_filter *f, long limit, store_count_fn fn, void *ud,
                    hd_error *err)
{
    pg_store *s = (pg_store *)s_;
    if (flush(s, err) < 0) return -1;
    store_sql q;
    store_sql_init(&q, 1);
    if (store_sql_stats(&q, kind, f, limit) < 0) {
        store_sql_free(&q);
        memset(err, 0, sizeof *err);
        snprintf(err->msg, sizeof err->msg, "unknown statistic");
        return -1;
    }
    params p;
    bind(&q, &p);
    PGresult *r = PQexecParams(s->c, q.b.p, q.np, NULL, p.v, NULL, NULL, 0);
    int ret = 0;
    if (PQresultStatus(r) != PGRES_TUPLES_OK) ret = pg_fail(s, err, "stats", r);
    else for (int i = 0; i < PQntuples(r); i++)
        if (fn(PQgetvalue(r, i, 0), atoll(PQgetvalue(r, i, 1)), atoll(PQgetvalue(r, i, 2)), ud)) break;
    PQclear(r);
    store_sql_free(&q);
    return ret;
}

static long long count1(pg_store *s, const char *sql, hd_error *err)
{
    PGresult *r = PQexec(s->c, sql);
    long long v = -1;
    if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1) v = atoll(PQgetvalue(r, 0, 0));
    else pg_fail(s, err, "count", r);
    PQclear(r);
    return v;
}

static long long pg_count(hd_store *s_, const char *sql, hd_error *err)
{
    pg_store *s = (pg_store *)s_;
    if (flush(s, err) < 0) return -1;
    return count1(s, sql, err);
}

static long pg_check_engine(hd_store *s_, store_problem_fn fn, void *ud, hd_error *err)
{
    long long n = pg_count(s_, "SELECT count(*) FROM sentences WHERE tsv IS DISTINCT FROM to_tsvector('simple', text)", err);
    if (n < 0) return -1;
    if (!n) return 0;
    char msg[100];
    snprintf(msg, sizeof msg, "%lld sentences with a stale full-text vector", n);
    fn(msg, ud);
    return 1;
}

/* ---- open / close ---------------------------------------------------------------------- */

static void pg_close(hd_store *s_)
{
    pg_store *s = (pg_store *)s_;
    if (s->base.in_tx && s->c && PQstatus(s->c) == CONNECTION_OK) { hd_error e; pg_rollback(s_, &e); }
    if (s->keep) PQclear(s->keep);
    if (s->c) PQfinish(s->c);
    buf_free(&s->art); buf_free(&s->sent); buf_free(&s->ev);
    strmap_free(&s->ids);
    free(s);
}

static const store_ops PG_OPS = {
    "postgresql", pg_close, pg_begin, pg_commit, pg_rollback, pg_find_article, pg_get_article,
    pg_put_article, pg_delete_article, pg_list_articles, pg_query, pg_stats, pg_count, pg_check_engine,
};

static void quiet(void *arg, const char *msg) { (void)arg; (void)msg; }

hd_store *store_pg_open(const char *url, hd_error *err)
{
    pg_store *s = calloc(1, sizeof *s);
    s->base.ops = &PG_OPS;
    /* the target names the store in messages; keep a password out of them */
    const char *at = strchr(url, '@');
    const char *scheme = strstr(url, "://");
    if (at && scheme) snprintf(s->base.target, sizeof s->base.target, "%.*s%s", (int)(scheme + 3 - url), url, at + 1);
    else snprintf(s->base.target, sizeof s->base.target, "%s", url);
    buf_init(&s->art); buf_init(&s->sent); buf_init(&s->ev);
    strmap_init(&s->ids);
    s->c = PQconnectdb(url);
    if (PQstatus(s->c) != CONNECTION_OK) {
        pg_fail(s, err, "cannot connect", NULL);
        pg_close(&s->base);
        return NULL;
    }
    PQsetNoticeProcessor(s->c, quiet, NULL);
    PQsetClientEncoding(s->c, "UTF8");
    if (exec(s, "SET client_min_messages = warning", "settings", err) < 0 ||
        exec(s, "BEGIN", "begin", err) < 0 || exec(s, SCHEMA, "create the schema", err) < 0 || exec(s, "COMMIT", "commit", err) < 0 ||
        exec(s, STAGE, "staging tables", err) < 0) {
        pg_close(&s->base);
        return NULL;
    }
    long long version = count1(s, "SELECT value::bigint FROM store_meta WHERE key = 'schema'", err);
    if (version == 4) {
        if (exec(s, "BEGIN; UPDATE articles a SET first_event = (SELECT min(id) FROM events e WHERE e.aid = a.aid);"
                    "UPDATE store_meta SET value = '5' WHERE key = 'schema'; COMMIT", "update the store from schema 4", err) < 0) {
            pg_close(&s->base);
            return NULL;
        }
        version = 5;
    }
    if (version != 5) {
        if (version >= 0) {
            memset(err, 0, sizeof *err);
            snprintf(err->msg, sizeof err->msg, "postgresql: the store has schema %lld, this herodot writes schema 5: "
                     "use a new database or schema", version);
        }
        pg_close(&s->base);
        return NULL;
    }
    for (int k = 0; k < P_N; k++) {
        PGresult *r = PQprepare(s->c, PREP[k][0], PREP[k][1], 0, NULL);
        if (PQresultStatus(r) != PGRES_COMMAND_OK) {
            pg_fail(s, err, PREP[k][0], r);
            PQclear(r);
            pg_close(&s->base);
            return NULL;
        }
        PQclear(r);
    }
    return &s->base;
}
