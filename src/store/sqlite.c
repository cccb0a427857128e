/* sqlite.c - the SQLite store backend: connection, schema migrations,
 * topics and the backend table. Articles are in sqlite_article.c, the
 * SQL in sqlite_stmt.c.
 *
 * A connection runs in WAL mode (readers never wait for the writer),
 * with foreign keys on and synchronous=NORMAL (durable at checkpoints,
 * never corrupt). Writers wait up to SQLITE_BUSY_MS for the lock.
 */
#include "store/store.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "store/migrations.h"
#include "store/sqlite_article.h"
#include "store/sqlite_comment.h"
#include "store/sqlite_account.h"
#include "store/sqlite_outbox.h"
#include "store/sqlite_reader.h"
#include "store/sqlite_stmt.h"
#include "util/buf.h"
#include "util/xalloc.h"

#define SQLITE_BUSY_MS		5000

/* Connection settings; constant, run once per connection. */
static const char sqlite_settings[] =
	"PRAGMA foreign_keys = ON;"
	"PRAGMA journal_mode = WAL;"
	"PRAGMA synchronous = NORMAL;";

/* mkdir -p of the folder part of path ("var/nd.db" -> "var"). */
static enum nd_err
sqlite_mkdirs(const char *dsn, struct nd_error *err)
{
	char *dir = xstrdup(dsn), *p;
	enum nd_err e = ND_OK;
	int end;

	p = strrchr(dir, '/');
	if (p == NULL || p == dir)
		goto out;
	*p = '\0';
	for (p = dir + 1; ; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		end = *p == '\0';
		*p = '\0';
		if (mkdir(dir, 0755) != 0 && errno != EEXIST) {
			e = nd_error_set(err, ND_EIO, "store '%s': cannot "
			    "create folder '%s': %s", dsn, dir,
			    strerror(errno));
			goto out;
		}
		if (end)
			break;
		*p = '/';
	}
out:
	free(dir);
	return e;
}

static enum nd_err
sqlite_open(struct store *s, const char *dsn, struct nd_error *err)
{
	struct sqlite_conn *c;
	enum nd_err e;

	if (*dsn == '\0')
		return nd_error_set(err, ND_EINVAL, "empty store path");
	if (strcmp(dsn, ":memory:") != 0 &&
	    (e = sqlite_mkdirs(dsn, err)) != ND_OK)
		return e;
	c = xcalloc(1, sizeof(*c));
	c->dsn = xstrdup(dsn);
	s->priv = c;
	if (sqlite3_open_v2(dsn, &c->db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
		e = sqlite_stmt_fail(c, "cannot open", err);
		goto fail;
	}
	sqlite3_busy_timeout(c->db, SQLITE_BUSY_MS);
	if (sqlite3_exec(c->db, sqlite_settings, NULL, NULL, NULL) !=
	    SQLITE_OK) {
		e = sqlite_stmt_fail(c, "cannot open", err);
		goto fail;
	}
	return ND_OK;
fail:
	s->be->close(s);
	return e;
}

static void
sqlite_close(struct store *s)
{
	struct sqlite_conn *c = s->priv;

	if (c == NULL)
		return;
	sqlite_stmt_release(c);
	sqlite3_close(c->db);
	free(c->dsn);
	free(c);
	s->priv = NULL;
}

/* Read one integer from a single-row statement. */
static enum nd_err
sqlite_scalar(struct sqlite_conn *c, enum stmt id, int64_t *v,
    struct nd_error *err)
{
	sqlite3_stmt *st = sqlite_stmt_get(c, id, err);
	enum nd_err e = ND_OK;

	if (st == NULL)
		return ND_ESTORE;
	if (sqlite_stmt_step(st) == SQLITE_ROW)
		*v = sqlite3_column_int64(st, 0);
	else
		e = sqlite_stmt_fail(c, "cannot read", err);
	sqlite_stmt_done(st);
	return e;
}

static enum nd_err
sqlite_version(struct store *s, int *version, struct nd_error *err)
{
	struct sqlite_conn *c = s->priv;
	int64_t has = 0, v = 0;
	enum nd_err e;

	e = sqlite_scalar(c, STMT_HAS_VERSION_TABLE, &has, err);
	if (e == ND_OK && has)
		e = sqlite_scalar(c, STMT_VERSION, &v, err);
	if (e == ND_OK)
		*version = (int)v;
	return e;
}

/* Apply step m unless a concurrent migrator already did (checked inside
 * the transaction, which holds the write lock). */
static enum nd_err
sqlite_migrate_step(struct store *s, const struct migration *m,
    struct nd_error *err)
{
	struct sqlite_conn *c = s->priv;
	sqlite3_stmt *st;
	enum nd_err e;
	int v;

	if ((e = sqlite_stmt_begin(c, err)) != ND_OK)
		return e;
	if ((e = sqlite_version(s, &v, err)) != ND_OK || v >= m->version)
		goto out;
	if (sqlite3_exec(c->db, m->sql, NULL, NULL, NULL) != SQLITE_OK) {
		e = nd_error_set(err, ND_ESTORE, "store '%s': migration to "
		    "version %d failed: %s", c->dsn, m->version,
		    sqlite3_errmsg(c->db));
		goto out;
	}
	if ((st = sqlite_stmt_get(c, STMT_VERSION_ADD, err)) == NULL) {
		e = ND_ESTORE;
		goto out;
	}
	sqlite3_bind_int(st, 1, m->version);
	sqlite3_bind_int64(st, 2, (int64_t)time(NULL));
	e = sqlite_stmt_exec(c, st, "cannot record the schema version", err);
out:
	return sqlite_stmt_end(c, e, err);
}

static enum nd_err
sqlite_migrate(struct store *s, int *from, int *to, struct nd_error *err)
{
	struct sqlite_conn *c = s->priv;
	enum nd_err e;
	size_t i;
	int v;

	if ((e = sqlite_version(s, &v, err)) != ND_OK)
		return e;
	if (from)
		*from = v;
	if (v > store_backend_sqlite.latest_version)
		return nd_error_set(err, ND_ESTORE, "store '%s': schema "
		    "version %d is newer than this build knows (%d)", c->dsn,
		    v, store_backend_sqlite.latest_version);
	for (i = 0; i < migrations_sqlite_n; i++) {
		if (migrations_sqlite[i].version <= v)
			continue;
		if ((e = sqlite_migrate_step(s, &migrations_sqlite[i], err)))
			return e;
	}
	if (to)
		return sqlite_version(s, to, err);
	return ND_OK;
}

/* PRAGMA data_version moves when another connection commits; this
 * connection's own commits show in its total change count. */
static enum nd_err
sqlite_data_version(struct store *s, int64_t *v, struct nd_error *err)
{
	struct sqlite_conn *c = s->priv;
	int64_t dv = 0;
	enum nd_err e;

	if ((e = sqlite_scalar(c, STMT_DATA_VERSION, &dv, err)) != ND_OK)
		return e;
	*v = dv + (int64_t)sqlite3_total_changes64(c->db);
	return ND_OK;
}

static const char *
sqlite_dsn(const struct store *s)
{
	const struct sqlite_conn *c = s->priv;

	return c->dsn;
}

static enum nd_err
sqlite_ping(struct store *s, struct nd_error *err)
{
	int64_t one = 0;

	return sqlite_scalar(s->priv, STMT_PING, &one, err);
}

static enum nd_err
sqlite_topic_put(struct store *s, const struct topic *t,
    struct nd_error *err)
{
	struct sqlite_conn *c = s->priv;
	sqlite3_stmt *st;
	enum nd_err e = ND_OK;

	if ((st = sqlite_stmt_begin_get(c, STMT_TOPIC_UPSERT, err)) == NULL)
		return ND_ESTORE;
	sqlite_stmt_bind_text(st, 1, t->slug);
	sqlite_stmt_bind_text(st, 2, t->name);
	sqlite_stmt_bind_text(st, 3, t->expr);
	sqlite3_bind_int64(st, 4, (int64_t)time(NULL));
	e = sqlite_stmt_exec(c, st, "cannot store the topic", err);
	return sqlite_stmt_end(c, e, err);
}

static enum nd_err
sqlite_topic_rm(struct store *s, const char *slug, struct nd_error *err)
{
	struct sqlite_conn *c = s->priv;
	sqlite3_stmt *st;
	enum nd_err e = ND_OK;

	if ((st = sqlite_stmt_begin_get(c, STMT_TOPIC_DELETE, err)) == NULL)
		return ND_ESTORE;
	sqlite_stmt_bind_text(st, 1, slug);
	e = sqlite_stmt_exec(c, st, "cannot remove the topic", err);
	if (e == ND_OK && sqlite3_changes(c->db) == 0)
		e = nd_error_set(err, ND_ENOTFOUND, "no topic '%s'", slug);
	return sqlite_stmt_end(c, e, err);
}

static void
sqlite_topic_push(struct topic_list *l, sqlite3_stmt *st)
{
	struct topic *t;

	l->v = xreallocarray(l->v, l->n + 1, sizeof(*l->v));
	t = &l->v[l->n++];
	t->id = sqlite3_column_int64(st, 0);
	t->slug = sqlite_stmt_column_text(st, 1);
	t->name = sqlite_stmt_column_text(st, 2);
	t->expr = sqlite_stmt_column_text(st, 3);
}

static enum nd_err
sqlite_topic_list(struct store *s, struct topic_list *out,
    struct nd_error *err)
{
	struct sqlite_conn *c = s->priv;
	sqlite3_stmt *st;
	enum nd_err e = ND_OK;
	int rc;

	out->v = NULL;
	out->n = 0;
	if ((st = sqlite_stmt_get(c, STMT_TOPIC_LIST, err)) == NULL)
		return ND_ESTORE;
	while ((rc = sqlite_stmt_step(st)) == SQLITE_ROW)
		sqlite_topic_push(out, st);
	if (rc != SQLITE_DONE) {
		e = sqlite_stmt_fail(c, "cannot list topics", err);
		topic_list_release(out);
	}
	sqlite_stmt_done(st);
	return e;
}

static enum nd_err
sqlite_topic_get(struct store *s, const char *slug, struct topic *out,
    struct nd_error *err)
{
	struct sqlite_conn *c = s->priv;
	struct topic_list l = {out, 0};
	sqlite3_stmt *st;
	enum nd_err e = ND_OK;
	int rc;

	if ((st = sqlite_stmt_get(c, STMT_TOPIC_GET, err)) == NULL)
		return ND_ESTORE;
	sqlite_stmt_bind_text(st, 1, slug);
	rc = sqlite_stmt_step(st);
	if (rc == SQLITE_ROW) {
		l.v = NULL;
		sqlite_topic_push(&l, st);
		*out = l.v[0];
		free(l.v);
	} else if (rc == SQLITE_DONE)
		e = nd_error_set(err, ND_ENOTFOUND, "no topic '%s'", slug);
	else
		e = sqlite_stmt_fail(c, "cannot read a topic", err);
	sqlite_stmt_done(st);
	return e;
}

/* Read setting name into out (exactly n bytes), ND_ENOTFOUND if unset. */
static enum nd_err
sqlite_setting_read(struct sqlite_conn *c, const char *name,
    unsigned char *out, size_t n, struct nd_error *err)
{
	sqlite3_stmt *st = sqlite_stmt_get(c, STMT_SETTING_GET, err);
	enum nd_err e = ND_OK;
	int rc;

	if (st == NULL)
		return ND_ESTORE;
	sqlite_stmt_bind_text(st, 1, name);
	rc = sqlite_stmt_step(st);
	if (rc == SQLITE_DONE)
		e = nd_error_set(err, ND_ENOTFOUND, "no setting '%s'", name);
	else if (rc != SQLITE_ROW)
		e = sqlite_stmt_fail(c, "cannot read a setting", err);
	else if ((size_t)sqlite3_column_bytes(st, 0) != n)
		e = nd_error_set(err, ND_ESTORE, "store '%s': setting '%s' "
		    "has the wrong size", c->dsn, name);
	else
		memcpy(out, sqlite3_column_blob(st, 0), n);
	sqlite_stmt_done(st);
	return e;
}

/* Insert value unless the setting exists (another process may race us:
 * the first writer wins), then read back what is stored. */
static enum nd_err
sqlite_setting_once(struct store *s, const char *name,
    const unsigned char *value, unsigned char *out, size_t n,
    struct nd_error *err)
{
	struct sqlite_conn *c = s->priv;
	sqlite3_stmt *st;
	enum nd_err e;

	if ((st = sqlite_stmt_begin_get(c, STMT_SETTING_ADD, err)) == NULL)
		return ND_ESTORE;
	sqlite_stmt_bind_text(st, 1, name);
	sqlite3_bind_blob(st, 2, value, (int)n, SQLITE_TRANSIENT);
	e = sqlite_stmt_exec(c, st, "cannot store a setting", err);
	sqlite_stmt_done(st);
	if (e == ND_OK)
		e = sqlite_setting_read(c, name, out, n, err);
	if (e == ND_OK)
		return sqlite_stmt_commit(c, err);
	sqlite_stmt_rollback(c);
	return e;
}

static enum nd_err
sqlite_tx_begin(struct store *s, struct nd_error *err)
{
	return sqlite_stmt_tx_begin(s->priv, err);
}

static enum nd_err
sqlite_tx_commit(struct store *s, struct nd_error *err)
{
	return sqlite_stmt_tx_commit(s->priv, err);
}

static void
sqlite_tx_rollback(struct store *s)
{
	sqlite_stmt_tx_rollback(s->priv);
}

const struct store_backend store_backend_sqlite = {
	.name = "sqlite",
	.open = sqlite_open,
	.close = sqlite_close,
	.migrate = sqlite_migrate,
	.version = sqlite_version,
	.ping = sqlite_ping,
	.data_version = sqlite_data_version,
	.dsn = sqlite_dsn,
	.tx_begin = sqlite_tx_begin,
	.tx_commit = sqlite_tx_commit,
	.tx_rollback = sqlite_tx_rollback,
	.article_put = sqlite_article_put,
	.article_get = sqlite_article_get,
	.article_list = sqlite_article_list,
	.article_search = sqlite_article_search,
	.article_snippets = sqlite_article_snippets,
	.article_set_topics = sqlite_article_set_topics,
	.article_count = sqlite_article_count,
	.article_each = sqlite_article_each,
	.topic_put = sqlite_topic_put,
	.topic_rm = sqlite_topic_rm,
	.topic_list = sqlite_topic_list,
	.topic_get = sqlite_topic_get,
	.setting_once = sqlite_setting_once,
	.comment_add = sqlite_comment_add,
	.comment_get = sqlite_comment_get,
	.comment_set_status = sqlite_comment_set_status,
	.comment_edit = sqlite_comment_edit,
	.comment_list = sqlite_comment_list,
	.comment_thread = sqlite_comment_thread,
	.comment_recent = sqlite_comment_recent,
	.comment_author = sqlite_comment_author,
	.comment_notify_off = sqlite_comment_notify_off,
	.comment_erase = sqlite_comment_erase,
	.comment_purge_ips = sqlite_comment_purge_ips,
	.comment_block_add = sqlite_comment_block_add,
	.comment_block_rm = sqlite_comment_block_rm,
	.comment_block_list = sqlite_comment_block_list,
	.reader_put = sqlite_reader_put,
	.reader_update = sqlite_reader_update,
	.reader_get = sqlite_reader_get,
	.reader_confirm = sqlite_reader_confirm,
	.reader_rm = sqlite_reader_rm,
	.reader_list = sqlite_reader_list,
	.rate_hit = sqlite_rate_hit,
	.delivery_claim = sqlite_delivery_claim,
	.delivery_mark = sqlite_delivery_mark,
	.brief_list = sqlite_brief_list,
	.signin_use = sqlite_signin_use,
	.saved_set = sqlite_saved_set,
	.saved_has = sqlite_saved_has,
	.saved_ids = sqlite_saved_ids,
	.admin_set = sqlite_admin_set,
	.admin_get = sqlite_admin_get,
	.admin_list = sqlite_admin_list,
	.outbox_enqueue = sqlite_outbox_enqueue,
	.outbox_claim = sqlite_outbox_claim,
	.outbox_sent = sqlite_outbox_sent,
	.outbox_failed = sqlite_outbox_failed,
	.outbox_list = sqlite_outbox_list,
	.outbox_count = sqlite_outbox_count,
	.outbox_purge = sqlite_outbox_purge,
	.latest_version = MIGRATIONS_SQLITE_LATEST,
};
