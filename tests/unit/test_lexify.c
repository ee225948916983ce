/* test_lexify.c - the code stage's lexify: a token's analysis is the same whether it comes
 * from the dictionary's table, the thread's memo, the cache of recent words, or is worked
 * out afresh, for words short and long, known and unknown, seen once or again. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "code/code.h"
#include "text/text.h"

static lexicon lx;

static int setup(void **st) { (void)st; hd_error e; return lex_open(&lx, NULL, &e); }
static int teardown(void **st) { (void)st; lex_close(&lx); return 0; }

static int same_lex(const token *a, const token *b)
{
    return a->fold_id == b->fold_id && a->nlem_id == b->nlem_id && a->vlem_id == b->vlem_id &&
           a->cls == b->cls && a->pos_hint == b->pos_hint && a->form == b->form && a->wh == b->wh &&
           a->idm == b->idm;
}

static void test_memo_and_cache_agree(void **st)
{
    (void)st;
    dict d; dict_init(&d, &lx);
    dict_diag dg = { NULL, NULL, 0 };
    char path[128];
    snprintf(path, sizeof path, "/tmp/herodot-test-%d-lexify.txt", (int)getpid());
    FILE *f = fopen(path, "w");
    fputs("--- ATTACK [190] ---\nATTACK\nSHELL\n- * + WITH &WEAPON [193]\n&WEAPON\n+ROCKET\n", f);
    fclose(f);
    dict_load_verbs(&d, path, &dg);
    dict_finish(&d);
    unlink(path);
    static const char text[] =
        "Troops attacked the town, shelling it with rockets; the internationalization of "
        "counterinsurgencies attacked nobody, and troops attacked again with rockets. "
        /* words of every length up to the cache's 16 bytes and past it, sharing their first
           bytes (the cache's key is two overlapping loads for most lengths) */
        "I in inn inns inter interns internal internals internally internation "
        "international internationals internationally internationalism internationalise "
        "internationalised internationalises interns inter inns in I.";
    arena a; arena_init(&a, 4096);
    token *fresh, *memoed;
    int n = text_tokenize(&a, text, 0, sizeof text - 1, 0, &fresh);
    assert_int_equal(text_tokenize(&a, text, 0, sizeof text - 1, 0, &memoed), n);
    unsigned any = code_lexify(&d, NULL, fresh, n);   /* no memo: every word worked out */
    /* its answer is the OR of the tokens' index bits, whichever way they were found */
    unsigned or_wh = 0;
    for (int i = 0; i < n; i++) or_wh |= fresh[i].wh;
    assert_int_equal(any, or_wh);
    assert_true(WH_ANY_ID(any, WH_VERB));
    lex_memo m; lex_memo_init(&m);
    for (int round = 0; round < 3; round++) {        /* cold, then from the memo and cache */
        assert_int_equal(code_lexify(&d, &m, memoed, n), any);
        for (int i = 0; i < n; i++) assert_true(same_lex(&fresh[i], &memoed[i]));
    }
    /* the dictionary's own word, an unknown one, and one too long for the cache */
    int attacked = -1, long_word = -1, town = -1, shelling = -1;
    for (int i = 0; i < n; i++) {
        if (!strcmp(fresh[i].fold, "attacked")) attacked = i;
        if (!strcmp(fresh[i].fold, "counterinsurgencies")) long_word = i;
        if (!strcmp(fresh[i].fold, "town")) town = i;
        if (!strcmp(fresh[i].fold, "shelling")) shelling = i;
    }
    assert_true(attacked >= 0 && long_word >= 0 && town >= 0 && shelling >= 0);
    assert_int_equal(fresh[attacked].vlem_id, dict_word_id(&d, "attack", 6));
    assert_int_equal(fresh[attacked].form, FORM_ED);
    /* the index bits: "attacked" heads no entry itself, its verb lemma does (high nibble);
       "town" begins nothing */
    assert_false(WH_FOLD_NLEM(fresh[attacked].wh, WH_VERB));
    assert_true(WH_ANY_ID(fresh[attacked].wh, WH_VERB));
    assert_true(WH_ANY_ID(fresh[shelling].wh, WH_VERB));
    assert_int_equal(fresh[town].wh, 0);
    /* the distinct-id bits, in both orders: "attacked" has its verb lemma only */
    for (int i = 0; i < n; i++) {
        const token *k = &fresh[i];
        assert_int_equal(IDM_FNV(k->idm), dict_new_ids(k->fold_id, k->nlem_id, k->vlem_id));
        assert_int_equal(IDM_VNF(k->idm), dict_new_ids(k->vlem_id, k->nlem_id, k->fold_id));
    }
    assert_true(IDM_VNF(fresh[attacked].idm) & 1);
    assert_true(fresh[long_word].fold_len > 16);
    lex_memo_free(&m);
    arena_free(&a);
    dict_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = { cmocka_unit_test(test_memo_and_cache_agree) };
    return cmocka_run_group_tests(tests, setup, teardown);
}
