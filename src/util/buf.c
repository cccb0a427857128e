#include "util/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

char buf_empty[1];

void
buf_init(struct buf *b, size_t max)
{
	b->ptr = buf_empty;
	b->len = 0;
	b->cap = 0;
	b->max = max;
}

void
buf_release(struct buf *b)
{
	if (b->cap)
		free(b->ptr);
	b->ptr = buf_empty;
	b->len = 0;
	b->cap = 0;
}

void
buf_clear(struct buf *b)
{
	b->len = 0;
	if (b->cap)		/* never write the shared buf_empty: threads */
		b->ptr[0] = '\0';
}

char *
buf_detach(struct buf *b, size_t *len)
{
	char *p = b->cap ? b->ptr : xstrdup("");

	if (len)
		*len = b->len;
	b->ptr = buf_empty;
	b->len = 0;
	b->cap = 0;
	return p;
}

static enum nd_err
buf_grow(struct buf *b, size_t extra)
{
	size_t need, cap;

	if (extra > b->max - b->len)
		return ND_ELIMIT;
	need = b->len + extra + 1;
	if (need <= b->cap)
		return ND_OK;
	cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	if (b->cap == 0) {
		b->ptr = xmalloc(cap);
		b->ptr[0] = '\0';
	} else
		b->ptr = xrealloc(b->ptr, cap);
	b->cap = cap;
	return ND_OK;
}

enum nd_err
buf_put(struct buf *b, const void *p, size_t n)
{
	if (n == 0)
		return ND_OK;
	if (buf_grow(b, n) != ND_OK)
		return ND_ELIMIT;
	memmove(b->ptr + b->len, p, n);
	b->len += n;
	b->ptr[b->len] = '\0';
	return ND_OK;
}

enum nd_err
buf_puts(struct buf *b, const char *s)
{
	return buf_put(b, s, strlen(s));
}

enum nd_err
buf_putc(struct buf *b, int c)
{
	char ch = (char)c;

	return buf_put(b, &ch, 1);
}

#if defined(__GNUC__)
__attribute__((format(printf, 2, 0)))
#endif
enum nd_err
buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		return ND_EINVAL;
	if (buf_grow(b, (size_t)n) != ND_OK)
		return ND_ELIMIT;
	vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
	return ND_OK;
}

enum nd_err
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	enum nd_err e;

	va_start(ap, fmt);
	e = buf_vprintf(b, fmt, ap);
	va_end(ap);
	return e;
}

enum nd_err
buf_pututf8(struct buf *b, uint32_t cp)
{
	unsigned char s[4];
	size_t n;

	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = 0xFFFD;
	if (cp < 0x80) {
		s[0] = (unsigned char)cp;
		n = 1;
	} else if (cp < 0x800) {
		s[0] = (unsigned char)(0xC0 | (cp >> 6));
		s[1] = (unsigned char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		s[0] = (unsigned char)(0xE0 | (cp >> 12));
		s[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		s[2] = (unsigned char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		s[0] = (unsigned char)(0xF0 | (cp >> 18));
		s[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
		s[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		s[3] = (unsigned char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	return buf_put(b, s, n);
}

void
buf_truncate(struct buf *b, size_t n)
{
	if (n >= b->len)
		return;
	b->len = n;
	b->ptr[n] = '\0';
}

static int
buf_isspace(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == '\f' || c == '\v';
}

void
buf_trim(struct buf *b)
{
	size_t i = 0;

	while (b->len && buf_isspace(b->ptr[b->len - 1]))
		b->len--;
	while (i < b->len && buf_isspace(b->ptr[i]))
		i++;
	if (i)
		memmove(b->ptr, b->ptr + i, b->len - i);
	b->len -= i;
	if (b->cap)
		b->ptr[b->len] = '\0';
}
