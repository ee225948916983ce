/* herodot.c - the library's front door: builds a coder from a dictionary directory and
 * runs the stages over one article in data-flow order:
 *   text (sentences, tokens) -> lexify -> discards -> mentions -> compounds -> units ->
 *   verbs and patterns -> events (compounds expanded, duplicates dropped) -> callback.
 * One arena per article holds everything; it is freed when the article is done. */
#include "../include/herodot.h"
#include "code/code.h"
#include "time/time.h"
#include "geo/geo.h"
#include "util/utf8.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>

struct hd_coder {
    lexicon lx;
    dict d;
    region rg;              /* where lx and d live when built for, or mapped from, the cache */
    geo_gazetteer *geo;     /* NULL: no places */
    char dir[1024];
    code_rules rules;       /* the peers' rule switches (hd_coder_option) */
};

/* the diagnostics of a load, kept for the cache (which replays them) and passed on */
typedef struct diag_log { hd_diag_fn fn; void *ud; hd_error *v; int n, cap; } diag_log;

static void diag_keep(const hd_error *e, void *ud)
{
    diag_log *l = ud;
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 16;
        l->v = realloc(l->v, (size_t)l->cap * sizeof *l->v);
    }
    l->v[l->n++] = *e;
    if (l->fn) l->fn(e, l->ud);
}

/* the lexicon, dictionary and gazetteer: mapped from the cache, or loaded from the text
 * files (into a region, and then saved as the cache, when there is one to keep) */
static int load_dictionaries(hd_coder *c, const hd_open_options *opt, const char *dir, const char *gz,
                             hd_error *err)
{
    const char *wn = opt ? opt->wordnet_dir : NULL;
    hd_diag_fn fn = opt ? opt->diag : NULL;
    void *ud = opt ? opt->diag_ud : NULL;
    dict_cache_key k = { dir, wn, gz && *gz ? gz : NULL };
    char cache[4096];
    int cached = dict_cache_file(&k, opt ? opt->cache_dir : NULL, cache, sizeof cache) == 0;
    void *extra = NULL;
    if (cached && dict_cache_load(cache, &k, &c->rg, &c->lx, &c->d, &extra, fn, ud) == 0) {
        c->geo = extra;
        return 0;
    }
    region *rg = cached && region_reserve(&c->rg) == 0 ? &c->rg : NULL;
    diag_log log = { fn, ud, NULL, 0, 0 };
    hd_error werr; memset(&werr, 0, sizeof werr);
    lex_open_in(&c->lx, wn, &werr, rg);
    if (werr.msg[0]) diag_keep(&werr, &log);
    dict_init_in(&c->d, &c->lx, rg);
    dict_diag dg = { diag_keep, &log, 0 };
    int rc = dict_load_dir(&c->d, dir, &dg, err);
    /* the gazetteer is optional: without it events simply have no place */
    if (rc == 0 && k.extra_file) {
        hd_error gerr; memset(&gerr, 0, sizeof gerr);
        c->geo = geo_open_in(k.extra_file, &gerr, rg);
        if (!c->geo && opt && opt->gazetteer) diag_keep(&gerr, &log);
    }
    if (rc == 0 && rg) {
        geo_seal(c->geo);
        dict_cache_save(cache, &k, rg, &c->lx, &c->d, c->geo, log.v, log.n);
    }
    free(log.v);
    return rc;
}

#ifndef HD_DEFAULT_DATA
#define HD_DEFAULT_DATA "data"
#endif

hd_coder *hd_coder_open(const hd_open_options *opt, hd_error *err)
{
    hd_error tmp;
    if (!err) err = &tmp;
    memset(err, 0, sizeof *err);
    hd_coder *c = calloc(1, sizeof *c);
    const char *dir = opt && opt->dict_dir ? opt->dict_dir : HD_DEFAULT_DATA;
    snprintf(c->dir, sizeof c->dir, "%s", dir);
    char gpath[1024];
    const char *gz = opt ? opt->gazetteer : NULL;
    if (!gz && geo_default_path(gpath, sizeof gpath) == 0) gz = gpath;
    if (load_dictionaries(c, opt, dir, gz, err) < 0) {
        hd_coder_close(c);
        return NULL;
    }
    code_rules_default(&c->rules, c->d.rules);     /* the rule set is the dictionary's */
    return c;
}

void hd_coder_close(hd_coder *c)
{
    if (!c) return;
    dict_free(&c->d);
    lex_close(&c->lx);
    if (c->geo) geo_close(c->geo);
    region_release(&c->rg);       /* last: the others may live in it */
    free(c);
}

struct hd_scratch {
    const hd_coder *coder;
    arena ar;
    lex_memo memo;
    uint32_t *stamp; uint32_t serial;   /* word presence per sentence (see code_stamp) */
    uint32_t *syn_seen;
    uint8_t **syn_rows; uint32_t *syn_row_serial;   /* synonym-set matches per sentence */
    side_memo *sides; uint32_t side_clock;          /* pattern sides' matches per verb */
};

hd_scratch *hd_scratch_new(const hd_coder *c)
{
    hd_scratch *s = calloc(1, sizeof *s);
    s->coder = c;
    arena_init(&s->ar, 256 * 1024);
    lex_memo_init(&s->memo);
    s->stamp = calloc(c->d.nwords + 1, sizeof *s->stamp);
    s->syn_seen = calloc((size_t)c->d.nsyn + 1, sizeof *s->syn_seen);
    s->syn_rows = calloc((size_t)c->d.nsyn + 1, sizeof *s->syn_rows);
    s->syn_row_serial = calloc((size_t)c->d.nsyn + 1, sizeof *s->syn_row_serial);
    s->sides = calloc((size_t)c->d.nsides + 1, sizeof *s->sides);
    return s;
}

void hd_scratch_free(hd_scratch *s)
{
    if (!s) return;
    arena_free(&s->ar);
    lex_memo_free(&s->memo);
    free(s->stamp);
    free(s->syn_seen);
    free(s->syn_rows); free(s->syn_row_serial);
    free(s->sides);
    free(s);
}

/* ---- discovery ------------------------------------------------------------------------ */

typedef struct disc_item { long n; char *key, *sample; } disc_item;
typedef struct disc_table { strmap ix; disc_item *v; size_t n, cap; } disc_table;
struct hd_discovery { disc_table names, verbs; };

static void disc_init(disc_table *t) { strmap_init(&t->ix); t->v = NULL; t->n = t->cap = 0; }

static void disc_free(disc_table *t)
{
    for (size_t i = 0; i < t->n; i++) { free(t->v[i].key); free(t->v[i].sample); }
    free(t->v);
    strmap_free(&t->ix);
}

static void disc_add(disc_table *t, const char *key, size_t kn, const char *sample, size_t sn)
{
    int added;
    uint32_t *slot = strmap_put(&t->ix, key, kn, (uint32_t)t->n, &added);
    if (!added) { t->v[*slot].n++; return; }
    if (t->n == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 256;
        t->v = realloc(t->v, t->cap * sizeof *t->v);
    }
    disc_item *it = &t->v[t->n++];
    it->n = 1;
    it->key = strndup(key, kn);
    it->sample = strndup(sample, sn > 160 ? 160 : sn);
}

hd_discovery *hd_discovery_new(void)
{
    hd_discovery *d = calloc(1, sizeof *d);
    disc_init(&d->names); disc_init(&d->verbs);
    return d;
}

void hd_discovery_free(hd_discovery *d)
{
    if (!d) return;
    disc_free(&d->names); disc_free(&d->verbs);
    free(d);
}

static int disc_cmp(const void *a, const void *b)
{
    const disc_item *x = *(disc_item *const *)a, *y = *(disc_item *const *)b;
    if (x->n != y->n) return x->n < y->n ? 1 : -1;
    return strcmp(x->key, y->key);
}

static void disc_write(const disc_table *t, FILE *f, int top, const char *title)
{
    fprintf(f, "%s\n", title);
    const disc_item **s = malloc((t->n + 1) * sizeof *s);
    for (size_t i = 0; i < t->n; i++) s[i] = &t->v[i];
    qsort(s, t->n, sizeof *s, disc_cmp);
    for (size_t i = 0; i < t->n && (int)i < top; i++)
        fprintf(f, "%6ld  %-32s  %s\n", s[i]->n, s[i]->key, s[i]->sample);
    free(s);
}

void hd_discovery_write(const hd_discovery *d, FILE *f, int top)
{
    disc_write(&d->names, f, top, "# proper-noun phrases no actor entry knows (count, phrase, a sentence)");
    fprintf(f, "\n");
    disc_write(&d->verbs, f, top, "# verbs of sentences with actors but no event (count, lemma, a sentence)");
}

static void discover_sentence(const hd_coder *hc, hd_discovery *dv, const sent_ctx *c, const char *s, size_t sn)
{
    int coded = 0;
    for (int k = 0; k < c->nm; k++) {
        const mention *m = &c->m[k];
        if (m->absorbed) continue;
        if (m->code) { coded = 1; continue; }
        if (!m->name || m->pronoun) continue;
        const char *txt = tok_text(c, m->t0, m->t1);
        disc_add(&dv->names, txt, strlen(txt), s, sn);
    }
    if (!coded || c->nev) return;
    char buf[256];
    for (int i = 0; i < c->n; i++) {
        const token *t = &c->t[i];
        if (c->tok_group[i] >= 0 || t->cls != LC_NONE || (t->flags & (TF_PUNCT | TF_CAP | TF_NUM))) continue;
        if (t->form == FORM_BASE || t->form == FORM_ING) continue;
        const char *l = lex_lemma(&hc->lx, t->fold, t->fold_len, LEX_CAN_VERB, buf, sizeof buf);
        if (!l) continue;
        disc_add(&dv->verbs, l, strlen(l), s, sn);
    }
}

const char *hd_coder_dict_hash(const hd_coder *c) { return c->d.hash; }

int hd_coder_option(hd_coder *c, const char *line)
{
    return TABARI_LIKE(&c->d) ? code_rules_option(&c->rules, line) : 1;
}

void hd_coder_stats(const hd_coder *c, hd_dict_stats *st) { *st = c->d.st; }

int hd_coder_lint(const hd_coder *c, hd_diag_fn fn, void *ud)
{
    dict_diag dg = { fn, ud, 0 };
    return dict_lint(&c->d, &dg);
}

void hd_coder_write_stats(const hd_coder *c, FILE *f)
{
    static const char *const kinds[] = { "other", "countries", "people", "groups", "places", "igos" };
    long by_kind[6] = { 0 }, by_root[21] = { 0 }, verbs_by_root[21] = { 0 };
    const dict *d = &c->d;
    for (uint32_t w = 0; w < d->nwords; w++) {
        const phrase_list *l = &d->by_word[w];
        for (int i = 0; i < l->n; i++) {
            const phrase *p = l->v[i];
            if (p->type != PH_ACTOR || p->w[0].fold != w) continue;
            int k = p->entry->kind;
            if (k == AK_OTHER && p->entry->ncodes && !strncmp(p->entry->codes[0].code, "IGO", 3)) k = AK_IGO;
            if (k >= 0 && k < 6) by_kind[k]++;
        }
    }
    for (int i = 0; i < d->nblocks; i++) {
        const verb_block *b = d->blocks[i];
        if (b->code && isdigit((unsigned char)b->code[0])) {
            int r = atoi((char[3]){ b->code[0], b->code[1], 0 });
            if (r >= 0 && r <= 20) verbs_by_root[r]++;
        }
        for (int k = 0; k < b->npat; k++) {
            const pattern *p = b->pat[k];
            if (!p->code || p->null_code || !isdigit((unsigned char)p->code[0])) continue;
            int r = atoi((char[3]){ p->code[0], p->code[1], 0 });
            if (r >= 0 && r <= 20) by_root[r]++;
        }
    }
    fprintf(f, "actor phrases by kind:\n");
    for (int k = 0; k < 6; k++) fprintf(f, "  %-10s %ld\n", kinds[k], by_kind[k]);
    fprintf(f, "patterns (and verb blocks) by CAMEO root:\n");
    for (int r = 1; r <= 20; r++) {
        const cameo_info *ci = dict_cameo(d, (char[3]){ (char)('0' + r / 10), (char)('0' + r % 10), 0 });
        fprintf(f, "  %02d %-34s %6ld  (%ld)\n", r, ci ? ci->name : "", by_root[r], verbs_by_root[r]);
    }
}

const char *hd_cameo_name(const hd_coder *c, const char *code)
{
    const cameo_info *ci = dict_cameo(&c->d, code);
    return ci ? ci->name : NULL;
}

/* the digits s[b..e) as a number (checked to be digits already): atoi's locale and sign
   handling cost more than the rest of an article's start */
static int digits_value(const char *s, int b, int e)
{
    int v = 0;
    for (int i = b; i < e; i++) v = v * 10 + (s[i] - '0');
    return v;
}

static int parse_date(const char *s, int32_t *out)
{
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-') return -1;
    for (int i = 0; i < 10; i++) if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return -1;
    int y = digits_value(s, 0, 4), m = digits_value(s, 5, 7), d = digits_value(s, 8, 10);
    if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1800 || y > 2200) return -1;
    *out = y * 10000 + m * 100 + d;
    return 0;
}

static void set_err(hd_error *e, const char *file, const char *msg)
{
    if (!e) return;
    snprintf(e->file, sizeof e->file, "%s", file ? file : "");
    e->line = 0;
    snprintf(e->msg, sizeof e->msg, "%s", msg);
}

/* the country of the dateline ("PRISTINA, Sept 25 (BWS) -") becomes the article's home */
static void dateline_home(const hd_coder *hc, arena *a, lex_memo *memo, const doc_text *dt, memory *mem)
{
    if (!dt->dl.present) return;
    token *t;
    int n = text_tokenize(a, dt->text, dt->dl.place_b0, dt->dl.place_b1, 0, &t);
    code_lexify(&hc->d, memo, t, n);
    for (int i = 0; i < n; i++) t[i].flags |= TF_CAP;
    sent_ctx c; memset(&c, 0, sizeof c);
    c.d = &hc->d; c.a = a; c.text = dt->text; c.t = t; c.n = n; c.mem = mem;
    code_mentions(&c);
    for (int k = 0; k < c.nm; k++) {
        if (c.m[k].code && strlen(c.m[k].code) >= 3 && strncmp(c.m[k].code, "IGO", 3)) {
            mem->home = arena_strndup(a, c.m[k].code, 3);
            mem->home_from_dateline = 1;
            return;
        }
    }
}

static void trace_sentence(const sent_ctx *c)
{
    FILE *f = c->trace;
    fprintf(f, "tokens:");
    for (int i = 0; i < c->n; i++) {
        const token *t = &c->t[i];
        fprintf(f, " %s", t->fold);
        /* the lemma that ties the word to the dictionary, when it differs from the word */
        if (!(t->flags & TF_PUNCT)) {
            if (t->vlem_id && t->vlem_id != t->fold_id) fprintf(f, "/%s", c->d->words[t->vlem_id]);
            else if (t->nlem_id && t->nlem_id != t->fold_id) fprintf(f, "/%s", c->d->words[t->nlem_id]);
        }
    }
    fprintf(f, "\nactors:\n");
    for (int k = 0; k < c->nm; k++) {
        const mention *m = &c->m[k];
        if (m->absorbed) continue;
        fprintf(f, "  \"%s\" -> %s%s%s%s  (%s)\n", tok_text(c, m->t0, m->t1), m->code ? m->code : "(uncoded)",
                m->person ? " person" : "", m->pronoun ? " pronoun" : "", m->agent_only ? " agent+home" : "",
                m->entry ? m->entry : "-");
    }
    for (int g = 0; g < c->ng; g++) if (c->g[g].n > 1) {
        fprintf(f, "  compound:");
        for (int k = 0; k < c->g[g].n; k++) fprintf(f, " %s", c->m[c->g[g].mem[k]].code);
        fprintf(f, "\n");
    }
    fprintf(f, "verbs:\n");
}

typedef struct emitted { const char *s, *t, *c; } emitted;

static int noun_doubles_verb(const sent_ctx *c, const cand_event *ce)
{
    const char *s = c->m[c->g[ce->src_group].mem[0]].code;
    const char *t = ce->tgt_group >= 0 ? c->m[c->g[ce->tgt_group].mem[0]].code : "";
    for (int k = 0; k < c->nev; k++) {
        const cand_event *o = &c->ev[k];
        if (o == ce || o->noun || event_family(o->code) != event_family(ce->code)) continue;
        const char *os = c->m[c->g[o->src_group].mem[0]].code;
        const char *ot = o->tgt_group >= 0 ? c->m[c->g[o->tgt_group].mem[0]].code : "";
        if (!strcmp(os, s) && !strcmp(ot, t)) return 1;
    }
    return 0;
}

/* The event's place: a place named in the sentence that is not an actor ("the United States
 * signed" names a party, not a place), preferring the verb's clause and a town over a
 * country, nearest the verb; else the place of the previous sentence's event (a story goes
 * on where it was), else the article's place (its dateline). */
typedef struct place_memory { hd_place last; int sent; } place_memory;

static int is_actor_span(const sent_ctx *c, int t0, int t1)
{
    for (int i = t0; i < t1; i++) {
        int g = c->tok_group[i];
        if (g < 0) continue;
        for (int k = 0; k < c->g[g].n; k++) {
            const mention *m = &c->m[c->g[g].mem[k]];
            if (m->code && !m->location && !m->modifier) return 1;
        }
    }
    return 0;
}

static const hd_place *pick_place(const sent_ctx *c, const geo_mention *gm, int ngm, int verb_t0,
                                  const place_memory *pm, int si, const hd_place *article_place)
{
    int best = -1, best_score = -1, best_dist = 1 << 30;
    for (int i = 0; i < ngm; i++) {
        if (is_actor_span(c, gm[i].t0, gm[i].t1) || !strcmp(gm[i].place.precision, "region")) continue;
        int score = 2 * (clause_rel(c, c->tok_unit[verb_t0], c->tok_unit[gm[i].t0]) == 0) +
                    (strcmp(gm[i].place.precision, "country") != 0);
        int dist = gm[i].t0 > verb_t0 ? gm[i].t0 - verb_t0 : verb_t0 - gm[i].t1;
        if (score > best_score || (score == best_score && dist < best_dist)) {
            best = i; best_score = score; best_dist = dist;
        }
    }
    if (best >= 0) return &gm[best].place;
    if (pm->sent >= 0 && si - pm->sent <= 2) return &pm->last;
    return article_place;
}

/* The event's date: the date expression in the verb's clause (nearest the verb), else one
 * elsewhere in the sentence, else the date the article last established, else the
 * dateline's or the article's date. */
typedef struct ev_date { char value[16]; const char *prec; } ev_date;

static const char *prec_name(int p) { return p == TP_DAY ? "day" : p == TP_MONTH ? "month" : "year"; }

static void format_date(int32_t ymd, int prec, ev_date *out)
{
    int y = ymd / 10000, m = ymd / 100 % 100, d = ymd % 100;
    time_format(out->value, y, m, d, prec == TP_YEAR || prec == TP_MONTH ? prec : TP_DAY);
    out->prec = prec_name(prec ? prec : TP_DAY);
}

typedef struct date_memory { ev_date last; int sent; } date_memory;

static void pick_date(const sent_ctx *c, const timex *tx, int ntx, int verb_t0, const time_ctx *before,
                      const date_memory *dm, int si, ev_date *out)
{
    int best = -1, best_dist = 1 << 30, best_same = 0;
    int vu = c->tok_unit[verb_t0];
    for (int i = 0; i < ntx; i++) {
        const timex *x = &tx[i];
        if (x->kind != TX_DATE || !x->prec || !x->date || !strcmp(x->tx3, "PRESENT_REF")) continue;
        /* a date in the verb's clause or in a clause around it dates the verb; one in a
           side clause ("..., where Manila grounded a warship in 1999") does not */
        int xu = c->tok_unit[x->t0];
        int same = clause_rel(c, vu, xu) == 0;
        if (!same && c->clause_rel_pron[c->u[xu].clause]) continue;
        int dist = x->t0 > verb_t0 ? x->t0 - verb_t0 : verb_t0 - x->t1;
        if (best < 0 || (same && !best_same) || (same == best_same && dist < best_dist)) {
            best = i; best_dist = dist; best_same = same;
        }
    }
    if (best >= 0) {
        const timex *x = &tx[best];
        /* "[main event], a day after [this event]": the expression dates the main event
           relative to this one, so this one is that far the other way */
        const token *lt = &c->t[x->t1 - 1];
        if (x->prec == TP_DAY && verb_t0 >= x->t1 && (!strcmp(lt->fold, "after") || !strcmp(lt->fold, "before"))) {
            int32_t anchor = 0;
            for (int i = 0; i < best; i++)
                if (tx[i].kind == TX_DATE && tx[i].prec == TP_DAY && tx[i].date) anchor = tx[i].date;
            if (!anchor) anchor = before->last_date && before->last_prec == TP_DAY ? before->last_date :
                                  before->dateline_date ? before->dateline_date : before->article_date;
            long delta = time_days(x->date) - time_days(anchor);
            format_date(time_add_days(anchor, -delta), TP_DAY, out);
            return;
        }
        format_date(x->date, x->prec, out);
        return;
    }
    /* a narrative goes on in the next sentence ("A day earlier, X said ... He promised ..."),
       but an older date ("in 1999" two paragraphs up) is background, not the story's date */
    if (dm->sent >= 0 && si - dm->sent <= 2) { *out = dm->last; return; }
    format_date(before->dateline_date ? before->dateline_date : before->article_date, TP_DAY, out);
}

/* A second opinion before an article is refused: the share of its words (three letters or
 * more, in its first 200) that WordNet knows. English news is mostly such words even when it
 * has none of the function words the language test looks for ("Serbia condemned Kosovo."
 * over and over reads as Albanian to cld2); French or German news is mostly not. */
static int english_words(const hd_coder *hc, const char *text, size_t len)
{
    if (!hc->lx.loaded) return 0;
    int words = 0, known = 0;
    char w[64];
    for (size_t i = 0; i < len && words < 200;) {
        while (i < len && !isalpha((unsigned char)text[i]) && (unsigned char)text[i] < 0x80) i++;
        size_t b = i;
        int ascii = 1;
        while (i < len && (isalpha((unsigned char)text[i]) || (unsigned char)text[i] >= 0x80)) {
            if ((unsigned char)text[i] >= 0x80) ascii = 0;
            i++;
        }
        size_t l = i - b;
        if (l < 3 || l >= sizeof w) continue;
        words++;
        if (!ascii) continue;           /* accented: not an English word */
        for (size_t k = 0; k < l; k++) w[k] = (char)tolower((unsigned char)text[b + k]);
        w[l] = 0;
        lex_word lw;
        lex_analyse(&hc->lx, w, l, &lw);
        if (lw.pos || lw.verb || lw.noun) known++;
    }
    return words >= 10 && known * 10 >= words * 6;
}

int hd_code_article(const hd_coder *hc, const hd_article *a, const hd_code_options *opt,
                    hd_event_fn fn, void *ud, hd_error *err)
{
    int32_t date;
    if (!a->id || !a->id[0]) { set_err(err, a->id, "article has no id"); return -1; }
    if (parse_date(a->date, &date) < 0) { set_err(err, a->id, "article date is not YYYY-MM-DD"); return -1; }
    if (!a->text) { set_err(err, a->id, "article has no text"); return -1; }
    size_t len = a->text_len ? a->text_len : strlen(a->text);
    if (utf8_valid_prefix(a->text, len) != len) { set_err(err, a->id, "text is not valid UTF-8"); return -1; }
    FILE *trace = opt ? opt->trace : NULL;
    text_lang lang;
    text_language(a->text, len, &lang);
    if (opt && opt->language) snprintf(opt->language, 8, "%s", lang.code);
    if (trace && lang.quick) fprintf(trace, "language: en (by its commonest words)\n");
    else if (trace) fprintf(trace, "language: %s (%d%% of the text%s)\n", lang.code, lang.percent,
                            lang.reliable ? "" : ", not reliable");
    if (text_is_foreign(&lang) && !(opt && opt->any_language) && !english_words(hc, a->text, len)) {
        char m[200];
        snprintf(m, sizeof m, "the article is not in English (%s, %d%% of its text): not coded "
                 "(the dictionaries are English; --any-language codes it anyway)", lang.code, lang.percent);
        set_err(err, a->id, m);
        return -1;
    }

    hd_scratch *own = NULL, *sc = opt ? opt->scratch : NULL;
    if (!sc || sc->coder != hc) sc = own = hd_scratch_new(hc);
    arena ar = sc->ar;     /* the scratch's arena, reset when the article is done */
    doc_text dt;
    text_split(&ar, a->text, len, &dt);
    memory mem; memory_init(&mem, date);
    if (opt && opt->forward) snprintf(mem.forward, sizeof mem.forward, "%s", opt->forward);
    date_memory dmem = { { "", "day" }, -10 };
    time_ctx tctx;
    time_ctx_init(&tctx, date, dt.dl.present ? dt.dl.month : 0, dt.dl.present ? dt.dl.day : 0);
    /* places: countries named so far steer the gazetteer ("Banjska" in Kosovo, not Bansko) */
    const char *ctx_countries[64] = { 0 }; int nctx = 0;
    hd_place article_place; int have_article_place = 0;
    place_memory pmem; memset(&pmem, 0, sizeof pmem); pmem.sent = -10;
    if (mem.home) ctx_countries[nctx++] = mem.home;
    if (hc->geo && dt.dl.present) {
        token *dtk;
        int dn = text_tokenize(&ar, a->text, dt.dl.place_b0, dt.dl.place_b1, 0, &dtk);
        for (int i = 0; i < dn; i++) dtk[i].flags |= TF_CAP;
        geo_mention *dgm;
        int ndg = geo_find(hc->geo, &ar, dtk, dn, a->text, ctx_countries, nctx, &dgm);
        if (ndg > 0) { article_place = dgm[0].place; have_article_place = 1; }
    }
    dateline_home(hc, &ar, &sc->memo, &dt, &mem);
    if (trace && mem.home) fprintf(trace, "home country: %s%s\n", mem.home, mem.home_from_dateline ? " (dateline)" : "");
    int nevents = 0, stop = 0;
    if (opt && opt->sentences) *opt->sentences += dt.nsent;
    for (int si = 0; si < dt.nsent && !stop; si++) {
        sentence *s = &dt.sent[si];
        sent_ctx c; memset(&c, 0, sizeof c);
        c.d = &hc->d; c.a = &ar; c.text = a->text; c.s = s; c.t = s->tok; c.n = s->ntok;
        c.mem = &mem; c.trace = trace; c.rules = &hc->rules;
        c.wh_any = code_lexify(&hc->d, &sc->memo, c.t, c.n);
        if (trace) fprintf(trace, "\n[%d] %.*s\n", si, (int)(s->b1 - s->b0), a->text + s->b0);
        int disc = code_discard(&c);
        if (disc == 2) break;
        if (disc == 1) continue;
        mem.sent = si;
        mem.sent_state = mem.last_state;
        /* places first: the code stage uses them ("police in Tbilisi", "shelled Goris") */
        geo_mention *gm = NULL;
        int ngm = hc->geo ? geo_find(hc->geo, &ar, c.t, c.n, a->text, ctx_countries, nctx, &gm) : 0;
        /* (NULL without a gazetteer: the code stage asks it only when it is there) */
        c.place_country = hc->geo ? arena_alloc(&ar, sizeof(char *) * (size_t)(c.n + 1)) : NULL;
        for (int i = 0; i < ngm; i++)
            if (strcmp(gm[i].place.precision, "region") && gm[i].place.country && gm[i].place.country[0])
                for (int k = gm[i].t0; k < gm[i].t1 && k < c.n; k++) c.place_country[k] = gm[i].place.country;
        code_mentions(&c);
        code_groups(&c);
        code_units(&c);
        c.syn_seen = sc->syn_seen;
        c.syn_rows = sc->syn_rows; c.syn_row_serial = sc->syn_row_serial;
        c.sides = sc->sides; c.side_clock = &sc->side_clock;
        code_stamp(&c, sc->stamp, ++sc->serial);
        if (trace) trace_sentence(&c);
        code_verbs(&c);
        if (opt && opt->discover) discover_sentence(hc, opt->discover, &c, a->text + s->b0, s->b1 - s->b0);
        memory_update(&c);
        if (trace) for (int i = 0; i < ngm; i++)
            fprintf(trace, "  place \"%s\" -> %s, %s (%.2f, %.2f; %s)\n", tok_text(&c, gm[i].t0, gm[i].t1),
                    gm[i].place.name, gm[i].place.country, gm[i].place.lat, gm[i].place.lon,
                    gm[i].place.precision);
        /* the countries named so far, for the gazetteer (none without places) */
        for (int k = 0; hc->geo && k < c.nm && nctx < 64; k++) {
            const char *mc = c.m[k].code;
            if (!mc || !mc[0] || !mc[1] || !mc[2] || code_same3(mc, "IGO") || code_same3(mc, "NGO")) continue;
            int dupc = 0;
            for (int q = 0; q < nctx && !dupc; q++) dupc = code_same3(ctx_countries[q], mc);
            if (!dupc) ctx_countries[nctx++] = arena_strndup(&ar, mc, 3);
        }
        time_ctx before = tctx;
        timex *tx = NULL;
        int ntx = time_find(&ar, c.t, c.n, a->text, &tctx, -1, &tx);
        if (trace) for (int i = 0; i < ntx; i++)
            fprintf(trace, "  time \"%s\" -> %s (%s)\n", tok_text(&c, tx[i].t0, tx[i].t1), tx[i].value,
                    tx[i].kind == TX_DATE ? "date" : tx[i].kind == TX_DURATION ? "duration" :
                    tx[i].kind == TX_SET ? "set" : "anchor");
        /* the story's date as this sentence leaves it: its first date of the main clause, for
           the sentences after it ("was diverted on Sunday ... Security officers then detained") */
        date_memory next_dmem = dmem;
        for (int q = 0; q < ntx; q++) {
            if (tx[q].kind != TX_DATE || !tx[q].prec || !tx[q].date || !strcmp(tx[q].tx3, "PRESENT_REF")) continue;
            if (c.clause_parent[c.u[c.tok_unit[tx[q].t0]].clause] >= 0) continue;   /* side clause */
            if (tx[q].prec == TP_YEAR && tx[q].date / 10000 < date / 10000 - 1) continue;   /* background */
            format_date(tx[q].date, tx[q].prec, &next_dmem.last);
            next_dmem.sent = si;
            break;
        }
        if (c.discard) { dmem = next_dmem; continue; }
        /* expand compounds, drop self-reference and duplicates */
        emitted seen[256]; int ns = 0;
        const char *stext = arena_strndup(&ar, a->text + s->b0, s->b1 - s->b0);
        for (int k = 0; k < c.nev && !stop; k++) {
            const cand_event *ce = &c.ev[k];
            /* "a drone strike killed Soleimani": one event, not one for the noun and one for
               the verb; the verb's stays */
            if (ce->noun && noun_doubles_verb(&c, ce)) continue;
            ev_date edate;
            pick_date(&c, tx, ntx, ce->verb_t0, &before, &dmem, si, &edate);
            const group *sg = &c.g[ce->src_group];
            const group *tg = ce->tgt_group >= 0 ? &c.g[ce->tgt_group] : NULL;
            /* "Russia and Ukraine agreed to swap prisoners": a joint act of a compound with
               no target is coded between its members, both ways */
            /* joint acts, not mediation ("brokered by the United States and France") */
            int joint = ce->code[0] == '0' && (ce->code[1] == '3' || ce->code[1] == '4' ||
                        ce->code[1] == '6' || !strcmp(ce->code, "057")) &&
                        strncmp(ce->code, "045", 3) && strncmp(ce->code, "039", 3);
            int mutual = !tg && sg->n > 1 && joint;
            if (mutual) tg = sg;
            if (!tg && !(strncmp(ce->code, "01", 2) == 0 || strncmp(ce->code, "09", 2) == 0) &&
                !(TABARI_LIKE(&hc->d) && hc->rules.monadic)) continue;
            for (int i = 0; i < sg->n && !stop; i++) {
                for (int j = 0; j < (tg ? tg->n : 1) && !stop; j++) {
                    const mention *ms = &c.m[sg->mem[i]];
                    const mention *mt = tg ? &c.m[tg->mem[j]] : NULL;
                    if (!ms->code || (mt && !mt->code)) continue;
                    if (mt && !strcmp(ms->code, mt->code)) continue;
                    /* "Iraq's prime minister condemned ... Iraqi sovereignty": a state acting
                       on itself is not an event; roles of one state (police, protesters) are */
                    if (mt && strncmp(ms->code, "IGO", 3) && !strncmp(ms->code, mt->code, 3) &&
                        (strlen(ms->code) == 3 || strlen(mt->code) == 3)) continue;
                    int dup = 0;
                    for (int q = 0; q < ns; q++)
                        if (!strcmp(seen[q].s, ms->code) && !strcmp(seen[q].c, ce->code) &&
                            !strcmp(seen[q].t, mt ? mt->code : "")) dup = 1;
                    if (dup) continue;
                    if (ns < 256) { seen[ns].s = ms->code; seen[ns].t = mt ? mt->code : ""; seen[ns].c = ce->code; ns++; }
                    hd_event ev; memset(&ev, 0, sizeof ev);
                    ev.article = a->id; ev.sentence = si;
                    ev.span.start = s->c0; ev.span.end = s->c1;
                    ev.text = stext;
                    ev.date = arena_strdup(&ar, edate.value); ev.date_precision = edate.prec;
                    ev.source.code = ms->code;
                    ev.source.text = tok_text(&c, ms->t0, ms->t1);
                    ev.source.span.start = c.t[ms->t0].c0; ev.source.span.end = c.t[ms->t1 - 1].c1;
                    ev.source.entry = ms->entry;
                    if (mt) {
                        ev.target.code = mt->code;
                        ev.target.text = tok_text(&c, mt->t0, mt->t1);
                        ev.target.span.start = c.t[mt->t0].c0; ev.target.span.end = c.t[mt->t1 - 1].c1;
                        ev.target.entry = mt->entry;
                    }
                    ev.code = ce->code;
                    ev.root[0] = ce->code[0]; ev.root[1] = ce->code[1]; ev.root[2] = 0;
                    const cameo_info *ci = dict_cameo(&hc->d, ce->code);
                    ev.plover = ci ? ci->plover : "";
                    int r = atoi(ev.root);
                    ev.quad = ci ? ci->quad : r <= 5 ? 1 : r <= 9 ? 2 : r <= 14 ? 3 : 4;
                    ev.goldstein = ci ? ci->goldstein : 0.0;
                    ev.verb_text = tok_text(&c, ce->verb_t0, ce->verb_t1);
                    ev.verb_span.start = c.t[ce->verb_t0].c0; ev.verb_span.end = c.t[ce->verb_t1 - 1].c1;
                    ev.pattern = ce->pattern;
                    const hd_place *pl = pick_place(&c, gm, ngm, ce->verb_t0, &pmem, si,
                                                    have_article_place ? &article_place : NULL);
                    if (pl) { ev.has_place = 1; ev.place = *pl; }

                    ev.dict = hc->d.hash;
                    nevents++;
                    if (fn && fn(&ev, ud)) stop = 1;
                }
            }
        }
        dmem = next_dmem;
        /* the story's place as this sentence leaves it: the first town it names that is not
           an actor ("in the northern city of Novi Sad" ... "police arrested four suspects") */
        for (int q = 0; q < ngm; q++) {
            const char *pr = gm[q].place.precision;
            if (!strcmp(pr, "country") || !strcmp(pr, "region") || is_actor_span(&c, gm[q].t0, gm[q].t1)) continue;
            pmem.last = gm[q].place; pmem.sent = si;
            break;
        }
    }
    if (opt && opt->forward) memcpy(opt->forward, mem.forward, sizeof mem.forward);
    arena_reset(&ar);
    sc->ar = ar;
    hd_scratch_free(own);
    return nevents;
}
