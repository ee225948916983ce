/* lang.c - which language an article is written in, by Google's Compact Language Detector 2
 * (Debian's libcld2): herodot's dictionaries are English, and an article in another language
 * would come out as no events, or as false ones, without a word said.
 *
 * cld2's API is C++ only, and the product is C: its two functions are declared here under
 * their C++ (Itanium ABI) names, with C types of the same representation (C++ bool = _Bool;
 * the enum Language is an int). A shim in C++ would have been the usual way; this keeps the
 * build a C build. The names are stable: cld2 has not changed since 2015. */
#include "text.h"
#include "../util/bytes.h"
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* CLD2::DetectLanguageSummary(const char *buffer, int length, bool is_plain_text,
 *     Language *language3, int *percent3, int *text_bytes, bool *is_reliable) */
extern int _ZN4CLD221DetectLanguageSummaryEPKcibPNS_8LanguageEPiS4_Pb(const char *buffer, int length,
                                                                      _Bool plain, int *language3,
                                                                      int *percent3, int *text_bytes,
                                                                      _Bool *reliable);
/* const char *CLD2::LanguageCode(Language) */
extern const char *_ZN4CLD212LanguageCodeENS_8LanguageE(int language);

enum { CLD2_ENGLISH = 0, CLD2_UNKNOWN = 26, LANG_PREFIX = 1024, FOREIGN_MIN = 120 };

/* English news says "the", "of", "and", "said" in its first lines; other languages almost
 * never say two of them. Most articles are decided by this, without cld2, which costs as much
 * as a sixth of coding. */
/* a word of up to four letters as a number, its letters from the low byte up: the words are
 * compared as integers, not with strcmp */
#define PACK4(a, b, c, d) ((uint32_t)(a) | (uint32_t)(b) << 8 | (uint32_t)(c) << 16 | (uint32_t)(d) << 24)

/* ASCII letters, by a table: the scan below reads a few hundred bytes of every article */
#define LT(c) (((c) | 32u) - 'a' < 26u)
static const uint8_t is_letter[256] = { BYTE_TABLE_ASCII(LT) };   /* 0 from 128 on */

static int looks_english(const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    unsigned seen = 0;
    size_t end = n < 400 ? n : 400;
    for (size_t i = 0; i < end;) {
        while (i < end && !is_letter[s[i]]) i++;
        size_t b = i;
        while (i < end && is_letter[s[i]]) i++;
        size_t l = i - b;
        if (l < 2 || l > 4 || (i < n && s[i] >= 0x80)) continue;
        uint32_t w = 0;
        for (size_t k = 0; k < l; k++) w |= (uint32_t)(s[b + k] | 32) << (8 * k);
        unsigned bit;
        switch (w) {    /* the words, a bit each */
        case PACK4('t', 'h', 'e', 0): bit = 0; break;
        case PACK4('o', 'f', 0, 0): bit = 1; break;
        case PACK4('a', 'n', 'd', 0): bit = 2; break;
        case PACK4('s', 'a', 'i', 'd'): bit = 3; break;
        case PACK4('w', 'a', 's', 0): bit = 4; break;
        case PACK4('w', 'e', 'r', 'e'): bit = 5; break;
        case PACK4('w', 'i', 't', 'h'): bit = 6; break;
        case PACK4('t', 'h', 'a', 't'): bit = 7; break;
        case PACK4('h', 'a', 's', 0): bit = 8; break;
        case PACK4('f', 'r', 'o', 'm'): bit = 9; break;
        default: continue;
        }
        seen |= 1u << bit;
        if (seen & (seen - 1)) break;      /* two distinct: settled, most often in a line */
    }
    int distinct = 0;
    for (; seen; seen &= seen - 1) distinct++;
    return distinct >= 2;
}

int text_language(const char *s, size_t n, text_lang *out)
{
    memset(out, 0, sizeof *out);
    memcpy(out->code, "un", 3);
    if (!s || !n) return 0;
    if (looks_english(s, n)) {
        memcpy(out->code, "en", 3);
        out->english = out->known = out->quick = 1;
        return 1;
    }
    if (n < FOREIGN_MIN) return 0;   /* too short for a verdict either way: "un" */
    /* the opening is enough to tell a language, and reading whole articles cost a quarter of
     * the coding time; cut at a line or a space so no character is split */
    if (n > LANG_PREFIX) {
        size_t cut = LANG_PREFIX;
        while (cut > LANG_PREFIX / 2 && s[cut] != ' ' && s[cut] != '\n') cut--;
        while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80) cut--;   /* no space: a character's start */
        n = cut;
    }
    int lang3[3] = { CLD2_UNKNOWN, CLD2_UNKNOWN, CLD2_UNKNOWN }, pct3[3] = { 0, 0, 0 }, bytes = 0;
    _Bool reliable = 0;
    int top = _ZN4CLD221DetectLanguageSummaryEPKcibPNS_8LanguageEPiS4_Pb(s, n > 0x7fffffff ? 0x7fffffff : (int)n, 1,
                                                                         lang3, pct3, &bytes, &reliable);
    const char *code = _ZN4CLD212LanguageCodeENS_8LanguageE(top);
    if (code && *code) snprintf(out->code, sizeof out->code, "%s", code);
    out->percent = lang3[0] == top ? pct3[0] : 0;
    out->reliable = reliable;
    out->text_bytes = bytes;
    out->english = top == CLD2_ENGLISH;
    out->known = top != CLD2_UNKNOWN;
    return 1;
}

int text_is_foreign(const text_lang *l)
{
    /* only a clear verdict: enough letters, reliable, most of the text, a known language.
     * Short English texts ("Serbia condemned Kosovo.") can look like anything. */
    return l->known && !l->english && l->reliable && l->percent >= 70 && l->text_bytes >= FOREIGN_MIN;
}
