/* comment_post.c - POST /articles/ID/comments: the comment form.
 *
 * The handler fills a struct comment_form from the checked fields and
 * the client address and hands it to comments_submit(), the one posting
 * path. Then:
 *   - without JavaScript, a stored comment answers 303 back to the
 *     article: published -> the page holding it, "#comment-ID";
 *     pending or spam -> "?notice=pending#comments" (spam is worded like
 *     pending, so a bot learns nothing);
 *   - a form with errors (invalid or refused) is the article page again
 *     with status 200, the reader's text kept and the messages beside
 *     the fields (200 rather than 4xx: some proxies and browsers swap
 *     the body of an error answer for their own page, and the reader's
 *     text must not be lost);
 *   - with "Accept: application/json" (the site script's fetch) the
 *     answer is {"status":"published|pending|invalid|refused", "fields":
 *     {name: message}, "message", "comment_count", "id", "html"}, with
 *     HTTP 200, 422 (invalid) or 429 (refused).
 */
#include "web/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "web/layout.h"
#include "web/page_comments.h"

/* Field indexes in the route's list (router.c). */
enum { CP_BODY, CP_NAME, CP_EMAIL, CP_WEBSITE, CP_PARENT, CP_TOKEN, CP_HP,
    CP_NOTIFY };

static void
post_text(struct comments_text *t, const char *v)
{
	t->p = v;
	t->n = v ? strlen(v) : 0;
}

static void
post_form(const struct request *rq, struct comment_form *f)
{
	memset(f, 0, sizeof(*f));
	f->article_id = rq->id;
	f->parent_id = rq->num[CP_PARENT];
	post_text(&f->field[COMMENTS_F_BODY], rq->field[CP_BODY]);
	post_text(&f->field[COMMENTS_F_NAME], rq->field[CP_NAME]);
	post_text(&f->field[COMMENTS_F_EMAIL], rq->field[CP_EMAIL]);
	post_text(&f->field[COMMENTS_F_WEBSITE], rq->field[CP_WEBSITE]);
	post_text(&f->honeypot, rq->field[CP_HP]);
	f->form_token = rq->field[CP_TOKEN];
	f->ip = rq->ip;
	f->lang = page_comments_lang(rq);
	f->notify_replies = rq->num[CP_NOTIFY] == 1;
}

/* The page (1-based) of the thread, oldest first, that shows comment
 * id; 1 when it is not found. One query per page, stopping at the one
 * that holds it. */
static size_t
post_page_of(const struct request *rq, int64_t id)
{
	struct comments_page pg;
	struct nd_error err;
	size_t p = 1, i, pages = 1;
	int found = 0;

	for (; p <= pages && !found; p++) {
		memset(&pg, 0, sizeof(pg));
		if (comments_thread(rq->store, rq->id, COMMENTS_OLDEST_FIRST, p,
		    PAGE_COMMENTS_PER_PAGE, &pg, &err) != ND_OK)
			return 1;
		pages = pg.pages;
		for (i = 0; i < pg.items.n; i++)
			found |= pg.items.v[i].id == id;
		comments_page_release(&pg);
	}
	return found ? p - 1 : 1;
}

static void
post_redirect(const struct request *rq, struct response *r,
    const struct comment_result *res)
{
	struct article *a = NULL;
	struct nd_error err;
	struct buf loc = BUF_INIT;
	size_t page;

	if (store_article_get(rq->store, rq->id, &a, &err) == ND_OK)
		layout_article_path(&loc, a);
	else
		buf_printf(&loc, "/articles/%lld", (long long)rq->id);
	if (res->verdict == COMMENTS_PUBLISHED) {
		page = post_page_of(rq, res->id);
		buf_puts(&loc, "?notice=published");
		if (page > 1)
			buf_printf(&loc, "&cpage=%zu", page);
		buf_printf(&loc, "#comment-%lld", (long long)res->id);
	} else
		buf_puts(&loc, "?notice=pending#comments");
	response_redirect(r, loc.ptr);
	buf_release(&loc);
	article_free(a);
}

/* The form again, with the reader's values and the messages. */
static void
post_again(const struct request *rq, struct response *r,
    const struct comment_result *res)
{
	struct comments_view v;

	page_comments_view_init(&v);
	v.value[COMMENTS_F_BODY] = rq->field[CP_BODY];
	v.value[COMMENTS_F_NAME] = rq->field[CP_NAME];
	v.value[COMMENTS_F_EMAIL] = rq->field[CP_EMAIL];
	v.value[COMMENTS_F_WEBSITE] = rq->field[CP_WEBSITE];
	v.reply = rq->num[CP_PARENT];
	v.res = res;
	v.notify = rq->num[CP_NOTIFY] == 1;
	page_article_render(rq, r, rq->id, &v);
}

/* A message as a JSON string (plain text: the script sets it as text). */
static json_t *
post_jmsg(const struct request *rq, enum comments_msg m, int num)
{
	struct buf b = BUF_INIT;
	json_t *j;

	page_comments_msg_plain(&b, rq, m, num);
	j = json_string(b.ptr);
	buf_release(&b);
	return j;
}

/* The new comment as the thread draws it, when it is published. */
static json_t *
post_jhtml(const struct request *rq, int64_t id)
{
	struct comments_view v;
	struct comment *c = NULL;
	struct nd_error err;
	struct buf b = BUF_INIT;
	json_t *j;

	if (store_comment_get(rq->store, id, &c, &err) != ND_OK)
		return json_null();
	free(c->email);		/* never near a page */
	c->email = NULL;
	page_comments_view_init(&v);
	c->depth = c->parent_id ? 1 : 0;
	page_comments_item(&b, rq, c, &v);
	j = json_string(b.ptr);
	buf_release(&b);
	comment_free(c);
	return j;
}

static void
post_json(const struct request *rq, struct response *r,
    const struct comment_result *res)
{
	static const char *const st[] = {"invalid", "refused", "published",
	    "pending", "pending"};
	json_t *j = json_object(), *fields = json_object();
	struct article *a = NULL;
	struct nd_error err;
	size_t i;

	for (i = 0; i < COMMENTS_F_MAX; i++)
		if (res->field[i] != COMMENTS_MSG_NONE)
			json_object_set_new(fields, page_comments_field(i),
			    post_jmsg(rq, res->field[i],
			    comments_field_max((enum comments_field)i)));
	json_object_set_new(j, "status", json_string(st[res->verdict]));
	json_object_set_new(j, "fields", fields);
	json_object_set_new(j, "message", post_jmsg(rq, res->msg, 0));
	json_object_set_new(j, "id", res->verdict == COMMENTS_PUBLISHED ?
	    json_integer(res->id) : json_null());
	json_object_set_new(j, "parent", json_integer(rq->num[CP_PARENT]));
	json_object_set_new(j, "html", res->verdict == COMMENTS_PUBLISHED ?
	    post_jhtml(rq, res->id) : json_null());
	if (store_article_get(rq->store, rq->id, &a, &err) == ND_OK)
		json_object_set_new(j, "comment_count",
		    json_integer(a->comment_count));
	article_free(a);
	r->status = res->verdict == COMMENTS_INVALID ? 422 :
	    res->verdict == COMMENTS_REFUSED ? 429 : 200;
	response_json(r, j, JSON_COMPACT);
}

/* The comment and the mails it causes in one transaction: a mail that
 * cannot be queued leaves no comment (a new post sends both). */
static enum nd_err
post_store(const struct request *rq, const struct comment_form *form,
    struct comment_result *res, struct nd_error *err)
{
	int queued = 0;
	enum nd_err e;

	if ((e = store_tx_begin(rq->store, err)) != ND_OK)
		return e;
	e = comments_submit(rq->store, rq->key, form, rq->comments, rq->now,
	    res, err);
	if (e == ND_OK)
		e = comment_notify_stored(rq, res, &queued, err);
	if ((e = store_tx_end(rq->store, e, err)) == ND_OK && queued)
		request_mail_queued(rq);
	return e;
}

void
comment_post(const struct request *rq, struct response *r)
{
	struct comment_form form;
	struct comment_result res;
	struct nd_error err;

	memset(&res, 0, sizeof(res));
	post_form(rq, &form);
	if (post_store(rq, &form, &res, &err) != ND_OK) {
		fprintf(stderr, "newsdesk: comment on article %lld: %s\n",
		    (long long)rq->id, err.msg);
		page_error(rq, r, 503, "The store is not answering");
		goto out;
	}
	if (rq->want_json)
		post_json(rq, r, &res);
	else if (res.verdict == COMMENTS_INVALID ||
	    res.verdict == COMMENTS_REFUSED)
		post_again(rq, r, &res);
	else
		post_redirect(rq, r, &res);
out:
	comments_result_release(&res);
}
