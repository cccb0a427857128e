/* mime_tmpl.h - a digest message composed once per group and emitted
 * per reader.
 *
 * The group's part of a message (From, Subject and List-Id encoded by
 * GMime, the multipart/alternative skeleton, the text/plain and
 * text/html bodies as UTF-8 quoted-printable) is built once; per reader
 * only To, Date, Message-ID, List-Unsubscribe and the slot values (the
 * reader's links) are written. The output is the same kind of message
 * mime_compose() makes: LF line ends, every header ASCII, nothing that
 * becomes a header taken unchecked.
 *
 *	mime_tmpl_init(&t);
 *	mime_tmpl_headers(&t, &group, &err);	// from, subject, list_id
 *	mime_tmpl_part(&t, "plain");
 *	mime_tmpl_text(&t, "Hello ", 6); mime_tmpl_slot(&t, 0); ...
 *	mime_tmpl_part(&t, "html"); ...
 *	mime_tmpl_emit(&t, &reader, slots, 2, &out, &err);	// per reader
 *	mime_tmpl_release(&t);
 */
#ifndef ND_MIME_TMPL_H
#define ND_MIME_TMPL_H

#include <stddef.h>
#include <stdint.h>

#include "mail/mime.h"
#include "util/buf.h"
#include "util/err.h"

#define MIME_TMPL_SLOTS	8

struct mime_piece {
	size_t off, len;	/* encoded bytes body[off, off + len) */
	int slot;		/* or a slot index (then off/len unused), -1 */
};

struct mime_tmpl {
	struct buf head;	/* From, Subject, List-Id lines */
	struct buf body;	/* encoded bytes of the pieces */
	struct mime_piece *v;
	size_t n, cap;
	int parts;		/* parts started */
	int done;		/* closing delimiter written */
};

/* Quoted-printable (RFC 2045) of p[0..n) appended to out: lines of at
 * most 76 characters, '=', controls, 8-bit bytes, white space before a
 * line end and a '.' starting a line encoded. The output always ends at
 * the start of a line (with a soft break "=\n" when p does not end in
 * LF), so encoded pieces may be concatenated as they are. */
void mime_qp_encode(const char *p, size_t n, struct buf *out);

void mime_tmpl_init(struct mime_tmpl *t);
void mime_tmpl_release(struct mime_tmpl *t);
/* The group headers from m->from_name, from_addr, subject and list_id
 * (the other fields are ignored), checked as mime_compose() checks them
 * and encoded by GMime. ND_EINVAL naming the header otherwise. */
enum nd_err mime_tmpl_headers(struct mime_tmpl *t, const struct mime_msg *m,
    struct nd_error *err);
/* Start the next alternative: subtype "plain", then "html". */
void mime_tmpl_part(struct mime_tmpl *t, const char *subtype);
/* Append UTF-8 text to the current part (encoded now). */
void mime_tmpl_text(struct mime_tmpl *t, const char *p, size_t n);
/* Append bytes already encoded by mime_qp_encode() (borrowed, copied). */
void mime_tmpl_encoded(struct mime_tmpl *t, const char *qp, size_t n);
/* A place for slot value idx (0 <= idx < MIME_TMPL_SLOTS). */
void mime_tmpl_slot(struct mime_tmpl *t, int idx);

/* What changes per reader. */
struct mime_reader {
	const char *to;			/* normalized address */
	const char *message_id;		/* without <> */
	int64_t date;			/* UTC seconds */
	const char *unsub_url;		/* https://... or NULL */
	const char *unsub_mailto;	/* mailto:... or NULL */
};

/* Append the whole message for r to out, slot i holding slots[i]
 * (UTF-8, encoded here; i < nslots, a missing one is empty). ND_EINVAL
 * when a reader value is unfit for a header, ND_ELIMIT when out is
 * full. t is not changed (several threads may emit from one t). */
enum nd_err mime_tmpl_emit(const struct mime_tmpl *t,
    const struct mime_reader *r, const char *const *slots, size_t nslots,
    struct buf *out, struct nd_error *err);

#endif
