/* lexify.c - ties tokens to the dictionary: vocabulary ids for the folded form and the noun
 * and verb lemmas, the closed word class, what WordNet allows the word to be, and the verb
 * form (-s, -ed, -ing, irregular), as dict_word_analyse works them out.
 * Working a word out costs a dozen hash lookups in tables too big for the cache, so it is
 * done once per word: for the dictionaries' own words when the dictionary is compiled
 * (dict.lex_of, kept in the compiled cache), and for the others in a memo each thread keeps
 * (lex_memo, in its hd_scratch): news repeats its words, and most tokens cost one or two
 * lookups. */
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

static void set_lex(token *k, const word_lex *w)
{
    k->nlem_id = w->nlem_id; k->vlem_id = w->vlem_id;
    k->cls = w->cls; k->pos_hint = w->pos_hint; k->form = w->form;
}

void code_lexify(const dict *d, lex_memo *memo, token *t, int n)
{
    for (int i = 0; i < n; i++) {
        token *k = &t[i];
        k->fold_id = dict_word_id(d, k->fold, k->fold_len);
        if (k->flags & TF_PUNCT) { k->cls = LC_NONE; continue; }   /* its id: punctuation in patterns */
        /* a dictionary word's analysis is in the dictionary; the memo keeps the others' */
        if (k->fold_id && k->fold_id < d->nlex) { set_lex(k, &d->lex_of[k->fold_id]); continue; }
        word_lex w;
        if (!memo) { dict_word_analyse(d, k->fold, k->fold_len, k->fold_id, &w); set_lex(k, &w); continue; }
        uint32_t *slot = strmap_get(&memo->map, k->fold, k->fold_len);
        if (slot) { set_lex(k, &memo->v[*slot]); continue; }
        dict_word_analyse(d, k->fold, k->fold_len, k->fold_id, &w);
        set_lex(k, &w);
        if (memo->n >= 500000) continue;   /* bounded: a pathological input stops filling it */
        if (memo->n == memo->cap) {
            memo->cap = memo->cap ? memo->cap * 2 : 4096;
            memo->v = realloc(memo->v, memo->cap * sizeof *memo->v);
        }
        memo->v[memo->n] = w;
        strmap_put(&memo->map, k->fold, k->fold_len, (uint32_t)memo->n, NULL);
        memo->n++;
    }
}
