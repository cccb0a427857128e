/* mime.h - composing a mail message with GMime 3.
 *
 * One multipart/alternative message with a text/plain and a text/html
 * part, both UTF-8 (quoted-printable), and the headers From, To, Date,
 * Message-ID, Subject (RFC 2047 encoded by GMime where needed), MIME-
 * Version and, when given, List-Id, List-Unsubscribe (<https>, <mailto>)
 * and List-Unsubscribe-Post: List-Unsubscribe=One-Click (RFC 8058).
 *
 * Nothing that becomes a header may hold CR, LF or other controls: such
 * a value is refused with ND_EINVAL naming the header, never cleaned.
 * Lines end in LF; the SMTP sender turns them into CRLF.
 */
#ifndef ND_MIME_H
#define ND_MIME_H

#include <stdint.h>

#include "util/buf.h"
#include "util/err.h"

struct mime_msg {
	const char *from_name;		/* display name, UTF-8, or NULL */
	const char *from_addr;		/* "digest@news.example" */
	const char *to;			/* normalized address */
	const char *subject;		/* UTF-8 */
	const char *message_id;		/* without <>: "digest.7.20260329@host" */
	int64_t date;			/* UTC seconds */
	const char *list_id;		/* "Daily Digest <digest.host>" or NULL */
	const char *unsub_url;		/* https://... or NULL */
	const char *unsub_mailto;	/* mailto:... or NULL */
	const char *text;		/* UTF-8 body, LF line ends */
	const char *html;		/* UTF-8 HTML document */
};

/* Append the whole message (headers and body) to out. */
enum nd_err mime_compose(const struct mime_msg *m, struct buf *out,
    struct nd_error *err);

/* 1 if s is fit for a header: no byte below 0x20 (tab allowed) or 0x7f. */
int mime_header_safe(const char *s);

#endif
