/* moderate.c - the moderator's calls and the author's 15-minute edit
 * link.
 *
 * A moderator approves, marks as spam or deletes; each is one store
 * transaction that keeps the article's comment count. The author's
 * link carries a token (purpose "comment-edit", data the comment id)
 * that expires COMMENTS_EDIT_SECONDS after the comment was made; the
 * store row's edit_token_expires is checked as well, so shortening it
 * there revokes links already sent.
 */
#include "comments/comments.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/token.h"

#define MODERATE_PURPOSE	"comment-edit"

enum nd_err
comments_approve(struct store *s, int64_t id, struct nd_error *err)
{
	return store_comment_set_status(s, id, COMMENT_APPROVED, NULL, err);
}

enum nd_err
comments_mark_spam(struct store *s, int64_t id, const char *reason,
    struct nd_error *err)
{
	return store_comment_set_status(s, id, COMMENT_SPAM,
	    reason ? reason : "marked by a moderator", err);
}

enum nd_err
comments_delete(struct store *s, int64_t id, struct nd_error *err)
{
	return store_comment_set_status(s, id, COMMENT_DELETED, NULL, err);
}

enum nd_err
comments_list(struct store *s, int status, int64_t article_id, size_t limit,
    size_t offset, struct comment_list *out, struct nd_error *err)
{
	struct comment_query q = {status, article_id, NULL, limit, offset};

	return store_comment_list(s, &q, out, err);
}

char *
comments_edit_token(const unsigned char key[STORE_SECRET_BYTES], int64_t id,
    int64_t created)
{
	char data[32];

	snprintf(data, sizeof(data), "%" PRId64, id);
	return token_sign(key, MODERATE_PURPOSE, data,
	    created + COMMENTS_EDIT_SECONDS);
}

enum nd_err
comments_edit_check(const unsigned char key[STORE_SECRET_BYTES],
    const char *token, int64_t now, int64_t *id, struct nd_error *err)
{
	char *data = NULL, *end;
	enum nd_err e;
	long long v;

	*id = 0;
	if (token == NULL)
		return nd_error_set(err, ND_EINVAL, "malformed token");
	e = token_verify(key, MODERATE_PURPOSE, token, now, &data, err);
	if (e != ND_OK)
		return e;
	errno = 0;
	v = strtoll(data, &end, 10);
	if (errno || end == data || *end != '\0' || v <= 0)
		e = nd_error_set(err, ND_EINVAL, "malformed token");
	else
		*id = v;
	free(data);
	return e;
}

/* The comment behind a valid, unexpired edit token that may still be
 * changed (not deleted). *out is the caller's. */
static enum nd_err
moderate_own(struct store *s, const unsigned char key[STORE_SECRET_BYTES],
    const char *token, int64_t now, struct comment **out,
    struct nd_error *err)
{
	int64_t id;
	enum nd_err e;

	*out = NULL;
	if ((e = comments_edit_check(key, token, now, &id, err)) != ND_OK)
		return e;
	if ((e = store_comment_get(s, id, out, err)) != ND_OK)
		return e;
	if (now >= (*out)->edit_token_expires)
		e = nd_error_set(err, ND_ELIMIT, "token expired");
	else if ((*out)->status == COMMENT_DELETED)
		e = nd_error_set(err, ND_ENOTFOUND, "no comment %lld",
		    (long long)id);
	if (e != ND_OK) {
		comment_free(*out);
		*out = NULL;
	}
	return e;
}

/* Verdict for a comment that keeps its status. */
static enum comments_verdict
moderate_verdict(enum comment_status st)
{
	if (st == COMMENT_APPROVED)
		return COMMENTS_PUBLISHED;
	return st == COMMENT_SPAM ? COMMENTS_SPAM : COMMENTS_PENDING;
}

/* Store the new body, and move it to spam if the content checks say. */
static enum nd_err
moderate_apply_edit(struct store *s, const struct comments_policy *policy,
    struct comment *c, char *body, int64_t now, struct comment_result *res,
    struct nd_error *err)
{
	struct comments_clean cl = {c->name, c->email, c->website, body};
	const char *reason;
	enum nd_err e;

	if ((e = comments_spam_content(s, policy, &cl, &reason, err)))
		return e;
	if ((e = store_comment_edit(s, c->id, body, now, err)) != ND_OK)
		return e;
	res->id = c->id;
	res->verdict = moderate_verdict(c->status);
	res->msg = COMMENTS_MSG_EDITED;
	if (reason == NULL)
		return ND_OK;
	res->verdict = COMMENTS_SPAM;
	res->spam_reason = reason;
	return store_comment_set_status(s, c->id, COMMENT_SPAM, reason, err);
}

enum nd_err
comments_author_edit(struct store *s,
    const unsigned char key[STORE_SECRET_BYTES],
    const struct comments_policy *policy, const char *token,
    const char *body, size_t n, int64_t now, struct comment_result *res,
    struct nd_error *err)
{
	struct comment *c = NULL;
	char *clean = NULL;
	enum nd_err e;

	memset(res, 0, sizeof(*res));
	res->verdict = COMMENTS_INVALID;
	if ((e = moderate_own(s, key, token, now, &c, err)) != ND_OK) {
		res->msg = e == ND_ELIMIT ? COMMENTS_MSG_EDIT_EXPIRED :
		    COMMENTS_MSG_NONE;
		return e;
	}
	res->field[COMMENTS_F_BODY] = comments_validate_body(body, n, &clean);
	if (res->field[COMMENTS_F_BODY] == COMMENTS_MSG_NONE)
		e = moderate_apply_edit(s, policy, c, clean, now, res, err);
	free(clean);
	comment_free(c);
	return e;
}

enum nd_err
comments_author_delete(struct store *s,
    const unsigned char key[STORE_SECRET_BYTES], const char *token,
    int64_t now, struct nd_error *err)
{
	struct comment *c = NULL;
	enum nd_err e;

	if ((e = moderate_own(s, key, token, now, &c, err)) != ND_OK)
		return e;
	e = comments_delete(s, c->id, err);
	comment_free(c);
	return e;
}
