/* lang.c - which language an article is written in, by Google's Compact Language Detector 2
 * (Debian's libcld2): herodot's dictionaries are English, and an article in another language
 * would come out as no events, or as false ones, without a word said.
 *
 * cld2's API is C++ only, and the product is C: its two functions are declared here under
 * their C++ (Itanium ABI) names, with C types of the same representation (C++ bool = _Bool;
 * the enum Language is an int). A shim in C++ would have been the usual way; this keeps the
 * build a C build. The names are stable: cld2 has not changed since 2015. */
#include "text.h"
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

enum { CLD2_ENGLISH = 0, CLD2_UNKNOWN = 26 };

int text_language(const char *s, size_t n, text_lang *out)
{
    memset(out, 0, sizeof *out);
    snprintf(out->code, sizeof out->code, "un");
    if (!s || !n) return 0;
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
    return l->known && !l->english && l->reliable && l->percent >= 70 && l->text_bytes >= 120;
}
