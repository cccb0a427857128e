/* pages.h - the handlers the route table points to, one file per page
 * family (page_*.c, feed_atom.c, api.c, static.c). Each reads the
 * checked request and fills the response; none keeps anything. */
#ifndef ND_PAGES_H
#define ND_PAGES_H

#include "web/http.h"

struct comments_view;

void page_home(const struct request *rq, struct response *r);
void page_article(const struct request *rq, struct response *r);
/* The article page for id with the comments area as v says (borrowed);
 * also the answer to a comment POST that failed. */
void page_article_render(const struct request *rq, struct response *r,
    int64_t id, const struct comments_view *v);
/* POST /articles/ID/comments (comment_post.c). */
void comment_post(const struct request *rq, struct response *r);
void page_topic(const struct request *rq, struct response *r);
void page_search(const struct request *rq, struct response *r);
void page_saved_get(const struct request *rq, struct response *r);
void page_saved_post(const struct request *rq, struct response *r);
/* Reader accounts: page_signin.c, page_saved.c, page_admin.c. */
void page_signin(const struct request *rq, struct response *r);
void page_signin_post(const struct request *rq, struct response *r);
void page_signin_confirm(const struct request *rq, struct response *r);
void page_signout(const struct request *rq, struct response *r);
void page_admin(const struct request *rq, struct response *r);
void page_admin_post(const struct request *rq, struct response *r);
/* 1 when rq's reader is an admin; otherwise r holds the answer: signed
 * out, 303 to the sign-in page and back to back (403 with denied for a
 * POST); signed in but no admin, 403 with the message denied (a msgid:
 * translated). */
int page_admin_allowed(const struct request *rq, struct response *r,
    const char *back, const char *denied);
/* The admin pages' section opening (<section> with its <h2> id and the
 * translated title) and their "Nothing here." paragraph. */
void page_admin_section(struct buf *b, const struct request *rq,
    const char *id, const char *title);
void page_admin_nothing(struct buf *b, const struct request *rq);
/* GET /admin/outbox (page_admin_outbox.c): the reader mails waiting or
 * given up, for admins. */
void page_admin_outbox(const struct request *rq, struct response *r);
/* /follow, /confirm (page_follow.c), /preferences (page_prefs.c),
 * /unsubscribe (page_unsub.c): the reader mail routes. */
void page_follow_get(const struct request *rq, struct response *r);
void page_follow_post(const struct request *rq, struct response *r);
void page_confirm(const struct request *rq, struct response *r);
void page_prefs_get(const struct request *rq, struct response *r);
void page_prefs_post(const struct request *rq, struct response *r);
void page_unsub_get(const struct request *rq, struct response *r);
/* The GET page of a one-click link (unsubscribe, reply opt-out): checks
 * token for purpose (a bad one is a 400 page), then asks question with
 * one button that POSTs List-Unsubscribe=One-Click to action?t=token.
 * A GET never changes anything: mail scanners follow links. Strings are
 * msgids, translated and escaped here. */
struct oneclick {
	const char *purpose, *token, *action, *title, *question, *button;
};
void page_oneclick(const struct request *rq, struct response *r,
    const struct oneclick *o);
void page_unsub_post(const struct request *rq, struct response *r);
void page_health(const struct request *rq, struct response *r);
/* The author's links from the comment mails (page_comment_edit.c). */
void page_comment_edit_get(const struct request *rq, struct response *r);
void page_comment_edit_post(const struct request *rq, struct response *r);
void page_comment_optout_get(const struct request *rq, struct response *r);
void page_comment_optout_post(const struct request *rq, struct response *r);
/* A short page (JSON under /api/) with status and a message id. */
void page_error(const struct request *rq, struct response *r,
    unsigned status, const char *msgid);

void feed_atom_all(const struct request *rq, struct response *r);
void feed_atom_topic(const struct request *rq, struct response *r);

void api_articles(const struct request *rq, struct response *r);
void api_article(const struct request *rq, struct response *r);
void api_topics(const struct request *rq, struct response *r);
void api_topic_articles(const struct request *rq, struct response *r);
void api_search(const struct request *rq, struct response *r);

void static_css(const struct request *rq, struct response *r);
void static_js(const struct request *rq, struct response *r);

#endif
