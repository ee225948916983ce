/* cmd_recode.c - `herodot recode --db ...`: code the stored articles again with the current
 * dictionaries (those coded with other dictionaries, or all with --all), replace their events
 * and report what changed: per article the mentions that went and came, then a summary.
 * Each batch of articles is one transaction, so a killed recode can simply be run again. */
#include "cli.h"
#include "../store/store.h"
#include "../util/arena.h"
#include "../util/words.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct ids { char **v; size_t n, cap; const char *hash; int all; } ids;

static int on_id(const char *id, const char *dict_hash, void *ud)
{
    ids *l = ud;
    if (!l->all && dict_hash && !strcmp(dict_hash, l->hash)) return 0;
    if (l->n == l->cap) { l->cap = l->cap ? l->cap * 2 : 256; l->v = realloc(l->v, l->cap * sizeof *l->v); }
    l->v[l->n++] = strdup(id);
    return 0;
}

/* an event's identity for the report: sentence, source, target, code */
typedef struct keys { char **v; size_t n, cap; } keys;

static void key_add(keys *k, int sentence, const char *src, const char *tgt, const char *code)
{
    if (k->n == k->cap) { k->cap = k->cap ? k->cap * 2 : 32; k->v = realloc(k->v, k->cap * sizeof *k->v); }
    char b[512];
    snprintf(b, sizeof b, "%d %s %s %s", sentence, src ? src : "-", tgt ? tgt : "---", code ? code : "-");
    k->v[k->n++] = strdup(b);
}

static void keys_free(keys *k) { for (size_t i = 0; i < k->n; i++) free(k->v[i]); free(k->v); k->v = NULL; k->n = k->cap = 0; }

static int on_old(const store_row *r, void *ud)
{
    key_add(ud, r->ev.sentence, r->ev.source.code, r->ev.target.code, r->ev.code);
    return 0;
}

typedef struct coded { arena ar; hd_event *ev; int n, cap; keys k; } coded;

static const char *adup(arena *a, const char *s) { return s ? arena_strdup(a, s) : NULL; }

static int on_new(const hd_event *ev, void *ud)
{
    coded *c = ud;
    if (c->n == c->cap) { c->cap = c->cap ? c->cap * 2 : 16; c->ev = realloc(c->ev, (size_t)c->cap * sizeof *c->ev); }
    arena *a = &c->ar;
    hd_event *d = &c->ev[c->n++];
    *d = *ev;
    d->article = adup(a, ev->article); d->text = adup(a, ev->text); d->date = adup(a, ev->date);
    d->date_precision = adup(a, ev->date_precision);
    d->source.code = adup(a, ev->source.code); d->source.text = adup(a, ev->source.text);
    d->source.entry = adup(a, ev->source.entry);
    d->target.code = adup(a, ev->target.code); d->target.text = adup(a, ev->target.text);
    d->target.entry = adup(a, ev->target.entry);
    d->code = adup(a, ev->code); d->plover = adup(a, ev->plover); d->verb_text = adup(a, ev->verb_text);
    d->pattern = adup(a, ev->pattern); d->dict = adup(a, ev->dict);
    d->place.name = adup(a, ev->place.name); d->place.country = adup(a, ev->place.country);
    d->place.admin1 = adup(a, ev->place.admin1); d->place.precision = adup(a, ev->place.precision);
    key_add(&c->k, ev->sentence, ev->source.code, ev->target.code, ev->code);
    return 0;
}

typedef struct item {
    char *id, *date, *text, *src, *url, *title, *lang;
    size_t text_len;
    char thash[17];
    keys old;
    coded cd;
    int ok;
} item;

static void help(void)
{
    puts("usage: herodot recode [--db TARGET] [--dict DIR] [--all] [--dry-run] [--summary] [--batch N]\n\n"
         "Codes the stored articles again with the current dictionaries and replaces their events.\n"
         "Only articles coded with other dictionaries, unless --all. Prints, for each article whose\n"
         "events changed, the mentions removed (-) and added (+) as 'sentence source target code',\n"
         "then a summary (--summary: the summary only). --dry-run: report, change nothing.");
}

int cmd_recode(int argc, char **argv)
{
    cli_common cc = { 0 };
    const char *db = NULL;
    int all = 0, dry = 0, summary = 0;
    long batch = 100;
    for (int i = 1; i < argc; i++) {
        if (cli_common_opt(&cc, argc, argv, &i)) continue;
        if (!strcmp(argv[i], "--db") && i + 1 < argc) { db = argv[++i]; continue; }
        if (!strcmp(argv[i], "--all")) { all = 1; continue; }
        if (!strcmp(argv[i], "--dry-run")) { dry = 1; continue; }
        if (!strcmp(argv[i], "--summary")) { summary = 1; continue; }
        if (!strcmp(argv[i], "--batch") && i + 1 < argc) { batch = atol(argv[++i]); if (batch < 1) batch = 1; continue; }
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) { help(); return 0; }
        fprintf(stderr, "herodot: unknown option %s\n", argv[i]);
        return 2;
    }
    hd_coder *c = cli_open_coder(&cc);
    if (!c) return 3;
    hd_error err;
    hd_store *st = store_open(db, &err);
    if (!st) { cli_print_error(&err); hd_coder_close(c); return 3; }
    const char *hash = hd_coder_dict_hash(c);
    ids l = { NULL, 0, 0, hash, all };
    int failed = 0;
    if (st->ops->list_articles(st, on_id, &l, &err) < 0) { cli_print_error(&err); failed = 1; }
    long changed = 0, same = 0, rejected = 0, before = 0, after = 0, plus = 0, minus = 0;
    hd_scratch *sc = hd_scratch_new(c);
    item *it = calloc((size_t)batch, sizeof *it);
    for (long k = 0; k < batch; k++) arena_init(&it[k].cd.ar, 1 << 14);
    char now[24];
    store_now(now);
    /* per batch: read and code every article, then write them all in one transaction (reads
     * between writes would make the PostgreSQL backend flush after every article) */
    for (size_t i0 = 0; i0 < l.n && !failed; i0 += (size_t)batch) {
        long n = 0;
        if (store_begin(st, &err) < 0) { cli_print_error(&err); failed = 1; break; }
        for (size_t i = i0; i < l.n && i < i0 + (size_t)batch && !failed; i++) {
            item *x = &it[n];
            store_article a;
            int f = st->ops->get_article(st, l.v[i], &a, &err);
            if (f < 0) { cli_print_error(&err); failed = 1; break; }
            if (f == 0) continue;   /* deleted meanwhile */
            /* the article's strings live until the next store call: copy them */
            x->id = strdup(a.id); x->date = strdup(a.date);
            x->text = malloc(a.text_len + 1);
            memcpy(x->text, a.text, a.text_len); x->text[a.text_len] = 0;
            x->text_len = a.text_len;
            x->src = a.source ? strdup(a.source) : NULL; x->url = a.url ? strdup(a.url) : NULL;
            x->title = a.title ? strdup(a.title) : NULL; x->lang = strdup(a.language ? a.language : "en");
            store_text_hash(x->text, x->text_len, x->thash);
            n++;
            store_filter flt = { 0 };
            flt.article = x->id; flt.mentions = 1;
            if (store_query(st, &flt, on_old, &x->old, &err) < 0) { cli_print_error(&err); failed = 1; break; }
            x->cd.n = 0;
            arena_reset(&x->cd.ar);
            hd_article art = { x->id, x->date, x->text, x->text_len, x->src, x->title, x->url };
            hd_code_options o = { NULL, NULL, sc, NULL, 0, NULL, NULL };
            hd_error cerr;
            x->ok = hd_code_article(c, &art, &o, on_new, &x->cd, &cerr) >= 0;
            if (!x->ok) { fprintf(stderr, "herodot: %s: %s (kept as it was)\n", x->id, cerr.msg); rejected++; }
        }
        for (long k = 0; k < n && !failed; k++) {
            item *x = &it[k];
            if (!x->ok) continue;
            store_sentence *sent;
            int ns = store_sentences(x->text, x->text_len, &sent);
            store_article na = { x->id, x->date, x->src, x->url, x->title, x->text, x->text_len, x->thash,
                                 x->lang, hash, now, 0 };
            if (store_put_article(st, &na, sent, ns, x->cd.ev, x->cd.n, &err) < 0) { cli_print_error(&err); failed = 1; }
            free(sent);
        }
        if (!failed && (dry ? store_rollback(st, &err) : store_commit(st, &err)) < 0) { cli_print_error(&err); failed = 1; }
        /* the difference, as multisets of keys */
        for (long k = 0; k < n; k++) {
            item *x = &it[k];
            if (!failed && x->ok) {
                keys *old = &x->old, *nw = &x->cd.k;
                if (old->n) qsort(old->v, old->n, sizeof *old->v, words_cmp);
                if (nw->n) qsort(nw->v, nw->n, sizeof *nw->v, words_cmp);
                size_t p0 = 0, q0 = 0;
                long p = 0, m = 0;
                buf rep; buf_init(&rep);
                while (p0 < old->n || q0 < nw->n) {
                    int d = p0 >= old->n ? 1 : q0 >= nw->n ? -1 : strcmp(old->v[p0], nw->v[q0]);
                    if (d == 0) { p0++; q0++; }
                    else if (d < 0) { buf_printf(&rep, "  - %s\n", old->v[p0++]); m++; }
                    else { buf_printf(&rep, "  + %s\n", nw->v[q0++]); p++; }
                }
                before += (long)old->n; after += x->cd.n; plus += p; minus += m;
                if (p || m) {
                    changed++;
                    printf("%s: %zu -> %d events (+%ld -%ld)\n", x->id, old->n, x->cd.n, p, m);
                    if (!summary && rep.len) fwrite(rep.p, 1, rep.len, stdout);
                } else same++;
                buf_free(&rep);
            }
            keys_free(&x->old);
            keys_free(&x->cd.k);
            free(x->id); free(x->date); free(x->text); free(x->src); free(x->url); free(x->title); free(x->lang);
            x->id = x->date = x->text = x->src = x->url = x->title = x->lang = NULL;
        }
    }
    if (failed) { hd_error e2; store_rollback(st, &e2); }
    else
        printf("recode: %ld article%s %s with dictionaries %s: %ld changed, %ld unchanged, %ld rejected; "
               "events %ld -> %ld (+%ld -%ld)\n", changed + same, changed + same == 1 ? "" : "s",
               dry ? "checked (dry run)" : "recoded", hash, changed, same, rejected, before, after, plus, minus);
    for (long k = 0; k < batch; k++) { free(it[k].cd.ev); arena_free(&it[k].cd.ar); }
    free(it);
    hd_scratch_free(sc);
    for (size_t i = 0; i < l.n; i++) free(l.v[i]);
    free(l.v);
    store_close(st);
    hd_coder_close(c);
    return failed ? 3 : rejected ? 1 : 0;
}
