/* arena.c - see arena.h. Blocks grow on demand; a request larger than a block gets a block of
 * its own. reset() keeps one block so a per-article arena stops calling malloc after warm-up. */
#include "arena.h"
#include <stdlib.h>
#include <string.h>
#include <stdio.h>

struct arena_block {
    arena_block *next;
    size_t size;
    max_align_t data[];
};

static arena_block *block_new(arena *a, size_t size)
{
    arena_block *b = a->rg ? rg_alloc(a->rg, sizeof *b + size) : malloc(sizeof *b + size);
    if (!b) { fputs("herodot: out of memory\n", stderr); abort(); }
    b->next = NULL; b->size = size;
    return b;
}

/* the head block's bytes are free */
static void set_free(arena *a, arena_block *b)
{
    a->cur = (char *)b->data;
    a->end = (char *)b->data + b->size;
}

void arena_init(arena *a, size_t block_size)
{
    a->head = NULL;
    a->block_size = block_size ? block_size : 64 * 1024;
    a->used_total = 0;
    a->rg = NULL;
    a->cur = a->end = NULL;
}

void arena_init_in(arena *a, size_t block_size, region *rg)
{
    arena_init(a, block_size);
    a->rg = rg;
}

void *arena_alloc_slow(arena *a, size_t n)
{
    arena_block *b = a->head;
    size_t sz = n > a->block_size ? n : a->block_size;
    arena_block *nb = block_new(a, sz);
    a->used_total += n;
    if (b && n > a->block_size) {   /* big one-off: keep the current block on top */
        nb->next = b->next; b->next = nb;
        return nb->data;
    }
    nb->next = b; a->head = nb;
    set_free(a, nb);
    a->cur += n;
    return nb->data;
}

void *arena_alloc(arena *a, size_t n)
{
    void *p = arena_alloc_raw(a, n);
    memset(p, 0, n);
    return p;
}

char *arena_strdup(arena *a, const char *s) { return arena_strndup(a, s, strlen(s)); }

void arena_reset(arena *a)
{
    arena_block *b = a->head;
    if (!b) return;
    /* keep the last (oldest) block of ordinary size */
    while (b->next) { arena_block *n = b->next; if (!a->rg) free(b); b = n; }
    b->next = NULL;
    a->head = b;
    set_free(a, b);
    a->used_total = 0;
}

void arena_free(arena *a)
{
    arena_block *b = a->head;
    while (b && !a->rg) { arena_block *n = b->next; free(b); b = n; }
    a->head = NULL; a->used_total = 0;
    a->cur = a->end = NULL;
}
