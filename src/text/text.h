/* text.h - the text stage: sentences with offsets, tokens, folded forms.
 * Owns: where sentences and tokens begin and end (bytes and code points), the dateline, and
 * the folded spelling of each token (case and accents removed). Knows nothing of
 * dictionaries: lexicon ids are filled in by the lex stage. */
#ifndef HD_TEXT_H
#define HD_TEXT_H
#include <stddef.h>
#include <stdint.h>
#include "../util/arena.h"

enum tok_flag {
    TF_CAP      = 1 << 0,   /* starts with an upper-case letter */
    TF_ALLCAP   = 1 << 1,   /* two or more letters, all upper case */
    TF_NUM      = 1 << 2,   /* starts with a digit */
    TF_PUNCT    = 1 << 3,   /* punctuation token */
    TF_HYPHEN   = 1 << 4,   /* joined to the previous token by a hyphen */
    TF_POSS     = 1 << 5,   /* the possessive 's */
    TF_FIRST    = 1 << 6,   /* first word of its sentence */
    TF_QUOTE    = 1 << 7,   /* a quotation mark */
    TF_ABBREV   = 1 << 8,   /* ends with a period that belongs to it (U.S., Gen.) */
    TF_PAREN    = 1 << 9,   /* ( ) [ ] */
};

typedef struct token {
    uint32_t b0, b1;        /* byte offsets in the article text */
    uint32_t c0, c1;        /* code-point offsets */
    const char *fold;       /* folded form, NUL-terminated (arena) */
    uint32_t fold_len;
    uint32_t flags;
    /* filled by lex: */
    uint32_t fold_id, nlem_id, vlem_id;   /* vocabulary ids, 0 = not a dictionary word */
    uint8_t cls;            /* closed word class (lex.h) */
    uint8_t pos_hint;       /* lex: what WordNet allows (LEX_CAN_NOUN|...) */
    uint8_t form;           /* lex: morphological form of a verb (FORM_*) */
    uint8_t wh;             /* lex: the dictionary's indexes its ids may begin (word_lex.wh) */
    uint8_t idm;            /* lex: which of its ids are distinct (word_lex.idm) */
} token;

typedef struct sentence {
    uint32_t b0, b1, c0, c1;   /* span in the article text */
    token *tok;
    int ntok;
} sentence;

typedef struct dateline {
    int present;
    uint32_t b0, b1;           /* the whole dateline, "PRISTINA, Sept 25 (BWS) -" */
    uint32_t place_b0, place_b1;   /* "PRISTINA" or "BRUSSELS/MINSK" */
    int month, day;            /* 0 when absent */
} dateline;

typedef struct doc_text {
    const char *text; size_t len;
    sentence *sent; int nsent;
    dateline dl;
} doc_text;

/* Fold one word: lower case, accents removed (ICU for non-ASCII). Returns arena string. */
const char *text_fold(arena *a, const char *s, size_t n, uint32_t *out_len);
/* Split an article into sentences and tokens. text must be valid UTF-8. */
void text_split(arena *a, const char *text, size_t len, doc_text *out);
/* 1-12 for a month name or abbreviation (folded), else 0 */
int text_month(const char *fold);
/* Tokenize one span (used by the dictionary loader and by tests). */
int text_tokenize(arena *a, const char *text, uint32_t b0, uint32_t b1, uint32_t c0, token **out);
/* the same, and *c1 the code-point offset of b1 (the tokenizer counts them anyway) */
int text_tokenize_span(arena *a, const char *text, uint32_t b0, uint32_t b1, uint32_t c0,
                       token **out, uint32_t *c1);
/* lang.c: the language of a text (cld2). code is ISO 639-1 ("en", "fr"; "un" unknown);
 * percent: share of the text in it; text_is_foreign: confidently not English. */
typedef struct text_lang { char code[8]; int percent, reliable, text_bytes, english, known, quick; } text_lang;
int text_language(const char *s, size_t n, text_lang *out);
int text_is_foreign(const text_lang *l);
#endif
