/* closed.c - closed-class words (determiners, prepositions, auxiliaries, negations,
 * subordinators...). These drive clause boundaries, passive and negation detection and
 * noun/verb guessing, in place of a parser. The lists are small and fixed, so a binary search
 * of a sorted table is enough. */
#include "lex.h"
#include <string.h>

typedef struct { const char *w; uint8_t c; } entry;

static const entry words[] = {
    { "'s", LC_POSSPRON }, { "a", LC_DET }, { "about", LC_PREP }, { "across", LC_PREP },
    { "after", LC_SUBORD }, { "against", LC_PREP }, { "all", LC_QUANT }, { "along", LC_PREP },
    { "already", LC_ADVMOD }, { "also", LC_ADVMOD }, { "although", LC_SUBORD },
    { "am", LC_AUX_BE }, { "amid", LC_PREP }, { "among", LC_PREP }, { "an", LC_DET },
    { "and", LC_CONJ }, { "another", LC_DET }, { "any", LC_DET }, { "are", LC_AUX_BE },
    { "around", LC_PREP }, { "as", LC_SUBORD }, { "at", LC_PREP }, { "be", LC_AUX_BE },
    { "because", LC_SUBORD }, { "been", LC_AUX_BE }, { "before", LC_SUBORD },
    { "behind", LC_PREP }, { "being", LC_AUX_BE }, { "between", LC_PREP },
    { "beyond", LC_PREP }, { "both", LC_QUANT }, { "but", LC_CONJ }, { "by", LC_BY },
    { "can", LC_MODAL }, { "could", LC_MODAL }, { "despite", LC_PREP }, { "did", LC_AUX_DO },
    { "do", LC_AUX_DO }, { "does", LC_AUX_DO }, { "during", LC_PREP }, { "each", LC_DET },
    { "either", LC_DET }, { "every", LC_DET }, { "few", LC_QUANT }, { "for", LC_PREP },
    { "from", LC_PREP }, { "had", LC_AUX_HAVE }, { "has", LC_AUX_HAVE },
    { "have", LC_AUX_HAVE }, { "having", LC_AUX_HAVE }, { "he", LC_PRON },
    { "her", LC_POSSPRON }, { "herself", LC_PRON }, { "him", LC_PRON }, { "himself", LC_PRON },
    { "his", LC_POSSPRON }, { "however", LC_ADVMOD }, { "i", LC_PRON }, { "if", LC_SUBORD },
    { "in", LC_PREP }, { "inside", LC_PREP }, { "into", LC_PREP }, { "is", LC_AUX_BE },
    { "it", LC_PRON }, { "its", LC_POSSPRON }, { "itself", LC_PRON }, { "just", LC_ADVMOD },
    { "many", LC_QUANT }, { "may", LC_MODAL }, { "me", LC_PRON }, { "might", LC_MODAL },
    { "more", LC_QUANT }, { "most", LC_QUANT }, { "must", LC_MODAL }, { "my", LC_POSSPRON },
    { "n't", LC_NEG }, { "near", LC_PREP }, { "neither", LC_DET }, { "never", LC_NEG },
    { "no", LC_NEG }, { "nor", LC_CONJ }, { "not", LC_NEG }, { "now", LC_ADVMOD },
    { "of", LC_PREP }, { "off", LC_PREP }, { "on", LC_PREP }, { "once", LC_SUBORD },
    { "onto", LC_PREP }, { "or", LC_CONJ }, { "our", LC_POSSPRON }, { "ourselves", LC_PRON },
    { "out", LC_PREP }, { "outside", LC_PREP }, { "over", LC_PREP },
    { "reportedly", LC_ADVMOD }, { "several", LC_QUANT }, { "shall", LC_MODAL },
    { "she", LC_PRON }, { "should", LC_MODAL }, { "since", LC_SUBORD }, { "so", LC_ADVMOD },
    { "some", LC_DET }, { "still", LC_ADVMOD }, { "than", LC_PREP }, { "that", LC_REL },
    { "the", LC_DET }, { "their", LC_POSSPRON }, { "them", LC_PRON }, { "themselves", LC_PRON },
    { "then", LC_ADVMOD }, { "these", LC_DET }, { "they", LC_PRON }, { "this", LC_DET },
    { "those", LC_DET }, { "though", LC_SUBORD }, { "through", LC_PREP }, { "to", LC_TO },
    { "toward", LC_PREP }, { "towards", LC_PREP }, { "under", LC_PREP },
    { "unless", LC_SUBORD }, { "until", LC_SUBORD }, { "upon", LC_PREP }, { "us", LC_PRON },
    { "via", LC_PREP }, { "was", LC_AUX_BE }, { "we", LC_PRON }, { "were", LC_AUX_BE },
    { "what", LC_REL }, { "when", LC_SUBORD }, { "whereas", LC_SUBORD },
    { "whether", LC_SUBORD }, { "which", LC_REL }, { "while", LC_SUBORD }, { "who", LC_REL },
    { "whom", LC_REL }, { "whose", LC_REL }, { "will", LC_MODAL }, { "with", LC_PREP },
    { "within", LC_PREP }, { "without", LC_PREP }, { "would", LC_MODAL }, { "yet", LC_ADVMOD },
    { "you", LC_PRON }, { "your", LC_POSSPRON },
};

/* where the words of each first letter start: by_first[i] is the first word at or after
 * letter 'a' + i (by_first[26]: the end); the words before by_first[0] start below 'a'.
 * A search is narrowed to one letter's few words first. lex_closed_sorted checks it. */
static const uint8_t by_first[27] = { 1, 22, 33, 35, 40, 43, 46, 46, 57, 66, 67, 67, 67, 75, 83,
                                      94, 94, 94, 95, 103, 119, 124, 125, 142, 142, 145, 145 };

/* the second letters the words of each first letter have: bit c - 'a' for a letter, bit 26
 * for none (a one-letter word), bit 27 for another byte ("n't"). Nearly every word asked about
 * is a new one, a name or a noun that is no closed-class word, and most fail this test: two
 * loads and a shift instead of a search. lex_closed_sorted checks it. */
enum { SECOND_NONE = 26, SECOND_OTHER = 27 };
static const uint32_t second_of[26] = {
    0x40e3866, 0x1104010, 0x0004001, 0x0104110, 0x0200101, 0x0024010, 0x0000000, 0x0004111,
    0x40c2020, 0x0100000, 0x0000000, 0x0000000, 0x1104111, 0x8004010, 0x0322020, 0x0000000,
    0x0000000, 0x0000010, 0x0084190, 0x0004080, 0x004a000, 0x0000100, 0x0004191, 0x0000000,
    0x0004010, 0x0000000 };

static inline unsigned second_bit(unsigned char c)
{
    return (unsigned)(c - 'a') < 26 ? (unsigned)(c - 'a') : c ? SECOND_OTHER : SECOND_NONE;
}

/* strcmp's order, inline: the words are short, and a library call per probe cost more than
 * the comparing */
static inline int cmp(const char *a, const char *b)
{
    while (*a && *a == *b) a++, b++;
    return (unsigned char)*a - (unsigned char)*b;
}

/* a binary search among the words of the word's first letter, when its second letter can
 * start one: asked for every new word and from the date and clause stages */
uint8_t lex_class(const char *fold)
{
    unsigned char f = (unsigned char)fold[0];
    size_t lo, hi;
    if (f < 'a') lo = 0, hi = by_first[0];
    else if (f > 'z') return LC_NONE;
    else {
        if (!(second_of[f - 'a'] >> second_bit((unsigned char)fold[1]) & 1)) return LC_NONE;
        lo = by_first[f - 'a'], hi = by_first[f - 'a' + 1];
    }
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = cmp(fold, words[mid].w);
        if (!c) return words[mid].c;
        if (c < 0) hi = mid; else lo = mid + 1;
    }
    return LC_NONE;
}

int lex_closed_sorted(void)
{
    size_t n = sizeof words / sizeof *words;
    for (size_t i = 1; i < n; i++)
        if (strcmp(words[i - 1].w, words[i].w) >= 0) return 0;
    for (int l = 0; l <= 26; l++) {   /* the first-letter index */
        size_t at = 0;
        while (at < n && (l == 26 || (unsigned char)words[at].w[0] < 'a' + l)) at++;
        if (by_first[l] != at) return 0;
    }
    uint32_t second[26] = { 0 };   /* the second-letter masks */
    for (size_t i = 0; i < n; i++) {
        unsigned char f = (unsigned char)words[i].w[0];
        if (f >= 'a' && f <= 'z') second[f - 'a'] |= 1u << second_bit((unsigned char)words[i].w[1]);
    }
    return memcmp(second, second_of, sizeof second) == 0;
}
