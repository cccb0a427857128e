/* submit.c - the one path of a posted comment, for the web form and the
 * CLI alike:
 *
 *   size -> fields -> purge old IP hashes -> form token, honeypot,
 *   links, blocklist -> one store transaction: rate limit, "first"
 *   moderation, article/parent, insert
 *
 * The rate limit and the "first comment waits" check run inside the
 * insert's write transaction (store_comment_add_checked), so two posts
 * at once cannot both pass a limit only one of them may.
 *
 * Decisions: going over the rate limit REFUSES the comment (nothing is
 * stored; the reader is told to wait): a flood must not fill the spam
 * queue, and a person who types that fast can send again. A form over
 * COMMENTS_FORM_MAX bytes is refused the same way. Everything else that
 * looks like spam is stored in the spam queue with its reason, never
 * dropped, and the reader sees the same notice as for a pending comment
 * (a spammer learns nothing).
 */
#include "comments/comments.h"

#include <stdlib.h>
#include <string.h>

void
comments_policy_default(struct comments_policy *p)
{
	p->moderation = COMMENTS_MODERATE_FIRST;
	p->min_fill_seconds = 3;
	p->form_max_age = 24 * 3600;
	p->rate_per_ip = 5;
	p->rate_per_email = 5;
	p->max_links = 2;
	p->ip_days = 30;
}

int
comments_moderation_parse(const char *s)
{
	if (s == NULL)
		return -1;
	if (strcmp(s, "all") == 0)
		return COMMENTS_MODERATE_ALL;
	if (strcmp(s, "first") == 0)
		return COMMENTS_MODERATE_FIRST;
	if (strcmp(s, "none") == 0)
		return COMMENTS_MODERATE_NONE;
	return -1;
}

const char *
comments_verdict_name(enum comments_verdict v)
{
	switch (v) {
	case COMMENTS_INVALID: return "invalid";
	case COMMENTS_REFUSED: return "refused";
	case COMMENTS_PUBLISHED: return "published";
	case COMMENTS_PENDING: return "pending";
	case COMMENTS_SPAM: return "spam";
	}
	return "unknown";
}

void
comments_result_release(struct comment_result *r)
{
	free(r->edit_token);
	r->edit_token = NULL;
}

static size_t
submit_size(const struct comment_form *f)
{
	size_t n = f->honeypot.n, i;

	for (i = 0; i < COMMENTS_F_MAX; i++)
		n += f->field[i].n;
	return n;
}

/* The spam reason of this submission, or NULL; *msg set when the form
 * token expired. */
static enum nd_err
submit_spam(struct store *s, const unsigned char *key,
    const struct comment_form *f, const struct comments_policy *p,
    const struct comments_clean *c, int64_t now, const char **reason,
    enum comments_msg *msg, struct nd_error *err)
{
	*msg = comments_spam_token(key, f->form_token, f->article_id, p, now,
	    reason);
	if (*msg != COMMENTS_MSG_NONE || *reason != NULL)
		return ND_OK;
	if (f->honeypot.n > 0) {
		*reason = "honeypot filled";
		return ND_OK;
	}
	return comments_spam_content(s, p, c, reason, err);
}

/* The status by the moderation policy, and the checks the store makes
 * in the insert's transaction: the rate limits and, under "first",
 * holding back an address with nothing approved yet. */
static void
submit_guard(const struct comments_policy *p, int64_t now,
    enum comment_status *st, struct comment_guard *g)
{
	memset(g, 0, sizeof(*g));
	g->since = now - COMMENTS_RATE_WINDOW;
	g->max_per_ip = p->rate_per_ip;
	g->max_per_email = p->rate_per_email;
	g->hold_first = p->moderation == COMMENTS_MODERATE_FIRST;
	*st = p->moderation == COMMENTS_MODERATE_ALL ? COMMENT_PENDING :
	    COMMENT_APPROVED;
}

/* Store the comment; map going over the rate limit to a refusal and a
 * missing article or parent to a form error. */
static enum nd_err
submit_store(struct store *s, struct comment *c,
    const struct comment_guard *g, struct comment_result *r,
    struct nd_error *err)
{
	enum nd_err e = store_comment_add_checked(s, c, g, err);

	r->verdict = COMMENTS_INVALID;
	if (e == ND_ELIMIT) {
		r->verdict = COMMENTS_REFUSED;
		r->msg = COMMENTS_MSG_RATE;
	} else if (e == ND_ENOTFOUND)
		r->msg = COMMENTS_MSG_NO_ARTICLE;
	else if (e == ND_EINVAL)
		r->msg = COMMENTS_MSG_BAD_PARENT;
	else
		return e;
	return ND_OK;
}

static void
submit_fill(struct comment *c, const struct comment_form *f,
    const struct comments_clean *cl, const unsigned char *key,
    const struct comments_policy *p, int64_t now)
{
	memset(c, 0, sizeof(*c));
	c->article_id = f->article_id;
	c->parent_id = f->parent_id;
	c->name = cl->name;
	c->email = cl->email;
	c->website = cl->website;
	c->body = cl->body;
	c->created = now;
	c->notify_replies = f->notify_replies;
	c->lang = (char *)comments_lang(f->lang);
	c->edit_token_expires = now + COMMENTS_EDIT_SECONDS;
	if (f->ip != NULL && *f->ip != '\0') {
		comments_ip_hash(key, f->ip, c->ip_hash);
		c->has_ip_hash = 1;
		c->ip_hash_expires = now + (int64_t)p->ip_days * 86400;
	}
}

/* Decide the status (spam, or by the moderation policy) and store. */
static enum nd_err
submit_decide(struct store *s, const unsigned char *key,
    const struct comment_form *f, const struct comments_policy *p,
    struct comment *c, struct comments_clean *cl, int64_t now,
    struct comment_result *r, struct nd_error *err)
{
	const char *reason = NULL;
	struct comment_guard g;
	enum nd_err e;

	e = submit_spam(s, key, f, p, cl, now, &reason, &r->msg, err);
	if (e != ND_OK || r->msg != COMMENTS_MSG_NONE)
		return e;
	submit_guard(p, now, &c->status, &g);
	if (reason != NULL) {
		c->status = COMMENT_SPAM;
		c->spam_reason = (char *)reason;
	}
	if ((e = submit_store(s, c, &g, r, err)) != ND_OK || c->id == 0)
		return e;
	r->id = c->id;
	r->spam_reason = reason;
	r->verdict = c->status == COMMENT_APPROVED ? COMMENTS_PUBLISHED :
	    c->status == COMMENT_SPAM ? COMMENTS_SPAM : COMMENTS_PENDING;
	r->msg = r->verdict == COMMENTS_PUBLISHED ? COMMENTS_MSG_PUBLISHED :
	    r->verdict == COMMENTS_SPAM ? COMMENTS_MSG_SPAM :
	    COMMENTS_MSG_PENDING;
	if (r->verdict != COMMENTS_SPAM)
		r->edit_token = comments_edit_token(key, c->id, c->created);
	return ND_OK;
}

enum nd_err
comments_submit(struct store *s, const unsigned char key[STORE_SECRET_BYTES],
    const struct comment_form *form, const struct comments_policy *policy,
    int64_t now, struct comment_result *res, struct nd_error *err)
{
	struct comments_clean cl;
	struct comment c;
	int64_t purged;
	enum nd_err e;

	memset(res, 0, sizeof(*res));
	memset(&cl, 0, sizeof(cl));
	res->verdict = COMMENTS_REFUSED;
	if (submit_size(form) > COMMENTS_FORM_MAX) {
		res->msg = COMMENTS_MSG_TOO_LARGE;
		return ND_OK;
	}
	res->verdict = COMMENTS_INVALID;
	if (!comments_validate(form, &cl, res))
		return ND_OK;
	submit_fill(&c, form, &cl, key, policy, now);
	e = comments_purge_ips(s, now, policy->ip_days, &purged, err);
	if (e == ND_OK)
		e = submit_decide(s, key, form, policy, &c, &cl, now, res,
		    err);
	if (e != ND_OK)
		res->verdict = COMMENTS_INVALID;
	comments_clean_release(&cl);
	return e;
}
