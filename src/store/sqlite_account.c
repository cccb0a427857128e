/* sqlite_account.c - reader accounts in SQLite: one-time sign-in
 * nonces, saved articles and the admin mark (migration 5). */
#include "store/sqlite_account.h"

#include <stdlib.h>

#include "store/sqlite_stmt.h"

/* Run one write statement with (a, b, c) bound in its own transaction;
 * *changed gets the number of rows it changed. */
static enum nd_err
account_write(struct store *s, enum stmt which, int64_t a, int64_t b,
    int64_t c3, int *changed, struct nd_error *err)
{
	struct sqlite_conn *c = s->priv;
	sqlite3_stmt *st;
	enum nd_err e;

	if ((st = sqlite_stmt_begin_get(c, which, err)) == NULL)
		return ND_ESTORE;
	sqlite3_bind_int64(st, 1, a);
	sqlite3_bind_int64(st, 2, b);
	if (which == STMT_SAVED_ADD)
		sqlite3_bind_int64(st, 3, c3);
	e = sqlite_stmt_exec(c, st, "cannot change the reader account", err);
	if (changed)
		*changed = sqlite3_changes(c->db);
	return sqlite_stmt_end(c, e, err);
}

enum nd_err
sqlite_signin_use(struct store *s, const char *nonce, int64_t now,
    int64_t before, int *fresh, struct nd_error *err)
{
	struct sqlite_conn *c = s->priv;
	sqlite3_stmt *st;
	enum nd_err e = ND_OK;

	if ((st = sqlite_stmt_begin_get(c, STMT_SIGNIN_NONCE_PURGE, err)) == NULL)
		return ND_ESTORE;
	sqlite3_bind_int64(st, 1, before);
	if ((e = sqlite_stmt_exec(c, st, "cannot purge sign-in nonces",
	    err)) != ND_OK)
		goto out;
	if ((st = sqlite_stmt_get(c, STMT_SIGNIN_NONCE_USE, err)) == NULL) {
		e = ND_ESTORE;
		goto out;
	}
	sqlite_stmt_bind_text(st, 1, nonce);
	sqlite3_bind_int64(st, 2, now);
	if ((e = sqlite_stmt_exec(c, st, "cannot record a sign-in nonce",
	    err)) != ND_OK)
		goto out;
	*fresh = sqlite3_changes(c->db) == 1;
	e = sqlite_stmt_commit(c, err);
out:
	if (e != ND_OK)
		sqlite_stmt_rollback(c);
	return e;
}

enum nd_err
sqlite_saved_set(struct store *s, int64_t reader, int64_t article, int on,
    int64_t now, struct nd_error *err)
{
	return account_write(s, on ? STMT_SAVED_ADD : STMT_SAVED_DELETE,
	    reader, article, now, NULL, err);
}

/* One integer from a one-row query on (a, b); *v = 0 without a row. */
static enum nd_err
account_int(struct store *s, enum stmt which, int64_t a, int64_t b,
    int *v, struct nd_error *err)
{
	struct sqlite_conn *c = s->priv;
	sqlite3_stmt *st;
	enum nd_err e = ND_OK;
	int rc;

	*v = 0;
	if ((st = sqlite_stmt_get(c, which, err)) == NULL)
		return ND_ESTORE;
	sqlite3_bind_int64(st, 1, a);
	if (which == STMT_SAVED_HAS)
		sqlite3_bind_int64(st, 2, b);
	rc = sqlite_stmt_step(st);
	if (rc == SQLITE_ROW)
		*v = sqlite3_column_int(st, 0);
	else if (rc != SQLITE_DONE)
		e = sqlite_stmt_fail(c, "cannot read the reader account", err);
	sqlite_stmt_done(st);
	return e;
}

enum nd_err
sqlite_saved_has(struct store *s, int64_t reader, int64_t article, int *on,
    struct nd_error *err)
{
	return account_int(s, STMT_SAVED_HAS, reader, article, on, err);
}

enum nd_err
sqlite_saved_ids(struct store *s, int64_t reader, size_t limit,
    size_t offset, int64_t *ids, size_t *n, struct nd_error *err)
{
	struct sqlite_conn *c = s->priv;
	sqlite3_stmt *st;
	enum nd_err e = ND_OK;
	int rc;

	*n = 0;
	if ((st = sqlite_stmt_get(c, STMT_SAVED_LIST, err)) == NULL)
		return ND_ESTORE;
	sqlite3_bind_int64(st, 1, reader);
	sqlite3_bind_int64(st, 2, (int64_t)limit);
	sqlite3_bind_int64(st, 3, (int64_t)offset);
	while ((rc = sqlite_stmt_step(st)) == SQLITE_ROW && *n < limit)
		ids[(*n)++] = sqlite3_column_int64(st, 0);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		e = sqlite_stmt_fail(c, "cannot list saved articles", err);
	sqlite_stmt_done(st);
	return e;
}

enum nd_err
sqlite_admin_set(struct store *s, int64_t reader, int on,
    struct nd_error *err)
{
	enum nd_err e;
	int changed = 0;

	e = account_write(s, STMT_ADMIN_SET, reader, on != 0, 0, &changed,
	    err);
	if (e == ND_OK && changed == 0)
		e = nd_error_set(err, ND_ENOTFOUND, "no reader %lld",
		    (long long)reader);
	return e;
}

enum nd_err
sqlite_admin_get(struct store *s, int64_t reader, int *admin,
    struct nd_error *err)
{
	return account_int(s, STMT_ADMIN_GET, reader, 0, admin, err);
}

enum nd_err
sqlite_admin_list(struct store *s, struct strlist *emails,
    struct nd_error *err)
{
	struct sqlite_conn *c = s->priv;
	sqlite3_stmt *st;
	enum nd_err e = ND_OK;
	int rc;

	if ((st = sqlite_stmt_get(c, STMT_ADMIN_LIST, err)) == NULL)
		return ND_ESTORE;
	while ((rc = sqlite_stmt_step(st)) == SQLITE_ROW)
		strlist_push_owned(emails, sqlite_stmt_column_text(st, 0));
	if (rc != SQLITE_DONE)
		e = sqlite_stmt_fail(c, "cannot list admins", err);
	sqlite_stmt_done(st);
	return e;
}
