/* coded.h - for the unit tests that code sentences through the public API: the events of a
 * text as one string, "SRC>TGT:CODE SRC>TGT:CODE" ("-" for no target), or the error message
 * when the text cannot be coded. The string is static: one call at a time. */
#ifndef HD_TEST_CODED_H
#define HD_TEST_CODED_H
#include <stdio.h>
#include <string.h>
#include "../include/herodot.h"

static int coded_collect(const hd_event *ev, void *ud)
{
    char *got = ud, one[128];
    snprintf(one, sizeof one, "%s%s>%s:%s", got[0] ? " " : "", ev->source.code,
             ev->target.code ? ev->target.code : "-", ev->code);
    strncat(got, one, 4096 - strlen(got) - 1);
    return 0;
}

static const char *coded(hd_coder *c, const char *date, const char *text)
{
    static char got[4096];
    static hd_error e;
    got[0] = 0;
    hd_article a = { "t", date, text, strlen(text), NULL, NULL, NULL };
    return hd_code_article(c, &a, NULL, coded_collect, got, &e) < 0 ? e.msg : got;
}
#endif
