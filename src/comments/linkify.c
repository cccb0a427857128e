/* linkify.c - find the bare links in a comment body.
 *
 * A pure function over (pointer, length): the page escapes each span
 * and wraps link spans in <a rel="nofollow ugc noopener">. A link starts
 * with http://, https:// or www. (any case) at the start of the text or
 * after a byte that is not a letter, digit or '/', and needs at least
 * one character after that prefix. It ends before white space, a
 * control byte, <, >, ", ` or a backslash; trailing . , ; : ! ? ' and
 * unbalanced ) or ] are left out ("see https://x.org/a)." keeps the
 * text's parenthesis and full stop).
 */
#include "comments/comments.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/xalloc.h"

static int
linkify_word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '/' || c == '@' || c == '.' ||
	    c >= 0x80;
}

static int
linkify_stop(unsigned char c)
{
	return c <= 0x20 || c == 0x7f || c == '<' || c == '>' || c == '"' ||
	    c == '`' || c == '\\';
}

/* Length of the link prefix at p, or 0; *www set for "www.". */
static size_t
linkify_prefix(const char *p, size_t n, int *www)
{
	*www = 0;
	if (n >= 8 && strncasecmp(p, "https://", 8) == 0)
		return 8;
	if (n >= 7 && strncasecmp(p, "http://", 7) == 0)
		return 7;
	if (n >= 4 && strncasecmp(p, "www.", 4) == 0) {
		*www = 1;
		return 4;
	}
	return 0;
}

/* Cut trailing punctuation and unbalanced closing brackets; one pass
 * to count the brackets, then one step back per byte cut. */
static size_t
linkify_trim(const char *p, size_t len, size_t min)
{
	size_t i, paren = 0, square = 0;
	char c;

	for (i = 0; i < len; i++) {
		paren += p[i] == ')' ? 1 : 0;
		square += p[i] == ']' ? 1 : 0;
	}
	for (i = 0; i < len; i++) {
		/* net closers: closing minus opening, never below 0 */
		if (p[i] == '(' && paren > 0)
			paren--;
		if (p[i] == '[' && square > 0)
			square--;
	}
	while (len > min) {
		c = p[len - 1];
		if (strchr(".,;:!?'*", c) != NULL)
			len--;
		else if (c == ')' && paren > 0) {
			paren--;
			len--;
		} else if (c == ']' && square > 0) {
			square--;
			len--;
		} else
			break;
	}
	return len;
}

/* The link at p[i..n), or 0 if none starts there. */
static size_t
linkify_at(const char *p, size_t n, size_t i, int *www)
{
	size_t k, end;

	if (i > 0 && linkify_word_byte((unsigned char)p[i - 1]))
		return 0;
	if ((k = linkify_prefix(p + i, n - i, www)) == 0)
		return 0;
	for (end = i + k; end < n && !linkify_stop((unsigned char)p[end]);
	    end++)
		;
	end = i + linkify_trim(p + i, end - i, k);
	return end > i + k ? end - i : 0;
}

static void
linkify_push(struct comments_span **v, size_t *nv, size_t off, size_t len,
    int link, int www)
{
	struct comments_span *s;

	if (len == 0)
		return;
	*v = xreallocarray(*v, *nv + 1, sizeof(**v));
	s = &(*v)[(*nv)++];
	s->off = off;
	s->len = len;
	s->link = link;
	s->www = www;
}

size_t
comments_linkify(const char *p, size_t n, struct comments_span **out)
{
	size_t i = 0, text = 0, nv = 0, len;
	int www;

	*out = NULL;
	while (i < n) {
		if ((len = linkify_at(p, n, i, &www)) == 0) {
			i++;
			continue;
		}
		linkify_push(out, &nv, text, i - text, 0, 0);
		linkify_push(out, &nv, i, len, 1, www);
		i += len;
		text = i;
	}
	linkify_push(out, &nv, text, n - text, 0, 0);
	return nv;
}
