/* clause.c - compound actors and the unit sequence the pattern matcher walks.
 * Compounds: coded mentions joined by "and"/"or" (and a comma list ending in "and") become
 * one group, "the United States and the European Union". A role given to the first member
 * through "of/in" carries to a bare country after it ("authorities in Kosovo and Serbia").
 * Units: each group is one unit, every other token one unit; clause numbers change at
 * subordinators, relative pronouns, semicolons, colons, brackets and quotes. */
#include "code.h"
#include <string.h>

static int joint(const sent_ctx *c, int t0, int t1)
{
    int type = 0;
    if (t1 <= t0) return 0;
    for (int i = t0; i < t1; i++) {
        const token *k = &c->t[i];
        if (!strcmp(k->fold, ",")) { if (!type) type = 1; continue; }
        if (!strcmp(k->fold, "and") || !strcmp(k->fold, "or")) { type = 2; continue; }
        if (k->cls == LC_DET || k->cls == LC_QUANT) continue;
        return 0;
    }
    return type;
}

void code_groups(sent_ctx *c)
{
    c->g = arena_alloc(c->a, sizeof(group) * (size_t)(c->nm + 1));
    c->ng = 0;
    c->tok_group = arena_alloc(c->a, sizeof(int) * (size_t)(c->n + 1));
    for (int i = 0; i < c->n; i++) c->tok_group[i] = -1;
    int live[512], nl = 0;
    for (int k = 0; k < c->nm && nl < 512; k++)
        if (!c->m[k].absorbed && c->m[k].code) live[nl++] = k;
    for (int a = 0; a < nl;) {
        /* longest run a..b whose joints are commas or and/or, ending on an and/or joint */
        int b = a, last_and = a;
        while (b + 1 < nl) {
            const mention *x = &c->m[live[b]], *y = &c->m[live[b + 1]];
            int j = joint(c, x->t1, y->t0);
            if (!j || (y->prep && y->prep != x->prep)) break;
            b++;
            if (j == 2) last_and = b;
            if (b - a + 1 >= MAX_MEMBERS) break;
        }
        b = last_and;
        group *g = &c->g[c->ng];
        g->n = 0;
        for (int k = a; k <= b; k++) g->mem[g->n++] = live[k];
        g->t0 = c->m[live[a]].t0; g->t1 = c->m[live[b]].t1;
        /* "authorities in Kosovo and Serbia": the role carries to a bare country */
        const mention *f = &c->m[live[a]];
        if (g->n > 1 && f->agent && strlen(f->code) == 3 + strlen(f->agent)) {
            for (int k = 1; k < g->n; k++) {
                mention *m = &c->m[g->mem[k]];
                if (is_country_code(m->code) && !m->agent) {
                    size_t l = strlen(f->agent);
                    char *s = arena_alloc(c->a, 4 + l);
                    memcpy(s, m->code, 3); memcpy(s + 3, f->agent, l);
                    m->code = s; m->agent = f->agent;
                }
            }
        }
        for (int k = 1; k < g->n; k++) {
            c->m[g->mem[k]].prep = c->m[g->mem[0]].prep;
            c->m[g->mem[k]].prep_word = c->m[g->mem[0]].prep_word;
        }
        for (int i = g->t0; i < g->t1; i++) c->tok_group[i] = c->ng;
        c->ng++;
        a = b + 1;
    }
}

static int is_boundary(const token *k)
{
    if (k->flags & TF_QUOTE) return 1;
    if (k->flags & TF_PUNCT) return !strcmp(k->fold, ";") || !strcmp(k->fold, ":") ||
                                    !strcmp(k->fold, "(") || !strcmp(k->fold, ")");
    if (k->cls == LC_SUBORD) return strcmp(k->fold, "as") != 0;
    return k->cls == LC_REL;
}

void code_units(sent_ctx *c)
{
    c->u = arena_alloc(c->a, sizeof(unit) * (size_t)(c->n + 1));
    c->tok_unit = arena_alloc(c->a, sizeof(int) * (size_t)(c->n + 1));
    c->nu = 0;
    int clause = 0;
    for (int i = 0; i < c->n;) {
        unit *u = &c->u[c->nu];
        int g = c->tok_group[i];
        if (g >= 0) { u->t0 = c->g[g].t0; u->t1 = c->g[g].t1; u->group = g; }
        else {
            u->t0 = i; u->t1 = i + 1; u->group = -1;
            if (is_boundary(&c->t[i]) && c->nu > 0) clause++;
        }
        u->clause = clause;
        for (int k = u->t0; k < u->t1; k++) c->tok_unit[k] = c->nu;
        i = u->t1;
        c->nu++;
    }
}
