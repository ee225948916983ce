/* words.h - fixed lists of words kept sorted (strcmp's order), for the stages that ask "is
 * this one of those words" of every token: membership by binary search, a check for tests that
 * a list is still sorted after an edit, and the comparator for sorting such lists. */
#ifndef HD_WORDS_H
#define HD_WORDS_H
#include <stddef.h>

/* qsort/bsearch comparator for arrays of const char * */
int words_cmp(const void *a, const void *b);
/* is w in the sorted list l of n words? */
int words_has(const char *const *l, size_t n, const char *w);
/* is l sorted, without duplicates, and no word longer than maxlen bytes? */
int words_sorted(const char *const *l, size_t n, size_t maxlen);

/* the same for an array whose size the compiler knows */
#define WORDS_HAS(list, w) words_has((list), sizeof(list) / sizeof *(list), (w))
#define WORDS_SORTED(list, maxlen) words_sorted((list), sizeof(list) / sizeof *(list), (maxlen))
#endif
