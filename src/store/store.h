/* store.h - the one storage interface.
 *
 * A front (store.c) picks a backend by the form of the DSN: a
 * "postgres://" or "postgresql://" URL selects PostgreSQL (a later
 * backend), anything else is a SQLite file path. Backends implement
 * struct store_backend; callers only see the functions below.
 *
 * Every function that changes data does so in one transaction: on
 * failure nothing of it is left behind. Several calls that must hold
 * or fail together go in one store_tx_begin .. store_tx_commit. Articles handed back are owned by
 * the caller (article_free / article_list_release).
 */
#ifndef ND_STORE_H
#define ND_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "store/article.h"
#include "store/comment.h"
#include "util/err.h"

struct store;

struct topic {
	int64_t id;
	char *slug;		/* unique, [a-z0-9-] */
	char *name;		/* display name */
	char *expr;		/* rule source text (topic.h) */
};

struct topic_list {
	struct topic *v;
	size_t n;
};

/* What store_article_put did. */
enum store_put {
	STORE_CREATED,	/* a new article */
	STORE_UPDATED,	/* same canonical url: replaced in place */
};

struct article_query {
	const char *topic;	/* slug, or NULL for all */
	int64_t story_id;	/* only this story, or 0 */
	int64_t since;		/* published >= since, or 0 */
	size_t limit;		/* 0: 50 */
	size_t offset;
};

/* Open (creating a SQLite file and its folder if needed) without
 * migrating. Fails with a message naming the DSN. */
enum nd_err store_open(const char *dsn, struct store **out,
    struct nd_error *err);
void store_close(struct store *s);

/* Bring the schema to the newest version, one transaction per step.
 * from/to (may be NULL) receive the versions before and after. */
enum nd_err store_migrate(struct store *s, int *from, int *to,
    struct nd_error *err);
/* Current schema version (0: empty database). */
enum nd_err store_version(struct store *s, int *version, struct nd_error *err);
/* Newest schema version this build knows. */
int store_latest_version(void);
/* ND_OK when the store answers a trivial query. */
enum nd_err store_ping(struct store *s, struct nd_error *err);

/* A number that differs from what the previous call on s gave whenever
 * data changed in between: committed through s, or through any other
 * connection or process. Cheap enough to call once per web request
 * (the page cache's invalidation, web/cache.h). */
enum nd_err store_data_version(struct store *s, int64_t *v,
    struct nd_error *err);
/* The DSN s was opened with, to open more connections to the same
 * store (one per server thread); borrowed from s. */
const char *store_dsn(const struct store *s);

/* One transaction around several calls, for a state change and the
 * mail it causes (an outbox row) that must be stored together or not
 * at all:
 *
 *	if (store_tx_begin(s, err) != ND_OK) return ...;
 *	e = store_reader_put(s, ...);
 *	if (e == ND_OK) e = store_outbox_enqueue(s, ...);
 *	e = store_tx_end(s, e, err);
 *
 * Inside it every store_* call on s keeps its contract (a failed call
 * leaves nothing of itself: it runs in a savepoint), and nothing is
 * seen by other connections before the commit. It is a write
 * transaction from the start (SQLite: BEGIN IMMEDIATE, so it holds
 * the store's write lock until the end: keep it short, no network in
 * it). Not nested: a begin inside one is ND_EINVAL. A failed commit
 * has rolled back; store_tx_rollback outside one does nothing, so a
 * cleanup path may always call it. Only on this s: other connections
 * are not in it. */
enum nd_err store_tx_begin(struct store *s, struct nd_error *err);
enum nd_err store_tx_commit(struct store *s, struct nd_error *err);
void store_tx_rollback(struct store *s);
/* Commit when e is ND_OK (and return the commit's result), else roll
 * back and return e (err already says why). */
enum nd_err store_tx_end(struct store *s, enum nd_err e,
    struct nd_error *err);

/* Insert or update (matched by canonical_url, else url) an article with
 * its topics, in one transaction. Assigns a->id. A new article whose
 * a->simhash is within DEDUPE_MAX_DISTANCE of a stored article from
 * another source joins that story; otherwise it starts its own story
 * (story_id = its id). Assigns a->story_id. */
enum nd_err store_article_put(struct store *s, struct article *a,
    enum store_put *what, struct nd_error *err);
/* ND_ENOTFOUND when there is no such id. */
enum nd_err store_article_get(struct store *s, int64_t id,
    struct article **out, struct nd_error *err);
/* Newest first (published, then id). */
enum nd_err store_article_list(struct store *s, const struct article_query *q,
    struct article_list *out, struct nd_error *err);
/* Full-text search (FTS5 over headline, standfirst, body); best first. */
enum nd_err store_article_search(struct store *s, const char *query,
    size_t limit, size_t offset, struct article_list *out,
    struct nd_error *err);
/* Full-text search like store_article_search, and for each article
 * found a short highlighted excerpt pushed to snippets (same order):
 * plain text where each matched term is wrapped in STORE_MARK_OPEN ..
 * STORE_MARK_CLOSE (control bytes that never occur in stored text
 * meant for display; callers escape the text and turn the markers into
 * markup). snippets is appended to; the caller releases it. */
#define STORE_MARK_OPEN		"\x02"
#define STORE_MARK_CLOSE	"\x03"
enum nd_err store_article_snippets(struct store *s, const char *query,
    size_t limit, size_t offset, struct article_list *out,
    struct strlist *snippets, struct nd_error *err);
/* Replace the topic slugs of one article. */
enum nd_err store_article_set_topics(struct store *s, int64_t id,
    const struct strlist *slugs, struct nd_error *err);
/* Number of stored articles. */
enum nd_err store_article_count(struct store *s, int64_t *n,
    struct nd_error *err);
/* Call fn for every article in id order (for re-tagging); stops early
 * and returns fn's error if fn fails. fn borrows a for the call only. */
enum nd_err store_article_each(struct store *s,
    enum nd_err (*fn)(struct article *a, void *arg), void *arg,
    struct nd_error *err);

/* Add a topic, or change name and expr of the one with the same slug. */
enum nd_err store_topic_put(struct store *s, const struct topic *t,
    struct nd_error *err);
/* ND_ENOTFOUND if no such slug. Removes its article links too. */
enum nd_err store_topic_rm(struct store *s, const char *slug,
    struct nd_error *err);
enum nd_err store_topic_list(struct store *s, struct topic_list *out,
    struct nd_error *err);
/* The topic with this slug into *out (release with topic_release);
 * ND_ENOTFOUND (and ND_EINVAL for a malformed slug) otherwise. */
enum nd_err store_topic_get(struct store *s, const char *slug,
    struct topic *out, struct nd_error *err);
void topic_release(struct topic *t);
void topic_list_release(struct topic_list *l);

#define STORE_SECRET_BYTES 32

/* The store's secret key for signing links, tokens and cookies: created
 * at random on first use and then the same for every process that opens
 * the store. */
enum nd_err store_secret(struct store *s,
    unsigned char key[STORE_SECRET_BYTES], struct nd_error *err);

/* Reader comments (comment.h). Every change of status runs in one
 * transaction that also sets articles.comment_count to the number of
 * approved comments of that article, and bumps the author's
 * approved_count when a comment becomes approved. */

struct comment_query {
	int status;		/* enum comment_status, or -1 for any */
	int64_t article_id;	/* or 0 for all */
	const char *email;	/* only this (lowercased) address, or NULL */
	size_t limit;		/* 0: 50 */
	size_t offset;
};

/* Insert c (id 0; status, created and the rest filled by the caller);
 * assigns c->id. A parent must exist and belong to the same article
 * (ND_EINVAL otherwise); ND_ENOTFOUND when the article does not. */
enum nd_err store_comment_add(struct store *s, struct comment *c,
    struct nd_error *err);

/* What store_comment_add_checked checks in the same write transaction
 * as the insert, so that two posts at once (two threads, two processes,
 * two web nodes) cannot both pass a check that only one of them may. */
struct comment_guard {
	int64_t since;		/* count comments created at or after */
	int64_t max_per_ip;	/* refuse when c's IP hash (if it has one)
				 * already has this many; < 0: no limit */
	int64_t max_per_email;	/* the same for c->email */
	int hold_first;		/* c->status APPROVED becomes PENDING while
				 * the address has no approved comment
				 * ("first" moderation) */
};

/* store_comment_add with the checks of g made in its transaction (g
 * NULL: none). Over a limit: ND_ELIMIT, nothing stored, c->id 0. May
 * change c->status from APPROVED to PENDING (hold_first). */
enum nd_err store_comment_add_checked(struct store *s, struct comment *c,
    const struct comment_guard *g, struct nd_error *err);
/* One comment with its email, for moderation and the author's edit
 * link; *out is the caller's (comment_free). ND_ENOTFOUND if none. */
enum nd_err store_comment_get(struct store *s, int64_t id,
    struct comment **out, struct nd_error *err);
/* Change the status (reason: the spam reason or NULL). ND_ENOTFOUND if
 * no such comment. */
enum nd_err store_comment_set_status(struct store *s, int64_t id,
    enum comment_status st, const char *reason, struct nd_error *err);
/* Replace the body (an author's edit) and set edited. */
enum nd_err store_comment_edit(struct store *s, int64_t id,
    const char *body, int64_t edited, struct nd_error *err);
/* Moderation and export lists, with email and article_url; oldest
 * first (created, id). out is appended to; release it. */
enum nd_err store_comment_list(struct store *s, const struct comment_query *q,
    struct comment_list *out, struct nd_error *err);
/* The public thread of an article: one page of approved top-level
 * comments (newest or oldest first) each followed by its approved
 * replies, depth first, oldest reply first; depth set, email NULL. A
 * reply whose parent is not approved is not shown. *top is the number
 * of approved top-level comments (for paging). */
enum nd_err store_comment_thread(struct store *s, int64_t article_id,
    int newest_first, size_t limit, size_t offset,
    struct comment_list *out, int64_t *top, struct nd_error *err);
/* Comments (any status) created at or after since by the IP hash (NULL:
 * skip, *by_ip = 0) and by the address. */
enum nd_err store_comment_recent(struct store *s,
    const unsigned char *ip_hash, const char *email, int64_t since,
    int64_t *by_ip, int64_t *by_email, struct nd_error *err);
/* How many comments of this address were approved (0 if unknown). */
enum nd_err store_comment_author(struct store *s, const char *email,
    int64_t *approved, struct nd_error *err);
/* Reply mails off for every comment of the address (the one-click
 * opt-out). */
enum nd_err store_comment_notify_off(struct store *s, const char *email,
    struct nd_error *err);
/* Erasure: every comment of the address loses name, email, website, IP
 * hash and body and becomes deleted (the row stays so that replies keep
 * their place in the tree); the author row goes; counts are updated.
 * One transaction. *n: comments erased. */
enum nd_err store_comment_erase(struct store *s, const char *email,
    int64_t *n, struct nd_error *err);
/* Clear the IP hash of comments whose hash expired (ip_hash_expires <=
 * now) or that were created before `before`. *n: hashes cleared. */
enum nd_err store_comment_purge_ips(struct store *s, int64_t now,
    int64_t before, int64_t *n, struct nd_error *err);

enum comment_block_kind { COMMENT_BLOCK_WORD, COMMENT_BLOCK_ADDRESS };

struct comment_block {
	enum comment_block_kind kind;
	char *value;
};

struct comment_block_list {
	struct comment_block *v;
	size_t n;
};

/* Add (ND_EEXIST if there) or remove (ND_ENOTFOUND if not there) one
 * blocklist entry; list all, kind then value. */
enum nd_err store_comment_block_add(struct store *s,
    enum comment_block_kind kind, const char *value, struct nd_error *err);
enum nd_err store_comment_block_rm(struct store *s,
    enum comment_block_kind kind, const char *value, struct nd_error *err);
enum nd_err store_comment_block_list(struct store *s,
    struct comment_block_list *out, struct nd_error *err);
void comment_block_list_release(struct comment_block_list *l);
/* ---- Readers (people who follow topics) and their digest deliveries.
 * An email here is already normalized (mail/email.h): the store
 * compares it byte for byte. */

#define STORE_READER_HOUR_DEFAULT	7

struct reader {
	int64_t id;
	char *email;
	char *lang;		/* "en", "de" */
	char *tz;		/* IANA name */
	int hour;		/* local delivery hour 0..23 */
	int64_t confirmed_at;	/* UTC seconds; 0: not confirmed */
	int paused;
	int bouncing;
	int hard_failures;
	int64_t created;
	int64_t last_digest_at;	/* window end of the last sent digest; 0 */
	struct strlist topics;	/* followed topic slugs, sorted */
	char last_date[11];	/* local date of the newest delivery row, "" */
	char last_status[8];	/* its status, "" */
};

struct reader_list {
	struct reader *v;
	size_t n;
};

/* Free what r owns (not r itself). */
void reader_release(struct reader *r);
void reader_list_release(struct reader_list *l);

/* Add a reader or update the one with the same email: lang, tz and hour
 * are set from r (NULL/negative keep the stored value), r->topics are
 * added to the followed ones, confirmed_at is set when r->confirmed_at
 * is non-zero and the reader was not confirmed. Sets r->id. ND_EINVAL
 * naming the slug when a topic does not exist. One transaction. */
enum nd_err store_reader_put(struct store *s, struct reader *r,
    int64_t now, struct nd_error *err);
/* Replace lang, tz, hour, paused and the followed topics of reader r->id
 * (the preferences page). ND_ENOTFOUND when there is no such reader. */
enum nd_err store_reader_update(struct store *s, const struct reader *r,
    struct nd_error *err);
/* By email or by id; *out is a new reader (reader_release + free), or
 * ND_ENOTFOUND. */
enum nd_err store_reader_get(struct store *s, const char *email,
    struct reader **out, struct nd_error *err);
enum nd_err store_reader_get_id(struct store *s, int64_t id,
    struct reader **out, struct nd_error *err);
/* Set confirmed_at = now unless already confirmed. */
enum nd_err store_reader_confirm(struct store *s, int64_t id, int64_t now,
    struct nd_error *err);
/* Remove the reader, their topics, deliveries and saved articles. */
enum nd_err store_reader_rm(struct store *s, int64_t id,
    struct nd_error *err);
/* Readers with id > after, in id order, at most limit (0: 1000). With
 * active, only confirmed readers who are neither paused nor bouncing.
 * Each carries its topics and newest delivery (last_date/status). */
enum nd_err store_reader_list(struct store *s, int active, int64_t after,
    size_t limit, struct reader_list *out, struct nd_error *err);

/* Count one event for key (e.g. "ip:1.2.3.4") in a fixed window of
 * window seconds; *count receives the events in the current window
 * including this one. */
enum nd_err store_rate_hit(struct store *s, const char *key, int64_t now,
    int64_t window, int64_t *count, struct nd_error *err);

/* ---- Reader accounts: sign-in nonces, saved articles, admins
 * (store_account.c). */

#define STORE_SAVED_MAX		500	/* saved articles listed at most */

/* Spend the one-time sign-in nonce (16..64 bytes): *fresh is 1 the first
 * time, 0 when it was used before. Nonces used before `before` (UTC
 * seconds; older than any link still valid) are forgotten first. */
enum nd_err store_signin_use(struct store *s, const char *nonce,
    int64_t now, int64_t before, int *fresh, struct nd_error *err);
/* Save (on) or unsave article for reader; saving twice keeps the first
 * time, unsaving what is not saved is not an error. */
enum nd_err store_saved_set(struct store *s, int64_t reader,
    int64_t article, int on, int64_t now, struct nd_error *err);
/* *on = 1 when reader saved article. */
enum nd_err store_saved_has(struct store *s, int64_t reader,
    int64_t article, int *on, struct nd_error *err);
/* The reader's saved articles, newest saved first, at most limit (0 or
 * over STORE_SAVED_MAX: STORE_SAVED_MAX) from offset, appended to out
 * (article_list_release). */
enum nd_err store_saved_list(struct store *s, int64_t reader, size_t limit,
    size_t offset, struct article_list *out, struct nd_error *err);
/* Mark reader as admin (on) or not; ND_ENOTFOUND without the reader. */
enum nd_err store_admin_set(struct store *s, int64_t reader, int on,
    struct nd_error *err);
/* *admin = 1 when reader exists and is an admin, else 0. */
enum nd_err store_admin_get(struct store *s, int64_t reader, int *admin,
    struct nd_error *err);
/* The admins' emails, sorted, appended to emails. */
enum nd_err store_admin_list(struct store *s, struct strlist *emails,
    struct nd_error *err);

/* ---- The outbox (migration 7, store_outbox.c): reader mails rendered
 * by the request that causes them, delivered later by whoever runs the
 * deliverer (serve's scheduler thread, `newsdesk outbox --deliver`).
 * Exactly once in the same sense as the digest claims: a claim is a
 * lease in one write transaction, so two deliverers never hold the same
 * row; a deliverer that dies after the relay took a message but before
 * marking it sends it again after the lease, with the same Message-ID. */

#define STORE_OUTBOX_MSG_MAX	(1u << 20)	/* bytes of one message */
#define STORE_OUTBOX_LEASE	600	/* seconds a claim holds a row */
#define STORE_OUTBOX_RETRY_BASE	30	/* first retry after a 4xx */
#define STORE_OUTBOX_RETRY_MAX	3600	/* longest wait between tries */
#define STORE_OUTBOX_ATTEMPTS	20	/* 4xx this often: give up */
#define STORE_OUTBOX_LIST_MAX	1000

enum outbox_status {
	OUTBOX_QUEUED,		/* waiting, due, or claimed (lease) */
	OUTBOX_SENT,		/* the relay or Maildir took it */
	OUTBOX_FAILED,		/* 5xx, or too many 4xx: given up */
};

/* One row. data/len is the whole RFC 5322 message (LF line ends); only
 * a claim fills it (lists leave it NULL). Strings are owned by the row
 * (outbox_msg_release). */
struct outbox_msg {
	int64_t id;
	int64_t created;
	char *kind;		/* "signin", "confirm", "comment-edit", ... */
	char *sender;		/* envelope MAIL FROM */
	char *rcpt;		/* envelope RCPT TO */
	char *message_id;	/* without <>, unique */
	char *data;
	size_t len;
	enum outbox_status status;
	int attempts;		/* claims so far, this one included */
	int64_t next_try;	/* due at; while claimed: the lease's end */
	int64_t sent_at;	/* 0 until sent */
	char *last_error;	/* the relay's last reason, or NULL */
};

struct outbox_list {
	struct outbox_msg *v;
	size_t n;
};

/* Counts for the admin view: due now, waiting (a later retry, or
 * claimed right now), sent, failed. */
struct outbox_counts {
	int64_t due, waiting, sent, failed;
};

void outbox_msg_release(struct outbox_msg *m);
void outbox_list_release(struct outbox_list *l);

/* Queue message (kind, sender, rcpt, message_id, data/len are read;
 * all required, no CR/LF in the envelope fields, at most
 * STORE_OUTBOX_MSG_MAX bytes), due at once. A message whose Message-ID
 * is queued already is not queued twice: *id (may be NULL) gets the
 * existing row. One transaction. */
enum nd_err store_outbox_enqueue(struct store *s, const struct outbox_msg *m,
    int64_t now, int64_t *id, struct nd_error *err);
/* Claim up to limit (1..STORE_OUTBOX_LIST_MAX) queued rows due at now,
 * oldest due first, in one write transaction: each one's attempts goes
 * up by one and its next_try becomes now + lease, so no other claim
 * gets it before then. out (appended to; release it) gets the rows
 * with their messages. */
enum nd_err store_outbox_claim(struct store *s, size_t limit, int64_t now,
    int64_t lease, struct outbox_list *out, struct nd_error *err);
/* The relay took row id: status sent, sent_at now. */
enum nd_err store_outbox_sent(struct store *s, int64_t id, int64_t now,
    struct nd_error *err);
/* The relay refused row id with reason error. permanent (5xx): give
 * up (status failed). Otherwise (4xx, no connection): due again at now
 * + STORE_OUTBOX_RETRY_BASE * 2^(attempts-1), at most
 * STORE_OUTBOX_RETRY_MAX later; failed after STORE_OUTBOX_ATTEMPTS. A
 * row that is no longer queued is left as it is. */
enum nd_err store_outbox_failed(struct store *s, int64_t id, int permanent,
    const char *error, int64_t now, struct nd_error *err);
/* Newest first, without the messages: rows of status st (-1: any), at
 * most limit (0 or over the maximum: STORE_OUTBOX_LIST_MAX) from
 * offset, appended to out (release it). */
enum nd_err store_outbox_list(struct store *s, int st, size_t limit,
    size_t offset, struct outbox_list *out, struct nd_error *err);
enum nd_err store_outbox_count(struct store *s, int64_t now,
    struct outbox_counts *out, struct nd_error *err);
#define STORE_OUTBOX_KEEP_DAYS	30	/* the purge's default age */
/* Delete sent rows sent before `before` and failed rows given up
 * before it (UTC seconds); queued rows stay whatever their age. *n
 * (may be NULL): rows deleted. One transaction. */
enum nd_err store_outbox_purge(struct store *s, int64_t before, int64_t *n,
    struct nd_error *err);

enum delivery_status {
	DELIVERY_CLAIMED,
	DELIVERY_SENT,
	DELIVERY_FAILED,
	DELIVERY_RETRY,
};

/* What a claim found. */
enum delivery_claim_result {
	CLAIM_NEW,	/* no row: claimed with the window asked for */
	CLAIM_RESEND,	/* a stale claim (crash): send again, same id/window */
	CLAIM_RETRY,	/* a retry whose time has come: same id/window */
	CLAIM_SKIP,	/* sent, failed, claimed recently or retry not yet */
};

/* One (reader, local date) to claim. In: reader_id, local_date,
 * message_id, window_start/end. Out: result; for RESEND and RETRY the
 * stored message_id and window replace the ones asked for, and attempts
 * counts the tries including this one. */
struct delivery_claim {
	int64_t reader_id;
	char local_date[11];		/* "YYYY-MM-DD" */
	char message_id[128];
	int64_t window_start, window_end;
	int attempts;
	enum delivery_claim_result result;
};

/* Claim every entry of v in one transaction (PostgreSQL: SELECT ... FOR
 * UPDATE SKIP LOCKED). A 'claimed' row older than stale seconds counts
 * as abandoned and is claimed again. */
enum nd_err store_delivery_claim(struct store *s, struct delivery_claim *v,
    size_t n, int64_t now, int64_t stale, struct nd_error *err);

/* The outcome of one claimed delivery. */
struct delivery_mark {
	int64_t reader_id;
	const char *local_date;
	enum delivery_status status;	/* SENT, RETRY or FAILED */
	const char *error;		/* relay's reason, or NULL */
	int64_t next_attempt;		/* RETRY: not before */
	int64_t window_end;		/* SENT: becomes last_digest_at */
};

/* Record outcomes in one transaction. SENT resets the reader's hard
 * failures; FAILED adds one and marks the reader bouncing at
 * max_failures. */
enum nd_err store_delivery_mark(struct store *s,
    const struct delivery_mark *v, size_t n, int max_failures,
    int64_t now, struct nd_error *err);

/* Brief articles for a digest: published in [since, until), on topic
 * slug, newest first, at most limit. */
struct brief {
	int64_t id, story_id, published;
	char *headline, *standfirst, *source, *url;
};

struct brief_list {
	struct brief *v;
	size_t n;
};

enum nd_err store_brief_list(struct store *s, const char *topic,
    int64_t since, int64_t until, size_t limit, struct brief_list *out,
    struct nd_error *err);
void brief_list_release(struct brief_list *l);

/* The backend table (OpenSMTPD queue_backend style). */
struct store_backend {
	const char *name;
	enum nd_err (*open)(struct store *s, const char *dsn,
	    struct nd_error *err);
	void (*close)(struct store *s);
	enum nd_err (*migrate)(struct store *s, int *from, int *to,
	    struct nd_error *err);
	enum nd_err (*version)(struct store *s, int *v, struct nd_error *err);
	enum nd_err (*ping)(struct store *s, struct nd_error *err);
	enum nd_err (*data_version)(struct store *s, int64_t *v,
	    struct nd_error *err);
	const char *(*dsn)(const struct store *s);
	enum nd_err (*tx_begin)(struct store *s, struct nd_error *err);
	enum nd_err (*tx_commit)(struct store *s, struct nd_error *err);
	void (*tx_rollback)(struct store *s);
	enum nd_err (*article_put)(struct store *s, struct article *a,
	    enum store_put *what, struct nd_error *err);
	enum nd_err (*article_get)(struct store *s, int64_t id,
	    struct article **out, struct nd_error *err);
	enum nd_err (*article_list)(struct store *s,
	    const struct article_query *q, struct article_list *out,
	    struct nd_error *err);
	enum nd_err (*article_search)(struct store *s, const char *query,
	    size_t limit, size_t offset, struct article_list *out,
	    struct nd_error *err);
	enum nd_err (*article_snippets)(struct store *s, const char *query,
	    size_t limit, size_t offset, struct article_list *out,
	    struct strlist *snippets, struct nd_error *err);
	enum nd_err (*article_set_topics)(struct store *s, int64_t id,
	    const struct strlist *slugs, struct nd_error *err);
	enum nd_err (*article_count)(struct store *s, int64_t *n,
	    struct nd_error *err);
	enum nd_err (*article_each)(struct store *s,
	    enum nd_err (*fn)(struct article *, void *), void *arg,
	    struct nd_error *err);
	enum nd_err (*topic_put)(struct store *s, const struct topic *t,
	    struct nd_error *err);
	enum nd_err (*topic_rm)(struct store *s, const char *slug,
	    struct nd_error *err);
	enum nd_err (*topic_list)(struct store *s, struct topic_list *out,
	    struct nd_error *err);
	enum nd_err (*topic_get)(struct store *s, const char *slug,
	    struct topic *out, struct nd_error *err);
	/* Store value under name unless it is set; give back what is
	 * stored (n bytes) either way. */
	enum nd_err (*setting_once)(struct store *s, const char *name,
	    const unsigned char *value, unsigned char *out, size_t n,
	    struct nd_error *err);
	/* comments (sqlite_comment.c) */
	enum nd_err (*comment_add)(struct store *s, struct comment *c,
	    const struct comment_guard *g, struct nd_error *err);
	enum nd_err (*comment_get)(struct store *s, int64_t id,
	    struct comment **out, struct nd_error *err);
	enum nd_err (*comment_set_status)(struct store *s, int64_t id,
	    enum comment_status st, const char *reason,
	    struct nd_error *err);
	enum nd_err (*comment_edit)(struct store *s, int64_t id,
	    const char *body, int64_t edited, struct nd_error *err);
	enum nd_err (*comment_list)(struct store *s,
	    const struct comment_query *q, struct comment_list *out,
	    struct nd_error *err);
	enum nd_err (*comment_thread)(struct store *s, int64_t article_id,
	    int newest_first, size_t limit, size_t offset,
	    struct comment_list *out, int64_t *top, struct nd_error *err);
	enum nd_err (*comment_recent)(struct store *s,
	    const unsigned char *ip_hash, const char *email, int64_t since,
	    int64_t *by_ip, int64_t *by_email, struct nd_error *err);
	enum nd_err (*comment_author)(struct store *s, const char *email,
	    int64_t *approved, struct nd_error *err);
	enum nd_err (*comment_notify_off)(struct store *s, const char *email,
	    struct nd_error *err);
	enum nd_err (*comment_erase)(struct store *s, const char *email,
	    int64_t *n, struct nd_error *err);
	enum nd_err (*comment_purge_ips)(struct store *s, int64_t now,
	    int64_t before, int64_t *n, struct nd_error *err);
	enum nd_err (*comment_block_add)(struct store *s,
	    enum comment_block_kind kind, const char *value,
	    struct nd_error *err);
	enum nd_err (*comment_block_rm)(struct store *s,
	    enum comment_block_kind kind, const char *value,
	    struct nd_error *err);
	enum nd_err (*comment_block_list)(struct store *s,
	    struct comment_block_list *out, struct nd_error *err);
	enum nd_err (*reader_put)(struct store *s, struct reader *r,
	    int64_t now, struct nd_error *err);
	enum nd_err (*reader_update)(struct store *s, const struct reader *r,
	    struct nd_error *err);
	enum nd_err (*reader_get)(struct store *s, const char *email,
	    int64_t id, struct reader **out, struct nd_error *err);
	enum nd_err (*reader_confirm)(struct store *s, int64_t id,
	    int64_t now, struct nd_error *err);
	enum nd_err (*reader_rm)(struct store *s, int64_t id,
	    struct nd_error *err);
	enum nd_err (*reader_list)(struct store *s, int active, int64_t after,
	    size_t limit, struct reader_list *out, struct nd_error *err);
	enum nd_err (*rate_hit)(struct store *s, const char *key, int64_t now,
	    int64_t window, int64_t *count, struct nd_error *err);
	enum nd_err (*delivery_claim)(struct store *s,
	    struct delivery_claim *v, size_t n, int64_t now, int64_t stale,
	    struct nd_error *err);
	enum nd_err (*delivery_mark)(struct store *s,
	    const struct delivery_mark *v, size_t n, int max_failures,
	    int64_t now, struct nd_error *err);
	enum nd_err (*brief_list)(struct store *s, const char *topic,
	    int64_t since, int64_t until, size_t limit,
	    struct brief_list *out, struct nd_error *err);
	/* reader accounts (sqlite_account.c) */
	enum nd_err (*signin_use)(struct store *s, const char *nonce,
	    int64_t now, int64_t before, int *fresh, struct nd_error *err);
	enum nd_err (*saved_set)(struct store *s, int64_t reader,
	    int64_t article, int on, int64_t now, struct nd_error *err);
	enum nd_err (*saved_has)(struct store *s, int64_t reader,
	    int64_t article, int *on, struct nd_error *err);
	enum nd_err (*saved_ids)(struct store *s, int64_t reader,
	    size_t limit, size_t offset, int64_t *ids, size_t *n,
	    struct nd_error *err);
	enum nd_err (*admin_set)(struct store *s, int64_t reader, int on,
	    struct nd_error *err);
	enum nd_err (*admin_get)(struct store *s, int64_t reader,
	    int *admin, struct nd_error *err);
	enum nd_err (*admin_list)(struct store *s, struct strlist *emails,
	    struct nd_error *err);
	/* the outbox (sqlite_outbox.c) */
	enum nd_err (*outbox_enqueue)(struct store *s,
	    const struct outbox_msg *m, int64_t now, int64_t *id,
	    struct nd_error *err);
	enum nd_err (*outbox_claim)(struct store *s, size_t limit,
	    int64_t now, int64_t lease, struct outbox_list *out,
	    struct nd_error *err);
	enum nd_err (*outbox_sent)(struct store *s, int64_t id, int64_t now,
	    struct nd_error *err);
	enum nd_err (*outbox_failed)(struct store *s, int64_t id,
	    int permanent, const char *error, int64_t now,
	    struct nd_error *err);
	enum nd_err (*outbox_list)(struct store *s, int st, size_t limit,
	    size_t offset, struct outbox_list *out, struct nd_error *err);
	enum nd_err (*outbox_count)(struct store *s, int64_t now,
	    struct outbox_counts *out, struct nd_error *err);
	enum nd_err (*outbox_purge)(struct store *s, int64_t before,
	    int64_t *n, struct nd_error *err);
	int latest_version;
};

struct store {
	const struct store_backend *be;
	void *priv;		/* backend state */
};

extern const struct store_backend store_backend_sqlite;

#endif
