/* fold.c - Unicode folding of words: case folding, compatibility decomposition and removal of
 * combining marks, so that Zveçan, ZVECAN and Zvecan fold alike. ASCII takes a fast path (most
 * news words); anything else goes through ICU (NFKD + u_strFoldCase), plus a small table for
 * letters that have no decomposition (ł, đ, ø, æ, œ, ı) which ICU's NFKD leaves alone. */
#include "text.h"
#include <string.h>
#include <unicode/ustring.h>
#include <unicode/unorm2.h>
#include <unicode/uchar.h>
#include <unicode/utf16.h>

static const char *fold_ascii(arena *a, const char *s, size_t n, uint32_t *out_len)
{
    char *p = arena_alloc_raw(a, n + 1);
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        p[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
    }
    p[n] = 0;
    *out_len = (uint32_t)n;
    return p;
}

static const char *special(UChar32 c)
{
    switch (c) {
    case 0x0141: case 0x0142: return "l";
    case 0x0110: case 0x0111: return "d";
    case 0x00D8: case 0x00F8: return "o";
    case 0x00C6: case 0x00E6: return "ae";
    case 0x0152: case 0x0153: return "oe";
    case 0x0131: return "i";
    case 0x00DF: return "ss";
    case 0x2019: case 0x2018: case 0x02BC: case 0x0060: case 0x00B4: return "'";
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: return "-";
    case 0x00DE: case 0x00FE: return "th";
    }
    return NULL;
}

const char *text_fold(arena *a, const char *s, size_t n, uint32_t *out_len)
{
    /* ASCII in one pass, folding as it checks; a word that turns out not to be ASCII leaves
     * its n + 1 bytes unused in the arena */
    char *p = arena_alloc_raw(a, n + 1);
    size_t i;
    for (i = 0; i < n; i++) {
        char c = s[i];
        if ((unsigned char)c >= 0x80) break;
        p[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
    }
    if (i == n) { p[n] = 0; *out_len = (uint32_t)n; return p; }

    UErrorCode st = U_ZERO_ERROR;
    int32_t ulen = 0;
    UChar stackbuf[256], nbuf[512], fbuf[512];
    UChar *u = stackbuf;
    if (n >= 256) return fold_ascii(a, s, n, out_len);   /* absurdly long "word": leave as is */
    u_strFromUTF8(u, 256, &ulen, s, (int32_t)n, &st);
    if (U_FAILURE(st)) return fold_ascii(a, s, n, out_len);
    const UNormalizer2 *nfkd = unorm2_getNFKDInstance(&st);
    int32_t nlen = unorm2_normalize(nfkd, u, ulen, nbuf, 512, &st);
    if (U_FAILURE(st)) return fold_ascii(a, s, n, out_len);
    /* drop combining marks, map specials */
    UChar tmp[512]; int32_t t = 0;
    char spec_out[512]; (void)spec_out;
    for (int32_t k = 0; k < nlen && t < 500;) {
        UChar32 c; U16_NEXT(nbuf, k, nlen, c);
        if (u_charType(c) == U_NON_SPACING_MARK) continue;
        const char *sp = special(c);
        if (sp) { for (; *sp && t < 500; sp++) tmp[t++] = (UChar)*sp; continue; }
        if (c > 0xFFFF) { tmp[t++] = U16_LEAD(c); tmp[t++] = U16_TRAIL(c); }
        else tmp[t++] = (UChar)c;
    }
    int32_t flen = u_strFoldCase(fbuf, 512, tmp, t, U_FOLD_CASE_DEFAULT, &st);
    if (U_FAILURE(st)) return fold_ascii(a, s, n, out_len);
    int32_t blen = 0;
    UErrorCode st2 = U_ZERO_ERROR;
    u_strToUTF8(NULL, 0, &blen, fbuf, flen, &st2);
    p = arena_alloc_raw(a, (size_t)blen + 1);
    st = U_ZERO_ERROR;
    u_strToUTF8(p, blen + 1, &blen, fbuf, flen, &st);
    p[blen] = 0;
    *out_len = (uint32_t)blen;
    return p;
}
