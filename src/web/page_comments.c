/* page_comments.c - the comments area of the article page: heading,
 * notice, thread with permalinks and reply links, pager. The form is in
 * page_comments_form.c. */
#include "web/page_comments.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/timeutil.h"
#include "web/html.h"
#include "web/i18n.h"
#include "web/layout.h"

void
page_comments_view_init(struct comments_view *v)
{
	memset(v, 0, sizeof(*v));
	v->order = COMMENTS_OLDEST_FIRST;
	v->page = 1;
	v->notice = COMMENTS_MSG_NONE;
}

const char *
page_comments_lang(const struct request *rq)
{
	return i18n_lang(rq->ui);
}

void
page_comments_msg_plain(struct buf *b, const struct request *rq,
    enum comments_msg msg, int num)
{
	const char *s = comments_msg(msg, page_comments_lang(rq));
	const char *p = strstr(s, "%d");

	if (p == NULL) {
		buf_puts(b, s);
		return;
	}
	buf_put(b, s, (size_t)(p - s));
	buf_printf(b, "%d", num);
	buf_puts(b, p + 2);
}

void
page_comments_msg(struct buf *b, const struct request *rq,
    enum comments_msg msg, int num)
{
	struct buf t = BUF_INIT;

	page_comments_msg_plain(&t, rq, msg, num);
	html_text(b, t.ptr);
	buf_release(&t);
}

/* "?comments=newest&cpage=N&reply=R" with only what differs from the
 * defaults (unescaped; the caller escapes it as an attribute). */
static void
pc_query(struct buf *q, const struct comments_view *v, size_t page,
    int64_t reply)
{
	char sep = '?';

	if (v->order == COMMENTS_NEWEST_FIRST) {
		buf_puts(q, "?comments=newest");
		sep = '&';
	}
	if (page > 1) {
		buf_printf(q, "%ccpage=%zu", sep, page);
		sep = '&';
	}
	if (reply > 0)
		buf_printf(q, "%creply=%lld", sep, (long long)reply);
}

/* Text p[0..n) escaped, each line break as <br>. */
static void
pc_text(struct buf *b, const char *p, size_t n)
{
	struct buf t = BUF_INIT;
	size_t i, start = 0;

	for (i = 0; i <= n; i++) {
		if (i < n && p[i] != '\n')
			continue;
		buf_clear(&t);
		buf_put(&t, p + start, i - start);
		html_text(b, t.ptr);
		if (i < n)
			html_raw_trusted(b, "<br>\n");
		start = i + 1;
	}
	buf_release(&t);
}

/* The body: text spans escaped with <br>, URL spans as links. */
static void
pc_body(struct buf *b, const char *body)
{
	struct comments_span *sp = NULL;
	size_t n = strlen(body), k, i;
	struct buf u = BUF_INIT;

	k = comments_linkify(body, n, &sp);
	html_raw_trusted(b, "<div class=\"comment-body\"><p>");
	for (i = 0; i < k; i++) {
		if (!sp[i].link) {
			pc_text(b, body + sp[i].off, sp[i].len);
			continue;
		}
		buf_clear(&u);
		if (sp[i].www)
			buf_puts(&u, "https://");
		buf_put(&u, body + sp[i].off, sp[i].len);
		html_raw_trusted(b, "<a href=\"");
		html_url(b, u.ptr);
		html_raw_trusted(b, "\" rel=\"nofollow ugc noopener\">");
		pc_text(b, body + sp[i].off, sp[i].len);
		html_raw_trusted(b, "</a>");
	}
	html_raw_trusted(b, "</p></div>\n");
	buf_release(&u);
	free(sp);
}

static void
pc_meta(struct buf *b, const struct request *rq,
    const struct comment *c, const struct comments_view *v)
{
	struct buf q = BUF_INIT;
	char iso[21];

	html_raw_trusted(b, "<footer class=\"comment-meta\"><span "
	    "class=\"comment-author\">");
	if (c->website) {
		html_raw_trusted(b, "<a href=\"");
		html_url(b, c->website);
		html_raw_trusted(b, "\" rel=\"nofollow ugc noopener\">");
	}
	html_text(b, c->name ? c->name : "");
	html_raw_trusted(b, c->website ? "</a></span> " : "</span> ");
	pc_query(&q, v, v->page, 0);
	buf_printf(&q, "#comment-%lld", (long long)c->id);
	html_raw_trusted(b, "<a class=\"comment-permalink\" href=\"");
	html_attr(b, q.ptr);
	html_raw_trusted(b, "\"><time datetime=\"");
	time_format_iso(c->created, 1, iso);
	html_attr(b, iso);
	html_raw_trusted(b, "\">");
	i18n_datetime(rq->ui, c->created, b);
	html_raw_trusted(b, "</time></a></footer>\n");
	buf_release(&q);
}

static void
pc_reply_link(struct buf *b, const struct request *rq,
    const struct comment *c, const struct comments_view *v)
{
	struct buf q = BUF_INIT;

	pc_query(&q, v, v->page, c->id);
	buf_puts(&q, "#respond");
	html_raw_trusted(b, "<p class=\"comment-reply\"><a href=\"");
	html_attr(b, q.ptr);
	buf_printf(b, "\" data-reply=\"%lld\" data-reply-name=\"",
	    (long long)c->id);
	html_attr(b, c->name ? c->name : "");
	html_raw_trusted(b, "\">");
	page_comments_msg(b, rq, COMMENTS_MSG_REPLY, 0);
	html_raw_trusted(b, "<span class=\"visually-hidden\"> (");
	html_text(b, c->name ? c->name : "");
	html_raw_trusted(b, ")</span></a></p>\n");
	buf_release(&q);
}

/* <li><article id="comment-ID">…</article> without the closing </li>
 * (replies nest inside it). */
static void
pc_item_open(struct buf *b, const struct request *rq,
    const struct comment *c, const struct comments_view *v)
{
	buf_printf(b, "<li><article id=\"comment-%lld\" class=\"comment\">\n",
	    (long long)c->id);
	pc_meta(b, rq, c, v);
	pc_body(b, c->body ? c->body : "");
	pc_reply_link(b, rq, c, v);
	html_raw_trusted(b, "</article>");
}

void
page_comments_item(struct buf *b, const struct request *rq,
    const struct comment *c, const struct comments_view *v)
{
	pc_item_open(b, rq, c, v);
	html_raw_trusted(b, "</li>\n");
}

/* The thread as nested lists: top-level <li>s, each with an <ol> of
 * the replies drawn one level in. */
static void
pc_list(struct buf *b, const struct request *rq,
    const struct comment_list *l, const struct comments_view *v)
{
	int open_top = 0, open_replies = 0;
	size_t i;

	buf_printf(b, "<ol class=\"comment-list\" data-order=\"%s\">\n",
	    v->order == COMMENTS_NEWEST_FIRST ? "newest" : "oldest");
	for (i = 0; i < l->n; i++) {
		if (comments_display_depth(&l->v[i]) > 0 && open_top) {
			if (!open_replies)
				html_raw_trusted(b, "\n<ol class=\"replies\">\n");
			open_replies = 1;
			page_comments_item(b, rq, &l->v[i], v);
			continue;
		}
		if (open_replies)
			html_raw_trusted(b, "</ol>");
		if (open_top)
			html_raw_trusted(b, "</li>\n");
		pc_item_open(b, rq, &l->v[i], v);
		open_top = 1;
		open_replies = 0;
	}
	if (open_replies)
		html_raw_trusted(b, "</ol>");
	if (open_top)
		html_raw_trusted(b, "</li>\n");
	html_raw_trusted(b, "</ol>\n");
}

static void
pc_order_links(struct buf *b, const struct request *rq,
    const struct comments_view *v)
{
	int newest = v->order == COMMENTS_NEWEST_FIRST;

	html_raw_trusted(b, "<p class=\"comment-order\">");
	html_raw_trusted(b, newest ? "<a href=\"?#comments\">" :
	    "<strong aria-current=\"true\">");
	html_text(b, layout_tr(rq, "Oldest first"));
	html_raw_trusted(b, newest ? "</a> · <strong aria-current=\"true\">" :
	    "</strong> · <a href=\"?comments=newest#comments\">");
	html_text(b, layout_tr(rq, "Newest first"));
	html_raw_trusted(b, newest ? "</strong></p>\n" : "</a></p>\n");
}

static void
pc_pager(struct buf *b, const struct request *rq,
    const struct comments_page *pg, const struct comments_view *v)
{
	struct buf q = BUF_INIT;
	size_t p;

	if (pg->pages <= 1)
		return;
	html_raw_trusted(b, "<nav class=\"pager\" aria-label=\"");
	html_attr(b, layout_tr(rq, "Comment pages"));
	html_raw_trusted(b, "\"><ul>\n");
	for (p = 1; p <= pg->pages; p++) {
		if (p == pg->page) {
			buf_printf(b, "<li><span aria-current=\"page\">%zu"
			    "</span></li>\n", p);
			continue;
		}
		buf_clear(&q);
		pc_query(&q, v, p, 0);
		buf_puts(&q, q.len ? "#comments" : "?#comments");
		html_raw_trusted(b, "<li><a href=\"");
		html_attr(b, q.ptr);
		buf_printf(b, "\">%zu</a></li>\n", p);
	}
	html_raw_trusted(b, "</ul></nav>\n");
	buf_release(&q);
}

/* Thread, order links and pager; "" with a line when the store fails. */
static void
pc_thread_html(struct buf *b, const struct request *rq,
    const struct article *a, const struct comments_view *v)
{
	struct comments_page pg;
	struct nd_error err;

	memset(&pg, 0, sizeof(pg));
	if (comments_thread(rq->store, a->id, v->order, v->page,
	    PAGE_COMMENTS_PER_PAGE, &pg, &err) != ND_OK) {
		html_raw_trusted(b, "<p>");
		html_text(b, layout_tr(rq, "Comments cannot be shown just now."));
		html_raw_trusted(b, "</p>\n");
		return;
	}
	if (pg.top_total > 1)
		pc_order_links(b, rq, v);
	if (pg.items.n > 0 || pg.top_total == 0)
		pc_list(b, rq, &pg.items, v);
	pc_pager(b, rq, &pg, v);
	comments_page_release(&pg);
}

void
page_comments(struct buf *b, const struct request *rq,
    const struct article *a, const struct comments_view *v)
{
	struct buf n = BUF_INIT;

	html_raw_trusted(b, "<section id=\"comments\" class=\"comments\" "
	    "aria-labelledby=\"comments-title\">\n<h2 id=\"comments-title\">");
	i18n_number(rq->ui, a->comment_count, &n);
	layout_trf(b, rq, "Comments (%s)", n.ptr);
	html_raw_trusted(b, "</h2>\n");
	if (v->notice != COMMENTS_MSG_NONE) {
		html_raw_trusted(b, "<p class=\"notice\" role=\"status\">");
		page_comments_msg(b, rq, v->notice, 0);
		html_raw_trusted(b, "</p>\n");
	}
	pc_thread_html(b, rq, a, v);
	page_comments_form(b, rq, a, v);
	html_raw_trusted(b, "</section>\n");
	buf_release(&n);
}
