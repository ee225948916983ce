/* lex.h - the lexicon stage: lemmas from WordNet's data files (loaded into our own hash
 * tables, so no WordNet library is needed at run time), and closed-class word lists.
 * Owns: which parts of speech a word may have, its noun and verb lemma, its closed class. */
#ifndef HD_LEX_H
#define HD_LEX_H
#include <stddef.h>
#include <stdint.h>
#include "../../include/herodot.h"
#include "../util/strmap.h"
#include "../util/region.h"

enum lex_pos_bits { LEX_CAN_NOUN = 1, LEX_CAN_VERB = 2, LEX_CAN_ADJ = 4, LEX_CAN_ADV = 8 };

enum lex_class {
    LC_NONE = 0, LC_DET, LC_PREP, LC_CONJ, LC_PRON, LC_AUX_BE, LC_AUX_HAVE, LC_AUX_DO, LC_MODAL,
    LC_NEG, LC_SUBORD, LC_REL, LC_TO, LC_BY, LC_POSSPRON, LC_QUANT, LC_ADVMOD, LC_SPEECH_THAT
};

enum verb_form { FORM_BASE = 0, FORM_S, FORM_ED, FORM_ING, FORM_EN };

/* A word's entry in lexicon.pos: its LEX_CAN_* bits (the low four, from WordNet's index
 * files) and, when it is an irregular form (noun.exc, verb.exc), where its noun and its verb
 * lemma are in exc_str, plus one, in LEX_EXC_BITS each above them. One lookup tells a word's
 * parts of speech and both exceptions: they were three tables, three lookups a new word. */
enum { LEX_POS_MASK = 15, LEX_EXC_BITS = 14, LEX_EXC_MAX = (1 << LEX_EXC_BITS) - 1,
       LEX_EXC_NOUN_SHIFT = 4, LEX_EXC_VERB_SHIFT = 4 + LEX_EXC_BITS };
static inline unsigned lex_entry_exc(uint32_t entry, int verb)
{
    return entry >> (verb ? LEX_EXC_VERB_SHIFT : LEX_EXC_NOUN_SHIFT) & LEX_EXC_MAX;
}

typedef struct lexicon {
    strmap pos;          /* word -> its entry (above): parts of speech and exceptions */
    char **exc_str; size_t nexc, exccap;   /* the exceptions' lemmas (a WordNet with more
                                              than LEX_EXC_MAX is cut there) */
    int loaded;          /* 0 when WordNet's files were not found */
    region *rg;          /* where the tables live (NULL: the heap) */
} lexicon;

int  lex_open(lexicon *lx, const char *wordnet_dir, hd_error *err);
int  lex_open_in(lexicon *lx, const char *wordnet_dir, hd_error *err, region *rg);
/* the files lex_open reads, for the dictionary cache: fills up to max paths, returns how many */
int  lex_files(const char *wordnet_dir, char (*paths)[1024], int max);
void lex_close(lexicon *lx);
/* Lemma of a folded word. Writes into out (size outsz) and returns out, or NULL when WordNet
 * does not know the word with that part of speech. */
const char *lex_lemma(const lexicon *lx, const char *w, size_t n, int pos, char *out, size_t outsz);
int lex_pos(const lexicon *lx, const char *w, size_t n);
/* lex_pos and both lex_lemma of one word, worked out together: the word is hashed once and
 * each lemma candidate by its last bytes only. noun and verb are NULL or point into nb and
 * vb; their lengths and strmap_hash come with them, for looking the lemmas up elsewhere. */
typedef struct lex_word {
    int pos;
    const char *noun, *verb;
    size_t noun_len, verb_len;
    uint32_t noun_hash, verb_hash;
    uint32_t chop_hash;   /* strmap_hash of the word less its last byte; 0: not worked out */
    char nb[256], vb[256];
} lex_word;
void lex_analyse(const lexicon *lx, const char *w, size_t n, lex_word *out);
uint8_t lex_class(const char *fold);
int lex_closed_sorted(void);   /* for tests: the closed-class table is sorted */
/* for tests: each suffix rule's packed bytes are its strings' (they are written twice) */
int lex_rules_consistent(void);
/* morphological form of a verb token given its fold and lemma */
uint8_t lex_verb_form(const char *fold, const char *lemma);
/* the same given their lengths (n and ln bytes; lemma may be NULL), as lex_analyse has them */
uint8_t lex_verb_form_n(const char *fold, size_t n, const char *lemma, size_t ln);
#endif
