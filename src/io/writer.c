/* writer.c - event output: one JSON object a line (the fields ../shared/tools/evscore reads,
 * plus provenance), or TABARI-like tab-separated lines. Written by hand into a buffer: the
 * schema is fixed and this is the hot path of a long run. */
#include "io.h"
#include <string.h>

static void str(buf *b, const char *s) { if (s) buf_json_cstr(b, s); else buf_lit(b, "null"); }

static void span(buf *b, hd_span s)
{
    buf_lit(b, ",\"span\":["); buf_int(b, s.start); buf_putc(b, ','); buf_int(b, s.end); buf_putc(b, ']');
}

static void actor(buf *b, const hd_actor *a)
{
    if (!a->code) { buf_lit(b, "null"); return; }
    buf_lit(b, "{\"code\":"); str(b, a->code);
    buf_lit(b, ",\"text\":"); str(b, a->text);
    span(b, a->span);
    buf_lit(b, ",\"entry\":"); str(b, a->entry);
    buf_putc(b, '}');
}

void io_write_json(buf *b, const hd_event *ev)
{
    buf_lit(b, "{\"article\":"); str(b, ev->article);
    buf_lit(b, ",\"sentence\":"); buf_int(b, ev->sentence);
    span(b, ev->span);
    buf_lit(b, ",\"text\":");
    str(b, ev->text);
    buf_lit(b, ",\"date\":"); str(b, ev->date);
    buf_lit(b, ",\"date_precision\":"); str(b, ev->date_precision);
    buf_lit(b, ",\"source\":"); actor(b, &ev->source);
    buf_lit(b, ",\"target\":"); actor(b, &ev->target);
    buf_lit(b, ",\"code\":"); str(b, ev->code);
    buf_lit(b, ",\"root\":"); str(b, ev->root);
    buf_lit(b, ",\"plover\":"); str(b, ev->plover);
    buf_lit(b, ",\"quad\":"); buf_int(b, ev->quad);
    buf_lit(b, ",\"goldstein\":"); buf_decimal1(b, ev->goldstein);
    buf_lit(b, ",\"verb\":{\"text\":"); str(b, ev->verb_text);
    span(b, ev->verb_span);
    buf_putc(b, '}');
    if (ev->has_place) {
        buf_lit(b, ",\"place\":{\"name\":"); str(b, ev->place.name);
        buf_lit(b, ",\"country\":"); str(b, ev->place.country);
        buf_lit(b, ",\"admin1\":"); str(b, ev->place.admin1);
        buf_printf(b, ",\"lat\":%.4f,\"lon\":%.4f,\"geonames_id\":%ld", ev->place.lat, ev->place.lon,
                   ev->place.geonames_id);
        buf_lit(b, ",\"precision\":"); str(b, ev->place.precision);
        buf_putc(b, '}');
    }
    buf_lit(b, ",\"pattern\":"); str(b, ev->pattern);
    buf_lit(b, ",\"dict\":"); str(b, ev->dict);
    buf_lit(b, "}\n");
}

void io_write_tsv(buf *b, const hd_event *ev)
{
    /* date source target code article sentence verb-text (TABARI's event line, with ids) */
    char d[16];
    size_t o = 0;
    for (const char *p = ev->date; *p && o < 15; p++) if (*p != '-') d[o++] = *p;
    d[o] = 0;
    buf_puts(b, d); buf_putc(b, '\t');
    buf_tsv_field(b, ev->source.code); buf_putc(b, '\t');
    buf_tsv_field(b, ev->target.code ? ev->target.code : "---"); buf_putc(b, '\t');
    buf_tsv_field(b, ev->code); buf_putc(b, '\t');
    buf_tsv_field(b, ev->article); buf_printf(b, "\t%d\t", ev->sentence);
    buf_tsv_field(b, ev->verb_text);
    buf_putc(b, '\n');
}
