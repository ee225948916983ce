/* verbs.c - the verb-pattern reader (PETRARCH-1 syntax, which is also ours):
 * synonym sets (&NAME + members), blocks (--- LABEL [code] ---), verbs (one a line, optional
 * {irregular forms} and own [code], '+' marking the verb word of a multi-word verb) and
 * patterns ("- $ * ON + [190]") that belong to the block. Patterns are compiled into a lower
 * part (matched leftwards from the verb) and an upper part (rightwards). */
#include "dict.h"
#include "reader.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

synset *vb_synset_get(dict *d, const char *name, size_t n, int create)
{
    uint32_t *v = strmap_get(&d->synset_ix, name, n);
    if (v) return d->synsets[*v];
    if (!create) return NULL;
    synset *s = arena_alloc(&d->mem, sizeof *s);
    s->name = arena_strndup(&d->mem, name, n);
    if (d->nsyn == d->syncap) {
        d->syncap = d->syncap ? d->syncap * 2 : 32;
        d->synsets = rg_realloc(d->rg, d->synsets, (size_t)d->syncap * sizeof *d->synsets);
    }
    strmap_put(&d->synset_ix, name, n, (uint32_t)d->nsyn, NULL);
    s->id = d->nsyn;
    d->synsets[d->nsyn++] = s;
    return s;
}

static void synset_push(dict *d, synset *s, word_match *w, int nw)
{
    if (!nw) return;
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 8;
        s->mem = rg_realloc(d->rg, s->mem, (size_t)s->cap * sizeof *s->mem);
        s->memlen = rg_realloc(d->rg, s->memlen, (size_t)s->cap * sizeof *s->memlen);
    }
    s->mem[s->n] = w; s->memlen[s->n] = nw; s->n++;
}

/* Length of the longest defined synonym-set name at s ('&' first). Names may contain '_', so
   "&X_PROTESTER_GROUP" is "&X_PROTESTER" + "GROUP" when only the former is defined. The name
   ends at a blank, the end of the text, or a '_' that follows a defined name. 0: none. */
size_t vb_synset_name_len(dict *d, const char *s)
{
    size_t end = 0;
    while (s[end] && s[end] != ' ' && s[end] != '\t' && s[end] != '}' && s[end] != '|') end++;
    for (;;) {
        if (end > 1 && vb_synset_get(d, s, end, 0)) return end;
        size_t prev = end ? end - 1 : 0;
        while (prev > 0 && s[prev] != '_') prev--;
        if (prev == 0) return 0;
        end = prev;
    }
}

static int compile_words(dict *d, const char *raw, size_t n, int tabari, word_match **w)
{
    return tabari ? tabari_phrase(d, raw, n, w) : dict_phrase(d, raw, n, w);
}

/* One member line of a synonym set ("+MEMOS_ON_&TIETYPES"): a word sequence, which may name
   one other set (expanded here into one member per member of that set). Returns 0, or -1
   with *why set when the member cannot be compiled. */
int vb_synset_add(dict *d, synset *s, const char *raw, size_t n, int tabari, const char **why)
{
    char buf[512];
    while (n && (raw[n - 1] == ' ' || raw[n - 1] == '\t')) n--;
    if (n == 0) { *why = "empty synonym-set member"; return -1; }
    if (n >= sizeof buf) { *why = "synonym-set member too long"; return -1; }
    memcpy(buf, raw, n); buf[n] = 0;
    for (char *p = buf; *p; p++)
        if ((*p == '$' || *p == '+' || *p == '%' || *p == '^') && (p == buf || p[-1] == '_' || p[-1] == ' ') &&
            (!p[1] || p[1] == '_' || p[1] == ' ')) { *why = "actor tokens in a synonym-set member are not supported"; return -1; }
    char *amp = strchr(buf, '&');
    word_match *w;
    if (!amp) {
        int nw = compile_words(d, buf, n, tabari, &w);
        if (!nw) { *why = "synonym-set member has no words"; return -1; }
        synset_push(d, s, w, nw);
        return 0;
    }
    size_t nl = vb_synset_name_len(d, amp);
    if (!nl) { *why = "unknown synonym set in a member"; return -1; }
    synset *x = vb_synset_get(d, amp, nl, 0);
    if (x == s) { *why = "a synonym set cannot contain itself"; return -1; }
    size_t ll = (size_t)(amp - buf);
    while (ll && (buf[ll - 1] == ' ' || buf[ll - 1] == '\t' || (!tabari && buf[ll - 1] == '_'))) ll--;
    const char *right = amp + nl;
    while (*right == '_' || *right == ' ' || *right == '\t') right++;
    if (strchr(right, '&')) { *why = "only one synonym set per member"; return -1; }
    word_match *L = NULL, *R = NULL;
    int nL = ll ? compile_words(d, buf, ll, tabari, &L) : 0;
    int nR = *right ? compile_words(d, right, strlen(right), tabari, &R) : 0;
    int nmem = x->n;
    for (int m = 0; m < nmem; m++) {
        int tot = nL + x->memlen[m] + nR;
        word_match *v = arena_alloc(&d->mem, sizeof *v * (size_t)tot);
        if (nL) memcpy(v, L, sizeof *v * (size_t)nL);
        memcpy(v + nL, x->mem[m], sizeof *v * (size_t)x->memlen[m]);
        if (nR) memcpy(v + nL + x->memlen[m], R, sizeof *v * (size_t)nR);
        synset_push(d, s, v, tot);
    }
    return 0;
}

/* "[190]", "[190:190]", "[---]", "[###]", "[:173]", "[0231?]" */
int vb_event_code(dict *d, const char *s, const char **code, const char **code2,
                            uint8_t *null_code, uint8_t *discard)
{
    const char *lb = strrchr(s, '[');
    const char *rb = lb ? strchr(lb, ']') : NULL;
    *code = *code2 = NULL; *null_code = *discard = 0;
    if (!lb || !rb) return -1;
    char buf[64];
    size_t n = (size_t)(rb - lb - 1);
    if (n >= sizeof buf) return -1;
    memcpy(buf, lb + 1, n); buf[n] = 0;
    while (n && (buf[n - 1] == ' ' || buf[n - 1] == '?' || buf[n - 1] == '!')) buf[--n] = 0;
    char *p = buf;
    while (*p == ' ') p++;
    if (!strcmp(p, "###")) { *discard = 1; return 0; }
    if (!strcmp(p, "---") || !strcmp(p, "+++") || !*p) { *null_code = 1; return 0; }
    char *colon = strchr(p, ':');
    if (colon) {
        *colon = 0;
        if (colon[1]) *code2 = arena_strdup(&d->mem, colon + 1);
    }
    for (char *q = p; *q; q++) if (!isalnum((unsigned char)*q)) return -1;
    if (*p) *code = arena_strdup(&d->mem, p);
    else *null_code = 1;    /* "[:173]": passive-only (PETRARCH-2); not an active code */
    return 0;
}

uint8_t vb_code_weight(const char *s)
{
    const char *lb = strrchr(s, '[');
    const char *rb = lb ? strchr(lb, ']') : NULL;
    while (rb && rb > lb + 1 && rb[-1] == ' ') rb--;
    if (!rb || rb == lb + 1) return CW_NORMAL;
    return rb[-1] == '?' ? CW_SUBORD : rb[-1] == '!' ? CW_DOMINANT : CW_NORMAL;
}

static int alnum_len(const char *s)
{
    int n = 0;
    for (; s && *s; s++) n += isalnum((unsigned char)*s) != 0;
    return n;
}

typedef struct raw_elem { pat_elem e; int join_next; int is_verb; } raw_elem;

static int is_neg_word(const char *w) { return !strcmp(w, "not") || !strcmp(w, "no") ||
                                               !strcmp(w, "never") || !strcmp(w, "n't"); }

/* compile the token part of a pattern line (without the leading '-' and the [code]).
 * tabari: TABARI's word rules: a word followed by '_' is exact, one followed by a blank (or
 * ending the pattern) is a stem that matches any word beginning with it, WORD~ is a stem that
 * the next element must touch, WORD= is exact. Otherwise (PETRARCH-1 and ours) words match by
 * folded form or lemma and only a trailing '_' makes a word exact. */
int vb_compile_pattern(dict *d, char *s, pattern *p, const char **why, int tabari)
{
    raw_elem el[64]; int n = 0;
    for (char *chunk = strtok(s, " \t"); chunk; chunk = strtok(NULL, " \t")) {
        if (!strcmp(chunk, "{") || !strcmp(chunk, "|") || !strcmp(chunk, "}") || strchr(chunk, '{')) {
            *why = "alternatives { | } are TABARI-only"; return -1;
        }
        char *piece = chunk;
        for (;;) {
            char *us = strchr(piece, '_');
            if (piece[0] == '&') {
                size_t nl = vb_synset_name_len(d, piece);
                us = nl && piece[nl] ? piece + nl : NULL;
            }
            if (us) *us = 0;
            int tilde = 0, eq = 0;
            if (tabari) {
                size_t pl = strlen(piece);
                if (pl > 1 && piece[pl - 1] == '~') { piece[pl - 1] = 0; tilde = 1; }
                else if (pl > 1 && piece[pl - 1] == '=') { piece[pl - 1] = 0; eq = 1; }
            }
            if (*piece) {
                if (n >= 60) { *why = "pattern too long"; return -1; }
                raw_elem *r = &el[n];
                memset(r, 0, sizeof *r);
                if (!strcmp(piece, "*")) { r->is_verb = 1; n++; }
                else if (!strcmp(piece, "$")) { r->e.kind = PE_SRC; n++; }
                else if (!strcmp(piece, "+")) { r->e.kind = PE_TGT; n++; }
                else if (!strcmp(piece, "^")) { r->e.kind = PE_SKIP; n++; }
                else if (!strcmp(piece, "%")) { r->e.kind = PE_COMP; n++; }
                else if (piece[0] == '&') {
                    synset *sy = vb_synset_get(d, piece, strlen(piece), 0);
                    if (!sy) { *why = "unknown synonym set"; return -1; }
                    r->e.kind = PE_SYN; r->e.syn = sy; n++;
                } else {
                    word_match *w;
                    int nw = dict_phrase(d, piece, strlen(piece), &w);
                    for (int i = 0; i < nw && n < 60; i++) {
                        raw_elem *q = &el[n++];
                        memset(q, 0, sizeof *q);
                        q->e.kind = PE_WORD; q->e.w = w[i];
                        q->e.neg = (uint8_t)is_neg_word(w[i].text);
                        if (i + 1 < nw) q->join_next = 1;
                        if (tabari) {
                            /* "REAL~_PLEASANT": the word before a ~ takes any ending */
                            if (!tilde && (i + 1 < nw || us || eq)) q->e.w.exact = 1;
                            else q->e.w.prefix = 1;
                        }
                    }
                }
                if (tilde && n) el[n - 1].join_next = 1;
            }
            if (!us) break;
            /* a trailing '_' means an exact word (no lemma), as in TABARI; an inner one
               joins two elements that must touch */
            if (us[1] == 0) { if (n && el[n - 1].e.kind == PE_WORD) el[n - 1].e.w.exact = 1; break; }
            if (n) el[n - 1].join_next = 1;
            piece = us + 1;
        }
    }
    int star = -1;
    for (int i = 0; i < n; i++) if (el[i].is_verb) { if (star >= 0) { *why = "two '*'"; return -1; } star = i; }
    if (star < 0) { *why = "no '*' in pattern"; return -1; }
    p->nlower = star; p->nupper = n - star - 1;
    p->lower = p->nlower ? arena_alloc(&d->mem, sizeof(pat_elem) * (size_t)p->nlower) : NULL;
    p->upper = p->nupper ? arena_alloc(&d->mem, sizeof(pat_elem) * (size_t)p->nupper) : NULL;
    for (int k = 0; k < p->nlower; k++) {      /* nearest the verb first */
        int i = star - 1 - k;
        p->lower[k] = el[i].e;
        p->lower[k].consec = (uint8_t)el[i].join_next;
    }
    for (int k = 0; k < p->nupper; k++) {
        int i = star + 1 + k;
        p->upper[k] = el[i].e;
        p->upper[k].consec = (uint8_t)el[i - 1].join_next;
    }
    int actors = 0;
    for (int i = 0; i < n; i++) {
        /* TABARI tries the longest pattern first, its length counted in letters and digits of
           its words (manual 5.6); ours and PETRARCH's count words and sets */
        if (tabari && el[i].e.kind == PE_WORD) p->nlit += alnum_len(el[i].e.w.text);
        else if (tabari && el[i].e.kind == PE_SYN) p->nlit += alnum_len(el[i].e.syn->name);
        else if (el[i].e.kind == PE_WORD || el[i].e.kind == PE_SYN) p->nlit++;
        if (el[i].e.kind == PE_SRC || el[i].e.kind == PE_TGT || el[i].e.kind == PE_SKIP ||
            el[i].e.kind == PE_COMP) actors++;
        if (el[i].e.neg && i < star) p->has_neg = 1;
    }
    p->guard = (uint8_t)(p->null_code && !actors && p->nupper == 0 && p->nlower > 0);
    return 0;
}

verb_block *vb_new_block(dict *d, const char *label, const char *src)
{
    verb_block *b = arena_alloc(&d->mem, sizeof *b);
    b->label = arena_strdup(&d->mem, label);
    b->src = src;
    if (d->nblocks == d->bcap) {
        d->bcap = d->bcap ? d->bcap * 2 : 256;
        d->blocks = rg_realloc(d->rg, d->blocks, (size_t)d->bcap * sizeof *d->blocks);
    }
    d->blocks[d->nblocks++] = b;
    return b;
}

void vb_index_verb(dict *d, const verb_entry *v)
{
    const word_match *h = &v->w[v->head];
    uint32_t keys[3] = { h->vlem, h->nlem, h->fold };
    for (int k = 0; k < 3; k++) {
        int dup = 0;
        for (int j = 0; j < k; j++) if (keys[j] == keys[k]) dup = 1;
        if (!keys[k] || dup) continue;
        verb_list *l = &d->verbs_by_word[keys[k]];
        if (l->n == l->cap) {
            l->cap = l->cap ? l->cap * 2 : 2;
            l->v = rg_realloc(d->rg, l->v, (size_t)l->cap * sizeof *l->v);
        }
        l->v[l->n++] = v;
    }
}

void vb_add_pattern(dict *d, verb_block *b, pattern *p)
{
    if (b->npat == b->cap) {
        b->cap = b->cap ? b->cap * 2 : 8;
        b->pat = rg_realloc(d->rg, b->pat, (size_t)b->cap * sizeof *b->pat);
    }
    p->seq = (int)d->st.patterns;
    b->pat[b->npat++] = p;
    d->st.patterns++;
}

/* one verb spelling: "ATTACK", "+CLEAR_UP", "WIRE_+TAP" */
static void add_verb(dict *d, verb_block *b, const char *raw, size_t n, const char *code,
                     const char *code2, const char *src)
{
    char buf[256];
    if (n >= sizeof buf) return;
    int head_seg = 0, seg = 0;
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (raw[i] == '+') { head_seg = seg; continue; }
        if (raw[i] == '_') seg++;
        buf[o++] = raw[i];
    }
    buf[o] = 0;
    verb_entry *v = arena_alloc(&d->mem, sizeof *v);
    v->nw = dict_phrase(d, buf, o, &v->w);
    if (!v->nw) return;
    v->head = head_seg < v->nw ? head_seg : 0;
    v->block = b; v->code = code; v->code2 = code2; v->src = src;
    vb_index_verb(d, v);
    d->st.verbs++;
}

int dict_load_verbs(dict *d, const char *path, dict_diag *dg)
{
    src_file f;
    if (file_open(d, &f, path, dg) < 0) return -1;
    verb_block *blk = NULL;
    synset *syn = NULL;
    d->dx.files++;
    char *line;
    while ((line = next_line(&f))) {
        if (xml_comment_line(&f, line)) continue;
        if (line[0] == '#' || (line[0] == '<' && line[1] == '!')) continue;
        cut_comment(line);
        char *s = line;
        while (*s == ' ' || *s == '\t') s++;
        if (!*s) { syn = NULL; continue; }
        const char *src = where(d, &f);
        if (*s == '&') {
            /* "&AUXVERB1_": a trailing '_' on the label only says "no plurals" (PETRARCH) */
            size_t nl = phrase_len(s);
            while (nl > 1 && s[nl - 1] == '_') nl--;
            syn = vb_synset_get(d, s, nl, 1);
            continue;
        }
        if (*s == '+' && syn) {
            const char *why = "";
            if (vb_synset_add(d, syn, s + 1, strlen(s + 1), 0, &why) < 0)
                dict_report(dg, f.path, f.line, "%s: %s", why, s);
            continue;
        }
        syn = NULL;
        if (!strncmp(s, "---", 3)) {
            char *lab = s + 3;
            while (*lab == ' ') lab++;
            size_t ll = 0;
            while (lab[ll] && lab[ll] != ' ' && lab[ll] != '[') ll++;
            char label[128];
            snprintf(label, sizeof label, "%.*s", (int)ll, lab);
            blk = vb_new_block(d, label, src);
            uint8_t nc, dc;
            if (vb_event_code(d, s, &blk->code, &blk->code2, &nc, &dc) < 0)
                dict_report(dg, f.path, f.line, "block header needs [code]: %s", s);
            continue;
        }
        if (*s == '~') { d->dx.p2_transformations++; continue; }   /* PETRARCH-2 transformation: not used */
        if (!blk) { dict_report(dg, f.path, f.line, "line before any --- BLOCK ---: %s", s); continue; }
        if (s[0] == '-' && (s[1] == ' ' || s[1] == '\t')) {
            pattern *p = arena_alloc(&d->mem, sizeof *p);
            p->src = src;
            char *lb = strrchr(s, '[');
            if (!lb || vb_event_code(d, lb, &p->code, &p->code2, &p->null_code, &p->discard) < 0) {
                dict_report(dg, f.path, f.line, "pattern needs a [code]: %s", s);
                continue;
            }
            *lb = 0;
            const char *why = "";
            if (vb_compile_pattern(d, s + 2, p, &why, 0) < 0) {
                dict_report(dg, f.path, f.line, "bad pattern (%s)", why);
                continue;
            }
            vb_add_pattern(d, blk, p);
            continue;
        }
        /* a verb line */
        size_t pl = 0;
        while (s[pl] && s[pl] != ' ' && s[pl] != '\t' && s[pl] != '[' && s[pl] != '{') pl++;
        if (!pl) { dict_report(dg, f.path, f.line, "cannot read verb line: %s", s); continue; }
        const char *code = NULL, *code2 = NULL;
        char *lb = strchr(s + pl, '[');
        if (lb) {
            uint8_t nc, dc;
            if (vb_event_code(d, lb, &code, &code2, &nc, &dc) < 0) {
                dict_report(dg, f.path, f.line, "bad verb code: %s", lb);
                continue;
            }
            if (nc) code = arena_strdup(&d->mem, "---");   /* not a literal: see cache.c */
        }
        add_verb(d, blk, s, pl, code, code2, src);
        char *ob = strchr(s + pl, '{');
        char *cb = ob ? strchr(ob, '}') : NULL;
        if (ob && cb) {
            *cb = 0;
            for (char *t = strtok(ob + 1, " \t"); t; t = strtok(NULL, " \t"))
                add_verb(d, blk, t, strlen(t), code, code2, src);
        }
    }
    file_close(&f);
    return 0;
}
