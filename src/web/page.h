/* page.h - the pages of the site. Each fills a response; the server
 * sends it. Pages borrow the store for the call only. */
#ifndef ND_PAGE_H
#define ND_PAGE_H

#include <stdint.h>

#include "store/store.h"
#include "util/buf.h"

struct page_response {
	unsigned status;
	const char *content_type;	/* static string */
	struct buf body;
};

void page_response_init(struct page_response *r);
void page_response_release(struct page_response *r);

/* "/": the latest articles. */
void page_home(struct store *s, struct page_response *r);
/* "/articles/ID": one article, or 404. */
void page_article(struct store *s, int64_t id, struct page_response *r);
/* A short error page with the given status and message. */
void page_error(struct page_response *r, unsigned status, const char *title);
/* "/site.css". */
void page_css(struct page_response *r);

#endif
