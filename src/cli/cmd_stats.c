/* cmd_stats.c - `herodot stats`: what the store holds (articles, sentences, mentions,
 * deduplicated events) and counts of deduplicated events (and their mentions) by root code,
 * actor pair, day and country, filtered like `herodot query`. --check verifies the store's
 * invariants (every article whole, dedup counts right, indexes sound). */
#include "cli.h"
#include "../store/store.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct { const char *name; int kind; } KINDS[] = {
    { "root", STAT_ROOT }, { "pair", STAT_PAIR }, { "day", STAT_DAY }, { "country", STAT_COUNTRY },
    { "code", STAT_CODE }, { "source", STAT_SOURCE }, { "target", STAT_TARGET },
};
enum { NKINDS = sizeof KINDS / sizeof *KINDS };

typedef struct sctx { int tsv; const char *kind; long rows; } sctx;

static int on_count(const char *key, long long events, long long mentions, void *ud)
{
    sctx *c = ud;
    if (c->tsv) printf("%s\t%s\t%lld\t%lld\n", c->kind, key ? key : "", events, mentions);
    else printf("  %-24s %10lld %10lld\n", key ? key : "", events, mentions);
    c->rows++;
    return 0;
}

static void on_problem(const char *what, void *ud)
{
    (void)ud;
    printf("problem: %s\n", what);
}

static void help(void)
{
    printf("usage: herodot stats [--db TARGET] [--by root|pair|day|country|code|source|target]...\n"
           "                     [--top N] [--format table|tsv] [--check] [filters]\n\n"
           "Totals of the store, then counts of deduplicated events and their mentions by root code,\n"
           "actor pair, day and country (or the --by kinds given). --top N: the N largest of each\n"
           "(default 20, 0 = all; days: all, in order, unless --top is given). --format tsv:\n"
           "kind, key, events, mentions per line. --check: verify the store (exit status 1 if\n"
           "anything is wrong).\n\n%s",
           store_filter_help);
}

int cmd_stats(int argc, char **argv)
{
    store_filter f = { 0 };
    const char *db = NULL;
    int kinds[NKINDS], nk = 0, tsv = 0, check = 0, top_set = 0;
    long top = 20;
    for (int i = 1; i < argc; i++) {
        int k = store_filter_opt(&f, argc, argv, &i);
        if (k < 0) return 2;
        if (k) continue;
        if (!strcmp(argv[i], "--db") && i + 1 < argc) { db = argv[++i]; continue; }
        if (!strcmp(argv[i], "--top") && i + 1 < argc) { top = atol(argv[++i]); top_set = 1; continue; }
        if (!strcmp(argv[i], "--check")) { check = 1; continue; }
        if (!strcmp(argv[i], "--format") && i + 1 < argc) {
            const char *v = argv[++i];
            if (!strcmp(v, "tsv")) tsv = 1;
            else if (strcmp(v, "table")) { fprintf(stderr, "herodot: unknown format %s\n", v); return 2; }
            continue;
        }
        if (!strcmp(argv[i], "--by") && i + 1 < argc) {
            const char *v = argv[++i];
            int found = -1;
            for (int j = 0; j < NKINDS; j++) if (!strcmp(KINDS[j].name, v)) found = j;
            if (found < 0) { fprintf(stderr, "herodot: --by: unknown count '%s'\n", v); return 2; }
            if (nk < NKINDS) kinds[nk++] = found;
            continue;
        }
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) { help(); return 0; }
        fprintf(stderr, "herodot: unknown option %s\n", argv[i]);
        return 2;
    }
    hd_error err;
    if (store_filter_prepare(&f, &err) < 0) { cli_print_error(&err); return 2; }
    hd_store *st = store_open(db, &err);
    if (!st) { cli_print_error(&err); return 3; }
    int rc = 0;
    if (check) {
        long p = store_check(st, on_problem, NULL, &err);
        if (p < 0) { cli_print_error(&err); rc = 3; }
        else { printf("check: %s (%s): %ld problem%s\n", st->target, st->ops->name, p, p == 1 ? "" : "s"); rc = p ? 1 : 0; }
        store_close(st);
        return rc;
    }
    store_totals t;
    if (store_totals_get(st, &t, &err) < 0) { cli_print_error(&err); store_close(st); return 3; }
    if (tsv) {
        printf("total\tarticles\t%lld\t0\ntotal\tsentences\t%lld\t0\ntotal\tmentions\t%lld\t0\n"
               "total\tevents\t%lld\t0\n", t.articles, t.sentences, t.mentions, t.events);
    } else {
        printf("store: %s (%s)\n", st->target, st->ops->name);
        printf("  articles %lld, sentences %lld, mentions %lld, deduplicated events %lld\n",
               t.articles, t.sentences, t.mentions, t.events);
    }
    if (!nk) { kinds[0] = 0; kinds[1] = 1; kinds[2] = 2; kinds[3] = 3; nk = 4; }
    for (int k = 0; k < nk && !rc; k++) {
        sctx c = { tsv, KINDS[kinds[k]].name, 0 };
        if (!tsv) printf("\nby %s:%*s %10s %10s\n", c.kind, (int)(22 - strlen(c.kind)), "", "events", "mentions");
        int kind = KINDS[kinds[k]].kind;
        long lim = kind == STAT_DAY && !top_set ? 0 : top;
        if (st->ops->stats(st, kind, &f, lim, on_count, &c, &err) < 0) {
            cli_print_error(&err);
            rc = 3;
        }
    }
    store_close(st);
    return rc;
}
