/* spam.c - spam and abuse defence for the comment form.
 *
 * The form carries a signed token (purpose "comment-form", data
 * "ARTICLE:ISSUED") so that a post can be dated: sent back faster than
 * the minimum fill time, or without a valid token, it is spam. Content
 * checks (links, blocklist) run on submit and on an author's edit. A
 * failed check never drops a comment: it goes to the spam queue with
 * the reason. The rate limit is in submit.c (it refuses, see there).
 */
#include "comments/comments.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/token.h"
#include "util/xalloc.h"

#define SPAM_PURPOSE	"comment-form"

char *
comments_form_token(const unsigned char key[STORE_SECRET_BYTES],
    int64_t article_id, int64_t now, int64_t max_age)
{
	char data[64];

	snprintf(data, sizeof(data), "%" PRId64 ":%" PRId64, article_id, now);
	return token_sign(key, SPAM_PURPOSE, data, now + max_age);
}

/* "A:T" -> a, t; 0 when well-formed. */
static int
spam_token_data(const char *d, int64_t *a, int64_t *t)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(d, &end, 10);
	if (errno || end == d || *end != ':')
		return -1;
	*a = v;
	d = end + 1;
	v = strtoll(d, &end, 10);
	if (errno || end == d || *end != '\0')
		return -1;
	*t = v;
	return 0;
}

enum comments_msg
comments_spam_token(const unsigned char key[STORE_SECRET_BYTES],
    const char *token, int64_t article_id,
    const struct comments_policy *policy, int64_t now, const char **reason)
{
	struct nd_error err;
	char *data = NULL;
	int64_t a = 0, issued = 0;
	enum nd_err e;

	*reason = NULL;
	if (token == NULL || *token == '\0') {
		*reason = "form token missing";
		return COMMENTS_MSG_NONE;
	}
	e = token_verify(key, SPAM_PURPOSE, token, now, &data, &err);
	if (e == ND_ELIMIT)
		return COMMENTS_MSG_FORM_EXPIRED;
	if (e != ND_OK || spam_token_data(data, &a, &issued) != 0 ||
	    a != article_id)
		*reason = "form token invalid";
	else if (now - issued < policy->min_fill_seconds)
		*reason = "form filled in too fast";
	free(data);
	return COMMENTS_MSG_NONE;
}

size_t
comments_count_links(const char *p, size_t n)
{
	struct comments_span *sp = NULL;
	size_t k = comments_linkify(p, n, &sp), i, links = 0;

	for (i = 0; i < k; i++)
		links += sp[i].link ? 1 : 0;
	free(sp);
	/* markup links are not made clickable but still count */
	for (i = 0; i + 5 <= n; i++)
		if (strncasecmp(p + i, "href=", 5) == 0 ||
		    strncasecmp(p + i, "[url", 4) == 0)
			links++;
	return links;
}

/* 1 if the address matches a blocklist entry: the same address, or
 * "@domain" for every address at that domain. */
static int
spam_address_blocked(const char *email, const char *entry)
{
	size_t n = strlen(email), m = strlen(entry);

	if (entry[0] == '@')
		return n > m && strcasecmp(email + n - m, entry) == 0;
	return strcasecmp(email, entry) == 0;
}

/* 1 if the folded word or phrase occurs in folded text. */
static int
spam_word_blocked(const char *text, const char *entry)
{
	struct buf w = BUF_INIT;
	int hit = 0;

	if (comments_fold(entry, strlen(entry), &w) == ND_OK && w.len > 2)
		hit = strstr(text, w.ptr) != NULL;
	buf_release(&w);
	return hit;
}

/* Name, website and body folded together. */
static void
spam_fold_all(const struct comments_clean *c, struct buf *out)
{
	struct buf t = BUF_INIT;

	buf_puts(&t, c->name ? c->name : "");
	buf_putc(&t, '\n');
	buf_puts(&t, c->website ? c->website : "");
	buf_putc(&t, '\n');
	buf_puts(&t, c->body ? c->body : "");
	if (comments_fold(t.ptr, t.len, out) != ND_OK)
		buf_clear(out);
	buf_release(&t);
}

static const char *
spam_blocklist(const struct comment_block_list *l,
    const struct comments_clean *c)
{
	struct buf text = BUF_INIT;
	const char *reason = NULL;
	size_t i;

	spam_fold_all(c, &text);
	for (i = 0; i < l->n && reason == NULL; i++) {
		if (l->v[i].kind == COMMENT_BLOCK_ADDRESS) {
			if (c->email && spam_address_blocked(c->email,
			    l->v[i].value))
				reason = "blocked address";
		} else if (spam_word_blocked(text.ptr, l->v[i].value))
			reason = "blocked word";
	}
	buf_release(&text);
	return reason;
}

enum nd_err
comments_spam_content(struct store *s, const struct comments_policy *policy,
    const struct comments_clean *c, const char **reason,
    struct nd_error *err)
{
	struct comment_block_list l = {NULL, 0};
	enum nd_err e;

	*reason = NULL;
	if (c->body && comments_count_links(c->body, strlen(c->body)) >
	    (size_t)policy->max_links) {
		*reason = "too many links";
		return ND_OK;
	}
	if ((e = store_comment_block_list(s, &l, err)) != ND_OK)
		return e;
	*reason = spam_blocklist(&l, c);
	comment_block_list_release(&l);
	return ND_OK;
}
