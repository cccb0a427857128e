/* Readers, rate limits, delivery claims and briefs in the SQLite store
 * (a real file per test in a fresh temporary folder). */
#include "maildir_fx.h"
#include "store_fx.h"
#include "testutil.h"

#include <stdio.h>
#include <unistd.h>

#include "mail/deliver.h"
#include "mail/digest.h"
#include "mail/follow.h"
#include "mail/outbox.h"
#include "store/store.h"
#include "util/strlist.h"
#include "util/xalloc.h"

static int
setup(void **state)
{
	struct fixture *f = sfx_open("reader");
	struct topic t1 = {0, "climate", "Climate", "climate"};
	struct topic t2 = {0, "energy", "Energy", "energy"};
	struct nd_error err;

	if (f == NULL)
		return -1;
	*state = f;
	if (store_topic_put(f->s, &t1, &err) != ND_OK ||
	    store_topic_put(f->s, &t2, &err) != ND_OK) {
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

static struct store *
fx(void **state)
{
	return ((struct fixture *)*state)->s;
}

static int64_t
add_reader(struct store *s, const char *email, const char *topic,
    int64_t confirmed)
{
	struct reader r;
	struct nd_error err;

	memset(&r, 0, sizeof(r));
	r.email = (char *)email;
	r.hour = -1;
	r.confirmed_at = confirmed;
	strlist_push(&r.topics, topic);
	if (store_reader_put(s, &r, 1000, &err) != ND_OK)
		fail_msg("%s", err.msg);
	strlist_release(&r.topics);
	return r.id;
}

static void
put_adds_topics_and_keeps_settings(void **state)
{
	struct store *s = fx(state);
	struct reader r, *got;
	struct nd_error err;
	int64_t id = add_reader(s, "ann@example.org", "climate", 0);

	memset(&r, 0, sizeof(r));
	r.email = "ann@example.org";
	r.tz = "Europe/Berlin";
	r.lang = "de";
	r.hour = 6;
	r.confirmed_at = 2000;
	strlist_push(&r.topics, "energy");
	assert_int_equal(store_reader_put(s, &r, 2000, &err), ND_OK);
	assert_int_equal(r.id, id);
	strlist_release(&r.topics);
	assert_int_equal(store_reader_get(s, "ann@example.org", &got, &err),
	    ND_OK);
	assert_string_equal(got->tz, "Europe/Berlin");
	assert_string_equal(got->lang, "de");
	assert_int_equal(got->hour, 6);
	assert_int_equal(got->confirmed_at, 2000);
	assert_int_equal(got->topics.n, 2);
	assert_string_equal(got->topics.v[0], "climate");
	assert_string_equal(got->topics.v[1], "energy");
	reader_release(got);
	free(got);
}

static void
unknown_topic_rolls_back(void **state)
{
	struct store *s = fx(state);
	struct reader r, *got;
	struct nd_error err;

	memset(&r, 0, sizeof(r));
	r.email = "bob@example.org";
	r.hour = -1;
	strlist_push(&r.topics, "nope");
	assert_int_equal(store_reader_put(s, &r, 1, &err), ND_EINVAL);
	assert_non_null(strstr(err.msg, "'nope'"));
	strlist_release(&r.topics);
	assert_int_equal(store_reader_get(s, "bob@example.org", &got, &err),
	    ND_ENOTFOUND);
	r.hour = 24;
	assert_int_equal(store_reader_put(s, &r, 1, &err), ND_EINVAL);
	r.hour = 1;
	r.email = "a\r\nBcc: x@y@example.org";
	assert_int_equal(store_reader_put(s, &r, 1, &err), ND_EINVAL);
}

static void
list_active_only_and_rm(void **state)
{
	struct store *s = fx(state);
	struct reader_list l;
	struct nd_error err;
	int64_t a = add_reader(s, "a@example.org", "climate", 5);

	add_reader(s, "b@example.org", "climate", 0);
	assert_int_equal(store_reader_list(s, 1, 0, 0, &l, &err), ND_OK);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.v[0].id, a);
	reader_list_release(&l);
	assert_int_equal(store_reader_list(s, 0, 0, 0, &l, &err), ND_OK);
	assert_int_equal(l.n, 2);
	reader_list_release(&l);
	assert_int_equal(store_reader_rm(s, a, &err), ND_OK);
	assert_int_equal(store_reader_rm(s, a, &err), ND_ENOTFOUND);
	assert_int_equal(store_reader_list(s, 1, 0, 0, &l, &err), ND_OK);
	assert_int_equal(l.n, 0);
	reader_list_release(&l);
}

static void
update_replaces_topics_and_pauses(void **state)
{
	struct store *s = fx(state);
	struct reader *got, r;
	struct nd_error err;
	int64_t id = add_reader(s, "c@example.org", "climate", 5);

	memset(&r, 0, sizeof(r));
	r.id = id;
	r.lang = "en";
	r.tz = "Asia/Kolkata";
	r.hour = 9;
	r.paused = 1;
	strlist_push(&r.topics, "energy");
	assert_int_equal(store_reader_update(s, &r, &err), ND_OK);
	strlist_release(&r.topics);
	assert_int_equal(store_reader_get_id(s, id, &got, &err), ND_OK);
	assert_int_equal(got->paused, 1);
	assert_int_equal(got->topics.n, 1);
	assert_string_equal(got->topics.v[0], "energy");
	reader_release(got);
	free(got);
	r.id = 999;
	assert_int_equal(store_reader_update(s, &r, &err), ND_ENOTFOUND);
}

static void
rate_counts_per_window(void **state)
{
	struct store *s = fx(state);
	struct nd_error err;
	int64_t n = 0;

	assert_int_equal(store_rate_hit(s, "ip:1", 3600, 3600, &n, &err),
	    ND_OK);
	assert_int_equal(n, 1);
	store_rate_hit(s, "ip:1", 3700, 3600, &n, &err);
	assert_int_equal(n, 2);
	store_rate_hit(s, "ip:2", 3700, 3600, &n, &err);
	assert_int_equal(n, 1);
	store_rate_hit(s, "ip:1", 7200, 3600, &n, &err);
	assert_int_equal(n, 1);
}

static void
claim_once_resend_stale_with_same_id(void **state)
{
	struct store *s = fx(state);
	struct delivery_claim c;
	struct delivery_mark m;
	struct nd_error err;
	struct reader *got;
	int64_t id = add_reader(s, "d@example.org", "climate", 5);

	memset(&c, 0, sizeof(c));
	c.reader_id = id;
	memcpy(c.local_date, "2026-03-29", 11);
	snprintf(c.message_id, sizeof(c.message_id), "<first@x>");
	c.window_start = 10;
	c.window_end = 20;
	assert_int_equal(store_delivery_claim(s, &c, 1, 100, 600, &err), ND_OK);
	assert_int_equal(c.result, CLAIM_NEW);
	/* a second worker at once: skipped */
	snprintf(c.message_id, sizeof(c.message_id), "<second@x>");
	c.window_end = 30;
	assert_int_equal(store_delivery_claim(s, &c, 1, 200, 600, &err), ND_OK);
	assert_int_equal(c.result, CLAIM_SKIP);
	/* after the stale time: resent with the first id and window */
	assert_int_equal(store_delivery_claim(s, &c, 1, 800, 600, &err), ND_OK);
	assert_int_equal(c.result, CLAIM_RESEND);
	assert_string_equal(c.message_id, "<first@x>");
	assert_int_equal(c.window_end, 20);
	assert_int_equal(c.attempts, 2);
	memset(&m, 0, sizeof(m));
	m.reader_id = id;
	m.local_date = "2026-03-29";
	m.status = DELIVERY_SENT;
	m.window_end = 20;
	assert_int_equal(store_delivery_mark(s, &m, 1, 3, 900, &err), ND_OK);
	assert_int_equal(store_delivery_claim(s, &c, 1, 5000, 0, &err), ND_OK);
	assert_int_equal(c.result, CLAIM_SKIP);
	assert_int_equal(store_reader_get_id(s, id, &got, &err), ND_OK);
	assert_int_equal(got->last_digest_at, 20);
	assert_string_equal(got->last_date, "2026-03-29");
	assert_string_equal(got->last_status, "sent");
	reader_release(got);
	free(got);
}

static void
retry_waits_and_failures_bounce(void **state)
{
	struct store *s = fx(state);
	struct delivery_claim c;
	struct delivery_mark m;
	struct nd_error err;
	struct reader_list l;
	int64_t id = add_reader(s, "e@example.org", "climate", 5);
	int day;

	for (day = 1; day <= 3; day++) {
		memset(&c, 0, sizeof(c));
		c.reader_id = id;
		snprintf(c.local_date, sizeof(c.local_date), "2026-01-0%d",
		    day);
		snprintf(c.message_id, sizeof(c.message_id), "<%d@x>", day);
		assert_int_equal(store_delivery_claim(s, &c, 1, 100, 600,
		    &err), ND_OK);
		assert_int_equal(c.result, CLAIM_NEW);
		memset(&m, 0, sizeof(m));
		m.reader_id = id;
		m.local_date = c.local_date;
		m.status = day == 1 ? DELIVERY_RETRY : DELIVERY_FAILED;
		m.next_attempt = 500;
		m.error = "550 no such user";
		assert_int_equal(store_delivery_mark(s, &m, 1, 2, 100, &err),
		    ND_OK);
		if (day == 1) {
			assert_int_equal(store_delivery_claim(s, &c, 1, 400,
			    600, &err), ND_OK);
			assert_int_equal(c.result, CLAIM_SKIP);
			assert_int_equal(store_delivery_claim(s, &c, 1, 500,
			    600, &err), ND_OK);
			assert_int_equal(c.result, CLAIM_RETRY);
			assert_string_equal(c.message_id, "<1@x>");
		}
	}
	/* two hard failures with max 2: bouncing, no longer active */
	assert_int_equal(store_reader_list(s, 1, 0, 0, &l, &err), ND_OK);
	assert_int_equal(l.n, 0);
	reader_list_release(&l);
}

static void
briefs_by_topic_and_window(void **state)
{
	struct store *s = fx(state);
	struct brief_list bl;
	struct nd_error err;
	struct article *a;
	enum store_put what;
	int i;

	for (i = 0; i < 3; i++) {
		char url[64];

		a = article_new();
		snprintf(url, sizeof(url), "https://example.org/%d", i);
		a->url = xstrdup(url);
		a->headline = xstrdup("Heat record");
		a->published = 1000 + i * 100;
		strlist_push(&a->topics, "climate");
		assert_int_equal(store_article_put(s, a, &what, &err), ND_OK);
		article_free(a);
	}
	assert_int_equal(store_brief_list(s, "climate", 1100, 1200, 10, &bl,
	    &err), ND_OK);
	assert_int_equal(bl.n, 1);
	assert_int_equal(bl.v[0].published, 1100);
	brief_list_release(&bl);
	assert_int_equal(store_brief_list(s, "climate", 0, 5000, 10, &bl,
	    &err), ND_OK);
	assert_int_equal(bl.n, 3);
	assert_true(bl.v[0].published > bl.v[1].published);
	brief_list_release(&bl);
	assert_int_equal(store_brief_list(s, "energy", 0, 5000, 10, &bl,
	    &err), ND_OK);
	assert_int_equal(bl.n, 0);
}

/* Regression: a reader count that is a multiple of the page size made
 * the run loop forever. */
static void
digest_pages_end_on_a_full_last_page(void **state)
{
	struct store *s = fx(state);
	struct digest_opts o;
	struct digest_stats st;
	struct nd_error err;
	char email[32];
	int i;

	for (i = 0; i < 4; i++) {
		snprintf(email, sizeof(email), "p%d@example.org", i);
		add_reader(s, email, "climate", 5);
	}
	digest_opts_init(&o);
	o.now = 1774773000;	/* 08:30 UTC: past the default hour 7 */
	o.dry_run = 1;
	o.send_empty = 1;
	o.page = 2;
	assert_int_equal(digest_run(s, NULL, &o, &st, &err), ND_OK);
	assert_int_equal(st.readers, 4);
	assert_int_equal(st.built, 4);
	assert_int_equal(st.sent, 0);
}

/* Anyone can type a confirmed reader's address into a follow box: the
 * request mails a link but changes none of the reader's settings. */
static void
follow_keeps_a_confirmed_readers_settings(void **state)
{
	struct fixture *f = *state;
	struct follow_opts o;
	struct strlist topics = STRLIST_INIT;
	struct deliver *d = NULL;
	struct reader r, *got = NULL;
	struct nd_error err;
	struct outbox_counts oc;
	struct outbox_stats st;
	char md[128], spec[160];

	snprintf(md, sizeof(md), "%s/md", f->dir);
	snprintf(spec, sizeof(spec), "maildir:%s", md);
	assert_int_equal(deliver_open(spec, NULL, &d, &err), ND_OK);
	memset(&r, 0, sizeof(r));
	r.email = "cy@example.org";
	r.lang = "de";
	r.tz = "Europe/Berlin";
	r.hour = 6;
	r.confirmed_at = 5;
	strlist_push(&r.topics, "climate");
	assert_int_equal(store_reader_put(f->s, &r, 5, &err), ND_OK);
	strlist_release(&r.topics);
	memset(&o, 0, sizeof(o));
	o.base_url = "http://127.0.0.1:1";
	o.from = "news@example.org";
	o.ip = "192.0.2.1";
	o.lang = "en";
	o.tz = "UTC";
	o.hour = 9;
	o.now = 1000;
	strlist_push(&topics, "energy");
	assert_int_equal(follow_request(f->s, &o, "cy@example.org",
	    &topics, &err), ND_OK);
	assert_int_equal(store_reader_get(f->s, "cy@example.org", &got,
	    &err), ND_OK);
	assert_string_equal(got->lang, "de");
	assert_string_equal(got->tz, "Europe/Berlin");
	assert_int_equal(got->hour, 6);
	assert_int_equal(got->topics.n, 1);	/* energy waits for the link */
	reader_release(got);
	free(got);
	/* a new address takes the request's settings */
	assert_int_equal(follow_request(f->s, &o, "dee@example.org",
	    &topics, &err), ND_OK);
	assert_int_equal(store_reader_get(f->s, "dee@example.org", &got,
	    &err), ND_OK);
	assert_string_equal(got->lang, "en");
	assert_int_equal(got->hour, 9);
	assert_int_equal(got->confirmed_at, 0);
	reader_release(got);
	free(got);
	/* both confirmations were queued, not sent; the outbox sends them */
	assert_int_equal(store_outbox_count(f->s, 1000, &oc, &err), ND_OK);
	assert_int_equal(oc.due, 2);
	memset(&st, 0, sizeof(st));
	assert_int_equal(outbox_deliver(f->s, d, 1000, &st, &err), ND_OK);
	assert_int_equal(st.sent, 2);
	strlist_release(&topics);
	deliver_close(d);
	mfx_maildir_rm(md);
}

#define FX(t) cmocka_unit_test_setup_teardown(t, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		FX(put_adds_topics_and_keeps_settings),
		FX(unknown_topic_rolls_back),
		FX(list_active_only_and_rm),
		FX(update_replaces_topics_and_pauses),
		FX(rate_counts_per_window),
		FX(claim_once_resend_stale_with_same_id),
		FX(retry_waits_and_failures_bounce),
		FX(briefs_by_topic_and_window),
		FX(digest_pages_end_on_a_full_last_page),
		FX(follow_keeps_a_confirmed_readers_settings),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
