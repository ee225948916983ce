/* strmap.h - open-addressing hash map from byte strings to 32-bit values (Redis's dict, small).
 * Keys are copied into the map's own arena; the map never shrinks. Used for interning words
 * and indexing dictionary phrases. */
#ifndef HD_STRMAP_H
#define HD_STRMAP_H
#include <stddef.h>
#include <stdint.h>
#include "arena.h"

typedef struct strmap_slot { const char *key; uint32_t len, hash, value; } strmap_slot;
typedef struct strmap {
    strmap_slot *slots;
    size_t cap, count;
    arena keys;
    region *rg;          /* slots and keys live in this region, or NULL: malloc */
} strmap;

void strmap_init(strmap *m);
void strmap_init_in(strmap *m, region *rg);
void strmap_free(strmap *m);
/* make room for n entries without growing (a known-size load skips the rehashes) */
void strmap_reserve(strmap *m, size_t n);
/* returns pointer to value slot or NULL */
uint32_t *strmap_get(const strmap *m, const char *key, size_t len);
/* inserts if absent (value = initial); returns pointer to the value; *added tells which */
uint32_t *strmap_put(strmap *m, const char *key, size_t len, uint32_t initial, int *added);
uint32_t strmap_hash(const char *s, size_t n);
#endif
