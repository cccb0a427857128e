/* sqlite_delivery.c - digest deliveries in the SQLite store: claims of
 * (reader, local date) rows in one BEGIN IMMEDIATE transaction per
 * batch (the write lock makes a claim exclusive; PostgreSQL would use
 * SELECT ... FOR UPDATE SKIP LOCKED), outcomes, and the brief article
 * rows a digest is built from.
 */
#include "store/sqlite_reader.h"

#include <stdlib.h>
#include <string.h>

#include "store/sqlite_stmt.h"
#include "util/xalloc.h"

static const char *const sqlite_delivery_names[] = {
	[DELIVERY_CLAIMED] = "claimed",
	[DELIVERY_SENT] = "sent",
	[DELIVERY_FAILED] = "failed",
	[DELIVERY_RETRY] = "retry",
};

/* Copy a text column into a fixed field; 0 when it does not fit. */
static int
sqlite_delivery_copy(sqlite3_stmt *st, int i, char *out, size_t n)
{
	const char *p = (const char *)sqlite3_column_text(st, i);
	size_t len = p ? strlen(p) : 0;

	if (len >= n)
		return 0;
	memcpy(out, p ? p : "", len + 1);
	return 1;
}

/* Decide from the stored row what this claim is. */
static enum delivery_claim_result
sqlite_delivery_decide(sqlite3_stmt *st, struct delivery_claim *d,
    int64_t now, int64_t stale)
{
	const char *status = (const char *)sqlite3_column_text(st, 0);
	int64_t next = sqlite3_column_int64(st, 5);
	int64_t claimed = sqlite3_column_int64(st, 6);

	if (status == NULL)
		return CLAIM_SKIP;
	if (strcmp(status, "claimed") == 0 && claimed + stale <= now)
		d->result = CLAIM_RESEND;
	else if (strcmp(status, "retry") == 0 && next <= now)
		d->result = CLAIM_RETRY;
	else
		return CLAIM_SKIP;
	if (!sqlite_delivery_copy(st, 1, d->message_id,
	    sizeof(d->message_id)))
		return CLAIM_SKIP;
	d->window_start = sqlite3_column_int64(st, 2);
	d->window_end = sqlite3_column_int64(st, 3);
	d->attempts = sqlite3_column_int(st, 4) + 1;
	return d->result;
}

/* Write the claim decided for d. */
static enum nd_err
sqlite_delivery_write(struct sqlite_conn *c, struct delivery_claim *d,
    int64_t now, struct nd_error *err)
{
	sqlite3_stmt *st;

	if (d->result == CLAIM_SKIP)
		return ND_OK;
	st = sqlite_stmt_get(c, d->result == CLAIM_NEW ?
	    STMT_DELIVERY_INSERT : STMT_DELIVERY_RECLAIM, err);
	if (st == NULL)
		return ND_ESTORE;
	sqlite3_bind_int64(st, 1, d->reader_id);
	sqlite_stmt_bind_text(st, 2, d->local_date);
	if (d->result == CLAIM_NEW) {
		sqlite_stmt_bind_text(st, 3, d->message_id);
		sqlite3_bind_int64(st, 4, d->window_start);
		sqlite3_bind_int64(st, 5, d->window_end);
		sqlite3_bind_int64(st, 6, now);
		d->attempts = 1;
	} else
		sqlite3_bind_int64(st, 3, now);
	return sqlite_stmt_exec(c, st, "cannot claim a delivery", err);
}

static enum nd_err
sqlite_delivery_claim_one(struct sqlite_conn *c, struct delivery_claim *d,
    int64_t now, int64_t stale, struct nd_error *err)
{
	sqlite3_stmt *st = sqlite_stmt_get(c, STMT_DELIVERY_GET, err);
	int rc;

	if (st == NULL)
		return ND_ESTORE;
	sqlite3_bind_int64(st, 1, d->reader_id);
	sqlite_stmt_bind_text(st, 2, d->local_date);
	rc = sqlite_stmt_step(st);
	if (rc == SQLITE_DONE)
		d->result = CLAIM_NEW;
	else if (rc == SQLITE_ROW)
		d->result = sqlite_delivery_decide(st, d, now, stale);
	sqlite_stmt_done(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return sqlite_stmt_fail(c, "cannot read a delivery", err);
	return sqlite_delivery_write(c, d, now, err);
}

enum nd_err
sqlite_delivery_claim(struct store *s, struct delivery_claim *v, size_t n,
    int64_t now, int64_t stale, struct nd_error *err)
{
	struct sqlite_conn *c = s->priv;
	enum nd_err e;
	size_t i;

	if ((e = sqlite_stmt_begin(c, err)) != ND_OK)
		return e;
	for (i = 0; i < n && e == ND_OK; i++)
		e = sqlite_delivery_claim_one(c, &v[i], now, stale, err);
	return sqlite_stmt_end(c, e, err);
}

/* The reader-side effect of an outcome: last digest or failure count. */
static enum nd_err
sqlite_delivery_reader(struct sqlite_conn *c, const struct delivery_mark *m,
    int max_failures, struct nd_error *err)
{
	sqlite3_stmt *st;

	if (m->status == DELIVERY_RETRY)
		return ND_OK;
	st = sqlite_stmt_get(c, m->status == DELIVERY_SENT ?
	    STMT_READER_SENT : STMT_READER_FAILED, err);
	if (st == NULL)
		return ND_ESTORE;
	sqlite3_bind_int64(st, 1, m->reader_id);
	sqlite3_bind_int64(st, 2, m->status == DELIVERY_SENT ?
	    m->window_end : max_failures);
	return sqlite_stmt_exec(c, st, "cannot update the reader", err);
}

static enum nd_err
sqlite_delivery_mark_one(struct sqlite_conn *c,
    const struct delivery_mark *m, int max_failures, int64_t now,
    struct nd_error *err)
{
	sqlite3_stmt *st = sqlite_stmt_get(c, STMT_DELIVERY_SET, err);
	enum nd_err e;

	if (st == NULL)
		return ND_ESTORE;
	sqlite3_bind_int64(st, 1, m->reader_id);
	sqlite_stmt_bind_text(st, 2, m->local_date);
	sqlite_stmt_bind_text(st, 3, sqlite_delivery_names[m->status]);
	sqlite_stmt_bind_text(st, 4, m->error);
	sqlite3_bind_int64(st, 5, m->next_attempt);
	sqlite3_bind_int64(st, 6, now);
	if ((e = sqlite_stmt_exec(c, st, "cannot mark a delivery", err)))
		return e;
	return sqlite_delivery_reader(c, m, max_failures, err);
}

enum nd_err
sqlite_delivery_mark(struct store *s, const struct delivery_mark *v,
    size_t n, int max_failures, int64_t now, struct nd_error *err)
{
	struct sqlite_conn *c = s->priv;
	enum nd_err e;
	size_t i;

	if ((e = sqlite_stmt_begin(c, err)) != ND_OK)
		return e;
	for (i = 0; i < n && e == ND_OK; i++)
		e = sqlite_delivery_mark_one(c, &v[i], max_failures, now, err);
	return sqlite_stmt_end(c, e, err);
}

static void
sqlite_brief_row(sqlite3_stmt *st, struct brief *b)
{
	b->id = sqlite3_column_int64(st, 0);
	b->story_id = sqlite3_column_int64(st, 1);
	b->published = sqlite3_column_int64(st, 2);
	b->headline = sqlite_stmt_column_text(st, 3);
	b->standfirst = sqlite_stmt_column_text(st, 4);
	b->source = sqlite_stmt_column_text(st, 5);
	b->url = sqlite_stmt_column_text(st, 6);
}

enum nd_err
sqlite_brief_list(struct store *s, const char *topic, int64_t since,
    int64_t until, size_t limit, struct brief_list *out,
    struct nd_error *err)
{
	struct sqlite_conn *c = s->priv;
	sqlite3_stmt *st;
	enum nd_err e = ND_OK;
	size_t cap = 0;
	int rc;

	out->v = NULL;
	out->n = 0;
	if ((st = sqlite_stmt_get(c, STMT_BRIEF_LIST, err)) == NULL)
		return ND_ESTORE;
	sqlite_stmt_bind_text(st, 1, topic);
	sqlite3_bind_int64(st, 2, since);
	sqlite3_bind_int64(st, 3, until);
	sqlite3_bind_int64(st, 4, (int64_t)limit);
	while ((rc = sqlite_stmt_step(st)) == SQLITE_ROW) {
		out->v = xgrow(out->v, &cap, out->n, sizeof(*out->v), 16);
		sqlite_brief_row(st, &out->v[out->n++]);
	}
	if (rc != SQLITE_DONE) {
		e = sqlite_stmt_fail(c, "cannot list articles", err);
		brief_list_release(out);
	}
	sqlite_stmt_done(st);
	return e;
}
