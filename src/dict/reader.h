/* reader.h - line reader shared by the dictionary loaders (private to dict/). */
#ifndef HD_READER_H
#define HD_READER_H
#include "dict.h"

typedef struct src_file {
    const char *path;
    char *data; size_t len;
    size_t pos; long line;
} src_file;

int file_open(dict *d, src_file *f, const char *path, dict_diag *dg);   /* hashes the bytes */
void file_close(src_file *f);
char *next_line(src_file *f);                 /* in place; NULL at the end */
const char *where(dict *d, const src_file *f);   /* "path:line" in the dict arena */
void cut_comment(char *s);                    /* '#' after a blank, ';' anywhere */
size_t phrase_len(const char *s);             /* up to a blank, '[' or '{' */
#endif
