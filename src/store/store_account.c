/* store_account.c - the store front for reader accounts: checks
 * arguments the same way for every backend, then forwards through
 * struct store_backend. */
#include "store/store.h"

#include <string.h>

#define STORE_NONCE_MIN	16
#define STORE_NONCE_MAX	64
#define STORE_SAVED_OFFSET_MAX	100000u

static enum nd_err
store_account_ids(int64_t reader, int64_t article, struct nd_error *err)
{
	if (reader <= 0 || article < 0)
		return nd_error_set(err, ND_EINVAL, "bad reader %lld or "
		    "article %lld", (long long)reader, (long long)article);
	return ND_OK;
}

enum nd_err
store_signin_use(struct store *s, const char *nonce, int64_t now,
    int64_t before, int *fresh, struct nd_error *err)
{
	size_t n = nonce ? strlen(nonce) : 0;

	*fresh = 0;
	if (n < STORE_NONCE_MIN || n > STORE_NONCE_MAX)
		return nd_error_set(err, ND_EINVAL, "bad sign-in nonce");
	return s->be->signin_use(s, nonce, now, before, fresh, err);
}

enum nd_err
store_saved_set(struct store *s, int64_t reader, int64_t article, int on,
    int64_t now, struct nd_error *err)
{
	enum nd_err e;

	if ((e = store_account_ids(reader, article, err)) != ND_OK)
		return e;
	return s->be->saved_set(s, reader, article, on != 0, now, err);
}

enum nd_err
store_saved_has(struct store *s, int64_t reader, int64_t article, int *on,
    struct nd_error *err)
{
	enum nd_err e;

	*on = 0;
	if ((e = store_account_ids(reader, article, err)) != ND_OK)
		return e;
	return s->be->saved_has(s, reader, article, on, err);
}

enum nd_err
store_saved_list(struct store *s, int64_t reader, size_t limit,
    size_t offset, struct article_list *out, struct nd_error *err)
{
	int64_t ids[STORE_SAVED_MAX];
	struct article *a;
	size_t n = 0, i;
	enum nd_err e;

	if ((e = store_account_ids(reader, 0, err)) != ND_OK)
		return e;
	if (limit == 0 || limit > STORE_SAVED_MAX)
		limit = STORE_SAVED_MAX;
	if (offset > STORE_SAVED_OFFSET_MAX)
		return nd_error_set(err, ND_ELIMIT, "offset %zu is over the "
		    "limit of %u", offset, STORE_SAVED_OFFSET_MAX);
	if ((e = s->be->saved_ids(s, reader, limit, offset, ids, &n,
	    err)) != ND_OK)
		return e;
	for (i = 0; i < n; i++) {
		/* an article deleted meanwhile is skipped (the row goes
		 * with it by the foreign key) */
		e = store_article_get(s, ids[i], &a, err);
		if (e == ND_ENOTFOUND)
			continue;
		if (e != ND_OK)
			return e;
		article_list_push(out, a);
	}
	return ND_OK;
}

enum nd_err
store_admin_set(struct store *s, int64_t reader, int on,
    struct nd_error *err)
{
	enum nd_err e;

	if ((e = store_account_ids(reader, 0, err)) != ND_OK)
		return e;
	return s->be->admin_set(s, reader, on != 0, err);
}

enum nd_err
store_admin_get(struct store *s, int64_t reader, int *admin,
    struct nd_error *err)
{
	*admin = 0;
	if (reader <= 0)
		return ND_OK;
	return s->be->admin_get(s, reader, admin, err);
}

enum nd_err
store_admin_list(struct store *s, struct strlist *emails,
    struct nd_error *err)
{
	return s->be->admin_list(s, emails, err);
}
