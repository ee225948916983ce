/* time.h - temporal expressions: find them in a sentence's tokens and resolve them against the
 * article date, the dateline date and the date the article last established (TIMEX3-style).
 * Owns: which words are dates, durations, sets or anchors, and the calendar arithmetic that
 * turns "Sunday", "last month" or "two days later" into YYYY-MM-DD / YYYY-MM / YYYY.
 *
 * Conventions (the choices the brief left open):
 *  - the reference date is the dateline date when there is one, else the article date;
 *    "today", "tonight", weekdays, "last week", "N days ago" resolve against it.
 *  - "the day before", "a day earlier", "the next day", "two days later", "later that year"
 *    resolve against ctx->last_date, the last DATE the article named (initially the reference).
 *  - a weekday resolves to the latest such day on or before the reference (a weekday equal to
 *    the reference day is that day), or the first on or after it when the clause is future.
 *    Tense comes from the nearest cue in the clause: on the left a past form ("said Friday")
 *    or a future one ("will", "would", "plans", "scheduled", "decided to", "as soon as"); on
 *    the right a past form or a modal ("On Friday, the army shelled"); "until Tuesday" looks
 *    ahead unless the clause is past ("Until Thursday, they had not..."); with no cue, the
 *    sentence's `future` flag (time_future()). A possessive weekday ("Sunday's attack") is past.
 *    "last Friday" is strictly before the reference, "next Friday" strictly after.
 *  - a month without a year ("in May") and a month-day ("Sept. 24"): with a past cue, the
 *    latest on or before the reference (a month-day within the next 14 days stays ahead: "was
 *    set for Nov. 3"); with a future cue or a future sentence, the first on or after it; with
 *    no cue, the nearer occurrence, the one ahead only when three times nearer than the one
 *    behind (news looks back more often than ahead).
 *  - "overnight" is the reference day (the night that ends on the morning of the report);
 *    "last night" is the day before (TIMEX3 value YYYY-MM-DDTNI).
 *  - weeks ("last week", "this week", "six weeks ago", "the week of March 6"): timex.tx3 holds the TIMEX3 week
 *    value "YYYY-Www"; timex.value holds the month of that day, "YYYY-MM", prec TP_MONTH.
 *  - seasons ("last fall"): tx3 "1998-FA"; value the year, prec TP_YEAR.
 *  - "the weekend": the Saturday (prec TP_DAY).
 *  - "now", "currently", "current": DATE, value the reference day, tx3 "PRESENT_REF"; they do
 *    not move last_date (every other DATE does, anchors and durations do not).
 *  - holidays (Thanksgiving, Christmas, New Year's Day, Easter, US Election Day, Halloween):
 *    as month-days, "last"/"next" strict.
 *  - not event dates: durations ("for 24 hours", "three days", "a three-day visit", "for a
 *    third straight night": TX_DURATION, value "PT24H", "P3D" (nights count as days)), sets ("daily",
 *    "every Sunday": TX_SET, value "P1D", "P1W"), anchors ("since 1999", "until Friday", "the
 *    2008 declaration", "in the 1990s", "post-1959", "the future": TX_ANCHOR, value the date
 *    named, "199X", "FUTURE_REF"). Numbers are years only when four plain digits, 1900-2100
 *    (1000-2100 after in/since/until/during/before/after), and not a quantity ("3,000
 *    people", "some 2000 soldiers", "1900 GMT"); "20-year-old" is nothing.
 */
#ifndef HD_TIME_H
#define HD_TIME_H
#include <stdint.h>
#include "../text/text.h"

enum timex_kind { TX_DATE = 1, TX_DURATION, TX_SET, TX_ANCHOR };  /* ANCHOR: "since 1999", "the 2008 declaration": not an event date */
enum timex_prec { TP_DAY = 1, TP_MONTH, TP_YEAR };                 /* 0 for durations, sets, decades, *_REF */

typedef struct timex {
    int t0, t1;              /* tokens [t0, t1) of the sentence */
    uint8_t kind, prec;
    char value[16];          /* "2023-09-24", "2023-09", "2023", or TIMEX3 values like "P3D" for durations */
    char tx3[24];            /* the TIMEX3 value: as value, or "2023-W38", "2023-09-24TNI", "2022-FA", "PRESENT_REF" */
    int32_t date;            /* YYYYMMDD of value (day 01 / month 01 at coarser precision), 0 if none */
} timex;

typedef struct time_ctx {
    int32_t article_date;    /* YYYYMMDD */
    int32_t dateline_date;   /* 0 if none; YYYYMMDD from "PRISTINA, Sept 25 (BWS) -" resolved against the article date */
    int32_t last_date;       /* the date the article last established (updated as dates resolve) */
    uint8_t last_prec;       /* precision of last_date (TP_*) */
} time_ctx;

/* article_date YYYYMMDD; dl_month/dl_day from the dateline (0 when absent). Sets last_date to
 * the reference date. */
void time_ctx_init(time_ctx *ctx, int32_t article_date, int dl_month, int dl_day);
/* The temporal expressions of one sentence, in order. Returns how many (*out in the arena). */
/* future: 1/0, or -1 to have time_find work it out (time_future) only if a date it finds needs it.
 * The tokens' closed classes (token.cls) must be set: lexify sets them, time_classes for tokens
 * straight from the tokenizer (time_find asks them of most words near a date, and a class of
 * 0 has to mean "none", not "not looked up"). */
int time_find(arena *a, const token *t, int n, const char *text, time_ctx *ctx, int future, timex **out);
/* token.cls of each word from lex_class, as lexify sets it (0 for punctuation) */
void time_classes(token *t, int n);
/* 1 when the sentence speaks of the future ("will", "'ll", "plans to", "is scheduled to",
 * "is expected to", "next", "tomorrow") - the `future` argument of time_find. */
int time_future(const token *t, int n);

/* calendar (calendar.c): dates are YYYYMMDD integers */
int32_t time_parse_ymd(const char *s);             /* "YYYY-MM-DD..." -> YYYYMMDD, -1 if bad */
int     time_valid(int y, int m, int d);
int     time_month_days(int y, int m);
long    time_days(int32_t ymd);                    /* days since 1970-01-01 */
int32_t time_from_days(long days);
int32_t time_add_days(int32_t ymd, long n);
int32_t time_add_months(int32_t ymd, int n);      /* day clamped to the month's length */
int     time_weekday(int32_t ymd);                 /* 0 Monday .. 6 Sunday */
void    time_iso_week(int32_t ymd, int *year, int *week);
int32_t time_easter(int year);
/* "YYYY" (prec TP_YEAR), "YYYY-MM" (TP_MONTH) or "YYYY-MM-DD" (else): as printf's %04d-%02d-%02d */
void    time_format(char out[16], int y, int m, int d, int prec);
#endif
