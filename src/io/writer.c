/* writer.c - event output: one JSON object a line (the fields ../shared/tools/evscore reads,
 * plus provenance), or TABARI-like tab-separated lines. Written by hand into a buffer: the
 * schema is fixed and this is the hot path of a long run. */
#include "io.h"
#include <string.h>

/* A line is written through a cursor in room made once for all of it, from its strings'
 * lengths (every byte of them escaped at worst): a check and a length update for every key,
 * comma and number cost more than the writing. */

/* a key with the punctuation around it, one copy of a constant */
#define KEY(o, s) do { memcpy((o), "" s "", sizeof(s) - 1); (o) += sizeof(s) - 1; } while (0)
/* the room for the keys, the eight integers and the decimal, besides the strings */
#define LINE_ROOM (512 + 8 * BUF_INT_ROOM + BUF_DECIMAL1_ROOM)

typedef struct jstr { const char *s; size_t n; } jstr;

static jstr js(const char *s) { return (jstr){ s, s ? strlen(s) : 0 }; }
/* the room a string takes: "null" when it is NULL */
static size_t js_room(jstr j) { return BUF_JSON_ROOM(j.n) + 4; }

static char *str(char *o, jstr j)
{
    if (!j.s) { KEY(o, "null"); return o; }
    return buf_json_put(o, j.s, j.n);
}

static char *span(char *o, hd_span s)
{
    KEY(o, ",\"span\":[");
    o = buf_int_put(o, s.start);
    *o++ = ',';
    o = buf_int_put(o, s.end);
    *o++ = ']';
    return o;
}

typedef struct jactor { jstr code, text, entry; } jactor;

static jactor ja(const hd_actor *a)
{
    if (!a->code) return (jactor){ { NULL, 0 }, { NULL, 0 }, { NULL, 0 } };
    return (jactor){ js(a->code), js(a->text), js(a->entry) };
}

static char *actor(char *o, jactor j, const hd_actor *a)
{
    if (!j.code.s) { KEY(o, "null"); return o; }
    KEY(o, "{\"code\":"); o = str(o, j.code);
    KEY(o, ",\"text\":"); o = str(o, j.text);
    o = span(o, a->span);
    KEY(o, ",\"entry\":"); o = str(o, j.entry);
    *o++ = '}';
    return o;
}

static void cstr(buf *b, const char *s) { if (s) buf_json_cstr(b, s); else buf_lit(b, "null"); }

void io_write_json(buf *b, const hd_event *ev)
{
    jstr article = js(ev->article), text = js(ev->text), date = js(ev->date),
         prec = js(ev->date_precision), code = js(ev->code), root = js(ev->root),
         plover = js(ev->plover), verb = js(ev->verb_text), pattern = js(ev->pattern),
         dict = js(ev->dict);
    jactor src = ja(&ev->source), tgt = ja(&ev->target);
    size_t room = LINE_ROOM + js_room(article) + js_room(text) + js_room(date) + js_room(prec) +
                  js_room(src.code) + js_room(src.text) + js_room(src.entry) +
                  js_room(tgt.code) + js_room(tgt.text) + js_room(tgt.entry) +
                  js_room(code) + js_room(root) + js_room(plover) + js_room(verb) +
                  js_room(pattern) + js_room(dict);
    char *o = buf_room(b, room);
    KEY(o, "{\"article\":"); o = str(o, article);
    KEY(o, ",\"sentence\":"); o = buf_int_put(o, ev->sentence);
    o = span(o, ev->span);
    KEY(o, ",\"text\":"); o = str(o, text);
    KEY(o, ",\"date\":"); o = str(o, date);
    KEY(o, ",\"date_precision\":"); o = str(o, prec);
    KEY(o, ",\"source\":"); o = actor(o, src, &ev->source);
    KEY(o, ",\"target\":"); o = actor(o, tgt, &ev->target);
    KEY(o, ",\"code\":"); o = str(o, code);
    KEY(o, ",\"root\":"); o = str(o, root);
    KEY(o, ",\"plover\":"); o = str(o, plover);
    KEY(o, ",\"quad\":"); o = buf_int_put(o, ev->quad);
    KEY(o, ",\"goldstein\":"); o = buf_decimal1_put(o, ev->goldstein);
    KEY(o, ",\"verb\":{\"text\":"); o = str(o, verb);
    o = span(o, ev->verb_span);
    *o++ = '}';
    /* the place (coded with a gazetteer) through the buffer's own calls, its coordinates by
       printf's %.4f; then room again for the rest */
    if (ev->has_place) {
        buf_end(b, o);
        buf_lit(b, ",\"place\":{\"name\":"); cstr(b, ev->place.name);
        buf_lit(b, ",\"country\":"); cstr(b, ev->place.country);
        buf_lit(b, ",\"admin1\":"); cstr(b, ev->place.admin1);
        buf_printf(b, ",\"lat\":%.4f,\"lon\":%.4f,\"geonames_id\":%ld", ev->place.lat, ev->place.lon,
                   ev->place.geonames_id);
        buf_lit(b, ",\"precision\":"); cstr(b, ev->place.precision);
        buf_putc(b, '}');
        o = buf_room(b, 64 + js_room(pattern) + js_room(dict));
    }
    KEY(o, ",\"pattern\":"); o = str(o, pattern);
    KEY(o, ",\"dict\":"); o = str(o, dict);
    KEY(o, "}\n");
    buf_end(b, o);
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
