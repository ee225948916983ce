/* pool.c - codes a batch of items on N threads for `code` and `ingest`. Each thread owns one
 * hd_scratch for the whole run (the coder itself is immutable and shared); items are handed out
 * by an atomic counter, and every item writes only to its own slot, so what the caller does with
 * the slots afterwards, in input order, does not depend on the thread count. With N threads
 * there are N - 1 workers, and the caller is the N-th coder: once it has read and written what
 * it had to while the workers coded, it takes the batch's remaining items instead of waiting
 * idle in join. With N workers and the caller's reading and writing besides, two cores ran
 * three busy threads. */
#include "cli.h"
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <unistd.h>

enum { POOL_MAX = 64 };

typedef struct pool_run {
    int n;
    atomic_int next;
    cli_job job;
    void *ud;
} pool_run;

typedef struct pool_arg { pool_run *r; hd_scratch *sc; } pool_arg;

struct cli_pool {
    int threads;
    hd_scratch *sc[POOL_MAX];
    hd_scratch *caller;        /* the caller's (the last of sc), for the items it takes in
                                  cli_pool_wait; NULL with one thread */
    /* the batch started by cli_pool_start, until cli_pool_wait */
    pool_run run;
    pool_arg args[POOL_MAX];
    pthread_t th[POOL_MAX];
    int running;
};

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
    if (p->threads > 1) p->caller = p->sc[p->threads - 1];   /* the workers take the others */
    return p;
}

/* With one thread the batch runs at once, on the caller's thread: one thread means one core. */
void cli_pool_start(cli_pool *p, int n, cli_job job, void *ud)
{
    p->run.n = n; atomic_store(&p->run.next, 0); p->run.job = job; p->run.ud = ud;
    /* with the caller coding in cli_pool_wait, threads - 1 workers make `threads` coders */
    int want = p->caller ? p->threads - 1 : p->threads;
    int nt = want < n ? want : n;
    for (int k = 0; k < nt; k++) { p->args[k].r = &p->run; p->args[k].sc = p->sc[k]; }
    p->running = 0;
    if (!p->caller) { if (n > 0) pool_worker(&p->args[0]); return; }   /* one thread */
    for (int k = 0; k < nt; k++) pthread_create(&p->th[k], NULL, pool_worker, &p->args[k]);
    p->running = nt;
}

void cli_pool_wait(cli_pool *p)
{
    if (p->running && p->caller) {
        pool_arg self = { &p->run, p->caller };
        pool_worker(&self);
    }
    for (int k = 0; k < p->running; k++) pthread_join(p->th[k], NULL);
    p->running = 0;
}

void cli_pool_run(cli_pool *p, int n, cli_job job, void *ud)
{
    cli_pool_start(p, n, job, ud);
    cli_pool_wait(p);
}

void cli_pool_free(cli_pool *p)
{
    if (!p) return;
    cli_pool_wait(p);
    for (int k = 0; k < p->threads; k++) hd_scratch_free(p->sc[k]);
    free(p);
}
