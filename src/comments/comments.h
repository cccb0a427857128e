/* comments.h - reader comments: everything that is not a web page.
 *
 * The web form handler and the CLI call the same functions:
 *
 *	comments_submit()	validate, defend against spam, moderate, store
 *	comments_thread()	the public thread of an article, paged
 *	comments_approve() / _mark_spam() / _delete() / _list()
 *	comments_author_edit() / _author_delete()	15-minute edit link
 *	comments_export() / _erase() / _purge_ips()	privacy
 *	comments_linkify()	text and URL spans for display
 *	comments_msg()		the English and German strings of the form
 *
 * Nothing here writes HTML: bodies are kept as typed (CRLF becomes LF)
 * and it is the page that escapes them. The email address is returned
 * only by moderation lists and export, never by comments_thread().
 *
 * Files: validate.c (fields), spam.c (form token, honeypot, rate, links,
 * blocklist), fold.c (case/accent folding for the blocklist), moderate.c,
 * thread.c, privacy.c, linkify.c, messages.c, submit.c.
 */
#ifndef ND_COMMENTS_H
#define ND_COMMENTS_H

#include <stddef.h>
#include <stdint.h>

#include "store/store.h"
#include "util/buf.h"
#include "util/err.h"

#define COMMENTS_NAME_MAX	100	/* code points */
#define COMMENTS_BODY_MAX	5000	/* code points */
#define COMMENTS_WEBSITE_MAX	300	/* bytes (ASCII) */
#define COMMENTS_EMAIL_MAX	254	/* bytes: RFC 5321 path less <> */
#define COMMENTS_EMAIL_LOCAL_MAX 64	/* RFC 5321 4.5.3.1.1 */
#define COMMENTS_EMAIL_LABEL_MAX 63
#define COMMENTS_FORM_MAX	65536	/* all fields together, bytes */
#define COMMENTS_EDIT_SECONDS	(15 * 60)
#define COMMENTS_RATE_WINDOW	(10 * 60)

/* Every string the form, its errors and the moderation notices show,
 * in English and German (comments_msg). */
enum comments_msg {
	COMMENTS_MSG_NONE = 0,
	COMMENTS_MSG_FORM_TITLE,	/* Leave a comment */
	COMMENTS_MSG_REPLY_TITLE,	/* Leave a reply */
	COMMENTS_MSG_EMAIL_NOTE,	/* Your email address will not ... */
	COMMENTS_MSG_LABEL_NAME,
	COMMENTS_MSG_LABEL_EMAIL,
	COMMENTS_MSG_LABEL_WEBSITE,
	COMMENTS_MSG_LABEL_BODY,
	COMMENTS_MSG_LABEL_NOTIFY,
	COMMENTS_MSG_SUBMIT,
	COMMENTS_MSG_REPLY,
	COMMENTS_MSG_COUNT_ONE,		/* 1 comment */
	COMMENTS_MSG_COUNT_MANY,	/* %d comments (printf pattern) */
	/* field errors */
	COMMENTS_MSG_REQUIRED,
	COMMENTS_MSG_TOO_LONG,		/* %d: the limit (printf pattern) */
	COMMENTS_MSG_BAD_UTF8,
	COMMENTS_MSG_CONTROL,
	COMMENTS_MSG_LINE_BREAK,
	COMMENTS_MSG_BAD_EMAIL,
	COMMENTS_MSG_BAD_WEBSITE,
	/* form-level outcomes */
	COMMENTS_MSG_PUBLISHED,
	COMMENTS_MSG_PENDING,
	COMMENTS_MSG_SPAM,		/* worded like pending: "held" */
	COMMENTS_MSG_RATE,
	COMMENTS_MSG_TOO_LARGE,
	COMMENTS_MSG_FORM_EXPIRED,
	COMMENTS_MSG_NO_ARTICLE,
	COMMENTS_MSG_BAD_PARENT,
	COMMENTS_MSG_EDIT_EXPIRED,
	COMMENTS_MSG_EDITED,
	COMMENTS_MSG_DELETED,
	COMMENTS_MSG_MAX
};

/* The string for msg in lang ("de", "de-AT": German; anything else:
 * English). Static; never NULL. Patterns marked above take one %d. */
const char *comments_msg(enum comments_msg msg, const char *lang);

/* The language a comment is stored with (comment.lang): "de" for "de",
 * "de-AT" and the like, "en" for any other tag, NULL for NULL (then the
 * site default applies). Static. */
const char *comments_lang(const char *lang);

/* Fields of the form, in display order. */
enum comments_field {
	COMMENTS_F_NAME,
	COMMENTS_F_EMAIL,
	COMMENTS_F_WEBSITE,
	COMMENTS_F_BODY,
	COMMENTS_F_MAX
};

/* The limit a field's TOO_LONG message names (0 for none). */
int comments_field_max(enum comments_field f);

/* Bytes as received: not NUL-terminated, may hold anything. p NULL with
 * n 0 means the field was absent. */
struct comments_text {
	const char *p;
	size_t n;
};

/* A submitted form (borrowed by comments_submit for the call only). */
struct comment_form {
	int64_t article_id;
	int64_t parent_id;		/* 0: not a reply */
	struct comments_text field[COMMENTS_F_MAX];
	struct comments_text honeypot;	/* must come back empty */
	const char *form_token;		/* comments_form_token(); NULL: none */
	const char *ip;			/* remote address as text, or NULL */
	const char *lang;		/* the author's UI language as the
					 * site chose it for the request
					 * ("en", "de"); NULL: not known */
	int notify_replies;
};

enum comments_moderation {
	COMMENTS_MODERATE_ALL,		/* every comment waits */
	COMMENTS_MODERATE_FIRST,	/* until the address has one approved */
	COMMENTS_MODERATE_NONE,		/* published at once */
};

struct comments_policy {
	enum comments_moderation moderation;
	int64_t min_fill_seconds;	/* faster than this: spam */
	int64_t form_max_age;		/* form token lifetime, seconds */
	int64_t rate_per_ip;		/* per COMMENTS_RATE_WINDOW */
	int64_t rate_per_email;
	int max_links;			/* more links than this: spam */
	int ip_days;			/* IP hashes kept this many days */
};

/* first, 3 s, 1 day, 5 per IP and 5 per address in 10 min, 2 links,
 * 30 days. */
void comments_policy_default(struct comments_policy *p);
/* "all", "first", "none" -> the mode, or -1. */
int comments_moderation_parse(const char *s);

enum comments_verdict {
	COMMENTS_INVALID,	/* field or form errors; nothing stored */
	COMMENTS_REFUSED,	/* rate limit or size; nothing stored */
	COMMENTS_PUBLISHED,	/* stored approved */
	COMMENTS_PENDING,	/* stored, waits for a moderator */
	COMMENTS_SPAM,		/* stored in the spam queue with a reason */
};

const char *comments_verdict_name(enum comments_verdict v);

struct comment_result {
	enum comments_verdict verdict;
	enum comments_msg field[COMMENTS_F_MAX];	/* NONE: field fine */
	enum comments_msg msg;		/* the notice for the whole form */
	const char *spam_reason;	/* static, when SPAM */
	int64_t id;			/* stored comment, or 0 */
	char *edit_token;		/* for the author's link; caller frees
					 * with comments_result_release */
};

void comments_result_release(struct comment_result *r);

/* Checked, canonical field values (owned; comments_clean_release). */
struct comments_clean {
	char *name;		/* trimmed */
	char *email;		/* trimmed, lowercased */
	char *website;		/* trimmed, NULL if empty */
	char *body;		/* CRLF and CR made LF, outer blank lines cut */
};

void comments_clean_release(struct comments_clean *c);

/* validate.c: check every field of form into r->field[] (all errors at
 * once, for redisplay). Returns 1 when all are fine and then fills out;
 * 0 otherwise (out left empty). */
int comments_validate(const struct comment_form *form,
    struct comments_clean *out, struct comment_result *r);
/* One body (for the author's edit); COMMENTS_MSG_NONE if fine, with
 * *out the cleaned copy (caller frees). */
enum comments_msg comments_validate_body(const char *p, size_t n,
    char **out);
/* RFC 5321-shaped address check (dot-atom local part <= 64, domain of
 * LDH or UTF-8 labels <= 63 with at least one dot, total <= 254). */
int comments_email_ok(const char *p, size_t n);

/* spam.c */

/* A form token for article_id issued at now, valid form_max_age
 * (purpose "comment-form"). Caller frees; NULL only on absurd input. */
char *comments_form_token(const unsigned char key[STORE_SECRET_BYTES],
    int64_t article_id, int64_t now, int64_t max_age);
/* The number of links (http://, https://, www.) in p[0..n). */
size_t comments_count_links(const char *p, size_t n);
/* Content checks shared by submit and the author's edit: more links
 * than policy->max_links, words and addresses on the blocklist. *reason
 * is a static string ("too many links", "blocked word 'x'" is not given:
 * only "blocked word" / "blocked address") or NULL when clean. Fails
 * only when the store does. */
enum nd_err comments_spam_content(struct store *s,
    const struct comments_policy *policy, const struct comments_clean *c,
    const char **reason, struct nd_error *err);
/* Check the form token of an article at now: COMMENTS_MSG_NONE and
 * *reason NULL when fine; *reason a static spam reason for a missing or
 * forged token or one sent back faster than min_fill_seconds;
 * COMMENTS_MSG_FORM_EXPIRED when it is too old (not spam: a tab left
 * open). */
enum comments_msg comments_spam_token(
    const unsigned char key[STORE_SECRET_BYTES], const char *token,
    int64_t article_id, const struct comments_policy *policy, int64_t now,
    const char **reason);

/* fold.c: fold p[0..n) for blocklist matching: case folded, accents
 * removed, every run of non-letters/digits one space, with a space at
 * both ends (" hello world "). Returns ND_ELIMIT if out is full. */
enum nd_err comments_fold(const char *p, size_t n, struct buf *out);

/* submit.c: the whole path of a posted form. Returns ND_OK with the
 * verdict in res, or an error only when the store fails (res then
 * says INVALID). now is UTC seconds. key is store_secret(). */
enum nd_err comments_submit(struct store *s,
    const unsigned char key[STORE_SECRET_BYTES],
    const struct comment_form *form, const struct comments_policy *policy,
    int64_t now, struct comment_result *res, struct nd_error *err);

/* moderate.c */
enum nd_err comments_approve(struct store *s, int64_t id,
    struct nd_error *err);
enum nd_err comments_mark_spam(struct store *s, int64_t id,
    const char *reason, struct nd_error *err);
enum nd_err comments_delete(struct store *s, int64_t id,
    struct nd_error *err);
/* Moderation list: status (enum comment_status, or -1) and article (0
 * for all); with email. out is appended to. */
enum nd_err comments_list(struct store *s, int status, int64_t article_id,
    size_t limit, size_t offset, struct comment_list *out,
    struct nd_error *err);
/* The author's edit token for comment id (purpose "comment-edit",
 * data the id), valid until created + COMMENTS_EDIT_SECONDS. Caller
 * frees. */
char *comments_edit_token(const unsigned char key[STORE_SECRET_BYTES],
    int64_t id, int64_t created);
/* Check an edit token at now: *id the comment. ND_ELIMIT when expired,
 * ND_EINVAL when forged or for another purpose. */
enum nd_err comments_edit_check(const unsigned char key[STORE_SECRET_BYTES],
    const char *token, int64_t now, int64_t *id, struct nd_error *err);
/* Replace the body through the author's link. Validation errors come
 * back in res->field[COMMENTS_F_BODY] (verdict INVALID); a body that
 * trips the content checks moves the comment to the spam queue
 * (verdict SPAM); otherwise the status stays (verdict PUBLISHED or
 * PENDING). */
enum nd_err comments_author_edit(struct store *s,
    const unsigned char key[STORE_SECRET_BYTES],
    const struct comments_policy *policy, const char *token,
    const char *body, size_t n, int64_t now, struct comment_result *res,
    struct nd_error *err);
enum nd_err comments_author_delete(struct store *s,
    const unsigned char key[STORE_SECRET_BYTES], const char *token,
    int64_t now, struct nd_error *err);

/* thread.c */
enum comments_order { COMMENTS_OLDEST_FIRST, COMMENTS_NEWEST_FIRST };

struct comments_page {
	struct comment_list items;	/* top-level with replies, depth set */
	int64_t top_total;		/* approved top-level comments */
	size_t page, pages;		/* 1-based; pages >= 1 */
};

/* Page `page` (1-based; 0 is taken as 1) of per_page top-level comments
 * (0: 20). Email is never filled. Release with comments_page_release. */
enum nd_err comments_thread(struct store *s, int64_t article_id,
    enum comments_order order, size_t page, size_t per_page,
    struct comments_page *out, struct nd_error *err);
void comments_page_release(struct comments_page *p);
/* Depth to draw a comment at when the page nests one level only. */
int comments_display_depth(const struct comment *c);

/* privacy.c */

/* Keyed BLAKE2b-256 of the address text (key: the store secret). */
void comments_ip_hash(const unsigned char key[STORE_SECRET_BYTES],
    const char *ip, unsigned char out[COMMENT_IP_HASH_BYTES]);
/* Clear IP hashes older than days (and any whose expiry passed). */
enum nd_err comments_purge_ips(struct store *s, int64_t now, int days,
    int64_t *n, struct nd_error *err);
/* Every comment of the address as a JSON document appended to out:
 * {"email":…, "comments":[{"id","article_id","article_url","parent_id",
 * "name","website","body","status","created","edited"}…]}. */
enum nd_err comments_export(struct store *s, const char *email,
    struct buf *out, struct nd_error *err);
/* Erase every comment of the address and its author row, in one
 * transaction. *n: comments erased. */
enum nd_err comments_erase(struct store *s, const char *email, int64_t *n,
    struct nd_error *err);
/* Lowercase and trim an address for lookups (caller frees). */
char *comments_email_key(const char *email);

/* linkify.c: split text into plain and link spans. */
struct comments_span {
	size_t off, len;	/* into the text */
	int link;		/* 1: a URL to make clickable */
	int www;		/* 1: starts "www.": prefix "https://" */
};

/* Spans covering p[0..n) in order, adjacent, non-empty. *out is the
 * caller's (free). Links start at http://, https:// or www. after a
 * non-word character and end before white space, <, >, " or trailing
 * punctuation; a closing ) is kept when the link opened one. */
size_t comments_linkify(const char *p, size_t n, struct comments_span **out);

#endif
