/* fold.c - case and accent folding for the comment blocklist (ICU).
 *
 * Text becomes its words, case folded (NFKC_Casefold, so "ß" is "ss"
 * and full-width letters are plain), accents removed (NFD, marks
 * dropped) and joined by single spaces with one space at each end:
 * "Buy CHEAP Pïlls!" -> " buy cheap pills ". A blocked word or phrase
 * folded the same way then matches with strstr, only at word bounds.
 */
#include "comments/comments.h"

#include <stdlib.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include "util/xalloc.h"

/* Normalize src[0..len) into a new array (*dst, caller frees). */
static int32_t
fold_normalize(const UNormalizer2 *norm, const UChar *src, int32_t len,
    UChar **dst)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t cap = len + 16, r;

	*dst = xreallocarray(NULL, (size_t)cap, sizeof(UChar));
	r = unorm2_normalize(norm, src, len, *dst, cap, &st);
	if (st == U_BUFFER_OVERFLOW_ERROR) {
		cap = r + 16;
		*dst = xreallocarray(*dst, (size_t)cap, sizeof(UChar));
		st = U_ZERO_ERROR;
		r = unorm2_normalize(norm, src, len, *dst, cap, &st);
	}
	return U_FAILURE(st) ? -1 : r;
}

/* UTF-8 p[0..n) to UTF-16 (malformed bytes become U+FFFD). */
static int32_t
fold_utf16(const char *p, size_t n, UChar **out)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t len = 0, cap;

	if (n > INT32_MAX / 2)
		return -1;
	cap = (int32_t)n + 1;
	*out = xreallocarray(NULL, (size_t)cap, sizeof(UChar));
	u_strFromUTF8WithSub(*out, cap, &len, p, (int32_t)n, 0xFFFD, NULL,
	    &st);
	return U_FAILURE(st) ? -1 : len;
}

/* Letters that NFD leaves whole but readers treat as accented. */
static const char *
fold_special(UChar32 c)
{
	switch (c) {
	case 0xE6: return "ae";
	case 0xF8: return "o";
	case 0x131: return "i";
	case 0x142: return "l";
	case 0x153: return "oe";
	case 0x111: return "d";
	default: return NULL;
	}
}

/* Append the folded words of s[0..len) to out. */
static enum nd_err
fold_emit(const UChar *s, int32_t len, struct buf *out)
{
	enum nd_err e = buf_putc(out, ' ');
	int32_t i = 0;
	int space = 1;
	UChar32 c;
	const char *sp;

	while (e == ND_OK && i < len) {
		U16_NEXT(s, i, len, c);
		if (u_charType(c) == U_NON_SPACING_MARK)
			continue;
		if (!u_isalnum(c)) {
			if (!space)
				e = buf_putc(out, ' ');
			space = 1;
			continue;
		}
		space = 0;
		if ((sp = fold_special(c)) != NULL)
			e = buf_puts(out, sp);
		else
			e = buf_pututf8(out, (uint32_t)c);
	}
	if (e == ND_OK && !space)
		e = buf_putc(out, ' ');
	return e;
}

enum nd_err
comments_fold(const char *p, size_t n, struct buf *out)
{
	UErrorCode st = U_ZERO_ERROR;
	const UNormalizer2 *cf = unorm2_getNFKCCasefoldInstance(&st);
	const UNormalizer2 *nfd = unorm2_getNFDInstance(&st);
	UChar *u = NULL, *a = NULL, *b = NULL;
	int32_t len;
	enum nd_err e = ND_EINVAL;

	if (U_FAILURE(st))
		return ND_EINVAL;
	if ((len = fold_utf16(p, n, &u)) < 0)
		goto out;
	if ((len = fold_normalize(cf, u, len, &a)) < 0)
		goto out;
	if ((len = fold_normalize(nfd, a, len, &b)) < 0)
		goto out;
	e = fold_emit(b, len, out);
out:
	free(b);
	free(a);
	free(u);
	return e;
}
