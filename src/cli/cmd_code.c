/* cmd_code.c - `herodot code [FILE...]`: articles in, one event a line out. A rejected
 * article gets one line on stderr (file:line: reason) and the run goes on; the exit status
 * is then 1. */
#include "cli.h"
#include "../io/io.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct out_ctx { buf b; int tsv; FILE *f; } out_ctx;

static int on_event(const hd_event *ev, void *ud)
{
    out_ctx *o = ud;
    if (o->tsv) io_write_tsv(&o->b, ev); else io_write_json(&o->b, ev);
    if (o->b.len > 1 << 16) { fwrite(o->b.p, 1, o->b.len, o->f); buf_clear(&o->b); }
    return 0;
}

static void help(void)
{
    puts("usage: herodot code [--dict DIR] [--date YYYY-MM-DD] [--format json|tsv] [FILE...]\n\n"
         "Reads articles (JSONL: id, date, text; or plain text with --date) from the files or\n"
         "stdin and writes one event a line. Rejected articles are reported on stderr as\n"
         "file:line: reason; the exit status is 1 if any was rejected.");
}

int cmd_code(int argc, char **argv)
{
    cli_common cc = { 0 };
    const char *date = NULL;
    int tsv = 0;
    const char *files[4096]; int nf = 0;
    for (int i = 1; i < argc; i++) {
        if (cli_common_opt(&cc, argc, argv, &i)) continue;
        if (!strcmp(argv[i], "--date") && i + 1 < argc) { date = argv[++i]; continue; }
        if (!strcmp(argv[i], "--format") && i + 1 < argc) {
            const char *f = argv[++i];
            if (!strcmp(f, "tsv")) tsv = 1;
            else if (strcmp(f, "json") && strcmp(f, "jsonl")) { fprintf(stderr, "herodot: unknown format %s\n", f); return 2; }
            continue;
        }
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) { help(); return 0; }
        if (argv[i][0] == '-' && argv[i][1]) { fprintf(stderr, "herodot: unknown option %s\n", argv[i]); return 2; }
        if (nf < 4096) files[nf++] = argv[i];
    }
    if (!nf) files[nf++] = "-";
    hd_coder *c = cli_open_coder(&cc);
    if (!c) return 3;
    out_ctx o = { { 0 }, tsv, stdout };
    buf_init(&o.b);
    int rejected = 0;
    for (int k = 0; k < nf; k++) {
        hd_error err;
        io_reader *r = io_open(files[k], IO_AUTO, date, &err);
        if (!r) { cli_print_error(&err); rejected++; continue; }
        io_article a;
        int st;
        while ((st = io_next(r, &a, &err)) != 0) {
            if (st < 0) { cli_print_error(&err); rejected++; continue; }
            if (hd_code_article(c, &a.a, NULL, on_event, &o, &err) < 0) {
                err.line = a.line;
                snprintf(err.file, sizeof err.file, "%s", files[k]);
                cli_print_error(&err);
                rejected++;
            }
            io_article_free(&a);
        }
        io_close(r);
    }
    fwrite(o.b.p ? o.b.p : "", 1, o.b.len, stdout);
    buf_free(&o.b);
    hd_coder_close(c);
    fflush(stdout);
    if (rejected) fprintf(stderr, "herodot: %d input record%s rejected\n", rejected, rejected == 1 ? "" : "s");
    return rejected ? 1 : 0;
}
