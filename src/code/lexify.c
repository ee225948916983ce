/* lexify.c - ties tokens to the dictionary: vocabulary ids for the folded form and the noun
 * and verb lemmas, the closed word class, what WordNet allows the word to be, and the verb
 * form (-s, -ed, -ing, irregular), as dict_word_analyse works them out.
 * Working a word out costs a dozen hash lookups in tables too big for the cache, so it is
 * done once per word: for the dictionaries' own words when the dictionary is compiled
 * (dict.lex_of, kept in the compiled cache), and for the others in a memo each thread keeps
 * (lex_memo, in its hd_scratch). News repeats its words, so in front of both a small cache
 * of recent words (lex_slot) answers most tokens with two 8-byte compares, no string hash. */
#include "code.h"
#include "../util/bytes.h"
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

void lex_memo_init(lex_memo *m)
{
    strmap_init(&m->map);
    strmap_reserve(&m->map, 8192);   /* a day of news: no rehashing while it fills */
    m->v = NULL; m->n = m->cap = 0;
    m->slot = calloc((size_t)1 << LEX_SLOT_BITS, sizeof *m->slot);
    memset(m->punct_id, 0, sizeof m->punct_id);
}

void lex_memo_free(lex_memo *m)
{
    strmap_free(&m->map);
    free(m->v); free(m->slot);
    m->v = NULL; m->n = m->cap = 0; m->slot = NULL;
}

/* the slot a word of at most 16 bytes goes to, and its bytes as two words (zero padded, read
   in fixed-size loads: a memcpy of a variable length was a library call for every token); the
   second word of a long one is its last eight bytes, shifted down past those it shares with
   the first */
static lex_slot *slot_of(const lex_memo *m, const token *k, uint64_t *k0, uint64_t *k1)
{
    size_t n = k->fold_len;
    *k0 = bytes_upto8(k->fold, n < 8 ? n : 8);
    *k1 = n > 8 ? bytes_load8(k->fold + n - 8) >> (8 * (16 - n)) : 0;
    uint64_t h = (*k0 * 0x9E3779B97F4A7C15ull) ^ (*k1 * 0xC2B2AE3D27D4EB4Full) ^ k->fold_len;
    return &m->slot[(h * 0x9E3779B97F4A7C15ull) >> (64 - LEX_SLOT_BITS)];
}

/* a punctuation token's id: commas and full stops are a tenth of the tokens */
static uint32_t punct_id(const dict *d, lex_memo *memo, const token *k)
{
    unsigned char ch = (unsigned char)k->fold[0];
    if (!memo || k->fold_len != 1 || ch >= 128) return dict_word_id(d, k->fold, k->fold_len);
    if (!memo->punct_id[ch]) memo->punct_id[ch] = dict_word_id(d, k->fold, 1) + 1;
    return memo->punct_id[ch] - 1;
}

/* the token's analysis fields are word_lex's, in its order (checked here), so they are
   copied as one block */
#define SAME_AT(f) (offsetof(token, f) - offsetof(token, nlem_id) == offsetof(word_lex, f))
_Static_assert(SAME_AT(nlem_id) && SAME_AT(vlem_id) && SAME_AT(cls) && SAME_AT(pos_hint) &&
               SAME_AT(form) && SAME_AT(wh) && SAME_AT(idm), "token and word_lex fields differ");
#undef SAME_AT
enum { LEX_FIELDS = offsetof(word_lex, idm) + 1 };

static inline void set_lex(token *k, const word_lex *w)
{
    memcpy(&k->nlem_id, w, LEX_FIELDS);
}

/* a word token's analysis: from the dictionary, else the memo, else worked out (and kept);
   h is the fold's strmap_hash. A new word is put in the memo's map at once, with the index
   its analysis is about to get: one probe of the map where a lookup and then an insert made
   two (nearly every word reaching here is new, as the slot cache answers repeats). */
static void analyse_token(const dict *d, lex_memo *memo, const token *k, uint32_t h, word_lex *w)
{
    if (k->fold_id && k->fold_id < d->nlex) { *w = d->lex_of[k->fold_id]; return; }
    if (!memo) { dict_word_analyse(d, k->fold, k->fold_len, k->fold_id, w); return; }
    if (memo->n >= 500000) {   /* bounded: a pathological input stops filling it */
        const uint32_t *seen = strmap_get_h(&memo->map, k->fold, k->fold_len, h);
        if (seen) *w = memo->v[*seen];
        else dict_word_analyse(d, k->fold, k->fold_len, k->fold_id, w);
        return;
    }
    int added;
    const uint32_t *at = strmap_put_h(&memo->map, k->fold, k->fold_len, h, (uint32_t)memo->n, &added);
    if (!added) { *w = memo->v[*at]; return; }
    dict_word_analyse(d, k->fold, k->fold_len, k->fold_id, w);
    if (memo->n == memo->cap) {
        memo->cap = memo->cap ? memo->cap * 2 : 4096;
        memo->v = realloc(memo->v, memo->cap * sizeof *memo->v);
    }
    memo->v[memo->n++] = *w;
}

unsigned code_lexify(const dict *d, lex_memo *memo, token *t, int n)
{
    unsigned any = 0;
    for (int i = 0; i < n; i++) {
        token *k = &t[i];
        if (k->flags & TF_PUNCT) {   /* its id: punctuation in patterns */
            k->fold_id = punct_id(d, memo, k);
            k->cls = LC_NONE;
            k->wh = dict_wh(d, k->fold_id, k->nlem_id, k->vlem_id);
            k->idm = dict_idm(k->fold_id, k->nlem_id, k->vlem_id);
            any |= k->wh;
            continue;
        }
        lex_slot *sl = NULL; uint64_t k0 = 0, k1 = 0;
        if (memo && memo->slot && k->fold_len <= 16) {
            sl = slot_of(memo, k, &k0, &k1);
            if (sl->len == k->fold_len && sl->k0 == k0 && sl->k1 == k1) {
                k->fold_id = sl->fold_id; set_lex(k, &sl->w);
                any |= sl->w.wh;
                continue;
            }
        }
        uint32_t h = strmap_hash(k->fold, k->fold_len);
        k->fold_id = dict_word_id_h(d, k->fold, k->fold_len, h);
        word_lex w;
        analyse_token(d, memo, k, h, &w);
        set_lex(k, &w);
        any |= w.wh;
        if (sl) { sl->k0 = k0; sl->k1 = k1; sl->len = k->fold_len; sl->fold_id = k->fold_id; sl->w = w; }
    }
    return any;
}
