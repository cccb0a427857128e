/* page_misc.c - error pages and /healthz. Errors are JSON under /api/
 * and for requests that ask for JSON (the comment form's fetch). */
#include "web/pages.h"

#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "web/html.h"
#include "web/layout.h"

static void
page_error_json(const struct request *rq, struct response *r,
    const char *msgid)
{
	json_t *j = json_pack("{s:s, s:i}", "error", msgid, "status",
	    (int)r->status);
	(void)rq;
	response_json(r, j, JSON_COMPACT);
}

void
page_error(const struct request *rq, struct response *r, unsigned status,
    const char *msgid)
{
	buf_clear(&r->body);
	r->status = status;
	r->etag = 0;
	r->content_type = "text/html; charset=utf-8";
	if ((rq->path && strncmp(rq->path, "/api/", 5) == 0) ||
	    rq->want_json) {
		page_error_json(rq, r, msgid);
		return;
	}
	layout_head(&r->body, rq, layout_tr(rq, msgid), NULL, NULL);
	html_raw_trusted(&r->body, "<h1>");
	html_text(&r->body, layout_tr(rq, msgid));
	html_raw_trusted(&r->body, "</h1>\n<p><a href=\"/\">");
	html_text(&r->body, layout_tr(rq, "Back to the latest news"));
	html_raw_trusted(&r->body, "</a></p>\n");
	layout_foot(&r->body, rq);
}

void
page_health(const struct request *rq, struct response *r)
{
	struct nd_error err;

	r->content_type = "text/plain; charset=utf-8";
	if (store_ping(rq->store, &err) == ND_OK) {
		buf_puts(&r->body, "ok\n");
		return;
	}
	r->status = 503;
	buf_puts(&r->body, "store unavailable\n");
}
