/* test_time.c - temporal expressions: calendar arithmetic, absolute dates, weekdays, relative
 * expressions, and the things that must not become event dates (durations, anchors, numbers). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>
#include "text/text.h"
#include "time/time.h"
#include "lex/lex.h"

/* Runs the whole text (dateline included) through time_find with one context and returns
 * "words=value" entries joined by "; ". Non-DATE kinds are prefixed (D: duration, S: set,
 * A: anchor); a TIMEX3 value that differs from the event value follows in brackets.
 * future: -1 = time_future() of each sentence, else forced. */
static char out[2048];
static const char *run(const char *text, int32_t article, int future)
{
    arena a; arena_init(&a, 1 << 14);
    doc_text d;
    text_split(&a, text, strlen(text), &d);
    time_ctx ctx;
    time_ctx_init(&ctx, article, d.dl.present ? d.dl.month : 0, d.dl.present ? d.dl.day : 0);
    out[0] = 0;
    size_t len = 0;
    for (int s = 0; s < d.nsent; s++) {
        timex *x;
        token *t = d.sent[s].tok;
        time_classes(t, d.sent[s].ntok);   /* as lexify would have */
        int fut = future >= 0 ? future : time_future(t, d.sent[s].ntok);
        int n = time_find(&a, t, d.sent[s].ntok, text, &ctx, fut, &x);
        for (int k = 0; k < n; k++) {
            const char *kind = x[k].kind == TX_DURATION ? "D:" : x[k].kind == TX_SET ? "S:" :
                               x[k].kind == TX_ANCHOR ? "A:" : "";
            int wl = (int)(t[x[k].t1 - 1].b1 - t[x[k].t0].b0);
            len += (size_t)snprintf(out + len, sizeof out - len, "%s%s%.*s=%s", len ? "; " : "", kind,
                                    wl, text + t[x[k].t0].b0, x[k].value);
            if (strcmp(x[k].value, x[k].tx3))
                len += (size_t)snprintf(out + len, sizeof out - len, " [%s]", x[k].tx3);
        }
    }
    arena_free(&a);
    return out;
}

static void test_calendar(void **st)
{
    (void)st;
    assert_int_equal(time_weekday(20230924), 6);                 /* a Sunday */
    assert_int_equal(time_weekday(19700101), 3);                 /* a Thursday */
    assert_int_equal(time_add_days(20231231, 1), 20240101);
    assert_int_equal(time_add_days(20240301, -1), 20240229);
    assert_int_equal(time_add_months(20240131, 1), 20240229);
    assert_int_equal(time_parse_ymd("1998-08-07T06:18"), 19980807);
    assert_int_equal(time_parse_ymd("1998-02-30"), -1);
    int y, w;
    time_iso_week(20230924, &y, &w);
    assert_int_equal(w, 38);
    time_iso_week(20210103, &y, &w);                             /* belongs to 2020-W53 */
    assert_int_equal(y * 100 + w, 202053);
    assert_int_equal(time_easter(2024), 20240331);
}

static void test_absolute_dates(void **st)
{
    (void)st;
    int32_t d = 20230926;
    assert_string_equal(run("Talks opened on September 24.", d, 0), "September 24=2023-09-24");
    assert_string_equal(run("Talks opened on Sept. 24.", d, 0), "Sept. 24=2023-09-24");
    assert_string_equal(run("Talks opened on 24 Sept. 2023 in Geneva.", d, 0), "24 Sept. 2023=2023-09-24");
    assert_string_equal(run("Talks opened on 2023-09-24 in Geneva.", d, 0), "2023-09-24=2023-09-24");
    assert_string_equal(run("Talks opened on September 24, 2023, in Geneva.", d, 0),
                        "September 24, 2023=2023-09-24");
    assert_string_equal(run("A deal was signed in May 2023.", d, 0), "May 2023=2023-05");
    assert_string_equal(run("Rebels attacked the town in 2022.", d, 0), "2022=2022");
    /* a month without a year: the latest on or before the reference, or ahead when future */
    assert_string_equal(run("Rebels attacked the town in May.", d, -1), "May=2023-05");
    assert_string_equal(run("Elections will be held in May.", d, -1), "May=2024-05");
    assert_string_equal(run("Fighting flared in late July.", d, -1), "late July=2023-07");
    /* a month-day shortly ahead is upcoming even in a past-tense sentence */
    assert_string_equal(run("Officials said the vote was set for Oct. 3.", d, -1), "Oct. 3=2023-10-03");
    assert_string_equal(run("The army withdrew on Dec. 28.", 20240103, -1), "Dec. 28=2023-12-28");
}

static void test_weekdays(void **st)
{
    (void)st;
    /* 2023-09-26 is a Tuesday */
    assert_string_equal(run("Gunmen attacked a patrol on Sunday.", 20230926, -1), "Sunday=2023-09-24");
    assert_string_equal(run("Sunday's attack killed two.", 20230926, -1), "Sunday=2023-09-24");
    assert_string_equal(run("Police said the blast came late on Saturday.", 20230926, -1), "Saturday=2023-09-23");
    assert_string_equal(run("Gunmen attacked a patrol on Tuesday.", 20230926, -1), "Tuesday=2023-09-26");
    assert_string_equal(run("The ministers will meet on Sunday.", 20230926, -1), "Sunday=2023-10-01");
    assert_string_equal(run("He said Friday that he will travel to Moscow on Wednesday.", 20230926, -1),
                        "Friday=2023-09-22; Wednesday=2023-09-27");
    assert_string_equal(run("Rebels clashed with troops Friday night.", 20230926, -1),
                        "Friday night=2023-09-22 [2023-09-22TNI]");
    assert_string_equal(run("The talks ended last Tuesday.", 20230926, -1), "last Tuesday=2023-09-19");
    /* the dateline date is the reference: Sept 25 2023 was a Monday (the article is dated
     * Wednesday); the dateline itself is not a sentence */
    assert_string_equal(run("PRISTINA, Sept 25 (BWS) - Serb gunmen ambushed a patrol on Monday.", 20230927, -1),
                        "Monday=2023-09-25");
    assert_string_equal(run("The accord was signed Thursday, April 6.", 20000407, -1),
                        "Thursday, April 6=2000-04-06");
}

static void test_relative(void **st)
{
    (void)st;
    int32_t d = 20230926;
    assert_string_equal(run("Yesterday police fired tear gas; today they withdrew and tonight they return.", d, 0),
                        "Yesterday=2023-09-25; today=2023-09-26; tonight=2023-09-26 [2023-09-26TNI]");
    assert_string_equal(run("Shells hit the town overnight.", d, 0), "overnight=2023-09-26 [2023-09-26TNI]");
    /* relative to the last date the article established */
    assert_string_equal(run("The attack came on Sept. 10. A day earlier, troops left. The next day, talks failed.", d, -1),
                        "Sept. 10=2023-09-10; A day earlier=2023-09-09; The next day=2023-09-10");
    assert_string_equal(run("Talks failed on Sept. 10. The previous day, troops left. Two days later, they resumed.", d, -1),
                        "Sept. 10=2023-09-10; The previous day=2023-09-09; Two days later=2023-09-11");
    assert_string_equal(run("Troops left Sept. 10, the day before the talks. A day after the talks, fighting resumed.", d, -1),
                        "Sept. 10=2023-09-10; the day before=2023-09-10; A day after=2023-09-11");
    /* weeks give their month as the event value, the ISO week as the TIMEX3 value */
    assert_string_equal(run("Last week the army shelled the town.", d, 0), "Last week=2023-09 [2023-W38]");
    assert_string_equal(run("Earlier this month the UN warned of famine.", d, 0), "Earlier this month=2023-09");
    assert_string_equal(run("Talks collapsed last month.", d, 0), "last month=2023-08");
    assert_string_equal(run("This year the harvest failed, as it did last year.", d, 0), "This year=2023; last year=2022");
    assert_string_equal(run("The sniper struck last fall.", 19990410, 0), "last fall=1998 [1998-FA]");
    assert_string_equal(run("He was found on Thanksgiving Day.", 20000107, -1), "Thanksgiving Day=1999-11-25");
    assert_string_equal(run("The bombing came 11 days ago.", 19990419, -1), "11 days ago=1999-04-08");
}

/* time_classes gives a word the class lexify would (lex_class), and a mark none */
static void test_classes(void **st)
{
    (void)st;
    arena a; arena_init(&a, 1 << 12);
    const char *text = "Talks which began, as planned, in the 1990s";
    token *t;
    int n = text_tokenize(&a, text, 0, (uint32_t)strlen(text), 0, &t);
    for (int i = 0; i < n; i++) t[i].cls = 0xff;
    time_classes(t, n);
    for (int i = 0; i < n; i++)
        assert_int_equal(t[i].cls, (t[i].flags & TF_PUNCT) ? 0 : lex_class(t[i].fold));
    assert_int_equal(t[1].cls, LC_REL);      /* which */
    assert_int_equal(t[4].cls, LC_SUBORD);   /* as */
    assert_int_equal(t[3].cls, 0);           /* , */
    assert_int_equal(t[0].cls, 0);           /* talks */
    arena_free(&a);
}

static void test_not_event_dates(void **st)
{
    (void)st;
    int32_t d = 20230926;
    assert_string_equal(run("Protesters marched for a third straight night.", d, 0), "D:a third straight night=P3D");
    assert_string_equal(run("The city was shut for 24 hours.", d, 0), "D:24 hours=PT24H");
    assert_string_equal(run("Leaders arrived for a three-day visit.", d, 0), "D:three-day=P3D");
    assert_string_equal(run("It was the worst attack since 1999.", d, 0), "A:1999=1999");
    assert_string_equal(run("Serbia rejected the 2008 declaration.", d, 0), "A:2008=2008");
    assert_string_equal(run("The war in the 1990s displaced millions.", d, 0), "A:1990s=199X");
    assert_string_equal(run("The curfew will last until Friday.", d, -1), "A:Friday=2023-09-29");
    assert_string_equal(run("Some 3,000 people and 2000 soldiers gathered.", d, 0), "");
    assert_string_equal(run("A 20-year-old was arrested.", d, 0), "");
    assert_string_equal(run("The bill may pass, and the march on the capital went ahead.", d, 0), "");
    assert_string_equal(run("June Jordan spoke at the rally.", d, 0), "");
    assert_string_equal(run("The group meets every Sunday and prints a daily bulletin.", d, 0),
                        "S:every Sunday=P1W; S:daily=P1D");
}

static void test_future_flag(void **st)
{
    (void)st;
    arena a; arena_init(&a, 4096);
    const char *s[] = { "The ministers will meet in Geneva.", "The rebels plan to attack.",
                        "The army said it attacked.", "They are next to the border." };
    int want[] = { 1, 1, 0, 0 };
    for (int k = 0; k < 4; k++) {
        doc_text d;
        text_split(&a, s[k], strlen(s[k]), &d);
        assert_int_equal(time_future(d.sent[0].tok, d.sent[0].ntok), want[k]);
    }
    arena_free(&a);
}

/* time_format writes what snprintf("%04d-%02d-%02d") writes, at each precision */
static void test_format(void **st)
{
    (void)st;
    static const int ys[] = { 0, 7, 99, 100, 999, 1900, 1998, 2023, 2100, 9999, 10000, -5 },
                     ms[] = { 0, 1, 9, 10, 12, 31, 99, 100 };
    const size_t nm = sizeof ms / sizeof *ms;
    char got[16], want[16];
    for (size_t a = 0; a < sizeof ys / sizeof *ys; a++)
        for (size_t b = 0; b < nm; b++)
            for (int prec = TP_DAY; prec <= TP_YEAR; prec++) {
                int y = ys[a], m = ms[b], d = ms[(b + 3) % nm];
                time_format(got, y, m, d, prec);
                if (prec == TP_YEAR) snprintf(want, sizeof want, "%04d", y);
                else if (prec == TP_MONTH) snprintf(want, sizeof want, "%04d-%02d", y, m);
                else snprintf(want, sizeof want, "%04d-%02d-%02d", y, m, d);
                assert_string_equal(got, want);
            }
}

/* the anchor gate and the cue lookup turn words down by first letter, length, second and last
 * letter before reading a list: words of many letters and lengths still anchor expressions
 * and still give their tense */
static void test_anchor_gate(void **st)
{
    (void)st;
    assert_string_equal(run("Talks began two centuries ago and resumed last autumn.", 20231129, -1),
                        "D:two centuries=P200Y; last autumn=2022 [2022-FA]");
    assert_string_equal(run("Troops moved at dawn and again this evening, a fortnight after the vote.",
                            20231129, -1), "this evening=2023-11-29 [2023-11-29TEV]");
    assert_string_equal(run("Fighting went on for hours in January and at midnight on Christmas.",
                            20231129, -1), "January=2023-01; Christmas=2022-12-25");
    assert_string_equal(run("Officials met tonight, over the weekend and in the last quarter.", 20231129, -1),
                        "tonight=2023-11-29 [2023-11-29TNI]; the weekend=2023-11-25");
    assert_string_equal(run("He spoke recently, in September, and in 2022 at daybreak.", 20231129, -1),
                        "September=2023-09; 2022=2022");
    assert_string_equal(run("Aid came overnight, at noon and yesterday, said the present government.",
                            20231129, -1),
                        "overnight=2023-11-29 [2023-11-29TNI]; yesterday=2023-11-28");
    /* the tense cues, looked up past the same kind of masks: past, future, intention */
    assert_string_equal(run("The talks were held on Friday.", 20231129, -1), "Friday=2023-11-24");
    assert_string_equal(run("The talks will be held on Friday.", 20231129, -1), "Friday=2023-12-01");
    assert_string_equal(run("They won't meet on Friday.", 20231129, -1), "Friday=2023-12-01");
    assert_string_equal(run("Troops withdrew on Sunday.", 20231129, -1), "Sunday=2023-11-26");
    assert_string_equal(run("Ministers are due to meet on Tuesday.", 20231129, -1), "Tuesday=2023-12-05");
    assert_string_equal(run("Rebels vowed to attack on Saturday.", 20231129, -1), "Saturday=2023-12-02");
    /* durations, written by hand: hours and minutes with T, a count of none (X), multiples */
    assert_string_equal(run("Talks lasted three hours.", 20231129, -1), "D:three hours=PT3H");
    assert_string_equal(run("They waited 45 minutes.", 20231129, -1), "D:45 minutes=PT45M");
    assert_string_equal(run("Fighting went on for days.", 20231129, -1), "D:days=PXD");
    assert_string_equal(run("The war lasted two decades.", 20231129, -1), "D:two decades=P20Y");
    assert_string_equal(run("The truce held for a weekend.", 20231129, -1), "D:a weekend=P2D");
    assert_string_equal(run("It lasted a century.", 20231129, -1), "D:a century=P100Y");
    /* short words that pass the length test but not the letters ("said", "and", "for") */
    assert_string_equal(run("He said and for with from have.", 20231129, -1), "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_anchor_gate),
        cmocka_unit_test(test_classes),
        cmocka_unit_test(test_calendar),
        cmocka_unit_test(test_absolute_dates),
        cmocka_unit_test(test_weekdays),
        cmocka_unit_test(test_relative),
        cmocka_unit_test(test_not_event_dates),
        cmocka_unit_test(test_future_flag),
        cmocka_unit_test(test_format),
    };
    return cmocka_run_group_tests_name("time", tests, NULL, NULL);
}
