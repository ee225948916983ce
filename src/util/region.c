/* region.c - see region.h. Each allocation carries its size in a 16-byte header, which is all
 * rg_realloc needs to copy a growing array, and whether it holds plain data (rg_calloc_data),
 * which the walk of region_pointer_words skips. */
#define _GNU_SOURCE
#include "region.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>


/* 0x3e0000000000: above where the kernel puts PIE executables and their heap (0x55...),
 * below the mmap area and stacks (0x7f...), inside AddressSanitizer's high memory */
#define SLOT0 ((uintptr_t)0x3e0000000000ULL)
#define SLOT_SPAN ((uintptr_t)0x1000000000ULL)        /* 64 GB apart */
#define RESERVE ((size_t)4 << 30)                      /* 4 GB of address space each */

typedef struct hdr { size_t size, data; } hdr;

char *region_slot_base(int slot) { return (char *)(SLOT0 + (uintptr_t)slot * SLOT_SPAN); }

/* the address as a hint, checked: a taken slot gives another address, which is given back
 * (MAP_FIXED_NOREPLACE would say so directly, but valgrind does not know that flag) */
static void *map_at(char *want, size_t size, int prot, int flags, int fd, size_t off)
{
    void *p = mmap(want, size, prot, flags, fd, (off_t)off);
    if (p == MAP_FAILED) return NULL;
    if (p != want) { munmap(p, size); return NULL; }
    return p;
}

int region_reserve(region *r)
{
    memset(r, 0, sizeof *r);
    for (int s = 0; s < REGION_SLOTS; s++) {
        void *p = map_at(region_slot_base(s), RESERVE, PROT_READ | PROT_WRITE,
                         MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        if (!p) continue;
        r->base = p; r->reserved = RESERVE; r->slot = s;
        return 0;
    }
    return -1;
}

int region_map_file(region *r, int slot, int fd, size_t offset, size_t size)
{
    memset(r, 0, sizeof *r);
    if (slot < 0 || slot >= REGION_SLOTS || !size) return -1;
    void *p = map_at(region_slot_base(slot), size, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, offset);
    if (!p) return -1;
    r->base = p; r->reserved = size; r->top = size; r->slot = slot; r->readonly = 1;
    return 0;
}

void region_release(region *r)
{
    if (r->base) munmap(r->base, r->reserved);
    memset(r, 0, sizeof *r);
}

int region_has(const region *r, const void *p)
{
    return r && r->base && (const char *)p >= r->base && (const char *)p < r->base + r->top;
}

void *rg_alloc(region *r, size_t n)
{
    if (!r) return calloc(1, n ? n : 1);
    size_t need = sizeof(hdr) + ((n + 15) & ~(size_t)15);
    if (r->readonly || r->top + need > r->reserved) {
        fputs("herodot: dictionary region full\n", stderr);
        abort();
    }
    hdr *h = (hdr *)(r->base + r->top);   /* fresh anonymous pages: already zero */
    r->top += need;
    h->size = n;
    return h + 1;
}

void *rg_realloc(region *r, void *p, size_t n)
{
    if (!r) return realloc(p, n);
    if (!p) return rg_alloc(r, n);
    hdr *h = (hdr *)p - 1;
    if (n <= h->size) return p;
    void *q = rg_alloc(r, n);
    memcpy(q, p, h->size);
    ((hdr *)q - 1)->data = h->data;
    h->data = 1;   /* the old copy stays in the region, dead: the pointer check skips it */
    return q;
}

void *rg_calloc(region *r, size_t n, size_t size) { return r ? rg_alloc(r, n * size) : calloc(n, size); }

void *rg_calloc_data(region *r, size_t n, size_t size)
{
    void *p = rg_calloc(r, n, size);
    rg_set_data(r, p);
    return p;
}

void rg_set_data(region *r, void *p)
{
    if (r && p) ((hdr *)p - 1)->data = 1;
}

const uintptr_t *region_pointer_words(const region *r, size_t *at, size_t *n)
{
    while (*at < r->top) {
        const hdr *h = (const hdr *)(r->base + *at);
        *at += sizeof(hdr) + ((h->size + 15) & ~(size_t)15);
        if (h->data) continue;
        *n = (h->size + sizeof(uintptr_t) - 1) / sizeof(uintptr_t);
        return (const uintptr_t *)(h + 1);
    }
    return NULL;
}

char *rg_strdup(region *r, const char *s)
{
    size_t n = strlen(s);
    char *p = r ? rg_alloc(r, n + 1) : malloc(n + 1);
    memcpy(p, s, n + 1);
    return p;
}

void rg_free(region *r, void *p)
{
    if (!r) free(p);
}
