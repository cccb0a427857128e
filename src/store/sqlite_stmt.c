/* sqlite_stmt.c - the statement table of the SQLite backend and the one
 * place that steps statements, retries on a busy database and turns
 * SQLite's errors into nd_error messages.
 *
 * The SQL is plain: parameters are numbered, upserts use ON CONFLICT,
 * inserts return their id with RETURNING, so a PostgreSQL table can
 * mirror this one line for line. Only the FTS5 search and the version
 * table probe are SQLite's own.
 */
#include "store/sqlite_stmt.h"

#include <stdlib.h>

#include "util/xalloc.h"

#define SQLITE_BUSY_RETRIES	5
#define SQLITE_BUSY_PAUSE_MS	100

/* The approved thread of article ?1 under ?2 top comments from the
 * ?3rd on, in order dir ("ASC" or "DESC"), each reply after its
 * parent (path). */
#define SQLITE_COMMENT_THREAD(dir) \
	"WITH RECURSIVE top(id, created) AS (" \
	"  SELECT id, created FROM comments" \
	"  WHERE article_id = ?1 AND parent_id IS NULL" \
	"  AND status = 'approved'" \
	"  ORDER BY created " dir ", id " dir " LIMIT ?2 OFFSET ?3)," \
	" tree(id, root_created, root_id, depth, path) AS (" \
	"  SELECT id, created, id, 0, printf('%020d', id) FROM top" \
	"  UNION ALL" \
	"  SELECT c.id, t.root_created, t.root_id, t.depth + 1," \
	"   t.path || '/' || printf('%020d', c.id)" \
	"  FROM comments c JOIN tree t ON c.parent_id = t.id" \
	"  WHERE c.status = 'approved' AND t.depth < 64)" \
	" SELECT " SQLITE_COMMENT_COLS_PUBLIC ", t.depth" \
	" FROM tree t JOIN comments c ON c.id = t.id" \
	" JOIN articles a ON a.id = c.article_id" \
	" ORDER BY t.root_created " dir ", t.root_id " dir ", t.path"

/* Bind order shared by insert and update: 1 url, 2 canonical_url,
 * 3 source, 4 headline, 5 standfirst, 6 dateline, 7 published,
 * 8 published_has_time, 9 updated, 10-12 image url/caption/credit,
 * 13 body, 14 credits, 15 lang, 16 section, 17 simhash, 18-21 bands,
 * 22 now, 23 story_id (insert) or id (update), 24 comment_count. */
static const char *const stmt_sql[STMT_MAX] = {
	[STMT_BEGIN] = "BEGIN IMMEDIATE",
	[STMT_BEGIN_READ] = "BEGIN",
	[STMT_COMMIT] = "COMMIT",
	[STMT_ROLLBACK] = "ROLLBACK",
	/* a call's own transaction inside store_tx_begin's */
	[STMT_SAVEPOINT] = "SAVEPOINT nd_call",
	[STMT_SAVEPOINT_RELEASE] = "RELEASE nd_call",
	[STMT_SAVEPOINT_UNDO] = "ROLLBACK TO nd_call",
	[STMT_PING] = "SELECT 1",
	[STMT_DATA_VERSION] = "PRAGMA data_version",
	[STMT_HAS_VERSION_TABLE] =
	    "SELECT count(*) FROM sqlite_master"
	    " WHERE type = 'table' AND name = 'schema_version'",
	[STMT_VERSION] =
	    "SELECT coalesce(max(version), 0) FROM schema_version",
	[STMT_VERSION_ADD] =
	    "INSERT INTO schema_version(version, applied) VALUES (?1, ?2)",
	[STMT_ARTICLE_BY_URL] =
	    "SELECT id, story_id FROM articles WHERE canonical_url = ?1",
	[STMT_ARTICLE_INSERT] =
	    "INSERT INTO articles(url, canonical_url, source, headline,"
	    " standfirst, dateline, published, published_has_time, updated,"
	    " image_url, image_caption, image_credit, body, credits, lang,"
	    " section, simhash, sim_b0, sim_b1, sim_b2, sim_b3, created,"
	    " modified, story_id, comment_count)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
	    " ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?22, ?23,"
	    " ?24) RETURNING id",
	[STMT_ARTICLE_UPDATE] =
	    "UPDATE articles SET url = ?1, canonical_url = ?2, source = ?3,"
	    " headline = ?4, standfirst = ?5, dateline = ?6,"
	    " published = ?7, published_has_time = ?8, updated = ?9,"
	    " image_url = ?10, image_caption = ?11, image_credit = ?12,"
	    " body = ?13, credits = ?14, lang = ?15, section = ?16,"
	    " simhash = ?17, sim_b0 = ?18, sim_b1 = ?19, sim_b2 = ?20,"
	    " sim_b3 = ?21, modified = ?22 WHERE id = ?23",
	[STMT_ARTICLE_SET_STORY] =
	    "UPDATE articles SET story_id = ?1 WHERE id = ?2",
	[STMT_ARTICLE_GET] =
	    "SELECT " SQLITE_ARTICLE_COLS " FROM articles a WHERE a.id = ?1",
	[STMT_ARTICLE_EXISTS] = "SELECT 1 FROM articles WHERE id = ?1",
	[STMT_ARTICLE_CANDIDATES] =
	    "SELECT id, simhash, source, story_id FROM articles"
	    " WHERE sim_b0 = ?1 OR sim_b1 = ?2 OR sim_b2 = ?3 OR sim_b3 = ?4"
	    " ORDER BY id",
	[STMT_ARTICLE_LIST] =
	    "SELECT " SQLITE_ARTICLE_COLS " FROM articles a"
	    " WHERE (?1 IS NULL OR EXISTS (SELECT 1 FROM article_topics l"
	    "   JOIN topics t ON t.id = l.topic_id"
	    "   WHERE l.article_id = a.id AND t.slug = ?1))"
	    " AND (?2 = 0 OR a.story_id = ?2)"
	    " AND (?3 = 0 OR a.published >= ?3)"
	    " ORDER BY a.published DESC, a.id DESC LIMIT ?4 OFFSET ?5",
	[STMT_ARTICLE_SEARCH] =
	    "SELECT " SQLITE_ARTICLE_COLS " FROM articles_fts"
	    " JOIN articles a ON a.id = articles_fts.rowid"
	    " WHERE articles_fts MATCH ?1"
	    " ORDER BY bm25(articles_fts, 4.0, 2.0, 1.0), a.id"
	    " LIMIT ?2 OFFSET ?3",
	[STMT_ARTICLE_SNIPPETS] =
	    "SELECT " SQLITE_ARTICLE_COLS ","
	    " snippet(articles_fts, -1, char(2), char(3), '\xe2\x80\xa6', 24)"
	    " FROM articles_fts"
	    " JOIN articles a ON a.id = articles_fts.rowid"
	    " WHERE articles_fts MATCH ?1"
	    " ORDER BY bm25(articles_fts, 4.0, 2.0, 1.0), a.id"
	    " LIMIT ?2 OFFSET ?3",
	[STMT_ARTICLE_COUNT] = "SELECT count(*) FROM articles",
	[STMT_ARTICLE_IDS_AFTER] =
	    "SELECT id FROM articles WHERE id > ?1 ORDER BY id LIMIT ?2",
	[STMT_AUTHORS_DELETE] =
	    "DELETE FROM article_authors WHERE article_id = ?1",
	[STMT_AUTHOR_INSERT] =
	    "INSERT INTO article_authors(article_id, pos, name)"
	    " VALUES (?1, ?2, ?3)",
	[STMT_AUTHORS_GET] =
	    "SELECT name FROM article_authors WHERE article_id = ?1"
	    " ORDER BY pos",
	[STMT_LINKS_DELETE] =
	    "DELETE FROM article_topics WHERE article_id = ?1",
	[STMT_LINK_INSERT] =
	    "INSERT INTO article_topics(article_id, topic_id)"
	    " VALUES (?1, ?2) ON CONFLICT DO NOTHING",
	[STMT_LINKS_GET] =
	    "SELECT t.slug FROM article_topics l"
	    " JOIN topics t ON t.id = l.topic_id"
	    " WHERE l.article_id = ?1 ORDER BY t.slug",
	[STMT_TOPIC_ID] = "SELECT id FROM topics WHERE slug = ?1",
	[STMT_TOPIC_UPSERT] =
	    "INSERT INTO topics(slug, name, expr, created)"
	    " VALUES (?1, ?2, ?3, ?4) ON CONFLICT(slug) DO UPDATE"
	    " SET name = excluded.name, expr = excluded.expr",
	[STMT_TOPIC_DELETE] = "DELETE FROM topics WHERE slug = ?1",
	[STMT_TOPIC_LIST] =
	    "SELECT id, slug, name, expr FROM topics ORDER BY name, slug",
	[STMT_TOPIC_GET] =
	    "SELECT id, slug, name, expr FROM topics WHERE slug = ?1",
	[STMT_SETTING_ADD] =
	    "INSERT INTO settings(name, value) VALUES (?1, ?2)"
	    " ON CONFLICT(name) DO NOTHING",
	[STMT_SETTING_GET] = "SELECT value FROM settings WHERE name = ?1",
	[STMT_COMMENT_INSERT] =
	    "INSERT INTO comments(article_id, parent_id, name, email,"
	    " website, body, status, spam_reason, created, edited, ip_hash,"
	    " ip_hash_expires, notify_replies, edit_token_expires, lang)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 0, ?10, ?11, ?12,"
	    " ?13, ?14) RETURNING id",
	[STMT_COMMENT_PARENT] =
	    "SELECT article_id FROM comments WHERE id = ?1",
	[STMT_COMMENT_GET] =
	    "SELECT " SQLITE_COMMENT_COLS " FROM comments c"
	    " JOIN articles a ON a.id = c.article_id WHERE c.id = ?1",
	[STMT_COMMENT_STATE] =
	    "SELECT article_id, status, email FROM comments WHERE id = ?1",
	[STMT_COMMENT_SET_STATUS] =
	    "UPDATE comments SET status = ?2, spam_reason = ?3 WHERE id = ?1",
	[STMT_COMMENT_RECOUNT] =
	    "UPDATE articles SET comment_count = (SELECT count(*)"
	    " FROM comments WHERE article_id = ?1 AND status = 'approved')"
	    " WHERE id = ?1",
	[STMT_COMMENT_AUTHOR_BUMP] =
	    "INSERT INTO comment_authors(email, approved_count) VALUES (?1, 1)"
	    " ON CONFLICT(email) DO UPDATE"
	    " SET approved_count = approved_count + 1",
	[STMT_COMMENT_EDIT] =
	    "UPDATE comments SET body = ?2, edited = ?3 WHERE id = ?1",
	[STMT_COMMENT_LIST] =
	    "SELECT " SQLITE_COMMENT_COLS ", 0 FROM comments c"
	    " JOIN articles a ON a.id = c.article_id"
	    " WHERE (?1 IS NULL OR c.status = ?1)"
	    " AND (?2 = 0 OR c.article_id = ?2)"
	    " AND (?3 IS NULL OR c.email = ?3)"
	    " ORDER BY c.created, c.id LIMIT ?4 OFFSET ?5",
	[STMT_COMMENT_THREAD_NEW] = SQLITE_COMMENT_THREAD("DESC"),
	[STMT_COMMENT_THREAD_OLD] = SQLITE_COMMENT_THREAD("ASC"),
	[STMT_COMMENT_TOP_COUNT] =
	    "SELECT count(*) FROM comments WHERE article_id = ?1"
	    " AND parent_id IS NULL AND status = 'approved'",
	[STMT_COMMENT_RECENT] =
	    "SELECT (SELECT count(*) FROM comments WHERE ?1 IS NOT NULL"
	    "  AND ip_hash = ?1 AND created >= ?3),"
	    " (SELECT count(*) FROM comments WHERE email = ?2"
	    "  AND created >= ?3)",
	[STMT_COMMENT_AUTHOR] =
	    "SELECT approved_count FROM comment_authors WHERE email = ?1",
	[STMT_COMMENT_NOTIFY_OFF] =
	    "UPDATE comments SET notify_replies = 0 WHERE email = ?1",
	[STMT_COMMENT_ERASE_ARTICLES] =
	    "SELECT DISTINCT article_id FROM comments WHERE email = ?1",
	[STMT_COMMENT_ERASE] =
	    "UPDATE comments SET name = NULL, email = NULL, website = NULL,"
	    " body = '', spam_reason = NULL, ip_hash = NULL,"
	    " notify_replies = 0, status = 'deleted' WHERE email = ?1",
	[STMT_COMMENT_AUTHOR_DELETE] =
	    "DELETE FROM comment_authors WHERE email = ?1",
	[STMT_COMMENT_PURGE_IPS] =
	    "UPDATE comments SET ip_hash = NULL WHERE ip_hash IS NOT NULL"
	    " AND (ip_hash_expires <= ?1 OR created < ?2)",
	[STMT_COMMENT_BLOCK_ADD] =
	    "INSERT INTO comment_blocklist(kind, value, created)"
	    " VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
	[STMT_COMMENT_BLOCK_RM] =
	    "DELETE FROM comment_blocklist WHERE kind = ?1 AND value = ?2",
	[STMT_COMMENT_BLOCK_LIST] =
	    "SELECT kind, value FROM comment_blocklist ORDER BY kind, value",
	/* readers: bind 1 email, 2 lang, 3 tz, 4 hour (-1 keeps),
	 * 5 confirmed_at (0 keeps), 6 now */
	[STMT_READER_UPSERT] =
	    "INSERT INTO readers(email, lang, tz, hour, confirmed_at, created)"
	    " VALUES (?1, coalesce(?2, 'en'), coalesce(?3, 'UTC'),"
	    " CASE WHEN ?4 < 0 THEN 7 ELSE ?4 END, ?5, ?6)"
	    " ON CONFLICT(email) DO UPDATE SET"
	    " lang = coalesce(?2, lang), tz = coalesce(?3, tz),"
	    " hour = CASE WHEN ?4 < 0 THEN hour ELSE ?4 END,"
	    " confirmed_at = CASE WHEN confirmed_at = 0 THEN ?5"
	    "   ELSE confirmed_at END"
	    " RETURNING id",
	[STMT_READER_UPDATE] =
	    "UPDATE readers SET lang = ?2, tz = ?3, hour = ?4, paused = ?5"
	    " WHERE id = ?1",
	[STMT_READER_CONFIRM] =
	    "UPDATE readers SET confirmed_at = ?2"
	    " WHERE id = ?1 AND confirmed_at = 0",
	[STMT_READER_DELETE] = "DELETE FROM readers WHERE id = ?1",
	[STMT_READER_BY_EMAIL] =
	    "SELECT " SQLITE_READER_COLS " FROM readers r WHERE r.email = ?1",
	[STMT_READER_BY_ID] =
	    "SELECT " SQLITE_READER_COLS " FROM readers r WHERE r.id = ?1",
	[STMT_READER_LIST] =
	    "SELECT " SQLITE_READER_COLS " FROM readers r"
	    " WHERE r.id > ?1 AND (?2 = 0 OR (r.confirmed_at > 0"
	    "   AND r.paused = 0 AND r.bouncing = 0))"
	    " ORDER BY r.id LIMIT ?3",
	[STMT_READER_TOPIC_ADD] =
	    "INSERT INTO reader_topics(reader_id, topic_id)"
	    " VALUES (?1, ?2) ON CONFLICT DO NOTHING",
	[STMT_READER_TOPICS_DELETE] =
	    "DELETE FROM reader_topics WHERE reader_id = ?1",
	[STMT_RATE_HIT] =
	    "INSERT INTO rate_limits(key, window_start, count) VALUES (?1, ?2, 1)"
	    " ON CONFLICT(key) DO UPDATE SET"
	    " count = CASE WHEN window_start = ?2 THEN count + 1 ELSE 1 END,"
	    " window_start = ?2 RETURNING count",
	/* PostgreSQL: ... FOR UPDATE SKIP LOCKED */
	[STMT_DELIVERY_GET] =
	    "SELECT status, message_id, window_start, window_end, attempts,"
	    " next_attempt, claimed_at FROM deliveries"
	    " WHERE reader_id = ?1 AND local_date = ?2",
	[STMT_DELIVERY_INSERT] =
	    "INSERT INTO deliveries(reader_id, local_date, status, message_id,"
	    " window_start, window_end, claimed_at)"
	    " VALUES (?1, ?2, 'claimed', ?3, ?4, ?5, ?6)",
	[STMT_DELIVERY_RECLAIM] =
	    "UPDATE deliveries SET status = 'claimed', claimed_at = ?3,"
	    " attempts = attempts + 1 WHERE reader_id = ?1 AND local_date = ?2",
	/* bind 1 reader, 2 date, 3 status, 4 error, 5 next_attempt, 6 now */
	[STMT_DELIVERY_SET] =
	    "UPDATE deliveries SET status = ?3, error = ?4, next_attempt = ?5,"
	    " sent_at = CASE WHEN ?3 = 'sent' THEN ?6 ELSE sent_at END"
	    " WHERE reader_id = ?1 AND local_date = ?2",
	[STMT_READER_SENT] =
	    "UPDATE readers SET hard_failures = 0,"
	    " last_digest_at = max(last_digest_at, ?2) WHERE id = ?1",
	[STMT_READER_FAILED] =
	    "UPDATE readers SET hard_failures = hard_failures + 1,"
	    " bouncing = CASE WHEN hard_failures + 1 >= ?2 THEN 1"
	    "   ELSE bouncing END WHERE id = ?1",
	[STMT_BRIEF_LIST] =
	    "SELECT a.id, a.story_id, a.published, a.headline, a.standfirst,"
	    " a.source, a.url FROM articles a"
	    " JOIN article_topics l ON l.article_id = a.id"
	    " JOIN topics t ON t.id = l.topic_id"
	    " WHERE t.slug = ?1 AND a.published >= ?2 AND a.published < ?3"
	    " ORDER BY a.published DESC, a.id DESC LIMIT ?4",
	/* reader accounts (sqlite_account.c) */
	[STMT_SIGNIN_NONCE_USE] =
	    "INSERT INTO signin_nonces(nonce, used_at) VALUES (?1, ?2)"
	    " ON CONFLICT DO NOTHING",
	[STMT_SIGNIN_NONCE_PURGE] =
	    "DELETE FROM signin_nonces WHERE used_at < ?1",
	[STMT_SAVED_ADD] =
	    "INSERT INTO saved(reader_id, article_id, created)"
	    " VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
	[STMT_SAVED_DELETE] =
	    "DELETE FROM saved WHERE reader_id = ?1 AND article_id = ?2",
	[STMT_SAVED_HAS] =
	    "SELECT 1 FROM saved WHERE reader_id = ?1 AND article_id = ?2",
	[STMT_SAVED_LIST] =
	    "SELECT article_id FROM saved WHERE reader_id = ?1"
	    " ORDER BY created DESC, rowid DESC LIMIT ?2 OFFSET ?3",
	[STMT_ADMIN_SET] = "UPDATE readers SET admin = ?2 WHERE id = ?1",
	[STMT_ADMIN_GET] = "SELECT admin FROM readers WHERE id = ?1",
	[STMT_ADMIN_LIST] =
	    "SELECT email FROM readers WHERE admin = 1 ORDER BY email",
	/* the outbox (sqlite_outbox.c); a second enqueue of the same
	 * Message-ID is a no-op that still gives the row's id */
	[STMT_OUTBOX_INSERT] =
	    "INSERT INTO outbox(created, kind, sender, rcpt, message,"
	    " message_id, next_try) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?1)"
	    " ON CONFLICT(message_id) DO UPDATE SET message_id = excluded.message_id"
	    " RETURNING id",
	/* bind 1 now, 2 lease end, 3 limit. PostgreSQL: the inner SELECT
	 * with FOR UPDATE SKIP LOCKED. */
	[STMT_OUTBOX_CLAIM] =
	    "UPDATE outbox SET attempts = attempts + 1, next_try = ?2"
	    " WHERE id IN (SELECT id FROM outbox WHERE status = 'queued'"
	    "   AND next_try <= ?1 ORDER BY next_try, id LIMIT ?3)"
	    " RETURNING " SQLITE_OUTBOX_COLS ", message",
	[STMT_OUTBOX_SENT] =
	    "UPDATE outbox SET status = 'sent', sent_at = ?2,"
	    " last_error = NULL WHERE id = ?1 AND status = 'queued'",
	/* bind 1 id, 2 now, 3 error, 4 base delay, 5 max delay, 6 max
	 * attempts: wait base * 2^(attempts-1), at most max; give up
	 * after max attempts */
	[STMT_OUTBOX_RETRY] =
	    "UPDATE outbox SET last_error = ?3,"
	    " next_try = CASE WHEN attempts >= ?6 THEN ?2"
	    "   ELSE ?2 + min(?5, ?4 * (1 << min(attempts - 1, 20))) END,"
	    " status = CASE WHEN attempts >= ?6 THEN 'failed'"
	    "   ELSE 'queued' END WHERE id = ?1 AND status = 'queued'",
	[STMT_OUTBOX_GIVE_UP] =
	    "UPDATE outbox SET status = 'failed', last_error = ?3,"
	    " next_try = ?2 WHERE id = ?1 AND status = 'queued'",
	/* bind 1 status or NULL for all, 2 limit, 3 offset */
	[STMT_OUTBOX_LIST] =
	    "SELECT " SQLITE_OUTBOX_COLS " FROM outbox"
	    " WHERE ?1 IS NULL OR status = ?1"
	    " ORDER BY id DESC LIMIT ?2 OFFSET ?3",
	/* bind 1 now */
	[STMT_OUTBOX_COUNT] =
	    "SELECT sum(status = 'queued' AND next_try <= ?1),"
	    " sum(status = 'queued' AND next_try > ?1),"
	    " sum(status = 'sent'), sum(status = 'failed') FROM outbox",
	/* bind 1 before: sent rows sent before it, failed rows given up
	 * before it (a failed row's next_try is when it was given up) */
	[STMT_OUTBOX_PURGE] =
	    "DELETE FROM outbox WHERE (status = 'sent' AND sent_at < ?1)"
	    " OR (status = 'failed' AND next_try < ?1)",
};

enum nd_err
sqlite_stmt_fail(struct sqlite_conn *c, const char *what,
    struct nd_error *err)
{
	return nd_error_set(err, ND_ESTORE, "store '%s': %s: %s", c->dsn,
	    what, sqlite3_errmsg(c->db));
}

sqlite3_stmt *
sqlite_stmt_get(struct sqlite_conn *c, enum stmt id, struct nd_error *err)
{
	sqlite3_stmt *st = c->st[id];

	if (st != NULL) {
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
		return st;
	}
	if (sqlite3_prepare_v3(c->db, stmt_sql[id], -1,
	    SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
		sqlite_stmt_fail(c, "cannot prepare a statement", err);
		sqlite3_finalize(st);
		return NULL;
	}
	c->st[id] = st;
	return st;
}

void
sqlite_stmt_done(sqlite3_stmt *st)
{
	if (st != NULL)
		sqlite3_reset(st);
}

int
sqlite_stmt_step(sqlite3_stmt *st)
{
	int rc, tries = 0, fresh = !sqlite3_stmt_busy(st);

	for (;;) {
		rc = sqlite3_step(st);
		/* only a statement that has returned no row yet can be
		 * run again from the start without repeating rows */
		if (((rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED)
		    || !fresh || tries++ >= SQLITE_BUSY_RETRIES)
			return rc;
		sqlite3_reset(st);
		sqlite3_sleep(SQLITE_BUSY_PAUSE_MS);
	}
}

enum nd_err
sqlite_stmt_exec(struct sqlite_conn *c, sqlite3_stmt *st, const char *what,
    struct nd_error *err)
{
	int rc = sqlite_stmt_step(st);
	enum nd_err e = ND_OK;

	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		e = sqlite_stmt_fail(c, what, err);
	sqlite3_reset(st);
	return e;
}

int
sqlite_stmt_bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s == NULL)
		return sqlite3_bind_null(st, i);
	return sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
}

char *
sqlite_stmt_column_text(sqlite3_stmt *st, int i)
{
	const unsigned char *t;

	if (sqlite3_column_type(st, i) == SQLITE_NULL)
		return NULL;
	t = sqlite3_column_text(st, i);
	return xstrndup((const char *)t, (size_t)sqlite3_column_bytes(st, i));
}

void
sqlite_stmt_release(struct sqlite_conn *c)
{
	int i;

	for (i = 0; i < STMT_MAX; i++) {
		sqlite3_finalize(c->st[i]);
		c->st[i] = NULL;
	}
}

static enum nd_err
sqlite_stmt_run(struct sqlite_conn *c, enum stmt id, const char *what,
    struct nd_error *err)
{
	sqlite3_stmt *st = sqlite_stmt_get(c, id, err);

	if (st == NULL)
		return ND_ESTORE;
	return sqlite_stmt_exec(c, st, what, err);
}

/* A call's own transaction inside the caller's: a savepoint, refused
 * when SQLite already rolled the caller's transaction back (after an
 * I/O error, say), so nothing runs on outside of it. */
static enum nd_err
sqlite_stmt_savepoint(struct sqlite_conn *c, struct nd_error *err)
{
	enum nd_err e;

	if (sqlite3_get_autocommit(c->db))
		return nd_error_set(err, ND_ESTORE, "store '%s': the "
		    "transaction was rolled back", c->dsn);
	e = sqlite_stmt_run(c, STMT_SAVEPOINT, "cannot begin a savepoint",
	    err);
	if (e == ND_OK)
		c->depth++;
	return e;
}

enum nd_err
sqlite_stmt_begin(struct sqlite_conn *c, struct nd_error *err)
{
	if (c->tx)
		return sqlite_stmt_savepoint(c, err);
	return sqlite_stmt_run(c, STMT_BEGIN, "cannot begin a transaction",
	    err);
}

enum nd_err
sqlite_stmt_begin_read(struct sqlite_conn *c, struct nd_error *err)
{
	if (c->tx)
		return sqlite_stmt_savepoint(c, err);
	return sqlite_stmt_run(c, STMT_BEGIN_READ, "cannot begin a "
	    "transaction", err);
}

enum nd_err
sqlite_stmt_commit(struct sqlite_conn *c, struct nd_error *err)
{
	if (c->tx && c->depth > 0) {
		c->depth--;
		return sqlite_stmt_run(c, STMT_SAVEPOINT_RELEASE,
		    "cannot release a savepoint", err);
	}
	return sqlite_stmt_run(c, STMT_COMMIT, "cannot commit", err);
}

void
sqlite_stmt_rollback(struct sqlite_conn *c)
{
	if (c->tx) {
		if (c->depth == 0)
			return;	/* no savepoint of this call is open */
		c->depth--;
		if (sqlite3_get_autocommit(c->db))
			return;	/* SQLite rolled everything back */
		sqlite_stmt_run(c, STMT_SAVEPOINT_UNDO, "cannot roll back",
		    NULL);
		sqlite_stmt_run(c, STMT_SAVEPOINT_RELEASE, "cannot roll back",
		    NULL);
		return;
	}
	if (!sqlite3_get_autocommit(c->db))
		sqlite_stmt_run(c, STMT_ROLLBACK, "cannot roll back", NULL);
}

enum nd_err
sqlite_stmt_tx_begin(struct sqlite_conn *c, struct nd_error *err)
{
	enum nd_err e;

	if (c->tx || !sqlite3_get_autocommit(c->db))
		return nd_error_set(err, ND_EINVAL, "store '%s': a "
		    "transaction is open already", c->dsn);
	e = sqlite_stmt_run(c, STMT_BEGIN, "cannot begin a transaction",
	    err);
	if (e == ND_OK) {
		c->tx = 1;
		c->depth = 0;
	}
	return e;
}

enum nd_err
sqlite_stmt_tx_commit(struct sqlite_conn *c, struct nd_error *err)
{
	enum nd_err e;

	if (!c->tx)
		return nd_error_set(err, ND_EINVAL, "store '%s': no "
		    "transaction to commit", c->dsn);
	c->tx = 0;
	c->depth = 0;
	if (sqlite3_get_autocommit(c->db))
		return nd_error_set(err, ND_ESTORE, "store '%s': the "
		    "transaction was rolled back", c->dsn);
	if ((e = sqlite_stmt_run(c, STMT_COMMIT, "cannot commit", err)) !=
	    ND_OK)
		sqlite_stmt_rollback(c);
	return e;
}

void
sqlite_stmt_tx_rollback(struct sqlite_conn *c)
{
	if (!c->tx)
		return;
	c->tx = 0;
	c->depth = 0;
	sqlite_stmt_rollback(c);
}

sqlite3_stmt *
sqlite_stmt_begin_get(struct sqlite_conn *c, enum stmt id,
    struct nd_error *err)
{
	sqlite3_stmt *st;

	if (sqlite_stmt_begin(c, err) != ND_OK)
		return NULL;
	if ((st = sqlite_stmt_get(c, id, err)) == NULL)
		sqlite_stmt_rollback(c);
	return st;
}

enum nd_err
sqlite_stmt_end(struct sqlite_conn *c, enum nd_err e, struct nd_error *err)
{
	if (e == ND_OK)
		e = sqlite_stmt_commit(c, err);
	if (e != ND_OK)
		sqlite_stmt_rollback(c);
	return e;
}
