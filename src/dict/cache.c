/* cache.c - the compiled dictionary cache: the lexicon and the dictionary, as built in a
 * region (util/region.h), written to one file and mapped back by later runs instead of
 * parsing the text files again.
 *
 * Why an image and not a serializer: the compiled form is a graph of a dozen pointer-linked
 * types that the code stage walks directly. Built at a fixed address, its pointers are valid
 * wherever that address is mapped, so loading is one mmap and no code has to know the layout.
 * The price is three rules, checked here: everything the dictionary points to must be inside
 * the region (save scans the image and refuses to write one that points into the program or
 * its heap), the image is only valid for the binary that made it (its size and mtime are in
 * the key), and it is only valid for the files it was made from (each file and folder read is
 * recorded with its size and mtime, and compared before the image is used).
 *
 * File layout: a header, the recorded sources, the load's diagnostics (replayed on every run,
 * so warnings are not lost), then, page-aligned, the image. Written to a temporary name and
 * renamed, so a reader never sees half a file. */
#define _GNU_SOURCE
#include "dict.h"
#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAGIC "HDDICT02"
enum { PAGE = 4096 };

typedef struct cache_header {
    char magic[8];
    uint64_t key;              /* binary, directories, layout: see cache_key */
    int32_t slot;              /* the region slot the image was built at */
    int32_t nsources, ndiag, pad;
    uint64_t root;             /* offset of the cache_root in the image */
    uint64_t image_off, image_size;
} cache_header;

typedef struct cache_root { lexicon lx; dict d; void *extra; } cache_root;


static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < n; i++) { h ^= s[i]; h *= 1099511628211ULL; }
    return h;
}

static int stat_of(const char *path, int64_t *size, int64_t *mtime)
{
    struct stat st;
    if (stat(path, &st) != 0) return -1;
    *size = (int64_t)st.st_size;
    *mtime = (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec;
    return 0;
}

/* the file this code was loaded from: the program, or a shared library holding it */
static const char *self_path(void)
{
    Dl_info info;
    if (dladdr((void *)self_path, &info) && info.dli_fname && info.dli_fname[0] == '/') return info.dli_fname;
    return "/proc/self/exe";
}

/* what the image depends on besides its source files: this binary (any rebuild may change
 * the layout of the structures), where the dictionaries and WordNet are, the layout's sizes */
/* the places an image is made from: dictionary, WordNet, extra file */
static uint64_t hash_places(uint64_t h, const dict_cache_key *k)
{
    char rp[4096];
    const char *d = realpath(k->dict_dir, rp) ? rp : k->dict_dir;
    h = fnv(h, d, strlen(d) + 1);
    const char *w = k->wordnet_dir ? k->wordnet_dir : "/usr/share/wordnet";
    h = fnv(h, w, strlen(w) + 1);
    const char *x = k->extra_file && realpath(k->extra_file, rp) ? rp : k->extra_file ? k->extra_file : "";
    return fnv(h, x, strlen(x) + 1);
}

static uint64_t cache_key(const dict_cache_key *k)
{
    uint64_t h = 1469598103934665603ULL;
    h = fnv(h, MAGIC, 8);
    h = hash_places(h, k);
    size_t sizes[] = { sizeof(lexicon), sizeof(dict), sizeof(phrase), sizeof(pattern), sizeof(word_match),
                       sizeof(strmap), sizeof(arena) };
    h = fnv(h, sizes, sizeof sizes);
    const char *self = self_path();
    int64_t sz = 0, mt = 0;
    if (stat_of(self, &sz, &mt) < 0) stat_of("/proc/self/exe", &sz, &mt);
    h = fnv(h, &sz, sizeof sz);
    h = fnv(h, &mt, sizeof mt);
    return h;
}

int dict_cache_file(const dict_cache_key *k, const char *cache_dir, char *out, size_t n)
{
    char dirbuf[2048];
    const char *dir = cache_dir;
    if (!dir) dir = getenv("HERODOT_CACHE");
    if (!dir) {
        const char *x = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
        if (x && *x) snprintf(dirbuf, sizeof dirbuf, "%s/herodot", x);
        else if (home && *home) snprintf(dirbuf, sizeof dirbuf, "%s/.cache/herodot", home);
        else return -1;
        dir = dirbuf;
    }
    if (!*dir || !strcmp(dir, "off") || !strcmp(dir, "0")) return -1;
    /* one image per (binary, dictionary, WordNet) place: a rebuilt binary or an edited
     * dictionary overwrites its own image instead of leaving another one behind */
    uint64_t h = hash_places(1469598103934665603ULL, k);
    const char *self = self_path();
    h = fnv(h, self, strlen(self) + 1);
    int w = snprintf(out, n, "%s/dict-%016llx.img", dir, (unsigned long long)h);
    return w > 0 && (size_t)w < n ? 0 : -1;
}

static int read_at(int fd, void *p, size_t n, off_t off)
{
    return pread(fd, p, n, off) == (ssize_t)n ? 0 : -1;
}

int dict_cache_load(const char *file, const dict_cache_key *k, region *rg, lexicon *lx, dict *d, void **extra,
                    hd_diag_fn fn, void *ud)
{
    int fd = open(file, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    cache_header h;
    int ok = read_at(fd, &h, sizeof h, 0) == 0 && !memcmp(h.magic, MAGIC, 8) &&
             h.key == cache_key(k) && h.nsources >= 0 && h.ndiag >= 0 &&
             h.root + sizeof(cache_root) <= h.image_size;
    /* every file and folder it was built from, unchanged */
    off_t off = sizeof h;
    for (int i = 0; ok && i < h.nsources; i++, off += sizeof(dict_source)) {
        dict_source s, now;
        if (read_at(fd, &s, sizeof s, off) < 0) { ok = 0; break; }
        s.path[sizeof s.path - 1] = 0;
        memset(&now, 0, sizeof now);
        now.exists = stat_of(s.path, &now.size, &now.mtime_ns) == 0;
        if (now.exists != s.exists || (s.exists && (now.size != s.size || now.mtime_ns != s.mtime_ns))) ok = 0;
    }
    if (!ok || region_map_file(rg, h.slot, fd, h.image_off, h.image_size) < 0) { close(fd); return -1; }
    /* the warnings the build gave, again */
    for (int i = 0; i < h.ndiag; i++, off += sizeof(hd_error)) {
        hd_error e;
        if (read_at(fd, &e, sizeof e, off) < 0) break;
        e.file[sizeof e.file - 1] = 0; e.msg[sizeof e.msg - 1] = 0;
        if (fn) fn(&e, ud);
    }
    close(fd);
    const cache_root *root = (const cache_root *)(rg->base + h.root);
    *lx = root->lx;
    *d = root->d;
    *extra = root->extra;
    /* the structures now live in the caller's memory; what pointed at them is set again */
    lx->rg = rg;
    d->rg = rg;
    d->lx = lx;
    arena_init(&d->scratch, 16 * 1024);
    d->sources = NULL; d->nsources = d->capsources = 0;
    return 0;
}

/* An image must not point into any other mapping of this process (the program, its heap,
 * libraries, stacks): those move from run to run. Every 8-byte word is checked against the
 * process's mappings, except in allocations made as plain data (rg_calloc_data: bit sets and
 * packed ids, which look like anything); a word of other data that happens to look like such
 * a pointer only costs this run its cache. */
typedef struct span { uintptr_t lo, hi; } span;

static int read_maps(const region *rg, span *v, int max)
{
    FILE *f = fopen("/proc/self/maps", "r");
    if (!f) return -1;
    int n = 0;
    char line[512], perms[8];
    unsigned long lo, hi;
    while (fgets(line, sizeof line, f) && n < max) {
        if (sscanf(line, "%lx-%lx %7s", &lo, &hi, perms) != 3) continue;
        if (lo >= (uintptr_t)rg->base && lo < (uintptr_t)rg->base + rg->reserved) continue;
        /* inaccessible reservations, and terabyte mappings (AddressSanitizer's shadow): no
         * object lives there, and small integers packed in pairs look like addresses in them */
        if (!strncmp(perms, "---", 3) || hi - lo > ((unsigned long)64 << 30)) continue;
        v[n++] = (span){ lo, hi };
    }
    fclose(f);
    return n;
}

static long foreign_pointers(const region *rg)
{
    span *v = malloc(sizeof(span) * 4096);
    int n = v ? read_maps(rg, v, 4096) : -1;
    if (n < 0) { free(v); return -1; }
    uintptr_t min = n ? v[0].lo : 0, max = n ? v[n - 1].hi : 0;
    long bad = 0;
    size_t at = 0, nw = 0;
    for (const uintptr_t *w; (w = region_pointer_words(rg, &at, &nw));)
        for (size_t i = 0; i < nw; i++) {
            uintptr_t x = w[i];
            if (x < min || x >= max) continue;
            int a = 0, b = n;          /* the maps are sorted by address */
            while (a < b) { int m = (a + b) / 2; if (v[m].hi <= x) a = m + 1; else b = m; }
            bad += a < n && x >= v[a].lo;
        }
    free(v);
    return bad;
}

static int write_all(int fd, const void *p, size_t n)
{
    const char *s = p;
    while (n) {
        ssize_t w = write(fd, s, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return -1;
        s += w; n -= (size_t)w;
    }
    return 0;
}

static void mkdirs(const char *file)
{
    char p[4096];
    snprintf(p, sizeof p, "%s", file);
    for (char *s = p + 1; *s; s++)
        if (*s == '/') { *s = 0; mkdir(p, 0755); *s = '/'; }
}

/* keep the cache folder small: at most MAX_IMAGES images, the least recently written go */
enum { MAX_IMAGES = 8 };

static void prune(const char *file)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", file);
    char *slash = strrchr(dir, '/');
    if (!slash) return;
    *slash = 0;
    DIR *dp = opendir(dir);
    if (!dp) return;
    struct { char name[256]; int64_t mt; } v[64];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(dp)) && n < 64) {
        size_t l = strlen(e->d_name);
        if (l < 9 || l >= sizeof v[0].name || strncmp(e->d_name, "dict-", 5) || strcmp(e->d_name + l - 4, ".img")) continue;
        char p[4400];
        snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
        int64_t sz;
        if (stat_of(p, &sz, &v[n].mt) < 0) continue;
        snprintf(v[n].name, sizeof v[n].name, "%s", e->d_name);
        n++;
    }
    closedir(dp);
    while (n > MAX_IMAGES) {
        int old = 0;
        for (int i = 1; i < n; i++) if (v[i].mt < v[old].mt) old = i;
        char p[4400];
        snprintf(p, sizeof p, "%s/%s", dir, v[old].name);
        unlink(p);
        v[old] = v[--n];
    }
}

int dict_cache_save(const char *file, const dict_cache_key *k, region *rg, const lexicon *lx, const dict *d,
                    void *extra, const hd_error *diags, int ndiag)
{
    /* the root: copies of the two structures, their outside pointers cleared */
    cache_root *root = rg_alloc(rg, sizeof *root);
    if (extra && !region_has(rg, extra)) return -1;
    root->lx = *lx;
    root->d = *d;
    root->extra = extra;
    root->lx.rg = NULL;
    root->d.rg = NULL; root->d.lx = NULL;
    memset(&root->d.scratch, 0, sizeof root->d.scratch);
    root->d.sources = NULL; root->d.nsources = root->d.capsources = 0;
    /* the strmaps' and arenas' region pointers point at the builder's region struct */
    const strmap *maps[] = { &root->lx.pos, &root->d.vocab,
                             &root->d.synset_ix, &root->d.cameo_ix };
    for (size_t i = 0; i < sizeof maps / sizeof *maps; i++) {
        ((strmap *)maps[i])->rg = NULL;
        ((strmap *)maps[i])->keys.rg = NULL;
    }
    root->d.mem.rg = NULL;
    long bad = foreign_pointers(rg);
    if (bad) {
        if (getenv("HERODOT_CACHE_DEBUG"))
            fprintf(stderr, "herodot: dictionary cache not written: %ld pointers out of the image\n", bad);
        return -1;
    }
    /* the sources: the dictionary's files and folders, and WordNet's */
    char wn[8][1024];
    int nwn = lex_files(k->wordnet_dir, wn, 7);
    if (k->extra_file) snprintf(wn[nwn++], sizeof wn[0], "%s", k->extra_file);
    int nsrc = d->nsources + nwn;
    cache_header h;
    memset(&h, 0, sizeof h);
    memcpy(h.magic, MAGIC, 8);
    h.key = cache_key(k);
    h.slot = rg->slot;
    h.nsources = nsrc;
    h.ndiag = ndiag;
    h.root = (uint64_t)((char *)root - rg->base);
    size_t meta = sizeof h + (size_t)nsrc * sizeof(dict_source) + (size_t)ndiag * sizeof(hd_error);
    h.image_off = (meta + PAGE - 1) / PAGE * PAGE;
    h.image_size = (rg->top + PAGE - 1) / PAGE * PAGE;

    char tmp[4200];
    snprintf(tmp, sizeof tmp, "%s.%d.tmp", file, (int)getpid());
    mkdirs(file);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return -1;
    int ok = write_all(fd, &h, sizeof h) == 0;
    for (int i = 0; ok && i < d->nsources; i++) ok = write_all(fd, &d->sources[i], sizeof d->sources[i]) == 0;
    for (int i = 0; ok && i < nwn; i++) {
        dict_source s;
        memset(&s, 0, sizeof s);
        snprintf(s.path, sizeof s.path, "%s", wn[i]);
        s.exists = stat_of(s.path, &s.size, &s.mtime_ns) == 0;
        ok = write_all(fd, &s, sizeof s) == 0;
    }
    for (int i = 0; ok && i < ndiag; i++) ok = write_all(fd, &diags[i], sizeof diags[i]) == 0;
    static const char zero[PAGE];
    if (ok) ok = write_all(fd, zero, h.image_off - meta) == 0;
    if (ok) ok = write_all(fd, rg->base, rg->top) == 0;
    if (ok && h.image_size > rg->top) ok = write_all(fd, zero, h.image_size - rg->top) == 0;
    if (close(fd) != 0) ok = 0;
    if (!ok || rename(tmp, file) != 0) { unlink(tmp); return -1; }
    prune(file);
    return 0;
}
