/* lexify.c - ties tokens to the dictionary: vocabulary ids for the folded form and the noun
 * and verb lemmas, the closed word class, what WordNet allows the word to be, and the verb
 * form (-s, -ed, -ing, irregular). Proper-noun plurals that WordNet does not know
 * ("Kosovars") fall back to dropping the -s when the singular is a dictionary word. */
#include "code.h"
#include <string.h>

void code_lexify(const dict *d, token *t, int n, arena *a)
{
    (void)a;
    char nb[256], vb[256];
    for (int i = 0; i < n; i++) {
        token *k = &t[i];
        if (k->flags & TF_PUNCT) { k->cls = LC_NONE; continue; }
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
}
