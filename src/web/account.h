/* account.h - reader accounts on the site: the header's account links,
 * the way to the sign-in page, and the safe "next" paths a sign-in
 * returns to (page_signin.c, page_saved.c, page_admin.c).
 */
#ifndef ND_ACCOUNT_H
#define ND_ACCOUNT_H

#include <stdint.h>

#include "util/buf.h"
#include "web/http.h"

#define ACCOUNT_NEXT_MAX	512	/* bytes of a next path */
#define ACCOUNT_SIGNIN_TTL	1800	/* seconds a sign-in link is valid */

/* 1 when next is a site-relative path we may redirect to: starts with
 * one '/', not "//" or "/\", printable ASCII without spaces or '\',
 * at most ACCOUNT_NEXT_MAX bytes. Anything else is never followed (no
 * open redirects). */
int account_next_ok(const char *next);
/* The signed-in reader of rq when the reader still exists, else 0. */
int64_t account_reader(const struct request *rq);
/* The header's account part: "Sign in" for a signed-out request, else
 * "Saved", "Admin" for admins, and a sign-out form with CSRF. */
void account_header(struct buf *b, const struct request *rq);
/* Turn r into 303 to /signin?next=NEXT (NEXT when account_next_ok). */
void account_to_signin(struct response *r, const char *next);
/* The Save/Remove button of article id for rq's reader (form posting
 * to /saved, works without JavaScript). With back_to_saved the POST
 * returns to /saved instead of the article. */
void account_save_form(struct buf *b, const struct request *rq, int64_t id,
    int back_to_saved);

#endif
