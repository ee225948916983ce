/* test_io.c - article readers (JSONL and text) and their error reports, event writers. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "io/io.h"

static const char *write_tmp(const char *name, const char *body, size_t n)
{
    static char path[256];
    snprintf(path, sizeof path, "/tmp/herodot-io-%d-%s", (int)getpid(), name);
    FILE *f = fopen(path, "wb");
    fwrite(body, 1, n, f);
    fclose(f);
    return path;
}

static void test_jsonl_good_and_bad_records(void **st)
{
    (void)st;
    const char body[] =
        "{\"id\":\"a1\",\"date\":\"2023-11-29\",\"text\":\"Serbia condemned Kosovo.\",\"url\":\"http://x\"}\n"
        "not json at all\n"
        "\n"
        "{\"id\":\"a2\",\"text\":\"no date\"}\n"
        "{\"id\":\"a3\",\"date\":\"20231129\",\"text\":\"bad \xff utf8\"}\n"
        "{\"id\":7,\"date\":\"20231129\",\"text\":\"numeric id, compact date\"}\n"
        "{\"id\":\"a5\",\"date\":\"2023-11-29T10:00:00Z\",\"text\":\"timestamp\"}\n";
    const char *p = write_tmp("a.jsonl", body, sizeof body - 1);
    hd_error e;
    io_reader *r = io_open(p, IO_AUTO, NULL, &e);
    assert_non_null(r);
    io_article a;
    assert_int_equal(io_next(r, &a, &e), 1);
    assert_string_equal(a.a.id, "a1");
    assert_string_equal(a.a.url, "http://x");
    assert_int_equal(a.line, 1);
    io_article_free(&a);
    assert_int_equal(io_next(r, &a, &e), -1);
    assert_int_equal(e.line, 2);
    assert_non_null(strstr(e.msg, "JSON"));
    assert_int_equal(io_next(r, &a, &e), -1);
    assert_int_equal(e.line, 4);
    assert_non_null(strstr(e.msg, "date"));
    assert_int_equal(io_next(r, &a, &e), -1);
    assert_int_equal(e.line, 5);
    assert_non_null(strstr(e.msg, "UTF-8"));
    assert_int_equal(io_next(r, &a, &e), 1);
    assert_string_equal(a.a.id, "7");
    assert_string_equal(a.a.date, "2023-11-29");
    io_article_free(&a);
    assert_int_equal(io_next(r, &a, &e), 1);
    assert_string_equal(a.a.date, "2023-11-29");
    io_article_free(&a);
    assert_int_equal(io_next(r, &a, &e), 0);
    io_close(r);
    unlink(p);
}

/* the lines the direct scan reads, and those it leaves to cJSON, give the same fields */
static void test_jsonl_scan_and_cjson_agree(void **st)
{
    (void)st;
    const char body[] =
        "{\"id\":\"e1\",\"date\":\"2023-11-29\",\"text\":\"a\\\"b\\\\c\\/d\\ne\\tf\\bg\\fh\\ri\"}\n"
        "{\"id\":\"first\",\"id\":\"second\",\"date\":\"2023-11-29\",\"text\":\"t\",\"title\":\"x\"}\n"
        " {\"id\" : \"e3\" ,\t\"n\":5, \"date\":\"2023-11-29\",\"text\":\"caf\\u00e9\"}  \n"
        "{\"id\":\"e4\",\"date\":\"2023-11-29\",\"text\":\"t\",\"source\":null} trailing\n"
        "{\"id\":\"e5\",\"date\":\"2023-11-29\",\"text\":\"bad \\x escape\"}\n"
        "{\"id\":\"e6\",\"date\":\"2023-11-29\",\"text\":\"t\",}\n"
        /* keys by length: the six fields among other keys of their lengths, in any order; a
           key with an escape (cJSON reads "te\\u0078t" as "text") */
        "{\"url\":\"U\",\"ix\":\"-\",\"titles\":\"-\",\"dat\":\"-\",\"title\":\"TT\",\"source\":\"S\","
        "\"texts\":\"-\",\"date\":\"2023-11-29\",\"text\":\"T\",\"data\":\"-\",\"id\":\"e7\",\"\":\"-\"}\n"
        "{\"te\\u0078t\":\"T8\",\"i\\\"d\":\"-\",\"id\":\"e8\",\"date\":\"2023-11-29\"}\n"
        /* escapes before and after an escaped quote, and one just before a closing quote,
           with values after them (the quote found before an escape is kept for the next) */
        "{\"id\":\"e9\\\\\",\"text\":\"x\\ny\\\"z\\n\\\"\\\\\",\"date\":\"2023-11-29\",\"url\":\"u\\\"\"}\n";
    const char *p = write_tmp("s.jsonl", body, sizeof body - 1);
    hd_error e;
    io_reader *r = io_open(p, IO_AUTO, NULL, &e);
    assert_non_null(r);
    io_article a;
    assert_int_equal(io_next(r, &a, &e), 1);
    assert_string_equal(a.a.text, "a\"b\\c/d\ne\tf\bg\fh\ri");
    assert_int_equal(a.a.text_len, 17);
    io_article_free(&a);
    assert_int_equal(io_next(r, &a, &e), 1);
    assert_string_equal(a.a.id, "first");
    assert_string_equal(a.a.title, "x");
    assert_null(a.a.source);
    io_article_free(&a);
    assert_int_equal(io_next(r, &a, &e), 1);
    assert_string_equal(a.a.id, "e3");
    assert_string_equal(a.a.text, "caf\xc3\xa9");
    io_article_free(&a);
    assert_int_equal(io_next(r, &a, &e), 1);
    assert_string_equal(a.a.id, "e4");
    assert_null(a.a.source);
    io_article_free(&a);
    assert_int_equal(io_next(r, &a, &e), -1);
    assert_int_equal(e.line, 5);
    assert_non_null(strstr(e.msg, "JSON"));
    assert_int_equal(io_next(r, &a, &e), -1);
    assert_int_equal(e.line, 6);
    assert_int_equal(io_next(r, &a, &e), 1);
    assert_string_equal(a.a.id, "e7");
    assert_string_equal(a.a.date, "2023-11-29");
    assert_string_equal(a.a.text, "T");
    assert_string_equal(a.a.source, "S");
    assert_string_equal(a.a.title, "TT");
    assert_string_equal(a.a.url, "U");
    io_article_free(&a);
    assert_int_equal(io_next(r, &a, &e), 1);
    assert_string_equal(a.a.id, "e8");
    assert_string_equal(a.a.text, "T8");
    io_article_free(&a);
    assert_int_equal(io_next(r, &a, &e), 1);
    assert_string_equal(a.a.id, "e9\\");
    assert_string_equal(a.a.text, "x\ny\"z\n\"\\");
    assert_string_equal(a.a.date, "2023-11-29");
    assert_string_equal(a.a.url, "u\"");
    io_article_free(&a);
    assert_int_equal(io_next(r, &a, &e), 0);
    io_close(r);
    unlink(p);
}

static void test_text_input(void **st)
{
    (void)st;
    const char body[] = "Serbia condemned Kosovo.\nSecond line.\n";
    const char *p = write_tmp("story.txt", body, sizeof body - 1);
    hd_error e;
    io_reader *r = io_open(p, IO_AUTO, "2023-11-29", &e);
    io_article a;
    assert_int_equal(io_next(r, &a, &e), 1);
    assert_non_null(strstr(a.a.id, "story.txt"));
    assert_int_equal(a.a.text_len, sizeof body - 1);
    io_article_free(&a);
    assert_int_equal(io_next(r, &a, &e), 0);
    io_close(r);
    r = io_open(p, IO_AUTO, NULL, &e);
    assert_int_equal(io_next(r, &a, &e), -1);
    assert_non_null(strstr(e.msg, "--date"));
    io_close(r);
    const char bin[] = "abc\0def";
    p = write_tmp("bin.txt", bin, 7);
    r = io_open(p, IO_TEXT, "2023-11-29", &e);
    assert_int_equal(io_next(r, &a, &e), -1);
    assert_non_null(strstr(e.msg, "binary"));
    io_close(r);
    unlink(p);
    assert_null(io_open("/nonexistent/file.jsonl", IO_AUTO, NULL, &e));
    assert_non_null(strstr(e.msg, "cannot open"));
}

static void test_writers(void **st)
{
    (void)st;
    hd_event ev;
    memset(&ev, 0, sizeof ev);
    ev.article = "a\"1"; ev.sentence = 2; ev.span.start = 10; ev.span.end = 40;
    ev.text = "Serbia condemned Kosovo."; ev.date = "2023-11-29"; ev.date_precision = "day";
    ev.source.code = "SRB"; ev.source.text = "Serbia"; ev.source.span.start = 10; ev.source.span.end = 16;
    ev.code = "111"; strcpy(ev.root, "11"); ev.plover = "ACCUSE"; ev.quad = 3; ev.goldstein = -2;
    ev.verb_text = "condemned"; ev.pattern = "data/verbs/x.txt:3"; ev.dict = "abc";
    buf b; buf_init(&b);
    io_write_json(&b, &ev);
    assert_non_null(strstr(b.p, "\"article\":\"a\\\"1\""));
    assert_non_null(strstr(b.p, "\"target\":null"));
    assert_non_null(strstr(b.p, "\"span\":[10,40]"));
    assert_non_null(strstr(b.p, "\"code\":\"111\""));
    assert_int_equal(b.p[b.len - 1], '\n');
    /* the whole line, after what the buffer holds: a NULL string is null, and a place (its
       fields written by the buffer's own calls) sits between the verb and the pattern */
    const char *line =
        "{\"article\":\"a\\\"1\",\"sentence\":2,\"span\":[10,40],\"text\":\"Serbia condemned Kosovo.\","
        "\"date\":\"2023-11-29\",\"date_precision\":\"day\",\"source\":{\"code\":\"SRB\",\"text\":"
        "\"Serbia\",\"span\":[10,16],\"entry\":null},\"target\":null,\"code\":\"111\",\"root\":\"11\","
        "\"plover\":\"ACCUSE\",\"quad\":3,\"goldstein\":-2.0,\"verb\":{\"text\":\"condemned\","
        "\"span\":[0,0]}%s,\"pattern\":\"data/verbs/x.txt:3\",\"dict\":\"abc\"}\n";
    char want[1024];
    buf_clear(&b);
    buf_lit(&b, "x");
    io_write_json(&b, &ev);
    snprintf(want, sizeof want, line, "");
    assert_string_equal(b.p + 1, want);
    assert_int_equal(b.len, strlen(want) + 1);
    ev.has_place = 1;
    ev.place.name = "Pristina"; ev.place.country = "XKX"; ev.place.lat = 42.5; ev.place.lon = 21.25;
    ev.place.geonames_id = 786714; ev.place.precision = "city";
    buf_clear(&b);
    io_write_json(&b, &ev);
    snprintf(want, sizeof want, line,
             ",\"place\":{\"name\":\"Pristina\",\"country\":\"XKX\",\"admin1\":null,\"lat\":42.5000,"
             "\"lon\":21.2500,\"geonames_id\":786714,\"precision\":\"city\"}");
    assert_string_equal(b.p, want);
    assert_int_equal(b.len, strlen(want));
    ev.has_place = 0;
    buf_clear(&b);
    io_write_tsv(&b, &ev);
    assert_string_equal(b.p, "20231129\tSRB\t---\t111\ta\"1\t2\tcondemned\n");
    buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_jsonl_good_and_bad_records),
        cmocka_unit_test(test_jsonl_scan_and_cjson_agree),
        cmocka_unit_test(test_text_input),
        cmocka_unit_test(test_writers),
    };
    return cmocka_run_group_tests_name("io", tests, NULL, NULL);
}
