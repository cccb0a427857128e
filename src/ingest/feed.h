/* feed.h - RSS 2.0 and Atom 1.0 feeds (libxml2, no network, no DTDs).
 *
 * Each entry becomes an article: link -> url, title -> headline,
 * description/summary -> standfirst, content:encoded/atom content -> body
 * (HTML reduced to paragraphs), author/dc:creator -> byline,
 * pubDate/published/updated/dc:date -> dates, media/enclosure image ->
 * image, category -> section, xml:lang/language -> lang.
 */
#ifndef ND_FEED_H
#define ND_FEED_H

#include <stddef.h>

#include "store/article.h"
#include "util/err.h"

#define FEED_MAX_BYTES		(32u << 20)
#define FEED_MAX_ENTRIES	10000

struct feed_entry {
	struct article *art;	/* owned */
	int summary_only;	/* 1: no full text; fetch art->url for it */
};

struct feed {
	char *title;		/* channel/feed title, may be NULL */
	char *link;		/* site link, may be NULL */
	struct feed_entry *entries;
	size_t n;
};

/* 1 if p[0..n) looks like an RSS or Atom document (root element rss,
 * rdf:RDF or feed), else 0. Cheap: looks at the first few KiB only. */
int feed_sniff(const char *p, size_t n);

/* Parse a feed. base_url resolves relative links (may be NULL); name is
 * for messages. HTML given as a feed fails with ND_EFORMAT. On success
 * fills *out (free with feed_release). */
enum nd_err feed_parse(const char *p, size_t n, const char *base_url,
    const char *name, struct feed *out, struct nd_error *err);

void feed_release(struct feed *f);

#endif
