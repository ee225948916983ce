/* test_text.c - sentence splitting, tokens, folding, datelines. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include "text/text.h"

static doc_text split(arena *a, const char *s)
{
    doc_text d;
    text_split(a, s, strlen(s), &d);
    return d;
}

static void test_fold_accents_and_case(void **st)
{
    (void)st;
    arena a; arena_init(&a, 4096);
    uint32_t n;
    assert_string_equal(text_fold(&a, "Zve\xc3\xa7" "an", 7, &n), "zvecan");
    assert_string_equal(text_fold(&a, "ZVECAN", 6, &n), "zvecan");
    assert_string_equal(text_fold(&a, "Radoi\xc4\x8di\xc4\x87", 11, &n), "radoicic");
    assert_string_equal(text_fold(&a, "\xc5\x81\xc3\xb3" "d\xc5\xba", 7, &n), "lodz");
    assert_string_equal(text_fold(&a, "Stra\xc3\x9f" "e", 7, &n), "strasse");
    arena_free(&a);
}

static void test_abbreviations_do_not_split(void **st)
{
    (void)st;
    arena a; arena_init(&a, 4096);
    doc_text d = split(&a, "U.S. officials met Gen. Smith on Sept. 24 in St. Louis. The talks ended.");
    assert_int_equal(d.nsent, 2);
    assert_int_equal(d.sent[1].c0, 56);
    d = split(&a, "The envoy left for the U.S. The talks ended.");
    assert_int_equal(d.nsent, 2);
    /* only a starter word ends it there: the last of the list, and words that share a
       starter's first letter or its beginning */
    d = split(&a, "He flew to the U.S. Officials met him.");
    assert_int_equal(d.nsent, 2);
    d = split(&a, "The U.S. Army and the U.K. Then forces and the U.N. Theirs left.");
    assert_int_equal(d.nsent, 1);
    d = split(&a, "It was the U.K. Meanwhile the U.N. Their talks ended.");
    assert_int_equal(d.nsent, 3);
    d = split(&a, "John F. Kennedy spoke. \xe2\x80\x9cWe will go,\xe2\x80\x9d he said. It ended.");
    assert_int_equal(d.nsent, 3);
    arena_free(&a);
}

static void test_paragraphs_and_quotes(void **st)
{
    (void)st;
    arena a; arena_init(&a, 4096);
    doc_text d = split(&a, "First line without stop\nSecond one. \"Third,\" he said.\n\nFourth!");
    assert_int_equal(d.nsent, 4);
    assert_int_equal(d.sent[2].b0, 36);
    arena_free(&a);
}

static void test_dateline(void **st)
{
    (void)st;
    arena a; arena_init(&a, 4096);
    doc_text d = split(&a, "PRISTINA, Sept 25 (BWS) - Serb gunmen ambushed a patrol.");
    assert_true(d.dl.present);
    assert_int_equal(d.dl.month, 9);
    assert_int_equal(d.dl.day, 25);
    assert_int_equal(d.nsent, 1);
    assert_string_equal(d.sent[0].tok[0].fold, "serb");
    d = split(&a, "NEW DELHI/ISLAMABAD, April 24 (SNS) - India froze the treaty.");
    assert_true(d.dl.present);
    assert_int_equal(d.dl.place_b1 - d.dl.place_b0, 19);
    d = split(&a, "KUZNICA, Poland, Nov 16 (VNN) - Polish border guards fired water cannon.");
    assert_true(d.dl.present);
    assert_int_equal(d.dl.month, 11);
    assert_string_equal(d.sent[0].tok[0].fold, "polish");
    d = split(&a, "Officials said nothing.");
    assert_false(d.dl.present);
    arena_free(&a);
}

static void test_tokens_possessive_negation_hyphen(void **st)
{
    (void)st;
    arena a; arena_init(&a, 4096);
    token *t;
    const char *s = "NATO\xe2\x80\x99s NATO-led force didn't fire 1,000 shots; U.N. said.";
    int n = text_tokenize(&a, s, 0, (uint32_t)strlen(s), 0, &t);
    const char *want[] = { "nato", "'s", "nato", "led", "force", "did", "n't", "fire", "1,000",
                           "shots", ";", "u.n.", "said", "." };
    assert_int_equal(n, 14);
    for (int i = 0; i < n; i++) assert_string_equal(t[i].fold, want[i]);
    assert_true(t[1].flags & TF_POSS);
    assert_true(t[3].flags & TF_HYPHEN);
    assert_true(t[8].flags & TF_NUM);
    assert_int_equal(t[1].c0, 4);       /* code points, not bytes */
    assert_int_equal(t[1].b0, 4);
    assert_int_equal(t[2].c0, 7);
    assert_int_equal(t[2].b0, 9);
    arena_free(&a);
}

/* the word scan folds and classifies a word's ASCII letters and digits in one pass, and
 * counts capitals only for words without small letters: the flags each way */
static void test_word_flags_and_folds(void **st)
{
    (void)st;
    arena a; arena_init(&a, 4096);
    token *t;
    const char *s = "NATO G7 A 7th AbC ABc UN-led na\xc3\xafve CAF\xc3\x89 X\xc3\x89 1,000 B2B "
                    "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ Q";
    int n = text_tokenize(&a, s, 0, (uint32_t)strlen(s), 0, &t);
    const char *want[] = { "nato", "g7", "a", "7th", "abc", "abc", "un", "led", "naive", "cafe",
                           "xe", "1,000", "b2b",
                           "abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz", "q" };
    enum { C = TF_CAP, AC = TF_CAP | TF_ALLCAP, N = TF_NUM };
    const uint32_t flags[] = { AC, C, C, N, C, C, AC, TF_HYPHEN, 0, AC, C, N, AC, 0, C };
    assert_int_equal(n, 15);
    for (int i = 0; i < n; i++) {
        assert_string_equal(t[i].fold, want[i]);
        assert_int_equal(t[i].fold_len, strlen(want[i]));
        assert_int_equal(t[i].flags & (TF_CAP | TF_ALLCAP | TF_NUM | TF_HYPHEN), flags[i]);
    }
    /* ASCII marks: their fold is themselves, quotes and brackets flagged */
    const char *m = "\"Hi\" (x) [y];";
    n = text_tokenize(&a, m, 0, (uint32_t)strlen(m), 0, &t);
    const char *marks[] = { "\"", "hi", "\"", "(", "x", ")", "[", "y", "]", ";" };
    const uint32_t mflags[] = { TF_PUNCT | TF_QUOTE, TF_CAP, TF_PUNCT | TF_QUOTE, TF_PUNCT | TF_PAREN, 0,
                                TF_PUNCT | TF_PAREN, TF_PUNCT | TF_PAREN, 0, TF_PUNCT | TF_PAREN, TF_PUNCT };
    assert_int_equal(n, 10);
    for (int i = 0; i < n; i++) {
        assert_string_equal(t[i].fold, marks[i]);
        assert_int_equal(t[i].fold_len, strlen(marks[i]));
        assert_int_equal(t[i].flags, mflags[i]);
        assert_int_equal(t[i].b1 - t[i].b0, strlen(marks[i]));
    }
    /* a word that ends the span, and a span of one letter */
    n = text_tokenize(&a, "said Reuters", 5, 12, 0, &t);
    assert_int_equal(n, 1);
    assert_string_equal(t[0].fold, "reuters");
    n = text_tokenize(&a, "x", 0, 1, 0, &t);
    assert_int_equal(n, 1);
    assert_string_equal(t[0].fold, "x");
    arena_free(&a);
}

/* the quick English test: two distinct words of its ten in the first 400 bytes, any case,
 * whole ASCII words of two to four letters */
static void test_language_quick(void **st)
{
    (void)st;
    text_lang l;
    const char *en[] = { "Officials said the talks ended.", "THE PRESIDENT OF FRANCE", "with...FROM",
                         "Zz was 12 has" };
    for (size_t i = 0; i < sizeof en / sizeof *en; i++) {
        text_language(en[i], strlen(en[i]), &l);
        assert_true(l.quick);
        assert_string_equal(l.code, "en");
    }
    const char *not_en[] = { "the the the", "th\xc3\xa9 of", "others offer andes saids thee",
                             "Der Pr\xc3\xa4sident und die Regierung" };
    for (size_t i = 0; i < sizeof not_en / sizeof *not_en; i++) {
        text_language(not_en[i], strlen(not_en[i]), &l);
        assert_false(l.quick);
    }
    /* the scan stops at byte 400: a word across it is cut there ("there" read as "the") */
    char t[420];
    memset(t, ' ', sizeof t);
    memcpy(t, "of", 2);
    memcpy(t + 397, "there", 5);
    text_language(t, 402, &l);
    assert_true(l.quick);
    memcpy(t + 397, "  the", 5);
    text_language(t, 402, &l);     /* "the" after byte 400: not read */
    assert_false(l.quick);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fold_accents_and_case),
        cmocka_unit_test(test_abbreviations_do_not_split),
        cmocka_unit_test(test_paragraphs_and_quotes),
        cmocka_unit_test(test_dateline),
        cmocka_unit_test(test_tokens_possessive_negation_hyphen),
        cmocka_unit_test(test_word_flags_and_folds),
        cmocka_unit_test(test_language_quick),
    };
    return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
