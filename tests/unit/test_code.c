/* test_code.c - the coding stage through the public API, on the small test dictionaries in
 * tests/dict: actors and agents, appositives, surname memory, compounds, passive, negation,
 * patterns, paired codes, one event per (source, target, code), bad articles. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>
#include "../include/herodot.h"
#include "coded.h"
#include "code/code.h"

static hd_coder *coder;

static const char *code(const char *text) { return coded(coder, "2023-11-29", text); }

static int setup(void **st)
{
    (void)st;
    hd_open_options o = { "tests/dict", NULL, NULL, NULL, "", NULL };
    hd_error e;
    coder = hd_coder_open(&o, &e);
    return coder ? 0 : -1;
}

static int teardown(void **st) { (void)st; hd_coder_close(coder); return 0; }

static void test_word_lists_sorted(void **st)
{
    (void)st;
    assert_true(code_word_lists_sorted());   /* searched by bsearch */
}

static void test_simple_verb_and_agent(void **st)
{
    (void)st;
    assert_string_equal(code("Serbian troops ambushed the Kosovo police on Sunday."), "SRBMIL>KSVCOP:181");
}

static void test_pattern_beats_default(void **st)
{
    (void)st;
    assert_string_equal(code("Serbian troops attacked Kosovo police with rifles."), "SRBMIL>KSVCOP:193");
}

static void test_large_synonym_set(void **st)
{
    (void)st;
    /* &ARMS has nine members: found by the first word's form or lemma, two words long too */
    assert_string_equal(code("Serbian troops attacked Kosovo police using drones."), "SRBMIL>KSVCOP:193");
    assert_string_equal(code("Serbian troops attacked Kosovo police using rocket launchers."), "SRBMIL>KSVCOP:193");
    assert_string_equal(code("Serbian troops attacked Kosovo police using artillery shells."), "SRBMIL>KSVCOP:193");
    assert_string_equal(code("Serbian troops attacked Kosovo police using stones."), "SRBMIL>KSVCOP:190");
}

static void test_many_patterns(void **st)
{
    (void)st;
    /* WARN has 42 patterns: the block's index finds the one that matches */
    assert_string_equal(code("Serbia warned Kosovo over hailstones on Monday."), "SRB>KSV:112");
    assert_string_equal(code("Serbia warned Kosovo over stormdg on Monday."), "SRB>KSV:111");
    assert_string_equal(code("Serbia warned Kosovo over stormaa on Monday."), "SRB>KSV:111");
    assert_string_equal(code("Serbia warned Kosovo about the harvest on Monday."), "SRB>KSV:026");
    assert_string_equal(code("Serbia warned Kosovo over the weather on Monday."), "SRB>KSV:020");
}

static void test_long_phrase_list(void **st)
{
    (void)st;
    /* nine phrases begin with GRAND: found by the word after it, its lemma, or not at all */
    assert_string_equal(code("The Grand Alliance Council condemned Serbia on Monday."), "IGOGAC>SRB:111");
    assert_string_equal(code("The Grand Alliance condemned Serbia on Monday."), "IGOGAL>SRB:111");
    assert_string_equal(code("The Grand Island condemned Serbia on Monday."), "GIS>SRB:111");
    assert_string_equal(code("The Grand Coalition condemned Serbia on Monday."), "GCO>SRB:111");
    assert_string_equal(code("The Grand Canal condemned Serbia on Monday."), "");
}

static void test_noun_trigger_needs_pattern(void **st)
{
    (void)st;
    assert_string_equal(code("An armed group of Serbs carried out an attack on the Kosovo police."),
                        "SRBREB>KSVCOP:190");
    assert_string_equal(code("The attack shocked Kosovo."), "");
}

static void test_passive_with_by_and_compound(void **st)
{
    (void)st;
    assert_string_equal(code("Kosovo police were attacked by the United States and the European Union."),
                        "USA>KSVCOP:190 IGOEUREEC>KSVCOP:190");
}

static void test_negation_drops_or_recodes(void **st)
{
    (void)st;
    assert_string_equal(code("Serbian troops did not attack Kosovo."), "");
    assert_string_equal(code("Serbia would not release the Kosovo police officers."), "SRB>KSVCOP:1243");
    assert_string_equal(code("Serbia released the Kosovo police officers."), "SRB>KSVCOP:084");
}

static void test_appositive_and_surname_memory(void **st)
{
    (void)st;
    assert_string_equal(code("Dragan Petrovic, a former president of the Serbian List, blamed Pristina. "
                             "Belgrade condemned Petrovic."),
                        "SRBPTY>KSVGOV:112 SRBGOV>SRBPTY:111");
}

static void test_months_and_days_are_no_names(void **st)
{
    (void)st;
    /* a capitalized word no dictionary knows is a name, and a place inside a longer name is
       no government ("Blursday Belgrade"); months, weekdays and titles are not names (one
       word from each first letter's list in mention.c) */
    assert_string_equal(code("On Blursday Belgrade condemned Pristina."), "");
    const char *words[] = { "August", "Dec", "Friday", "July", "Monday", "Nov", "October", "Sept",
                            "Thursday", "Wednesday" };
    for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
        char s[96];
        snprintf(s, sizeof s, "On %s Belgrade condemned Pristina.", words[i]);
        assert_string_equal(code(s), "SRBGOV>KSVGOV:111");
    }
}

static void test_capital_us_is_the_country(void **st)
{
    (void)st;
    /* "US" in capitals may begin a phrase by its dotted form (U.S.); "us" is the pronoun */
    assert_string_equal(code("The US condemned Serbia."), "USA>SRB:111");
    assert_string_equal(code("The U.S. condemned Serbia."), "USA>SRB:111");
    assert_string_equal(code("Serbia condemned us."), "");
}

static void test_dated_person_code(void **st)
{
    (void)st;
    assert_string_equal(code("Jens Stoltenberg condemned Serbia."), "IGOWSTNAT>SRB:111");
    assert_string_equal(coded(coder, "2025-01-01", "Jens Stoltenberg condemned Serbia."), "NOR>SRB:111");
}

static void test_authorities_in_compound(void **st)
{
    (void)st;
    assert_string_equal(code("Authorities in Kosovo and Serbia blamed NATO."),
                        "KSVGOV>IGOWSTNAT:112 SRBGOV>IGOWSTNAT:112");
}

static void test_phrasal_verb_pattern(void **st)
{
    (void)st;
    assert_string_equal(code("The European Union called on Kosovo to return to talks."), "IGOEUREEC>KSV:026");
}

static void test_anaphor_from_memory(void **st)
{
    (void)st;
    assert_string_equal(code("NATO met in Brussels. The alliance condemned Serbia."), "IGOWSTNAT>SRB:111");
}

static void test_no_actor_no_event(void **st)
{
    (void)st;
    assert_string_equal(code("The storm attacked the coast and condemned nobody."), "");
}

static void test_one_event_per_dyad_and_code(void **st)
{
    (void)st;
    assert_string_equal(code("Serbia condemned Kosovo and condemned Kosovo again."), "SRB>KSV:111");
}

static void test_bad_articles(void **st)
{
    (void)st;
    hd_error e;
    char got[4096] = "";
    hd_article a = { "x", "2023-13-01", "Serbia condemned Kosovo.", 24, NULL, NULL, NULL };
    assert_int_equal(hd_code_article(coder, &a, NULL, coded_collect, got, &e), -1);
    assert_non_null(strstr(e.msg, "date"));
    hd_article b = { "x", "2023-11-01", "Serbia \xff condemned.", 19, NULL, NULL, NULL };
    assert_int_equal(hd_code_article(coder, &b, NULL, coded_collect, got, &e), -1);
    assert_non_null(strstr(e.msg, "UTF-8"));
    hd_article c = { "", "2023-11-01", "x", 1, NULL, NULL, NULL };
    assert_int_equal(hd_code_article(coder, &c, NULL, coded_collect, got, &e), -1);
}

static void test_spans_in_code_points(void **st)
{
    (void)st;
    static hd_event last;
    static char src_text[64];
    int keep(const hd_event *ev, void *ud);
    const char *t = "Zve\xc3\xa7" "an: Serbia condemned Kosovo.";
    hd_article a = { "s", "2023-11-29", t, strlen(t), NULL, NULL, NULL };
    hd_error e;
    last.code = NULL;
    struct { hd_event *ev; char *txt; } ctx = { &last, src_text };
    int n = hd_code_article(coder, &a, NULL, keep, &ctx, &e);
    assert_int_equal(n, 1);
    assert_int_equal(last.span.start, 0);
    assert_int_equal(last.span.end, 32);
    assert_int_equal(last.source.span.start, 8);
    assert_string_equal(src_text, "Serbia");
}

int keep(const hd_event *ev, void *ud)
{
    struct { hd_event *ev; char *txt; } *ctx = ud;
    *ctx->ev = *ev;
    snprintf(ctx->txt, 64, "%s", ev->source.text);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_word_lists_sorted),
        cmocka_unit_test(test_simple_verb_and_agent),
        cmocka_unit_test(test_pattern_beats_default),
        cmocka_unit_test(test_many_patterns),
        cmocka_unit_test(test_large_synonym_set),
        cmocka_unit_test(test_long_phrase_list),
        cmocka_unit_test(test_noun_trigger_needs_pattern),
        cmocka_unit_test(test_passive_with_by_and_compound),
        cmocka_unit_test(test_negation_drops_or_recodes),
        cmocka_unit_test(test_appositive_and_surname_memory),
        cmocka_unit_test(test_months_and_days_are_no_names),
        cmocka_unit_test(test_capital_us_is_the_country),
        cmocka_unit_test(test_dated_person_code),
        cmocka_unit_test(test_authorities_in_compound),
        cmocka_unit_test(test_phrasal_verb_pattern),
        cmocka_unit_test(test_anaphor_from_memory),
        cmocka_unit_test(test_no_actor_no_event),
        cmocka_unit_test(test_one_event_per_dyad_and_code),
        cmocka_unit_test(test_bad_articles),
        cmocka_unit_test(test_spans_in_code_points),
    };
    return cmocka_run_group_tests_name("code", tests, setup, teardown);
}
