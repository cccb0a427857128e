/* page_admin.c - /admin: the comment moderation queues for readers
 * marked admin (newsdesk admin add EMAIL).
 *
 * Signed out: 303 to the sign-in page (back here after); signed in but
 * not an admin: 403. The page lists the pending and the spam queue
 * (comments_list), each comment with its article, author name, time,
 * text (escaped, as typed) and spam reason, and Approve / Spam / Delete
 * buttons: POST /admin/comments/ID with action and the CSRF field, 303
 * back to /admin. Email addresses are not shown: the web never prints
 * one (the CLI, `newsdesk comments list`, is where an operator sees
 * them), so a cached or shared page cannot leak them either.
 */
#include "web/pages.h"

#include <stdio.h>
#include <string.h>

#include "comments/comments.h"
#include "web/account.h"
#include "web/html.h"
#include "web/i18n.h"
#include "web/layout.h"
#include "web/page_comments.h"

#define ADMIN_QUEUE_MAX	100	/* comments shown per queue */

/* Field indexes in the POST route's list (router.c). */
enum { AD_ACTION };

int
page_admin_allowed(const struct request *rq, struct response *r,
    const char *back, const char *denied)
{
	struct nd_error err;
	int admin = 0;

	if (account_reader(rq) == 0) {
		if (rq->post)
			page_error(rq, r, 403, denied);
		else
			account_to_signin(r, back);
		return 0;
	}
	if (store_admin_get(rq->store, rq->reader, &admin, &err) != ND_OK) {
		page_error(rq, r, 503, "The store is not answering");
		return 0;
	}
	if (!admin)
		page_error(rq, r, 403, denied);
	return admin;
}

/* 1 when rq's reader may moderate; otherwise r holds the answer. */
static int
admin_allowed(const struct request *rq, struct response *r)
{
	return page_admin_allowed(rq, r, "/admin", "Only administrators may "
	    "moderate comments.");
}

static void
admin_button(struct buf *b, const struct request *rq, int64_t id,
    const char *action, const char *label)
{
	buf_printf(b, "<form method=\"post\" action=\"/admin/comments/%lld\">",
	    (long long)id);
	layout_csrf(b, rq);
	buf_printf(b, "<input type=\"hidden\" name=\"action\" value=\"%s\">"
	    "<button type=\"submit\">", action);
	html_text(b, layout_tr(rq, label));
	html_raw_trusted(b, "</button></form>\n");
}

static void
admin_item(struct buf *b, const struct request *rq, const struct comment *c)
{
	struct article *a = NULL;
	struct nd_error err;

	buf_printf(b, "<li class=\"moderate\" id=\"c%lld\"><p class=\"meta\">"
	    "<strong>", (long long)c->id);
	html_text(b, c->name);
	html_raw_trusted(b, "</strong> · ");
	i18n_datetime(rq->ui, c->created, b);
	html_raw_trusted(b, " · <a href=\"");
	if (store_article_get(rq->store, c->article_id, &a, &err) == ND_OK) {
		layout_article_path(b, a);
		html_raw_trusted(b, "\">");
		html_text(b, a->headline ? a->headline : "");
	} else {
		buf_printf(b, "/articles/%lld\">", (long long)c->article_id);
		html_text(b, layout_tr(rq, "(untitled)"));
	}
	html_raw_trusted(b, "</a></p>\n<p class=\"comment-text\">");
	html_text(b, c->body);
	html_raw_trusted(b, "</p>\n");
	if (c->spam_reason) {
		html_raw_trusted(b, "<p class=\"reason\">");
		layout_trf(b, rq, "Reason: %s", c->spam_reason);
		html_raw_trusted(b, "</p>\n");
	}
	html_raw_trusted(b, "<div class=\"actions\">");
	admin_button(b, rq, c->id, "approve", "Approve");
	if (c->status != COMMENT_SPAM)
		admin_button(b, rq, c->id, "spam", "Spam");
	admin_button(b, rq, c->id, "delete", "Delete");
	html_raw_trusted(b, "</div></li>\n");
	article_free(a);
}

void
page_admin_section(struct buf *b, const struct request *rq, const char *id,
    const char *title)
{
	buf_printf(b, "<section aria-labelledby=\"%s\"><h2 id=\"%s\">", id,
	    id);
	html_text(b, layout_tr(rq, title));
	html_raw_trusted(b, "</h2>\n");
}

void
page_admin_nothing(struct buf *b, const struct request *rq)
{
	html_raw_trusted(b, "<p>");
	html_text(b, layout_tr(rq, "Nothing here."));
	html_raw_trusted(b, "</p>\n");
}

static void
admin_queue(struct buf *b, const struct request *rq, int status,
    const char *title, const char *id)
{
	struct comment_list l = {NULL, 0, 0};
	struct nd_error err;
	size_t i;

	page_admin_section(b, rq, id, title);
	if (comments_list(rq->store, status, 0, ADMIN_QUEUE_MAX, 0, &l,
	    &err) != ND_OK || l.n == 0) {
		page_admin_nothing(b, rq);
	} else {
		html_raw_trusted(b, "<ol class=\"queue\">\n");
		for (i = 0; i < l.n; i++)
			admin_item(b, rq, &l.v[i]);
		html_raw_trusted(b, "</ol>\n");
	}
	html_raw_trusted(b, "</section>\n");
	comment_list_release(&l);
}

void
page_admin(const struct request *rq, struct response *r)
{
	struct buf *b = &r->body;

	if (!admin_allowed(rq, r))
		return;
	layout_head(b, rq, layout_tr(rq, "Moderation"), NULL, NULL);
	html_raw_trusted(b, "<h1>");
	html_text(b, layout_tr(rq, "Moderation"));
	html_raw_trusted(b, "</h1>\n<p><a href=\"/admin/outbox\">");
	html_text(b, layout_tr(rq, "Outbox"));
	html_raw_trusted(b, "</a></p>\n");
	admin_queue(b, rq, COMMENT_PENDING, "Waiting for approval",
	    "pending");
	admin_queue(b, rq, COMMENT_SPAM, "Spam", "spam");
	layout_foot(b, rq);
}

/* Approve, and mail the parent's author when the comment was not
 * visible before (a second approval sends nothing); both in one
 * transaction. */
static enum nd_err
admin_approve(const struct request *rq, struct nd_error *err)
{
	struct comment *c = NULL;
	int was, queued = 0;
	enum nd_err e;

	if ((e = store_tx_begin(rq->store, err)) != ND_OK)
		return e;
	if ((e = store_comment_get(rq->store, rq->id, &c, err)) == ND_OK) {
		was = c->status == COMMENT_APPROVED;
		e = comments_approve(rq->store, rq->id, err);
		if (e == ND_OK && !was)
			e = comment_notify_visible(rq, rq->id, &queued, err);
	}
	comment_free(c);
	if ((e = store_tx_end(rq->store, e, err)) == ND_OK && queued)
		request_mail_queued(rq);
	return e;
}

void
page_admin_post(const struct request *rq, struct response *r)
{
	const char *act = rq->field[AD_ACTION];
	struct nd_error err;
	enum nd_err e;

	if (!admin_allowed(rq, r))
		return;
	if (strcmp(act, "approve") == 0)
		e = admin_approve(rq, &err);
	else if (strcmp(act, "spam") == 0)
		e = comments_mark_spam(rq->store, rq->id, "moderator", &err);
	else if (strcmp(act, "delete") == 0)
		e = comments_delete(rq->store, rq->id, &err);
	else {
		page_error(rq, r, 400, "Bad request");
		return;
	}
	if (e == ND_ENOTFOUND)
		page_error(rq, r, 404, "Page not found");
	else if (e != ND_OK) {
		fprintf(stderr, "newsdesk: admin: comment %lld: %s\n",
		    (long long)rq->id, err.msg);
		page_error(rq, r, 503, "The store is not answering");
	} else
		response_redirect(r, "/admin");
}
