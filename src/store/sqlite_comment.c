/* sqlite_comment.c - reader comments in the SQLite store.
 *
 * Every change is one BEGIN IMMEDIATE transaction that also recounts
 * articles.comment_count from the approved rows of the article (a
 * count, never an increment, so it cannot drift) and, when a comment
 * becomes approved, bumps its author's approved_count.
 */
#include "store/sqlite_comment.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store/sqlite_stmt.h"
#include "util/xalloc.h"

#define SQLITE_COMMENT_ERASE_MAX	100000	/* articles touched at once */

static const char *const sqlite_comment_kinds[] = {"word", "address"};

/* Fill c from the current row (SQLITE_COMMENT_COLS, depth at 15 when the
 * statement has it). */
static void
sqlite_comment_row(sqlite3_stmt *st, struct comment *c)
{
	char *status;
	int v;

	c->id = sqlite3_column_int64(st, 0);
	c->article_id = sqlite3_column_int64(st, 1);
	c->parent_id = sqlite3_column_int64(st, 2);
	c->name = sqlite_stmt_column_text(st, 3);
	c->email = sqlite_stmt_column_text(st, 4);
	c->website = sqlite_stmt_column_text(st, 5);
	c->body = sqlite_stmt_column_text(st, 6);
	status = sqlite_stmt_column_text(st, 7);
	v = comment_status_parse(status);
	c->status = v < 0 ? COMMENT_DELETED : (enum comment_status)v;
	free(status);
	c->spam_reason = sqlite_stmt_column_text(st, 8);
	c->created = sqlite3_column_int64(st, 9);
	c->edited = sqlite3_column_int64(st, 10);
	c->notify_replies = sqlite3_column_int(st, 11);
	c->edit_token_expires = sqlite3_column_int64(st, 12);
	c->article_url = sqlite_stmt_column_text(st, 13);
	c->lang = sqlite_stmt_column_text(st, 14);
	if (sqlite3_column_count(st) > 15)
		c->depth = sqlite3_column_int(st, 15);
}

/* Every row of st (bound) appended to out; on failure out keeps what it
 * had before. */
static enum nd_err
sqlite_comment_collect(struct sqlite_conn *c, sqlite3_stmt *st,
    struct comment_list *out, struct nd_error *err)
{
	size_t before = out->n;
	int rc;

	while ((rc = sqlite_stmt_step(st)) == SQLITE_ROW)
		sqlite_comment_row(st, comment_list_push(out));
	sqlite_stmt_done(st);
	if (rc == SQLITE_DONE)
		return ND_OK;
	while (out->n > before)
		comment_release(&out->v[--out->n]);
	return sqlite_stmt_fail(c, "cannot read comments", err);
}

/* Run a one-row, one-integer statement bound with id. */
static enum nd_err
sqlite_comment_int(struct sqlite_conn *c, enum stmt id, int64_t key,
    int64_t *v, int *found, struct nd_error *err)
{
	sqlite3_stmt *st = sqlite_stmt_get(c, id, err);
	enum nd_err e = ND_OK;
	int rc;

	*found = 0;
	if (st == NULL)
		return ND_ESTORE;
	sqlite3_bind_int64(st, 1, key);
	rc = sqlite_stmt_step(st);
	if (rc == SQLITE_ROW) {
		*v = sqlite3_column_int64(st, 0);
		*found = 1;
	} else if (rc != SQLITE_DONE)
		e = sqlite_stmt_fail(c, "cannot read a comment", err);
	sqlite_stmt_done(st);
	return e;
}

static enum nd_err
sqlite_comment_recount(struct sqlite_conn *c, int64_t article_id,
    struct nd_error *err)
{
	sqlite3_stmt *st = sqlite_stmt_get(c, STMT_COMMENT_RECOUNT, err);

	if (st == NULL)
		return ND_ESTORE;
	sqlite3_bind_int64(st, 1, article_id);
	return sqlite_stmt_exec(c, st, "cannot count comments", err);
}

static enum nd_err
sqlite_comment_bump_author(struct sqlite_conn *c, const char *email,
    struct nd_error *err)
{
	sqlite3_stmt *st;

	if (email == NULL)
		return ND_OK;
	if ((st = sqlite_stmt_get(c, STMT_COMMENT_AUTHOR_BUMP, err)) == NULL)
		return ND_ESTORE;
	sqlite_stmt_bind_text(st, 1, email);
	return sqlite_stmt_exec(c, st, "cannot record the author", err);
}

/* The article exists and the parent (if any) is a comment on it. */
static enum nd_err
sqlite_comment_check_refs(struct sqlite_conn *c, const struct comment *cm,
    struct nd_error *err)
{
	int64_t v = 0;
	int found;
	enum nd_err e;

	e = sqlite_comment_int(c, STMT_ARTICLE_EXISTS, cm->article_id, &v,
	    &found, err);
	if (e == ND_OK && !found)
		return nd_error_set(err, ND_ENOTFOUND, "no article %lld",
		    (long long)cm->article_id);
	if (e != ND_OK || cm->parent_id == 0)
		return e;
	e = sqlite_comment_int(c, STMT_COMMENT_PARENT, cm->parent_id, &v,
	    &found, err);
	if (e == ND_OK && (!found || v != cm->article_id))
		return nd_error_set(err, ND_EINVAL, "comment %lld is not a "
		    "comment on article %lld", (long long)cm->parent_id,
		    (long long)cm->article_id);
	return e;
}

static enum nd_err
sqlite_comment_insert(struct sqlite_conn *c, struct comment *cm,
    struct nd_error *err)
{
	sqlite3_stmt *st = sqlite_stmt_get(c, STMT_COMMENT_INSERT, err);
	enum nd_err e = ND_OK;

	if (st == NULL)
		return ND_ESTORE;
	sqlite3_bind_int64(st, 1, cm->article_id);
	if (cm->parent_id)
		sqlite3_bind_int64(st, 2, cm->parent_id);
	sqlite_stmt_bind_text(st, 3, cm->name);
	sqlite_stmt_bind_text(st, 4, cm->email);
	sqlite_stmt_bind_text(st, 5, cm->website);
	sqlite_stmt_bind_text(st, 6, cm->body);
	sqlite_stmt_bind_text(st, 7, comment_status_name(cm->status));
	sqlite_stmt_bind_text(st, 8, cm->spam_reason);
	sqlite3_bind_int64(st, 9, cm->created);
	if (cm->has_ip_hash)
		sqlite3_bind_blob(st, 10, cm->ip_hash, COMMENT_IP_HASH_BYTES,
		    SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 11, cm->ip_hash_expires);
	sqlite3_bind_int(st, 12, cm->notify_replies ? 1 : 0);
	sqlite3_bind_int64(st, 13, cm->edit_token_expires);
	sqlite_stmt_bind_text(st, 14, cm->lang);
	if (sqlite_stmt_step(st) == SQLITE_ROW)
		cm->id = sqlite3_column_int64(st, 0);
	else
		e = sqlite_stmt_fail(c, "cannot store the comment", err);
	sqlite_stmt_done(st);
	return e;
}

/* Comments created at or after since by the IP hash (NULL: 0) and by
 * the address. */
static enum nd_err
sqlite_comment_count_recent(struct sqlite_conn *c,
    const unsigned char *ip_hash, const char *email, int64_t since,
    int64_t *by_ip, int64_t *by_email, struct nd_error *err)
{
	sqlite3_stmt *st = sqlite_stmt_get(c, STMT_COMMENT_RECENT, err);
	enum nd_err e = ND_OK;

	if (st == NULL)
		return ND_ESTORE;
	if (ip_hash)
		sqlite3_bind_blob(st, 1, ip_hash, COMMENT_IP_HASH_BYTES,
		    SQLITE_TRANSIENT);
	sqlite_stmt_bind_text(st, 2, email);
	sqlite3_bind_int64(st, 3, since);
	if (sqlite_stmt_step(st) == SQLITE_ROW) {
		*by_ip = sqlite3_column_int64(st, 0);
		*by_email = sqlite3_column_int64(st, 1);
	} else
		e = sqlite_stmt_fail(c, "cannot count recent comments", err);
	sqlite_stmt_done(st);
	return e;
}

/* The approved count of the address (0 if unknown). */
static enum nd_err
sqlite_comment_approved(struct sqlite_conn *c, const char *email,
    int64_t *approved, struct nd_error *err)
{
	sqlite3_stmt *st = sqlite_stmt_get(c, STMT_COMMENT_AUTHOR, err);
	enum nd_err e = ND_OK;
	int rc;

	*approved = 0;
	if (st == NULL)
		return ND_ESTORE;
	sqlite_stmt_bind_text(st, 1, email);
	rc = sqlite_stmt_step(st);
	if (rc == SQLITE_ROW)
		*approved = sqlite3_column_int64(st, 0);
	else if (rc != SQLITE_DONE)
		e = sqlite_stmt_fail(c, "cannot read the author", err);
	sqlite_stmt_done(st);
	return e;
}

/* The checks of g, inside the insert's transaction: the rate limits
 * (ND_ELIMIT) and "first" moderation (may hold cm back as pending). */
static enum nd_err
sqlite_comment_guard(struct sqlite_conn *c, struct comment *cm,
    const struct comment_guard *g, struct nd_error *err)
{
	int64_t by_ip = 0, by_email = 0, approved = 0;
	enum nd_err e;

	e = sqlite_comment_count_recent(c, cm->has_ip_hash ? cm->ip_hash :
	    NULL, cm->email, g->since, &by_ip, &by_email, err);
	if (e != ND_OK)
		return e;
	if (g->max_per_ip >= 0 && cm->has_ip_hash && by_ip >= g->max_per_ip)
		return nd_error_set(err, ND_ELIMIT, "over the limit of %lld "
		    "comments from one IP in the window",
		    (long long)g->max_per_ip);
	if (g->max_per_email >= 0 && by_email >= g->max_per_email)
		return nd_error_set(err, ND_ELIMIT, "'%s' is over the limit of "
		    "%lld comments in the window", cm->email,
		    (long long)g->max_per_email);
	if (!g->hold_first || cm->status != COMMENT_APPROVED)
		return ND_OK;
	if ((e = sqlite_comment_approved(c, cm->email, &approved, err)) ==
	    ND_OK && approved == 0)
		cm->status = COMMENT_PENDING;
	return e;
}

enum nd_err
sqlite_comment_add(struct store *s, struct comment *cm,
    const struct comment_guard *g, struct nd_error *err)
{
	struct sqlite_conn *c = s->priv;
	enum nd_err e;

	/* one write transaction from the checks to the insert: a second
	 * writer waits at its BEGIN IMMEDIATE until this one committed,
	 * and then counts this comment */
	if ((e = sqlite_stmt_begin(c, err)) != ND_OK)
		return e;
	e = g ? sqlite_comment_guard(c, cm, g, err) : ND_OK;
	if (e == ND_OK)
		e = sqlite_comment_check_refs(c, cm, err);
	if (e == ND_OK)
		e = sqlite_comment_insert(c, cm, err);
	if (e == ND_OK && cm->status == COMMENT_APPROVED)
		e = sqlite_comment_bump_author(c, cm->email, err);
	if (e == ND_OK)
		e = sqlite_comment_recount(c, cm->article_id, err);
	if (e == ND_OK)
		e = sqlite_stmt_commit(c, err);
	if (e != ND_OK) {
		sqlite_stmt_rollback(c);
		cm->id = 0;
	}
	return e;
}

enum nd_err
sqlite_comment_get(struct store *s, int64_t id, struct comment **out,
    struct nd_error *err)
{
	struct sqlite_conn *c = s->priv;
	struct comment_list l = COMMENT_LIST_INIT;
	sqlite3_stmt *st;
	enum nd_err e;

	if ((st = sqlite_stmt_get(c, STMT_COMMENT_GET, err)) == NULL)
		return ND_ESTORE;
	sqlite3_bind_int64(st, 1, id);
	if ((e = sqlite_comment_collect(c, st, &l, err)) != ND_OK)
		return e;
	if (l.n == 0) {
		comment_list_release(&l);
		return nd_error_set(err, ND_ENOTFOUND, "no comment %lld",
		    (long long)id);
	}
	*out = xmalloc(sizeof(**out));
	**out = l.v[0];
	l.n = 0;
	comment_list_release(&l);
	return ND_OK;
}

/* Read article id, status and email of comment id (in a transaction). */
static enum nd_err
sqlite_comment_state(struct sqlite_conn *c, int64_t id, int64_t *article,
    int *status, char **email, struct nd_error *err)
{
	sqlite3_stmt *st = sqlite_stmt_get(c, STMT_COMMENT_STATE, err);
	enum nd_err e = ND_OK;
	char *name;
	int rc;

	if (st == NULL)
		return ND_ESTORE;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite_stmt_step(st);
	if (rc == SQLITE_ROW) {
		*article = sqlite3_column_int64(st, 0);
		name = sqlite_stmt_column_text(st, 1);
		*status = comment_status_parse(name);
		free(name);
		*email = sqlite_stmt_column_text(st, 2);
	} else if (rc == SQLITE_DONE)
		e = nd_error_set(err, ND_ENOTFOUND, "no comment %lld",
		    (long long)id);
	else
		e = sqlite_stmt_fail(c, "cannot read a comment", err);
	sqlite_stmt_done(st);
	return e;
}

static enum nd_err
sqlite_comment_update_status(struct sqlite_conn *c, int64_t id,
    enum comment_status to, const char *reason, struct nd_error *err)
{
	sqlite3_stmt *st = sqlite_stmt_get(c, STMT_COMMENT_SET_STATUS, err);

	if (st == NULL)
		return ND_ESTORE;
	sqlite3_bind_int64(st, 1, id);
	sqlite_stmt_bind_text(st, 2, comment_status_name(to));
	sqlite_stmt_bind_text(st, 3, reason);
	return sqlite_stmt_exec(c, st, "cannot change the comment", err);
}

enum nd_err
sqlite_comment_set_status(struct store *s, int64_t id, enum comment_status to,
    const char *reason, struct nd_error *err)
{
	struct sqlite_conn *c = s->priv;
	int64_t article = 0;
	char *email = NULL;
	int was = -1;
	enum nd_err e;

	if ((e = sqlite_stmt_begin(c, err)) != ND_OK)
		return e;
	e = sqlite_comment_state(c, id, &article, &was, &email, err);
	if (e == ND_OK)
		e = sqlite_comment_update_status(c, id, to, reason, err);
	if (e == ND_OK && to == COMMENT_APPROVED && was != COMMENT_APPROVED)
		e = sqlite_comment_bump_author(c, email, err);
	if (e == ND_OK)
		e = sqlite_comment_recount(c, article, err);
	if (e == ND_OK)
		e = sqlite_stmt_commit(c, err);
	if (e != ND_OK)
		sqlite_stmt_rollback(c);
	free(email);
	return e;
}

enum nd_err
sqlite_comment_edit(struct store *s, int64_t id, const char *body,
    int64_t edited, struct nd_error *err)
{
	struct sqlite_conn *c = s->priv;
	sqlite3_stmt *st;
	enum nd_err e = ND_OK;

	if ((st = sqlite_stmt_begin_get(c, STMT_COMMENT_EDIT, err)) == NULL)
		return ND_ESTORE;
	sqlite3_bind_int64(st, 1, id);
	sqlite_stmt_bind_text(st, 2, body);
	sqlite3_bind_int64(st, 3, edited);
	e = sqlite_stmt_exec(c, st, "cannot change the comment", err);
	if (e == ND_OK && sqlite3_changes(c->db) == 0)
		e = nd_error_set(err, ND_ENOTFOUND, "no comment %lld",
		    (long long)id);
	return sqlite_stmt_end(c, e, err);
}

enum nd_err
sqlite_comment_list(struct store *s, const struct comment_query *q,
    struct comment_list *out, struct nd_error *err)
{
	struct sqlite_conn *c = s->priv;
	sqlite3_stmt *st;

	if ((st = sqlite_stmt_get(c, STMT_COMMENT_LIST, err)) == NULL)
		return ND_ESTORE;
	if (q->status >= 0)
		sqlite_stmt_bind_text(st, 1,
		    comment_status_name((enum comment_status)q->status));
	sqlite3_bind_int64(st, 2, q->article_id);
	sqlite_stmt_bind_text(st, 3, q->email);
	sqlite3_bind_int64(st, 4, (int64_t)q->limit);
	sqlite3_bind_int64(st, 5, (int64_t)q->offset);
	return sqlite_comment_collect(c, st, out, err);
}

enum nd_err
sqlite_comment_thread(struct store *s, int64_t article_id, int newest_first,
    size_t limit, size_t offset, struct comment_list *out, int64_t *top,
    struct nd_error *err)
{
	struct sqlite_conn *c = s->priv;
	sqlite3_stmt *st;
	enum nd_err e;
	int found;

	if ((e = sqlite_stmt_begin_read(c, err)) != ND_OK)
		return e;
	e = sqlite_comment_int(c, STMT_COMMENT_TOP_COUNT, article_id, top,
	    &found, err);
	if (e == ND_OK && (st = sqlite_stmt_get(c, newest_first ?
	    STMT_COMMENT_THREAD_NEW : STMT_COMMENT_THREAD_OLD, err)) == NULL)
		e = ND_ESTORE;
	if (e == ND_OK) {
		sqlite3_bind_int64(st, 1, article_id);
		sqlite3_bind_int64(st, 2, (int64_t)limit);
		sqlite3_bind_int64(st, 3, (int64_t)offset);
		e = sqlite_comment_collect(c, st, out, err);
	}
	return sqlite_stmt_end(c, e, err);
}

enum nd_err
sqlite_comment_recent(struct store *s, const unsigned char *ip_hash,
    const char *email, int64_t since, int64_t *by_ip, int64_t *by_email,
    struct nd_error *err)
{
	return sqlite_comment_count_recent(s->priv, ip_hash, email, since,
	    by_ip, by_email, err);
}

enum nd_err
sqlite_comment_author(struct store *s, const char *email, int64_t *approved,
    struct nd_error *err)
{
	return sqlite_comment_approved(s->priv, email, approved, err);
}

enum nd_err
sqlite_comment_notify_off(struct store *s, const char *email,
    struct nd_error *err)
{
	struct sqlite_conn *c = s->priv;
	sqlite3_stmt *st = sqlite_stmt_get(c, STMT_COMMENT_NOTIFY_OFF, err);

	if (st == NULL)
		return ND_ESTORE;
	sqlite_stmt_bind_text(st, 1, email);
	return sqlite_stmt_exec(c, st, "cannot turn reply mails off", err);
}

/* The distinct articles the address commented on, into ids/n. */
static enum nd_err
sqlite_comment_erase_articles(struct sqlite_conn *c, const char *email,
    int64_t **ids, size_t *n, struct nd_error *err)
{
	sqlite3_stmt *st = sqlite_stmt_get(c, STMT_COMMENT_ERASE_ARTICLES,
	    err);
	int rc;

	if (st == NULL)
		return ND_ESTORE;
	sqlite_stmt_bind_text(st, 1, email);
	while ((rc = sqlite_stmt_step(st)) == SQLITE_ROW &&
	    *n < SQLITE_COMMENT_ERASE_MAX) {
		*ids = xreallocarray(*ids, *n + 1, sizeof(**ids));
		(*ids)[(*n)++] = sqlite3_column_int64(st, 0);
	}
	sqlite_stmt_done(st);
	if (rc == SQLITE_ROW)
		return nd_error_set(err, ND_ELIMIT, "comments of '%s' are on "
		    "more than %d articles", email, SQLITE_COMMENT_ERASE_MAX);
	if (rc != SQLITE_DONE)
		return sqlite_stmt_fail(c, "cannot read comments", err);
	return ND_OK;
}

static enum nd_err
sqlite_comment_run_email(struct sqlite_conn *c, enum stmt id,
    const char *email, const char *what, struct nd_error *err)
{
	sqlite3_stmt *st = sqlite_stmt_get(c, id, err);

	if (st == NULL)
		return ND_ESTORE;
	sqlite_stmt_bind_text(st, 1, email);
	return sqlite_stmt_exec(c, st, what, err);
}

enum nd_err
sqlite_comment_erase(struct store *s, const char *email, int64_t *n,
    struct nd_error *err)
{
	struct sqlite_conn *c = s->priv;
	int64_t *ids = NULL;
	size_t nids = 0, i;
	enum nd_err e;

	if ((e = sqlite_stmt_begin(c, err)) != ND_OK)
		return e;
	e = sqlite_comment_erase_articles(c, email, &ids, &nids, err);
	if (e == ND_OK)
		e = sqlite_comment_run_email(c, STMT_COMMENT_ERASE, email,
		    "cannot erase comments", err);
	if (e == ND_OK)
		*n = sqlite3_changes(c->db);
	if (e == ND_OK)
		e = sqlite_comment_run_email(c, STMT_COMMENT_AUTHOR_DELETE,
		    email, "cannot erase the author", err);
	for (i = 0; e == ND_OK && i < nids; i++)
		e = sqlite_comment_recount(c, ids[i], err);
	if (e == ND_OK)
		e = sqlite_stmt_commit(c, err);
	if (e != ND_OK) {
		sqlite_stmt_rollback(c);
		*n = 0;
	}
	free(ids);
	return e;
}

enum nd_err
sqlite_comment_purge_ips(struct store *s, int64_t now, int64_t before,
    int64_t *n, struct nd_error *err)
{
	struct sqlite_conn *c = s->priv;
	sqlite3_stmt *st;
	enum nd_err e = ND_OK;

	if ((st = sqlite_stmt_begin_get(c, STMT_COMMENT_PURGE_IPS, err)) == NULL)
		return ND_ESTORE;
	sqlite3_bind_int64(st, 1, now);
	sqlite3_bind_int64(st, 2, before);
	e = sqlite_stmt_exec(c, st, "cannot purge ip hashes", err);
	if (e == ND_OK)
		*n = sqlite3_changes(c->db);
	return sqlite_stmt_end(c, e, err);
}

/* Run add or remove of one blocklist entry in its own transaction. */
static enum nd_err
sqlite_comment_block_change(struct sqlite_conn *c, enum stmt id,
    enum comment_block_kind kind, const char *value, struct nd_error *err)
{
	sqlite3_stmt *st;
	enum nd_err e;

	if ((st = sqlite_stmt_begin_get(c, id, err)) == NULL)
		return ND_ESTORE;
	sqlite_stmt_bind_text(st, 1, sqlite_comment_kinds[kind]);
	sqlite_stmt_bind_text(st, 2, value);
	if (id == STMT_COMMENT_BLOCK_ADD)
		sqlite3_bind_int64(st, 3, (int64_t)time(NULL));
	e = sqlite_stmt_exec(c, st, "cannot change the blocklist", err);
	if (e == ND_OK && sqlite3_changes(c->db) == 0)
		e = nd_error_set(err, id == STMT_COMMENT_BLOCK_ADD ? ND_EEXIST
		    : ND_ENOTFOUND, "%s '%s' is %s the blocklist",
		    sqlite_comment_kinds[kind], value,
		    id == STMT_COMMENT_BLOCK_ADD ? "already on" : "not on");
	return sqlite_stmt_end(c, e, err);
}

enum nd_err
sqlite_comment_block_add(struct store *s, enum comment_block_kind kind,
    const char *value, struct nd_error *err)
{
	return sqlite_comment_block_change(s->priv, STMT_COMMENT_BLOCK_ADD,
	    kind, value, err);
}

enum nd_err
sqlite_comment_block_rm(struct store *s, enum comment_block_kind kind,
    const char *value, struct nd_error *err)
{
	return sqlite_comment_block_change(s->priv, STMT_COMMENT_BLOCK_RM,
	    kind, value, err);
}

enum nd_err
sqlite_comment_block_list(struct store *s, struct comment_block_list *out,
    struct nd_error *err)
{
	struct sqlite_conn *c = s->priv;
	sqlite3_stmt *st = sqlite_stmt_get(c, STMT_COMMENT_BLOCK_LIST, err);
	struct comment_block *b;
	char *kind;
	int rc;

	if (st == NULL)
		return ND_ESTORE;
	while ((rc = sqlite_stmt_step(st)) == SQLITE_ROW) {
		out->v = xreallocarray(out->v, out->n + 1, sizeof(*out->v));
		b = &out->v[out->n++];
		kind = sqlite_stmt_column_text(st, 0);
		b->kind = kind && strcmp(kind, "address") == 0 ?
		    COMMENT_BLOCK_ADDRESS : COMMENT_BLOCK_WORD;
		free(kind);
		b->value = sqlite_stmt_column_text(st, 1);
	}
	sqlite_stmt_done(st);
	if (rc != SQLITE_DONE) {
		comment_block_list_release(out);
		return sqlite_stmt_fail(c, "cannot read the blocklist", err);
	}
	return ND_OK;
}
