/* mention.c - actor mentions: finds dictionary phrases (actors, agents, anaphors) in a
 * sentence, groups them with names and modifiers into noun-phrase-like chunks, and gives
 * each chunk one CAMEO code:
 *   a person's dated code  >  a country/IGO/group code (+ the agent's role)  >  an anaphor
 *   resolved from the article memory  >  an agent with the article's country.
 * Also joins appositives ("Millan Radoicic, a former deputy leader of the Serbian List") and
 * resolves pronouns. No parser: chunks are built from word classes and capitalization. */
#include "code.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

typedef struct hit { int t0, t1; const phrase *p; } hit;


static inline int wm_match(const word_match *w, const token *t)
{
    if (w->prefix) return strncmp(t->fold, w->text, strlen(w->text)) == 0;
    if (t->fold_id && t->fold_id == w->fold) return 1;
    if (w->endings == WE_PLURAL && plural_form(t->fold, w->text)) return 1;
    if (w->exact) return 0;
    return t->nlem_id && t->nlem_id == w->nlem;
}

/* the tokens phrase p covers from token i, or 0. A TABARI phrase word written after a blank
 * ("DUKE CALDER_VALE") may come a few words later ("Duke of Calder Vale"). */

/* the slow path of phrase_at, for a phrase with a TABARI gap */
static int phrase_at_gapped(const phrase *p, const token *t, int i, int n)
{
    int at = i;
    for (int k = 0; k < p->nw; k++, at++) {
        int skip = k > 0 && p->w[k].gap ? TABARI_MAX_GAP : 0;
        for (;; at++) {
            if (at >= n) return 0;
            int punct_ok = k == 0 || !(t[at].flags & TF_PUNCT) ||
                           (p->w[k].text[0] && ispunct((unsigned char)p->w[k].text[0]));
            if (punct_ok && wm_match(&p->w[k], &t[at])) break;
            if (skip > 0 && (t[at].flags & TF_QUOTE)) continue;   /* Jo "The Hawk" Brenn */
            if (!punct_ok || skip-- <= 0) return 0;
        }
    }
    return at - i;
}

static inline int phrase_at(const phrase *p, const token *t, int i, int n)
{
    if (i + p->nw > n) return 0;
    for (int k = 0; k < p->nw; k++) {
        if (k > 0 && p->w[k].gap) return phrase_at_gapped(p, t, i, n);
        if (k > 0 && (t[i + k].flags & TF_PUNCT) && !(p->w[k].text[0] && ispunct((unsigned char)p->w[k].text[0])))
            return 0;
        if (!wm_match(&p->w[k], &t[i + k])) return 0;
    }
    return p->nw;
}

/* a cheap test before phrase_at: the phrase's second word cannot be token i+1 (long lists,
   such as the hundreds of phrases a set may begin with THE, fail here) */
static inline int second_word_fails(const phrase *p, const token *t, int i, int n)
{
    if (p->nw < 2) return 0;
    if (i + p->nw > n) return 1;
    if (!phrase_told_by_second(p)) return 0;
    const word_match *w = &p->w[1];
    const token *u = &t[i + 1];
    return u->fold_id != w->fold && (w->exact || !u->nlem_id || u->nlem_id != w->nlem);
}

static int type_rank(uint8_t type) { return type == PH_ACTOR ? 3 : type == PH_AGENT ? 2 : 1; }

/* the best phrase so far: the longest, then the actor over the agent over the anaphor, then
   the first in the order of the keys and of their lists */
typedef struct best_phrase { const phrase *p; int nw, rank, k, j, span; } best_phrase;

/* does phrase j of list l, found under key k, match at token i, and is it better? Always
   inline: called for some five phrases a sentence from four places in consider_list, and its
   call (the best so far in memory, six arguments) cost more than its work */
static inline __attribute__((always_inline)) void consider(const sent_ctx *c, int i, const uint32_t keys[3],
                                                           int k, const phrase_list *l, int j, best_phrase *b)
{
    const token *t = c->t;
    const phrase *p = l->v[j];
    int ok, span = 0;
    if (k == 2) {   /* the dotted key matched the first word; check the rest */
        ok = 1;
        for (int q = 1; q < p->nw && ok; q++)
            ok = i + q < c->n && wm_match(&p->w[q], &t[i + q]);
        ok = ok && i + p->nw <= c->n && p->w[0].fold == keys[2];
        span = p->nw;
    } else ok = span = phrase_at(p, t, i, c->n);
    if (!ok) return;
    int rank = type_rank(p->type);
    if (b->p && (p->nw < b->nw || (p->nw == b->nw && (rank < b->rank || (rank == b->rank &&
                 (k > b->k || (k == b->k && j > b->j))))))) return;
    b->p = p; b->nw = p->nw; b->rank = rank; b->k = k; b->j = j; b->span = span;
}

/* the phrases of list l that may match at token i: all of a short list, else those that
   cannot be told by their second word and those whose second word token i+1 is */
static void consider_list(const sent_ctx *c, int i, const uint32_t keys[3], int k, const phrase_list *l,
                          best_phrase *b)
{
    const phrase_keys *x = l->keys;
    if (!x) {
        for (int j = 0; j < l->n; j++)
            if (!second_word_fails(l->v[j], c->t, i, c->n)) consider(c, i, keys, k, l, j, b);
        return;
    }
    for (int q = 0; q < x->nother; q++) consider(c, i, keys, k, l, (int)x->other[q], b);
    if (i + 1 >= c->n) return;
    const token *u = &c->t[i + 1];
    int lo, hi;
    if (u->fold_id)
        for (hi = dict_key_range(x->by_fold, x->nfold, u->fold_id, &lo); lo < hi; lo++)
            consider(c, i, keys, k, l, (int)(uint32_t)x->by_fold[lo], b);
    if (u->nlem_id)
        for (hi = dict_key_range(x->by_nlem, x->nnlem, u->nlem_id, &lo); lo < hi; lo++) {
            int j = (int)(uint32_t)x->by_nlem[lo];
            if (l->v[j]->w[1].fold != u->fold_id) consider(c, i, keys, k, l, j, b);   /* not twice */
        }
}

/* may token k begin a phrase: by either id, by its dotted form ("US"), or (TABARI) by a stem?
   Most words begin none, and best_at is not asked */
static inline int may_begin_phrase(const token *k, int tabari)
{
    return WH_FOLD_NLEM(k->wh, WH_PHRASE) || ((k->flags & TF_ALLCAP) && k->fold_len <= 3) ||
           (tabari && !k->fold_id && !k->nlem_id);
}

/* longest phrase starting at token i, from one index; for a token that may begin one
   (may_begin_phrase) */
static const phrase *best_at(const sent_ctx *c, const phrase_list *ix, int i, int *len)
{
    const token *t = c->t;
    *len = 0;
    uint32_t keys[3] = { t[i].fold_id, t[i].nlem_id, 0 };
    /* "US" in capitals is the country, not the pronoun */
    if ((t[i].flags & TF_ALLCAP) && t[i].fold_len <= 3) {
        char dotted[16]; int o = 0;
        for (uint32_t k = 0; k < t[i].fold_len && o < 12; k++) { dotted[o++] = t[i].fold[k]; dotted[o++] = '.'; }
        keys[2] = dict_word_id(c->d, dotted, (size_t)o);
    }
    best_phrase b = { NULL, 0, 0, 0, 0, 0 };
    /* the keys there, each once, in order: the fold and a noun lemma that differs from it
       (the token's idm bits say which), and the dotted form */
    for (unsigned m = (IDM_FNV(t[i].idm) & 3u) | (keys[2] ? 4u : 0u); m; m &= m - 1) {
        int k = __builtin_ctz(m);
        if (!dict_word_has(c->d, keys[k], WH_PHRASE)) continue;
        consider_list(c, i, keys, k, &ix[keys[k]], &b);
    }
    const phrase *best = b.p; int bl = b.nw, blen = b.span;
    /* TABARI stems ("ALVOR" finds "Alvorans"): a word no index knows is looked up by its
       prefixes, longest first */
    if (!best && TABARI_LIKE(c->d) && !t[i].fold_id && !t[i].nlem_id)
        for (size_t pl = t[i].fold_len; pl-- > 3 && !best;) {
            uint32_t id = dict_word_id(c->d, t[i].fold, pl);
            const phrase_list *l = id ? &ix[id] : NULL;
            for (int j = 0; l && j < l->n; j++) {
                const phrase *p = l->v[j];
                int span = p->w[0].prefix ? phrase_at(p, t, i, c->n) : 0;
                if (span && p->nw > bl) { best = p; bl = p->nw; blen = span; }
            }
        }
    *len = blen;
    return best;
}

static int any_cap(const token *t, int i, int n)
{
    for (int k = i; k < i + n; k++) if (t[k].flags & (TF_CAP | TF_NUM)) return 1;
    return 0;
}

/* capitalized words that are not names: months, weekdays, titles; listed by first letter, so
   that a word compares itself only with those it begins like (most names begin otherwise and
   compare with none; the one list of 35 cost a capitalized word some 140 instructions) */
typedef struct not_name_word { const char *w; uint8_t n; } not_name_word;
#define W(s) { s, sizeof s - 1 }
static const not_name_word nn_a[] = { W("april"), W("august"), W("apr"), W("aug"), { NULL, 0 } };
static const not_name_word nn_d[] = { W("december"), W("dr"), W("dec"), { NULL, 0 } };
static const not_name_word nn_f[] = { W("february"), W("friday"), W("feb"), { NULL, 0 } };
static const not_name_word nn_j[] = { W("january"), W("june"), W("july"), W("jan"), W("jun"), W("jul"),
                                      { NULL, 0 } };
static const not_name_word nn_m[] = { W("march"), W("may"), W("monday"), W("mr"), W("mrs"), W("ms"),
                                      W("mar"), { NULL, 0 } };
static const not_name_word nn_n[] = { W("november"), W("nov"), { NULL, 0 } };
static const not_name_word nn_o[] = { W("october"), W("oct"), { NULL, 0 } };
static const not_name_word nn_s[] = { W("september"), W("saturday"), W("sunday"), W("sep"), W("sept"),
                                      { NULL, 0 } };
static const not_name_word nn_t[] = { W("tuesday"), W("thursday"), { NULL, 0 } };
static const not_name_word nn_w[] = { W("wednesday"), { NULL, 0 } };
#undef W
static const not_name_word *const not_names[26] = {
    ['a' - 'a'] = nn_a, ['d' - 'a'] = nn_d, ['f' - 'a'] = nn_f, ['j' - 'a'] = nn_j, ['m' - 'a'] = nn_m,
    ['n' - 'a'] = nn_n, ['o' - 'a'] = nn_o, ['s' - 'a'] = nn_s, ['t' - 'a'] = nn_t, ['w' - 'a'] = nn_w,
};

static int not_name(const token *k)
{
    unsigned first = (unsigned char)k->fold[0] - 'a';
    if (k->fold_len > 9 || first >= 26 || !not_names[first]) return 0;
    for (const not_name_word *w = not_names[first]; w->w; w++)
        if (w->n == k->fold_len && !memcmp(k->fold, w->w, k->fold_len)) return 1;
    return 0;
}

static int is_name_token(const sent_ctx *c, int i)
{
    const token *k = &c->t[i];
    if (!(k->flags & TF_CAP) || (k->flags & TF_PUNCT) || k->cls != LC_NONE) return 0;
    if (not_name(k)) return 0;
    if (k->flags & TF_FIRST) {
        /* "Gunmen opened fire" vs "Radoicic said": WordNet knows ordinary words, and
           inflected forms ("Addressing the crowd") */
        if (k->pos_hint == 0 && k->form == FORM_BASE) return 1;
        return i + 1 < c->n && (c->t[i + 1].flags & TF_CAP) && c->t[i + 1].cls == LC_NONE &&
               !(c->t[i + 1].flags & TF_PUNCT);
    }
    return 1;
}

static int is_verb_word(const sent_ctx *c, const token *k)
{
    const verb_list *ix = c->d->verbs_by_word;
    if (!WH_ANY_ID(k->wh, WH_VERB)) return 0;
    return (k->vlem_id && dict_word_has(c->d, k->vlem_id, WH_VERB) && ix[k->vlem_id].n) ||
           (k->fold_id && dict_word_has(c->d, k->fold_id, WH_VERB) && ix[k->fold_id].n);
}

/* is_modifier's test of a plain lower-case word that can be an adjective or a noun: not
   when it is a verb too, unless it can be an adjective and is not an -ed form */
static int modifier_word(const sent_ctx *c, const token *k)
{
    return !(is_verb_word(c, k) && (!(k->pos_hint & LEX_CAN_ADJ) || k->form == FORM_ED));
}

/* inline: the chunk walks ask it of most words around a mention, and the token's flags and
   class answer most of them */
static inline int is_modifier(const sent_ctx *c, int i)
{
    const token *k = &c->t[i];
    if (k->flags & TF_PUNCT) return 0;
    if (k->flags & TF_NUM) return 1;
    if (k->cls == LC_QUANT || k->cls == LC_DET) return 1;
    if (k->cls != LC_NONE || (k->flags & TF_CAP)) return 0;
    if (!(k->pos_hint & (LEX_CAN_ADJ | LEX_CAN_NOUN))) return 0;
    return modifier_word(c, k);
}

/* three capital letters, and not one of the non-state codes (compared by hand: asked for
   every agent joined to an actor) */
int is_country_code(const char *code)
{
    if (!code) return 0;
    for (int i = 0; i < 3; i++) if ((unsigned)code[i] - 'A' >= 26) return 0;
    return !code[3] && !code_same3(code, "IGO") && !code_same3(code, "NGO") &&
           !code_same3(code, "IMG") && !code_same3(code, "MNC");
}

const char *tok_text(const sent_ctx *c, int t0, int t1)
{
    if (t0 >= t1) return "";
    return arena_strndup(c->a, c->text + c->t[t0].b0, c->t[t1 - 1].b1 - c->t[t0].b0);
}

/* x (lx bytes) then y (ly bytes), as a string in the arena (every byte written: not zeroed) */
static const char *catn(arena *a, const char *x, size_t lx, const char *y, size_t ly)
{
    char *p = arena_alloc_raw(a, lx + ly + 1);
    memcpy(p, x, lx); memcpy(p + lx, y, ly); p[lx + ly] = 0;
    return p;
}

static const char *cat(arena *a, const char *x, const char *y)
{
    return catn(a, x, strlen(x), y, strlen(y));
}

/* an actor code with an agent's: after it ([~GOV]) or before it ([NGM~]); an agent code the
 * actor's already has at a 3-letter boundary is not added again (NGM + NGM~ stays NGM) */
static const char *agent_join(arena *a, const char *code, const phrase *agent)
{
    size_t cl = strlen(code), al = strlen(agent->agent);
    /* (memcmp: both sides have al bytes before their end, so it answers as strncmp did; the
       first letters first, as most differ there) */
    for (size_t k = 0; al && k + al <= cl; k += 3)
        if (code[k] == agent->agent[0] && !memcmp(code + k, agent->agent, al)) return code;
    /* the lengths are known: cat would measure them again */
    return agent->agent_prefix ? catn(a, agent->agent, al, code, cl) : catn(a, code, cl, agent->agent, al);
}

/* TABARI: an agent joins any actor; FORMER makes it ELI ("former security officials" of
   Alvora: ALVELI) */
static const char *tabari_agent(const sent_ctx *c, const mention *m, const char *base, const phrase *agent)
{
    phrase former = *agent;
    for (int i = m->t0 > 0 ? m->t0 - 1 : 0; i < m->t1; i++)
        if (FOLD_IS(&c->t[i], "former")) { former.agent = "ELI"; former.agent_prefix = 0; }
    return agent_join(c->a, base, &former);
}

/* does the chunk hold a name (a word marked -2)? Asked only where compose needs it: most
   chunks are settled before (a person, a pronoun) */
static int has_name(const sent_ctx *c, const mention *m)
{
    for (int i = m->t0; i < m->t1; i++)
        if (c->tok_mention[i] == -2) return 1;
    return 0;
}

/* the code a chunk of hits and names stands for */
static void compose(sent_ctx *c, mention *m, const hit *h, int nh)
{
    const actor_entry *person = NULL, *first = NULL, *first_nonplace = NULL;
    const char *pcode = NULL, *fcode = NULL, *npcode = NULL;
    const phrase *agent = NULL, *anaphor = NULL;
    int agent_person = 0;
    for (int k = 0; k < nh; k++) {
        const phrase *p = h[k].p;
        if (p->type == PH_ACTOR) {
            const char *code = dict_actor_code(p->entry, c->mem->date);
            if (!code) continue;
            if (p->entry->kind == AK_PERSON && !person) { person = p->entry; pcode = code; }
            if (!first) { first = p->entry; fcode = code; }
            if (p->entry->kind != AK_PLACE && !first_nonplace) { first_nonplace = p->entry; npcode = code; }
        } else if (p->type == PH_AGENT) {
            agent = p;                      /* the last agent is the head noun */
            if (p->person) agent_person = 1;
        } else if (p->type == PH_ANAPHOR && !anaphor) anaphor = p;
    }
    if (agent) { m->agent = agent->agent; m->title = agent->person; }   /* a title or role */
    if (person) {
        m->code = pcode; m->entry = person->src; m->kind = AK_PERSON; m->person = 1;
        if (agent && TABARI_LIKE(c->d)) m->code = tabari_agent(c, m, pcode, agent);
        for (int k = 0; k < nh; k++)
            if (h[k].p->type == PH_ACTOR && h[k].p->entry == person) { m->pn0 = h[k].t0; m->pn1 = h[k].t1; break; }
        return;
    }
    if (first && !first_nonplace && !agent && has_name(c, m)) {
        /* "Baghdad International Airport", "Moscow State University": a place name inside a
           longer proper name is not a government */
        return;
    }
    if (first) {
        const actor_entry *e = first_nonplace ? first_nonplace : first;
        const char *base = first_nonplace ? npcode : fcode;
        m->entry = e->src; m->kind = e->kind;
        if (agent && TABARI_LIKE(c->d)) {
            m->code = tabari_agent(c, m, base, agent);
        } else if (agent && is_country_code(base)) {
            m->code = agent_join(c->a, base, agent);
        } else m->code = base;
        m->person = (uint8_t)(agent_person && has_name(c, m));
        return;
    }
    if (anaphor) {
        /* "the Gulf countries", "both neighbours": a plural of a state anaphor is plural */
        uint8_t cls = anaphor->anaphor;
        const token *ht = &c->t[m->t1 - 1];
        if (cls == AN_STATE && ht->fold_id != ht->nlem_id && ht->fold[ht->fold_len - 1] == 's') cls = AN_PLURAL;
        m->code = memory_resolve(c->mem, cls);
        m->entry = anaphor->src;
        if (cls == AN_PLURAL) m->plural_ref = 1;
        if (cls == AN_PLURAL && c->mem->ncompound > 1 && c->mem->compound_sent >= c->mem->sent - 1) {
            m->expand = 1;
            m->code = c->mem->compound[0];
        }
        if (m->code && agent && is_country_code(m->code)) m->code = cat(c->a, m->code, agent->agent);
        return;
    }
    if (agent) {
        m->bare_agent = 1;
        /* TABARI: an agent alone is no actor, unless SET: CONVERT AGENT makes it one, "~MOS" */
        if (TABARI_LIKE(c->d)) {
            m->agent = agent->agent; m->entry = agent->src;
            if (c->rules && c->rules->convert_agent) m->code = cat(c->a, "~", agent->agent);
            /* PETRARCH codes it with no actor: "---GOV" */
            else if (c->d->rules == RULES_PETRARCH) m->code = cat(c->a, "---", agent->agent);
            return;
        }
        /* "the protesters", "the police": the last actor named in that role */
        {
            int q = m->t0 - 1;
            while (q >= 0 && is_modifier(c, q) && c->t[q].cls != LC_DET) q--;
            if (q >= 0 && (FOLD_IS(&c->t[q], "the") || FOLD_IS(&c->t[q], "these") ||
                           FOLD_IS(&c->t[q], "those"))) {
                /* only for non-state roles: "the army" in a Beirut story is still Lebanon's */
                int crowd = !strcmp(agent->agent, "OPP") || !strcmp(agent->agent, "CVL") ||
                            !strcmp(agent->agent, "REB") || !strcmp(agent->agent, "CRM") ||
                            !strcmp(agent->agent, "SEP") || !strcmp(agent->agent, "INS");
                const char *same = crowd ? memory_role(c->mem, agent->agent) : NULL;
                if (same) { m->agent = agent->agent; m->entry = agent->src; m->code = same; return; }
            }
        }
        /* whose agent? "its troops": the possessive's referent; else the dateline's country,
           else the country in view when the sentence began */
        const char *ctx = c->mem->home_from_dateline ? c->mem->home :
                          c->mem->sent_state ? c->mem->sent_state : c->mem->home;
        int p = m->t0 - 1;
        while (p >= 0 && is_modifier(c, p) && c->t[p].cls != LC_DET) p--;
        if (p >= 0 && c->t[p].cls == LC_POSSPRON && !FOLD_IS(&c->t[p], "'s")) {
            const token *f = &c->t[p];
            /* "its"/"their": the sentence's first non-person actor, the usual antecedent
               ("Mexico broke off relations after Ecuadorian police stormed its embassy"),
               else the last one named */
            const char *first_np = NULL;
            for (int q = 0; q < c->nm && !first_np; q++)
                if (c->m[q].code && !c->m[q].person && !c->m[q].pronoun && !c->m[q].absorbed)
                    first_np = c->m[q].code;
            const char *ref = (FOLD_IS(f, "his") || FOLD_IS(f, "her")) ? c->mem->last_person
                              : first_np ? first_np : c->mem->last_nonperson;
            if (ref && !is_country_code(ref) && strlen(ref) > 3 && strncmp(ref, "IGO", 3) &&
                strncmp(ref, "NGO", 3)) ref = arena_strndup(c->a, ref, 3);
            if (ref && (!strncmp(ref, "IGO", 3) || !strncmp(ref, "NGO", 3))) {
                m->agent = agent->agent; m->entry = agent->src; m->code = ref;
                return;
            }
                if (ref) ctx = ref;
        }
        /* no country in view yet: the country of a place the sentence names ("Gunmen killed
           26 men near Pahalgam") */
        if (!ctx && c->place_country)
            for (int i = 0; i < c->n && !ctx; i++) if (c->place_country[i]) ctx = c->place_country[i];
        /* "a federal court in Brooklyn", "police in Tbilisi": the place says whose */
        if (c->place_country && m->t1 + 1 < c->n &&
            (FOLD_IS(&c->t[m->t1], "in") || FOLD_IS(&c->t[m->t1], "at")) &&
            c->place_country[m->t1 + 1])
            ctx = c->place_country[m->t1 + 1];
        m->agent = agent->agent;
        m->entry = agent->src;
        m->person = (uint8_t)(agent_person && has_name(c, m));
        if (ctx) {
            m->code = agent_join(c->a, ctx, agent);
            m->agent_only = 1;
        }
        return;
    }
}

/* does a possessive pronoun ("its", not 's) come before token i? (asked only of a chunk that
   reaches "in" or "from") */
static inline int after_possessive(const token *t, int i)
{
    return i > 0 && t[i - 1].cls == LC_POSSPRON && !FOLD_IS(&t[i - 1], "'s");
}

static void add_mention(sent_ctx *c, int t0, int t1, const hit *h, int nh)
{
    mention *m = &c->m[c->nm];
    memset(m, 0, sizeof *m);
    m->t0 = t0; m->t1 = t1;
    compose(c, m, h, nh);
    /* surname: the last name word or the last word of a person entry */
    for (int i = t1 - 1; i >= t0; i--) {
        if (c->tok_mention[i] == -2 || ((c->t[i].flags & TF_CAP) && m->person)) {
            m->name = c->t[i].fold; break;
        }
    }
    /* and the first word of a person's name: family names come first in East Asian names
       ("Yoon Suk Yeol" ... "Yoon said") */
    if (m->person && m->pn1 > m->pn0 + 1) {
        m->name = c->t[m->pn1 - 1].fold;
        m->name2 = c->t[m->pn0].fold;
    } else if (m->person && m->name) {
        for (int i = t0; i < t1; i++) {
            if (c->tok_mention[i] != -2 || c->t[i].fold_len < 2) continue;
            if (strcmp(c->t[i].fold, m->name)) m->name2 = c->t[i].fold;
            break;
        }
    }
    if (!m->code && m->name && !m->name2) {
        for (int k = c->mem->nnames - 1; k >= 0; k--)
            if (c->mem->names[k].name[0] == m->name[0] && !strcmp(c->mem->names[k].name, m->name)) {
                m->code = c->mem->names[k].code; m->person = 1; m->entry = "memory"; break;
            }
    }
    const token *last = &c->t[t1 - 1];
    m->plural = (uint8_t)(last->fold_id != last->nlem_id && last->fold[last->fold_len - 1] == 's');
    if (t0 > 0) {
        const token *p = &c->t[t0 - 1];
        int j = t0 - 1;
        /* back over determiners, possessives and modifiers to the word that may govern the
           mention (the class tests first: a preposition stops the walk at once) */
        for (; j > 0; j--) {
            const uint8_t cl = c->t[j].cls;
            if (cl == LC_PREP || cl == LC_TO || cl == LC_BY) break;
            if (!(cl == LC_DET || cl == LC_QUANT || cl == LC_POSSPRON || is_modifier(c, j))) break;
        }
        p = &c->t[j];
        if (p->cls == LC_PREP || p->cls == LC_TO || p->cls == LC_BY) { m->prep = p->cls; m->prep_word = p->fold; }
    }
    if (m->code && !m->agent && !m->person && (m->kind == AK_COUNTRY || m->kind == AK_PLACE) &&
        t1 < c->n) {
        const token *nx = &c->t[t1];
        if (!(nx->flags & (TF_CAP | TF_PUNCT | TF_POSS | TF_NUM)) && nx->cls == LC_NONE &&
            (nx->pos_hint & LEX_CAN_NOUN) && !is_verb_word(c, nx))
            m->modifier = 1;
    }
    if (m->kind == AK_PLACE && !m->agent && m->prep_word &&
        (!strcmp(m->prep_word, "in") || !strcmp(m->prep_word, "at") || !strcmp(m->prep_word, "near") ||
         !strcmp(m->prep_word, "outside") || !strcmp(m->prep_word, "inside") ||
         !strcmp(m->prep_word, "around") || !strcmp(m->prep_word, "across") ||
         !strcmp(m->prep_word, "within") || !strcmp(m->prep_word, "throughout")))
        m->location = 1;
    /* (in locals: a store to tok_mention could be to c->nm, and would reload it) */
    int *const tm = c->tok_mention;
    const int idx = c->nm;
    tm[t0] = idx;   /* (the first alone: most mentions are short, and the vector loop set-up cost more) */
    for (int i = t0 + 1; i < t1; i++) tm[i] = idx;
    c->nm++;
    /* later words of the sentence may refer to it (an uncoded mention notes nothing: not
       called for) */
    if (m->code) memory_note(c->mem, m, c->a);
}

static int pronoun_class(const token *f, uint8_t *cls)
{
    if (FOLD_IS(f, "he") || FOLD_IS(f, "him") || FOLD_IS(f, "she")) { *cls = AN_PERSON; return 1; }
    if (FOLD_IS(f, "they") || FOLD_IS(f, "them")) { *cls = AN_PLURAL; return 1; }
    if (FOLD_IS(f, "it")) { *cls = AN_STATE; return 1; }
    return 0;
}

/* TABARI's pronouns (manual 7.7): HE, SHE, IT (and HIM) stand for the first actor of the
 * sentence; THEY and THEM for the first compound (code_groups does that), else the first
 * actor. With FORWARD (manual 8.4), a pronoun before any actor of its sentence stands for the
 * previous sentence's first actor, kept in the article memory. ITS, HIS and HER are left
 * alone: as actors they would take the place of the target named after them ("in its talks
 * with Brenn"). */
static void tabari_pronouns(sent_ctx *c)
{
    const char *first = NULL;
    for (int k = 0; k < c->nm && !first; k++)
        if (!c->m[k].pronoun && !c->m[k].absorbed && c->m[k].code) first = c->m[k].code;
    int forward = c->rules && c->rules->forward && c->mem->forward[0];
    for (int k = 0; k < c->nm; k++) {
        mention *p = &c->m[k];
        if (!p->pronoun) continue;
        p->expand = 0;
        p->code = first;
        /* FORWARD (manual 8.4): a pronoun before any actor of its sentence is the previous
           sentence's first actor */
        if (forward) {
            int before = 1;
            for (int q = 0; q < k; q++) before &= c->m[q].pronoun || c->m[q].absorbed || !c->m[q].code;
            if (before) p->code = arena_strdup(c->a, c->mem->forward);
        }
    }
    /* the next sentence's: this one's first actor, without its agent ("only the actor") */
    for (int k = 0; k < c->nm; k++) {
        const mention *m = &c->m[k];
        if (m->pronoun || m->absorbed || !m->code) continue;
        size_t l = strlen(m->code), al = m->agent ? strlen(m->agent) : 0;
        if (al && al < l && !strcmp(m->code + l - al, m->agent)) l -= al;
        if (l >= sizeof c->mem->forward) l = sizeof c->mem->forward - 1;
        memcpy(c->mem->forward, m->code, l); c->mem->forward[l] = 0;
        break;
    }
}

void code_mentions(sent_ctx *c)
{
    int n = c->n;
    const token *t = c->t;
    hit *hits = arena_alloc_raw(c->a, sizeof(hit) * (size_t)(n + 1));
    /* -1 (none) for every token, as all-ones bytes; the entry past the end is 0 */
    int *hit_at = arena_alloc_raw(c->a, sizeof(int) * (size_t)(n + 1));
    c->tok_mention = arena_alloc_raw(c->a, sizeof(int) * (size_t)(n + 1));
    memset(hit_at, 0xff, sizeof(int) * (size_t)n); hit_at[n] = 0;
    memset(c->tok_mention, 0xff, sizeof(int) * (size_t)n); c->tok_mention[n] = 0;
    int nh = 0;
    c->mcap = 2 * n + 2 * MAX_MEMBERS;
    c->m = arena_alloc_raw(c->a, sizeof(mention) * (size_t)c->mcap);
    c->nm = 0;
    /* the tokens pass 2 visits, in order: the first of each hit, each name, and each
       personal pronoun (pass 2 does nothing with any other token but step over it) */
    int *starts = arena_alloc_raw(c->a, sizeof(int) * (size_t)(n + 1)), ns = 0;
    /* 1. dictionary phrases, longest first, left to right; and names: capitalized words no
       dictionary knows, marked -2 in tok_mention for now */
    const int tabari = TABARI_LIKE(c->d);
    for (int i = 0; i < n;) {
        /* most tokens: punctuation, or a word in small letters that may begin no phrase: no
           phrase to look for, and is_name_token would say no. A run of them takes this short
           loop. */
        const token *tk = &t[i];
        int begins = 0;
        while ((tk->flags & TF_PUNCT) ||
               (!(begins = may_begin_phrase(tk, tabari)) && !(tk->flags & TF_CAP))) {
            starts[ns] = i; ns += tk->cls == LC_PRON;
            if (++i == n) break;
            tk++;
        }
        if (i == n) break;
        int len = 0;
        const phrase *p = begins ? best_at(c, c->d->by_word, i, &len) : NULL;
        /* a one-word actor must be capitalized ("Turkey", not "turkey"); longer phrases
           may be common nouns ("the international community") */
        if (p && p->type == PH_ACTOR && len == 1 && !any_cap(t, i, len) && !TABARI_LIKE(c->d)) p = NULL;
        if (p && p->type == PH_ANAPHOR && !(i > 0 && (t[i - 1].cls == LC_DET || t[i - 1].cls == LC_QUANT)) &&
            !(len == 1 && t[i].fold_id != t[i].nlem_id && (t[i].flags & TF_CAP) == 0)) {
            /* "the alliance", "both sides": anaphors need their determiner */
            if (!(p->nw > 1 && (t[i].cls == LC_DET || t[i].cls == LC_QUANT))) p = NULL;
        }
        if (!p) {
            int name = is_name_token(c, i);
            if (name) c->tok_mention[i] = -2;
            starts[ns] = i; ns += name || tk->cls == LC_PRON;
            i++;
            continue;
        }
        starts[ns++] = i;
        hits[nh].t0 = i; hits[nh].t1 = i + len; hits[nh].p = p;
        hit_at[i] = nh;   /* (the first alone: most hits are one word, and the vector loop set-up cost more) */
        for (int k = i + 1; k < i + len; k++) hit_at[k] = nh;
        nh++;
        i += len;
    }

    /* 2. chunks: from the tokens pass 1 listed, as a chunk begins only at a hit or a name,
       and a pronoun is a mention of its own */
    for (int s = 0, i = 0; s < ns; s++) {
        if (starts[s] < i) continue;   /* taken into the chunk before */
        i = starts[s];
        uint8_t pc;
        if (hit_at[i] < 0 && c->tok_mention[i] != -2) {
            if (t[i].cls == LC_PRON && pronoun_class(&t[i], &pc)) {
                mention *m = &c->m[c->nm];
                add_mention(c, i, i + 1, NULL, 0);
                m->pronoun = 1;
                m->code = !FOLD_IS(&t[i], "it") ? memory_resolve(c->mem, pc) : c->mem->last_nonperson;
                m->person = pc == AN_PERSON;
                m->plural = pc == AN_PLURAL;
                m->entry = "pronoun";
                if (pc == AN_PLURAL) m->plural_ref = 1;
                if (pc == AN_PLURAL && c->mem->ncompound > 1 && c->mem->compound_sent >= c->mem->sent - 1) {
                    m->expand = 1;
                    m->code = c->mem->compound[0];
                }
                memory_note(c->mem, m, c->a);
            }
            i++;
            continue;
        }
        int j = i;
        int has_agent = 0, only_names = hit_at[i] < 0;
        for (;;) {
            if (j < n && hit_at[j] >= 0) {
                const hit *h = &hits[hit_at[j]];
                if (h->p->type == PH_AGENT) has_agent = 1;
                only_names = 0;
                j = h->t1;
                continue;
            }
            if (j < n && c->tok_mention[j] == -2) { j++; continue; }
            /* "NATO-led KFOR": a hyphenated lower-case word between two names */
            if (j + 1 < n && (t[j].flags & TF_HYPHEN) && !(t[j].flags & TF_CAP) &&
                (hit_at[j + 1] >= 0 || c->tok_mention[j + 1] == -2)) { j++; continue; }
            /* "Kosovo special police": modifiers before an agent; never after the chunk has its
               head agent, and never a word that can be a verb ("riot police beat protesters") */
            if (j < n && !has_agent && is_modifier(c, j) && t[j].cls != LC_DET) {
                int k = j;
                while (k < n && k < j + 3 && is_modifier(c, k) && t[k].cls != LC_DET &&
                       !is_verb_word(c, &t[k]))
                    k++;
                if (k > j && k < n && hit_at[k] >= 0 && hits[hit_at[k]].p->type == PH_AGENT) { j = k; continue; }
                /* "Kremlin critic Alexei Navalny", "Hamas chief Yahya Sinwar": a description
                   before a person's name belongs to the person */
                if (k > j && k < n && hit_at[k] >= 0 && hits[hit_at[k]].p->type == PH_ACTOR &&
                    hits[hit_at[k]].p->entry->kind == AK_PERSON) { j = k; continue; }
            }
            /* "the president of Serbia", "authorities in Kosovo", "an armed group of Serbs";
               not "its ambassador from France" (the possessive already says whose) */
            if (j + 1 < n && ((has_agent && (FOLD_IS(&t[j], "of") ||
                                             ((FOLD_IS(&t[j], "in") || FOLD_IS(&t[j], "from")) &&
                                              !after_possessive(t, i)))) ||
                              (only_names && FOLD_IS(&t[j], "of")))) {
                int k = j + 1;
                while (k < n && (t[k].cls == LC_DET || is_modifier(c, k)) && hit_at[k] < 0) k++;
                if (k < n && hit_at[k] >= 0 && hits[hit_at[k]].p->type == PH_ACTOR) { j = k; continue; }
            }
            /* "Kosovo's police": possessor + agent */
            if (j + 1 < n && (t[j].flags & TF_POSS)) {
                int k = j + 1;
                while (k < n && k < j + 4 && is_modifier(c, k) && hit_at[k] < 0) k++;
                if (k < n && hit_at[k] >= 0 && hits[hit_at[k]].p->type == PH_AGENT) { j = k; continue; }
            }
            break;
        }
        if (j == i) { i++; continue; }
        /* hits inside [i, j) */
        int first = -1, last = -1;
        for (int k = i; k < j; k++) if (hit_at[k] >= 0) { if (first < 0) first = hit_at[k]; last = hit_at[k]; }
        int nmen = c->nm;
        add_mention(c, i, j, first >= 0 ? &hits[first] : NULL, first >= 0 ? last - first + 1 : 0);
        c->m[nmen].possessor = (uint8_t)(j < n && (t[j].flags & TF_POSS));
        i = j;
    }
    /* no -2 (name) mark is left to clear: the chunk walk takes every name token into a
       chunk (a chunk begins at a hit or a name, and so never ends where it began), and
       add_mention gives each token of a chunk its mention's index */

    /* 3. appositives: "NAME, TITLE of ORG," and "TITLE of ORG, NAME," */
    for (int k = 0; k + 1 < c->nm; k++) {
        mention *a = &c->m[k], *b = &c->m[k + 1];
        int comma = a->t1;
        if (a->absorbed || b->t0 <= a->t1 || !FOLD_IS(&t[a->t1], ",")) continue;
        int gap_ok = 1;
        /* "Japan, a close partner of Australia, protested": an indefinite
           description between commas describes the actor before it */
        if (a->code && !a->pronoun && b->t0 > a->t1 + 1 && b->t0 <= a->t1 + 6 &&
            (FOLD_IS(&t[a->t1 + 1], "a") || FOLD_IS(&t[a->t1 + 1], "an")) &&
            b->t1 < c->n && FOLD_IS(&t[b->t1], ",")) {
            int plain = 1;
            for (int i = a->t1 + 2; i < b->t0; i++)
                if (t[i].flags & TF_PUNCT) plain = 0;
            if (plain) {
                b->absorbed = 1;
                a->t1 = b->t1;
                for (int i = comma; i < b->t1; i++) c->tok_mention[i] = k;
                continue;
            }
        }
        /* "Nicholas Haysom, head of the U.N. mission": a title noun and "of the" may stand
           between the comma and the organization */
        for (int i = a->t1 + 1; i < b->t0; i++)
            if (!(t[i].cls == LC_DET || is_modifier(c, i) || FOLD_IS(&t[i], "of"))) gap_ok = 0;
        if (!gap_ok) continue;
        if (a->pronoun || b->pronoun) continue;
        /* a place ("Speaking in Sydney, U.S. Secretary of State Rex Tillerson") is no name */
        int a_place = c->place_country && c->place_country[a->t0] && !a->person;
        int a_name = !a->agent && !a_place && (a->person || (!a->code && a->name));
        int b_name = !b->agent && (b->person || (!b->code && b->name));
        mention *keep = NULL, *give = NULL;
        if (a_name && b->code && (b->title || (!strncmp(b->code, "IGO", 3) && b->t0 > a->t1 + 2)))
            { keep = a; give = b; }
        else if (b_name && a->code && (a->title || a->kind == AK_IGO)) { keep = a; give = b; }
        else if (b_name && a->title && !a->code) { keep = a; give = b; }
        if (!keep) continue;
        const char *code = a_name ? (a->person && a->code ? a->code : b->code)
                                  : (b->person && b->code ? b->code : a->code);
        if (!code) continue;
        keep->code = code;
        keep->person = 1;
        if (!keep->entry) keep->entry = give->entry;
        const char *nm = a_name ? a->name : b->name;
        if (nm) keep->name = nm;
        keep->t1 = give->t1;
        give->absorbed = 1;
        for (int i = give->t0; i < give->t1; i++) c->tok_mention[i] = k;
        c->tok_mention[comma] = k;
    }
    if (TABARI_LIKE(c->d)) { tabari_pronouns(c); return; }
    /* 4. "he", "it" again, now that appositives are joined: the nearest fitting actor before
       it in the sentence ("Japan, a close partner of Australia, condemned what it
       called..."), else the article memory as resolved above */
    for (int k = 0; k < c->nm; k++) {
        mention *p = &c->m[k];
        if (!p->pronoun || p->plural) continue;
        for (int q = k - 1; q >= 0; q--) {
            const mention *x = &c->m[q];
            if (x->absorbed || x->pronoun || !x->code) continue;
            if (p->person != x->person) continue;
            p->code = x->code;
            break;
        }
    }
}
