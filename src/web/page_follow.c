/* page_follow.c - "/follow" (the follow form and its POST) and
 * "/confirm?t=" (the double opt-in link).
 *
 * POST /follow never says whether an address was known: every valid
 * request answers "check your email" (303 to /follow?done=sent, or JSON
 * {"status":"sent","message"} for the site script's fetch). Only a
 * signed-in reader following with their own confirmed address gets the
 * topic at once ("added"). A bad field is the form again, status 200,
 * with the message beside the field (JSON: 422 "invalid" or 429
 * "refused" with {"fields":{name:message}}). The typed address is never
 * written back into a page.
 */
#include "web/pages.h"

#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "mail/email.h"
#include "mail/follow.h"
#include "util/token.h"
#include "web/html.h"
#include "web/i18n.h"
#include "web/layout.h"
#include "web/page_follow.h"

/* Field indexes in the routes' lists (router.c). */
enum { FG_TOPIC, FG_DONE };
enum { FP_TOPIC, FP_EMAIL };

enum follow_field { FF_NONE, FF_EMAIL, FF_TOPIC };

struct follow_err {
	enum follow_field field;
	const char *msgid;		/* message beside the field */
	unsigned json_status;		/* 422, 429 or 503 */
};

/* <select> of every topic, sel chosen. */
static void
follow_select(struct buf *b, const struct request *rq,
    const struct topic_list *tl, const char *sel)
{
	size_t i;

	html_raw_trusted(b, "<label for=\"follow-topic\">");
	html_text(b, layout_tr(rq, "Topic"));
	html_raw_trusted(b, "</label>\n");
	html_raw_trusted(b, "<select id=\"follow-topic\" name=\"topic\" "
	    "required>\n");
	for (i = 0; i < tl->n; i++) {
		html_raw_trusted(b, "<option value=\"");
		html_attr(b, tl->v[i].slug);
		html_raw_trusted(b, sel && !strcmp(sel, tl->v[i].slug) ?
		    "\" selected>" : "\">");
		html_text(b, tl->v[i].name);
		html_raw_trusted(b, "</option>\n");
	}
	html_raw_trusted(b, "</select>\n");
}

/* The message span before a field, with its id for aria-describedby. */
static void
follow_field_error(struct buf *b, const struct request *rq, const char *id,
    const struct follow_err *fe)
{
	html_raw_trusted(b, "<span class=\"field-error\" id=\"");
	html_attr(b, id);
	html_raw_trusted(b, "\">");
	html_text(b, layout_tr(rq, fe->msgid));
	html_raw_trusted(b, "</span>\n");
}

/* The plain follow page: email and a topic, fe's message beside its
 * field when fe is not NULL. */
static void
follow_page(const struct request *rq, struct response *r, const char *sel,
    const struct follow_err *fe)
{
	struct topic_list tl = {NULL, 0};
	struct nd_error err;
	struct buf *b = &r->body;
	int bad_email = fe && fe->field == FF_EMAIL;

	if (store_topic_list(rq->store, &tl, &err) != ND_OK) {
		page_error(rq, r, 503, "Server error");
		return;
	}
	layout_head(b, rq, layout_tr(rq, "Follow a topic"), NULL, &tl);
	html_raw_trusted(b, "<h1>");
	html_text(b, layout_tr(rq, "Follow a topic"));
	html_raw_trusted(b, "</h1>\n<p>");
	html_text(b, layout_tr(rq, "We'll send you a Daily Digest email "
	    "every morning with the latest news on the topics you follow."));
	html_raw_trusted(b, "</p>\n<form class=\"follow-form\" method=\"post\""
	    " action=\"/follow\" novalidate>\n");
	layout_csrf(b, rq);
	if (fe && fe->field == FF_NONE)
		follow_field_error(b, rq, "follow-error", fe);
	html_raw_trusted(b, "<p><label for=\"follow-email\">");
	html_text(b, layout_tr(rq, "Email address"));
	html_raw_trusted(b, "</label>\n");
	if (bad_email)
		follow_field_error(b, rq, "follow-email-error", fe);
	html_raw_trusted(b, "<input id=\"follow-email\" name=\"email\" "
	    "type=\"email\" required maxlength=\"254\" autocomplete=\"email\"");
	html_raw_trusted(b, bad_email ? " aria-invalid=\"true\" "
	    "aria-describedby=\"follow-email-error\">" : ">");
	html_raw_trusted(b, "</p>\n<p>");
	follow_select(b, rq, &tl, sel);
	if (fe && fe->field == FF_TOPIC)
		follow_field_error(b, rq, "follow-topic-error", fe);
	html_raw_trusted(b, "</p>\n<p><button type=\"submit\">");
	html_text(b, layout_tr(rq, "Sign up"));
	html_raw_trusted(b, "</button></p>\n</form>\n");
	layout_foot(b, rq);
	topic_list_release(&tl);
}

/* The answer after a follow: a short page with a title and a line. */
static void
follow_done_page(const struct request *rq, struct response *r,
    const char *title, const char *text)
{
	struct buf *b = &r->body;

	layout_page_title(b, rq, title);
	html_raw_trusted(b, "<p>");
	html_text(b, layout_tr(rq, text));
	html_raw_trusted(b, "</p>\n<p><a href=\"/\">");
	html_text(b, layout_tr(rq, "Back to the latest news"));
	html_raw_trusted(b, "</a></p>\n");
	layout_foot(b, rq);
}

void
page_follow_get(const struct request *rq, struct response *r)
{
	const char *done = rq->field[FG_DONE];

	if (done && strcmp(done, "sent") == 0)
		follow_done_page(rq, r, "Check your email",
		    FOLLOW_MSG_SENT);
	else if (done && strcmp(done, "added") == 0)
		follow_done_page(rq, r, "Topic added", FOLLOW_MSG_ADDED);
	else
		follow_page(rq, r, rq->field[FG_TOPIC], NULL);
}

static void
follow_json(const struct request *rq, struct response *r, const char *status,
    const char *msgid, const char *field)
{
	json_t *j = json_pack("{s:s, s:s}", "status", status, "message",
	    layout_tr(rq, msgid));

	if (field)
		json_object_set_new(j, "fields", json_pack("{s:s}", field,
		    layout_tr(rq, msgid)));
	response_json(r, j, JSON_COMPACT);
}

/* Answer a refused follow: JSON for the script, else the form again. */
static void
follow_refuse(const struct request *rq, struct response *r,
    const struct follow_err *fe)
{
	static const char *const names[] = {NULL, "email", "topic"};

	if (rq->want_json) {
		r->status = fe->json_status;
		follow_json(rq, r, fe->json_status == 422 ? "invalid" :
		    "refused", fe->msgid, names[fe->field]);
		return;
	}
	follow_page(rq, r, rq->field[FP_TOPIC], fe);
}

static void
follow_ok(const struct request *rq, struct response *r, int added)
{
	if (rq->want_json)
		follow_json(rq, r, added ? "added" : "sent",
		    added ? FOLLOW_MSG_ADDED : FOLLOW_MSG_SENT, NULL);
	else
		response_redirect(r, added ? "/follow?done=added" :
		    "/follow?done=sent");
}

/* The checks before any mail: a topic that exists, an address that
 * parses. 0 when both hold (addr normalized), else fe is filled. */
static int
follow_check(const struct request *rq, struct buf *addr,
    struct follow_err *fe)
{
	struct topic t = {0, NULL, NULL, NULL};
	struct nd_error err;
	const char *email = rq->field[FP_EMAIL];

	fe->json_status = 422;
	if (email == NULL || email[strspn(email, " \t")] == '\0') {
		fe->field = FF_EMAIL;
		fe->msgid = "Enter your email address.";
		return -1;
	}
	if (email_normalize(email, strlen(email), addr, &err) != ND_OK) {
		fe->field = FF_EMAIL;
		fe->msgid = "Enter a valid email address, like "
		    "name@example.com.";
		return -1;
	}
	if (rq->field[FP_TOPIC] == NULL || store_topic_get(rq->store,
	    rq->field[FP_TOPIC], &t, &err) != ND_OK) {
		fe->field = FF_TOPIC;
		fe->msgid = "Choose a topic to follow.";
		return -1;
	}
	topic_release(&t);
	return 0;
}

/* A signed-in, confirmed reader following with their own address: the
 * topic is added at once. 1 when done, 0 when the link is needed. */
static int
follow_signed_in(const struct request *rq, const char *addr)
{
	struct reader *rd = NULL, up;
	struct nd_error err;
	int done = 0;

	if (rq->reader <= 0 || store_reader_get_id(rq->store, rq->reader,
	    &rd, &err) != ND_OK)
		return 0;
	if (rd->confirmed_at > 0 && strcmp(rd->email, addr) == 0) {
		memset(&up, 0, sizeof(up));
		up.email = rd->email;
		up.hour = -1;
		strlist_push(&up.topics, rq->field[FP_TOPIC]);
		done = store_reader_put(rq->store, &up, rq->now, &err) ==
		    ND_OK;
		strlist_release(&up.topics);
	}
	reader_release(rd);
	free(rd);
	return done;
}

/* follow_request's refusal as a message: the rate limits, or mail that
 * could not go out. */
static void
follow_mail_error(enum nd_err e, struct follow_err *fe)
{
	fe->field = FF_NONE;
	if (e == ND_ELIMIT) {
		fe->msgid = "Too many requests. Please try again in an hour.";
		fe->json_status = 429;
		return;
	}
	fe->msgid = "We could not send the email just now. Please try "
	    "again later.";
	fe->json_status = 503;
}

void
page_follow_post(const struct request *rq, struct response *r)
{
	struct buf addr = BUF_INIT;
	struct follow_err fe = {FF_NONE, NULL, 0};
	struct follow_opts o;
	struct strlist topics = STRLIST_INIT;
	struct nd_error err;
	enum nd_err e;

	if (follow_check(rq, &addr, &fe) != 0) {
		follow_refuse(rq, r, &fe);
		goto out;
	}
	if (follow_signed_in(rq, addr.ptr)) {
		follow_ok(rq, r, 1);
		goto out;
	}
	memset(&o, 0, sizeof(o));
	o.base_url = rq->base;
	o.from = rq->mail_from;
	o.ip = rq->ip;
	o.lang = i18n_lang(rq->ui);
	o.hour = -1;
	o.now = rq->now;
	strlist_push(&topics, rq->field[FP_TOPIC]);
	e = !rq->mail ? ND_ENET : follow_request(rq->store, &o, addr.ptr,
	    &topics, &err);
	if (e == ND_OK)
		request_mail_queued(rq);
	if (e != ND_OK) {
		if (e != ND_ELIMIT && e != ND_ENET)
			fprintf(stderr, "newsdesk: follow: %s\n", err.msg);
		follow_mail_error(e, &fe);
		follow_refuse(rq, r, &fe);
	} else
		follow_ok(rq, r, 0);
out:
	strlist_release(&topics);
	buf_release(&addr);
}

/* The names of rd's topics, ", " between, into b (unescaped). */
static void
follow_topic_names(const struct request *rq, const struct reader *rd,
    struct buf *b)
{
	struct topic_list tl = {NULL, 0};
	struct nd_error err;
	size_t i;

	if (store_topic_list(rq->store, &tl, &err) != ND_OK)
		topic_list_release(&tl);
	for (i = 0; i < rd->topics.n; i++)
		buf_printf(b, "%s%s", i ? ", " : "",
		    layout_topic_name(&tl, rd->topics.v[i]));
	topic_list_release(&tl);
}

void
page_confirm(const struct request *rq, struct response *r)
{
	struct buf names = BUF_INIT, link = BUF_INIT, *b = &r->body;
	struct reader *rd = NULL;
	struct nd_error err;
	int64_t id = 0;

	if (rq->field[0] == NULL || follow_confirm(rq->store, rq->field[0],
	    rq->now, &id, &err) != ND_OK || store_reader_get_id(rq->store,
	    id, &rd, &err) != ND_OK) {
		page_error(rq, r, 400, FOLLOW_MSG_BAD_LINK);
		return;
	}
	follow_topic_names(rq, rd, &names);
	page_follow_prefs_link(rq, id, &link);
	layout_head(b, rq, layout_tr(rq, "Subscription confirmed"), NULL,
	    NULL);
	html_raw_trusted(b, "<h1>");
	html_text(b, layout_tr(rq, "Subscription confirmed"));
	html_raw_trusted(b, "</h1>\n<p>");
	layout_trf(b, rq, "You now get the Daily Digest for %s.", names.ptr);
	html_raw_trusted(b, "</p>\n<p><a href=\"");
	html_url(b, link.ptr);
	html_raw_trusted(b, "\">");
	html_text(b, layout_tr(rq, "Choose your topics, delivery time and "
	    "language"));
	html_raw_trusted(b, "</a></p>\n");
	layout_foot(b, rq);
	buf_release(&names);
	buf_release(&link);
	reader_release(rd);
	free(rd);
}

void
page_follow_prefs_link(const struct request *rq, int64_t id, struct buf *out)
{
	char data[24], *tok;

	snprintf(data, sizeof(data), "%lld", (long long)id);
	tok = token_sign(rq->key, "preferences", data, rq->now +
	    PAGE_FOLLOW_TOKEN_DAYS * 86400);
	buf_printf(out, "/preferences?t=%s", tok ? tok : "");
	free(tok);
}
