/* utf8.h - UTF-8 checking, decoding and repair. */
#ifndef ND_UTF8_H
#define ND_UTF8_H

#include <stddef.h>
#include <stdint.h>

#include "util/buf.h"

/* Decode one code point at p (n bytes available). Returns the number of
 * bytes used (1..4) and sets *cp; on a malformed sequence returns 0 and
 * leaves *cp alone. Rejects overlong forms and surrogates. */
size_t utf8_decode(const char *p, size_t n, uint32_t *cp);

/* 1 if p[0..n) is well-formed UTF-8, else 0. */
int utf8_valid(const char *p, size_t n);

/* Append p[0..n) to out with every malformed byte replaced by U+FFFD and
 * NUL bytes dropped. Returns the number of repairs, or -1 if out hit its
 * limit. */
long utf8_repair(const char *p, size_t n, struct buf *out);

/* Share of bytes in p[0..n) that are control bytes other than white
 * space, in [0,1]; used to tell binary from text. */
double utf8_control_ratio(const char *p, size_t n);

#endif
