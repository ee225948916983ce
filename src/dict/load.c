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
    /* the name entries give as their source ("verbs/coop.txt"), worked out once a file */
    size_t bl = strlen(d->base);
    f->rel = f->path;
    if (bl && !strncmp(f->rel, d->base, bl) && f->rel[bl] == '/') f->rel += bl + 1;
    f->rel_len = strlen(f->rel);
    dict_note_source(d, path);
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

int xml_comment_line(src_file *f, const char *line)
{
    const char *s = line;
    while (*s == ' ' || *s == '\t') s++;
    if (f->in_comment) {
        if (strstr(s, "-->")) f->in_comment = 0;
        return 1;
    }
    if (strncmp(s, "<!--", 4)) return 0;
    if (!strstr(s + 4, "-->")) f->in_comment = 1;
    return 1;
}

int finish_line(const char *line)
{
    if (*line != '~') return 0;
    while (*line == '~') line++;
    return !strncmp(line, "FINISH", 6);
}

const char *where(dict *d, const src_file *f)
{
    char b[1100];
    const char *p = f->rel;   /* "verbs/coop.txt:12" */
    /* by hand: one snprintf per entry was a tenth of loading the Phoenix set */
    size_t pl = f->rel_len;
    if (pl > sizeof b - 24) pl = sizeof b - 24;
    memcpy(b, p, pl);
    char digits[24];
    int nd = 0;
    unsigned long v = f->line > 0 ? (unsigned long)f->line : 0;
    do { digits[nd++] = (char)('0' + v % 10); v /= 10; } while (v);
    b[pl++] = ':';
    while (nd) b[pl++] = digits[--nd];
    return arena_strndup(&d->mem, b, pl);
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
static int parse_code_group(dict *d, const char *s, size_t n, dated_code *out, int tabari)
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
        /* before D: up to the day before (ours; D-1 on the day number compares right);
           TABARI: "prior to and including" D */
        out->to = tabari ? v : v - 1; out->from = 1;
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
static int parse_codes(dict *d, const char *s, dated_code **codes, int *n, int *cap, int tabari)
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
        if (parse_code_group(d, p + 1, (size_t)(q - p - 1), &(*codes)[*n], tabari) < 0) return -1;
        (*n)++;
        p = q + 1;
    }
    return 0;
}

static phrase *new_phrase(dict *d, const char *raw, size_t n, uint8_t type, const char *src, int tabari)
{
    word_match *w;
    int nw = tabari ? tabari_phrase(d, raw, n, &w) : dict_phrase(d, raw, n, &w);
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

/* Special actor codes after parsing codes[from..n): [---] is no code (the phrase is known and
 * names no actor: dict_actor_code gives NULL for it), [+++] (TABARI's "complex") is read the same way, and an unrestricted [###]
 * makes the phrase a sentence discard. A '/' code (a coded compound, GME/GMW) is kept whole. */
static void special_codes(dict *d, const actor_entry *entry, dated_code *codes, int from, int n,
                          const char *phrase_raw, size_t pl, const char *src, int tabari)
{
    for (int i = from; i < n; i++) {
        const char *c = codes[i].code;
        if (!c) continue;
        if (!strcmp(c, "---")) d->dx.null_actor_codes++;
        /* copies, not literals: the compiled form must point only into its own memory (cache.c) */
        else if (!strcmp(c, "+++")) { codes[i].code = arena_strdup(&d->mem, "---"); d->dx.complex_codes++; }
        else if (!strcmp(c, "###")) {
            /* "[ONO <911226] [###]": a discard only at the dates the default covers; the
               discard phrase then keeps the entry, whose code says "###" at those dates */
            int dated = 0;
            for (int k = 0; k < n; k++) dated |= codes[k].from || codes[k].to;
            if (!dated || !entry) codes[i].code = arena_strdup(&d->mem, "---");
            if (!codes[i].from && !codes[i].to && phrase_raw) {
                phrase *p = new_phrase(d, phrase_raw, pl, PH_ACTOR, src, tabari);
                if (p && dated) p->entry = entry;
                if (p) { dict_index_phrase(d, d->discard_by_word, p); d->st.discards++; d->dx.discard_phrases++; }
            } else d->dx.dated_discards++;
        } else if (strchr(c, '/')) d->dx.compound_codes++;
    }
}

/* the phrase of an actor or agent line: ours and PETRARCH's end at a blank; TABARI's run to the
   first '[' (blanks separate its words) */
static size_t line_phrase_len(const char *s, int tabari)
{
    if (!tabari) return phrase_len(s);
    size_t n = 0;
    while (s[n] && s[n] != '[' && s[n] != '{') n++;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t')) n--;
    return n;
}

/* a <NOUN> or <ADJECTIVE> line: its words get the class (plurals too: "GOATS", "SHEEP") */
static void tag_word(dict *d, char *line, uint8_t tag)
{
    char *s = line;
    while (*s == ' ' || *s == '\t') s++;
    size_t n = 0;
    while (s[n] && s[n] != ' ' && s[n] != '\t' && s[n] != ';') n++;
    while (n && (s[n - 1] == '_' || s[n - 1] == '=')) n--;
    if (!n) return;
    char low[128];
    if (n >= sizeof low) return;
    for (size_t k = 0; k < n; k++) low[k] = s[k] == '_' ? ' ' : (char)tolower((unsigned char)s[k]);
    if (memchr(low, ' ', n)) { if (tag == WT_NOUN) d->dx.noun_entries++; else d->dx.adj_entries++; return; }
    uint32_t id = dict_intern(d, low, n);
    d->word_tag[id] |= tag;
    if (n + 1 < sizeof low) {             /* the regular plural */
        low[n] = 's';
        d->word_tag[dict_intern(d, low, n + 1)] |= tag;
    }
}

int dict_load_actors(dict *d, const char *path, dict_diag *dg) { return load_actors_dialect(d, path, dg, 0); }
int dict_load_tabari_actors(dict *d, const char *path, dict_diag *dg) { return load_actors_dialect(d, path, dg, 1); }

int load_actors_dialect(dict *d, const char *path, dict_diag *dg, int tabari)
{
    src_file f;
    if (file_open(d, &f, path, dg) < 0) return -1;
    d->dx.files++;
    uint8_t kind = kind_from_path(path);
    actor_entry *cur = NULL;
    const char *cur_raw = NULL; size_t cur_pl = 0;
    int cap = 0;
    char section[32] = "";
    char *line;
    while ((line = next_line(&f))) {
        if (xml_comment_line(&f, line)) continue;
        if (line[0] == '#') { if (!tabari) directive_kind(line, &kind); continue; }
        if (tabari && line[0] == '/') continue;
        if (finish_line(line)) break;
        if (section[0]) {                     /* TABARI <NOUN>, <ADJECTIVE>: uncoded words */
            if (line[0] == '<' && line[1] == '/') section[0] = 0;
            else {
                cut_comment(line);
                if (*line) tag_word(d, line, !strcmp(section, "NOUN") ? WT_NOUN : WT_ADJ);
            }
            continue;
        }
        if (line[0] == '<') {
            if (tabari && line[1] != '/' && !strchr(line, '/')) {
                const char *e = strchr(line, '>');
                size_t sl = e ? (size_t)(e - line - 1) : strlen(line + 1);
                snprintf(section, sizeof section, "%.*s", (int)(sl < 31 ? sl : 31), line + 1);
            }
            continue;
        }
        cut_comment(line);
        if (!*line) continue;
        const char *where_s = where(d, &f);
        char *s = line;
        int indented = (*s == ' ' || *s == '\t');
        while (*s == ' ' || *s == '\t') s++;
        if (*s == '[' && cur) {               /* code line of the current entry */
            int from = cur->ncodes;
            if (parse_codes(d, s, &cur->codes, &cur->ncodes, &cap, tabari) < 0)
                dict_report(dg, f.path, f.line, "malformed actor code: %s", s);
            special_codes(d, cur, cur->codes, from, cur->ncodes, cur_raw, cur_pl, where_s, tabari);
            continue;
        }
        if (indented && *s != '+') {
            dict_report(dg, f.path, f.line, "unexpected indented line: %s", s);
            continue;
        }
        int syn = *s == '+';
        if (syn) s++;
        /* PETRARCH's actor files, as TABARI's, run a phrase to its codes: a blank is '_'
           there ("PRESIDENT HOSNI MURBARAK [EGYGOV]") */
        size_t pl = line_phrase_len(s, tabari || d->rules == RULES_PETRARCH);
        if (pl == 0) { dict_report(dg, f.path, f.line, "empty phrase"); continue; }
        const char *rest = s + pl;
        if (syn && cur && !strchr(rest, '[')) {
            phrase *p = new_phrase(d, s, pl, PH_ACTOR, where_s, tabari);
            if (p) { p->entry = cur; dict_index_phrase(d, d->by_word, p); d->st.actor_phrases++; }
            continue;
        }
        if (syn && !cur) { dict_report(dg, f.path, f.line, "synonym before any entry"); continue; }
        /* a new entry */
        cur = arena_alloc(&d->mem, sizeof *cur);
        cur->src = where_s; cur->kind = kind;
        cur->name = arena_strndup(&d->mem, s, pl);
        cur_raw = cur->name; cur_pl = pl;
        cap = 0;
        if (parse_codes(d, rest, &cur->codes, &cur->ncodes, &cap, tabari) < 0) {
            dict_report(dg, f.path, f.line, "malformed actor code: %s", rest);
        }
        special_codes(d, cur, cur->codes, 0, cur->ncodes, cur_raw, cur_pl, where_s, tabari);
        phrase *p = new_phrase(d, s, pl, PH_ACTOR, where_s, tabari);
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
                         const char *code, uint8_t person, const char *src, int depth, int tabari)
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
                        expand_agent(d, out, (size_t)len, subs, nsubs, code, person, src, depth + 1, tabari);
                }
                return;
            }
        }
    }
    phrase *p = new_phrase(d, ph, n, PH_AGENT, src, tabari == 1);
    if (!p) return;
    /* tabari == 2: "POLICE {}" in a PETRARCH set, no plural: the last word is exact */
    if (tabari == 2 && p->nw) p->w[p->nw - 1].exact = 1;
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

int dict_load_agents(dict *d, const char *path, dict_diag *dg) { return load_agents_dialect(d, path, dg, 0); }
int dict_load_tabari_agents(dict *d, const char *path, dict_diag *dg) { return load_agents_dialect(d, path, dg, 1); }

int load_agents_dialect(dict *d, const char *path, dict_diag *dg, int tabari)
{
    src_file f;
    if (file_open(d, &f, path, dg) < 0) return -1;
    d->dx.files++;
    subst *subs = calloc(16, sizeof *subs);
    int nsubs = 0;
    uint8_t kind = AK_OTHER;
    char *line;
    while ((line = next_line(&f))) {
        if (xml_comment_line(&f, line)) continue;
        if (line[0] == '#') { if (!tabari) directive_kind(line, &kind); continue; }
        if (tabari && line[0] == '/') continue;
        if (finish_line(line)) break;
        cut_comment(line);
        char *s = line;
        while (*s == ' ' || *s == '\t') s++;
        if (!*s) continue;
        if (!tabari && *s == '!' && strstr(s, "=")) {     /* substitution marker definition */
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
        size_t pl = line_phrase_len(s, tabari);
        const char *lb = strchr(s, '[');
        const char *rb = lb ? strchr(lb, ']') : NULL;
        /* "[ ~OPP]", "[  NGM~]": blanks inside the brackets are TABARI's layout */
        if (lb && rb) { while (lb + 1 < rb && (lb[1] == ' ' || lb[1] == '\t')) lb++;
                        while (rb - 1 > lb && (rb[-1] == ' ' || rb[-1] == '\t')) rb--; }
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
        const char *ob0 = strchr(s, '{');
        int no_plural = !tabari && d->rules == RULES_PETRARCH && ob0 && ob0 < lb && ob0[1] == '}';
        expand_agent(d, s, pl, subs, nsubs, code, kind == AK_PERSON, src, 0, no_plural ? 2 : tabari);
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
                        expand_agent(d, t, strlen(t), subs, nsubs, code, kind == AK_PERSON, src, 0, tabari);
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
        phrase *p = new_phrase(d, line, pl, PH_ANAPHOR, where(d, &f), 0);
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
    d->dx.files++;
    while ((line = next_line(&f))) {
        if (xml_comment_line(&f, line)) continue;
        if (line[0] == '#') continue;
        cut_comment(line);
        char *s = line;
        while (*s == ' ' || *s == '\t') s++;
        if (!*s) continue;
        int story = *s == '+';
        if (story) s++;
        size_t pl = strlen(s);      /* "YEARS LATER": blanks separate the words of one phrase */
        phrase *p = new_phrase(d, s, pl, PH_ACTOR, where(d, &f), 0);
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
            d->cameo = rg_realloc(d->rg, d->cameo, (size_t)d->cameocap * sizeof *d->cameo);
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
