/* csrf.c - double-submit CSRF tokens signed with the store's secret. */
#include "web/csrf.h"

#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "util/xalloc.h"

#define CSRF_NONCE_BYTES	16
#define CSRF_RENEW		(24 * 3600)	/* renew a day before expiry */

/* Seconds left on tok at now, or -1 when it does not verify. */
static int64_t
csrf_valid(const unsigned char key[TOKEN_KEY_BYTES], const char *tok,
    int64_t now)
{
	char *data = NULL;
	int64_t left;

	if (tok == NULL || token_verify(key, "csrf", tok, now, &data, NULL))
		return -1;
	free(data);
	/* expiry is not handed back; verify again a day later */
	left = token_verify(key, "csrf", tok, now + CSRF_RENEW, &data, NULL)
	    == ND_OK ? CSRF_RENEW : 0;
	if (left)
		free(data);
	return left;
}

char *
csrf_token(const unsigned char key[TOKEN_KEY_BYTES], const char *cookie,
    int64_t now, int *fresh)
{
	unsigned char nonce[CSRF_NONCE_BYTES];
	char hex[CSRF_NONCE_BYTES * 2 + 1];

	*fresh = 0;
	if (cookie && strlen(cookie) <= TOKEN_MAX_LEN &&
	    csrf_valid(key, cookie, now) > 0)
		return xstrdup(cookie);
	randombytes_buf(nonce, sizeof(nonce));
	sodium_bin2hex(hex, sizeof(hex), nonce, sizeof(nonce));
	*fresh = 1;
	return token_sign(key, "csrf", hex, now + CSRF_TTL);
}

int
csrf_check(const unsigned char key[TOKEN_KEY_BYTES], const char *cookie,
    const char *field, int64_t now)
{
	size_t n;

	if (cookie == NULL || field == NULL)
		return 0;
	n = strlen(cookie);
	if (n != strlen(field) || n > TOKEN_MAX_LEN)
		return 0;
	if (sodium_memcmp(cookie, field, n) != 0)
		return 0;
	return csrf_valid(key, cookie, now) >= 0;
}
