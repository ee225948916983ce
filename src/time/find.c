/* find.c - finds temporal expressions in a sentence's tokens and resolves them (conventions
 * in time.h). A left-to-right scan: at each token the matchers are tried in a fixed order and
 * the first that matches consumes its tokens; a match is then widened over modifiers on its
 * left ("early", "late", "mid-", "earlier", "the end of") and turned into an anchor after
 * "since" / "until". No parser: tense comes from cue words near the expression. */
#include "time.h"
#include "../lex/lex.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct scan {
    arena *a;
    const token *t;
    int n;
    time_ctx *ctx;
    int future;          /* the sentence's flag, -1 until asked for (sent_future) */
    int32_t ref;         /* dateline date, else article date */
    timex *v;
    int nv, cap;
    int done;            /* tokens before this index belong to an earlier expression */
    uint32_t *cue;       /* per token: its cue bits (enum cue_bit), 0 until looked up */
} scan;

/* ---- token tests ------------------------------------------------------------------------- */

static const char *F(const scan *s, int i) { return i >= 0 && i < s->n ? s->t[i].fold : ""; }
static uint32_t FL(const scan *s, int i) { return i >= 0 && i < s->n ? s->t[i].flags : 0; }
/* a word's closed class (lex.h), as lexify or time_classes left it: 0 outside the sentence */
static uint8_t CLS(const scan *s, int i) { return i >= 0 && i < s->n ? s->t[i].cls : 0; }
/* most tokens differ from a given word in the first byte: test it before calling strcmp,
 * since the scan compares every token with dozens of words (callgrind: strcmp was the
 * largest cost per sentence) */
static inline int same(const char *a, const char *b) { return a[0] == b[0] && strcmp(a, b) == 0; }
static int is(const scan *s, int i, const char *w) { return same(F(s, i), w); }

static int in_list(const char *w, const char *const *list)
{
    for (int k = 0; list[k]; k++) if (same(w, list[k])) return 1;
    return 0;
}
static int is_in(const scan *s, int i, const char *const *list) { return in_list(F(s, i), list); }

/* all digits -> value (up to 6 digits), else -1 */
static long digits(const char *f)
{
    long v = 0; int k = 0;
    for (; f[k]; k++) {
        if (f[k] < '0' || f[k] > '9' || k >= 6) return -1;
        v = v * 10 + (f[k] - '0');
    }
    return k ? v : -1;
}

/* "24", "24th", "1st", "2nd", "3rd" -> 1..31, else 0 */
static int day_num(const char *f)
{
    int v = 0, k = 0;
    while (f[k] >= '0' && f[k] <= '9' && k < 3) v = v * 10 + (f[k++] - '0');
    if (k == 0 || k > 2) return 0;
    if (f[k] && strcmp(f + k, "st") && strcmp(f + k, "nd") && strcmp(f + k, "rd") && strcmp(f + k, "th"))
        return 0;
    return v >= 1 && v <= 31 ? v : 0;
}

static int year_tok(const scan *s, int i, int lo, int hi)
{
    if (i < 0 || i >= s->n || s->t[i].fold_len != 4) return 0;
    long v = digits(s->t[i].fold);
    return v >= lo && v <= hi ? (int)v : 0;
}

static int word_num(const char *f)
{
    static const char *const w[] = { "one", "two", "three", "four", "five", "six", "seven", "eight",
        "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
        "eighteen", "nineteen", "twenty", NULL };
    for (int k = 0; w[k]; k++) if (same(f, w[k])) return k + 1;
    if (same(f, "thirty")) return 30;
    if (same(f, "forty")) return 40;
    if (same(f, "fifty")) return 50;
    if (same(f, "a") || same(f, "an")) return 1;
    return 0;
}

/* a count for "N days ago": digits (no separators) or a number word */
static int count_at(const scan *s, int i)
{
    const char *f = F(s, i);
    long v = digits(f);
    if (v > 0 && v < 10000) return (int)v;
    return word_num(f);
}

static int ordinal(const char *f)
{
    static const char *const w[] = { "first", "second", "third", "fourth", "fifth", "sixth",
        "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", NULL };
    for (int k = 0; w[k]; k++) if (same(f, w[k])) return k + 1;
    int d = day_num(f);
    return d && (f[1] > '9' || (f[1] && f[2] > '9')) ? d : 0;
}

enum unit { U_NONE, U_SEC, U_MIN, U_HOUR, U_DAY, U_NIGHT, U_WEEK, U_WEEKEND, U_MONTH, U_YEAR,
            U_DECADE, U_CENTURY };

static int unit_of(const char *f, int *plural)
{
    static const struct { const char *sg, *pl; int u; } u[] = {
        { "second", "seconds", U_SEC }, { "minute", "minutes", U_MIN }, { "hour", "hours", U_HOUR },
        { "day", "days", U_DAY }, { "night", "nights", U_NIGHT }, { "week", "weeks", U_WEEK },
        { "weekend", "weekends", U_WEEKEND }, { "month", "months", U_MONTH },
        { "year", "years", U_YEAR }, { "decade", "decades", U_DECADE },
        { "century", "centuries", U_CENTURY },
    };
    for (size_t k = 0; k < sizeof u / sizeof *u; k++) {
        if (f[0] != u[k].sg[0]) continue;
        if (!strcmp(f, u[k].sg)) { if (plural) *plural = 0; return u[k].u; }
        if (!strcmp(f, u[k].pl)) { if (plural) *plural = 1; return u[k].u; }
    }
    return U_NONE;
}

static int weekday_of(const char *f)
{
    static const char *const w[] = { "monday", "tuesday", "wednesday", "thursday", "friday",
                                     "saturday", "sunday", NULL };
    for (int k = 0; w[k]; k++) if (same(f, w[k])) return k;
    return -1;
}

static const char *pod_of(const char *f)
{
    if (same(f, "morning")) return "MO";
    if (same(f, "afternoon")) return "AF";
    if (same(f, "evening")) return "EV";
    if (same(f, "night")) return "NI";
    return NULL;
}

static int season_of(const char *f)   /* 1 spring, 2 summer, 3 fall, 4 winter */
{
    if (same(f, "spring")) return 1;
    if (same(f, "summer")) return 2;
    if (same(f, "fall") || same(f, "autumn")) return 3;
    if (same(f, "winter")) return 4;
    return 0;
}

/* words that make "May" and "March" months when nothing else does */
static const char *const month_ctx[] = { "in", "since", "by", "until", "till", "early", "late",
    "mid", "last", "next", "this", "of", "from", "through", "during", "before", "after", "end",
    "until", "between", "and", "or", "to", "on", "beginning", "throughout", "mid-", NULL };

static int is_datewordish(const scan *s, int i)
{
    return weekday_of(F(s, i)) >= 0 || text_month(F(s, i)) || (FL(s, i) & TF_NUM);
}

/* month at i (1-12) when the token is a month name here, else 0 */
static int month_at(const scan *s, int i)
{
    if (i < 0 || i >= s->n) return 0;
    const token *k = &s->t[i];
    int m = text_month(k->fold);
    if (!m || !(k->flags & TF_CAP)) return 0;
    int full = k->fold_len >= 5 || same(k->fold, "may") || same(k->fold, "june") ||
               same(k->fold, "july") || (k->flags & TF_ABBREV);
    int nextnum = (FL(s, i + 1) & TF_NUM) && (day_num(F(s, i + 1)) || year_tok(s, i + 1, 1000, 2999));
    if (!full && !nextnum) return 0;
    if (same(k->fold, "may") || same(k->fold, "march")) {
        if (nextnum) return m;
        if ((k->flags & TF_HYPHEN) || is_in(s, i - 1, month_ctx)) return m;
        /* "the March accession": a capitalized month modifying a noun */
        if (is(s, i - 1, "the") && i + 1 < s->n && !(FL(s, i + 1) & (TF_PUNCT | TF_CAP)) &&
            !CLS(s, i + 1))
            return m;
        return 0;
    }
    return m;
}

/* a capitalized neighbour that makes a month a name ("June Jordan", "Black September") */
static int month_is_name(const scan *s, int i)
{
    int nx = i + 1;
    if (nx < s->n && (FL(s, nx) & TF_CAP) && !(FL(s, nx) & TF_PUNCT) && !is_datewordish(s, nx) &&
        !CLS(s, nx))
        return 1;
    int pv = i - 1;
    if (pv >= 0 && (FL(s, pv) & TF_CAP) && !(FL(s, pv) & (TF_FIRST | TF_PUNCT)) &&
        !is_datewordish(s, pv) && !CLS(s, pv))
        return 1;
    return 0;
}

/* ---- tense near an expression -------------------------------------------------------------- */

/* The tense cues are words from a few lists, and local_cue tests up to eight tokens against
 * all of them for every expression; the matchers, each token near an anchor against their
 * first words. Each token is looked up once, in one table of those words by first letter
 * (cue_words), and its bits kept in the scan (callgrind: the list scans were half of
 * time_find). */
enum cue_bit {
    CB_KNOWN   = 1 << 0,    /* memo: looked up */
    CB_FUT     = 1 << 1,    /* "will", "plans", "expected", "hopes" ... */
    CB_FINITE  = 1 << 2,    /* was were had did said told ago yesterday earlier last */
    CB_IRR     = 1 << 3,    /* a past form that is also a participle: "held", "met" */
    CB_NOT_ED  = 1 << 4,    /* ends in -ed, not a past form: "need", "united", "alleged" */
    CB_BE      = 1 << 5,    /* after these a participle is passive: "will be held" */
    CB_INTENT  = 1 << 6,    /* a verb of intention, future before "to": "decided to" */
    CB_MODAL   = 1 << 7,    /* will shall would wo */
    CB_LL      = 1 << 8,    /* ends in 'll */
    CB_SETDUE  = 1 << 9,    /* set, due: future before "to" or "for" */
    CB_GOING   = 1 << 10,   /* future before "to" */
    CB_SOON    = 1 << 11,   /* soon, early: future before "as" */
    CB_NEXT    = 1 << 12,   /* next, upcoming: future before a unit, weekday or month */
    CB_UNTIL   = 1 << 13,   /* until, till */
    /* the words a matcher starts with (or, for m_count, the word after the start): the scan
     * tries a matcher only where one of its words is */
    MB_WEEKDAY = 1 << 14,   /* monday .. sunday */
    MB_WDMOD   = 1 << 15,   /* before a weekday: last past next coming upcoming this */
    MB_HOLMOD  = 1 << 16,   /* before a holiday: last next this */
    MB_DET     = 1 << 17,   /* m_det: this current last past next coming */
    MB_THE     = 1 << 18,   /* m_the: the that */
    MB_WORD    = 1 << 19,   /* m_word: today, now, daily ... */
    MB_FOR     = 1 << 20,
    MB_EVERY   = 1 << 21,   /* every each */
    MB_UNIT    = 1 << 22,   /* a unit of time, for m_count at the word before it */
};

typedef struct cue_word { uint8_t len; uint32_t bits; char w[11]; } cue_word;
#define CW(w, b) { sizeof w - 1, b, w }
#define CW_END { 0, 0, "" }
/* the lists by first letter, as X-macros W(word, bits): they make both the lists and the masks
 * cue_lookup turns most words down with (the letters' lengths, second and last letters) */
#define CUE_ENTRY(w, b) CW(w, b),

static const cue_word cw_apos[] = { CW("'s", CB_BE), CW_END };
#define CW_A(W) W("are", CB_BE) W("aims", CB_FUT) W("ago", CB_FINITE) W("arose", CB_IRR) \
    W("armed", CB_NOT_ED) W("advanced", CB_NOT_ED) W("alleged", CB_NOT_ED) \
    W("agreed", CB_INTENT) W("asked", CB_INTENT) W("annually", MB_WORD) W("annual", MB_WORD)
#define CW_B(W) W("be", CB_BE) W("been", CB_BE) W("being", CB_BE) W("began", CB_IRR) \
    W("brought", CB_IRR) W("broke", CB_IRR) W("became", CB_IRR) W("bought", CB_IRR) \
    W("built", CB_IRR) W("blew", CB_IRR) W("bed", CB_NOT_ED) W("breed", CB_NOT_ED) \
    W("based", CB_NOT_ED)
#define CW_C(W) W("came", CB_IRR) W("caught", CB_IRR) W("creed", CB_NOT_ED) \
    W("concerned", CB_NOT_ED) W("called", CB_INTENT) W("coming", MB_WDMOD | MB_DET) \
    W("current", MB_DET | MB_WORD) W("currently", MB_WORD) W("century", MB_UNIT) \
    W("centuries", MB_UNIT)
#define CW_D(W) W("did", CB_FINITE) W("day", MB_UNIT) W("days", MB_UNIT) W("drove", CB_IRR) \
    W("drew", CB_IRR) W("detailed", CB_NOT_ED) W("decided", CB_INTENT) W("declined", CB_INTENT) \
    W("due", CB_SETDUE) W("daily", MB_WORD) W("decade", MB_UNIT) W("decades", MB_UNIT)
#define CW_E(W) W("each", MB_EVERY) W("every", MB_EVERY) W("expected", CB_FUT) \
    W("expect", CB_FUT) W("expects", CB_FUT) W("earlier", CB_FINITE) W("exceed", CB_NOT_ED) \
    W("early", CB_SOON)
#define CW_F(W) W("for", MB_FOR) W("fought", CB_IRR) W("fled", CB_IRR) W("found", CB_IRR) \
    W("fell", CB_IRR) W("felt", CB_IRR) W("flew", CB_IRR) W("froze", CB_IRR) \
    W("feed", CB_NOT_ED) W("friday", MB_WEEKDAY) W("future", MB_WORD)
#define CW_G(W) W("gave", CB_IRR) W("grew", CB_IRR) W("got", CB_IRR) W("greed", CB_NOT_ED) \
    W("get", CB_BE) W("going", CB_GOING)
#define CW_H(W) W("had", CB_FINITE) W("hopes", CB_FUT) W("hope", CB_FUT) W("held", CB_IRR) \
    W("heard", CB_IRR) W("hid", CB_IRR) W("hundred", CB_NOT_ED) W("hoped", CB_INTENT) \
    W("hour", MB_UNIT) W("hours", MB_UNIT)
#define CW_I(W) W("is", CB_BE) W("intends", CB_FUT) W("intend", CB_FUT) \
    W("intended", CB_FUT | CB_INTENT) W("indeed", CB_NOT_ED) W("invited", CB_INTENT)
#define CW_K(W) W("kept", CB_IRR) W("knew", CB_IRR)
#define CW_L(W) W("last", CB_FINITE | MB_WDMOD | MB_HOLMOD | MB_DET) W("left", CB_IRR) \
    W("lost", CB_IRR) W("led", CB_IRR) W("laid", CB_IRR) W("limited", CB_NOT_ED)
#define CW_M(W) W("met", CB_IRR) W("made", CB_IRR) W("meant", CB_IRR) W("monday", MB_WEEKDAY) \
    W("monthly", MB_WORD) W("minute", MB_UNIT) W("minutes", MB_UNIT) W("month", MB_UNIT) \
    W("months", MB_UNIT)
#define CW_N(W) W("next", CB_NEXT | MB_WDMOD | MB_HOLMOD | MB_DET) W("now", MB_WORD) \
    W("need", CB_NOT_ED) W("nowadays", MB_WORD) W("nightly", MB_WORD) W("night", MB_UNIT) \
    W("nights", MB_UNIT)
#define CW_O(W) W("offered", CB_INTENT) W("ordered", CB_INTENT) W("overnight", MB_WORD)
#define CW_P(W) W("plan", CB_FUT) W("plans", CB_FUT) W("planned", CB_FUT | CB_INTENT) \
    W("planning", CB_FUT) W("postponed", CB_FUT) W("prepare", CB_FUT) W("prepares", CB_FUT) \
    W("preparing", CB_FUT) W("paid", CB_IRR) W("proceed", CB_NOT_ED) W("promised", CB_INTENT) \
    W("pledged", CB_INTENT) W("prepared", CB_INTENT) W("past", MB_WDMOD | MB_DET | MB_WORD)
#define CW_R(W) W("rose", CB_IRR) W("ran", CB_IRR) W("red", CB_NOT_ED) W("related", CB_NOT_ED) \
    W("reported", CB_NOT_ED) W("refused", CB_INTENT)
#define CW_S(W) W("said", CB_FINITE) W("shall", CB_FUT | CB_MODAL) W("scheduled", CB_FUT) \
    W("schedule", CB_FUT) W("slated", CB_FUT) W("still", CB_BE) W("shot", CB_IRR) \
    W("struck", CB_IRR) W("sent", CB_IRR) W("saw", CB_IRR) W("spoke", CB_IRR) \
    W("sought", CB_IRR | CB_INTENT) W("stood", CB_IRR) W("sat", CB_IRR) W("sold", CB_IRR) \
    W("spent", CB_IRR) W("swore", CB_IRR) W("stole", CB_IRR) W("sank", CB_IRR) \
    W("shook", CB_IRR) W("speed", CB_NOT_ED) W("seed", CB_NOT_ED) W("succeed", CB_NOT_ED) \
    W("so-called", CB_NOT_ED) W("supposed", CB_NOT_ED) W("set", CB_SETDUE) W("soon", CB_SOON) \
    W("saturday", MB_WEEKDAY) W("sunday", MB_WEEKDAY) W("second", MB_UNIT) W("seconds", MB_UNIT)
#define CW_T(W) W("the", MB_THE) W("to", CB_BE) W("that", MB_THE) \
    W("this", MB_WDMOD | MB_HOLMOD | MB_DET) W("told", CB_FINITE) \
    W("tomorrow", CB_FUT | MB_WORD) W("took", CB_IRR) W("thought", CB_IRR) W("threw", CB_IRR) \
    W("tore", CB_IRR) W("threatened", CB_INTENT) W("till", CB_UNTIL) W("tuesday", MB_WEEKDAY) \
    W("thursday", MB_WEEKDAY) W("today", MB_WORD) W("tonight", MB_WORD)
#define CW_U(W) W("united", CB_NOT_ED) W("used", CB_NOT_ED) W("upcoming", CB_NEXT | MB_WDMOD) \
    W("urged", CB_INTENT) W("until", CB_UNTIL)
#define CW_V(W) W("vowed", CB_INTENT) W("voted", CB_INTENT)
#define CW_W(W) W("was", CB_FINITE) W("were", CB_FINITE) W("would", CB_FUT | CB_MODAL) \
    W("will", CB_FUT | CB_MODAL) W("week", MB_UNIT) W("wo", CB_FUT | CB_MODAL) \
    W("wants", CB_FUT) W("want", CB_FUT) W("went", CB_IRR) W("won", CB_IRR) W("wrote", CB_IRR) \
    W("withdrew", CB_IRR) W("wore", CB_IRR) W("wanted", CB_INTENT) W("wednesday", MB_WEEKDAY) \
    W("weekly", MB_WORD) W("weeks", MB_UNIT) W("weekend", MB_UNIT) W("weekends", MB_UNIT)
#define CW_Y(W) W("year", MB_UNIT) W("years", MB_UNIT) W("yesterday", CB_FINITE | MB_WORD) \
    W("yearly", MB_WORD)
static const cue_word cw_a[] = { CW_A(CUE_ENTRY) CW_END };
static const cue_word cw_b[] = { CW_B(CUE_ENTRY) CW_END };
static const cue_word cw_c[] = { CW_C(CUE_ENTRY) CW_END };
static const cue_word cw_d[] = { CW_D(CUE_ENTRY) CW_END };
static const cue_word cw_e[] = { CW_E(CUE_ENTRY) CW_END };
static const cue_word cw_f[] = { CW_F(CUE_ENTRY) CW_END };
static const cue_word cw_g[] = { CW_G(CUE_ENTRY) CW_END };
static const cue_word cw_h[] = { CW_H(CUE_ENTRY) CW_END };
static const cue_word cw_i[] = { CW_I(CUE_ENTRY) CW_END };
static const cue_word cw_k[] = { CW_K(CUE_ENTRY) CW_END };
static const cue_word cw_l[] = { CW_L(CUE_ENTRY) CW_END };
static const cue_word cw_m[] = { CW_M(CUE_ENTRY) CW_END };
static const cue_word cw_n[] = { CW_N(CUE_ENTRY) CW_END };
static const cue_word cw_o[] = { CW_O(CUE_ENTRY) CW_END };
static const cue_word cw_p[] = { CW_P(CUE_ENTRY) CW_END };
static const cue_word cw_r[] = { CW_R(CUE_ENTRY) CW_END };
static const cue_word cw_s[] = { CW_S(CUE_ENTRY) CW_END };
static const cue_word cw_t[] = { CW_T(CUE_ENTRY) CW_END };
static const cue_word cw_u[] = { CW_U(CUE_ENTRY) CW_END };
static const cue_word cw_v[] = { CW_V(CUE_ENTRY) CW_END };
static const cue_word cw_w[] = { CW_W(CUE_ENTRY) CW_END };
static const cue_word cw_y[] = { CW_Y(CUE_ENTRY) CW_END };
/* the masks of the letters that have a list, each made of its words by G */
#define CUE_LETTERS(G) { \
    ['a' - 'a'] = 0 CW_A(G), ['b' - 'a'] = 0 CW_B(G), ['c' - 'a'] = 0 CW_C(G), \
    ['d' - 'a'] = 0 CW_D(G), ['e' - 'a'] = 0 CW_E(G), ['f' - 'a'] = 0 CW_F(G), \
    ['g' - 'a'] = 0 CW_G(G), ['h' - 'a'] = 0 CW_H(G), ['i' - 'a'] = 0 CW_I(G), \
    ['k' - 'a'] = 0 CW_K(G), ['l' - 'a'] = 0 CW_L(G), ['m' - 'a'] = 0 CW_M(G), \
    ['n' - 'a'] = 0 CW_N(G), ['o' - 'a'] = 0 CW_O(G), ['p' - 'a'] = 0 CW_P(G), \
    ['r' - 'a'] = 0 CW_R(G), ['s' - 'a'] = 0 CW_S(G), ['t' - 'a'] = 0 CW_T(G), \
    ['u' - 'a'] = 0 CW_U(G), ['v' - 'a'] = 0 CW_V(G), ['w' - 'a'] = 0 CW_W(G), \
    ['y' - 'a'] = 0 CW_Y(G), }
/* bit n: a word of the letter has n bytes; bit k: one has 'a' + k as its second byte, as its
 * last byte (a string literal's byte in a constant initializer: gcc and clang both take it) */
#define CUE_LEN(w, b) | 1u << (sizeof w - 1)
#define CUE_SECOND(w, b) | 1u << ((w)[1] - 'a')
#define CUE_LAST(w, b) | 1u << ((w)[sizeof w - 2] - 'a')
static const uint16_t cue_lens[26] = CUE_LETTERS(CUE_LEN);
static const uint32_t cue_second[26] = CUE_LETTERS(CUE_SECOND);
static const uint32_t cue_last[26] = CUE_LETTERS(CUE_LAST);

static const cue_word *const cue_words[26] = {
    ['a' - 'a'] = cw_a, ['b' - 'a'] = cw_b, ['c' - 'a'] = cw_c, ['d' - 'a'] = cw_d,
    ['e' - 'a'] = cw_e, ['f' - 'a'] = cw_f, ['g' - 'a'] = cw_g, ['h' - 'a'] = cw_h,
    ['i' - 'a'] = cw_i, ['k' - 'a'] = cw_k, ['l' - 'a'] = cw_l, ['m' - 'a'] = cw_m,
    ['n' - 'a'] = cw_n, ['o' - 'a'] = cw_o, ['p' - 'a'] = cw_p, ['r' - 'a'] = cw_r,
    ['s' - 'a'] = cw_s, ['t' - 'a'] = cw_t, ['u' - 'a'] = cw_u, ['v' - 'a'] = cw_v,
    ['w' - 'a'] = cw_w, ['y' - 'a'] = cw_y,
};

static unsigned cue_lookup(const char *f, uint32_t n)
{
    unsigned bits = CB_KNOWN;
    if (n > 3 && f[n - 3] == '\'' && f[n - 2] == 'l' && f[n - 1] == 'l') bits |= CB_LL;
    unsigned f0 = (unsigned char)f[0] - 'a';
    if (f0 < 26) {      /* most words are in no list: turned down by the masks */
        if (n < 2 || n >= 16 || !(cue_lens[f0] >> n & 1)) return bits;
        unsigned l2 = (unsigned char)f[1] - 'a', lz = (unsigned char)f[n - 1] - 'a';
        if (l2 >= 26 || !(cue_second[f0] >> l2 & 1) || lz >= 26 || !(cue_last[f0] >> lz & 1))
            return bits;
    }
    const cue_word *w = f[0] == '\'' ? cw_apos : f0 < 26 ? cue_words[f0] : NULL;
    for (; w && w->len; w++) {
        if (w->len != n) continue;
        uint32_t c = 0;
        while (c < n && w->w[c] == f[c]) c++;
        if (c == n) return bits | w->bits;
    }
    return bits;
}

/* the cue bits of token j (0 outside the sentence) */
static unsigned cue(const scan *s, int j)
{
    if (j < 0 || j >= s->n) return 0;
    if (!s->cue[j]) s->cue[j] = cue_lookup(s->t[j].fold, s->t[j].fold_len);
    return s->cue[j];
}

static int is_fut_cue(const scan *s, int j)
{
    unsigned c = cue(s, j);
    if (c & CB_LL) return 1;
    if (c & CB_SETDUE) return is(s, j + 1, "to") || is(s, j + 1, "for");
    if (c & CB_GOING) return is(s, j + 1, "to");
    if ((c & CB_SOON) && is(s, j + 1, "as")) return 1;
    if (c & CB_NEXT) {      /* "next" before a unit, weekday or month (not "next to"); "upcoming" */
        const char *g = F(s, j + 1);
        return unit_of(g, NULL) || weekday_of(g) >= 0 || text_month(g) || F(s, j)[0] == 'u';
    }
    return (c & CB_FUT) != 0;
}

static int is_past_cue(const scan *s, int j)
{
    unsigned c = cue(s, j);
    if (c & CB_FINITE) return 1;
    /* a participle after "be" is passive, not a past tense: "will be held on April 24" */
    uint32_t l = s->t[j].fold_len;
    const char *f = s->t[j].fold;
    if ((c & CB_IRR) ||
        (l > 4 && f[l - 2] == 'e' && f[l - 1] == 'd' && !(c & CB_NOT_ED) && !(FL(s, j) & TF_CAP)))
        return !(cue(s, j - 1) & CB_BE);
    return 0;
}

/* "decided to admit them in March": a verb of intention with an infinitive looks ahead */
static int is_intention(const scan *s, int j)
{
    return (cue(s, j) & CB_INTENT) && is(s, j + 1, "to");
}

static int is_boundary(const scan *s, int j)
{
    const token *k = &s->t[j];
    if (k->flags & (TF_QUOTE | TF_PAREN)) return 1;
    if (k->flags & TF_PUNCT)
        return strcmp(k->fold, "-") != 0 && strcmp(k->fold, "/") != 0 && strcmp(k->fold, "'") != 0;
    uint8_t c = k->cls;
    return c == LC_REL || (c == LC_SUBORD && strcmp(k->fold, "until") && strcmp(k->fold, "as"));
}

/* a modal that makes what follows future */
static int is_modal_cue(const scan *s, int j)
{
    unsigned c = cue(s, j);
    if (c & CB_LL) return 1;
    if (c & CB_GOING) return is(s, j + 1, "to");
    return (c & CB_MODAL) != 0;
}

/* the tense cue after token i: on the right only a modal is future, so that in "On Friday,
 * the government planned to pay" the planning is what Friday dates */
static int right_cue(const scan *s, int i)
{
    int commas = 0;
    for (int j = i + 1; j < s->n && j <= i + 8; j++) {
        if (is_modal_cue(s, j)) return 1;
        if (is_past_cue(s, j)) return -1;
        if (is(s, j, ",") && commas++ == 0) continue;
        if (is_boundary(s, j)) break;
    }
    return 0;
}

/* +1 future, -1 past: the nearest tense cue in the clause around token i, 0 when none. On the
 * left "planned to leave on Thursday" is future. */
static int local_cue(const scan *s, int i)
{
    int seen = 0;
    for (int j = i - 1; j >= 0 && seen < 8; j--) {
        /* names do not count, and a comma in a list of names ("Poland, Hungary") is no boundary */
        if (is(s, j, ",") && (FL(s, j - 1) & TF_CAP) && (FL(s, j + 1) & TF_CAP)) continue;
        if (!(FL(s, j) & TF_CAP)) seen++;
        /* "until Tuesday to sign" looks ahead; "Until Thursday, they had not" does not */
        if (cue(s, j) & CB_UNTIL) return right_cue(s, i) < 0 ? -1 : 1;
        if (is_fut_cue(s, j) || is_intention(s, j)) return 1;
        if (is_past_cue(s, j)) return -1;
        if (is_boundary(s, j)) break;
    }
    return right_cue(s, i);
}

/* the sentence's tense, worked out the first time a match needs it: most expressions take
 * theirs from a cue, and time_future reads every token */
static int sent_future(scan *s)
{
    if (s->future < 0) s->future = time_future(s->t, s->n);
    return s->future;
}

/* weekdays: the cue, else the sentence's tense */
static int local_dir(scan *s, int i)
{
    int c = local_cue(s, i);
    return c ? c : sent_future(s) ? 1 : -1;
}

/* months and month-days: the cue, else future when the sentence is, else 0 (the nearest) */
static int month_dir(scan *s, int i)
{
    int c = local_cue(s, i);
    return c ? c : sent_future(s) ? 1 : 0;
}

/* ---- values -------------------------------------------------------------------------------- */

static timex *push(scan *s, int t0, int t1, int kind)
{
    if (s->nv == s->cap) {
        int nc = s->cap ? s->cap * 2 : 8;
        timex *nv = arena_alloc_raw(s->a, sizeof(timex) * (size_t)nc);
        if (s->nv) memcpy(nv, s->v, sizeof(timex) * (size_t)s->nv);
        s->v = nv; s->cap = nc;
    }
    timex *x = &s->v[s->nv++];
    memset(x, 0, sizeof *x);
    x->t0 = t0; x->t1 = t1; x->kind = (uint8_t)kind;
    return x;
}

/* value (16 bytes, NUL-terminated) fits in tx3 (24) */
static void set_day(timex *x, int32_t d)
{
    x->prec = TP_DAY; x->date = d;
    time_format(x->value, d / 10000, d / 100 % 100, d % 100, TP_DAY);
    memcpy(x->tx3, x->value, sizeof x->value);
}

static void set_month(timex *x, int y, int m)
{
    x->prec = TP_MONTH; x->date = y * 10000 + m * 100 + 1;
    time_format(x->value, y, m, 0, TP_MONTH);
    memcpy(x->tx3, x->value, sizeof x->value);
}

static void set_year(timex *x, int y)
{
    x->prec = TP_YEAR; x->date = y * 10000 + 101;
    time_format(x->value, y, 0, 0, TP_YEAR);
    memcpy(x->tx3, x->value, sizeof x->value);
}

static void set_week(timex *x, int32_t d)
{
    int wy, wk;
    set_month(x, d / 10000, d / 100 % 100);
    time_iso_week(d, &wy, &wk);
    snprintf(x->tx3, sizeof x->tx3, "%04d-W%02d", wy, wk);
}

static void set_text(timex *x, const char *v)
{
    snprintf(x->value, sizeof x->value, "%s", v);
    snprintf(x->tx3, sizeof x->tx3, "%s", v);
}

static void add_pod(timex *x, const char *pod)
{
    if (pod) snprintf(x->tx3, sizeof x->tx3, "%sT%s", x->value, pod);
}

static int32_t wd_back(int32_t r, int w, int strict)
{
    int k = (time_weekday(r) - w + 7) % 7;
    if (strict && k == 0) k = 7;
    return time_add_days(r, -k);
}

static int32_t wd_fwd(int32_t r, int w, int strict)
{
    int k = (w - time_weekday(r) + 7) % 7;
    if (strict && k == 0) k = 7;
    return time_add_days(r, k);
}

/* month and day without a year: dir > 0 the first on or after the reference; dir < 0 the
 * latest on or before it, unless the date falls in the next 14 days; dir 0 the nearest.
 * 0 when invalid. */
static int32_t md_resolve(const scan *s, int m, int d, int dir)
{
    int y = s->ref / 10000;
    if (dir == 0) {
        /* the nearest, the future one only when three times nearer than the past one:
         * news looks back more than ahead */
        int32_t back = md_resolve(s, m, d, -2), fwd = md_resolve(s, m, d, 2);
        if (!back || !fwd) return back ? back : fwd;
        long db = time_days(s->ref) - time_days(back), df = time_days(fwd) - time_days(s->ref);
        return df * 3 < db ? fwd : back;
    }
    for (int tries = 0; tries < 8 && !time_valid(y, m, d); tries++) y += dir > 0 ? 1 : -1;
    if (!time_valid(y, m, d)) return 0;
    int32_t c = y * 10000 + m * 100 + d;
    if (dir > 0) {
        if (c < s->ref && (dir > 1 || time_days(s->ref) - time_days(c) > 14) && time_valid(y + 1, m, d))
            c += 10000;
    } else if (c > s->ref && (dir < -1 || time_days(c) - time_days(s->ref) > 14) && time_valid(y - 1, m, d)) {
        c -= 10000;
    }
    return c;
}

static int month_year(const scan *s, int m, int dir)
{
    int ry = s->ref / 10000, rm = s->ref / 100 % 100;
    if (dir == 0) {     /* as md_resolve: ahead only when three times nearer */
        int fwd = (m - rm + 12) % 12;
        if (fwd == 0) return ry;
        return fwd * 3 < 12 - fwd ? (m > rm ? ry : ry + 1) : (m < rm ? ry : ry - 1);
    }
    if (dir > 0) return m >= rm ? ry : ry + 1;
    return m <= rm ? ry : ry - 1;
}

/* the date relative expressions count from: the last day-precise date, else the reference */
static int32_t last_day(const scan *s)
{
    return s->ctx->last_prec == TP_DAY && s->ctx->last_date ? s->ctx->last_date : s->ref;
}

static int32_t holiday(int y, const char *name)
{
    if (same(name, "thanksgiving")) {         /* fourth Thursday of November */
        int32_t n1 = y * 10000 + 1101;
        return time_add_days(wd_fwd(n1, 3, 0), 21);
    }
    if (same(name, "election")) {             /* Tuesday after the first Monday of November */
        int32_t n2 = y * 10000 + 1102;
        return wd_fwd(n2, 1, 0);
    }
    if (same(name, "christmas")) return y * 10000 + 1225;
    if (same(name, "christmas eve")) return y * 10000 + 1224;
    if (same(name, "new year")) return y * 10000 + 101;
    if (same(name, "new year eve")) return y * 10000 + 1231;
    if (same(name, "easter")) return time_easter(y);
    if (same(name, "halloween")) return y * 10000 + 1031;
    if (same(name, "valentine")) return y * 10000 + 214;
    if (same(name, "may day")) return y * 10000 + 501;
    return 0;
}

/* ---- matchers: each returns the end of its match (> i) or 0 -------------------------------- */

/* 2023-09-24, 2023-09, 9/24/2023 */
static int m_numeric(scan *s, int i)
{
    int y = year_tok(s, i, 1000, 2999);
    if (y && (FL(s, i + 1) & TF_HYPHEN) && s->t[i + 1].fold_len == 2) {
        long m = digits(F(s, i + 1));
        if (m >= 1 && m <= 12) {
            if ((FL(s, i + 2) & TF_HYPHEN) && s->t[i + 2].fold_len <= 2) {
                long d = digits(F(s, i + 2));
                if (d > 0 && time_valid(y, (int)m, (int)d)) {
                    set_day(push(s, i, i + 3, TX_DATE), y * 10000 + (int)m * 100 + (int)d);
                    return i + 3;
                }
                return 0;
            }
            set_month(push(s, i, i + 2, TX_DATE), y, (int)m);
            return i + 2;
        }
    }
    if (i + 4 < s->n && is(s, i + 1, "/") && is(s, i + 3, "/") &&
        s->t[i + 1].b0 == s->t[i].b1 && s->t[i + 2].b0 == s->t[i + 1].b1 &&
        s->t[i + 3].b0 == s->t[i + 2].b1 && s->t[i + 4].b0 == s->t[i + 3].b1) {
        long m = digits(F(s, i)), d = digits(F(s, i + 2)), yy = digits(F(s, i + 4));
        if (s->t[i + 4].fold_len == 2 && yy >= 0) yy += yy >= 50 ? 1900 : 2000;
        if (m > 0 && d > 0 && yy >= 1900 && yy <= 2100 && time_valid((int)yy, (int)m, (int)d)) {
            set_day(push(s, i, i + 5, TX_DATE), (int32_t)(yy * 10000 + m * 100 + d));
            return i + 5;
        }
    }
    return 0;
}

/* today, tonight, yesterday, tomorrow, overnight, now, currently, future, daily ... */
static int m_word(scan *s, int i)
{
    const char *f = F(s, i);
    int32_t r = s->ref;
    timex *x;
    if (same(f, "today") || same(f, "yesterday") || same(f, "tomorrow")) {
        int32_t d = f[0] == 'y' ? time_add_days(r, -1) : f[2] == 'm' ? time_add_days(r, 1) : r;
        const char *pod = pod_of(F(s, i + 1));
        x = push(s, i, i + 1 + (pod != NULL), TX_DATE);
        set_day(x, d);
        add_pod(x, pod);
        return x->t1;
    }
    if (same(f, "tonight") || same(f, "overnight")) {
        if (same(f, "overnight") && (FL(s, i + 1) & TF_HYPHEN)) return 0;
        x = push(s, i, i + 1, TX_DATE);
        set_day(x, r);
        add_pod(x, "NI");
        return i + 1;
    }
    if (same(f, "now") || same(f, "currently") || same(f, "current") ||
        same(f, "nowadays")) {
        if (same(f, "now") && is(s, i - 1, "from")) return 0;
        x = push(s, i, i + 1, TX_DATE);
        set_day(x, r);
        snprintf(x->tx3, sizeof x->tx3, "PRESENT_REF");
        return i + 1;
    }
    if (same(f, "future") && !(FL(s, i) & TF_CAP)) {
        x = push(s, i, i + 1, TX_ANCHOR);
        set_text(x, "FUTURE_REF");
        return i + 1;
    }
    if (same(f, "past") && is(s, i - 1, "the") && is(s, i - 2, "in") && !unit_of(F(s, i + 1), NULL) &&
        !(FL(s, i + 1) & TF_NUM) && !word_num(F(s, i + 1))) {
        x = push(s, i, i + 1, TX_ANCHOR);
        set_text(x, "PAST_REF");
        return i + 1;
    }
    static const struct { const char *w, *v; } sets[] = {
        { "daily", "P1D" }, { "nightly", "P1D" }, { "weekly", "P1W" }, { "monthly", "P1M" },
        { "annually", "P1Y" }, { "yearly", "P1Y" }, { "annual", "P1Y" },
    };
    for (size_t k = 0; k < sizeof sets / sizeof *sets; k++) {
        if (same(f, sets[k].w)) {
            x = push(s, i, i + 1, TX_SET);
            set_text(x, sets[k].v);
            return i + 1;
        }
    }
    return 0;
}

static const char unit_letter[] = { 0, 'S', 'M', 'H', 'D', 'D', 'W', 'D', 'M', 'Y', 'Y', 'Y' };

/* "P3D", "PT2H", "PXY": the value and the TIMEX3 value of a duration, written by hand (two
 * snprintf calls were most of what a duration cost: 1,600 instructions) */
static void set_duration(timex *x, int nval, int u)
{
    int mult = u == U_DECADE ? 10 : u == U_CENTURY ? 100 : u == U_WEEKEND ? 2 : 1;
    char *o = x->value;     /* at most "PT" and ten digits and the unit: 13 bytes with the NUL */
    *o++ = 'P';
    if (u <= U_HOUR) *o++ = 'T';
    if (nval > 0) {
        char d[10], *p = d + sizeof d;
        for (unsigned v = (unsigned)nval * (unsigned)mult; v; v /= 10) *--p = (char)('0' + v % 10);
        memcpy(o, p, (size_t)(d + sizeof d - p));
        o += d + sizeof d - p;
    } else *o++ = 'X';
    *o++ = unit_letter[u];
    *o = 0;
    memcpy(x->tx3, x->value, (size_t)(o - x->value) + 1);
}

/* a date N units from d */
static void set_shifted(timex *x, int32_t d, int u, int k, const char *pod)
{
    switch (u) {
    case U_DAY: case U_NIGHT: set_day(x, time_add_days(d, k)); add_pod(x, pod); break;
    case U_WEEK: set_week(x, time_add_days(d, 7L * k)); break;
    case U_MONTH: { int32_t m = time_add_months(d, k); set_month(x, m / 10000, m / 100 % 100); break; }
    case U_YEAR: set_year(x, d / 10000 + k); break;
    case U_DECADE: set_year(x, d / 10000 + 10 * k); break;
    default: break;
    }
}

/* N units ago / later / earlier / before / after / from now; otherwise a duration. Also
 * "N-day" (a duration used as an adjective) and "20-year-old" (nothing). */
static int m_count(scan *s, int i)
{
    int pl = 0, u = unit_of(F(s, i + 1), &pl);
    if (!u) return 0;           /* first: the cheaper test, and the one that fails most */
    int nval = count_at(s, i);
    int j = i + 1;
    if (!nval && (is(s, i, "several") || is(s, i, "few") || is(s, i, "many"))) nval = -1;
    if (!nval) return 0;
    /* "60 Minutes" (a title), "a second betrayal" (an ordinal) */
    if ((FL(s, i + 1) & TF_CAP) && !(FL(s, i + 1) & TF_ALLCAP)) return 0;
    if (u == U_SEC && !(FL(s, i) & TF_NUM)) return 0;
    if (u == U_CENTURY && nval > 0 && !pl && FL(s, i) & TF_NUM) return 0;
    if ((FL(s, i) & TF_NUM) && (FL(s, i) & TF_HYPHEN)) return 0;   /* "1998-99 years"? */
    if (FL(s, j) & TF_HYPHEN) {
        if (is(s, j + 1, "old") && (FL(s, j + 1) & TF_HYPHEN)) return j + 2;   /* 20-year-old */
        timex *x = push(s, i, j + 1, TX_DURATION);
        set_duration(x, nval, u);
        return j + 1;
    }
    if (nval == 1 && (FL(s, i) & TF_NUM) == 0 && is(s, i, "a") && pl) return 0;
    int k = nval > 0 ? nval : 0;
    const char *nx = F(s, j + 1);
    timex *x;
    if (k && u >= U_DAY && u != U_WEEKEND && u != U_CENTURY) {
        if (same(nx, "ago") || (same(nx, "from") && is(s, j + 2, "now"))) {
            int sign = nx[0] == 'a' ? -1 : 1;
            x = push(s, i, j + (sign < 0 ? 2 : 3), TX_DATE);
            set_shifted(x, s->ref, u, sign * k, NULL);
            return x->t1;
        }
        if (same(nx, "later") || same(nx, "after") || same(nx, "earlier") ||
            same(nx, "before") || same(nx, "previously")) {
            int sign = (nx[0] == 'l' || nx[1] == 'f') ? 1 : -1;
            int32_t base = u == U_DAY || u == U_NIGHT || u == U_WEEK ? last_day(s) : s->ctx->last_date;
            x = push(s, i, j + 2, TX_DATE);
            set_shifted(x, base, u, sign * k, NULL);
            return x->t1;
        }
    }
    x = push(s, i, j + 1, TX_DURATION);
    set_duration(x, nval, u);
    return j + 1;
}

/* for a third straight night; for years, for days */
static int m_for(scan *s, int i)
{
    if (!is(s, i, "for")) return 0;
    int j = i + 1, pl = 0;
    if (is(s, j, "a") || is(s, j, "the")) j++;
    int ord = ordinal(F(s, j));
    if (ord) {
        j++;
        if (is(s, j, "straight") || is(s, j, "consecutive") || is(s, j, "successive") ||
            is(s, j, "running") || is(s, j, "day") || is(s, j, "time"))
            if (unit_of(F(s, j + 1), NULL)) j++;
        int u = unit_of(F(s, j), &pl);
        if (!u) return 0;
        timex *x = push(s, i + 1, j + 1, TX_DURATION);
        set_duration(x, ord, u);
        return j + 1;
    }
    int u = unit_of(F(s, j), &pl);
    if (j == i + 1 && u && pl && u >= U_DAY) {        /* for years */
        timex *x = push(s, j, j + 1, TX_DURATION);
        set_duration(x, 0, u);
        return j + 1;
    }
    return 0;
}

/* weekday at j (after an optional modifier), with ", Month Day[, Year]" or a part of day */
static int m_weekday(scan *s, int i)
{
    int j = i, strict = 0, dir = 0;
    const char *f = F(s, i);
    if (same(f, "last") || same(f, "past")) { dir = -1; strict = 1; j++; }
    else if (same(f, "next") || same(f, "coming") || same(f, "upcoming")) { dir = 1; strict = 1; j++; }
    else if (same(f, "this")) { j++; }
    int w = weekday_of(F(s, j));
    if (w < 0) return 0;
    /* Thursday, April 6 [, 2000]  /  Monday Oct. 26 */
    int k = j + 1;
    if (is(s, k, ",")) k++;
    int m = month_at(s, k);
    int d = m ? day_num(F(s, k + 1)) : 0;
    if (m && d) {
        int e = k + 2, y = 0;
        if (is(s, e, ",") && (y = year_tok(s, e + 1, 1000, 2999))) e += 2;
        else if ((y = year_tok(s, e, 1000, 2999))) e += 1;
        int32_t dt = y ? (time_valid(y, m, d) ? y * 10000 + m * 100 + d : 0) : md_resolve(s, m, d, month_dir(s, i));
        if (dt) {
            set_day(push(s, i, e, TX_DATE), dt);
            return e;
        }
    }
    /* 23 Oct? "Friday 23 October" */
    if (day_num(F(s, j + 1)) && (m = month_at(s, j + 2))) {
        int32_t dt = md_resolve(s, m, day_num(F(s, j + 1)), month_dir(s, i));
        if (dt) {
            int e = j + 3;
            int y = year_tok(s, e, 1000, 2999);
            if (y && time_valid(y, m, dt % 100)) { dt = y * 10000 + m * 100 + dt % 100; e++; }
            set_day(push(s, i, e, TX_DATE), dt);
            return e;
        }
    }
    if (!dir) {
        if (is(s, j + 1, "'s") && !is(s, i - 1, "upcoming")) dir = -1;
        else dir = local_dir(s, i);
    }
    int32_t dt = dir > 0 ? wd_fwd(s->ref, w, strict) : wd_back(s->ref, w, strict);
    const char *pod = pod_of(F(s, j + 1));
    timex *x = push(s, i, j + 1 + (pod != NULL), TX_DATE);
    set_day(x, dt);
    add_pod(x, pod);
    return x->t1;
}

/* Month Day[, Year] | Month Year | Month of Year | Month | Day Month [Year] | the 24th of Month */
static int m_month(scan *s, int i)
{
    int m = month_at(s, i);
    if (!m) {
        /* 24 September [2023] ; 24th of September */
        int d = day_num(F(s, i));
        if (!d || !(FL(s, i) & TF_NUM)) return 0;
        int k = i + 1;
        if (is(s, k, "of") && d && s->t[i].fold_len > 2) k++;
        m = month_at(s, k);
        if (!m) return 0;
        int e = k + 1, y = year_tok(s, e, 1000, 2999);
        if (y) e++;
        int32_t dt = y ? (time_valid(y, m, d) ? y * 10000 + m * 100 + d : 0) : md_resolve(s, m, d, month_dir(s, i));
        if (!dt) return 0;
        set_day(push(s, i, e, TX_DATE), dt);
        return e;
    }
    int d = day_num(F(s, i + 1));
    if (d && (FL(s, i + 1) & TF_NUM) && !is(s, i + 2, ":") && !is(s, i + 2, "%") &&
        !unit_of(F(s, i + 2), NULL)) {
        int e = i + 2, y = 0;
        if (is(s, e, ",") && (y = year_tok(s, e + 1, 1000, 2999))) e += 2;
        else if ((y = year_tok(s, e, 1000, 2999))) e += 1;
        int dir = y ? 0 : month_dir(s, i);
        int32_t dt = y ? (time_valid(y, m, d) ? y * 10000 + m * 100 + d : 0) : md_resolve(s, m, d, dir);
        if (!dt) return 0;
        set_day(push(s, i, e, TX_DATE), dt);
        /* April 24 and 25, Aug. 7-8 */
        int k = e;
        if (!y && (is(s, k, "and") || is(s, k, "to") || is(s, k, "through") ||
                   (FL(s, k) & TF_HYPHEN && FL(s, k) & TF_NUM))) {
            int kk = (FL(s, k) & TF_HYPHEN) ? k : k + 1;
            int d2 = day_num(F(s, kk));
            if (d2 > d && (FL(s, kk) & TF_NUM) && !month_at(s, kk + 1) && !unit_of(F(s, kk + 1), NULL) &&
                time_valid(dt / 10000, m, d2)) {
                set_day(push(s, kk, kk + 1, TX_DATE), dt / 10000 * 10000 + m * 100 + d2);
                return kk + 1;
            }
        }
        return e;
    }
    int y = year_tok(s, i + 1, 1000, 2999);
    if (y) {
        set_month(push(s, i, i + 2, TX_DATE), y, m);
        return i + 2;
    }
    if ((is(s, i + 1, "of") || is(s, i + 1, ",")) && (y = year_tok(s, i + 2, 1000, 2999))) {
        set_month(push(s, i, i + 3, TX_DATE), y, m);
        return i + 3;
    }
    if (month_is_name(s, i)) return 0;
    int dir = 0, strict = 0;
    if (is(s, i - 1, "last")) { dir = -1; strict = 1; }
    else if (is(s, i - 1, "next") || is(s, i - 1, "coming")) { dir = 1; strict = 1; }
    if (!dir) dir = month_dir(s, i);
    int rm = s->ref / 100 % 100;
    y = month_year(s, m, dir);
    if (strict && m == rm) y += dir;
    int t0 = i;
    if (strict && i - 1 >= s->done) t0 = i - 1;
    set_month(push(s, t0, i + 1, TX_DATE), y, m);
    return i + 1;
}

static int is_quantity_noun(const char *f)
{
    static const char *const q[] = { "people", "persons", "troops", "soldiers", "men", "women",
        "children", "police", "policemen", "officers", "refugees", "dollars", "euros", "pounds",
        "yuan", "rupees", "tons", "tonnes", "km", "kilometers", "kilometres", "miles", "meters",
        "metres", "feet", "votes", "hours", "days", "years", "members", "homes", "houses",
        "prisoners", "workers", "residents", "civilians", "rebels", "fighters", "militants",
        "cases", "deaths", "others", "more", "gmt", "utc", "hrs", "local", "percent", "%",
        "times", "jobs", "families", "students", "seats", "delegates", "cars", "vehicles",
        "acres", "hectares", "barrels", "guns", "weapons", "bodies", "casualties", "wounded",
        "dead", "miles", NULL };
    return in_list(f, q);
}

/* 1998, 1990s, 1998-99 */
static int m_year(scan *s, int i)
{
    const char *f = F(s, i);
    if (!(FL(s, i) & TF_NUM)) return 0;
    /* decades: 1990s */
    if (s->t[i].fold_len == 5 && f[4] == 's' && f[3] == '0') {
        char y4[5];
        memcpy(y4, f, 4); y4[4] = 0;
        long y = digits(y4);
        if (y >= 1000 && y <= 2100) {
            timex *x = push(s, i, i + 1, TX_ANCHOR);
            char v[8];
            snprintf(v, sizeof v, "%03ldX", y / 10);
            set_text(x, v);
            return i + 1;
        }
        return 0;
    }
    static const char *const strong[] = { "in", "since", "until", "during", "before", "after", NULL };
    int y = year_tok(s, i, is_in(s, i - 1, strong) ? 1000 : 1900, 2100);
    if (!y) return 0;
    int prefixed = (FL(s, i) & TF_HYPHEN) && (is(s, i - 1, "post") || is(s, i - 1, "pre"));
    static const char *const quant[] = { "$", "about", "some", "nearly", "almost",
        "approximately", "around", "roughly", "than", "least", "only", "just", "another", "no",
        "number", "#", "flight", "route", "room", "article", "resolution", "highway", "over",
        "estimated", "up", "all", "those", "these", "total", "additional", "extra", NULL };
    static const char *const date_ctx[] = { "in", "since", "until", "till", "by", "during", "of",
        "from", "to", "through", "before", "after", "early", "late", "mid", "end", "spring",
        "summer", "fall", "autumn", "winter", "fiscal", ",", "(", "and", "or", "between",
        "year", "throughout", "season", NULL };
    const char *pv = F(s, i - 1), *nx = F(s, i + 1);
    if (is_quantity_noun(nx) || same(nx, ":")) return 0;
    if (in_list(pv, quant) && !in_list(pv, date_ctx)) return 0;
    if (same(pv, "of") && (is(s, i - 2, "total") || is(s, i - 2, "number") || is(s, i - 2, "toll") ||
                              is(s, i - 2, "maximum") || is(s, i - 2, "minimum")))
        return 0;
    uint8_t pcls = CLS(s, i - 1);
    int det = pcls == LC_DET || pcls == LC_POSSPRON || same(pv, "'s");
    size_t nl = strlen(nx);
    int next_noun = i + 1 < s->n && !(FL(s, i + 1) & (TF_PUNCT | TF_NUM | TF_CAP)) &&
                    !CLS(s, i + 1) && !text_month(nx) && !(FL(s, i + 1) & TF_HYPHEN);
    if (!in_list(pv, date_ctx) && !det && !prefixed && next_noun && nl > 3 && nx[nl - 1] == 's' &&
        strcmp(nx, "elections") && strcmp(nx, "games") && strcmp(nx, "talks") &&
        strcmp(nx, "olympics") && strcmp(nx, "polls"))
        return 0;                                   /* "2000 soldiers" */
    int e = i + 1;
    /* 1998-99, 1998-2000 */
    if ((FL(s, e) & TF_HYPHEN) && (FL(s, e) & TF_NUM) && (s->t[e].fold_len == 2 || s->t[e].fold_len == 4)) e++;
    int kind = TX_DATE;
    /* "the 2008 declaration", "Kopp's 1987 Chevrolet" */
    if (det && i + 1 < s->n && !(FL(s, i + 1) & (TF_PUNCT | TF_NUM)) && !CLS(s, i + 1) && !text_month(nx))
        kind = TX_ANCHOR;
    if (prefixed) kind = TX_ANCHOR;
    set_year(push(s, i, e, kind), y);
    return e;
}

/* this/last/next week|month|year|weekend|season, this morning, last night */
static int m_det(scan *s, int i)
{
    const char *f = F(s, i);
    int rel;
    if (same(f, "this") || same(f, "current")) rel = 0;
    else if (same(f, "last") || same(f, "past")) rel = -1;
    else if (same(f, "next") || same(f, "coming")) rel = 1;
    else return 0;
    int j = i + 1;
    const char *g = F(s, j);
    int32_t r = s->ref;
    timex *x;
    const char *pod = pod_of(g);
    if (pod && strcmp(f, "past") && strcmp(f, "current")) {
        /* this morning, last night, tomorrow night handled in m_word */
        if (rel > 0) return 0;
        x = push(s, i, j + 1, TX_DATE);
        set_day(x, rel < 0 ? time_add_days(r, -1) : r);
        add_pod(x, pod);
        return j + 1;
    }
    int ss = season_of(g);
    if (ss) {
        /* season instances are numbered year * 4 + (spring 0, summer 1, fall 2, winter 3);
         * a winter is labelled with the year of its December */
        static const char *const code[] = { "SP", "SU", "FA", "WI" };
        int ry = r / 10000, rm = r / 100 % 100, ts = ss - 1;
        int cy = rm <= 2 ? ry - 1 : ry;
        int cur = cy * 4 + (rm == 12 || rm <= 2 ? 3 : rm <= 5 ? 0 : rm <= 8 ? 1 : 2);
        int back = rel > 0 ? cur : cur - (rel < 0), fwd = rel < 0 ? cur : cur + (rel > 0);
        while (back % 4 != ts) back--;
        while (fwd % 4 != ts) fwd++;
        int idx = rel < 0 ? back : rel > 0 ? fwd :
                  (cur - back < fwd - cur || (cur - back == fwd - cur && !sent_future(s))) ? back : fwd;
        x = push(s, i, j + 1, TX_DATE);
        set_year(x, idx / 4);
        snprintf(x->tx3, sizeof x->tx3, "%04d-%s", idx / 4, code[ts]);
        return j + 1;
    }
    int pl = 0, u = unit_of(g, &pl);
    if (!u || pl) return 0;
    if ((same(f, "past") || (rel < 0 && is(s, i - 1, "the"))) && u != U_WEEKEND) {
        x = push(s, i, j + 1, TX_DURATION);
        set_duration(x, 1, u);
        return j + 1;
    }
    x = push(s, i, j + 1, TX_DATE);
    switch (u) {
    case U_WEEK: set_week(x, time_add_days(r, 7L * rel)); break;
    case U_MONTH: { int32_t m = time_add_months(r, rel); set_month(x, m / 10000, m / 100 % 100); break; }
    case U_YEAR: set_year(x, r / 10000 + rel); break;
    case U_WEEKEND:
        if (rel < 0) set_day(x, wd_back(time_add_days(r, -2), 5, 0));
        else if (rel > 0) set_day(x, wd_fwd(time_add_days(r, 1), 5, 0));
        else set_day(x, sent_future(s) ? wd_fwd(r, 5, 0) : wd_back(r, 5, 0));
        break;
    case U_DECADE: {
        char v[8];
        snprintf(v, sizeof v, "%03dX", r / 100000 + rel);
        x->kind = TX_ANCHOR; set_text(x, v); break;
    }
    case U_CENTURY: {
        char v[8];
        snprintf(v, sizeof v, "%02dXX", r / 1000000 + rel);
        x->kind = TX_ANCHOR; set_text(x, v); break;
    }
    default:
        s->nv--;        /* "this hour": not a date */
        return 0;
    }
    return j + 1;
}

/* the day before/after, the previous/next/following day, that (same) day, the same week,
 * later that year, the weekend, the night before */
static int m_the(scan *s, int i)
{
    const char *f = F(s, i);
    int j = i + 1, rel = 0;
    if (same(f, "that") || (same(f, "the") && is(s, j, "same"))) {
        if (is(s, j, "same")) j++;
        rel = 0;
    } else if (same(f, "the")) {
        const char *g = F(s, j);
        if (same(g, "next") || same(g, "following")) { rel = 1; j++; }
        else if (same(g, "previous") || same(g, "preceding")) { rel = -1; j++; }
        else rel = 2;   /* "the day before", "the weekend" */
    } else return 0;
    const char *g = F(s, j);
    const char *pod = pod_of(g);
    int pl = 0, u = pod ? U_DAY : unit_of(g, &pl);
    if (!u || pl) return 0;
    timex *x;
    if (rel == 2) {
        if (u == U_WEEKEND) {
            x = push(s, i, j + 1, TX_DATE);
            set_day(x, local_dir(s, i) > 0 ? wd_fwd(s->ref, 5, 0) : wd_back(s->ref, 5, 0));
            return j + 1;
        }
        const char *h = F(s, j + 1);
        if (u == U_WEEK && same(h, "of")) {          /* the week of March 6 */
            int before = s->nv, e = m_month(s, j + 2);
            if (e && s->nv == before + 1 && s->v[before].prec == TP_DAY) {
                s->v[before].t0 = i;
                set_week(&s->v[before], s->v[before].date);
                return e;
            }
            s->nv = before;
            return 0;
        }
        if (same(h, "before")) rel = -1;
        else if (same(h, "after")) rel = 1;
        else return 0;
        int e = j + 2;
        /* "later in the day before returning": no date */
        size_t hl = strlen(F(s, e));
        if (hl > 4 && !strcmp(F(s, e) + hl - 3, "ing")) return 0;
        int32_t base = u <= U_NIGHT || u == U_WEEK ? last_day(s) : s->ctx->last_date;
        /* "last seen Nov. 3, the day before authorities issued...": the phrase is in apposition
         * to the date just named, and is that date */
        if (i >= 2 && is(s, i - 1, ",") && s->nv > 0 && s->v[s->nv - 1].t1 == i - 1 &&
            e < s->n && !(FL(s, e) & TF_PUNCT))
            rel = 0;
        if (is(s, e, "yesterday")) { base = time_add_days(s->ref, -1); e++; }
        else if (is(s, e, "tomorrow")) { base = time_add_days(s->ref, 1); e++; }
        if (u == U_WEEKEND || u > U_DECADE || u < U_DAY) return 0;
        x = push(s, i, e, TX_DATE);
        set_shifted(x, base, u, rel, pod);
        return e;
    }
    if (u < U_DAY || u == U_WEEKEND || u > U_YEAR) return 0;
    int32_t base = u <= U_NIGHT || u == U_WEEK ? last_day(s) : s->ctx->last_date;
    x = push(s, i, j + 1, TX_DATE);
    set_shifted(x, base, u, rel, pod);
    if (u == U_NIGHT) add_pod(x, "NI");
    return j + 1;
}

/* Thanksgiving, Christmas, New Year's Day, Easter, Election Day ... (with last/next) */
static int m_holiday(scan *s, int i)
{
    int j = i, dir = 0, strict = 0;
    if (is(s, i, "last")) { dir = -1; strict = 1; j++; }
    else if (is(s, i, "next")) { dir = 1; strict = 1; j++; }
    else if (is(s, i, "this")) j++;
    if (!(FL(s, j) & TF_CAP)) return 0;
    const char *f = F(s, j), *name = NULL;
    int e = j + 1;
    if (same(f, "thanksgiving")) { name = "thanksgiving"; if (is(s, e, "day")) e++; }
    else if (same(f, "christmas")) {
        name = "christmas";
        if (is(s, e, "eve")) { name = "christmas eve"; e++; } else if (is(s, e, "day")) e++;
    } else if (same(f, "new") && is(s, j + 1, "year") && is(s, j + 2, "'s")) {
        e = j + 3;
        if (is(s, e, "eve")) { name = "new year eve"; e++; }
        else if (is(s, e, "day")) { name = "new year"; e++; }
    } else if (same(f, "easter")) {
        name = "easter"; if (is(s, e, "sunday") || is(s, e, "week")) e++;
    } else if (same(f, "election") && is(s, e, "day") && (FL(s, e) & TF_CAP)) { name = "election"; e++; }
    else if (same(f, "halloween")) name = "halloween";
    else if (same(f, "valentine") && is(s, e, "'s") && is(s, e + 1, "day")) { name = "valentine"; e += 2; }
    else if (same(f, "may") && is(s, e, "day") && (FL(s, e) & TF_CAP)) { name = "may day"; e++; }
    if (!name) return 0;
    if (!dir) dir = local_dir(s, j);
    int ry = s->ref / 10000;
    int32_t d = holiday(ry, name);
    long away = time_days(d) - time_days(s->ref);
    if (!strict && is(s, e - 1, "week") && away >= -7 && away <= 7) { /* "as Easter week began" */ }
    else if (dir > 0) { if (d < s->ref || (strict && d == s->ref)) d = holiday(ry + 1, name); }
    else if (d > s->ref || (strict && d == s->ref)) d = holiday(ry - 1, name);
    timex *x = push(s, i, e, TX_DATE);
    if (is(s, e - 1, "week")) set_week(x, d);      /* Easter week */
    else set_day(x, d);
    return e;
}

/* every Sunday, each year */
static int m_every(scan *s, int i)
{
    if (!is(s, i, "every") && !is(s, i, "each")) return 0;
    const char *g = F(s, i + 1);
    int u = unit_of(g, NULL);
    const char *v = NULL;
    if (weekday_of(g) >= 0 || u == U_WEEK || u == U_WEEKEND) v = "P1W";
    else if (u == U_DAY || u == U_NIGHT || pod_of(g)) v = "P1D";
    else if (u == U_MONTH) v = "P1M";
    else if (u == U_YEAR) v = "P1Y";
    else if (text_month(g) && (FL(s, i + 1) & TF_CAP)) v = "P1Y";
    if (!v) return 0;
    set_text(push(s, i, i + 2, TX_SET), v);
    return i + 2;
}

typedef int (*matcher)(scan *, int);
static const matcher matchers[] = { m_numeric, m_holiday, m_weekday, m_the, m_det, m_word,
                                    m_for, m_count, m_month, m_year, m_every };
enum { M_NUMERIC = 1 << 0, M_HOLIDAY = 1 << 1, M_WEEKDAY = 1 << 2, M_THE = 1 << 3, M_DET = 1 << 4,
       M_WORD = 1 << 5, M_FOR = 1 << 6, M_COUNT = 1 << 7, M_MONTH = 1 << 8, M_YEAR = 1 << 9,
       M_EVERY = 1 << 10 };     /* bit k: matchers[k] */
_Static_assert(sizeof matchers / sizeof *matchers == 11, "a bit of candidates() for each matcher");

/* the matchers that can match at token i: each returns 0 at once without its first word (a
 * number, a capital, a weekday, "the" ...), so those are tested here from the token's bits
 * instead of calling all eleven at every token near an anchor */
static unsigned candidates(const scan *s, int i)
{
    unsigned w = cue(s, i), next = cue(s, i + 1), c = 0;
    uint32_t fl = s->t[i].flags;
    if (fl & TF_NUM) c |= M_NUMERIC | M_MONTH | M_YEAR;
    if (fl & TF_CAP) c |= M_MONTH;
    if (FL(s, w & MB_HOLMOD ? i + 1 : i) & TF_CAP) c |= M_HOLIDAY;
    if ((w & MB_WDMOD ? next : w) & MB_WEEKDAY) c |= M_WEEKDAY;
    if (w & MB_THE) c |= M_THE;
    if (w & MB_DET) c |= M_DET;
    if (w & MB_WORD) c |= M_WORD;
    if (w & MB_FOR) c |= M_FOR;
    if (next & MB_UNIT) c |= M_COUNT;
    if (w & MB_EVERY) c |= M_EVERY;
    return c;
}

/* ---- the scan ------------------------------------------------------------------------------ */

static void finish(scan *s, timex *x, int first)
{
    if (x->kind != TX_DATE && x->kind != TX_ANCHOR) return;
    /* widen over modifiers on the left */
    static const char *const mods[] = { "early", "late", "mid", "earlier", "later", "post", "pre", NULL };
    while (x->t0 - 1 >= s->done) {
        int p = x->t0 - 1;
        if (is_in(s, p, mods)) { x->t0 = p; continue; }
        if (is(s, p, "of") && p - 1 >= s->done &&
            (is(s, p - 1, "end") || is(s, p - 1, "beginning") || is(s, p - 1, "start") ||
             is(s, p - 1, "middle"))) {
            x->t0 = p - 1;
            if (p - 2 >= s->done && is(s, p - 2, "the")) x->t0 = p - 2;
            continue;
        }
        break;
    }
    if (first && x->kind == TX_DATE &&
        (is(s, x->t0 - 1, "since") || is(s, x->t0 - 1, "until") || is(s, x->t0 - 1, "till")))
        x->kind = TX_ANCHOR;
    if (x->kind == TX_DATE && x->date && strcmp(x->tx3, "PRESENT_REF") != 0) {
        s->ctx->last_date = x->date;
        s->ctx->last_prec = x->prec;
    }
}

/* Most sentences name no time at all; the matchers cost a few dozen string compares per word,
 * so a sentence is scanned only if it has a word a time expression needs: a number, a month
 * or weekday, or one of the time nouns and adverbs below. This test runs on every token of
 * every sentence, so the words are listed by first letter, as X-macros W(cap, word) (cap: only
 * capitalized) that give both the letter's list and the set of its words' lengths
 * (gate_lens): most tokens are turned down by their first letter and length alone. */
#define GW_A(W) W(0,"afternoon") W(0,"ago") W(0,"apr") W(0,"april") W(0,"aug") W(0,"august") \
    W(0,"autumn")
#define GW_C(W) W(0,"centuries") W(0,"century") W(0,"christmas") W(0,"current") W(0,"currently")
#define GW_D(W) W(0,"dawn") W(0,"day") W(0,"daybreak") W(0,"days") W(0,"dec") W(0,"december") \
    W(0,"decade") W(0,"decades") W(0,"dusk")
#define GW_E(W) W(0,"earlier") W(0,"easter") W(0,"eid") W(0,"evening")
#define GW_F(W) W(0,"fall") W(0,"feb") W(0,"february") W(0,"fortnight") W(0,"friday") \
    W(0,"future")
#define GW_H(W) W(0,"holiday") W(0,"holidays") W(0,"hour") W(0,"hours")
#define GW_J(W) W(0,"jan") W(0,"january") W(0,"jul") W(0,"july") W(0,"jun") W(0,"june")
#define GW_L(W) W(0,"later")
/* "may" and "march" (and "mar") are also a modal and a verb: months only when capitalized */
#define GW_M(W) W(1,"mar") W(1,"march") W(1,"may") W(0,"midday") W(0,"midnight") W(0,"minute") \
    W(0,"minutes") W(0,"monday") W(0,"month") W(0,"months") W(0,"morning") W(0,"mornings")
#define GW_N(W) W(0,"night") W(0,"nights") W(0,"noon") W(0,"nov") W(0,"november") W(0,"now")
#define GW_O(W) W(0,"oct") W(0,"october") W(0,"overnight")
#define GW_P(W) W(0,"present")
#define GW_Q(W) W(0,"quarter")
#define GW_R(W) W(0,"ramadan") W(0,"recent") W(0,"recently")
#define GW_S(W) W(0,"saturday") W(0,"season") W(0,"sep") W(0,"sept") W(0,"september") \
    W(0,"spring") W(0,"summer") W(0,"sunday")
#define GW_T(W) W(0,"thursday") W(0,"today") W(0,"tomorrow") W(0,"tonight") W(0,"tuesday")
#define GW_W(W) W(0,"wednesday") W(0,"week") W(0,"weekend") W(0,"weeks") W(0,"winter")
#define GW_Y(W) W(0,"year") W(0,"years") W(0,"yesterday")
typedef struct gate_word { uint8_t len, cap; char w[10]; } gate_word;
#define GATE_ENTRY(cap, w) { sizeof w - 1, cap, w },
#define GATE_LEN(cap, w) | 1u << (sizeof w - 1)
static const gate_word gw_a[] = { GW_A(GATE_ENTRY) {0,0,""} };
static const gate_word gw_c[] = { GW_C(GATE_ENTRY) {0,0,""} };
static const gate_word gw_d[] = { GW_D(GATE_ENTRY) {0,0,""} };
static const gate_word gw_e[] = { GW_E(GATE_ENTRY) {0,0,""} };
static const gate_word gw_f[] = { GW_F(GATE_ENTRY) {0,0,""} };
static const gate_word gw_h[] = { GW_H(GATE_ENTRY) {0,0,""} };
static const gate_word gw_j[] = { GW_J(GATE_ENTRY) {0,0,""} };
static const gate_word gw_l[] = { GW_L(GATE_ENTRY) {0,0,""} };
static const gate_word gw_m[] = { GW_M(GATE_ENTRY) {0,0,""} };
static const gate_word gw_n[] = { GW_N(GATE_ENTRY) {0,0,""} };
static const gate_word gw_o[] = { GW_O(GATE_ENTRY) {0,0,""} };
static const gate_word gw_p[] = { GW_P(GATE_ENTRY) {0,0,""} };
static const gate_word gw_q[] = { GW_Q(GATE_ENTRY) {0,0,""} };
static const gate_word gw_r[] = { GW_R(GATE_ENTRY) {0,0,""} };
static const gate_word gw_s[] = { GW_S(GATE_ENTRY) {0,0,""} };
static const gate_word gw_t[] = { GW_T(GATE_ENTRY) {0,0,""} };
static const gate_word gw_w[] = { GW_W(GATE_ENTRY) {0,0,""} };
static const gate_word gw_y[] = { GW_Y(GATE_ENTRY) {0,0,""} };
static const gate_word *const gate_words[26] = {
    ['a' - 'a'] = gw_a, ['c' - 'a'] = gw_c, ['d' - 'a'] = gw_d, ['e' - 'a'] = gw_e,
    ['f' - 'a'] = gw_f, ['h' - 'a'] = gw_h, ['j' - 'a'] = gw_j, ['l' - 'a'] = gw_l,
    ['m' - 'a'] = gw_m, ['n' - 'a'] = gw_n, ['o' - 'a'] = gw_o, ['p' - 'a'] = gw_p,
    ['q' - 'a'] = gw_q, ['r' - 'a'] = gw_r, ['s' - 'a'] = gw_s, ['t' - 'a'] = gw_t,
    ['w' - 'a'] = gw_w, ['y' - 'a'] = gw_y,
};
/* the masks below, one a letter, each made of its words by G */
#define GATE_LETTERS(G) { \
    ['a' - 'a'] = 0 GW_A(G), ['c' - 'a'] = 0 GW_C(G), ['d' - 'a'] = 0 GW_D(G), \
    ['e' - 'a'] = 0 GW_E(G), ['f' - 'a'] = 0 GW_F(G), ['h' - 'a'] = 0 GW_H(G), \
    ['j' - 'a'] = 0 GW_J(G), ['l' - 'a'] = 0 GW_L(G), ['m' - 'a'] = 0 GW_M(G), \
    ['n' - 'a'] = 0 GW_N(G), ['o' - 'a'] = 0 GW_O(G), ['p' - 'a'] = 0 GW_P(G), \
    ['q' - 'a'] = 0 GW_Q(G), ['r' - 'a'] = 0 GW_R(G), ['s' - 'a'] = 0 GW_S(G), \
    ['t' - 'a'] = 0 GW_T(G), ['w' - 'a'] = 0 GW_W(G), ['y' - 'a'] = 0 GW_Y(G), }
/* bit n: some word of the letter has n bytes */
static const uint16_t gate_lens[26] = GATE_LETTERS(GATE_LEN);
/* bit k: some word of the letter has 'a' + k as its second letter; as its last letter. A
 * third of the words pass the test of the length (the common short words: "said", "and",
 * "for"), and these turn down four in five of them before the list is read. (A string
 * literal's byte in a constant initializer: gcc and clang both take it.) */
#define GATE_SECOND(cap, w) | 1u << ((w)[1] - 'a')
#define GATE_LAST(cap, w) | 1u << ((w)[sizeof w - 2] - 'a')
static const uint32_t gate_second[26] = GATE_LETTERS(GATE_SECOND);
static const uint32_t gate_last[26] = GATE_LETTERS(GATE_LAST);

static int is_anchor(const token *k)
{
    uint32_t n = k->fold_len;
    const char *f = k->fold;
    unsigned l = (unsigned char)f[0] - 'a';
    if (l < 26) {       /* the usual case first: a word, most often turned down by its length */
        if (n >= 16 || !(gate_lens[l] >> n & 1) || (k->flags & TF_PUNCT)) return 0;
        /* n >= 3 here (no word of the lists is shorter): f[1] and f[n - 1] are bytes of it */
        unsigned l2 = (unsigned char)f[1] - 'a', lz = (unsigned char)f[n - 1] - 'a';
        if (l2 >= 26 || !(gate_second[l] >> l2 & 1) || lz >= 26 || !(gate_last[l] >> lz & 1))
            return 0;
        for (const gate_word *g = gate_words[l]; g->len; g++) {
            if (g->len != n) continue;
            uint32_t c = 1;
            while (c < n && g->w[c] == f[c]) c++;
            if (c == n) return !g->cap || (k->flags & TF_CAP);
        }
        return 0;
    }
    /* a number anchors only as a year ("in 2022", "the 1990s"): counts ("700 troops") and
       day numbers need a month or a time noun, which are anchors themselves */
    if (k->flags & TF_NUM) {
        long v = 0; uint32_t d = 0;
        while (d < n && f[d] >= '0' && f[d] <= '9' && d < 6) v = v * 10 + (f[d++] - '0');
        return d == 4 && v >= 1900 && v <= 2100;
    }
    return 0;
}

/* next_anchor[i]: the first anchor at or after token i (n if none) */
static int *anchor_index(arena *a, const token *t, int n)
{
    int *nx = arena_alloc_raw(a, sizeof(int) * (size_t)(n + 1));   /* every entry is set below */
    nx[n] = n;
    for (int i = n - 1; i >= 0; i--) nx[i] = is_anchor(&t[i]) ? i : nx[i + 1];
    return nx;
}

int time_find(arena *a, const token *t, int n, const char *text, time_ctx *ctx, int future, timex **out)
{
    (void)text;
    scan s = { a, t, n, ctx, future, ctx->dateline_date ? ctx->dateline_date : ctx->article_date,
               NULL, 0, 0, 0, NULL };
    *out = NULL;
    if (!ctx->article_date) return 0;
    int *nx = anchor_index(a, t, n);
    if (nx[0] == n) return 0;
    s.cue = arena_alloc(a, sizeof *s.cue * (size_t)n);
    for (int i = 0; i < n;) {
        if (t[i].flags & TF_PUNCT) { i++; continue; }
        /* an expression holds an anchor within its first words ("a day earlier",
           "late on Saturday", "in the 1990s") */
        if (nx[i] > i + 4) { i = nx[i] - 4 > i ? nx[i] - 4 : i + 1; continue; }
        int e = 0, before = s.nv;
        /* the candidates' bits in order, lowest first: most tokens have one or none of the
           eleven, and a loop over all of them cost more than the tests it skipped */
        for (unsigned cand = candidates(&s, i); cand && !e; cand &= cand - 1) {
            e = matchers[__builtin_ctz(cand)](&s, i);
            if (!e) s.nv = before;
        }
        if (!e) { i++; continue; }
        for (int k = before; k < s.nv; k++) finish(&s, &s.v[k], k == before);
        s.done = e;
        i = e;
    }
    *out = s.v;
    return s.nv;
}

void time_ctx_init(time_ctx *ctx, int32_t article_date, int dl_month, int dl_day)
{
    memset(ctx, 0, sizeof *ctx);
    ctx->article_date = article_date;
    if (article_date && dl_month >= 1 && dl_month <= 12 && dl_day >= 1) {
        /* the occurrence nearest the article date */
        int y = article_date / 10000;
        long best = -1;
        for (int yy = y - 1; yy <= y + 1; yy++) {
            if (!time_valid(yy, dl_month, dl_day)) continue;
            int32_t c = yy * 10000 + dl_month * 100 + dl_day;
            long dist = time_days(c) - time_days(article_date);
            if (dist < 0) dist = -dist;
            if (best < 0 || dist < best) { best = dist; ctx->dateline_date = c; }
        }
    }
    ctx->last_date = ctx->dateline_date ? ctx->dateline_date : article_date;
    ctx->last_prec = TP_DAY;
}

int time_future(const token *t, int n)
{
    for (int i = 0; i < n; i++) {
        const char *f = t[i].fold;
        size_t l = t[i].fold_len;
        const char *nx = i + 1 < n ? t[i + 1].fold : "";
        if (same(f, "will") || same(f, "shall") || (l > 3 && same(f + l - 3, "'ll")) ||
            (same(f, "wo") && same(nx, "n't")) || same(f, "tomorrow") ||
            same(f, "upcoming"))
            return 1;
        if ((same(f, "going") || same(f, "plans") || same(f, "plan") ||
             same(f, "planning") || same(f, "scheduled") || same(f, "expected") ||
             same(f, "slated") || same(f, "set") || same(f, "due")) && same(nx, "to"))
            return 1;
        if (same(f, "next") && i + 1 < n && (unit_of(nx, NULL) || weekday_of(nx) >= 0 || text_month(nx)))
            return 1;
    }
    return 0;
}

void time_classes(token *t, int n)
{
    for (int i = 0; i < n; i++) t[i].cls = (t[i].flags & TF_PUNCT) ? 0 : lex_class(t[i].fold);
}
