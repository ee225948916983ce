/* records.c - the peers' corpus formats (../shared/peers/FORMATS.md §1):
 *
 * TABARI text records: a line whose first character is a digit starts a record
 * ("YYMMDD idinfo ..." or "YYYYMMDD idinfo ..."); text lines follow; a blank line ends it.
 * "/" "*" ... "*" "/" blocks inside the record are not text: they hold the validation
 * expectations and are kept as the record's note. A block whose first line does not start with
 * a digit is a comment. Six-digit years 00-30 are 20xx, the others 19xx.
 *
 * PETRARCH XML: <Sentence date= id= source= sentence=> with <Text> (and <Parse>, ignored),
 * <EventCoding> expectations and <Config option= value=> elements in validation files. Each
 * <Sentence> and <Config> element is parsed on its own with libxml2, so a broken element
 * costs that record only: it is reported with the file and line of the error and the reader
 * goes on with the next element. */
#include "io.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

struct io_records {
    FILE *fp;
    char name[1024];
    int format;
    long line;                 /* lines read (TABARI) */
    char *lbuf; size_t lcap;
    int pending;               /* TABARI: a record header line is in lbuf */
    /* XML */
    char *data; size_t len, pos;
    size_t lpos; long pos_line;   /* line counting: lpos is on line pos_line */
    io_kv *cfg; int ncfg, cfgcap;   /* <Config> seen since the last record */
};

int io_sniff(const char *head, size_t n)
{
    size_t i = 0;
    if (n >= 3 && (unsigned char)head[0] == 0xEF && (unsigned char)head[1] == 0xBB && (unsigned char)head[2] == 0xBF) i = 3;
    while (i < n && isspace((unsigned char)head[i])) i++;
    if (i < n && head[i] == '<') return IO_PETRXML;
    if (i < n && head[i] == '{') return IO_JSONL;
    /* TABARI: the first line that is not blank or a '#' comment starts "YYMMDD id" */
    size_t p = i;
    while (p < n) {
        size_t e = p;
        while (e < n && head[e] != '\n') e++;
        size_t k = p;
        while (k < e && (head[k] == ' ' || head[k] == '\t' || head[k] == '\r')) k++;
        if (k == e || head[p] == '#') { p = e + 1; continue; }
        size_t nd = 0;
        while (p + nd < e && isdigit((unsigned char)head[p + nd])) nd++;
        /* "950101 DEMO-01", "950101*INTRO" */
        if ((nd == 6 || nd == 8) && p + nd < e &&
            (head[p + nd] == ' ' || head[p + nd] == '\t' || ispunct((unsigned char)head[p + nd]))) {
            size_t q = p + nd;
            while (q < e && (head[q] == ' ' || head[q] == '\t' || head[q] == '*')) q++;
            if (q < e && head[q] != '\r') return IO_TABARI;
        }
        break;
    }
    return IO_TEXT;
}

io_records *io_records_open(FILE *fp, const char *name, int format)
{
    io_records *r = calloc(1, sizeof *r);
    r->fp = fp;
    snprintf(r->name, sizeof r->name, "%s", name);
    r->format = format;
    if (format == IO_PETRXML) {
        size_t cap = 1 << 16, n = 0, got;
        char *b = malloc(cap);
        while ((got = fread(b + n, 1, cap - n - 1, fp)) > 0) {
            n += got;
            if (n + 1 >= cap) { cap *= 2; b = realloc(b, cap); }
        }
        b[n] = 0;
        r->data = b; r->len = n; r->pos_line = 1;
        xmlInitParser();
    }
    return r;
}

static void rfail(hd_error *err, const io_records *r, long line, const char *msg)
{
    snprintf(err->file, sizeof err->file, "%s", r->name);
    err->line = line;
    snprintf(err->msg, sizeof err->msg, "%s", msg);
}

void io_record_free(io_record *rec)
{
    free(rec->id); free(rec->date); free(rec->text); free(rec->source); free(rec->note);
    free(rec->sentence); free(rec->category);
    for (int i = 0; i < rec->ncoding; i++) {
        free(rec->coding[i].source); free(rec->coding[i].target); free(rec->coding[i].event);
        free(rec->coding[i].noevents); free(rec->coding[i].error);
    }
    free(rec->coding);
    for (int i = 0; i < rec->nconfig; i++) { free(rec->config[i].k); free(rec->config[i].v); }
    free(rec->config);
    memset(rec, 0, sizeof *rec);
}

void io_records_close(io_records *r)
{
    if (!r) return;
    for (int i = 0; i < r->ncfg; i++) { free(r->cfg[i].k); free(r->cfg[i].v); }
    free(r->cfg);
    free(r->lbuf);
    free(r->data);
    free(r);
}

/* "950103" / "19950103" -> "1995-01-03"; NULL when not a date */
static char *record_date(const char *s, size_t nd)
{
    int y, m, d;
    if (nd == 6) {
        int yy = (s[0] - '0') * 10 + (s[1] - '0');
        y = yy <= 30 ? 2000 + yy : 1900 + yy;
        m = (s[2] - '0') * 10 + (s[3] - '0');
        d = (s[4] - '0') * 10 + (s[5] - '0');
    } else if (nd == 8) {
        y = atoi((char[5]){ s[0], s[1], s[2], s[3], 0 });
        m = (s[4] - '0') * 10 + (s[5] - '0');
        d = (s[6] - '0') * 10 + (s[7] - '0');
    } else return NULL;
    if (m < 1 || m > 12 || d < 1 || d > 31) return NULL;
    char *o = malloc(11);
    snprintf(o, 11, "%04d-%02d-%02d", y, m, d);
    return o;
}

/* ---- TABARI ----------------------------------------------------------------------------- */

static int blank_line(const char *s)
{
    for (; *s; s++) if (*s != ' ' && *s != '\t' && *s != '\r' && *s != '\n') return 0;
    return 1;
}

static ssize_t read_line(io_records *r)
{
    ssize_t n = getline(&r->lbuf, &r->lcap, r->fp);
    if (n < 0) return -1;
    r->line++;
    while (n && (r->lbuf[n - 1] == '\n' || r->lbuf[n - 1] == '\r')) r->lbuf[--n] = 0;
    return n;
}

static void append(buf *b, const char *s, size_t n)
{
    buf_add(b, s, n);
}

static int next_tabari(io_records *r, io_record *rec, hd_error *err)
{
    /* find the next header line */
    for (;;) {
        if (!r->pending && read_line(r) < 0) return 0;
        r->pending = 0;
        if (isdigit((unsigned char)r->lbuf[0])) break;
        /* a comment block: skip to its end */
        if (!blank_line(r->lbuf)) {
            while (read_line(r) >= 0 && !blank_line(r->lbuf)) {}
        }
    }
    rec->line = r->line;
    const char *h = r->lbuf;
    size_t nd = 0;
    while (isdigit((unsigned char)h[nd])) nd++;
    const char *p = h + nd;
    while (*p == ' ' || *p == '\t' || *p == '*') p++;
    size_t il = 0;
    while (p[il] && p[il] != ' ' && p[il] != '\t') il++;
    rec->id = il ? strndup(p, il) : NULL;
    /* TABARI reads the date as a fixed-width field, 6 digits (8 with SET: YYYY): a seventh or
       ninth digit is not part of it (Validate.text's ACTORSYN-01, YYYY-03) */
    rec->date = record_date(h, nd == 7 || nd == 9 ? nd - 1 : nd);
    int bad_date = rec->date == NULL, bad_id = il == 0;
    char datestr[16];
    snprintf(datestr, sizeof datestr, "%.*s", (int)(nd < 15 ? nd : 15), h);
    buf text, note;
    buf_init(&text); buf_init(&note);
    int in_comment = 0;
    while (read_line(r) >= 0) {
        if (!in_comment && blank_line(r->lbuf)) break;
        const char *s = r->lbuf;
        if (!in_comment && text.len) append(&text, " ", 1);
        while (*s) {
            if (in_comment) {
                const char *e = strstr(s, "*/");
                if (!e) { append(&note, s, strlen(s)); append(&note, "\n", 1); break; }
                append(&note, s, (size_t)(e - s)); append(&note, "\n", 1);
                s = e + 2; in_comment = 0;
            } else {
                const char *b = strstr(s, "/*");
                const char *nl = strstr(s, "\\n");
                if (nl && (!b || nl < b)) {      /* "\n": a display line break */
                    append(&text, s, (size_t)(nl - s)); append(&text, " ", 1);
                    s = nl + 2;
                    continue;
                }
                if (!b) { append(&text, s, strlen(s)); break; }
                append(&text, s, (size_t)(b - s));
                s = b + 2; in_comment = 1;
            }
        }
    }
    /* trim the text */
    size_t a = 0, z = text.len;
    while (a < z && isspace((unsigned char)text.p[a])) a++;
    while (z > a && isspace((unsigned char)text.p[z - 1])) z--;
    rec->text = strndup(text.p ? text.p + a : "", z - a);
    /* "Calder_Vale": an underscore joining two words is TABARI's way of writing a phrase's
       words, in its texts as in its dictionaries; it reads as a blank (same length, so the
       spans do not move) */
    for (char *u = rec->text; *u; u++)
        if (*u == '_' && u > rec->text && isalnum((unsigned char)u[-1]) && isalnum((unsigned char)u[1])) *u = ' ';
    if (note.len) rec->note = strndup(note.p, note.len);
    buf_free(&text); buf_free(&note);
    if (bad_id) { rfail(err, r, rec->line, "record header has no id after the date"); return -1; }
    if (bad_date) {
        char m[128];
        snprintf(m, sizeof m, "record %s: date '%s' is not YYMMDD or YYYYMMDD", rec->id, datestr);
        rfail(err, r, rec->line, m);
        return -1;
    }
    if (in_comment) { rfail(err, r, rec->line, "'/*' block not closed before the end of the record"); return -1; }
    return 1;
}

/* ---- PETRARCH XML --------------------------------------------------------------------------- */

static long line_at(io_records *r, size_t pos)
{
    /* lines are counted forward only: positions are visited in order */
    static const char nl = '\n';
    while (r->lpos < pos && r->lpos < r->len) { if (r->data[r->lpos] == nl) r->pos_line++; r->lpos++; }
    return r->pos_line;
}

static char *attr(xmlNodePtr n, const char *name)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    if (!v) return NULL;
    char *s = strdup((const char *)v);
    xmlFree(v);
    return s;
}

/* the first error of a parse (libxml2 keeps only the last, often "Premature end of data") */
typedef struct first_err { int have; int line; char msg[300]; } first_err;

static void on_xml_error(void *ud, xmlErrorPtr x)
{
    xmlParserCtxtPtr ctx = ud;
    first_err *fe = ctx ? ctx->_private : NULL;
    if (!fe || fe->have || !x || x->level < XML_ERR_ERROR) return;
    fe->have = 1;
    fe->line = x->line;
    snprintf(fe->msg, sizeof fe->msg, "%s", x->message ? x->message : "");
}

/* parses [b, e) as one element; NULL with err (file:line) when it is not well-formed */
static xmlDocPtr parse_chunk(io_records *r, size_t b, size_t e, long line0, hd_error *err)
{
    xmlParserCtxtPtr ctx = xmlNewParserCtxt();
    if (!ctx) { rfail(err, r, line0, "out of memory"); return NULL; }
    first_err fe = { 0, 0, "" };
    ctx->_private = &fe;
    if (ctx->sax) ctx->sax->serror = on_xml_error;
    xmlDocPtr doc = xmlCtxtReadMemory(ctx, r->data + b, (int)(e - b), r->name, "UTF-8",
                                      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_HUGE);
    if (!doc && fe.have) {
        size_t ml = strlen(fe.msg);
        while (ml && fe.msg[ml - 1] == '\n') fe.msg[--ml] = 0;
        char m[400];
        snprintf(m, sizeof m, "malformed XML: %s", fe.msg);
        rfail(err, r, fe.line > 0 ? line0 + fe.line - 1 : line0, m);
    } else if (!doc) {
        const xmlError *x = xmlCtxtGetLastError(ctx);
        char m[400];
        long line = line0;
        if (x && x->message) {
            size_t ml = strlen(x->message);
            while (ml && x->message[ml - 1] == '\n') ml--;
            snprintf(m, sizeof m, "malformed XML: %.*s", (int)ml, x->message);
            if (x->line > 0) line = line0 + x->line - 1;
        } else snprintf(m, sizeof m, "malformed XML");
        rfail(err, r, line, m);
    }
    xmlFreeParserCtxt(ctx);
    return doc;
}

static void push_cfg(io_records *r, char *k, char *v)
{
    if (r->ncfg == r->cfgcap) {
        r->cfgcap = r->cfgcap ? r->cfgcap * 2 : 8;
        r->cfg = realloc(r->cfg, sizeof *r->cfg * (size_t)r->cfgcap);
    }
    r->cfg[r->ncfg].k = k; r->cfg[r->ncfg].v = v; r->ncfg++;
}

static char *collapse(const char *s)
{
    size_t n = strlen(s);
    char *o = malloc(n + 1);
    size_t k = 0;
    int sp = 1;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') { if (!sp) o[k++] = ' '; sp = 1; }
        else { o[k++] = (char)c; sp = 0; }
    }
    while (k && o[k - 1] == ' ') k--;
    o[k] = 0;
    return o;
}

/* the end of the element whose start tag begins at b ("<Sentence" or "<Config"), or 0 */
static size_t element_end(const io_records *r, size_t b, const char *tag)
{
    const char *gt = memchr(r->data + b, '>', r->len - b);
    if (!gt) return 0;
    if (gt > r->data + b && gt[-1] == '/') return (size_t)(gt - r->data) + 1;
    char close[32];
    snprintf(close, sizeof close, "</%s>", tag);
    const char *c = strstr(gt, close);
    if (!c) return 0;
    return (size_t)(c - r->data) + strlen(close);
}

static int starts_tag(const char *p, const char *tag)
{
    size_t n = strlen(tag);
    return !strncmp(p, tag, n) && (p[n] == ' ' || p[n] == '>' || p[n] == '/' || p[n] == '\t' ||
                                   p[n] == '\n' || p[n] == '\r');
}

static int next_xml(io_records *r, io_record *rec, hd_error *err)
{
    size_t at = r->pos;
    for (;;) {
        const char *lt = memchr(r->data + at, '<', r->len - at);
        if (!lt) { r->pos = r->len; return 0; }
        size_t b = (size_t)(lt - r->data);
        if (!strncmp(lt, "<!--", 4)) {
            const char *e = strstr(lt + 4, "-->");
            if (!e) { rfail(err, r, line_at(r, b), "comment '<!--' is not closed"); r->pos = r->len; return -1; }
            line_at(r, b);
            at = (size_t)(e - r->data) + 3;
            continue;
        }
        int is_sent = starts_tag(lt, "<Sentence"), is_cfg = starts_tag(lt, "<Config");
        if (!is_sent && !is_cfg) { at = b + 1; continue; }
        long line0 = line_at(r, b);
        size_t e = element_end(r, b, is_sent ? "Sentence" : "Config");
        if (!e) {
            rfail(err, r, line0, is_sent ? "<Sentence> is not closed" : "<Config> is not closed");
            r->pos = r->len;
            return -1;
        }
        xmlDocPtr doc = parse_chunk(r, b, e, line0, err);
        r->pos = e;
        if (!doc) { rec->line = line0; return -1; }
        xmlNodePtr root = xmlDocGetRootElement(doc);
        if (is_cfg) {
            char *k = attr(root, "option"), *v = attr(root, "value");
            if (k) push_cfg(r, k, v ? v : strdup(""));
            else { free(v); }
            xmlFreeDoc(doc);
            at = e;
            continue;
        }
        rec->line = line0;
        rec->id = attr(root, "id");
        char *date = attr(root, "date");
        rec->source = attr(root, "source");
        rec->sentence = attr(root, "sentence");
        rec->category = attr(root, "category");
        for (xmlNodePtr c = root->children; c; c = c->next) {
            if (c->type != XML_ELEMENT_NODE) continue;
            if (!strcmp((const char *)c->name, "Text")) {
                xmlChar *t = xmlNodeGetContent(c);
                free(rec->text);
                rec->text = collapse(t ? (const char *)t : "");
                xmlFree(t);
            } else if (!strcmp((const char *)c->name, "EventCoding")) {
                rec->coding = realloc(rec->coding, sizeof *rec->coding * (size_t)(rec->ncoding + 1));
                io_coding *k = &rec->coding[rec->ncoding++];
                k->source = attr(c, "sourcecode"); k->target = attr(c, "targetcode");
                k->event = attr(c, "eventcode"); k->noevents = attr(c, "noevents"); k->error = attr(c, "error");
            } else if (!strcmp((const char *)c->name, "Parse")) {
                /* not used for coding, but a parse whose brackets do not balance marks a record
                   its own producer got wrong */
                xmlChar *t = xmlNodeGetContent(c);
                long depth = 0, low = 0;
                for (const xmlChar *q = t; q && *q; q++) {
                    depth += *q == '(' ? 1 : *q == ')' ? -1 : 0;
                    if (depth < low) low = depth;
                }
                rec->parse_unbalanced = depth != 0 || low < 0;
                xmlFree(t);
            }
        }
        xmlFreeDoc(doc);
        r->pos = e;
        rec->config = r->cfg; rec->nconfig = r->ncfg;
        r->cfg = NULL; r->ncfg = r->cfgcap = 0;
        if (!rec->text) rec->text = strdup("");
        if (date) {
            size_t nd = strlen(date);
            int digits = 1;
            for (size_t i = 0; i < nd; i++) if (!isdigit((unsigned char)date[i])) digits = 0;
            rec->date = digits ? record_date(date, nd) : NULL;
            if (!rec->date && nd == 10 && date[4] == '-' && date[7] == '-') rec->date = strdup(date);
        }
        if (!rec->id) { free(date); rfail(err, r, line0, "<Sentence> has no id"); return -1; }
        if (!rec->date) {
            char m[200];
            snprintf(m, sizeof m, "<Sentence id=\"%s\">: %s", rec->id, date ? "date is not YYYYMMDD" : "no date");
            free(date);
            rfail(err, r, line0, m);
            return -1;
        }
        free(date);
        return 1;
    }
}

int io_records_next(io_records *r, io_record *rec, hd_error *err)
{
    memset(rec, 0, sizeof *rec);
    return r->format == IO_PETRXML ? next_xml(r, rec, err) : next_tabari(r, rec, err);
}
