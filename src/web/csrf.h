/* csrf.h - double-submit CSRF tokens.
 *
 * The token is a signed token (util/token.h, purpose "csrf") over 16
 * random bytes, valid CSRF_TTL seconds. It travels twice: in the
 * nd_csrf cookie (HttpOnly, SameSite=Lax) and in a hidden "csrf" field
 * of every form. A POST passes only when both are present, equal, and
 * the signature checks with the store's secret: a site that cannot read
 * our cookie cannot forge the field, and a cookie planted by a sibling
 * domain does not verify.
 */
#ifndef ND_CSRF_H
#define ND_CSRF_H

#include <stdint.h>

#include "util/token.h"

#define CSRF_COOKIE	"nd_csrf"
#define CSRF_FIELD	"csrf"
#define CSRF_TTL	(7 * 24 * 3600)

/* The token to use for this request: cookie itself when it verifies
 * (and is not about to expire), else a fresh one, in which case *fresh
 * is set and the caller must send it as a cookie. Caller frees. */
char *csrf_token(const unsigned char key[TOKEN_KEY_BYTES],
    const char *cookie, int64_t now, int *fresh);
/* 1 when field and cookie are the same valid token, else 0. */
int csrf_check(const unsigned char key[TOKEN_KEY_BYTES], const char *cookie,
    const char *field, int64_t now);

#endif
