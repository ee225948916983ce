/* swar.h - eight bytes at a time in a uint64_t ("SIMD within a register"), for the scans that
 * run over every byte of every article (the tokenizer's words, the JSON writer's strings).
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

/* x with every byte below 0x80: the bytes >= lo (1 <= lo <= 0x80). No byte carries into the
 * next, since x + (0x80 - lo) stays below 0x100. */
static inline uint64_t swar_ge(uint64_t x, unsigned lo)
{
    return (x + SWAR_ONES * (0x80u - lo)) & SWAR_HIGH;
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

/* the marks before the first one (all of them when m is 0): m & swar_before(m) is 0, and for
 * another mask k, k & swar_before(m) keeps k's marks on the bytes before m's first */
static inline uint64_t swar_before(uint64_t m)
{
    return (m & (0 - m)) - 1;
}

/* the number of bytes marked (a mask of high bits only): the per-byte ones summed into the
 * top byte by one multiplication, no popcount instruction needed */
static inline unsigned swar_count(uint64_t m)
{
    return (unsigned)(((m >> 7) * SWAR_ONES) >> 56);
}
#endif
