/* The comments module: validation, spam defence, moderation, privacy,
 * threads and link spans, through comments_submit() on a real store. */
#include "testutil.h"

#include "comment_fx.h"
#include "comments/comments.h"
#include "store/sqlite_stmt.h"	/* the race test's hook on the connection */

#define NOW	1800000000

static unsigned char key[STORE_SECRET_BYTES];

/* A form that passes every check (token issued a minute ago). */
struct post {
	struct comment_form f;
	char *tok;
};

static void
post_init(struct post *p, int64_t article, const char *name,
    const char *email, const char *body)
{
	memset(p, 0, sizeof(*p));
	p->f.article_id = article;
	p->f.field[COMMENTS_F_NAME].p = name;
	p->f.field[COMMENTS_F_NAME].n = name ? strlen(name) : 0;
	p->f.field[COMMENTS_F_EMAIL].p = email;
	p->f.field[COMMENTS_F_EMAIL].n = email ? strlen(email) : 0;
	p->f.field[COMMENTS_F_BODY].p = body;
	p->f.field[COMMENTS_F_BODY].n = body ? strlen(body) : 0;
	p->tok = comments_form_token(key, article, NOW - 60, 86400);
	p->f.form_token = p->tok;
	p->f.ip = "192.0.2.7";
}

static void
set_field(struct post *p, enum comments_field f, const char *s, size_t n)
{
	p->f.field[f].p = s;
	p->f.field[f].n = n;
}

static enum comments_verdict
submit_at(struct store *s, struct post *p, const struct comments_policy *pol,
    int64_t now, struct comment_result *r)
{
	struct nd_error err;

	if (comments_submit(s, key, &p->f, pol, now, r, &err) != ND_OK)
		fail_msg("%s", err.msg);
	free(p->tok);
	p->tok = NULL;
	return r->verdict;
}

static enum comments_verdict
submit(struct store *s, struct post *p, struct comment_result *r)
{
	struct comments_policy pol;

	comments_policy_default(&pol);
	return submit_at(s, p, &pol, NOW, r);
}

static int
setup(void **state)
{
	struct cfx *f;
	struct nd_error err;

	if (cfx_setup(state) != 0)
		return -1;
	f = *state;
	return store_secret(f->s, key, &err) == ND_OK ? 0 : -1;
}

/* 1 if needle[0..m) occurs in p[0..n). */
static int
has_bytes(const char *p, size_t n, const char *needle, size_t m)
{
	size_t i;

	for (i = 0; i + m <= n; i++)
		if (memcmp(p + i, needle, m) == 0)
			return 1;
	return 0;
}

/* ---- validation ---- */

static void
missing_fields_are_named(void **state)
{
	struct cfx *f = *state;
	struct comment_result r;
	struct post p;

	post_init(&p, f->a1, "", "  ", NULL);
	assert_int_equal(submit(f->s, &p, &r), COMMENTS_INVALID);
	assert_int_equal(r.field[COMMENTS_F_NAME], COMMENTS_MSG_REQUIRED);
	assert_int_equal(r.field[COMMENTS_F_EMAIL], COMMENTS_MSG_REQUIRED);
	assert_int_equal(r.field[COMMENTS_F_BODY], COMMENTS_MSG_REQUIRED);
	assert_int_equal(r.field[COMMENTS_F_WEBSITE], COMMENTS_MSG_NONE);
	assert_int_equal(r.id, 0);
	assert_string_equal(comments_msg(r.field[COMMENTS_F_NAME], "de"),
	    "Dieses Feld ist erforderlich.");
	assert_int_equal(cfx_count(f->s, f->a1), 7);	/* nothing stored */
}

static void
overlong_fields_are_refused_at_the_limit(void **state)
{
	struct cfx *f = *state;
	struct comment_result r;
	struct post p;
	char name[2 * COMMENTS_NAME_MAX + 3], body[COMMENTS_BODY_MAX + 2];
	size_t i;

	/* 100 two-byte characters are fine, 101 are not */
	for (i = 0; i < COMMENTS_NAME_MAX; i++)
		memcpy(name + 2 * i, "\xc3\xa4", 2);
	name[2 * COMMENTS_NAME_MAX] = '\0';
	memset(body, 'x', COMMENTS_BODY_MAX + 1);
	body[COMMENTS_BODY_MAX + 1] = '\0';
	post_init(&p, f->a1, name, "a@example.org", body);
	assert_int_equal(submit(f->s, &p, &r), COMMENTS_INVALID);
	assert_int_equal(r.field[COMMENTS_F_NAME], COMMENTS_MSG_NONE);
	assert_int_equal(r.field[COMMENTS_F_BODY], COMMENTS_MSG_TOO_LONG);
	memcpy(name + 2 * COMMENTS_NAME_MAX, "\xc3\xa4", 3);
	post_init(&p, f->a1, name, "a@example.org", "ok");
	assert_int_equal(submit(f->s, &p, &r), COMMENTS_INVALID);
	assert_int_equal(r.field[COMMENTS_F_NAME], COMMENTS_MSG_TOO_LONG);
	assert_int_equal(comments_field_max(COMMENTS_F_NAME), 100);
}

static void
invalid_utf8_and_controls_are_refused(void **state)
{
	struct cfx *f = *state;
	struct comment_result r;
	struct post p;

	post_init(&p, f->a1, "Ann\xff", "a@example.org", "bad \xc3\x28 byte");
	set_field(&p, COMMENTS_F_WEBSITE, "https://x.org/\x01", 15);
	assert_int_equal(submit(f->s, &p, &r), COMMENTS_INVALID);
	assert_int_equal(r.field[COMMENTS_F_NAME], COMMENTS_MSG_BAD_UTF8);
	assert_int_equal(r.field[COMMENTS_F_BODY], COMMENTS_MSG_BAD_UTF8);
	assert_int_equal(r.field[COMMENTS_F_WEBSITE], COMMENTS_MSG_CONTROL);
	post_init(&p, f->a1, "A\x07nn", "a@example.org", "nul\0inside");
	p.f.field[COMMENTS_F_BODY].n = 10;
	assert_int_equal(submit(f->s, &p, &r), COMMENTS_INVALID);
	assert_int_equal(r.field[COMMENTS_F_NAME], COMMENTS_MSG_CONTROL);
	assert_int_equal(r.field[COMMENTS_F_BODY], COMMENTS_MSG_CONTROL);
	/* a right-to-left override would disguise a name */
	post_init(&p, f->a1, "Ann\xe2\x80\xae", "a@example.org", "hi");
	assert_int_equal(submit(f->s, &p, &r), COMMENTS_INVALID);
	assert_int_equal(r.field[COMMENTS_F_NAME], COMMENTS_MSG_CONTROL);
}

static void
line_breaks_in_name_and_email_are_refused(void **state)
{
	struct cfx *f = *state;
	struct comment_result r;
	struct post p;

	post_init(&p, f->a1, "Ann\r\nBcc: x@y.org",
	    "a@example.org\r\nBcc: victim@example.org", "hi");
	assert_int_equal(submit(f->s, &p, &r), COMMENTS_INVALID);
	assert_int_equal(r.field[COMMENTS_F_NAME], COMMENTS_MSG_LINE_BREAK);
	assert_int_equal(r.field[COMMENTS_F_EMAIL], COMMENTS_MSG_LINE_BREAK);
	assert_int_equal(r.field[COMMENTS_F_BODY], COMMENTS_MSG_NONE);
}

static void
markup_is_stored_as_typed(void **state)
{
	struct cfx *f = *state;
	static const char body[] = "<script>alert(1)</script>\r\n"
	    "<b onclick=\"x()\">bold</b> & 'quotes'";
	struct comment_result r;
	struct comment *c;
	struct nd_error err;
	struct post p;

	post_init(&p, f->a1, "<i>Ann</i>", " Ann@Example.ORG ", body);
	set_field(&p, COMMENTS_F_WEBSITE, "https://example.org/?a=1&b=<2", 29);
	assert_int_equal(submit(f->s, &p, &r), COMMENTS_INVALID);
	assert_int_equal(r.field[COMMENTS_F_WEBSITE],
	    COMMENTS_MSG_BAD_WEBSITE);
	post_init(&p, f->a1, "<i>Ann</i>", " Ann@Example.ORG ", body);
	set_field(&p, COMMENTS_F_WEBSITE, "https://example.org/?a=1&b=2", 28);
	assert_int_equal(submit(f->s, &p, &r), COMMENTS_PENDING);
	assert_int_equal(store_comment_get(f->s, r.id, &c, &err), ND_OK);
	assert_string_equal(c->name, "<i>Ann</i>");
	assert_string_equal(c->body, "<script>alert(1)</script>\n"
	    "<b onclick=\"x()\">bold</b> & 'quotes'");
	assert_string_equal(c->email, "ann@example.org");
	assert_string_equal(c->website, "https://example.org/?a=1&b=2");
	comment_free(c);
	comments_result_release(&r);
}

static void
email_syntax(void **state)
{
	static const char *const good[] = {"a@example.org",
	    "first.last+tag@sub.example.co.uk", "o'neil@example.ie",
	    "jörg@müller.de", NULL};
	static const char *const bad[] = {"plain", "@example.org", "a@",
	    "a@localhost", "a..b@example.org", ".a@example.org",
	    "a@-example.org", "a@example..org", "a b@example.org",
	    "a@b@example.org", "a@example.123", "\"q\"@example.org", NULL};
	char local[70];
	size_t i;

	(void)state;
	for (i = 0; good[i]; i++)
		assert_true(comments_email_ok(good[i], strlen(good[i])));
	for (i = 0; bad[i]; i++)
		if (comments_email_ok(bad[i], strlen(bad[i])))
			fail_msg("accepted '%s'", bad[i]);
	memset(local, 'a', 65);
	memcpy(local + 65, "@x.io", 5);
	assert_false(comments_email_ok(local, 70));	/* local part > 64 */
	assert_true(comments_email_ok(local + 1, 69));
}

static void
website_must_be_http(void **state)
{
	struct cfx *f = *state;
	static const char *const bad[] = {"javascript:alert(1)",
	    "ftp://x.org", "http://", "https:///path", "x.org",
	    "http://a b.org", NULL};
	struct comment_result r;
	struct post p;
	char longurl[COMMENTS_WEBSITE_MAX + 2];
	size_t i;

	for (i = 0; bad[i]; i++) {
		post_init(&p, f->a1, "Ann", "a@example.org", "hi");
		set_field(&p, COMMENTS_F_WEBSITE, bad[i], strlen(bad[i]));
		assert_int_equal(submit(f->s, &p, &r), COMMENTS_INVALID);
		assert_int_equal(r.field[COMMENTS_F_WEBSITE],
		    COMMENTS_MSG_BAD_WEBSITE);
	}
	memcpy(longurl, "http://", 7);
	memset(longurl + 7, 'a', sizeof(longurl) - 8);
	post_init(&p, f->a1, "Ann", "a@example.org", "hi");
	set_field(&p, COMMENTS_F_WEBSITE, longurl, sizeof(longurl) - 1);
	assert_int_equal(submit(f->s, &p, &r), COMMENTS_INVALID);
	assert_int_equal(r.field[COMMENTS_F_WEBSITE], COMMENTS_MSG_TOO_LONG);
}

static void
messages_in_english_and_german(void **state)
{
	int m;

	(void)state;
	assert_string_equal(comments_msg(COMMENTS_MSG_FORM_TITLE, "de"),
	    "Schreibe einen Kommentar");
	assert_string_equal(comments_msg(COMMENTS_MSG_EMAIL_NOTE, "de-AT"),
	    "Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche "
	    "Felder sind mit * markiert");
	assert_string_equal(comments_msg(COMMENTS_MSG_EMAIL_NOTE, "en"),
	    "Your email address will not be published. Required fields are "
	    "marked *");
	assert_string_equal(comments_msg(COMMENTS_MSG_FORM_TITLE, NULL),
	    "Leave a comment");
	assert_string_equal(comments_msg(COMMENTS_MSG_FORM_TITLE, "fr"),
	    "Leave a comment");
	for (m = 1; m < COMMENTS_MSG_MAX; m++) {
		assert_true(*comments_msg((enum comments_msg)m, "en"));
		assert_true(*comments_msg((enum comments_msg)m, "de"));
	}
}

/* ---- spam and abuse ---- */

static const char *
stored_reason(struct store *s, int64_t id)
{
	static char reason[64];
	struct comment *c;
	struct nd_error err;

	if (store_comment_get(s, id, &c, &err) != ND_OK)
		fail_msg("%s", err.msg);
	assert_int_equal(c->status, COMMENT_SPAM);
	snprintf(reason, sizeof(reason), "%s", c->spam_reason);
	comment_free(c);
	return reason;
}

static void
honeypot_goes_to_the_spam_queue(void **state)
{
	struct cfx *f = *state;
	struct comment_result r;
	struct post p;

	post_init(&p, f->a1, "Bot", "bot@example.org", "hello");
	p.f.honeypot.p = "http://spam";
	p.f.honeypot.n = 11;
	assert_int_equal(submit(f->s, &p, &r), COMMENTS_SPAM);
	assert_true(r.id > 0);
	assert_int_equal(r.msg, COMMENTS_MSG_SPAM);
	assert_null(r.edit_token);
	assert_string_equal(stored_reason(f->s, r.id), "honeypot filled");
}

static void
form_token_dates_the_post(void **state)
{
	struct cfx *f = *state;
	struct comment_result r;
	struct post p;

	post_init(&p, f->a1, "Ann", "a@example.org", "fast");
	free(p.tok);
	p.f.form_token = p.tok = comments_form_token(key, f->a1, NOW - 1,
	    86400);
	assert_int_equal(submit(f->s, &p, &r), COMMENTS_SPAM);
	assert_string_equal(stored_reason(f->s, r.id),
	    "form filled in too fast");
	post_init(&p, f->a1, "Ann", "b@example.org", "no token");
	p.f.form_token = NULL;
	assert_int_equal(submit(f->s, &p, &r), COMMENTS_SPAM);
	assert_string_equal(stored_reason(f->s, r.id), "form token missing");
	/* a token for another article is forged for this one */
	post_init(&p, f->a1, "Ann", "c@example.org", "other article");
	free(p.tok);
	p.f.form_token = p.tok = comments_form_token(key, f->a2, NOW - 60,
	    86400);
	assert_int_equal(submit(f->s, &p, &r), COMMENTS_SPAM);
	assert_string_equal(stored_reason(f->s, r.id), "form token invalid");
	/* an expired form is not spam: the reader is asked to resend */
	post_init(&p, f->a1, "Ann", "d@example.org", "left open");
	free(p.tok);
	p.f.form_token = p.tok = comments_form_token(key, f->a1,
	    NOW - 90000, 86400);
	assert_int_equal(submit(f->s, &p, &r), COMMENTS_INVALID);
	assert_int_equal(r.msg, COMMENTS_MSG_FORM_EXPIRED);
	assert_int_equal(r.id, 0);
}

static void
too_many_links_is_spam(void **state)
{
	struct cfx *f = *state;
	struct comment_result r;
	struct post p;

	post_init(&p, f->a1, "Ann", "a@example.org",
	    "see https://a.example and www.b.example");
	assert_int_equal(submit(f->s, &p, &r), COMMENTS_PENDING);
	comments_result_release(&r);
	post_init(&p, f->a1, "Ann", "a@example.org",
	    "https://a.example http://b.example www.c.example");
	assert_int_equal(submit(f->s, &p, &r), COMMENTS_SPAM);
	assert_string_equal(stored_reason(f->s, r.id), "too many links");
	assert_int_equal(comments_count_links("<a href=x>1</a> [url=y]2 "
	    "https://z.example", 41), 3);
}

static void
blocklist_ignores_case_and_accents(void **state)
{
	struct cfx *f = *state;
	struct comment_result r;
	struct nd_error err;
	struct post p;

	assert_int_equal(store_comment_block_add(f->s, COMMENT_BLOCK_WORD,
	    "cheap pills", &err), ND_OK);
	assert_int_equal(store_comment_block_add(f->s, COMMENT_BLOCK_ADDRESS,
	    "@spam.example", &err), ND_OK);
	assert_int_equal(store_comment_block_add(f->s, COMMENT_BLOCK_ADDRESS,
	    "troll@example.org", &err), ND_OK);
	post_init(&p, f->a1, "Ann", "a@example.org", "Buy CHEAP Pïlls now!");
	assert_int_equal(submit(f->s, &p, &r), COMMENTS_SPAM);
	assert_string_equal(stored_reason(f->s, r.id), "blocked word");
	/* only whole words: "pillsbury" does not match "pills" */
	post_init(&p, f->a1, "Ann", "b@example.org", "cheap pillsbury dough");
	assert_int_equal(submit(f->s, &p, &r), COMMENTS_PENDING);
	comments_result_release(&r);
	post_init(&p, f->a1, "Ann", "Someone@SPAM.example", "hello");
	assert_int_equal(submit(f->s, &p, &r), COMMENTS_SPAM);
	assert_string_equal(stored_reason(f->s, r.id), "blocked address");
	post_init(&p, f->a1, "Ann", "TROLL@example.org", "hello");
	assert_int_equal(submit(f->s, &p, &r), COMMENTS_SPAM);
}

static void
fold_words(void **state)
{
	static const char t[] = "Straße, ÉTÉ!  ﬁne";
	struct buf b = BUF_INIT;

	(void)state;
	assert_int_equal(comments_fold(t, strlen(t), &b), ND_OK);
	assert_string_equal(b.ptr, " strasse ete fine ");
	buf_release(&b);
}

static void
flood_from_one_ip_is_refused(void **state)
{
	struct cfx *f = *state;
	struct comments_policy pol;
	struct comment_result r;
	struct post p;
	char email[32];
	int i;

	comments_policy_default(&pol);
	for (i = 0; i < 5; i++) {
		snprintf(email, sizeof(email), "u%d@example.org", i);
		post_init(&p, f->a1, "Ann", email, "hello");
		assert_int_equal(submit_at(f->s, &p, &pol, NOW + i, &r),
		    COMMENTS_PENDING);
		comments_result_release(&r);
	}
	post_init(&p, f->a1, "Ann", "u9@example.org", "hello");
	assert_int_equal(submit_at(f->s, &p, &pol, NOW + 10, &r),
	    COMMENTS_REFUSED);
	assert_int_equal(r.msg, COMMENTS_MSG_RATE);
	assert_int_equal(r.id, 0);
	/* another address on another IP is not held back */
	post_init(&p, f->a1, "Bob", "bob@example.org", "hello");
	p.f.ip = "198.51.100.1";
	assert_int_equal(submit_at(f->s, &p, &pol, NOW + 10, &r),
	    COMMENTS_PENDING);
	comments_result_release(&r);
	/* after the window the first IP may post again */
	post_init(&p, f->a1, "Ann", "u9@example.org", "hello");
	assert_int_equal(submit_at(f->s, &p, &pol,
	    NOW + COMMENTS_RATE_WINDOW + 5, &r), COMMENTS_PENDING);
	comments_result_release(&r);
}

static void
flood_from_one_address_is_refused(void **state)
{
	struct cfx *f = *state;
	struct comments_policy pol;
	struct comment_result r;
	struct post p;
	char ip[32];
	int i;

	comments_policy_default(&pol);
	pol.rate_per_email = 2;
	for (i = 0; i < 3; i++) {
		snprintf(ip, sizeof(ip), "203.0.113.%d", i);
		post_init(&p, f->a1, "Ann", "same@example.org", "hello");
		p.f.ip = ip;
		submit_at(f->s, &p, &pol, NOW + i, &r);
		comments_result_release(&r);
	}
	assert_int_equal(r.verdict, COMMENTS_REFUSED);
}

/* ---- the rate limit with two posts at once ----
 *
 * Post A runs on one connection; the moment that connection reads the
 * comments table for its checks (a progress handler, so no timing is
 * involved), post B from the same address runs to its end on a second
 * connection to the same file. If the count and the insert were not
 * one write transaction, B would be stored in between and A, counting
 * from its snapshot, would be stored too: one over the limit. */
struct race {
	sqlite3 *db;			/* A's connection */
	struct store *other;		/* B's */
	const struct comments_policy *pol;
	const char *ip, *email;		/* B's */
	int fired;
	enum nd_err e;			/* B's outcome */
	enum comments_verdict verdict;
};

/* 1 while db runs a read of the comments table with a snapshot. */
static int
race_reading_comments(sqlite3 *db)
{
	sqlite3_stmt *st;
	const char *sql;

	if (sqlite3_txn_state(db, "main") < SQLITE_TXN_READ)
		return 0;
	for (st = sqlite3_next_stmt(db, NULL); st != NULL;
	    st = sqlite3_next_stmt(db, st)) {
		sql = sqlite3_sql(st);
		if (sqlite3_stmt_busy(st) && sqlite3_stmt_readonly(st) &&
		    sql != NULL && strncmp(sql, "SELECT", 6) == 0 &&
		    strstr(sql, "FROM comments ") != NULL)
			return 1;
	}
	return 0;
}

static int
race_progress(void *arg)
{
	struct race *r = arg;
	struct comment_result res;
	struct nd_error err;
	struct post p;

	if (r->fired || !race_reading_comments(r->db))
		return 0;
	r->fired = 1;
	post_init(&p, 1, "Bea", r->email, "second at once");
	p.f.ip = r->ip;
	r->e = comments_submit(r->other, key, &p.f, r->pol, NOW + 2, &res,
	    &err);
	r->verdict = res.verdict;
	comments_result_release(&res);
	free(p.tok);
	return 0;
}

/* Comments stored (all come from the race). */
static int64_t
race_stored(struct store *s)
{
	struct comment_list l = COMMENT_LIST_INIT;
	struct comment_query q = {-1, 0, NULL, 0, 0};
	struct nd_error err;
	int64_t n;

	if (store_comment_list(s, &q, &l, &err) != ND_OK)
		fail_msg("%s", err.msg);
	n = (int64_t)l.n;
	comment_list_release(&l);
	return n;
}

/* One comment is stored; then A and B at once, where only one more
 * may pass the limit of 2: by address (ip_a, ip_b and the first
 * differ; B's email is A's) or by IP (all the same IP; B's email is
 * another). */
static void
race_at_the_limit(struct cfx *f, const char *ip_a, const char *ip_b,
    const char *email_b)
{
	struct comments_policy pol;
	struct comment_result r;
	struct race race;
	struct store *other;
	struct nd_error err;
	struct post p;

	comments_policy_default(&pol);
	pol.rate_per_email = 2;
	pol.rate_per_ip = 2;
	post_init(&p, f->a1, "Ann", "race@example.org", "first");
	p.f.ip = "192.0.2.50";
	assert_int_equal(submit_at(f->s, &p, &pol, NOW, &r), COMMENTS_PENDING);
	comments_result_release(&r);
	assert_int_equal(store_open(f->dsn, &other, &err), ND_OK);
	memset(&race, 0, sizeof(race));
	race.db = ((struct sqlite_conn *)f->s->priv)->db;
	race.other = other;
	race.pol = &pol;
	race.ip = ip_b;
	race.email = email_b;
	/* B does not wait for A's lock (it would only wait, not pass) */
	sqlite3_busy_timeout(((struct sqlite_conn *)other->priv)->db, 0);
	sqlite3_progress_handler(race.db, 1, race_progress, &race);
	post_init(&p, f->a1, "Ann", "race@example.org", "second");
	p.f.ip = ip_a;
	submit_at(f->s, &p, &pol, NOW + 1, &r);
	sqlite3_progress_handler(race.db, 0, NULL, NULL);
	comments_result_release(&r);
	assert_int_equal(race.fired, 1);
	/* never over the limit: A counted first and was stored, B found
	 * the store locked */
	assert_int_equal(race_stored(f->s), 2);
	assert_int_equal(r.verdict, COMMENTS_PENDING);
	assert_true(race.e != ND_OK || race.verdict == COMMENTS_REFUSED);
	/* B again, now that A is done: refused, never stored */
	post_init(&p, f->a1, "Bea", email_b, "second at once");
	p.f.ip = ip_b;
	assert_int_equal(submit_at(other, &p, &pol, NOW + 2, &r),
	    COMMENTS_REFUSED);
	assert_int_equal(r.msg, COMMENTS_MSG_RATE);
	assert_int_equal(race_stored(f->s), 2);
	store_close(other);
}

static void
rate_limit_by_address_holds_for_posts_at_once(void **state)
{
	struct cfx *f = *state;

	race_at_the_limit(f, "192.0.2.51", "192.0.2.52", "race@example.org");
}

static void
rate_limit_by_ip_holds_for_posts_at_once(void **state)
{
	struct cfx *f = *state;

	race_at_the_limit(f, "192.0.2.50", "192.0.2.50", "bea@example.org");
}

static void
oversized_form_is_refused(void **state)
{
	struct cfx *f = *state;
	struct comment_result r;
	struct post p;
	char *big = xmalloc(COMMENTS_FORM_MAX + 1);

	memset(big, 'x', COMMENTS_FORM_MAX + 1);
	post_init(&p, f->a1, "Ann", "a@example.org", "hi");
	p.f.honeypot.p = big;
	p.f.honeypot.n = COMMENTS_FORM_MAX + 1;
	assert_int_equal(submit(f->s, &p, &r), COMMENTS_REFUSED);
	assert_int_equal(r.msg, COMMENTS_MSG_TOO_LARGE);
	free(big);
}

/* ---- moderation ---- */

static enum comments_verdict
post_as(struct cfx *f, const struct comments_policy *pol, const char *email,
    int64_t *id)
{
	struct comment_result r;
	struct post p;

	post_init(&p, f->a1, "Ann", email, "a comment");
	p.f.ip = NULL;
	submit_at(f->s, &p, pol, NOW, &r);
	*id = r.id;
	comments_result_release(&r);
	return r.verdict;
}

static void
moderation_first_then_trusted(void **state)
{
	struct cfx *f = *state;
	struct comments_policy pol;
	struct nd_error err;
	int64_t id, id2;

	comments_policy_default(&pol);
	assert_int_equal(pol.moderation, COMMENTS_MODERATE_FIRST);
	assert_int_equal(post_as(f, &pol, "new@example.org", &id),
	    COMMENTS_PENDING);
	assert_int_equal(post_as(f, &pol, "new@example.org", &id2),
	    COMMENTS_PENDING);
	assert_int_equal(cfx_count(f->s, f->a1), 0);
	assert_int_equal(comments_approve(f->s, id, &err), ND_OK);
	assert_int_equal(cfx_count(f->s, f->a1), 1);
	/* approved author: the next comment appears at once */
	assert_int_equal(post_as(f, &pol, "NEW@example.org", &id),
	    COMMENTS_PUBLISHED);
	assert_int_equal(cfx_count(f->s, f->a1), 2);
	assert_int_equal(comments_mark_spam(f->s, id, NULL, &err), ND_OK);
	assert_string_equal(stored_reason(f->s, id), "marked by a moderator");
	assert_int_equal(cfx_count(f->s, f->a1), 1);
	assert_int_equal(comments_delete(f->s, 9999, &err), ND_ENOTFOUND);
}

/* The request's UI language is stored with the comment (normalised to
 * en/de); without one the comment has none (the site default). */
static void
submit_stores_the_authors_language(void **state)
{
	static const char *const in[] = {"de", "de-AT", "en", "fr", NULL};
	static const char *const want[] = {"de", "de", "en", "en", NULL};
	struct cfx *f = *state;
	struct comment_result r;
	struct comment *c;
	struct nd_error err;
	struct post p;
	char email[32];
	size_t i;

	for (i = 0; i < 5; i++) {
		snprintf(email, sizeof(email), "l%zu@example.org", i);
		post_init(&p, f->a1, "Ann", email, "hello");
		p.f.lang = in[i];
		assert_int_equal(submit(f->s, &p, &r), COMMENTS_PENDING);
		assert_int_equal(store_comment_get(f->s, r.id, &c, &err),
		    ND_OK);
		if (want[i])
			assert_string_equal(c->lang, want[i]);
		else
			assert_null(c->lang);
		comment_free(c);
		comments_result_release(&r);
	}
	assert_null(comments_lang(NULL));
	assert_string_equal(comments_lang("DE"), "de");
	assert_string_equal(comments_lang("dee"), "en");
}

static void
moderation_all_and_none(void **state)
{
	struct cfx *f = *state;
	struct comments_policy pol;
	struct comment_list l = COMMENT_LIST_INIT;
	struct nd_error err;
	int64_t id;

	comments_policy_default(&pol);
	pol.moderation = COMMENTS_MODERATE_ALL;
	assert_int_equal(post_as(f, &pol, "a@example.org", &id),
	    COMMENTS_PENDING);
	assert_int_equal(comments_approve(f->s, id, &err), ND_OK);
	assert_int_equal(post_as(f, &pol, "a@example.org", &id),
	    COMMENTS_PENDING);	/* even an approved author waits */
	pol.moderation = COMMENTS_MODERATE_NONE;
	assert_int_equal(post_as(f, &pol, "z@example.org", &id),
	    COMMENTS_PUBLISHED);
	assert_int_equal(cfx_count(f->s, f->a1), 2);
	assert_int_equal(comments_list(f->s, COMMENT_PENDING, 0, 0, 0, &l,
	    &err), ND_OK);
	assert_int_equal(l.n, 1);
	comment_list_release(&l);
	assert_int_equal(comments_moderation_parse("first"),
	    COMMENTS_MODERATE_FIRST);
	assert_int_equal(comments_moderation_parse("some"), -1);
}

static void
replies_need_a_parent_on_the_article(void **state)
{
	struct cfx *f = *state;
	struct comment_result r;
	struct post p;

	post_init(&p, f->a1, "Ann", "a@example.org", "reply");
	p.f.parent_id = 12345;
	assert_int_equal(submit(f->s, &p, &r), COMMENTS_INVALID);
	assert_int_equal(r.msg, COMMENTS_MSG_BAD_PARENT);
	post_init(&p, 999, "Ann", "a@example.org", "no article");
	assert_int_equal(submit(f->s, &p, &r), COMMENTS_INVALID);
	assert_int_equal(r.msg, COMMENTS_MSG_NO_ARTICLE);
}

static void
author_edits_within_fifteen_minutes(void **state)
{
	struct cfx *f = *state;
	struct comments_policy pol;
	struct comment_result r, e;
	struct comment *c;
	struct nd_error err;
	struct post p;
	char *tok;

	comments_policy_default(&pol);
	post_init(&p, f->a1, "Ann", "a@example.org", "first words");
	assert_int_equal(submit(f->s, &p, &r), COMMENTS_PENDING);
	assert_non_null(r.edit_token);
	tok = r.edit_token;
	assert_int_equal(comments_author_edit(f->s, key, &pol, tok,
	    "better words", 12, NOW + 60, &e, &err), ND_OK);
	assert_int_equal(e.verdict, COMMENTS_PENDING);
	assert_int_equal(store_comment_get(f->s, r.id, &c, &err), ND_OK);
	assert_string_equal(c->body, "better words");
	assert_int_equal(c->edited, NOW + 60);
	comment_free(c);
	/* an empty body is a field error, nothing changes */
	assert_int_equal(comments_author_edit(f->s, key, &pol, tok, " ", 1,
	    NOW + 61, &e, &err), ND_OK);
	assert_int_equal(e.verdict, COMMENTS_INVALID);
	assert_int_equal(e.field[COMMENTS_F_BODY], COMMENTS_MSG_REQUIRED);
	/* a link-stuffed edit moves it to the spam queue */
	assert_int_equal(comments_author_edit(f->s, key, &pol, tok,
	    "http://a.x http://b.x http://c.x", 32, NOW + 62, &e, &err),
	    ND_OK);
	assert_int_equal(e.verdict, COMMENTS_SPAM);
	/* after 15 minutes the link is dead */
	assert_int_equal(comments_author_edit(f->s, key, &pol, tok, "late", 4,
	    NOW + COMMENTS_EDIT_SECONDS, &e, &err), ND_ELIMIT);
	assert_int_equal(e.msg, COMMENTS_MSG_EDIT_EXPIRED);
	assert_int_equal(comments_author_delete(f->s, key, tok,
	    NOW + COMMENTS_EDIT_SECONDS + 1, &err), ND_ELIMIT);
	assert_int_equal(comments_author_delete(f->s, key, "forged.token",
	    NOW, &err), ND_EINVAL);
	assert_int_equal(comments_author_delete(f->s, key, tok, NOW + 100,
	    &err), ND_OK);
	assert_int_equal(store_comment_get(f->s, r.id, &c, &err), ND_OK);
	assert_int_equal(c->status, COMMENT_DELETED);
	comment_free(c);
	comments_result_release(&r);
}

/* ---- privacy ---- */

static void
ip_is_stored_only_as_a_keyed_hash(void **state)
{
	struct cfx *f = *state;
	unsigned char h1[COMMENT_IP_HASH_BYTES], h2[COMMENT_IP_HASH_BYTES];
	unsigned char other[STORE_SECRET_BYTES];
	struct comment_result r;
	struct nd_error err;
	struct post p;
	int64_t ip, em;

	comments_ip_hash(key, "192.0.2.7", h1);
	comments_ip_hash(key, "192.0.2.8", h2);
	assert_memory_not_equal(h1, h2, sizeof(h1));
	memset(other, 1, sizeof(other));
	comments_ip_hash(other, "192.0.2.7", h2);
	assert_memory_not_equal(h1, h2, sizeof(h1));	/* keyed */
	post_init(&p, f->a1, "Ann", "a@example.org", "hello");
	assert_int_equal(submit(f->s, &p, &r), COMMENTS_PENDING);
	comments_result_release(&r);
	assert_int_equal(store_comment_recent(f->s, h1, "", 0, &ip, &em,
	    &err), ND_OK);
	assert_int_equal(ip, 1);
	/* the address itself is nowhere in the database file */
	store_close(f->s);
	f->s = NULL;
	{
		struct buf b = BUF_INIT;

		assert_int_equal(fileio_read(f->dsn, 64u << 20, &b, &err),
		    ND_OK);
		assert_true(b.len > 0);
		assert_false(has_bytes(b.ptr, b.len, "192.0.2.7", 9));
		assert_true(has_bytes(b.ptr, b.len, "a@example.org", 13));
		buf_release(&b);
	}
	assert_int_equal(store_open(f->dsn, &f->s, &err), ND_OK);
}

static void
ip_hashes_are_purged_after_n_days(void **state)
{
	struct cfx *f = *state;
	struct comments_policy pol;
	unsigned char h[COMMENT_IP_HASH_BYTES];
	struct comment_result r;
	struct nd_error err;
	struct post p;
	int64_t n, ip, em;

	comments_policy_default(&pol);
	pol.ip_days = 2;
	comments_ip_hash(key, "192.0.2.7", h);
	post_init(&p, f->a1, "Ann", "a@example.org", "hello");
	submit_at(f->s, &p, &pol, NOW, &r);
	comments_result_release(&r);
	assert_int_equal(comments_purge_ips(f->s, NOW + 86400, 2, &n, &err),
	    ND_OK);
	assert_int_equal(n, 0);
	assert_int_equal(comments_purge_ips(f->s, NOW + 2 * 86400 + 1, 2, &n,
	    &err), ND_OK);
	assert_int_equal(n, 1);
	assert_int_equal(store_comment_recent(f->s, h, "", 0, &ip, &em, &err),
	    ND_OK);
	assert_int_equal(ip, 0);
	/* submit purges too */
	post_init(&p, f->a1, "Ann", "b@example.org", "again");
	submit_at(f->s, &p, &pol, NOW + 3 * 86400, &r);
	comments_result_release(&r);
	post_init(&p, f->a1, "Ann", "c@example.org", "later");
	p.f.ip = "192.0.2.99";
	submit_at(f->s, &p, &pol, NOW + 6 * 86400, &r);
	comments_result_release(&r);
	assert_int_equal(store_comment_recent(f->s, h, "", 0, &ip, &em, &err),
	    ND_OK);
	assert_int_equal(ip, 0);
}

static void
export_and_erase(void **state)
{
	struct cfx *f = *state;
	struct comments_policy pol;
	struct buf out = BUF_INIT;
	struct nd_error err;
	int64_t id, n;

	comments_policy_default(&pol);
	pol.moderation = COMMENTS_MODERATE_NONE;
	post_as(f, &pol, "ann@example.org", &id);
	post_as(f, &pol, "bob@example.org", &id);
	assert_int_equal(comments_export(f->s, " Ann@Example.org", &out,
	    &err), ND_OK);
	assert_non_null(strstr(out.ptr, "\"email\": \"ann@example.org\""));
	assert_non_null(strstr(out.ptr, "https://example.org/one"));
	assert_null(strstr(out.ptr, "bob@"));
	buf_clear(&out);
	assert_int_equal(comments_erase(f->s, "ANN@example.org", &n, &err),
	    ND_OK);
	assert_int_equal(n, 1);
	assert_int_equal(cfx_count(f->s, f->a1), 1);
	assert_int_equal(comments_export(f->s, "ann@example.org", &out,
	    &err), ND_OK);
	assert_non_null(strstr(out.ptr, "\"comments\": []"));
	buf_release(&out);
}

/* ---- threads ---- */

static void
thread_pages_with_one_level_on_screen(void **state)
{
	struct cfx *f = *state;
	struct comments_policy pol;
	struct comments_page pg;
	struct comment_result r;
	struct nd_error err;
	struct post p;
	int64_t top[3], reply, deep;
	int i;

	comments_policy_default(&pol);
	pol.moderation = COMMENTS_MODERATE_NONE;
	pol.rate_per_ip = pol.rate_per_email = 100;
	for (i = 0; i < 3; i++) {
		post_init(&p, f->a1, "Ann", "a@example.org", "top");
		submit_at(f->s, &p, &pol, NOW + i, &r);
		top[i] = r.id;
		comments_result_release(&r);
	}
	post_init(&p, f->a1, "Bob", "b@example.org", "reply");
	p.f.parent_id = top[0];
	submit_at(f->s, &p, &pol, NOW + 5, &r);
	reply = r.id;
	comments_result_release(&r);
	post_init(&p, f->a1, "Ann", "a@example.org", "reply to reply");
	p.f.parent_id = reply;
	submit_at(f->s, &p, &pol, NOW + 6, &r);
	deep = r.id;
	comments_result_release(&r);

	assert_int_equal(comments_thread(f->s, f->a1, COMMENTS_OLDEST_FIRST,
	    1, 2, &pg, &err), ND_OK);
	assert_int_equal(pg.top_total, 3);
	assert_int_equal(pg.pages, 2);
	assert_int_equal(pg.items.n, 4);
	assert_int_equal(pg.items.v[0].id, top[0]);
	assert_int_equal(pg.items.v[2].id, deep);
	assert_int_equal(pg.items.v[2].depth, 2);
	assert_int_equal(comments_display_depth(&pg.items.v[2]), 1);
	for (i = 0; i < (int)pg.items.n; i++)
		assert_null(pg.items.v[i].email);
	comments_page_release(&pg);
	assert_int_equal(comments_thread(f->s, f->a1, COMMENTS_NEWEST_FIRST,
	    2, 2, &pg, &err), ND_OK);
	assert_int_equal(pg.page, 2);
	assert_int_equal(pg.items.v[0].id, top[0]);	/* oldest is last */
	comments_page_release(&pg);
	assert_int_equal(comments_thread(f->s, f->a2, COMMENTS_NEWEST_FIRST,
	    0, 0, &pg, &err), ND_OK);
	assert_int_equal(pg.items.n, 0);
	assert_int_equal(pg.pages, 1);
	comments_page_release(&pg);
}

/* ---- links ---- */

static void
linkify_spans(void **state)
{
	static const char t[] = "See https://a.example/x_(y), and "
	    "(www.b.example). Not mailto:x@www.c.example or xhttp://d.";
	struct comments_span *sp;
	size_t n = comments_linkify(t, strlen(t), &sp), i, off = 0;

	(void)state;
	assert_int_equal(n, 5);
	for (i = 0; i < n; i++) {	/* adjacent and complete */
		assert_int_equal(sp[i].off, off);
		off += sp[i].len;
	}
	assert_int_equal(off, strlen(t));
	assert_true(sp[1].link);
	assert_memory_equal(t + sp[1].off, "https://a.example/x_(y)",
	    sp[1].len);
	assert_true(sp[3].link);
	assert_true(sp[3].www);
	assert_memory_equal(t + sp[3].off, "www.b.example", sp[3].len);
	assert_false(sp[4].link);
	free(sp);
	assert_int_equal(comments_linkify("https://", 8, &sp), 1);
	assert_false(sp[0].link);
	free(sp);
	assert_int_equal(comments_linkify("", 0, &sp), 0);
	free(sp);
	/* many closing brackets: all unbalanced, all cut (one pass) */
	{
		char *many = xmalloc(20001);

		memcpy(many, "http://x.example/", 17);
		memset(many + 17, ')', 20000 - 17);
		assert_int_equal(comments_linkify(many, 20000, &sp), 2);
		assert_int_equal(sp[0].len, 17);
		free(sp);
		free(many);
	}
	n = comments_linkify("<https://e.example/\">x", 21, &sp);
	assert_int_equal(n, 3);
	assert_int_equal(sp[1].len, 18);
	free(sp);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, setup, cfx_teardown)
		T(missing_fields_are_named),
		T(overlong_fields_are_refused_at_the_limit),
		T(invalid_utf8_and_controls_are_refused),
		T(line_breaks_in_name_and_email_are_refused),
		T(markup_is_stored_as_typed),
		cmocka_unit_test(email_syntax),
		T(website_must_be_http),
		cmocka_unit_test(messages_in_english_and_german),
		T(honeypot_goes_to_the_spam_queue),
		T(form_token_dates_the_post),
		T(too_many_links_is_spam),
		T(blocklist_ignores_case_and_accents),
		cmocka_unit_test(fold_words),
		T(flood_from_one_ip_is_refused),
		T(flood_from_one_address_is_refused),
		T(oversized_form_is_refused),
		T(rate_limit_by_address_holds_for_posts_at_once),
		T(rate_limit_by_ip_holds_for_posts_at_once),
		T(moderation_first_then_trusted),
		T(submit_stores_the_authors_language),
		T(moderation_all_and_none),
		T(replies_need_a_parent_on_the_article),
		T(author_edits_within_fifteen_minutes),
		T(ip_is_stored_only_as_a_keyed_hash),
		T(ip_hashes_are_purged_after_n_days),
		T(export_and_erase),
		T(thread_pages_with_one_level_on_screen),
		cmocka_unit_test(linkify_spans),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
