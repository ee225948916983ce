/* dict.c - the compiled dictionary's core: vocabulary interning, compiling words and phrases,
 * the phrase and verb indexes, date-restricted codes, diagnostics and the dictionary hash.
 * Every dictionary word is compiled to three vocabulary ids (folded form, noun lemma, verb
 * lemma), so matching a token is a few integer compares. */
#include "dict.h"
#include "../text/text.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <sys/stat.h>

void dict_init(dict *d, const lexicon *lx) { dict_init_in(d, lx, NULL); }

void dict_init_in(dict *d, const lexicon *lx, region *rg)
{
    memset(d, 0, sizeof *d);
    d->rg = rg;
    arena_init_in(&d->mem, 256 * 1024, rg);
    arena_init(&d->scratch, 16 * 1024);
    strmap_init_in(&d->vocab, rg);
    strmap_init_in(&d->synset_ix, rg);
    strmap_init_in(&d->cameo_ix, rg);
    d->lx = lx;
    d->hstate = 1469598103934665603ull;
    dict_intern(d, "", 0);   /* id 0 is "no word" */
}

void dict_free(dict *d)
{
    free(d->sources);
    d->sources = NULL; d->nsources = 0;
    if (d->rg) {                  /* everything else is in the region, released whole */
        arena_free(&d->scratch);
        return;
    }
    free(d->words);
    free(d->lemmas);
    free(d->lex_of);
    free(d->word_has);
    free(d->syn_at); free(d->syn_of); free(d->syn_always);
    arena_free(&d->scratch);
    if (d->by_word)
        for (uint32_t i = 0; i < d->index_cap; i++) {
            phrase_keys *x = d->by_word[i].keys;
            if (x) { free(x->by_fold); free(x->by_nlem); free(x->other); free(x); }
            free(d->by_word[i].v);
        }
    if (d->discard_by_word) for (uint32_t i = 0; i < d->index_cap; i++) free(d->discard_by_word[i].v);
    if (d->verbs_by_word) for (uint32_t i = 0; i < d->index_cap; i++) free(d->verbs_by_word[i].v);
    free(d->by_word); free(d->discard_by_word); free(d->verbs_by_word); free(d->word_tag);
    for (int i = 0; i < d->nsyn; i++) {
        free(d->synsets[i]->mem); free(d->synsets[i]->memlen); free(d->synsets[i]->first);
        free(d->synsets[i]->lens); free(d->synsets[i]->mkey); free(d->synsets[i]->mother);
    }
    free(d->synsets);
    for (int i = 0; i < d->nblocks; i++) { free(d->blocks[i]->pat); free(d->blocks[i]->rows); free(d->blocks[i]->sig); }
    free(d->blocks);
    free(d->cameo);
    strmap_free(&d->vocab); strmap_free(&d->synset_ix); strmap_free(&d->cameo_ix);
    arena_free(&d->mem);
}

void dict_note_source(dict *d, const char *path)
{
    if (d->nsources == d->capsources) {
        d->capsources = d->capsources ? d->capsources * 2 : 16;
        d->sources = realloc(d->sources, (size_t)d->capsources * sizeof *d->sources);
    }
    dict_source *s = &d->sources[d->nsources++];
    memset(s, 0, sizeof *s);
    snprintf(s->path, sizeof s->path, "%s", path);
    struct stat st;
    if (stat(path, &st) == 0) {
        s->exists = 1;
        s->size = (int64_t)st.st_size;
        s->mtime_ns = (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec;
    }
}

static void grow_index(dict *d, uint32_t need)
{
    if (need < d->index_cap) return;
    uint32_t nc = d->index_cap ? d->index_cap : 4096;
    while (nc <= need) nc *= 2;
    d->by_word = rg_realloc(d->rg, d->by_word, nc * sizeof *d->by_word);
    d->discard_by_word = rg_realloc(d->rg, d->discard_by_word, nc * sizeof *d->discard_by_word);
    d->verbs_by_word = rg_realloc(d->rg, d->verbs_by_word, nc * sizeof *d->verbs_by_word);
    d->word_tag = rg_realloc(d->rg, d->word_tag, nc);
    memset(d->word_tag + d->index_cap, 0, nc - d->index_cap);
    memset(d->by_word + d->index_cap, 0, (nc - d->index_cap) * sizeof *d->by_word);
    memset(d->discard_by_word + d->index_cap, 0, (nc - d->index_cap) * sizeof *d->discard_by_word);
    memset(d->verbs_by_word + d->index_cap, 0, (nc - d->index_cap) * sizeof *d->verbs_by_word);
    d->index_cap = nc;
}

uint32_t dict_intern(dict *d, const char *w, size_t n)
{
    int added;
    uint32_t *v = strmap_put(&d->vocab, w, n, d->nwords, &added);
    if (added) {
        if (d->nwords == d->wcap) {
            d->wcap = d->wcap ? d->wcap * 2 : 4096;
            d->words = rg_realloc(d->rg, d->words, d->wcap * sizeof *d->words);
            d->lemmas = rg_realloc(d->rg, d->lemmas, d->wcap * 2 * sizeof *d->lemmas);
        }
        d->lemmas[2 * d->nwords] = d->lemmas[2 * d->nwords + 1] = 0;
        d->words[d->nwords++] = arena_strndup(&d->mem, w, n);
        grow_index(d, d->nwords);
    }
    return *v;
}

uint32_t dict_word_id(const dict *d, const char *w, size_t n)
{
    const uint32_t *v = strmap_get(&d->vocab, w, n);
    return v ? *v : 0;
}

uint32_t dict_word_id_h(const dict *d, const char *w, size_t n, uint32_t hash)
{
    const uint32_t *v = strmap_get_h(&d->vocab, w, n, hash);
    return v ? *v : 0;
}

void dict_word_analyse(const dict *d, const char *fold, size_t n, uint32_t fold_id, word_lex *out)
{
    lex_word lw;
    lex_analyse(d->lx, fold, n, &lw);   /* the lemmas come hashed: looked up here by hash */
    out->cls = (uint8_t)lex_class(fold);
    out->pos_hint = (uint8_t)lw.pos;
    const char *nl = lw.noun, *vl = lw.verb;
    out->nlem_id = nl ? dict_word_id_h(d, nl, lw.noun_len, lw.noun_hash) : fold_id;
    /* proper-noun plurals WordNet does not know ("Kosovars"): the singular, when it is a
       dictionary word */
    if (!nl && n > 3 && fold[n - 1] == 's' && fold[n - 2] != 's' && fold[n - 2] != 'u')
        out->nlem_id = lw.chop_hash ? dict_word_id_h(d, fold, n - 1, lw.chop_hash)
                                    : dict_word_id(d, fold, n - 1);
    if (!out->nlem_id) out->nlem_id = fold_id;
    out->vlem_id = vl ? dict_word_id_h(d, vl, lw.verb_len, lw.verb_hash) : fold_id;
    out->form = lex_verb_form_n(fold, n, vl, lw.verb_len);
    out->wh = dict_wh(d, fold_id, out->nlem_id, out->vlem_id);
    out->idm = dict_idm(fold_id, out->nlem_id, out->vlem_id);
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* the keys of one long phrase list (dict.h, phrase_keys) */
static void phrase_list_keys(dict *d, phrase_list *l)
{
    if (l->keys) {
        rg_free(d->rg, l->keys->by_fold); rg_free(d->rg, l->keys->by_nlem);
        rg_free(d->rg, l->keys->other); rg_free(d->rg, l->keys);
        l->keys = NULL;
    }
    if (l->n < PHRASE_KEYS_MIN) return;
    phrase_keys *x = rg_calloc(d->rg, 1, sizeof *x);
    x->by_fold = rg_calloc_data(d->rg, (size_t)l->n, sizeof *x->by_fold);
    x->by_nlem = rg_calloc_data(d->rg, (size_t)l->n, sizeof *x->by_nlem);
    x->other = rg_calloc_data(d->rg, (size_t)l->n, sizeof *x->other);
    for (int j = 0; j < l->n; j++) {
        const phrase *p = l->v[j];
        if (!phrase_told_by_second(p)) { x->other[x->nother++] = (uint32_t)j; continue; }
        const word_match *w = &p->w[1];
        x->by_fold[x->nfold++] = (uint64_t)w->fold << 32 | (uint32_t)j;
        if (!w->exact && w->nlem) x->by_nlem[x->nnlem++] = (uint64_t)w->nlem << 32 | (uint32_t)j;
    }
    qsort(x->by_fold, (size_t)x->nfold, sizeof *x->by_fold, cmp_u64);
    qsort(x->by_nlem, (size_t)x->nnlem, sizeof *x->by_nlem, cmp_u64);
    l->keys = x;
}

/* which indexes each word has entries in (dict.h, word_has) */
static void index_presence(dict *d)
{
    rg_free(d->rg, d->word_has);
    d->word_has = rg_calloc_data(d->rg, (size_t)d->nwords + 1, 1);
    for (uint32_t id = 0; id < d->nwords && id < d->index_cap; id++) {
        uint8_t h = 0;
        if (d->by_word && d->by_word[id].n) h |= WH_PHRASE;
        if (d->discard_by_word && d->discard_by_word[id].n) h |= WH_DISCARD;
        if (d->verbs_by_word && d->verbs_by_word[id].n) h |= WH_VERB;
        if (d->syn_at && id < d->syn_words && d->syn_at[id] < d->syn_at[id + 1]) h |= WH_SYN;
        d->word_has[id] = h;
    }
    d->nhas = d->nwords < d->index_cap ? d->nwords : d->index_cap;
}

/* every vocabulary word's analysis, for the code stage's lexify */
static void analyse_vocabulary(dict *d)
{
    rg_free(d->rg, d->lex_of);
    d->lex_of = rg_calloc_data(d->rg, (size_t)d->nwords + 1, sizeof *d->lex_of);
    for (uint32_t id = 1; id < d->nwords; id++)
        dict_word_analyse(d, d->words[id], strlen(d->words[id]), id, &d->lex_of[id]);
    d->nlex = d->nwords;
}

/* compile one folded word */
static void compile_fold(dict *d, const char *f, size_t n, word_match *out)
{
    char buf[256];
    memset(out, 0, sizeof *out);
    out->fold = dict_intern(d, f, n);
    out->text = d->words[out->fold];
    /* a word's lemmas are worked out once: dictionaries repeat their words a great deal */
    if (d->lemmas[2 * out->fold]) {
        out->nlem = d->lemmas[2 * out->fold];
        out->vlem = d->lemmas[2 * out->fold + 1];
        return;
    }
    const char *l = lex_lemma(d->lx, f, n, LEX_CAN_NOUN, buf, sizeof buf);
    out->nlem = l ? dict_intern(d, l, strlen(l)) : out->fold;
    l = lex_lemma(d->lx, f, n, LEX_CAN_VERB, buf, sizeof buf);
    out->vlem = l ? dict_intern(d, l, strlen(l)) : out->fold;
    d->lemmas[2 * out->fold] = out->nlem;
    d->lemmas[2 * out->fold + 1] = out->vlem;
}

void dict_word(dict *d, const char *raw, size_t n, word_match *out)
{
    uint32_t fl;
    arena tmp; arena_init(&tmp, 1024);
    const char *f = text_fold(&tmp, raw, n, &fl);
    compile_fold(d, f, fl, out);
    arena_free(&tmp);
}

/* Compile a dictionary phrase ("KOSOVO_POLICE", "PORT-AU-PRINCE", "PEOPLE'S_ARMY") into words,
 * tokenized exactly as article text is, so both sides split alike. A trailing '_' makes the
 * last word exact. Returns the number of words, 0 on an empty phrase. */
int dict_phrase(dict *d, const char *raw, size_t n, word_match **out)
{
    char *s = malloc(n + 1);
    memcpy(s, raw, n); s[n] = 0;
    int exact_last = 0;
    while (n && s[n - 1] == '_') { exact_last = 1; s[--n] = 0; }
    for (size_t i = 0; i < n; i++) if (s[i] == '_') s[i] = ' ';
    arena_reset(&d->scratch);
    token *t;
    int nt = text_tokenize(&d->scratch, s, 0, (uint32_t)n, 0, &t);
    word_match *w = nt ? arena_alloc(&d->mem, sizeof *w * (size_t)nt) : NULL;
    for (int i = 0; i < nt; i++) compile_fold(d, t[i].fold, t[i].fold_len, &w[i]);
    if (nt && exact_last) w[nt - 1].exact = 1;
    free(s);
    *out = w;
    return nt;
}

void dict_index_phrase(dict *d, phrase_list *ix, const phrase *p)
{
    uint32_t keys[2] = { p->w[0].fold, p->w[0].exact ? 0 : p->w[0].nlem };
    for (int k = 0; k < 2; k++) {
        if (!keys[k] || (k == 1 && keys[1] == keys[0])) continue;
        phrase_list *l = &ix[keys[k]];
        if (l->n == l->cap) {
            l->cap = l->cap ? l->cap * 2 : 2;
            l->v = rg_realloc(d->rg, l->v, (size_t)l->cap * sizeof *l->v);
        }
        l->v[l->n++] = p;
    }
}

void dict_report(dict_diag *dg, const char *file, long line, const char *fmt, ...)
{
    hd_error e;
    snprintf(e.file, sizeof e.file, "%s", file ? file : "");
    e.line = line;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e.msg, sizeof e.msg, fmt, ap);
    va_end(ap);
    if (dg) { dg->count++; if (dg->fn) dg->fn(&e, dg->ud); }
}

const char *dict_actor_code(const actor_entry *e, int32_t date)
{
    const char *dflt = NULL;
    int restricted = 0;
    for (int i = 0; i < e->ncodes; i++) {
        const dated_code *c = &e->codes[i];
        if (!c->from && !c->to) { if (!dflt) dflt = c->code; continue; }
        restricted++;
        if ((!c->from || date >= c->from) && (!c->to || date <= c->to))
            return dict_null_code(c->code) ? NULL : c->code;    /* [---]: no code */
    }
    if (dflt && !dict_null_code(dflt)) return dflt;
    return NULL;
}

const cameo_info *dict_cameo(const dict *d, const char *code)
{
    const uint32_t *v = strmap_get(&d->cameo_ix, code, strlen(code));
    return v ? &d->cameo[*v] : NULL;
}

/* hash of everything loaded: FNV-1a 64 over file contents, in load order */
void dict_hash_bytes(dict *d, const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++) { d->hstate ^= (unsigned char)p[i]; d->hstate *= 1099511628211ull; }
}

/* one side of a pattern as bytes: its direction, then of each element all that the matcher
   reads (kind, adjacency, the word's ids and flags, the set); 0 when it is too long to keep */
static size_t side_key(const pat_elem *e, int n, int side, unsigned char *buf, size_t cap)
{
    size_t o = 0;
    buf[o++] = (unsigned char)side;
    for (int k = 0; k < n; k++) {
        const unsigned char flags[7] = { e[k].kind, e[k].consec, e[k].neg, e[k].w.exact,
                                         e[k].w.prefix, e[k].w.endings, e[k].w.gap };
        /* the set by its id, not its address: the same ids (and hash table) on every run */
        const uint32_t ids[4] = { e[k].w.fold, e[k].w.nlem, e[k].w.vlem,
                                  e[k].syn ? (uint32_t)e[k].syn->id + 1 : 0 };
        if (o + sizeof flags + sizeof ids > cap) return 0;
        memcpy(buf + o, flags, sizeof flags); o += sizeof flags;
        memcpy(buf + o, ids, sizeof ids); o += sizeof ids;
    }
    return o;
}

/* every pattern's side ids (pattern.side_id): equal sides, equal ids */
static void pattern_sides(dict *d)
{
    strmap ids; strmap_init(&ids);
    unsigned char buf[1024];
    d->nsides = 0;
    for (int i = 0; i < d->nblocks; i++)
        for (int j = 0; j < d->blocks[i]->npat; j++) {
            pattern *p = d->blocks[i]->pat[j];
            for (int side = SIDE_UPPER; side <= SIDE_LOWER; side++) {
                const pat_elem *e = side == SIDE_UPPER ? p->upper : p->lower;
                int n = side == SIDE_UPPER ? p->nupper : p->nlower;
                size_t len = n ? side_key(e, n, side, buf, sizeof buf) : 0;
                int added = 0;
                uint32_t *v = len ? strmap_put(&ids, (const char *)buf, len, d->nsides + 1, &added) : NULL;
                if (added) d->nsides++;
                p->side_id[side] = v ? *v : 0;
            }
        }
    strmap_free(&ids);
}

static int pat_cmp(const void *a, const void *b)
{
    const pattern *x = *(pattern *const *)a, *y = *(pattern *const *)b;
    if (x->nlit != y->nlit) return y->nlit - x->nlit;
    int lx = x->nlower + x->nupper, ly = y->nlower + y->nupper;
    if (lx != ly) return ly - lx;
    return x->seq - y->seq;
}

/* A synonym set answers "can a member start with this word?" in O(1): a small open-addressing
 * set of the ids (folded form and lemmas) of its members' first words. The matcher asks it
 * for every word it scans, so this is the hot path of pattern matching. */
static void set_add(uint32_t *t, uint32_t cap, uint32_t key)
{
    if (!key) return;
    uint32_t i = (key * 2654435761u) & (cap - 1);
    while (t[i] && t[i] != key) i = (i + 1) & (cap - 1);
    t[i] = key;
}

int synset_may_start(const synset *s, uint32_t fold, uint32_t nlem, uint32_t vlem)
{
    if (!s->first) return 1;
    uint32_t keys[3] = { fold, nlem, vlem };
    for (int k = 0; k < 3; k++) {
        uint32_t key = keys[k];
        if (!key) continue;
        uint32_t i = (key * 2654435761u) & (s->firstcap - 1);
        while (s->first[i]) { if (s->first[i] == key) return 1; i = (i + 1) & (s->firstcap - 1); }
    }
    return 0;
}

static void synset_index(dict *d, synset *s)
{
    uint32_t cap = 16;
    while (cap < (uint32_t)s->n * 12) cap *= 2;
    s->first = rg_calloc_data(d->rg, cap, sizeof *s->first);
    s->firstcap = cap;
    for (int m = 0; m < s->n; m++) {
        const word_match *w = &s->mem[m][0];
        if (w->prefix) { rg_free(d->rg, s->first); s->first = NULL; return; }   /* stems: no index */
        set_add(s->first, cap, w->fold);
        if (!w->exact) { set_add(s->first, cap, w->nlem); set_add(s->first, cap, w->vlem); }
    }
}

/* each set under the ids its members' first words match by: the fold, and the lemmas unless
 * the word is exact (as word_present in the code stage reads them) */
static int first_keys(const word_match *w, uint32_t k[3])
{
    int n = 0;
    if (w->fold) k[n++] = w->fold;
    if (!w->exact) {
        if (w->nlem && w->nlem != w->fold) k[n++] = w->nlem;
        if (w->vlem && w->vlem != w->fold && w->vlem != w->nlem) k[n++] = w->vlem;
    }
    return n;
}

static void synsets_by_word(dict *d)
{
    rg_free(d->rg, d->syn_at); rg_free(d->rg, d->syn_of); rg_free(d->rg, d->syn_always);   /* finished twice */
    uint32_t nw = d->nwords;
    uint32_t *at = rg_calloc_data(d->rg, (size_t)nw + 1, sizeof *at);
    uint8_t *always = rg_calloc_data(d->rg, (size_t)d->nsyn + 1, 1);
    uint32_t k[3];
    for (int pass = 0; pass < 2; pass++) {
        uint32_t *of = pass ? rg_calloc_data(d->rg, (size_t)at[nw] + 1, sizeof *of) : NULL;
        uint32_t *fill = pass ? calloc((size_t)nw + 1, sizeof *fill) : NULL;
        for (int i = 0; i < d->nsyn; i++) {
            const synset *s = d->synsets[i];
            for (int m = 0; m < s->n; m++) {
                const word_match *w = &s->mem[m][0];
                if (w->prefix) { always[i] = 1; continue; }
                int nk = first_keys(w, k);
                for (int j = 0; j < nk; j++) {
                    if (k[j] >= nw) continue;
                    if (!pass) at[k[j] + 1]++;
                    else of[at[k[j]] + fill[k[j]]++] = (uint32_t)i;
                }
            }
        }
        if (!pass) for (uint32_t i = 0; i < nw; i++) at[i + 1] += at[i];
        else { d->syn_of = of; free(fill); }
    }
    d->syn_at = at;
    d->syn_words = nw;
    d->syn_always = always;
}

/* the one id a word element cannot be present without, or 0 when it may be present by any
 * of several (its form or a lemma) or by a stem */
static uint32_t sole_key(const word_match *w)
{
    uint32_t k[3];
    if (w->prefix || !w->fold) return 0;
    return first_keys(w, k) == 1 ? k[0] : 0;
}

static void sign_elems(const dict *d, const pat_elem *e, int n, uint64_t sig[SIG_WORDS])
{
    for (int k = 0; k < n; k++) {
        unsigned bit;
        if (e[k].kind == PE_WORD) {
            uint32_t key = sole_key(&e[k].w);
            if (!key) continue;
            bit = sig_word_bit(key);
        } else if (e[k].kind == PE_SYN) {
            if (d->syn_always[e[k].syn->id]) continue;
            bit = sig_syn_bit(e[k].syn->id);
        } else continue;
        sig[bit >> 6] |= 1ull << (bit & 63);
    }
}

/* the signature (see sig_word_bit) and the shape flags the matcher reads for every pattern */
static void pattern_sign(const dict *d, pattern *p, uint64_t sig[SIG_WORDS])
{
    memset(sig, 0, sizeof(uint64_t) * SIG_WORDS);
    sign_elems(d, p->lower, p->nlower, sig);
    sign_elems(d, p->upper, p->nupper, sig);
    int words_only = p->nlower > 0;
    for (int k = 0; k < p->nlower; k++)
        if (p->lower[k].kind != PE_WORD && p->lower[k].kind != PE_SYN) words_only = 0;
    int context = p->nupper == 0 && !p->has_neg && words_only;
    p->shape = (uint8_t)((p->has_neg ? PS_NEG : PS_NOT_NEG) | (context ? PS_CONTEXT : 0) |
                         (p->nlit == 0 ? PS_NO_LIT : 0));
}

/* a pattern's anchor (dict.h): its longest word, since long words are the rarer ones in
 * news, else its first set. Its bits: those of the ids by which the word may be present (its
 * form and, unless exact, its lemmas), any of which a sentence holding the word has. Returns
 * how many (0: no anchor, the pattern is visited always). */
static int pattern_anchor(const dict *d, pattern *p, unsigned bits[3])
{
    const word_match *w = NULL; const synset *set = NULL; size_t best = 0;
    for (int side = 0; side < 2; side++) {
        const pat_elem *e = side ? p->upper : p->lower;
        int n = side ? p->nupper : p->nlower;
        for (int k = 0; k < n; k++) {
            if (e[k].kind == PE_WORD && !e[k].w.prefix && e[k].w.fold) {
                size_t len = strlen(d->words[e[k].w.fold]);
                if (len > best) { best = len; w = &e[k].w; }
            } else if (e[k].kind == PE_SYN && !set && !d->syn_always[e[k].syn->id])
                set = e[k].syn;
        }
    }
    p->anchor = w;
    if (!w) {
        if (!set) return 0;
        bits[0] = sig_syn_bit(set->id);
        return 1;
    }
    uint32_t k[3];
    int n = first_keys(w, k);
    for (int j = 0; j < n; j++) bits[j] = sig_word_bit(k[j]);
    return n;
}

/* the block's rows (dict.h, BLOCK_INDEX_MIN): bit k of a row is pattern pat[k] */
static void block_index(dict *d, verb_block *b)
{
    rg_free(d->rg, b->rows);
    b->rows = b->anchors = NULL; b->row_words = 0;
    for (int k = 0; k < b->npat; k++) b->pat[k]->anchor = NULL;
    if (b->npat < BLOCK_INDEX_MIN) return;
    int w = (b->npat + 63) / 64;
    b->rows = rg_calloc_data(d->rg, (size_t)BLOCK_ROWS * (size_t)w + SIG_WORDS, sizeof *b->rows);
    b->anchors = b->rows + (size_t)BLOCK_ROWS * (size_t)w;
    b->row_words = w;
    for (int k = 0; k < b->npat; k++) {
        pattern *p = b->pat[k];
        uint64_t bit = 1ull << (k & 63);
        unsigned a[3];
        int na = pattern_anchor(d, p, a);
        for (int j = 0; j < na; j++) {
            b->anchors[a[j] >> 6] |= 1ull << (a[j] & 63);
            b->rows[(size_t)a[j] * (size_t)w + (size_t)(k >> 6)] |= bit;
        }
        if (!na) b->rows[(size_t)ROW_NO_ANCHOR * (size_t)w + (size_t)(k >> 6)] |= bit;
        for (int r = 0; r < 4; r++)
            if (p->shape & (1 << r)) b->rows[(size_t)(ROW_SHAPE + r) * (size_t)w + (size_t)(k >> 6)] |= bit;
    }
}

/* a set's members by the ids of their first words (dict.h, synset.mkey) */
static void synset_member_keys(dict *d, synset *s)
{
    rg_free(d->rg, s->mkey); rg_free(d->rg, s->mother);
    s->mkey = NULL; s->mother = NULL; s->nmkey = s->nmother = 0;
    if (s->n < SYNSET_KEYS_MIN) return;
    s->mkey = rg_calloc_data(d->rg, (size_t)s->n * 3, sizeof *s->mkey);
    s->mother = rg_calloc_data(d->rg, (size_t)s->n, sizeof *s->mother);
    uint32_t k[3];
    for (int m = 0; m < s->n; m++) {
        const word_match *w = &s->mem[m][0];
        if (w->prefix || w->endings) { s->mother[s->nmother++] = (uint32_t)m; continue; }
        int nk = first_keys(w, k);
        for (int j = 0; j < nk; j++) s->mkey[s->nmkey++] = (uint64_t)k[j] << 32 | (uint32_t)m;
    }
    qsort(s->mkey, (size_t)s->nmkey, sizeof *s->mkey, cmp_u64);
}

/* a set's distinct member lengths: matching leftwards tries each length once */
static void synset_lengths(dict *d, synset *s)
{
    rg_free(d->rg, s->lens);
    s->lens = rg_calloc_data(d->rg, (size_t)s->n + 1, sizeof *s->lens);
    s->nlens = 0;
    for (int m = 0; m < s->n; m++) {
        int seen = 0;
        for (int j = 0; j < s->nlens && !seen; j++) seen = s->lens[j] == s->memlen[m];
        if (!seen) s->lens[s->nlens++] = s->memlen[m];
    }
}

void dict_finish(dict *d)
{
    tabari_index_stems(d);
    for (int i = 0; i < d->nsyn; i++) if (!d->synsets[i]->first) synset_index(d, d->synsets[i]);
    synsets_by_word(d);
    for (int i = 0; i < d->nsyn; i++) {
        synset_lengths(d, d->synsets[i]);
        synset_member_keys(d, d->synsets[i]);
    }
    rg_set_data(d->rg, d->lemmas);   /* pairs of ids, grown by rg_realloc: plain data */
    if (d->by_word) for (uint32_t i = 0; i < d->index_cap; i++) phrase_list_keys(d, &d->by_word[i]);
    index_presence(d);
    analyse_vocabulary(d);   /* after index_presence: an analysis carries its wh bits */
    strmap codes; strmap_init(&codes);
    for (int i = 0; i < d->nblocks; i++) {
        verb_block *b = d->blocks[i];
        if (b->npat > 1) qsort(b->pat, (size_t)b->npat, sizeof *b->pat, pat_cmp);
        rg_free(d->rg, b->sig);
        b->sig = rg_calloc_data(d->rg, (size_t)b->npat * SIG_WORDS + 1, sizeof *b->sig);
        for (int j = 0; j < b->npat; j++) {
            pattern *p = b->pat[j];
            pattern_sign(d, p, b->sig + (size_t)j * SIG_WORDS);
            if (p->code && !p->null_code) strmap_put(&codes, p->code, strlen(p->code), 0, NULL);
        }
    }
    for (int i = 0; i < d->nblocks; i++) block_index(d, d->blocks[i]);
    pattern_sides(d);
    d->st.codes_with_patterns = (long)codes.count;
    d->st.synsets = d->nsyn;
    strmap_free(&codes);
    snprintf(d->hash, sizeof d->hash, "%016llx", (unsigned long long)d->hstate);
}
