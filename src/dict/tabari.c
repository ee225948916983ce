/* tabari.c - TABARI's dictionary dialect, compiled into the same form as ours.
 *
 * .verbs: each verb root ("ABDUCT [181]") becomes a one-verb block whose default code is the
 * root's; its "- ..." lines are the block's patterns; a "{FORM1 FORM2}" line adds irregular forms
 * of the root; <SYNSETS> defines synonym sets (a member may name an earlier set); in <TIME> (time
 * shifting) the [###] and [+++] phrases set a sentence aside and the date shifts are skipped
 * and counted; "~FINISH" ends the file. Pattern alternatives
 * "{ A | B }" are expanded into one pattern per alternative: the alternative is written where
 * the braces were, with a blank on each side unless the text next to the brace is a '_'
 * ("DEMAND_{ GENEVA_ | INTERNATIONAL }_CONVENTIONS" -> DEMAND_GENEVA__CONVENTIONS and
 * DEMAND_INTERNATIONAL_CONVENTIONS).
 *
 * Words follow TABARI's rules (manual 5.2.2, 5.5.3): a word followed by '_' is exact, "WORD="
 * is exact, any other word is a stem: it matches every word that begins with it (SYRI matches
 * SYRIA and SYRIANS). The matcher honours word_match.prefix.
 *
 * The .actors and .agents readers are load.c's with the TABARI switch (tabari = 1). */
#include "dict.h"
#include "reader.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int tabari_phrase(dict *d, const char *raw, size_t n, word_match **out)
{
    word_match tmp[64];
    int nt = 0, last_eq = 0;
    size_t i = 0;
    while (i < n && nt < 64) {
        int blank = 0;
        while (i < n && (raw[i] == ' ' || raw[i] == '\t' || raw[i] == '_')) blank |= raw[i++] != '_';
        size_t b = i;
        while (i < n && raw[i] != ' ' && raw[i] != '\t' && raw[i] != '_') i++;
        if (i == b) break;
        size_t e = i;
        int exact = 0;
        last_eq = 0;
        if (raw[e - 1] == '=' && e - 1 > b) { e--; exact = 1; last_eq = 1; }
        else if (raw[e - 1] == '~' && e - 1 > b) e--;
        if (i < n && raw[i] == '_') exact = 1;
        word_match *w;
        int nw = dict_phrase(d, raw + b, e - b, &w);
        for (int k = 0; k < nw && nt < 64; k++) {
            tmp[nt] = w[k];
            if (k + 1 < nw || exact) { tmp[nt].exact = 1; tmp[nt].prefix = 0; }
            else { tmp[nt].prefix = 1; tmp[nt].exact = 0; }
            tmp[nt].gap = (uint8_t)(nt > 0 && k == 0 && blank);
            nt++;
        }
    }
    /* the final word of a phrase also matches its regular plural, unless it ends in '='
       (manual 5.2.3); a verb root widens this to the verb endings (add_root_verb) */
    if (nt && tmp[nt - 1].exact && !last_eq) tmp[nt - 1].endings = WE_PLURAL;
    word_match *w = nt ? arena_alloc(&d->mem, sizeof *w * (size_t)nt) : NULL;
    if (nt) memcpy(w, tmp, sizeof *w * (size_t)nt);
    *out = w;
    return nt;
}

/* ---- { a | b } alternatives ------------------------------------------------------------ */

enum { MAX_ALT = 64, ALT_LEN = 600 };

typedef struct alt_out { char (*v)[ALT_LEN]; int n; int overflow; } alt_out;

static void expand_alts(const char *s, alt_out *o, int depth)
{
    const char *ob = strchr(s, '{');
    if (!ob || depth > 8) {
        if (o->n < MAX_ALT) snprintf(o->v[o->n++], ALT_LEN, "%s", s);
        else o->overflow = 1;
        return;
    }
    const char *cb = strchr(ob, '}');
    if (!cb) { o->overflow = -1; return; }
    size_t ll = (size_t)(ob - s);
    while (ll && (s[ll - 1] == ' ' || s[ll - 1] == '\t')) ll--;
    const char *right = cb + 1;
    while (*right == ' ' || *right == '\t') right++;
    const char *p = ob + 1;
    while (p < cb) {
        const char *bar = memchr(p, '|', (size_t)(cb - p));
        const char *end = bar ? bar : cb;
        const char *a = p, *z = end;
        while (a < z && (*a == ' ' || *a == '\t')) a++;
        while (z > a && (z[-1] == ' ' || z[-1] == '\t')) z--;
        char buf[ALT_LEN];
        int len = snprintf(buf, sizeof buf, "%.*s%s%.*s%s%s", (int)ll, s,
                           (ll == 0 || s[ll - 1] == '_') ? "" : " ", (int)(z - a), a,
                           (!*right || *right == '_') ? "" : " ", right);
        if (len > 0 && (size_t)len < sizeof buf && z > a) expand_alts(buf, o, depth + 1);
        p = end + 1;
    }
}

/* ---- .verbs ------------------------------------------------------------------------------ */

static void add_root_verb(dict *d, verb_block *b, const char *raw, size_t n, const char *src)
{
    verb_entry *v = arena_alloc(&d->mem, sizeof *v);
    v->nw = tabari_phrase(d, raw, n, &v->w);
    if (!v->nw) return;
    v->head = 0;
    /* "DEPART_" is exact but still takes the regular endings (DEPARTS, DEPARTED, DEPARTING);
       "DEPART=" does not (manual 5.5) */
    size_t e = 0;
    while (e < n && raw[e] != ' ' && raw[e] != '\t' && raw[e] != '_') e++;
    if (v->w[0].exact && !(e && raw[e - 1] == '=')) v->w[0].endings = WE_VERB;
    v->block = b; v->src = src;
    vb_index_verb(d, v);
    d->st.verbs++;
}

enum { SEC_NONE = 0, SEC_SYNSETS, SEC_TIME, SEC_OTHER };

/* a phrase whose presence discards the sentence */
static void add_discard(dict *d, const char *s, size_t n, const char *src)
{
    word_match *w;
    int nw = tabari_phrase(d, s, n, &w);
    if (!nw) return;
    phrase *p = arena_alloc(&d->mem, sizeof *p);
    p->w = w; p->nw = nw; p->type = PH_ACTOR; p->src = src;
    dict_index_phrase(d, d->discard_by_word, p);
    d->st.discards++; d->dx.discard_phrases++;
}

int dict_load_tabari_verbs(dict *d, const char *path, dict_diag *dg)
{
    src_file f;
    if (file_open(d, &f, path, dg) < 0) return -1;
    d->dx.files++;
    verb_block *blk = NULL;
    synset *syn = NULL;
    int sec = SEC_NONE;
    char (*alts)[ALT_LEN] = malloc(sizeof *alts * MAX_ALT);
    char *line;
    while ((line = next_line(&f))) {
        if (line[0] == '#' || line[0] == '/') continue;
        if (finish_line(line)) break;
        cut_comment(line);
        char *s = line;
        while (*s == ' ' || *s == '\t') s++;
        if (!*s) continue;
        if (*s == '<') {
            if (s[1] == '/') { sec = SEC_NONE; syn = NULL; }
            else if (!strncasecmp(s, "<SYNSET", 7)) sec = SEC_SYNSETS;
            else if (!strncasecmp(s, "<TIME>", 6)) sec = SEC_TIME;
            else {
                sec = SEC_OTHER;
                dict_report(dg, f.path, f.line, "unknown section %s: skipped", s);
            }
            continue;
        }
        if (sec == SEC_TIME) {
            /* "KAN_WA_MA_KAN [###]", "WHEN_PEACE_COMES [+++]": the phrase sets the sentence
               aside (discarded, or complex: not coded); the date shifts are not used */
            char *lb = strchr(s, '[');
            if (lb && *s != '-' && (!strncmp(lb, "[###]", 5) || !strncmp(lb, "[+++]", 5))) {
                size_t pl = (size_t)(lb - s);
                while (pl && (s[pl - 1] == ' ' || s[pl - 1] == '\t')) pl--;
                if (pl) add_discard(d, s, pl, where(d, &f));
            } else d->dx.time_entries++;
            continue;
        }
        if (sec == SEC_OTHER) continue;
        if (sec == SEC_SYNSETS) {
            if (*s == '&') {
                size_t nl = phrase_len(s);
                while (nl > 1 && s[nl - 1] == '_') nl--;
                syn = vb_synset_get(d, s, nl, 1);
            } else if (*s == '+' && syn) {
                const char *why = "";
                if (vb_synset_add(d, syn, s + 1, strlen(s + 1), 1, &why) < 0) {
                    if (strstr(why, "actor tokens")) d->dx.synset_members_skipped++;
                    else dict_report(dg, f.path, f.line, "%s: %s", why, s);
                }
            } else dict_report(dg, f.path, f.line, "not a synonym set line: %s", s);
            continue;
        }
        const char *src = where(d, &f);
        if (*s == '{') {                                  /* irregular forms of the root */
            if (!blk) { dict_report(dg, f.path, f.line, "verb forms before any verb"); continue; }
            char *cb = strchr(s, '}');
            if (cb) *cb = 0;
            for (char *t = strtok(s + 1, " \t"); t; t = strtok(NULL, " \t")) {
                add_root_verb(d, blk, t, strlen(t), src);
                d->dx.irregular_forms++;
            }
            continue;
        }
        if (s[0] == '-' && (s[1] == ' ' || s[1] == '\t')) {
            if (!blk) { dict_report(dg, f.path, f.line, "pattern before any verb: %s", s); continue; }
            char *lb = strrchr(s, '[');
            const char *code, *code2;
            uint8_t nc, dc;
            if (!lb || vb_event_code(d, lb, &code, &code2, &nc, &dc) < 0) {
                dict_report(dg, f.path, f.line, "pattern needs a [code]: %s", s);
                continue;
            }
            uint8_t weight = vb_code_weight(lb);
            *lb = 0;
            alt_out o = { alts, 0, 0 };
            expand_alts(s + 2, &o, 0);
            if (o.overflow < 0) { dict_report(dg, f.path, f.line, "'{' without '}' in pattern"); continue; }
            if (o.overflow) dict_report(dg, f.path, f.line, "more than %d alternatives: the rest skipped", MAX_ALT);
            if (o.n > 1) d->dx.alternatives += o.n;
            int bad = 0;
            for (int k = 0; k < o.n; k++) {
                pattern *p = arena_alloc(&d->mem, sizeof *p);
                p->src = src;
                p->code = code; p->code2 = code2; p->null_code = nc; p->discard = dc;
                p->weight = weight;
                const char *why = "";
                if (vb_compile_pattern(d, o.v[k], p, &why, 1) < 0) {
                    if (!bad++) dict_report(dg, f.path, f.line, "bad pattern (%s)", why);
                    continue;
                }
                vb_add_pattern(d, blk, p);
            }
            continue;
        }
        /* a verb root: PHRASE [CODE] */
        char *lb = strchr(s, '[');
        size_t pl = lb ? (size_t)(lb - s) : strlen(s);
        while (pl && (s[pl - 1] == ' ' || s[pl - 1] == '\t')) pl--;
        if (!pl) { dict_report(dg, f.path, f.line, "cannot read verb line: %s", s); blk = NULL; continue; }
        char label[128];
        snprintf(label, sizeof label, "%.*s", (int)(pl < 127 ? pl : 127), s);
        blk = vb_new_block(d, label, src);
        uint8_t nc = 0, dc = 0;
        if (!lb || vb_event_code(d, lb, &blk->code, &blk->code2, &nc, &dc) < 0)
            dict_report(dg, f.path, f.line, "verb root needs a [code]: %s", s);
        else blk->weight = vb_code_weight(lb);
        if (dc) add_discard(d, s, pl, src);   /* "SOCCER [###]": the word discards the sentence */
        add_root_verb(d, blk, s, pl, src);
    }
    free(alts);
    file_close(&f);
    return 0;
}

/* ---- stems in the word indexes ------------------------------------------------------------
 * The matcher finds verbs and phrases through indexes keyed by a token's word, noun lemma or
 * verb lemma, so a stem that is not itself a word (RESTOR, ACCUS) would never be looked at.
 * Each stem that heads a verb or starts an actor/agent phrase is therefore also indexed under
 * every WordNet lemma that begins with it (RESTOR: restore, restoration, restorative ...):
 * a token whose lemma is one of these reaches the entry, and the matcher's prefix test decides. */

typedef struct stem_item { uint32_t key; int verb; const void *p; } stem_item;

static int cmp_word(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static const char **wordnet_words(const dict *d, size_t *n)
{
    const strmap *m = &d->lx->pos;
    const char **v = malloc(sizeof *v * (m->count + 1));
    size_t k = 0;
    for (size_t i = 0; i < m->cap; i++) {
        const strmap_slot *s = &m->slots[i];
        /* (an irregular form only, with no parts of speech, is not an index word) */
        if (!s->key || !(s->value & LEX_POS_MASK) || memchr(s->key, '_', s->len) ||
            memchr(s->key, ' ', s->len)) continue;
        v[k++] = s->key;
    }
    qsort(v, k, sizeof *v, cmp_word);
    *n = k;
    return v;
}

static void push_item(stem_item **v, size_t *n, size_t *cap, uint32_t key, int verb, const void *p)
{
    if (*n == *cap) { *cap = *cap ? *cap * 2 : 256; *v = realloc(*v, sizeof **v * *cap); }
    (*v)[*n].key = key; (*v)[*n].verb = verb; (*v)[*n].p = p; (*n)++;
}

void tabari_index_stems(dict *d)
{
    stem_item *items = NULL; size_t ni = 0, cap = 0;
    for (uint32_t id = 1; id < d->nwords; id++) {
        const verb_list *vl = &d->verbs_by_word[id];
        for (int j = 0; j < vl->n; j++) {
            const verb_entry *v = vl->v[j];
            const word_match *h = &v->w[v->head];
            if (h->prefix && h->fold == id) push_item(&items, &ni, &cap, id, 1, v);
        }
        const phrase_list *pl = &d->by_word[id];
        for (int j = 0; j < pl->n; j++)
            if (pl->v[j]->w[0].prefix && pl->v[j]->w[0].fold == id) push_item(&items, &ni, &cap, id, 0, pl->v[j]);
    }
    if (!ni || !d->lx || !d->lx->loaded) { free(items); return; }
    size_t nw;
    const char **words = wordnet_words(d, &nw);
    for (size_t i = 0; i < ni; i++) {
        const char *stem = d->words[items[i].key];
        size_t sl = strlen(stem);
        if (sl < 3) continue;                     /* "IN", "OF": every word would do */
        size_t lo = 0, hi = nw;                   /* first word >= stem */
        while (lo < hi) { size_t mid = (lo + hi) / 2; if (strcmp(words[mid], stem) < 0) lo = mid + 1; else hi = mid; }
        for (size_t k = lo; k < nw && !strncmp(words[k], stem, sl); k++) {
            uint32_t id = dict_intern(d, words[k], strlen(words[k]));
            if (id == items[i].key) continue;
            if (items[i].verb) {
                verb_list *l = &d->verbs_by_word[id];
                int dup = 0;
                for (int q = 0; q < l->n && !dup; q++) dup = l->v[q] == items[i].p;
                if (dup) continue;
                if (l->n == l->cap) { l->cap = l->cap ? l->cap * 2 : 2; l->v = rg_realloc(d->rg, l->v, (size_t)l->cap * sizeof *l->v); }
                l->v[l->n++] = items[i].p;
            } else {
                phrase_list *l = &d->by_word[id];
                int dup = 0;
                for (int q = 0; q < l->n && !dup; q++) dup = l->v[q] == items[i].p;
                if (dup) continue;
                if (l->n == l->cap) { l->cap = l->cap ? l->cap * 2 : 2; l->v = rg_realloc(d->rg, l->v, (size_t)l->cap * sizeof *l->v); }
                l->v[l->n++] = items[i].p;
            }
            d->dx.stem_index_keys++;
        }
    }
    free(words);
    free(items);
}
