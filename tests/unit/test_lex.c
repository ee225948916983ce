/* test_lex.c - WordNet lemmas and closed-class words. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include "lex/lex.h"

static lexicon lx;

static int setup(void **st) { (void)st; hd_error e; return lex_open(&lx, NULL, &e); }
static int teardown(void **st) { (void)st; lex_close(&lx); return 0; }

static const char *lem(const char *w, int pos)
{
    static char b[128];
    const char *r = lex_lemma(&lx, w, strlen(w), pos, b, sizeof b);
    return r ? r : "(null)";
}

static void test_wordnet_loaded(void **st)
{
    (void)st;
    if (!lx.loaded) skip();
    assert_true(lx.pos.count > 100000);
}

static void test_verb_lemmas(void **st)
{
    (void)st;
    if (!lx.loaded) skip();
    assert_string_equal(lem("attacked", LEX_CAN_VERB), "attack");
    assert_string_equal(lem("carried", LEX_CAN_VERB), "carry");
    assert_string_equal(lem("went", LEX_CAN_VERB), "go");
    assert_string_equal(lem("stopped", LEX_CAN_VERB), "stop");
    assert_string_equal(lem("held", LEX_CAN_VERB), "hold");
    assert_string_equal(lem("condemns", LEX_CAN_VERB), "condemn");
    assert_string_equal(lem("seizing", LEX_CAN_VERB), "seize");
}

static void test_noun_lemmas(void **st)
{
    (void)st;
    if (!lx.loaded) skip();
    assert_string_equal(lem("troops", LEX_CAN_NOUN), "troop");
    assert_string_equal(lem("gunmen", LEX_CAN_NOUN), "gunman");
    assert_string_equal(lem("serbs", LEX_CAN_NOUN), "serb");
    assert_string_equal(lem("talks", LEX_CAN_NOUN), "talk");
    assert_string_equal(lem("kosovars", LEX_CAN_NOUN), "(null)");   /* unknown to WordNet */
}

static void test_closed_classes(void **st)
{
    (void)st;
    assert_true(lex_closed_sorted());
    assert_int_equal(lex_class("the"), LC_DET);
    assert_int_equal(lex_class("by"), LC_BY);
    assert_int_equal(lex_class("n't"), LC_NEG);
    assert_int_equal(lex_class("which"), LC_REL);
    assert_int_equal(lex_class("will"), LC_MODAL);
    assert_int_equal(lex_class("kosovo"), LC_NONE);
}

static void test_verb_forms(void **st)
{
    (void)st;
    assert_int_equal(lex_verb_form("attacked", "attack"), FORM_ED);
    assert_int_equal(lex_verb_form("attacking", "attack"), FORM_ING);
    assert_int_equal(lex_verb_form("attacks", "attack"), FORM_S);
    assert_int_equal(lex_verb_form("held", "hold"), FORM_EN);
    assert_int_equal(lex_verb_form("attack", "attack"), FORM_BASE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_wordnet_loaded),
        cmocka_unit_test(test_verb_lemmas),
        cmocka_unit_test(test_noun_lemmas),
        cmocka_unit_test(test_closed_classes),
        cmocka_unit_test(test_verb_forms),
    };
    return cmocka_run_group_tests_name("lex", tests, setup, teardown);
}
