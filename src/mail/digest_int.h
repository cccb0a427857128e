/* digest_int.h - private to the digest: rendering (digest_render.c),
 * shared by digest.c. */
#ifndef ND_DIGEST_INT_H
#define ND_DIGEST_INT_H

#include "mail/digest.h"
#include "mail/mime_tmpl.h"
#include "util/buf.h"

/* One rendered topic section, cached by topic, window, language, zone. */
struct digest_section {
	char *key;
	char *name;		/* topic display name */
	char *text, *html;
	char *qtext, *qhtml;	/* the same, quoted-printable */
	size_t qtext_len, qhtml_len;
	size_t items;		/* items shown (0: left out) */
};

/* Slots of a body's template: the reader's preferences and unsubscribe
 * links, as they are (text part) and escaped for HTML. */
enum digest_slot {
	DIGEST_SLOT_PREFS, DIGEST_SLOT_UNSUB,
	DIGEST_SLOT_PREFS_HTML, DIGEST_SLOT_UNSUB_HTML,
	DIGEST_SLOTS
};

/* A rendered body shared by a group: the message composed once, with
 * slots for the reader's links (mime_tmpl.h). */
struct digest_body {
	char *key;
	char *subject;
	struct mime_tmpl tmpl;
	size_t items;
};

/* Group headers (From, Subject, List-Id) encoded once per subject. */
struct digest_head {
	char *subject;
	char *head;
	size_t len;
};

struct digest_render {
	struct store *store;
	const struct digest_opts *opts;
	struct topic_list topics;	/* sorted by slug */
	struct digest_section *sec;	/* open-addressing table */
	size_t nsec, capsec;
	struct digest_body body;	/* the last group's body */
	struct digest_head *heads;	/* open-addressing table */
	size_t nheads, capheads;
};

/* What one group needs. */
struct digest_want {
	const char *lang, *tz, *date;
	int64_t since, until;
	const struct strlist *topics;
};

enum nd_err digest_render_init(struct digest_render *r, struct store *s,
    const struct digest_opts *o, struct nd_error *err);
void digest_render_release(struct digest_render *r);
/* The group key of w into out. */
void digest_render_key(const struct digest_want *w, struct buf *out);
/* The body for w (borrowed from r until the next call); *fresh is 1
 * when it was rendered now rather than reused. */
enum nd_err digest_render_body(struct digest_render *r,
    const struct digest_want *w, const struct digest_body **out,
    int *fresh, struct nd_error *err);
/* The number of items w's body would hold (from the section cache,
 * without assembling the body). */
enum nd_err digest_render_items(struct digest_render *r,
    const struct digest_want *w, size_t *items, struct nd_error *err);
/* Copy tmpl to out with the markers replaced (escaped for HTML). */
void digest_render_fill(const char *tmpl, int html, const char *prefs,
    const char *unsub, struct buf *out);

#endif
