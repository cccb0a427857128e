/* email.h - email address validation and normalization.
 *
 * Accepted: a dot-atom local part (RFC 5322 atext, at most 64 bytes, ASCII)
 * "@" a domain name of at least two labels (letters, digits, hyphens; each
 * label 1..63 bytes, the whole at most 255) given in ASCII or Unicode;
 * Unicode domains go through IDNA (UTS #46, ICU) to punycode. The whole
 * address is at most 254 bytes (RFC 5321 path limit). Quoted local parts,
 * comments, address literals and SMTPUTF8 local parts are refused.
 */
#ifndef ND_EMAIL_H
#define ND_EMAIL_H

#include <stddef.h>

#include "util/buf.h"
#include "util/err.h"

#define EMAIL_MAX	254
#define EMAIL_LOCAL_MAX	64
#define EMAIL_DOMAIN_MAX 255
#define EMAIL_INPUT_MAX	1024	/* bytes looked at before refusing */

/* Validate s[0..n) and append the normal form (the local part as given,
 * the domain lower-cased ASCII/punycode) to out. On failure out is
 * unchanged and err says "'INPUT' is not an email address: REASON" with
 * the input shown safely (controls escaped, cut when long). */
enum nd_err email_normalize(const char *s, size_t n, struct buf *out,
    struct nd_error *err);

/* Append a masked form of the stored address s (for an admin page,
 * which must never show a whole address): the first character of the
 * local part (a whole UTF-8 sequence), "***", "@" and the domain, e.g.
 * "a***@example.org"; only "***" when s has no '@' or an empty local
 * part. The domain is cut to EMAIL_DOMAIN_MAX bytes. */
void email_mask(const char *s, struct buf *out);

#endif
