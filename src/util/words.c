/* words.c - see words.h. */
#include "words.h"
#include <stdlib.h>
#include <string.h>

int words_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int words_has(const char *const *l, size_t n, const char *w)
{
    return bsearch(&w, l, n, sizeof *l, words_cmp) != NULL;
}

int words_sorted(const char *const *l, size_t n, size_t maxlen)
{
    for (size_t i = 0; i < n; i++)
        if ((i && strcmp(l[i - 1], l[i]) >= 0) || strlen(l[i]) > maxlen) return 0;
    return 1;
}
