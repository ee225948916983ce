/* token.c - tokenizer. Splits a span of text into words and punctuation with byte and
 * code-point offsets. Decisions that matter downstream:
 *  - "'s" is a token of its own (TF_POSS); "didn't" is "did" + "n't".
 *  - hyphens split words ("NATO-led" = NATO, led) and mark the right part TF_HYPHEN, so
 *    dictionary phrases need not spell hyphens.
 *  - abbreviations keep their period ("U.S.", "Gen.", "Sept."), so the splitter can tell them
 *    from sentence ends; numbers keep their separators ("1,000", "3.5"). */
#include "text.h"
#include "../util/utf8.h"
#include "../util/bytes.h"
#include <string.h>
#include <ctype.h>
#include <unicode/uchar.h>

/* the abbreviations whose period is their own, by length, each list the words run together:
 * a word ending in a period is looked up only among those of its length */
static const char *const abbrevs[7] = {
    [2] = "mr" "ms" "dr" "lt" "st" "jr" "sr" "fr" "no" "vs" "co" "mt" "ft" "cf" "al",
    [3] = "mrs" "gen" "col" "maj" "sgt" "cpl" "adm" "gov" "sen" "rep" "rev" "etc" "inc" "ltd"
          "jan" "feb" "mar" "apr" "jun" "jul" "aug" "sep" "oct" "nov" "dec" "hon" "est",
    [4] = "capt" "cmdr" "pres" "prof" "corp" "sept" "brig" "supt" "insp" "dept",
    [5] = "lieut",
    [6] = "approx",
};

static int is_abbrev(const char *s, size_t n)
{
    if (n >= sizeof abbrevs / sizeof *abbrevs || !abbrevs[n]) return 0;
    char low[8];
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        low[i] = (char)(c - 'A' < 26 ? c + 32 : c);
    }
    for (const char *w = abbrevs[n]; *w; w += n) {
        size_t i = 0;
        while (i < n && w[i] == low[i]) i++;
        if (i == n) return 1;
    }
    return 0;
}

/* ASCII classes by range, not through <ctype.h>: these run on every byte of every article
 * (the C locale's isalnum, isdigit, isupper are these ranges). Letters and digits by a table
 * of the class (high byte) and the folded byte (low byte): one load a byte in the word scan,
 * which also folds. */
enum { AC_UPPER = TF_CAP << 8, AC_DIGIT = TF_NUM << 8, AC_LOWER = 1 << 12 };  /* ascii_word_flags */
#define AC(c) ((c) - '0' < 10u ? AC_DIGIT | (c) : (c) - 'a' < 26u ? AC_LOWER | (c) : \
               (c) - 'A' < 26u ? AC_UPPER | ((c) + 32u) : 0)
static const uint16_t ascii_class[256] = { BYTE_TABLE_ASCII(AC) };   /* 0 from 128 on */

/* the bytes after a word's ASCII letters and digits that may take it on or attach to it:
 * . , ' - and any byte of a character beyond ASCII (a letter, a curly apostrophe) */
#define GO(c) ((c) >= 0x80u || (c) == '.' || (c) == ',' || (c) == '\'' || (c) == '-')
static const uint8_t word_goes_on[256] = { BYTE_TABLE_ALL(GO) };

static inline int ascii_upper(unsigned c) { return c - 'A' < 26; }
static inline int ascii_digit(unsigned c) { return c - '0' < 10; }

static int cp_is_alnum_u(uint32_t cp)
{
    return u_isalnum((UChar32)cp) || u_charType((UChar32)cp) == U_NON_SPACING_MARK;
}

static inline int cp_is_alnum(uint32_t cp)
{
    return cp < 0x80 ? ascii_class[cp] != 0 : cp_is_alnum_u(cp);
}

static inline int cp_is_space(uint32_t cp)
{
    if (cp < 0x80) return cp == ' ' || (cp >= '\t' && cp <= '\r');   /* \t \n \v \f \r */
    return cp == 0xA0 || cp == 0x2009 || cp == 0x202F || cp == 0x200B || cp == 0xFEFF ||
           (cp >= 0x2000 && cp <= 0x200A) || cp == 0x3000;
}

static inline int cp_is_apos(uint32_t cp)
{
    return cp < 0x80 ? cp == '\'' : cp == 0x2019 || cp == 0x2018 || cp == 0x02BC;
}
static inline int cp_is_hyphen(uint32_t cp)
{
    return cp < 0x80 ? cp == '-' : cp == 0x2010 || cp == 0x2011;
}
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

/* tokens and their folded forms: the folds of ASCII words are packed into one allocation per
 * span (a token of n bytes folds to at most n bytes and a NUL, so twice the span's bytes
 * always hold them) instead of one allocation each */
typedef struct tokvec { token *v; int n, cap; arena *a; char *fold; } tokvec;

static void grow(tokvec *tv)
{
    int nc = tv->cap * 2;
    token *nv = arena_alloc_raw(tv->a, sizeof(token) * (size_t)nc);
    memcpy(nv, tv->v, sizeof(token) * (size_t)tv->n);
    tv->v = nv; tv->cap = nc;
}

static inline token *push(tokvec *tv)
{
    if (tv->n == tv->cap) grow(tv);
    return &tv->v[tv->n++];
}

/* the first bytes of a word, folded and counted while the word was scanned: n bytes are in
 * the fold buffer already, with upper ASCII capitals and lower set if a small letter was seen */
typedef struct prefold { uint32_t n; int upper, lower; } prefold;

/* a word's flags from its first byte (ASCII) and its counts of capitals and small letters.
 * The classes of a capital and a digit are TF_CAP and TF_NUM a byte up: a shift and a mask. */
static inline uint32_t ascii_word_flags(unsigned first, int upper, int lower, uint32_t flags)
{
    flags |= (uint32_t)(ascii_class[first] >> 8) & (TF_CAP | TF_NUM);
    if (upper >= 2 && !lower) flags |= TF_ALLCAP;
    return flags;
}

static void emit(tokvec *tv, const char *text, uint32_t b0, uint32_t b1, uint32_t c0,
                 uint32_t c1, uint32_t flags, prefold pf)
{
    token *t = push(tv);
    /* an ASCII word is folded here (or while it was scanned), counting its letters for
     * TF_ALLCAP; a word with other characters goes to text_fold (ICU) */
    const unsigned char *s = (const unsigned char *)text + b0;
    uint32_t n = b1 - b0, i, fold_len;
    char *p = tv->fold;
    const char *fold = p;
    int lower = pf.lower, upper = pf.upper;     /* ASCII letters only */
    for (i = pf.n; i < n; i++) {
        unsigned ch = s[i];
        if (ch >= 0x80) break;
        unsigned up = ascii_upper(ch);
        upper += (int)up;
        lower |= ch - 'a' < 26;
        p[i] = (char)(ch + (up << 5));
    }
    if (i == n) {
        p[n] = 0;
        fold_len = n;
        tv->fold += n + 1;
    } else {
        fold = text_fold(tv->a, (const char *)s, n, &fold_len);
        for (; i < n; i++) {
            unsigned ch = s[i];
            upper += (int)ascii_upper(ch);
            lower |= ch - 'a' < 26;
        }
    }
    /* the period of an abbreviation is kept in the text but the folded form drops a final
     * period only for single-word abbreviations ("Gen." = gen); dotted initialisms keep
     * their dots ("u.s.") so that "US" the pronoun stays distinct */
    if ((flags & TF_ABBREV) && fold_len > 1 && fold[fold_len - 1] == '.' &&
        !memchr(fold, '.', fold_len - 1)) {
        ((char *)fold)[--fold_len] = 0;
    }
    if (!(flags & TF_PUNCT)) {
        unsigned f = s[0];
        if (f < 0x80) flags = ascii_word_flags(f, upper, lower, flags);
        else {
            int l;
            if (u_isupper((UChar32)utf8_decode((const char *)s, n, &l))) flags |= TF_CAP;
            if (upper >= 2 && !lower) flags |= TF_ALLCAP;
        }
    }
    *t = (token){ .b0 = b0, .b1 = b1, .c0 = c0, .c1 = c1, .fold = fold, .fold_len = fold_len,
                  .flags = flags };
}

/* emit for the usual word: ASCII letters and digits only, all folded while it was scanned */
static inline void emit_folded(tokvec *tv, const char *text, uint32_t b0, uint32_t b1,
                               uint32_t c0, uint32_t c1, uint32_t flags, prefold pf)
{
    token *t = push(tv);
    char *fold = tv->fold;
    fold[pf.n] = 0;
    tv->fold += pf.n + 1;
    flags = ascii_word_flags((unsigned char)text[b0], pf.upper, pf.lower, flags);
    *t = (token){ .b0 = b0, .b1 = b1, .c0 = c0, .c1 = c1, .fold = fold, .fold_len = pf.n,
                  .flags = flags };
}

/* emit for an ASCII punctuation mark: its fold is itself */
static inline void emit_mark(tokvec *tv, uint32_t b0, uint32_t c0, char ch, uint32_t flags)
{
    token *t = push(tv);
    char *fold = tv->fold;
    fold[0] = ch; fold[1] = 0;
    tv->fold += 2;
    *t = (token){ .b0 = b0, .b1 = b0 + 1, .c0 = c0, .c1 = c0 + 1, .fold = fold, .fold_len = 1,
                  .flags = flags };
}

static const prefold none = { 0, 0, 0 };

/* the run of ASCII letters and digits a word starts with, folded into the fold buffer as it
 * is scanned (one pass over the bytes instead of two). Returns its end. */
static inline uint32_t word_start(const tokvec *tv, const char *text, uint32_t b, uint32_t end,
                                  int *digits_only, prefold *pf)
{
    const unsigned char *s = (const unsigned char *)text + b;
    uint32_t n = end - b, i = 0;
    char *out = tv->fold;
    unsigned seen = 0;
    for (; i < n; i++) {
        unsigned x = ascii_class[s[i]];
        if (!x) break;
        seen |= x;
        out[i] = (char)x;   /* the folded byte */
    }
    /* the capitals are counted only for a word without small letters (TF_ALLCAP wants two):
     * the acronyms, not every word */
    unsigned upper = 0;
    if ((seen & (AC_LOWER | AC_UPPER)) == AC_UPPER)
        for (uint32_t j = 0; j < i; j++) upper += (ascii_class[s[j]] & AC_UPPER) != 0;
    if (seen & (AC_LOWER | AC_UPPER)) *digits_only = 0;
    pf->n = i; pf->upper = (int)upper; pf->lower = (seen & AC_LOWER) != 0;
    return b + i;
}

/* the end of a further run of ASCII letters and digits from b; *digits_only cleared on a letter */
static inline uint32_t ascii_run(const char *text, uint32_t b, uint32_t end, int *digits_only)
{
    for (; b < end; b++) {
        unsigned c = (unsigned char)text[b];
        if (ascii_digit(c)) continue;
        if ((c | 0x20) - 'a' >= 26) break;
        *digits_only = 0;
    }
    return b;
}

int text_tokenize_span(arena *a, const char *text, uint32_t b0, uint32_t b1, uint32_t c0,
                       token **out, uint32_t *c1)
{
    uint32_t span = b1 > b0 ? b1 - b0 : 0;
    /* room for a token every four bytes: most spans need no second allocation */
    int cap = (int)(span / 4) + 16;
    tokvec tv = { arena_alloc_raw(a, sizeof(token) * (size_t)cap), 0, cap, a,
                  arena_alloc_raw(a, 2 * (size_t)span) };
    cursor k = { text, b0, b1, c0 };
    uint32_t pending = 0;     /* TF_HYPHEN for the next word */
    while (k.b < k.end) {
        if (text[k.b] == ' ') { k.b++; k.c++; pending = 0; continue; }   /* the usual gap */
        int len; uint32_t cp = peek(&k, k.b, &len);
        if (cp_is_alnum(cp)) {      /* first: words outnumber the other spaces and marks */
            uint32_t wb = k.b, wc = k.c;
            int digits_only = 1, dotted = 0;
            int l2; uint32_t c2;    /* the character after the word */
            prefold pf = none;
            {
                /* the usual word: ASCII letters and digits up to a space or a punctuation
                 * mark that cannot continue it or attach to it (not . , ' -) */
                uint32_t e = word_start(&tv, text, k.b, k.end, &digits_only, &pf);
                k.c += e - k.b; k.b = e;
                if (e == k.end || !word_goes_on[(unsigned char)text[e]]) {
                    emit_folded(&tv, text, wb, k.b, wc, k.c, pending, pf);
                    pending = 0;
                    if (e < k.end && text[e] == ' ') { k.b++; k.c++; }   /* and the usual gap */
                    continue;
                }
            }
            for (;;) {
                /* ASCII letters and digits, the bulk of any word, without decoding */
                uint32_t e = ascii_run(text, k.b, k.end, &digits_only);
                k.c += e - k.b; k.b = e;
                c2 = peek(&k, k.b, &l2);
                if (l2 == 0) break;
                if (cp_is_alnum(c2)) {
                    if (!(c2 < 0x80 && ascii_digit(c2))) digits_only = 0;
                    k.b += (uint32_t)l2; k.c++; continue;
                }
                /* only a period, a comma or an apostrophe can continue a word */
                if (c2 != '.' && c2 != ',' && !cp_is_apos(c2)) break;
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
                        emit(&tv, text, wb, k.b, wc, k.c, pending, none);
                        pending = 0;
                        uint32_t nb = k.b, nc = k.c;
                        k.b += 1 + (uint32_t)l2 + (uint32_t)l3; k.c += 3;
                        emit(&tv, text, nb, k.b, nc, k.c, 0, none);
                        wb = k.b;
                        goto next;
                    }
                    k.b += (uint32_t)(l2); k.c++; continue;
                }
                break;
            }
            /* c2, l2: the character at k.b, read again only after the word takes more */
            {
                uint32_t flags = pending;
                if (c2 == '.' && (dotted || is_abbrev(text + wb, k.b - wb) ||
                                  (k.b - wb == 1 && isupper((unsigned char)text[wb])))) {
                    k.b += 1; k.c++;
                    flags |= TF_ABBREV;
                    c2 = peek(&k, k.b, &l2);
                }
                if (pf.n == k.b - wb)   /* folded whole while scanned: no call, no second look */
                    emit_folded(&tv, text, wb, k.b, wc, k.c, flags, pf);
                else emit(&tv, text, wb, k.b, wc, k.c, flags, pf);
                pending = 0;
            }
            /* possessive */
            if (cp_is_apos(c2)) {
                int l3; uint32_t c3 = peek(&k, k.b + (uint32_t)l2, &l3);
                int l4; uint32_t c4 = peek(&k, k.b + (uint32_t)(l2 + l3), &l4);
                if ((c3 == 's' || c3 == 'S') && !cp_is_alnum(c4)) {
                    uint32_t pb = k.b, pc = k.c;
                    k.b += (uint32_t)(l2 + l3); k.c += 2;
                    emit(&tv, text, pb, k.b, pc, k.c, TF_POSS, none);
                    c2 = peek(&k, k.b, &l2);
                }
            }
            /* hyphen joining two words */
            if (cp_is_hyphen(c2)) {
                int l3; uint32_t c3 = peek(&k, k.b + (uint32_t)l2, &l3);
                if (l3 && cp_is_alnum(c3)) { k.b += (uint32_t)l2; k.c++; pending = TF_HYPHEN; }
            }
        next:
            continue;
        }
        if (cp_is_space(cp)) { k.b += (uint32_t)len; k.c++; pending = 0; continue; }
        /* punctuation */
        uint32_t flags = TF_PUNCT;
        if (cp_is_quote(cp)) flags |= TF_QUOTE;
        if (cp == '(' || cp == ')' || cp == '[' || cp == ']') flags |= TF_PAREN;
        if (cp < 0x80) emit_mark(&tv, k.b, k.c, (char)cp, flags);
        else emit(&tv, text, k.b, k.b + (uint32_t)len, k.c, k.c + 1, flags, none);
        k.b += (uint32_t)len; k.c++;
        pending = 0;
    }
    *out = tv.n ? tv.v : NULL;
    if (c1) *c1 = k.c;
    return tv.n;
}

int text_tokenize(arena *a, const char *text, uint32_t b0, uint32_t b1, uint32_t c0, token **out)
{
    return text_tokenize_span(a, text, b0, b1, c0, out, NULL);
}
