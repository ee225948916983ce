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

/* Hash once, look up several times: the hot lookups (a token against the vocabulary and the
 * memo, a word and its lemma candidates against the lexicon) share a key's hash, or the hash
 * of its prefix, instead of hashing the same bytes again. The hash is FNV-1a, so it can be
 * taken in steps: strmap_hash(s, n) ==
 *   strmap_hash_end(strmap_hash_add(strmap_hash_add(STRMAP_HASH_INIT, s, k), s + k, n - k)). */
#define STRMAP_HASH_INIT 2166136261u
static inline uint32_t strmap_hash_add(uint32_t state, const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    for (size_t i = 0; i < n; i++) state = (state ^ s[i]) * 16777619u;
    return state;
}
static inline uint32_t strmap_hash_end(uint32_t state) { return state ? state : 1; }
/* strmap_get and strmap_put given the key's strmap_hash */
uint32_t *strmap_get_h(const strmap *m, const char *key, size_t len, uint32_t hash);
uint32_t *strmap_put_h(strmap *m, const char *key, size_t len, uint32_t hash, uint32_t initial,
                       int *added);
/* strmap_get_h of the key a (an bytes) followed by b (bn bytes), without joining them in a
 * buffer first: a lemma candidate is a word's stem and a replacement suffix, and most are not
 * found, so copying each to look it up was wasted. hash is the joined key's strmap_hash. */
uint32_t *strmap_get2_h(const strmap *m, const char *a, size_t an, const char *b, size_t bn,
                        uint32_t hash);
#endif
