/* fuzz_dict.c - libFuzzer target: any bytes as an actor, agent, verb, discard and code-table
 * file. Every loader must report bad lines and never crash. */
#include <stdint.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "../src/dict/dict.h"

static lexicon lx;
static int ready;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!ready) { hd_error e; lex_open(&lx, NULL, &e); ready = 1; }
    char path[64];
    snprintf(path, sizeof path, "/tmp/herodot-fuzz-%d.txt", (int)getpid());
    FILE *f = fopen(path, "wb");
    if (!f) return 0;
    fwrite(data, 1, size, f);
    fclose(f);
    dict d;
    dict_init(&d, &lx);
    dict_diag dg = { NULL, NULL, 0 };
    dict_load_actors(&d, path, &dg);
    dict_load_agents(&d, path, &dg);
    dict_load_anaphora(&d, path, &dg);
    dict_load_verbs(&d, path, &dg);
    dict_load_discards(&d, path, &dg);
    dict_load_cameo(&d, path, &dg);
    dict_finish(&d);
    dict_free(&d);
    unlink(path);
    return 0;
}
