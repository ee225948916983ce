/* store.h - the event store (private to herodot): articles, their sentences and the events
 * coded from them, with cross-article deduplication, in SQLite (the embedded default) or
 * PostgreSQL (libpq). One schema for both backends; docs/STORE.md describes it.
 *
 * A backend is one small vtable (store_ops). Callers use the store_* wrappers below.
 *
 * Safety: every write happens inside a transaction. put_article replaces an article (its row,
 * its sentences, its events) as one unit; outside begin/commit it runs in a transaction of its
 * own. Deduplication counts (event_groups) are brought up to date before commit, in the same
 * transaction, so a reader never sees counts that disagree with the mentions.
 *
 * All SQL is fixed text with bound parameters (or COPY with escaped data): user input is never
 * pasted into SQL. */
#ifndef HD_STORE_H
#define HD_STORE_H
#include <stddef.h>
#include <stdio.h>
#include "../../include/herodot.h"
#include "../io/formats.h"
#include "../util/buf.h"

typedef struct hd_store hd_store;

/* One article as stored. On put, text_len 0 means strlen(text). */
typedef struct store_article {
    const char *id, *date, *source, *url, *title;
    const char *text;
    size_t text_len;
    const char *text_hash;      /* store_text_hash() of the text */
    const char *language;       /* "en" */
    const char *dict_hash;      /* hd_coder_dict_hash() of the dictionaries that coded it */
    const char *coded_at;       /* UTC, YYYY-MM-DDTHH:MM:SSZ */
    long n_events;              /* filled by find/get */
} store_article;

typedef struct store_sentence {
    int idx;                    /* 0-based, as hd_event.sentence */
    long start, end;            /* code points, as hd_span */
    const char *text;
    size_t len;                 /* bytes */
} store_sentence;

/* Query filters. NULL / 0 fields do not filter. Code filters are prefixes ("USA" matches
 * USAGOV; "19" matches every code of root 19; "1951" only 1951). */
typedef struct store_filter {
    const char *actor;          /* source or target code prefix */
    const char *source, *target;
    const char *code;           /* event code prefix: a root ("19") or a full code */
    const char *from, *to;      /* YYYY[-MM[-DD]], inclusive */
    const char *country;        /* ISO3 of the event's place */
    int near;                   /* lat, lon, km are set */
    double lat, lon, km;
    const char *text;           /* words that must all occur in the event's sentence */
    const char *article;        /* one article id */
    int mentions;               /* 1: one row per mention; 0: one per deduplicated event */
    long limit;                 /* 0: all */
    /* derived by store_filter_prepare(): */
    long from_day, to_day;      /* YYYYMMDD, 0 = open */
    char fts[1024];             /* --text as an FTS5 query ("w1" "w2") */
} store_filter;

/* A query result. Pointers are valid during the callback only. For a deduplicated event the
 * hd_event is its first mention; x holds the event id and the counts over all mentions. */
typedef struct store_row {
    hd_event ev;
    io_extra x;
    long long mention_id;
} store_row;
typedef int (*store_row_fn)(const store_row *r, void *ud);   /* nonzero stops the query */

enum store_stat { STAT_ROOT, STAT_PAIR, STAT_DAY, STAT_COUNTRY, STAT_CODE, STAT_SOURCE, STAT_TARGET };
typedef int (*store_count_fn)(const char *key, long long events, long long mentions, void *ud);

typedef struct store_totals { long long articles, sentences, mentions, events; } store_totals;

typedef int (*store_id_fn)(const char *id, const char *dict_hash, void *ud);
typedef void (*store_problem_fn)(const char *what, void *ud);

typedef struct store_ops {
    const char *name;                                   /* "sqlite" or "postgresql" */
    void (*close)(hd_store *s);
    int (*begin)(hd_store *s, hd_error *err);
    int (*commit)(hd_store *s, hd_error *err);
    int (*rollback)(hd_store *s, hd_error *err);
    /* 1 found (out filled, strings valid until the next call on s), 0 absent, -1 error.
     * out->text is not filled: use get_article. */
    int (*find_article)(hd_store *s, const char *id, store_article *out, hd_error *err);
    /* like find_article but with the text */
    int (*get_article)(hd_store *s, const char *id, store_article *out, hd_error *err);
    /* replace article a.id with this article, its sentences and its events (ev[i].article is
     * ignored: the events belong to a). Give all the article's sentences: the store keeps those
     * that events come from (sent[k].idx == ev[i].sentence) and the article's whole text. */
    int (*put_article)(hd_store *s, const store_article *a, const store_sentence *sent, int ns,
                       const hd_event *ev, int nev, hd_error *err);
    int (*delete_article)(hd_store *s, const char *id, hd_error *err);   /* 1 deleted, 0 absent */
    /* every article id with its dictionary hash, in id order */
    int (*list_articles)(hd_store *s, store_id_fn fn, void *ud, hd_error *err);
    int (*query)(hd_store *s, const store_filter *f, store_row_fn fn, void *ud, hd_error *err);
    /* counts of deduplicated events (and their mentions) by kind, filtered; limit 0 = all */
    int (*stats)(hd_store *s, int kind, const store_filter *f, long limit, store_count_fn fn,
                 void *ud, hd_error *err);
    /* the value of a one-row, one-column SELECT count(*) after pending writes are settled;
     * -1 on error. store_totals_get and store_check are built on it */
    long long (*count)(hd_store *s, const char *sql, hd_error *err);
    /* the engine's own checks (integrity, full-text index): fn once per problem; returns the
     * number of problems, -1 on error */
    long (*check_engine)(hd_store *s, store_problem_fn fn, void *ud, hd_error *err);
} store_ops;

/* counts of articles, stored sentences, mentions and deduplicated events; 0 or -1 */
int store_totals_get(hd_store *s, store_totals *t, hd_error *err);
/* consistency check: the engine's checks, then store_checks; fn once per problem; returns the
 * number of problems, -1 on error */
long store_check(hd_store *s, store_problem_fn fn, void *ud, hd_error *err);

struct hd_store {
    const store_ops *ops;
    char target[1024];
    int in_tx;
};

/* TARGET: a file path (SQLite; created with the schema if absent) or a postgresql:// or
 * postgres:// URL. NULL: $HERODOT_DB, else "herodot.db". */
/* Process-wide settings for the storage engines, for a program that owns its process (the CLI):
 * call once at start, before any thread or store exists. It turns SQLite's memory statistics
 * off, which take a global mutex at every allocation (a tenth of ingest time). */
void store_process_init(void);

hd_store *store_open(const char *target, hd_error *err);
const char *store_default_target(void);
int store_is_pg(const char *target);

hd_store *store_sqlite_open(const char *path, hd_error *err);
hd_store *store_pg_open(const char *url, hd_error *err);

static inline void store_close(hd_store *s) { if (s) s->ops->close(s); }
static inline int store_begin(hd_store *s, hd_error *e) { return s->ops->begin(s, e); }
static inline int store_commit(hd_store *s, hd_error *e) { return s->ops->commit(s, e); }
static inline int store_rollback(hd_store *s, hd_error *e) { return s->ops->rollback(s, e); }
static inline int store_put_article(hd_store *s, const store_article *a, const store_sentence *sent,
                                    int ns, const hd_event *ev, int nev, hd_error *e)
{ return s->ops->put_article(s, a, sent, ns, ev, nev, e); }

/* Checks the filter (store_filter_prepare on a copy) and runs the backend's query. */
int store_query(hd_store *s, const store_filter *f, store_row_fn fn, void *ud, hd_error *err);

/* ---- helpers shared by the backends and the commands ---------------------------------- */

/* Checks and derives the filter's fields (dates, FTS query). -1 with err on a bad value. */
int store_filter_prepare(store_filter *f, hd_error *err);
/* Consumes one filter option at argv[*i] (--actor X, --from D, --near LAT,LON,KM, ...).
 * 1 consumed, 0 not a filter option, -1 bad value (message printed). */
int store_filter_opt(store_filter *f, int argc, char **argv, int *i);
/* the help text for the filter options */
extern const char store_filter_help[];

/* Splits text into sentences as the coder does (same indices and code-point spans). *out is
 * malloc'ed (free it); the texts point into text. Returns the count. */
int store_sentences(const char *text, size_t len, store_sentence **out);
void store_text_hash(const char *text, size_t len, char out[17]);
void store_now(char out[24]);                         /* UTC YYYY-MM-DDTHH:MM:SSZ */
long store_day(const char *date);                     /* YYYY[-MM[-DD]] -> YYYYMMDD, 0 bad */
/* "" when the event has no place; else a key that names the place (GeoNames id, or
 * country|admin1|name) */
void store_place_key(const hd_event *ev, char *out, size_t n);
double store_km(double lat1, double lon1, double lat2, double lon2);   /* great circle */
/* prefix range for code filters: hi = prefix with its last byte raised, for col >= lo AND
 * col < hi (works on indexes, unlike LIKE) */
void store_prefix_hi(const char *prefix, char *hi, size_t n);

/* Query text shared by both backends: fixed SQL fragments with placeholders (? for SQLite,
 * $n for PostgreSQL) and the values to bind, in order. The columns are STORE_COLS below. */
enum { SQLP_TEXT, SQLP_INT, SQLP_REAL };
typedef struct store_param { int type; const char *s; long long i; double d; } store_param;
typedef struct store_sql {
    buf b;
    int pg;
    int np;
    store_param p[40];
    char own[8][96]; int nown;     /* storage for derived text values (prefix bounds) */
} store_sql;
void store_sql_init(store_sql *q, int pg);
void store_sql_free(store_sql *q);
void store_sql_select(store_sql *q, const store_filter *f);      /* rows for query/export */
int store_sql_stats(store_sql *q, int kind, const store_filter *f, long limit);   /* -1 bad kind */
/* { description, SELECT count(*) of the rows that break the rule }, ending with NULLs */
extern const char *const store_checks[][2];
/* column indexes of store_sql_select's rows */
enum {
    C_ID, C_GROUP, C_ARTICLE, C_SENT, C_SSTART, C_SEND, C_STEXT, C_DATE, C_DPREC,
    C_SRC, C_SRCTEXT, C_SRCSTART, C_SRCEND, C_SRCENTRY,
    C_TGT, C_TGTTEXT, C_TGTSTART, C_TGTEND, C_TGTENTRY,
    C_CODE, C_ROOT, C_PLOVER, C_QUAD, C_GOLD, C_VERB, C_VSTART, C_VEND, C_PATTERN, C_DICT,
    C_HASPLACE, C_PNAME, C_PCOUNTRY, C_PADMIN1, C_PLAT, C_PLON, C_PGEO, C_PPREC,
    C_NMENT, C_NSRC, C_NART, C_URL, C_PUBLISHER, C_TITLE, C_CODEDAT, C_NCOLS
};

/* A growable array of group ids (the groups a transaction touched). */
typedef struct store_ids { long long *v; size_t n, cap; } store_ids;
void store_ids_add(store_ids *a, long long id);
void store_ids_sort_unique(store_ids *a);
void store_ids_free(store_ids *a);
#endif
