/* store_bench.c - how fast the event store takes and gives back events (issue 5).
 *
 * Writes N synthetic events (default 1,000,000) through the store's own put_article path,
 * in articles of --per-article events and --sentences sentences, --batch articles per
 * transaction, into a fresh SQLite file and, when a PostgreSQL URL is given (--pg or
 * $HERODOT_PG_URL), into that database too. Then reopens the store and times queries over it: the
 * issue's actor + date-range query, and a few others for context. Prints one table.
 *
 *   build/release/store_bench [--events N] [--sqlite PATH] [--pg URL] [--keep]
 *
 * Only the time spent in the store (begin, put_article, commit) counts, not making up the
 * articles. The synthetic events look like coded ones: ~60 countries with roles, 40 CAMEO codes, ten
 * years of dates, a third with a place; events repeat across articles so deduplication works. */
#include "../src/store/store.h"
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static const char *const COUNTRIES[] = {
    "USA", "RUS", "CHN", "UKR", "GBR", "FRA", "DEU", "ISR", "PSE", "IRN", "IRQ", "SYR", "TUR", "SAU", "EGY",
    "IND", "PAK", "AFG", "JPN", "KOR", "PRK", "BRA", "MEX", "COL", "VEN", "NGA", "ETH", "SDN", "SOM", "KEN",
    "ZAF", "COD", "MLI", "LBY", "YEM", "LBN", "JOR", "QAT", "ARE", "POL", "SRB", "KSV", "BIH", "HUN", "ITA",
    "ESP", "GRC", "ARM", "AZE", "GEO", "BLR", "KAZ", "IDN", "PHL", "MMR", "THA", "VNM", "AUS", "CAN", "CUB",
};
static const char *const ROLES[] = { "", "GOV", "MIL", "COP", "OPP", "REB", "GOV", "", "CVL", "JUD" };
static const char *const CODES[] = {
    "010", "012", "013", "020", "036", "040", "042", "043", "046", "051", "057", "061", "071", "081", "090",
    "111", "112", "120", "128", "130", "138", "141", "145", "160", "163", "172", "173", "180", "181", "182",
    "190", "193", "194", "195", "1951", "200", "1711", "084", "0841", "1041",
};
static const struct { const char *name, *cc; double lat, lon; long id; } CITIES[] = {
    { "Kyiv", "UKR", 50.45, 30.52, 703448 }, { "Gaza", "PSE", 31.50, 34.47, 281133 },
    { "Damascus", "SYR", 33.51, 36.29, 170654 }, { "Baghdad", "IRQ", 33.34, 44.40, 98182 },
    { "Kabul", "AFG", 34.53, 69.17, 1138958 }, { "Moscow", "RUS", 55.75, 37.62, 524901 },
    { "Washington", "USA", 38.90, -77.04, 4140963 }, { "Beijing", "CHN", 39.91, 116.40, 1816670 },
    { "Khartoum", "SDN", 15.55, 32.53, 379252 }, { "Mogadishu", "SOM", 2.04, 45.34, 53654 },
    { "Belgrade", "SRB", 44.80, 20.47, 792680 }, { "Pristina", "KSV", 42.67, 21.17, 786714 },
    { "Tripoli", "LBY", 32.89, 13.19, 2210247 }, { "Sanaa", "YEM", 15.35, 44.21, 71137 },
    { "Caracas", "VEN", 10.49, -66.88, 3646738 }, { "Bamako", "MLI", 12.65, -8.00, 2460596 },
};

static unsigned long long rng = 88172645463325252ULL;
static unsigned long long next(void) { rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; return rng; }
static int pick(int n) { return (int)(next() % (unsigned long long)n); }

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

typedef struct cfg { long events; int per_article, sentences, batch; } cfg;

typedef struct actor_pool { char code[400][16]; int n; } actor_pool;

static void make_pool(actor_pool *p)
{
    p->n = 0;
    for (size_t c = 0; c < sizeof COUNTRIES / sizeof *COUNTRIES; c++)
        for (int r = 0; r < 6 && p->n < 400; r++)
            snprintf(p->code[p->n++], 16, "%s%s", COUNTRIES[c], ROLES[(c + (size_t)r) % 10]);
}

/* a day of 2015-2024 as YYYY-MM-DD (28-day months keep it simple) */
static void day(char *out, int k)
{
    int y = 2015 + k / 336, m = 1 + (k % 336) / 28, d = 1 + k % 28;
    snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
}

typedef struct result { double secs, wall, evps, artps; long events, articles; int ok; char err[600]; } result;

static result load(hd_store *s, const cfg *c)
{
    result res = { 0 };
    actor_pool pool;
    make_pool(&pool);
    rng = 88172645463325252ULL;
    long narts = (c->events + c->per_article - 1) / c->per_article;
    hd_event *ev = calloc((size_t)c->per_article, sizeof *ev);
    store_sentence *sent = calloc((size_t)c->sentences, sizeof *sent);
    char (*dates)[11] = calloc((size_t)c->per_article, 11);
    char text[8192], id[32], hash[17], adate[11];
    hd_error err;
    double t0 = now(), spent = 0;
    const int progress = isatty(2);
    long done = 0, in_tx = 0;
    for (long a = 0; a < narts; a++) {
        /* a news feed runs forward in time: the article's day follows its number, with jitter */
        int k = (int)((double)a * 3360 / (double)narts) + pick(5) - 2;
        if (k < 0) k = 0;
        if (k > 3359) k = 3359;
        day(adate, k);
        /* the text: --sentences sentences of about 120 bytes */
        size_t o = 0;
        for (int i = 0; i < c->sentences; i++) {
            size_t start = o;
            o += (size_t)snprintf(text + o, sizeof text - o,
                                  "Officials from %s said on day %d that talks with %s would resume after the "
                                  "incident number %ld. ", pool.code[pick(pool.n)], k, pool.code[pick(pool.n)], a);
            sent[i].idx = i; sent[i].start = (long)start; sent[i].end = (long)o - 1;
            sent[i].text = text + start; sent[i].len = o - 1 - start;
        }
        int nev = (int)(c->events - done < c->per_article ? c->events - done : c->per_article);
        for (int i = 0; i < nev; i++) {
            hd_event *e = &ev[i];
            memset(e, 0, sizeof *e);
            /* events cluster around the article's date; repeats across articles dedup */
            day(dates[i], k - pick(3) < 0 ? 0 : k - pick(3));
            e->sentence = pick(c->sentences);
            e->span.start = sent[e->sentence].start; e->span.end = sent[e->sentence].end;
            e->text = sent[e->sentence].text;
            e->date = dates[i]; e->date_precision = "day";
            /* half the mentions go to the 24 most reported actors, as in the news */
            int sa = pick(2) ? pick(24) : pick(pool.n), ta = pick(2) ? pick(24) : pick(pool.n);
            e->source.code = pool.code[sa]; e->source.text = "Officials"; e->source.span = (hd_span){ 0, 9 };
            e->source.entry = "actors.txt:1";
            if (pick(10)) {
                e->target.code = pool.code[ta]; e->target.text = "the other side"; e->target.span = (hd_span){ 40, 54 };
                e->target.entry = "actors.txt:2";
            }
            e->code = CODES[pick((int)(sizeof CODES / sizeof *CODES))];
            e->root[0] = e->code[0]; e->root[1] = e->code[1]; e->root[2] = 0;
            e->plover = "CONSULT"; e->quad = 1 + pick(4); e->goldstein = -5.0 + pick(100) / 10.0;
            e->verb_text = "said"; e->verb_span = (hd_span){ 20, 24 };
            e->pattern = "verbs.txt:100"; e->dict = "bench";
            if (pick(3) == 0) {
                int ci = pick((int)(sizeof CITIES / sizeof *CITIES));
                e->has_place = 1;
                e->place.name = CITIES[ci].name; e->place.country = CITIES[ci].cc; e->place.admin1 = "";
                e->place.lat = CITIES[ci].lat; e->place.lon = CITIES[ci].lon; e->place.geonames_id = CITIES[ci].id;
                e->place.precision = "city";
            }
        }
        snprintf(id, sizeof id, "bench-%08ld", a);
        store_text_hash(text, o, hash);
        store_article art = { id, adate, a % 7 ? "Wire" : "Post", NULL, NULL, text, o, hash, "en", "bench",
                              "2024-01-01T00:00:00Z", 0 };
        /* only the store's work is timed, not making up the articles */
        double t1 = now();
        if (!in_tx && store_begin(s, &err) < 0) goto fail;
        if (store_put_article(s, &art, sent, c->sentences, ev, nev, &err) < 0) goto fail;
        done += nev;
        if (++in_tx >= c->batch) { if (store_commit(s, &err) < 0) goto fail; in_tx = 0; }
        spent += now() - t1;
        if (a % 20000 == 19999 && progress)   /* a progress line on a terminal only */
            fprintf(stderr, "\r  %s: %ld events, %.0f events/s   ", s->ops->name, done, (double)done / spent);
    }
    double t1 = now();
    if (in_tx && store_commit(s, &err) < 0) goto fail;
    spent += now() - t1;
    res.secs = spent;
    res.wall = now() - t0;
    if (progress) fprintf(stderr, "\r\033[K");
    res.events = done;
    res.articles = narts;
    res.evps = (double)done / res.secs;
    res.artps = (double)narts / res.secs;
    res.ok = 1;
    free(ev); free(sent); free(dates);
    return res;
fail:
    snprintf(res.err, sizeof res.err, "%s", err.msg);
    free(ev); free(sent); free(dates);
    return res;
}

static int count_row(const store_row *r, void *ud) { (void)r; (*(long *)ud)++; return 0; }

typedef struct qres { double med, max; long rows; } qres;

static int cmp_d(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static qres timeq(hd_store *s, const store_filter *f, int reps)
{
    qres q = { 0 };
    double t[32];
    hd_error err;
    for (int i = 0; i < reps; i++) {
        long n = 0;
        double t0 = now();
        if (store_query(s, f, count_row, &n, &err) < 0) { fprintf(stderr, "query: %s\n", err.msg); q.rows = -1; return q; }
        t[i] = now() - t0;
        q.rows = n;
    }
    qsort(t, (size_t)reps, sizeof *t, cmp_d);
    q.med = t[reps / 2] * 1000;
    q.max = t[reps - 1] * 1000;
    return q;
}

int main(int argc, char **argv)
{
    store_process_init();
    cfg c = { 1000000, 6, 8, 10000 };    /* the dev set's shape: 6 events and 8.5 sentences an article */
    const char *sqlite_path = "/tmp/herodot-store-bench.db";
    const char *pg = getenv("HERODOT_PG_URL");
    int keep = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--events") && i + 1 < argc) c.events = atol(argv[++i]);
        else if (!strcmp(argv[i], "--per-article") && i + 1 < argc) c.per_article = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--sentences") && i + 1 < argc) c.sentences = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--batch") && i + 1 < argc) c.batch = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--sqlite") && i + 1 < argc) sqlite_path = argv[++i];
        else if (!strcmp(argv[i], "--pg") && i + 1 < argc) pg = argv[++i];
        else if (!strcmp(argv[i], "--no-pg")) pg = NULL;
        else if (!strcmp(argv[i], "--keep")) keep = 1;
        else {
            fprintf(stderr, "usage: store_bench [--events N] [--per-article N] [--sentences N] [--batch N]\n"
                            "                   [--sqlite PATH] [--pg URL | --no-pg] [--keep]\n");
            return 2;
        }
    }
    if (c.per_article < 1 || c.sentences < 1 || c.sentences > 40 || c.batch < 1 || c.events < 1) {
        fprintf(stderr, "store_bench: bad sizes\n");
        return 2;
    }
    /* the query: one actor (as source or target) over a quarter; and some others */
    store_filter fq[5];
    const char *qname[5] = { "actor USA + 3-month range", "actor USAGOV + 1 year", "source RUS, code 19, 2022",
                             "country UKR + 1 month", "near Kyiv 50 km, 2020" };
    memset(fq, 0, sizeof fq);
    fq[0].actor = "USA"; fq[0].from = "2020-01-01"; fq[0].to = "2020-03-31";
    fq[1].actor = "USAGOV"; fq[1].from = "2019-01-01"; fq[1].to = "2019-12-31";
    fq[2].source = "RUS"; fq[2].code = "19"; fq[2].from = "2022"; fq[2].to = "2022";
    fq[3].country = "UKR"; fq[3].from = "2021-06"; fq[3].to = "2021-06";
    fq[4].near = 1; fq[4].lat = 50.45; fq[4].lon = 30.52; fq[4].km = 50; fq[4].from = "2020"; fq[4].to = "2020";

    const char *targets[2] = { sqlite_path, pg && *pg ? pg : NULL };
    printf("store benchmark: %ld synthetic events, %d per article, %d sentences per article, %d articles per "
           "transaction\n\n", c.events, c.per_article, c.sentences, c.batch);
    printf("%-11s %12s %12s %10s   %-28s %9s %9s %7s\n", "backend", "events/s", "articles/s", "load s", "query",
           "median ms", "max ms", "rows");
    int status = 0;
    for (int b = 0; b < 2; b++) {
        if (!targets[b]) {
            printf("%-11s %12s   (set HERODOT_PG_URL or --pg URL)\n", "postgresql", "skipped");
            continue;
        }
        hd_error err;
        if (b == 0) {
            char p[1100];
            const char *ext[] = { "", "-wal", "-shm" };
            for (int i = 0; i < 3; i++) { snprintf(p, sizeof p, "%s%s", sqlite_path, ext[i]); unlink(p); }
        }
        hd_store *s = store_open(targets[b], &err);
        if (!s) { printf("%-11s cannot open: %s\n", b ? "postgresql" : "sqlite", err.msg); status = 1; continue; }
        store_totals t0;
        if (store_totals_get(s, &t0, &err) < 0 || t0.articles) {
            printf("%-11s the store is not empty (%lld articles): give an empty database\n", s->ops->name, t0.articles);
            store_close(s);
            status = 1;
            continue;
        }
        result r = load(s, &c);
        if (!r.ok) { printf("%-11s load failed: %s\n", s->ops->name, r.err); store_close(s); status = 1; continue; }
        /* queries come from another process, as 'herodot query' does after 'herodot ingest':
         * close the store (SQLite checkpoints its WAL into the file) and open it again */
        store_close(s);
        s = store_open(targets[b], &err);
        if (!s) { printf("%-11s cannot reopen: %s\n", b ? "postgresql" : "sqlite", err.msg); status = 1; continue; }
        if (b == 1) {   /* PostgreSQL plans from statistics: gather them now, as autovacuum soon would */
            PGconn *pc = PQconnectdb(targets[b]);
            PQclear(PQexec(pc, "ANALYZE"));
            PQfinish(pc);
        }
        for (int k = 0; k < 5; k++) {
            qres q = timeq(s, &fq[k], 7);
            if (k == 0)
                printf("%-11s %12.0f %12.0f %10.1f   %-28s %9.1f %9.1f %7ld\n", s->ops->name, r.evps, r.artps, r.secs,
                       qname[k], q.med, q.max, q.rows);
            else
                printf("%-11s %12s %12s %10s   %-28s %9.1f %9.1f %7ld\n", "", "", "", "", qname[k], q.med, q.max, q.rows);
        }
        store_totals t;
        if (store_totals_get(s, &t, &err) == 0)
            printf("%-11s %lld articles, %lld sentences, %lld mentions, %lld deduplicated events\n", "",
                   t.articles, t.sentences, t.mentions, t.events);
        store_close(s);
        if (b == 0 && !keep) {
            char p[1100];
            const char *ext[] = { "", "-wal", "-shm" };
            for (int i = 0; i < 3; i++) { snprintf(p, sizeof p, "%s%s", sqlite_path, ext[i]); unlink(p); }
        }
    }
    return status;
}
