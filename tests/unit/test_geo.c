/* test_geo.c - the geo stage on a small hand-made gazetteer (tests/geo/gazetteer-mini.tsv):
 * loading, spans and offsets, disambiguation by the article's countries, containment
 * ("Springfield, Illinois"), and the doubts (persons, demonyms, common words, acronyms). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "geo/geo.h"

#define MINI "tests/geo/gazetteer-mini.tsv"

static geo_gazetteer *G;

static int setup(void **st)
{
    (void)st;
    hd_error err;
    G = geo_open(MINI, &err);
    if (!G) fprintf(stderr, "%s: %s\n", err.file, err.msg);
    return G ? 0 : -1;
}

static int teardown(void **st)
{
    (void)st;
    geo_close(G);
    return 0;
}

typedef struct found { int n; geo_mention *m; const token *t; } found;

/* the mentions of the first sentence of text */
static found find(arena *a, const char *text, const char *const *ctx, int nctx)
{
    doc_text d;
    text_split(a, text, strlen(text), &d);
    found f = { 0, NULL, NULL };
    if (d.nsent < 1) return f;
    f.t = d.sent[0].tok;
    f.n = geo_find(G, a, d.sent[0].tok, d.sent[0].ntok, text, ctx, nctx, &f.m);
    return f;
}

static void test_open_and_stats(void **st)
{
    (void)st;
    geo_stats s;
    geo_get_stats(G, &s);
    assert_int_equal(s.places, 22);
    assert_int_equal(s.names, 26);
    assert_true(s.candidates >= 25);
}

static void test_open_errors(void **st)
{
    (void)st;
    hd_error err;
    assert_null(geo_open("tests/geo/no-such-file.tsv", &err));
    assert_true(strstr(err.msg, "cannot open") != NULL);
    char path[] = "/tmp/herodot-test-geo-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs("#herodot-gazetteer 1\n#places 2\nKosovo\tKSV\t\t42.5\t21\t0\tPCLI\t0\nbroken line\n", f);
    fclose(f);
    assert_null(geo_open(path, &err));
    assert_int_equal(err.line, 4);
    remove(path);
}

static void test_village_in_context(void **st)
{
    (void)st;
    arena a; arena_init(&a, 1 << 16);
    const char *text = "Gunmen attacked police near the northern village of Banjska on Sunday.";
    const char *ctx[] = { "KSV" };
    found f = find(&a, text, ctx, 1);
    assert_int_equal(f.n, 1);
    assert_string_equal(f.m[0].place.name, "Banjska");
    assert_string_equal(f.m[0].place.country, "KSV");
    assert_string_equal(f.m[0].place.precision, "city");
    assert_int_equal(f.t[f.m[0].t0].c0, 52);
    assert_int_equal(f.t[f.m[0].t1 - 1].c1, 59);
    assert_true(f.m[0].score > 0.5 && f.m[0].score < 1.0);
    /* "police" is lower case here: not Police, Poland */
    /* without the article's context the Bulgarian namesake (more people) wins, even under an
     * alternate name */
    f = find(&a, text, NULL, 0);
    assert_int_equal(f.n, 1);
    assert_string_equal(f.m[0].place.country, "BGR");
    arena_free(&a);
}

static void test_folded_names_and_countries(void **st)
{
    (void)st;
    arena a; arena_init(&a, 1 << 16);
    found f = find(&a, "A rally was held outside the town hall in Zve\xc3\xa7" "an, in the north of Kosovo.", NULL, 0);
    assert_int_equal(f.n, 2);
    assert_string_equal(f.m[0].place.name, "Zve\xc4\x8d" "an");
    assert_string_equal(f.m[0].place.country, "KSV");
    assert_string_equal(f.m[0].place.admin1, "XK.30");
    assert_int_equal(f.m[0].place.geonames_id, 783770);
    assert_string_equal(f.m[1].place.name, "Kosovo");
    assert_string_equal(f.m[1].place.precision, "country");
    f = find(&a, "Israeli strikes hit Khan Yunis overnight.", NULL, 0);
    assert_int_equal(f.n, 1);
    assert_string_equal(f.m[0].place.name, "Khan Younis");
    arena_free(&a);
}

static void test_containment_and_lists(void **st)
{
    (void)st;
    arena a; arena_init(&a, 1 << 16);
    /* alone, the state capital (Illinois) wins; ", Massachusetts" picks the other */
    found f = find(&a, "The rally took place in Springfield, Massachusetts on Monday.", NULL, 0);
    assert_int_equal(f.n, 2);
    assert_string_equal(f.m[0].place.admin1, "US.MA");
    assert_string_equal(f.m[1].place.precision, "admin1");
    f = find(&a, "The rally took place in Springfield on Monday.", NULL, 0);
    assert_int_equal(f.n, 1);
    assert_string_equal(f.m[0].place.admin1, "US.IL");
    /* a list of US states makes Georgia a state; alone it is the country */
    f = find(&a, "Cases were reported in Illinois, Georgia and Massachusetts.", NULL, 0);
    assert_int_equal(f.n, 3);
    assert_string_equal(f.m[1].place.country, "USA");
    f = find(&a, "Russian troops entered Georgia in 2008.", NULL, 0);
    assert_int_equal(f.n, 1);
    assert_string_equal(f.m[0].place.country, "GEO");
    const char *ctx[] = { "USA", "USA", "USA", "USA" };
    f = find(&a, "Storms hit Georgia again.", ctx, 4);
    assert_int_equal(f.n, 1);
    assert_string_equal(f.m[0].place.country, "USA");
    arena_free(&a);
}

static void test_acronyms(void **st)
{
    (void)st;
    arena a; arena_init(&a, 1 << 16);
    found f = find(&a, "The U.S. and the UK sent envoys to Pristina.", NULL, 0);
    assert_int_equal(f.n, 3);
    assert_string_equal(f.m[0].place.country, "USA");
    assert_string_equal(f.m[1].place.country, "GBR");
    assert_string_equal(f.m[2].place.name, "Pristina");
    f = find(&a, "Let us go there, he told us.", NULL, 0);
    assert_int_equal(f.n, 0);
    f = find(&a, "It cost US$10 million.", NULL, 0);
    assert_int_equal(f.n, 0);
    arena_free(&a);
}

static void test_doubts(void **st)
{
    (void)st;
    arena a; arena_init(&a, 1 << 16);
    found f = find(&a, "President Obama said the talks would go on.", NULL, 0);
    assert_int_equal(f.n, 0);
    f = find(&a, "Prices of Canadian beef fell.", NULL, 0);
    assert_int_equal(f.n, 0);
    f = find(&a, "Police arrested two men.", NULL, 0);
    assert_int_equal(f.n, 0);
    /* inside a longer name: not a place; at the head of one: a (weaker) place */
    f = find(&a, "He spoke to the Voice of Britain radio.", NULL, 0);
    assert_int_equal(f.n, 0);
    f = find(&a, "The Los Angeles Times reported it.", NULL, 0);
    assert_int_equal(f.n, 0);
    f = find(&a, "Fires burned near Los Angeles.", NULL, 0);
    assert_int_equal(f.n, 1);
    f = find(&a, "The United Kingdom Border Agency said so.", NULL, 0);
    assert_int_equal(f.n, 1);
    assert_true(f.m[0].score < 0.999);
    const char *ctx[] = { "GBR" };
    f = find(&a, "He was born in Reading.", ctx, 1);
    assert_int_equal(f.n, 1);
    assert_string_equal(f.m[0].place.name, "Reading");
    arena_free(&a);
}

static void test_person_keys(void **st)
{
    (void)st;
    arena a; arena_init(&a, 1 << 16);
    const char *text = "His lawyer, Paul Kemp, spoke to reporters.";
    doc_text d;
    text_split(&a, text, strlen(text), &d);
    const char **people;
    int np = geo_person_keys(G, &a, d.sent[0].tok, d.sent[0].ntok, text, &people);
    assert_int_equal(np, 1);
    assert_string_equal(people[0], "~kemp");
    const char *ctx[] = { "USA", people[0] };
    found f = find(&a, "According to Kemp, the client was innocent.", ctx, 1);
    assert_int_equal(f.n, 1);   /* without the person entry: Kemp, Texas */
    f = find(&a, "According to Kemp, the client was innocent.", ctx, 2);
    assert_int_equal(f.n, 0);
    arena_free(&a);
}

static void test_dateline_alone(void **st)
{
    (void)st;
    arena a; arena_init(&a, 1 << 16);
    const char *text = "PRISTINA";
    token *t;
    int n = text_tokenize(&a, text, 0, 8, 0, &t);
    geo_mention *m;
    int nm = geo_find(G, &a, t, n, text, NULL, 0, &m);
    assert_int_equal(nm, 1);
    assert_string_equal(m[0].place.name, "Pristina");
    assert_true(m[0].score > 0.9);
    arena_free(&a);
}

static void test_word_lists_sorted(void **st)
{
    (void)st;
    assert_true(geo_lists_sorted());
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_word_lists_sorted),
        cmocka_unit_test(test_open_and_stats),
        cmocka_unit_test(test_open_errors),
        cmocka_unit_test(test_village_in_context),
        cmocka_unit_test(test_folded_names_and_countries),
        cmocka_unit_test(test_containment_and_lists),
        cmocka_unit_test(test_acronyms),
        cmocka_unit_test(test_doubts),
        cmocka_unit_test(test_person_keys),
        cmocka_unit_test(test_dateline_alone),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
