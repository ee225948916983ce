/* token.c - tokenizer. Splits a span of text into words and punctuation with byte and
 * code-point offsets. Decisions that matter downstream:
 *  - "'s" is a token of its own (TF_POSS); "didn't" is "did" + "n't".
 *  - hyphens split words ("NATO-led" = NATO, led) and mark the right part TF_HYPHEN, so
 *    dictionary phrases need not spell hyphens.
 *  - abbreviations keep their period ("U.S.", "Gen.", "Sept."), so the splitter can tell them
 *    from sentence ends; numbers keep their separators ("1,000", "3.5"). */
#include "text.h"
#include "../util/utf8.h"
#include <string.h>
#include <ctype.h>
#include <unicode/uchar.h>

static const char *const abbrevs[] = {
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "cpl", "adm", "cmdr",
    "gov", "sen", "rep", "pres", "prof", "st", "jr", "sr", "rev", "fr", "no", "vs", "etc",
    "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "mt", "ft", "brig", "lieut", "supt", "insp", "hon", "dept", "est",
    "approx", "cf", "al", NULL
};

static int is_abbrev(const char *s, size_t n)
{
    char low[16];
    if (n >= sizeof low) return 0;
    for (size_t i = 0; i < n; i++) low[i] = (char)tolower((unsigned char)s[i]);
    low[n] = 0;
    for (int i = 0; abbrevs[i]; i++) if (low[0] == abbrevs[i][0] && strcmp(low, abbrevs[i]) == 0) return 1;
    return 0;
}

/* ASCII classes by range, not through <ctype.h>: these run on every byte of every article
 * (the C locale's isalnum, isdigit, isupper are these ranges) */
static inline int ascii_alnum(unsigned c) { return (c | 0x20) - 'a' < 26 || c - '0' < 10; }
static inline int ascii_upper(unsigned c) { return c - 'A' < 26; }
static inline int ascii_digit(unsigned c) { return c - '0' < 10; }

static int cp_is_alnum_u(uint32_t cp)
{
    return u_isalnum((UChar32)cp) || u_charType((UChar32)cp) == U_NON_SPACING_MARK;
}

static inline int cp_is_alnum(uint32_t cp) { return cp < 0x80 ? ascii_alnum(cp) : cp_is_alnum_u(cp); }

static inline int cp_is_space(uint32_t cp)
{
    if (cp < 0x80) return cp == ' ' || (cp >= '\t' && cp <= '\r');   /* \t \n \v \f \r */
    return cp == 0xA0 || cp == 0x2009 || cp == 0x202F || cp == 0x200B || cp == 0xFEFF ||
           (cp >= 0x2000 && cp <= 0x200A) || cp == 0x3000;
}

static int cp_is_apos(uint32_t cp) { return cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x02BC; }
static int cp_is_hyphen(uint32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2011; }
static int cp_is_quote(uint32_t cp)
{
    return cp == '"' || cp == 0x201C || cp == 0x201D || cp == 0x201E || cp == 0x00AB ||
           cp == 0x00BB || cp == 0x2018 || cp == 0x2019;
}

typedef struct cursor { const char *t; uint32_t b, end, c; } cursor;

static inline uint32_t peek(const cursor *k, uint32_t b, int *len)
{
    if (b >= k->end) { *len = 0; return 0; }
    unsigned char c = (unsigned char)k->t[b];
    if (c < 0x80) { *len = 1; return c; }
    return utf8_decode(k->t + b, k->end - b, len);
}

typedef struct tokvec { token *v; int n, cap; arena *a; } tokvec;

static token *push(tokvec *tv)
{
    if (tv->n == tv->cap) {
        int nc = tv->cap ? tv->cap * 2 : 64;
        token *nv = arena_alloc_raw(tv->a, sizeof(token) * (size_t)nc);
        if (tv->n) memcpy(nv, tv->v, sizeof(token) * (size_t)tv->n);
        tv->v = nv; tv->cap = nc;
    }
    token *t = &tv->v[tv->n++];
    memset(t, 0, sizeof *t);
    return t;
}

static void emit(tokvec *tv, const char *text, uint32_t b0, uint32_t b1, uint32_t c0,
                 uint32_t c1, uint32_t flags)
{
    token *t = push(tv);
    t->b0 = b0; t->b1 = b1; t->c0 = c0; t->c1 = c1;
    /* an ASCII word is folded here, in the pass that counts its letters for TF_ALLCAP (one
     * pass over the bytes instead of three); a word with other characters goes to text_fold
     * (ICU), leaving these n + 1 bytes unused in the arena */
    const char *s = text + b0;
    uint32_t n = b1 - b0, i;
    char *p = arena_alloc_raw(tv->a, (size_t)n + 1);
    int letters = 0, upper = 0;     /* ASCII letters only */
    for (i = 0; i < n; i++) {
        unsigned ch = (unsigned char)s[i];
        if (ch >= 0x80) break;
        if (ascii_upper(ch)) { letters++; upper++; p[i] = (char)(ch + 32); }
        else { letters += ch - 'a' < 26; p[i] = (char)ch; }
    }
    if (i == n) {
        p[n] = 0;
        t->fold = p; t->fold_len = n;
    } else {
        t->fold = text_fold(tv->a, s, n, &t->fold_len);
        for (; i < n; i++) {
            unsigned ch = (unsigned char)s[i];
            if ((ch | 0x20) - 'a' < 26) { letters++; upper += ascii_upper(ch); }
        }
    }
    /* the period of an abbreviation is kept in the text but the folded form drops a final
     * period only for single-word abbreviations ("Gen." = gen); dotted initialisms keep
     * their dots ("u.s.") so that "US" the pronoun stays distinct */
    if ((flags & TF_ABBREV) && t->fold_len > 1 && t->fold[t->fold_len - 1] == '.' &&
        !memchr(t->fold, '.', t->fold_len - 1)) {
        ((char *)t->fold)[--t->fold_len] = 0;
    }
    unsigned char f = (unsigned char)text[b0];
    if (!(flags & TF_PUNCT)) {
        if (f < 0x80) {
            if (ascii_upper(f)) flags |= TF_CAP;
            if (ascii_digit(f)) flags |= TF_NUM;
        } else {
            int l;
            if (u_isupper((UChar32)utf8_decode(text + b0, b1 - b0, &l))) flags |= TF_CAP;
        }
        if (letters >= 2 && letters == upper) flags |= TF_ALLCAP;
    }
    t->flags = flags;
}

int text_tokenize(arena *a, const char *text, uint32_t b0, uint32_t b1, uint32_t c0, token **out)
{
    tokvec tv = { NULL, 0, 0, a };
    cursor k = { text, b0, b1, c0 };
    uint32_t pending = 0;     /* TF_HYPHEN for the next word */
    while (k.b < k.end) {
        int len; uint32_t cp = peek(&k, k.b, &len);
        if (cp_is_space(cp)) { k.b += (uint32_t)len; k.c++; pending = 0; continue; }
        if (cp_is_alnum(cp)) {
            uint32_t wb = k.b, wc = k.c;
            int digits_only = 1, dotted = 0;
            for (;;) {
                /* ASCII letters and digits, the bulk of any word, without decoding */
                while (k.b < k.end && ascii_alnum((unsigned char)text[k.b])) {
                    if (!ascii_digit((unsigned char)text[k.b])) digits_only = 0;
                    k.b++; k.c++;
                }
                int l2; uint32_t c2 = peek(&k, k.b, &l2);
                if (l2 == 0) break;
                if (cp_is_alnum(c2)) {
                    if (!(c2 < 0x80 && ascii_digit(c2))) digits_only = 0;
                    k.b += (uint32_t)l2; k.c++; continue;
                }
                int l3; uint32_t c3 = peek(&k, k.b + (uint32_t)l2, &l3);
                /* 1,000 and 3.5 */
                if ((c2 == ',' || c2 == '.') && digits_only && l3 && c3 < 0x80 && ascii_digit(c3)) {
                    k.b += (uint32_t)l2; k.c++; continue;
                }
                /* U.S. / U.N. : single letter, period, letter */
                if (c2 == '.' && l3 && cp_is_alnum(c3) && !digits_only) {
                    int l4; uint32_t c4 = peek(&k, k.b + (uint32_t)(l2 + l3), &l4);
                    uint32_t seg = k.b - wb;
                    if ((seg == 1 || dotted) && (c4 == '.' || !cp_is_alnum(c4))) {
                        dotted = 1; k.b += (uint32_t)l2; k.c++; continue;
                    }
                }
                /* apostrophes: 's and n't split off; O'Brien stays whole */
                if (cp_is_apos(c2) && l3 && cp_is_alnum(c3)) {
                    int l4; uint32_t c4 = peek(&k, k.b + (uint32_t)(l2 + l3), &l4);
                    if ((c3 == 's' || c3 == 'S') && !cp_is_alnum(c4)) break;
                    if ((c3 == 't' || c3 == 'T') && !cp_is_alnum(c4) && k.b - wb >= 2 &&
                        (text[k.b - 1] == 'n' || text[k.b - 1] == 'N')) {
                        /* "didn't": give back the n */
                        k.b -= 1; k.c -= 1;
                        emit(&tv, text, wb, k.b, wc, k.c, pending);
                        pending = 0;
                        uint32_t nb = k.b, nc = k.c;
                        k.b += 1 + (uint32_t)l2 + (uint32_t)l3; k.c += 3;
                        emit(&tv, text, nb, k.b, nc, k.c, 0);
                        wb = k.b;
                        goto next;
                    }
                    k.b += (uint32_t)(l2); k.c++; continue;
                }
                break;
            }
            {
                uint32_t flags = pending;
                int l2; uint32_t c2 = peek(&k, k.b, &l2);
                if (c2 == '.' && (dotted || is_abbrev(text + wb, k.b - wb) ||
                                  (k.b - wb == 1 && isupper((unsigned char)text[wb])))) {
                    k.b += 1; k.c++;
                    flags |= TF_ABBREV;
                }
                emit(&tv, text, wb, k.b, wc, k.c, flags);
                pending = 0;
            }
            /* possessive */
            {
                int l2; uint32_t c2 = peek(&k, k.b, &l2);
                if (cp_is_apos(c2)) {
                    int l3; uint32_t c3 = peek(&k, k.b + (uint32_t)l2, &l3);
                    int l4; uint32_t c4 = peek(&k, k.b + (uint32_t)(l2 + l3), &l4);
                    if ((c3 == 's' || c3 == 'S') && !cp_is_alnum(c4)) {
                        uint32_t pb = k.b, pc = k.c;
                        k.b += (uint32_t)(l2 + l3); k.c += 2;
                        emit(&tv, text, pb, k.b, pc, k.c, TF_POSS);
                    }
                }
            }
            /* hyphen joining two words */
            {
                int l2; uint32_t c2 = peek(&k, k.b, &l2);
                if (cp_is_hyphen(c2)) {
                    int l3; uint32_t c3 = peek(&k, k.b + (uint32_t)l2, &l3);
                    if (l3 && cp_is_alnum(c3)) { k.b += (uint32_t)l2; k.c++; pending = TF_HYPHEN; }
                }
            }
        next:
            continue;
        }
        /* punctuation */
        uint32_t flags = TF_PUNCT;
        if (cp_is_quote(cp)) flags |= TF_QUOTE;
        if (cp == '(' || cp == ')' || cp == '[' || cp == ']') flags |= TF_PAREN;
        emit(&tv, text, k.b, k.b + (uint32_t)len, k.c, k.c + 1, flags);
        k.b += (uint32_t)len; k.c++;
        pending = 0;
    }
    *out = tv.v;
    return tv.n;
}
