/* page_unsub.c - "/unsubscribe?t=": leaving every topic at once.
 *
 * A GET only shows a button: mail scanners follow links, so a GET
 * must not unsubscribe. The POST is RFC 8058 one-click: mail clients
 * send "List-Unsubscribe=One-Click" to the URL of the List-Unsubscribe
 * header, without our cookies, so the route takes no CSRF token
 * (ROUTE_TOKEN): the signed token in the query authenticates it. The
 * button on the GET page posts the same body with the token.
 */
#include "web/pages.h"

#include <stdlib.h>
#include <string.h>

#include "mail/follow.h"
#include "util/token.h"
#include "web/html.h"
#include "web/layout.h"
#include "web/page_follow.h"

enum { FU_TOKEN, FU_ONECLICK };

void
page_oneclick(const struct request *rq, struct response *r,
    const struct oneclick *o)
{
	struct buf *b = &r->body;
	struct nd_error err;
	char *data = NULL;

	if (o->token == NULL || token_verify(rq->key, o->purpose, o->token,
	    rq->now, &data, &err) != ND_OK) {
		page_error(rq, r, 400, FOLLOW_MSG_BAD_LINK);
		return;
	}
	free(data);
	layout_page_title(b, rq, o->title);
	html_raw_trusted(b, "<p>");
	html_text(b, layout_tr(rq, o->question));
	html_raw_trusted(b, "</p>\n<form method=\"post\" action=\"");
	html_attr(b, o->action);
	html_raw_trusted(b, "?t=");
	html_attr(b, o->token);
	html_raw_trusted(b, "\"><input type=\"hidden\" name=\""
	    "List-Unsubscribe\" value=\"One-Click\"><button type=\"submit\">");
	html_text(b, layout_tr(rq, o->button));
	html_raw_trusted(b, "</button></form>\n");
	layout_foot(b, rq);
}

void
page_unsub_get(const struct request *rq, struct response *r)
{
	const struct oneclick o = {"unsubscribe", rq->field[FU_TOKEN],
	    "/unsubscribe", "Unsubscribe",
	    "Stop every Daily Digest and forget this address?", "Unsubscribe"};

	page_oneclick(rq, r, &o);
}

void
page_unsub_post(const struct request *rq, struct response *r)
{
	struct buf *b = &r->body;
	struct nd_error err;

	if (rq->field[FU_TOKEN] == NULL || follow_unsubscribe(rq->store,
	    rq->field[FU_TOKEN], rq->now, &err) != ND_OK) {
		page_error(rq, r, 400, FOLLOW_MSG_BAD_LINK);
		return;
	}
	layout_head(b, rq, layout_tr(rq, "You are unsubscribed"), NULL,
	    NULL);
	html_raw_trusted(b, "<h1>");
	html_text(b, layout_tr(rq, "You are unsubscribed"));
	html_raw_trusted(b, "</h1>\n<p>");
	html_text(b, layout_tr(rq, "You will get no more emails from us."));
	html_raw_trusted(b, "</p>\n<p><a href=\"/\">");
	html_text(b, layout_tr(rq, "Back to the latest news"));
	html_raw_trusted(b, "</a></p>\n");
	layout_foot(b, rq);
}
