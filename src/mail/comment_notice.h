/* comment_notice.h - the two mails of reader comments.
 *
 *   comment_notice_edit()	the author's 15-minute edit/delete link,
 *				sent right after a comment is stored
 *   comment_notice_reply()	"someone replied to your comment", sent
 *				when a reply becomes visible, to a parent
 *				author who asked for it (notify_replies)
 *   comment_notice_optout()	the one-click opt-out behind the link and
 *				the List-Unsubscribe header of the latter
 *
 * Both are rendered and queued in the store's outbox (mail/outbox.h,
 * kinds "comment-edit" and "comment-reply"); whoever delivers the
 * outbox sends them (the serve's scheduler, the CLI after approving). Texts are English or German: the
 * language the recipient posted their comment in (comment.lang), never
 * that of whoever triggers the mail (a moderator approving a reply).
 */
#ifndef ND_COMMENT_NOTICE_H
#define ND_COMMENT_NOTICE_H

#include <stdint.h>

#include "store/store.h"
#include "util/err.h"

#define COMMENT_NOTICE_PURPOSE	"comment-optout"
#define COMMENT_NOTICE_EXCERPT	280	/* bytes of the reply quoted */

/* Where and how the mails go (all borrowed). */
struct comment_notice_ctx {
	struct store *store;
	const unsigned char *key;	/* store secret */
	const char *from;		/* sender address */
	const char *base;		/* public site URL, no trailing '/' */
	const char *lang;		/* for comments stored without a
					 * language (before migration 6):
					 * the site default; NULL: "en" */
	int64_t now;
};

/* Queue a mail to the author of comment id (its stored address, in its
 * stored language) with the link base/comments/edit?t=TOKEN. Fails
 * when the comment is gone or the outbox does not take the message. */
enum nd_err comment_notice_edit(const struct comment_notice_ctx *cx,
    int64_t id, const char *token, struct nd_error *err);

/* Comment id has just become visible: when it is an approved reply and
 * its parent's author opted in and is not the replier, mail them (in
 * the parent's stored language) the
 * replier's name, an excerpt, a link to the reply and an opt-out link
 * (token purpose COMMENT_NOTICE_PURPOSE, data the parent id, no
 * expiry). *sent is 1 when a mail was queued. */
enum nd_err comment_notice_reply(const struct comment_notice_ctx *cx,
    int64_t id, int *sent, struct nd_error *err);

/* Check an opt-out token at now and turn reply mails off for the
 * address of the comment it names. ND_EINVAL for a forged token. */
enum nd_err comment_notice_optout(struct store *s,
    const unsigned char *key, const char *token, int64_t now,
    struct nd_error *err);

#endif
