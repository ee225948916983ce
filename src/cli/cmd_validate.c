/* cmd_validate.c - `herodot validate FILE`: runs a peer's validation suite with the settings and
 * dictionaries it names, through the public API (hd_coder_open with the set, hd_code_article per
 * record), and prints every record as PASS or FAIL with the expected and produced events, then
 * "validation: P of N records passed (x%)".
 *
 * TABARI (NAME.project): the project names the dictionaries (loaded as a set), the .options file
 * and the text file. Records are read up to FINAL-01 (the end of the standard suite). The
 * expectations are the "{ SRC / TGT / CODE }" blocks of the record's comment, compared with the
 * coded events in order, field by field, as TABARI's checker does; "{---}", "{###}" and "{+++}"
 * expect no event; "-{" stops the check there; "{ OPTION: ... }" makes a control record that
 * runs an .options command and is not counted.
 *
 * PETRARCH (a validation .xml such as PETR.UnitTest.records.xml): its <Environment> names the
 * PETR.Validate.* dictionaries (found next to the file or in ../dictionaries). Records with
 * sentence="true" are coded; the expected (source, target, code) triples and the produced ones
 * are compared sorted, as PETRARCH's runner does; noevents/error expectations mean no event.
 * <Config> elements apply to the records after them.
 *
 * Options herodot's engine has no switch for are listed once at the end (they cannot be honoured
 * through the public API). Event codes are opaque strings: the suites use WEIS and made-up codes. */
#include "cli.h"
#include "../io/io.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct triple { char s[64], t[64], c[32]; } triple;
typedef struct evlist { triple *v; int n, cap; } evlist;

static void ev_add(evlist *l, const char *s, const char *t, const char *c)
{
    if (l->n == l->cap) { l->cap = l->cap ? l->cap * 2 : 8; l->v = realloc(l->v, sizeof *l->v * (size_t)l->cap); }
    triple *x = &l->v[l->n++];
    snprintf(x->s, sizeof x->s, "%s", s && *s ? s : "---");
    snprintf(x->t, sizeof x->t, "%s", t && *t ? t : "---");
    snprintf(x->c, sizeof x->c, "%s", c && *c ? c : "---");
}

typedef struct vctx {
    int require_dyad;        /* PETRARCH: drop events without a target */
    char unsupported[2048];  /* options that could not be applied, listed once */
    int only_failures;
    long passed, total;
    hd_coder *coder;         /* whose rule switches the options set */
    /* TABARI labels */
    char (*lab_code)[16]; char (*lab_text)[48]; int nlab;
} vctx;

static void note_unsupported(vctx *v, const char *opt)
{
    char o[160];
    size_t n = 0;
    while (opt[n] && n < sizeof o - 1) { o[n] = opt[n]; n++; }
    while (n && (o[n - 1] == ' ' || o[n - 1] == '\t')) n--;
    o[n] = 0;
    if (strstr(v->unsupported, o)) return;
    size_t l = strlen(v->unsupported);
    if (l + n + 4 < sizeof v->unsupported) snprintf(v->unsupported + l, sizeof v->unsupported - l, "%s%s", l ? "; " : "", o);
}

static int collect(const hd_event *ev, void *ud)
{
    ev_add(ud, ev->source.code, ev->target.code, ev->code);
    return 0;
}

static int code_record(const hd_coder *c, const io_record *rec, evlist *out, hd_error *err, char *forward)
{
    hd_article a = { rec->id, rec->date, rec->text, strlen(rec->text), rec->source, NULL, NULL };
    hd_code_options o; memset(&o, 0, sizeof o);
    o.forward = forward;
    return hd_code_article(c, &a, &o, collect, out, err);
}

/* TABARI's FORWARD follows a story from one record to the next: a record id's last number is
 * its sentence, the rest its story ("FRWD-001-002": story "FRWD-001", sentence 2). The
 * forwarded actor is kept only from a story's sentence n to its sentence n + 1. */
typedef struct story_pos { char story[64]; long sent; char fwd[16]; } story_pos;

static char *story_step(story_pos *p, const char *id)
{
    size_t n = id ? strlen(id) : 0, e = n;
    while (e && isdigit((unsigned char)id[e - 1])) e--;
    long sent = e < n ? atol(id + e) : -1;
    int next = sent >= 0 && p->sent >= 0 && sent == p->sent + 1 && strlen(p->story) == e &&
               !strncmp(p->story, id, e);
    if (!next) p->fwd[0] = 0;
    snprintf(p->story, sizeof p->story, "%.*s", (int)(e < 63 ? e : 63), id ? id : "");
    p->sent = sent;
    return p->fwd;
}

static const char *label_of(const vctx *v, const char *code)
{
    for (int i = 0; i < v->nlab; i++) if (!strcmp(v->lab_code[i], code)) return v->lab_text[i];
    return NULL;
}

static void print_list(const vctx *v, const char *what, const evlist *l, const char *empty)
{
    printf("  %s:", what);
    if (!l->n) printf(" %s", empty);
    for (int i = 0; i < l->n; i++) {
        const char *lab = label_of(v, l->v[i].c);
        printf("%s %s %s %s", i ? ";" : "", l->v[i].s, l->v[i].t, l->v[i].c);
        if (lab) printf(" (%s)", lab);
    }
    putchar('\n');
}

static int tcmp(const void *a, const void *b)
{
    const triple *x = a, *y = b;
    int r = strcmp(x->s, y->s);
    if (!r) r = strcmp(x->t, y->t);
    if (!r) r = strcmp(x->c, y->c);
    return r;
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r')) s[--n] = 0;
    return s;
}

/* ---- TABARI ------------------------------------------------------------------------------ */

/* one .options command ("SET: MINIMUM WORDS = 4", "LABEL: 010=YIELD", "COMPLEX: ..."); the
   ones herodot can honour from outside the engine are applied, the others noted */
static void tabari_option(vctx *v, char *line)
{
    char *s = trim(line);
    if (!*s || s[0] == '/' || s[0] == '#' || s[0] == '~') return;
    /* the engine's own switches first (hd_coder_option: CODE BY, COMMA, DEFAULT, COMPLEX ...) */
    int rc = hd_coder_option(v->coder, s);
    if (rc == 0) return;
    if (rc < 0) { fprintf(stderr, "herodot: option not understood: %s\n", s); return; }
    if (!strncasecmp(s, "LABEL:", 6)) {
        char *eq = strchr(s, '=');
        if (!eq) return;
        *eq = 0;
        v->lab_code = realloc(v->lab_code, sizeof *v->lab_code * (size_t)(v->nlab + 1));
        v->lab_text = realloc(v->lab_text, sizeof *v->lab_text * (size_t)(v->nlab + 1));
        snprintf(v->lab_code[v->nlab], 16, "%s", trim(s + 6));
        snprintf(v->lab_text[v->nlab], 48, "%s", trim(eq + 1));
        v->nlab++;
        return;
    }
    if (!strncasecmp(s, "SET:", 4)) {
        char *p = trim(s + 4);
        char key[64]; size_t k = 0;
        while (p[k] && p[k] != '=' && k < sizeof key - 1) { key[k] = (char)toupper((unsigned char)p[k]); k++; }
        key[k] = 0;
        char *kk = trim(key);
        /* read by the record reader itself (6 or 8 digits), or about the interface only */
        if (!strcmp(kk, "YYYY") || !strcmp(kk, "LABEL") || !strncmp(kk, "SKIP RECORDS", 12) ||
            strstr(kk, "USAGE") || !strcmp(kk, "DUP WARNING") || !strcmp(kk, "ALLCAPS")) return;
        note_unsupported(v, s);
        return;
    }
    if (!strncasecmp(s, "OUTPUT:", 7)) return;        /* output layout only */
    note_unsupported(v, s);
}

typedef struct tab_expect {
    evlist ev;
    int none;          /* {---} {###} {+++}: no event */
    int skip_at;       /* -{ : check only the first skip_at events; -1 none */
    int control;       /* OPTION records */
    int blocks;
} tab_expect;

static void tabari_expect(vctx *v, const char *note, tab_expect *x)
{
    memset(x, 0, sizeof *x);
    x->skip_at = -1;
    if (!note) return;
    char *copy = strdup(note);
    /* segments start at the literal "\n" markers of TABARI's comment layout */
    char *p = copy;
    while (p) {
        char *next = strstr(p, "\\n");
        if (next) { *next = 0; next += 2; }
        char *s = trim(p);
        int skip = 0;
        if (s[0] == '-' && s[1] == '{') { skip = 1; s++; }
        if (s[0] == '{') {
            char *e = strchr(s, '}');
            if (e) *e = 0;
            char *body = trim(s + 1);
            if (!strncasecmp(body, "OPTION:", 7)) {
                tabari_option(v, body + 7);
                x->control = 1;
            } else if (skip) {
                if (x->skip_at < 0) x->skip_at = x->ev.n;
            } else if (x->skip_at < 0) {
                x->blocks++;
                char *f[4] = { 0 }; int nf = 0;
                for (char *t = body; nf < 4;) {
                    f[nf++] = t;
                    char *sl = strchr(t, '/');
                    if (!sl) break;
                    *sl = 0; t = sl + 1;
                }
                for (int i = 0; i < nf; i++) f[i] = trim(f[i]);
                if (nf == 1 && (!strcmp(f[0], "---") || !strcmp(f[0], "###") || !strcmp(f[0], "+++") || !*f[0]))
                    x->none = 1;
                else if (nf >= 3) {
                    char code[32];
                    size_t k = 0;
                    while (f[2][k] && f[2][k] != ' ' && k < sizeof code - 1) { code[k] = f[2][k]; k++; }
                    code[k] = 0;
                    ev_add(&x->ev, f[0], f[1], code);
                } else x->none = 1;
            }
        }
        p = next;
    }
    free(copy);
}

static void dir_of(const char *path, char *out, size_t n)
{
    const char *sl = strrchr(path, '/');
    if (!sl) snprintf(out, n, ".");
    else snprintf(out, n, "%.*s", (int)(sl - path), path);
}

static int run_tabari(vctx *v, hd_coder *c, const char *project)
{
    FILE *pf = fopen(project, "r");
    if (!pf) { fprintf(stderr, "herodot: %s: cannot open\n", project); return 3; }
    char dir[1024], line[2048], text[2048] = "", opts[2048] = "";
    dir_of(project, dir, sizeof dir);
    while (fgets(line, sizeof line, pf)) {
        char *s = trim(line);
        char *val = strchr(s, '>');
        if (!val) continue;
        val = trim(val + 1);
        if (!strncasecmp(s, "<textfile>", 10) && !text[0]) snprintf(text, sizeof text, "%s/%s", dir, val);
        if (!strncasecmp(s, "<optionsfile>", 13)) snprintf(opts, sizeof opts, "%s/%s", dir, val);
    }
    fclose(pf);
    if (!text[0]) { fprintf(stderr, "herodot: %s: no <textfile>\n", project); return 3; }
    if (opts[0]) {
        FILE *of = fopen(opts, "r");
        if (!of) fprintf(stderr, "herodot: %s: cannot open the options file\n", opts);
        else { while (fgets(line, sizeof line, of)) tabari_option(v, line); fclose(of); }
    }
    FILE *tf = fopen(text, "rb");
    if (!tf) { fprintf(stderr, "herodot: %s: cannot open\n", text); return 3; }
    io_records *r = io_records_open(tf, text, IO_TABARI);
    io_record rec;
    hd_error err;
    int st;
    story_pos pos = { "", -1, "" };
    while ((st = io_records_next(r, &rec, &err)) != 0) {
        if (rec.id && !strncmp(rec.id, "FINAL", 5)) { io_record_free(&rec); break; }
        tab_expect x;
        tabari_expect(v, rec.note, &x);
        if (x.control && !x.blocks) { free(x.ev.v); io_record_free(&rec); continue; }
        evlist got = { 0 };
        const char *why = NULL;
        if (st < 0) why = err.msg;
        else if (code_record(c, &rec, &got, &err, story_step(&pos, rec.id)) < 0) why = err.msg;
        int pass;
        if (x.skip_at >= 0) {
            pass = got.n >= x.skip_at;
            for (int i = 0; pass && i < x.skip_at; i++) pass = !tcmp(&x.ev.v[i], &got.v[i]);
        } else if (x.none || !x.ev.n) pass = got.n == 0;
        else {
            pass = got.n == x.ev.n;
            for (int i = 0; pass && i < got.n; i++) pass = !tcmp(&x.ev.v[i], &got.v[i]);
        }
        v->total++;
        if (pass) v->passed++;
        if (!pass || !v->only_failures) {
            printf("%s %s  %s:%ld\n", pass ? "PASS" : "FAIL", rec.id ? rec.id : "?", text, rec.line);
            print_list(v, "expected", &x.ev, x.skip_at >= 0 && !x.ev.n ? "(not checked)" : "no event");
            print_list(v, "produced", &got, "no event");
            if (why) printf("  note: %s\n", why);
        }
        free(x.ev.v); free(got.v);
        io_record_free(&rec);
    }
    io_records_close(r);
    fclose(tf);
    return 0;
}

/* ---- PETRARCH ----------------------------------------------------------------------------- */

static int truthy(const char *s) { return s && (!strcasecmp(s, "true") || !strcmp(s, "1") || !strcasecmp(s, "yes")); }

/* PETRARCH's comma_min / comma_emax ... settings are TABARI's COMMA: switches */
static int tabari_comma(hd_coder *c, const char *key, const char *val)
{
    char line[96], k[16];
    size_t n = 0;
    for (; key[n] && n < sizeof k - 1; n++) k[n] = (char)toupper((unsigned char)key[n]);
    k[n] = 0;
    snprintf(line, sizeof line, "COMMA: %s = %d", k, atoi(val));
    return hd_coder_option(c, line);
}

static int run_petrarch(vctx *v, hd_coder *c, const char *xml)
{
    FILE *f = fopen(xml, "rb");
    if (!f) { fprintf(stderr, "herodot: %s: cannot open\n", xml); return 3; }
    io_records *r = io_records_open(f, xml, IO_PETRXML);
    io_record rec;
    hd_error err;
    int st;
    long bad = 0;
    while ((st = io_records_next(r, &rec, &err)) != 0) {
        for (int i = 0; i < rec.nconfig; i++) {
            const char *k = rec.config[i].k, *val = rec.config[i].v;
            if (!strcasecmp(k, "require_dyad")) {
                v->require_dyad = truthy(val);
                hd_coder_option(c, v->require_dyad ? "SET: REQUIRE DYAD = TRUE" : "SET: REQUIRE DYAD = FALSE");
            }
            else if (!strcasecmp(k, "stop_on_error")) {}          /* interface only */
            else if (!strcasecmp(k, "new_actor_length") && atoi(val) == 0) {}   /* the default */
            else if (!strncasecmp(k, "comma_", 6) && tabari_comma(c, k + 6, val) == 0) {}
            else {
                char o[160];
                snprintf(o, sizeof o, "%s = %s", k, val);
                note_unsupported(v, o);
            }
        }
        if (st < 0 && !rec.id) { cli_print_error(&err); bad++; io_record_free(&rec); continue; }
        if (!rec.sentence || strcasecmp(rec.sentence, "true")) { io_record_free(&rec); continue; }
        evlist want = { 0 }, got = { 0 };
        int expect_empty = 0;
        for (int i = 0; i < rec.ncoding; i++) {
            const io_coding *k = &rec.coding[i];
            if (k->noevents || k->error) expect_empty = 1;
            else ev_add(&want, k->source, k->target, k->event);
        }
        const char *why = NULL;
        if (st < 0) why = err.msg;
        /* PETRARCH reads the record through its parse: with unbalanced brackets it is an input
           error there, coded as nothing (ERROR-02, ERROR-03) */
        else if (rec.parse_unbalanced) why = "its <Parse> has unbalanced brackets: an input error, no events";
        else {
            evlist all = { 0 };
            if (code_record(c, &rec, &all, &err, NULL) < 0) why = err.msg;
            for (int i = 0; i < all.n; i++) {
                if (v->require_dyad && !strcmp(all.v[i].t, "---")) continue;
                /* PETRARCH keeps one copy of an event per story */
                int dup = 0;
                for (int j = 0; j < got.n && !dup; j++) dup = !tcmp(&got.v[j], &all.v[i]);
                if (!dup) ev_add(&got, all.v[i].s, all.v[i].t, all.v[i].c);
            }
            free(all.v);
        }
        int pass;
        if (!rec.ncoding) pass = 1;                   /* the runner counts these as correct */
        else if (expect_empty && !want.n) pass = got.n == 0;
        else {
            if (want.n > 1) qsort(want.v, (size_t)want.n, sizeof *want.v, tcmp);
            if (got.n > 1) qsort(got.v, (size_t)got.n, sizeof *got.v, tcmp);
            pass = want.n == got.n;
            for (int i = 0; pass && i < got.n; i++) pass = !tcmp(&want.v[i], &got.v[i]);
        }
        v->total++;
        if (pass) v->passed++;
        if (!pass || !v->only_failures) {
            printf("%s %s  %s:%ld\n", pass ? "PASS" : "FAIL", rec.id, xml, rec.line);
            print_list(v, "expected", &want, rec.ncoding ? "no event" : "(no expectation)");
            print_list(v, "produced", &got, "no event");
            if (why) printf("  note: %s\n", why);
        }
        free(want.v); free(got.v);
        io_record_free(&rec);
    }
    io_records_close(r);
    fclose(f);
    return bad ? 1 : 0;
}

static void help(void)
{
    puts("usage: herodot validate [--dict SET] [--failures] FILE\n\n"
         "Runs a peer's validation suite and prints each record as PASS or FAIL with the expected\n"
         "and produced events, then 'validation: P of N records passed (x%)'.\n"
         "  FILE.project   TABARI (Validate.project): its dictionaries, options and text file;\n"
         "                 records up to FINAL-01, events compared in order\n"
         "  FILE.xml       PETRARCH (PETR.UnitTest.records.xml): the PETR.Validate.* dictionaries\n"
         "                 its <Environment> names; sentence=\"true\" records, sorted comparison\n"
         "  --dict SET     other dictionaries (a directory or a set description)\n"
         "  --failures     print only the records that fail");
}

int cmd_validate(int argc, char **argv)
{
    cli_common cc = { 0 };
    vctx v;
    memset(&v, 0, sizeof v);
    v.require_dyad = 1;
    const char *file = NULL;
    for (int i = 1; i < argc; i++) {
        if (cli_common_opt(&cc, argc, argv, &i)) continue;
        if (!strcmp(argv[i], "--failures")) { v.only_failures = 1; continue; }
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) { help(); return 0; }
        if (argv[i][0] == '-' && argv[i][1]) { fprintf(stderr, "herodot: unknown option %s\n", argv[i]); return 2; }
        if (file) { fprintf(stderr, "herodot: validate takes one file\n"); return 2; }
        file = argv[i];
    }
    if (!file) { help(); return 2; }
    size_t l = strlen(file);
    int tabari = l > 8 && !strcasecmp(file + l - 8, ".project");
    int petr = l > 4 && !strcasecmp(file + l - 4, ".xml");
    if (!tabari && !petr) {
        fprintf(stderr, "herodot: %s: a TABARI .project or a PETRARCH validation .xml is needed\n", file);
        return 2;
    }
    if (!cc.dict_dir) cc.dict_dir = file;      /* the suite's own dictionaries */
    cc.no_places = 1;
    hd_coder *c = cli_open_coder(&cc);
    if (!c) return 3;
    v.coder = c;
    int rc = tabari ? run_tabari(&v, c, file) : run_petrarch(&v, c, file);
    hd_coder_close(c);
    if (v.unsupported[0]) printf("options not applied (no engine switch): %s\n", v.unsupported);
    if (cc.warnings) printf("dictionary problems: %ld (see stderr)\n", cc.warnings);
    printf("validation: %ld of %ld records passed (%.1f%%)\n", v.passed, v.total,
           v.total ? 100.0 * (double)v.passed / (double)v.total : 0.0);
    free(v.lab_code); free(v.lab_text);
    return rc;
}
