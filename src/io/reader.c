/* reader.c - article input. JSONL (one object a line: id, date, text; optional source,
 * title, url), read directly when the line is plain (scan_line), else parsed with cJSON; a
 * plain-text file is one article whose id is the file name and whose date comes from --date.
 * Lines of any length are read (getline). A bad record yields one error naming file and line;
 * the reader goes on with the next. */
#define _GNU_SOURCE         /* fopencookie: stdin keeps the bytes read to detect its format */
#include "io.h"
#include "../util/utf8.h"
#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

struct io_reader {
    FILE *fp;
    int own_fp;
    char path[1024];
    int format;
    char date[16];
    long line;
    int done;
    char *lbuf; size_t lcap;
    io_records *recs;       /* TABARI records or PETRARCH XML */
};

/* a stream that first gives back the bytes already read from a pipe, then the pipe */
typedef struct prefix_stream { char *b; size_t n, at; FILE *under; } prefix_stream;

static ssize_t ps_read(void *c, char *out, size_t n)
{
    prefix_stream *p = c;
    if (p->at < p->n) {
        size_t k = p->n - p->at < n ? p->n - p->at : n;
        memcpy(out, p->b + p->at, k);
        p->at += k;
        return (ssize_t)k;
    }
    return (ssize_t)fread(out, 1, n, p->under);
}

static int ps_close(void *c)
{
    prefix_stream *p = c;
    free(p->b);
    free(p);
    return 0;
}

/* reads the first bytes of the input and puts them back (rewind, or a prefix stream) */
static int detect_format(io_reader *r)
{
    char *head = malloc(4096);
    size_t n = fread(head, 1, 4096, r->fp);
    int fmt = io_sniff(head, n);
    if (fseek(r->fp, 0, SEEK_SET) == 0) { free(head); clearerr(r->fp); return fmt; }
    prefix_stream *p = calloc(1, sizeof *p);
    p->b = head; p->n = n; p->under = r->fp;
    cookie_io_functions_t fns = { ps_read, NULL, NULL, ps_close };
    FILE *f = fopencookie(p, "r", fns);
    if (!f) { free(head); free(p); return fmt; }
    r->fp = f;
    r->own_fp = 1;          /* the cookie stream (stdin itself stays open) */
    return fmt;
}

io_reader *io_open(const char *path, int format, const char *default_date, hd_error *err)
{
    io_reader *r = calloc(1, sizeof *r);
    snprintf(r->path, sizeof r->path, "%s", strcmp(path, "-") ? path : "<stdin>");
    if (!strcmp(path, "-")) r->fp = stdin;
    else {
        r->fp = fopen(path, "rb");
        r->own_fp = 1;
        if (!r->fp) {
            snprintf(err->file, sizeof err->file, "%s", path);
            err->line = 0;
            snprintf(err->msg, sizeof err->msg, "cannot open file");
            free(r);
            return NULL;
        }
    }
    if (default_date) snprintf(r->date, sizeof r->date, "%s", default_date);
    if (format == IO_AUTO) {
        size_t l = strlen(path);
        if ((l > 6 && !strcmp(path + l - 6, ".jsonl")) || (l > 5 && !strcmp(path + l - 5, ".json")))
            format = IO_JSONL;
        else if ((l > 4 && !strcmp(path + l - 4, ".xml")))
            format = IO_PETRXML;
        else format = detect_format(r);
    }
    r->format = format;
    if (format == IO_TABARI || format == IO_PETRXML) r->recs = io_records_open(r->fp, r->path, format);
    return r;
}

io_reader *io_open_stream(FILE *fp, const char *name, int format, const char *default_date)
{
    io_reader *r = calloc(1, sizeof *r);
    r->fp = fp;
    snprintf(r->path, sizeof r->path, "%s", name);
    if (default_date) snprintf(r->date, sizeof r->date, "%s", default_date);
    r->format = format == IO_AUTO ? IO_JSONL : format;
    if (format == IO_TABARI || format == IO_PETRXML) r->recs = io_records_open(r->fp, r->path, format);
    return r;
}

static void fail(hd_error *err, const io_reader *r, long line, const char *msg)
{
    snprintf(err->file, sizeof err->file, "%s", r->path);
    err->line = line;
    snprintf(err->msg, sizeof err->msg, "%s", msg);
}

static char *dupstr(const cJSON *o, const char *k)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
    if (cJSON_IsString(v) && v->valuestring) return strdup(v->valuestring);
    if (cJSON_IsNumber(v)) { char b[64]; snprintf(b, sizeof b, "%.0f", v->valuedouble); return strdup(b); }
    return NULL;
}

/* an article's strings: each its own malloc (cJSON, text, records), or all in one block
 * after the struct itself (scan_line: one allocation a line instead of four to seven) */
typedef struct owned { char *id, *date, *text, *source, *title, *url; char *block; } owned;

/* ---- the usual line without cJSON ----------------------------------------------------------
 * Building a cJSON tree of every line and freeing it was most of the cost of reading. The
 * usual line is one object whose values are all strings without \u escapes: scan_line reads
 * it directly, taking the six fields as cJSON would (the first of a repeated key; whitespace
 * is any byte up to 0x20; the simple escapes decoded). Anything else (a number or nested
 * value, a \u escape, a NUL byte, text after the object, a syntax error) returns 0 and goes to
 * cJSON, which reads it or names the error as before. */
typedef struct jspan { const char *p; size_t n; int esc; } jspan;

enum { NFIELDS = 6, DATE_FIELD = 1, DATE_ROOM = 11 };   /* room to normalise a date in place */

/* the field a key names: id, date, text, source, title, url (0 .. 5), -1 for another key. By
 * length, then the bytes (memcmp of a constant length: a compare or two, not a call). */
static int field_of(const char *k, size_t n)
{
    switch (n) {
    case 2: return !memcmp(k, "id", 2) ? 0 : -1;
    case 3: return !memcmp(k, "url", 3) ? 5 : -1;
    case 4: return !memcmp(k, "date", 4) ? 1 : !memcmp(k, "text", 4) ? 2 : -1;
    case 5: return !memcmp(k, "title", 5) ? 4 : -1;
    case 6: return !memcmp(k, "source", 6) ? 3 : -1;
    default: return -1;
    }
}

static const char *skip_ws(const char *p, const char *e)
{
    while (p < e && (unsigned char)*p <= 32) p++;
    return p;
}

/* the string whose contents start at p; *end is after its closing quote */
static int scan_str(const char *p, const char *e, jspan *out, const char **end)
{
    const char *b = p, *q = NULL;
    int esc = 0;
    for (;;) {
        /* the first quote from p: the one found before, unless an escaped quote was it (an
           escape is most often a \n, and the text's closing quote is not looked for again) */
        if (!q || q < p) {
            q = memchr(p, '"', (size_t)(e - p));
            if (!q) return 0;
        }
        const char *bs = memchr(p, '\\', (size_t)(q - p));
        if (!bs) { p = q; break; }
        if (bs + 1 >= e || !bs[1] || !strchr("bfnrt\"\\/", bs[1])) return 0;   /* \u: cJSON */
        esc = 1;
        p = bs + 2;
    }
    out->p = b; out->n = (size_t)(p - b); out->esc = esc;
    *end = p + 1;
    return 1;
}

/* a key, whose contents start at p: short, so read a byte at a time rather than by two
 * memchr calls; one with an escape is left to cJSON, as scan_str's caller did (returns 0) */
static int scan_key(const char *p, const char *e, jspan *out, const char **end)
{
    const char *q = p;
    while (q < e && *q != '"' && *q != '\\') q++;
    if (q >= e || *q != '"') return 0;
    out->p = p; out->n = (size_t)(q - p); out->esc = 0;
    *end = q + 1;
    return 1;
}

/* the string's contents into o (room for v->n + 1 bytes); returns o */
static char *decode(const jspan *v, char *o)
{
    char *w = o;
    const char *p = v->p, *e = v->p + v->n;
    while (p < e) {             /* runs up to each backslash, then its escape */
        const char *bs = v->esc ? memchr(p, '\\', (size_t)(e - p)) : NULL;
        size_t k = (size_t)((bs ? bs : e) - p);
        memcpy(w, p, k); w += k; p += k;
        if (!bs) break;
        char c = p[1];
        *w++ = c == 'b' ? '\b' : c == 'f' ? '\f' : c == 'n' ? '\n' : c == 'r' ? '\r' : c == 't' ? '\t' : c;
        p += 2;
    }
    *w = 0;
    return o;
}

/* the article of a usual line, in one allocation; NULL for cJSON to read the line */
static owned *scan_line(const char *s, size_t n)
{
    const char *e = s + n, *p = skip_ws(s, e);
    jspan v[NFIELDS];
    int have[NFIELDS] = { 0 };
    if (memchr(s, 0, n) || p >= e || *p != '{') return NULL;
    p = skip_ws(p + 1, e);
    if (p < e && *p == '}') p++;
    else for (;;) {
        jspan k, val;
        if (p >= e || *p != '"' || !scan_key(p + 1, e, &k, &p)) return NULL;
        p = skip_ws(p, e);
        if (p >= e || *p != ':') return NULL;
        p = skip_ws(p + 1, e);
        if (p >= e || *p != '"' || !scan_str(p + 1, e, &val, &p)) return NULL;
        int f = field_of(k.p, k.n);
        if (f >= 0 && !have[f]) { v[f] = val; have[f] = 1; }
        p = skip_ws(p, e);
        if (p < e && *p == ',') { p = skip_ws(p + 1, e); continue; }
        if (p < e && *p == '}') { p++; break; }
        return NULL;
    }
    if (skip_ws(p, e) != e) return NULL;
    size_t room[NFIELDS], total = 0;
    for (int f = 0; f < NFIELDS; f++) {
        room[f] = have[f] ? v[f].n + 1 : 0;
        if (f == DATE_FIELD && have[f] && room[f] < DATE_ROOM) room[f] = DATE_ROOM;
        total += room[f];
    }
    owned *w = malloc(sizeof *w + total);
    if (!w) return NULL;
    char *o = w->block = (char *)(w + 1);
    char **dst[NFIELDS] = { &w->id, &w->date, &w->text, &w->source, &w->title, &w->url };
    for (int f = 0; f < NFIELDS; f++) {
        *dst[f] = have[f] ? decode(&v[f], o) : NULL;
        o += room[f];
    }
    return w;
}

static int next_jsonl(io_reader *r, io_article *out, hd_error *err)
{
    for (;;) {
        ssize_t n = getline(&r->lbuf, &r->lcap, r->fp);
        if (n < 0) return 0;
        r->line++;
        char *s = r->lbuf;
        while (n && (s[n - 1] == '\n' || s[n - 1] == '\r')) s[--n] = 0;
        size_t k = 0;
        while (k < (size_t)n && (s[k] == ' ' || s[k] == '\t')) k++;
        if (k == (size_t)n) continue;
        if (utf8_valid_prefix(s, (size_t)n) != (size_t)n) { fail(err, r, r->line, "invalid UTF-8"); return -1; }
        owned *w = scan_line(s, (size_t)n);
        if (!w) {
            w = calloc(1, sizeof *w);
            cJSON *o = cJSON_ParseWithLength(s, (size_t)n);
            if (!o || !cJSON_IsObject(o)) { cJSON_Delete(o); free(w); fail(err, r, r->line, "not a JSON object"); return -1; }
            w->id = dupstr(o, "id"); w->date = dupstr(o, "date"); w->text = dupstr(o, "text");
            w->source = dupstr(o, "source"); w->title = dupstr(o, "title"); w->url = dupstr(o, "url");
            cJSON_Delete(o);
        }
        out->own = w; out->line = r->line;
        out->a.id = w->id; out->a.date = w->date; out->a.text = w->text;
        out->a.text_len = w->text ? strlen(w->text) : 0;
        out->a.source = w->source; out->a.title = w->title; out->a.url = w->url;
        if (!w->id) { fail(err, r, r->line, "article has no \"id\""); io_article_free(out); return -1; }
        if (!w->text) { fail(err, r, r->line, "article has no \"text\""); io_article_free(out); return -1; }
        if (!w->date) { fail(err, r, r->line, "article has no \"date\""); io_article_free(out); return -1; }
        /* accept "2023-11-29T10:00:00Z" and "20231129" by normalising to YYYY-MM-DD */
        if (strlen(w->date) == 8 && !strchr(w->date, '-')) {
            char d[DATE_ROOM];
            snprintf(d, sizeof d, "%.4s-%.2s-%.2s", w->date, w->date + 4, w->date + 6);
            if (!w->block) {    /* a string of its own: one with room */
                free(w->date);
                w->date = malloc(sizeof d);
                out->a.date = w->date;
            }
            memcpy(w->date, d, sizeof d);
        } else if (strlen(w->date) > 10 && w->date[10] == 'T') {
            w->date[10] = 0;
        }
        return 1;
    }
}

static int next_text(io_reader *r, io_article *out, hd_error *err)
{
    if (r->done) return 0;
    r->done = 1;
    size_t cap = 1 << 16, n = 0;
    char *data = malloc(cap);
    size_t got;
    while ((got = fread(data + n, 1, cap - n - 1, r->fp)) > 0) {
        n += got;
        if (n + 1 >= cap) { cap *= 2; data = realloc(data, cap); }
    }
    data[n] = 0;
    if (n == 0) { free(data); return 0; }   /* empty input: no article, not an error */
    owned *w = calloc(1, sizeof *w);
    w->text = data;
    const char *b = strrchr(r->path, '/');
    w->id = strdup(b ? b + 1 : r->path);
    out->own = w; out->line = 1;
    out->a.id = w->id; out->a.text = data; out->a.text_len = n;
    if (strlen(data) != n) { fail(err, r, 1, "binary input (NUL bytes)"); io_article_free(out); return -1; }
    size_t ok = utf8_valid_prefix(data, n);
    if (ok != n) {
        long line = 1;
        for (size_t i = 0; i < ok; i++) line += data[i] == '\n';
        fail(err, r, line, "invalid UTF-8");
        io_article_free(out);
        return -1;
    }
    if (!r->date[0]) { fail(err, r, 0, "plain-text input needs --date YYYY-MM-DD"); io_article_free(out); return -1; }
    w->date = strdup(r->date);
    out->a.date = w->date;
    return 1;
}

/* a TABARI or PETRARCH record as an article: id, date, text, source */
static int next_record(io_reader *r, io_article *out, hd_error *err)
{
    io_record rec;
    int st = io_records_next(r->recs, &rec, err);
    if (st == 1) {
        owned *w = calloc(1, sizeof *w);
        w->id = rec.id; w->date = rec.date; w->text = rec.text; w->source = rec.source;
        rec.id = rec.date = rec.text = rec.source = NULL;
        out->own = w; out->line = rec.line;
        out->a.id = w->id; out->a.date = w->date; out->a.text = w->text;
        out->a.text_len = strlen(w->text); out->a.source = w->source;
    }
    io_record_free(&rec);
    return st;
}

int io_next(io_reader *r, io_article *out, hd_error *err)
{
    memset(out, 0, sizeof *out);
    if (r->recs) return next_record(r, out, err);
    return r->format == IO_JSONL ? next_jsonl(r, out, err) : next_text(r, out, err);
}

void io_article_free(io_article *a)
{
    owned *w = a->own;
    if (!w) return;
    if (!w->block) {   /* a block is part of w's own allocation */
        free(w->id); free(w->date); free(w->text); free(w->source); free(w->title); free(w->url);
    }
    free(w);
    a->own = NULL;
}

void io_close(io_reader *r)
{
    if (!r) return;
    io_records_close(r->recs);
    if (r->own_fp && r->fp) fclose(r->fp);
    free(r->lbuf);
    free(r);
}
