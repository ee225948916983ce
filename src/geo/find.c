/* find.c - place mentions in a sentence. Two steps:
 *  1. spans: from every capitalized word, the longest run of up to MAXW words (capitalized,
 *     or connectors such as "of", "de", "al" inside) whose folded key is in the gazetteer;
 *  2. choice: each candidate of a span gets a score = prior (kind, population) + the article's
 *     countries + containment by its neighbour ("Pandi, Bulacan") + agreement with the other
 *     members of a list ("Arkansas, Georgia and Idaho") + hints from cue words ("the village
 *     of", "province") - doubts (a common word, a person's name); the best candidate is kept
 *     when its score plus the span's evidence (cue words for, being part of a longer name
 *     against) reaches ACCEPT.
 * Scores are additive log-ish units: a populated place's prior is log10(population). */
#include "geo_int.h"
#include "../util/words.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAXW 7
#define MAXSPANS 256
#define ACCEPT 5.0
#define REJECT (-20.0)


/* lower-case words allowed inside a name: "Bosnia and Herzegovina", "Port-au-Prince" */
static const char *const connectors[] = {   /* sorted (WORDS_HAS) */
    "'s", "al", "am", "an", "and", "au", "aux", "bin", "da", "de", "del", "della", "der", "des",
    "di", "do", "dos", "du", "el", "en", "ibn", "la", "le", "les", "of", "on", "sur", "the", "und",
    "upon", "y"
};
/* words before a place that say "a place follows" */
static const char *const cues[] = {   /* sorted (WORDS_HAS) */
    "across", "along", "around", "at", "between", "entered", "from", "in", "in-", "inside", "into",
    "left", "near", "nearby", "neighboring", "neighbouring", "off", "outside", "over", "reached",
    "through", "throughout", "to", "toward", "towards", "via", "visited", "visiting", "within"
};
static const char *const directions[] = {   /* sorted (WORDS_HAS) */
    "central", "coastal", "downtown", "east", "eastern", "lower", "mid", "neighboring",
    "neighbouring", "north", "northeast", "northeastern", "northern", "northwest", "northwestern",
    "occupied", "rural", "south", "southeast", "southeastern", "southern", "southwest",
    "southwestern", "upper", "west", "western"
};
static const char *const town_words[] = {   /* sorted (WORDS_HAS) */
    "capital", "cities", "city", "commune", "community", "hamlet", "municipality", "outskirts",
    "port", "settlement", "suburb", "suburbs", "town", "towns", "township", "village", "villages"
};
static const char *const region_words[] = {   /* sorted (WORDS_HAS) */
    "canton", "counties", "county", "department", "district", "districts", "emirate",
    "governorate", "island", "islands", "krai", "oblast", "prefecture", "province", "provinces",
    "region", "regions", "republic", "state", "states", "territory"
};
/* capitalized words that start or sit in a sentence without being part of a name */
static const char *const stops[] = {   /* sorted (WORDS_HAS) */
    "a", "about", "according", "across", "after", "against", "all", "along", "also", "although",
    "amid", "among", "an", "and", "another", "around", "as", "at", "because", "before", "between",
    "beyond", "both", "but", "by", "despite", "during", "each", "either", "even", "every",
    "following", "for", "from", "he", "her", "here", "his", "how", "however", "i", "if", "in",
    "including", "inside", "into", "it", "its", "last", "like", "many", "meanwhile", "most",
    "near", "neither", "next", "no", "nor", "not", "of", "on", "once", "only", "or", "other",
    "our", "outside", "over", "several", "she", "since", "so", "some", "such", "than", "that",
    "the", "their", "then", "there", "these", "they", "this", "those", "though", "throughout",
    "to", "today", "toward", "towards", "under", "unless", "unlike", "until", "upon", "via", "we",
    "what", "when", "where", "whether", "which", "while", "who", "whom", "whose", "why", "with",
    "within", "without", "yes", "yesterday", "you"
};
/* "X said" is a person */
static const char *const speech[] = {   /* sorted (WORDS_HAS) */
    "added", "announced", "argued", "asked", "claimed", "explained", "insisted", "noted",
    "replied", "said", "says", "stated", "testified", "told", "warned", "wrote"
};
/* "West Nile virus", "Reston ebolavirus", "Spanish flu": a name, not a place */
/* and newspapers, broadcasters, carriers: the Los Angeles Times, Kenya Airways */
static const char *const named_things[] = {   /* sorted (WORDS_HAS) */
    "airlines", "airways", "broadcasting", "chronicle", "courier", "disease", "ebolavirus",
    "encephalitis", "examiner", "fever", "flu", "gazette", "globe", "guardian", "herald",
    "influenza", "inquirer", "journal", "observer", "post", "strain", "strains", "subtype",
    "telegraph", "times", "tribune", "variant", "virus", "viruses"
};

int geo_lists_sorted(void)
{
    return WORDS_SORTED(connectors, 5) && WORDS_SORTED(cues, 64) && WORDS_SORTED(directions, 64) &&
           WORDS_SORTED(town_words, 64) && WORDS_SORTED(region_words, 64) &&
           WORDS_SORTED(stops, 64) && WORDS_SORTED(speech, 64) && WORDS_SORTED(named_things, 64);
}

static int is_punct(const token *t) { return (t->flags & TF_PUNCT) != 0; }

/* capitalized, or with a capital after an apostrophe or inside ("d'Ivoire", "al-Fashir") */
static int is_cap_text(const token *t, const char *text)
{
    if (is_punct(t)) return 0;
    if (t->flags & (TF_CAP | TF_ALLCAP)) return 1;
    if (!text) return 0;
    for (uint32_t b = t->b0 + 1; b < t->b1; b++) {
        unsigned char c = (unsigned char)text[b];
        if (c >= 'A' && c <= 'Z' && (text[b - 1] == '\'' || text[b - 1] == '-')) return 1;
    }
    return 0;
}

/* appends the token's fold without what is not a letter or digit; 0 if it would not fit */
static int append_key(char *k, size_t *len, size_t cap, const token *t)
{
    for (uint32_t i = 0; i < t->fold_len; i++) {
        unsigned char c = (unsigned char)t->fold[i];
        if (c < 0x80 && !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) continue;
        if (*len + 1 >= cap) return 0;
        k[(*len)++] = (char)c;
    }
    k[*len] = 0;
    return 1;
}

static int is_acronym_tok(const token *t)
{
    return (t->flags & TF_ALLCAP) || (t->fold_len > 1 && memchr(t->fold, '.', t->fold_len));
}

typedef struct span {
    int t0, t1;          /* tokens of the name */
    int e1;              /* end including a type word after it ("Hubei province") */
    const gname *nm;
    char key[128];
    int best;            /* index in the candidate list, -1 none */
    double cand_score[GEO_MAXC];
    double evidence;
    int hint;            /* 1 populated place, 2 division */
    int embedded;        /* inside a longer name: President Obama, Agence France-Presse */
    int modifier;        /* first words of a longer name: Queensland Police, U.S. Army */
    int person;          /* the article uses the name for a person */
    int allcap_short;    /* FAO, ALMA: an organization's acronym */
} span;

static const gplace *cand_place(const geo_gazetteer *g, const gname *nm, int k, int *alt)
{
    uint32_t v = g->cand[nm->first + (uint32_t)k];
    if (alt) *alt = (int)(v & 1);
    return &g->p[v >> 1];
}

/* does place c lie inside place o (a country or a first-level division)? */
static int contains(const gplace *o, const gplace *c)
{
    if (o == c || !c->iso3[0]) return 0;
    if (o->type == GT_COUNTRY) return !strcmp(o->iso3, c->iso3) && c->type != GT_COUNTRY;
    if (GT_IS_ADM1(o->type))
        return o->admin1[0] && !GT_IS_ADM1(c->type) && !strcmp(o->admin1, c->admin1);
    return 0;
}

static int kind_class(uint8_t type)
{
    if (type == GT_COUNTRY) return 1;
    if (GT_IS_ADM1(type) || type == GT_ADM2) return 2;
    if (GT_IS_POPULATED(type)) return 3;
    return 4;
}

/* the article's countries; its first-level divisions count for names proper only (Mexico
 * City, also called "Mexico", is not favoured by the other Mexico City mentions) */
static double ctx_bonus(const gplace *c, const char *const *ctx, int nctx, int use_admin1)
{
    int nc = 0, na = 0;
    for (int i = 0; i < nctx; i++) {
        const char *s = ctx[i];
        if (!s || s[0] == '~') continue;
        if (strchr(s, '.')) { if (c->admin1[0] && !strcmp(s, c->admin1)) na++; }
        else if (c->iso3[0] && !strcmp(s, c->iso3)) nc++;
    }
    double b = 0;
    if (nc) b += 2.5 + 0.25 * (nc - 1 > 4 ? 4 : nc - 1);
    if (na && use_admin1) b += 1.5;
    return b;
}

static const char *precision_of(uint8_t type)
{
    switch (type) {
    case GT_COUNTRY: return "country";
    case GT_ADM1: case GT_ADM1S: return "admin1";
    case GT_ADM2: return "admin2";
    case GT_CONT: case GT_RGN: case GT_WATER: case GT_ISL: return "region";
    default: return "city";
    }
}

/* step 1: the longest gazetteer name that starts at token i; 0 if none */
/* a key copied whole or cut to fit, as snprintf would, without its cost (it ran per match) */
static void copy_key(char *out, size_t cap, const char *key, size_t len)
{
    if (len >= cap) len = cap - 1;
    memcpy(out, key, len);
    out[len] = 0;
}

static int match_at(const geo_gazetteer *g, const token *t, int n, int i, const char *text,
                    const gname **out, char *okey, size_t okcap)
{
    char key[256];
    size_t len = 0;
    int best = 0;
    for (int j = i; j < n && j < i + MAXW; j++) {
        const token *w = &t[j];
        if (is_punct(w)) break;
        int cap = is_cap_text(w, text);
        if (j > i && !cap && !(w->flags & (TF_HYPHEN | TF_POSS)) &&
            (w->fold_len > 5 || !WORDS_HAS(connectors, w->fold)))   /* none is longer than "della" */
            break;
        if (!append_key(key, &len, sizeof key, w)) break;
        if (!cap || (w->flags & TF_POSS)) continue;   /* a name ends on a capital */
        if (len < 2) continue;
        uint32_t *v = strmap_get(&g->names, key, len);
        if (!v) continue;
        const gname *nm = &g->nm[*v];
        if (nm->flags & GN_ACRONYM) {
            int ok = 1;
            for (int q = i; q <= j; q++) if (!is_acronym_tok(&t[q])) ok = 0;
            if (!ok) continue;
        }
        best = j + 1 - i;
        *out = nm;
        copy_key(okey, okcap, key, len);
    }
    return best;
}

/* a capitalized word that can sit next to a place without making it part of a longer name */
static int free_word(const token *w)
{
    return WORDS_HAS(stops, w->fold) || WORDS_HAS(cues, w->fold) || WORDS_HAS(directions, w->fold);
}

static int find_spans(const geo_gazetteer *g, arena *a, const token *t, int n, const char *text,
                      span **out)
{
    int ns = 0, cap = 16;
    /* not zeroed: a span is cleared when it is used (16 zeroed spans were 7 KB a sentence) */
    span *sp = arena_alloc_raw(a, sizeof(span) * (size_t)cap);
    for (int i = 0; i < n; i++) {
        if (!is_cap_text(&t[i], text) || (t[i].flags & TF_NUM)) continue;
        const gname *nm = NULL;
        char key[128];
        int len = match_at(g, t, n, i, text, &nm, key, sizeof key);
        if (!len) continue;
        if (ns == cap) {
            if (cap >= MAXSPANS) break;
            span *nsp = arena_alloc_raw(a, sizeof(span) * (size_t)cap * 2);
            memcpy(nsp, sp, sizeof(span) * (size_t)ns);
            sp = nsp; cap *= 2;
        }
        span *s = &sp[ns++];
        memset(s, 0, sizeof *s);
        s->t0 = i; s->t1 = i + len; s->e1 = s->t1; s->nm = nm; s->best = -1;
        copy_key(s->key, sizeof s->key, key, strlen(key));
        i += len - 1;
    }
    *out = sp;
    return ns;
}

/* evidence from the words around a span */
static void span_evidence(span *s, const token *t, int n, const char *text)
{
    const token *prev = s->t0 > 0 ? &t[s->t0 - 1] : NULL;
    const token *prev2 = s->t0 > 1 ? &t[s->t0 - 2] : NULL;
    const token *next = s->t1 < n ? &t[s->t1] : NULL;
    double ev = 0;
    if (prev && WORDS_HAS(cues, prev->fold)) ev += 1.5;
    if (prev && WORDS_HAS(directions, prev->fold)) ev += 1.0;
    if (prev && !strcmp(prev->fold, "of") && prev2) {
        int cap2 = is_cap_text(prev2, text) && !(prev2->flags & TF_FIRST);
        if (cap2 && !strcmp(prev2->fold, "republic")) ;      /* Republic of Kosovo */
        else if (cap2 && !free_word(prev2)) s->embedded = 1;  /* Department of Justice */
        else if (WORDS_HAS(town_words, prev2->fold)) { ev += 2.0; s->hint = 1; }
        else if (WORDS_HAS(region_words, prev2->fold)) { ev += 2.0; s->hint = 2; }
        else if (WORDS_HAS(directions, prev2->fold) || !strcmp(prev2->fold, "parts") ||
                 !strcmp(prev2->fold, "centre") || !strcmp(prev2->fold, "center") ||
                 !strcmp(prev2->fold, "rest") || !strcmp(prev2->fold, "part"))
            ev += 1.5;
        else if (is_cap_text(prev2, text) && !free_word(prev2))
            s->embedded = 1;                    /* University of Georgia, Voice of America */
    }
    if (prev && !is_cap_text(prev, text) && (WORDS_HAS(town_words, prev->fold) ||
                                            WORDS_HAS(region_words, prev->fold)))
        ev += 1.0;                               /* "the village Banjska" */
    /* "Hubei province", "Dallas County"; not "United States Department of Agriculture" */
    int org = next && is_cap_text(next, text) && s->t1 + 1 < n && !strcmp(t[s->t1 + 1].fold, "of");
    if (org) ;
    else if (next && WORDS_HAS(region_words, next->fold) && strcmp(next->fold, "republic")) {
        ev += 2.0; s->hint = 2; s->e1 = s->t1 + 1;
    } else if (next && WORDS_HAS(town_words, next->fold)) {
        ev += 1.5; s->hint = 1; s->e1 = s->t1 + 1;
    }
    /* inside a longer capitalized name: President Obama, Kenya Airways, Los Angeles Times */
    if (prev && is_cap_text(prev, text) && !free_word(prev)) s->embedded = 1;
    const token *after = s->e1 < n ? &t[s->e1] : NULL;
    if (after && (after->flags & TF_POSS) && s->e1 + 1 < n) after = &t[s->e1 + 1];   /* St. Peter's Square */
    else if (after && (after->flags & TF_POSS)) after = NULL;
    if (after && s->e1 == s->t1 && is_cap_text(after, text) && !free_word(after) &&
        !(after->flags & TF_NUM))
        s->modifier = 1;
    if (after && WORDS_HAS(named_things, after->fold)) s->embedded = 1;
    /* US$10 and $US 1.5 billion; A/California/7/2009 */
    if ((next && !strcmp(next->fold, "$")) || (prev && !strcmp(prev->fold, "$"))) s->embedded = 1;
    if (prev && next && !strcmp(prev->fold, "/") && !strcmp(next->fold, "/")) s->embedded = 1;
    /* FAO, ALMA, NGO: an upper-case word that is not a known abbreviation of a place */
    if (!(s->nm->flags & GN_ACRONYM) && strlen(s->key) <= 4) {
        int all = 1;
        for (int q = s->t0; q < s->t1; q++) if (!(t[q].flags & TF_ALLCAP)) all = 0;
        s->allcap_short = all;
    }
    s->evidence = ev;
}

static void prepare(const geo_gazetteer *g, span *sp, int ns, const token *t, int n,
                    const char *text, const char *const *ctx, int nctx)
{
    /* the whole text is names (a dateline "PRISTINA" or "BRUSSELS/MINSK", a title) */
    int covered = 0, words = 0;
    for (int i = 0; i < n; i++) if (!is_punct(&t[i])) words++;
    for (int k = 0; k < ns; k++) covered += sp[k].t1 - sp[k].t0;
    int whole = words > 0 && covered == words;

    for (int k = 0; k < ns; k++) {
        span *s = &sp[k];
        span_evidence(s, t, n, text);
        if (whole) { s->evidence += 2.0; s->embedded = s->modifier = 0; s->allcap_short = 0; }
        for (int i = 0; i < nctx; i++)
            if (ctx[i] && ctx[i][0] == '~' && !strcmp(ctx[i] + 1, s->key)) s->person = 1;
        const token *first = &t[s->t0];
        const token *next = s->e1 < n ? &t[s->e1] : NULL;
        int acr_ok = (s->nm->flags & GN_ACRONYM) != 0;
        for (int c = 0; c < s->nm->n; c++) {
            int alt;
            const gplace *p = cand_place(g, s->nm, c, &alt);
            int pop = GT_IS_POPULATED(p->type);
            int minor = pop || p->type == GT_ADM2 || p->type == GT_ADM1S || p->type == GT_ISL;
            double v = p->prior;
            if (alt) v -= p->pop >= 100000 ? 1.0 : 1.5;
            v += ctx_bonus(p, ctx, nctx, !alt);
            if (s->hint == 1 && pop) v += 1.0;
            if (s->hint == 2 && (GT_IS_ADM1(p->type) || p->type == GT_ADM2)) v += 2.5;
            if (!acr_ok) {
                if ((s->nm->flags & GN_STOP) && minor) v = REJECT;
                else if (s->nm->flags & GN_COMMON) {
                    if (minor) v -= 4.0;
                    else if (first->flags & TF_FIRST) v -= 1.5;
                }
            }
            if (pop && (first->flags & TF_FIRST)) v -= 1.0;
            if (minor && next && WORDS_HAS(speech, next->fold)) v -= 2.5;
            if (minor && s->person) v -= 4.0;
            s->cand_score[c] = v;
        }
    }
    /* neighbours: "Pandi, Bulacan", "Zvecan, Kosovo", "Goma in North Kivu", "Kosovo's Zvecan" */
    for (int k = 0; k + 1 < ns; k++) {
        span *s = &sp[k], *o = &sp[k + 1];
        int gap = o->t0 - s->e1;
        const char *mid = gap == 1 ? t[s->e1].fold : "";
        int link = !strcmp(mid, ",") || !strcmp(mid, "in") || !strcmp(mid, "(");
        int poss = gap == 1 && (t[s->e1].flags & TF_POSS);
        if (!link && !poss) continue;
        span *inner = link ? s : o, *outer = link ? o : s;
        for (int c = 0; c < inner->nm->n; c++) {
            const gplace *pc = cand_place(g, inner->nm, c, NULL);
            for (int d = 0; d < outer->nm->n; d++) {
                const gplace *pd = cand_place(g, outer->nm, d, NULL);
                if (!contains(pd, pc)) continue;
                inner->cand_score[c] += 3.0;
                outer->cand_score[d] += 2.0;
                break;
            }
        }
    }
}

/* members of one list: "Arkansas, Colorado and Georgia" */
static int list_link(const token *t, const span *a, const span *b)
{
    int gap = b->t0 - a->e1;
    if (gap == 1) {
        const char *m = t[a->e1].fold;
        return !strcmp(m, ",") || !strcmp(m, "and") || !strcmp(m, "or") || !strcmp(m, ";");
    }
    if (gap == 2) return !strcmp(t[a->e1].fold, ",") &&
                         (!strcmp(t[a->e1 + 1].fold, "and") || !strcmp(t[a->e1 + 1].fold, "or"));
    return 0;
}

static void choose(const geo_gazetteer *g, span *sp, int ns, const token *t)
{
    /* round 0: each span alone; round 1: the sentence's countries and list partners count */
    const char *sent_iso[64];
    int nsent = 0;
    int cls[MAXSPANS];
    for (int round = 0; round < 2; round++) {
        for (int k = 0; k < ns; k++) {
            span *s = &sp[k];
            double bs = -1e9; int bi = -1;
            for (int c = 0; c < s->nm->n; c++) {
                const gplace *p = cand_place(g, s->nm, c, NULL);
                double v = s->cand_score[c];
                if (round == 1) {
                    if (GT_IS_POPULATED(p->type))
                        for (int q = 0; q < nsent; q++)
                            if (sent_iso[q] != p->iso3 && !strcmp(sent_iso[q], p->iso3)) { v += 1.0; break; }
                    int kc = kind_class(p->type);
                    if (k > 0 && list_link(t, &sp[k - 1], s) && cls[k - 1] == kc) v += 1.2;
                    if (k + 1 < ns && list_link(t, s, &sp[k + 1]) && cls[k + 1] == kc) v += 1.2;
                }
                if (v > bs) { bs = v; bi = c; }
            }
            s->best = bi;
        }
        if (round == 0) {
            for (int k = 0; k < ns; k++) {
                const gplace *p = cand_place(g, sp[k].nm, sp[k].best, NULL);
                cls[k] = kind_class(p->type);
                if (!GT_IS_POPULATED(p->type) && p->iso3[0] && nsent < 64 &&
                    sp[k].cand_score[sp[k].best] > 0)
                    sent_iso[nsent++] = p->iso3;
            }
        }
    }
}

int geo_find(const geo_gazetteer *g, arena *a, const token *t, int n, const char *text,
             const char *const *ctx, int nctx, geo_mention **out)
{
    *out = NULL;
    if (!g || n <= 0) return 0;
    span *sp;
    int ns = find_spans(g, a, t, n, text, &sp);
    if (!ns) return 0;
    prepare(g, sp, ns, t, n, text, ctx, nctx);
    choose(g, sp, ns, t);

    geo_mention *m = arena_alloc(a, sizeof *m * (size_t)ns);
    int nm = 0;
    for (int k = 0; k < ns; k++) {
        span *s = &sp[k];
        if (s->best < 0) continue;
        const gplace *p = cand_place(g, s->nm, s->best, NULL);
        double v = s->cand_score[s->best] + s->evidence;
        if (s->embedded) v -= 9.0;
        if (s->modifier) v -= GT_IS_POPULATED(p->type) || p->type == GT_ADM1S ? 4.0 : 2.0;
        if (s->allcap_short) v -= 4.0;
        if (v < ACCEPT) continue;
        /* confidence: how clearly it is a place, and how clearly this one */
        double second = -1e9;
        for (int c = 0; c < s->nm->n; c++)
            if (c != s->best && s->cand_score[c] > second) second = s->cand_score[c];
        double margin = s->cand_score[s->best] - second;
        double conf = 1.0 / (1.0 + exp(-(v - ACCEPT)));
        if (second > -1e8) conf *= 1.0 / (1.0 + exp(-2.0 * margin));
        geo_mention *o = &m[nm++];
        o->t0 = s->t0; o->t1 = s->t1;
        o->place.name = p->name;
        o->place.country = p->iso3;
        o->place.admin1 = p->admin1;
        o->place.lat = p->lat;
        o->place.lon = p->lon;
        o->place.geonames_id = p->gid;
        o->place.precision = precision_of(p->type);
        o->score = conf;
    }
    *out = m;
    return nm;
}

int geo_person_keys(const geo_gazetteer *g, arena *a, const token *t, int n, const char *text,
                    const char ***out)
{
    *out = NULL;
    if (!g || n <= 0) return 0;
    span *sp;
    int ns = find_spans(g, a, t, n, text, &sp);
    const char **v = arena_alloc(a, sizeof *v * (size_t)(ns + 1));
    int nv = 0;
    for (int k = 0; k < ns; k++) {
        span *s = &sp[k];
        /* the last word of a run of two or more capitalized words that is not one name:
         * "Bruce Edwards Ivins", "Dr. Dunn", "Mr Kemp", "Paul Kemp" */
        if (s->t0 == 0) continue;
        const token *prev = &t[s->t0 - 1];
        if (!is_cap_text(prev, text) || free_word(prev) || (prev->flags & TF_NUM)) continue;
        if (s->t1 - s->t0 != 1) continue;
        if (s->t1 < n && is_cap_text(&t[s->t1], text)) continue;   /* still inside the run */
        int minor_only = 1;
        for (int c = 0; c < s->nm->n; c++) {
            const gplace *p = cand_place(g, s->nm, c, NULL);
            if (!GT_IS_POPULATED(p->type) && p->type != GT_ADM1S && p->type != GT_ADM2) minor_only = 0;
        }
        if (!minor_only) continue;
        char *e = arena_alloc(a, strlen(s->key) + 2);
        e[0] = '~';
        memcpy(e + 1, s->key, strlen(s->key) + 1);
        v[nv++] = e;
    }
    *out = v;
    return nv;
}
