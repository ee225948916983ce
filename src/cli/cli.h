/* cli.h - shared pieces of the herodot command line: option helpers, opening the coder with
 * the dictionary directory the user chose, and printing diagnostics git-style. */
#ifndef HD_CLI_H
#define HD_CLI_H
#include "../../include/herodot.h"
#include "../io/io.h"

typedef struct cli_common {
    const char *dict_dir;
    int quiet;              /* suppress dictionary warnings */
    int no_places;          /* --no-places */
    int no_cache;           /* --no-cache */
    int any_language;       /* --any-language */
    const char *options[16]; int noptions;   /* --option LINE: a peer's rule switch */
    long warnings;
} cli_common;

/* consumes --dict DIR / -q from argv at index *i; returns 1 if it consumed something */
int cli_common_opt(cli_common *cc, int argc, char **argv, int *i);
hd_coder *cli_open_coder(cli_common *cc);
const char *cli_default_data(void);
void cli_print_error(const hd_error *e);

/* feed.c: the records of files[0..nf) in turn (file_done, if set, hears of each file read to
 * its end). cli_feed_next returns 1 with an article, -1 for a record or a whole file that
 * cannot be read (err says why), 0 when all is read; *file names where the record came from. */
typedef struct cli_feed {
    const char **files; int nf, fi;
    const char *date;                 /* --date for plain text */
    io_reader *r;
    void (*file_done)(const char *file, void *ud); void *ud;
} cli_feed;
int  cli_feed_next(cli_feed *f, io_article *a, hd_error *err, const char **file);
void cli_feed_close(cli_feed *f);

/* pool.c: run job(i, scratch, ud) for i in [0, n) on the pool's threads */
typedef struct cli_pool cli_pool;
typedef void (*cli_job)(int i, hd_scratch *sc, void *ud);
/* --threads N: 0 or less means one per core; at most the pool's limit (64) */
int cli_threads(const char *arg);
cli_pool *cli_pool_new(const hd_coder *c, int threads);
void cli_pool_run(cli_pool *p, int n, cli_job job, void *ud);
/* the same in two halves, so the caller can read and write while the threads code (with one
 * thread, start does the work and wait returns at once) */
void cli_pool_start(cli_pool *p, int n, cli_job job, void *ud);
void cli_pool_wait(cli_pool *p);
void cli_pool_free(cli_pool *p);

int cmd_code(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_dict(int argc, char **argv);
int cmd_geo(int argc, char **argv);
int cmd_timex(int argc, char **argv);
int cmd_ingest(int argc, char **argv);
int cmd_recode(int argc, char **argv);
int cmd_query(int argc, char **argv);
int cmd_stats(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_validate(int argc, char **argv);
#endif
