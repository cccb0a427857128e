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

/* High bit of each byte of x set where that byte is zero. */
static uint64_t
utf8_zero_bytes(uint64_t x)
{
	const uint64_t low7 = UINT64_C(0x7F7F7F7F7F7F7F7F);

	return ~(((x & low7) + low7) | x | low7);
}

/* Control bytes (C0 but tab, newline, form feed, carriage return; and
 * DEL) among the eight bytes of w. */
static unsigned
utf8_controls8(uint64_t w)
{
	const uint64_t ones = UINT64_C(0x0101010101010101);
	const uint64_t low7 = UINT64_C(0x7F7F7F7F7F7F7F7F);
	uint64_t lt20, ok, del;

	lt20 = ~(((w & low7) + UINT64_C(0x6060606060606060)) | w) & ~low7;
	del = utf8_zero_bytes(w ^ (ones * 0x7F));
	if ((lt20 | del) == 0)
		return 0;
	ok = utf8_zero_bytes(w ^ (ones * '\t')) |
	    utf8_zero_bytes(w ^ (ones * '\n')) |
	    utf8_zero_bytes(w ^ (ones * '\f')) |
	    utf8_zero_bytes(w ^ (ones * '\r'));
	/* one high bit per control byte: add the bytes' bits up */
	return (unsigned)(((((lt20 & ~ok) | del) >> 7) * ones) >> 56);
}

double
utf8_control_ratio(const char *p, size_t n)
{
	size_t i = 0, bad = 0;
	uint64_t w;
	unsigned char c;

	if (n == 0)
		return 0;
	for (; i + 8 <= n; i += 8) {
		memcpy(&w, p + i, 8);
		bad += utf8_controls8(w);
	}
	for (; i < n; i++) {
		c = (unsigned char)p[i];
		if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' &&
		    c != '\f') || c == 0x7F)
			bad++;
	}
	return (double)bad / (double)n;
}
