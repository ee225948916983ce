/* formats.c - the dataset writers declared in formats.h. Column layouts: GDELT 2.0 from its
 * event codebook (61 columns, ../shared/gold/gdelt_schema/gdelt2_event_columns.csv), Phoenix
 * and ICEWS as summarised in ../shared/peers/FORMATS.md §4. herodot fills the columns it
 * knows and leaves the others empty (tone, actor geography, FIPS codes). */
#include "formats.h"
#include "io.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

int io_out_parse(const char *name)
{
    if (!name) return -1;
    if (!strcmp(name, "jsonl") || !strcmp(name, "json")) return IO_OUT_JSONL;
    if (!strcmp(name, "tsv")) return IO_OUT_TSV;
    if (!strcmp(name, "csv")) return IO_OUT_CSV;
    if (!strcmp(name, "gdelt2") || !strcmp(name, "gdelt")) return IO_OUT_GDELT2;
    if (!strcmp(name, "icews")) return IO_OUT_ICEWS;
    if (!strcmp(name, "phoenix")) return IO_OUT_PHOENIX;
    if (!strcmp(name, "tabari")) return IO_OUT_TABARI;
    if (!strcmp(name, "petrarch") || !strcmp(name, "petrarch2")) return IO_OUT_PETRARCH;
    return -1;
}

static const char csv_header[] =
    "event_id,date,source,source_text,target,target_text,code,root,plover,quad,goldstein,"
    "num_mentions,num_sources,num_articles,article,sentence,verb,country,place,lat,lon,url,text\n";
static const char icews_header[] =
    "Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\tCAMEO Code\t"
    "Intensity\tTarget Name\tTarget Sectors\tTarget Country\tStory ID\tSentence Number\tPublisher\t"
    "City\tDistrict\tProvince\tCountry\tLatitude\tLongitude\n";

void io_write_header(buf *b, int fmt)
{
    if (fmt == IO_OUT_CSV) buf_puts(b, csv_header);
    else if (fmt == IO_OUT_ICEWS) buf_puts(b, icews_header);
}

void io_write_event(buf *b, int fmt, const hd_event *ev, const io_extra *x)
{
    switch (fmt) {
    case IO_OUT_TSV: io_write_tsv(b, ev); break;
    case IO_OUT_CSV: io_write_csv(b, ev, x); break;
    case IO_OUT_GDELT2: io_write_gdelt2(b, ev, x); break;
    case IO_OUT_ICEWS: io_write_icews(b, ev, x); break;
    case IO_OUT_PHOENIX: io_write_phoenix(b, ev, x); break;
    case IO_OUT_TABARI: io_write_tabari(b, ev, x); break;
    case IO_OUT_PETRARCH: io_write_petrarch(b, ev, x); break;
    default: io_write_jsonx(b, ev, x); break;
    }
}

/* ---- pieces -------------------------------------------------------------------------- */

static long cnt(long v) { return v > 0 ? v : 1; }
static const char *nz(const char *s) { return s ? s : ""; }

/* YYYY[-MM[-DD]] -> y, m, d (0 when absent) */
static void ymd(const char *date, int *y, int *m, int *d)
{
    *y = *m = *d = 0;
    if (!date) return;
    *y = atoi(date);
    if (strlen(date) >= 7) *m = atoi(date + 5);
    if (strlen(date) >= 10) *d = atoi(date + 8);
}

int io_penta_class(const char *root)
{
    int r = root ? atoi(root) : 0;
    if (r <= 2) return 0;
    if (r <= 5) return 1;
    if (r <= 8) return 2;
    if (r <= 13 || r == 16) return 3;
    return 4;
}

/* A CAMEO actor code split into its 3-letter blocks, the way GDELT and Phoenix report them. */
typedef struct actor_parts {
    char entity[4];          /* first block: a country, or IGO/NGO/... */
    char country[4];         /* the country block, if the first one is a country */
    char known[4];           /* known group (the organisation block of an IGO/NGO code) */
    char rel[2][4];          /* religion blocks */
    char type[3][4];         /* role / type blocks, in order */
    char attr[64];           /* Phoenix attributes: every block after entity and first role */
} actor_parts;

static int in_set(const char *blk, const char *set)
{
    for (const char *p = set; *p; p += 4) if (!strncmp(p, blk, 3)) return 1;
    return 0;
}

static const char ROLES[] =
    "COP GOV INS JUD MIL OPP REB SEP SPY UAF AGR BUS CRM CVL DEV EDU ELI ENV HLH HRI LAB LEG MED "
    "REF MOD RAD AMN IRC GRP PKO UIS IGO IMG INT MNC NGM NGO SET PTY ";
static const char RELIGIONS[] =
    "ADR ALE ATH BAH BUD CHR CON CPT CTH DOX DRZ HIN HSD ITR JAN JEW JHW LDS MOS MRN NRM ORT PAG "
    "PRO SFI SHI SHN SIK SUN TAO UDI ZRO ";
static const char NONSTATE[] = "IGO NGO NGM MNC IMG UIS INT ";

static void split_actor(const char *code, actor_parts *p)
{
    memset(p, 0, sizeof *p);
    if (!code) return;
    size_t n = strlen(code);
    char blk[16][4]; int nb = 0;
    for (size_t i = 0; i + 3 <= n && nb < 16; i += 3) {
        memcpy(blk[nb], code + i, 3); blk[nb][3] = 0; nb++;
    }
    if (!nb) return;
    int k = 0;
    memcpy(p->entity, blk[0], 4);
    if (in_set(blk[0], NONSTATE)) {
        memcpy(p->type[0], blk[0], 4);
        if (nb > 1) memcpy(p->known, blk[nb - 1], 4);
        k = 1;
    } else if (!in_set(blk[0], ROLES) && !in_set(blk[0], RELIGIONS)) {
        memcpy(p->country, blk[0], 4);
        k = 1;
    }
    int nt = p->type[0][0] ? 1 : 0, nr = 0;
    for (int i = k; i < nb; i++) {
        if (in_set(blk[i], RELIGIONS)) { if (nr < 2) memcpy(p->rel[nr++], blk[i], 4); }
        else if (in_set(blk[i], ROLES)) { if (nt < 3) memcpy(p->type[nt++], blk[i], 4); }
    }
    /* Phoenix: entity = first block, role = first role after it, attributes = the rest */
    int role_at = -1;
    for (int i = 1; i < nb; i++) if (in_set(blk[i], ROLES)) { role_at = i; break; }
    size_t o = 0;
    for (int i = 1; i < nb; i++) {
        if (i == role_at) continue;
        if (o + 5 >= sizeof p->attr) break;
        if (o) p->attr[o++] = ';';
        memcpy(p->attr + o, blk[i], 3); o += 3;
    }
    p->attr[o] = 0;
}

static const char *role_of(const char *code)
{
    static _Thread_local char r[4];
    actor_parts p; split_actor(code, &p);
    int i = (p.type[0][0] && in_set(p.type[0], NONSTATE)) ? 1 : 0;
    memcpy(r, p.type[i], 4);
    return r;
}

static void upper_field(buf *b, const char *s)
{
    for (; s && *s; s++) {
        char c = *s;
        if (c == '\t' || c == '\n' || c == '\r') c = ' ';
        buf_putc(b, (char)toupper((unsigned char)c));
    }
}

/* ---- GDELT 2.0: 61 columns ------------------------------------------------------------ */

static void gdelt_actor(buf *b, const hd_actor *a)
{
    actor_parts p; split_actor(a->code, &p);
    buf_tsv_field(b, a->code); buf_putc(b, '\t');                  /* ActorCode */
    upper_field(b, a->code ? a->text : NULL); buf_putc(b, '\t');   /* ActorName */
    buf_puts(b, p.country); buf_putc(b, '\t');                     /* CountryCode */
    buf_puts(b, p.known); buf_putc(b, '\t');                       /* KnownGroupCode */
    buf_putc(b, '\t');                                             /* EthnicCode */
    buf_puts(b, p.rel[0]); buf_putc(b, '\t');
    buf_puts(b, p.rel[1]); buf_putc(b, '\t');
    buf_puts(b, p.type[0]); buf_putc(b, '\t');
    buf_puts(b, p.type[1]); buf_putc(b, '\t');
    buf_puts(b, p.type[2]); buf_putc(b, '\t');
}

static int geo_type(const hd_event *ev)
{
    if (!ev->has_place) return 0;
    const char *pr = nz(ev->place.precision);
    int us = ev->place.country && !strcmp(ev->place.country, "USA");
    if (!strcmp(pr, "country")) return 1;
    if (!strcmp(pr, "admin1")) return us ? 2 : 5;
    return us ? 3 : 4;
}

void io_write_gdelt2(buf *b, const hd_event *ev, const io_extra *x)
{
    int y, m, d;
    ymd(ev->date, &y, &m, &d);
    /* 0-4: GLOBALEVENTID SQLDATE MonthYear Year FractionDate */
    buf_printf(b, "%lld\t%04d%02d%02d\t%04d%02d\t%04d\t%.4f\t", x ? x->event_id : 0LL, y, m, d, y, m, y,
               y + (m * 30 + d) / 365.0);
    gdelt_actor(b, &ev->source);                                    /* 5-14 */
    if (ev->target.code) gdelt_actor(b, &ev->target);               /* 15-24 */
    else buf_puts(b, "\t\t\t\t\t\t\t\t\t\t");
    /* 25 IsRootEvent: the first sentence stands for the lead */
    buf_printf(b, "%d\t", ev->sentence == 0 ? 1 : 0);
    const char *code = nz(ev->code);
    char base[4] = { 0 };
    memcpy(base, code, strlen(code) >= 3 ? 3 : strlen(code));
    buf_printf(b, "%s\t%s\t%s\t%d\t%.1f\t", code, base, ev->root, ev->quad, ev->goldstein);   /* 26-30 */
    buf_printf(b, "%ld\t%ld\t%ld\t\t", cnt(x ? x->mentions : 0), cnt(x ? x->sources : 0),
               cnt(x ? x->articles : 0));                          /* 31-34 (AvgTone unknown) */
    /* 35-42, 43-50: actor geography (unknown): Type 0, the rest empty */
    buf_puts(b, "0\t\t\t\t\t\t\t\t");
    buf_puts(b, "0\t\t\t\t\t\t\t\t");
    /* 51-58 ActionGeo: Type FullName CountryCode(FIPS, unknown) ADM1 ADM2 Lat Long FeatureID */
    if (ev->has_place) {
        buf_printf(b, "%d\t", geo_type(ev));
        buf_tsv_field(b, ev->place.name);
        if (ev->place.admin1 && *ev->place.admin1) { buf_puts(b, ", "); buf_tsv_field(b, ev->place.admin1); }
        buf_puts(b, "\t\t\t\t");
        buf_printf(b, "%.4f\t%.4f\t", ev->place.lat, ev->place.lon);
        if (ev->place.geonames_id) buf_printf(b, "%ld", ev->place.geonames_id);
        buf_putc(b, '\t');
    } else buf_puts(b, "0\t\t\t\t\t\t\t\t");
    /* 59 DATEADDED YYYYMMDDHHMMSS, 60 SOURCEURL */
    if (x && x->added && strlen(x->added) >= 19) {
        const char *a = x->added;
        buf_printf(b, "%.4s%.2s%.2s%.2s%.2s%.2s", a, a + 5, a + 8, a + 11, a + 14, a + 17);
    }
    buf_putc(b, '\t');
    buf_tsv_field(b, x && x->url && *x->url ? x->url : ev->article);
    buf_putc(b, '\n');
}

/* ---- ICEWS: 20 columns --------------------------------------------------------------- */

static void icews_actor(buf *b, const hd_actor *a)
{
    if (!a->code) { buf_puts(b, "\t\t\t"); return; }
    actor_parts p; split_actor(a->code, &p);
    buf_tsv_field(b, a->text); buf_putc(b, '\t');
    for (int i = 0, o = 0; i < 3; i++) if (p.type[i][0]) { if (o++) buf_putc(b, ','); buf_puts(b, p.type[i]); }
    buf_putc(b, '\t');
    buf_puts(b, p.country); buf_putc(b, '\t');
}

void io_write_icews(buf *b, const hd_event *ev, const io_extra *x)
{
    if (x && x->event_id) buf_printf(b, "%lld", x->event_id);
    else { buf_tsv_field(b, ev->article); buf_printf(b, "-%d", ev->sentence); }
    buf_putc(b, '\t');
    buf_tsv_field(b, ev->date); buf_putc(b, '\t');
    icews_actor(b, &ev->source);
    buf_tsv_field(b, x && x->event_name ? x->event_name : ev->code); buf_putc(b, '\t');
    buf_tsv_field(b, ev->code); buf_putc(b, '\t');
    buf_printf(b, "%.1f\t", ev->goldstein);
    icews_actor(b, &ev->target);
    buf_tsv_field(b, ev->article);
    buf_printf(b, "\t%d\t", ev->sentence + 1);
    buf_tsv_field(b, x ? x->publisher : NULL); buf_putc(b, '\t');
    if (ev->has_place) {
        const char *pr = nz(ev->place.precision);
        if (strcmp(pr, "country") && strcmp(pr, "admin1")) buf_tsv_field(b, ev->place.name);
        buf_puts(b, "\t\t");
        buf_tsv_field(b, ev->place.admin1); buf_putc(b, '\t');
        buf_tsv_field(b, ev->place.country);
        buf_printf(b, "\t%.4f\t%.4f\n", ev->place.lat, ev->place.lon);
    } else buf_puts(b, "\t\t\t\t\t\n");
}

/* ---- Phoenix: 26 columns ------------------------------------------------------------- */

static void phoenix_actor(buf *b, const hd_actor *a)
{
    actor_parts p; split_actor(a->code, &p);
    buf_tsv_field(b, a->code); buf_putc(b, '\t');
    buf_puts(b, p.entity); buf_putc(b, '\t');
    buf_puts(b, a->code ? role_of(a->code) : ""); buf_putc(b, '\t');
    buf_puts(b, p.attr); buf_putc(b, '\t');
}

void io_write_phoenix(buf *b, const hd_event *ev, const io_extra *x)
{
    int y, m, d;
    ymd(ev->date, &y, &m, &d);
    if (x && x->event_id) buf_printf(b, "%lld", x->event_id);
    else { buf_tsv_field(b, ev->article); buf_printf(b, "_%d", ev->sentence); }
    buf_printf(b, "\t%04d%02d%02d\t%04d\t%02d\t%02d\t", y, m, d, y, m, d);
    phoenix_actor(b, &ev->source);
    phoenix_actor(b, &ev->target);
    buf_printf(b, "%s\t%s\t%d\t%.1f\t\t", nz(ev->code), ev->root, io_penta_class(ev->root), ev->goldstein);
    if (ev->has_place) {
        buf_printf(b, "%.4f\t%.4f\t", ev->place.lat, ev->place.lon);
        buf_tsv_field(b, ev->place.name); buf_putc(b, '\t');
        buf_tsv_field(b, ev->place.admin1); buf_putc(b, '\t');
        buf_tsv_field(b, ev->place.country); buf_putc(b, '\t');
    } else buf_puts(b, "\t\t\t\t\t");
    buf_tsv_field(b, ev->article); buf_printf(b, "_%d\t", ev->sentence);
    buf_tsv_field(b, x && x->url && *x->url ? x->url : ""); buf_putc(b, '\t');
    buf_tsv_field(b, x ? x->publisher : NULL);
    buf_putc(b, '\n');
}

/* ---- CSV (RFC 4180) ------------------------------------------------------------------- */

static void csv_field(buf *b, const char *s)
{
    if (!s) return;
    if (!strpbrk(s, ",\"\r\n")) { buf_puts(b, s); return; }
    buf_putc(b, '"');
    for (; *s; s++) { if (*s == '"') buf_putc(b, '"'); buf_putc(b, *s); }
    buf_putc(b, '"');
}

void io_write_csv(buf *b, const hd_event *ev, const io_extra *x)
{
    if (x && x->event_id) buf_printf(b, "%lld", x->event_id);
    buf_putc(b, ',');
    csv_field(b, ev->date); buf_putc(b, ',');
    csv_field(b, ev->source.code); buf_putc(b, ',');
    csv_field(b, ev->source.text); buf_putc(b, ',');
    csv_field(b, ev->target.code); buf_putc(b, ',');
    csv_field(b, ev->target.code ? ev->target.text : NULL); buf_putc(b, ',');
    csv_field(b, ev->code); buf_putc(b, ',');
    csv_field(b, ev->root); buf_putc(b, ',');
    csv_field(b, ev->plover);
    buf_printf(b, ",%d,%.1f,%ld,%ld,%ld,", ev->quad, ev->goldstein, cnt(x ? x->mentions : 0),
               cnt(x ? x->sources : 0), cnt(x ? x->articles : 0));
    csv_field(b, ev->article); buf_printf(b, ",%d,", ev->sentence);
    csv_field(b, ev->verb_text); buf_putc(b, ',');
    if (ev->has_place) {
        csv_field(b, ev->place.country); buf_putc(b, ',');
        csv_field(b, ev->place.name);
        buf_printf(b, ",%.4f,%.4f,", ev->place.lat, ev->place.lon);
    } else buf_puts(b, ",,,,");
    csv_field(b, x ? x->url : NULL); buf_putc(b, ',');
    csv_field(b, ev->text);
    buf_puts(b, "\r\n");
}

/* ---- JSONL with the deduplication fields ------------------------------------------------ */

void io_write_jsonx(buf *b, const hd_event *ev, const io_extra *x)
{
    size_t at = b->len;
    io_write_json(b, ev);
    if (!x || !x->event_id) return;     /* not from the store: `herodot code` output */
    /* reopen the object io_write_json closed ("}\n") and add the store's fields */
    if (b->len >= at + 2 && b->p[b->len - 2] == '}' && b->p[b->len - 1] == '\n') b->len -= 2;
    else return;
    buf_printf(b, ",\"event_id\":%lld,\"num_mentions\":%ld,\"num_sources\":%ld,\"num_articles\":%ld",
               x->event_id, cnt(x->mentions), cnt(x->sources), cnt(x->articles));
    if (x->url) { buf_puts(b, ",\"url\":"); buf_json_str(b, x->url, strlen(x->url)); }
    if (x->publisher) { buf_puts(b, ",\"publisher\":"); buf_json_str(b, x->publisher, strlen(x->publisher)); }
    if (x->added) { buf_puts(b, ",\"coded_at\":"); buf_json_str(b, x->added, strlen(x->added)); }
    buf_puts(b, "}\n");
}
