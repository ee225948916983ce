/* cmd_geo.c - `herodot geo FILE|-`: the place mentions of one plain-text article, one a line:
 *   start<TAB>end<TAB>name<TAB>country<TAB>lat<TAB>lon
 * (code-point offsets in the text, [start, end)); with several files, each line starts with
 * the file's name and a tab (like grep). The article is read twice: the first pass collects
 * the countries and divisions it names (and the dateline's) and the names it uses for people,
 * the second resolves every mention with them as context, so that "Banjska" in an article
 * about Kosovo is the Kosovo village and "Ivins said" is not Ivins, Utah. */
#include "cli.h"
#include "../geo/geo.h"
#include "../text/text.h"
#include "../util/arena.h"
#include "../util/buf.h"
#include "../util/utf8.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void help(void)
{
    puts("usage: herodot geo [--gazetteer FILE] [-v] FILE|- [FILE...]\n\n"
         "Prints the place mentions of a plain-text article, one a line:\n"
         "  start<TAB>end<TAB>name<TAB>country<TAB>lat<TAB>lon\n"
         "With several files (one article each) every line starts with FILE<TAB>.\n"
         "start/end are code-point offsets; country is ISO 3166-1 alpha-3.\n"
         "-v adds precision, admin1 and score columns. The gazetteer defaults to\n"
         "$HERODOT_GAZETTEER, else build/gazetteer.tsv ('make gazetteer') or the installed copy.");
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *p = malloc(cap);
    size_t r;
    while (p && (r = fread(p + n, 1, cap - n - 1, f)) > 0) {
        n += r;
        if (cap - n - 1 == 0) {
            char *q = realloc(p, cap * 2);
            if (!q) { free(p); p = NULL; break; }
            p = q; cap *= 2;
        }
    }
    if (f != stdin) fclose(f);
    if (p) p[n] = 0;
    *len = n;
    return p;
}

typedef struct ctxlist { const char **v; int n, cap; } ctxlist;

static void ctx_add(ctxlist *c, const char *s)
{
    if (!s || !s[0]) return;
    if (c->n == c->cap) {
        int nc = c->cap ? c->cap * 2 : 64;
        const char **nv = realloc(c->v, sizeof *nv * (size_t)nc);
        if (!nv) return;
        c->v = nv; c->cap = nc;
    }
    c->v[c->n++] = s;
}

/* the article's context: countries and first-level divisions of confident mentions */
static void ctx_from(ctxlist *c, const geo_mention *m, int nm)
{
    for (int k = 0; k < nm; k++) {
        if (m[k].score < 0.75) continue;
        ctx_add(c, m[k].place.country);
        ctx_add(c, m[k].place.admin1);
    }
}

static void print_mentions(buf *b, const char *file, const token *t, const geo_mention *m, int nm,
                           int verbose)
{
    for (int k = 0; k < nm; k++) {
        const hd_place *p = &m[k].place;
        if (file) { buf_tsv_field(b, file); buf_putc(b, '\t'); }
        buf_printf(b, "%u\t%u\t", t[m[k].t0].c0, t[m[k].t1 - 1].c1);
        buf_tsv_field(b, p->name);
        buf_printf(b, "\t%s\t%.4f\t%.4f", p->country, p->lat, p->lon);
        if (verbose) buf_printf(b, "\t%s\t%s\t%.3f", p->precision, p->admin1, m[k].score);
        buf_putc(b, '\n');
    }
}

static int geo_article(const geo_gazetteer *g, const char *file, const char *text, size_t len,
                       int verbose, buf *out)
{
    arena a; arena_init(&a, 256 * 1024);
    doc_text dt;
    text_split(&a, text, len, &dt);
    ctxlist ctx = { 0 }, ctx2 = { 0 };
    /* the dateline "PRISTINA, Sept 25 (BWS) -": a place on its own */
    token *dlt = NULL; int ndl = 0;
    geo_mention *dlm = NULL; int ndlm = 0;
    if (dt.dl.present && dt.dl.place_b1 > dt.dl.place_b0) {
        uint32_t c0 = (uint32_t)utf8_count(text, dt.dl.place_b0);
        ndl = text_tokenize(&a, text, dt.dl.place_b0, dt.dl.place_b1, c0, &dlt);
        for (int i = 0; i < ndl; i++) dlt[i].flags |= TF_CAP;
        ndlm = geo_find(g, &a, dlt, ndl, text, NULL, 0, &dlm);
        ctx_from(&ctx, dlm, ndlm);
    }
    /* pass 1: what countries does the article name? */
    for (int si = 0; si < dt.nsent; si++) {
        geo_mention *m;
        int nm = geo_find(g, &a, dt.sent[si].tok, dt.sent[si].ntok, text, ctx.v, ctx.n, &m);
        ctx_from(&ctx2, m, nm);
        const char **people;
        int np = geo_person_keys(g, &a, dt.sent[si].tok, dt.sent[si].ntok, text, &people);
        for (int k = 0; k < np; k++) ctx_add(&ctx2, people[k]);
    }
    for (int i = 0; i < ctx.n; i++) ctx_add(&ctx2, ctx.v[i]);
    /* pass 2: every mention with the whole article as context */
    if (ndl) {
        ndlm = geo_find(g, &a, dlt, ndl, text, ctx2.v, ctx2.n, &dlm);
        print_mentions(out, file, dlt, dlm, ndlm, verbose);
    }
    for (int si = 0; si < dt.nsent; si++) {
        geo_mention *m;
        int nm = geo_find(g, &a, dt.sent[si].tok, dt.sent[si].ntok, text, ctx2.v, ctx2.n, &m);
        print_mentions(out, file, dt.sent[si].tok, m, nm, verbose);
    }
    free(ctx.v); free(ctx2.v);
    arena_free(&a);
    return 0;
}

int cmd_geo(int argc, char **argv)
{
    const char *gpath = NULL;
    int verbose = 0;
    const char *files[256]; int nf = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--gazetteer") && i + 1 < argc) { gpath = argv[++i]; continue; }
        if (!strncmp(argv[i], "--gazetteer=", 12)) { gpath = argv[i] + 12; continue; }
        if (!strcmp(argv[i], "-v") || !strcmp(argv[i], "--verbose")) { verbose = 1; continue; }
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) { help(); return 0; }
        if (argv[i][0] == '-' && argv[i][1]) { fprintf(stderr, "herodot: unknown option %s\n", argv[i]); return 2; }
        if (nf < 256) files[nf++] = argv[i];
    }
    if (!nf) { help(); return 2; }
    char pbuf[4096];
    if (!gpath) { geo_default_path(pbuf, sizeof pbuf); gpath = pbuf; }
    hd_error err;
    geo_gazetteer *g = geo_open(gpath, &err);
    if (!g) { cli_print_error(&err); return 3; }
    int bad = 0;
    buf out; buf_init(&out);
    for (int k = 0; k < nf; k++) {
        size_t len;
        char *text = read_all(files[k], &len);
        if (!text) { fprintf(stderr, "herodot: %s: cannot read\n", files[k]); bad++; continue; }
        if (utf8_valid_prefix(text, len) != len) {
            fprintf(stderr, "herodot: %s: text is not valid UTF-8\n", files[k]);
            bad++; free(text); continue;
        }
        geo_article(g, nf > 1 ? files[k] : NULL, text, len, verbose, &out);
        fwrite(out.p ? out.p : "", 1, out.len, stdout);
        buf_clear(&out);
        free(text);
    }
    buf_free(&out);
    geo_close(g);
    fflush(stdout);
    return bad ? 1 : 0;
}
