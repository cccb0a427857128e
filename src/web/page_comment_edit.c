/* page_comment_edit.c - the author's links from the comment mails.
 *
 *   GET  /comments/edit?t=T	the comment's text in a form (CSRF) with
 *				Save and Delete; T is the edit token
 *				(purpose "comment-edit", 15 minutes)
 *   POST /comments/edit	t, comment, action=save|delete: the core's
 *				comments_author_edit / _author_delete,
 *				which re-run validation and content checks
 *   GET  /comments/optout?t=T	a button only (mail scanners follow links)
 *   POST /comments/optout	RFC 8058 one-click: no CSRF (ROUTE_TOKEN),
 *				the signed token authenticates it; reply
 *				mails off for the address of the comment
 *
 * An expired link says so, a forged one says the link is not valid,
 * both with 400. Nothing here shows the email address.
 */
#include "web/pages.h"

#include <stdlib.h>
#include <string.h>

#include "comments/comments.h"
#include "mail/comment_notice.h"
#include "util/token.h"
#include "web/html.h"
#include "web/layout.h"
#include "web/page_comments.h"
#include "web/page_follow.h"

/* Field indexes in the routes' lists (router.c). */
enum { CE_TOKEN, CE_BODY, CE_ACTION };	/* GET and POST /comments/edit */
enum { CO_TOKEN };			/* /comments/optout */

/* A short page: a title and one line, both already in the UI language. */
static void
edit_message(const struct request *rq, struct response *r, unsigned status,
    const char *title, const char *text)
{
	struct buf *b = &r->body;

	r->status = status;
	layout_head(b, rq, title, NULL, NULL);
	html_raw_trusted(b, "<h1>");
	html_text(b, title);
	html_raw_trusted(b, "</h1>\n<p role=\"status\">");
	html_text(b, text);
	html_raw_trusted(b, "</p>\n<p><a href=\"/\">");
	html_text(b, layout_tr(rq, "Back to the latest news"));
	html_raw_trusted(b, "</a></p>\n");
	layout_foot(b, rq);
}

/* The answer for a link the core refused with e. */
static void
edit_refused(const struct request *rq, struct response *r, enum nd_err e)
{
	const char *lang = page_comments_lang(rq);

	if (e == ND_ELIMIT)
		edit_message(rq, r, 400, layout_tr(rq, "Edit your comment"),
		    comments_msg(COMMENTS_MSG_EDIT_EXPIRED, lang));
	else if (e == ND_EINVAL || e == ND_ENOTFOUND)
		page_error(rq, r, 400, FOLLOW_MSG_BAD_LINK);
	else
		page_error(rq, r, 503, "The store is not answering");
}

/* The form with body as its text and msg (or NONE) beside it. */
static void
edit_form(const struct request *rq, struct response *r, const char *body,
    enum comments_msg msg)
{
	struct buf *b = &r->body;

	layout_head(b, rq, layout_tr(rq, "Edit your comment"), NULL, NULL);
	html_raw_trusted(b, "<h1>");
	html_text(b, layout_tr(rq, "Edit your comment"));
	html_raw_trusted(b, "</h1>\n<form class=\"comment-edit\" method=\""
	    "post\" action=\"/comments/edit\">");
	layout_csrf(b, rq);
	html_raw_trusted(b, "<input type=\"hidden\" name=\"t\" value=\"");
	html_attr(b, rq->field[CE_TOKEN]);
	html_raw_trusted(b, "\">\n<p><label for=\"edit-body\">");
	page_comments_msg(b, rq, COMMENTS_MSG_LABEL_BODY, 0);
	html_raw_trusted(b, "</label>\n");
	if (msg != COMMENTS_MSG_NONE) {
		html_raw_trusted(b, "<span class=\"field-error\" id=\""
		    "edit-body-error\">");
		page_comments_msg(b, rq, msg,
		    comments_field_max(COMMENTS_F_BODY));
		html_raw_trusted(b, "</span>\n");
	}
	html_raw_trusted(b, "<textarea id=\"edit-body\" name=\"comment\" "
	    "rows=\"8\" required");
	if (msg != COMMENTS_MSG_NONE)
		html_raw_trusted(b, " aria-invalid=\"true\" "
		    "aria-describedby=\"edit-body-error\"");
	html_raw_trusted(b, ">");
	html_text(b, body);
	html_raw_trusted(b, "</textarea></p>\n<p><button type=\"submit\" "
	    "name=\"action\" value=\"save\">");
	html_text(b, layout_tr(rq, "Save changes"));
	html_raw_trusted(b, "</button> <button type=\"submit\" name=\""
	    "action\" value=\"delete\">");
	html_text(b, layout_tr(rq, "Delete"));
	html_raw_trusted(b, "</button></p>\n</form>\n");
	layout_foot(b, rq);
}

void
page_comment_edit_get(const struct request *rq, struct response *r)
{
	struct comment *c = NULL;
	struct nd_error err;
	int64_t id = 0;
	enum nd_err e;

	if (rq->field[CE_TOKEN] == NULL) {
		page_error(rq, r, 400, FOLLOW_MSG_BAD_LINK);
		return;
	}
	e = comments_edit_check(rq->key, rq->field[CE_TOKEN], rq->now, &id,
	    &err);
	if (e == ND_OK)
		e = store_comment_get(rq->store, id, &c, &err);
	if (e == ND_OK && c->status == COMMENT_DELETED)
		e = ND_ENOTFOUND;
	if (e != ND_OK)
		edit_refused(rq, r, e);
	else
		edit_form(rq, r, c->body ? c->body : "", COMMENTS_MSG_NONE);
	comment_free(c);
}

void
page_comment_edit_post(const struct request *rq, struct response *r)
{
	const char *tok = rq->field[CE_TOKEN], *act = rq->field[CE_ACTION];
	const char *body = rq->field[CE_BODY] ? rq->field[CE_BODY] : "";
	const char *lang = page_comments_lang(rq);
	struct comment_result res;
	struct nd_error err;
	enum nd_err e;

	memset(&res, 0, sizeof(res));
	if (tok == NULL) {
		page_error(rq, r, 400, FOLLOW_MSG_BAD_LINK);
		return;
	}
	if (act && strcmp(act, "delete") == 0) {
		e = comments_author_delete(rq->store, rq->key, tok, rq->now,
		    &err);
		if (e == ND_OK)
			edit_message(rq, r, 200, layout_tr(rq,
			    "Edit your comment"),
			    comments_msg(COMMENTS_MSG_DELETED, lang));
		else
			edit_refused(rq, r, e);
		return;
	}
	e = comments_author_edit(rq->store, rq->key, rq->comments, tok, body,
	    strlen(body), rq->now, &res, &err);
	if (e != ND_OK)
		edit_refused(rq, r, e);
	else if (res.verdict == COMMENTS_INVALID)
		edit_form(rq, r, body, res.field[COMMENTS_F_BODY]);
	else
		edit_message(rq, r, 200, layout_tr(rq, "Edit your comment"),
		    comments_msg(COMMENTS_MSG_EDITED, lang));
	comments_result_release(&res);
}

void
page_comment_optout_get(const struct request *rq, struct response *r)
{
	const struct oneclick o = {COMMENT_NOTICE_PURPOSE,
	    rq->field[CO_TOKEN], "/comments/optout", "Reply emails",
	    "Stop the emails about replies to your comments?",
	    "Stop these emails"};

	page_oneclick(rq, r, &o);
}

void
page_comment_optout_post(const struct request *rq, struct response *r)
{
	struct nd_error err;
	enum nd_err e;

	if (rq->field[CO_TOKEN] == NULL) {
		page_error(rq, r, 400, FOLLOW_MSG_BAD_LINK);
		return;
	}
	e = comment_notice_optout(rq->store, rq->key, rq->field[CO_TOKEN],
	    rq->now, &err);
	if (e == ND_OK)
		edit_message(rq, r, 200, layout_tr(rq, "Reply emails"),
		    layout_tr(rq, "You will get no more emails about replies."));
	else
		edit_refused(rq, r, e == ND_ELIMIT ? ND_EINVAL : e);
}
