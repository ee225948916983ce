/* formats.h - event output in the field's dataset formats: GDELT 2.0 event table (61
 * tab-separated columns), ICEWS (20 tab-separated columns with a header), Phoenix (26
 * tab-separated columns), a CSV of herodot's own columns, and JSONL with the deduplication
 * fields. Used by `herodot export`, `herodot query` and `herodot code --format`.
 *
 * Every writer takes one event and an optional io_extra (NULL: a single mention with no
 * event id, the way `herodot code` sees it). Writers append one line to the buffer. */
#ifndef HD_FORMATS_H
#define HD_FORMATS_H
#include "../../include/herodot.h"
#include "../util/buf.h"

typedef struct io_extra {
    long long event_id;         /* deduplicated event id (GLOBALEVENTID); 0: none */
    long mentions, sources, articles;   /* NumMentions, NumSources, NumArticles; 0 counts as 1 */
    const char *url;            /* SOURCEURL / URLs: the article's url */
    const char *publisher;      /* the article's source (NewsSources, Publisher) */
    const char *title;
    const char *added;          /* when it was coded: YYYY-MM-DDTHH:MM:SSZ (DATEADDED), or NULL */
    const char *event_name;     /* CAMEO name of ev->code (ICEWS Event Text), or NULL */
} io_extra;

enum io_out {
    IO_OUT_JSONL, IO_OUT_TSV, IO_OUT_CSV, IO_OUT_GDELT2, IO_OUT_ICEWS, IO_OUT_PHOENIX,
    IO_OUT_TABARI, IO_OUT_PETRARCH
};

/* "jsonl"/"json", "tsv", "csv", "gdelt2"/"gdelt", "icews", "phoenix", "tabari",
   "petrarch"/"petrarch2"; -1 when unknown */
int io_out_parse(const char *name);
/* the header line of a format that has one (csv, icews); nothing for the others */
void io_write_header(buf *b, int fmt);
void io_write_event(buf *b, int fmt, const hd_event *ev, const io_extra *x);

void io_write_gdelt2(buf *b, const hd_event *ev, const io_extra *x);
void io_write_icews(buf *b, const hd_event *ev, const io_extra *x);
void io_write_phoenix(buf *b, const hd_event *ev, const io_extra *x);
void io_write_csv(buf *b, const hd_event *ev, const io_extra *x);
/* peer_out.c: TABARI's event line (date YYMMDD, source, target, code, "(LABEL) text") and
   PETRARCH-2's event TSV (date, source, target, code, issues, ids, [url,] publisher, source
   text, target text, event text) */
void io_write_tabari(buf *b, const hd_event *ev, const io_extra *x);
void io_write_petrarch(buf *b, const hd_event *ev, const io_extra *x);
/* io_write_json's object plus event_id, num_mentions, num_sources, num_articles, url,
 * publisher when x is given */
void io_write_jsonx(buf *b, const hd_event *ev, const io_extra *x);

/* Phoenix PentaClass of a root code (0-4) */
int io_penta_class(const char *root);
#endif
