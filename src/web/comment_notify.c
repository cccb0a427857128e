/* comment_notify.c - the web's calls to the comment mails.
 *
 * The mails are rendered and queued in the store's outbox (no relay is
 * involved in the request), in the transaction that stores the comment
 * or its new status: a mail that cannot be queued fails the request,
 * and the comment is not stored without it.
 */
#include "web/page_comments.h"

#include <string.h>

#include "mail/comment_notice.h"

static void
notify_ctx(const struct request *rq, struct comment_notice_ctx *cx)
{
	memset(cx, 0, sizeof(*cx));
	cx->store = rq->store;
	cx->key = rq->key;
	cx->from = rq->mail_from;
	cx->base = rq->base ? rq->base : "";
	cx->lang = NULL;	/* the site default: mails go out in the
				 * recipient's stored language, not the
				 * language of this request */
	cx->now = rq->now;
}

enum nd_err
comment_notify_stored(const struct request *rq,
    const struct comment_result *res, int *queued, struct nd_error *err)
{
	struct comment_notice_ctx cx;
	enum nd_err e;

	if (!rq->mail || (res->verdict != COMMENTS_PUBLISHED &&
	    res->verdict != COMMENTS_PENDING))
		return ND_OK;
	notify_ctx(rq, &cx);
	if (res->edit_token) {
		if ((e = comment_notice_edit(&cx, res->id, res->edit_token,
		    err)) != ND_OK)
			return e;
		(*queued)++;
	}
	if (res->verdict == COMMENTS_PUBLISHED)
		return comment_notify_visible(rq, res->id, queued, err);
	return ND_OK;
}

enum nd_err
comment_notify_visible(const struct request *rq, int64_t id, int *queued,
    struct nd_error *err)
{
	struct comment_notice_ctx cx;
	int sent = 0;
	enum nd_err e;

	if (!rq->mail)
		return ND_OK;
	notify_ctx(rq, &cx);
	if ((e = comment_notice_reply(&cx, id, &sent, err)) == ND_OK && sent)
		(*queued)++;
	return e;
}
