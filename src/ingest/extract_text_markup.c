/* extract_text_markup.c - markup left in the text.
 *
 * Pages leak pieces of their markup into the visible text: a CMS's
 * shortcodes that did not render ("[button link="..." type="big"] Send
 * us your review[/button]") and tags written out in a noscript block
 * ('<img height="1" width="1" src="...">'). No writer types an
 * attribute with its quoted value (name="value", in straight or curly
 * quotes) or a closing tag "[/name]", and an opening "[name" is
 * markup when an attribute follows it. Such words are widget words
 * like the other words no writer types (time stamps, image
 * addresses): the span pass marks them, so the leaked block costs
 * in the body search and is cut out of the sentence it was glued to.
 */
#include "ingest/extract_text_int.h"

#include <string.h>

/* Does [p, p + n) hold an attribute with its value in quotes: '="',
 * "='" or "=“" / "=”" (UTF-8 E2 80 9C / 9D)? */
static int
xt_markup_attr(const char *p, size_t n)
{
	size_t k;

	for (k = 1; k + 1 < n; k++) {
		if (p[k] != '=')
			continue;
		if (p[k + 1] == '"' || p[k + 1] == '\'')
			return 1;
		if (k + 3 < n && (unsigned char)p[k + 1] == 0xE2 &&
		    (unsigned char)p[k + 2] == 0x80 &&
		    ((unsigned char)p[k + 3] == 0x9C ||
		    (unsigned char)p[k + 3] == 0x9D))
			return 1;
	}
	return 0;
}

/* Does [p, p + n) hold a closing tag "[/name" or "</name"? */
static int
xt_markup_close(const char *p, size_t n)
{
	size_t k;

	for (k = 0; k + 2 < n; k++)
		if ((p[k] == '[' || p[k] == '<') && p[k + 1] == '/' &&
		    p[k + 2] >= 'a' && p[k + 2] <= 'z')
			return 1;
	return 0;
}

/* Is [p, p + n) an opening "[name" or "<name": the bracket and
 * lower-case letters only? */
static int
xt_markup_open(const char *p, size_t n)
{
	size_t k;

	if (n < 2 || (p[0] != '[' && p[0] != '<'))
		return 0;
	for (k = 1; k < n; k++)
		if (p[k] < 'a' || p[k] > 'z')
			return 0;
	return 1;
}

int
xt_markup_word(const struct xt *x, size_t i)
{
	const char *p = x->s + x->t[i].off;
	size_t n = x->t[i].len;

	if (p[0] != '[' && p[0] != '<' && memchr(p, '=', n) == NULL &&
	    memchr(p, '/', n) == NULL)
		return 0;	/* most words: nothing to look at */
	if (xt_markup_attr(p, n) || xt_markup_close(p, n))
		return 1;
	return xt_markup_open(p, n) && i + 1 < x->nt &&
	    xt_markup_attr(x->s + x->t[i + 1].off, x->t[i + 1].len);
}
