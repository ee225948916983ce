/* buf.h - growable byte buffer (a small cousin of Redis's sds) for building output lines. */
#ifndef HD_BUF_H
#define HD_BUF_H
#include <stddef.h>
#include <string.h>

typedef struct buf { char *p; size_t len, cap; } buf;

void buf_init(buf *b);
void buf_free(buf *b);
void buf_clear(buf *b);
/* the slow path of the inline appends: grows the buffer for extra more bytes and a NUL */
void buf_grow(buf *b, size_t extra);
/* inline: the writers append a dozen literals and numbers an event, and with the length
 * known at the call (buf_lit) the copy is a few moves */
static inline void buf_add(buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) buf_grow(b, n);
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = 0;
}
void buf_puts(buf *b, const char *s);
/* inline: the writers call it for every comma and bracket */
static inline void buf_putc(buf *b, char c)
{
    if (b->len + 2 <= b->cap) { b->p[b->len++] = c; b->p[b->len] = 0; }
    else buf_add(b, &c, 1);
}
/* a string literal, its length known at compile time */
#define buf_lit(b, s) buf_add((b), "" s "", sizeof(s) - 1)
void buf_printf(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_int(buf *b, long v);          /* %ld without printf: the writers' hot path */
void buf_decimal1(buf *b, double v);   /* %.1f, without printf when v has one decimal */
void buf_json_str(buf *b, const char *s, size_t n);   /* quoted, escaped JSON string */
void buf_json_cstr(buf *b, const char *s);            /* the same, of a NUL-terminated string */
void buf_tsv_field(buf *b, const char *s);            /* tabs/newlines become blanks */
/* The same writes to a cursor o in room the caller made (no checks, no NUL), returning the
 * end: for a writer that reserves once for a whole line. The room each needs: */
#define BUF_INT_ROOM 20                     /* -LONG_MAX */
#define BUF_DECIMAL1_ROOM 320               /* %.1f of -DBL_MAX */
#define BUF_JSON_ROOM(n) (6 * (n) + 2)      /* every byte a \u00XX escape, and the quotes */
/* the cursor at the end of b with room for n more bytes and a NUL; buf_end sets the length
 * to where the cursor got and puts the NUL */
static inline char *buf_room(buf *b, size_t n)
{
    if (b->len + n + 1 > b->cap) buf_grow(b, n);
    return b->p + b->len;
}
static inline void buf_end(buf *b, char *o) { *o = 0; b->len = (size_t)(o - b->p); }
/* the decimal pairs "00" .. "99" in one string: numbers are written two digits at a time */
extern const char digit_pairs[201];
char *buf_int_put(char *o, long v);
char *buf_decimal1_put(char *o, double v);
char *buf_json_put(char *o, const char *s, size_t n);
#endif
