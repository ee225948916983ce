/* strmap.c - see strmap.h. FNV-1a hashing, linear probing, load factor <= 1/2. */
#include "strmap.h"
#include "bytes.h"
#include <stdlib.h>
#include <string.h>

/* FNV-1a, four bytes a round: the same values with a quarter of the loop's tests (the lexicon
 * and dictionary lookups hash every word of every sentence several times) */
static inline uint32_t hash(const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    uint32_t h = 2166136261u;
    size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        h = (h ^ s[i]) * 16777619u;
        h = (h ^ s[i + 1]) * 16777619u;
        h = (h ^ s[i + 2]) * 16777619u;
        h = (h ^ s[i + 3]) * 16777619u;
    }
    for (; i < n; i++) h = (h ^ s[i]) * 16777619u;
    return h ? h : 1;
}

uint32_t strmap_hash(const char *s, size_t n) { return hash(s, n); }

void strmap_init_in(strmap *m, region *rg)
{
    m->rg = rg;
    m->cap = 64; m->count = 0;
    m->slots = rg_calloc(rg, m->cap, sizeof *m->slots);
    arena_init_in(&m->keys, 64 * 1024, rg);
}

void strmap_init(strmap *m) { strmap_init_in(m, NULL); }

void strmap_free(strmap *m)
{
    rg_free(m->rg, m->slots); m->slots = NULL;
    arena_free(&m->keys);
}

/* keys are compared inline (bytes_same): they are mostly words of a few bytes, and memcmp was
   a library call on every probe that met a slot of the key's hash and length */

static inline strmap_slot *find(strmap_slot *slots, size_t cap, const char *k, size_t n, uint32_t h)
{
    size_t i = h & (cap - 1);
    for (;;) {
        strmap_slot *s = &slots[i];
        if (!s->key) return s;
        if (s->hash == h && s->len == n && bytes_same(s->key, k, n)) return s;
        i = (i + 1) & (cap - 1);
    }
}

static inline uint32_t *get_h(const strmap *m, const char *key, size_t len, uint32_t h)
{
    strmap_slot *s = find(m->slots, m->cap, key, len, h);
    return s->key ? &s->value : NULL;
}

uint32_t *strmap_get_h(const strmap *m, const char *key, size_t len, uint32_t h)
{
    return get_h(m, key, len, h);
}

uint32_t *strmap_get2_h(const strmap *m, const char *a, size_t an, const char *b, size_t bn,
                        uint32_t h)
{
    size_t cap = m->cap, i = h & (cap - 1), n = an + bn;
    for (;;) {
        const strmap_slot *s = &m->slots[i];
        if (!s->key) return NULL;
        if (s->hash == h && s->len == n && bytes_same(s->key, a, an) &&
            bytes_same(s->key + an, b, bn))
            return &m->slots[i].value;
        i = (i + 1) & (cap - 1);
    }
}

uint32_t *strmap_get(const strmap *m, const char *key, size_t len)
{
    return get_h(m, key, len, hash(key, len));
}

static void grow(strmap *m)
{
    size_t ncap = m->cap * 2;
    strmap_slot *ns = rg_calloc(m->rg, ncap, sizeof *ns);
    for (size_t i = 0; i < m->cap; i++) {
        strmap_slot *s = &m->slots[i];
        if (!s->key) continue;
        *find(ns, ncap, s->key, s->len, s->hash) = *s;
    }
    rg_free(m->rg, m->slots);
    m->slots = ns; m->cap = ncap;
}

void strmap_reserve(strmap *m, size_t n)
{
    while ((n + 1) * 2 > m->cap) grow(m);
}

static inline uint32_t *put_h(strmap *m, const char *key, size_t len, uint32_t h,
                              uint32_t initial, int *added)
{
    if ((m->count + 1) * 2 > m->cap) grow(m);
    strmap_slot *s = find(m->slots, m->cap, key, len, h);
    if (added) *added = !s->key;
    if (!s->key) {
        s->key = arena_strndup(&m->keys, key, len);
        s->len = (uint32_t)len; s->hash = h; s->value = initial;
        m->count++;
    }
    return &s->value;
}

uint32_t *strmap_put_h(strmap *m, const char *key, size_t len, uint32_t h, uint32_t initial,
                       int *added)
{
    return put_h(m, key, len, h, initial, added);
}

uint32_t *strmap_put(strmap *m, const char *key, size_t len, uint32_t initial, int *added)
{
    return put_h(m, key, len, hash(key, len), initial, added);
}
