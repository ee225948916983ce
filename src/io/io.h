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

enum io_format { IO_AUTO = 0, IO_JSONL, IO_TEXT, IO_TABARI, IO_PETRXML };

/* path "-" is stdin. default_date is used by plain-text input. */
io_reader *io_open(const char *path, int format, const char *default_date, hd_error *err);
/* read from an open stream (not closed by io_close); name is used in messages */
io_reader *io_open_stream(FILE *fp, const char *name, int format, const char *default_date);
/* 1 = an article, 0 = end, -1 = this record is bad (err filled; go on reading) */
int io_next(io_reader *r, io_article *out, hd_error *err);
void io_article_free(io_article *a);
void io_close(io_reader *r);

/* ---- the peers' corpus formats (records.c): TABARI text records and PETRARCH XML ---- */
typedef struct io_kv { char *k, *v; } io_kv;
typedef struct io_coding { char *source, *target, *event, *noevents, *error; } io_coding;  /* <EventCoding> */
typedef struct io_record {
    char *id, *date, *text, *source;   /* date YYYY-MM-DD */
    long line;                         /* where the record starts */
    char *note;                        /* TABARI: the text of its comment blocks, or NULL */
    char *sentence, *category;         /* PETRARCH attributes, or NULL */
    io_coding *coding; int ncoding;    /* PETRARCH <EventCoding> elements */
    io_kv *config; int nconfig;        /* PETRARCH <Config> elements read since the last record */
    int parse_unbalanced;              /* PETRARCH: its <Parse> has unmatched brackets */
} io_record;
typedef struct io_records io_records;
/* which format the first bytes of an input look like: IO_PETRXML (first non-blank is '<'),
   IO_JSONL ('{'), IO_TABARI (first line that is not blank or '#' starts with 6 or 8 digits, a
   blank and more), else IO_TEXT */
int io_sniff(const char *head, size_t n);
/* reads fp (not closed by io_records_close); format IO_TABARI or IO_PETRXML */
io_records *io_records_open(FILE *fp, const char *name, int format);
/* 1 = a record, 0 = end, -1 = a bad record: err names file:line, rec holds what could be read
   (free it with io_record_free either way) and the next call goes on after it */
int io_records_next(io_records *r, io_record *rec, hd_error *err);
void io_record_free(io_record *rec);
void io_records_close(io_records *r);

void io_write_json(buf *b, const hd_event *ev);
void io_write_tsv(buf *b, const hd_event *ev);
/* the dataset and peer writers (io_write_event, io_out_parse ...) */
#include "formats.h"
#endif
