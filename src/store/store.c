/* store.c - what both store backends share: choosing the backend from the target, the
 * filter options and their checks, hashing, dates, place keys, distances, sentence spans. */
#include "store.h"
#include "../text/text.h"
#include "../util/arena.h"
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int store_is_pg(const char *t)
{
    return t && (!strncmp(t, "postgresql://", 13) || !strncmp(t, "postgres://", 11));
}

const char *store_default_target(void)
{
    const char *e = getenv("HERODOT_DB");
    return e && *e ? e : "herodot.db";
}

hd_store *store_open(const char *target, hd_error *err)
{
    if (!target || !*target) target = store_default_target();
    return store_is_pg(target) ? store_pg_open(target, err) : store_sqlite_open(target, err);
}

/* ---- filters --------------------------------------------------------------------------- */

static int ferr(hd_error *err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int ferr(hd_error *err, const char *fmt, ...)
{
    memset(err, 0, sizeof *err);
    va_list ap; va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    return -1;
}

long store_day(const char *s)
{
    if (!s) return 0;
    size_t n = strlen(s);
    for (size_t i = 0; i < n; i++)
        if (!(isdigit((unsigned char)s[i]) || ((i == 4 || i == 7) && s[i] == '-'))) return 0;
    if (n == 10 && s[4] == '-' && s[7] == '-') {
        long y = atol(s), m = atol(s + 5), d = atol(s + 8);
        if (m < 1 || m > 12 || d < 1 || d > 31) return 0;
        return y * 10000 + m * 100 + d;
    }
    if (n == 8 && s[4] != '-') {          /* YYYYMMDD */
        long v = atol(s);
        long m = v / 100 % 100, d = v % 100;
        return (m >= 1 && m <= 12 && d >= 1 && d <= 31) ? v : 0;
    }
    if (n == 7 && s[4] == '-') {
        long y = atol(s), m = atol(s + 5);
        return (m >= 1 && m <= 12) ? y * 10000 + m * 100 + 1 : 0;
    }
    if (n == 4) return atol(s) * 10000 + 101;
    return 0;
}

static int code_ok(const char *s)
{
    if (!s || !*s || strlen(s) > 64) return 0;
    for (; *s; s++) if (!isalnum((unsigned char)*s)) return 0;
    return 1;
}

int store_filter_prepare(store_filter *f, hd_error *err)
{
    f->from_day = f->to_day = 0;
    f->fts[0] = 0;
    if (f->from) {
        f->from_day = store_day(f->from);
        if (!f->from_day) return ferr(err, "--from: '%s' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)", f->from);
    }
    if (f->to) {
        f->to_day = store_day(f->to);
        if (!f->to_day) return ferr(err, "--to: '%s' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)", f->to);
        size_t n = strlen(f->to);
        if (n == 7) f->to_day += 30;              /* the whole month: ...01 -> ...31 */
        else if (n == 4) f->to_day += 1130;       /* the whole year: 0101 -> 1231 */
    }
    const char *codes[4] = { f->actor, f->source, f->target, f->code };
    const char *names[4] = { "--actor", "--source", "--target", "--code" };
    for (int i = 0; i < 4; i++)
        if (codes[i] && !code_ok(codes[i])) return ferr(err, "%s: '%s' is not a code", names[i], codes[i]);
    if (f->country && !code_ok(f->country)) return ferr(err, "--country: '%s' is not a country code", f->country);
    if (f->near) {
        if (!(f->lat >= -90 && f->lat <= 90 && f->lon >= -180 && f->lon <= 180 && f->km > 0))
            return ferr(err, "--near: want LAT,LON,KM with -90<=LAT<=90, -180<=LON<=180, KM>0");
    }
    if (f->text) {
        /* every word, quoted, so FTS5 syntax in the input is just text: "w1" "w2" */
        size_t o = 0;
        const char *p = f->text;
        int words = 0;
        while (*p) {
            while (*p && !(isalnum((unsigned char)*p) || (unsigned char)*p >= 0x80)) p++;
            if (!*p) break;
            const char *w = p;
            while (*p && (isalnum((unsigned char)*p) || (unsigned char)*p >= 0x80)) p++;
            size_t n = (size_t)(p - w);
            if (o + n + 4 >= sizeof f->fts) return ferr(err, "--text: too long");
            if (o) f->fts[o++] = ' ';
            f->fts[o++] = '"';
            memcpy(f->fts + o, w, n); o += n;
            f->fts[o++] = '"';
            words++;
        }
        f->fts[o] = 0;
        if (!words) return ferr(err, "--text: no words to search for");
    }
    if (f->limit < 0) return ferr(err, "--limit must be >= 0");
    return 0;
}

const char store_filter_help[] =
    "filters (all optional; codes are prefixes):\n"
    "  --actor CODE          source or target starts with CODE (USA matches USAGOV)\n"
    "  --source CODE         source starts with CODE\n"
    "  --target CODE         target starts with CODE\n"
    "  --code CODE           event code: a root (19) or a full code (1951)\n"
    "  --from DATE, --to DATE  event date range, inclusive (YYYY-MM-DD, YYYY-MM or YYYY)\n"
    "  --country ISO3        the event's place is in this country\n"
    "  --near LAT,LON,KM     the event's place is within KM km of LAT,LON\n"
    "  --text WORDS          the event's sentence contains all these words (full-text)\n"
    "  --article ID          events of one article\n"
    "  --mentions            one row per mention instead of one per deduplicated event\n"
    "  --limit N             at most N rows\n";

int store_filter_opt(store_filter *f, int argc, char **argv, int *i)
{
    static const char *const names[] = { "--actor", "--source", "--target", "--code", "--from", "--to",
                                         "--country", "--text", "--article", "--near", "--limit" };
    const char *a = argv[*i];
    if (!strcmp(a, "--mentions")) { f->mentions = 1; return 1; }
    for (size_t k = 0; k < sizeof names / sizeof *names; k++) {
        size_t n = strlen(names[k]);
        const char *v = NULL;
        if (!strcmp(a, names[k])) {
            if (*i + 1 >= argc) { fprintf(stderr, "herodot: %s needs a value\n", a); return -1; }
            v = argv[++*i];
        } else if (!strncmp(a, names[k], n) && a[n] == '=') v = a + n + 1;
        else continue;
        switch (k) {
        case 0: f->actor = v; break;
        case 1: f->source = v; break;
        case 2: f->target = v; break;
        case 3: f->code = v; break;
        case 4: f->from = v; break;
        case 5: f->to = v; break;
        case 6: f->country = v; break;
        case 7: f->text = v; break;
        case 8: f->article = v; break;
        case 9: {
            char *e1, *e2, *e3;
            f->lat = strtod(v, &e1);
            if (*e1 != ',') goto bad_near;
            f->lon = strtod(e1 + 1, &e2);
            if (*e2 != ',') goto bad_near;
            f->km = strtod(e2 + 1, &e3);
            if (*e3) goto bad_near;
            f->near = 1;
            break;
        bad_near:
            fprintf(stderr, "herodot: --near wants LAT,LON,KM (e.g. 42.66,21.17,50), not '%s'\n", v);
            return -1;
        }
        case 10: {
            char *e;
            f->limit = strtol(v, &e, 10);
            if (*e || f->limit < 0) { fprintf(stderr, "herodot: --limit wants a number, not '%s'\n", v); return -1; }
            break;
        }
        }
        return 1;
    }
    return 0;
}

/* ---- query ------------------------------------------------------------------------------ */

int store_query(hd_store *s, const store_filter *f, store_row_fn fn, void *ud, hd_error *err)
{
    store_filter g = *f;
    if (store_filter_prepare(&g, err) < 0) return -1;
    return s->ops->query(s, &g, fn, ud, err);
}

/* ---- small helpers ------------------------------------------------------------------------ */

void store_text_hash(const char *text, size_t len, char out[17])
{
    /* FNV-1a 64 folded with the length through a final mix (splitmix64) */
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < len; i++) { h ^= (unsigned char)text[i]; h *= 0x100000001b3ULL; }
    h ^= (uint64_t)len + 0x9e3779b97f4a7c15ULL;
    h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ULL;
    h = (h ^ (h >> 27)) * 0x94d049bb133111ebULL;
    h ^= h >> 31;
    snprintf(out, 17, "%016llx", (unsigned long long)h);
}

void store_now(char out[24])
{
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 24, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

void store_place_key(const hd_event *ev, char *out, size_t n)
{
    if (!ev->has_place) { if (n) out[0] = 0; return; }
    if (ev->place.geonames_id) { snprintf(out, n, "g%ld", ev->place.geonames_id); return; }
    snprintf(out, n, "%s|%s|%s", ev->place.country ? ev->place.country : "",
             ev->place.admin1 ? ev->place.admin1 : "", ev->place.name ? ev->place.name : "");
}

double store_km(double lat1, double lon1, double lat2, double lon2)
{
    const double r = 6371.0088, rad = 3.14159265358979323846 / 180.0;
    double dlat = (lat2 - lat1) * rad, dlon = (lon2 - lon1) * rad;
    double a = sin(dlat / 2) * sin(dlat / 2) + cos(lat1 * rad) * cos(lat2 * rad) * sin(dlon / 2) * sin(dlon / 2);
    return 2 * r * asin(sqrt(a < 1 ? a : 1));
}

void store_prefix_hi(const char *prefix, char *hi, size_t n)
{
    snprintf(hi, n, "%s", prefix);
    size_t l = strlen(hi);
    if (l) hi[l - 1] = (char)(hi[l - 1] + 1);   /* codes are ASCII alphanumerics */
}

int store_sentences(const char *text, size_t len, store_sentence **out)
{
    arena a;
    arena_init(&a, 1 << 16);
    doc_text dt;
    text_split(&a, text, len, &dt);
    store_sentence *s = malloc(sizeof *s * (size_t)(dt.nsent ? dt.nsent : 1));
    for (int i = 0; i < dt.nsent; i++) {
        s[i].idx = i;
        s[i].start = dt.sent[i].c0;
        s[i].end = dt.sent[i].c1;
        s[i].text = text + dt.sent[i].b0;
        s[i].len = dt.sent[i].b1 - dt.sent[i].b0;
    }
    int n = dt.nsent;
    arena_free(&a);
    *out = s;
    return n;
}

void store_ids_add(store_ids *a, long long id)
{
    if (a->n == a->cap) {
        a->cap = a->cap ? a->cap * 2 : 256;
        a->v = realloc(a->v, a->cap * sizeof *a->v);
    }
    a->v[a->n++] = id;
}

static int cmp_ll(const void *x, const void *y)
{
    long long a = *(const long long *)x, b = *(const long long *)y;
    return a < b ? -1 : a > b;
}

void store_ids_sort_unique(store_ids *a)
{
    if (a->n < 2) return;
    qsort(a->v, a->n, sizeof *a->v, cmp_ll);
    size_t o = 1;
    for (size_t i = 1; i < a->n; i++) if (a->v[i] != a->v[o - 1]) a->v[o++] = a->v[i];
    a->n = o;
}

void store_ids_free(store_ids *a) { free(a->v); a->v = NULL; a->n = a->cap = 0; }

/* ---- SQL shared by both backends --------------------------------------------------------- */

void store_sql_init(store_sql *q, int pg)
{
    memset(q, 0, sizeof *q);
    buf_init(&q->b);
    q->pg = pg;
}

void store_sql_free(store_sql *q) { buf_free(&q->b); }

static void sql(store_sql *q, const char *s) { buf_puts(&q->b, s); }

static void ph(store_sql *q)
{
    if (q->pg) buf_printf(&q->b, "$%d", q->np);
    else buf_putc(&q->b, '?');
}

static void p_text(store_sql *q, const char *s)
{
    q->p[q->np].type = SQLP_TEXT; q->p[q->np].s = s; q->np++;
    ph(q);
}

static void p_int(store_sql *q, long long v)
{
    q->p[q->np].type = SQLP_INT; q->p[q->np].i = v; q->np++;
    ph(q);
}

static void p_real(store_sql *q, double v)
{
    q->p[q->np].type = SQLP_REAL; q->p[q->np].d = v; q->np++;
    ph(q);
}

static const char *own(store_sql *q, const char *s)
{
    char *o = q->own[q->nown++];
    snprintf(o, sizeof q->own[0], "%s", s);
    return o;
}

/* col starts with prefix. The codes that do are listed from known_codes (kind 'a' actors, 'e'
 * event codes), so the (code, sqldate) indexes are searched code by code with the date range,
 * rather than read through for every date of every code that matches. */
static void prefix(store_sql *q, const char *col, const char *kind, const char *pre)
{
    char hi[96];
    store_prefix_hi(pre, hi, sizeof hi);
    /* PostgreSQL turns "= ANY (array)" into index scans, "IN (subquery)" into a filter */
    if (q->pg) buf_printf(&q->b, "%s = ANY (ARRAY(SELECT code FROM known_codes WHERE kind = '%s' AND code >= ", col, kind);
    else buf_printf(&q->b, "%s IN (SELECT code FROM known_codes WHERE kind = '%s' AND code >= ", col, kind);
    if (*pre) {
        p_text(q, pre);
        sql(q, " AND code < "); p_text(q, own(q, hi));
    } else sql(q, "''");     /* every code */
    sql(q, q->pg ? "))" : ")");
}

static const char SELECT_COLS[] =
    "SELECT e.id, e.group_id, a.id, e.sentence, s.start, s.\"end\", s.text, e.date, e.date_precision, "
    "e.source_code, e.source_text, e.source_start, e.source_end, e.source_entry, "
    "e.target_code, e.target_text, e.target_start, e.target_end, e.target_entry, "
    "e.code, e.root, e.plover, e.quad, e.goldstein, e.verb_text, e.verb_start, e.verb_end, e.pattern, e.dict, "
    "e.has_place, e.place_name, e.place_country, e.place_admin1, e.place_lat, e.place_lon, e.place_geonames, "
    "e.place_precision, g.num_mentions, g.num_sources, g.num_articles, a.url, a.source, a.title, a.coded_at "
    "FROM events e JOIN event_groups g ON g.id = e.group_id JOIN articles a ON a.aid = e.aid "
    "JOIN sentences s ON s.aid = e.aid AND s.idx = e.sentence";

static void where(store_sql *q, const store_filter *f, int dedup)
{
    sql(q, " WHERE 1=1");
    /* a deduplicated event is represented by its first mention */
    if (dedup) sql(q, " AND e.id = g.rep_id");
    if (f->actor) {
        sql(q, " AND (");
        prefix(q, "e.source_code", "a", f->actor);
        sql(q, " OR ");
        prefix(q, "e.target_code", "a", f->actor);
        sql(q, ")");
    }
    if (f->source) { sql(q, " AND "); prefix(q, "e.source_code", "a", f->source); }
    if (f->target) { sql(q, " AND "); prefix(q, "e.target_code", "a", f->target); }
    if (f->code) { sql(q, " AND "); prefix(q, "e.code", "e", f->code); }
    /* SQLite has no index on the date alone: a date range with no code, actor or place to
     * narrow it reads (code, sqldate) for every event code there is */
    if (!q->pg && (f->from_day || f->to_day) && !f->code && !f->actor && !f->source && !f->target && !f->country
        && !f->article) {
        sql(q, " AND ");
        prefix(q, "e.code", "e", "");
    }
    if (f->from_day) { sql(q, " AND e.sqldate >= "); p_int(q, f->from_day); }
    if (f->to_day) { sql(q, " AND e.sqldate <= "); p_int(q, f->to_day); }
    if (f->country) { sql(q, " AND e.place_country = "); p_text(q, f->country); }
    if (f->near) {
        double dlat = f->km / 111.0 + 0.01;
        sql(q, " AND e.has_place = 1 AND e.place_lat >= "); p_real(q, f->lat - dlat);
        sql(q, " AND e.place_lat <= "); p_real(q, f->lat + dlat);
        sql(q, " AND hd_km(e.place_lat, e.place_lon, "); p_real(q, f->lat);
        sql(q, ", "); p_real(q, f->lon);
        sql(q, ") <= "); p_real(q, f->km);
    }
    if (f->article) { sql(q, " AND a.id = "); p_text(q, f->article); }
    if (f->text) {
        /* the event's own sentence for a mention; any mention's sentence for an event */
        sql(q, dedup ? " AND e.group_id IN (SELECT e2.group_id" : " AND e.id IN (SELECT e2.id");
        if (q->pg) {
            sql(q, " FROM sentences s2 JOIN events e2 ON e2.aid = s2.aid AND e2.sentence = s2.idx"
                   " WHERE s2.tsv @@ plainto_tsquery('simple', ");
            p_text(q, f->text);
            sql(q, "))");
        } else {
            /* an article's events are the ids first_event ... first_event + n_events - 1 */
            sql(q, " FROM sentences_fts JOIN sentences s2 ON s2.sid = sentences_fts.rowid"
                   " JOIN articles a2 ON a2.aid = s2.aid JOIN events e2 ON e2.id >= a2.first_event"
                   " AND e2.id < a2.first_event + a2.n_events AND e2.sentence = s2.idx"
                   " WHERE sentences_fts MATCH ");
            p_text(q, f->fts);
            sql(q, ")");
        }
    }
}

void store_sql_select(store_sql *q, const store_filter *f)
{
    sql(q, SELECT_COLS);
    where(q, f, !f->mentions);
    sql(q, " ORDER BY e.sqldate, e.group_id, e.id");
    if (f->limit) { sql(q, " LIMIT "); p_int(q, f->limit); }
}

int store_sql_stats(store_sql *q, int kind, const store_filter *f, long limit)
{
    static const char *const keys[] = {
        [STAT_ROOT] = "e.root",
        [STAT_PAIR] = "e.source_code || ' ' || CASE WHEN e.target_code = '' THEN '---' ELSE e.target_code END",
        [STAT_DAY] = "e.date",
        [STAT_COUNTRY] = "CASE WHEN e.place_country IS NULL OR e.place_country = '' THEN '-' ELSE e.place_country END",
        [STAT_CODE] = "e.code",
        [STAT_SOURCE] = "e.source_code",
        [STAT_TARGET] = "CASE WHEN e.target_code = '' THEN '---' ELSE e.target_code END",
    };
    if (kind < 0 || kind > STAT_TARGET) return -1;
    buf_printf(&q->b, "SELECT %s AS k, count(*) AS n, sum(g.num_mentions) AS m "
                      "FROM events e JOIN event_groups g ON g.id = e.group_id JOIN articles a ON a.aid = e.aid",
               keys[kind]);
    where(q, f, 1);
    sql(q, kind == STAT_DAY ? " GROUP BY k ORDER BY k" : " GROUP BY k ORDER BY n DESC, k");
    if (limit > 0) { sql(q, " LIMIT "); p_int(q, limit); }
    return 0;
}

/* Consistency checks: each query counts the rows that break one rule. */
const char *const store_checks[][2] = {
    { "events whose article is missing",
      "SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.aid = e.aid)" },
    { "sentences whose article is missing",
      "SELECT count(*) FROM sentences s WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.aid = s.aid)" },
    { "events whose deduplicated event is missing",
      "SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM event_groups g WHERE g.id = e.group_id)" },
    { "events whose sentence is missing",
      "SELECT count(*) FROM events e WHERE NOT EXISTS "
      "(SELECT 1 FROM sentences s WHERE s.aid = e.aid AND s.idx = e.sentence)" },
    { "articles with a partial set of events",
      "SELECT count(*) FROM articles a LEFT JOIN (SELECT aid, count(*) AS n FROM events GROUP BY aid) c "
      "ON c.aid = a.aid WHERE a.n_events <> coalesce(c.n, 0)" },
    { "articles with a partial set of sentences",
      "SELECT count(*) FROM articles a WHERE a.n_sentences <> (SELECT count(*) FROM sentences s WHERE s.aid = a.aid)" },
    { "deduplicated events whose counts disagree with their mentions",
      "SELECT count(*) FROM event_groups g LEFT JOIN (SELECT e.group_id AS gid, count(*) AS n, "
      "count(DISTINCT e.aid) AS na, count(DISTINCT coalesce(a.source, '#' || a.id)) AS ns, min(e.id) AS rep "
      "FROM events e JOIN articles a ON a.aid = e.aid GROUP BY e.group_id) c ON c.gid = g.id "
      "WHERE c.n IS NULL OR c.n <> g.num_mentions OR c.na <> g.num_articles OR c.ns <> g.num_sources "
      "OR g.rep_id IS NULL OR c.rep <> g.rep_id" },
    { "events whose date, actors or code differ from their deduplicated event's",
      "SELECT count(*) FROM events e JOIN event_groups g ON g.id = e.group_id WHERE e.date <> g.date "
      "OR e.source_code <> g.source_code OR e.target_code <> g.target_code OR e.code <> g.code "
      "OR e.place_key <> g.place_key" },
    { "events whose codes are missing from known_codes",
      "SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM known_codes k WHERE k.kind = 'a' "
      "AND k.code = e.source_code) OR (e.target_code <> '' AND NOT EXISTS (SELECT 1 FROM known_codes k "
      "WHERE k.kind = 'a' AND k.code = e.target_code)) OR NOT EXISTS (SELECT 1 FROM known_codes k "
      "WHERE k.kind = 'e' AND k.code = e.code)" },
    { NULL, NULL }
};

int store_totals_get(hd_store *s, store_totals *t, hd_error *err)
{
    if ((t->articles = s->ops->count(s, "SELECT count(*) FROM articles", err)) < 0 ||
        (t->sentences = s->ops->count(s, "SELECT count(*) FROM sentences", err)) < 0 ||
        (t->mentions = s->ops->count(s, "SELECT count(*) FROM events", err)) < 0 ||
        (t->events = s->ops->count(s, "SELECT count(*) FROM event_groups", err)) < 0)
        return -1;
    return 0;
}

long store_check(hd_store *s, store_problem_fn fn, void *ud, hd_error *err)
{
    long problems = s->ops->check_engine(s, fn, ud, err);
    if (problems < 0) return -1;
    char msg[600];
    for (int i = 0; store_checks[i][0]; i++) {
        long long n = s->ops->count(s, store_checks[i][1], err);
        if (n < 0) return -1;
        if (n) { snprintf(msg, sizeof msg, "%lld %s", n, store_checks[i][0]); fn(msg, ud); problems++; }
    }
    return problems;
}

