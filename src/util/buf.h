/* buf.h - the one string builder.
 *
 * ptr is never NULL and always NUL-terminated; the content is binary-safe
 * (len counts bytes, embedded NULs allowed). Each buffer has a maximum
 * length: an append that would pass it appends nothing and returns
 * ND_ELIMIT, so nothing is ever silently truncated.
 *
 *	struct buf b = BUF_INIT;	// unlimited (SIZE_MAX)
 *	buf_puts(&b, "hello");
 *	buf_release(&b);
 */
#ifndef ND_BUF_H
#define ND_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "util/err.h"

struct buf {
	char *ptr;	/* never NULL; owned unless it is buf_empty */
	size_t len;	/* bytes used, not counting the NUL */
	size_t cap;	/* bytes allocated; 0 while ptr is buf_empty */
	size_t max;	/* largest len allowed */
};

extern char buf_empty[1];

#define BUF_INIT { buf_empty, 0, 0, SIZE_MAX }

/* Initialize an empty buffer that may hold at most max bytes. */
void buf_init(struct buf *b, size_t max);
/* Free the memory and reset to empty; the max is kept. */
void buf_release(struct buf *b);
/* Empty the content, keeping the memory. */
void buf_clear(struct buf *b);
/* Hand the content to the caller (free() it) and reset b to empty. */
char *buf_detach(struct buf *b, size_t *len);

/* Appends: ND_OK, or ND_ELIMIT with b unchanged. */
enum nd_err buf_put(struct buf *b, const void *p, size_t n);
enum nd_err buf_puts(struct buf *b, const char *s);
enum nd_err buf_putc(struct buf *b, int c);
enum nd_err buf_printf(struct buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
enum nd_err buf_vprintf(struct buf *b, const char *fmt, va_list ap)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 0)))
#endif
    ;
/* Append a code point as UTF-8 (invalid code points become U+FFFD). */
enum nd_err buf_pututf8(struct buf *b, uint32_t cp);

/* Cut to n bytes (n <= len). */
void buf_truncate(struct buf *b, size_t n);
/* Remove ASCII white space at both ends. */
void buf_trim(struct buf *b);

#endif
