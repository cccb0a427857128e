/* ingest.h - read one input (file, "-" or URL), tell its kind and turn it
 * into articles. Nothing here touches the store: cmd_ingest stores what
 * ingest_read returns, one transaction per article.
 */
#ifndef ND_INGEST_H
#define ND_INGEST_H

#include <stddef.h>

#include "ingest/fetch.h"
#include "store/article.h"
#include "util/err.h"

enum ingest_format {
	INGEST_AUTO,
	INGEST_HTML,
	INGEST_TEXT,
	INGEST_FEED,
};

struct ingest_opts {
	enum ingest_format format;
	const char *url;	/* --url: the address a FILE input came from */
	int no_fetch;		/* do not fetch pages of summary-only entries */
	size_t max_bytes;	/* 0: 16 MiB */
	struct fetch_opts fetch;
	/* Called with a warning that did not stop the input (a linked page
	 * that could not be fetched); may be NULL. */
	void (*warn)(const char *msg, void *arg);
	void *warn_arg;
};

/* Parse "auto", "html", "text" or "feed"; -1 if none of these. */
int ingest_format_parse(const char *s);

/* Guess the kind of p[0..n): a feed, an HTML page, or plain text. */
enum ingest_format ingest_sniff(const char *p, size_t n);

/* Read input and append its article(s) to out, each with derived fields
 * filled (classify_derive). *is_feed tells whether the input was a feed.
 * On error nothing is appended and err names the input. */
enum nd_err ingest_read(const char *input, const struct ingest_opts *opts,
    struct article_list *out, int *is_feed, struct nd_error *err);

#endif
