/* page.c - home, article and error pages: plain, escaped HTML5. */
#include "web/page.h"

#include <string.h>

#include "util/timeutil.h"
#include "web/html.h"

#define PAGE_HOME_LIMIT 50

static const char page_style[] =
    "body{font:1.05rem/1.55 Georgia,serif;margin:0 auto;max-width:42rem;"
    "padding:0 1rem;color:#1a1a1a;background:#fff}\n"
    "header,footer{font-family:system-ui,sans-serif}\n"
    "header a{color:inherit;text-decoration:none;font-weight:700}\n"
    "a{color:#0b4f8a}a:focus{outline:3px solid #f0a500}\n"
    "ol.latest{list-style:none;padding:0}ol.latest li{margin:0 0 1rem}\n"
    ".meta{font:.9rem system-ui,sans-serif;color:#555}\n"
    "img{max-width:100%;height:auto}\n"
    "figcaption{font:.85rem system-ui,sans-serif;color:#444}\n";

void
page_response_init(struct page_response *r)
{
	r->status = 200;
	r->content_type = "text/html; charset=utf-8";
	buf_init(&r->body, 8u << 20);
}

void
page_response_release(struct page_response *r)
{
	buf_release(&r->body);
}

static void
page_head(struct buf *b, const char *title, const char *lang)
{
	html_raw_trusted(b, "<!DOCTYPE html>\n<html lang=\"");
	html_attr(b, lang ? lang : "en");
	html_raw_trusted(b, "\">\n<head>\n<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\">\n<title>");
	html_text(b, title);
	html_raw_trusted(b, "</title>\n<link rel=\"stylesheet\" "
	    "href=\"/site.css\">\n</head>\n<body>\n<header><p>"
	    "<a href=\"/\">newsdesk</a></p></header>\n<main>\n");
}

static void
page_foot(struct buf *b)
{
	html_raw_trusted(b, "</main>\n<footer><p>Served by newsdesk.</p>"
	    "</footer>\n</body>\n</html>\n");
}

static void
page_date(struct buf *b, const struct article *a)
{
	char iso[21];

	if (a->published == 0)
		return;
	time_format_iso(a->published, a->published_has_time, iso);
	html_raw_trusted(b, "<time datetime=\"");
	html_attr(b, iso);
	html_raw_trusted(b, "\">");
	iso[10] = '\0';
	html_text(b, iso);
	html_raw_trusted(b, "</time>");
}

static void
page_home_item(struct buf *b, const struct article *a)
{
	buf_printf(b, "<li><a href=\"/articles/%lld\">", (long long)a->id);
	html_text(b, a->headline ? a->headline : "(untitled)");
	html_raw_trusted(b, "</a><br><span class=\"meta\">");
	html_text(b, a->source);
	if (a->source && a->published)
		html_raw_trusted(b, " · ");
	page_date(b, a);
	html_raw_trusted(b, "</span></li>\n");
}

void
page_home(struct store *s, struct page_response *r)
{
	struct article_query q = {NULL, 0, 0, PAGE_HOME_LIMIT, 0};
	struct article_list l = ARTICLE_LIST_INIT;
	struct nd_error err;
	size_t i;

	if (store_article_list(s, &q, &l, &err) != ND_OK) {
		page_error(r, 503, "The store is not answering");
		return;
	}
	page_head(&r->body, "Latest news", "en");
	html_raw_trusted(&r->body, "<h1>Latest news</h1>\n");
	if (l.n == 0)
		html_raw_trusted(&r->body, "<p>No articles yet.</p>\n");
	html_raw_trusted(&r->body, "<ol class=\"latest\">\n");
	for (i = 0; i < l.n; i++)
		page_home_item(&r->body, l.v[i]);
	html_raw_trusted(&r->body, "</ol>\n");
	page_foot(&r->body);
	article_list_release(&l);
}

static void
page_article_meta(struct buf *b, const struct article *a)
{
	size_t i;

	html_raw_trusted(b, "<p class=\"meta\">");
	for (i = 0; i < a->byline.n; i++) {
		html_raw_trusted(b, i == 0 ? "By " :
		    i + 1 == a->byline.n ? " and " : ", ");
		html_text(b, a->byline.v[i]);
	}
	if (a->dateline) {
		html_raw_trusted(b, a->byline.n ? ", " : "");
		html_text(b, a->dateline);
	}
	if (a->byline.n || a->dateline)
		html_raw_trusted(b, " · ");
	page_date(b, a);
	html_raw_trusted(b, "</p>\n");
}

static void
page_article_image(struct buf *b, const struct article *a)
{
	if (a->image_url == NULL)
		return;
	html_raw_trusted(b, "<figure><img src=\"");
	html_url(b, a->image_url);
	html_raw_trusted(b, "\" alt=\"");
	html_attr(b, a->image_caption ? a->image_caption : "");
	html_raw_trusted(b, "\" loading=\"lazy\">");
	if (a->image_caption || a->image_credit) {
		html_raw_trusted(b, "<figcaption>");
		html_text(b, a->image_caption);
		if (a->image_credit) {
			html_raw_trusted(b, a->image_caption ? " " : "");
			html_text(b, a->image_credit);
		}
		html_raw_trusted(b, "</figcaption>");
	}
	html_raw_trusted(b, "</figure>\n");
}

void
page_article(struct store *s, int64_t id, struct page_response *r)
{
	struct article *a = NULL;
	struct nd_error err;
	struct buf *b = &r->body;
	size_t i;

	if (store_article_get(s, id, &a, &err) != ND_OK) {
		page_error(r, err.code == ND_ENOTFOUND ? 404 : 503,
		    err.code == ND_ENOTFOUND ? "No such article" :
		    "The store is not answering");
		return;
	}
	page_head(b, a->headline ? a->headline : "Article", a->lang);
	html_raw_trusted(b, "<article>\n<h1>");
	html_text(b, a->headline ? a->headline : "(untitled)");
	html_raw_trusted(b, "</h1>\n");
	if (a->standfirst) {
		html_raw_trusted(b, "<p class=\"standfirst\"><strong>");
		html_text(b, a->standfirst);
		html_raw_trusted(b, "</strong></p>\n");
	}
	page_article_meta(b, a);
	page_article_image(b, a);
	for (i = 0; i < a->body.n; i++) {
		html_raw_trusted(b, "<p>");
		html_text(b, a->body.v[i]);
		html_raw_trusted(b, "</p>\n");
	}
	if (a->credits) {
		html_raw_trusted(b, "<p class=\"meta\">");
		html_text(b, a->credits);
		html_raw_trusted(b, "</p>\n");
	}
	html_raw_trusted(b, "</article>\n");
	page_foot(b);
	article_free(a);
}

void
page_error(struct page_response *r, unsigned status, const char *title)
{
	buf_clear(&r->body);
	r->status = status;
	r->content_type = "text/html; charset=utf-8";
	page_head(&r->body, title, "en");
	html_raw_trusted(&r->body, "<h1>");
	html_text(&r->body, title);
	html_raw_trusted(&r->body, "</h1>\n<p><a href=\"/\">Back to the "
	    "latest news</a></p>\n");
	page_foot(&r->body);
}

void
page_css(struct page_response *r)
{
	r->content_type = "text/css; charset=utf-8";
	buf_put(&r->body, page_style, sizeof(page_style) - 1);
}
