/* buf.c - see buf.h. */
#include "buf.h"
#include "swar.h"
#include "bytes.h"
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void buf_init(buf *b) { b->p = NULL; b->len = b->cap = 0; }
void buf_free(buf *b) { free(b->p); buf_init(b); }
void buf_clear(buf *b) { b->len = 0; if (b->p) b->p[0] = 0; }

void buf_grow(buf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap) return;
    /* an event line is about a kilobyte, and an article's output a few */
    size_t nc = b->cap ? b->cap : 4096;
    while (nc < b->len + extra + 1) nc *= 2;
    char *np = realloc(b->p, nc);
    if (!np) { fputs("herodot: out of memory\n", stderr); abort(); }
    b->p = np; b->cap = nc;
}

static inline void reserve(buf *b, size_t extra)
{
    if (b->len + extra + 1 > b->cap) buf_grow(b, extra);
}

void buf_puts(buf *b, const char *s) { buf_add(b, s, strlen(s)); }

/* one vsnprintf into the free space when it fits (almost always), a second only when not */
void buf_printf(buf *b, const char *fmt, ...)
{
    reserve(b, 64);
    size_t room = b->cap - b->len;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(b->p + b->len, room, fmt, ap);
    va_end(ap);
    if (n < 0) { b->p[b->len] = 0; return; }
    if ((size_t)n >= room) {
        reserve(b, (size_t)n);
        va_start(ap, fmt);
        vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    b->len += (size_t)n;
}

const char digit_pairs[201] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

char *buf_int_put(char *o, long v)
{
    /* two digits a division, from a table of the pairs 00 .. 99, written in place from the
     * last: the digits are counted first (most numbers an event writes are offsets and counts
     * of one to four digits), so there is no copy from a scratch array */
    const char *pairs = digit_pairs;
    unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
    size_t nd = 1;
    for (unsigned long p = 10; u >= p && nd < 19; p *= 10) nd++;   /* 19: LONG_MIN's digits */
    if (v < 0) *o++ = '-';
    o += nd;
    char *end = o;
    while (u >= 100) {
        unsigned r = (unsigned)(u % 100);
        u /= 100;
        o -= 2; memcpy(o, pairs + 2 * r, 2);
    }
    if (u >= 10) memcpy(o - 2, pairs + 2 * u, 2);
    else o[-1] = (char)('0' + u);
    return end;
}

void buf_int(buf *b, long v)
{
    reserve(b, 20);   /* the most a long takes: first, so the rest needs no registers saved */
    buf_end(b, buf_int_put(b->p + b->len, v));
}

/* Goldstein values have one decimal: those are written by hand (the same bytes as %.1f),
 * anything else by snprintf (BUF_DECIMAL1_ROOM holds the longest, -DBL_MAX's 312 bytes) */
char *buf_decimal1_put(char *o, double v)
{
    if (v > -1e8 && v < 1e8) {
        double v10 = v * 10, r = v10 < 0 ? -(double)(long)(-v10 + 0.5) : (double)(long)(v10 + 0.5);
        if (r - v10 < 1e-6 && v10 - r < 1e-6) {
            long t = (long)r, a = t < 0 ? -t : t;
            if (t < 0) *o++ = '-';
            o = buf_int_put(o, a / 10);
            *o++ = '.';
            *o++ = (char)('0' + a % 10);
            return o;
        }
    }
    return o + snprintf(o, BUF_DECIMAL1_ROOM, "%.1f", v);
}

void buf_decimal1(buf *b, double v)
{
    reserve(b, BUF_DECIMAL1_ROOM);
    buf_end(b, buf_decimal1_put(b->p + b->len, v));
}

/* the bytes a JSON string cannot hold as they are: control characters, '"' and '\\' */
#define JE(c) ((c) < 0x20u || (c) == '"' || (c) == '\\')
static const uint8_t json_escaped[256] = { BYTE_TABLE_ASCII(JE) };   /* 0 from 128 on */

/* the bytes of w (SWAR, swar.h) that JSON cannot take as they are: a control character,
 * '"' or '\\'. Exact up to the first one, which is all the callers use. With its 0x02 bit
 * flipped, '"' (0x22) is 0x20 and a control character stays below 0x20, and no other byte
 * comes below 0x21: one test for both. */
static inline uint64_t json_escapes8(uint64_t w)
{
    return swar_below(w ^ SWAR_ONES * 0x02, 0x21) | swar_eq(w, '\\');
}

/* copies to o the prefix of s that JSON takes as it is (no control character, quote or
 * backslash) and returns its length. Eight bytes at a time, since every event writes its
 * whole sentence: a word is stored as it is, and the first byte to escape found in it by its
 * mask. The bytes that do not make a whole word at the end are read as the string's last
 * eight bytes (again), so that nothing past the string is read; o has room for n bytes.
 * For n >= 8; out of line, so that the short strings' path keeps its registers free. */
static __attribute__((noinline)) size_t json_copy_long(char *o, const char *s, size_t n)
{
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w = swar_load(s + i), e = json_escapes8(w);
        swar_store(o + i, w);
        if (e) return i + swar_first(e);
    }
    if (i < n) {
        uint64_t w = swar_load(s + n - 8), e = json_escapes8(w);
        swar_store(o + n - 8, w);
        if (e) return n - 8 + swar_first(e);   /* not before i: those were plain */
    }
    return n;
}

/* the same for any n. Most strings an event writes are short (codes, dates, names): one of
 * four to seven bytes is tested as two overlapping halves in one word. */
static inline size_t json_copy_plain(char *o, const char *s, size_t n)
{
    if (n >= 8) return json_copy_long(o, s, n);
    if (n >= 4) {
        uint32_t lo, hi;
        memcpy(&lo, s, 4);
        memcpy(&hi, s + n - 4, 4);
        if (!json_escapes8((uint64_t)lo | (uint64_t)hi << 32)) {
            memcpy(o, &lo, 4);
            memcpy(o + n - 4, &hi, 4);
            return n;
        }
    }
    size_t i = 0;
    for (; i < n; i++) {   /* fewer than four bytes, or one of them to escape */
        unsigned char c = (unsigned char)s[i];
        if (json_escaped[c]) break;
        o[i] = (char)c;
    }
    return i;
}

/* writes the escape of c, a byte json_escaped names: two bytes or six */
static char *json_escape(char *o, unsigned char c)
{
    static const char hex[] = "0123456789abcdef";
    *o++ = '\\';
    switch (c) {
    case '"': *o++ = '"'; break;
    case '\\': *o++ = '\\'; break;
    case '\n': *o++ = 'n'; break;
    case '\t': *o++ = 't'; break;
    case '\r': *o++ = 'r'; break;
    default: *o++ = 'u'; *o++ = '0'; *o++ = '0'; *o++ = hex[c >> 4]; *o++ = hex[c & 15];
    }
    return o;
}

char *buf_json_put(char *o, const char *s, size_t n)
{
    *o++ = '"';
    size_t i = json_copy_plain(o, s, n);
    o += i;
    while (i < n) {   /* an escape (rare), then the plain bytes after it */
        unsigned char c = (unsigned char)s[i++];
        o = json_escape(o, c);
        size_t k = json_copy_plain(o, s + i, n - i);
        o += k; i += k;
    }
    *o++ = '"';
    return o;
}

void buf_json_str(buf *b, const char *s, size_t n)
{
    /* room for the worst case, then the cursor's writer (buf_json_put) */
    reserve(b, BUF_JSON_ROOM(n) + 1);
    buf_end(b, buf_json_put(b->p + b->len, s, n));
}

void buf_json_cstr(buf *b, const char *s)
{
    /* the length first (libc's strlen reads words too): the copy then goes eight bytes at a
     * time, and no byte past the string's NUL is read */
    buf_json_str(b, s, strlen(s));
}

void buf_tsv_field(buf *b, const char *s)
{
    for (; s && *s; s++) buf_putc(b, (*s == '\t' || *s == '\n' || *s == '\r') ? ' ' : *s);
}
