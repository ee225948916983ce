/* cmd_dict.c - `herodot dict check|stats [DIR]`: loads a dictionary set and reports every
 * problem with file:line (check) or the counts by kind (stats). */
#include "cli.h"
#include "../io/io.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void lint_diag(const hd_error *e, void *ud)
{
    (void)ud;
    fprintf(stderr, "herodot: %s:%ld: %s\n", e->file, e->line, e->msg);
}

/* `herodot dict discover FILES`: the to-do list of a dictionary maintainer */
static int discover(int argc, char **argv)
{
    cli_common cc = { 0 };
    int top = 40;
    const char *date = NULL;
    const char **files = calloc((size_t)argc + 1, sizeof *files);
    int nf = 0;
    for (int i = 2; i < argc; i++) {
        if (cli_common_opt(&cc, argc, argv, &i)) continue;
        if (!strcmp(argv[i], "--top") && i + 1 < argc) { top = atoi(argv[++i]); continue; }
        if (!strcmp(argv[i], "--date") && i + 1 < argc) { date = argv[++i]; continue; }
        files[nf++] = argv[i];
    }
    if (!nf) files[nf++] = "-";
    cc.quiet = 1;
    cc.no_places = 1;
    hd_coder *c = cli_open_coder(&cc);
    if (!c) { free(files); return 3; }
    hd_discovery *dv = hd_discovery_new();
    hd_scratch *sc = hd_scratch_new(c);
    hd_code_options o = { NULL, NULL, sc, dv, 0, NULL, NULL };
    int bad = 0;
    cli_feed in = { files, nf, 0, date, NULL, NULL, NULL };
    io_article a;
    hd_error err;
    const char *file;
    int st;
    while ((st = cli_feed_next(&in, &a, &err, &file)) != 0) {
        if (st < 0) { cli_print_error(&err); bad++; continue; }
        if (hd_code_article(c, &a.a, &o, NULL, NULL, &err) < 0) { cli_print_error(&err); bad++; }
        io_article_free(&a);
    }
    hd_discovery_write(dv, stdout, top);
    hd_discovery_free(dv);
    hd_scratch_free(sc);
    hd_coder_close(c);
    free(files);
    return bad ? 1 : 0;
}

int cmd_dict(int argc, char **argv)
{
    if (argc < 2) { fputs("usage: herodot dict check|stats [DIR] | discover FILE...\n", stderr); return 2; }
    const char *sub = argv[1];
    if (!strcmp(sub, "discover")) return discover(argc, argv);
    cli_common cc = { 0 };
    for (int i = 2; i < argc; i++) {
        if (cli_common_opt(&cc, argc, argv, &i)) continue;
        cc.dict_dir = argv[i];
    }
    if (strcmp(sub, "check") && strcmp(sub, "stats")) {
        fprintf(stderr, "herodot: dict %s: unknown subcommand\n", sub);
        return 2;
    }
    if (!strcmp(sub, "stats")) cc.quiet = 1;
    hd_coder *c = cli_open_coder(&cc);
    if (!c) return 3;
    hd_dict_stats st;
    hd_coder_stats(c, &st);
    if (!strcmp(sub, "stats")) {
        printf("actor entries        %ld\n", st.actor_entries);
        printf("actor phrases        %ld\n", st.actor_phrases);
        printf("people               %ld\n", st.people);
        printf("agent phrases        %ld\n", st.agent_phrases);
        printf("verbs                %ld\n", st.verbs);
        printf("patterns             %ld\n", st.patterns);
        printf("codes with patterns  %ld\n", st.codes_with_patterns);
        printf("synonym sets         %ld\n", st.synsets);
        printf("discards             %ld\n", st.discards);
        printf("load problems        %ld\n", st.load_errors);
        printf("hash                 %s\n", hd_coder_dict_hash(c));
        hd_coder_write_stats(c, stdout);
    } else {
        long syntax = cc.warnings;
        cc.warnings = 0;
        int lint = hd_coder_lint(c, lint_diag, &cc);
        printf("%ld problem%s (%ld syntax, %d lint)\n", syntax + lint, syntax + lint == 1 ? "" : "s",
               syntax, lint);
        cc.warnings = syntax + lint;
    }
    hd_coder_close(c);
    return !strcmp(sub, "check") && cc.warnings ? 1 : 0;
}
