/* sets.c - dictionary SET descriptions, so `--dict` can point at the peers' own files:
 *   NAME.project          TABARI project: <actorsfile> <verbsfile> <agentsfile> lines (several
 *                         of each allowed; <optionsfile> and the rest are not dictionaries),
 *                         paths relative to the project file; files in TABARI's dialect.
 *   NAME.ini              PETRARCH PETR_config.ini: [Dictionaries] verbfile_name,
 *                         actorfile_list (comma list), agentfile_name, discardfile_name, and
 *                         optionally dictionary_path; PETRARCH-1/Phoenix dialect.
 *   NAME.xml              a PETRARCH validation file: its <Environment> names <Verbfile>,
 *                         <Actorfile>, <Agentfile>, <Discardfile>.
 * A relative dictionary path is looked for next to the description, then in ../dictionaries
 * and dictionaries/ beside it (PETRARCH keeps config/, dictionaries/ and text/ side by side).
 * A file that cannot be found is reported with the description's file:line; the rest loads. */
#include "dict.h"
#include "reader.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

static int ends_with(const char *s, const char *suf)
{
    size_t n = strlen(s), m = strlen(suf);
    return n > m && !strcasecmp(s + n - m, suf);
}

int dict_is_set(const char *path)
{
    struct stat st;
    if (!path || stat(path, &st) != 0 || !S_ISREG(st.st_mode)) return 0;
    return ends_with(path, ".project") || ends_with(path, ".ini") || ends_with(path, ".xml");
}

static int is_file(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

/* dir of path (without the slash), "." when none */
static void dir_of(const char *path, char *out, size_t n)
{
    const char *sl = strrchr(path, '/');
    if (!sl) snprintf(out, n, ".");
    else if (sl == path) snprintf(out, n, "/");
    else snprintf(out, n, "%.*s", (int)(sl - path), path);
}

/* finds name relative to base (and base/../dictionaries, base/dictionaries); 0 when found */
static int resolve(const char *base, const char *name, char *out, size_t n)
{
    if (name[0] == '/') { snprintf(out, n, "%s", name); return is_file(out) ? 0 : -1; }
    static const char *const sub[] = { "", "../dictionaries/", "dictionaries/" };
    for (size_t i = 0; i < sizeof sub / sizeof *sub; i++) {
        snprintf(out, n, "%s/%s%s", base, sub[i], name);
        if (is_file(out)) return 0;
    }
    snprintf(out, n, "%s/%s", base, name);
    return -1;
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t') s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r')) s[--n] = 0;
    return s;
}

typedef int (*load_fn)(dict *, const char *, dict_diag *);

/* a queued dictionary file: loaded after the description is read, in a fixed order (actors,
   agents, verbs, discards) whatever the order of its lines */
typedef struct queued { int kind; char path[1024]; } queued;
enum { Q_ACTORS, Q_AGENTS, Q_VERBS, Q_DISCARDS, Q_KINDS };

typedef struct set_ctx {
    queued *q; int n, cap;
    const char *base;
    const char *desc; long line;
    dict_diag *dg;
} set_ctx;

static void queue(set_ctx *c, int kind, const char *name)
{
    char p[1024];
    if (!*name) return;
    if (resolve(c->base, name, p, sizeof p) < 0) {
        dict_report(c->dg, c->desc, c->line, "dictionary file not found: %s", p);
        return;
    }
    if (c->n == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 8;
        c->q = realloc(c->q, sizeof *c->q * (size_t)c->cap);
    }
    c->q[c->n].kind = kind;
    snprintf(c->q[c->n].path, sizeof c->q[c->n].path, "%s", p);
    c->n++;
}

static char *read_all(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *b = malloc(cap);
    size_t r;
    while ((r = fread(b + n, 1, cap - n - 1, fp)) > 0) {
        n += r;
        if (n + 1 >= cap) { cap *= 2; b = realloc(b, cap); }
    }
    fclose(fp);
    b[n] = 0;
    *len = n;
    return b;
}

/* TABARI .project: "<actorsfile> 	TABARI.Demo.actors" */
static void read_project(set_ctx *c, char *data)
{
    char *save = NULL;
    c->line = 0;
    for (char *l = data; l; l = save) {
        save = strchr(l, '\n');
        if (save) *save++ = 0;
        c->line++;
        char *s = trim(l);
        if (*s != '<') continue;
        char *gt = strchr(s, '>');
        if (!gt) continue;
        *gt = 0;
        const char *tag = s + 1;
        char *val = trim(gt + 1);
        if (!strcasecmp(tag, "actorsfile")) queue(c, Q_ACTORS, val);
        else if (!strcasecmp(tag, "agentsfile")) queue(c, Q_AGENTS, val);
        else if (!strcasecmp(tag, "verbsfile")) queue(c, Q_VERBS, val);
    }
}

/* PETR_config.ini [Dictionaries] */
static void read_ini(set_ctx *c, char *data, char *base_buf, size_t base_n)
{
    char *save = NULL;
    int in_dict = 0;
    c->line = 0;
    /* dictionary_path first: it changes where the others are */
    char *copy = strdup(data);
    for (char *l = copy; l; l = save) {
        save = strchr(l, '\n');
        if (save) *save++ = 0;
        char *s = trim(l);
        if (*s == '[') { in_dict = !strncasecmp(s, "[Dictionaries]", 14); continue; }
        if (!in_dict || *s == '#' || *s == ';') continue;
        char *eq = strchr(s, '=');
        if (!eq) continue;
        *eq = 0;
        if (!strcasecmp(trim(s), "dictionary_path")) {
            char *v = trim(eq + 1);
            char nb[1024];
            if (v[0] == '/') snprintf(nb, sizeof nb, "%s", v);
            else snprintf(nb, sizeof nb, "%s/%s", c->base, v);
            snprintf(base_buf, base_n, "%s", nb);
            c->base = base_buf;
        }
    }
    free(copy);
    in_dict = 0;
    for (char *l = data; l; l = save) {
        save = strchr(l, '\n');
        if (save) *save++ = 0;
        c->line++;
        char *s = trim(l);
        if (*s == '[') { in_dict = !strncasecmp(s, "[Dictionaries]", 14); continue; }
        if (!in_dict || !*s || *s == '#' || *s == ';') continue;
        char *eq = strchr(s, '=');
        if (!eq) { dict_report(c->dg, c->desc, c->line, "expected key = value: %s", s); continue; }
        *eq = 0;
        char *key = trim(s), *val = trim(eq + 1);
        char *hash = strstr(val, " #");
        if (hash) { *hash = 0; val = trim(val); }
        if (!strcasecmp(key, "verbfile_name")) queue(c, Q_VERBS, val);
        else if (!strcasecmp(key, "agentfile_name")) queue(c, Q_AGENTS, val);
        else if (!strcasecmp(key, "discardfile_name")) queue(c, Q_DISCARDS, val);
        else if (!strcasecmp(key, "actorfile_list") || !strcasecmp(key, "actorfile_name")) {
            for (char *t = strtok(val, ","); t; t = strtok(NULL, ",")) queue(c, Q_ACTORS, trim(t));
        }
        /* issuefile_name, dictionary_path, P1verbfile_name ...: not dictionaries herodot reads */
    }
}

/* PETRARCH validation file: <Environment><Verbfile>PETR.Validate.verbs.txt</Verbfile>... */
static void read_environment(set_ctx *c, const char *data)
{
    static const struct { const char *tag; int kind; } tags[] = {
        { "Verbfile", Q_VERBS }, { "Actorfile", Q_ACTORS }, { "Agentfile", Q_AGENTS },
        { "Discardfile", Q_DISCARDS } };
    const char *env = strstr(data, "<Environment>");
    const char *end = env ? strstr(env, "</Environment>") : NULL;
    if (!env || !end) {
        dict_report(c->dg, c->desc, 0, "no <Environment> naming the dictionaries");
        return;
    }
    for (size_t i = 0; i < sizeof tags / sizeof *tags; i++) {
        char open[32];
        snprintf(open, sizeof open, "<%s>", tags[i].tag);
        for (const char *p = env; (p = strstr(p, open)) && p < end; p++) {
            const char *v = p + strlen(open);
            const char *e = strchr(v, '<');
            if (!e || e > end) break;
            c->line = 1;
            for (const char *q = data; q < p; q++) c->line += *q == '\n';
            char name[512];
            snprintf(name, sizeof name, "%.*s", (int)(e - v), v);
            queue(c, tags[i].kind, trim(name));
        }
    }
}

int dict_load_set(dict *d, const char *path, dict_diag *dg, hd_error *err)
{
    size_t len;
    dict_note_source(d, path);
    char *data = read_all(path, &len);
    if (!data) {
        snprintf(err->file, sizeof err->file, "%s", path);
        err->line = 0;
        snprintf(err->msg, sizeof err->msg, "cannot read dictionary set description");
        return -1;
    }
    dict_hash_bytes(d, data, len);
    char base[1024], base2[1024];
    dir_of(path, base, sizeof base);
    set_ctx c = { NULL, 0, 0, base, path, 0, dg };
    int tabari = ends_with(path, ".project");
    if (tabari) { read_project(&c, data); d->rules = RULES_TABARI; }
    else if (ends_with(path, ".ini")) read_ini(&c, data, base2, sizeof base2);
    else {
        /* a PETRARCH validation file: its records were inherited from TABARI's suite (WEIS
           codes, paired events, TABARI's actor and clause rules), so they are coded by
           TABARI's rules too (docs/DICTIONARIES.md) */
        read_environment(&c, data);
        d->rules = RULES_PETRARCH;
    }
    free(data);
    if (c.n == 0) {
        free(c.q);
        snprintf(err->file, sizeof err->file, "%s", path);
        err->line = 0;
        snprintf(err->msg, sizeof err->msg, "the set description names no dictionary file that exists");
        return -1;
    }
    static const load_fn ours[Q_KINDS] = { dict_load_actors, dict_load_agents, dict_load_verbs, dict_load_discards };
    static const load_fn tab[Q_KINDS] = { dict_load_tabari_actors, dict_load_tabari_agents,
                                          dict_load_tabari_verbs, dict_load_discards };
    for (int k = 0; k < Q_KINDS; k++)
        for (int i = 0; i < c.n; i++)
            if (c.q[i].kind == k) (tabari ? tab : ours)[k](d, c.q[i].path, dg);
    free(c.q);
    dict_finish(d);
    d->st.load_errors = dg ? dg->count : 0;
    return 0;
}
