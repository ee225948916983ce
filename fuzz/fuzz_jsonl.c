/* fuzz_jsonl.c - libFuzzer target: any bytes as a JSONL article stream through the reader. */
#include <stdint.h>
#include <stddef.h>
#include <stdio.h>
#include "../src/io/io.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FILE *fp = fmemopen((void *)data, size ? size : 1, "rb");
    if (!fp) return 0;
    io_reader *r = io_open_stream(fp, "fuzz", IO_JSONL, "2023-11-29");
    io_article a;
    hd_error e;
    int st, guard = 0;
    while ((st = io_next(r, &a, &e)) != 0 && guard++ < 100000) if (st > 0) io_article_free(&a);
    io_close(r);
    fclose(fp);
    return 0;
}
