/* sqlite.c - the SQLite store backend: one file, WAL journal, FTS5 over sentences, prepared
 * statements only.
 *
 * Writes go through BEGIN IMMEDIATE ... COMMIT. With WAL and synchronous=NORMAL a commit is
 * atomic and survives the process being killed at any instant (SIGKILL): SQLite rolls a torn
 * transaction back when the file is next opened. The deduplicated events a transaction touched
 * are recounted just before its COMMIT, inside it. */
#include "store.h"
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

static const char SCHEMA[] =
    "CREATE TABLE IF NOT EXISTS store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
    "INSERT OR IGNORE INTO store_meta VALUES ('schema', '1');"
    "CREATE TABLE IF NOT EXISTS articles ("
    " aid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, date TEXT NOT NULL, source TEXT, url TEXT,"
    " title TEXT, text TEXT NOT NULL, text_hash TEXT NOT NULL, language TEXT NOT NULL,"
    " dict_hash TEXT NOT NULL, coded_at TEXT NOT NULL, n_sentences INTEGER NOT NULL,"
    " n_events INTEGER NOT NULL);"
    "CREATE TABLE IF NOT EXISTS sentences ("
    " sid INTEGER PRIMARY KEY, aid INTEGER NOT NULL, idx INTEGER NOT NULL, start INTEGER NOT NULL,"
    " \"end\" INTEGER NOT NULL, text TEXT NOT NULL, UNIQUE (aid, idx));"
    "CREATE VIRTUAL TABLE IF NOT EXISTS sentences_fts USING fts5(text, content='sentences',"
    " content_rowid='sid', tokenize='unicode61 remove_diacritics 2');"
    "CREATE TRIGGER IF NOT EXISTS sentences_ai AFTER INSERT ON sentences BEGIN"
    " INSERT INTO sentences_fts(rowid, text) VALUES (new.sid, new.text); END;"
    "CREATE TRIGGER IF NOT EXISTS sentences_ad AFTER DELETE ON sentences BEGIN"
    " INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.sid, old.text); END;"
    "CREATE TABLE IF NOT EXISTS event_groups ("
    " id INTEGER PRIMARY KEY, date TEXT NOT NULL, source_code TEXT NOT NULL, target_code TEXT NOT NULL,"
    " code TEXT NOT NULL, place_key TEXT NOT NULL, num_mentions INTEGER NOT NULL DEFAULT 0,"
    " num_sources INTEGER NOT NULL DEFAULT 0, num_articles INTEGER NOT NULL DEFAULT 0, rep_id INTEGER,"
    " UNIQUE (date, source_code, target_code, code, place_key));"
    "CREATE TABLE IF NOT EXISTS events ("
    " id INTEGER PRIMARY KEY, group_id INTEGER NOT NULL, aid INTEGER NOT NULL, sentence INTEGER NOT NULL,"
    " date TEXT NOT NULL, date_precision TEXT NOT NULL, sqldate INTEGER NOT NULL,"
    " source_code TEXT NOT NULL, source_text TEXT, source_start INTEGER, source_end INTEGER, source_entry TEXT,"
    " target_code TEXT NOT NULL, target_text TEXT, target_start INTEGER, target_end INTEGER, target_entry TEXT,"
    " code TEXT NOT NULL, root TEXT NOT NULL, plover TEXT, quad INTEGER NOT NULL, goldstein REAL NOT NULL,"
    " verb_text TEXT, verb_start INTEGER, verb_end INTEGER, pattern TEXT, dict TEXT,"
    " has_place INTEGER NOT NULL, place_key TEXT NOT NULL, place_name TEXT, place_country TEXT,"
    " place_admin1 TEXT, place_lat REAL, place_lon REAL, place_geonames INTEGER, place_precision TEXT);"
    "CREATE INDEX IF NOT EXISTS events_group ON events (group_id, aid);"
    "CREATE INDEX IF NOT EXISTS events_article ON events (aid, sentence);"
    "CREATE INDEX IF NOT EXISTS events_source ON events (source_code, sqldate);"
    "CREATE INDEX IF NOT EXISTS events_target ON events (target_code, sqldate);"
    "CREATE INDEX IF NOT EXISTS events_date ON events (sqldate);"
    "CREATE INDEX IF NOT EXISTS events_code ON events (code, sqldate);"
    "CREATE INDEX IF NOT EXISTS events_country ON events (place_country, sqldate);"
    "CREATE VIEW IF NOT EXISTS event_mentions AS SELECT e.group_id AS event_id, e.id AS mention_id,"
    " a.id AS article, e.sentence AS sentence FROM events e JOIN articles a ON a.aid = e.aid;";

enum {
    S_FIND, S_GET, S_ART_GROUPS, S_DEL_EVENTS, S_DEL_SENTS, S_DEL_ART, S_INS_ART, S_INS_SENT,
    S_FIND_GROUP, S_INS_GROUP, S_INS_EVENT, S_REFRESH, S_DROP_EMPTY, S_LIST, S_BEGIN, S_COMMIT,
    S_ROLLBACK, S_N
};

static const char *const STMT[S_N] = {
    [S_FIND] = "SELECT aid, id, date, source, url, title, text_hash, language, dict_hash, coded_at, n_events "
               "FROM articles WHERE id = ?",
    [S_GET] = "SELECT aid, id, date, source, url, title, text_hash, language, dict_hash, coded_at, n_events, text "
              "FROM articles WHERE id = ?",
    [S_ART_GROUPS] = "SELECT DISTINCT group_id FROM events WHERE aid = ?",
    [S_DEL_EVENTS] = "DELETE FROM events WHERE aid = ?",
    [S_DEL_SENTS] = "DELETE FROM sentences WHERE aid = ?",
    [S_DEL_ART] = "DELETE FROM articles WHERE aid = ?",
    [S_INS_ART] = "INSERT INTO articles (id, date, source, url, title, text, text_hash, language, dict_hash, "
                  "coded_at, n_sentences, n_events) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    [S_INS_SENT] = "INSERT INTO sentences (aid, idx, start, \"end\", text) VALUES (?, ?, ?, ?, ?)",
    [S_FIND_GROUP] = "SELECT id FROM event_groups WHERE date = ? AND source_code = ? AND target_code = ? "
                     "AND code = ? AND place_key = ?",
    [S_INS_GROUP] = "INSERT INTO event_groups (date, source_code, target_code, code, place_key) "
                    "VALUES (?, ?, ?, ?, ?)",
    [S_INS_EVENT] = "INSERT INTO events (group_id, aid, sentence, date, date_precision, sqldate, "
                    "source_code, source_text, source_start, source_end, source_entry, "
                    "target_code, target_text, target_start, target_end, target_entry, "
                    "code, root, plover, quad, goldstein, verb_text, verb_start, verb_end, pattern, dict, "
                    "has_place, place_key, place_name, place_country, place_admin1, place_lat, place_lon, "
                    "place_geonames, place_precision) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                    "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    [S_REFRESH] = "UPDATE event_groups SET "
                  "num_mentions = (SELECT count(*) FROM events WHERE group_id = ?1), "
                  "num_articles = (SELECT count(DISTINCT aid) FROM events WHERE group_id = ?1), "
                  "num_sources = (SELECT count(DISTINCT coalesce(a.source, '#' || a.id)) FROM events e "
                  "JOIN articles a ON a.aid = e.aid WHERE e.group_id = ?1), "
                  "rep_id = (SELECT min(id) FROM events WHERE group_id = ?1) WHERE id = ?1",
    [S_DROP_EMPTY] = "DELETE FROM event_groups WHERE id = ? AND num_mentions = 0",
    [S_LIST] = "SELECT id, dict_hash FROM articles ORDER BY id",
    [S_BEGIN] = "BEGIN IMMEDIATE",
    [S_COMMIT] = "COMMIT",
    [S_ROLLBACK] = "ROLLBACK",
};

typedef struct sq_store {
    hd_store base;
    sqlite3 *db;
    sqlite3_stmt *st[S_N];
    store_ids dirty;          /* groups touched by the open transaction */
    buf keep;                 /* strings handed out by find/get */
} sq_store;

static int sq_fail(sq_store *s, hd_error *err, const char *what)
{
    memset(err, 0, sizeof *err);
    snprintf(err->file, sizeof err->file, "%s", s->base.target);
    snprintf(err->msg, sizeof err->msg, "sqlite: %s: %s", what, s->db ? sqlite3_errmsg(s->db) : "out of memory");
    return -1;
}

static void t(sqlite3_stmt *st, int i, const char *v)
{
    if (v) sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
    else sqlite3_bind_null(st, i);
}

static void tn(sqlite3_stmt *st, int i, const char *v, size_t n)
{
    sqlite3_bind_text64(st, i, v, n, SQLITE_STATIC, SQLITE_UTF8);
}

static sqlite3_stmt *stmt(sq_store *s, int k)
{
    sqlite3_stmt *st = s->st[k];
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return st;
}

static int run(sq_store *s, int k, hd_error *err)
{
    int rc = sqlite3_step(s->st[k]);
    sqlite3_reset(s->st[k]);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) return sq_fail(s, err, STMT[k]);
    return 0;
}

static void hd_km_fn(sqlite3_context *cx, int argc, sqlite3_value **v)
{
    (void)argc;
    for (int i = 0; i < 4; i++) if (sqlite3_value_type(v[i]) == SQLITE_NULL) { sqlite3_result_null(cx); return; }
    sqlite3_result_double(cx, store_km(sqlite3_value_double(v[0]), sqlite3_value_double(v[1]),
                                       sqlite3_value_double(v[2]), sqlite3_value_double(v[3])));
}

/* ---- transactions --------------------------------------------------------------------------- */

static int sq_begin(hd_store *s_, hd_error *err)
{
    sq_store *s = (sq_store *)s_;
    if (s->base.in_tx) return 0;
    stmt(s, S_BEGIN);
    if (run(s, S_BEGIN, err) < 0) return -1;
    s->base.in_tx = 1;
    s->dirty.n = 0;
    return 0;
}

static int sq_rollback(hd_store *s_, hd_error *err)
{
    sq_store *s = (sq_store *)s_;
    s->dirty.n = 0;
    if (!s->base.in_tx) return 0;
    s->base.in_tx = 0;
    for (int k = 0; k < S_N; k++) if (s->st[k]) sqlite3_reset(s->st[k]);
    if (sqlite3_get_autocommit(s->db)) return 0;     /* SQLite already rolled back */
    stmt(s, S_ROLLBACK);
    return run(s, S_ROLLBACK, err);
}

/* recount every deduplicated event the transaction touched; drop those left without mentions */
static int refresh(sq_store *s, hd_error *err)
{
    store_ids_sort_unique(&s->dirty);
    for (size_t i = 0; i < s->dirty.n; i++) {
        sqlite3_stmt *st = stmt(s, S_REFRESH);
        sqlite3_bind_int64(st, 1, s->dirty.v[i]);
        if (run(s, S_REFRESH, err) < 0) return -1;
        st = stmt(s, S_DROP_EMPTY);
        sqlite3_bind_int64(st, 1, s->dirty.v[i]);
        if (run(s, S_DROP_EMPTY, err) < 0) return -1;
    }
    s->dirty.n = 0;
    return 0;
}

static int sq_commit(hd_store *s_, hd_error *err)
{
    sq_store *s = (sq_store *)s_;
    if (!s->base.in_tx) return 0;
    if (refresh(s, err) < 0) { hd_error e2; sq_rollback(s_, &e2); return -1; }
    stmt(s, S_COMMIT);
    if (run(s, S_COMMIT, err) < 0) { hd_error e2; sq_rollback(s_, &e2); return -1; }
    s->base.in_tx = 0;
    return 0;
}

/* ---- articles ---------------------------------------------------------------------------- */

static const char *col(sqlite3_stmt *st, int i) { return (const char *)sqlite3_column_text(st, i); }

/* copy the article columns of S_FIND / S_GET into s->keep and point out at them */
static void keep_article(sq_store *s, sqlite3_stmt *st, store_article *out, int with_text)
{
    int n = with_text ? 12 : 11;
    size_t off[12];
    s->keep.len = 0;
    for (int i = 1; i < n; i++) {
        const char *v = col(st, i);
        if (i == 10) { off[i] = (size_t)-1; continue; }
        if (!v) { off[i] = (size_t)-1; continue; }
        off[i] = s->keep.len;
        buf_add(&s->keep, v, (size_t)sqlite3_column_bytes(st, i));
        buf_putc(&s->keep, 0);
    }
#define K(i) (off[i] == (size_t)-1 ? NULL : s->keep.p + off[i])
    memset(out, 0, sizeof *out);
    out->id = K(1); out->date = K(2); out->source = K(3); out->url = K(4); out->title = K(5);
    out->text_hash = K(6); out->language = K(7); out->dict_hash = K(8); out->coded_at = K(9);
    out->n_events = (long)sqlite3_column_int64(st, 10);
    if (with_text) { out->text = K(11); out->text_len = out->text ? strlen(out->text) : 0; }
#undef K
}

static int find(sq_store *s, int k, const char *id, store_article *out, long long *aid, hd_error *err)
{
    sqlite3_stmt *st = stmt(s, k);
    t(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_DONE) { sqlite3_reset(st); return 0; }
    if (rc != SQLITE_ROW) { sqlite3_reset(st); return sq_fail(s, err, "find article"); }
    if (aid) *aid = sqlite3_column_int64(st, 0);
    if (out) keep_article(s, st, out, k == S_GET);
    sqlite3_reset(st);
    return 1;
}

static int sq_find_article(hd_store *s_, const char *id, store_article *out, hd_error *err)
{
    return find((sq_store *)s_, S_FIND, id, out, NULL, err);
}

static int sq_get_article(hd_store *s_, const char *id, store_article *out, hd_error *err)
{
    return find((sq_store *)s_, S_GET, id, out, NULL, err);
}

/* delete article aid with its sentences and events; its groups become dirty */
static int remove_aid(sq_store *s, long long aid, hd_error *err)
{
    sqlite3_stmt *st = stmt(s, S_ART_GROUPS);
    sqlite3_bind_int64(st, 1, aid);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) store_ids_add(&s->dirty, sqlite3_column_int64(st, 0));
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) return sq_fail(s, err, "article's events");
    static const int del[] = { S_DEL_EVENTS, S_DEL_SENTS, S_DEL_ART };
    for (int i = 0; i < 3; i++) {
        st = stmt(s, del[i]);
        sqlite3_bind_int64(st, 1, aid);
        if (run(s, del[i], err) < 0) return -1;
    }
    return 0;
}

static int put(sq_store *s, const store_article *a, const store_sentence *sent, int ns,
               const hd_event *ev, int nev, hd_error *err)
{
    long long old = 0;
    int f = find(s, S_FIND, a->id, NULL, &old, err);
    if (f < 0) return -1;
    if (f && remove_aid(s, old, err) < 0) return -1;

    sqlite3_stmt *st = stmt(s, S_INS_ART);
    t(st, 1, a->id); t(st, 2, a->date); t(st, 3, a->source); t(st, 4, a->url); t(st, 5, a->title);
    tn(st, 6, a->text, a->text_len ? a->text_len : strlen(a->text));
    t(st, 7, a->text_hash); t(st, 8, a->language ? a->language : "en"); t(st, 9, a->dict_hash);
    t(st, 10, a->coded_at);
    sqlite3_bind_int(st, 11, ns);
    sqlite3_bind_int(st, 12, nev);
    if (run(s, S_INS_ART, err) < 0) return -1;
    long long aid = sqlite3_last_insert_rowid(s->db);

    for (int i = 0; i < ns; i++) {
        st = stmt(s, S_INS_SENT);
        sqlite3_bind_int64(st, 1, aid);
        sqlite3_bind_int(st, 2, sent[i].idx);
        sqlite3_bind_int64(st, 3, sent[i].start);
        sqlite3_bind_int64(st, 4, sent[i].end);
        tn(st, 5, sent[i].text, sent[i].len);
        if (run(s, S_INS_SENT, err) < 0) return -1;
    }

    for (int i = 0; i < nev; i++) {
        const hd_event *e = &ev[i];
        char pk[512];
        store_place_key(e, pk, sizeof pk);
        const char *tgt = e->target.code ? e->target.code : "";
        st = stmt(s, S_FIND_GROUP);
        t(st, 1, e->date); t(st, 2, e->source.code); t(st, 3, tgt); t(st, 4, e->code); t(st, 5, pk);
        long long gid = 0;
        int rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) gid = sqlite3_column_int64(st, 0);
        sqlite3_reset(st);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE) return sq_fail(s, err, "find event");
        if (!gid) {
            st = stmt(s, S_INS_GROUP);
            t(st, 1, e->date); t(st, 2, e->source.code); t(st, 3, tgt); t(st, 4, e->code); t(st, 5, pk);
            if (run(s, S_INS_GROUP, err) < 0) return -1;
            gid = sqlite3_last_insert_rowid(s->db);
        }
        store_ids_add(&s->dirty, gid);

        st = stmt(s, S_INS_EVENT);
        int c = 1;
        sqlite3_bind_int64(st, c++, gid);
        sqlite3_bind_int64(st, c++, aid);
        sqlite3_bind_int(st, c++, e->sentence);
        t(st, c++, e->date);
        t(st, c++, e->date_precision ? e->date_precision : "day");
        sqlite3_bind_int64(st, c++, store_day(e->date));
        t(st, c++, e->source.code); t(st, c++, e->source.text);
        sqlite3_bind_int64(st, c++, e->source.span.start); sqlite3_bind_int64(st, c++, e->source.span.end);
        t(st, c++, e->source.entry);
        t(st, c++, tgt);
        if (e->target.code) {
            t(st, c++, e->target.text);
            sqlite3_bind_int64(st, c++, e->target.span.start); sqlite3_bind_int64(st, c++, e->target.span.end);
            t(st, c++, e->target.entry);
        } else c += 4;
        t(st, c++, e->code); t(st, c++, e->root); t(st, c++, e->plover);
        sqlite3_bind_int(st, c++, e->quad);
        sqlite3_bind_double(st, c++, e->goldstein);
        t(st, c++, e->verb_text);
        sqlite3_bind_int64(st, c++, e->verb_span.start); sqlite3_bind_int64(st, c++, e->verb_span.end);
        t(st, c++, e->pattern); t(st, c++, e->dict);
        sqlite3_bind_int(st, c++, e->has_place ? 1 : 0);
        t(st, c++, pk);
        if (e->has_place) {
            t(st, c++, e->place.name); t(st, c++, e->place.country); t(st, c++, e->place.admin1);
            sqlite3_bind_double(st, c++, e->place.lat); sqlite3_bind_double(st, c++, e->place.lon);
            sqlite3_bind_int64(st, c++, e->place.geonames_id);
            t(st, c++, e->place.precision);
        }
        if (run(s, S_INS_EVENT, err) < 0) return -1;
    }
    return 0;
}

static int sq_put_article(hd_store *s_, const store_article *a, const store_sentence *sent, int ns,
                          const hd_event *ev, int nev, hd_error *err)
{
    sq_store *s = (sq_store *)s_;
    int own = !s->base.in_tx;
    if (own && sq_begin(s_, err) < 0) return -1;
    if (put(s, a, sent, ns, ev, nev, err) < 0) {
        if (own) { hd_error e2; sq_rollback(s_, &e2); }
        return -1;
    }
    return own ? sq_commit(s_, err) : 0;
}

static int sq_delete_article(hd_store *s_, const char *id, hd_error *err)
{
    sq_store *s = (sq_store *)s_;
    int own = !s->base.in_tx;
    if (own && sq_begin(s_, err) < 0) return -1;
    long long aid = 0;
    int f = find(s, S_FIND, id, NULL, &aid, err);
    if (f > 0 && remove_aid(s, aid, err) < 0) f = -1;
    if (f < 0) { if (own) { hd_error e2; sq_rollback(s_, &e2); } return -1; }
    if (own && sq_commit(s_, err) < 0) return -1;
    return f;
}

static int sq_list_articles(hd_store *s_, store_id_fn fn, void *ud, hd_error *err)
{
    sq_store *s = (sq_store *)s_;
    sqlite3_stmt *st = stmt(s, S_LIST);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        if (fn(col(st, 0), col(st, 1), ud)) break;
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return sq_fail(s, err, "list articles");
    return 0;
}

/* ---- queries ------------------------------------------------------------------------------ */

static int prepare_sql(sq_store *s, store_sql *q, sqlite3_stmt **st, hd_error *err)
{
    if (sqlite3_prepare_v2(s->db, q->b.p, (int)q->b.len, st, NULL) != SQLITE_OK) return sq_fail(s, err, "query");
    for (int i = 0; i < q->np; i++) {
        const store_param *p = &q->p[i];
        if (p->type == SQLP_TEXT) t(*st, i + 1, p->s);
        else if (p->type == SQLP_INT) sqlite3_bind_int64(*st, i + 1, p->i);
        else sqlite3_bind_double(*st, i + 1, p->d);
    }
    return 0;
}

static int sq_query(hd_store *s_, const store_filter *f, store_row_fn fn, void *ud, hd_error *err)
{
    sq_store *s = (sq_store *)s_;
    store_sql q;
    store_sql_init(&q, 0);
    store_sql_select(&q, f);
    sqlite3_stmt *st;
    if (prepare_sql(s, &q, &st, err) < 0) { store_sql_free(&q); return -1; }
    int rc;
    store_row r;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        memset(&r, 0, sizeof r);
        hd_event *e = &r.ev;
        r.mention_id = sqlite3_column_int64(st, C_ID);
        r.x.event_id = sqlite3_column_int64(st, C_GROUP);
        e->article = col(st, C_ARTICLE);
        e->sentence = sqlite3_column_int(st, C_SENT);
        e->span.start = (long)sqlite3_column_int64(st, C_SSTART);
        e->span.end = (long)sqlite3_column_int64(st, C_SEND);
        e->text = col(st, C_STEXT);
        e->date = col(st, C_DATE);
        e->date_precision = col(st, C_DPREC);
        e->source.code = col(st, C_SRC);
        e->source.text = col(st, C_SRCTEXT);
        e->source.span.start = (long)sqlite3_column_int64(st, C_SRCSTART);
        e->source.span.end = (long)sqlite3_column_int64(st, C_SRCEND);
        e->source.entry = col(st, C_SRCENTRY);
        const char *tc = col(st, C_TGT);
        if (tc && *tc) {
            e->target.code = tc;
            e->target.text = col(st, C_TGTTEXT);
            e->target.span.start = (long)sqlite3_column_int64(st, C_TGTSTART);
            e->target.span.end = (long)sqlite3_column_int64(st, C_TGTEND);
            e->target.entry = col(st, C_TGTENTRY);
        }
        e->code = col(st, C_CODE);
        const char *root = col(st, C_ROOT);
        if (root) snprintf(e->root, sizeof e->root, "%s", root);
        e->plover = col(st, C_PLOVER);
        e->quad = sqlite3_column_int(st, C_QUAD);
        e->goldstein = sqlite3_column_double(st, C_GOLD);
        e->verb_text = col(st, C_VERB);
        e->verb_span.start = (long)sqlite3_column_int64(st, C_VSTART);
        e->verb_span.end = (long)sqlite3_column_int64(st, C_VEND);
        e->pattern = col(st, C_PATTERN);
        e->dict = col(st, C_DICT);
        e->has_place = sqlite3_column_int(st, C_HASPLACE);
        if (e->has_place) {
            e->place.name = col(st, C_PNAME);
            e->place.country = col(st, C_PCOUNTRY);
            e->place.admin1 = col(st, C_PADMIN1);
            e->place.lat = sqlite3_column_double(st, C_PLAT);
            e->place.lon = sqlite3_column_double(st, C_PLON);
            e->place.geonames_id = (long)sqlite3_column_int64(st, C_PGEO);
            e->place.precision = col(st, C_PPREC);
        }
        r.x.mentions = (long)sqlite3_column_int64(st, C_NMENT);
        r.x.sources = (long)sqlite3_column_int64(st, C_NSRC);
        r.x.articles = (long)sqlite3_column_int64(st, C_NART);
        r.x.url = col(st, C_URL);
        r.x.publisher = col(st, C_PUBLISHER);
        r.x.title = col(st, C_TITLE);
        r.x.added = col(st, C_CODEDAT);
        if (fn(&r, ud)) { rc = SQLITE_DONE; break; }
    }
    int ret = 0;
    if (rc != SQLITE_DONE) ret = sq_fail(s, err, "query");
    sqlite3_finalize(st);
    store_sql_free(&q);
    return ret;
}

static int sq_stats(hd_store *s_, int kind, const store_filter *f, long limit, store_count_fn fn, void *ud,
                    hd_error *err)
{
    sq_store *s = (sq_store *)s_;
    store_sql q;
    store_sql_init(&q, 0);
    if (store_sql_stats(&q, kind, f, limit) < 0) {
        store_sql_free(&q);
        memset(err, 0, sizeof *err);
        snprintf(err->msg, sizeof err->msg, "unknown statistic");
        return -1;
    }
    sqlite3_stmt *st;
    if (prepare_sql(s, &q, &st, err) < 0) { store_sql_free(&q); return -1; }
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        if (fn(col(st, 0), sqlite3_column_int64(st, 1), sqlite3_column_int64(st, 2), ud)) { rc = SQLITE_DONE; break; }
    int ret = rc == SQLITE_DONE ? 0 : sq_fail(s, err, "stats");
    sqlite3_finalize(st);
    store_sql_free(&q);
    return ret;
}

static long long count1(sq_store *s, const char *sql, hd_error *err)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) return sq_fail(s, err, sql);
    long long v = -1;
    if (sqlite3_step(st) == SQLITE_ROW) v = sqlite3_column_int64(st, 0);
    else sq_fail(s, err, sql);
    sqlite3_finalize(st);
    return v;
}

static int sq_totals(hd_store *s_, store_totals *tt, hd_error *err)
{
    sq_store *s = (sq_store *)s_;
    if ((tt->articles = count1(s, "SELECT count(*) FROM articles", err)) < 0) return -1;
    if ((tt->sentences = count1(s, "SELECT count(*) FROM sentences", err)) < 0) return -1;
    if ((tt->mentions = count1(s, "SELECT count(*) FROM events", err)) < 0) return -1;
    if ((tt->events = count1(s, "SELECT count(*) FROM event_groups", err)) < 0) return -1;
    return 0;
}

static long sq_check(hd_store *s_, store_problem_fn fn, void *ud, hd_error *err)
{
    sq_store *s = (sq_store *)s_;
    long problems = 0;
    char msg[600];
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, "PRAGMA integrity_check", -1, &st, NULL) != SQLITE_OK)
        return sq_fail(s, err, "integrity_check");
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *v = col(st, 0);
        if (v && strcmp(v, "ok")) { snprintf(msg, sizeof msg, "integrity_check: %s", v); fn(msg, ud); problems++; }
    }
    sqlite3_finalize(st);
    if (sqlite3_exec(s->db, "INSERT INTO sentences_fts(sentences_fts, rank) VALUES ('integrity-check', 1)",
                     NULL, NULL, NULL) != SQLITE_OK) {
        snprintf(msg, sizeof msg, "full-text index: %s", sqlite3_errmsg(s->db));
        fn(msg, ud); problems++;
    }
    for (int i = 0; store_checks[i][0]; i++) {
        long long n = count1(s, store_checks[i][1], err);
        if (n < 0) return -1;
        if (n) { snprintf(msg, sizeof msg, "%lld %s", n, store_checks[i][0]); fn(msg, ud); problems++; }
    }
    return problems;
}

/* ---- open / close --------------------------------------------------------------------- */

static void sq_close(hd_store *s_)
{
    sq_store *s = (sq_store *)s_;
    if (s->base.in_tx) { hd_error e; sq_rollback(s_, &e); }
    for (int k = 0; k < S_N; k++) sqlite3_finalize(s->st[k]);
    sqlite3_close(s->db);
    store_ids_free(&s->dirty);
    buf_free(&s->keep);
    free(s);
}

static const store_ops SQ_OPS = {
    "sqlite", sq_close, sq_begin, sq_commit, sq_rollback, sq_find_article, sq_get_article,
    sq_put_article, sq_delete_article, sq_list_articles, sq_query, sq_stats, sq_totals, sq_check,
};

hd_store *store_sqlite_open(const char *path, hd_error *err)
{
    sq_store *s = calloc(1, sizeof *s);
    s->base.ops = &SQ_OPS;
    snprintf(s->base.target, sizeof s->base.target, "%s", path);
    buf_init(&s->keep);
    if (sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
        sq_fail(s, err, "open");
        sq_close(&s->base);
        return NULL;
    }
    sqlite3_busy_timeout(s->db, 30000);
    char *emsg = NULL;
    if (sqlite3_exec(s->db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA temp_store=MEMORY;"
                            "PRAGMA cache_size=-65536; PRAGMA foreign_keys=OFF;", NULL, NULL, &emsg) != SQLITE_OK ||
        sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, &emsg) != SQLITE_OK ||
        sqlite3_exec(s->db, SCHEMA, NULL, NULL, &emsg) != SQLITE_OK ||
        sqlite3_exec(s->db, "COMMIT", NULL, NULL, &emsg) != SQLITE_OK) {
        memset(err, 0, sizeof *err);
        snprintf(err->file, sizeof err->file, "%s", path);
        snprintf(err->msg, sizeof err->msg, "sqlite: cannot open the store: %s", emsg ? emsg : "?");
        sqlite3_free(emsg);
        sq_close(&s->base);
        return NULL;
    }
    sqlite3_create_function(s->db, "hd_km", 4, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, hd_km_fn, NULL, NULL);
    for (int k = 0; k < S_N; k++)
        if (sqlite3_prepare_v3(s->db, STMT[k], -1, SQLITE_PREPARE_PERSISTENT, &s->st[k], NULL) != SQLITE_OK) {
            sq_fail(s, err, STMT[k]);
            sq_close(&s->base);
            return NULL;
        }
    return &s->base;
}
