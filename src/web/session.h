/* session.h - who is signed in.
 *
 * A session is a signed token (util/token.h, purpose "session", data the
 * reader id in decimal) carried in the nd_session cookie (HttpOnly,
 * SameSite=Lax, Secure behind a TLS proxy), valid SESSION_TTL seconds.
 * Nothing is stored server-side, so any web node verifies it with the
 * store's secret; signing out clears the cookie. Handlers read
 * rq->reader (0: signed out) and must still check the reader exists.
 */
#ifndef ND_SESSION_H
#define ND_SESSION_H

#include <stdint.h>

#include "util/token.h"

#define SESSION_COOKIE	"nd_session"
#define SESSION_TTL	(30 * 24 * 3600)

/* The reader id of a session cookie, or 0 when cookie is NULL, forged,
 * expired or malformed. */
int64_t session_reader(const unsigned char key[TOKEN_KEY_BYTES],
    const char *cookie, int64_t now);

/* A new session token for reader (caller frees). */
char *session_token(const unsigned char key[TOKEN_KEY_BYTES], int64_t reader,
    int64_t now);

#endif
