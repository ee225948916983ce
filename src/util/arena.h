/* arena.h - region allocator: everything for one article (or one dictionary) is allocated
 * from one arena and freed at once. No per-object frees, so no leaks by construction. */
#ifndef HD_ARENA_H
#define HD_ARENA_H
#include <stddef.h>
#include <string.h>
#include "region.h"

typedef struct arena_block arena_block;
typedef struct arena {
    arena_block *head;      /* current block; older blocks chained behind it */
    size_t block_size;      /* size of ordinary blocks */
    size_t used_total;      /* bytes handed out, for statistics */
    region *rg;             /* blocks come from this region (never freed), or NULL: malloc */
    char *cur, *end;        /* the head block's free bytes */
} arena;

void  arena_init(arena *a, size_t block_size);
void  arena_init_in(arena *a, size_t block_size, region *rg);
void *arena_alloc(arena *a, size_t n);              /* zeroed, 8-byte aligned */
/* arena_alloc_raw when the head block is full (n rounded already) */
void *arena_alloc_slow(arena *a, size_t n);
/* not zeroed: for arrays the caller fills before reading (growing vectors, per-sentence
 * tables). Zeroing them was a fifth of start-up and a tenth of coding time. Inline: the
 * coder allocates a hundred times a sentence, and the usual case is a bump of cur. */
static inline void *arena_alloc_raw(arena *a, size_t n)
{
    n = n ? (n + 7) & ~(size_t)7 : 8;
    if ((size_t)(a->end - a->cur) < n) return arena_alloc_slow(a, n);
    void *p = a->cur;
    a->cur += n;
    a->used_total += n;
    return p;
}
/* inline: the coder copies a dozen short strings a sentence (mention texts, codes, the
 * strmap's keys), and the call cost as much as the copy */
static inline char *arena_strndup(arena *a, const char *s, size_t n)
{
    char *p = arena_alloc_raw(a, n + 1);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}
char *arena_strdup(arena *a, const char *s);
void  arena_reset(arena *a);                        /* keep first block, drop the rest */
void  arena_free(arena *a);
#endif
