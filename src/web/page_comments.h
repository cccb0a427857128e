/* page_comments.h - the comments area of the article page: heading
 * with the count, the approved thread (paged, one level of nesting on
 * screen), and the "Leave a comment" form with its errors.
 *
 * The thread and the form come from the comments core (comments.h);
 * this file only writes HTML, every value through html.h. The email
 * address is never read for the thread; it appears only in the form's
 * own email field when the form is shown again to the reader who just
 * posted it (the answer to their POST, never a public page).
 */
#ifndef ND_PAGE_COMMENTS_H
#define ND_PAGE_COMMENTS_H

#include <stdint.h>

#include "comments/comments.h"
#include "store/store.h"
#include "util/buf.h"
#include "web/http.h"

#define PAGE_COMMENTS_PER_PAGE	20	/* top-level comments a page */

/* What the comments area shows besides the thread. All borrowed. */
struct comments_view {
	enum comments_order order;	/* ?comments=newest flips it */
	size_t page;			/* ?cpage=, 1-based (0: first) */
	int64_t reply;			/* ?reply= or the posted parent */
	enum comments_msg notice;	/* after a redirect, or NONE */
	/* the reader's values to keep (NUL-terminated) and the verdict to
	 * show beside them, after a POST that failed; NULL otherwise */
	const char *value[COMMENTS_F_MAX];
	const struct comment_result *res;
	int notify;			/* the reply-mail box was ticked */
};

/* An empty view: oldest first, page 1, no reply, nothing kept. */
void page_comments_view_init(struct comments_view *v);

/* The <section id="comments"> of article a: heading, notice, thread,
 * pager and form, appended to b. A store failure while reading the
 * thread shows a short line instead of the thread. */
void page_comments(struct buf *b, const struct request *rq,
    const struct article *a, const struct comments_view *v);

/* page_comments_form.c: the form (id "respond"), with the kept values,
 * the error summary and the messages beside the fields. */
void page_comments_form(struct buf *b, const struct request *rq,
    const struct article *a, const struct comments_view *v);
/* The form field name of f ("name", "email", "website", "comment"). */
const char *page_comments_field(enum comments_field f);

/* One comment as the thread shows it (<li> with its <article>), for
 * the JSON answer of the form. depth as comments_display_depth. */
void page_comments_item(struct buf *b, const struct request *rq,
    const struct comment *c, const struct comments_view *v);

/* Append msg in the request's language, escaped, with a "%d" pattern
 * filled with num. */
void page_comments_msg(struct buf *b, const struct request *rq,
    enum comments_msg msg, int num);

/* The same without escaping (for JSON). */
void page_comments_msg_plain(struct buf *b, const struct request *rq,
    enum comments_msg msg, int num);

/* comment_notify.c: after comments_submit stored res (published or
 * pending), queue the author's edit-link mail and, when published, the
 * mail to the parent's author about the reply. Needs rq->mail (else
 * nothing, ND_OK); only from POST handlers, inside the transaction
 * that stored the comment (store_tx_begin): a failure is returned so
 * that the caller rolls back the comment with it. *queued is raised by
 * the mails queued (wake the deliverer after the commit). */
enum nd_err comment_notify_stored(const struct request *rq,
    const struct comment_result *res, int *queued, struct nd_error *err);
/* Comment id has just become visible (published or approved): queue
 * the mail to the parent's author if they asked for reply mails. The
 * same transaction and *queued rules. */
enum nd_err comment_notify_visible(const struct request *rq, int64_t id,
    int *queued, struct nd_error *err);

/* The comments core's language code for the request ("en", "de"). */
const char *page_comments_lang(const struct request *rq);

#endif
