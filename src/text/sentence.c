/* sentence.c - splits an article into sentences: paragraph by paragraph (newlines always end
 * a sentence), then at . ! ? followed by a capital, a quote or a digit. Abbreviations keep
 * their period inside their token (token.c), so "Sept. 24", "Gen. Smith" and "U.S. officials"
 * never end a sentence; a dotted initialism ends one only before a capitalized function word
 * ("... in the U.S. The talks"). Also finds the wire dateline ("PRISTINA, Sept 25 (BWS) -"). */
#include "text.h"
#include <string.h>
#include <ctype.h>

static const char *const starters[] = {
    "the", "a", "an", "in", "on", "he", "she", "it", "they", "we", "but", "and", "this", "that",
    "his", "her", "its", "their", "there", "after", "before", "when", "while", "at", "for",
    "as", "if", "i", "some", "many", "one", "two", "three", "no", "meanwhile", "earlier",
    "later", "last", "officials", NULL
};

/* asked after each dotted abbreviation before a capital: the first byte before the call */
static int is_starter(const token *t)
{
    for (int i = 0; starters[i]; i++)
        if (t->fold[0] == starters[i][0] && strcmp(t->fold, starters[i]) == 0) return 1;
    return 0;
}

static int atoi_safe(const char *s)
{
    int v = 0;
    for (; *s >= '0' && *s <= '9' && v < 100000; s++) v = v * 10 + (*s - '0');
    return v;
}

int text_month(const char *fold)
{
    static const char *const m[] = { "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
                                     "sep", "oct", "nov", "dec" };
    static const char *const full[] = { "january", "february", "march", "april", "may", "june",
                                        "july", "august", "september", "october", "november",
                                        "december" };
    /* called for most tokens: reject on the first two bytes before comparing (a month's
     * abbreviation and its name share them) */
    switch (fold[0]) {
    case 'j': case 'f': case 'm': case 'a': case 's': case 'o': case 'n': case 'd': break;
    default: return 0;
    }
    for (int i = 0; i < 12; i++) {
        if (fold[0] != m[i][0] || fold[1] != m[i][1]) continue;
        if (strcmp(fold, m[i]) == 0 || strcmp(fold, full[i]) == 0) return i + 1;
    }
    if (strcmp(fold, "sept") == 0) return 9;
    return 0;
}

/* "PRISTINA, Sept 25 (BWS) -" at the start of the first paragraph. Returns the number of
 * tokens the dateline uses, 0 if none. */
static int find_dateline(const token *t, int n, dateline *dl)
{
    int i = 0;
    while (i < n && (t[i].flags & (TF_ALLCAP | TF_HYPHEN) || (t[i].fold_len == 1 &&
           t[i].fold[0] == '/') || ((t[i].flags & TF_CAP) && (t[i].flags & TF_ABBREV))))
        i++;
    if (i == 0 || i >= n || strcmp(t[i].fold, ",") != 0) return 0;
    int place_end = i;
    i++;
    /* "KUZNICA, Poland, Nov 16 (...) -": a country or state after the city */
    if (i + 1 < n && (t[i].flags & TF_CAP) && !text_month(t[i].fold)) {
        int j = i;
        while (j < n && j < i + 4 && (t[j].flags & TF_CAP) && !(t[j].flags & TF_PUNCT)) j++;
        if (j < n && !strcmp(t[j].fold, ",") && j + 1 < n && text_month(t[j + 1].fold)) i = j + 1;
    }
    int month = 0, day = 0;
    if (i < n) month = text_month(t[i].fold);
    if (month) {
        i++;
        if (i < n && (t[i].flags & TF_NUM)) { day = atoi_safe(t[i].fold); i++; }
    }
    if (i < n && strcmp(t[i].fold, "(") == 0) {
        int j = i + 1;
        while (j < n && j < i + 6 && strcmp(t[j].fold, ")") != 0) j++;
        if (j < n && strcmp(t[j].fold, ")") == 0) i = j + 1;
    }
    if (i < n && (t[i].flags & TF_PUNCT) &&
        (strcmp(t[i].fold, "-") == 0 || strcmp(t[i].fold, "\xe2\x80\x93") == 0 ||
         strcmp(t[i].fold, "\xe2\x80\x94") == 0 || strcmp(t[i].fold, "-") == 0)) {
        dl->present = 1;
        dl->b0 = t[0].b0; dl->b1 = t[i].b1;
        dl->place_b0 = t[0].b0; dl->place_b1 = t[place_end - 1].b1;
        dl->month = month; dl->day = day;
        return i + 1;
    }
    return 0;
}

static int ends_sentence(const token *t, int i, int n)
{
    const token *k = &t[i];
    int j = i + 1;
    if ((k->flags & TF_PUNCT) && k->fold_len == 1 &&
        (k->fold[0] == '.' || k->fold[0] == '!' || k->fold[0] == '?')) {
        /* closing quotes and brackets stay with the sentence */
        while (j < n && (t[j].flags & (TF_QUOTE | TF_PAREN)) &&
               t[j].fold[0] != '(' && t[j].fold[0] != '[' && t[j].b0 == t[j - 1].b1)
            j++;
        if (j >= n) return j;
        if (t[j].flags & (TF_CAP | TF_NUM | TF_QUOTE)) return j;
        return 0;
    }
    if ((k->flags & TF_ABBREV) && j < n && memchr(k->fold, '.', k->fold_len) &&
        (t[j].flags & TF_CAP) && is_starter(&t[j]))
        return j;
    return 0;
}

static void add_sentence(arena *a, doc_text *d, int *cap, token *t, int n)
{
    if (n <= 0) return;
    if (d->nsent == *cap) {
        int nc = *cap ? *cap * 2 : 32;
        sentence *ns = arena_alloc_raw(a, sizeof(sentence) * (size_t)nc);
        if (d->nsent) memcpy(ns, d->sent, sizeof(sentence) * (size_t)d->nsent);
        d->sent = ns; *cap = nc;
    }
    sentence *s = &d->sent[d->nsent++];
    s->tok = t; s->ntok = n;
    s->b0 = t[0].b0; s->b1 = t[n - 1].b1;
    s->c0 = t[0].c0; s->c1 = t[n - 1].c1;
    t[0].flags |= TF_FIRST;
    /* a sentence opening with a quote: the first word is the one after it */
    if ((t[0].flags & TF_QUOTE) && n > 1) t[1].flags |= TF_FIRST;
}

void text_split(arena *a, const char *text, size_t len, doc_text *d)
{
    memset(d, 0, sizeof *d);
    d->text = text; d->len = len;
    int cap = 0;
    uint32_t b = 0, c = 0;
    int first_para = 1;
    while (b < len) {
        const char *nl = memchr(text + b, '\n', len - b);
        uint32_t e = nl ? (uint32_t)(nl - text) : (uint32_t)len;
        token *t;
        uint32_t ce;
        int n = text_tokenize_span(a, text, b, e, c, &t, &ce);
        int start = 0;
        if (first_para && n) {
            start = find_dateline(t, n, &d->dl);
            first_para = 0;
        }
        for (int i = start; i < n; i++) {
            /* only a mark or an abbreviation ends a sentence: most tokens are words, passed
               four at a time */
            while (i + 4 <= n && !((t[i].flags | t[i + 1].flags | t[i + 2].flags | t[i + 3].flags) &
                                   (TF_PUNCT | TF_ABBREV)))
                i += 4;
            if (i >= n) break;
            if (!(t[i].flags & (TF_PUNCT | TF_ABBREV))) continue;
            int nxt = ends_sentence(t, i, n);
            if (nxt) { add_sentence(a, d, &cap, t + start, nxt - start); start = nxt; i = nxt - 1; }
        }
        if (start < n) add_sentence(a, d, &cap, t + start, n - start);
        c = ce;
        if (e < len) c++;   /* the newline */
        b = e + 1;
    }
}
