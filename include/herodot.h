/* herodot.h - the public API of libherodot, a CAMEO political event coder.
 *
 * A coder (hd_coder) is built once from a dictionary directory and is immutable afterwards:
 * many threads may code articles with it at once. Each call to hd_code_article() codes one
 * article and hands every event to a callback; all memory the events point to belongs to the
 * call and is valid only inside the callback.
 *
 * Errors are values: functions return 0 on success and fill an hd_error (file, line, message).
 */
#ifndef HERODOT_H
#define HERODOT_H
#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define HD_VERSION "0.1.0"

typedef struct hd_error {
    char file[256];     /* file the problem is in ("" if none) */
    long line;          /* 1-based line, 0 if none */
    char msg[512];
} hd_error;

/* Called for every non-fatal problem (a dictionary line skipped, an article rejected). */
typedef void (*hd_diag_fn)(const hd_error *e, void *ud);

typedef struct hd_coder hd_coder;

typedef struct hd_open_options {
    const char *dict_dir;        /* our data/ layout, or NULL for the built-in default path */
    const char *wordnet_dir;     /* NULL: /usr/share/wordnet */
    hd_diag_fn diag;             /* dictionary warnings; NULL: ignored */
    void *diag_ud;
    const char *gazetteer;       /* places: NULL = the default (build/ or installed), "" = none */
    const char *cache_dir;       /* compiled dictionary cache: NULL = $HERODOT_CACHE, else
                                    $XDG_CACHE_HOME/herodot or ~/.cache/herodot; "" = none */
} hd_open_options;

hd_coder *hd_coder_open(const hd_open_options *opt, hd_error *err);
void hd_coder_close(hd_coder *c);
const char *hd_coder_dict_hash(const hd_coder *c);   /* hex hash of every dictionary loaded */
/* Sets one of the peer's rule switches when the dictionaries are a peer's set: a TABARI
 * .options line ("SET: CODE BY SENTENCE", "COMMA: MIN = 2 MAX = 10", "DEFAULT: SOURCE [X]
 * PRIOR", "SET: CONVERT AGENT = TRUE", "COMPLEX: VERBS[5] NOACTPRIOR"). Returns 0 when
 * applied, 1 when the coder has no such switch, -1 when the line is malformed. Set the
 * switches before coding: they belong to the coder, not to one call. */
int hd_coder_option(hd_coder *c, const char *line);

typedef struct hd_dict_stats {
    long actor_phrases, actor_entries, people, agent_phrases;
    long verbs, patterns, codes_with_patterns, synsets, discards, load_errors;
} hd_dict_stats;
void hd_coder_stats(const hd_coder *c, hd_dict_stats *st);
/* Lints the loaded dictionaries (conflicting or repeated phrases, overlapping date ranges,
 * unknown codes, patterns that can never match); each finding goes to fn. Returns the count. */
int hd_coder_lint(const hd_coder *c, hd_diag_fn fn, void *ud);
/* Counts by kind of actor and by event root, one "name<TAB>count" line each. */
void hd_coder_write_stats(const hd_coder *c, FILE *f);

typedef struct hd_article {
    const char *id;
    const char *date;       /* YYYY-MM-DD, required */
    const char *text;       /* UTF-8 */
    size_t text_len;
    const char *source, *title, *url;   /* optional, may be NULL */
} hd_article;

typedef struct hd_span { long start, end; } hd_span;   /* [start, end) in code points */

typedef struct hd_actor {
    const char *code;       /* CAMEO actor code, e.g. "KSVCOP" */
    const char *text;       /* the words that named it */
    hd_span span;           /* in the article text */
    const char *entry;      /* dictionary file:line of the entry that coded it */
} hd_actor;

typedef struct hd_place {
    const char *name, *country, *admin1;   /* country: ISO3 */
    double lat, lon;
    long geonames_id;
    const char *precision;                 /* "city", "admin1", "admin2", "region", "country" */
} hd_place;

typedef struct hd_event {
    const char *article;
    int sentence;            /* 0-based sentence index in the article */
    hd_span span;            /* the sentence, in the article text */
    const char *text;        /* the sentence */
    const char *date;        /* YYYY-MM-DD, YYYY-MM or YYYY */
    const char *date_precision; /* "day", "month", "year" */
    hd_actor source;
    hd_actor target;         /* target.code == NULL when the event has no target */
    const char *code;        /* CAMEO event code */
    char root[3];
    const char *plover;      /* PLOVER event type or "" */
    int quad;                /* 1-4 (GDELT QuadClass) */
    double goldstein;
    const char *verb_text;   /* the words that triggered the event */
    hd_span verb_span;
    const char *pattern;     /* dictionary file:line of the verb or pattern that fired */
    const char *dict;        /* hash of the dictionary set */
    int has_place;
    hd_place place;
} hd_event;

typedef int (*hd_event_fn)(const hd_event *ev, void *ud);   /* nonzero return stops coding */

/* Per-thread working memory (an arena and a word memo), reused across articles to save
 * allocation and lookups. Optional: without one, each call makes and frees its own. A
 * scratch belongs to one thread at a time and to the coder it was made for. */
typedef struct hd_scratch hd_scratch;
hd_scratch *hd_scratch_new(const hd_coder *c);
void hd_scratch_free(hd_scratch *s);

/* Dictionary discovery (herodot dict discover): collects the proper-noun phrases no actor
 * entry knows and the verbs of sentences that had actors but no event. One thread only. */
typedef struct hd_discovery hd_discovery;
hd_discovery *hd_discovery_new(void);
void hd_discovery_free(hd_discovery *d);
void hd_discovery_write(const hd_discovery *d, FILE *f, int top);

typedef struct hd_code_options {
    FILE *trace;             /* explain: a human-readable trace of every stage, or NULL */
    long *sentences;         /* if set, the number of sentences coded is added to it */
    hd_scratch *scratch;     /* optional, see hd_scratch_new */
    hd_discovery *discover;  /* optional, see hd_discovery_new */
    int any_language;        /* code an article even when it is plainly not English */
    char *language;          /* if set (8 bytes), the article's language as found, ISO 639-1
                                ("en", "fr"; "un" when the text is too short to tell) */
    char *forward;           /* if set (16 bytes, in and out), TABARI's FORWARD across texts:
                                the first actor of the sentence before this text ("" none),
                                replaced by this text's last sentence's */
} hd_code_options;

/* Codes one article. Returns the number of events, or -1 with err filled (bad article, or
 * one written in another language: the dictionaries are English; see any_language). */
int hd_code_article(const hd_coder *c, const hd_article *a, const hd_code_options *opt,
                    hd_event_fn fn, void *ud, hd_error *err);

/* Lookups of the CAMEO code table. NULL / 0 when the code is unknown. */
const char *hd_cameo_name(const hd_coder *c, const char *code);

#ifdef __cplusplus
}
#endif
#endif
