/* The outbox in the SQLite store (a real file per test in a fresh
 * temporary folder): enqueue, claim, sent, retry with backoff after a
 * 4xx, giving up after a 5xx, and no row claimed twice by two
 * connections claiming at the same time. */
#include "maildir_fx.h"
#include "store_fx.h"
#include "testutil.h"

#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

#include "mail/outbox.h"
#include "store/store.h"
#include "util/xalloc.h"

#define NOW	1800000000
#define MANY	60

static int
setup(void **state)
{
	return (*state = sfx_open("outbox")) != NULL ? 0 : -1;
}

static int
teardown(void **state)
{
	sfx_close(*state);
	return 0;
}

/* Queue one message with Message-ID "m.N@test" at time at; its id. */
static int64_t
put(struct store *s, int n, int64_t at)
{
	char mid[64], body[128];
	struct outbox_msg m;
	struct nd_error err;
	int64_t id = 0;

	snprintf(mid, sizeof(mid), "m.%d@test", n);
	snprintf(body, sizeof(body), "Message-ID: <%s>\nSubject: %d\n\n"
	    "body %d\n", mid, n, n);
	memset(&m, 0, sizeof(m));
	m.kind = "signin";
	m.sender = "desk@example.net";
	m.rcpt = "ann@example.org";
	m.message_id = mid;
	m.data = body;
	m.len = strlen(body);
	if (store_outbox_enqueue(s, &m, at, &id, &err) != ND_OK)
		fail_msg("%s", err.msg);
	return id;
}

static void
claim(struct store *s, size_t limit, int64_t now, struct outbox_list *l)
{
	struct nd_error err;

	memset(l, 0, sizeof(*l));
	if (store_outbox_claim(s, limit, now, STORE_OUTBOX_LEASE, l,
	    &err) != ND_OK)
		fail_msg("%s", err.msg);
}

static void
enqueue_then_claim_gives_the_message(void **state)
{
	struct fixture *f = *state;
	struct outbox_list l;
	int64_t id = put(f->s, 1, NOW);

	assert_true(id > 0);
	claim(f->s, 10, NOW, &l);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.v[0].id, id);
	assert_string_equal(l.v[0].kind, "signin");
	assert_string_equal(l.v[0].rcpt, "ann@example.org");
	assert_string_equal(l.v[0].sender, "desk@example.net");
	assert_string_equal(l.v[0].message_id, "m.1@test");
	assert_int_equal(l.v[0].attempts, 1);
	assert_int_equal(l.v[0].next_try, NOW + STORE_OUTBOX_LEASE);
	assert_non_null(strstr(l.v[0].data, "body 1\n"));
	assert_int_equal(l.v[0].len, strlen(l.v[0].data));
	outbox_list_release(&l);
	/* claimed: nobody else gets it during the lease */
	claim(f->s, 10, NOW + 1, &l);
	assert_int_equal(l.n, 0);
	/* a deliverer that died: after the lease it is due again */
	claim(f->s, 10, NOW + STORE_OUTBOX_LEASE, &l);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.v[0].attempts, 2);
	outbox_list_release(&l);
}

static void
same_message_id_is_queued_once(void **state)
{
	struct fixture *f = *state;
	struct outbox_counts c;
	struct nd_error err;
	int64_t a = put(f->s, 7, NOW), b = put(f->s, 7, NOW + 5);

	assert_int_equal(a, b);
	assert_int_equal(store_outbox_count(f->s, NOW + 5, &c, &err), ND_OK);
	assert_int_equal(c.due, 1);
}

static void
enqueue_refuses_bad_fields(void **state)
{
	struct fixture *f = *state;
	struct outbox_msg m;
	struct nd_error err;

	memset(&m, 0, sizeof(m));
	m.kind = "signin";
	m.sender = "desk@example.net";
	m.rcpt = "ann@example.org\r\nRCPT TO:<x@evil>";
	m.message_id = "x@test";
	m.data = "x";
	m.len = 1;
	assert_int_equal(store_outbox_enqueue(f->s, &m, NOW, NULL, &err),
	    ND_EINVAL);
	m.rcpt = "ann@example.org";
	m.len = 0;
	assert_int_equal(store_outbox_enqueue(f->s, &m, NOW, NULL, &err),
	    ND_EEMPTY);
	m.len = STORE_OUTBOX_MSG_MAX + 1;
	assert_int_equal(store_outbox_enqueue(f->s, &m, NOW, NULL, &err),
	    ND_ELIMIT);
}

static void
sent_is_never_claimed_again(void **state)
{
	struct fixture *f = *state;
	struct outbox_list l;
	struct outbox_counts c;
	struct nd_error err;
	int64_t id = put(f->s, 1, NOW);

	claim(f->s, 10, NOW, &l);
	assert_int_equal(l.n, 1);
	outbox_list_release(&l);
	assert_int_equal(store_outbox_sent(f->s, id, NOW + 2, &err), ND_OK);
	claim(f->s, 10, NOW + 100000, &l);
	assert_int_equal(l.n, 0);
	memset(&l, 0, sizeof(l));
	assert_int_equal(store_outbox_list(f->s, OUTBOX_SENT, 0, 0, &l,
	    &err), ND_OK);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.v[0].sent_at, NOW + 2);
	assert_int_equal(l.v[0].status, OUTBOX_SENT);
	assert_null(l.v[0].data);
	outbox_list_release(&l);
	assert_int_equal(store_outbox_count(f->s, NOW, &c, &err), ND_OK);
	assert_int_equal(c.sent, 1);
	assert_int_equal(c.due + c.waiting + c.failed, 0);
}

static void
tempfail_retries_later_with_growing_waits(void **state)
{
	struct fixture *f = *state;
	struct outbox_list l;
	struct nd_error err;
	int64_t id = put(f->s, 1, NOW), at = NOW, wait1, wait2;

	claim(f->s, 10, at, &l);
	outbox_list_release(&l);
	assert_int_equal(store_outbox_failed(f->s, id, 0, "451 try later",
	    at, &err), ND_OK);
	claim(f->s, 10, at + 1, &l);
	assert_int_equal(l.n, 0);	/* not yet */
	memset(&l, 0, sizeof(l));
	assert_int_equal(store_outbox_list(f->s, OUTBOX_QUEUED, 0, 0, &l,
	    &err), ND_OK);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0].last_error, "451 try later");
	wait1 = l.v[0].next_try - at;
	assert_int_equal(wait1, STORE_OUTBOX_RETRY_BASE);
	outbox_list_release(&l);
	/* second try fails too: the wait doubles */
	at += wait1;
	claim(f->s, 10, at, &l);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.v[0].attempts, 2);
	outbox_list_release(&l);
	assert_int_equal(store_outbox_failed(f->s, id, 0, "451 again", at,
	    &err), ND_OK);
	assert_int_equal(store_outbox_list(f->s, OUTBOX_QUEUED, 0, 0, &l,
	    &err), ND_OK);
	wait2 = l.v[0].next_try - at;
	assert_int_equal(wait2, 2 * wait1);
	outbox_list_release(&l);
	claim(f->s, 10, at + wait2, &l);
	assert_int_equal(l.n, 1);
	outbox_list_release(&l);
}

static void
tempfail_gives_up_after_the_last_attempt(void **state)
{
	struct fixture *f = *state;
	struct outbox_list l;
	struct nd_error err;
	int64_t id = put(f->s, 1, NOW), at = NOW;
	int i;

	for (i = 0; i < STORE_OUTBOX_ATTEMPTS; i++) {
		claim(f->s, 10, at, &l);
		assert_int_equal(l.n, 1);
		outbox_list_release(&l);
		assert_int_equal(store_outbox_failed(f->s, id, 0, "421 busy",
		    at, &err), ND_OK);
		at += STORE_OUTBOX_RETRY_MAX;
	}
	claim(f->s, 10, at, &l);
	assert_int_equal(l.n, 0);
	assert_int_equal(store_outbox_list(f->s, OUTBOX_FAILED, 0, 0, &l,
	    &err), ND_OK);
	assert_int_equal(l.n, 1);
	outbox_list_release(&l);
}

static void
permfail_gives_up_at_once(void **state)
{
	struct fixture *f = *state;
	struct outbox_list l;
	struct outbox_counts c;
	struct nd_error err;
	int64_t id = put(f->s, 1, NOW);

	claim(f->s, 10, NOW, &l);
	outbox_list_release(&l);
	assert_int_equal(store_outbox_failed(f->s, id, 1, "550 no such user",
	    NOW, &err), ND_OK);
	claim(f->s, 10, NOW + 1000000, &l);
	assert_int_equal(l.n, 0);
	assert_int_equal(store_outbox_list(f->s, OUTBOX_FAILED, 0, 0, &l,
	    &err), ND_OK);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0].last_error, "550 no such user");
	outbox_list_release(&l);
	/* a late "sent" for a row given up does not change it */
	assert_int_equal(store_outbox_sent(f->s, id, NOW, &err), ND_OK);
	assert_int_equal(store_outbox_count(f->s, NOW, &c, &err), ND_OK);
	assert_int_equal(c.failed, 1);
	assert_int_equal(c.sent, 0);
}

static void
claim_takes_only_due_rows_up_to_the_limit(void **state)
{
	struct fixture *f = *state;
	struct outbox_list l;
	struct nd_error err;

	put(f->s, 1, NOW);
	put(f->s, 2, NOW);
	put(f->s, 3, NOW + 50);		/* queued later: not due at NOW */
	claim(f->s, 1, NOW, &l);
	assert_int_equal(l.n, 1);
	outbox_list_release(&l);
	claim(f->s, 10, NOW, &l);
	assert_int_equal(l.n, 1);
	outbox_list_release(&l);
	claim(f->s, 10, NOW + 50, &l);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0].message_id, "m.3@test");
	outbox_list_release(&l);
	assert_int_equal(store_outbox_claim(f->s, 0, NOW, 10, &l, &err),
	    ND_EINVAL);
}

struct claimer {
	const char *path;
	int got[MANY + 1];
	int fails;
};

/* Claim in small batches on its own connection until a few empty
 * claims in a row (or too many rounds). */
static void *
claimer_main(void *arg)
{
	struct claimer *c = arg;
	struct store *s = NULL;
	struct outbox_list l;
	struct nd_error err;
	int empty = 0, rounds = 0;
	size_t i;

	if (store_open(c->path, &s, &err) != ND_OK) {
		c->fails++;
		return NULL;
	}
	/* bounded: a claim that does not hold its rows must fail the
	 * test, not hang it */
	while (empty < 3 && rounds++ < 4 * MANY) {
		memset(&l, 0, sizeof(l));
		if (store_outbox_claim(s, 3, NOW, STORE_OUTBOX_LEASE, &l,
		    &err) != ND_OK) {
			c->fails++;
			break;
		}
		empty = l.n == 0 ? empty + 1 : 0;
		for (i = 0; i < l.n; i++)
			if (l.v[i].id >= 1 && l.v[i].id <= MANY)
				c->got[l.v[i].id]++;
		outbox_list_release(&l);
	}
	store_close(s);
	return NULL;
}

static void
two_claimers_never_take_the_same_row(void **state)
{
	struct fixture *f = *state;
	struct claimer *a = xcalloc(1, sizeof(*a)), *b = xcalloc(1, sizeof(*b));
	pthread_t ta, tb;
	int i, na = 0, nb = 0;

	for (i = 1; i <= MANY; i++)
		assert_int_equal(put(f->s, i, NOW), i);
	a->path = b->path = f->path;
	assert_int_equal(pthread_create(&ta, NULL, claimer_main, a), 0);
	assert_int_equal(pthread_create(&tb, NULL, claimer_main, b), 0);
	pthread_join(ta, NULL);
	pthread_join(tb, NULL);
	assert_int_equal(a->fails + b->fails, 0);
	for (i = 1; i <= MANY; i++) {
		assert_int_equal(a->got[i] + b->got[i], 1);
		na += a->got[i];
		nb += b->got[i];
	}
	assert_int_equal(na + nb, MANY);
	free(a);
	free(b);
}

static void
message_id_is_read_from_the_header(void **state)
{
	static const char plain[] = "From: a@b\nMessage-ID: <x.1@h>\n\nbody";
	static const char folded[] = "Message-Id:\n <x.2@h>\nTo: c@d\n\n";
	static const char body_only[] = "From: a@b\n\nMessage-ID: <x.3@h>\n";
	static const char unclosed[] = "Message-ID: <x.4@h\n\n";
	char id[64], small[4];

	(void)state;
	assert_int_equal(outbox_message_id(plain, strlen(plain), id,
	    sizeof(id)), 1);
	assert_string_equal(id, "x.1@h");
	assert_int_equal(outbox_message_id(folded, strlen(folded), id,
	    sizeof(id)), 1);
	assert_string_equal(id, "x.2@h");
	assert_int_equal(outbox_message_id(body_only, strlen(body_only), id,
	    sizeof(id)), 0);
	assert_int_equal(outbox_message_id(unclosed, strlen(unclosed), id,
	    sizeof(id)), 0);
	assert_int_equal(outbox_message_id(plain, strlen(plain), small,
	    sizeof(small)), 0);
	/* bounded by the length, not a NUL */
	assert_int_equal(outbox_message_id(plain, 20, id, sizeof(id)), 0);
}

static void
put_then_deliver_to_a_maildir(void **state)
{
	struct fixture *f = *state;
	static const char msg[] = "From: desk@example.net\nTo: "
	    "ann@example.org\nMessage-ID: <once@test>\nSubject: hi\n\nhi\n";
	struct outbox_stats st;
	struct outbox_counts c;
	struct deliver *d = NULL;
	struct nd_error err;
	char spec[160], newdir[160];

	snprintf(spec, sizeof(spec), "maildir:%s/md", f->dir);
	snprintf(newdir, sizeof(newdir), "%s/md/new", f->dir);
	assert_int_equal(outbox_put(f->s, "signin", "desk@example.net",
	    "ann@example.org", msg, strlen(msg), NOW, &err), ND_OK);
	assert_int_equal(outbox_put(f->s, "signin", "desk@example.net",
	    "ann@example.org", "Subject: no id\n\nx\n", 17, NOW, &err),
	    ND_EINVAL);
	assert_int_equal(mfx_files_in(newdir), 0);	/* queued, not sent */
	assert_int_equal(deliver_open(spec, NULL, &d, &err), ND_OK);
	memset(&st, 0, sizeof(st));
	assert_int_equal(outbox_deliver(f->s, d, NOW, &st, &err), ND_OK);
	assert_int_equal(st.sent, 1);
	assert_int_equal(st.retry + st.failed, 0);
	assert_int_equal(mfx_files_in(newdir), 1);
	assert_int_equal(outbox_deliver(f->s, d, NOW + 100000, &st, &err),
	    ND_OK);
	assert_int_equal(st.sent, 1);		/* nothing more */
	assert_int_equal(mfx_files_in(newdir), 1);
	assert_int_equal(store_outbox_count(f->s, NOW, &c, &err), ND_OK);
	assert_int_equal(c.sent, 1);
	deliver_close(d);
	{
		char md[128];

		snprintf(md, sizeof(md), "%s/md", f->dir);
		mfx_maildir_rm(md);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
		    enqueue_then_claim_gives_the_message, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    same_message_id_is_queued_once, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    enqueue_refuses_bad_fields, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    sent_is_never_claimed_again, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    tempfail_retries_later_with_growing_waits, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    tempfail_gives_up_after_the_last_attempt, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    permfail_gives_up_at_once, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    claim_takes_only_due_rows_up_to_the_limit, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    two_claimers_never_take_the_same_row, setup, teardown),
		cmocka_unit_test(message_id_is_read_from_the_header),
		cmocka_unit_test_setup_teardown(
		    put_then_deliver_to_a_maildir, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
