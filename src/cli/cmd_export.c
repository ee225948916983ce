/* cmd_export.c - `herodot export --format gdelt2|icews|phoenix|csv|jsonl`: the stored events
 * (one row per deduplicated event, or per mention with --mentions) in a dataset format, to
 * stdout or -o FILE. Takes the same filters as `herodot query`. */
#include "cli.h"
#include "../io/formats.h"
#include "../store/store.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct ex { int fmt; buf b; FILE *f; long rows; const hd_coder *c; int werr; } ex;

static int on_row(const store_row *r, void *ud)
{
    ex *x = ud;
    io_extra e = r->x;
    if (x->c && r->ev.code) e.event_name = hd_cameo_name(x->c, r->ev.code);
    io_write_event(&x->b, x->fmt, &r->ev, &e);
    x->rows++;
    if (x->b.len > 1 << 16) {
        if (fwrite(x->b.p, 1, x->b.len, x->f) != x->b.len) { x->werr = 1; return 1; }
        buf_clear(&x->b);
    }
    return 0;
}

static void help(void)
{
    printf("usage: herodot export [--db TARGET] --format gdelt2|icews|phoenix|csv|jsonl|tsv [-o FILE]\n"
           "                      [--dict DIR] [filters]\n\n"
           "Writes the stored events in a dataset format: gdelt2 (GDELT 2.0 event table, 61 columns),\n"
           "icews (20 columns with a header; event names from the dictionaries' CAMEO table),\n"
           "phoenix (26 columns), csv (herodot's columns with a header) or jsonl (default).\n"
           "One row per deduplicated event, with NumMentions/NumSources/NumArticles.\n\n%s",
           store_filter_help);
}

int cmd_export(int argc, char **argv)
{
    store_filter f = { 0 };
    cli_common cc = { 0 };
    const char *db = NULL, *format = "jsonl", *path = NULL;
    for (int i = 1; i < argc; i++) {
        int k = store_filter_opt(&f, argc, argv, &i);
        if (k < 0) return 2;
        if (k) continue;
        if (cli_common_opt(&cc, argc, argv, &i)) continue;
        if (!strcmp(argv[i], "--db") && i + 1 < argc) { db = argv[++i]; continue; }
        if (!strcmp(argv[i], "--format") && i + 1 < argc) { format = argv[++i]; continue; }
        if ((!strcmp(argv[i], "-o") || !strcmp(argv[i], "--output")) && i + 1 < argc) { path = argv[++i]; continue; }
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) { help(); return 0; }
        fprintf(stderr, "herodot: unknown option %s\n", argv[i]);
        return 2;
    }
    ex x = { 0 };
    x.fmt = io_out_parse(format);
    if (x.fmt < 0) { fprintf(stderr, "herodot: unknown format %s\n", format); return 2; }
    hd_error err;
    store_filter chk = f;
    if (store_filter_prepare(&chk, &err) < 0) { cli_print_error(&err); return 2; }
    hd_coder *coder = NULL;
    if (x.fmt == IO_OUT_ICEWS) {          /* event names; codes stand in if there are no dictionaries */
        cc.quiet = 1;
        hd_open_options o = { cc.dict_dir ? cc.dict_dir : cli_default_data(), NULL, NULL, NULL, NULL, NULL };
        coder = hd_coder_open(&o, &err);
        x.c = coder;
    }
    hd_store *st = store_open(db, &err);
    if (!st) { cli_print_error(&err); hd_coder_close(coder); return 3; }
    x.f = path ? fopen(path, "wb") : stdout;
    if (!x.f) { fprintf(stderr, "herodot: %s: cannot write\n", path); store_close(st); hd_coder_close(coder); return 3; }
    buf_init(&x.b);
    io_write_header(&x.b, x.fmt);
    int rc = store_query(st, &f, on_row, &x, &err);
    if (rc < 0) cli_print_error(&err);
    if (x.b.len && fwrite(x.b.p, 1, x.b.len, x.f) != x.b.len) x.werr = 1;
    if (fflush(x.f) != 0) x.werr = 1;
    if (path && fclose(x.f) != 0) x.werr = 1;
    if (x.werr) fprintf(stderr, "herodot: %s: write failed\n", path ? path : "stdout");
    buf_free(&x.b);
    store_close(st);
    hd_coder_close(coder);
    if (path && rc == 0 && !x.werr) fprintf(stderr, "herodot: %ld events written to %s\n", x.rows, path);
    return rc < 0 || x.werr ? 3 : 0;
}
