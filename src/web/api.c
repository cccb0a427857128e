/* api.c - the read-only JSON API under /api/v1/: articles in the
 * article JSON shape of the core (article_to_json, full form), topics,
 * search. Lists are paged by ?page= (API_PER_PAGE a page) and say
 * whether a next page exists. */
#include "web/pages.h"

#include <stdlib.h>

#include <jansson.h>

#include "util/strlist.h"
#include "web/layout.h"

#define API_PER_PAGE	20

/* Send j (stolen) as the response body. */
static void
api_send(struct response *r, json_t *j)
{
	response_json(r, j, JSON_COMPACT | JSON_ENSURE_ASCII);
	r->etag = 1;
}

/* {"articles":[...], "page":N, "next":PATH|null}; l holds up to
 * API_PER_PAGE + 1 articles (the extra one says there is more). */
static json_t *
api_list(const struct request *rq, const struct article_list *l,
    int64_t page)
{
	json_t *arr = json_array(), *j;
	struct buf next = BUF_INIT;
	size_t i;

	for (i = 0; i < l->n && i < API_PER_PAGE; i++)
		json_array_append_new(arr, article_to_json(l->v[i], 1));
	j = json_pack("{s:o, s:I}", "articles", arr, "page", (json_int_t)page);
	if (l->n > API_PER_PAGE) {
		buf_printf(&next, "%s?page=%lld", rq->path,
		    (long long)page + 1);
		json_object_set_new(j, "next", json_string(next.ptr));
	} else
		json_object_set_new(j, "next", json_null());
	buf_release(&next);
	return j;
}

static void
api_query(const struct request *rq, struct response *r, const char *topic,
    int64_t page)
{
	struct article_query q = {topic, 0, 0, API_PER_PAGE + 1,
	    (size_t)page * API_PER_PAGE};
	struct article_list l = ARTICLE_LIST_INIT;
	struct nd_error err;

	if (store_article_list(rq->store, &q, &l, &err) != ND_OK) {
		page_error(rq, r, 503, "The store is not answering");
		return;
	}
	api_send(r, api_list(rq, &l, page));
	article_list_release(&l);
}

void
api_articles(const struct request *rq, struct response *r)
{
	api_query(rq, r, NULL, rq->num[0]);
}

void
api_article(const struct request *rq, struct response *r)
{
	struct article *a = NULL;
	struct nd_error err;
	enum nd_err e = store_article_get(rq->store, rq->id, &a, &err);

	if (e != ND_OK) {
		page_error(rq, r, e == ND_ENOTFOUND ? 404 : 503,
		    e == ND_ENOTFOUND ? "No such article" :
		    "The store is not answering");
		return;
	}
	api_send(r, article_to_json(a, 1));
	article_free(a);
}

void
api_topics(const struct request *rq, struct response *r)
{
	struct topic_list l = {NULL, 0};
	struct nd_error err;
	json_t *arr;
	size_t i;

	if (store_topic_list(rq->store, &l, &err) != ND_OK) {
		page_error(rq, r, 503, "The store is not answering");
		return;
	}
	arr = json_array();
	for (i = 0; i < l.n; i++) {
		struct buf p = BUF_INIT;

		buf_printf(&p, "/topics/%s", l.v[i].slug);
		json_array_append_new(arr, json_pack("{s:s, s:s, s:s, s:s+}",
		    "slug", l.v[i].slug, "name", l.v[i].name, "url", p.ptr,
		    "feed", p.ptr, "/feed.atom"));
		buf_release(&p);
	}
	api_send(r, json_pack("{s:o}", "topics", arr));
	topic_list_release(&l);
}

void
api_topic_articles(const struct request *rq, struct response *r)
{
	struct topic t = {0, NULL, NULL, NULL};
	struct nd_error err;
	enum nd_err e = store_topic_get(rq->store, rq->param, &t, &err);

	if (e != ND_OK) {
		page_error(rq, r, e == ND_ENOTFOUND ? 404 : 503,
		    e == ND_ENOTFOUND ? "No such topic" :
		    "The store is not answering");
		return;
	}
	topic_release(&t);
	api_query(rq, r, rq->param, rq->num[0]);
}

void
api_search(const struct request *rq, struct response *r)
{
	struct article_list l = ARTICLE_LIST_INIT;
	struct nd_error err;
	int64_t page = rq->num[1];
	json_t *j;

	if (store_article_search(rq->store, rq->field[0], API_PER_PAGE + 1,
	    (size_t)page * API_PER_PAGE, &l, &err) != ND_OK) {
		page_error(rq, r, 503, "The store is not answering");
		return;
	}
	j = api_list(rq, &l, page);
	json_object_set_new(j, "query", json_string(rq->field[0]));
	if (l.n > API_PER_PAGE) {
		struct buf next = BUF_INIT;

		buf_printf(&next, "/api/v1/search?q=");
		layout_urlencode(&next, rq->field[0]);
		buf_printf(&next, "&page=%lld", (long long)page + 1);
		json_object_set_new(j, "next", json_string(next.ptr));
		buf_release(&next);
	}
	api_send(r, j);
	article_list_release(&l);
}
