/* reader.h - line reader shared by the dictionary loaders (private to dict/). */
#ifndef HD_READER_H
#define HD_READER_H
#include "dict.h"

typedef struct src_file {
    const char *path;
    const char *rel; size_t rel_len;   /* path relative to the dictionary's folder (where) */
    char *data; size_t len;
    size_t pos; long line;
    int in_comment;           /* inside a multi-line <!-- ... --> */
} src_file;

int file_open(dict *d, src_file *f, const char *path, dict_diag *dg);   /* hashes the bytes */
void file_close(src_file *f);
char *next_line(src_file *f);                 /* in place; NULL at the end */
const char *where(dict *d, const src_file *f);   /* "path:line" in the dict arena */
void cut_comment(char *s);
/* PETRARCH's <!-- ... --> comments (one line or several): 1 when the line is part of one */
int xml_comment_line(src_file *f, const char *line);
/* "~FINISH" (TABARI's end of file; some files write "~~FINISH") */
int finish_line(const char *line);                    /* '#' after a blank, ';' anywhere */
size_t phrase_len(const char *s);             /* up to a blank, '[' or '{' */

/* verbs.c, shared with the TABARI reader (tabari.c) */
synset *vb_synset_get(dict *d, const char *name, size_t n, int create);
size_t vb_synset_name_len(dict *d, const char *s);
int vb_synset_add(dict *d, synset *s, const char *raw, size_t n, int tabari, const char **why);
int vb_event_code(dict *d, const char *s, const char **code, const char **code2, uint8_t *null_code,
                  uint8_t *discard);
/* the CW_* weight a code's last bracket carries: "[023?]" subordinate, "[190!]" dominant */
uint8_t vb_code_weight(const char *s);
int vb_compile_pattern(dict *d, char *s, pattern *p, const char **why, int tabari);
verb_block *vb_new_block(dict *d, const char *label, const char *src);
void vb_add_pattern(dict *d, verb_block *b, pattern *p);
void vb_index_verb(dict *d, const verb_entry *v);

/* tabari.c: a TABARI phrase ("NORTH_VALE", "DUKE CALDER_VALE", "BAN="): a word followed by
 * '_' or ending in '=' is exact, any other word is a stem (word_match.prefix); the words are
 * consecutive. Returns the number of words. */
int tabari_phrase(dict *d, const char *raw, size_t n, word_match **out);
/* load.c: the actor and agent readers with TABARI's rules (tabari = 1) or ours */
int load_actors_dialect(dict *d, const char *path, dict_diag *dg, int tabari);
int load_agents_dialect(dict *d, const char *path, dict_diag *dg, int tabari);
#endif
