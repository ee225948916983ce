/* test_dialects.c - the peers' dialects: TABARI .verbs/.actors/.agents, dictionary set
 * descriptions (.project, PETR_config.ini), TABARI text records and PETRARCH XML (with a
 * malformed element reported by file:line while the rest is read), and the peer writers.
 * The snippets are written here for the test; none is copied from a peer's file. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "dict/dict.h"
#include "io/io.h"

static lexicon lx;
static char errs[16][600]; static int nerr;
static char tmpdir[128];

static void on_diag(const hd_error *e, void *ud)
{
    (void)ud;
    if (nerr < 16) snprintf(errs[nerr], sizeof errs[0], "%s:%ld: %s", e->file, e->line, e->msg);
    nerr++;
}

static int setup(void **st)
{
    (void)st;
    hd_error e;
    snprintf(tmpdir, sizeof tmpdir, "/tmp/herodot-dialects-%d", (int)getpid());
    mkdir(tmpdir, 0755);
    char sub[200];
    snprintf(sub, sizeof sub, "%s/dictionaries", tmpdir); mkdir(sub, 0755);
    snprintf(sub, sizeof sub, "%s/config", tmpdir); mkdir(sub, 0755);
    return lex_open(&lx, NULL, &e);
}

static int teardown(void **st)
{
    (void)st;
    lex_close(&lx);
    char cmd[256];
    snprintf(cmd, sizeof cmd, "rm -rf %s", tmpdir);
    return system(cmd) == -1;
}

static const char *write_tmp(const char *name, const char *body)
{
    static char path[4][256]; static int k;
    char *p = path[k++ & 3];
    snprintf(p, 256, "%s/%s", tmpdir, name);
    FILE *f = fopen(p, "w");
    fputs(body, f);
    fclose(f);
    return p;
}

static const verb_entry *verb_of(const dict *d, const char *w)
{
    uint32_t id = dict_word_id(d, w, strlen(w));
    return id && d->verbs_by_word[id].n ? d->verbs_by_word[id].v[0] : NULL;
}

static const verb_block *block_named(const dict *d, const char *label)
{
    for (int i = 0; i < d->nblocks; i++) if (!strcmp(d->blocks[i]->label, label)) return d->blocks[i];
    return NULL;
}

static void test_tabari_verbs(void **st)
{
    (void)st;
    dict d; dict_init(&d, &lx);
    dict_diag dg = { on_diag, NULL, 0 };
    nerr = 0;
    const char *p = write_tmp("t.verbs",
        "<SYNSETS>\n&KIND\n+NAVAL\n+AIR_\n&KINDTALKS\n+&KIND_TALKS\n+COIN $\n</SYNSETS>\n"
        "<TIME>\nLAST_WEEK [-7]\nNEXT_WEEK [+7]\n</TIME>\n"
        "PLEDG  [050] ;a stem\n"
        "- * SUPPORT_{ FOR_ | TO } +  [051]\n"
        "- + IN_ $ { WAS | WERE } *  [052]\n"
        "- * &KINDTALKS [053]\n"
        "SEIZE_ [211]\n"
        "{SEIZED_ SEIZING_}\n"
        "- * BACK~ LAND [212]\n"
        "BAN= [191!]\n"
        "- *_ + [192?]\n"
        "- NO STAR HERE [193]\n"
        "MARBLES [###]\n"
        "~FINISH\n"
        "IGNORED [999]\n");
    dict_load_tabari_verbs(&d, p, &dg);
    dict_finish(&d);
    assert_int_equal(nerr, 1);
    assert_non_null(strstr(errs[0], "t.verbs:22: bad pattern (no '*' in pattern)"));
    assert_int_equal(d.dx.time_entries, 2);
    assert_int_equal(d.dx.alternatives, 4);
    assert_int_equal(d.dx.irregular_forms, 2);
    assert_int_equal(d.dx.synset_members_skipped, 1);
    assert_int_equal(d.nblocks, 4);
    assert_null(block_named(&d, "IGNORED"));
    /* PLEDG: a stem root, a one-verb block with its own default code */
    const verb_block *b = block_named(&d, "PLEDG");
    assert_non_null(b);
    assert_string_equal(b->code, "050");
    assert_int_equal(b->npat, 5);
    /* "SUPPORT_{ FOR_ | TO } +": SUPPORT touches the alternative; FOR_ exact, TO a stem */
    int found_for = 0, found_to = 0;
    for (int i = 0; i < b->npat; i++) {
        const pattern *q = b->pat[i];
        if (strcmp(q->code, "051")) continue;
        assert_int_equal(q->nupper, 3);
        assert_true(q->upper[0].w.exact);
        assert_true(q->upper[1].consec);
        if (!strcmp(q->upper[1].w.text, "for")) { found_for = 1; assert_true(q->upper[1].w.exact); }
        if (!strcmp(q->upper[1].w.text, "to")) { found_to = 1; assert_true(q->upper[1].w.prefix); }
    }
    assert_true(found_for && found_to);
    /* a synonym set naming another: NAVAL_TALKS and AIR_TALKS */
    uint32_t *sx = strmap_get(&d.synset_ix, "&KINDTALKS", 10);
    assert_non_null(sx);
    const synset *s = d.synsets[*sx];
    assert_int_equal(s->n, 2);
    assert_int_equal(s->memlen[0], 2);
    assert_true(s->mem[0][0].prefix);        /* NAVAL: a stem */
    assert_true(s->mem[1][0].exact);         /* AIR_: exact */
    /* irregular forms join SEIZE's block; SEIZE_ is exact, BACK~ a stem the next word touches */
    const verb_entry *v = verb_of(&d, "seizing");
    assert_non_null(v);
    assert_string_equal(v->block->label, "SEIZE_");
    assert_true(v->w[0].exact);
    const verb_block *sz = block_named(&d, "SEIZE_");
    assert_int_equal(sz->npat, 1);
    assert_true(sz->pat[0]->upper[0].w.prefix);
    assert_true(sz->pat[0]->upper[1].consec);
    /* BAN= exact; [191!] and [192?] keep their codes */
    v = verb_of(&d, "ban");
    assert_non_null(v);
    assert_true(v->w[0].exact);
    assert_string_equal(v->block->code, "191");
    /* [###] root: a sentence discard */
    assert_int_equal(d.dx.discard_phrases, 1);
    uint32_t m = dict_word_id(&d, "marbles", 7);
    assert_true(m > 0 && d.discard_by_word[m].n == 1);
    dict_free(&d);
}

static void test_tabari_actors_agents(void **st)
{
    (void)st;
    dict d; dict_init(&d, &lx);
    dict_diag dg = { on_diag, NULL, 0 };
    nerr = 0;
    const char *p = write_tmp("t.actors",
        "<NOUN>\nPEBBLE\nSTONE_\n</NOUN>\n<ADJECTIVE>\nGREY\n</ADJECTIVE>\n"
        "NORTH_VALE [NVL]\n"
        "OLD BRIDGE TOWN [OBT]\n"
        "KEEPER ; a person\n+WARDEN_\n\t[VALGOV <950601]\n\t[VALREB 950602-990815]\n\t[VAL]\n"
        "HIDDEN_HILLS [HHL >000101]\n"
        "NOBODY [---]\n"
        "JUGGLER [###]\n"
        "TWIN_CITIES [TWA/TWB]\n"
        "BROKEN [VAL <95x]\n"
        "~FINISH\nAFTER_END [AAA]\n");
    dict_load_tabari_actors(&d, p, &dg);
    assert_int_equal(nerr, 1);
    assert_non_null(strstr(errs[0], "t.actors:19: malformed actor code"));
    /* <NOUN>, <ADJECTIVE>: one-word entries tag the word (and its plural); none is skipped */
    assert_int_equal(d.dx.noun_entries, 0);
    assert_int_equal(d.dx.adj_entries, 0);
    assert_true(d.word_tag[dict_word_id(&d, "pebble", 6)] & WT_NOUN);
    assert_true(d.word_tag[dict_word_id(&d, "pebbles", 7)] & WT_NOUN);
    assert_true(d.word_tag[dict_word_id(&d, "stone", 5)] & WT_NOUN);
    assert_true(d.word_tag[dict_word_id(&d, "grey", 4)] & WT_ADJ);
    assert_false(d.word_tag[dict_word_id(&d, "grey", 4)] & WT_NOUN);
    assert_int_equal(d.st.actor_entries, 8);
    assert_int_equal(dict_word_id(&d, "after", 5), 0);
    /* NORTH_ exact, VALE a stem; blanks separate words of one phrase */
    const phrase *ph = d.by_word[dict_word_id(&d, "north", 5)].v[0];
    assert_int_equal(ph->nw, 2);
    assert_true(ph->w[0].exact);
    assert_true(ph->w[1].prefix);
    ph = d.by_word[dict_word_id(&d, "old", 3)].v[0];
    assert_int_equal(ph->nw, 3);
    /* TABARI dates: "<D" includes D; the default is used when no restriction holds */
    ph = d.by_word[dict_word_id(&d, "keeper", 6)].v[0];
    assert_string_equal(dict_actor_code(ph->entry, 19950601), "VALGOV");
    assert_string_equal(dict_actor_code(ph->entry, 19950602), "VALREB");
    assert_string_equal(dict_actor_code(ph->entry, 20010101), "VAL");
    ph = d.by_word[dict_word_id(&d, "warden", 6)].v[0];
    assert_true(ph->w[0].exact);
    /* one restriction alone: no code outside it */
    ph = d.by_word[dict_word_id(&d, "hidden", 6)].v[0];
    assert_null(dict_actor_code(ph->entry, 19990101));
    assert_string_equal(dict_actor_code(ph->entry, 20000101), "HHL");
    /* [---]: known phrase, no code; [###]: discard; GME/GMW: kept */
    ph = d.by_word[dict_word_id(&d, "nobody", 6)].v[0];
    assert_null(dict_actor_code(ph->entry, 20000101));
    assert_int_equal(d.dx.null_actor_codes, 1);
    assert_int_equal(d.discard_by_word[dict_word_id(&d, "juggler", 7)].n, 1);
    assert_int_equal(d.dx.compound_codes, 1);

    nerr = 0;
    p = write_tmp("t.agents",
        "RIVER_PILOT_  [ ~PIL] ;blanks inside\nHARBOUR MASTER   [  ~GOVHRB]\nGUILD_  [  GLD~]\nNOCODE_ []\n");
    dict_load_tabari_agents(&d, p, &dg);
    assert_int_equal(nerr, 1);
    assert_non_null(strstr(errs[0], "t.agents:4:"));
    assert_int_equal(d.st.agent_phrases, 3);
    ph = d.by_word[dict_word_id(&d, "harbour", 7)].v[0];
    assert_string_equal(ph->agent, "GOVHRB");
    assert_true(ph->w[1].prefix);
    ph = d.by_word[dict_word_id(&d, "guild", 5)].v[0];
    assert_true(ph->agent_prefix);
    assert_string_equal(ph->agent, "GLD");
    dict_free(&d);
}

static void test_sets(void **st)
{
    (void)st;
    /* a TABARI project, paths relative to it, one file missing */
    write_tmp("s.actors", "NORTH_VALE [NVL]\n");
    write_tmp("s.verbs", "PLEDG [050]\n- * AID [051]\n");
    write_tmp("s.agents", "PILOT_ [~PIL]\n");
    const char *proj = write_tmp("s.project",
        "a comment line\n<actorsfile>\ts.actors\n<verbsfile> s.verbs\n<agentsfile> s.agents\n"
        "<optionsfile> s.options\n<textfile> s.text\n<actorsfile> missing.actors\n");
    assert_true(dict_is_set(proj));
    dict d; dict_init(&d, &lx);
    dict_diag dg = { on_diag, NULL, 0 };
    nerr = 0;
    hd_error e;
    assert_int_equal(dict_load_dir(&d, proj, &dg, &e), 0);
    assert_int_equal(nerr, 1);
    assert_non_null(strstr(errs[0], "s.project:7: dictionary file not found"));
    assert_int_equal(d.st.actor_entries, 1);
    assert_int_equal(d.st.agent_phrases, 1);
    assert_int_equal(d.st.patterns, 1);
    assert_int_equal(d.dx.files, 3);
    assert_int_equal(strlen(d.hash), 16);
    dict_free(&d);

    /* PETR_config.ini in config/, dictionaries in ../dictionaries (PETRARCH's layout) */
    write_tmp("dictionaries/v.txt", "&KIND\n+NAVAL\n\n&ALL\n+&KIND\n+LAND\n\n--- AID [070] ---\nHELP\n- * &ALL + [071]\n");
    write_tmp("dictionaries/a1.txt", "<!-- a comment\n over lines -->\nNORTH_VALE [NVL]\n");
    write_tmp("dictionaries/a2.txt", "SOUTH_VALE [SVL]\n");
    write_tmp("dictionaries/ag.txt", "!PERSON! = MAN, WOMAN\nPOLICE!PERSON! [~COP]\n");
    write_tmp("dictionaries/d.txt", "FOOTBALL\n+CRICKET\n");
    const char *ini = write_tmp("config/PETR_config.ini",
        "[Dictionaries]\nverbfile_name = v.txt\nactorfile_list = a1.txt, a2.txt\n"
        "agentfile_name = ag.txt\ndiscardfile_name = d.txt\nissuefile_name = none.txt\n"
        "#verbfile_name = commented.txt\n[Options]\nverbfile_name = not-a-dictionary.txt\n");
    dict_init(&d, &lx);
    nerr = 0;
    assert_int_equal(dict_load_dir(&d, ini, &dg, &e), 0);
    assert_int_equal(nerr, 0);
    assert_int_equal(d.st.actor_entries, 2);
    assert_int_equal(d.st.agent_phrases, 2);
    assert_int_equal(d.st.discards, 2);
    assert_int_equal(d.st.patterns, 1);
    uint32_t *sx = strmap_get(&d.synset_ix, "&ALL", 4);
    assert_non_null(sx);
    assert_int_equal(d.synsets[*sx]->n, 2);       /* NAVAL (through &KIND) and LAND */
    dict_free(&d);

    /* dictionary_path */
    const char *ini2 = write_tmp("other.ini", "[Dictionaries]\ndictionary_path = dictionaries\nactorfile_list = a2.txt\n");
    dict_init(&d, &lx);
    nerr = 0;
    assert_int_equal(dict_load_dir(&d, ini2, &dg, &e), 0);
    assert_int_equal(d.st.actor_entries, 1);
    dict_free(&d);
    /* a description that names nothing usable is an error */
    const char *bad = write_tmp("empty.ini", "[Dictionaries]\nverbfile_name = nowhere.txt\n");
    dict_init(&d, &lx);
    assert_int_equal(dict_load_dir(&d, bad, &dg, &e), -1);
    dict_free(&d);
}

static io_records *open_records(const char *path, int fmt, FILE **fp)
{
    *fp = fopen(path, "rb");
    assert_non_null(*fp);
    return io_records_open(*fp, path, fmt);
}

static void test_tabari_records(void **st)
{
    (void)st;
    const char *p = write_tmp("r.text",
        "\n#####\n# banner\n\n"
        "950103  REC-01 extra\nNorth Vale pledged aid to\nSouth Vale./*\\n[why]\n\\n{ NVL / SVL / 051 } */\n\n"
        "a comment block\nthat is skipped\n\n"
        "20010203 REC-02\nOne line \\n two.\n/* a note\n\nwith a blank line */\nafter.\n\n"
        "951399 REC-03\nbad date\n\n"
        "950104 REC-04\nlast record");
    FILE *fp;
    io_records *r = open_records(p, IO_TABARI, &fp);
    io_record rec; hd_error e;
    assert_int_equal(io_records_next(r, &rec, &e), 1);
    assert_string_equal(rec.id, "REC-01");
    assert_string_equal(rec.date, "1995-01-03");
    assert_string_equal(rec.text, "North Vale pledged aid to South Vale.");
    assert_non_null(strstr(rec.note, "{ NVL / SVL / 051 }"));
    assert_int_equal(rec.line, 5);
    io_record_free(&rec);
    assert_int_equal(io_records_next(r, &rec, &e), 1);
    assert_string_equal(rec.date, "2001-02-03");
    assert_null(strstr(rec.text, "\\n"));
    assert_non_null(strstr(rec.text, "after."));
    assert_null(strstr(rec.text, "note"));
    io_record_free(&rec);
    assert_int_equal(io_records_next(r, &rec, &e), -1);
    assert_int_equal(e.line, 20);
    assert_non_null(strstr(e.msg, "REC-03"));
    io_record_free(&rec);
    assert_int_equal(io_records_next(r, &rec, &e), 1);
    assert_string_equal(rec.text, "last record");
    io_record_free(&rec);
    assert_int_equal(io_records_next(r, &rec, &e), 0);
    io_records_close(r);
    fclose(fp);
}

static void test_petrarch_xml(void **st)
{
    (void)st;
    const char *p = write_tmp("r.xml",
        "<Validation>\n<Environment><Verbfile>v.txt</Verbfile></Environment>\n<Sentences>\n"
        "<!-- <Sentence id=\"commented\"> -->\n"
        "<Config option=\"require_dyad\" value=\"false\"></Config>\n"
        "<Sentence date=\"19950103\" id=\"A-01\" category=\"DEMO\" sentence=\"true\">\n"
        "<EventCoding sourcecode=\"NVL\" targetcode=\"SVL\" eventcode=\"051\"></EventCoding>\n"
        "<Text>\n  North Vale &amp; friends\n pledged aid.\n</Text>\n<Parse>(ROOT (S ...))</Parse>\n"
        "</Sentence>\n"
        "<Sentence date=\"19950104\" id=\"A-02\" sentence=\"true\">\n"
        "<Text>broken <b>markup</Text>\n"
        "</Sentence>\n"
        "<Sentence date=\"19950105\" id=\"A-03\" source=\"AFP\" sentence=\"false\">\n"
        "<EventCoding noevents=\"True\"/>\n<Text>third</Text></Sentence>\n"
        "<Sentence id=\"A-04\"><Text>no date</Text></Sentence>\n"
        "</Sentences></Validation>\n");
    FILE *fp;
    io_records *r = open_records(p, IO_PETRXML, &fp);
    io_record rec; hd_error e;
    assert_int_equal(io_records_next(r, &rec, &e), 1);
    assert_string_equal(rec.id, "A-01");
    assert_string_equal(rec.date, "1995-01-03");
    assert_string_equal(rec.text, "North Vale & friends pledged aid.");
    assert_string_equal(rec.sentence, "true");
    assert_int_equal(rec.ncoding, 1);
    assert_string_equal(rec.coding[0].event, "051");
    assert_int_equal(rec.nconfig, 1);
    assert_string_equal(rec.config[0].k, "require_dyad");
    assert_int_equal(rec.line, 6);
    io_record_free(&rec);
    /* the malformed element: file:line of the error, then the reader goes on */
    assert_int_equal(io_records_next(r, &rec, &e), -1);
    assert_non_null(strstr(e.file, "r.xml"));
    assert_int_equal(e.line, 15);
    assert_non_null(strstr(e.msg, "malformed XML"));
    io_record_free(&rec);
    assert_int_equal(io_records_next(r, &rec, &e), 1);
    assert_string_equal(rec.id, "A-03");
    assert_string_equal(rec.source, "AFP");
    assert_non_null(rec.coding[0].noevents);
    io_record_free(&rec);
    assert_int_equal(io_records_next(r, &rec, &e), -1);
    assert_non_null(strstr(e.msg, "no date"));
    io_record_free(&rec);
    assert_int_equal(io_records_next(r, &rec, &e), 0);
    io_records_close(r);
    fclose(fp);

    /* a <Sentence> that never closes */
    p = write_tmp("r2.xml", "<Sentences>\n<Sentence date=\"20080801\" id=\"X_1\">\n<Text>cut");
    r = open_records(p, IO_PETRXML, &fp);
    assert_int_equal(io_records_next(r, &rec, &e), -1);
    assert_int_equal(e.line, 2);
    io_record_free(&rec);
    assert_int_equal(io_records_next(r, &rec, &e), 0);
    io_records_close(r);
    fclose(fp);
}

static void test_sniff_and_io_open(void **st)
{
    (void)st;
    assert_int_equal(io_sniff("  <Sentences>", 13), IO_PETRXML);
    assert_int_equal(io_sniff("{\"id\":1}", 8), IO_JSONL);
    assert_int_equal(io_sniff("\n# c\n950101  ID-1\ntext\n", 23), IO_TABARI);
    assert_int_equal(io_sniff("20240101 DOC-9 x\n", 17), IO_TABARI);
    assert_int_equal(io_sniff("1995 was a year.\n", 17), IO_TEXT);
    assert_int_equal(io_sniff("Plain text.\n", 12), IO_TEXT);
    assert_int_equal(io_sniff("950101*INTRO\ntext\n", 18), IO_TABARI);
    assert_int_equal(io_sniff("20230101abc\n", 12), IO_TEXT);
    /* io_open detects TABARI records and reads them as articles */
    const char *p = write_tmp("auto.txt", "950103 X-1\nNorth Vale pledged aid.\n\n950104 X-2\nMore.\n");
    hd_error e;
    io_reader *r = io_open(p, IO_AUTO, NULL, &e);
    assert_non_null(r);
    io_article a;
    assert_int_equal(io_next(r, &a, &e), 1);
    assert_string_equal(a.a.id, "X-1");
    assert_string_equal(a.a.date, "1995-01-03");
    io_article_free(&a);
    assert_int_equal(io_next(r, &a, &e), 1);
    assert_string_equal(a.a.id, "X-2");
    io_article_free(&a);
    assert_int_equal(io_next(r, &a, &e), 0);
    io_close(r);
}

static void test_peer_writers(void **st)
{
    (void)st;
    hd_event ev; memset(&ev, 0, sizeof ev);
    ev.article = "AFP0808_4"; ev.sentence = 0; ev.date = "2008-08-04";
    ev.source.code = "NVL"; ev.source.text = "North Vale";
    ev.target.code = "SVL"; ev.target.text = "South Vale";
    ev.code = "051"; ev.verb_text = "pledged";
    buf b; buf_init(&b);
    io_extra x; memset(&x, 0, sizeof x);
    x.event_name = "Promise"; x.publisher = "AFP";
    io_write_event(&b, io_out_parse("tabari"), &ev, &x);
    assert_string_equal(b.p, "080804\tNVL\tSVL\t051\t(PROMISE) NORTH VALE PLEDGED SOUTH VALE\n");
    buf_clear(&b);
    io_write_event(&b, io_out_parse("petrarch"), &ev, &x);
    assert_string_equal(b.p, "20080804\tNVL\tSVL\t051\t\tAFP0808_4\tAFP\tNorth Vale\tSouth Vale\tpledged\n");
    buf_clear(&b);
    ev.target.code = NULL; ev.article = "doc"; ev.sentence = 2;
    io_write_event(&b, IO_OUT_PETRARCH, &ev, NULL);
    assert_string_equal(b.p, "20080804\tNVL\t---\t051\t\tdoc_3\t\tNorth Vale\t---\tpledged\n");
    buf_free(&b);
    assert_int_equal(io_out_parse("petrarch2"), IO_OUT_PETRARCH);
    assert_int_equal(io_out_parse("nope"), -1);
}

/* The full Phoenix set (PETRARCH-1 verb patterns, the three actor files, agents, discards)
   through tests/phoenix/PETR_config.ini, when ../shared is present. */
static void test_phoenix_set(void **st)
{
    (void)st;
    const char *ini = "tests/phoenix/PETR_config.ini";
    if (access("../shared/peers/Dictionaries/Phoenix.agents.txt", R_OK) != 0) { skip(); return; }
    dict d; dict_init(&d, &lx);
    dict_diag dg = { on_diag, NULL, 0 };
    nerr = 0;
    hd_error e;
    assert_int_equal(dict_load_dir(&d, ini, &dg, &e), 0);
    assert_int_equal(d.dx.files, 6);
    assert_true(d.st.actor_phrases > 35000);
    assert_true(d.st.agent_phrases > 3000);
    assert_true(d.st.patterns > 10000);
    assert_true(d.st.verbs > 1800);
    assert_true(d.st.discards > 500);
    assert_true(d.nsyn >= 38);
    dict_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tabari_verbs),
        cmocka_unit_test(test_tabari_actors_agents),
        cmocka_unit_test(test_sets),
        cmocka_unit_test(test_tabari_records),
        cmocka_unit_test(test_petrarch_xml),
        cmocka_unit_test(test_sniff_and_io_open),
        cmocka_unit_test(test_peer_writers),
        cmocka_unit_test(test_phoenix_set),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
