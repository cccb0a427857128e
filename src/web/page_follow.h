/* page_follow.h - what the reader mail pages (page_follow.c,
 * page_prefs.c, page_unsub.c) share: their messages and the signed
 * preferences link. */
#ifndef ND_PAGE_FOLLOW_H
#define ND_PAGE_FOLLOW_H

#include <stdint.h>

#include "util/buf.h"
#include "web/http.h"

#define PAGE_FOLLOW_TOKEN_DAYS	30	/* preferences links from a page */

#define FOLLOW_MSG_SENT		"Check your email to confirm. We have " \
	"sent you a link; nothing more will be sent until you click it."
#define FOLLOW_MSG_ADDED	"The topic was added to your Daily Digest."
#define FOLLOW_MSG_BAD_LINK	"This link is not valid or has expired."

/* "/preferences?t=TOKEN" for reader id (a site path, unescaped) into
 * out; the token is signed with rq->key, purpose "preferences". */
void page_follow_prefs_link(const struct request *rq, int64_t id,
    struct buf *out);

#endif
