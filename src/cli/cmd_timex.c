/* cmd_timex.c - `herodot timex [--date D] FILE|-`: the temporal expressions of a text, one a
 * line: start<TAB>end<TAB>type<TAB>value<TAB>words (code-point offsets, TIMEX3 values).
 * Reads plain text, or a TimeML .tml file: the <DCT> gives the article date and the text is
 * the <TEXT> element with its tags stripped and the XML entities decoded (the same stripping
 * as tests/eval/tempeval.py, so offsets agree with the gold). */
#include "cli.h"
#include "../time/time.h"
#include "../util/buf.h"
#include "../util/utf8.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int read_all(const char *path, buf *b)
{
    FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
    if (!f) return -1;
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) buf_add(b, chunk, n);
    int err = ferror(f);
    if (f != stdin) fclose(f);
    buf_putc(b, 0);
    b->len--;
    return err ? -1 : 0;
}

static void put_utf8(buf *b, uint32_t cp)
{
    char o[4];
    if (cp < 0x80) { o[0] = (char)cp; buf_add(b, o, 1); }
    else if (cp < 0x800) { o[0] = (char)(0xC0 | cp >> 6); o[1] = (char)(0x80 | (cp & 0x3F)); buf_add(b, o, 2); }
    else if (cp < 0x10000) {
        o[0] = (char)(0xE0 | cp >> 12); o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F)); buf_add(b, o, 3);
    } else {
        o[0] = (char)(0xF0 | cp >> 18); o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        o[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); o[3] = (char)(0x80 | (cp & 0x3F)); buf_add(b, o, 4);
    }
}

static int ent_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '#';
}

/* one entity name (without & and ;) -> appended to out; 0 if unknown */
static int decode_entity(const char *s, size_t n, buf *out)
{
    static const struct { const char *name, *val; } e[] = {
        { "amp", "&" }, { "lt", "<" }, { "gt", ">" }, { "quot", "\"" }, { "apos", "'" } };
    for (size_t k = 0; k < sizeof e / sizeof *e; k++)
        if (strlen(e[k].name) == n && !memcmp(s, e[k].name, n)) { buf_puts(out, e[k].val); return 1; }
    if (n >= 2 && s[0] == '#') {
        int hex = s[1] == 'x' || s[1] == 'X';
        size_t k = hex ? 2 : 1;
        if (k >= n) return 0;
        unsigned long v = 0;
        for (; k < n; k++) {
            char c = s[k];
            int d = c >= '0' && c <= '9' ? c - '0' : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10 :
                    hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (d < 0 || v > 0x10FFFF) return 0;
            v = v * (hex ? 16 : 10) + (unsigned long)d;
        }
        if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
        put_utf8(out, (uint32_t)v);
        return 1;
    }
    return 0;
}

/* the text of <TEXT>...</TEXT> with tags dropped and entities decoded */
static void strip_timeml(const char *x, size_t n, buf *out)
{
    const char *s = strstr(x, "<TEXT>"), *end;
    if (!s) return;
    s += 6;
    end = strstr(s, "</TEXT>");
    if (!end) end = x + n;
    while (s < end) {
        if (*s == '<') {
            const char *gt = memchr(s, '>', (size_t)(end - s));
            if (gt) { s = gt + 1; continue; }
        } else if (*s == '&') {
            const char *q = s + 1;
            while (q < end && ent_char(*q)) q++;
            if (q > s + 1 && q < end && *q == ';') {
                if (!decode_entity(s + 1, (size_t)(q - s - 1), out)) buf_add(out, s, (size_t)(q + 1 - s));
                s = q + 1;
                continue;
            }
        }
        buf_add(out, s, 1);
        s++;
    }
}

/* the value of the <DCT>'s TIMEX3, as YYYYMMDD, or 0 */
static int32_t timeml_dct(const char *x)
{
    const char *d = strstr(x, "<DCT>");
    if (!d) return 0;
    const char *e = strstr(d, "</DCT>");
    const char *v = strstr(d, "value=\"");
    if (!v || (e && v > e)) return 0;
    int32_t r = time_parse_ymd(v + 7);
    return r > 0 ? r : 0;
}

static const char *kind_name(int k)
{
    switch (k) {
    case TX_DATE: return "DATE";
    case TX_DURATION: return "DURATION";
    case TX_SET: return "SET";
    case TX_ANCHOR: return "ANCHOR";
    default: return "?";
    }
}

static void print_all(const char *text, const token *t, const timex *x, int nx)
{
    for (int k = 0; k < nx; k++) {
        const token *a = &t[x[k].t0], *b = &t[x[k].t1 - 1];
        printf("%u\t%u\t%s\t%s\t", a->c0, b->c1, kind_name(x[k].kind), x[k].tx3);
        for (uint32_t p = a->b0; p < b->b1; p++) {
            char c = text[p];
            putchar(c == '\n' || c == '\t' || c == '\r' ? ' ' : c);
        }
        putchar('\n');
    }
}

int cmd_timex(int argc, char **argv)
{
    const char *date = NULL, *path = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--date") && i + 1 < argc) { date = argv[++i]; continue; }
        if (!strncmp(argv[i], "--date=", 7)) { date = argv[i] + 7; continue; }
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            puts("usage: herodot timex [--date YYYY-MM-DD] FILE|-\n\n"
                 "Finds the temporal expressions of a plain-text article or a TimeML .tml file and\n"
                 "prints one a line: start, end (code points), type, TIMEX3 value, words. The\n"
                 "article date is --date, else the TimeML <DCT>, else today.");
            return 0;
        }
        if (path) { fputs("herodot timex: one FILE only\n", stderr); return 2; }
        path = argv[i];
    }
    if (!path) { fputs("usage: herodot timex [--date D] FILE|-\n", stderr); return 2; }
    int32_t adate = 0;
    if (date && (adate = time_parse_ymd(date)) <= 0) {
        fprintf(stderr, "herodot timex: --date %s is not YYYY-MM-DD\n", date);
        return 2;
    }
    buf raw; buf_init(&raw);
    if (read_all(path, &raw) < 0) {
        fprintf(stderr, "herodot timex: cannot read %s\n", path);
        buf_free(&raw);
        return 1;
    }
    buf plain; buf_init(&plain);
    const char *text = raw.p ? raw.p : "";
    size_t len = raw.len;
    if (strstr(text, "<TEXT>")) {
        if (!adate) adate = timeml_dct(text);
        strip_timeml(text, raw.len, &plain);
        buf_putc(&plain, 0);
        plain.len--;
        text = plain.p;
        len = plain.len;
    }
    if (!adate) {
        time_t now = time(NULL);
        struct tm tm;
        localtime_r(&now, &tm);
        adate = (tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday;
    }
    len = utf8_valid_prefix(text, len);
    arena a; arena_init(&a, 1 << 16);
    doc_text dt;
    text_split(&a, text, len, &dt);
    time_ctx ctx;
    time_ctx_init(&ctx, adate, dt.dl.present ? dt.dl.month : 0, dt.dl.present ? dt.dl.day : 0);
    timex *x;
    int nx;
    if (dt.dl.present) {
        token *t;
        uint32_t c0 = (uint32_t)utf8_count(text, dt.dl.b0);
        int n = text_tokenize(&a, text, dt.dl.b0, dt.dl.b1, c0, &t);
        time_classes(t, n);   /* as lexify would have */
        nx = time_find(&a, t, n, text, &ctx, 0, &x);
        print_all(text, t, x, nx);
    }
    for (int s = 0; s < dt.nsent; s++) {
        const sentence *se = &dt.sent[s];
        time_classes(se->tok, se->ntok);
        nx = time_find(&a, se->tok, se->ntok, text, &ctx, time_future(se->tok, se->ntok), &x);
        print_all(text, se->tok, x, nx);
    }
    arena_free(&a);
    buf_free(&plain);
    buf_free(&raw);
    return 0;
}
