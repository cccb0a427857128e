/* page_article.c - "/articles/ID[-slug]": one article with its topic
 * label, byline, localized date, share/save/print tools, lead image,
 * body with a "Recommended" story after the third paragraph, credits,
 * a follow box per topic and the comments area (page_comments.c). */
#include "web/pages.h"

#include <string.h>

#include "web/account.h"
#include "web/html.h"
#include "web/i18n.h"
#include "web/layout.h"
#include "web/page_comments.h"

#define ARTICLE_RECOMMEND_AFTER	3	/* paragraphs */
#define ARTICLE_RECOMMEND_SCAN	20	/* candidates read per topic */

static void
article_kicker(struct buf *b, const struct article *a,
    const struct topic_list *topics)
{
	if (a->topics.n == 0 && a->section == NULL)
		return;
	html_raw_trusted(b, "<p class=\"kicker\">");
	if (a->topics.n) {
		html_raw_trusted(b, "<a href=\"/topics/");
		html_attr(b, a->topics.v[0]);
		html_raw_trusted(b, "\">");
		html_text(b, layout_topic_name(topics, a->topics.v[0]));
		html_raw_trusted(b, "</a>");
	} else
		html_text(b, a->section);
	html_raw_trusted(b, "</p>\n");
}

static void
article_byline(struct buf *b, const struct request *rq,
    const struct article *a)
{
	size_t i;

	if (a->byline.n == 0 && a->dateline == NULL)
		return;
	html_raw_trusted(b, "<p class=\"byline\">");
	for (i = 0; i < a->byline.n; i++) {
		if (i == 0)
			html_text(b, layout_tr(rq, "By"));
		html_raw_trusted(b, i == 0 ? " " : i + 1 == a->byline.n ?
		    " " : ", ");
		if (i > 0 && i + 1 == a->byline.n) {
			html_text(b, layout_tr(rq, "and"));
			html_raw_trusted(b, " ");
		}
		html_raw_trusted(b, "<span class=\"author\">");
		html_text(b, a->byline.v[i]);
		html_raw_trusted(b, "</span>");
	}
	if (a->dateline) {
		html_raw_trusted(b, a->byline.n ? ", " : "");
		html_raw_trusted(b, "<span class=\"dateline\">");
		html_text(b, a->dateline);
		html_raw_trusted(b, "</span>");
	}
	html_raw_trusted(b, "</p>\n");
}

static void
article_meta(struct buf *b, const struct request *rq,
    const struct article *a)
{
	struct buf n = BUF_INIT;

	html_raw_trusted(b, "<p class=\"meta\">");
	layout_date(b, rq, a);
	html_raw_trusted(b, a->published ? " · " : "");
	html_raw_trusted(b, "<a class=\"comment-count\" href=\"#comments\">");
	i18n_number(rq->ui, a->comment_count, &n);
	layout_trf(b, rq, a->comment_count == 1 ? "%s comment" :
	    "%s comments", n.ptr);
	html_raw_trusted(b, "</a></p>\n");
	buf_release(&n);
}

/* One share link: base + encoded url (+ text), new window. */
static void
article_share(struct buf *b, const struct request *rq, const char *name,
    const char *base, const char *url, const char *text)
{
	struct buf u = BUF_INIT;

	buf_puts(&u, base);
	layout_urlencode(&u, url);
	if (text) {
		buf_puts(&u, "&text=");
		layout_urlencode(&u, text);
	}
	html_raw_trusted(b, "<li><a href=\"");
	html_url(b, u.ptr);
	html_raw_trusted(b, "\" target=\"_blank\" rel=\"noopener\">");
	html_text(b, name);
	html_raw_trusted(b, "<span class=\"visually-hidden\"> ");
	html_text(b, layout_tr(rq, "(opens new window)"));
	html_raw_trusted(b, "</span></a></li>\n");
	buf_release(&u);
}

static void
article_tools(struct buf *b, const struct request *rq,
    const struct article *a)
{
	struct buf self = BUF_INIT;

	buf_puts(&self, rq->base);
	layout_article_path(&self, a);
	html_raw_trusted(b, "<div class=\"tools\">\n<ul class=\"share\" "
	    "aria-label=\"");
	html_attr(b, layout_tr(rq, "Share"));
	html_raw_trusted(b, "\">\n");
	article_share(b, rq, "X (Twitter)",
	    "https://twitter.com/intent/tweet?url=", self.ptr, a->headline);
	article_share(b, rq, "Facebook",
	    "https://www.facebook.com/sharer/sharer.php?u=", self.ptr, NULL);
	article_share(b, rq, "LinkedIn",
	    "https://www.linkedin.com/sharing/share-offsite/?url=", self.ptr,
	    NULL);
	html_raw_trusted(b, "</ul>\n");
	account_save_form(b, rq, a->id, 0);
	html_raw_trusted(b, "<button type=\"button\" "
	    "class=\"print\" data-print hidden>");
	html_text(b, layout_tr(rq, "Print this page"));
	html_raw_trusted(b, "</button>\n</div>\n");
	buf_release(&self);
}

static void
article_image(struct buf *b, const struct article *a)
{
	if (a->image_url == NULL)
		return;
	html_raw_trusted(b, "<figure class=\"lead\"><img src=\"");
	html_url(b, a->image_url);
	html_raw_trusted(b, "\" alt=\"");
	html_attr(b, a->image_caption ? a->image_caption :
	    a->headline ? a->headline : "");
	html_raw_trusted(b, "\" width=\"1200\" height=\"675\">");
	if (a->image_caption || a->image_credit) {
		html_raw_trusted(b, "<figcaption>");
		html_text(b, a->image_caption);
		if (a->image_credit) {
			html_raw_trusted(b, a->image_caption ? " " : "");
			html_raw_trusted(b, "<span class=\"credit\">");
			html_text(b, a->image_credit);
			html_raw_trusted(b, "</span>");
		}
		html_raw_trusted(b, "</figcaption>");
	}
	html_raw_trusted(b, "</figure>\n");
}

/* Another story on one of a's topics, newest first; NULL if none.
 * The caller frees the result. */
static struct article *
article_recommend(const struct request *rq, const struct article *a)
{
	struct article_list l = ARTICLE_LIST_INIT;
	struct article *pick = NULL;
	struct nd_error err;
	size_t t, i;

	for (t = 0; t < a->topics.n && pick == NULL; t++) {
		struct article_query q = {a->topics.v[t], 0, 0,
		    ARTICLE_RECOMMEND_SCAN, 0};

		if (store_article_list(rq->store, &q, &l, &err) != ND_OK)
			break;
		for (i = 0; i < l.n && pick == NULL; i++)
			if (l.v[i]->id != a->id &&
			    l.v[i]->story_id != a->story_id) {
				pick = l.v[i];
				l.v[i] = NULL;
			}
		for (i = 0; i < l.n; i++)
			article_free(l.v[i]);
		l.n = 0;
	}
	article_list_release(&l);
	return pick;
}

static void
article_recommended(struct buf *b, const struct request *rq,
    const struct article *rec)
{
	html_raw_trusted(b, "<aside class=\"recommended\" aria-labelledby="
	    "\"recommended\">\n<h2 id=\"recommended\">");
	html_text(b, layout_tr(rq, "Recommended"));
	html_raw_trusted(b, "</h2>\n<p><a href=\"");
	layout_article_path(b, rec);
	html_raw_trusted(b, "\">");
	html_text(b, rec->headline ? rec->headline : "");
	html_raw_trusted(b, "</a></p>\n</aside>\n");
}

static void
article_body(struct buf *b, const struct request *rq,
    const struct article *a)
{
	struct article *rec = article_recommend(rq, a);
	size_t i;

	html_raw_trusted(b, "<div class=\"body\">\n");
	for (i = 0; i < a->body.n; i++) {
		html_raw_trusted(b, "<p>");
		html_text(b, a->body.v[i]);
		html_raw_trusted(b, "</p>\n");
		if (rec && (i + 1 == ARTICLE_RECOMMEND_AFTER ||
		    (i + 1 == a->body.n && i + 1 < ARTICLE_RECOMMEND_AFTER)))
			article_recommended(b, rq, rec);
	}
	html_raw_trusted(b, "</div>\n");
	if (a->credits) {
		html_raw_trusted(b, "<p class=\"credits\">");
		html_text(b, a->credits);
		html_raw_trusted(b, "</p>\n");
	}
	article_free(rec);
}

static void
article_after(struct buf *b, const struct request *rq,
    const struct article *a, const struct topic_list *topics,
    const struct comments_view *v)
{
	size_t i, j;

	for (i = 0; i < a->topics.n; i++)
		for (j = 0; j < topics->n; j++)
			if (strcmp(topics->v[j].slug, a->topics.v[i]) == 0)
				layout_follow_box(b, rq, &topics->v[j]);
	page_comments(b, rq, a, v);
}

/* The GET query: comments (order), cpage, reply, notice. */
void
page_article(const struct request *rq, struct response *r)
{
	struct comments_view v;
	const char *notice = rq->field[3];

	page_comments_view_init(&v);
	if (rq->field[0] && strcmp(rq->field[0], "newest") == 0)
		v.order = COMMENTS_NEWEST_FIRST;
	if (rq->num[1] > 0)
		v.page = (size_t)rq->num[1];
	v.reply = rq->num[2];
	if (notice && strcmp(notice, "pending") == 0)
		v.notice = COMMENTS_MSG_PENDING;
	else if (notice && strcmp(notice, "published") == 0)
		v.notice = COMMENTS_MSG_PUBLISHED;
	page_article_render(rq, r, rq->id, &v);
}

void
page_article_render(const struct request *rq, struct response *r,
    int64_t id, const struct comments_view *v)
{
	struct topic_list topics = {NULL, 0};
	struct article *a = NULL;
	struct nd_error err;
	struct buf *b = &r->body;
	enum nd_err e;

	e = store_article_get(rq->store, id, &a, &err);
	if (e == ND_OK)
		e = store_topic_list(rq->store, &topics, &err);
	if (e != ND_OK) {
		page_error(rq, r, e == ND_ENOTFOUND ? 404 : 503,
		    e == ND_ENOTFOUND ? "No such article" :
		    "The store is not answering");
		goto out;
	}
	layout_head(b, rq, a->headline ? a->headline : "", a->lang, &topics);
	html_raw_trusted(b, "<article class=\"story\">\n");
	article_kicker(b, a, &topics);
	html_raw_trusted(b, "<h1>");
	html_text(b, a->headline ? a->headline : layout_tr(rq, "(untitled)"));
	html_raw_trusted(b, "</h1>\n");
	if (a->standfirst) {
		html_raw_trusted(b, "<p class=\"standfirst\">");
		html_text(b, a->standfirst);
		html_raw_trusted(b, "</p>\n");
	}
	article_byline(b, rq, a);
	article_meta(b, rq, a);
	article_tools(b, rq, a);
	article_image(b, a);
	article_body(b, rq, a);
	html_raw_trusted(b, "</article>\n");
	article_after(b, rq, a, &topics, v);
	layout_foot(b, rq);
	r->etag = !rq->post;
out:
	article_free(a);
	topic_list_release(&topics);
}
