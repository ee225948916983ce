/* verb.c - verbs, patterns and event assembly for one sentence.
 * For each word the verb dictionary knows (the longest multi-word verb wins), decide whether
 * it is used as a verb or a noun, whether it is negated or passive, try its block's
 * patterns (most specific first) and take the first that matches; without a match a verb
 * use falls back to the verb's default code. Source and target come from the pattern's $
 * and +, else from the clause: the subject before the verb and the first actor after it;
 * a passive's "by" phrase is its source. Events are (source, target, code) candidates; the
 * caller expands compounds and removes duplicates. */
#include "code.h"
#include "../util/words.h"
#include <stdlib.h>
#include <string.h>

/* TABARI's regular verb endings: ROOT + S, ES, ED, EN or ING; a root ending in E may drop
 * it (DEPLORE_: deplored, deploring). Fills the roots word may be a regular form of, as
 * (length, add an E) pairs; returns how many. */
typedef struct reg_root { size_t len; int add_e; } reg_root;

static int regular_roots(const char *word, size_t wl, reg_root out[10])
{
    static const char *const suf[] = { "s", "es", "ed", "en", "ing" };
    int n = 0;
    for (size_t k = 0; k < sizeof suf / sizeof *suf; k++) {
        size_t sl = strlen(suf[k]);
        if (wl <= sl + 1 || memcmp(word + wl - sl, suf[k], sl)) continue;
        out[n].len = wl - sl; out[n].add_e = 0; n++;
        if (k) { out[n].len = wl - sl; out[n].add_e = 1; n++; }
    }
    return n;
}

static int regular_form(const char *word, const char *root)
{
    size_t wl = strlen(word), rl = strlen(root);
    reg_root r[10];
    int n = regular_roots(word, wl, r);
    for (int k = 0; k < n; k++) {
        if (r[k].len + (size_t)r[k].add_e != rl || memcmp(word, root, r[k].len)) continue;
        if (!r[k].add_e || root[rl - 1] == 'e') return 1;
    }
    return 0;
}

static inline int wm_match_any(const word_match *w, const token *t)
{
    if (t->flags & TF_PUNCT) return t->fold_id && t->fold_id == w->fold;
    if (w->prefix) return strncmp(t->fold, w->text, strlen(w->text)) == 0;
    if (t->fold_id && t->fold_id == w->fold) return 1;
    if (w->endings == WE_VERB && regular_form(t->fold, w->text)) return 1;
    if (w->endings == WE_PLURAL && plural_form(t->fold, w->text)) return 1;
    if (w->exact) return 0;
    return (t->vlem_id && t->vlem_id == w->vlem) || (t->nlem_id && t->nlem_id == w->nlem);
}

static int tr(const sent_ctx *c) { return c->trace != NULL; }

/* ---- verb candidates ---------------------------------------------------------------- */

typedef struct vmatch { const verb_entry *v[16]; int n; int t0, t1; } vmatch;

/* a TABARI verb phrase written with blanks ("PRICE RISE") lets a few words come between its
   words ("price of grain rise"); it starts at its head */
static int entry_gapped(const sent_ctx *c, const verb_entry *v, int i, int *t0, int *t1)
{
    int at = i;
    for (int k = 0; k < v->nw; k++, at++) {
        for (int skip = k && v->w[k].gap ? TABARI_MAX_GAP : 0;; at++, skip--) {
            if (at >= c->n || (k && (c->t[at].flags & TF_PUNCT))) return 0;
            if ((k == 0 || c->tok_group[at] < 0) && wm_match_any(&v->w[k], &c->t[at])) break;
            if (skip <= 0) return 0;
        }
    }
    *t0 = i; *t1 = at;
    return 1;
}

static inline int entry_at(const sent_ctx *c, const verb_entry *v, int i, int *t0, int *t1)
{
    if (v->head == 0 && v->nw > 1 && v->w[1].gap) return entry_gapped(c, v, i, t0, t1);
    int s = i - v->head;
    if (s < 0 || s + v->nw > c->n) return 0;
    for (int k = 0; k < v->nw; k++) {
        const token *t = &c->t[s + k];
        if (k != v->head && c->tok_group[s + k] >= 0) return 0;
        if (!wm_match_any(&v->w[k], t)) return 0;
    }
    *t0 = s; *t1 = s + v->nw;
    return 1;
}

/* the TABARI verb entries headed by word id that match at token i: roots that take the
   regular endings (stem 0), or stems (stem 1) */
static void verbs_headed(const sent_ctx *c, uint32_t id, int i, int stem, vmatch *out)
{
    const verb_list *l = id ? &c->d->verbs_by_word[id] : NULL;
    for (int j = 0; l && j < l->n && out->n < 16; j++) {
        const word_match *h = &l->v[j]->w[l->v[j]->head];
        int a, b;
        if (!(stem ? h->prefix : h->endings == WE_VERB) || !entry_at(c, l->v[j], i, &a, &b)) continue;
        out->v[out->n++] = l->v[j]; out->t0 = a; out->t1 = b;
    }
}

static void verbs_at(const sent_ctx *c, int i, vmatch *out)
{
    const token *t = &c->t[i];
    uint32_t keys[3] = { t->vlem_id, t->nlem_id, t->fold_id };
    out->n = 0; out->t0 = out->t1 = i;
    int best = 0;
    for (unsigned m = WH_ANY_ID(t->wh, WH_VERB) ? IDM_VNF(t->idm) : 0; m; m &= m - 1) {
        int k = __builtin_ctz(m);
        if (!dict_word_has(c->d, keys[k], WH_VERB)) continue;
        const verb_list *l = &c->d->verbs_by_word[keys[k]];
        for (int j = 0; j < l->n; j++) {
            int a, b;
            if (!entry_at(c, l->v[j], i, &a, &b)) continue;
            int len = b - a;
            int seen = 0;
            for (int q = 0; q < out->n; q++) if (out->v[q] == l->v[j]) seen = 1;
            if (seen) continue;
            if (len > best) { best = len; out->n = 0; }
            if (len == best && out->n < 16) { out->v[out->n++] = l->v[j]; out->t0 = a; out->t1 = b; }
        }
    }
    if (out->n || !TABARI_LIKE(c->d)) return;
    /* TABARI: "departes", "departen" are regular forms of DEPART_ that no lexicon knows;
       look the root up by the word without its ending */
    reg_root roots[10];
    int nr = regular_roots(t->fold, strlen(t->fold), roots);
    for (int r = 0; r < nr && !out->n; r++) {
        char buf[64];
        size_t bl = roots[r].len + (size_t)roots[r].add_e;
        if (bl >= sizeof buf) continue;
        memcpy(buf, t->fold, roots[r].len);
        if (roots[r].add_e) buf[bl - 1] = 'e';
        verbs_headed(c, dict_word_id(c->d, buf, bl), i, 0, out);
    }
    /* a TABARI stem ("ACTUALITY" for "actualityss") that is not a WordNet word: look the
       word up by its prefixes, longest first */
    if (t->fold_id || t->vlem_id || t->nlem_id) return;
    for (size_t pl = t->fold_len; pl-- > 3 && !out->n;)
        verbs_headed(c, dict_word_id(c->d, t->fold, pl), i, 1, out);
}

static int is_modifier_tok(const sent_ctx *c, int i)
{
    const token *t = &c->t[i];
    return t->cls == LC_NONE && !(t->flags & (TF_PUNCT | TF_CAP)) && (t->pos_hint & LEX_CAN_ADJ);
}

/* the default code of the verb dictionary's entry for token i, or NULL */
static const char *event_noun_code(const sent_ctx *c, int i)
{
    vmatch vm;
    verbs_at(c, i, &vm);
    for (int q = 0; q < vm.n; q++) {
        const verb_entry *v = vm.v[q];
        const char *code = v->code ? v->code : v->block->code;
        if (code && !dict_null_code(code)) return code;
    }
    /* a noun block with no default ("deal", "pact": coded only through patterns) is still
       of the family its patterns code */
    for (int q = 0; q < vm.n; q++) {
        const verb_block *b = vm.v[q]->block;
        for (int k = 0; k < b->npat; k++)
            if (b->pat[k]->code && !b->pat[k]->null_code) return b->pat[k]->code;
    }
    return NULL;
}

static int is_event_noun(const sent_ctx *c, int i)
{
    const token *t = &c->t[i];
    return t->cls == LC_NONE && !(t->flags & (TF_PUNCT | TF_CAP)) && (t->pos_hint & LEX_CAN_NOUN) &&
           event_noun_code(c, i) != NULL;
}

static const char *group_code(const sent_ctx *c, int g) { return c->m[c->g[g].mem[0]].code; }

/* the verb at t0 is the second of two coordinated verbs: "... and urged" */
static int coordinated(const sent_ctx *c, int t0)
{
    int k = t0 - 1;
    while (k >= 0 && (c->t[k].cls == LC_ADVMOD || c->t[k].cls == LC_AUX_HAVE || c->t[k].cls == LC_MODAL)) k--;
    return k >= 0 && (FOLD_IS(&c->t[k], "and") || FOLD_IS(&c->t[k], ","));
}

static int prev_word(const sent_ctx *c, int i)
{
    int k = i - 1;
    while (k >= 0 && (c->t[k].cls == LC_ADVMOD || c->t[k].cls == LC_NEG ||
                      (c->t[k].fold_len > 4 && !strcmp(c->t[k].fold + c->t[k].fold_len - 2, "ly"))))
        k--;
    return k;
}

static int is_verbish(const sent_ctx *c, int k)
{
    const token *t = &c->t[k];
    const verb_list *ix = c->d->verbs_by_word;
    return (t->vlem_id && ix[t->vlem_id].n) || t->pos_hint == LEX_CAN_VERB;
}

/* used as a verb ("Serbia attacked") or as a noun ("an attack on")? */
static int verb_use(const sent_ctx *c, int i)
{
    const token *t = &c->t[i];
    int p = prev_word(c, i);
    if (!(t->pos_hint & LEX_CAN_NOUN) && (t->pos_hint & LEX_CAN_VERB)) return 1;
    /* "a ceasefire brokered by Moscow": a participle before "by" + an actor is a passive verb */
    if ((t->form == FORM_ED || t->form == FORM_EN) && i + 2 < c->n && c->t[i + 1].cls == LC_BY &&
        (c->tok_group[i + 2] >= 0 || (i + 3 < c->n && c->t[i + 2].cls == LC_DET && c->tok_group[i + 3] >= 0)))
        return 1;
    if (p < 0) return t->form != FORM_BASE && t->form != FORM_S;
    const token *pt = &c->t[p];
    /* "by expelling diplomats", "after attacking the base": a gerund with an object */
    if ((pt->cls == LC_PREP || pt->cls == LC_BY || pt->cls == LC_SUBORD) && t->form == FORM_ING &&
        i + 1 < c->n && (c->t[i + 1].cls == LC_DET || c->tok_group[i + 1] >= 0 || c->t[i + 1].cls == LC_POSSPRON))
        return 1;
    if (pt->cls == LC_DET || pt->cls == LC_POSSPRON || pt->cls == LC_QUANT || (pt->flags & TF_POSS) ||
        (pt->flags & TF_NUM) || pt->cls == LC_PREP || pt->cls == LC_BY)
        return 0;
    if (pt->cls == LC_AUX_BE || pt->cls == LC_AUX_HAVE || pt->cls == LC_AUX_DO ||
        pt->cls == LC_MODAL || pt->cls == LC_TO || pt->cls == LC_PRON || pt->cls == LC_REL)
        return 1;
    if (c->tok_group[p] >= 0) return 1;       /* right after an actor: "Serbia attacked" */
    if (pt->flags & TF_PUNCT) return t->form == FORM_ED || t->form == FORM_ING || t->form == FORM_EN;
    if (pt->cls == LC_CONJ) return t->form != FORM_BASE;
    /* an adjective before it: "armed attack"; a verb before it: "held talks" */
    if (is_verbish(c, p)) return t->form == FORM_ING && c->t[p].cls == LC_NONE ? 0 : 0;
    if (c->tok_mention[p] >= 0) return 1;
    if ((pt->pos_hint & LEX_CAN_ADJ) && !(pt->flags & TF_CAP)) return 0;
    if (t->form == FORM_ED || t->form == FORM_EN) return 1;
    if (i + 1 < c->n && (c->t[i + 1].cls == LC_DET || c->tok_group[i + 1] >= 0)) return 1;
    return 0;
}

/* A noun names an event of the sentence's subject only as the object of a support verb
 * ("carried out an attack", "imposed sanctions", "held talks"); "Blinken denounced the
 * executions" says nothing of who executed whom. */
static const char *const support_verbs[] = {   /* sorted, for bsearch */
    "accept", "adopt", "agree", "announce", "approve", "back", "begin", "break", "bring",
    "broaden", "call", "carry", "claim", "commit", "conclude", "conduct", "continue", "coordinate",
    "declare", "deliver", "demand", "ease", "end", "escalate", "expand", "extend", "file", "give",
    "grant", "halt", "have", "hold", "host", "impose", "intensify", "issue", "join", "launch",
    "lead", "level", "lift", "lodge", "make", "mark", "mount", "offer", "open", "order",
    "organise", "organize", "part", "pay", "perpetrate", "plan", "pledge", "press", "promise",
    "propose", "provide", "reach", "receive", "renew", "resume", "seek", "send", "sign", "stage",
    "start", "step", "strike", "support", "suspend", "take", "threaten", "tighten", "unleash",
    "violate", "vow", "wage", "welcome"
};

int code_word_lists_sorted(void) { return WORDS_SORTED(support_verbs, 64); }

static int support_before(const sent_ctx *c, int i)
{
    for (int k = i - 1, steps = 0; k >= 0 && steps < 5; k--, steps++) {
        const token *t = &c->t[k];
        if (t->cls == LC_DET || t->cls == LC_QUANT || t->cls == LC_POSSPRON || t->cls == LC_NEG ||
            (t->flags & TF_NUM)) continue;
        /* "in a telephone call with", "during talks with": the subject takes part */
        if ((t->cls == LC_PREP || t->cls == LC_SUBORD) &&
            (FOLD_IS(t, "in") || FOLD_IS(t, "during") || FOLD_IS(t, "at") ||
             FOLD_IS(t, "through") || FOLD_IS(t, "after") || FOLD_IS(t, "before")))
            return 1;
        if (t->cls != LC_NONE || (t->flags & TF_PUNCT)) return 0;
        if (t->vlem_id && c->tok_group[k] < 0) {
            const char *lem = c->d->words[t->vlem_id];
            if (WORDS_HAS(support_verbs, lem)) return 1;
        }
        if (c->tok_group[k] >= 0) return 0;
    }
    return 0;
}

/* "Russia's invasion of Ukraine": the possessor of a noun is its agent */
static int possessor_of(const sent_ctx *c, int i)
{
    int k = i - 1;
    while (k >= 0 && (c->t[k].cls == LC_NONE || c->t[k].cls == LC_QUANT) && c->tok_group[k] < 0 &&
           !(c->t[k].flags & (TF_PUNCT | TF_POSS)) && i - k < 4)
        k--;
    if (k >= 1 && (c->t[k].flags & TF_POSS) && c->tok_group[k - 1] >= 0) return c->tok_group[k - 1];
    return -1;
}

static int negated(const sent_ctx *c, int i)
{
    int vu = c->tok_unit[i];
    for (int k = i - 1, steps = 0; k >= 0 && steps < 4; k--, steps++) {
        const token *t = &c->t[k];
        if (clause_rel(c, vu, c->tok_unit[k]) != 0) break;
        if (t->cls == LC_NEG) return 1;
        if (!(t->cls == LC_AUX_BE || t->cls == LC_AUX_HAVE || t->cls == LC_AUX_DO ||
              t->cls == LC_MODAL || t->cls == LC_ADVMOD || t->cls == LC_TO ||
              (t->fold_len > 4 && !strcmp(t->fold + t->fold_len - 2, "ly"))))
            break;
    }
    return 0;
}

static int passive(const sent_ctx *c, int t0, int t1)
{
    const token *v = &c->t[t0];
    if (v->form != FORM_ED && v->form != FORM_EN) return 0;
    /* "brokered by Moscow" is passive; "spoke by phone" is not: the by-phrase names an actor */
    if (t1 < c->n && c->t[t1].cls == LC_BY) {
        int k = t1 + 1;
        while (k < c->n && (c->t[k].cls == LC_DET || c->t[k].cls == LC_QUANT)) k++;
        if (k < c->n && c->tok_group[k] >= 0) return 1;
        if (k < c->n && (c->t[k].flags & TF_CAP)) return 1;
    }
    int p = prev_word(c, t0);
    if (p >= 0 && (c->t[p].cls == LC_AUX_BE || FOLD_IS(&c->t[p], "got"))) return 1;
    return 0;
}

/* "Machar was placed under house arrest", "kept under arrest": an act named after a
 * participle and "under" is done to the clause's subject, like a passive verb */
static int under_participle(const sent_ctx *c, int t0)
{
    if (t0 < 2 || !FOLD_IS(&c->t[t0 - 1], "under")) return 0;
    const token *v = &c->t[t0 - 2];
    return v->form == FORM_ED || v->form == FORM_EN;
}

/* ---- actor search --------------------------------------------------------------------- */

static int first_mention(const sent_ctx *c, int g) { return c->g[g].mem[0]; }

static int find_subject(const sent_ctx *c, int vu)
{
    int of_gov = -1, k;
    for (k = vu - 1; k >= 0; k--) {
        int rel = clause_rel(c, vu, k);
        if (rel < 0) break;
        if (rel > 0) continue;          /* a nested clause: "X, which ..., attacked" */
        int g = c->u[k].group;
        if (g < 0) continue;
        const mention *m = &c->m[first_mention(c, g)];
        if (m->location) continue;
        if (!m->prep) return g;
        if (of_gov < 0 && m->prep_word && !strcmp(m->prep_word, "of")) of_gov = g;
    }
    if (of_gov >= 0) return of_gov;
    /* "..., which attacked": the antecedent of a relative pronoun */
    int first = k + 1;
    while (first < vu && clause_rel(c, vu, first) != 0) first++;
    if (first < c->nu && c->u[first].group < 0) {
        const token *t = &c->t[c->u[first].t0];
        if (t->cls == LC_REL && !FOLD_IS(t, "that")) {
            for (int j = first - 1; j >= 0 && j >= first - 3; j--)
                if (c->u[j].group >= 0) return c->u[j].group;
        }
    }
    return -1;
}

static int by_agent(const sent_ctx *c, int vu_end)
{
    for (int k = vu_end + 1; k < c->nu && k <= vu_end + 3; k++) {
        if (c->u[k].group >= 0) return -1;
        const token *t = &c->t[c->u[k].t0];
        if (t->cls == LC_BY) {
            for (int j = k + 1; j < c->nu && j <= k + 3; j++) {
                if (c->u[j].group >= 0) return c->u[j].group;
                if (clause_rel(c, vu_end, j) < 0) break;
            }
            return -1;
        }
    }
    return -1;
}

static int find_target(const sent_ctx *c, int vu_end, const char *src)
{
    int weak = -1;
    for (int k = vu_end + 1; k < c->nu; k++) {
        int rel = clause_rel(c, vu_end, k);
        if (rel < 0) break;
        if (rel > 0) continue;
        int g = c->u[k].group;
        if (g < 0) {
            const token *t = &c->t[c->u[k].t0];
            if (FOLD_IS(t, ",") || FOLD_IS(t, ".")) break;
            continue;
        }
        const mention *m = &c->m[first_mention(c, g)];
        if (m->prep == LC_BY) continue;
        if (src && !strcmp(group_code(c, g), src)) continue;
        /* "deployed troops to Kosovo": a bare agent is more often the thing moved than the
           one acted on; take it only if no named actor follows */
        if (m->location && c->g[g].n == 1) continue;
        if ((m->agent_only || m->modifier) && c->g[g].n == 1) { if (weak < 0) weak = g; continue; }
        return g;
    }
    return weak;
}

/* ---- patterns ----------------------------------------------------------------------- */

typedef struct pmatch { int src, tgt, comp; } pmatch;

/* how many units a pattern element may skip to find its match */
enum { MAX_WORD_GAP = 5, MAX_ACTOR_GAP = 10 };

/* does member m of set s match at token i? its length, else 0 */
static int member_at(const sent_ctx *c, const synset *s, int m, int i)
{
    int len = s->memlen[m], ok = i + len <= c->n;
    for (int k = 0; k < len && ok; k++)
        ok = wm_match_any(&s->mem[m][k], &c->t[i + k]) &&
             (c->tok_group[i + k] < 0 || c->m[c->g[c->tok_group[i + k]].mem[0]].bare_agent);
    return ok ? len : 0;
}

/* length in tokens of a synonym-set member matching at token i, else 0: the first member, in
   the set's order, that matches. A keyed set (dict.h, synset.mkey) tries only the members
   token i can begin */
static int syn_match(const sent_ctx *c, const synset *s, int i)
{
    const token *t0 = &c->t[i];
    if (!synset_may_start(s, t0->fold_id, t0->nlem_id, t0->vlem_id)) return 0;
    enum { MAX_CAND = 64 };
    uint32_t cand[MAX_CAND]; int nc = 0;
    if (s->mkey && s->nmother <= MAX_CAND) {
        for (int q = 0; q < s->nmother; q++) cand[nc++] = s->mother[q];
        uint32_t ids[3] = { t0->fold_id, t0->nlem_id, t0->vlem_id };
        for (unsigned m = IDM_FNV(t0->idm); m && nc >= 0; m &= m - 1) {
            int k = __builtin_ctz(m);
            int lo, hi = dict_key_range(s->mkey, s->nmkey, ids[k], &lo);
            if (nc + hi - lo > MAX_CAND) nc = -1;   /* too many: the plain walk */
            else for (; lo < hi; lo++) cand[nc++] = (uint32_t)s->mkey[lo];
        }
    } else nc = -1;
    if (nc < 0) {
        for (int m = 0; m < s->n; m++) { int len = member_at(c, s, m, i); if (len) return len; }
        return 0;
    }
    for (int q = 1; q < nc; q++)   /* a handful: insertion sort, into the set's order */
        for (int r = q; r > 0 && cand[r - 1] > cand[r]; r--) { uint32_t x = cand[r]; cand[r] = cand[r - 1]; cand[r - 1] = x; }
    for (int q = 0; q < nc; q++) {
        if (q && cand[q] == cand[q - 1]) continue;
        int len = member_at(c, s, (int)cand[q], i);
        if (len) return len;
    }
    return 0;
}

static int syn_at(const sent_ctx *c, const synset *s, int i)
{
    if (!c->syn_rows) return syn_match(c, s, i);
    if (c->syn_row_serial[s->id] != c->serial) {
        c->syn_rows[s->id] = arena_alloc(c->a, (size_t)c->n + 1);
        c->syn_row_serial[s->id] = c->serial;
    }
    uint8_t *memo = &c->syn_rows[s->id][i];
    if (!*memo) {
        int len = syn_match(c, s, i);
        *memo = (uint8_t)(len < 254 ? len + 1 : 255);
        if (len >= 254) return len;
    }
    return *memo - 1;
}

/* An actor with a role word ("troops", "Latvia's ambassador") is an actor unit, but patterns
 * may also read its words as words: "- * TROOP TO +" must see "deployed troops to Kosovo",
 * "- * &DIPLOMAT TO_LEAVE" must see "ordered Latvia's ambassador to leave". */
static int bare_agent_word(const sent_ctx *c, const unit *un, const pat_elem *e, const synset *s)
{
    const group *g = &c->g[un->group];
    if (g->n != 1 || !(c->m[g->mem[0]].bare_agent || c->m[g->mem[0]].agent)) return 0;
    for (int i = un->t0; i < un->t1; i++) {
        if (e && wm_match_any(&e->w, &c->t[i])) return 1;
        if (s && syn_at(c, s, i)) return 1;
    }
    return 0;
}

/* ---- presence prefilter ---------------------------------------------------------------- */

static inline void sig_set(uint64_t sig[SIG_WORDS], unsigned bit) { sig[bit >> 6] |= 1ull << (bit & 63); }

void code_stamp(sent_ctx *c, uint32_t *stamp, uint32_t serial)
{
    const dict *d = c->d;
    memset(c->sig, 0, sizeof c->sig);
    c->has_sig = c->syn_seen && d->syn_at;
    for (int i = 0; i < c->n; i++) {
        const token *t = &c->t[i];
        stamp[t->fold_id] = serial; stamp[t->nlem_id] = serial; stamp[t->vlem_id] = serial;
        /* the synonym sets these words can begin are present (synset_present reads it) */
        if (!c->has_sig) continue;
        uint32_t ids[3] = { t->fold_id, t->nlem_id, t->vlem_id };
        for (unsigned m = IDM_FNV(t->idm); m; m &= m - 1) {
            int k = __builtin_ctz(m);
            sig_set(c->sig, sig_word_bit(ids[k]));
            if (!WH_ANY_ID(t->wh, WH_SYN) || ids[k] >= d->syn_words || !dict_word_has(d, ids[k], WH_SYN)) continue;
            for (uint32_t j = d->syn_at[ids[k]]; j < d->syn_at[ids[k] + 1]; j++) {
                c->syn_seen[d->syn_of[j]] = (serial << 1) | 1;
                sig_set(c->sig, sig_syn_bit((int)d->syn_of[j]));
            }
        }
    }
    for (int j = 0; j < SIG_WORDS; j++) c->sig_absent[j] = ~c->sig[j];
    stamp[0] = 0;   /* id 0 is "no word" */
    c->stamp = stamp; c->serial = serial;
}

/* the sentence may hold every word and set the pattern cannot do without (dict.h), when the
   sentence has a signature (block_best's index asks only then) */
static inline int sig_fits(const sent_ctx *c, const uint64_t *sig)
{
    /* two words at a time (GCC's vector extension, which clang has too: SSE2 on x86-64,
       NEON elsewhere); the loop over single words was a third of the matcher's own work */
    typedef uint64_t sig_pair __attribute__((vector_size(16)));
    sig_pair x = { 0, 0 };
    for (int j = 0; j < SIG_WORDS; j += 2) {
        sig_pair s, a;
        memcpy(&s, sig + j, sizeof s); memcpy(&a, c->sig_absent + j, sizeof a);
        x |= s & a;
    }
    return !(x[0] | x[1]);
}

static inline int sig_possible(const sent_ctx *c, const uint64_t *sig)
{
    return !c->has_sig || sig_fits(c, sig);
}

static int word_present(const sent_ctx *c, const word_match *w)
{
    if (!c->stamp) return 1;
    if (w->prefix) return 1;
    if (c->stamp[w->fold] == c->serial) return 1;
    if (w->exact) return 0;
    return (w->vlem && c->stamp[w->vlem] == c->serial) || (w->nlem && c->stamp[w->nlem] == c->serial);
}

static int synset_present(const sent_ctx *c, const synset *s)
{
    if (!c->stamp || !c->syn_seen) return 1;
    uint32_t memo = c->syn_seen[s->id];
    if (memo >> 1 == c->serial) return (int)(memo & 1);
    int yes = 0;
    if (c->d->syn_at) yes = c->d->syn_always[s->id];     /* code_stamp marked the others */
    else for (int m = 0; m < s->n && !yes; m++) yes = word_present(c, &s->mem[m][0]);
    c->syn_seen[s->id] = (c->serial << 1) | (uint32_t)yes;
    return yes;
}

/* every word and synonym set of the pattern occurs somewhere in the sentence */
static int pattern_possible(const sent_ctx *c, const pattern *p)
{
    for (int k = 0; k < p->nlower; k++) {
        const pat_elem *e = &p->lower[k];
        if (e->kind == PE_WORD && !word_present(c, &e->w)) return 0;
        if (e->kind == PE_SYN && !synset_present(c, e->syn)) return 0;
    }
    for (int k = 0; k < p->nupper; k++) {
        const pat_elem *e = &p->upper[k];
        if (e->kind == PE_WORD && !word_present(c, &e->w)) return 0;
        if (e->kind == PE_SYN && !synset_present(c, e->syn)) return 0;
    }
    return 1;
}

/* "signed the accord in Addis Ababa": a place after in/at/near is where, not who */
static int is_location_group(const sent_ctx *c, int g)
{
    return c->g[g].n == 1 && c->m[c->g[g].mem[0]].location;
}

/* does element e match at unit u? returns the number of units it covers (0 = no) */
static inline int elem_at(const sent_ctx *c, const pat_elem *e, int u, pmatch *pm, int dir)
{
    const unit *un = &c->u[u];
    switch (e->kind) {
    case PE_WORD:
        /* TABARI: a pattern's word may be the edge word of an actor ("- TANKS *" in "Brenn
           tanks launched"): the actor's last word going left, its first going right */
        if (un->group >= 0 && TABARI_LIKE(c->d) &&
            wm_match_any(&e->w, &c->t[dir < 0 ? un->t1 - 1 : un->t0])) return 1;
        if (un->group >= 0) return bare_agent_word(c, un, e, NULL);
        return wm_match_any(&e->w, &c->t[un->t0]);
    case PE_SYN: {
        if (un->group >= 0) return bare_agent_word(c, un, NULL, e->syn);
        if (dir < 0) {   /* leftwards: try members ending here, each length once */
            for (int m = 0; m < e->syn->nlens; m++) {
                int len = e->syn->lens[m], s = un->t0 - len + 1;
                if (s < 0) continue;
                if (syn_at(c, e->syn, s) == len) return len;
            }
            return 0;
        }
        return syn_at(c, e->syn, un->t0);
    }
    case PE_SRC:
        if (un->group < 0 || is_location_group(c, un->group)) return 0;
        pm->src = un->group; return 1;
    case PE_TGT:
        if (un->group < 0 || is_location_group(c, un->group)) return 0;
        pm->tgt = un->group; return 1;
    case PE_SKIP: return un->group >= 0;
    case PE_COMP:
        if (un->group < 0 || c->g[un->group].n < 2) return 0;
        pm->comp = un->group; return 1;
    }
    return 0;
}

static int tabari_break(const sent_ctx *c, int i);

static int match_side(const sent_ctx *c, const pat_elem *el, int ne, int start, int dir, pmatch *pm)
{
    int pos = start;
    int vu = dir > 0 ? start - 1 : start + 1;
    const int tabari = TABARI_LIKE(c->d);
    for (int k = 0; k < ne; k++) {
        const pat_elem *e = &el[k];
        int found = 0;
        /* a gap between elements is bounded: a context word far from the verb says little
           (TABARI's is bounded by the clause only) */
        int budget = tabari ? c->nu : (e->kind == PE_WORD || e->kind == PE_SYN) ? MAX_WORD_GAP : MAX_ACTOR_GAP;
        for (int u = pos; u >= 0 && u < c->nu && budget >= 0; u += dir, budget--) {
            /* TABARI: a pattern reaches over anything but a conjunction or a comma; the
               deleted comma clauses are not there */
            if (tabari) {
                int t0u = c->u[u].t0;
                if (c->gone && c->gone[t0u] && !e->consec) continue;
                if (c->u[u].group < 0 && (tabari_break(c, t0u) || FOLD_IS(&c->t[t0u], ","))) break;
                int len = elem_at(c, e, u, pm, dir);
                if (len) { pos = u + dir * len; found = 1; break; }
                if (e->consec) break;
                continue;
            }
            int rel = clause_rel(c, vu, u);
            if (rel < 0 && !(e->kind == PE_WORD && e->consec)) break;
            if (rel > 0 && !e->consec) continue;
            int len = elem_at(c, e, u, pm, dir);
            if (len) { pos = u + dir * len; found = 1; break; }
            if (e->consec) break;
            /* a gap may not cross a sentence-internal full stop */
            const token *t = &c->t[c->u[u].t0];
            if (c->u[u].group < 0 && t->fold_len == 1 && t->fold[0] == ';') break;
        }
        if (!found) return 0;
    }
    return 1;
}

/* match_side for one side of p, from the memo when another pattern with the same side was
   matched for this verb (a side writes only the actor slots it matches, so its result is
   the slots it set) */
static int side_of(const sent_ctx *c, const pattern *p, int side, int start, int dir, pmatch *pm)
{
    const pat_elem *el = side == SIDE_UPPER ? p->upper : p->lower;
    const int ne = side == SIDE_UPPER ? p->nupper : p->nlower;
    const uint32_t id = p->side_id[side];
    if (!c->sides || !id) return match_side(c, el, ne, start, dir, pm);
    side_memo *m = &c->sides[id];
    if (m->serial != c->side_now) {
        pmatch q = { -1, -1, -1 };
        m->ok = match_side(c, el, ne, start, dir, &q);
        m->src = q.src; m->tgt = q.tgt; m->comp = q.comp;
        m->serial = c->side_now;
    }
    if (m->src >= 0) pm->src = m->src;
    if (m->tgt >= 0) pm->tgt = m->tgt;
    if (m->comp >= 0) pm->comp = m->comp;
    return m->ok;
}

static int match_pattern(const sent_ctx *c, const pattern *p, int vu0, int vu1, pmatch *pm)
{
    pm->src = pm->tgt = pm->comp = -1;
    if (p->nupper && !side_of(c, p, SIDE_UPPER, vu1 + 1, +1, pm)) return 0;
    if (p->nlower && !side_of(c, p, SIDE_LOWER, vu0 - 1, -1, pm)) return 0;
    return 1;
}

static void trace_pattern(const sent_ctx *c, const pattern *p, int ok)
{
    fprintf(c->trace, "      %s %s [%s%s%s]\n", ok ? "MATCH" : "no   ", p->src,
            p->null_code ? "---" : p->code ? p->code : "", p->code2 ? ":" : "", p->code2 ? p->code2 : "");
}

/* p matched: is it better than best? equal specificity across blocks: the longer pattern,
   then one with a code */
static int better_pattern(const pattern *p, const pattern *best)
{
    if (!best || p->nlit > best->nlit) return 1;
    if (p->nlit != best->nlit) return 0;
    int lp = p->nlower + p->nupper, lb = best->nlower + best->nupper;
    return lp > lb || (lp == lb && best->null_code && !p->null_code);
}

/* tries pattern k of block b, whose shape and signature the sentence allows; 1 when the
   block's search is over (it matched, or no later pattern can beat best) */
static int try_pattern(const sent_ctx *c, const verb_block *b, int k, int vu0, int vu1,
                       const pattern **best, pmatch *bpm)
{
    const pattern *p = b->pat[k];
    if (*best && p->nlit < (*best)->nlit) return 1;
    pmatch pm;
    int ok = pattern_possible(c, p) && match_pattern(c, p, vu0, vu1, &pm);
    if (tr(c)) trace_pattern(c, p, ok);
    if (ok && better_pattern(p, *best)) { *best = p; *bpm = pm; }
    return ok;
}

/* the most specific pattern of block b that matches, if better than best: patterns are in
   order of specificity, so the first that matches ends the block. A block with rows
   (dict.h) visits only the patterns whose signature and shape the sentence allows; the
   others, and a traced sentence (whose trace lists the patterns tried), test each one. */
static void block_best(const sent_ctx *c, const verb_block *b, uint8_t skip, int vu0, int vu1,
                       const pattern **best, pmatch *bpm)
{
    enum { MAX_WORDS = 64 };
    const int w = b->row_words;
    if (!b->rows || !c->has_sig || tr(c) || w > MAX_WORDS) {
        for (int k = 0; k < b->npat; k++) {
            const pattern *p = b->pat[k];
            if (*best && p->nlit < (*best)->nlit) break;
            if (p->shape & skip) continue;
            if (!sig_possible(c, b->sig + (size_t)k * SIG_WORDS)) {
                if (tr(c)) trace_pattern(c, p, 0);
                continue;
            }
            if (try_pattern(c, b, k, vu0, vu1, best, bpm)) break;
        }
        return;
    }
    uint64_t cand[MAX_WORDS];
    memcpy(cand, b->rows + (size_t)ROW_NO_ANCHOR * (size_t)w, sizeof *cand * (size_t)w);
    for (int j = 0; j < SIG_WORDS; j++)
        for (uint64_t m = b->anchors[j] & c->sig[j]; m; m &= m - 1) {
            const uint64_t *row = b->rows + (size_t)(j * 64 + __builtin_ctzll(m)) * (size_t)w;
            for (int i = 0; i < w; i++) cand[i] |= row[i];
        }
    for (int r = 0; r < 4; r++)
        if (skip & (1 << r)) {
            const uint64_t *row = b->rows + (size_t)(ROW_SHAPE + r) * (size_t)w;
            for (int i = 0; i < w; i++) cand[i] &= ~row[i];
        }
    for (int i = 0; i < w; i++)
        for (uint64_t m = cand[i]; m; m &= m - 1) {
            int k = i * 64 + __builtin_ctzll(m);
            if (!sig_fits(c, b->sig + (size_t)k * SIG_WORDS)) continue;
            const word_match *a = b->pat[k]->anchor;
            if (a && !word_present(c, a)) continue;   /* pattern_possible would say so, dearer */
            if (try_pattern(c, b, k, vu0, vu1, best, bpm)) return;
        }
}

/* a one-member group for a target known only by its code (coreference) */
static int synthetic_target(sent_ctx *c, int t0, int t1, const char *code, const char *why)
{
    if (c->nm >= c->mcap || c->ng >= c->gcap) return -1;
    mention *m = &c->m[c->nm];
    memset(m, 0, sizeof *m);
    m->t0 = t0; m->t1 = t1; m->code = code; m->entry = why;
    group *g = &c->g[c->ng];
    g->n = 1; g->mem[0] = c->nm; g->t0 = t0; g->t1 = t1;
    c->nm++;
    return c->ng++;
}

/* the thing a judgement noun judges: within a few words before it, an actor (other than the
 * source) or an event noun resolved to its doer */
static int complement_target(sent_ctx *c, int t0, int sg)
{
    int vu = c->tok_unit[t0];
    for (int k = t0 - 1, steps = 0; k >= 0 && steps < 5; k--, steps++) {
        if (clause_rel(c, vu, c->tok_unit[k]) != 0) break;
        int g = c->tok_group[k];
        if (g >= 0) {
            /* "called the attacks on KFOR unacceptable": look past the source's own name */
            if (g == sg || !strcmp(group_code(c, g), group_code(c, sg))) continue;
            /* "Zarif called it an act of terrorism": "it" is the event just reported */
            const mention *pm = &c->m[c->g[g].mem[0]];
            if (pm->pronoun && FOLD_IS(&c->t[pm->t0], "it")) {
                const char *src = memory_event_other(c->mem, group_code(c, sg));
                if (src) return synthetic_target(c, k, k + 1, src, "coreference: the doer of the event 'it' names");
            }
            return g;
        }
        const token *t = &c->t[k];
        if (t->cls == LC_NONE && !(t->flags & (TF_PUNCT | TF_CAP)) && is_event_noun(c, k)) {
            int fam = event_family(event_noun_code(c, k));
            const char *src = fam ? memory_event_source(c->mem, fam) : NULL;
            if (src && strcmp(src, group_code(c, sg)))
                return synthetic_target(c, k, k + 1, src, "coreference: the doer of an earlier event");
            return -1;
        }
        if (t->cls == LC_NONE && (t->vlem_id || t->fold_id)) {
            /* stop at the judging verb itself */
            const char *lem = t->vlem_id ? c->d->words[t->vlem_id] : "";
            if (!strcmp(lem, "call") || !strcmp(lem, "describe") || !strcmp(lem, "brand") ||
                !strcmp(lem, "label") || !strcmp(lem, "term") || !strcmp(lem, "dub")) break;
        }
    }
    return -1;
}

/* the country of the first place named after the verb in its clause, if it is no actor */
static const char *place_target(const sent_ctx *c, int vu_end)
{
    for (int k = vu_end + 1; k < c->nu && k <= vu_end + 8; k++) {
        int rel = clause_rel(c, vu_end, k);
        if (rel < 0) break;
        if (rel > 0) continue;
        const unit *u = &c->u[k];
        if (u->group >= 0) continue;
        const char *pc = c->place_country[u->t0];
        if (pc) return pc;
    }
    return NULL;
}

static int crowd_source(const sent_ctx *c, int g)
{
    const mention *m = &c->m[c->g[g].mem[0]];
    return m->agent && (!strcmp(m->agent, "OPP") || !strcmp(m->agent, "CVL")) && !m->person;
}

static int synthetic_target(sent_ctx *c, int t0, int t1, const char *code, const char *why);

/* ---- event-noun coreference ----------------------------------------------------------- */

/* "Stoltenberg condemned the attacks", "Tang called the arrest a blatant violation": a
 * reaction's target is whoever did the thing it names. When the object of a statement verb
 * is an event noun, the target is the possessor ("Mali's decision") if any, else the source
 * of the latest event of the same family in the article. Returns a new one-member group. */
static int event_noun_target(sent_ctx *c, int t1)
{
    int k = t1;
    /* "condemned what it called a terrorist attack" */
    if (k + 2 < c->n && FOLD_IS(&c->t[k], "what") &&
        (c->t[k + 1].cls == LC_PRON || c->tok_group[k + 1] >= 0)) {
        k += 2;
        if (k < c->n && c->t[k].cls == LC_NONE) k++;
        if (k < c->n && FOLD_IS(&c->t[k], "as")) k++;
    }
    int k0 = k;
    while (k < c->n && k < k0 + 4 && (c->t[k].cls == LC_DET || c->t[k].cls == LC_QUANT ||
           (is_modifier_tok(c, k) && !is_event_noun(c, k))))
        k++;
    if (k >= c->n || c->tok_group[k] >= 0 || !is_event_noun(c, k)) return -1;
    int fam = event_family(event_noun_code(c, k));
    const char *src = fam == 8 ? memory_undone_source(c->mem) : fam ? memory_event_source(c->mem, fam) : NULL;
    if (!src) return -1;
    return synthetic_target(c, k, k + 1, src, "coreference: the doer of an earlier event");
}

/* ---- TABARI's actor rules (manual ch. 7) ----------------------------------------------- */

/* TABARI deletes comma-delimited (nonrestrictive) clauses before coding: a stretch between
 * two commas of more than MIN and at most MAX words, one from the last comma to the end of
 * more than EMIN and at most EMAX, one from the start to the first comma of more than BMIN and
 * at most BMAX (defaults 2/10, 2/10 and never; COMMA: in the rules). Counting starts again at
 * each comma; commas inside a compound actor do not count. */
static void tabari_commas(sent_ctx *c)
{
    c->gone = arena_alloc(c->a, (size_t)c->n + 1);
    memset(c->gone, 0, (size_t)c->n + 1);
    c->end_clause = -1;
    if (c->rules->comma_off) return;
    const int (*lim)[2] = c->rules->comma;     /* begin, middle, end */
    int start = 0, words = 0, first = 1;
    for (int i = 0; i <= c->n; i++) {
        int end = i == c->n || (i == c->n - 1 && (c->t[i].flags & TF_PUNCT) && !FOLD_IS(&c->t[i], ","));
        int comma = i < c->n && FOLD_IS(&c->t[i], ",") && c->tok_group[i] < 0;
        if (!end && !comma) { words += !(c->t[i].flags & TF_PUNCT); continue; }
        int kind = first ? 0 : end ? 2 : 1;
        /* a text cut off without its full stop has no end clause to delete (MARK-06) */
        int open_end = end && i == c->n;
        /* an end clause right after a deleted one stays ("Alvora's foreign minister,
           in remarks on Monday, urged Brenn ...") */
        int after_gone = kind == 2 && start > 0 && c->gone[start];
        int del = !(first && end) && !open_end && !after_gone && words > lim[kind][0] && words <= lim[kind][1];
        /* PETRARCH codes a terminal clause it does not delete (", the state news agency of
           Calder said") on its own */
        if (!del && kind == 2 && !first && !open_end && c->d->rules == RULES_PETRARCH) c->end_clause = start;
        if (del) for (int k = start; k < i + (kind == 1); k++) c->gone[k] = 1;   /* both commas */
        if (end) break;
        start = i; words = 0; first = 0;
    }
}

/* a clause ends at a conjunction that joins no compound actor, or a semicolon */
static int tabari_break(const sent_ctx *c, int i)
{
    /* a conjunction joining a compound actor is no break; one inside a single actor phrase's
       gap ("Calder and a Dunmark" for CALDER DUNMARK) still is */
    if (c->tok_group[i] >= 0 && c->g[c->tok_group[i]].n > 1) return 0;
    if (c->gone && i == c->end_clause) return 1;
    const char *f = c->t[i].fold;
    /* "awful and evil minister", "sheep and evil awful goats": an AND between adjectives, or
       between nouns (adjectives and determiners before the second), of TABARI's <ADJECTIVE>
       and <NOUN> lists joins no clauses */
    if (i > 0 && i + 1 < c->n && !strcmp(f, "and") && c->tok_group[i - 1] < 0) {
        const token *p = &c->t[i - 1], *q = &c->t[i + 1];
        if (word_tagged(c->d, p, WT_ADJ) && word_tagged(c->d, q, WT_ADJ)) return 0;
        if (word_tagged(c->d, p, WT_NOUN)) {
            int k = i + 1;
            while (k < c->n && (word_tagged(c->d, &c->t[k], WT_ADJ) || c->t[k].cls == LC_DET)) k++;
            if (k < c->n && word_tagged(c->d, &c->t[k], WT_NOUN)) return 0;
        }
    }
    return !strcmp(f, "and") || !strcmp(f, "but") || !strcmp(f, "or") || !strcmp(f, "nor") ||
           !strcmp(f, ";");
}

/* the clause of tokens [t0, t1): [*L, *R) */
static void tabari_clause(const sent_ctx *c, int t0, int t1, int *L, int *R)
{
    *L = t0; *R = t1;
    while (*L > 0 && !tabari_break(c, *L - 1)) (*L)--;
    while (*R < c->n && !tabari_break(c, *R)) (*R)++;
}

static int coded_group_at(const sent_ctx *c, int i)
{
    if (c->gone && c->gone[i]) return -1;
    int g = c->tok_group[i];
    return g >= 0 && group_code(c, g) ? g : -1;
}

/* TABARI: the source is the first actor of the clause [L, R) before the verb (else after
 * it); the target the first actor after the verb whose code differs from the source's, else
 * the nearest such actor before the verb. A verb with WAS/WERE/BEEN one or two words before
 * it and BY right after it (or after one more word) is passive: source and target change
 * places. A pattern's $ and + are kept. */
static void tabari_actors(const sent_ctx *c, int t0, int t1, int L, int R, int *sg, int *tg)
{
    int pat_src = *sg >= 0, pat_tgt = *tg >= 0;
    /* with a target from the pattern, the source is the first actor with another code */
    const char *tc = pat_tgt ? group_code(c, *tg) : NULL;
#define SRC_OK(g) ((g) >= 0 && (!tc || strcmp(group_code(c, (g)), tc)))
    for (int i = L; i < t0 && *sg < 0; i++) { int g = coded_group_at(c, i); if (SRC_OK(g)) *sg = g; }
    /* a later clause with no actor of its own keeps the sentence's source (manual 7.6) */
    for (int i = 0; i < L && *sg < 0; i++) { int g = coded_group_at(c, i); if (SRC_OK(g)) *sg = g; }
    /* no actor before the verb: TABARI takes the first one after it (manual 8.5, note 3) */
    for (int i = t1; i < R && *sg < 0 && !c->rules->def_src_prior; i++) {
        int g = coded_group_at(c, i);
        if (SRC_OK(g)) *sg = g;
    }
#undef SRC_OK
    const char *sc = *sg >= 0 ? group_code(c, *sg) : "";
    for (int i = t1; i < R && *tg < 0; i++) {
        int g = coded_group_at(c, i);
        if (g >= 0 && g != *sg && strcmp(group_code(c, g), sc)) *tg = g;
    }
    /* else the nearest before the verb */
    for (int i = t0 - 1; i >= L && *tg < 0; i--) {
        int g = coded_group_at(c, i);
        if (g >= 0 && g != *sg && strcmp(group_code(c, g), sc)) *tg = g;
    }
    /* BY right after the verb, or after one modifier ("was opposed earlier by") */
    int by = t1 < c->n && c->t[t1].cls == LC_BY;
    if (!by && t1 + 1 < c->n && c->t[t1 + 1].cls == LC_BY && c->tok_group[t1] < 0 &&
        !(c->t[t1].flags & TF_PUNCT)) by = 1;
    if (pat_src || pat_tgt || !by) return;
    for (int k = t0 - 1; k >= t0 - 2 && k >= 0; k--) {
        const char *f = c->t[k].fold;
        if (!strcmp(f, "was") || !strcmp(f, "were") || !strcmp(f, "been")) {
            int x = *sg; *sg = *tg; *tg = x;
            return;
        }
    }
}

/* DEFAULT: SOURCE [X] <PRIOR> TARGET [Y] <AFTER> (manual 8.5): the codes used when the
 * search found no actor; with PRIOR (AFTER), whenever no actor stands before (after) the
 * verb in its clause */
static void tabari_defaults(sent_ctx *c, int t0, int t1, int L, int R, int *sg, int *tg)
{
    const code_rules *r = c->rules;
    if (!r->def_src[0] && !r->def_tgt[0]) return;
    int before = 0, after = 0;
    for (int i = L; i < t0; i++) before |= coded_group_at(c, i) >= 0;
    for (int i = t1; i < R; i++) after |= coded_group_at(c, i) >= 0;
    if (r->def_src[0] && (*sg < 0 || (r->def_src_prior && !before)))
        *sg = synthetic_target(c, t0, t1, r->def_src, "DEFAULT: SOURCE");
    if (r->def_tgt[0] && (*tg < 0 || (r->def_tgt_after && !after)))
        *tg = synthetic_target(c, t0, t1, r->def_tgt, "DEFAULT: TARGET");
}

/* COMPLEX: (manual 8.7): a sentence with no actor before its first verb (NOACTPRIOR), or with
 * VERBS[n] verbs or CONJ[n] conjunctions or more, is set aside uncoded; so is one shorter
 * than SET: MINIMUM WORDS (manual 4.2) */
static int tabari_complex(const sent_ctx *c, int first_verb, int nverbs)
{
    const code_rules *r = c->rules;
    if (r->min_words) {     /* words as TABARI counts them: a comma is one, "Alvora's" one */
        int n = 0;
        for (int i = 0; i < c->n; i++) {
            const token *t = &c->t[i];
            if (FOLD_IS(t, ",")) n++;
            else if (!(t->flags & TF_PUNCT) && t->fold[0] != '\'' && !FOLD_IS(t, "n't")) n++;
        }
        if (n < r->min_words) return 1;
    }
    if (r->complex_verbs && nverbs >= r->complex_verbs) return 1;
    if (r->complex_conj) {
        int n = 0;
        for (int i = 0; i < c->n; i++) n += tabari_break(c, i) && !FOLD_IS(&c->t[i], ";");
        if (n >= r->complex_conj) return 1;
    }
    if (r->complex_noactprior && first_verb >= 0 && !r->def_src[0]) {
        for (int i = 0; i < first_verb; i++) if (coded_group_at(c, i) >= 0) return 0;
        return 1;
    }
    return 0;
}

/* ---- events ------------------------------------------------------------------------- */

static void add_event(sent_ctx *c, int sg, int tg, const char *code, int t0, int t1, const char *pat,
                      uint8_t weight)
{
    if (c->nev == c->evcap) {
        int nc = c->evcap ? c->evcap * 2 : 16;
        cand_event *ne = arena_alloc(c->a, sizeof *ne * (size_t)nc);
        if (c->nev) memcpy(ne, c->ev, sizeof *ne * (size_t)c->nev);
        c->ev = ne; c->evcap = nc;
    }
    cand_event *e = &c->ev[c->nev++];
    memset(e, 0, sizeof *e);
    e->src_group = sg; e->tgt_group = tg; e->code = code;
    e->verb_t0 = t0; e->verb_t1 = t1; e->pattern = pat; e->weight = weight;
}

/* a group of one member of group g, or -1 when there is no room */
static int member_group(sent_ctx *c, int g, int k)
{
    if (c->ng >= c->gcap) return -1;
    group *x = &c->g[c->ng];
    x->n = 1; x->mem[0] = c->g[g].mem[k];
    x->t0 = c->m[x->mem[0]].t0; x->t1 = c->m[x->mem[0]].t1;
    return c->ng++;
}

/* TABARI writes a paired code [X:Y] between compounds pair by pair: A->C X, C->A Y, A->D X,
 * D->A Y ... (DEMO-11), where expanding each event on its own would give all the Xs first */
static void tabari_pairs(sent_ctx *c)
{
    int any = 0;
    for (int k = 1; k < c->nev; k++)
        any |= c->ev[k].paired && c->ev[k - 1].tgt_group >= 0 &&
               (c->g[c->ev[k - 1].src_group].n > 1 || c->g[c->ev[k - 1].tgt_group].n > 1);
    if (!any) return;
    int cap = 0;
    for (int k = 0; k < c->nev; k++)
        cap += c->ev[k].tgt_group >= 0 ? c->g[c->ev[k].src_group].n * c->g[c->ev[k].tgt_group].n * 2 : 1;
    cand_event *out = arena_alloc(c->a, sizeof *out * (size_t)cap);
    int n = 0;
    for (int k = 0; k < c->nev; k++) {
        const cand_event *e = &c->ev[k];
        if (k + 1 < c->nev && c->ev[k + 1].paired && e->tgt_group >= 0) {
            const cand_event *p = &c->ev[k + 1];
            int sgr = e->src_group, tgr = e->tgt_group;
            /* a compound paired with itself ("- % * ... [044:045]"): each pair once */
            for (int i = 0; i < c->g[sgr].n; i++)
                for (int j = sgr == tgr ? i + 1 : 0; j < c->g[tgr].n; j++) {
                    int a = member_group(c, sgr, i), b = member_group(c, tgr, j);
                    if (a < 0 || b < 0) continue;
                    out[n] = *e; out[n].src_group = a; out[n].tgt_group = b; n++;
                    out[n] = *p; out[n].src_group = b; out[n].tgt_group = a; n++;
                }
            k++;
            continue;
        }
        out[n++] = *e;
    }
    c->ev = out; c->nev = n; c->evcap = cap;
}

static int tabari_noun(const sent_ctx *c, int t0)
{
    if (t0 > 0) {
        const char *f = c->t[t0 - 1].fold;
        if (!strcmp(f, "the") || !strcmp(f, "a") || !strcmp(f, "an")) return 1;
    }
    if (t0 == 0 || !(c->t[t0].flags & TF_CAP)) return 0;
    /* not in a text written all in capitals */
    for (uint32_t b = c->s->b0; b < c->s->b1; b++)
        if (c->text[b] >= 'a' && c->text[b] <= 'z') return 1;
    return 0;
}

/* TABARI's choice among a sentence's events: a dominant code [X!] replaces the others, a
 * subordinate one [X?] counts only when there is no other, and each clause gives the events
 * of its first coded verb (CODE BY CLAUSE, TABARI's default; or the sentence's first, or
 * all: SET: CODE BY SENTENCE, CODE ALL). */
static void tabari_select(sent_ctx *c)
{
    int dom = 0, main = 0;
    for (int k = 0; k < c->nev; k++) {
        dom += c->ev[k].weight == CW_DOMINANT;
        main += c->ev[k].weight != CW_SUBORD;
    }
    int n = 0;
    int *first = arena_alloc(c->a, sizeof *first * (size_t)(c->nu + 1));
    for (int k = 0; k <= c->nu; k++) first[k] = -1;
    for (int k = 0; k < c->nev; k++) {
        const cand_event *e = &c->ev[k];
        if (dom && e->weight != CW_DOMINANT) continue;
        if (main && e->weight == CW_SUBORD) continue;
        int cl = 0;           /* TABARI's clauses: delimited by conjunctions only */
        if (c->rules->code_by == CODE_BY_CLAUSE)
            for (int i = 0; i < e->verb_t0; i++) cl += tabari_break(c, i);
        if (cl > c->nu) cl = c->nu;
        if (c->rules->code_by != CODE_ALL && first[cl] >= 0 && first[cl] != e->verb_t0) continue;
        first[cl] = e->verb_t0;
        c->ev[n++] = *e;
    }
    c->nev = n;
    tabari_pairs(c);
}

/* the first token from i on with a verb entry under one of its ids (n if none): the usual
   token has none, and this loop keeps the tokens in registers (the coding loop's calls
   make the compiler read c->t again for every token) */
static int next_verb_word(const token *t, int i, int n)
{
    while (i < n && !WH_ANY_ID(t[i].wh, WH_VERB)) i++;
    return i;
}

void code_verbs(sent_ctx *c)
{
    int last_src = -1, last_vu = 0, last_tgt = -1, first_verb = -1, nverbs = 0;
    const int tabari = TABARI_LIKE(c->d);
    if (tabari) tabari_commas(c);
    for (int i = 0; i < c->n; i++) {
        /* (TABARI also looks up unknown words' roots) */
        if (!tabari && (i = next_verb_word(c->t, i, c->n)) >= c->n) break;
        /* TABARI codes any word its verb dictionary lists, modals ("SHOULD") too */
        if (c->tok_group[i] >= 0 || (c->t[i].flags & TF_PUNCT) ||
            (c->t[i].cls != LC_NONE && !tabari) || (c->gone && c->gone[i])) continue;
        vmatch vm;
        verbs_at(c, i, &vm);
        if (!vm.n) continue;
        int t0 = vm.t0, t1 = vm.t1;
        /* TABARI (manual 7.4): a verb word after THE, A or AN, or capitalized inside the
           sentence, is a noun: not coded, not counted */
        if (tabari && tabari_noun(c, t0)) { i = t1 - 1; continue; }
        /* a null-coded verb ("ACCORD [---]") is not counted for COMPLEX, as TABARI's nulls */
        const char *dcode = vm.v[0]->code ? vm.v[0]->code : vm.v[0]->block->code;
        if (dcode && !dict_null_code(dcode)) {
            if (first_verb < 0) first_verb = t0;
            nverbs++;
        }
        int head = i;
        int vu0 = c->tok_unit[t0], vu1 = c->tok_unit[t1 - 1];
        /* TABARI tells no nouns from verbs and reads negation only as pattern words */
        int as_verb = tabari || verb_use(c, head);
        int neg = !tabari && negated(c, t0);
        int pas = tabari ? 0 : as_verb ? passive(c, head, t1) : under_participle(c, t0);
        if (tr(c))
            fprintf(c->trace, "  verb \"%s\" as %s%s%s (%s)\n", tok_text(c, t0, t1),
                    as_verb ? "verb" : "noun", neg ? ", negated" : "", pas ? ", passive" : "",
                    vm.v[0]->src);
        /* a finite verb with its own subject is an event in its own right: context guards
           ("- CLAIM * [---]", meant for "claimed the attack") do not silence it */
        int finite = !tabari && as_verb && !pas && (t0 == 0 || !FOLD_IS(&c->t[t0 - 1], "to")) &&
                     (c->t[head].form == FORM_S || c->t[head].form == FORM_ED ||
                      c->t[head].form == FORM_EN);
        /* the most specific pattern over every block the word belongs to */
        const pattern *best = NULL; pmatch bpm = { -1, -1, -1 };
        /* patterns of another polarity are not tried (TABARI reads NOT only as a pattern
           word); context-only patterns ("- BEGIN * [143]" for "began a strike") describe the
           noun, and a tensed verb ("jets struck") is not in their context; a noun needs a
           pattern with a word of its own */
        const uint8_t skip = (uint8_t)((tabari ? 0 : neg ? PS_NOT_NEG : PS_NEG) |
                                       (finite ? PS_CONTEXT : 0) | (as_verb ? 0 : PS_NO_LIT));
        if (c->sides) c->side_now = ++*c->side_clock;   /* a new verb: the side memo is stale */
        for (int q = 0; q < vm.n; q++) block_best(c, vm.v[q]->block, skip, vu0, vu1, &best, &bpm);
        const char *code = NULL, *code2 = NULL, *src_line = NULL;
        uint8_t weight = CW_NORMAL;
        if (best) {
            if (best->discard) { c->discard = 1; return; }
            if (best->null_code) { i = t1 - 1; continue; }
            code = best->code; code2 = best->code2; src_line = best->src; weight = best->weight;
        } else if (as_verb && !neg) {
            const verb_entry *v = vm.v[0];
            code = v->code ? v->code : v->block->code;
            code2 = v->code ? v->code2 : v->block->code2;
            src_line = v->src;
            weight = v->block->weight;
            if (code && dict_null_code(code)) code = NULL;
        }
        int sg = bpm.src, tg = bpm.tgt;
        if (bpm.comp >= 0) { sg = tg = bpm.comp; }
        if (tabari) {
            i = t1 - 1;
            if (!code) continue;
            int L, R;
            tabari_clause(c, t0, t1, &L, &R);
            tabari_actors(c, t0, t1, L, R, &sg, &tg);
            tabari_defaults(c, t0, t1, L, R, &sg, &tg);
            /* a compound source with no target: its members act on each other */
            if (sg >= 0 && tg < 0 && c->g[sg].n > 1) tg = sg;
            if (tr(c))
                fprintf(c->trace, "    => %s  source %s  target %s%s\n", code,
                        sg >= 0 ? group_code(c, sg) : "-", tg >= 0 ? group_code(c, tg) : "-",
                        sg < 0 || (tg < 0 && !c->rules->monadic) ? "  (no event: TABARI needs both)" : "");
            if (sg < 0 || (tg < 0 && !c->rules->monadic)) continue;
            add_event(c, sg, tg, code, t0, t1, src_line, weight);
            if (code2 && tg >= 0) {
                add_event(c, tg, sg, code2, t0, t1, src_line, weight);
                c->ev[c->nev - 1].paired = 1;
            }
            continue;
        }
        int by = pas && sg < 0 ? by_agent(c, vu1) : -1;
        if (pas && sg < 0 && tg < 0) {
            sg = by;
            tg = find_subject(c, vu0);
        } else if (by >= 0) {
            /* a pattern named the target of a passive: the "by" phrase is still the source
               ("was expelled by Canada over the killing of ...") */
            sg = by;
        } else {
            if (sg < 0 && !as_verb) sg = possessor_of(c, t0);
            if (sg < 0 && (as_verb || support_before(c, t0))) sg = find_subject(c, vu0);
            /* "X attacked Y and killed Z": a verb with no subject of its own continues the
               subject of the previous verb of the same clause (not across clauses, and not
               for nouns) */
            if (sg < 0 && !pas && as_verb && last_src >= 0 && clause_rel(c, last_vu, vu0) == 0) sg = last_src;
            if (tg < 0) tg = find_target(c, vu1, sg >= 0 ? group_code(c, sg) : NULL);
        }
        /* "spoke by phone with Pashinyan and Aliyev and urged an immediate halt": a verb
           coordinated with the previous one, with no object of its own, acts on the same
           target */
        if (tg < 0 && as_verb && !pas && last_tgt >= 0 && sg == last_src && coordinated(c, t0) &&
            clause_rel(c, last_vu, vu0) == 0)
            tg = last_tgt;
        if (sg >= 0 && !pas && as_verb) { last_src = sg; last_vu = vu0; last_tgt = tg; }
        if (!code) { i = t1 - 1; continue; }
        if (tr(c))
            fprintf(c->trace, "    => %s  source %s  target %s\n", code,
                    sg >= 0 ? group_code(c, sg) : "-", tg >= 0 ? group_code(c, tg) : "-");
        /* protest: "Rallies erupted in Tbilisi" is the crowd's (the last crowd named, else the
           home country's opposition); a protest with no stated target is against the
           protesters' own government */
        if (code[0] == '1' && code[1] == '4') {
            if (sg < 0 && !as_verb) {
                const char *crowd = c->mem->last_crowd;
                if (!crowd && c->mem->home) {
                    char *x = arena_alloc(c->a, 8);
                    memcpy(x, c->mem->home, 3); memcpy(x + 3, "OPP", 4);
                    crowd = x;
                }
                if (crowd) sg = synthetic_target(c, t0, t1, crowd, "coreference: the protesters");
            }
            if (sg >= 0 && tg < 0) {
                const char *sc = group_code(c, sg);
                if (strlen(sc) >= 3 && strncmp(sc, "IGO", 3) && strncmp(sc, "NGO", 3) &&
                    !(strlen(sc) >= 6 && !strncmp(sc + 3, "GOV", 3))) {
                    char *x = arena_alloc(c->a, 8);
                    memcpy(x, sc, 3); memcpy(x + 3, "GOV", 4);
                    tg = synthetic_target(c, t0, t1, x, "convention: a protest is against its own government");
                }
            }
        }
        /* "Machar has been placed under house arrest", "was detained in Minsk": an arrest with
           no agent is the state's: the government of the place named after the verb, else of
           the country of the person arrested */
        if (sg < 0 && pas && tg >= 0 && !strncmp(code, "173", 3)) {
            const char *pc = c->place_country ? place_target(c, vu1) : NULL;
            const char *tc = group_code(c, tg);
            const char *cc = pc ? pc : (strlen(tc) >= 3 && strncmp(tc, "IGO", 3) && strncmp(tc, "NGO", 3)) ? tc : NULL;
            if (cc && strlen(cc) >= 3) {
                char *x = arena_alloc(c->a, 8);
                memcpy(x, cc, 3); memcpy(x + 3, "GOV", 4);
                sg = synthetic_target(c, t0, t1, x, "convention: an arrest with no agent is the state's");
            }
        }
        if (sg < 0) { i = t1 - 1; continue; }
        /* "Putin called the mutiny treason": a judgement noun's target is what it judges,
           the actor or event named just before it */
        int judging = event_family(code) == 1 || event_family(code) == 11 || !strncmp(code, "05", 2);
        if (tg < 0 && !as_verb && sg >= 0 && judging) {
            int ct = complement_target(c, t0, sg);
            if (ct >= 0) {
                tg = ct;
                if (tr(c)) fprintf(c->trace, "    target from the complement: %s\n", group_code(c, tg));
            }
        }
        if (bpm.tgt < 0 && as_verb) {
            int fam = event_family(code);
            if (fam == 1 || fam == 11 || (code[0] == '0' && code[1] == '5')) {
                int et = event_noun_target(c, t1);
                if (et >= 0) {
                    tg = et;
                    if (tr(c)) fprintf(c->trace, "    target by event coreference: %s\n", group_code(c, tg));
                }
            }
        }
        /* "Azerbaijan shelled Goris, Sotk and Jermuk": material conflict against a place is
           against the place's country */
        if (tg < 0 && as_verb && c->place_country && event_family(code) == 18) {
            const char *pc = place_target(c, vu1);
            const char *sc = group_code(c, sg);
            if (pc && strncmp(pc, sc, 3))
                tg = synthetic_target(c, t0, t1, pc, "place: the country of the place attacked");
        }
        /* "Yoon lifted martial law", "imposed a curfew": restrictions bear on the source's
           own population when no one else is named */
        if (tg < 0 && (!strncmp(code, "172", 3) || !strncmp(code, "081", 3))) {
            const char *sc = group_code(c, sg);
            if (strlen(sc) >= 3 && strncmp(sc, "IGO", 3) && strncmp(sc, "NGO", 3)) {
                char *x = arena_alloc(c->a, 8);
                memcpy(x, sc, 3); memcpy(x + 3, "CVL", 4);
                tg = synthetic_target(c, t0, t1, x, "convention: restrictions on the population");
            }
        }
        /* "Ukraine demanded that Russia withdraw", "warned that the South would respond":
           a demand, appeal, accusation or threat with no object is aimed at the subject of
           its that-clause */
        if (tg < 0 && as_verb && t1 < c->n && FOLD_IS(&c->t[t1], "that") &&
            (code[0] == '1' || !strncmp(code, "02", 2) || !strncmp(code, "01", 2))) {
            int vu = c->tok_unit[t1];
            for (int k = vu + 1; k < c->nu && k <= vu + 6; k++) {
                if (clause_rel(c, vu, k) < 0) break;
                int g = c->u[k].group;
                if (g < 0) continue;
                if (strncmp(group_code(c, g), group_code(c, sg), 3) || !strncmp(group_code(c, g), "IGO", 3)) tg = g;
                break;
            }
        }
        /* "Russia was ready to continue contacts": a cooperative act with no one named is
           with the counterpart the article has paired the source with ("Russia and Ukraine
           ... held talks") */
        if (tg < 0 && event_family(code) == 4 && c->mem->ncompound > 1) {
            const char *sc = group_code(c, sg), *other = NULL;
            int in_pair = 0;
            for (int q = 0; q < c->mem->ncompound; q++) {
                if (!strncmp(c->mem->compound[q], sc, 3)) in_pair = 1;
                else if (!other) other = c->mem->compound[q];
            }
            if (in_pair && other) tg = synthetic_target(c, t0, t1, other, "coreference: the source's counterpart");
        }
        /* "Hamas, which denied any role": a denial answers whoever last acted or spoke
           about it, the latest event source of another state */
        if (tg < 0 && !strcmp(code, "016")) {
            const char *other = memory_event_other(c->mem, group_code(c, sg));
            if (other) tg = synthetic_target(c, t0, t1, other, "coreference: whom the denial answers");
        }
        /* CAMEO: violence by protesters or a crowd is a violent protest (145), not an
           armed attack */
        if (event_family(code) == 18 && crowd_source(c, sg)) {
            code = "145";
            if (tr(c)) fprintf(c->trace, "    crowd violence: coded 145\n");
        }
        add_event(c, sg, tg, code, t0, t1, src_line, weight);
        c->ev[c->nev - 1].noun = (uint8_t)!as_verb;
        c->ev[c->nev - 1].passive = (uint8_t)pas;
        memory_event(c->mem, code, group_code(c, sg));
        if (code2 && tg >= 0) add_event(c, tg, sg, code2, t0, t1, src_line, weight);
        i = t1 - 1;
    }
    if (tabari) {
        if (tabari_complex(c, first_verb, nverbs)) c->nev = 0;
        tabari_select(c);
    }
}

int code_discard(sent_ctx *c)
{
    if (!WH_FOLD_NLEM(c->wh_any, WH_DISCARD)) return 0;   /* most sentences: no discard word */
    for (int i = 0; i < c->n; i++) {
        const token *t = &c->t[i];
        if (!WH_FOLD_NLEM(t->wh, WH_DISCARD)) continue;
        uint32_t keys[2] = { t->fold_id, t->nlem_id };
        for (unsigned m = IDM_FNV(t->idm) & 3u; m; m &= m - 1) {   /* fold and noun lemma */
            int k = __builtin_ctz(m);
            if (!dict_word_has(c->d, keys[k], WH_DISCARD)) continue;
            const phrase_list *l = &c->d->discard_by_word[keys[k]];
            for (int j = 0; j < l->n; j++) {
                const phrase *p = l->v[j];
                int ok = i + p->nw <= c->n;
                for (int q = 0; q < p->nw && ok; q++) ok = wm_match_any(&p->w[q], &c->t[i + q]);
                /* a dated discard ("[ONO <911226] [###]") holds only where its code is ### */
                if (ok && p->entry) {
                    const char *code = dict_actor_code(p->entry, c->mem->date);
                    ok = code && !strcmp(code, "###");
                }
                if (ok) {
                    if (tr(c)) fprintf(c->trace, "  discard: %s\n", p->src);
                    return p->anaphor ? 2 : 1;
                }
            }
        }
    }
    return 0;
}
