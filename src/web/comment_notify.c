/* comment_notify.c - the web's calls to the comment mails.
 *
 * The mails are rendered and queued in the store's outbox (no relay is
 * involved in the request). A mail that cannot be queued is logged and
 * never changes the answer: the comment is stored either way.
 */
#include "web/page_comments.h"

#include <stdio.h>
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

void
comment_notify_stored(const struct request *rq,
    const struct comment_result *res)
{
	struct comment_notice_ctx cx;
	struct nd_error err;

	if (!rq->mail || (res->verdict != COMMENTS_PUBLISHED &&
	    res->verdict != COMMENTS_PENDING))
		return;
	notify_ctx(rq, &cx);
	if (res->edit_token && comment_notice_edit(&cx, res->id,
	    res->edit_token, &err) != ND_OK)
		fprintf(stderr, "newsdesk: comment %lld: edit mail: %s\n",
		    (long long)res->id, err.msg);
	else if (res->edit_token)
		request_mail_queued(rq);
	if (res->verdict == COMMENTS_PUBLISHED)
		comment_notify_visible(rq, res->id);
}

void
comment_notify_visible(const struct request *rq, int64_t id)
{
	struct comment_notice_ctx cx;
	struct nd_error err;
	int sent;

	if (!rq->mail)
		return;
	notify_ctx(rq, &cx);
	if (comment_notice_reply(&cx, id, &sent, &err) != ND_OK)
		fprintf(stderr, "newsdesk: comment %lld: reply mail: %s\n",
		    (long long)id, err.msg);
	else if (sent)
		request_mail_queued(rq);
}
