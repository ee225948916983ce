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
    hd_code_options o = { NULL, &ns, sc, NULL };
    if (hd_code_article(w->c, &s->a.a, &o, write_event, &x, &s->err) < 0) s->failed = 1;
    atomic_fetch_add(&w->sentences, ns);
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
    slot *slots = calloc(CHUNK, sizeof *slots);
    {   /* CSV and ICEWS files begin with a header row */
        buf h = {0};
        io_write_header(&h, tsv);
        if (h.len) fwrite(h.p, 1, h.len, stdout);
        buf_free(&h);
    }
    cli_pool *pool = cli_pool_new(c, threads);
    for (int i = 0; i < CHUNK; i++) buf_init(&slots[i].out);
    int rejected = 0, fi = 0;
    long articles = 0, sentences = 0;
    double bytes = 0;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    io_reader *r = NULL;
    for (;;) {
        /* fill a chunk */
        int n = 0;
        while (n < CHUNK) {
            if (!r) {
                if (fi >= nf) break;
                hd_error err;
                r = io_open(files[fi], IO_AUTO, date, &err);
                if (!r) { cli_print_error(&err); rejected++; fi++; continue; }
            }
            slot *s = &slots[n];
            s->failed = 0; buf_clear(&s->out); s->file = files[fi];
            int st = io_next(r, &s->a, &s->err);
            if (st == 0) { io_close(r); r = NULL; fi++; continue; }
            s->state = st;
            n++;
        }
        if (n == 0) break;
        work w = { c, slots, n, tsv, 0 };
        cli_pool_run(pool, n, code_one, &w);
        sentences += atomic_load(&w.sentences);
        for (int i = 0; i < n; i++) if (slots[i].state == 1) { articles++; bytes += (double)slots[i].a.a.text_len; }
        for (int i = 0; i < n; i++) {
            slot *s = &slots[i];
            if (s->state < 0) { cli_print_error(&s->err); rejected++; continue; }
            if (s->failed) {
                s->err.line = s->a.line;
                snprintf(s->err.file, sizeof s->err.file, "%s", s->file);
                cli_print_error(&s->err);
                rejected++;
            } else if (s->out.len) fwrite(s->out.p, 1, s->out.len, stdout);
            io_article_free(&s->a);
        }
    }
    for (int i = 0; i < CHUNK; i++) buf_free(&slots[i].out);
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
    return rejected ? 1 : 0;
}
