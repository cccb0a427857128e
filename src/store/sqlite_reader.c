/* sqlite_reader.c - readers in the SQLite store: add or update by email
 * with the followed topics (one transaction), preferences, confirm,
 * remove, listing in id order with topics and the newest delivery, and
 * the fixed-window counters of the follow form's rate limit.
 */
#include "store/sqlite_reader.h"

#include <stdlib.h>
#include <string.h>

#include "store/sqlite_stmt.h"
#include "util/xalloc.h"

#define SQLITE_READER_BATCH	1000

static int
sqlite_reader_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Split the space-separated slugs of column i into r->topics, sorted. */
static void
sqlite_reader_topics(sqlite3_stmt *st, int i, struct reader *r)
{
	const char *p = (const char *)sqlite3_column_text(st, i), *q;

	if (p == NULL)
		return;
	while (*p) {
		for (q = p; *q && *q != ' '; q++)
			;
		if (q > p)
			strlist_pushn(&r->topics, p, (size_t)(q - p));
		p = *q ? q + 1 : q;
	}
	if (r->topics.n > 1)
		qsort(r->topics.v, r->topics.n, sizeof(char *),
		    sqlite_reader_cmp);
}

/* "YYYY-MM-DD status" of column i into last_date/last_status. */
static void
sqlite_reader_last(sqlite3_stmt *st, int i, struct reader *r)
{
	const char *p = (const char *)sqlite3_column_text(st, i);
	size_t n;

	if (p == NULL || strlen(p) < 12 || p[10] != ' ')
		return;
	memcpy(r->last_date, p, 10);
	n = strlen(p + 11);
	if (n >= sizeof(r->last_status))
		return;
	memcpy(r->last_status, p + 11, n + 1);
}

static void
sqlite_reader_row(sqlite3_stmt *st, struct reader *r)
{
	memset(r, 0, sizeof(*r));
	r->id = sqlite3_column_int64(st, 0);
	r->email = sqlite_stmt_column_text(st, 1);
	r->lang = sqlite_stmt_column_text(st, 2);
	r->tz = sqlite_stmt_column_text(st, 3);
	r->hour = sqlite3_column_int(st, 4);
	r->confirmed_at = sqlite3_column_int64(st, 5);
	r->paused = sqlite3_column_int(st, 6);
	r->bouncing = sqlite3_column_int(st, 7);
	r->hard_failures = sqlite3_column_int(st, 8);
	r->created = sqlite3_column_int64(st, 9);
	r->last_digest_at = sqlite3_column_int64(st, 10);
	sqlite_reader_topics(st, 11, r);
	sqlite_reader_last(st, 12, r);
}

/* Link reader id to every slug of topics; ND_EINVAL naming an unknown
 * slug. Runs inside the caller's transaction. */
static enum nd_err
sqlite_reader_link(struct sqlite_conn *c, int64_t id,
    const struct strlist *topics, struct nd_error *err)
{
	sqlite3_stmt *st;
	int64_t tid;
	size_t i;
	int rc;

	for (i = 0; i < topics->n; i++) {
		if ((st = sqlite_stmt_get(c, STMT_TOPIC_ID, err)) == NULL)
			return ND_ESTORE;
		sqlite_stmt_bind_text(st, 1, topics->v[i]);
		rc = sqlite_stmt_step(st);
		tid = sqlite3_column_int64(st, 0);
		sqlite_stmt_done(st);
		if (rc == SQLITE_DONE)
			return nd_error_set(err, ND_EINVAL, "no topic '%s'",
			    topics->v[i]);
		if (rc != SQLITE_ROW)
			return sqlite_stmt_fail(c, "cannot find a topic", err);
		if ((st = sqlite_stmt_get(c, STMT_READER_TOPIC_ADD, err)) ==
		    NULL)
			return ND_ESTORE;
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, tid);
		if (sqlite_stmt_exec(c, st, "cannot follow a topic", err))
			return ND_ESTORE;
	}
	return ND_OK;
}

enum nd_err
sqlite_reader_put(struct store *s, struct reader *r, int64_t now,
    struct nd_error *err)
{
	struct sqlite_conn *c = s->priv;
	sqlite3_stmt *st;
	enum nd_err e = ND_OK;

	if ((st = sqlite_stmt_begin_get(c, STMT_READER_UPSERT, err)) == NULL)
		return ND_ESTORE;
	sqlite_stmt_bind_text(st, 1, r->email);
	sqlite_stmt_bind_text(st, 2, r->lang);
	sqlite_stmt_bind_text(st, 3, r->tz);
	sqlite3_bind_int(st, 4, r->hour);
	sqlite3_bind_int64(st, 5, r->confirmed_at);
	sqlite3_bind_int64(st, 6, now);
	if (sqlite_stmt_step(st) != SQLITE_ROW)
		e = sqlite_stmt_fail(c, "cannot store the reader", err);
	else
		r->id = sqlite3_column_int64(st, 0);
	sqlite_stmt_done(st);
	if (e == ND_OK)
		e = sqlite_reader_link(c, r->id, &r->topics, err);
	return sqlite_stmt_end(c, e, err);
}

enum nd_err
sqlite_reader_update(struct store *s, const struct reader *r,
    struct nd_error *err)
{
	struct sqlite_conn *c = s->priv;
	sqlite3_stmt *st;
	enum nd_err e = ND_OK;

	if ((st = sqlite_stmt_begin_get(c, STMT_READER_UPDATE, err)) == NULL)
		return ND_ESTORE;
	sqlite3_bind_int64(st, 1, r->id);
	sqlite_stmt_bind_text(st, 2, r->lang);
	sqlite_stmt_bind_text(st, 3, r->tz);
	sqlite3_bind_int(st, 4, r->hour);
	sqlite3_bind_int(st, 5, r->paused != 0);
	e = sqlite_stmt_exec(c, st, "cannot update the reader", err);
	if (e == ND_OK && sqlite3_changes(c->db) == 0)
		e = nd_error_set(err, ND_ENOTFOUND, "no reader %lld",
		    (long long)r->id);
	if (e == ND_OK &&
	    (st = sqlite_stmt_get(c, STMT_READER_TOPICS_DELETE, err)) == NULL)
		e = ND_ESTORE;
	if (e == ND_OK) {
		sqlite3_bind_int64(st, 1, r->id);
		e = sqlite_stmt_exec(c, st, "cannot update topics", err);
	}
	if (e == ND_OK)
		e = sqlite_reader_link(c, r->id, &r->topics, err);
	return sqlite_stmt_end(c, e, err);
}

enum nd_err
sqlite_reader_get(struct store *s, const char *email, int64_t id,
    struct reader **out, struct nd_error *err)
{
	struct sqlite_conn *c = s->priv;
	sqlite3_stmt *st;
	enum nd_err e = ND_OK;
	int rc;

	*out = NULL;
	st = sqlite_stmt_get(c, email ? STMT_READER_BY_EMAIL :
	    STMT_READER_BY_ID, err);
	if (st == NULL)
		return ND_ESTORE;
	if (email)
		sqlite_stmt_bind_text(st, 1, email);
	else
		sqlite3_bind_int64(st, 1, id);
	rc = sqlite_stmt_step(st);
	if (rc == SQLITE_ROW) {
		*out = xmalloc(sizeof(**out));
		sqlite_reader_row(st, *out);
	} else if (rc == SQLITE_DONE && email)
		e = nd_error_set(err, ND_ENOTFOUND, "no reader '%s'", email);
	else if (rc == SQLITE_DONE)
		e = nd_error_set(err, ND_ENOTFOUND, "no reader %lld",
		    (long long)id);
	else
		e = sqlite_stmt_fail(c, "cannot read the reader", err);
	sqlite_stmt_done(st);
	return e;
}

/* Run a one-row change on reader id in its own transaction. */
static enum nd_err
sqlite_reader_change(struct store *s, enum stmt which, int64_t id,
    int64_t arg, int must_change, struct nd_error *err)
{
	struct sqlite_conn *c = s->priv;
	sqlite3_stmt *st;
	enum nd_err e;

	if ((st = sqlite_stmt_begin_get(c, which, err)) == NULL)
		return ND_ESTORE;
	sqlite3_bind_int64(st, 1, id);
	if (which == STMT_READER_CONFIRM)
		sqlite3_bind_int64(st, 2, arg);
	e = sqlite_stmt_exec(c, st, "cannot change the reader", err);
	if (e == ND_OK && must_change && sqlite3_changes(c->db) == 0)
		e = nd_error_set(err, ND_ENOTFOUND, "no reader %lld",
		    (long long)id);
	return sqlite_stmt_end(c, e, err);
}

enum nd_err
sqlite_reader_confirm(struct store *s, int64_t id, int64_t now,
    struct nd_error *err)
{
	return sqlite_reader_change(s, STMT_READER_CONFIRM, id, now, 0, err);
}

enum nd_err
sqlite_reader_rm(struct store *s, int64_t id, struct nd_error *err)
{
	return sqlite_reader_change(s, STMT_READER_DELETE, id, 0, 1, err);
}

enum nd_err
sqlite_reader_list(struct store *s, int active, int64_t after, size_t limit,
    struct reader_list *out, struct nd_error *err)
{
	struct sqlite_conn *c = s->priv;
	sqlite3_stmt *st;
	enum nd_err e = ND_OK;
	size_t cap = 0;
	int rc;

	out->v = NULL;
	out->n = 0;
	if ((st = sqlite_stmt_get(c, STMT_READER_LIST, err)) == NULL)
		return ND_ESTORE;
	sqlite3_bind_int64(st, 1, after);
	sqlite3_bind_int(st, 2, active != 0);
	sqlite3_bind_int64(st, 3, (int64_t)(limit ? limit :
	    SQLITE_READER_BATCH));
	while ((rc = sqlite_stmt_step(st)) == SQLITE_ROW) {
		out->v = xgrow(out->v, &cap, out->n, sizeof(*out->v), 64);
		sqlite_reader_row(st, &out->v[out->n++]);
	}
	if (rc != SQLITE_DONE) {
		e = sqlite_stmt_fail(c, "cannot list readers", err);
		reader_list_release(out);
	}
	sqlite_stmt_done(st);
	return e;
}

enum nd_err
sqlite_rate_hit(struct store *s, const char *key, int64_t now,
    int64_t window, int64_t *count, struct nd_error *err)
{
	struct sqlite_conn *c = s->priv;
	sqlite3_stmt *st;
	enum nd_err e = ND_OK;

	if ((st = sqlite_stmt_begin_get(c, STMT_RATE_HIT, err)) == NULL)
		return ND_ESTORE;
	sqlite_stmt_bind_text(st, 1, key);
	sqlite3_bind_int64(st, 2, now - now % window);
	if (sqlite_stmt_step(st) == SQLITE_ROW)
		*count = sqlite3_column_int64(st, 0);
	else
		e = sqlite_stmt_fail(c, "cannot count a rate", err);
	sqlite_stmt_done(st);
	return sqlite_stmt_end(c, e, err);
}
