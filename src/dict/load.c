/* load.c - readers for the dictionary files (our format = TABARI/PETRARCH-1 syntax; Phoenix
 * agents and discards). Each reader walks a file line by line, reports a bad line with
 * file:line through the diag callback and skips it: one typo never costs the whole file. */
#include "dict.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reader.h"

int file_open(dict *d, src_file *f, const char *path, dict_diag *dg)
{
    memset(f, 0, sizeof *f);
    f->path = arena_strdup(&d->mem, path);
    FILE *fp = fopen(path, "rb");
    if (!fp) { dict_report(dg, path, 0, "cannot open dictionary file"); return -1; }
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    for (;;) {
        if (n + 4096 > cap) { cap *= 2; buf = realloc(buf, cap); }
        size_t r = fread(buf + n, 1, cap - n - 1, fp);
        if (r == 0) break;
        n += r;
    }
    fclose(fp);
    buf[n] = 0;
    f->data = buf; f->len = n;
    dict_hash_bytes(d, buf, n);
    return 0;
}

void file_close(src_file *f) { free(f->data); f->data = NULL; }

/* next line, NUL-terminated in place, trailing CR/blanks removed; NULL at end */
char *next_line(src_file *f)
{
    if (f->pos >= f->len) return NULL;
    char *s = f->data + f->pos;
    char *e = memchr(s, '\n', f->len - f->pos);
    if (!e) e = f->data + f->len;
    f->pos = (size_t)(e - f->data) + 1;
    *e = 0;
    f->line++;
    while (e > s && (e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t')) *--e = 0;
    return s;
}

const char *where(dict *d, const src_file *f)
{
    char b[1100];
    const char *p = f->path;
    size_t bl = strlen(d->base);
    if (bl && !strncmp(p, d->base, bl) && p[bl] == '/') p += bl + 1;   /* "verbs/coop.txt:12" */
    snprintf(b, sizeof b, "%s:%ld", p, f->line);
    return arena_strdup(&d->mem, b);
}

/* cut comments: '#' at the start of a line or after a blank, ';' anywhere, '<!--' lines */
void cut_comment(char *s)
{
    for (char *p = s; *p; p++) {
        if (*p == ';' || (*p == '#' && (p == s || p[-1] == ' ' || p[-1] == '\t'))) { *p = 0; break; }
    }
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t')) s[--n] = 0;
}

static int directive_kind(const char *s, uint8_t *kind)
{
    const char *k = strstr(s, "#@ kind:");
    if (k != s) return 0;
    k += 8;
    while (*k == ' ') k++;
    if (!strncmp(k, "people", 6)) *kind = AK_PERSON;
    else if (!strncmp(k, "groups", 6)) *kind = AK_GROUP;
    else if (!strncmp(k, "places", 6)) *kind = AK_PLACE;
    else if (!strncmp(k, "countries", 9)) *kind = AK_COUNTRY;
    else *kind = AK_OTHER;
    return 1;
}

static int32_t parse_date(const char *s, const char **end)
{
    while (*s == ' ') s++;
    const char *p = s;
    long v = 0; int nd = 0;
    while (isdigit((unsigned char)*p)) { v = v * 10 + (*p - '0'); p++; nd++; }
    *end = p;
    if (nd == 6) {
        long yy = v / 10000;
        v = (yy <= 30 ? 2000 + yy : 1900 + yy) * 10000 + v % 10000;
    } else if (nd != 8) return -1;
    return (int32_t)v;
}

/* "[CODE]", "[CODE <D]", "[CODE >D]", "[CODE D1-D2]" -> dated_code; 0 on success */
static int parse_code_group(dict *d, const char *s, size_t n, dated_code *out)
{
    char buf[256];
    if (n >= sizeof buf) return -1;
    memcpy(buf, s, n); buf[n] = 0;
    char *p = buf;
    while (*p == ' ') p++;
    char *c = p;
    while (*p && *p != ' ' && *p != '<' && *p != '>') p++;
    if (p == c) return -1;
    out->code = arena_strndup(&d->mem, c, (size_t)(p - c));
    out->from = out->to = 0;
    while (*p == ' ') p++;
    if (!*p) return 0;
    const char *e;
    if (*p == '<') {
        int32_t v = parse_date(p + 1, &e);
        if (v < 0) return -1;
        /* before D: up to the day before; keep it simple with D-1 on the day number */
        out->to = v - 1; out->from = 1;
    } else if (*p == '>') {
        int32_t v = parse_date(p + 1, &e);
        if (v < 0) return -1;
        out->from = v; out->to = 99991231;
    } else {
        int32_t a = parse_date(p, &e);
        if (a < 0) return -1;
        while (*e == ' ') e++;
        if (*e != '-') return -1;
        e++;
        while (*e == ' ') e++;
        int32_t b;
        if (!*e) b = 99991231;
        else { b = parse_date(e, &e); if (b < 0) return -1; }
        out->from = a; out->to = b;
    }
    while (*e == ' ') e++;
    return *e ? -1 : 0;
}

/* all [..] groups of a line, appended to codes; returns -1 on a malformed group */
static int parse_codes(dict *d, const char *s, dated_code **codes, int *n, int *cap)
{
    const char *p = s;
    while ((p = strchr(p, '['))) {
        const char *q = strchr(p, ']');
        if (!q) return -1;
        if (*n == *cap) {
            int nc = *cap ? *cap * 2 : 4;
            dated_code *nv = arena_alloc(&d->mem, sizeof *nv * (size_t)nc);
            if (*n) memcpy(nv, *codes, sizeof *nv * (size_t)*n);
            *codes = nv; *cap = nc;
        }
        if (parse_code_group(d, p + 1, (size_t)(q - p - 1), &(*codes)[*n]) < 0) return -1;
        (*n)++;
        p = q + 1;
    }
    return 0;
}

static phrase *new_phrase(dict *d, const char *raw, size_t n, uint8_t type, const char *src)
{
    word_match *w;
    int nw = dict_phrase(d, raw, n, &w);
    if (nw == 0) return NULL;
    phrase *p = arena_alloc(&d->mem, sizeof *p);
    p->w = w; p->nw = nw; p->type = type; p->src = src;
    return p;
}

size_t phrase_len(const char *s)
{
    size_t n = 0;
    while (s[n] && s[n] != ' ' && s[n] != '\t' && s[n] != '[' && s[n] != '{') n++;
    return n;
}

static uint8_t kind_from_path(const char *path)
{
    const char *b = strrchr(path, '/');
    b = b ? b + 1 : path;
    if (strstr(b, "people")) return AK_PERSON;
    if (strstr(b, "group")) return AK_GROUP;
    if (strstr(b, "countr")) return AK_COUNTRY;
    return AK_OTHER;
}

int dict_load_actors(dict *d, const char *path, dict_diag *dg)
{
    src_file f;
    if (file_open(d, &f, path, dg) < 0) return -1;
    uint8_t kind = kind_from_path(path);
    actor_entry *cur = NULL;
    int cap = 0;
    char *line;
    while ((line = next_line(&f))) {
        if (line[0] == '#') { directive_kind(line, &kind); continue; }
        if (!strncmp(line, "~FINISH", 7)) break;
        if (line[0] == '<') continue;    /* TABARI <NOUN> sections etc.: not actors */
        cut_comment(line);
        if (!*line) continue;
        const char *where_s = where(d, &f);
        char *s = line;
        int indented = (*s == ' ' || *s == '\t');
        while (*s == ' ' || *s == '\t') s++;
        if (*s == '[' && cur) {               /* code line of the current entry */
            if (parse_codes(d, s, &cur->codes, &cur->ncodes, &cap) < 0)
                dict_report(dg, f.path, f.line, "malformed actor code: %s", s);
            continue;
        }
        if (indented && *s != '+') {
            dict_report(dg, f.path, f.line, "unexpected indented line: %s", s);
            continue;
        }
        int syn = *s == '+';
        if (syn) s++;
        size_t pl = phrase_len(s);
        if (pl == 0) { dict_report(dg, f.path, f.line, "empty phrase"); continue; }
        const char *rest = s + pl;
        if (syn && cur && !strchr(rest, '[')) {
            phrase *p = new_phrase(d, s, pl, PH_ACTOR, where_s);
            if (p) { p->entry = cur; dict_index_phrase(d, d->by_word, p); d->st.actor_phrases++; }
            continue;
        }
        if (syn && !cur) { dict_report(dg, f.path, f.line, "synonym before any entry"); continue; }
        /* a new entry */
        cur = arena_alloc(&d->mem, sizeof *cur);
        cur->src = where_s; cur->kind = kind;
        cur->name = arena_strndup(&d->mem, s, pl);
        cap = 0;
        if (parse_codes(d, rest, &cur->codes, &cur->ncodes, &cap) < 0) {
            dict_report(dg, f.path, f.line, "malformed actor code: %s", rest);
        }
        phrase *p = new_phrase(d, s, pl, PH_ACTOR, where_s);
        if (!p) { dict_report(dg, f.path, f.line, "phrase has no words"); continue; }
        p->entry = cur;
        dict_index_phrase(d, d->by_word, p);
        d->st.actor_phrases++; d->st.actor_entries++;
        if (kind == AK_PERSON) d->st.people++;
    }
    file_close(&f);
    return 0;
}

/* !NAME! = A, B, C substitutions (Phoenix agents) */
typedef struct subst { char name[64]; char alts[32][64]; int n; } subst;

static void expand_agent(dict *d, const char *ph, size_t n, const subst *subs, int nsubs,
                         const char *code, uint8_t person, const char *src, int depth)
{
    const char *b = memchr(ph, '!', n);
    if (b && depth < 3) {
        const char *e = memchr(b + 1, '!', (size_t)(ph + n - b - 1));
        if (e) {
            for (int i = 0; i < nsubs; i++) {
                size_t nl = strlen(subs[i].name);
                if ((size_t)(e - b + 1) != nl || memcmp(b, subs[i].name, nl)) continue;
                for (int k = 0; k < subs[i].n; k++) {
                    char out[512];
                    int len = snprintf(out, sizeof out, "%.*s%s%.*s", (int)(b - ph), ph,
                                       subs[i].alts[k], (int)(ph + n - e - 1), e + 1);
                    if (len > 0 && (size_t)len < sizeof out)
                        expand_agent(d, out, (size_t)len, subs, nsubs, code, person, src, depth + 1);
                }
                return;
            }
        }
    }
    phrase *p = new_phrase(d, ph, n, PH_AGENT, src);
    if (!p) return;
    if (code[0] == '~') p->agent = arena_strdup(&d->mem, code + 1);
    else {
        size_t cl = strlen(code);
        p->agent = arena_strndup(&d->mem, code, cl && code[cl - 1] == '~' ? cl - 1 : cl);
        p->agent_prefix = 1;
    }
    p->person = person;
    dict_index_phrase(d, d->by_word, p);
    d->st.agent_phrases++;
}

int dict_load_agents(dict *d, const char *path, dict_diag *dg)
{
    src_file f;
    if (file_open(d, &f, path, dg) < 0) return -1;
    subst *subs = calloc(16, sizeof *subs);
    int nsubs = 0;
    uint8_t kind = AK_OTHER;
    char *line;
    while ((line = next_line(&f))) {
        if (line[0] == '#') { directive_kind(line, &kind); continue; }
        cut_comment(line);
        char *s = line;
        while (*s == ' ' || *s == '\t') s++;
        if (!*s) continue;
        if (*s == '!' && strstr(s, "=")) {     /* substitution marker definition */
            if (nsubs == 16) { dict_report(dg, f.path, f.line, "too many !MARKERS!"); continue; }
            subst *sb = &subs[nsubs];
            char *eq = strchr(s, '=');
            size_t nl = (size_t)(eq - s);
            while (nl && s[nl - 1] == ' ') nl--;
            if (nl >= sizeof sb->name) continue;
            memcpy(sb->name, s, nl); sb->name[nl] = 0;
            sb->n = 0;
            for (char *t = strtok(eq + 1, ", "); t && sb->n < 32; t = strtok(NULL, ", "))
                snprintf(sb->alts[sb->n++], 64, "%s", t);
            nsubs++;
            continue;
        }
        size_t pl = phrase_len(s);
        const char *lb = strchr(s, '[');
        const char *rb = lb ? strchr(lb, ']') : NULL;
        if (!pl || !lb || !rb || rb - lb < 2) {
            dict_report(dg, f.path, f.line, "agent line needs PHRASE [~CODE]: %s", s);
            continue;
        }
        char code[64];
        size_t cl = (size_t)(rb - lb - 1);
        if (cl >= sizeof code) { dict_report(dg, f.path, f.line, "agent code too long"); continue; }
        memcpy(code, lb + 1, cl); code[cl] = 0;
        if (code[0] != '~' && (cl == 0 || code[cl - 1] != '~')) {
            dict_report(dg, f.path, f.line, "agent code must start or end with '~': [%s]", code);
            continue;
        }
        const char *src = where(d, &f);
        expand_agent(d, s, pl, subs, nsubs, code, kind == AK_PERSON, src, 0);
        /* explicit plurals {A B} */
        const char *ob = strchr(s, '{');
        if (ob && ob < lb) {
            const char *cb = strchr(ob, '}');
            if (cb) {
                char tmp[512];
                size_t tl = (size_t)(cb - ob - 1);
                if (tl < sizeof tmp) {
                    memcpy(tmp, ob + 1, tl); tmp[tl] = 0;
                    for (char *t = strtok(tmp, " "); t; t = strtok(NULL, " "))
                        expand_agent(d, t, strlen(t), subs, nsubs, code, kind == AK_PERSON, src, 0);
                }
            }
        }
    }
    free(subs);
    file_close(&f);
    return 0;
}

int dict_load_anaphora(dict *d, const char *path, dict_diag *dg)
{
    static const struct { const char *n; uint8_t c; } classes[] = {
        { "IGO", AN_IGO }, { "GROUP", AN_GROUP }, { "PERSON", AN_PERSON }, { "STATE", AN_STATE },
        { "CROWD", AN_CROWD }, { "PLURAL", AN_PLURAL }, { "GOV", AN_GOV }, { "MIL", AN_MIL } };
    src_file f;
    if (file_open(d, &f, path, dg) < 0) return -1;
    char *line;
    while ((line = next_line(&f))) {
        if (line[0] == '#') continue;
        cut_comment(line);
        if (!*line) continue;
        size_t pl = phrase_len(line);
        const char *lb = strchr(line, '[');
        uint8_t c = 0;
        if (lb) for (size_t i = 0; i < sizeof classes / sizeof *classes; i++)
            if (!strncmp(lb + 1, classes[i].n, strlen(classes[i].n)) &&
                lb[1 + strlen(classes[i].n)] == ']') c = classes[i].c;
        if (!pl || !c) { dict_report(dg, f.path, f.line, "anaphor line needs PHRASE [CLASS]"); continue; }
        phrase *p = new_phrase(d, line, pl, PH_ANAPHOR, where(d, &f));
        if (!p) continue;
        p->anaphor = c;
        dict_index_phrase(d, d->by_word, p);
    }
    file_close(&f);
    return 0;
}

int dict_load_discards(dict *d, const char *path, dict_diag *dg)
{
    src_file f;
    if (file_open(d, &f, path, dg) < 0) return -1;
    char *line;
    while ((line = next_line(&f))) {
        if (line[0] == '#') continue;
        cut_comment(line);
        char *s = line;
        while (*s == ' ' || *s == '\t') s++;
        if (!*s) continue;
        int story = *s == '+';
        if (story) s++;
        size_t pl = phrase_len(s);
        phrase *p = new_phrase(d, s, pl, PH_ACTOR, where(d, &f));
        if (!p) { dict_report(dg, f.path, f.line, "empty discard phrase"); continue; }
        p->anaphor = (uint8_t)story;    /* reused: 1 = whole article */
        dict_index_phrase(d, d->discard_by_word, p);
        d->st.discards++;
    }
    file_close(&f);
    return 0;
}

int dict_load_cameo(dict *d, const char *path, dict_diag *dg)
{
    src_file f;
    if (file_open(d, &f, path, dg) < 0) return -1;
    char *line;
    while ((line = next_line(&f))) {
        if (line[0] == '#' || !isdigit((unsigned char)line[0])) continue;
        char *fld[5] = { 0 };
        int nf = 0;
        char *p = line;
        while (nf < 5) {
            fld[nf++] = p;
            char *t = strchr(p, '\t');
            if (!t) break;
            *t = 0; p = t + 1;
        }
        if (nf < 3) { dict_report(dg, f.path, f.line, "cameo.tsv needs code, goldstein, quad"); continue; }
        if (d->ncameo == d->cameocap) {
            d->cameocap = d->cameocap ? d->cameocap * 2 : 512;
            d->cameo = realloc(d->cameo, (size_t)d->cameocap * sizeof *d->cameo);
        }
        cameo_info *ci = &d->cameo[d->ncameo];
        ci->code = arena_strdup(&d->mem, fld[0]);
        ci->goldstein = atof(fld[1]);
        ci->quad = atoi(fld[2]);
        ci->plover = arena_strdup(&d->mem, nf > 3 ? fld[3] : "");
        ci->name = arena_strdup(&d->mem, nf > 4 ? fld[4] : "");
        int added;
        uint32_t *v = strmap_put(&d->cameo_ix, ci->code, strlen(ci->code), (uint32_t)d->ncameo, &added);
        if (!added) { dict_report(dg, f.path, f.line, "duplicate code %s", ci->code); continue; }
        (void)v;
        d->ncameo++;
    }
    file_close(&f);
    return 0;
}
