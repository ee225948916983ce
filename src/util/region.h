/* region.h - a bump allocator over one mapping at a fixed virtual address, so that what is
 * built in it can be written to a file and mapped back, in another process, at the same
 * address with every pointer in it still valid: the compiled dictionary cache
 * (src/dict/cache.c) is such an image.
 *
 * The address is one of a few fixed slots far from where Linux puts the heap, the stacks,
 * shared libraries and AddressSanitizer's shadow; a slot that is taken makes the mapping
 * fail cleanly, and the caller then loads without the cache. Nothing is ever freed
 * inside a region: it is released whole.
 *
 * The rg_* functions take a region or NULL; with NULL they are malloc, realloc and free, so
 * a data structure can be built either way by the same code. */
#ifndef HD_REGION_H
#define HD_REGION_H
#include <stddef.h>
#include <stdint.h>

enum { REGION_SLOTS = 4 };

typedef struct region {
    char *base;        /* the slot's address; NULL when not mapped */
    size_t reserved;   /* bytes of address space reserved */
    size_t top;        /* bytes handed out */
    int slot;
    int readonly;      /* mapped from a file: no more allocation */
} region;

/* reserve a slot's address space for building; -1 when every slot is taken */
int   region_reserve(region *r);
/* map `size` bytes of file descriptor fd at `offset` at slot `slot` (copy-on-write); -1 when
 * the slot is taken or the mapping fails */
int   region_map_file(region *r, int slot, int fd, size_t offset, size_t size);
void  region_release(region *r);
char *region_slot_base(int slot);
/* does p point into the region? */
int   region_has(const region *r, const void *p);

void *rg_alloc(region *r, size_t n);                 /* zeroed */
void *rg_realloc(region *r, void *p, size_t n);      /* like realloc; new bytes not zeroed */
void *rg_calloc(region *r, size_t n, size_t size);
/* like rg_calloc, for plain data (bit sets, packed numbers) that holds no pointers: the
 * cache's check for pointers out of the image (region_pointer_words) does not read it, since such
 * numbers may look like addresses */
void *rg_calloc_data(region *r, size_t n, size_t size);
/* marks an allocation of r (one grown by rg_realloc, say) as plain data; no-op without r */
void  rg_set_data(region *r, void *p);
/* the words of the allocation at or after offset *at that may hold pointers (n of them), and
 * *at moved past it; NULL at the end */
const uintptr_t *region_pointer_words(const region *r, size_t *at, size_t *n);
char *rg_strdup(region *r, const char *s);
void  rg_free(region *r, void *p);                   /* a no-op in a region */
#endif
