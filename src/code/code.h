/* code.h - the coding stage (private): actor mentions, compounds, coreference, verbs and
 * patterns, and event assembly for one sentence, with an article-wide memory for
 * coreference. Reads the text stage's tokens and the compiled dictionary; writes candidate
 * events. Everything is allocated from the per-article arena. */
#ifndef HD_CODE_H
#define HD_CODE_H
#include <stdio.h>
#include <string.h>
#include "../dict/dict.h"
#include "../text/text.h"

#define MAX_MEMBERS 8

typedef struct mention {
    int t0, t1;                /* tokens [t0, t1) */
    const char *code;          /* CAMEO actor code, NULL if uncoded */
    const char *entry;         /* dictionary file:line that gave the code */
    uint8_t kind;              /* AK_* of the deciding entry */
    uint8_t person;            /* names a person (title + name, or a people entry) */
    uint8_t plural;
    uint8_t agent_only;        /* coded from an agent and the context country */
    uint8_t bare_agent;        /* only agent words: "troops", "its military" (patterns may
                                  read them as words: "sent troops to") */
    uint8_t pronoun;
    uint8_t prep;              /* governed by a preposition (0 or the LC_ of it) */
    const char *prep_word;     /* that preposition, folded */
    uint8_t absorbed;          /* merged into an appositive partner */
    uint8_t possessor;         /* followed by 's */
    uint8_t expand;            /* a plural anaphor standing for the last compound */
    uint8_t plural_ref;        /* "they", "both sides": may stand for a compound */
    uint8_t modifier;          /* a country word modifying a noun: "Iraqi sovereignty" */
    uint8_t location;          /* a capital or place after in/at/near: where, not who */
    const char *agent;         /* the agent code used, if any */
    uint8_t title;             /* the agent is a person's title ("president", "vice-president") */
    const char *name;          /* surname of an uncoded or coded name, folded */
    const char *name2;         /* first name word: the family name in "Yoon Suk Yeol" */
    int pn0, pn1;              /* tokens of the person's name, when a people entry coded it */
} mention;

typedef struct group {         /* a compound actor: "the US and the EU" */
    int t0, t1;
    int mem[MAX_MEMBERS]; int n;
} group;

/* a unit of the pattern matcher: a token, or a whole group of actors */
typedef struct unit {
    int t0, t1;
    int group;                 /* -1 for a plain token */
    int clause;                /* clause number within the sentence */
} unit;

typedef struct memory {        /* article-wide coreference state */
    const char *last_person, *last_igo, *last_group, *last_state, *last_plural, *last_any;
    const char *last_crowd, *last_mil;
    char forward[16];          /* TABARI FORWARD: the previous sentence's first actor */
    const char *home;          /* dateline or first country of the article */
    const char *sent_state;    /* last_state when the current sentence began */
    const char *last_nonperson;
    const char *compound[MAX_MEMBERS]; int ncompound, compound_sent;
    int sent;                  /* index of the current sentence */
    struct { char role[4]; const char *code; } roles[16]; int nroles;   /* last code by role */
    struct { int family; const char *src; } evs[32]; int nevs;         /* recent events, a ring */
    int home_from_dateline;
    struct { const char *name, *code; } names[64]; int nnames;
    const char *country_seen[16]; int ncountry;
    int32_t date;              /* article date YYYYMMDD */
} memory;

typedef struct cand_event {
    const char *src, *tgt, *code;
    int src_group, src_mem, tgt_group, tgt_mem;    /* for spans */
    int verb_t0, verb_t1;
    const char *pattern;
    uint8_t noun;              /* triggered by a noun ("a drone strike") */
    uint8_t passive;
    uint8_t weight;            /* CW_* of the code (TABARI's ? and !) */
    uint8_t paired;            /* the second event of a paired code [X:Y] */
} cand_event;

/* the peers' rule switches a coder is set to (rules.c; TABARI .options commands) */
enum code_by { CODE_BY_CLAUSE = 0, CODE_BY_SENTENCE, CODE_ALL };
typedef struct code_rules {
    uint8_t code_by;           /* CODE_BY_*: which events of a sentence are kept */
    uint8_t comma_off;         /* COMMA: OFF */
    int comma[3][2];           /* deleted comma clauses: words (min, max] at the beginning,
                                  in the middle, at the end */
    char def_src[16], def_tgt[16];   /* DEFAULT: codes used when the search finds no actor */
    uint8_t def_src_prior;     /* ... PRIOR: the default source whenever no actor is before the verb */
    uint8_t def_tgt_after;     /* ... AFTER: the default target whenever no actor is after it */
    uint8_t convert_agent;     /* SET: CONVERT AGENT: a lone agent is an actor coded ~AGENT */
    uint8_t complex_noactprior;/* COMPLEX: NOACTPRIOR: no actor before the first verb: no event */
    int complex_verbs, complex_conj;  /* COMPLEX: VERBS[n] CONJ[n]: that many: no event */
    int min_words;             /* SET: MINIMUM WORDS (8): a shorter sentence is not coded */
    uint8_t monadic;           /* SET: REQUIRE DYAD = FALSE (PETRARCH): events need no target */
    uint8_t forward;           /* FORWARD: a pronoun before any actor is the previous
                                  sentence's first actor */
} code_rules;
/* the defaults of a rule set (RULES_*): TABARI's, or PETRARCH's comma limits */
void code_rules_default(code_rules *r, uint8_t rule_set);
/* applies one TABARI .options line: 0 applied, 1 no such switch here, -1 malformed */
int code_rules_option(code_rules *r, const char *line);

typedef struct sent_ctx {
    const dict *d;
    arena *a;
    const char *text;          /* article text */
    sentence *s;
    token *t; int n;
    mention *m; int nm, mcap;
    int *tok_mention;          /* token -> mention or -1 */
    group *g; int ng, gcap;
    int *tok_group;            /* token -> group or -1 */
    unit *u; int nu;
    int *tok_unit;
    int *clause_parent;        /* clause -> enclosing clause (-1 for the sentence) */
    uint8_t *clause_rel_pron;  /* clause opened by a relative word (which, who, that, where) */
    memory *mem;
    FILE *trace;
    cand_event *ev; int nev, evcap;
    int discard;               /* 1 sentence, 2 article */
    /* which dictionary words occur in the sentence: stamp[id] == serial (a cheap test that
       lets the matcher skip patterns whose words are absent) */
    const uint32_t *stamp; uint32_t serial;
    uint32_t *syn_seen;        /* per synonym set: serial*2 + present, a memo */
    /* the sentence's signature: the bits (dict.h, sig_word_bit) of its words and of the sets
       they can begin; has_sig is 0 when there is none and every pattern must be tried.
       sig_absent is its complement, kept so that a pattern's test is an AND per word */
    uint64_t sig[SIG_WORDS], sig_absent[SIG_WORDS]; int has_sig;
    unsigned wh_any;           /* the OR of the tokens' wh bits (code_lexify's answer) */
    /* per synonym set, a row of n bytes: 1 + the length matched at each token, 0 = not yet
       (patterns sharing a set try it at the same tokens again and again); a set's row is made
       when the sentence first tries the set (syn_row_serial[set] == serial), since zeroing
       a row for every set and sentence cost more than the matching it saved */
    uint8_t **syn_rows; uint32_t *syn_row_serial;
    /* per pattern side (pattern.side_id), its match for the verb being coded, valid while
       its serial is side_now (a new value for each verb, from the scratch's *side_clock):
       a block's patterns share their sides, and each was matched again for each pattern */
    struct side_memo *sides; uint32_t *side_clock, side_now;
    const char **place_country;   /* token -> ISO3 of a place named there, or NULL */
    uint8_t *gone;             /* TABARI rules: token in a deleted comma-delimited clause */
    int end_clause;            /* PETRARCH rules: the comma before a terminal clause that is
                                  coded on its own instead of deleted, or -1 */
    const code_rules *rules;   /* the coder's rule switches (TABARI rules only) */
} sent_ctx;

typedef struct side_memo { uint32_t serial; int ok, src, tgt, comp; } side_memo;

/* one thread's memos of word analyses (lexify.c): the words the dictionary does not know,
   by folded form, and in front of everything a small direct-mapped cache of the last words
   of up to 16 bytes seen, each slot holding the word's bytes, its id and its analysis; and
   the ids of one-byte punctuation (plus one: 0 is not yet looked up) */
typedef struct lex_slot { uint64_t k0, k1; uint32_t fold_id, len; word_lex w; } lex_slot;
enum { LEX_SLOT_BITS = 14 };
typedef struct lex_memo {
    strmap map; word_lex *v; size_t n, cap; lex_slot *slot;
    uint32_t punct_id[128];
} lex_memo;
void lex_memo_init(lex_memo *m);
void lex_memo_free(lex_memo *m);
/* returns the OR of the tokens' wh bits: which indexes any token of the span may begin */
unsigned code_lexify(const dict *d, lex_memo *memo, token *t, int n);
void code_mentions(sent_ctx *c);
void code_groups(sent_ctx *c);
void code_units(sent_ctx *c);
/* where unit u lies relative to the clause of unit v: 0 the same clause, 1 inside a clause
   nested in it (searches skip over it), -1 outside (searches stop) */
int clause_rel_nested(const sent_ctx *c, int a, int b);
static inline int clause_rel(const sent_ctx *c, int v, int u)
{
    int a = c->u[v].clause, b = c->u[u].clause;
    return a == b ? 0 : clause_rel_nested(c, a, b);   /* the same clause: most calls */
}
void code_verbs(sent_ctx *c);
int code_word_lists_sorted(void);   /* for tests: verb.c's word lists are sorted (bsearch) */
/* is token k's fold the literal word w? its length first, then a memcmp of a constant size
   (strcmp on a token's fold is asked of most words by some rules). A fold holds no NUL, so
   this is strcmp's answer. */
#define FOLD_IS(k, w) ((k)->fold_len == sizeof(w) - 1 && !memcmp((k)->fold, w, sizeof(w) - 1))
/* does code s begin with the three letters of p (a country, IGO, a role)? strncmp(s, p, 3) == 0
   inline: the article memory and the country context ask it of every coded mention */
static inline int code_same3(const char *s, const char *p)
{
    return s[0] == p[0] && s[1] == p[1] && s[2] == p[2];
}
void code_stamp(sent_ctx *c, uint32_t *stamp, uint32_t serial);
void memory_update(sent_ctx *c);
void memory_note(memory *mem, const mention *m, arena *a);
const char *memory_role(const memory *mem, const char *role);
int event_family(const char *code);
void memory_event(memory *mem, const char *code, const char *src);
const char *memory_event_source(const memory *mem, int family);
const char *memory_event_other(const memory *mem, const char *src);
const char *memory_undone_source(const memory *mem);
void memory_init(memory *m, int32_t date);
const char *memory_resolve(const memory *m, uint8_t cls);
int code_discard(sent_ctx *c);
const char *tok_text(const sent_ctx *c, int t0, int t1);   /* arena copy of the original words */
int is_country_code(const char *code);
/* how many words may come between two words of a TABARI phrase written with a blank
   ("DUKE CALDER_VALE" finds "Duke of Calder Vale"), in actor and verb phrases alike */
enum { TABARI_MAX_GAP = 3 };

/* a word in TABARI's <NOUN> or <ADJECTIVE> lists (tag: WT_*) */
static inline int word_tagged(const dict *d, const token *k, uint8_t tag)
{
    return (k->fold_id && (d->word_tag[k->fold_id] & tag)) || (k->nlem_id && (d->word_tag[k->nlem_id] & tag));
}
/* a lower-case word that can be an adjective and is no form of a verb ("evil", not "shot") */
static inline int plain_adjective(const token *k)
{
    return !(k->flags & TF_CAP) && (k->pos_hint & LEX_CAN_ADJ) && !k->vlem_id;
}
/* TABARI's regular plural of an exact word: word == root + "s" */
static inline int plural_form(const char *word, const char *root)
{
    size_t rl = strlen(root);
    return !strncmp(word, root, rl) && word[rl] == 's' && !word[rl + 1];
}
#endif
