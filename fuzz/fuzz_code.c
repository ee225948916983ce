/* fuzz_code.c - libFuzzer target: any bytes as an article's text through the whole coder
 * (text, lexicon, mentions, verbs, events). Uses the small test dictionaries. */
#include <stdint.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include "../include/herodot.h"

static hd_coder *coder;

static int sink(const hd_event *ev, void *ud) { (void)ev; (void)ud; return 0; }

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!coder) {
        hd_open_options o = { "tests/dict", NULL, NULL, NULL, "", NULL };
        hd_error e;
        coder = hd_coder_open(&o, &e);
        if (!coder) abort();
    }
    char *text = malloc(size + 1);
    memcpy(text, data, size);
    text[size] = 0;
    hd_article a = { "fuzz", "2023-11-29", text, size, NULL, NULL, NULL };
    hd_error e;
    hd_code_article(coder, &a, NULL, sink, NULL, &e);
    free(text);
    return 0;
}
