/* page_topic.c - "/topics/SLUG": latest on the topic, its follow box
 * and a link to its feed. */
#include "web/pages.h"

#include "web/html.h"
#include "web/layout.h"

#define TOPIC_FETCH	100
#define TOPIC_STORIES	30

static void
topic_render(struct buf *b, const struct request *rq, const struct topic *t,
    const struct article_list *l, const struct topic_list *topics)
{
	layout_head(b, rq, t->name, NULL, topics);
	html_raw_trusted(b, "<h1>");
	html_text(b, t->name);
	html_raw_trusted(b, "</h1>\n<p class=\"feed\"><a href=\"/topics/");
	html_attr(b, t->slug);
	html_raw_trusted(b, "/feed.atom\">");
	layout_trf(b, rq, "Atom feed for %s", t->name);
	html_raw_trusted(b, "</a></p>\n");
	layout_story_list(b, rq, l, TOPIC_STORIES);
	layout_follow_box(b, rq, t);
	layout_foot(b, rq);
}

void
page_topic(const struct request *rq, struct response *r)
{
	struct topic t = {0, NULL, NULL, NULL};
	struct topic_list topics = {NULL, 0};
	struct article_list l = ARTICLE_LIST_INIT;
	struct article_query q = {rq->param, 0, 0, TOPIC_FETCH, 0};
	struct nd_error err;
	enum nd_err e;

	e = store_topic_get(rq->store, rq->param, &t, &err);
	if (e == ND_OK)
		e = store_topic_list(rq->store, &topics, &err);
	if (e == ND_OK)
		e = store_article_list(rq->store, &q, &l, &err);
	if (e != ND_OK) {
		page_error(rq, r, e == ND_ENOTFOUND ? 404 : 503,
		    e == ND_ENOTFOUND ? "No such topic" :
		    "The store is not answering");
		goto out;
	}
	topic_render(&r->body, rq, &t, &l, &topics);
	r->etag = 1;
out:
	topic_release(&t);
	topic_list_release(&topics);
	article_list_release(&l);
}
