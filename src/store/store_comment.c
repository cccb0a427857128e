/* store_comment.c - the store front for reader comments: checks
 * arguments the same way for every backend, then forwards through
 * struct store_backend (see store.c for the article half).
 */
#include "store/store.h"

#include <stdlib.h>
#include <string.h>

#define STORE_COMMENT_LIMIT_DEFAULT	50
#define STORE_COMMENT_LIMIT_MAX		1000
#define STORE_COMMENT_OFFSET_MAX	1000000000u
#define STORE_COMMENT_BLOCK_MAX		200	/* bytes of one entry */
#define STORE_COMMENT_LANG_MAX		16	/* bytes of a language tag */

static enum nd_err
store_comment_paging(size_t *limit, size_t offset, struct nd_error *err)
{
	if (*limit == 0)
		*limit = STORE_COMMENT_LIMIT_DEFAULT;
	if (*limit > STORE_COMMENT_LIMIT_MAX)
		*limit = STORE_COMMENT_LIMIT_MAX;
	if (offset > STORE_COMMENT_OFFSET_MAX)
		return nd_error_set(err, ND_ELIMIT, "offset %zu is over the "
		    "limit of %u", offset, STORE_COMMENT_OFFSET_MAX);
	return ND_OK;
}

/* NULL, or a language tag: 2..STORE_COMMENT_LANG_MAX ASCII letters,
 * digits and '-', starting with a letter ("en", "de", "de-AT"). */
static int
store_comment_lang_ok(const char *l)
{
	size_t i;

	if (l == NULL)
		return 1;
	for (i = 0; l[i] != '\0'; i++)
		if (i >= STORE_COMMENT_LANG_MAX ||
		    !((l[i] >= 'a' && l[i] <= 'z') ||
		    (l[i] >= 'A' && l[i] <= 'Z') ||
		    (i > 0 && ((l[i] >= '0' && l[i] <= '9') || l[i] == '-'))))
			return 0;
	return i >= 2;
}

enum nd_err
store_comment_add(struct store *s, struct comment *c, struct nd_error *err)
{
	return store_comment_add_checked(s, c, NULL, err);
}

enum nd_err
store_comment_add_checked(struct store *s, struct comment *c,
    const struct comment_guard *g, struct nd_error *err)
{
	if (c->body == NULL || c->name == NULL || c->email == NULL)
		return nd_error_set(err, ND_EINVAL, "comment on article %lld "
		    "lacks a name, email or body", (long long)c->article_id);
	if ((int)c->status < 0 || c->status >= COMMENT_STATUS_MAX)
		return nd_error_set(err, ND_EINVAL, "comment status %d is "
		    "unknown", (int)c->status);
	if (!store_comment_lang_ok(c->lang))
		return nd_error_set(err, ND_EINVAL, "comment language '%.20s' "
		    "is not a language tag", c->lang);
	return s->be->comment_add(s, c, g, err);
}

enum nd_err
store_comment_get(struct store *s, int64_t id, struct comment **out,
    struct nd_error *err)
{
	*out = NULL;
	return s->be->comment_get(s, id, out, err);
}

enum nd_err
store_comment_set_status(struct store *s, int64_t id, enum comment_status st,
    const char *reason, struct nd_error *err)
{
	if ((int)st < 0 || st >= COMMENT_STATUS_MAX)
		return nd_error_set(err, ND_EINVAL, "comment status %d is "
		    "unknown", (int)st);
	return s->be->comment_set_status(s, id, st,
	    st == COMMENT_SPAM ? reason : NULL, err);
}

enum nd_err
store_comment_edit(struct store *s, int64_t id, const char *body,
    int64_t edited, struct nd_error *err)
{
	if (body == NULL)
		return nd_error_set(err, ND_EINVAL, "comment %lld: no body",
		    (long long)id);
	return s->be->comment_edit(s, id, body, edited, err);
}

enum nd_err
store_comment_list(struct store *s, const struct comment_query *q,
    struct comment_list *out, struct nd_error *err)
{
	struct comment_query qq = {-1, 0, NULL, 0, 0};
	enum nd_err e;

	if (q)
		qq = *q;
	if ((e = store_comment_paging(&qq.limit, qq.offset, err)) != ND_OK)
		return e;
	return s->be->comment_list(s, &qq, out, err);
}

enum nd_err
store_comment_thread(struct store *s, int64_t article_id, int newest_first,
    size_t limit, size_t offset, struct comment_list *out, int64_t *top,
    struct nd_error *err)
{
	enum nd_err e;

	*top = 0;
	if ((e = store_comment_paging(&limit, offset, err)) != ND_OK)
		return e;
	return s->be->comment_thread(s, article_id, newest_first != 0,
	    limit, offset, out, top, err);
}

enum nd_err
store_comment_recent(struct store *s, const unsigned char *ip_hash,
    const char *email, int64_t since, int64_t *by_ip, int64_t *by_email,
    struct nd_error *err)
{
	*by_ip = *by_email = 0;
	return s->be->comment_recent(s, ip_hash, email ? email : "", since,
	    by_ip, by_email, err);
}

enum nd_err
store_comment_author(struct store *s, const char *email, int64_t *approved,
    struct nd_error *err)
{
	*approved = 0;
	if (email == NULL)
		return ND_OK;
	return s->be->comment_author(s, email, approved, err);
}

enum nd_err
store_comment_notify_off(struct store *s, const char *email,
    struct nd_error *err)
{
	if (email == NULL)
		return ND_OK;
	return s->be->comment_notify_off(s, email, err);
}

enum nd_err
store_comment_erase(struct store *s, const char *email, int64_t *n,
    struct nd_error *err)
{
	*n = 0;
	if (email == NULL || *email == '\0')
		return nd_error_set(err, ND_EINVAL, "no email address given");
	return s->be->comment_erase(s, email, n, err);
}

enum nd_err
store_comment_purge_ips(struct store *s, int64_t now, int64_t before,
    int64_t *n, struct nd_error *err)
{
	*n = 0;
	return s->be->comment_purge_ips(s, now, before, n, err);
}

static enum nd_err
store_comment_block_check(enum comment_block_kind kind, const char *value,
    struct nd_error *err)
{
	if (kind != COMMENT_BLOCK_WORD && kind != COMMENT_BLOCK_ADDRESS)
		return nd_error_set(err, ND_EINVAL, "unknown blocklist kind");
	if (value == NULL || *value == '\0')
		return nd_error_set(err, ND_EINVAL, "empty blocklist entry");
	if (strlen(value) > STORE_COMMENT_BLOCK_MAX)
		return nd_error_set(err, ND_ELIMIT, "blocklist entry '%.40s...'"
		    " is longer than %d bytes", value,
		    STORE_COMMENT_BLOCK_MAX);
	return ND_OK;
}

enum nd_err
store_comment_block_add(struct store *s, enum comment_block_kind kind,
    const char *value, struct nd_error *err)
{
	enum nd_err e;

	if ((e = store_comment_block_check(kind, value, err)) != ND_OK)
		return e;
	return s->be->comment_block_add(s, kind, value, err);
}

enum nd_err
store_comment_block_rm(struct store *s, enum comment_block_kind kind,
    const char *value, struct nd_error *err)
{
	enum nd_err e;

	if ((e = store_comment_block_check(kind, value, err)) != ND_OK)
		return e;
	return s->be->comment_block_rm(s, kind, value, err);
}

enum nd_err
store_comment_block_list(struct store *s, struct comment_block_list *out,
    struct nd_error *err)
{
	out->v = NULL;
	out->n = 0;
	return s->be->comment_block_list(s, out, err);
}

void
comment_block_list_release(struct comment_block_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i].value);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}
