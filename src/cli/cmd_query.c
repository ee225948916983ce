/* cmd_query.c - `herodot query`: events from the store that match the filters, as an aligned
 * table on a terminal, JSONL or CSV (or any export format) otherwise. By default one row per
 * deduplicated event, with its mention, source and article counts; --mentions gives every
 * mention. */
#include "cli.h"
#include "../io/formats.h"
#include "../store/store.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

enum { NCOL = 10 };
static const char *const HEAD[NCOL] = { "EVENT", "DATE", "SOURCE", "TARGET", "CODE", "MENTIONS", "ARTICLES",
                                        "PLACE", "ARTICLE", "SENTENCE" };

typedef struct table { char **cell; size_t n, cap; } table;

static void cell(table *t, const char *s)
{
    if (t->n == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 256;
        t->cell = realloc(t->cell, t->cap * sizeof *t->cell);
    }
    t->cell[t->n++] = strdup(s ? s : "");
}

typedef struct out { int fmt; int table; table t; buf b; FILE *f; long rows; } out;

static int on_row(const store_row *r, void *ud)
{
    out *o = ud;
    o->rows++;
    if (!o->table) {
        io_write_event(&o->b, o->fmt, &r->ev, &r->x);
        if (o->b.len > 1 << 16) { fwrite(o->b.p, 1, o->b.len, o->f); buf_clear(&o->b); }
        return 0;
    }
    char num[64];
    snprintf(num, sizeof num, "%lld", r->x.event_id); cell(&o->t, num);
    cell(&o->t, r->ev.date);
    cell(&o->t, r->ev.source.code);
    cell(&o->t, r->ev.target.code ? r->ev.target.code : "---");
    cell(&o->t, r->ev.code);
    snprintf(num, sizeof num, "%ld", r->x.mentions); cell(&o->t, num);
    snprintf(num, sizeof num, "%ld", r->x.articles); cell(&o->t, num);
    if (r->ev.has_place) {
        char pl[256];
        snprintf(pl, sizeof pl, "%s%s%s", r->ev.place.name ? r->ev.place.name : "",
                 r->ev.place.country ? " " : "", r->ev.place.country ? r->ev.place.country : "");
        cell(&o->t, pl);
    } else cell(&o->t, "");
    char art[512];
    snprintf(art, sizeof art, "%s:%d", r->ev.article, r->ev.sentence);
    cell(&o->t, art);
    cell(&o->t, r->ev.text);
    return 0;
}

/* display width of UTF-8 text: code points (good enough for a terminal table) */
static size_t width(const char *s)
{
    size_t w = 0;
    for (; *s; s++) if (((unsigned char)*s & 0xC0) != 0x80) w++;
    return w;
}

static void print_cell(const char *s, size_t w, size_t max, int last)
{
    size_t cw = 0;
    const char *p = s;
    for (; *p; p++) {
        if (((unsigned char)*p & 0xC0) != 0x80) {
            if (cw == max) break;
            cw++;
        }
        putchar(*p == '\n' || *p == '\t' ? ' ' : *p);
    }
    if (!last) for (size_t i = cw; i < w + 2; i++) putchar(' ');
}

static void print_table(table *t)
{
    size_t rows = t->n / NCOL, w[NCOL];
    for (int c = 0; c < NCOL; c++) w[c] = strlen(HEAD[c]);
    for (size_t r = 0; r < rows; r++)
        for (int c = 0; c < NCOL - 1; c++) {
            size_t x = width(t->cell[r * NCOL + c]);
            if (x > w[c]) w[c] = x;
        }
    struct winsize ws;
    size_t cols = 120;
    if (ioctl(1, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) cols = ws.ws_col;
    size_t used = 0;
    for (int c = 0; c < NCOL - 1; c++) used += w[c] + 2;
    size_t last = cols > used + 10 ? cols - used : 10;
    for (int c = 0; c < NCOL; c++) print_cell(HEAD[c], w[c], c == NCOL - 1 ? last : w[c], c == NCOL - 1);
    putchar('\n');
    for (size_t r = 0; r < rows; r++) {
        for (int c = 0; c < NCOL; c++)
            print_cell(t->cell[r * NCOL + c], w[c], c == NCOL - 1 ? last : w[c], c == NCOL - 1);
        putchar('\n');
    }
    for (size_t i = 0; i < t->n; i++) free(t->cell[i]);
    free(t->cell);
}

static void help(void)
{
    printf("usage: herodot query [--db TARGET] [--format table|jsonl|csv|tsv|gdelt2|icews|phoenix] [filters]\n\n"
           "Prints the stored events that match every filter, oldest first: an aligned table on a\n"
           "terminal, JSONL otherwise (or --format). TARGET: a SQLite file (default $HERODOT_DB, else\n"
           "herodot.db) or a postgresql:// URL.\n\n%s", store_filter_help);
}

int cmd_query(int argc, char **argv)
{
    store_filter f = { 0 };
    const char *db = NULL, *format = NULL;
    for (int i = 1; i < argc; i++) {
        int k = store_filter_opt(&f, argc, argv, &i);
        if (k < 0) return 2;
        if (k) continue;
        if (!strcmp(argv[i], "--db") && i + 1 < argc) { db = argv[++i]; continue; }
        if (!strcmp(argv[i], "--format") && i + 1 < argc) { format = argv[++i]; continue; }
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) { help(); return 0; }
        fprintf(stderr, "herodot: unknown option %s\n", argv[i]);
        return 2;
    }
    out o = { 0 };
    o.f = stdout;
    if (format && !strcmp(format, "table")) o.table = 1;
    else if (format) {
        o.fmt = io_out_parse(format);
        if (o.fmt < 0) { fprintf(stderr, "herodot: unknown format %s\n", format); return 2; }
    } else if (isatty(1)) o.table = 1;
    else o.fmt = IO_OUT_JSONL;
    hd_error err;
    store_filter chk = f;
    if (store_filter_prepare(&chk, &err) < 0) { cli_print_error(&err); return 2; }
    hd_store *st = store_open(db, &err);
    if (!st) { cli_print_error(&err); return 3; }
    buf_init(&o.b);
    if (!o.table) io_write_header(&o.b, o.fmt);
    int rc = store_query(st, &f, on_row, &o, &err);
    if (rc < 0) cli_print_error(&err);
    if (o.table) print_table(&o.t);
    else fwrite(o.b.p ? o.b.p : "", 1, o.b.len, stdout);
    buf_free(&o.b);
    store_close(st);
    fflush(stdout);
    return rc < 0 ? 3 : 0;
}
