/* io.h - the input and output stage: reading articles (JSONL, plain text) with a clear
 * file:line message for each one that cannot be read, and writing events (JSONL, TSV). */
#ifndef HD_IO_H
#define HD_IO_H
#include <stdio.h>
#include "../../include/herodot.h"
#include "../util/buf.h"

typedef struct io_article {
    hd_article a;
    long line;            /* line in the input where the article starts */
    void *own;            /* storage to release with io_article_free */
} io_article;

typedef struct io_reader io_reader;

enum io_format { IO_AUTO = 0, IO_JSONL, IO_TEXT };

/* path "-" is stdin. default_date is used by plain-text input. */
io_reader *io_open(const char *path, int format, const char *default_date, hd_error *err);
/* read from an open stream (not closed by io_close); name is used in messages */
io_reader *io_open_stream(FILE *fp, const char *name, int format, const char *default_date);
/* 1 = an article, 0 = end, -1 = this record is bad (err filled; go on reading) */
int io_next(io_reader *r, io_article *out, hd_error *err);
void io_article_free(io_article *a);
void io_close(io_reader *r);

void io_write_json(buf *b, const hd_event *ev);
void io_write_tsv(buf *b, const hd_event *ev);
#endif
