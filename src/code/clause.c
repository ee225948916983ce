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
    const int tabari = TABARI_LIKE(c->d);   /* once: stores do not reload it */
    for (int i = t0; i < t1; i++) {
        const token *k = &c->t[i];
        if (FOLD_IS(k, ",")) { if (!type) type = 1; continue; }
        if (FOLD_IS(k, "and") || FOLD_IS(k, "or")) { type = 2; continue; }
        /* TABARI: "neither Alvora nor Brenn"; "Alvora's ... minister" joins nothing */
        if (tabari && FOLD_IS(k, "nor")) { type = 2; continue; }
        if (tabari && FOLD_IS(k, "'s")) return 0;
        if (k->cls == LC_DET || k->cls == LC_QUANT || k->cls == LC_POSSPRON) continue;
        if (k->flags & TF_NUM) continue;      /* "Roman Protasevich, 26, and his girlfriend" */
        /* TABARI's noun phrases take adjectives: "Alvora and the grim stern Brenn" */
        if (tabari && word_tagged(c->d, k, WT_ADJ)) continue;
        /* PETRARCH's sets have no adjective list: WordNet's plain adjectives */
        if (c->d->rules == RULES_PETRARCH && plain_adjective(k)) continue;
        return 0;
    }
    return type;
}

/* TABARI: a coded compound ("EAST_AND_WEST_GERMANY [GME/GMW]") acts as its members, one
 * event each: the mention becomes one member per code */
static void split_coded_compounds(sent_ctx *c, group *g)
{
    int n = g->n;
    for (int k = 0; k < n; k++) {
        mention *m = &c->m[g->mem[k]];
        const char *sl = m->code ? strchr(m->code, '/') : NULL;
        if (!sl) continue;
        const char *rest = sl + 1;
        m->code = arena_strndup(c->a, m->code, (size_t)(sl - m->code));
        while (*rest && g->n < MAX_MEMBERS && c->nm < c->mcap) {
            const char *e = strchr(rest, '/');
            size_t l = e ? (size_t)(e - rest) : strlen(rest);
            mention *x = &c->m[c->nm];
            *x = *m;
            x->code = arena_strndup(c->a, rest, l);
            g->mem[g->n++] = c->nm++;
            rest = e ? e + 1 : rest + l;
        }
    }
}

void code_groups(sent_ctx *c)
{
    c->gcap = c->nm + c->n + 8;
    /* not zeroed (it was a fifth of this stage): every group is filled where it is made */
    c->g = arena_alloc_raw(c->a, sizeof(group) * (size_t)c->gcap);
    c->ng = 0;
    /* -1 (no group) for every token, as all-ones bytes; the entry past the end stays 0 */
    c->tok_group = arena_alloc_raw(c->a, sizeof(int) * (size_t)(c->n + 1));
    memset(c->tok_group, 0xff, sizeof(int) * (size_t)c->n);
    c->tok_group[c->n] = 0;
    int live[512], nl = 0;
    for (int k = 0; k < c->nm && nl < 512; k++)
        if (!c->m[k].absorbed && (c->m[k].code || c->m[k].plural_ref)) live[nl++] = k;
    /* plural anaphors ("both sides", "both men", "they") are grouped last, below */
    int refs[64], nr = 0;
    int w = 0;
    for (int q = 0; q < nl; q++) {
        if (c->m[live[q]].plural_ref && nr < 64) refs[nr++] = live[q];
        else live[w++] = live[q];
    }
    nl = w;
    for (int a = 0; a < nl;) {
        /* longest run a..b whose joints are commas or and/or, ending on an and/or joint */
        int b = a, last_and = a, seen_and = 0;
        while (b + 1 < nl) {
            const mention *x = &c->m[live[b]], *y = &c->m[live[b + 1]];
            int j = joint(c, x->t1, y->t0);
            if (!j || (y->prep && y->prep != x->prep)) break;
            /* TABARI's compounds are "A and B" or "A, B, ... and Z"; after an AND only another
               AND goes on ("between A and B, and C and D"), a comma ends it ("A and B, C") */
            if (seen_and && j != 2 && TABARI_LIKE(c->d)) break;
            b++;
            if (j == 2) { last_and = b; seen_and = 1; }
            if (b - a + 1 >= MAX_MEMBERS) break;
        }
        b = last_and;
        group *g = &c->g[c->ng];
        /* most groups are one mention: set apart, as the copy loop became a memcpy call */
        if (a == b) { g->mem[0] = live[a]; g->n = 1; }
        else {
            g->n = 0;
            for (int k = a; k <= b; k++) g->mem[g->n++] = live[k];
        }
        g->t0 = c->m[live[a]].t0; g->t1 = c->m[live[b]].t1;
        /* "authorities in Kosovo and Serbia": the role carries to a bare country */
        const mention *f = &c->m[live[a]];
        /* (not TABARI's: "the envoys of Alvora, Brenn and Calder" is ALVGOV, BRN, CAL) */
        if (g->n > 1 && f->agent && strlen(f->code) == 3 + strlen(f->agent) && c->d->rules != RULES_TABARI) {
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
        if (TABARI_LIKE(c->d)) split_coded_compounds(c, g);
        for (int k = 1; k < g->n; k++) {
            c->m[g->mem[k]].prep = c->m[g->mem[0]].prep;
            c->m[g->mem[k]].prep_word = c->m[g->mem[0]].prep_word;
        }
        /* (from locals: a store to tok_group could be to c->ng, and would reload it) */
        int *const tg = c->tok_group;
        const int gi = c->ng;
        tg[g->t0] = gi;   /* (the first alone: most groups are short, and the vector loop set-up cost more) */
        for (int i = g->t0 + 1; i < g->t1; i++) tg[i] = gi;
        c->ng++;
        a = b + 1;
    }
    /* a plural anaphor stands for the nearest compound before it in the sentence ("spoke with
       Kurti and Vucic and urged both men"), else the article's last compound: it gets one
       mention per member, so events expand as for a written compound */
    int ngroups = c->ng;
    for (int r = 0; r < nr; r++) {
        mention *m = &c->m[refs[r]];
        const char *codes[MAX_MEMBERS]; int nc = 0;
        for (int q = ngroups - 1; q >= 0 && !nc; q--) {
            const group *pg = &c->g[q];
            if (pg->n < 2 || pg->t1 > m->t0) continue;
            for (int k = 0; k < pg->n; k++) codes[nc++] = c->m[pg->mem[k]].code;
        }
        if (!nc && m->expand)
            for (int k = 0; k < c->mem->ncompound && nc < MAX_MEMBERS; k++) codes[nc++] = c->mem->compound[k];
        if (!nc && m->code) codes[nc++] = m->code;
        if (!nc) continue;
        group *g = &c->g[c->ng];
        g->n = 0; g->t0 = m->t0; g->t1 = m->t1;
        m->code = codes[0];
        g->mem[g->n++] = refs[r];
        for (int k = 1; k < nc && g->n < MAX_MEMBERS; k++) {
            mention *x = &c->m[c->nm++];
            *x = *m;
            x->code = codes[k];
            g->mem[g->n++] = (int)(x - c->m);
        }
        for (int i = g->t0; i < g->t1; i++) c->tok_group[i] = c->ng;
        c->ng++;
    }
}

static int is_boundary(const token *k)
{
    if (k->flags & TF_PUNCT) return 0;
    if (k->cls == LC_SUBORD) return !FOLD_IS(k, "as");
    return k->cls == LC_REL;
}

/* a quote closed within a few words ('called the pact "naked aggression"') marks a phrase,
   not a speech: it opens no clause, and its closing mark closes none */
static int scare_quote(const sent_ctx *c, int i)
{
    for (int k = i + 1; k < c->n && k <= i + 6; k++)
        if (c->t[k].flags & TF_QUOTE) return 1;
    return 0;
}

/* Clauses form a tree. A subordinator or relative pronoun opens a clause nested in the
 * current one; after a comma ("..., which started in May, ...") it is parenthetical and the
 * next comma closes it, so the outer clause resumes. Brackets and quotes nest the same way
 * and close at their partner. A semicolon starts a new top-level clause. */
void code_units(sent_ctx *c)
{
    /* not zeroed: every unit and every token's unit is written below */
    c->u = arena_alloc_raw(c->a, sizeof(unit) * (size_t)(c->n + 1));
    c->tok_unit = arena_alloc_raw(c->a, sizeof(int) * (size_t)(c->n + 1));
    c->tok_unit[c->n] = 0;
    /* not zeroed either: a clause's parent and relative flag are written where its number is
       given out (0 here, the others at an opener or a semicolon), and only the numbers given
       out are read */
    c->clause_parent = arena_alloc_raw(c->a, sizeof(int) * (size_t)(c->n + 2));
    c->clause_rel_pron = arena_alloc_raw(c->a, (size_t)(c->n + 2));
    enum { K_PLAIN, K_COMMA, K_PAREN, K_QUOTE };
    int stack[64], kind[64], sp = 0, next_id = 1;
    stack[0] = 0; kind[0] = K_PLAIN; c->clause_parent[0] = -1; c->clause_rel_pron[0] = 0;
    /* the walk keeps the sentence's arrays and its unit count in locals: the stores to units
       and to tok_unit could alias c's fields, and made every iteration reload them */
    const token *const tok = c->t;
    const int n = c->n;
    const int *const tok_group = c->tok_group;
    int *const tok_unit = c->tok_unit;
    unit *const units = c->u;
    int nu = 0;
    for (int i = 0; i < n;) {
        /* most tokens: a word in no group that opens, closes and separates nothing (no
           boundary, no one-character bracket or comma, no quote) stays in the clause it is
           in; a run of them takes this short loop, with the clause in a register */
        const int clause = stack[sp];
        while (i < n && tok_group[i] < 0 && tok[i].fold_len != 1 && !(tok[i].flags & TF_QUOTE) &&
               tok[i].cls != LC_SUBORD && tok[i].cls != LC_REL) {
            unit *u = &units[nu];
            u->t0 = i; u->t1 = i + 1; u->group = -1; u->clause = clause;
            tok_unit[i] = nu;
            i++;
            nu++;
        }
        if (i >= n) break;
        unit *u = &units[nu];
        int g = tok_group[i];
        const token *t = &tok[i];
        if (g >= 0) { u->t0 = c->g[g].t0; u->t1 = c->g[g].t1; u->group = g; }
        else {
            u->t0 = i; u->t1 = i + 1; u->group = -1;
            const char *f = t->fold;
            /* the one-character tokens this reads, as a character (strcmp on every word was
               a fifth of this stage) */
            const int ch = t->fold_len == 1 ? (unsigned char)f[0] : 0;
            int open = 0, k = K_PLAIN;
            if (is_boundary(t) && (i > 0 || t->cls == LC_SUBORD)) {
                open = 1;
                /* after a comma, or opening the sentence ("Minutes before the ceasefire
                   started, the army shelled the town"), the clause closes at the next comma */
                k = (i > 0 && FOLD_IS(&tok[i - 1], ",")) || i <= 2 ? K_COMMA : K_PLAIN;
            } else if (ch == '(' || ch == '[') { open = 1; k = K_PAREN; }
            else if ((t->flags & TF_QUOTE) && (!strcmp(f, "\xe2\x80\x9c") ||
                     (!strcmp(f, "\"") && !(sp > 0 && kind[sp] == K_QUOTE))) &&
                     !scare_quote(c, i)) { open = 1; k = K_QUOTE; }
            if (open && sp < 63 && next_id <= n) {
                c->clause_parent[next_id] = stack[sp];
                c->clause_rel_pron[next_id] = (uint8_t)(t->cls == LC_REL || !strcmp(f, "where"));
                stack[++sp] = next_id++; kind[sp] = k;
            }
            u->clause = stack[sp];
            /* closers: the unit itself still belongs to the clause it closes */
            if (ch == ',') {
                int q = sp;
                while (q > 0 && kind[q] != K_COMMA && kind[q] != K_PAREN && kind[q] != K_QUOTE) q--;
                if (q > 0 && kind[q] == K_COMMA) sp = q - 1;
            } else if (ch == ')' || ch == ']') {
                int q = sp;
                while (q > 0 && kind[q] != K_PAREN) q--;
                if (q > 0) sp = q - 1;
            } else if ((t->flags & TF_QUOTE) && !open) {
                int q = sp;
                while (q > 0 && kind[q] != K_QUOTE) q--;
                if (q > 0) sp = q - 1;
            } else if (ch == ';' && next_id <= n) {
                c->clause_parent[next_id] = -1; c->clause_rel_pron[next_id] = 0;
                sp = 0; stack[0] = next_id++; kind[0] = K_PLAIN;
            }
            tok_unit[i] = nu;   /* (a unit of one token) */
            i = u->t1;
            nu++;
            continue;
        }
        u->clause = stack[sp];
        tok_unit[u->t0] = nu;   /* (the first alone: most groups are short, and the vector loop set-up cost more) */
        for (int q = u->t0 + 1; q < u->t1; q++) tok_unit[q] = nu;
        i = u->t1;
        nu++;
    }
    c->nu = nu;
}

/* clause b's relation to clause a, when they differ (clause_rel, code.h) */
int clause_rel_nested(const sent_ctx *c, int a, int b)
{
    for (int p = c->clause_parent[b], guard = 0; p >= 0 && guard < 64; p = c->clause_parent[p], guard++)
        if (p == a) return 1;
    return -1;
}
