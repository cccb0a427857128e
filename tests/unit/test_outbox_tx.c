/* A state change and its mail in one transaction (store_tx_begin), and
 * the outbox purge. A real SQLite file per test; the enqueue is made to
 * fail for real by a trigger the test adds to the outbox table (as a
 * full disk or a broken constraint would), and the state change that
 * came before it in the transaction must be gone too. */
#include "store_fx.h"
#include "testutil.h"

#include <stdio.h>
#include <unistd.h>

#include <sqlite3.h>

#include "mail/comment_notice.h"
#include "mail/follow.h"
#include "mail/outbox.h"
#include "store/store.h"
#include "util/strlist.h"
#include "util/xalloc.h"

#define NOW	1800000000
#define DAY	86400

static int
setup(void **state)
{
	struct fixture *f = sfx_open("outbox-tx");
	struct topic t = {0, "climate", "Climate", "climate"};
	struct article a;
	enum store_put what;
	struct nd_error err;
	enum nd_err e;

	if (f == NULL)
		return -1;
	*state = f;
	memset(&a, 0, sizeof(a));
	a.url = "https://example.org/a";
	a.canonical_url = "https://example.org/a";
	a.source = "example.org";
	a.headline = "A headline";
	a.lang = "en";
	a.published = NOW - DAY;
	strlist_push(&a.body, "Some body text.");
	if ((e = store_topic_put(f->s, &t, &err)) == ND_OK)
		e = store_article_put(f->s, &a, &what, &err);
	strlist_release(&a.body);
	if (e != ND_OK) {
		print_error("%s\n", err.msg);
		return -1;
	}
	return 0;
}

static int
teardown(void **state)
{
	sfx_close(*state);
	return 0;
}

/* Run sql on the store file through a connection of its own. */
static void
raw(const struct fixture *f, const char *sql)
{
	sqlite3 *db = NULL;

	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	sqlite3_busy_timeout(db, 5000);
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	sqlite3_close(db);
}

/* From now on every enqueue fails inside the store. */
static void
refuse_enqueue(const struct fixture *f)
{
	raw(f, "CREATE TRIGGER test_refuse BEFORE INSERT ON outbox"
	    " BEGIN SELECT RAISE(ABORT, 'refused by the test'); END");
}

static int64_t
outbox_rows(struct store *s)
{
	struct outbox_counts c;
	struct nd_error err;

	assert_int_equal(store_outbox_count(s, NOW, &c, &err), ND_OK);
	return c.due + c.waiting + c.sent + c.failed;
}

static int
reader_exists(struct store *s, const char *email)
{
	struct reader *r = NULL;
	struct nd_error err;
	enum nd_err e = store_reader_get(s, email, &r, &err);

	if (r) {
		reader_release(r);
		free(r);
	}
	assert_true(e == ND_OK || e == ND_ENOTFOUND);
	return e == ND_OK;
}

static enum nd_err
put_msg(struct store *s, const char *mid, struct nd_error *err)
{
	struct outbox_msg m;

	memset(&m, 0, sizeof(m));
	m.kind = "signin";
	m.sender = "desk@example.net";
	m.rcpt = "ann@example.org";
	m.message_id = (char *)mid;
	m.data = "Message-ID: <x@test>\n\nbody\n";
	m.len = strlen(m.data);
	return store_outbox_enqueue(s, &m, NOW, NULL, err);
}

static void
new_reader(struct reader *r, const char *email)
{
	memset(r, 0, sizeof(*r));
	r->email = (char *)email;
	r->hour = -1;
}

static void
tx_commit_keeps_both_rollback_neither(void **state)
{
	struct fixture *f = *state;
	struct nd_error err;
	struct reader r;

	assert_int_equal(store_tx_begin(f->s, &err), ND_OK);
	new_reader(&r, "ann@example.org");
	assert_int_equal(store_reader_put(f->s, &r, NOW, &err), ND_OK);
	assert_int_equal(put_msg(f->s, "a@test", &err), ND_OK);
	assert_int_equal(store_tx_commit(f->s, &err), ND_OK);
	assert_true(reader_exists(f->s, "ann@example.org"));
	assert_int_equal(outbox_rows(f->s), 1);

	assert_int_equal(store_tx_begin(f->s, &err), ND_OK);
	new_reader(&r, "bob@example.org");
	assert_int_equal(store_reader_put(f->s, &r, NOW, &err), ND_OK);
	assert_int_equal(put_msg(f->s, "b@test", &err), ND_OK);
	store_tx_rollback(f->s);
	assert_false(reader_exists(f->s, "bob@example.org"));
	assert_int_equal(outbox_rows(f->s), 1);
	/* the connection works on its own again */
	new_reader(&r, "cy@example.org");
	assert_int_equal(store_reader_put(f->s, &r, NOW, &err), ND_OK);
	assert_true(reader_exists(f->s, "cy@example.org"));
}

static void
tx_is_not_nested_and_rollback_outside_is_harmless(void **state)
{
	struct fixture *f = *state;
	struct nd_error err;

	store_tx_rollback(f->s);
	assert_int_equal(store_tx_commit(f->s, &err), ND_EINVAL);
	assert_int_equal(store_tx_begin(f->s, &err), ND_OK);
	assert_int_equal(store_tx_begin(f->s, &err), ND_EINVAL);
	assert_non_null(strstr(err.msg, "open already"));
	assert_int_equal(store_tx_commit(f->s, &err), ND_OK);
}

/* A failed call inside leaves nothing of itself (its savepoint), the
 * calls before it stay for the caller to commit or not. */
static void
tx_failed_call_leaves_nothing_of_itself(void **state)
{
	struct fixture *f = *state;
	struct nd_error err;
	struct reader r;

	assert_int_equal(store_tx_begin(f->s, &err), ND_OK);
	new_reader(&r, "dee@example.org");
	assert_int_equal(store_reader_put(f->s, &r, NOW, &err), ND_OK);
	new_reader(&r, "eve@example.org");
	strlist_push(&r.topics, "no-such-topic");
	assert_int_equal(store_reader_put(f->s, &r, NOW, &err), ND_EINVAL);
	strlist_release(&r.topics);
	assert_int_equal(store_tx_commit(f->s, &err), ND_OK);
	assert_true(reader_exists(f->s, "dee@example.org"));
	assert_false(reader_exists(f->s, "eve@example.org"));
}

/* Another connection sees nothing before the commit. */
static void
tx_is_invisible_until_commit(void **state)
{
	struct fixture *f = *state;
	struct store *other = NULL;
	struct nd_error err;
	struct reader r;

	assert_int_equal(store_open(f->path, &other, &err), ND_OK);
	assert_int_equal(store_tx_begin(f->s, &err), ND_OK);
	new_reader(&r, "fay@example.org");
	assert_int_equal(store_reader_put(f->s, &r, NOW, &err), ND_OK);
	assert_false(reader_exists(other, "fay@example.org"));
	assert_int_equal(store_tx_commit(f->s, &err), ND_OK);
	assert_true(reader_exists(other, "fay@example.org"));
	store_close(other);
}

static void
follow_opts_fill(struct follow_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->base_url = "http://127.0.0.1:1";
	o->from = "news@example.org";
	o->ip = "192.0.2.1";
	o->lang = "en";
	o->tz = "UTC";
	o->hour = 7;
	o->now = NOW;
}

/* The regression: the reader row used to stay when the mail could not
 * be queued. */
static void
follow_request_failing_mail_leaves_no_reader(void **state)
{
	struct fixture *f = *state;
	struct strlist topics = STRLIST_INIT;
	struct follow_opts o;
	struct nd_error err;

	follow_opts_fill(&o);
	strlist_push(&topics, "climate");
	refuse_enqueue(f);
	assert_int_equal(follow_request(f->s, &o, "gus@example.org", &topics,
	    &err), ND_ESTORE);
	assert_non_null(strstr(err.msg, "refused by the test"));
	assert_false(reader_exists(f->s, "gus@example.org"));
	assert_int_equal(outbox_rows(f->s), 0);
	/* with the outbox working again both are stored */
	raw(f, "DROP TRIGGER test_refuse");
	assert_int_equal(follow_request(f->s, &o, "gus@example.org", &topics,
	    &err), ND_OK);
	assert_true(reader_exists(f->s, "gus@example.org"));
	assert_int_equal(outbox_rows(f->s), 1);
	strlist_release(&topics);
}

/* An unknown topic is found after the reader row was written: that row
 * goes too. */
static void
follow_request_bad_topic_leaves_no_reader(void **state)
{
	struct fixture *f = *state;
	struct strlist topics = STRLIST_INIT;
	struct follow_opts o;
	struct nd_error err;

	follow_opts_fill(&o);
	strlist_push(&topics, "no-such-topic");
	assert_int_equal(follow_request(f->s, &o, "hal@example.org", &topics,
	    &err), ND_EINVAL);
	assert_false(reader_exists(f->s, "hal@example.org"));
	strlist_release(&topics);
}

static int64_t
comment_rows(struct store *s)
{
	struct comment_list l = COMMENT_LIST_INIT;
	struct comment_query q;
	struct nd_error err;
	size_t n;

	memset(&q, 0, sizeof(q));
	q.status = -1;
	assert_int_equal(store_comment_list(s, &q, &l, &err), ND_OK);
	n = l.n;
	comment_list_release(&l);
	return (int64_t)n;
}

/* The comment and its edit-link mail, the way the web stores them
 * (comment_post.c post_store): a refused mail takes the comment back. */
static enum nd_err
comment_with_mail(struct store *s, const char *body, struct nd_error *err)
{
	static const unsigned char key[STORE_SECRET_BYTES];
	struct comment_notice_ctx cx;
	struct comment c;
	enum nd_err e;

	memset(&c, 0, sizeof(c));
	c.article_id = 1;
	c.name = "Ann";
	c.email = "ann@example.org";
	c.body = (char *)body;
	c.status = COMMENT_APPROVED;
	c.created = NOW;
	c.lang = "en";
	memset(&cx, 0, sizeof(cx));
	cx.store = s;
	cx.key = key;
	cx.from = "desk@example.net";
	cx.base = "http://127.0.0.1:1";
	cx.now = NOW;
	if ((e = store_tx_begin(s, err)) != ND_OK)
		return e;
	e = store_comment_add(s, &c, err);
	if (e == ND_OK)
		e = comment_notice_edit(&cx, c.id, "tok", err);
	if (e == ND_OK)
		return store_tx_commit(s, err);
	store_tx_rollback(s);
	return e;
}

static void
comment_failing_mail_leaves_no_comment(void **state)
{
	struct fixture *f = *state;
	struct nd_error err;
	struct article *a = NULL;

	refuse_enqueue(f);
	assert_int_equal(comment_with_mail(f->s, "First.", &err), ND_ESTORE);
	assert_int_equal(comment_rows(f->s), 0);
	assert_int_equal(store_article_get(f->s, 1, &a, &err), ND_OK);
	assert_int_equal(a->comment_count, 0);
	article_free(a);
	raw(f, "DROP TRIGGER test_refuse");
	assert_int_equal(comment_with_mail(f->s, "First.", &err), ND_OK);
	assert_int_equal(comment_rows(f->s), 1);
	assert_int_equal(outbox_rows(f->s), 1);
}

/* Three rows sent, failed and queued at fixed times; Message-IDs p.N. */
static void
purge_rows(struct store *s, int64_t at)
{
	struct outbox_list l = {NULL, 0};
	struct nd_error err;
	char mid[32];
	int i;

	for (i = 0; i < 3; i++) {
		snprintf(mid, sizeof(mid), "p.%lld.%d@test", (long long)at, i);
		assert_int_equal(put_msg(s, mid, &err), ND_OK);
	}
	/* put_msg queues at NOW; claim them at `at` (all due) */
	assert_int_equal(store_outbox_claim(s, 3, at, STORE_OUTBOX_LEASE, &l,
	    &err), ND_OK);
	assert_int_equal(l.n, 3);
	assert_int_equal(store_outbox_sent(s, l.v[0].id, at, &err), ND_OK);
	assert_int_equal(store_outbox_failed(s, l.v[1].id, 1, "550 no", at,
	    &err), ND_OK);
	outbox_list_release(&l);
}

static void
purge_drops_old_sent_and_failed_only(void **state)
{
	struct fixture *f = *state;
	struct outbox_counts c;
	struct nd_error err;
	int64_t n = -1, old = NOW + DAY, young = NOW + 40 * DAY;
	int64_t cut = young - 30 * DAY;	/* the default age, at young */

	purge_rows(f->s, old);		/* 39 days before young */
	purge_rows(f->s, young);
	assert_int_equal(store_outbox_count(f->s, young, &c, &err), ND_OK);
	assert_int_equal(c.sent, 2);
	assert_int_equal(c.failed, 2);
	assert_int_equal(c.waiting + c.due, 2);
	assert_int_equal(store_outbox_purge(f->s, cut, &n, &err), ND_OK);
	assert_int_equal(n, 2);
	assert_int_equal(store_outbox_count(f->s, young, &c, &err), ND_OK);
	assert_int_equal(c.sent, 1);
	assert_int_equal(c.failed, 1);
	assert_int_equal(c.waiting + c.due, 2);	/* queued stay, any age */
	/* on the boundary: a row sent exactly at the cut stays */
	assert_int_equal(store_outbox_purge(f->s, young, &n, &err), ND_OK);
	assert_int_equal(n, 0);
	assert_int_equal(store_outbox_purge(f->s, young + 1, &n, &err),
	    ND_OK);
	assert_int_equal(n, 2);
	assert_int_equal(store_outbox_purge(f->s, 0, &n, &err), ND_EINVAL);
}

/* A row given up after the last 4xx counts from the time it was given
 * up, not from its last retry time. */
static void
purge_counts_retries_given_up_from_the_last_try(void **state)
{
	struct fixture *f = *state;
	struct outbox_list l = {NULL, 0};
	struct outbox_counts c;
	struct nd_error err;
	int64_t n = -1, at = NOW;
	int i;

	assert_int_equal(put_msg(f->s, "r@test", &err), ND_OK);
	for (i = 0; i < STORE_OUTBOX_ATTEMPTS; i++) {
		at += STORE_OUTBOX_RETRY_MAX + STORE_OUTBOX_LEASE;
		assert_int_equal(store_outbox_claim(f->s, 1, at,
		    STORE_OUTBOX_LEASE, &l, &err), ND_OK);
		assert_int_equal(l.n, 1);
		assert_int_equal(store_outbox_failed(f->s, l.v[0].id, 0,
		    "451 later", at, &err), ND_OK);
		outbox_list_release(&l);
	}
	assert_int_equal(store_outbox_count(f->s, at, &c, &err), ND_OK);
	assert_int_equal(c.failed, 1);
	assert_int_equal(store_outbox_purge(f->s, at, &n, &err), ND_OK);
	assert_int_equal(n, 0);
	assert_int_equal(store_outbox_purge(f->s, at + 1, &n, &err), ND_OK);
	assert_int_equal(n, 1);
}

/* The mail side's purge counts whole days back from a fixed now. */
static void
outbox_purge_counts_days_from_now(void **state)
{
	struct fixture *f = *state;
	struct nd_error err;
	int64_t n = -1, sent_at = NOW + DAY;

	purge_rows(f->s, sent_at);
	/* 30 days later to the second: not older than 30 days yet */
	assert_int_equal(outbox_purge(f->s, sent_at + 30 * DAY, 30, &n, &err),
	    ND_OK);
	assert_int_equal(n, 0);
	assert_int_equal(outbox_purge(f->s, sent_at + 30 * DAY + 1,
	    STORE_OUTBOX_KEEP_DAYS, &n, &err), ND_OK);
	assert_int_equal(n, 2);
	assert_int_equal(outbox_purge(f->s, NOW, 0, &n, &err), ND_EINVAL);
	assert_non_null(strstr(err.msg, "'0'"));
	assert_int_equal(outbox_purge(f->s, NOW, OUTBOX_PURGE_DAYS_MAX + 1,
	    &n, &err), ND_EINVAL);
	assert_int_equal(outbox_rows(f->s), 1);	/* the queued one */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
		    tx_commit_keeps_both_rollback_neither, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    tx_is_not_nested_and_rollback_outside_is_harmless, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    tx_failed_call_leaves_nothing_of_itself, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    tx_is_invisible_until_commit, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    follow_request_failing_mail_leaves_no_reader, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    follow_request_bad_topic_leaves_no_reader, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    comment_failing_mail_leaves_no_comment, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    purge_drops_old_sent_and_failed_only, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    purge_counts_retries_given_up_from_the_last_try, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    outbox_purge_counts_days_from_now, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
