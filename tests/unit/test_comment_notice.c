/* comment_notice: who gets a reply mail (only an opted-in parent author
 * who is not the replier, only for an approved reply) and the one-click
 * opt-out, on a real store and a real Maildir. */
#include "testutil.h"

#include <dirent.h>
#include <string.h>

#include "comment_fx.h"
#include "mail/comment_notice.h"
#include "mail/outbox.h"
#include "util/fileio.h"
#include "util/token.h"

#define NOW	1800000000

static unsigned char key[STORE_SECRET_BYTES];

/* Add a comment in language lang (NULL: not known) and return its id. */
static int64_t
cn_add_lang(struct cfx *f, int64_t parent, const char *email, int notify,
    enum comment_status st, const char *lang)
{
	struct comment c;
	struct nd_error err;

	memset(&c, 0, sizeof(c));
	c.article_id = f->a1;
	c.parent_id = parent;
	c.name = (char *)"Ann <b>";
	c.email = (char *)email;
	c.body = (char *)"A reply with <markup> in it";
	c.status = st;
	c.created = NOW;
	c.notify_replies = notify;
	c.lang = (char *)lang;
	if (store_comment_add(f->s, &c, &err) != ND_OK)
		fail_msg("%s", err.msg);
	return c.id;
}

static int64_t
cn_add(struct cfx *f, int64_t parent, const char *email, int notify,
    enum comment_status st)
{
	return cn_add_lang(f, parent, email, notify, st, "en");
}

/* The Maildir's "new" folder, emptied; the number of files it held. */
static int
cn_drain(const struct cfx *f, const char *want)
{
	char d[160], p[512];
	struct dirent *e;
	DIR *dir;
	int n = 0;

	snprintf(d, sizeof(d), "%s/mail/new", f->dir);
	if ((dir = opendir(d)) == NULL)
		return 0;
	while ((e = readdir(dir)) != NULL) {
		struct buf b = BUF_INIT;
		struct nd_error err;

		if (e->d_name[0] == '.')
			continue;
		snprintf(p, sizeof(p), "%s/%s", d, e->d_name);
		if (want && (fileio_read(p, 1 << 20, &b, &err) != ND_OK ||
		    strstr(b.ptr, want) == NULL))
			fail_msg("%s lacks '%s'", p, want);
		buf_release(&b);
		unlink(p);
		n++;
	}
	closedir(dir);
	return n;
}

/* Deliver the outbox (where the notices are queued) into the test's
 * Maildir. */
static void
cn_flush(struct cfx *f)
{
	struct outbox_stats st;
	struct deliver *d = NULL;
	struct nd_error err;
	char spec[128];

	snprintf(spec, sizeof(spec), "maildir:%s/mail", f->dir);
	memset(&st, 0, sizeof(st));
	assert_int_equal(deliver_open(spec, NULL, &d, &err), ND_OK);
	assert_int_equal(outbox_deliver(f->s, d, NOW, &st, &err), ND_OK);
	assert_int_equal(st.retry + st.failed, 0);
	deliver_close(d);
}

/* A notice context on the test's store; site_lang is the default for
 * comments stored without a language. Mails are queued: cn_flush(). */
static void
cn_ctx(struct cfx *f, struct comment_notice_ctx *cx, const char *site_lang)
{
	memset(cx, 0, sizeof(*cx));
	cx->store = f->s;
	cx->key = key;
	cx->from = "desk@example.net";
	cx->base = "https://news.example";
	cx->lang = site_lang;
	cx->now = NOW;
}

/* Send for reply id with the site default site_lang; returns *sent. */
static int
cn_reply_lang(struct cfx *f, int64_t id, const char *site_lang)
{
	struct comment_notice_ctx cx;
	struct nd_error err;
	int sent = -1;

	cn_ctx(f, &cx, site_lang);
	assert_int_equal(comment_notice_reply(&cx, id, &sent, &err), ND_OK);
	cn_flush(f);
	return sent;
}

/* Send for reply id; returns *sent. */
static int
cn_reply(struct cfx *f, int64_t id)
{
	return cn_reply_lang(f, id, "en");
}

static void
cn_cleanup(struct cfx *f)
{
	static const char *const sub[] = {"new", "cur", "tmp", ""};
	char p[160];
	size_t i;

	cn_drain(f, NULL);
	for (i = 0; i < 4; i++) {
		snprintf(p, sizeof(p), "%s/mail/%s", f->dir, sub[i]);
		rmdir(p);
	}
}

static void
reply_mails_the_opted_in_parent(void **state)
{
	struct cfx *f = *state;
	int64_t p = cn_add(f, 0, "ann@example.org", 1, COMMENT_APPROVED);
	int64_t r = cn_add(f, p, "bob@example.org", 0, COMMENT_APPROVED);

	assert_int_equal(cn_reply(f, r), 1);
	assert_int_equal(cn_drain(f, "List-Unsubscribe-Post: "
	    "List-Unsubscribe=One-Click"), 1);
	cn_cleanup(f);
}

static void
reply_mails_nobody_else(void **state)
{
	struct cfx *f = *state;
	int64_t p = cn_add(f, 0, "ann@example.org", 1, COMMENT_APPROVED);
	int64_t q = cn_add(f, 0, "cat@example.org", 0, COMMENT_APPROVED);

	/* the replier is the parent's author */
	assert_int_equal(cn_reply(f, cn_add(f, p, "ann@example.org", 0,
	    COMMENT_APPROVED)), 0);
	/* the parent did not opt in */
	assert_int_equal(cn_reply(f, cn_add(f, q, "bob@example.org", 0,
	    COMMENT_APPROVED)), 0);
	/* the reply is not visible */
	assert_int_equal(cn_reply(f, cn_add(f, p, "bob@example.org", 0,
	    COMMENT_PENDING)), 0);
	/* not a reply */
	assert_int_equal(cn_reply(f, p), 0);
	assert_int_equal(cn_drain(f, NULL), 0);
	cn_cleanup(f);
}

/* The reply mail is in the language the parent's author wrote in, not
 * in the site default nor the replier's; an author whose language is
 * not stored (older rows) gets the site default. */
static void
reply_mail_in_the_parent_authors_language(void **state)
{
	struct cfx *f = *state;
	int64_t de = cn_add_lang(f, 0, "erika@example.org", 1,
	    COMMENT_APPROVED, "de");
	int64_t en = cn_add_lang(f, 0, "ann@example.org", 1,
	    COMMENT_APPROVED, "en");
	int64_t old = cn_add_lang(f, 0, "otto@example.org", 1,
	    COMMENT_APPROVED, NULL);

	assert_int_equal(cn_reply_lang(f, cn_add_lang(f, de,
	    "bob@example.org", 0, COMMENT_APPROVED, "en"), "en"), 1);
	assert_int_equal(cn_drain(f, "Subject: Neue Antwort auf deinen "
	    "Kommentar"), 1);
	assert_int_equal(cn_reply_lang(f, cn_add_lang(f, en,
	    "karl@example.org", 0, COMMENT_APPROVED, "de"), "de"), 1);
	assert_int_equal(cn_drain(f, "Subject: New reply to your comment"),
	    1);
	assert_int_equal(cn_reply_lang(f, cn_add_lang(f, old,
	    "bob@example.org", 0, COMMENT_APPROVED, "en"), "de"), 1);
	assert_int_equal(cn_drain(f, "Subject: Neue Antwort auf deinen "
	    "Kommentar"), 1);
	assert_int_equal(cn_reply_lang(f, cn_add_lang(f, old,
	    "karl@example.org", 0, COMMENT_APPROVED, "de"), NULL), 1);
	assert_int_equal(cn_drain(f, "Subject: New reply to your comment"),
	    1);
	cn_cleanup(f);
}

/* The edit-link mail follows the author's stored language too. */
static void
edit_mail_in_the_authors_language(void **state)
{
	struct cfx *f = *state;
	struct comment_notice_ctx cx;
	struct nd_error err;
	int64_t de = cn_add_lang(f, 0, "erika@example.org", 0,
	    COMMENT_APPROVED, "de");
	int64_t en = cn_add_lang(f, 0, "ann@example.org", 0,
	    COMMENT_APPROVED, "en");

	cn_ctx(f, &cx, "en");
	assert_int_equal(comment_notice_edit(&cx, de, "tok", &err), ND_OK);
	cn_flush(f);
	assert_int_equal(cn_drain(f, "Bearbeiten oder l"), 1);
	cn_ctx(f, &cx, "de");
	assert_int_equal(comment_notice_edit(&cx, en, "tok", &err), ND_OK);
	cn_flush(f);
	assert_int_equal(cn_drain(f, "Subject: Edit or delete your comment"),
	    1);
	cn_cleanup(f);
}

static void
optout_turns_the_address_off(void **state)
{
	struct cfx *f = *state;
	int64_t p = cn_add(f, 0, "ann@example.org", 1, COMMENT_APPROVED);
	int64_t p2 = cn_add(f, 0, "ann@example.org", 1, COMMENT_APPROVED);
	struct comment *c = NULL;
	struct nd_error err;
	char data[24], *tok, *bad;

	snprintf(data, sizeof(data), "%lld", (long long)p);
	tok = token_sign(key, COMMENT_NOTICE_PURPOSE, data, 0);
	bad = token_sign(key, "comment-edit", data, 0);
	assert_int_equal(comment_notice_optout(f->s, key, bad, NOW, &err),
	    ND_EINVAL);
	assert_int_equal(store_comment_get(f->s, p2, &c, &err), ND_OK);
	assert_int_equal(c->notify_replies, 1);
	comment_free(c);
	assert_int_equal(comment_notice_optout(f->s, key, tok, NOW, &err),
	    ND_OK);
	assert_int_equal(store_comment_get(f->s, p2, &c, &err), ND_OK);
	assert_int_equal(c->notify_replies, 0);
	comment_free(c);
	assert_int_equal(cn_reply(f, cn_add(f, p2, "bob@example.org", 0,
	    COMMENT_APPROVED)), 0);
	cn_cleanup(f);
	free(tok);
	free(bad);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
		    reply_mails_the_opted_in_parent, cfx_setup, cfx_teardown),
		cmocka_unit_test_setup_teardown(reply_mails_nobody_else,
		    cfx_setup, cfx_teardown),
		cmocka_unit_test_setup_teardown(
		    reply_mail_in_the_parent_authors_language, cfx_setup,
		    cfx_teardown),
		cmocka_unit_test_setup_teardown(
		    edit_mail_in_the_authors_language, cfx_setup,
		    cfx_teardown),
		cmocka_unit_test_setup_teardown(optout_turns_the_address_off,
		    cfx_setup, cfx_teardown),
	};

	(void)cfx_count;	/* comment_fx.h: not needed here */
	memset(key, 7, sizeof(key));
	return cmocka_run_group_tests(tests, NULL, NULL);
}
