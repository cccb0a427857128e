/* token.h - signed, expiring tokens for links, cookies and forms.
 *
 * A token is "PAYLOAD.MAC", both base64url without padding. PAYLOAD is
 * "PURPOSE|EXPIRES|DATA" and MAC is HMAC-SHA-256 over it with the store's
 * secret (store_secret). The purpose binds a token to one use (a sign-in
 * link cannot be replayed as an unsubscribe link). DATA is opaque to this
 * module, at most TOKEN_MAX_DATA bytes, and must not contain '|' only if
 * the caller wants to split it again: the token keeps it whole.
 */
#ifndef ND_TOKEN_H
#define ND_TOKEN_H

#include <stddef.h>
#include <stdint.h>

#include "util/err.h"

#define TOKEN_KEY_BYTES		32
#define TOKEN_MAX_DATA		512
#define TOKEN_MAX_PURPOSE	32
#define TOKEN_MAX_LEN		1024	/* longest token accepted */

/* Sign data for purpose, valid until expires (UTC seconds; 0 = never).
 * Returns a new string (caller frees), or NULL when purpose or data is
 * too long or purpose contains '|'. */
char *token_sign(const unsigned char key[TOKEN_KEY_BYTES],
    const char *purpose, const char *data, int64_t expires);

/* Check tok for purpose at time now. On success *data is a new copy of
 * the signed data (caller frees). Fails with ND_EINVAL ("malformed
 * token", "token signature does not match", "token is for another
 * purpose") or ND_ELIMIT ("token expired"); never says more. */
enum nd_err token_verify(const unsigned char key[TOKEN_KEY_BYTES],
    const char *purpose, const char *tok, int64_t now, char **data,
    struct nd_error *err);

#endif
