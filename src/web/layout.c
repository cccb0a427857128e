/* layout.c - page frame and shared fragments, escaped by default. */
#include "web/layout.h"

#include <string.h>

#include "util/timeutil.h"
#include "web/csrf.h"
#include "web/account.h"
#include "web/html.h"
#include "web/i18n.h"

#define LAYOUT_SLUG_MAX	60

const char *
layout_tr(const struct request *rq, const char *msgid)
{
	return i18n_tr(rq->ui, msgid);
}

void
layout_trf(struct buf *b, const struct request *rq, const char *msgid,
    const char *arg)
{
	const char *s = layout_tr(rq, msgid), *p = strstr(s, "%s");
	struct buf pre = BUF_INIT;

	if (p == NULL) {
		html_text(b, s);
		return;
	}
	buf_put(&pre, s, (size_t)(p - s));
	html_text(b, pre.ptr);
	html_text(b, arg);
	html_text(b, p + 2);
	buf_release(&pre);
}

static void
layout_nav(struct buf *b, const struct request *rq,
    const struct topic_list *topics)
{
	size_t i;

	html_raw_trusted(b, "<nav aria-label=\"");
	html_attr(b, layout_tr(rq, "Topics"));
	html_raw_trusted(b, "\"><ul class=\"topics\">\n");
	for (i = 0; topics && i < topics->n; i++) {
		html_raw_trusted(b, "<li><a href=\"/topics/");
		html_attr(b, topics->v[i].slug);
		html_raw_trusted(b, "\">");
		html_text(b, topics->v[i].name);
		html_raw_trusted(b, "</a></li>\n");
	}
	html_raw_trusted(b, "</ul></nav>\n");
}

static void
layout_search_form(struct buf *b, const struct request *rq)
{
	html_raw_trusted(b, "<form class=\"search\" role=\"search\" "
	    "method=\"get\" action=\"/search\"><label for=\"q\">");
	html_text(b, layout_tr(rq, "Search"));
	html_raw_trusted(b, "</label> <input id=\"q\" name=\"q\" "
	    "type=\"search\" maxlength=\"256\"> <button type=\"submit\">");
	html_text(b, layout_tr(rq, "Search"));
	html_raw_trusted(b, "</button></form>\n");
}

void
layout_head(struct buf *b, const struct request *rq, const char *title,
    const char *lang, const struct topic_list *topics)
{
	html_raw_trusted(b, "<!DOCTYPE html>\n<html lang=\"");
	html_attr(b, lang ? lang : i18n_lang(rq->ui));
	html_raw_trusted(b, "\">\n<head>\n<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\">\n<title>");
	html_text(b, title);
	html_raw_trusted(b, " – newsdesk</title>\n<link rel=\"stylesheet\" "
	    "href=\"/static/site.css\">\n<link rel=\"alternate\" "
	    "type=\"application/atom+xml\" title=\"newsdesk\" "
	    "href=\"/feed.atom\">\n<script src=\"/static/site.js\" defer>"
	    "</script>\n</head>\n<body>\n<a class=\"skip\" href=\"#main\">");
	html_text(b, layout_tr(rq, "Skip to content"));
	html_raw_trusted(b, "</a>\n<header class=\"site\">\n<p class=\"brand\">"
	    "<a href=\"/\">newsdesk</a></p>\n");
	layout_search_form(b, rq);
	account_header(b, rq);
	layout_nav(b, rq, topics);
	html_raw_trusted(b, "</header>\n<main id=\"main\">\n");
}

void
layout_page_title(struct buf *b, const struct request *rq,
    const char *msgid)
{
	layout_head(b, rq, layout_tr(rq, msgid), NULL, NULL);
	html_raw_trusted(b, "<h1>");
	html_text(b, layout_tr(rq, msgid));
	html_raw_trusted(b, "</h1>\n");
}

void
layout_foot(struct buf *b, const struct request *rq)
{
	html_raw_trusted(b, "</main>\n<footer class=\"site\">\n<p>"
	    "<a href=\"/feed.atom\">");
	html_text(b, layout_tr(rq, "Atom feed"));
	html_raw_trusted(b, "</a> · <a href=\"/api/v1/articles\">JSON API</a>"
	    "</p>\n<p>");
	html_text(b, layout_tr(rq, "Language:"));
	html_raw_trusted(b, " <a href=\"?lang=en\" lang=\"en\" hreflang=\"en\">"
	    "English</a> · <a href=\"?lang=de\" lang=\"de\" hreflang=\"de\">"
	    "Deutsch</a></p>\n<p>");
	html_text(b, layout_tr(rq, "Served by newsdesk."));
	html_raw_trusted(b, "</p>\n</footer>\n</body>\n</html>\n");
}

void
layout_csrf(struct buf *b, const struct request *rq)
{
	html_raw_trusted(b, "<input type=\"hidden\" name=\"" CSRF_FIELD
	    "\" value=\"");
	html_attr(b, rq->csrf ? rq->csrf : "");
	html_raw_trusted(b, "\">");
}

void
layout_article_path(struct buf *b, const struct article *a)
{
	const char *p = a->headline ? a->headline : "";
	size_t n = 0;
	int dash = 1;

	buf_printf(b, "/articles/%lld", (long long)a->id);
	for (; *p && n < LAYOUT_SLUG_MAX; p++) {
		char c = *p;

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (dash)
				buf_putc(b, '-');
			buf_putc(b, c);
			dash = 0;
			n++;
		} else
			dash = 1;
	}
}

void
layout_date(struct buf *b, const struct request *rq, const struct article *a)
{
	char iso[21];

	if (a->published == 0)
		return;
	time_format_iso(a->published, a->published_has_time, iso);
	html_raw_trusted(b, "<time datetime=\"");
	html_attr(b, iso);
	html_raw_trusted(b, "\">");
	i18n_date(rq->ui, a->published, b);
	html_raw_trusted(b, "</time>");
}

void
layout_follow_box(struct buf *b, const struct request *rq,
    const struct topic *t)
{
	html_raw_trusted(b, "<section class=\"follow\" aria-labelledby="
	    "\"follow-");
	html_attr(b, t->slug);
	html_raw_trusted(b, "\">\n<h2 id=\"follow-");
	html_attr(b, t->slug);
	html_raw_trusted(b, "\">");
	layout_trf(b, rq, "Receive free %s updates", t->name);
	html_raw_trusted(b, "</h2>\n<p>");
	layout_trf(b, rq, "We'll send you a Daily Digest email rounding up "
	    "the latest %s news every morning.", t->name);
	html_raw_trusted(b, "</p>\n<form method=\"post\" action=\"/follow\">");
	layout_csrf(b, rq);
	html_raw_trusted(b, "<input type=\"hidden\" name=\"topic\" value=\"");
	html_attr(b, t->slug);
	html_raw_trusted(b, "\"><label for=\"email-");
	html_attr(b, t->slug);
	html_raw_trusted(b, "\">");
	html_text(b, layout_tr(rq, "Email address"));
	html_raw_trusted(b, "</label> <input id=\"email-");
	html_attr(b, t->slug);
	html_raw_trusted(b, "\" name=\"email\" type=\"email\" required "
	    "maxlength=\"254\" autocomplete=\"email\"> <button "
	    "type=\"submit\">");
	html_text(b, layout_tr(rq, "Sign up"));
	html_raw_trusted(b, "</button></form>\n</section>\n");
}

const char *
layout_topic_name(const struct topic_list *topics, const char *slug)
{
	size_t i;

	for (i = 0; topics && i < topics->n; i++)
		if (strcmp(topics->v[i].slug, slug) == 0)
			return topics->v[i].name;
	return slug;
}

void
layout_urlencode(struct buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || strchr("-_.~", c))
			buf_putc(b, c);
		else {
			buf_putc(b, '%');
			buf_putc(b, hex[c >> 4]);
			buf_putc(b, hex[c & 15]);
		}
	}
}
