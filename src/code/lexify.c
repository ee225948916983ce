/* lexify.c - ties tokens to the dictionary: vocabulary ids for the folded form and the noun
 * and verb lemmas, the closed word class, what WordNet allows the word to be, and the verb
 * form (-s, -ed, -ing, irregular). Proper-noun plurals that WordNet does not know
 * ("Kosovars") fall back to dropping the -s when the singular is a dictionary word.
 * Working a word out costs a dozen hash lookups in tables too big for the cache, so each
 * thread keeps a memo (lex_memo, in its hd_scratch) of words already seen: news repeats
 * its words, and the memo turns most tokens into one lookup. */
#include "code.h"
#include <stdlib.h>
#include <string.h>

void lex_memo_init(lex_memo *m)
{
    strmap_init(&m->map);
    m->v = NULL; m->n = m->cap = 0;
}

void lex_memo_free(lex_memo *m)
{
    strmap_free(&m->map);
    free(m->v);
    m->v = NULL; m->n = m->cap = 0;
}

static void analyse(const dict *d, token *k)
{
    char nb[256], vb[256];
    k->cls = lex_class(k->fold);
    k->fold_id = dict_word_id(d, k->fold, k->fold_len);
    k->pos_hint = (uint8_t)lex_pos(d->lx, k->fold, k->fold_len);
    const char *nl = lex_lemma(d->lx, k->fold, k->fold_len, LEX_CAN_NOUN, nb, sizeof nb);
    const char *vl = lex_lemma(d->lx, k->fold, k->fold_len, LEX_CAN_VERB, vb, sizeof vb);
    k->nlem_id = nl ? dict_word_id(d, nl, strlen(nl)) : k->fold_id;
    if (!nl && k->fold_len > 3 && k->fold[k->fold_len - 1] == 's' &&
        k->fold[k->fold_len - 2] != 's' && k->fold[k->fold_len - 2] != 'u')
        k->nlem_id = dict_word_id(d, k->fold, k->fold_len - 1);
    if (!k->nlem_id) k->nlem_id = k->fold_id;
    k->vlem_id = vl ? dict_word_id(d, vl, strlen(vl)) : k->fold_id;
    k->form = lex_verb_form(k->fold, vl);
}

void code_lexify(const dict *d, lex_memo *memo, token *t, int n)
{
    for (int i = 0; i < n; i++) {
        token *k = &t[i];
        if (k->flags & TF_PUNCT) {
            k->cls = LC_NONE;
            k->fold_id = dict_word_id(d, k->fold, k->fold_len);   /* punctuation in patterns */
            continue;
        }
        if (!memo) { analyse(d, k); continue; }
        uint32_t *slot = strmap_get(&memo->map, k->fold, k->fold_len);
        if (slot) {
            const lex_entry *e = &memo->v[*slot];
            k->fold_id = e->fold_id; k->nlem_id = e->nlem_id; k->vlem_id = e->vlem_id;
            k->cls = e->cls; k->pos_hint = e->pos_hint; k->form = e->form;
            continue;
        }
        analyse(d, k);
        if (memo->n >= 500000) continue;   /* bounded: a pathological input stops filling it */
        if (memo->n == memo->cap) {
            memo->cap = memo->cap ? memo->cap * 2 : 4096;
            memo->v = realloc(memo->v, memo->cap * sizeof *memo->v);
        }
        lex_entry *e = &memo->v[memo->n];
        e->fold_id = k->fold_id; e->nlem_id = k->nlem_id; e->vlem_id = k->vlem_id;
        e->cls = k->cls; e->pos_hint = k->pos_hint; e->form = k->form;
        strmap_put(&memo->map, k->fold, k->fold_len, (uint32_t)memo->n, NULL);
        memo->n++;
    }
}
