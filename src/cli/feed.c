/* feed.c - the articles of the command line's files, one after another, for `code` and
 * `ingest`: each opens the files in turn, reads record by record and goes on past a file that
 * cannot be opened or a record that cannot be read, reporting it in its place. */
#include "cli.h"
#include <string.h>

int cli_feed_next(cli_feed *f, io_article *a, hd_error *err, const char **file)
{
    for (;;) {
        if (!f->r) {
            if (f->fi >= f->nf) return 0;
            f->r = io_open(f->files[f->fi], IO_AUTO, f->date, err);
            if (!f->r) {                      /* the file's error takes the record's place */
                memset(a, 0, sizeof *a);
                *file = f->files[f->fi++];
                return -1;
            }
        }
        *file = f->files[f->fi];
        int st = io_next(f->r, a, err);
        if (st) return st;
        io_close(f->r);
        f->r = NULL;
        if (f->file_done) f->file_done(f->files[f->fi], f->ud);
        f->fi++;
    }
}

void cli_feed_close(cli_feed *f)
{
    if (f->r) io_close(f->r);
    f->r = NULL;
}
