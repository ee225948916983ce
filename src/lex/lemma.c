/* lemma.c - WordNet's morphological rules ("morphy"): exception lists first, then suffix
 * substitutions checked against the index of lemmas. The data comes from Debian's
 * wordnet-base (index.noun, index.verb, index.adj, index.adv, noun.exc, verb.exc); we read
 * the files ourselves rather than link libwordnet, whose API keeps global state and opens
 * files on every lookup. */
#include "lex.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* the whole file at once: index.noun is 4.8 MB of long lines, and reading it line by line
 * with fgets was a third of loading the lexicon */
static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 20, n = 0, r;
    char *b = malloc(cap + 1);
    while (b && (r = fread(b + n, 1, cap - n, f)) > 0) {
        n += r;
        if (n == cap) { cap *= 2; char *nb = realloc(b, cap + 1); if (!nb) { free(b); b = NULL; } else b = nb; }
    }
    fclose(f);
    if (b) { b[n] = 0; *len = n; }
    return b;
}

static void load_index(strmap *m, const char *path, int bit)
{
    size_t n;
    char *data = slurp(path, &n);
    if (!data) return;
    char word[512];
    for (char *line = data, *end = data + n; line < end;) {
        char *nl = memchr(line, '\n', (size_t)(end - line));
        if (!nl) nl = end;
        if (line[0] != ' ' && line[0] != '\n') {     /* not the licence header */
            char *sp = memchr(line, ' ', (size_t)(nl - line));
            size_t l = sp ? (size_t)(sp - line) : 0;
            if (l && l < sizeof word) {
                for (size_t i = 0; i < l; i++) word[i] = line[i] == '_' ? ' ' : line[i];
                uint32_t *v = strmap_put(m, word, l, 0, NULL);
                *v |= (uint32_t)bit;
            }
        }
        line = nl + 1;
    }
    free(data);
}

static const char *const LEX_FILES[] = { "index.noun", "index.verb", "index.adj", "index.adv",
                                          "noun.exc", "verb.exc" };

int lex_files(const char *dir, char (*paths)[1024], int max)
{
    if (!dir) dir = "/usr/share/wordnet";
    int n = 0;
    for (size_t i = 0; i < sizeof LEX_FILES / sizeof *LEX_FILES && n < max; i++)
        snprintf(paths[n++], 1024, "%s/%s", dir, LEX_FILES[i]);
    return n;
}

/* an exception file's forms into lx->pos, each with its lemma's place (the first line for a
   form wins) */
static void load_exc(lexicon *lx, int verb, const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) return;
    char line[1024];
    const unsigned shift = verb ? LEX_EXC_VERB_SHIFT : LEX_EXC_NOUN_SHIFT;
    while (fgets(line, sizeof line, f)) {
        char *a = strtok(line, " \n");
        char *b = strtok(NULL, " \n");
        if (!a || !b || lx->nexc >= LEX_EXC_MAX) continue;
        uint32_t *v = strmap_put(&lx->pos, a, strlen(a), 0, NULL);
        if (lex_entry_exc(*v, verb)) continue;
        if (lx->nexc == lx->exccap) {
            lx->exccap = lx->exccap ? lx->exccap * 2 : 4096;
            lx->exc_str = rg_realloc(lx->rg, lx->exc_str, lx->exccap * sizeof(char *));
        }
        lx->exc_str[lx->nexc] = rg_strdup(lx->rg, b);
        *v |= (uint32_t)(++lx->nexc) << shift;
    }
    fclose(f);
}

int lex_open(lexicon *lx, const char *dir, hd_error *err) { return lex_open_in(lx, dir, err, NULL); }

int lex_open_in(lexicon *lx, const char *dir, hd_error *err, region *rg)
{
    memset(lx, 0, sizeof *lx);
    lx->rg = rg;
    strmap_init_in(&lx->pos, rg);
    strmap_reserve(&lx->pos, 150000);      /* WordNet 3.0 has 147,306 lemmas */
    if (!dir) dir = "/usr/share/wordnet";
    char path[1024];
    static const struct { const char *f; int bit; } idx[] = {
        { "index.noun", LEX_CAN_NOUN }, { "index.verb", LEX_CAN_VERB },
        { "index.adj", LEX_CAN_ADJ }, { "index.adv", LEX_CAN_ADV } };
    for (int i = 0; i < 4; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, idx[i].f);
        load_index(&lx->pos, path, idx[i].bit);
    }
    snprintf(path, sizeof path, "%s/noun.exc", dir); load_exc(lx, 0, path);
    snprintf(path, sizeof path, "%s/verb.exc", dir); load_exc(lx, 1, path);
    lx->loaded = lx->pos.count > 1000;
    if (!lx->loaded && err) {
        snprintf(err->file, sizeof err->file, "%s", dir);
        err->line = 0;
        snprintf(err->msg, sizeof err->msg,
                 "WordNet data not found (install wordnet-base); lemmas fall back to suffix rules");
    }
    return 0;
}

void lex_close(lexicon *lx)
{
    if (!lx->rg) {               /* else it is all in the region, released whole */
        strmap_free(&lx->pos);
        for (size_t i = 0; i < lx->nexc; i++) free(lx->exc_str[i]);
        free(lx->exc_str);
    }
    memset(lx, 0, sizeof *lx);
}

int lex_pos(const lexicon *lx, const char *w, size_t n)
{
    const uint32_t *v = strmap_get(&lx->pos, w, n);
    return v ? (int)(*v & LEX_POS_MASK) : 0;
}

/* A suffix's or a replacement's bytes as a number, its last byte lowest, as word_in keeps a
 * word's last bytes: a rule's suffix is then tested with one mask and compare. */
#define B(c) ((uint32_t)(unsigned char)(c))
#define E1(a) B(a)
#define E2(a, b) (B(a) << 8 | B(b))
#define E3(a, b, c) (B(a) << 16 | B(b) << 8 | B(c))
#define E4(a, b, c, d) (B(a) << 24 | E3(b, c, d))
struct rule { const char *suf, *rep; size_t sl, rl; uint32_t sufb, repb; };
#define R(suf, sufb, rep, repb) { suf, rep, sizeof suf - 1, sizeof rep - 1, sufb, repb }
#define END { NULL, NULL, 0, 0, 0, 0 }
/* WordNet's rules, noun: -ses -s, -xes -x, -zes -z, -ches -ch, -shes -sh, -men -man, -ies -y,
 * -s; verb: -ies -y, -es -e, -es, -ed -e, -ed, -ing -e, -ing, -s; the first whose candidate is
 * known wins. They are kept here in groups by how a word ends, each in that order: a word can
 * only meet the rules of its group, and most words are in none or try one rule only (the
 * plural "talks" tries -s, not the six -es rules first). No replacement is longer than its
 * suffix (word_in's candidate keys rely on it). */
static const struct rule noun_es[] = {   /* a noun in -es */
    R("ses", E3('s', 'e', 's'), "s", E1('s')), R("xes", E3('x', 'e', 's'), "x", E1('x')),
    R("zes", E3('z', 'e', 's'), "z", E1('z')), R("ches", E4('c', 'h', 'e', 's'), "ch", E2('c', 'h')),
    R("shes", E4('s', 'h', 'e', 's'), "sh", E2('s', 'h')), R("ies", E3('i', 'e', 's'), "y", E1('y')),
    R("s", E1('s'), "", 0), END };
static const struct rule noun_men[] = { R("men", E3('m', 'e', 'n'), "man", E3('m', 'a', 'n')), END };
static const struct rule verb_es[] = {   /* a verb in -es */
    R("ies", E3('i', 'e', 's'), "y", E1('y')), R("es", E2('e', 's'), "e", E1('e')),
    R("es", E2('e', 's'), "", 0), R("s", E1('s'), "", 0), END };
static const struct rule any_s[] = { R("s", E1('s'), "", 0), END };   /* in -s but not -es */
static const struct rule verb_ed[] = {
    R("ed", E2('e', 'd'), "e", E1('e')), R("ed", E2('e', 'd'), "", 0), END };
static const struct rule verb_ing[] = {
    R("ing", E3('i', 'n', 'g'), "e", E1('e')), R("ing", E3('i', 'n', 'g'), "", 0), END };
#undef R
#undef END
enum { SUF_MAX = 4 };   /* the longest suffix; a doubled consonant reaches one byte further */
static const uint32_t suf_mask[SUF_MAX + 1] = { 0, 0xff, 0xffff, 0xffffff, 0xffffffff };

/* s (n <= 4 bytes) packed as the rules pack a suffix: its last byte lowest */
static uint32_t packed(const char *s, size_t n)
{
    uint32_t v = 0;
    for (size_t i = 0; i < n; i++) v = v << 8 | (unsigned char)s[i];
    return v;
}

int lex_rules_consistent(void)
{
    static const struct rule *const tables[] = { noun_es, noun_men, verb_es, any_s, verb_ed, verb_ing };
    for (size_t t = 0; t < sizeof tables / sizeof *tables; t++)
        for (const struct rule *r = tables[t]; r->suf; r++)
            if (r->sl > SUF_MAX || r->rl > r->sl || r->sufb != packed(r->suf, r->sl) ||
                r->repb != packed(r->rep, r->rl))
                return 0;
    return 1;
}
enum { CAND_MAX = 12 };  /* more candidates than a word's two lemmas try between them */

/* A word being lemmatised, hashed once: the FNV states of its prefixes that the suffix rules
 * keep (the word less up to SUF_MAX + 1 bytes), so a rule's candidate is hashed by adding its
 * replacement only, and the word's own entry (pos bits and exceptions), looked up once for
 * both lemmas. The noun and the verb rules often try the same candidate ("s" -> "" in both,
 * "ies" -> "y", a noun's "ches" -> "ch" and a verb's "es" -> ""): the candidates looked up
 * are kept with their entries, so the second asks the table no more. */
typedef struct word_in {
    const char *w; size_t n;
    uint32_t st[SUF_MAX + 2];   /* st[j]: the state after the first n - j bytes */
    uint64_t tail;              /* the last SUF_MAX + 1 bytes (all, if fewer), the last lowest */
    int looked;                 /* entry is looked up */
    uint32_t entry;             /* its lexicon.pos entry, 0 if none */
    int ncand;
    struct { uint64_t key; uint32_t entry; } cand[CAND_MAX];   /* see cand_entry */
} word_in;

static void word_in_init(word_in *x, const char *w, size_t n)
{
    x->w = w; x->n = n; x->looked = 0; x->entry = 0; x->ncand = 0;
    size_t k = n > SUF_MAX + 1 ? n - (SUF_MAX + 1) : 0;
    uint32_t h = strmap_hash_add(STRMAP_HASH_INIT, w, k);
    uint64_t t = 0;
    for (size_t i = k;; i++) {
        x->st[n - i] = h;
        if (i == n) break;
        h = strmap_hash_add(h, w + i, 1);
        t = t << 8 | (unsigned char)w[i];
    }
    x->tail = t;
}

static uint32_t word_hash(const word_in *x) { return strmap_hash_end(x->st[0]); }

static uint32_t word_entry(const lexicon *lx, word_in *x)
{
    if (!x->looked) {
        const uint32_t *v = strmap_get_h(&lx->pos, x->w, x->n, word_hash(x));
        x->entry = v ? *v : 0;
        x->looked = 1;
    }
    return x->entry;
}

static int word_pos(const lexicon *lx, word_in *x) { return (int)(word_entry(lx, x) & LEX_POS_MASK); }

/* The lexicon.pos entry (0 if none) of the candidate made of the word's first b bytes and rep
 * (rl bytes, repb packed as the rules have it, rl <= the suffix's length), whose strmap_hash
 * is h. A candidate is known by its length and its bytes from the word's last SUF_MAX + 1 on
 * (at most five: b is at least n - SUF_MAX - 1, and rep no longer than what it replaces); the
 * bytes before those are the word's in every candidate, so equal keys are equal strings. */
static uint32_t cand_entry(const lexicon *lx, word_in *x, size_t b, const char *rep, size_t rl,
                           uint32_t repb, uint32_t h)
{
    uint64_t key = (uint64_t)(b + rl) << 40 | (x->tail >> 8 * (x->n - b)) << 8 * rl | repb;
    for (int i = 0; i < x->ncand; i++)
        if (x->cand[i].key == key) return x->cand[i].entry;
    const uint32_t *v = strmap_get2_h(&lx->pos, x->w, b, rep, rl, h);
    uint32_t e = v ? *v : 0;
    if (x->ncand < CAND_MAX) { x->cand[x->ncand].key = key; x->cand[x->ncand++].entry = e; }
    return e;
}

/* is that candidate known with part of speech bit? (without WordNet, trust the rules) */
static int known(const lexicon *lx, word_in *x, size_t b, const char *rep, size_t rl,
                 uint32_t repb, uint32_t h, int bit)
{
    return !lx->loaded || (cand_entry(lx, x, b, rep, rl, repb, h) & (uint32_t)bit);
}

/* the first rule whose candidate WordNet knows, written to out; its length and hash go to
   *len and *h. Candidates are looked up in pieces and only the one found is copied. */
static const char *try_rules(const lexicon *lx, word_in *x, const struct rule *r, int bit,
                             char *out, size_t outsz, size_t *len, uint32_t *h)
{
    const char *w = x->w;
    size_t n = x->n;
    for (; r->suf; r++) {
        size_t sl = r->sl, rl = r->rl;
        if (n <= sl + 1 || (x->tail & suf_mask[sl]) != r->sufb) continue;   /* w ends in suf */
        size_t base = n - sl;
        if (base + rl + 1 > outsz) continue;
        uint32_t ch = strmap_hash_end(strmap_hash_add(x->st[sl], r->rep, rl));
        if (known(lx, x, base, r->rep, rl, r->repb, ch, bit)) {
            memcpy(out, w, base); memcpy(out + base, r->rep, rl); out[base + rl] = 0;
            *len = base + rl; *h = ch;
            return out;
        }
        /* stopped -> stop, planning -> plan */
        if (bit == LEX_CAN_VERB && rl == 0 && base >= 3 && w[base - 1] == w[base - 2] &&
            strchr("bdgklmnprtvz", w[base - 1])) {
            ch = strmap_hash_end(x->st[sl + 1]);
            if (known(lx, x, base - 1, "", 0, 0, ch, bit)) {
                memcpy(out, w, base - 1); out[base - 1] = 0;
                *len = base - 1; *h = ch;
                return out;
            }
        }
    }
    return NULL;
}

/* lex_lemma on a hashed word; the lemma's length and hash go to *len and *h */
static const char *lemma_of(const lexicon *lx, word_in *x, int pos, char *out, size_t outsz,
                            size_t *len, uint32_t *h)
{
    const char *w = x->w;
    size_t n = x->n;
    int bit = pos == LEX_CAN_VERB ? LEX_CAN_VERB : LEX_CAN_NOUN;
    unsigned e = lex_entry_exc(word_entry(lx, x), bit == LEX_CAN_VERB);
    if (e) {   /* copied as snprintf would, without its cost */
        const char *l = lx->exc_str[e - 1];
        size_t ln = strlen(l);
        if (ln >= outsz) ln = outsz - 1;
        memcpy(out, l, ln); out[ln] = 0;
        *len = ln;
        *h = strmap_hash(out, ln);
        return out;
    }
    /* rules before identity: WordNet lists "troops" and "talks" as lemmas of their own, but
       matching wants them to meet TROOP and TALK. Not for a noun in -ss, -us or -is. */
    int verb = bit == LEX_CAN_VERB;
    uint32_t two = (uint32_t)(x->tail & 0xffff);   /* the last two bytes (one, if n is 1) */
    const struct rule *rules = NULL;
    switch (two & 0xff) {
    case 's':
        if (!verb && n > 2 && (two == E2('s', 's') || two == E2('u', 's') || two == E2('i', 's')))
            break;
        rules = two == E2('e', 's') ? (verb ? verb_es : noun_es) : any_s;
        break;
    case 'n': rules = verb ? NULL : noun_men; break;
    case 'd': rules = verb ? verb_ed : NULL; break;
    case 'g': rules = verb ? verb_ing : NULL; break;
    }
    if (rules) {
        const char *r = try_rules(lx, x, rules, bit, out, outsz, len, h);
        if (r) return r;
    }
    if (lx->loaded && (word_pos(lx, x) & bit)) {
        memcpy(out, w, n); out[n] = 0;
        *len = n; *h = word_hash(x);
        return out;
    }
    return NULL;
}

const char *lex_lemma(const lexicon *lx, const char *w, size_t n, int pos, char *out, size_t outsz)
{
    if (n == 0 || n + 1 > outsz) return NULL;
    word_in x; word_in_init(&x, w, n);
    size_t len; uint32_t h;
    return lemma_of(lx, &x, pos, out, outsz, &len, &h);
}

void lex_analyse(const lexicon *lx, const char *w, size_t n, lex_word *out)
{
    out->noun = out->verb = NULL;
    out->noun_len = out->verb_len = 0; out->noun_hash = out->verb_hash = out->chop_hash = 0;
    if (n == 0 || n + 1 > sizeof out->nb) { out->pos = lex_pos(lx, w, n); return; }
    word_in x; word_in_init(&x, w, n);
    out->chop_hash = strmap_hash_end(x.st[1]);
    out->pos = word_pos(lx, &x);
    out->noun = lemma_of(lx, &x, LEX_CAN_NOUN, out->nb, sizeof out->nb, &out->noun_len, &out->noun_hash);
    out->verb = lemma_of(lx, &x, LEX_CAN_VERB, out->vb, sizeof out->vb, &out->verb_len, &out->verb_hash);
}

uint8_t lex_verb_form_n(const char *fold, size_t n, const char *lemma, size_t ln)
{
    if (!lemma || (ln == n && memcmp(fold, lemma, n) == 0)) return FORM_BASE;
    if (n > 3 && memcmp(fold + n - 3, "ing", 3) == 0) return FORM_ING;
    if (n > 2 && memcmp(fold + n - 2, "ed", 2) == 0) return FORM_ED;
    /* -s or -es on the lemma, whose first letter (when it has one) is the word's */
    if (n > 1 && fold[n - 1] == 's' && (ln == 0 || fold[0] == lemma[0]) &&
        (ln + 1 == n || ln + 2 == n))
        return FORM_S;
    return FORM_EN;   /* irregular: went, taken, held (past or participle) */
}

uint8_t lex_verb_form(const char *fold, const char *lemma)
{
    return lex_verb_form_n(fold, strlen(fold), lemma, lemma ? strlen(lemma) : 0);
}
