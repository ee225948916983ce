/* bytes.h - short byte strings read in fixed-size loads (memcpy: no unaligned access through
 * a cast pointer) that stay inside the string: a length between two load sizes takes two
 * loads that overlap. For words of a few bytes, where a library call (memcmp, a memcpy of a
 * variable length) cost more than the compare. Used by the hash map's key compare and by
 * lexify's cache of recent words. And the tables indexed by a byte that the scanners read. */
#ifndef HD_BYTES_H
#define HD_BYTES_H
#include <stddef.h>
#include <stdint.h>
#include <string.h>

static inline uint64_t bytes_load8(const char *s) { uint64_t v; memcpy(&v, s, 8); return v; }
static inline uint32_t bytes_load4(const char *s) { uint32_t v; memcpy(&v, s, 4); return v; }
static inline uint16_t bytes_load2(const char *s) { uint16_t v; memcpy(&v, s, 2); return v; }

/* memcmp(a, b, n) == 0 */
static inline int bytes_same(const char *a, const char *b, size_t n)
{
    if (n >= 8) {
        const char *ae = a + n - 8, *be = b + n - 8;
        for (; a < ae; a += 8, b += 8)
            if (bytes_load8(a) != bytes_load8(b)) return 0;
        return bytes_load8(ae) == bytes_load8(be);
    }
    if (n >= 4) return bytes_load4(a) == bytes_load4(b) && bytes_load4(a + n - 4) == bytes_load4(b + n - 4);
    if (n >= 2) return bytes_load2(a) == bytes_load2(b) && bytes_load2(a + n - 2) == bytes_load2(b + n - 2);
    return n == 0 || a[0] == b[0];
}

/* the entries of a table indexed by a byte, made by F(c) for each byte value c (unsigned):
   BYTE_TABLE_ASCII(F) the first 128 (a table of 256 leaves the others 0), BYTE_TABLE_ALL(F)
   all 256 */
#define BYTE_T4(F, c) F(c), F((c) + 1u), F((c) + 2u), F((c) + 3u)
#define BYTE_T16(F, c) BYTE_T4(F, c), BYTE_T4(F, (c) + 4u), BYTE_T4(F, (c) + 8u), BYTE_T4(F, (c) + 12u)
#define BYTE_T64(F, c) BYTE_T16(F, c), BYTE_T16(F, (c) + 16u), BYTE_T16(F, (c) + 32u), BYTE_T16(F, (c) + 48u)
#define BYTE_TABLE_ASCII(F) BYTE_T64(F, 0u), BYTE_T64(F, 64u)
#define BYTE_TABLE_ALL(F) BYTE_TABLE_ASCII(F), BYTE_T64(F, 128u), BYTE_T64(F, 192u)

/* up to 8 bytes (n <= 8) as a zero-padded word (the overlapping halves joined by OR: the bytes
   they share are the same) */
static inline uint64_t bytes_upto8(const char *s, size_t n)
{
    if (n >= 8) return bytes_load8(s);
    if (n >= 4) return bytes_load4(s) | (uint64_t)bytes_load4(s + n - 4) << (8 * (n - 4));
    if (n >= 2) return bytes_load2(s) | (uint64_t)bytes_load2(s + n - 2) << (8 * (n - 2));
    return n ? (unsigned char)s[0] : 0;
}
#endif
