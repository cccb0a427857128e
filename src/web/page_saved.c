/* page_saved.c - saved articles: GET /saved lists them (newest saved
 * first), POST /saved (article, action save|unsave) changes one.
 *
 * Both need a signed-in reader: signed out, GET goes to the sign-in
 * page and POST to it with next= the article. Without JavaScript the
 * POST answers 303 back to the article (or to /saved when the form was
 * there: back=saved), whose button then reads "Remove from saved"; with
 * "Accept: application/json" (the site script's fetch) it answers
 * {"saved": bool, "label": "...", "status": "..."} and the page does not
 * reload.
 */
#include "web/pages.h"

#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "web/account.h"
#include "web/html.h"
#include "web/layout.h"

/* Field indexes in the route's list (router.c). */
enum { SV_ARTICLE, SV_ACTION, SV_BACK };

static void
saved_json(const struct request *rq, struct response *r, int on)
{
	json_t *j = json_pack("{s:b, s:s, s:s}", "saved", on, "label",
	    layout_tr(rq, on ? "Remove from saved" : "Save"), "status",
	    on ? layout_tr(rq, "Saved") : "");
	response_json(r, j, JSON_COMPACT);
}

void
page_saved_post(const struct request *rq, struct response *r)
{
	const char *act = rq->field[SV_ACTION];
	struct article *a = NULL;
	struct nd_error err;
	struct buf path = BUF_INIT;
	int64_t reader = account_reader(rq);
	int on = act == NULL || strcmp(act, "unsave") != 0;

	if (act && strcmp(act, "save") && strcmp(act, "unsave")) {
		page_error(rq, r, 400, "Bad request");
		goto out;
	}
	if (store_article_get(rq->store, rq->num[SV_ARTICLE], &a, &err) !=
	    ND_OK) {
		page_error(rq, r, 404, "Page not found");
		goto out;
	}
	layout_article_path(&path, a);
	if (reader == 0) {
		if (rq->want_json)
			page_error(rq, r, 401, "Sign in to save articles");
		else
			account_to_signin(r, path.ptr);
		goto out;
	}
	if (store_saved_set(rq->store, reader, a->id, on, rq->now, &err) !=
	    ND_OK) {
		page_error(rq, r, 503, "The store is not answering");
		goto out;
	}
	if (rq->want_json)
		saved_json(rq, r, on);
	else if (rq->field[SV_BACK] && strcmp(rq->field[SV_BACK], "saved") == 0)
		response_redirect(r, "/saved");
	else
		response_redirect(r, path.ptr);
out:
	buf_release(&path);
	article_free(a);
}

static void
saved_item(struct buf *b, const struct request *rq, const struct article *a)
{
	layout_story_head(b, rq, a);
	html_raw_trusted(b, "<p class=\"meta\">");
	html_text(b, a->source);
	if (a->source && a->published)
		html_raw_trusted(b, " · ");
	layout_date(b, rq, a);
	html_raw_trusted(b, "</p>\n");
	account_save_form(b, rq, a->id, 1);
	html_raw_trusted(b, "</li>\n");
}

void
page_saved_get(const struct request *rq, struct response *r)
{
	struct article_list l = ARTICLE_LIST_INIT;
	struct nd_error err;
	struct buf *b = &r->body;
	size_t i;

	if (account_reader(rq) == 0) {
		account_to_signin(r, "/saved");
		return;
	}
	if (store_saved_list(rq->store, rq->reader, 0, 0, &l, &err) != ND_OK) {
		page_error(rq, r, 503, "The store is not answering");
		goto out;
	}
	layout_page_title(b, rq, "Saved articles");
	if (l.n == 0) {
		html_raw_trusted(b, "<p>");
		html_text(b, layout_tr(rq, "Nothing saved yet. Use the Save "
		    "button on an article to keep it here."));
		html_raw_trusted(b, "</p>\n");
	} else {
		html_raw_trusted(b, "<ol class=\"stories saved\">\n");
		for (i = 0; i < l.n; i++)
			saved_item(b, rq, l.v[i]);
		html_raw_trusted(b, "</ol>\n");
	}
	layout_foot(b, rq);
out:
	article_list_release(&l);
}
