/* pool.c - codes a batch of items on N threads for `code` and `ingest`. Each thread owns one
 * hd_scratch for the whole run (the coder itself is immutable and shared); items are handed out
 * by an atomic counter, and every item writes only to its own slot, so what the caller does with
 * the slots afterwards, in input order, does not depend on the thread count. */
#include "cli.h"
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <unistd.h>

enum { POOL_MAX = 64 };

struct cli_pool {
    int threads;
    hd_scratch *sc[POOL_MAX];
};

typedef struct pool_run {
    int n;
    atomic_int next;
    cli_job job;
    void *ud;
} pool_run;

typedef struct pool_arg { pool_run *r; hd_scratch *sc; } pool_arg;

static void *pool_worker(void *arg)
{
    pool_arg *a = arg;
    for (;;) {
        int i = atomic_fetch_add(&a->r->next, 1);
        if (i >= a->r->n) break;
        a->r->job(i, a->sc, a->r->ud);
    }
    return NULL;
}

int cli_threads(const char *arg)
{
    int n = atoi(arg);
    if (n <= 0) n = (int)sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > POOL_MAX ? POOL_MAX : n;
}

cli_pool *cli_pool_new(const hd_coder *c, int threads)
{
    cli_pool *p = calloc(1, sizeof *p);
    if (!p) return NULL;
    p->threads = threads < 1 ? 1 : threads > POOL_MAX ? POOL_MAX : threads;
    for (int k = 0; k < p->threads; k++) p->sc[k] = hd_scratch_new(c);
    return p;
}

void cli_pool_run(cli_pool *p, int n, cli_job job, void *ud)
{
    pool_run r = { n, 0, job, ud };
    pool_arg args[POOL_MAX];
    int nt = p->threads < n ? p->threads : n;
    for (int k = 0; k < nt; k++) { args[k].r = &r; args[k].sc = p->sc[k]; }
    if (nt <= 1) { if (n > 0) pool_worker(&args[0]); return; }
    pthread_t th[POOL_MAX];
    for (int k = 0; k < nt; k++) pthread_create(&th[k], NULL, pool_worker, &args[k]);
    for (int k = 0; k < nt; k++) pthread_join(th[k], NULL);
}

void cli_pool_free(cli_pool *p)
{
    if (!p) return;
    for (int k = 0; k < p->threads; k++) hd_scratch_free(p->sc[k]);
    free(p);
}
