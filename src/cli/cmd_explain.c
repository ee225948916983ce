/* cmd_explain.c - `herodot explain "SENTENCE"`: codes one sentence (or a file's article with
 * --file) with the trace on, so a user can see tokens and lemmas, the actors and the
 * dictionary lines that coded them, every verb and pattern tried, and the events. */
#include "cli.h"
#include "../io/io.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int on_event(const hd_event *ev, void *ud)
{
    buf *b = ud;
    io_write_json(b, ev);
    return 0;
}

int cmd_explain(int argc, char **argv)
{
    cli_common cc = { 0 };
    const char *date = "2024-01-01", *text = NULL;
    for (int i = 1; i < argc; i++) {
        if (cli_common_opt(&cc, argc, argv, &i)) continue;
        if (!strcmp(argv[i], "--date") && i + 1 < argc) { date = argv[++i]; continue; }
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            puts("usage: herodot explain [--dict DIR] [--date YYYY-MM-DD] \"SENTENCE...\"");
            return 0;
        }
        text = argv[i];
    }
    if (!text) { fputs("usage: herodot explain [--date D] \"SENTENCE\"\n", stderr); return 2; }
    hd_coder *c = cli_open_coder(&cc);
    if (!c) return 3;
    hd_article a = { "explain", date, text, strlen(text), NULL, NULL, NULL };
    hd_code_options opt = { stdout, NULL, NULL, NULL, 1, NULL, NULL };
    buf b; buf_init(&b);
    hd_error err;
    printf("dictionaries: %s (hash %s)\n", cc.dict_dir ? cc.dict_dir : cli_default_data(), hd_coder_dict_hash(c));
    int n = hd_code_article(c, &a, &opt, on_event, &b, &err);
    if (n < 0) { cli_print_error(&err); buf_free(&b); hd_coder_close(c); return 1; }
    printf("\nevents: %d\n%s", n, b.p ? b.p : "");
    buf_free(&b);
    hd_coder_close(c);
    return 0;
}
