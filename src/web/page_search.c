/* page_search.c - "/search?q=&page=": full-text search with
 * highlighted excerpts and paging. */
#include "web/pages.h"

#include <string.h>

#include "util/strlist.h"
#include "web/html.h"
#include "web/i18n.h"
#include "web/layout.h"

#define SEARCH_PER_PAGE	10

/* Escaped snippet text with the store's markers turned into <mark>;
 * marks are always balanced. */
static void
search_snippet(struct buf *b, const char *s)
{
	struct buf piece = BUF_INIT;
	int open = 0;

	for (; *s; s++) {
		if (*s != STORE_MARK_OPEN[0] && *s != STORE_MARK_CLOSE[0]) {
			buf_putc(&piece, *s);
			continue;
		}
		html_text(b, piece.ptr);
		buf_clear(&piece);
		if (*s == STORE_MARK_OPEN[0] && !open)
			html_raw_trusted(b, "<mark>");
		else if (*s == STORE_MARK_CLOSE[0] && open)
			html_raw_trusted(b, "</mark>");
		else
			continue;
		open = !open;
	}
	html_text(b, piece.ptr);
	if (open)
		html_raw_trusted(b, "</mark>");
	buf_release(&piece);
}

static void
search_pager(struct buf *b, const struct request *rq, const char *q,
    int64_t page, int more)
{
	if (page == 0 && !more)
		return;
	html_raw_trusted(b, "<nav class=\"pager\" aria-label=\"");
	html_attr(b, layout_tr(rq, "Result pages"));
	html_raw_trusted(b, "\">");
	if (page > 0) {
		struct buf u = BUF_INIT;

		buf_puts(&u, "/search?q=");
		layout_urlencode(&u, q);
		buf_printf(&u, "&page=%lld", (long long)page - 1);
		html_raw_trusted(b, "<a rel=\"prev\" href=\"");
		html_url(b, u.ptr);
		html_raw_trusted(b, "\">");
		html_text(b, layout_tr(rq, "Previous"));
		html_raw_trusted(b, "</a> ");
		buf_release(&u);
	}
	if (more) {
		struct buf u = BUF_INIT;

		buf_puts(&u, "/search?q=");
		layout_urlencode(&u, q);
		buf_printf(&u, "&page=%lld", (long long)page + 1);
		html_raw_trusted(b, "<a rel=\"next\" href=\"");
		html_url(b, u.ptr);
		html_raw_trusted(b, "\">");
		html_text(b, layout_tr(rq, "Next"));
		html_raw_trusted(b, "</a>");
		buf_release(&u);
	}
	html_raw_trusted(b, "</nav>\n");
}

static void
search_results(struct buf *b, const struct request *rq,
    const struct article_list *l, const struct strlist *snip, size_t n)
{
	size_t i;

	if (n == 0) {
		html_raw_trusted(b, "<p>");
		html_text(b, layout_tr(rq, "Nothing found."));
		html_raw_trusted(b, "</p>\n");
		return;
	}
	html_raw_trusted(b, "<ol class=\"results\">\n");
	for (i = 0; i < n; i++) {
		html_raw_trusted(b, "<li><h2><a href=\"");
		layout_article_path(b, l->v[i]);
		html_raw_trusted(b, "\">");
		html_text(b, l->v[i]->headline ? l->v[i]->headline : "");
		html_raw_trusted(b, "</a></h2>\n<p class=\"snippet\">");
		if (i < snip->n)
			search_snippet(b, snip->v[i]);
		html_raw_trusted(b, "</p>\n<p class=\"meta\">");
		html_text(b, l->v[i]->source);
		html_raw_trusted(b, " ");
		layout_date(b, rq, l->v[i]);
		html_raw_trusted(b, "</p></li>\n");
	}
	html_raw_trusted(b, "</ol>\n");
}

void
page_search(const struct request *rq, struct response *r)
{
	const char *q = rq->field[0] ? rq->field[0] : "";
	int64_t page = rq->num[1];
	struct article_list l = ARTICLE_LIST_INIT;
	struct strlist snip = STRLIST_INIT;
	struct topic_list topics = {NULL, 0};
	struct nd_error err;
	size_t n;

	if (store_topic_list(rq->store, &topics, &err) != ND_OK ||
	    (*q && store_article_snippets(rq->store, q, SEARCH_PER_PAGE + 1,
	    (size_t)page * SEARCH_PER_PAGE, &l, &snip, &err) != ND_OK)) {
		page_error(rq, r, 503, "The store is not answering");
		goto out;
	}
	n = l.n > SEARCH_PER_PAGE ? SEARCH_PER_PAGE : l.n;
	layout_head(&r->body, rq, layout_tr(rq, "Search"), NULL, &topics);
	html_raw_trusted(&r->body, "<h1>");
	if (*q)
		layout_trf(&r->body, rq, "Search results for “%s”", q);
	else
		html_text(&r->body, layout_tr(rq, "Search"));
	html_raw_trusted(&r->body, "</h1>\n");
	if (*q)
		search_results(&r->body, rq, &l, &snip, n);
	search_pager(&r->body, rq, q, page, l.n > SEARCH_PER_PAGE);
	layout_foot(&r->body, rq);
	r->etag = 1;
out:
	article_list_release(&l);
	strlist_release(&snip);
	topic_list_release(&topics);
}
