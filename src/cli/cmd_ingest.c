/* cmd_ingest.c - `herodot ingest [--db TARGET] FILE...`: code articles and keep them, their
 * sentences and their events in the store.
 *
 * Articles are read in chunks; those already stored with the same text, metadata and
 * dictionaries are skipped, the others are coded by --threads workers and written in input
 * order, --batch articles per transaction. A transaction replaces each of its articles whole,
 * so a run killed at any moment leaves every article either as it was or fully replaced, and
 * running the same command again finishes the work: nothing lost, nothing twice. */
#include "cli.h"
#include "../io/io.h"
#include "../store/store.h"
#include "../util/arena.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

enum { CHUNK = 256 };

typedef struct slot {
    io_article a;
    int state;                /* 1 read ok, -1 read error */
    int todo;                 /* 1 code and store, 0 skip (unchanged) */
    int replace;              /* an older version is stored */
    int failed;
    hd_error err;
    const char *file;
    arena ar;                 /* the copied events */
    hd_event *ev; int nev, cap;
    store_sentence *sent; int ns;
    char hash[17];
    char lang[8];             /* ISO 639-1, as cld2 finds it ("un": unknown) */
} slot;

typedef struct work {
    const hd_coder *c;
    slot *s; int n;
    int any_language;
} work;

static const char *adup(arena *a, const char *s) { return s ? arena_strdup(a, s) : NULL; }

static void copy_actor(arena *a, hd_actor *d, const hd_actor *s)
{
    *d = *s;
    d->code = adup(a, s->code); d->text = adup(a, s->text); d->entry = adup(a, s->entry);
}

/* hd_code_article's events live only during the callback: keep a copy */
static int keep_event(const hd_event *ev, void *ud)
{
    slot *s = ud;
    if (s->nev == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 16;
        s->ev = realloc(s->ev, (size_t)s->cap * sizeof *s->ev);
    }
    arena *a = &s->ar;
    hd_event *d = &s->ev[s->nev++];
    *d = *ev;
    d->article = adup(a, ev->article); d->text = adup(a, ev->text); d->date = adup(a, ev->date);
    d->date_precision = adup(a, ev->date_precision);
    copy_actor(a, &d->source, &ev->source);
    copy_actor(a, &d->target, &ev->target);
    d->code = adup(a, ev->code); d->plover = adup(a, ev->plover); d->verb_text = adup(a, ev->verb_text);
    d->pattern = adup(a, ev->pattern); d->dict = adup(a, ev->dict);
    d->place.name = adup(a, ev->place.name); d->place.country = adup(a, ev->place.country);
    d->place.admin1 = adup(a, ev->place.admin1); d->place.precision = adup(a, ev->place.precision);
    return 0;
}

static void code_one(int i, hd_scratch *sc, void *ud)
{
    work *w = ud;
    slot *s = &w->s[i];
    if (s->state != 1 || !s->todo) return;
    hd_code_options o = { NULL, NULL, sc, NULL, w->any_language, s->lang, NULL };
    if (hd_code_article(w->c, &s->a.a, &o, keep_event, s, &s->err) < 0) { s->failed = 1; return; }
    s->ns = store_sentences(s->a.a.text, s->a.a.text_len, &s->sent);
}

/* ---- progress on a terminal -------------------------------------------------------------- */

typedef struct progress {
    int on;
    double total_lines, done_lines;      /* lines of the files already finished */
    struct timespec t0, last;
} progress;

static double secs_since(const struct timespec *t)
{
    struct timespec n;
    clock_gettime(CLOCK_MONOTONIC, &n);
    return (double)(n.tv_sec - t->tv_sec) + (double)(n.tv_nsec - t->tv_nsec) / 1e9;
}

static double count_lines(const char *path)
{
    if (!strcmp(path, "-")) return 0;
    FILE *f = fopen(path, "rb");
    if (!f) return 0;
    char b[1 << 16];
    size_t n;
    double lines = 0;
    int last = '\n';
    while ((n = fread(b, 1, sizeof b, f)) > 0) {
        for (size_t i = 0; i < n; i++) if (b[i] == '\n') lines++;
        last = b[n - 1];
    }
    fclose(f);
    return lines + (last != '\n');
}

static void show(progress *p, double line, long articles, long events, int final)
{
    if (!p->on) return;
    if (!final && secs_since(&p->last) < 0.1) return;
    clock_gettime(CLOCK_MONOTONIC, &p->last);
    double el = secs_since(&p->t0);
    if (final) { fputs("\r\033[K", stderr); return; }
    double frac = p->total_lines > 0 ? (p->done_lines + line) / p->total_lines : 0;
    if (frac > 1) frac = 1;
    char bar[31];
    int fill = (int)(frac * 30);
    for (int i = 0; i < 30; i++) bar[i] = i < fill ? '#' : '.';
    bar[30] = 0;
    fprintf(stderr, "\r\033[K%3.0f%% [%s] %ld articles, %ld events, %.0f articles/s", frac * 100, bar, articles,
            events, el > 0 ? (double)articles / el : 0);
    fflush(stderr);
}

/* ---- the run: read, classify, code, store ------------------------------------------------ */

typedef struct ingest_run {
    hd_store *st;
    const char *dict_hash;
    int force; long batch; int verbose;
    cli_feed src;
    progress *pg;
    double cur_line;
    long rejected, added, replaced, unchanged, events, in_tx;
    int failed;
} ingest_run;

static int same(const char *a, const char *b) { return !strcmp(a ? a : "", b ? b : ""); }

/* a file read to its end: the progress bar counts its lines as done */
static void file_done(const char *file, void *ud)
{
    ingest_run *R = ud;
    if (R->pg->on) { R->pg->done_lines += count_lines(file); R->cur_line = 0; }
}

/* read up to CHUNK records; one that cannot be read keeps its place, for its error */
static int fill(ingest_run *R, slot *slots)
{
    int n = 0;
    while (n < CHUNK && !R->failed) {
        slot *s = &slots[n];
        s->failed = 0; s->todo = 0; s->replace = 0; s->nev = 0;
        int st = cli_feed_next(&R->src, &s->a, &s->err, &s->file);
        if (!st) break;
        s->state = st;
        n++;
    }
    return n;
}

/* which articles need coding: those not stored yet, or stored from another text, other
 * metadata or other dictionaries (or all with --force). Returns -1 when the store fails. */
static int classify(ingest_run *R, slot *slots, int n)
{
    hd_error err;
    for (int i = 0; i < n; i++) {
        slot *s = &slots[i];
        if (s->state != 1) continue;
        store_text_hash(s->a.a.text, s->a.a.text_len, s->hash);
        store_article old;
        int f = R->st->ops->find_article(R->st, s->a.a.id, &old, &err);
        if (f < 0) { cli_print_error(&err); R->failed = 1; return -1; }
        s->replace = f;
        s->todo = R->force || !f || strcmp(old.text_hash, s->hash) || strcmp(old.dict_hash, R->dict_hash) ||
                  !same(old.date, s->a.a.date) || !same(old.source, s->a.a.source) ||
                  !same(old.title, s->a.a.title) || !same(old.url, s->a.a.url);
    }
    return 0;
}

/* free what a chunk's slots hold */
static void release(slot *slots, int n)
{
    for (int i = 0; i < n; i++) {
        slot *s = &slots[i];
        if (s->state == 1) io_article_free(&s->a);
        s->state = 0;
        free(s->sent); s->sent = NULL; s->ns = 0;
        arena_reset(&s->ar);
    }
}

/* store a coded chunk in input order, committing every --batch articles */
static void drain(ingest_run *R, slot *slots, int n)
{
    hd_error err;
    char now[24];
    store_now(now);
    for (int i = 0; i < n && !R->failed; i++) {
        slot *s = &slots[i];
        if (s->state < 0) { cli_print_error(&s->err); R->rejected++; continue; }
        if (s->failed) {
            s->err.line = s->a.line;
            snprintf(s->err.file, sizeof s->err.file, "%s", s->file);
            cli_print_error(&s->err);
            R->rejected++;
        } else if (!s->todo) R->unchanged++;
        else {
            store_article a = { s->a.a.id, s->a.a.date, s->a.a.source, s->a.a.url, s->a.a.title,
                                s->a.a.text, s->a.a.text_len, s->hash, s->lang, R->dict_hash, now, 0 };
            if ((!R->in_tx && store_begin(R->st, &err) < 0) ||
                store_put_article(R->st, &a, s->sent, s->ns, s->ev, s->nev, &err) < 0) {
                cli_print_error(&err);
                R->failed = 1;
            } else {
                R->in_tx++;
                if (s->replace) R->replaced++; else R->added++;
                R->events += s->nev;
                if (R->in_tx >= R->batch) {
                    if (store_commit(R->st, &err) < 0) { cli_print_error(&err); R->failed = 1; }
                    else if (R->verbose) fprintf(stderr, "ingest: committed %ld articles (%ld so far)\n", R->in_tx,
                                                 R->added + R->replaced);
                    R->in_tx = 0;
                }
            }
        }
        R->cur_line = (double)s->a.line;
        show(R->pg, R->cur_line, R->added + R->replaced + R->unchanged, R->events, 0);
    }
    release(slots, n);
}

static void help(void)
{
    puts("usage: herodot ingest [--db TARGET] [--dict DIR] [--date YYYY-MM-DD] [--batch N] [--threads N]\n"
         "                      [--force] [--no-progress] [-v] FILE...\n\n"
         "Codes the articles (JSONL or plain text; stdin if no FILE) and stores them, their\n"
         "sentences and their events. TARGET is a SQLite file (default $HERODOT_DB, else herodot.db)\n"
         "or a postgresql:// URL. An article already stored under the same id is replaced whole;\n"
         "one stored with the same text, metadata and dictionaries is skipped (--force: recode it).\n"
         "--batch N articles are written per transaction (default 10000); -v reports each commit on\n"
         "stderr. Safe to kill at any moment and run again.");
}

int cmd_ingest(int argc, char **argv)
{
    cli_common cc = { 0 };
    const char *db = NULL, *date = NULL;
    int threads = 1, force = 0, want_progress = 1, verbose = 0;
    long batch = 10000;
    const char **files = calloc((size_t)argc + 1, sizeof *files);
    int nf = 0;
    for (int i = 1; i < argc; i++) {
        if (cli_common_opt(&cc, argc, argv, &i)) continue;
        if (!strcmp(argv[i], "--db") && i + 1 < argc) { db = argv[++i]; continue; }
        if (!strcmp(argv[i], "--date") && i + 1 < argc) { date = argv[++i]; continue; }
        if (!strcmp(argv[i], "--batch") && i + 1 < argc) { batch = atol(argv[++i]); if (batch < 1) batch = 1; continue; }
        if (!strcmp(argv[i], "--threads") && i + 1 < argc) {
            threads = cli_threads(argv[++i]);
            continue;
        }
        if (!strcmp(argv[i], "--force")) { force = 1; continue; }
        if (!strcmp(argv[i], "--no-progress")) { want_progress = 0; continue; }
        if (!strcmp(argv[i], "-v") || !strcmp(argv[i], "--verbose")) { verbose = 1; continue; }
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) { help(); free(files); return 0; }
        if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "herodot: unknown option %s\n", argv[i]);
            free(files);
            return 2;
        }
        files[nf++] = argv[i];
    }
    if (!nf) files[nf++] = "-";
    hd_coder *c = cli_open_coder(&cc);
    if (!c) { free(files); return 3; }
    hd_error err;
    hd_store *st = store_open(db, &err);
    if (!st) { cli_print_error(&err); hd_coder_close(c); free(files); return 3; }
    const char *dict_hash = hd_coder_dict_hash(c);

    progress pg = { 0 };
    pg.on = want_progress && isatty(2);
    clock_gettime(CLOCK_MONOTONIC, &pg.t0);
    if (pg.on) for (int k = 0; k < nf; k++) pg.total_lines += count_lines(files[k]);

    slot *slots = calloc(2 * CHUNK, sizeof *slots);
    for (int i = 0; i < 2 * CHUNK; i++) arena_init(&slots[i].ar, 1 << 14);
    cli_pool *pool = cli_pool_new(c, threads);
    ingest_run R = { st, dict_hash, force, batch, verbose, { files, nf, 0, date, NULL, file_done, NULL }, &pg,
                     0, 0, 0, 0, 0, 0, 0, 0 };
    R.src.ud = &R;
    /* two chunks in turn: while the threads code one, this thread stores the one before and
     * reads the one after (the store is only ever used from this thread) */
    slot *ch[2] = { slots, slots + CHUNK };
    int n[2] = { 0, 0 }, k = 0;
    work w[2] = { { c, ch[0], 0, cc.any_language }, { c, ch[1], 0, cc.any_language } };
    n[0] = fill(&R, ch[0]);
    if (n[0] && classify(&R, ch[0], n[0]) == 0) { w[0].n = n[0]; cli_pool_start(pool, n[0], code_one, &w[0]); }
    while (n[k] && !R.failed) {
        n[1 - k] = fill(&R, ch[1 - k]);
        cli_pool_wait(pool);
        if (n[1 - k] && classify(&R, ch[1 - k], n[1 - k]) == 0) {
            w[1 - k].n = n[1 - k];
            cli_pool_start(pool, n[1 - k], code_one, &w[1 - k]);
        }
        drain(&R, ch[k], n[k]);
        k = 1 - k;
    }
    cli_pool_wait(pool);
    for (int j = 0; j < 2; j++) release(ch[j], n[j]);   /* what a failure left unstored */
    /* the last, partial batch */
    if (!R.failed && R.in_tx) {
        if (store_commit(st, &err) < 0) { cli_print_error(&err); R.failed = 1; }
        else if (verbose) fprintf(stderr, "ingest: committed %ld articles (%ld so far)\n", R.in_tx, R.added + R.replaced);
        R.in_tx = 0;
    }
    cli_feed_close(&R.src);
    int failed = R.failed;
    long rejected = R.rejected, added = R.added, replaced = R.replaced, unchanged = R.unchanged, events = R.events;
    if (failed) { hd_error e2; store_rollback(st, &e2); }
    show(&pg, 0, 0, 0, 1);
    double el = secs_since(&pg.t0);
    for (int i = 0; i < 2 * CHUNK; i++) { free(slots[i].ev); arena_free(&slots[i].ar); }
    cli_pool_free(pool);
    free(slots);
    free(files);
    if (!failed)
        printf("ingest: %ld articles stored (%ld new, %ld replaced), %ld unchanged, %ld events, %ld rejected, "
               "%.2f s\n", added + replaced, added, replaced, unchanged, events, rejected, el);
    store_close(st);
    hd_coder_close(c);
    if (failed) return 3;
    if (rejected) fprintf(stderr, "herodot: %ld input record%s rejected\n", rejected, rejected == 1 ? "" : "s");
    return rejected ? 1 : 0;
}
