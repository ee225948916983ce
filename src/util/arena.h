/* arena.h - region allocator: everything for one article (or one dictionary) is allocated
 * from one arena and freed at once. No per-object frees, so no leaks by construction. */
#ifndef HD_ARENA_H
#define HD_ARENA_H
#include <stddef.h>
#include "region.h"

typedef struct arena_block arena_block;
typedef struct arena {
    arena_block *head;      /* current block; older blocks chained behind it */
    size_t block_size;      /* size of ordinary blocks */
    size_t used_total;      /* bytes handed out, for statistics */
    region *rg;             /* blocks come from this region (never freed), or NULL: malloc */
} arena;

void  arena_init(arena *a, size_t block_size);
void  arena_init_in(arena *a, size_t block_size, region *rg);
void *arena_alloc(arena *a, size_t n);              /* zeroed, 8-byte aligned */
/* not zeroed: for arrays the caller fills before reading (growing vectors, per-sentence
 * tables). Zeroing them was a fifth of start-up and a tenth of coding time. */
void *arena_alloc_raw(arena *a, size_t n);
char *arena_strndup(arena *a, const char *s, size_t n);
char *arena_strdup(arena *a, const char *s);
void  arena_reset(arena *a);                        /* keep first block, drop the rest */
void  arena_free(arena *a);
#endif
