/* utf8.h - UTF-8 validation and decoding. Hand-written (a few lines) because the hot path
 * needs byte offsets and code-point counts together, which ICU's converters don't give. */
#ifndef HD_UTF8_H
#define HD_UTF8_H
#include <stddef.h>
#include <stdint.h>

/* length of the valid UTF-8 prefix; == n when all valid */
size_t utf8_valid_prefix(const char *s, size_t n);
/* decode one code point at s (valid UTF-8 assumed); sets *len; returns the code point */
uint32_t utf8_decode(const char *s, size_t n, int *len);
size_t utf8_count(const char *s, size_t n);   /* number of code points */
#endif
