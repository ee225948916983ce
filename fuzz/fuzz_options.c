/* fuzz_options.c - libFuzzer target for the TABARI .options reader (code_rules_option, which
 * `herodot validate` and --option hand every line of a peer's options file): any bytes, line
 * by line, must leave the rules well formed (limits readable, codes terminated). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "code/code.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *buf = malloc(size + 1);
    if (!buf) return 0;
    memcpy(buf, data, size);
    buf[size] = 0;
    code_rules r;
    code_rules_default(&r, RULES_TABARI);
    for (char *line = strtok(buf, "\n"); line; line = strtok(NULL, "\n")) code_rules_option(&r, line);
    /* the codes are NUL-terminated within their buffers */
    if (strnlen(r.def_src, sizeof r.def_src) == sizeof r.def_src) abort();
    if (strnlen(r.def_tgt, sizeof r.def_tgt) == sizeof r.def_tgt) abort();
    free(buf);
    return 0;
}
