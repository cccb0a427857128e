/* feed_atom.c - Atom 1.0 feeds: "/feed.atom" (everything) and
 * "/topics/SLUG/feed.atom". XML text goes through html_text (which
 * escapes the five XML specials and drops control characters XML 1.0
 * does not allow); the server adds ETag/Last-Modified and answers 304. */
#include "web/pages.h"

#include "util/timeutil.h"
#include "web/html.h"
#include "web/layout.h"

#define FEED_ENTRIES	50

static int64_t
feed_stamp(const struct article *a)
{
	return a->updated > a->published ? a->updated : a->published;
}

static void
feed_time(struct buf *b, const char *tag, int64_t t)
{
	char iso[21];

	time_format_iso(t, 1, iso);
	buf_printf(b, "<%s>%s</%s>\n", tag, iso, tag);
}

static void
feed_entry(struct buf *b, const struct request *rq, const struct article *a)
{
	struct buf url = BUF_INIT;
	size_t i;

	buf_puts(&url, rq->base);
	layout_article_path(&url, a);
	html_raw_trusted(b, "<entry>\n<id>");
	buf_printf(b, "%s/articles/%lld", rq->base, (long long)a->id);
	html_raw_trusted(b, "</id>\n<title>");
	html_text(b, a->headline ? a->headline : "(untitled)");
	html_raw_trusted(b, "</title>\n<link rel=\"alternate\" "
	    "type=\"text/html\" href=\"");
	html_attr(b, url.ptr);
	html_raw_trusted(b, "\"/>\n");
	feed_time(b, "updated", feed_stamp(a));
	if (a->published)
		feed_time(b, "published", a->published);
	for (i = 0; i < a->byline.n; i++) {
		html_raw_trusted(b, "<author><name>");
		html_text(b, a->byline.v[i]);
		html_raw_trusted(b, "</name></author>\n");
	}
	for (i = 0; i < a->topics.n; i++) {
		html_raw_trusted(b, "<category term=\"");
		html_attr(b, a->topics.v[i]);
		html_raw_trusted(b, "\"/>\n");
	}
	if (a->standfirst) {
		html_raw_trusted(b, "<summary>");
		html_text(b, a->standfirst);
		html_raw_trusted(b, "</summary>\n");
	}
	html_raw_trusted(b, "</entry>\n");
	buf_release(&url);
}

/* The feed of l; self is the feed's path, title its title. */
static void
feed_render(const struct request *rq, struct response *r, const char *self,
    const char *alt, const char *title, const struct article_list *l)
{
	struct buf *b = &r->body;
	int64_t newest = 0;
	size_t i;

	for (i = 0; i < l->n; i++)
		if (feed_stamp(l->v[i]) > newest)
			newest = feed_stamp(l->v[i]);
	html_raw_trusted(b, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
	    "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n<id>");
	html_text(b, rq->base);
	html_text(b, self);
	html_raw_trusted(b, "</id>\n<title>");
	html_text(b, title);
	html_raw_trusted(b, "</title>\n<link rel=\"self\" "
	    "type=\"application/atom+xml\" href=\"");
	html_attr(b, rq->base);
	html_attr(b, self);
	html_raw_trusted(b, "\"/>\n<link rel=\"alternate\" type=\"text/html\" "
	    "href=\"");
	html_attr(b, rq->base);
	html_attr(b, alt);
	html_raw_trusted(b, "\"/>\n<author><name>newsdesk</name></author>\n");
	feed_time(b, "updated", newest);
	for (i = 0; i < l->n; i++)
		feed_entry(b, rq, l->v[i]);
	html_raw_trusted(b, "</feed>\n");
	r->content_type = "application/atom+xml; charset=utf-8";
	r->last_modified = newest;
	r->etag = 1;
}

void
feed_atom_all(const struct request *rq, struct response *r)
{
	struct article_query q = {NULL, 0, 0, FEED_ENTRIES, 0};
	struct article_list l = ARTICLE_LIST_INIT;
	struct nd_error err;

	if (store_article_list(rq->store, &q, &l, &err) != ND_OK) {
		page_error(rq, r, 503, "The store is not answering");
		return;
	}
	feed_render(rq, r, "/feed.atom", "/", "newsdesk", &l);
	article_list_release(&l);
}

void
feed_atom_topic(const struct request *rq, struct response *r)
{
	struct article_query q = {rq->param, 0, 0, FEED_ENTRIES, 0};
	struct article_list l = ARTICLE_LIST_INIT;
	struct topic t = {0, NULL, NULL, NULL};
	struct buf self = BUF_INIT, alt = BUF_INIT, title = BUF_INIT;
	struct nd_error err;
	enum nd_err e;

	e = store_topic_get(rq->store, rq->param, &t, &err);
	if (e == ND_OK)
		e = store_article_list(rq->store, &q, &l, &err);
	if (e != ND_OK) {
		page_error(rq, r, e == ND_ENOTFOUND ? 404 : 503,
		    e == ND_ENOTFOUND ? "No such topic" :
		    "The store is not answering");
		goto out;
	}
	buf_printf(&self, "/topics/%s/feed.atom", t.slug);
	buf_printf(&alt, "/topics/%s", t.slug);
	buf_printf(&title, "newsdesk: %s", t.name);
	feed_render(rq, r, self.ptr, alt.ptr, title.ptr, &l);
out:
	buf_release(&self);
	buf_release(&alt);
	buf_release(&title);
	topic_release(&t);
	article_list_release(&l);
}
