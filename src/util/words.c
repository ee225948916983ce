/* words.c - see words.h. */
#include "words.h"
#include <stdlib.h>
#include <string.h>

int words_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* a binary search that compares the first bytes before calling strcmp (in strcmp's order,
 * unsigned): most probes differ there, and bsearch's comparator call and strcmp call for each
 * cost more than the search */
int words_has(const char *const *l, size_t n, const char *w)
{
    unsigned char c = (unsigned char)w[0];
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        unsigned char m = (unsigned char)l[mid][0];
        int r = c != m ? (c < m ? -1 : 1) : strcmp(w, l[mid]);
        if (!r) return 1;
        if (r < 0) hi = mid; else lo = mid + 1;
    }
    return 0;
}

int words_sorted(const char *const *l, size_t n, size_t maxlen)
{
    for (size_t i = 0; i < n; i++)
        if ((i && strcmp(l[i - 1], l[i]) >= 0) || strlen(l[i]) > maxlen) return 0;
    return 1;
}
