/* cmd_code.c - `herodot code [FILE...]`: articles in, one event a line out.
 * Articles are read in chunks; a chunk is coded by --threads workers (the coder is immutable
 * and shared), each article into its own buffer, and the buffers are written in input order,
 * so the output is byte-identical at any thread count. A rejected article gets one line on
 * stderr (file:line: reason) in its place in the order, and the run goes on; the exit status
 * is then 1. */
#include "cli.h"
#include "../io/io.h"
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { CHUNK = 512 };

typedef struct slot {
    io_article a;
    int state;          /* 1 read ok, -1 read error */
    hd_error err;
    int failed;         /* coding rejected the article */
    buf out;
    const char *file;
} slot;

typedef struct work {
    const hd_coder *c;
    slot *s; int n;
    int tsv;
    int any_language;
    atomic_long sentences;
} work;

typedef struct ev_ctx { buf *b; int fmt; const hd_coder *c; const hd_article *a; } ev_ctx;

/* The article's metadata and the code's name go to the formats that have columns for them. */
static int write_event(const hd_event *ev, void *ud)
{
    ev_ctx *x = ud;
    io_extra e = { 0 };
    e.url = x->a->url; e.publisher = x->a->source; e.title = x->a->title;
    if (x->fmt == IO_OUT_ICEWS || x->fmt == IO_OUT_TABARI)   /* the formats that print it */
        e.event_name = hd_cameo_name(x->c, ev->code);
    io_write_event(x->b, x->fmt, ev, &e);
    return 0;
}

static void code_one(int i, hd_scratch *sc, void *ud)
{
    work *w = ud;
    slot *s = &w->s[i];
    if (s->state != 1) return;
    ev_ctx x = { &s->out, w->tsv, w->c, &s->a.a };
    long ns = 0;
    hd_code_options o = { NULL, &ns, sc, NULL, w->any_language, NULL, NULL };
    if (hd_code_article(w->c, &s->a.a, &o, write_event, &x, &s->err) < 0) s->failed = 1;
    atomic_fetch_add(&w->sentences, ns);
}

/* the input side: the files, counts for --stats and the exit status */
typedef struct feed {
    cli_feed src;
    int rejected;
    long articles;
    long coded, with_events;   /* articles coded, and those that gave at least one event */
    double bytes;
} feed;

typedef struct chunk { slot *s; int n; } chunk;

/* read up to CHUNK records; one that cannot be read keeps its place, for its error */
static int fill(feed *in, chunk *ch)
{
    int n = 0;
    while (n < CHUNK) {
        slot *s = &ch->s[n];
        s->failed = 0; buf_clear(&s->out);
        int st = cli_feed_next(&in->src, &s->a, &s->err, &s->file);
        if (!st) break;
        s->state = st;
        n++;
    }
    return n;
}

/* write a coded chunk in input order: events to stdout, rejections to stderr */
static void drain(feed *in, chunk *ch)
{
    for (int i = 0; i < ch->n; i++) {
        slot *s = &ch->s[i];
        if (s->state < 0) { cli_print_error(&s->err); in->rejected++; io_article_free(&s->a); continue; }
        in->articles++;
        in->bytes += (double)s->a.a.text_len;
        if (s->failed) {
            s->err.line = s->a.line;
            snprintf(s->err.file, sizeof s->err.file, "%s", s->file);
            cli_print_error(&s->err);
            in->rejected++;
        } else {
            in->coded++;
            if (s->out.len) { fwrite(s->out.p, 1, s->out.len, stdout); in->with_events++; }
        }
        io_article_free(&s->a);
    }
}

static void help(void)
{
    puts("usage: herodot code [--dict DIR] [--date YYYY-MM-DD] [--format json|tsv|csv|tabari|petrarch|gdelt2|icews|phoenix] [--threads N] [FILE...]\n\n"
         "Reads articles (JSONL: id, date, text; or plain text with --date) from the files or\n"
         "stdin and writes one event a line, in input order whatever the thread count.\n"
         "Rejected articles are reported on stderr as file:line: reason; the exit status is 1\n"
         "if any was rejected.");
}

int cmd_code(int argc, char **argv)
{
    cli_common cc = { 0 };
    const char *date = NULL;
    int tsv = 0, threads = 1, stats = 0;
    const char **files = calloc((size_t)argc + 1, sizeof *files);
    int nf = 0;
    for (int i = 1; i < argc; i++) {
        if (cli_common_opt(&cc, argc, argv, &i)) continue;
        if (!strcmp(argv[i], "--date") && i + 1 < argc) { date = argv[++i]; continue; }
        if (!strcmp(argv[i], "--stats")) { stats = 1; continue; }
        if (!strcmp(argv[i], "--threads") && i + 1 < argc) {
            threads = cli_threads(argv[++i]);
            continue;
        }
        if (!strcmp(argv[i], "--format") && i + 1 < argc) {
            const char *f = argv[++i];
            if ((tsv = io_out_parse(f)) < 0) {
                fprintf(stderr, "herodot: unknown format %s\n", f);
                free(files);
                return 2;
            }
            continue;
        }
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
    slot *slots = calloc(2 * CHUNK, sizeof *slots);
    {   /* CSV and ICEWS files begin with a header row */
        buf h = {0};
        io_write_header(&h, tsv);
        if (h.len) fwrite(h.p, 1, h.len, stdout);
        buf_free(&h);
    }
    cli_pool *pool = cli_pool_new(c, threads);
    for (int i = 0; i < 2 * CHUNK; i++) buf_init(&slots[i].out);
    chunk ch[2] = { { slots, 0 }, { slots + CHUNK, 0 } };
    feed in = { { files, nf, 0, date, NULL, NULL, NULL }, 0, 0, 0, 0, 0 };
    long sentences = 0;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    /* two chunks in turn: while the threads code one, this thread writes the one before and
     * reads the one after (with --threads 1 the coding happens inside start) */
    work w[2] = { { c, ch[0].s, 0, tsv, cc.any_language, 0 }, { c, ch[1].s, 0, tsv, cc.any_language, 0 } };
    int k = 0;
    ch[0].n = fill(&in, &ch[0]);
    if (ch[0].n) { w[0].n = ch[0].n; cli_pool_start(pool, ch[0].n, code_one, &w[0]); }
    while (ch[k].n) {
        ch[1 - k].n = fill(&in, &ch[1 - k]);
        cli_pool_wait(pool);
        sentences += atomic_load(&w[k].sentences);
        if (ch[1 - k].n) {
            w[1 - k].n = ch[1 - k].n;
            atomic_store(&w[1 - k].sentences, 0);
            cli_pool_start(pool, ch[1 - k].n, code_one, &w[1 - k]);
        }
        drain(&in, &ch[k]);
        k = 1 - k;
    }
    cli_feed_close(&in.src);
    int rejected = in.rejected;
    long articles = in.articles;
    double bytes = in.bytes;
    for (int i = 0; i < 2 * CHUNK; i++) buf_free(&slots[i].out);
    cli_pool_free(pool);
    free(slots);
    free(files);
    hd_coder_close(c);
    fflush(stdout);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (stats) {
        double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
        fprintf(stderr, "stats: articles %ld sentences %ld bytes %.0f seconds %.3f sentences/s %.0f MB/s %.2f threads %d\n",
                articles, sentences, bytes, secs, secs > 0 ? (double)sentences / secs : 0,
                secs > 0 ? bytes / 1048576.0 / secs : 0, threads);
    }
    if (rejected) fprintf(stderr, "herodot: %d input record%s rejected\n", rejected, rejected == 1 ? "" : "s");
    /* an empty result is said, not left to be guessed (unless -q) */
    if (in.coded && !in.with_events && !cc.quiet)
        fprintf(stderr, "herodot: %ld article%s (%ld sentence%s) coded, no events: no sentence named an actor "
                "and matched a verb pattern of the dictionaries (%s); 'herodot explain' shows why for one\n",
                in.coded, in.coded == 1 ? "" : "s", sentences, sentences == 1 ? "" : "s",
                cc.dict_dir ? cc.dict_dir : cli_default_data());
    return rejected ? 1 : 0;
}
