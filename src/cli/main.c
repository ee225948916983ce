/* main.c - the herodot command: dispatches to one subcommand per file (git-style). Exit
 * codes: 0 ok, 1 some input was rejected (the rest was done), 2 usage, 3 cannot start. */
#include "cli.h"
#include "../store/store.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <limits.h>

static void usage(FILE *f)
{
    fputs("usage: herodot <command> [options]\n\n"
          "commands:\n"
          "  code [FILE...]        code articles (JSONL or plain text; stdin if none) to events\n"
          "  explain \"SENTENCE\"    show what the coder sees and why events come out or not\n"
          "  dict check [DIR]      lint a dictionary set (file:line for every problem)\n"
          "  dict stats [DIR]      count phrases, verbs, patterns and codes\n"
          "  dict discover FILE... unknown names and uncoded verbs: a dictionary to-do list\n"
          "  geo FILE|-            place mentions of a plain-text article (offsets, place, lat/lon)\n"
          "  timex [--date D] FILE  list the dates, durations and sets of a text or TimeML file\n"
          "  ingest [--db DB] FILE...  code articles and store them (SQLite file or postgresql://)\n"
          "  recode [--db DB]      recode stored articles with the current dictionaries\n"
          "  query [--db DB] [filters]  stored events: --actor --source --target --code --from\n"
          "                        --to --country --near LAT,LON,KM --text (see query --help)\n"
          "  stats [--db DB]       counts by root, actor pair, day, country; --check\n"
          "  export --format F     gdelt2, icews, phoenix, csv or jsonl from the store\n"
          "  validate FILE         run a TABARI .project or PETRARCH .xml validation suite\n"
          "  version               print the version\n\n"
          "common options:\n"
          "  --dict DIR            dictionary directory (default: $HERODOT_DATA, else the\n"
          "                        data/ folder next to the binary or installed with it)\n"
          "  -q, --quiet           no dictionary warnings\n"
          "  --no-places           do not load the gazetteer (faster start, no event places)\n"
          "  --any-language        code articles that are plainly not English too (by default they\n"
          "                        are rejected with the language found, since the dictionaries\n"
          "                        are English)\n"
          "  --no-cache            read the dictionaries' text files, not the compiled cache\n"
          "                        (kept in $HERODOT_CACHE, else ~/.cache/herodot; 'off' disables)\n"
          "  --option LINE         with a TABARI .project as --dict: one of its .options switches\n"
          "                        (\"SET: CODE BY SENTENCE\", \"COMMA: OFF\", \"DEFAULT: SOURCE [X]\")\n\n"
          "Run 'herodot <command> --help' for a command's options.\n", f);
}

int cli_common_opt(cli_common *cc, int argc, char **argv, int *i)
{
    if (!strcmp(argv[*i], "--dict") && *i + 1 < argc) { cc->dict_dir = argv[++*i]; return 1; }
    if (!strncmp(argv[*i], "--dict=", 7)) { cc->dict_dir = argv[*i] + 7; return 1; }
    if (!strcmp(argv[*i], "-q") || !strcmp(argv[*i], "--quiet")) { cc->quiet = 1; return 1; }
    if (!strcmp(argv[*i], "--no-places")) { cc->no_places = 1; return 1; }
    if (!strcmp(argv[*i], "--no-cache")) { cc->no_cache = 1; return 1; }
    if (!strcmp(argv[*i], "--any-language")) { cc->any_language = 1; return 1; }
    if (!strcmp(argv[*i], "--option") && *i + 1 < argc && cc->noptions < 16) {
        cc->options[cc->noptions++] = argv[++*i];
        return 1;
    }
    return 0;
}

void cli_print_error(const hd_error *e)
{
    if (e->file[0] && e->line) fprintf(stderr, "herodot: %s:%ld: %s\n", e->file, e->line, e->msg);
    else if (e->file[0]) fprintf(stderr, "herodot: %s: %s\n", e->file, e->msg);
    else fprintf(stderr, "herodot: %s\n", e->msg);
}

static void diag(const hd_error *e, void *ud)
{
    cli_common *cc = ud;
    cc->warnings++;
    if (!cc->quiet) cli_print_error(e);
}

static int is_dir(const char *p)
{
    char t[2 * PATH_MAX + 256];
    snprintf(t, sizeof t, "%s/verbs", p);
    return access(t, R_OK) == 0;
}

const char *cli_default_data(void)
{
    static char path[PATH_MAX + 64];   /* written once, before any thread starts */
    const char *env = getenv("HERODOT_DATA");
    if (env && *env) return env;
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = 0;
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = 0;
            snprintf(path, sizeof path, "%s/data", exe);
            if (is_dir(path)) return path;
            snprintf(path, sizeof path, "%s/../share/herodot/data", exe);
            if (is_dir(path)) return path;
            snprintf(path, sizeof path, "%s/../../data", exe);     /* build/<kind>/herodot */
            if (is_dir(path)) return path;
        }
    }
#ifdef HD_INSTALL_DATA
    return HD_INSTALL_DATA;
#else
    return "data";
#endif
}

hd_coder *cli_open_coder(cli_common *cc)
{
    hd_open_options o = { cc->dict_dir ? cc->dict_dir : cli_default_data(), NULL, diag, cc,
                          cc->no_places ? "" : NULL, cc->no_cache ? "" : NULL };
    hd_error err;
    hd_coder *c = hd_coder_open(&o, &err);
    if (!c) { cli_print_error(&err); return NULL; }
    for (int k = 0; k < cc->noptions; k++) {
        int rc = hd_coder_option(c, cc->options[k]);
        if (rc == 0) continue;
        fprintf(stderr, "herodot: --option \"%s\": %s\n", cc->options[k],
                rc < 0 ? "cannot be read" : "no such switch for these dictionaries");
        hd_coder_close(c);
        return NULL;
    }
    return c;
}

int main(int argc, char **argv)
{
    if (argc < 2) { usage(stderr); return 2; }
    store_process_init();
    const char *cmd = argv[1];
    if (!strcmp(cmd, "code")) return cmd_code(argc - 1, argv + 1);
    if (!strcmp(cmd, "explain")) return cmd_explain(argc - 1, argv + 1);
    if (!strcmp(cmd, "dict")) return cmd_dict(argc - 1, argv + 1);
    if (!strcmp(cmd, "geo")) return cmd_geo(argc - 1, argv + 1);
    if (!strcmp(cmd, "timex")) return cmd_timex(argc - 1, argv + 1);
    if (!strcmp(cmd, "ingest")) return cmd_ingest(argc - 1, argv + 1);
    if (!strcmp(cmd, "recode")) return cmd_recode(argc - 1, argv + 1);
    if (!strcmp(cmd, "query")) return cmd_query(argc - 1, argv + 1);
    if (!strcmp(cmd, "stats")) return cmd_stats(argc - 1, argv + 1);
    if (!strcmp(cmd, "export")) return cmd_export(argc - 1, argv + 1);
    if (!strcmp(cmd, "validate")) return cmd_validate(argc - 1, argv + 1);
    if (!strcmp(cmd, "version") || !strcmp(cmd, "--version")) { printf("herodot %s\n", HD_VERSION); return 0; }
    if (!strcmp(cmd, "help") || !strcmp(cmd, "--help") || !strcmp(cmd, "-h")) { usage(stdout); return 0; }
    fprintf(stderr, "herodot: '%s' is not a command\n", cmd);
    usage(stderr);
    return 2;
}
