/* test_util.c - arena, strmap, buf and UTF-8 helpers. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "util/arena.h"
#include "util/strmap.h"
#include "util/buf.h"
#include "util/utf8.h"
#include "util/region.h"
#include "util/words.h"

static void test_arena_alloc_zeroed_aligned(void **st)
{
    (void)st;
    arena a; arena_init(&a, 128);
    for (int i = 0; i < 1000; i++) {
        char *p = arena_alloc(&a, (size_t)(i % 37) + 1);
        assert_int_equal(((uintptr_t)p) % 8, 0);
        for (int k = 0; k < (i % 37) + 1; k++) assert_int_equal(p[k], 0);
        memset(p, 0xAB, (size_t)(i % 37) + 1);
    }
    char *big = arena_alloc(&a, 10000);
    assert_non_null(big);
    assert_string_equal(arena_strdup(&a, "kosovo"), "kosovo");
    arena_reset(&a);
    assert_int_equal(a.used_total, 0);
    arena_free(&a);
}

static void test_strmap_put_get_grow(void **st)
{
    (void)st;
    strmap m; strmap_init(&m);
    char k[32];
    for (int i = 0; i < 5000; i++) {
        snprintf(k, sizeof k, "key%d", i);
        int added;
        *strmap_put(&m, k, strlen(k), 0, &added) = (uint32_t)i;
        assert_true(added);
    }
    assert_int_equal(m.count, 5000);
    for (int i = 0; i < 5000; i += 7) {
        snprintf(k, sizeof k, "key%d", i);
        uint32_t *v = strmap_get(&m, k, strlen(k));
        assert_non_null(v);
        assert_int_equal(*v, i);
    }
    assert_null(strmap_get(&m, "nokey", 5));
    int added;
    strmap_put(&m, "key1", 4, 99, &added);
    assert_false(added);
    strmap_free(&m);
}

/* the hash-once API agrees with the plain one: stepwise hashes equal strmap_hash, and _h
   lookups and inserts meet the plain ones' keys */
static void test_strmap_hash_once(void **st)
{
    (void)st;
    static const char *const words[] = { "", "a", "ab", "abc", "abcd", "abcde", "protesters",
                                         "demonstrations", "x\xc3\xa9y" };
    for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
        const char *w = words[i];
        size_t n = strlen(w);
        for (size_t k = 0; k <= n; k++) {
            uint32_t h = strmap_hash_add(strmap_hash_add(STRMAP_HASH_INIT, w, k), w + k, n - k);
            assert_int_equal(strmap_hash_end(h), strmap_hash(w, n));
        }
    }
    strmap m; strmap_init(&m);
    char k[32];
    for (int i = 0; i < 3000; i++) {
        snprintf(k, sizeof k, "word%d", i);
        size_t n = strlen(k);
        int added;
        if (i % 2) *strmap_put(&m, k, n, 0, &added) = (uint32_t)i;
        else *strmap_put_h(&m, k, n, strmap_hash(k, n), 0, &added) = (uint32_t)i;
        assert_true(added);
    }
    for (int i = 0; i < 3000; i++) {
        snprintf(k, sizeof k, "word%d", i);
        size_t n = strlen(k);
        uint32_t *a = strmap_get(&m, k, n), *b = strmap_get_h(&m, k, n, strmap_hash(k, n));
        assert_non_null(a);
        assert_ptr_equal(a, b);
        assert_int_equal(*a, i);
        /* the key in two pieces, split anywhere (an empty piece included) */
        for (size_t at = 0; at <= n; at++)
            assert_ptr_equal(strmap_get2_h(&m, k, at, k + at, n - at, strmap_hash(k, n)), a);
    }
    assert_null(strmap_get_h(&m, "nokey", 5, strmap_hash("nokey", 5)));
    /* a key's pieces must both match: "word1" + "2" is word12, "word1" + "x" is nothing */
    assert_int_equal(*strmap_get2_h(&m, "word1", 5, "2", 1, strmap_hash("word12", 6)), 12);
    assert_null(strmap_get2_h(&m, "word1", 5, "x", 1, strmap_hash("word1x", 6)));
    assert_null(strmap_get2_h(&m, "word", 4, "1", 1, strmap_hash("word12", 6)));
    /* keys with the same hash and length, found by search: only comparing their bytes tells
       them apart (6 bytes: two 4-byte loads; 11 and 20: 8-byte ones) */
    static const char *const twins[][2] = { { "svnmhm", "tmtehy" },
        { "sqoqlqjsiae", "yfhkdtihkpg" }, { "cgfvdhhhfggivkxgirjd", "cwjoaqmsuvrpuuholudp" } };
    for (size_t i = 0; i < sizeof twins / sizeof *twins; i++) {
        const char *a = twins[i][0], *b = twins[i][1];
        size_t n = strlen(a);
        assert_int_equal(strmap_hash(a, n), strmap_hash(b, n));
        *strmap_put(&m, a, n, 0, NULL) = 100;
        assert_null(strmap_get(&m, b, n));
        assert_null(strmap_get2_h(&m, b, 1, b + 1, n - 1, strmap_hash(b, n)));
        int twin_added;
        *strmap_put(&m, b, n, 0, &twin_added) = 200;
        assert_true(twin_added);
        assert_int_equal(*strmap_get(&m, a, n), 100);
        assert_int_equal(*strmap_get(&m, b, n), 200);
    }
    int added;
    strmap_put_h(&m, "word1", 5, strmap_hash("word1", 5), 7, &added);
    assert_false(added);
    strmap_free(&m);
}

static void test_buf_json_escaping(void **st)
{
    (void)st;
    buf b; buf_init(&b);
    buf_json_str(&b, "a\"b\\c\nd\x01", 8);
    assert_string_equal(b.p, "\"a\\\"b\\\\c\\nd\\u0001\"");
    /* the eight-bytes-at-a-time scan: each kind of byte to escape at every offset of a longer
       string, among bytes it must leave alone (0x20, 0x7f, UTF-8) */
    const char special[] = { '"', '\\', '\n', '\x01', '\x1f' };
    const char *esc[] = { "\\\"", "\\\\", "\\n", "\\u0001", "\\u001f" };
    for (size_t k = 0; k < sizeof special; k++)
        for (int at = 0; at < 24; at++) {
            char in[24], want[64];
            for (int i = 0; i < 24; i++) in[i] = "a \x7f\xc3\xa7z"[i % 6];
            in[at] = special[k];
            int w = 0;
            want[w++] = '"';
            for (int i = 0; i < 24; i++) {
                if (i == at) { strcpy(want + w, esc[k]); w += (int)strlen(esc[k]); }
                else want[w++] = in[i];
            }
            want[w++] = '"'; want[w] = 0;
            buf_clear(&b);
            buf_json_str(&b, in, sizeof in);
            assert_string_equal(b.p, want);
        }
    /* buf_json_cstr writes what buf_json_str writes, short or long, with or without escapes,
       after what the buffer holds already */
    for (int len = 0; len < 70; len++)
        for (int at = -1; at < len; at++) {
            char in[72], want[600];
            for (int i = 0; i < len; i++) in[i] = "ab Ã§Z09"[i % 8];
            if (at >= 0) in[at] = at % 2 ? '"' : '\x02';
            in[len] = 0;
            buf_clear(&b);
            buf_lit(&b, "x:");
            buf_json_str(&b, in, (size_t)len);
            snprintf(want, sizeof want, "%s", b.p);
            buf_clear(&b);
            buf_lit(&b, "x:");
            buf_json_cstr(&b, in);
            assert_string_equal(b.p, want);
            assert_int_equal(b.len, strlen(want));
        }
    /* against a byte-at-a-time escaper: every length around the four- and eight-byte words
       (short strings are read as two overlapping halves, the last bytes of a long one as the
       last word again), with each kind of byte to escape at every position, first and last
       included, among bytes >= 0x80 and the printable bytes next to the escaped ones */
    const char kinds[] = { '"', '\\', '\n', '\t', '\r', '\x00', '\x1f', '\x7f', ' ', '!', '#', '[', ']', '\x80', '\xff' };
    for (int len = 0; len <= 40; len++)
        for (int at = -1; at < len; at++)
            for (size_t k = 0; k < sizeof kinds; k++) {
                char in[48], want[300];
                for (int i = 0; i < len; i++) in[i] = "Zz09 \xc3\xa7~!#"[(i * 7) % 11];
                if (at >= 0) in[at] = kinds[k];
                int w = 0;
                want[w++] = '"';
                for (int i = 0; i < len; i++) {
                    unsigned char c = (unsigned char)in[i];
                    if (c == '"' || c == '\\') { want[w++] = '\\'; want[w++] = (char)c; }
                    else if (c == '\n') { want[w++] = '\\'; want[w++] = 'n'; }
                    else if (c == '\t') { want[w++] = '\\'; want[w++] = 't'; }
                    else if (c == '\r') { want[w++] = '\\'; want[w++] = 'r'; }
                    else if (c < 0x20) w += snprintf(want + w, 8, "\\u%04x", c);
                    else want[w++] = (char)c;
                }
                want[w++] = '"'; want[w] = 0;
                buf_clear(&b);
                buf_lit(&b, "x:");
                buf_json_str(&b, in, (size_t)len);
                assert_memory_equal(b.p + 2, want, (size_t)w + 1);
                assert_int_equal(b.len, (size_t)w + 2);
                /* buf_json_put writes the same to a cursor, nothing past its end */
                char out[BUF_JSON_ROOM(48) + 1];
                memset(out, '@', sizeof out);
                char *end = buf_json_put(out, in, (size_t)len);
                assert_int_equal(end - out, w);
                assert_memory_equal(out, want, (size_t)w);
                for (char *q = end; q < out + sizeof out; q++) assert_int_equal(*q, '@');
            }
    /* the worst case fills BUF_JSON_ROOM exactly */
    char ctl[40], out[BUF_JSON_ROOM(40)];
    memset(ctl, '\x01', sizeof ctl);
    assert_int_equal(buf_json_put(out, ctl, sizeof ctl) - out, BUF_JSON_ROOM(40));
    buf_clear(&b);
    buf_printf(&b, "%d-%s", 42, "x");
    assert_string_equal(b.p, "42-x");
    buf_clear(&b);
    buf_tsv_field(&b, "a\tb\nc");
    assert_string_equal(b.p, "a b c");
    buf_free(&b);
}

/* the hand-written number writers give exactly what printf gives */
static void test_buf_numbers(void **st)
{
    (void)st;
    buf b; buf_init(&b);
    const long ints[] = { 0, 7, -7, 9, 10, -10, 11, 99, -99, 100, -101, 999, 1000, 9999, 10000, 65535,
                          99999, 100000, 123456789, -2147483648L, 999999999999999999L,
                          1000000000000000000L, 9223372036854775807L, -9223372036854775807L - 1 };
    for (size_t i = 0; i < sizeof ints / sizeof *ints; i++) {
        char want[32];
        snprintf(want, sizeof want, "%ld", ints[i]);
        buf_clear(&b); buf_int(&b, ints[i]);
        assert_string_equal(b.p, want);
        char out[BUF_INT_ROOM + 1];   /* buf_int_put: the same bytes, its end after them */
        memset(out, '@', sizeof out);
        assert_int_equal(buf_int_put(out, ints[i]) - out, strlen(want));
        assert_memory_equal(out, want, strlen(want));
        assert_int_equal(out[strlen(want)], '@');
    }
    for (int t = -100; t <= 100; t++) {       /* every Goldstein value, and a few others */
        const double vals[] = { t / 10.0, t / 10.0 + 0.04, t / 7.0, -0.0 + t * 0.1 };
        for (size_t i = 0; i < sizeof vals / sizeof *vals; i++) {
            char want[64];
            snprintf(want, sizeof want, "%.1f", vals[i]);
            buf_clear(&b); buf_decimal1(&b, vals[i]);
            assert_string_equal(b.p, want);
            char out[BUF_DECIMAL1_ROOM];
            assert_int_equal(buf_decimal1_put(out, vals[i]) - out, strlen(want));
            assert_memory_equal(out, want, strlen(want));
        }
    }
    /* the largest values take printf's path and the room it is given */
    const double big[] = { 1e8, -1e300, -1.7976931348623157e308 };
    for (size_t i = 0; i < sizeof big / sizeof *big; i++) {
        char want[400];
        snprintf(want, sizeof want, "%.1f", big[i]);
        assert_true(strlen(want) < BUF_DECIMAL1_ROOM);
        buf_clear(&b); buf_decimal1(&b, big[i]);
        assert_string_equal(b.p, want);
    }
    buf_free(&b);
}

static void test_utf8_validation(void **st)
{
    (void)st;
    const char ok[] = "Zve\xc3\xa7" "an \xe2\x80\x9cquoted\xe2\x80\x9d";
    assert_int_equal(utf8_valid_prefix(ok, strlen(ok)), strlen(ok));
    assert_int_equal(utf8_count(ok, strlen(ok)), 15);
    const char bad[] = "abc\xff" "def";
    assert_int_equal(utf8_valid_prefix(bad, 7), 3);
    const char overlong[] = "\xc0\xaf";
    assert_int_equal(utf8_valid_prefix(overlong, 2), 0);
    const char surrogate[] = "\xed\xa0\x80";
    assert_int_equal(utf8_valid_prefix(surrogate, 3), 0);
    const char truncated[] = "ab\xe2\x80";
    assert_int_equal(utf8_valid_prefix(truncated, 4), 2);
    int len;
    assert_int_equal(utf8_decode("\xc3\xa7", 2, &len), 0xE7);
    assert_int_equal(len, 2);
    /* the eight-bytes-at-a-time paths: a bad byte or a multi-byte character at every offset
       of a longer text, and every length */
    char t[40];
    for (int at = 0; at < 32; at++) {
        memset(t, 'a', sizeof t);
        t[at] = '\xff';
        assert_int_equal(utf8_valid_prefix(t, sizeof t), at);
        memcpy(t + at, "\xe2\x80\x9c", 3);
        assert_int_equal(utf8_valid_prefix(t, sizeof t), sizeof t);
        for (size_t n = 0; n <= sizeof t; n++) {
            size_t want = 0;
            for (size_t i = 0; i < n; i++) want += ((unsigned char)t[i] & 0xC0) != 0x80;
            assert_int_equal(utf8_count(t, n), want);
        }
    }
}

/* the cache's pointer check reads only allocations that may hold pointers: not plain data,
   not the dead copies rg_realloc leaves behind, and a grown data array stays data */
static void test_region_pointer_words(void **st)
{
    (void)st;
    region r;
    if (region_reserve(&r) < 0) { skip(); return; }
    void **ptrs = rg_calloc(&r, 4, sizeof *ptrs);
    uint64_t *bits = rg_calloc_data(&r, 4, sizeof *bits);
    uint32_t *grown = rg_calloc(&r, 2, sizeof *grown);
    uint32_t *old = grown;
    grown = rg_realloc(&r, grown, 64 * sizeof *grown);
    rg_set_data(&r, grown);
    uint64_t *more = rg_calloc_data(&r, 2, sizeof *more);
    more = rg_realloc(&r, more, 16 * sizeof *more);   /* stays data */
    size_t at = 0, n = 0, seen = 0;
    for (const uintptr_t *w; (w = region_pointer_words(&r, &at, &n));) {
        assert_true((const void *)w != (void *)bits && (const void *)w != (void *)grown &&
                    (const void *)w != (void *)old && (const void *)w != (void *)more);
        if ((const void *)w == (void *)ptrs) { seen++; assert_int_equal(n, 4); }
    }
    assert_int_equal(seen, 1);
    region_release(&r);
}

static void test_words(void **st)
{
    (void)st;
    static const char *const l[] = { "'s", "and", "of", "the" };
    assert_true(WORDS_SORTED(l, 3));
    assert_false(WORDS_SORTED(l, 2));                      /* "and" is longer than 2 */
    static const char *const unsorted[] = { "of", "and" };
    assert_false(WORDS_SORTED(unsorted, 64));
    assert_true(WORDS_HAS(l, "of") && WORDS_HAS(l, "'s") && WORDS_HAS(l, "the"));
    assert_false(WORDS_HAS(l, "on") || WORDS_HAS(l, ""));
    /* against bsearch, for every word of a longer list (first bytes shared, and one beyond
       ASCII) and for words next to them: one byte more, one less, the last byte changed */
    static const char *const big[] = { "'s", "a", "ab", "abc", "al", "b", "ba", "bb", "c", "ca",
                                       "caa", "d", "e", "the", "them", "then", "there", "z",
                                       "\xc3\xa9t\xc3\xa9" };
    const size_t nb = sizeof big / sizeof *big;
    assert_true(WORDS_SORTED(big, 8));
    for (size_t k = 0; k < nb; k++)
        for (int v = 0; v < 4; v++) {
            char w[16];
            size_t len = strlen(big[k]);
            memcpy(w, big[k], len + 1);
            if (v == 1) { w[len] = 'a'; w[len + 1] = 0; }
            if (v == 2 && len) w[len - 1] = 0;
            if (v == 3 && len) w[len - 1] = (char)(w[len - 1] + 1);
            const char *p = w;
            int want = bsearch(&p, big, nb, sizeof *big, words_cmp) != NULL;
            assert_int_equal(words_has(big, nb, w), want);
            for (size_t m = 0; m <= nb; m++)   /* and in each prefix of the list */
                assert_int_equal(words_has(big, m, w), bsearch(&p, big, m, sizeof *big, words_cmp) != NULL);
        }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_arena_alloc_zeroed_aligned),
        cmocka_unit_test(test_strmap_put_get_grow),
        cmocka_unit_test(test_strmap_hash_once),
        cmocka_unit_test(test_buf_json_escaping),
        cmocka_unit_test(test_buf_numbers),
        cmocka_unit_test(test_utf8_validation),
        cmocka_unit_test(test_region_pointer_words),
        cmocka_unit_test(test_words),
    };
    return cmocka_run_group_tests_name("util", tests, NULL, NULL);
}
