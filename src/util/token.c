#include "util/token.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "util/buf.h"
#include "util/xalloc.h"

#define TOKEN_B64 sodium_base64_VARIANT_URLSAFE_NO_PADDING

static void
token_mac(const unsigned char key[TOKEN_KEY_BYTES], const char *p, size_t n,
    unsigned char mac[crypto_auth_hmacsha256_BYTES])
{
	crypto_auth_hmacsha256_state st;

	crypto_auth_hmacsha256_init(&st, key, TOKEN_KEY_BYTES);
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)p, n);
	crypto_auth_hmacsha256_final(&st, mac);
}

/* base64url of p[0..n) appended to b. */
static void
token_b64(struct buf *b, const void *p, size_t n)
{
	size_t len = sodium_base64_ENCODED_LEN(n, TOKEN_B64);
	char *s = xmalloc(len);

	sodium_bin2base64(s, len, p, n, TOKEN_B64);
	buf_puts(b, s);
	free(s);
}

char *
token_sign(const unsigned char key[TOKEN_KEY_BYTES], const char *purpose,
    const char *data, int64_t expires)
{
	unsigned char mac[crypto_auth_hmacsha256_BYTES];
	struct buf payload = BUF_INIT, tok = BUF_INIT;

	if (sodium_init() < 0 || strlen(purpose) > TOKEN_MAX_PURPOSE ||
	    strchr(purpose, '|') || strlen(data) > TOKEN_MAX_DATA)
		return NULL;
	buf_printf(&payload, "%s|%" PRId64 "|%s", purpose, expires, data);
	token_mac(key, payload.ptr, payload.len, mac);
	token_b64(&tok, payload.ptr, payload.len);
	buf_putc(&tok, '.');
	token_b64(&tok, mac, sizeof(mac));
	buf_release(&payload);
	return buf_detach(&tok, NULL);
}

/* Decode base64url s[0..n) into out (at most max bytes); -1 if bad. */
static long
token_unb64(const char *s, size_t n, unsigned char *out, size_t max)
{
	size_t len = 0;

	if (sodium_base642bin(out, max, s, n, NULL, &len, NULL,
	    TOKEN_B64) != 0)
		return -1;
	return (long)len;
}

/* Split a verified payload "PURPOSE|EXPIRES|DATA". */
static enum nd_err
token_fields(const char *payload, const char *purpose, int64_t now,
    char **data, struct nd_error *err)
{
	const char *bar1 = strchr(payload, '|'), *bar2;
	char *end;
	long long exp;

	if (bar1 == NULL || (bar2 = strchr(bar1 + 1, '|')) == NULL)
		return nd_error_set(err, ND_EINVAL, "malformed token");
	if ((size_t)(bar1 - payload) != strlen(purpose) ||
	    strncmp(payload, purpose, strlen(purpose)) != 0)
		return nd_error_set(err, ND_EINVAL, "token is for another "
		    "purpose");
	exp = strtoll(bar1 + 1, &end, 10);
	if (end != bar2 || exp < 0)
		return nd_error_set(err, ND_EINVAL, "malformed token");
	if (exp != 0 && now > exp)
		return nd_error_set(err, ND_ELIMIT, "token expired");
	*data = xstrdup(bar2 + 1);
	return ND_OK;
}

enum nd_err
token_verify(const unsigned char key[TOKEN_KEY_BYTES], const char *purpose,
    const char *tok, int64_t now, char **data, struct nd_error *err)
{
	unsigned char mac[crypto_auth_hmacsha256_BYTES];
	unsigned char want[crypto_auth_hmacsha256_BYTES];
	unsigned char payload[TOKEN_MAX_LEN + 1];
	const char *dot;
	long n;

	*data = NULL;
	if (sodium_init() < 0 || strlen(tok) > TOKEN_MAX_LEN ||
	    (dot = strchr(tok, '.')) == NULL)
		return nd_error_set(err, ND_EINVAL, "malformed token");
	n = token_unb64(tok, (size_t)(dot - tok), payload, TOKEN_MAX_LEN);
	if (n < 0 || token_unb64(dot + 1, strlen(dot + 1), mac,
	    sizeof(mac)) != (long)sizeof(mac))
		return nd_error_set(err, ND_EINVAL, "malformed token");
	payload[n] = '\0';
	token_mac(key, (const char *)payload, (size_t)n, want);
	if (sodium_memcmp(mac, want, sizeof(mac)) != 0)
		return nd_error_set(err, ND_EINVAL, "token signature does not "
		    "match");
	if (memchr(payload, '\0', (size_t)n))
		return nd_error_set(err, ND_EINVAL, "malformed token");
	return token_fields((const char *)payload, purpose, now, data, err);
}
