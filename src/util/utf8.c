/* utf8.c - see utf8.h. Rejects overlongs, surrogates and values above U+10FFFF. */
#include "utf8.h"
#include <string.h>

/* Both scans run over every article's whole text: eight bytes at a time where they can. */
#define HIGH_BITS 0x8080808080808080ULL

size_t utf8_valid_prefix(const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < n) {
        if (i + 32 <= n) {      /* thirty-two ASCII bytes with one test */
            uint64_t w[4];
            memcpy(w, s + i, 32);
            if (!((w[0] | w[1] | w[2] | w[3]) & HIGH_BITS)) { i += 32; continue; }
        }
        if (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (!(w & HIGH_BITS)) { i += 8; continue; }     /* eight ASCII bytes */
        }
        unsigned char c = s[i];
        if (c < 0x80) { i++; continue; }
        size_t k; uint32_t cp, min;
        if ((c & 0xE0) == 0xC0) { k = 1; cp = c & 0x1F; min = 0x80; }
        else if ((c & 0xF0) == 0xE0) { k = 2; cp = c & 0x0F; min = 0x800; }
        else if ((c & 0xF8) == 0xF0) { k = 3; cp = c & 0x07; min = 0x10000; }
        else return i;
        for (size_t j = 1; j <= k; j++) {
            if (i + j >= n || (s[i + j] & 0xC0) != 0x80) return i;
            cp = (cp << 6) | (s[i + j] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
        i += k + 1;
    }
    return n;
}

uint32_t utf8_decode(const char *str, size_t n, int *len)
{
    const unsigned char *s = (const unsigned char *)str;
    unsigned char c = s[0];
    if (c < 0x80 || n < 2) { *len = 1; return c; }
    if ((c & 0xE0) == 0xC0) { *len = 2; return ((uint32_t)(c & 0x1F) << 6) | (s[1] & 0x3F); }
    if ((c & 0xF0) == 0xE0 && n >= 3) {
        *len = 3;
        return ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
    }
    if (n >= 4) {
        *len = 4;
        return ((uint32_t)(c & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) |
               ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
    }
    *len = 1;
    return c;
}

size_t utf8_count(const char *s, size_t n)
{
    size_t c = 0, i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        /* bit 7 of each byte that is 10xxxxxx (a continuation byte), summed over the bytes */
        uint64_t cont = (w & ~(w << 1) & HIGH_BITS) >> 7;
        c += 8 - (size_t)((cont * 0x0101010101010101ULL) >> 56);
    }
    for (; i < n; i++) c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}
