/* notice.h - the short service emails: the double opt-in confirmation
 * and the sign-in link (text + HTML through mime_compose). */
#ifndef ND_NOTICE_H
#define ND_NOTICE_H

#include <stdint.h>

#include "util/buf.h"
#include "util/err.h"

enum notice_kind {
	NOTICE_CONFIRM,		/* "confirm that you want the digest" */
	NOTICE_SIGNIN,		/* "your sign-in link (30 minutes)" */
};

struct notice {
	enum notice_kind kind;
	const char *from;	/* sender address */
	const char *to;		/* normalized recipient */
	const char *lang;	/* "en", "de" */
	const char *topic;	/* topic display name (CONFIRM), or NULL */
	const char *link;	/* the signed link */
	int64_t now;
};

/* Append the composed message to out. */
enum nd_err notice_compose(const struct notice *n, struct buf *out,
    struct nd_error *err);

#endif
