/* dict.h - dictionaries: loading every dialect (ours, TABARI, PETRARCH-1, Phoenix) into ONE
 * compiled form that the code stage matches against, and the vocabulary that ties tokens to
 * dictionary words. Owns: vocabulary ids, actor/agent/anaphor phrases, verbs and patterns,
 * synonym sets, discards, the CAMEO code table and the dictionary hash. Immutable after load. */
#ifndef HD_DICT_H
#define HD_DICT_H
#include <stdint.h>
#include "../../include/herodot.h"
#include "../util/arena.h"
#include "../util/strmap.h"
#include "../util/region.h"
#include "../lex/lex.h"

/* One dictionary word as compiled: matches a token by folded form, or by lemma. */
enum word_endings { WE_NONE = 0, WE_VERB, WE_PLURAL };   /* -S -ES -ED -EN -ING; -S */
typedef struct word_match {
    uint32_t fold, nlem, vlem;     /* vocabulary ids (0 = none) */
    uint8_t exact;                 /* no lemma match */
    uint8_t prefix;                /* TABARI stem: matches any word beginning with fold */
    uint8_t endings;               /* TABARI exact word: also its regular forms, WE_* */
    uint8_t gap;                   /* TABARI phrase: other words may come before this one */
    const char *text;              /* folded spelling, for explain */
} word_match;

enum actor_kind { AK_OTHER = 0, AK_COUNTRY, AK_PERSON, AK_GROUP, AK_PLACE, AK_IGO };
enum phrase_type { PH_ACTOR = 1, PH_AGENT, PH_ANAPHOR };
enum anaphor_class { AN_IGO = 1, AN_GROUP, AN_PERSON, AN_STATE, AN_CROWD, AN_PLURAL, AN_GOV, AN_MIL };

typedef struct dated_code {
    const char *code;
    int32_t from, to;              /* YYYYMMDD inclusive; 0 = open */
} dated_code;

typedef struct actor_entry {
    const char *src;               /* "file:line" */
    const char *name;              /* primary phrase, folded, for explain */
    dated_code *codes; int ncodes;
    uint8_t kind;
} actor_entry;

typedef struct phrase {
    word_match *w; int nw;
    uint8_t type;                  /* PH_* */
    uint8_t person;                /* an agent that is a person's title */
    uint8_t agent_prefix;          /* [XXX~]: code goes before the actor's */
    uint8_t anaphor;               /* AN_* */
    const char *agent;             /* agent code without '~' */
    const actor_entry *entry;      /* PH_ACTOR */
    const char *src;
} phrase;

/* The phrases a long list (PHRASE_KEYS_MIN or more) holds, by the word they need next: (id <<
 * 32 | position in v) sorted, by the second word's form (by_fold) and, for those that take
 * its lemma too, by its noun lemma (by_nlem); the positions of the phrases that cannot be
 * told by their second word (one word long, a stem, a gap, a plural ending) in `other`.
 * Lets the actor search look at the few phrases that can match instead of all that share a
 * first word (a set may begin hundreds with THE). Built by dict_finish. */
enum { PHRASE_KEYS_MIN = 4 };
typedef struct phrase_keys {
    uint64_t *by_fold, *by_nlem; int nfold, nnlem;
    uint32_t *other; int nother;
} phrase_keys;

typedef struct phrase_list { const phrase **v; int n, cap; phrase_keys *keys; } phrase_list;

/* can a phrase be told by its second word alone: two words or more, the second matched by its
   ids (not a stem, a gap or a plural ending)? (phrase_keys; the actor search's filter) */
static inline int phrase_told_by_second(const phrase *p)
{
    if (p->nw < 2) return 0;
    const word_match *w = &p->w[1];
    return !w->gap && !w->prefix && w->endings != WE_PLURAL;
}

/* synonym set: each member is a short word sequence */
typedef struct synset {
    const char *name;
    word_match **mem; int *memlen; int n, cap;
    int id;                        /* index, for per-sentence presence memos */
    uint32_t *first; uint32_t firstcap;   /* hash set of the members' first-word ids */
    int *lens; int nlens;          /* the members' distinct lengths, first seen first */
    /* a set of SYNSET_KEYS_MIN members or more: (id << 32 | member) sorted, for the ids of
       each member's first word (form, lemmas), and the members no id can find (a stem or an
       ending as first word); the matcher tries only the members a token can begin (plain
       data, dict_finish) */
    uint64_t *mkey; int nmkey;
    uint32_t *mother; int nmother;
} synset;
enum { SYNSET_KEYS_MIN = 8 };

/* in v[0..n), sorted (id << 32 | x) entries: those with this id are [*lo, return) */
static inline int dict_key_range(const uint64_t *v, int n, uint32_t id, int *lo)
{
    int a = 0, z = n;
    while (a < z) { int m = (a + z) / 2; if ((uint32_t)(v[m] >> 32) < id) a = m + 1; else z = m; }
    *lo = a;
    while (z < n && (uint32_t)(v[z] >> 32) == id) z++;
    return z;
}
int synset_may_start(const synset *s, uint32_t fold, uint32_t nlem, uint32_t vlem);

/* a code's weight in its sentence (TABARI): a subordinate code [X?] is used only when the
   sentence has no other event; a dominant one [X!] replaces the others */
enum code_weight { CW_NORMAL = 0, CW_SUBORD, CW_DOMINANT };

/* TABARI's uncoded word classes (<NOUN>, <ADJECTIVE> in .actors): compounds and clauses */
enum word_tag_bits { WT_NOUN = 1, WT_ADJ = 2 };

/* which coder's rules the dictionary's dialect asks for (dict.rules) */
enum rule_set { RULES_HERODOT = 0, RULES_TABARI, RULES_PETRARCH };
/* TABARI's rules, or PETRARCH's validation variant of them (which differs where PETRARCH's
   parse-based coder does: agents carried across a compound, "---GOV" for a lone agent) */
#define TABARI_LIKE(d) ((d)->rules != RULES_HERODOT)

enum pe_kind { PE_WORD = 1, PE_SYN, PE_SRC, PE_TGT, PE_SKIP, PE_COMP };

typedef struct pat_elem {
    uint8_t kind;
    uint8_t consec;                /* must touch the previous element (or the verb) */
    uint8_t neg;                   /* the word is a negation (NOT/NO/NEVER) */
    word_match w;
    const synset *syn;
} pat_elem;

/* A pattern's signature: 512 bits, one for each word and synonym set it cannot match
 * without (dict_finish), kept by its block (verb_block.sig). The code stage sets the same
 * bits for what a sentence holds, so a pattern whose bits are not all set is skipped with
 * eight ANDs instead of a walk over its elements; this is only a filter, the matcher still
 * decides. 512 bits: a sentence sets about a fifth of them (at 256 a third, and the block
 * index's anchor rows let through half as many patterns again; 1024 costs more in tests
 * than it saves). */
enum { SIG_LOG2 = 9, SIG_BITS = 1 << SIG_LOG2, SIG_WORDS = SIG_BITS / 64 };
static inline unsigned sig_word_bit(uint32_t id) { return (id * 2654435761u) >> (32 - SIG_LOG2); }
static inline unsigned sig_syn_bit(int id) { return (((uint32_t)id + 1u) * 0x9E3779B1u ^ 0x5bd1e995u) >> (32 - SIG_LOG2); }

/* PS_CONTEXT: only words and sets, all before the verb, none negated */
enum pattern_shape { PS_NEG = 1, PS_NOT_NEG = 2, PS_CONTEXT = 4, PS_NO_LIT = 8 };

typedef struct pattern {
    pat_elem *lower; int nlower;   /* nearest the verb first */
    pat_elem *upper; int nupper;
    const char *code, *code2;      /* code2: paired event target->source */
    uint8_t null_code, discard, has_neg;
    uint8_t weight;                /* CW_*: TABARI's [X?] subordinate, [X!] dominant */
    uint8_t guard;                 /* [---] with only words before '*': a context guard */
    uint8_t shape;                 /* PS_* bits, one test for the matcher's reasons to skip it */
    int nlit;                      /* literal words and synsets: specificity */
    int seq;                       /* load order, to break ties deterministically */
    const char *src;
    /* the word the block index files it under (its longest), or NULL (a set, or no index):
       asked for exactly before the whole pattern, as its signature bits may all be set by
       other words of the sentence */
    const word_match *anchor;
    /* its sides' ids (SIDE_UPPER, SIDE_LOWER; 0 = none): patterns whose elements on a side
       are the same share its id, so the matcher works a side out once for a verb (many
       patterns of a block end "... +" or begin "$ ...") */
    uint32_t side_id[2];
} pattern;
enum { SIDE_UPPER = 0, SIDE_LOWER = 1 };

/* A block with many patterns (CAMEO's have hundreds) is indexed by the patterns' anchors:
 * each pattern's likeliest-rare element (its longest word, else a set), whose signature bits
 * (one for each id it may be present by) get a row of bits over pat[], in order, plus one row
 * for the patterns with no anchor and one per PS_* shape bit. The matcher ORs the rows of the
 * bits its sentence has and visits only those patterns, instead of testing every pattern
 * (dict_finish, code_verbs). */
enum { BLOCK_INDEX_MIN = 16, ROW_NO_ANCHOR = SIG_BITS, ROW_SHAPE = SIG_BITS + 1, BLOCK_ROWS = SIG_BITS + 1 + 4 };

typedef struct verb_block {
    const char *label, *code;      /* default code ("---" = none) */
    const char *code2;
    uint8_t weight;                /* CW_* of the default code */
    pattern **pat; int npat, cap;
    const char *src;
    uint64_t *sig;                 /* pat[k]'s signature at sig[k * SIG_WORDS] (plain data) */
    uint64_t *rows; int row_words; /* BLOCK_ROWS rows of row_words words, or NULL */
    uint64_t *anchors;             /* SIG_WORDS: the bits that anchor any of its patterns */
} verb_block;

typedef struct verb_entry {
    word_match *w; int nw;         /* the verb phrase */
    int head;                      /* which word is the verb */
    const char *code, *code2;      /* own default, or NULL for the block's */
    verb_block *block;
    const char *src;
} verb_entry;

typedef struct verb_list { const verb_entry **v; int n, cap; } verb_list;

typedef struct cameo_info { const char *code, *name, *plover; double goldstein; int quad; } cameo_info;

/* What the peers' dialects bring that the compiled form has no place for, or that a loader
 * rewrote, counted (tabari.c, load.c, sets.c). */
typedef struct dict_dialect_stats {
    long files;                  /* dictionary files read */
    long time_entries;           /* TABARI <TIME> lines: skipped */
    long noun_entries, adj_entries;   /* TABARI <NOUN>/<ADJECTIVE> lines of several words: skipped */
    long alternatives;           /* patterns written by expanding TABARI { a | b } */
    long irregular_forms;        /* TABARI {FORM ...} verb forms */
    long null_actor_codes;       /* [---] actor codes: the phrase names no actor */
    long complex_codes;          /* [+++] actor codes: read as [---] (no .complex output) */
    long discard_phrases;        /* unrestricted [###] actors and verb roots: sentence discards */
    long dated_discards;         /* date-restricted [###]: read as [---] */
    long compound_codes;         /* coded compounds ("GME/GMW"): kept as one code */
    long synset_members_skipped; /* members with actor tokens ("PESO_$") */
    long p2_patterns;            /* PETRARCH-2 syntactic patterns approximated (not yet: reported) */
    long p2_transformations;     /* PETRARCH-2 "~ a (b c V) W = x y C" lines: skipped */
    long stem_index_keys;        /* extra index keys for TABARI stems (tabari_index_stems) */
} dict_dialect_stats;

/* What a token of a word is, lexically: the ids of its noun and verb lemmas (the word's own id
 * when it has none), its closed class, what WordNet allows it to be (LEX_CAN_*) and its verb
 * form (FORM_*); and two summaries the code stage tests instead of each id:
 * - wh: which by-word indexes (WH_* bits, word_has) have entries for the word's own or noun
 *   lemma's id (low four bits) or its verb lemma's (high four); most tokens begin nothing any
 *   index holds;
 * - idm: which of the word's ids are there and differ from those before them, in the order
 *   fold, noun lemma, verb lemma (bits 0-2: IDM_FNV) and in the order verb lemma, noun lemma,
 *   fold (bits 4-6: IDM_VNF); a stage that looks each id up once visits the set bits. */
typedef struct word_lex { uint32_t nlem_id, vlem_id; uint8_t cls, pos_hint, form, wh, idm; } word_lex;
#define IDM_FNV(idm) ((idm) & 7u)
#define IDM_VNF(idm) ((idm) >> 4 & 7u)

/* a file or folder the dictionary was read from, as it was then (for the cache) */
typedef struct dict_source { char path[1024]; int64_t size, mtime_ns; int exists; } dict_source;

typedef struct dict {
    region *rg;                    /* where the compiled form lives (NULL: the heap) */
    arena mem;
    strmap vocab;                  /* folded word -> id */
    const char **words; uint32_t nwords, wcap;   /* id -> word */
    uint32_t *lemmas;              /* id -> noun and verb lemma ids (2 per word; 0 = not yet) */
    /* id -> the word's analysis as a token (dict_word_analyse), for ids below nlex: worked out
       by dict_finish for the whole vocabulary, so the compiled cache carries it and a run's
       first sentences do not pay WordNet's lookups for words the dictionaries know */
    word_lex *lex_of; uint32_t nlex;
    /* id -> WH_* bits: which of the by-word indexes have entries for the word. One byte a
       word stays in the cache, while the indexes are 16 bytes a word: most tokens begin no
       phrase, verb or set, and this answers so without a cache miss (dict_finish) */
    uint8_t *word_has; uint32_t nhas;
    arena scratch;                 /* one phrase's tokens while it is compiled */
    phrase_list *by_word;          /* actor/agent/anaphor phrases by first word id */
    phrase_list *discard_by_word;
    verb_list *verbs_by_word;      /* by head word id */
    uint8_t *word_tag;             /* by word id: WT_* from TABARI's <NOUN> and <ADJECTIVE> */
    uint32_t index_cap;            /* size of the three arrays above */
    strmap synset_ix; synset **synsets; int nsyn, syncap;
    /* the synonym sets a word can begin, by word id (CSR: syn_of[syn_at[id] .. syn_at[id+1]]),
     * for ids below syn_words; syn_always: sets with a TABARI stem member, which any word may
     * begin. Lets the coder mark a sentence's sets from its tokens (code_stamp). */
    uint32_t *syn_at, *syn_of, syn_words;
    uint8_t *syn_always;
    verb_block **blocks; int nblocks, bcap;
    uint32_t nsides;               /* pattern side ids run 1..nsides (dict_finish) */
    strmap cameo_ix; cameo_info *cameo; int ncameo, cameocap;
    hd_dict_stats st;
    char hash[17];
    uint64_t hstate;
    char base[1024];               /* dictionary directory: provenance is shown relative to it */
    const lexicon *lx;
    dict_dialect_stats dx;
    uint8_t rules;                 /* RULES_*: set by a TABARI .project */
    dict_source *sources; int nsources, capsources;   /* heap, not region: see cache.c */
} dict;

typedef struct dict_diag { hd_diag_fn fn; void *ud; long count; } dict_diag;

void dict_init(dict *d, const lexicon *lx);
void dict_init_in(dict *d, const lexicon *lx, region *rg);
/* note a file or folder the dictionary depends on (stat now), for the cache's validation */
void dict_note_source(dict *d, const char *path);
void dict_free(dict *d);
/* is code s "---", an entry's or a block's no-code? By hand: asked for every actor a sentence
   names and every verb it codes */
static inline int dict_null_code(const char *s) { return s[0] == '-' && s[1] == '-' && s[2] == '-' && !s[3]; }
/* vocabulary */
uint32_t dict_intern(dict *d, const char *w, size_t n);
uint32_t dict_word_id(const dict *d, const char *w, size_t n);
/* the same, given the word's strmap_hash (a caller that looks the word up elsewhere too) */
uint32_t dict_word_id_h(const dict *d, const char *w, size_t n, uint32_t hash);
enum word_has_bits { WH_PHRASE = 1, WH_DISCARD = 2, WH_VERB = 4, WH_SYN = 8, WH_ALL = 15 };
/* may word id have entries in the index of bit (WH_*)? 1 when it is not known */
static inline int dict_word_has(const dict *d, uint32_t id, unsigned bit)
{
    return !d->word_has || id >= d->nhas || (d->word_has[id] & bit);
}
/* all of word id's WH_* bits (all of them when not known) */
static inline unsigned dict_word_has_bits(const dict *d, uint32_t id)
{
    return !d->word_has || id >= d->nhas ? WH_ALL : d->word_has[id];
}
/* word_lex.wh for a word and its lemma ids */
static inline uint8_t dict_wh(const dict *d, uint32_t fold_id, uint32_t nlem_id, uint32_t vlem_id)
{
    return (uint8_t)(dict_word_has_bits(d, fold_id) | dict_word_has_bits(d, nlem_id) |
                     dict_word_has_bits(d, vlem_id) << 4);
}
/* the bits of ids a, b, c (in that order) that are there and new */
static inline unsigned dict_new_ids(uint32_t a, uint32_t b, uint32_t c)
{
    return (a != 0) | (unsigned)(b && b != a) << 1 | (unsigned)(c && c != a && c != b) << 2;
}
/* word_lex.idm for a word's ids */
static inline uint8_t dict_idm(uint32_t fold_id, uint32_t nlem_id, uint32_t vlem_id)
{
    return (uint8_t)(dict_new_ids(fold_id, nlem_id, vlem_id) | dict_new_ids(vlem_id, nlem_id, fold_id) << 4);
}
/* may a token with these wh bits begin an entry of index bit by its fold or noun lemma, or
   by any of its ids? */
#define WH_FOLD_NLEM(wh, bit) ((wh) & (bit))
#define WH_ANY_ID(wh, bit) ((wh) & ((bit) | (bit) << 4))
/* a folded word's analysis (word_lex), worked out from the lexicon; fold_id is its own id */
void dict_word_analyse(const dict *d, const char *fold, size_t n, uint32_t fold_id, word_lex *out);
/* compile a word (already folded by the text stage or raw upper case) */
void dict_word(dict *d, const char *raw, size_t n, word_match *out);
/* loaders; each reports bad lines through diag and goes on */
int dict_load_actors(dict *d, const char *path, dict_diag *dg);
int dict_load_agents(dict *d, const char *path, dict_diag *dg);
int dict_load_anaphora(dict *d, const char *path, dict_diag *dg);
int dict_load_verbs(dict *d, const char *path, dict_diag *dg);
int dict_load_discards(dict *d, const char *path, dict_diag *dg);
int dict_load_cameo(dict *d, const char *path, dict_diag *dg);
/* the peers' dialects: TABARI .verbs (tabari.c), .actors and .agents (load.c) */
int dict_load_tabari_verbs(dict *d, const char *path, dict_diag *dg);
int dict_load_tabari_actors(dict *d, const char *path, dict_diag *dg);
int dict_load_tabari_agents(dict *d, const char *path, dict_diag *dg);
/* A dictionary SET description (sets.c): a TABARI .project, a PETRARCH PETR_config.ini, or a
 * PETRARCH validation file (.xml) whose <Environment> names its dictionaries. dict_is_set says
 * whether path is a regular file of one of these kinds; dict_load_set loads every dictionary it
 * names in its dialect (paths relative to the description) and finishes the dictionary. */
int dict_is_set(const char *path);
int dict_load_set(dict *d, const char *path, dict_diag *dg, hd_error *err);
/* load our whole data/ layout (or, when dir is a set description, that set) */
int dict_load_dir(dict *d, const char *dir, dict_diag *dg, hd_error *err);
void dict_finish(dict *d);        /* sort patterns, compute hash and stats */
void tabari_index_stems(dict *d);  /* index stems under the WordNet words they begin (tabari.c) */
int  dict_lint(const dict *d, dict_diag *dg);   /* semantic checks: see check.c */
int  dict_phrase(dict *d, const char *raw, size_t n, word_match **out);
void dict_index_phrase(dict *d, phrase_list *ix, const phrase *p);
void dict_hash_bytes(dict *d, const char *p, size_t n);

const cameo_info *dict_cameo(const dict *d, const char *code);
const char *dict_actor_code(const actor_entry *e, int32_t date);   /* date YYYYMMDD */
/* What an image is made from: the dictionary, WordNet, and one more file whose compiled form
 * (extra, built in the same region; the gazetteer) rides along, or NULL. */
typedef struct dict_cache_key { const char *dict_dir, *wordnet_dir, *extra_file; } dict_cache_key;

/* The compiled dictionary cache (cache.c): the lexicon and dictionary built in a region,
 * saved as an image and mapped back. dict_cache_file names the image for a dictionary and
 * WordNet directory under cache_dir (NULL: $HERODOT_CACHE, else $XDG_CACHE_HOME/herodot, else
 * ~/.cache/herodot; "" or "off": no cache; returns -1). dict_cache_load maps it when it is
 * still valid, fills lx and d and replays the build's diagnostics through fn (0), or returns
 * -1 and the caller loads the text files; dict_cache_save writes one from a finished build. */
int dict_cache_file(const dict_cache_key *k, const char *cache_dir, char *out, size_t n);
int dict_cache_load(const char *file, const dict_cache_key *k, region *rg, lexicon *lx, dict *d, void **extra,
                    hd_diag_fn fn, void *ud);
int dict_cache_save(const char *file, const dict_cache_key *k, region *rg, const lexicon *lx, const dict *d,
                    void *extra, const hd_error *diags, int ndiag);
void dict_report(dict_diag *dg, const char *file, long line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
#endif
