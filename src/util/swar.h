/* swar.h - eight bytes at a time in a uint64_t ("SIMD within a register"), for the scans that
 * run over long runs of bytes (the JSON writer's strings: every event writes its sentence).
 * Not for words: at five bytes a word, the tokenizer's table loop costs less (tried).
 *
 * A word is loaded with memcpy (no unaligned access through a cast pointer) and always holds
 * the first byte of the text in its low byte, on any host, so "the first byte that matches"
 * is the lowest set bit of a mask (swar_first). The masks have the high bit of a byte set for
 * the bytes that match and nothing else. Callers must only load eight bytes that are inside
 * their buffer. */
#ifndef HD_SWAR_H
#define HD_SWAR_H
#include <stdint.h>
#include <string.h>

#define SWAR_ONES 0x0101010101010101ULL
#define SWAR_HIGH 0x8080808080808080ULL

static inline uint64_t swar_load(const void *p)
{
    uint64_t w;
    memcpy(&w, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    w = __builtin_bswap64(w);
#endif
    return w;
}

static inline void swar_store(void *p, uint64_t w)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    w = __builtin_bswap64(w);
#endif
    memcpy(p, &w, 8);
}

/* any w: the bytes below n (1 <= n <= 0x80), and the bytes equal to c. Exact up to the first
 * match; a borrow can mark bytes after it, so use these masks for swar_first or for "any". */
static inline uint64_t swar_below(uint64_t w, unsigned n)
{
    return (w - SWAR_ONES * n) & ~w & SWAR_HIGH;
}
static inline uint64_t swar_eq(uint64_t w, unsigned char c)
{
    return swar_below(w ^ (SWAR_ONES * c), 1);
}

/* the index (0-7) of the first byte marked in a mask that is not zero */
static inline unsigned swar_first(uint64_t m)
{
    return (unsigned)__builtin_ctzll(m) >> 3;
}

#endif
