/* sqlite_outbox.c - the outbox in SQLite (migration 7). A claim is one
 * UPDATE ... RETURNING inside BEGIN IMMEDIATE: the write lock makes it
 * exclusive, and moving next_try to the lease's end is what keeps the
 * next claimer off the row (PostgreSQL: FOR UPDATE SKIP LOCKED in the
 * inner SELECT). */
#include "store/sqlite_outbox.h"

#include <stdlib.h>
#include <string.h>

#include "store/sqlite_stmt.h"
#include "util/xalloc.h"

static const char *const sqlite_outbox_names[] = {
	[OUTBOX_QUEUED] = "queued",
	[OUTBOX_SENT] = "sent",
	[OUTBOX_FAILED] = "failed",
};

static enum outbox_status
sqlite_outbox_status(const char *name)
{
	if (name && strcmp(name, "sent") == 0)
		return OUTBOX_SENT;
	if (name && strcmp(name, "failed") == 0)
		return OUTBOX_FAILED;
	return OUTBOX_QUEUED;
}

/* Fill m from the SQLITE_OUTBOX_COLS of st; with_data: the message
 * follows in the next column. */
static void
sqlite_outbox_row(sqlite3_stmt *st, struct outbox_msg *m, int with_data)
{
	const void *p;
	int n;

	memset(m, 0, sizeof(*m));
	m->id = sqlite3_column_int64(st, 0);
	m->created = sqlite3_column_int64(st, 1);
	m->kind = sqlite_stmt_column_text(st, 2);
	m->sender = sqlite_stmt_column_text(st, 3);
	m->rcpt = sqlite_stmt_column_text(st, 4);
	m->message_id = sqlite_stmt_column_text(st, 5);
	m->status = sqlite_outbox_status(
	    (const char *)sqlite3_column_text(st, 6));
	m->attempts = sqlite3_column_int(st, 7);
	m->next_try = sqlite3_column_int64(st, 8);
	m->sent_at = sqlite3_column_int64(st, 9);
	m->last_error = sqlite_stmt_column_text(st, 10);
	if (!with_data)
		return;
	p = sqlite3_column_blob(st, SQLITE_OUTBOX_NCOLS);
	n = sqlite3_column_bytes(st, SQLITE_OUTBOX_NCOLS);
	m->len = n > 0 ? (size_t)n : 0;
	m->data = xmalloc(m->len + 1);
	if (m->len)
		memcpy(m->data, p, m->len);
	m->data[m->len] = '\0';
}

enum nd_err
sqlite_outbox_enqueue(struct store *s, const struct outbox_msg *m,
    int64_t now, int64_t *id, struct nd_error *err)
{
	struct sqlite_conn *c = s->priv;
	sqlite3_stmt *st;
	enum nd_err e = ND_OK;
	int rc;

	if ((st = sqlite_stmt_begin_get(c, STMT_OUTBOX_INSERT, err)) == NULL)
		return ND_ESTORE;
	sqlite3_bind_int64(st, 1, now);
	sqlite_stmt_bind_text(st, 2, m->kind);
	sqlite_stmt_bind_text(st, 3, m->sender);
	sqlite_stmt_bind_text(st, 4, m->rcpt);
	sqlite3_bind_blob64(st, 5, m->data, m->len, SQLITE_TRANSIENT);
	sqlite_stmt_bind_text(st, 6, m->message_id);
	rc = sqlite_stmt_step(st);
	if (rc == SQLITE_ROW && id)
		*id = sqlite3_column_int64(st, 0);
	if (rc != SQLITE_ROW)
		e = sqlite_stmt_fail(c, "cannot queue a mail", err);
	sqlite_stmt_done(st);
	return sqlite_stmt_end(c, e, err);
}

enum nd_err
sqlite_outbox_claim(struct store *s, size_t limit, int64_t now,
    int64_t lease, struct outbox_list *out, struct nd_error *err)
{
	struct sqlite_conn *c = s->priv;
	size_t cap = out->n, first = out->n;
	sqlite3_stmt *st;
	enum nd_err e = ND_OK;
	int rc;

	if ((st = sqlite_stmt_begin_get(c, STMT_OUTBOX_CLAIM, err)) == NULL)
		return ND_ESTORE;
	sqlite3_bind_int64(st, 1, now);
	sqlite3_bind_int64(st, 2, now + lease);
	sqlite3_bind_int64(st, 3, (int64_t)limit);
	while ((rc = sqlite_stmt_step(st)) == SQLITE_ROW) {
		out->v = xgrow(out->v, &cap, out->n, sizeof(*out->v), 16);
		sqlite_outbox_row(st, &out->v[out->n++], 1);
	}
	if (rc != SQLITE_DONE)
		e = sqlite_stmt_fail(c, "cannot claim queued mail", err);
	sqlite_stmt_done(st);
	if ((e = sqlite_stmt_end(c, e, err)) != ND_OK) {
		/* rolled back: nothing of it was claimed */
		while (out->n > first)
			outbox_msg_release(&out->v[--out->n]);
	}
	return e;
}

enum nd_err
sqlite_outbox_sent(struct store *s, int64_t id, int64_t now,
    struct nd_error *err)
{
	struct sqlite_conn *c = s->priv;
	sqlite3_stmt *st;
	enum nd_err e;

	if ((st = sqlite_stmt_begin_get(c, STMT_OUTBOX_SENT, err)) == NULL)
		return ND_ESTORE;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, now);
	e = sqlite_stmt_exec(c, st, "cannot mark a mail sent", err);
	return sqlite_stmt_end(c, e, err);
}

enum nd_err
sqlite_outbox_failed(struct store *s, int64_t id, int permanent,
    const char *error, int64_t now, struct nd_error *err)
{
	struct sqlite_conn *c = s->priv;
	sqlite3_stmt *st;
	enum nd_err e;

	st = sqlite_stmt_begin_get(c, permanent ? STMT_OUTBOX_GIVE_UP :
	    STMT_OUTBOX_RETRY, err);
	if (st == NULL)
		return ND_ESTORE;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, now);
	sqlite_stmt_bind_text(st, 3, error);
	if (!permanent) {
		sqlite3_bind_int64(st, 4, STORE_OUTBOX_RETRY_BASE);
		sqlite3_bind_int64(st, 5, STORE_OUTBOX_RETRY_MAX);
		sqlite3_bind_int64(st, 6, STORE_OUTBOX_ATTEMPTS);
	}
	e = sqlite_stmt_exec(c, st, "cannot mark a mail failed", err);
	return sqlite_stmt_end(c, e, err);
}

enum nd_err
sqlite_outbox_list(struct store *s, int status, size_t limit,
    size_t offset, struct outbox_list *out, struct nd_error *err)
{
	struct sqlite_conn *c = s->priv;
	size_t cap = out->n;
	sqlite3_stmt *st;
	enum nd_err e = ND_OK;
	int rc;

	if ((st = sqlite_stmt_get(c, STMT_OUTBOX_LIST, err)) == NULL)
		return ND_ESTORE;
	sqlite_stmt_bind_text(st, 1, status < 0 ? NULL :
	    sqlite_outbox_names[status]);
	sqlite3_bind_int64(st, 2, (int64_t)limit);
	sqlite3_bind_int64(st, 3, (int64_t)offset);
	while ((rc = sqlite_stmt_step(st)) == SQLITE_ROW) {
		out->v = xgrow(out->v, &cap, out->n, sizeof(*out->v), 16);
		sqlite_outbox_row(st, &out->v[out->n++], 0);
	}
	if (rc != SQLITE_DONE)
		e = sqlite_stmt_fail(c, "cannot list the outbox", err);
	sqlite_stmt_done(st);
	return e;
}

enum nd_err
sqlite_outbox_count(struct store *s, int64_t now, struct outbox_counts *out,
    struct nd_error *err)
{
	struct sqlite_conn *c = s->priv;
	sqlite3_stmt *st;
	enum nd_err e = ND_OK;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((st = sqlite_stmt_get(c, STMT_OUTBOX_COUNT, err)) == NULL)
		return ND_ESTORE;
	sqlite3_bind_int64(st, 1, now);
	rc = sqlite_stmt_step(st);
	if (rc == SQLITE_ROW) {
		out->due = sqlite3_column_int64(st, 0);
		out->waiting = sqlite3_column_int64(st, 1);
		out->sent = sqlite3_column_int64(st, 2);
		out->failed = sqlite3_column_int64(st, 3);
	} else
		e = sqlite_stmt_fail(c, "cannot count the outbox", err);
	sqlite_stmt_done(st);
	return e;
}

enum nd_err
sqlite_outbox_purge(struct store *s, int64_t before, int64_t *n,
    struct nd_error *err)
{
	struct sqlite_conn *c = s->priv;
	sqlite3_stmt *st;
	enum nd_err e;

	*n = 0;
	if ((st = sqlite_stmt_begin_get(c, STMT_OUTBOX_PURGE, err)) == NULL)
		return ND_ESTORE;
	sqlite3_bind_int64(st, 1, before);
	e = sqlite_stmt_exec(c, st, "cannot purge the outbox", err);
	if (e == ND_OK)
		*n = sqlite3_changes64(c->db);
	return sqlite_stmt_end(c, e, err);
}
