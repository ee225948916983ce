/* test_tabari.c - TABARI's coding rules (src/code, RULES_TABARI) through the public API, on a
 * small TABARI project of our own written to a temporary folder: regular verb endings,
 * subordinate codes, comma-clause deletion, the default actor search and passive voice,
 * compounds, pronouns, MINIMUM WORDS, and the .options switches of hd_coder_option. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "../include/herodot.h"
#include "coded.h"

static hd_coder *coder;
static char dir[256];

static const char *code(const char *text) { return coded(coder, "2001-05-01", text); }

static void put(const char *name, const char *text)
{
    char p[512];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    FILE *f = fopen(p, "w");
    if (f) { fputs(text, f); fclose(f); }
}

/* an invented world: Alvora, Brenn, Calder, Dunmark */
static int setup(void **st)
{
    (void)st;
    snprintf(dir, sizeof dir, "/tmp/hd-tabari-XXXXXX");
    if (!mkdtemp(dir)) return -1;
    put("t.project", "Test project\n<actorsfile> t.actors\n<verbsfile> t.verbs\n"
                     "<agentsfile> t.agents\n<optionsfile> t.options\n<textfile> t.text\n");
    put("t.actors", "<NOUN>\nBARLEY\nOATS\n</NOUN>\n<ADJECTIVE>\nGRIM\nSTERN\n</ADJECTIVE>\n"
                    "ALVORA [ALV]\nBRENN [BRN]\nCALDER [CAL]\nDUNMARK [DUN]\n"
                    "EAST_AND_WEST_ISLES [EIS/WIS]\n");
    put("t.agents", "MINISTER_ [~GOV]\nFARMERS_ [~AGR]\n");
    put("t.verbs", "DEPART_ [032]\nDEPLORE_ [122]\nSTAY= [030]\nSAID [023?]\n"
                   "ACCUSE [112]\n- + WAS * BY $ [111]\nPRAISE [041]\nSHUN [191]\n"
                   "MEET [031:031]\n~FINISH\n");
    put("t.options", "COMPLEX: VERBS[5]\n");
    char p[512];
    snprintf(p, sizeof p, "%s/t.project", dir);
    hd_open_options o = { p, NULL, NULL, NULL, "", "" };
    hd_error e;
    coder = hd_coder_open(&o, &e);
    return coder ? 0 : -1;
}

static int teardown(void **st)
{
    (void)st;
    hd_coder_close(coder);
    const char *names[] = { "t.project", "t.actors", "t.agents", "t.verbs", "t.options" };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        char p[512];
        snprintf(p, sizeof p, "%s/%s", dir, names[i]);
        unlink(p);
    }
    rmdir(dir);
    return 0;
}

static void test_regular_endings(void **st)
{
    (void)st;
    /* DEPART_ is exact but takes -S, -ED, -ES, -EN, -ING; DEPLORE_ drops its E */
    assert_string_equal(code("Alvora departs from Brenn after a long week of quarrels."), "ALV>BRN:032");
    assert_string_equal(code("Alvora departed from Brenn after a long week of quarrels."), "ALV>BRN:032");
    assert_string_equal(code("Alvora departes from Brenn after a long week of quarrels."), "ALV>BRN:032");
    assert_string_equal(code("Alvora deplored the conduct of Brenn after a week of quarrels."), "ALV>BRN:122");
    assert_string_equal(code("Alvora departx from Brenn after a long week of quarrels."), "");
    /* STAY= takes no endings */
    assert_string_equal(code("Alvora stays with Brenn after a long week of quarrels today."), "");
}

static void test_subordinate_and_clauses(void **st)
{
    (void)st;
    /* SAID [023?] counts only when nothing else is coded */
    assert_string_equal(code("Alvora said it would accuse Brenn of breaking the old treaty."), "ALV>BRN:112");
    assert_string_equal(code("Alvora said on Monday that Brenn had been quiet all week."), "ALV>BRN:023");
    /* one coded verb per clause; a clause after AND keeps the sentence's source */
    assert_string_equal(code("Alvora praised Brenn on Monday and shunned Calder on Tuesday."),
                        "ALV>BRN:041 ALV>CAL:191");
}

static void test_comma_clause_and_actor_search(void **st)
{
    (void)st;
    /* ", a senior Dunmark official said" (5 words) is deleted before coding */
    assert_string_equal(code("Alvora accused Brenn of theft, a senior Dunmark official said."), "ALV>BRN:112");
    /* the first actor before the verb is the source, even with another one nearer */
    assert_string_equal(code("Alvora with Calder beside it accused Brenn of theft on Monday."), "ALV>BRN:112");
    /* passive: WAS ... BY, and the pattern's + and $ */
    assert_string_equal(code("Brenn was accused by Alvora of theft on Monday in the capital."), "ALV>BRN:111");
}

static void test_compounds_and_pronouns(void **st)
{
    (void)st;
    /* adjectives of the <ADJECTIVE> list join a compound; a coded compound acts per code */
    assert_string_equal(code("Alvora and the grim stern Brenn praised Calder on Monday morning."),
                        "ALV>CAL:041 BRN>CAL:041");
    assert_string_equal(code("The East and West Isles praised Calder on Monday morning again."),
                        "EIS>CAL:041 WIS>CAL:041");
    /* a paired code between a compound and an actor, pair by pair */
    assert_string_equal(code("Alvora and Brenn will meet Calder in the hills on Monday."),
                        "ALV>CAL:031 CAL>ALV:031 BRN>CAL:031 CAL>BRN:031");
    /* HE, SHE, IT: the sentence's first actor */
    assert_string_equal(code("Alvora denied the charge and then it shunned Brenn for a week."), "ALV>BRN:191");
    /* an AND between nouns of the <NOUN> list splits no clause */
    assert_string_equal(code("Alvora barley and oats shunned Brenn for the whole long winter."), "ALV>BRN:191");
}

static void test_minimum_words_and_options(void **st)
{
    (void)st;
    assert_string_equal(code("Alvora shunned Brenn."), "");             /* fewer than 8 words */
    assert_int_equal(hd_coder_option(coder, "SET: MINIMUM WORDS = 3"), 0);
    assert_string_equal(code("Alvora shunned Brenn."), "ALV>BRN:191");
    assert_int_equal(hd_coder_option(coder, "SET: MINIMUM WORDS = 8"), 0);
    /* DEFAULT: SOURCE [X] PRIOR: no actor before the verb, the default source */
    assert_string_equal(code("Reports say the farmers shunned Brenn for the whole winter."), "");
    assert_int_equal(hd_coder_option(coder, "DEFAULT: SOURCE [ANYSRC] PRIOR"), 0);
    assert_string_equal(code("Reports say the farmers shunned Brenn for the whole winter."), "ANYSRC>BRN:191");
    assert_int_equal(hd_coder_option(coder, "DEFAULT: OFF"), 0);
    /* SET: CONVERT AGENT makes a lone agent an actor */
    assert_int_equal(hd_coder_option(coder, "SET: CONVERT AGENT = TRUE"), 0);
    assert_string_equal(code("Alvora shunned the farmers for the whole long winter."), "ALV>~AGR:191");
    assert_int_equal(hd_coder_option(coder, "SET: CONVERT AGENT = FALSE"), 0);
    /* CODE ALL keeps every coded verb of the clause */
    assert_int_equal(hd_coder_option(coder, "SET: CODE ALL"), 0);
    assert_string_equal(code("Alvora praised Brenn on Monday before it shunned Calder."),
                        "ALV>BRN:041 ALV>CAL:191");
    assert_int_equal(hd_coder_option(coder, "SET: CODE BY CLAUSE"), 0);
    assert_string_equal(code("Alvora praised Brenn on Monday before it shunned Calder."), "ALV>BRN:041");
    /* COMMA: OFF keeps the comma clause */
    assert_int_equal(hd_coder_option(coder, "COMMA: OFF"), 0);
    assert_int_equal(hd_coder_option(coder, "COMMA: MIN = 2 MAX = 10 EMIN = 2 EMAX = 10"), 0);
    /* what the engine has no switch for, and what it cannot read */
    assert_int_equal(hd_coder_option(coder, "SET: NOTHING LIKE THIS"), 1);
    assert_int_equal(hd_coder_option(coder, "LABEL: 010=YIELD"), 1);
    assert_int_equal(hd_coder_option(coder, "COMMA: SOMETIMES"), -1);
    assert_int_equal(hd_coder_option(coder, "SET: MINIMUM WORDS = many"), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_regular_endings),
        cmocka_unit_test(test_subordinate_and_clauses),
        cmocka_unit_test(test_comma_clause_and_actor_search),
        cmocka_unit_test(test_compounds_and_pronouns),
        cmocka_unit_test(test_minimum_words_and_options),
    };
    return cmocka_run_group_tests_name("tabari", tests, setup, teardown);
}
