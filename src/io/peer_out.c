/* peer_out.c - event lines in the peers' own output formats (../shared/peers/FORMATS.md §4.1,
 * §4.2), for pipelines that read TABARI or PETRARCH-2 output:
 *   TABARI     YYMMDD \t SOURCE \t TARGET \t CODE \t (LABEL) MATCHED TEXT
 *              the label is the code's name when known (io_extra.event_name), the text is the
 *              source, verb and target words in upper case, as TABARI prints them;
 *   PETRARCH-2 YYYYMMDD \t SOURCE \t TARGET \t CODE \t ISSUES \t IDS \t [URL \t] PUBLISHER \t
 *              SOURCE TEXT \t TARGET TEXT \t EVENT TEXT  (write_actor_text and
 *              write_event_text on); ids are story_sentence: an article id that already has
 *              that form (PETRARCH XML input codes one <Sentence> per article) is kept.
 * A missing target is "---" in both. */
#include "formats.h"
#include "io.h"
#include <ctype.h>
#include <string.h>

static void upper(buf *b, const char *s)
{
    for (; s && *s; s++) {
        char c = *s;
        if (c == '\t' || c == '\n' || c == '\r') c = ' ';
        buf_putc(b, (char)toupper((unsigned char)c));
    }
}

/* the digits of a YYYY-MM-DD date: all 8, or the 6 of YYMMDD */
static void date_digits(buf *b, const char *date, int six)
{
    char d[16]; size_t o = 0;
    for (const char *p = date; p && *p && o < 15; p++) if (isdigit((unsigned char)*p)) d[o++] = *p;
    while (o < 8) d[o++] = '0';          /* YYYY-MM precision: day 00, as TABARI writes */
    d[o] = 0;
    buf_puts(b, six ? d + 2 : d);
}

void io_write_tabari(buf *b, const hd_event *ev, const io_extra *x)
{
    date_digits(b, ev->date, 1);
    buf_putc(b, '\t');
    buf_tsv_field(b, ev->source.code ? ev->source.code : "---"); buf_putc(b, '\t');
    buf_tsv_field(b, ev->target.code ? ev->target.code : "---"); buf_putc(b, '\t');
    buf_tsv_field(b, ev->code); buf_putc(b, '\t');
    if (x && x->event_name && *x->event_name) { buf_putc(b, '('); upper(b, x->event_name); buf_puts(b, ") "); }
    upper(b, ev->source.text);
    buf_putc(b, ' ');
    upper(b, ev->verb_text);
    if (ev->target.code && ev->target.text) { buf_putc(b, ' '); upper(b, ev->target.text); }
    buf_putc(b, '\n');
}

/* "AFP0808020625_4" already names story and sentence */
static int has_sentence_suffix(const char *id)
{
    const char *u = id ? strrchr(id, '_') : NULL;
    if (!u || !u[1]) return 0;
    for (const char *p = u + 1; *p; p++) if (!isdigit((unsigned char)*p)) return 0;
    return 1;
}

void io_write_petrarch(buf *b, const hd_event *ev, const io_extra *x)
{
    date_digits(b, ev->date, 0);
    buf_putc(b, '\t');
    buf_tsv_field(b, ev->source.code ? ev->source.code : "---"); buf_putc(b, '\t');
    buf_tsv_field(b, ev->target.code ? ev->target.code : "---"); buf_putc(b, '\t');
    buf_tsv_field(b, ev->code); buf_putc(b, '\t');
    buf_putc(b, '\t');                                   /* issues: herodot codes none */
    if (ev->sentence == 0 && has_sentence_suffix(ev->article)) buf_tsv_field(b, ev->article);
    else { buf_tsv_field(b, ev->article); buf_printf(b, "_%d", ev->sentence + 1); }
    buf_putc(b, '\t');
    if (x && x->url && *x->url) { buf_tsv_field(b, x->url); buf_putc(b, '\t'); }
    buf_tsv_field(b, x && x->publisher ? x->publisher : ""); buf_putc(b, '\t');
    buf_tsv_field(b, ev->source.text ? ev->source.text : "---"); buf_putc(b, '\t');
    buf_tsv_field(b, ev->target.code && ev->target.text ? ev->target.text : "---"); buf_putc(b, '\t');
    buf_tsv_field(b, ev->verb_text ? ev->verb_text : "---");
    buf_putc(b, '\n');
}
