/* test_dict.c - dictionary loading: phrases, dated codes, agents, verbs and patterns, and
 * bad lines reported with file:line while the rest loads. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "dict/dict.h"

static lexicon lx;
static char errs[16][600]; static int nerr;

static void on_diag(const hd_error *e, void *ud)
{
    (void)ud;
    if (nerr < 16) snprintf(errs[nerr], sizeof errs[0], "%s:%ld: %s", e->file, e->line, e->msg);
    nerr++;
}

static int setup(void **st) { (void)st; hd_error e; return lex_open(&lx, NULL, &e); }
static int teardown(void **st) { (void)st; lex_close(&lx); return 0; }

static const char *write_tmp(const char *name, const char *body)
{
    static char path[256];
    snprintf(path, sizeof path, "/tmp/herodot-test-%d-%s", (int)getpid(), name);
    FILE *f = fopen(path, "w");
    fputs(body, f);
    fclose(f);
    return path;
}

static void test_actor_dates(void **st)
{
    (void)st;
    dict d; dict_init(&d, &lx);
    dict_diag dg = { on_diag, NULL, 0 };
    nerr = 0;
    const char *p = write_tmp("a.txt",
        "# people\n"
        "ALEKSANDAR_VUCIC\n+VUCIC\n\t[SRBGOV 20120731-20170530]\n\t[SRBGOV >20170531]\n\t[SRB]\n"
        "JENS_STOLTENBERG [IGOWSTNAT 141001-240930] [NOR]\n"
        "BROKEN [SRB <20x]\n"
        "KOSOVO [KSV]\n+KOSOVAR\n");
    dict_load_actors(&d, p, &dg);
    assert_int_equal(d.st.actor_entries, 4);
    assert_int_equal(nerr, 1);
    assert_non_null(strstr(errs[0], ":8: malformed actor code"));
    uint32_t id = dict_word_id(&d, "stoltenberg", 11);
    assert_true(id > 0);
    const phrase *ph = d.by_word[dict_word_id(&d, "jens", 4)].v[0];
    assert_string_equal(dict_actor_code(ph->entry, 20200101), "IGOWSTNAT");
    assert_string_equal(dict_actor_code(ph->entry, 20241001), "NOR");
    ph = d.by_word[dict_word_id(&d, "vucic", 5)].v[0];
    assert_string_equal(dict_actor_code(ph->entry, 20100101), "SRB");
    assert_string_equal(dict_actor_code(ph->entry, 20170531), "SRBGOV");
    unlink(p);
    dict_free(&d);
}

static void test_verbs_and_patterns(void **st)
{
    (void)st;
    dict d; dict_init(&d, &lx);
    dict_diag dg = { on_diag, NULL, 0 };
    nerr = 0;
    const char *p = write_tmp("v.txt",
        "&WEAPON\n+GUN\n+ROCKET_LAUNCHER\n\n"
        "--- ATTACK [190] ---\nATTACK\nAMBUSH [181]\n+CARRY_OUT [---]\n"
        "- * + WITH &WEAPON [193]\n- $ * + [190]\n- NOT * + [---]\n- * ON + [190:190]\n"
        "- * + WITH &NOSUCHSET [193]\n- + [190]\n- * + \n");
    dict_load_verbs(&d, p, &dg);
    dict_finish(&d);
    assert_int_equal(d.st.patterns, 4);
    assert_int_equal(nerr, 3);
    assert_non_null(strstr(errs[0], ":13: bad pattern (unknown synonym set)"));
    assert_non_null(strstr(errs[1], ":14: bad pattern (no '*' in pattern)"));
    assert_non_null(strstr(errs[2], ":15: pattern needs a [code]"));
    assert_int_equal(d.nblocks, 1);
    const verb_block *b = d.blocks[0];
    /* most specific first */
    assert_int_equal(b->pat[0]->nlit, 2);
    assert_string_equal(b->pat[0]->code, "193");
    const pattern *paired = NULL, *neg = NULL;
    for (int i = 0; i < b->npat; i++) {
        if (b->pat[i]->code2) paired = b->pat[i];
        if (b->pat[i]->has_neg) neg = b->pat[i];
    }
    assert_non_null(paired);
    assert_string_equal(paired->code2, "190");
    assert_non_null(neg);
    assert_true(neg->null_code);
    /* side ids: "- $ * +" and "- NOT * +" share their upper side, not their lower; a side
       with no elements has none; "ON +" is another upper side */
    const pattern *src_tgt = NULL;
    for (int i = 0; i < b->npat; i++)
        if (b->pat[i]->nlower == 1 && b->pat[i]->lower[0].kind == PE_SRC) src_tgt = b->pat[i];
    assert_non_null(src_tgt);
    assert_int_not_equal(src_tgt->side_id[SIDE_UPPER], 0);
    assert_int_equal(src_tgt->side_id[SIDE_UPPER], neg->side_id[SIDE_UPPER]);
    assert_int_not_equal(src_tgt->side_id[SIDE_LOWER], neg->side_id[SIDE_LOWER]);
    assert_int_not_equal(paired->side_id[SIDE_UPPER], neg->side_id[SIDE_UPPER]);
    assert_int_equal(b->pat[0]->side_id[SIDE_LOWER], 0);
    assert_true(d.nsides >= 4 && d.nsides <= 6);
    /* the signature holds the bits of the words and sets a pattern cannot match without */
    const pattern *with = b->pat[0];
    const uint64_t *sig = b->sig;   /* pat[0]'s */
    unsigned wbit = sig_word_bit(dict_word_id(&d, "with", 4)), sbit = sig_syn_bit(with->upper[2].syn->id);
    assert_true(sig[wbit >> 6] & (1ull << (wbit & 63)));
    assert_true(sig[sbit >> 6] & (1ull << (sbit & 63)));
    assert_int_equal(with->shape, PS_NOT_NEG);
    int bits = 0;
    for (int k = 0; k < SIG_WORDS; k++) bits += __builtin_popcountll(sig[k]);
    assert_true(bits >= 1 && bits <= 2);
    /* &WEAPON's members are one and two words long: leftwards matching tries each length once */
    assert_int_equal(with->upper[2].syn->nlens, 2);
    assert_int_equal(with->upper[2].syn->lens[0], 1);
    assert_int_equal(with->upper[2].syn->lens[1], 2);
    /* which indexes a word has entries in, one byte a word */
    assert_true(dict_word_has(&d, dict_word_id(&d, "attack", 6), WH_VERB));
    assert_true(dict_word_has(&d, dict_word_id(&d, "gun", 3), WH_SYN));
    assert_false(dict_word_has(&d, dict_word_id(&d, "with", 4), WH_VERB | WH_SYN | WH_PHRASE));
    /* the multi-word verb is indexed by its head word */
    uint32_t carry = dict_word_id(&d, "carry", 5);
    assert_true(carry > 0);
    assert_int_equal(d.verbs_by_word[carry].n, 1);
    assert_int_equal(d.verbs_by_word[carry].v[0]->nw, 2);
    unlink(p);
    dict_free(&d);
}

static void test_agents_substitution(void **st)
{
    (void)st;
    dict d; dict_init(&d, &lx);
    dict_diag dg = { on_diag, NULL, 0 };
    nerr = 0;
    const char *p = write_tmp("ag.txt",
        "!PERSON! = MAN, WOMAN\nCONGRESS!PERSON! [~LEG]\nPOLICE {} [~COP]\nHUMAN_RIGHTS_GROUP [NGO~]\n"
        "NOCODE\n");
    dict_load_agents(&d, p, &dg);
    assert_int_equal(d.st.agent_phrases, 4);
    assert_int_equal(nerr, 1);
    uint32_t w = dict_word_id(&d, "congresswoman", 13);
    assert_true(w > 0);
    assert_string_equal(d.by_word[w].v[0]->agent, "LEG");
    w = dict_word_id(&d, "human", 5);
    assert_true(d.by_word[w].v[0]->agent_prefix);
    unlink(p);
    dict_free(&d);
}

static void test_project_data_loads_clean(void **st)
{
    (void)st;
    dict d; dict_init(&d, &lx);
    dict_diag dg = { on_diag, NULL, 0 };
    nerr = 0;
    hd_error e;
    assert_int_equal(dict_load_dir(&d, "tests/dict", &dg, &e), 0);
    assert_int_equal(nerr, 0);
    assert_true(d.st.patterns > 0);
    assert_int_equal(strlen(d.hash), 16);
    assert_int_equal(dict_load_dir(&d, "tests/no-such-dir", &dg, &e), -1);
    assert_non_null(strstr(e.msg, "not found"));
    dict_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_actor_dates),
        cmocka_unit_test(test_verbs_and_patterns),
        cmocka_unit_test(test_agents_substitution),
        cmocka_unit_test(test_project_data_loads_clean),
    };
    return cmocka_run_group_tests_name("dict", tests, setup, teardown);
}
