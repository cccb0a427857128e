/* page_home.c - "/": the latest stories, near-duplicates grouped. */
#include "web/pages.h"

#include "web/html.h"
#include "web/layout.h"

#define HOME_FETCH	150	/* articles read to fill the groups */
#define HOME_STORIES	40

void
page_home(const struct request *rq, struct response *r)
{
	struct article_query q = {NULL, 0, 0, HOME_FETCH, 0};
	struct article_list l = ARTICLE_LIST_INIT;
	struct topic_list topics = {NULL, 0};
	struct nd_error err;

	if (store_article_list(rq->store, &q, &l, &err) != ND_OK ||
	    store_topic_list(rq->store, &topics, &err) != ND_OK) {
		page_error(rq, r, 503, "The store is not answering");
		goto out;
	}
	layout_head(&r->body, rq, layout_tr(rq, "Latest news"), NULL,
	    &topics);
	html_raw_trusted(&r->body, "<h1>");
	html_text(&r->body, layout_tr(rq, "Latest news"));
	html_raw_trusted(&r->body, "</h1>\n");
	layout_story_list(&r->body, rq, &l, HOME_STORIES);
	layout_foot(&r->body, rq);
	r->etag = 1;
out:
	article_list_release(&l);
	topic_list_release(&topics);
}
