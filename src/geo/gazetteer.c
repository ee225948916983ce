/* gazetteer.c - loads build/gazetteer.tsv (see tools/build-gazetteer.py for the format):
 * the whole file is read into one buffer and cut in place, so names and codes point into it;
 * a hash map (strmap) goes from folded keys to candidate lists. */
#include "geo_int.h"
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const struct { const char *code; uint8_t type; } type_names[] = {
    { "PCLI", GT_COUNTRY }, { "CONT", GT_CONT }, { "ADM1", GT_ADM1 }, { "ADM1S", GT_ADM1S }, { "ADM2", GT_ADM2 },
    { "RGN", GT_RGN }, { "WATER", GT_WATER }, { "ISL", GT_ISL }, { "PPLC", GT_PPLC },
    { "PPLA", GT_PPLA }, { "PPLA2", GT_PPLA2 }, { "PPLX", GT_PPLX }, { "PPLL", GT_PPLL },
    { NULL, 0 }
};

static uint8_t parse_type(const char *s)
{
    for (int i = 0; type_names[i].code; i++)
        if (!strcmp(s, type_names[i].code)) return type_names[i].type;
    return GT_PPL;   /* PPL, PPLA3, PPLA4, PPLS, PPLF, PPLR, PPLG ... */
}

/* the same formula as prior() in tools/build-gazetteer.py */
static float place_prior(const gplace *p)
{
    double lp = p->pop > 0 ? log10((double)p->pop) : 0;
    switch (p->type) {
    case GT_COUNTRY: return (float)(9.0 + 0.1 * lp);
    case GT_CONT:    return (float)(8.5 + 0.1 * lp);
    case GT_ADM1:    return (float)(6.8 + 0.1 * lp);
    case GT_RGN: case GT_WATER: return (float)(6.0 + 0.1 * lp);
    case GT_ISL:     return (float)(5.5 + 0.1 * lp);
    case GT_ADM2: case GT_ADM1S: return (float)(5.0 + 0.1 * lp);
    default: break;
    }
    double v = log10(p->pop > 100 ? (double)p->pop : 100.0);
    switch (p->type) {
    case GT_PPLC: v += 1.0; break;
    case GT_PPLA: v += 0.5; break;
    case GT_PPLA2: v += 0.2; break;
    case GT_PPLX: v -= 1.0; break;
    case GT_PPLL: v -= 0.5; break;
    default: break;
    }
    return (float)v;
}

static void set_err(hd_error *e, const char *file, long line, const char *msg)
{
    if (!e) return;
    snprintf(e->file, sizeof e->file, "%s", file ? file : "");
    e->line = line;
    snprintf(e->msg, sizeof e->msg, "%s", msg);
}

/* splits line s at tabs into at most max fields; returns the count */
static int split_tabs(char *s, char **f, int max)
{
    int n = 0;
    f[n++] = s;
    for (char *p = s; *p && n < max; p++)
        if (*p == '\t') { *p = 0; f[n++] = p + 1; }
    return n;
}

static char *next_line(char **cur, char *end)
{
    if (*cur >= end) return NULL;
    char *s = *cur;
    char *nl = memchr(s, '\n', (size_t)(end - s));
    if (nl) { *nl = 0; *cur = nl + 1; } else { *cur = end; }
    size_t l = strlen(s);
    if (l && s[l - 1] == '\r') s[l - 1] = 0;
    return s;
}

geo_gazetteer *geo_open(const char *path, hd_error *err) { return geo_open_in(path, err, NULL); }

geo_gazetteer *geo_open_in(const char *path, hd_error *err, region *rg)
{
    hd_error tmp;
    if (!err) err = &tmp;
    memset(err, 0, sizeof *err);
    FILE *f = fopen(path, "rb");
    if (!f) {
        char m[300];
        snprintf(m, sizeof m, "cannot open gazetteer: %s (build it with 'make gazetteer')", strerror(errno));
        set_err(err, path, 0, m);
        return NULL;
    }
    geo_gazetteer *g = rg_calloc(rg, 1, sizeof *g);
    if (!g) { fclose(f); set_err(err, path, 0, "out of memory"); return NULL; }
    fseek(f, 0, SEEK_END);
    long sz = ftell(f);
    fseek(f, 0, SEEK_SET);
    g->rg = rg;
    g->in_region = rg != NULL;
    g->buf = rg_realloc(rg, NULL, (size_t)(sz > 0 ? sz : 0) + 1);
    if (!g->buf || sz < 0 || fread(g->buf, 1, (size_t)sz, f) != (size_t)sz) {
        fclose(f); rg_free(rg, g->buf); rg_free(rg, g);
        set_err(err, path, 0, "cannot read gazetteer");
        return NULL;
    }
    fclose(f);
    g->buf[sz] = 0;
    strmap_init_in(&g->names, rg);
    strmap_init_in(&g->admin1, rg);
    char *cur = g->buf, *end = g->buf + sz, *s;
    long line = 0;
    s = next_line(&cur, end); line++;
    if (!s || strncmp(s, "#herodot-gazetteer 1", 20)) {
        set_err(err, path, line, "not a herodot gazetteer (first line is not '#herodot-gazetteer 1')");
        geo_close(g);
        return NULL;
    }
    s = next_line(&cur, end); line++;
    long np = s && !strncmp(s, "#places ", 8) ? atol(s + 8) : -1;
    if (np < 0 || np > 50000000) { set_err(err, path, line, "expected '#places N'"); geo_close(g); return NULL; }
    g->p = rg_calloc(rg, (size_t)np + 1, sizeof *g->p);
    for (long i = 0; i < np; i++) {
        s = next_line(&cur, end); line++;
        char *fl[8];
        if (!s || split_tabs(s, fl, 8) != 8) {
            set_err(err, path, line, "a place line needs 8 tab-separated fields");
            geo_close(g);
            return NULL;
        }
        gplace *p = &g->p[i];
        p->name = fl[0];
        snprintf(p->iso3, sizeof p->iso3, "%s", fl[1]);
        p->admin1 = fl[2];
        p->lat = strtod(fl[3], NULL);
        p->lon = strtod(fl[4], NULL);
        long pop = atol(fl[5]);
        p->pop = pop > 0 ? (uint32_t)(pop > 4000000000L ? 4000000000L : pop) : 0;
        p->type = parse_type(fl[6]);
        p->gid = atol(fl[7]);
        p->prior = place_prior(p);
        if (GT_IS_ADM1(p->type) && p->admin1[0])
            *strmap_put(&g->admin1, p->admin1, strlen(p->admin1), (uint32_t)i, NULL) = (uint32_t)i;
    }
    g->np = (uint32_t)np;
    s = next_line(&cur, end); line++;
    long nn = s && !strncmp(s, "#names ", 7) ? atol(s + 7) : -1;
    if (nn < 0 || nn > 100000000) { set_err(err, path, line, "expected '#names N'"); geo_close(g); return NULL; }
    g->nm = rg_calloc(rg, (size_t)nn + 1, sizeof *g->nm);
    size_t ccap = (size_t)nn * 2 + 16, nc = 0;
    g->cand = rg_realloc(rg, NULL, ccap * sizeof *g->cand);
    for (long i = 0; i < nn; i++) {
        s = next_line(&cur, end); line++;
        char *fl[3];
        if (!s || split_tabs(s, fl, 3) != 3) {
            set_err(err, path, line, "a name line needs 3 tab-separated fields");
            geo_close(g);
            return NULL;
        }
        gname *nm = &g->nm[i];
        nm->first = (uint32_t)nc;
        for (const char *c = fl[1]; *c; c++) {
            if (*c == 'w') nm->flags |= GN_COMMON;
            if (*c == 'A') nm->flags |= GN_ACRONYM;
            if (*c == 's') nm->flags |= GN_STOP;
        }
        for (char *c = fl[2]; *c;) {
            char *e;
            long id = strtol(c, &e, 10);
            if (e == c || id < 0 || id >= np) {
                set_err(err, path, line, "bad place id in a candidate list");
                geo_close(g);
                return NULL;
            }
            uint32_t v = (uint32_t)id << 1;
            if (*e == 'a') { v |= 1; e++; }
            if (nc == ccap) {
                ccap *= 2;
                uint32_t *nv = rg_realloc(rg, g->cand, ccap * sizeof *nv);
                if (!nv) { set_err(err, path, line, "out of memory"); geo_close(g); return NULL; }
                g->cand = nv;
            }
            if (nm->n < GEO_MAXC) { g->cand[nc++] = v; nm->n++; }
            c = *e == ',' ? e + 1 : e;
            if (*e && *e != ',') break;
        }
        int added = 0;
        *strmap_put(&g->names, fl[0], strlen(fl[0]), (uint32_t)i, &added) = (uint32_t)i;
    }
    g->nn = (uint32_t)nn;
    g->nc = nc;
    rg_set_data(rg, g->cand);   /* packed place ids: plain data for the cache's pointer check */
    return g;
}

void geo_seal(geo_gazetteer *g)
{
    if (!g) return;
    g->rg = NULL;
    g->names.rg = g->names.keys.rg = NULL;
    g->admin1.rg = g->admin1.keys.rg = NULL;
}

void geo_close(geo_gazetteer *g)
{
    if (!g || g->in_region) return;     /* in a region: released with it */
    strmap_free(&g->names);
    strmap_free(&g->admin1);
    free(g->p);
    free(g->nm);
    free(g->cand);
    free(g->buf);
    free(g);
}

void geo_get_stats(const geo_gazetteer *g, geo_stats *st)
{
    st->places = g->np;
    st->names = g->nn;
    st->candidates = (long)g->nc;
}

int geo_default_path(char *out, size_t n)
{
    const char *env = getenv("HERODOT_GAZETTEER");
    if (env && *env) { snprintf(out, n, "%s", env); return access(out, R_OK) == 0 ? 0 : -1; }
    char exe[PATH_MAX];
    ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (len > 0) {
        exe[len] = 0;
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = 0;
            static const char *const rel[] = { "build/gazetteer.tsv", "../gazetteer.tsv",
                                               "../../build/gazetteer.tsv",
                                               "../share/herodot/gazetteer.tsv", NULL };
            for (int i = 0; rel[i]; i++) {
                snprintf(out, n, "%s/%s", exe, rel[i]);
                if (access(out, R_OK) == 0) return 0;
            }
        }
    }
#ifdef HD_INSTALL_DATA
    snprintf(out, n, "%s/../gazetteer.tsv", HD_INSTALL_DATA);
    if (access(out, R_OK) == 0) return 0;
#endif
    snprintf(out, n, "build/gazetteer.tsv");
    return access(out, R_OK) == 0 ? 0 : -1;
}
