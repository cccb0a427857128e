/* account.c - the account parts every page shares: header links, the
 * Save button, and checking "next" paths. */
#include "web/account.h"

#include <stdlib.h>
#include <string.h>

#include "web/html.h"
#include "web/layout.h"

int
account_next_ok(const char *next)
{
	size_t i, n;

	if (next == NULL || next[0] != '/' || next[1] == '/' ||
	    next[1] == '\\')
		return 0;
	if ((n = strlen(next)) > ACCOUNT_NEXT_MAX)
		return 0;
	for (i = 0; i < n; i++)
		if (next[i] <= ' ' || next[i] > '~' || next[i] == '\\')
			return 0;
	return 1;
}

int64_t
account_reader(const struct request *rq)
{
	struct reader *rd = NULL;
	struct nd_error err;
	int64_t id = 0;

	if (rq->reader <= 0)
		return 0;
	if (store_reader_get_id(rq->store, rq->reader, &rd, &err) == ND_OK)
		id = rd->id;
	if (rd)
		reader_release(rd);
	free(rd);
	return id;
}

void
account_header(struct buf *b, const struct request *rq)
{
	struct nd_error err;
	int admin = 0;

	html_raw_trusted(b, "<nav class=\"account\" aria-label=\"");
	html_attr(b, layout_tr(rq, "Account"));
	html_raw_trusted(b, "\"><ul>\n");
	if (rq->reader <= 0) {
		html_raw_trusted(b, "<li><a href=\"/signin\">");
		html_text(b, layout_tr(rq, "Sign in"));
		html_raw_trusted(b, "</a></li></ul></nav>\n");
		return;
	}
	html_raw_trusted(b, "<li><a href=\"/saved\">");
	html_text(b, layout_tr(rq, "Saved"));
	html_raw_trusted(b, "</a></li>\n");
	if (store_admin_get(rq->store, rq->reader, &admin, &err) == ND_OK &&
	    admin) {
		html_raw_trusted(b, "<li><a href=\"/admin\">");
		html_text(b, layout_tr(rq, "Admin"));
		html_raw_trusted(b, "</a></li>\n");
	}
	html_raw_trusted(b, "<li><form class=\"signout\" method=\"post\" "
	    "action=\"/signout\">");
	layout_csrf(b, rq);
	html_raw_trusted(b, "<button type=\"submit\">");
	html_text(b, layout_tr(rq, "Sign out"));
	html_raw_trusted(b, "</button></form></li></ul></nav>\n");
}

void
account_to_signin(struct response *r, const char *next)
{
	struct buf loc = BUF_INIT;

	buf_puts(&loc, "/signin");
	if (account_next_ok(next)) {
		buf_puts(&loc, "?next=");
		layout_urlencode(&loc, next);
	}
	response_redirect(r, loc.ptr);
	buf_release(&loc);
}

void
account_save_form(struct buf *b, const struct request *rq, int64_t id,
    int back_to_saved)
{
	struct nd_error err;
	int on = 0;

	if (rq->reader > 0 && store_saved_has(rq->store, rq->reader, id, &on,
	    &err) != ND_OK)
		on = 0;
	html_raw_trusted(b, "<form class=\"save\" method=\"post\" "
	    "action=\"/saved\" data-save>");
	layout_csrf(b, rq);
	buf_printf(b, "<input type=\"hidden\" name=\"article\" value=\"%lld\">"
	    "<input type=\"hidden\" name=\"action\" value=\"%s\">",
	    (long long)id, on ? "unsave" : "save");
	if (back_to_saved)
		html_raw_trusted(b, "<input type=\"hidden\" name=\"back\" "
		    "value=\"saved\">");
	html_raw_trusted(b, "<button type=\"submit\" data-label-save=\"");
	html_attr(b, layout_tr(rq, "Save"));
	html_raw_trusted(b, "\" data-label-unsave=\"");
	html_attr(b, layout_tr(rq, "Remove from saved"));
	html_raw_trusted(b, "\">");
	html_text(b, layout_tr(rq, on ? "Remove from saved" : "Save"));
	html_raw_trusted(b, "</button> <span class=\"save-status\" "
	    "role=\"status\" data-saved=\"");
	html_attr(b, layout_tr(rq, "Saved"));
	html_raw_trusted(b, "\">");
	if (on)
		html_text(b, layout_tr(rq, "Saved"));
	html_raw_trusted(b, "</span></form>\n");
}
