/* sqlite_stmt.h - private to the SQLite backend: the connection, its
 * statement table and the helpers every query goes through.
 *
 * All SQL the backend runs is a constant in sqlite_stmt.c, indexed by
 * enum stmt and prepared once per connection on first use (persistent,
 * finalized at close). Values are always bound, never spliced in.
 */
#ifndef ND_SQLITE_STMT_H
#define ND_SQLITE_STMT_H

#include <stdint.h>

#include <sqlite3.h>

#include "store/store.h"
#include "util/err.h"

enum stmt {
	STMT_BEGIN,
	STMT_BEGIN_READ,
	STMT_COMMIT,
	STMT_ROLLBACK,
	STMT_SAVEPOINT,
	STMT_SAVEPOINT_RELEASE,
	STMT_SAVEPOINT_UNDO,
	STMT_PING,
	STMT_DATA_VERSION,
	STMT_HAS_VERSION_TABLE,
	STMT_VERSION,
	STMT_VERSION_ADD,
	STMT_ARTICLE_BY_URL,
	STMT_ARTICLE_INSERT,
	STMT_ARTICLE_UPDATE,
	STMT_ARTICLE_SET_STORY,
	STMT_ARTICLE_GET,
	STMT_ARTICLE_EXISTS,
	STMT_ARTICLE_CANDIDATES,
	STMT_ARTICLE_LIST,
	STMT_ARTICLE_SEARCH,
	STMT_ARTICLE_SNIPPETS,
	STMT_ARTICLE_COUNT,
	STMT_ARTICLE_IDS_AFTER,
	STMT_AUTHORS_DELETE,
	STMT_AUTHOR_INSERT,
	STMT_AUTHORS_GET,
	STMT_LINKS_DELETE,
	STMT_LINK_INSERT,
	STMT_LINKS_GET,
	STMT_TOPIC_ID,
	STMT_TOPIC_UPSERT,
	STMT_TOPIC_DELETE,
	STMT_TOPIC_LIST,
	STMT_TOPIC_GET,
	STMT_SETTING_ADD,
	STMT_SETTING_GET,
	STMT_COMMENT_INSERT,
	STMT_COMMENT_PARENT,
	STMT_COMMENT_GET,
	STMT_COMMENT_STATE,
	STMT_COMMENT_SET_STATUS,
	STMT_COMMENT_RECOUNT,
	STMT_COMMENT_AUTHOR_BUMP,
	STMT_COMMENT_EDIT,
	STMT_COMMENT_LIST,
	STMT_COMMENT_THREAD_NEW,
	STMT_COMMENT_THREAD_OLD,
	STMT_COMMENT_TOP_COUNT,
	STMT_COMMENT_RECENT,
	STMT_COMMENT_AUTHOR,
	STMT_COMMENT_NOTIFY_OFF,
	STMT_COMMENT_ERASE_ARTICLES,
	STMT_COMMENT_ERASE,
	STMT_COMMENT_AUTHOR_DELETE,
	STMT_COMMENT_PURGE_IPS,
	STMT_COMMENT_BLOCK_ADD,
	STMT_COMMENT_BLOCK_RM,
	STMT_COMMENT_BLOCK_LIST,
	STMT_READER_UPSERT,
	STMT_READER_UPDATE,
	STMT_READER_CONFIRM,
	STMT_READER_DELETE,
	STMT_READER_BY_EMAIL,
	STMT_READER_BY_ID,
	STMT_READER_LIST,
	STMT_READER_TOPIC_ADD,
	STMT_READER_TOPICS_DELETE,
	STMT_RATE_HIT,
	STMT_DELIVERY_GET,
	STMT_DELIVERY_INSERT,
	STMT_DELIVERY_RECLAIM,
	STMT_DELIVERY_SET,
	STMT_READER_SENT,
	STMT_READER_FAILED,
	STMT_BRIEF_LIST,
	STMT_SIGNIN_NONCE_USE,
	STMT_SIGNIN_NONCE_PURGE,
	STMT_SAVED_ADD,
	STMT_SAVED_DELETE,
	STMT_SAVED_HAS,
	STMT_SAVED_LIST,
	STMT_ADMIN_SET,
	STMT_ADMIN_GET,
	STMT_ADMIN_LIST,
	STMT_OUTBOX_INSERT,
	STMT_OUTBOX_CLAIM,
	STMT_OUTBOX_SENT,
	STMT_OUTBOX_RETRY,
	STMT_OUTBOX_GIVE_UP,
	STMT_OUTBOX_LIST,
	STMT_OUTBOX_COUNT,
	STMT_OUTBOX_PURGE,
	STMT_MAX
};

/* Backend state behind struct store's priv. */
struct sqlite_conn {
	sqlite3 *db;
	char *dsn;			/* for messages */
	sqlite3_stmt *st[STMT_MAX];	/* prepared on first use */
	int tx;				/* inside store_tx_begin: every
					 * call's own transaction is a
					 * savepoint in the caller's */
	int depth;			/* savepoints open inside it */
};

/* Columns read by sqlite_article_row(), in this order. */
#define SQLITE_ARTICLE_COLS \
	"a.id, a.url, a.canonical_url, a.source, a.headline, a.standfirst," \
	" a.dateline, a.published, a.published_has_time, a.updated," \
	" a.image_url, a.image_caption, a.image_credit, a.body, a.credits," \
	" a.lang, a.section, a.story_id, a.simhash, a.comment_count"
#define SQLITE_ARTICLE_NCOLS 20

/* Columns read by sqlite_comment_row(), in this order; the public
 * variant reads NULL in place of the email. */
#define SQLITE_COMMENT_COLS_TAIL \
	" c.website, c.body, c.status, c.spam_reason, c.created, c.edited," \
	" c.notify_replies, c.edit_token_expires, a.canonical_url, c.lang"
#define SQLITE_COMMENT_COLS \
	"c.id, c.article_id, coalesce(c.parent_id, 0), c.name, c.email," \
	SQLITE_COMMENT_COLS_TAIL
#define SQLITE_COMMENT_COLS_PUBLIC \
	"c.id, c.article_id, coalesce(c.parent_id, 0), c.name, NULL," \
	SQLITE_COMMENT_COLS_TAIL

/* Columns read by sqlite_reader_row(), in this order; the topics come
 * as one space-separated list of slugs, the newest delivery as
 * "YYYY-MM-DD status". (PostgreSQL: string_agg.) */
#define SQLITE_READER_COLS \
	"r.id, r.email, r.lang, r.tz, r.hour, r.confirmed_at, r.paused," \
	" r.bouncing, r.hard_failures, r.created, r.last_digest_at," \
	" (SELECT group_concat(t.slug, ' ') FROM reader_topics rt" \
	"   JOIN topics t ON t.id = rt.topic_id WHERE rt.reader_id = r.id)," \
	" (SELECT d.local_date || ' ' || d.status FROM deliveries d" \
	"   WHERE d.reader_id = r.id ORDER BY d.local_date DESC LIMIT 1)"

/* Columns read by sqlite_outbox_row(), in this order (the claim adds
 * the message itself as the last column). */
#define SQLITE_OUTBOX_COLS \
	"id, created, kind, sender, rcpt, message_id, status, attempts," \
	" next_try, sent_at, last_error"
#define SQLITE_OUTBOX_NCOLS 11

/* The prepared statement for id, reset with its bindings cleared, or
 * NULL with err set (naming the DSN and SQLite's message). The
 * connection owns it; do not finalize. */
sqlite3_stmt *sqlite_stmt_get(struct sqlite_conn *c, enum stmt id,
    struct nd_error *err);
/* Reset st after use so it holds no read snapshot; NULL is a no-op.
 * Every function that got a statement calls this before it returns. */
void sqlite_stmt_done(sqlite3_stmt *st);
/* sqlite3_step with SQLITE_BUSY/LOCKED retried a few times (on top of
 * the connection's 5 s busy timeout) while the statement has not yet
 * returned a row. Returns SQLite's result code. */
int sqlite_stmt_step(sqlite3_stmt *st);
/* Run a statement that returns no rows; ND_ESTORE with a message naming
 * what (e.g. "cannot begin a transaction") on failure. */
enum nd_err sqlite_stmt_exec(struct sqlite_conn *c, sqlite3_stmt *st,
    const char *what, struct nd_error *err);
/* Set err to ND_ESTORE: "store 'DSN': WHAT: sqlite message". */
enum nd_err sqlite_stmt_fail(struct sqlite_conn *c, const char *what,
    struct nd_error *err);
/* Bind helpers: a NULL string binds SQL NULL. */
int sqlite_stmt_bind_text(sqlite3_stmt *st, int i, const char *s);
/* Copy of a text column, NULL for SQL NULL. */
char *sqlite_stmt_column_text(sqlite3_stmt *st, int i);
/* Finalize every prepared statement of c. */
void sqlite_stmt_release(struct sqlite_conn *c);

/* Transactions: BEGIN IMMEDIATE (takes the write lock at once, so a
 * writer never fails half-way on a lock upgrade), COMMIT, and ROLLBACK
 * (errors ignored: it is the cleanup path). Inside a caller's
 * transaction (c->tx, store_tx_begin) the three are SAVEPOINT, RELEASE
 * and ROLLBACK TO + RELEASE: a failed call still leaves nothing of
 * itself, and the caller's transaction decides about the rest. */
enum nd_err sqlite_stmt_begin(struct sqlite_conn *c, struct nd_error *err);
/* A read transaction (deferred BEGIN): one snapshot for a row and its
 * authors and topics. End it with commit or rollback. */
enum nd_err sqlite_stmt_begin_read(struct sqlite_conn *c,
    struct nd_error *err);
enum nd_err sqlite_stmt_commit(struct sqlite_conn *c, struct nd_error *err);
void sqlite_stmt_rollback(struct sqlite_conn *c);
/* Begin a write transaction and get statement id in one step: NULL
 * (with err set and nothing left open) when either fails. */
sqlite3_stmt *sqlite_stmt_begin_get(struct sqlite_conn *c, enum stmt id,
    struct nd_error *err);
/* End a write transaction: commit when e is ND_OK, roll back otherwise
 * (also when the commit fails). Returns the outcome. */
enum nd_err sqlite_stmt_end(struct sqlite_conn *c, enum nd_err e,
    struct nd_error *err);
/* The caller's transaction (store_tx_*): BEGIN IMMEDIATE, COMMIT,
 * ROLLBACK; ND_EINVAL for a begin inside one or an end outside. */
enum nd_err sqlite_stmt_tx_begin(struct sqlite_conn *c, struct nd_error *err);
enum nd_err sqlite_stmt_tx_commit(struct sqlite_conn *c,
    struct nd_error *err);
void sqlite_stmt_tx_rollback(struct sqlite_conn *c);

#endif
