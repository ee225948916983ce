/* dir.c - loads herodot's own dictionary layout:
 * DIR/actors/(all .txt), DIR/agents.txt, DIR/anaphora.txt, DIR/verbs/(all .txt), DIR/discards.txt,
 *   DIR/cameo.tsv
 * Files inside a folder load in name order, so the dictionary hash is stable. */
#include "dict.h"
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int cmpstr(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int load_folder(dict *d, const char *dir, const char *sub,
                       int (*fn)(dict *, const char *, dict_diag *), dict_diag *dg)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, sub);
    dict_note_source(d, path);          /* a file added or removed changes its mtime */
    DIR *dp = opendir(path);
    if (!dp) return 0;
    char *names[512]; int n = 0;
    struct dirent *e;
    while ((e = readdir(dp)) && n < 512) {
        size_t l = strlen(e->d_name);
        if (l > 4 && !strcmp(e->d_name + l - 4, ".txt")) names[n++] = strdup(e->d_name);
    }
    closedir(dp);
    qsort(names, (size_t)n, sizeof *names, cmpstr);
    for (int i = 0; i < n; i++) {
        char fp[1400];
        snprintf(fp, sizeof fp, "%s/%s", path, names[i]);
        fn(d, fp, dg);
        free(names[i]);
    }
    return n;
}

static void load_one(dict *d, const char *dir, const char *name,
                     int (*fn)(dict *, const char *, dict_diag *), dict_diag *dg)
{
    char path[1024];
    struct stat st;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    if (stat(path, &st) == 0) fn(d, path, dg);
}

int dict_load_dir(dict *d, const char *dir, dict_diag *dg, hd_error *err)
{
    struct stat st;
    /* a TABARI .project, PETR_config.ini or PETRARCH validation file names a peer's set */
    if (dict_is_set(dir)) return dict_load_set(d, dir, dg, err);
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        snprintf(err->file, sizeof err->file, "%s", dir);
        err->line = 0;
        snprintf(err->msg, sizeof err->msg, "dictionary directory not found");
        return -1;
    }
    dict_note_source(d, dir);
    snprintf(d->base, sizeof d->base, "%s", dir);
    size_t bl = strlen(d->base);
    while (bl > 1 && d->base[bl - 1] == '/') d->base[--bl] = 0;
    load_one(d, dir, "cameo.tsv", dict_load_cameo, dg);
    load_folder(d, dir, "actors", dict_load_actors, dg);
    load_one(d, dir, "agents.txt", dict_load_agents, dg);
    load_one(d, dir, "anaphora.txt", dict_load_anaphora, dg);
    /* verbs: synonym sets may be used by any file, so files whose name starts with "00" or
       contains "synset" come first by name order */
    load_folder(d, dir, "verbs", dict_load_verbs, dg);
    load_one(d, dir, "discards.txt", dict_load_discards, dg);
    dict_finish(d);
    d->st.load_errors = dg ? dg->count : 0;
    return 0;
}
