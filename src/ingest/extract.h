/* extract.h - turn one page (HTML or flattened text) into an article.
 *
 * Both extractors take (pointer, length), never rely on a NUL, are bounded
 * by the limits in struct extract_opts, and never look at the network.
 * On success *out is a new article the caller frees with article_free().
 * On failure *out is NULL and err names what was wrong.
 */
#ifndef ND_EXTRACT_H
#define ND_EXTRACT_H

#include <stddef.h>
#include <stdint.h>

#include "store/article.h"
#include "util/err.h"

#define EXTRACT_MAX_BYTES	(16u << 20)	/* default input cap */
#define EXTRACT_MAX_DEPTH	512		/* element nesting kept */
#define EXTRACT_MAX_NODES	400000		/* elements looked at */

struct extract_opts {
	const char *url;	/* page address, for relative links; may be NULL */
	const char *name;	/* input name for messages ("page.html") */
	size_t max_bytes;	/* 0: EXTRACT_MAX_BYTES */
};

/* HTML page -> article (headline, standfirst, byline, dateline, dates,
 * lead image, body paragraphs, credits, lang, canonical url, source). */
enum nd_err extract_html(const char *html, size_t len,
    const struct extract_opts *opts, struct article **out,
    struct nd_error *err);

/* Flattened page text (markup already stripped) -> article. */
enum nd_err extract_text(const char *text, size_t len,
    const struct extract_opts *opts, struct article **out,
    struct nd_error *err);

#define EXTRACT_DATE_MAX	200	/* bytes of a line extract_text_date reads */

/* The first date written out in the short line s[0..n) (at most
 * EXTRACT_DATE_MAX bytes; "21 June 2026, 18:05", "11. Oktober 2026",
 * "16 de agosto de 2026", "2026-06-21"; numeric d/m/y when dayfirst)
 * into *t, midnight UTC of that day. Returns 1 if one was found, else 0.
 * s must be valid UTF-8. */
int extract_text_date(const char *s, size_t n, int dayfirst, int64_t *t);

#endif
