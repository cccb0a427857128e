/* email.c - email address checks (RFC 5321/5322 dot-atom, lengths, no
 * controls) and IDN domains to punycode through ICU's UTS #46.
 */
#include "mail/email.h"

#include <string.h>

#include <unicode/uidna.h>

#define EMAIL_SHOW_MAX	80	/* bytes of the input quoted in a message */

/* The input for a message: printable ASCII kept, other bytes as \xNN,
 * cut after EMAIL_SHOW_MAX bytes. */
static void
email_show(const char *s, size_t n, char *out, size_t cap)
{
	static const char hex[] = "0123456789abcdef";
	size_t i, o = 0;
	unsigned char c;

	for (i = 0; i < n && i < EMAIL_SHOW_MAX && o + 5 < cap; i++) {
		c = (unsigned char)s[i];
		if (c >= 0x20 && c < 0x7f && c != '\'') {
			out[o++] = (char)c;
		} else if (c >= 0x80) {
			out[o++] = (char)c;	/* UTF-8 shown as is */
		} else {
			out[o++] = '\\';
			out[o++] = 'x';
			out[o++] = hex[c >> 4];
			out[o++] = hex[c & 15];
		}
	}
	if (i < n && o + 4 < cap) {
		memcpy(out + o, "...", 3);
		o += 3;
	}
	out[o] = '\0';
}

static enum nd_err
email_fail(struct nd_error *err, const char *s, size_t n, const char *why)
{
	char shown[EMAIL_SHOW_MAX * 4 + 8];

	email_show(s, n, shown, sizeof(shown));
	return nd_error_set(err, ND_EINVAL, "'%s' is not an email address: "
	    "%s", shown, why);
}

static int
email_atext(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || (c != 0 && strchr("!#$%&'*+-/=?^_`{|}~",
	    c) != NULL);
}

/* Dot-atom: atext runs separated by single dots. NULL when fine. */
static const char *
email_local_check(const char *p, size_t n)
{
	size_t i;

	if (n == 0)
		return "nothing before the '@'";
	if (n > EMAIL_LOCAL_MAX)
		return "the part before the '@' is longer than 64 bytes";
	if (p[0] == '.' || p[n - 1] == '.')
		return "the part before the '@' starts or ends with a dot";
	for (i = 0; i < n; i++) {
		if (p[i] == '.' && p[i + 1] == '.')
			return "two dots in a row";
		if ((unsigned char)p[i] >= 0x80)
			return "only ASCII is accepted before the '@'";
		if (p[i] != '.' && !email_atext((unsigned char)p[i]))
			return "a character that is not allowed before the "
			    "'@' (quoted and commented forms are not "
			    "accepted)";
	}
	return NULL;
}

/* One ASCII label: letters, digits, inner hyphens, 1..63 bytes. */
static const char *
email_label_check(const char *p, size_t n)
{
	size_t i;

	if (n == 0)
		return "the domain has an empty label";
	if (n > 63)
		return "a domain label is longer than 63 bytes";
	if (p[0] == '-' || p[n - 1] == '-')
		return "a domain label starts or ends with a hyphen";
	for (i = 0; i < n; i++)
		if (!((p[i] >= 'a' && p[i] <= 'z') ||
		    (p[i] >= '0' && p[i] <= '9') || p[i] == '-'))
			return "the domain holds a character that is not "
			    "allowed";
	return NULL;
}

static const char *
email_domain_check(const char *p, size_t n)
{
	const char *why, *dot;
	size_t labels = 0;

	if (n > EMAIL_DOMAIN_MAX)
		return "the domain is longer than 255 bytes";
	while (n > 0) {
		dot = memchr(p, '.', n);
		if ((why = email_label_check(p, dot ? (size_t)(dot - p) :
		    n)) != NULL)
			return why;
		labels++;
		if (dot == NULL)
			break;
		n -= (size_t)(dot - p) + 1;
		p = dot + 1;
		if (n == 0)
			return "the domain ends with a dot";
	}
	if (labels < 2)
		return "the domain needs at least one dot";
	return NULL;
}

/* UTS #46 to ASCII (lower case, punycode) into out[cap]; NULL when fine. */
static const char *
email_idna(const char *p, size_t n, char *out, size_t cap, size_t *len)
{
	UErrorCode uerr = U_ZERO_ERROR;
	UIDNAInfo info = UIDNA_INFO_INITIALIZER;
	UIDNA *idna;
	int32_t got;

	idna = uidna_openUTS46(UIDNA_CHECK_BIDI | UIDNA_CHECK_CONTEXTJ |
	    UIDNA_NONTRANSITIONAL_TO_ASCII | UIDNA_USE_STD3_RULES, &uerr);
	if (U_FAILURE(uerr))
		return "the domain cannot be checked (ICU IDNA unavailable)";
	got = uidna_nameToASCII_UTF8(idna, p, (int32_t)n, out,
	    (int32_t)cap - 1, &info, &uerr);
	uidna_close(idna);
	if (U_FAILURE(uerr) || got < 0 || (size_t)got >= cap)
		return "the domain is too long";
	if (info.errors & UIDNA_ERROR_DOMAIN_NAME_TOO_LONG)
		return "the domain is too long";
	if (info.errors & UIDNA_ERROR_LABEL_TOO_LONG)
		return "a domain label is longer than 63 bytes";
	if (info.errors & UIDNA_ERROR_EMPTY_LABEL)
		return "the domain has an empty label";
	if (info.errors != 0)
		return "the domain is not a valid (internationalized) host "
		    "name";
	out[got] = '\0';
	*len = (size_t)got;
	return NULL;
}

/* Refuse controls, white space and bytes that are never in an address. */
static const char *
email_bytes_check(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '\r' || c == '\n')
			return "it contains a line break";
		if (c < 0x20 || c == 0x7f)
			return "it contains a control character";
		if (c == ' ')
			return "it contains a space";
	}
	return NULL;
}

enum nd_err
email_normalize(const char *s, size_t n, struct buf *out,
    struct nd_error *err)
{
	char domain[EMAIL_DOMAIN_MAX * 2 + 64];
	const char *at, *why;
	size_t local, dlen;

	if (n == 0)
		return nd_error_set(err, ND_EINVAL, "no email address given");
	if (n > EMAIL_INPUT_MAX)
		return email_fail(err, s, n, "it is far too long");
	if ((why = email_bytes_check(s, n)) != NULL)
		return email_fail(err, s, n, why);
	if ((at = memchr(s, '@', n)) == NULL)
		return email_fail(err, s, n, "there is no '@'");
	if (memchr(at + 1, '@', n - (size_t)(at - s) - 1) != NULL)
		return email_fail(err, s, n, "there is more than one '@'");
	local = (size_t)(at - s);
	if ((why = email_local_check(s, local)) != NULL)
		return email_fail(err, s, n, why);
	if (local + 1 == n)
		return email_fail(err, s, n, "nothing after the '@'");
	if (at[1] == '[')
		return email_fail(err, s, n, "address literals are not "
		    "accepted");
	if ((why = email_idna(at + 1, n - local - 1, domain, sizeof(domain),
	    &dlen)) != NULL ||
	    (why = email_domain_check(domain, dlen)) != NULL)
		return email_fail(err, s, n, why);
	if (local + 1 + dlen > EMAIL_MAX)
		return email_fail(err, s, n, "it is longer than 254 bytes");
	if (buf_put(out, s, local + 1) != ND_OK ||
	    buf_put(out, domain, dlen) != ND_OK)
		return nd_error_set(err, ND_ELIMIT, "email address does not "
		    "fit the buffer");
	return ND_OK;
}

void
email_mask(const char *s, struct buf *out)
{
	const char *at = s ? strrchr(s, '@') : NULL;
	size_t first = 1, dn;

	if (at == NULL || at == s) {
		buf_puts(out, "***");
		return;
	}
	/* the first character: its lead byte and continuation bytes */
	while (s + first < at && ((unsigned char)s[first] & 0xC0) == 0x80)
		first++;
	buf_put(out, s, first);
	buf_puts(out, "***@");
	dn = strlen(at + 1);
	buf_put(out, at + 1, dn > EMAIL_DOMAIN_MAX ? EMAIL_DOMAIN_MAX : dn);
}
