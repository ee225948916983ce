/* check.c - lint of a loaded dictionary set (herodot dict check): what a syntax check cannot
 * see. Unknown event codes (not in the code table), phrases defined twice (the same words
 * with different codes conflict; with the same codes they are redundant), dated codes of one
 * entry whose ranges overlap with different codes, and patterns written twice in a block
 * (with another code, the later one can never fire). Each finding names file:line. */
#include "dict.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int same_words(const phrase *a, const phrase *b)
{
    if (a->nw != b->nw) return 0;
    for (int i = 0; i < a->nw; i++)
        if (a->w[i].fold != b->w[i].fold || a->w[i].exact != b->w[i].exact) return 0;
    return 1;
}

static const char *code_at(const actor_entry *e)
{
    for (int i = 0; i < e->ncodes; i++) if (!e->codes[i].from && !e->codes[i].to) return e->codes[i].code;
    return e->ncodes ? e->codes[0].code : "";
}

static int same_codes(const actor_entry *a, const actor_entry *b)
{
    if (a->ncodes != b->ncodes) return 0;
    for (int i = 0; i < a->ncodes; i++)
        if (strcmp(a->codes[i].code, b->codes[i].code) || a->codes[i].from != b->codes[i].from ||
            a->codes[i].to != b->codes[i].to) return 0;
    return 1;
}

static void split_src(const char *src, char *file, size_t n, long *line)
{
    const char *c = strrchr(src, ':');
    if (!c) { snprintf(file, n, "%s", src); *line = 0; return; }
    snprintf(file, n, "%.*s", (int)(c - src), src);
    *line = atol(c + 1);
}

static void report_at(dict_diag *dg, const dict *d, const char *src, const char *fmt, const char *a,
                      const char *b)
{
    char file[1200]; long line;
    split_src(src, file, sizeof file, &line);
    char full[2400];
    if (d->base[0] && file[0] != '/') snprintf(full, sizeof full, "%s/%s", d->base, file);
    else snprintf(full, sizeof full, "%s", file);
    dict_report(dg, full, line, fmt, a, b);
}

static int pat_equal(const pattern *x, const pattern *y)
{
    if (x->nlower != y->nlower || x->nupper != y->nupper) return 0;
    for (int side = 0; side < 2; side++) {
        const pat_elem *a = side ? x->upper : x->lower, *b = side ? y->upper : y->lower;
        int n = side ? x->nupper : x->nlower;
        for (int k = 0; k < n; k++) {
            if (a[k].kind != b[k].kind || a[k].consec != b[k].consec) return 0;
            if (a[k].kind == PE_WORD && (a[k].w.fold != b[k].w.fold || a[k].w.exact != b[k].w.exact)) return 0;
            if (a[k].kind == PE_SYN && a[k].syn != b[k].syn) return 0;
        }
    }
    return 1;
}

static const char *pcode(const pattern *p)
{
    return p->discard ? "###" : p->null_code ? "---" : p->code ? p->code : "";
}

int dict_lint(const dict *d, dict_diag *dg)
{
    long before = dg->count;
    /* 1. phrases defined twice */
    for (uint32_t w = 0; w < d->nwords; w++) {
        const phrase_list *l = &d->by_word[w];
        for (int i = 0; i < l->n; i++) {
            const phrase *a = l->v[i];
            if (a->w[0].fold != w) continue;          /* each phrase once, under its own word */
            for (int j = i + 1; j < l->n; j++) {
                const phrase *b = l->v[j];
                if (b->w[0].fold != w || !same_words(a, b) || a->type != b->type) continue;
                if (a->type == PH_ACTOR && a->entry != b->entry) {
                    if (same_codes(a->entry, b->entry))
                        report_at(dg, d, b->src, "phrase repeats %s (same codes) %s", a->src, "");
                    else
                        report_at(dg, d, b->src, "phrase conflicts with %s: %s", a->src, code_at(a->entry));
                } else if (a->type == PH_AGENT && strcmp(a->agent, b->agent)) {
                    report_at(dg, d, b->src, "agent conflicts with %s: ~%s", a->src, a->agent);
                }
            }
        }
    }
    /* 2. dated codes that overlap with different codes (within one entry) */
    for (uint32_t w = 0; w < d->nwords; w++) {
        const phrase_list *l = &d->by_word[w];
        for (int i = 0; i < l->n; i++) {
            const phrase *p = l->v[i];
            if (p->type != PH_ACTOR || p->w[0].fold != w || p->entry->src != p->src) continue;
            const actor_entry *e = p->entry;
            for (int x = 0; x < e->ncodes; x++)
                for (int y = x + 1; y < e->ncodes; y++) {
                    const dated_code *a = &e->codes[x], *b = &e->codes[y];
                    if (!a->from && !a->to) continue;
                    if (!b->from && !b->to) continue;
                    /* a range inside another is a deliberate exception (first match wins:
                       Prigozhin's two days as a rebel inside his years as RUSMIL) */
                    int nested = (a->from <= b->from && b->to <= a->to) || (b->from <= a->from && a->to <= b->to);
                    /* inclusive bounds meet on a handover day ("-20231127", ">20231127"):
                       that one day is not worth a warning */
                    int handover = a->to == b->from || b->to == a->from;
                    if (a->from <= b->to && b->from <= a->to && strcmp(a->code, b->code) && !nested &&
                        !handover) {
                        char rng[64];
                        snprintf(rng, sizeof rng, "%d-%d", b->from, b->to);
                        report_at(dg, d, e->src, "overlapping date ranges: %s and %s", a->code, rng);
                    }
                }
        }
    }
    /* 3. codes not in the code table; 4. patterns written twice in a block */
    if (d->ncameo) {
        for (int i = 0; i < d->nblocks; i++) {
            const verb_block *b = d->blocks[i];
            if (b->code && strcmp(b->code, "---") && !dict_cameo(d, b->code))
                report_at(dg, d, b->src, "unknown event code [%s]%s", b->code, "");
            for (int k = 0; k < b->npat; k++) {
                const pattern *p = b->pat[k];
                if (p->code && !p->null_code && !dict_cameo(d, p->code))
                    report_at(dg, d, p->src, "unknown event code [%s]%s", p->code, "");
                if (p->code2 && !dict_cameo(d, p->code2))
                    report_at(dg, d, p->src, "unknown event code [%s]%s", p->code2, "");
            }
        }
    }
    for (int i = 0; i < d->nblocks; i++) {
        const verb_block *b = d->blocks[i];
        for (int k = 0; k < b->npat; k++)
            for (int j = 0; j < k; j++) {
                if (!pat_equal(b->pat[j], b->pat[k])) continue;
                const pattern *first = b->pat[j]->seq < b->pat[k]->seq ? b->pat[j] : b->pat[k];
                const pattern *later = first == b->pat[j] ? b->pat[k] : b->pat[j];
                if (strcmp(pcode(first), pcode(later)))
                    report_at(dg, d, later->src, "pattern can never match: %s has the same words [%s]",
                              first->src, pcode(first));
                else
                    report_at(dg, d, later->src, "pattern repeats %s%s", first->src, "");
                break;
            }
    }
    return (int)(dg->count - before);
}
