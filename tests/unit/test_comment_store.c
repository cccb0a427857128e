/* The comment half of the store: rows, statuses and the article's
 * comment_count, reply trees, rate counts, erasure, IP purge, blocklist. */
#include "testutil.h"

#include <sqlite3.h>

#include "comment_fx.h"
#include "store/migrations.h"

static int64_t
add(struct store *s, int64_t article, int64_t parent, const char *email,
    enum comment_status st, int64_t created)
{
	struct comment c;
	struct nd_error err;

	memset(&c, 0, sizeof(c));
	c.article_id = article;
	c.parent_id = parent;
	c.name = (char *)"Ann";
	c.email = (char *)email;
	c.body = (char *)"<b>hi</b>";
	c.status = st;
	c.created = created;
	c.has_ip_hash = 1;
	memset(c.ip_hash, 0xab, sizeof(c.ip_hash));
	c.ip_hash_expires = created + 100;
	if (store_comment_add(s, &c, &err) != ND_OK)
		fail_msg("%s", err.msg);
	assert_true(c.id > 0);
	return c.id;
}

static void
add_and_get_round_trip(void **state)
{
	struct cfx *f = *state;
	struct comment *c;
	struct nd_error err;
	int64_t id = add(f->s, f->a1, 0, "ann@example.org", COMMENT_PENDING,
	    1000);

	assert_int_equal(store_comment_get(f->s, id, &c, &err), ND_OK);
	assert_string_equal(c->body, "<b>hi</b>");	/* stored as typed */
	assert_string_equal(c->email, "ann@example.org");
	assert_int_equal(c->status, COMMENT_PENDING);
	assert_int_equal(c->article_id, f->a1);
	assert_string_equal(c->article_url, "https://example.org/one");
	comment_free(c);
	assert_int_equal(store_comment_get(f->s, id + 99, &c, &err),
	    ND_ENOTFOUND);
	assert_null(c);
}

/* Add a top-level approved comment with language lang; returns its id
 * or 0 with *e the store's answer. */
static int64_t
add_lang(struct store *s, int64_t article, const char *lang, enum nd_err *e)
{
	struct comment c;
	struct nd_error err;

	memset(&c, 0, sizeof(c));
	c.article_id = article;
	c.name = (char *)"Erika";
	c.email = (char *)"erika@example.org";
	c.body = (char *)"Guter Artikel";
	c.status = COMMENT_APPROVED;
	c.created = 500;
	c.lang = (char *)lang;
	*e = store_comment_add(s, &c, &err);
	return c.id;
}

static void
language_round_trip(void **state)
{
	struct cfx *f = *state;
	struct comment_list l = COMMENT_LIST_INIT;
	struct comment_query q = {-1, 0, NULL, 0, 0};
	struct comment *c;
	struct nd_error err;
	enum nd_err e;
	int64_t de, none, top;

	de = add_lang(f->s, f->a1, "de", &e);
	assert_int_equal(e, ND_OK);
	none = add_lang(f->s, f->a1, NULL, &e);
	assert_int_equal(e, ND_OK);
	assert_int_equal(store_comment_get(f->s, de, &c, &err), ND_OK);
	assert_string_equal(c->lang, "de");
	comment_free(c);
	assert_int_equal(store_comment_get(f->s, none, &c, &err), ND_OK);
	assert_null(c->lang);		/* not known: the site default */
	comment_free(c);
	/* lists and the thread read it too (depth still comes after) */
	assert_int_equal(store_comment_list(f->s, &q, &l, &err), ND_OK);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.v[0].lang, "de");
	assert_null(l.v[1].lang);
	comment_list_release(&l);
	add(f->s, f->a1, de, "bob@example.org", COMMENT_APPROVED, 600);
	assert_int_equal(store_comment_thread(f->s, f->a1, 0, 10, 0, &l, &top,
	    &err), ND_OK);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.v[0].lang, "de");
	assert_int_equal(l.v[1].depth, 1);
	comment_list_release(&l);
	/* not a language tag: refused, nothing stored */
	assert_int_equal(add_lang(f->s, f->a1, "d", &e), 0);
	assert_int_equal(e, ND_EINVAL);
	assert_int_equal(add_lang(f->s, f->a1, "de'--", &e), 0);
	assert_int_equal(e, ND_EINVAL);
	assert_int_equal(add_lang(f->s, f->a1, "de-AT", &e) > 0, 1);
	assert_int_equal(e, ND_OK);
}

/* A store at version 5 with a comment, migrated: the comment gets
 * lang NULL (the site default), new ones keep theirs. */
static void
migration_6_leaves_old_rows_null(void **state)
{
	struct cfx *f = *state;
	char dsn[128];
	struct comment *c;
	struct nd_error err;
	struct store *s;
	sqlite3 *db;
	enum nd_err e;
	int from = 0, to = 0;
	size_t i;

	snprintf(dsn, sizeof(dsn), "%s/v5.db", f->dir);
	assert_int_equal(sqlite3_open(dsn, &db), SQLITE_OK);
	for (i = 0; i < migrations_sqlite_n &&
	    migrations_sqlite[i].version <= 5; i++)
		assert_int_equal(sqlite3_exec(db, migrations_sqlite[i].sql,
		    NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "INSERT INTO schema_version "
	    "VALUES (5, 0); INSERT INTO articles(id, canonical_url, created, "
	    "modified) VALUES "
	    "(1, 'https://example.org/old', 1, 1); INSERT INTO comments(id, "
	    "article_id, name, email, body, status, created) VALUES (1, 1, "
	    "'Old', 'old@example.org', 'Before', 'approved', 1)", NULL, NULL,
	    NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(store_open(dsn, &s, &err), ND_OK);
	assert_int_equal(store_migrate(s, &from, &to, &err), ND_OK);
	assert_int_equal(from, 5);
	assert_int_equal(to, store_latest_version());
	assert_int_equal(store_comment_get(s, 1, &c, &err), ND_OK);
	assert_string_equal(c->body, "Before");
	assert_null(c->lang);
	comment_free(c);
	assert_true(add_lang(s, 1, "de", &e) > 0);
	assert_int_equal(e, ND_OK);
	store_close(s);
	for (i = 0; i < 3; i++) {
		snprintf(dsn, sizeof(dsn), "%s/v5.db%s", f->dir,
		    i == 0 ? "" : i == 1 ? "-wal" : "-shm");
		unlink(dsn);
	}
}

/* The checks of store_comment_add_checked: counted in its transaction,
 * refused with ND_ELIMIT and nothing stored; "first" holds back an
 * address with nothing approved. */
static void
checked_add_counts_and_holds(void **state)
{
	struct cfx *f = *state;
	struct comment_guard g = {100, 2, -1, 0};
	struct comment c;
	struct nd_error err;

	add(f->s, f->a1, 0, "a@x.org", COMMENT_APPROVED, 150);
	add(f->s, f->a1, 0, "b@x.org", COMMENT_APPROVED, 160);
	memset(&c, 0, sizeof(c));
	c.article_id = f->a1;
	c.name = (char *)"Cy";
	c.email = (char *)"c@x.org";
	c.body = (char *)"hi";
	c.status = COMMENT_APPROVED;
	c.created = 170;
	c.has_ip_hash = 1;
	memset(c.ip_hash, 0xab, sizeof(c.ip_hash));	/* add()'s hash */
	/* two from this IP since 100: the third is over */
	assert_int_equal(store_comment_add_checked(f->s, &c, &g, &err),
	    ND_ELIMIT);
	assert_int_equal(c.id, 0);
	assert_int_equal(cfx_count(f->s, f->a1), 2);
	/* a window that starts later counts one: stored, and held back
	 * under "first" (c@x.org has nothing approved) */
	g.since = 155;
	g.hold_first = 1;
	assert_int_equal(store_comment_add_checked(f->s, &c, &g, &err),
	    ND_OK);
	assert_true(c.id > 0);
	assert_int_equal(c.status, COMMENT_PENDING);
	assert_int_equal(cfx_count(f->s, f->a1), 2);
	/* an address with an approved comment is not held back; the
	 * address limit: a@x.org has one comment since 155, two since 0 */
	g.max_per_ip = -1;
	g.max_per_email = 2;
	c.email = (char *)"a@x.org";
	c.status = COMMENT_APPROVED;
	assert_int_equal(store_comment_add_checked(f->s, &c, &g, &err),
	    ND_OK);
	assert_int_equal(c.status, COMMENT_APPROVED);
	assert_int_equal(cfx_count(f->s, f->a1), 3);
	g.since = 0;
	assert_int_equal(store_comment_add_checked(f->s, &c, &g, &err),
	    ND_ELIMIT);
	/* spam is never promoted or held, only counted */
	g.max_per_email = -1;
	c.status = COMMENT_SPAM;
	c.email = (char *)"d@x.org";
	assert_int_equal(store_comment_add_checked(f->s, &c, &g, &err),
	    ND_OK);
	assert_int_equal(c.status, COMMENT_SPAM);
}

static void
count_follows_every_status_change(void **state)
{
	struct cfx *f = *state;
	struct nd_error err;
	int64_t a, b;

	/* the scraped count is replaced by the first recount */
	a = add(f->s, f->a1, 0, "a@x.org", COMMENT_PENDING, 1);
	assert_int_equal(cfx_count(f->s, f->a1), 0);
	b = add(f->s, f->a1, 0, "b@x.org", COMMENT_APPROVED, 2);
	assert_int_equal(cfx_count(f->s, f->a1), 1);
	assert_int_equal(store_comment_set_status(f->s, a, COMMENT_APPROVED,
	    NULL, &err), ND_OK);
	assert_int_equal(cfx_count(f->s, f->a1), 2);
	assert_int_equal(store_comment_set_status(f->s, b, COMMENT_SPAM,
	    "links", &err), ND_OK);
	assert_int_equal(cfx_count(f->s, f->a1), 1);
	assert_int_equal(store_comment_set_status(f->s, a, COMMENT_DELETED,
	    NULL, &err), ND_OK);
	assert_int_equal(cfx_count(f->s, f->a1), 0);
	assert_int_equal(store_comment_set_status(f->s, 999, COMMENT_DELETED,
	    NULL, &err), ND_ENOTFOUND);
	assert_int_equal(cfx_count(f->s, f->a2), 7);	/* untouched */
}

static void
approval_counts_for_the_author(void **state)
{
	struct cfx *f = *state;
	struct nd_error err;
	int64_t n = -1, id;

	assert_int_equal(store_comment_author(f->s, "a@x.org", &n, &err),
	    ND_OK);
	assert_int_equal(n, 0);
	id = add(f->s, f->a1, 0, "a@x.org", COMMENT_PENDING, 1);
	assert_int_equal(store_comment_author(f->s, "a@x.org", &n, &err),
	    ND_OK);
	assert_int_equal(n, 0);
	assert_int_equal(store_comment_set_status(f->s, id, COMMENT_APPROVED,
	    NULL, &err), ND_OK);
	/* approving twice counts once */
	assert_int_equal(store_comment_set_status(f->s, id, COMMENT_APPROVED,
	    NULL, &err), ND_OK);
	assert_int_equal(store_comment_author(f->s, "a@x.org", &n, &err),
	    ND_OK);
	assert_int_equal(n, 1);
}

static void
parent_must_be_on_the_same_article(void **state)
{
	struct cfx *f = *state;
	struct comment c;
	struct nd_error err;
	int64_t p = add(f->s, f->a1, 0, "a@x.org", COMMENT_APPROVED, 1);

	memset(&c, 0, sizeof(c));
	c.article_id = f->a2;
	c.parent_id = p;
	c.name = (char *)"B";
	c.email = (char *)"b@x.org";
	c.body = (char *)"reply";
	c.status = COMMENT_APPROVED;
	assert_int_equal(store_comment_add(f->s, &c, &err), ND_EINVAL);
	assert_int_equal(c.id, 0);
	assert_int_equal(cfx_count(f->s, f->a2), 7);	/* rolled back */
	c.article_id = 4242;
	c.parent_id = 0;
	assert_int_equal(store_comment_add(f->s, &c, &err), ND_ENOTFOUND);
}

static void
thread_pages_top_level_with_replies(void **state)
{
	struct cfx *f = *state;
	struct comment_list l = COMMENT_LIST_INIT;
	struct nd_error err;
	int64_t t1, t2, t3, r1, r11, top;

	t1 = add(f->s, f->a1, 0, "a@x.org", COMMENT_APPROVED, 10);
	t2 = add(f->s, f->a1, 0, "b@x.org", COMMENT_APPROVED, 20);
	t3 = add(f->s, f->a1, 0, "c@x.org", COMMENT_APPROVED, 30);
	r1 = add(f->s, f->a1, t1, "b@x.org", COMMENT_APPROVED, 40);
	r11 = add(f->s, f->a1, r1, "a@x.org", COMMENT_APPROVED, 50);
	add(f->s, f->a1, t1, "d@x.org", COMMENT_PENDING, 60);
	add(f->s, f->a1, 0, "d@x.org", COMMENT_SPAM, 70);

	assert_int_equal(store_comment_thread(f->s, f->a1, 0, 2, 0, &l, &top,
	    &err), ND_OK);
	assert_int_equal(top, 3);
	assert_int_equal(l.n, 4);	/* t1 r1 r11 t2 */
	assert_int_equal(l.v[0].id, t1);
	assert_int_equal(l.v[1].id, r1);
	assert_int_equal(l.v[1].depth, 1);
	assert_int_equal(l.v[2].id, r11);
	assert_int_equal(l.v[2].depth, 2);
	assert_int_equal(l.v[2].parent_id, r1);
	assert_int_equal(l.v[3].id, t2);
	assert_null(l.v[0].email);	/* never read for the public */
	comment_list_release(&l);

	assert_int_equal(store_comment_thread(f->s, f->a1, 1, 2, 0, &l, &top,
	    &err), ND_OK);
	assert_int_equal(l.n, 2);	/* newest first: t3 t2 */
	assert_int_equal(l.v[0].id, t3);
	assert_int_equal(l.v[1].id, t2);
	comment_list_release(&l);
	assert_int_equal(store_comment_thread(f->s, f->a1, 1, 2, 2, &l, &top,
	    &err), ND_OK);
	assert_int_equal(l.n, 3);	/* page 2: t1 r1 r11 */
	assert_int_equal(l.v[0].id, t1);
	comment_list_release(&l);
}

static void
list_filters_by_status_article_and_email(void **state)
{
	struct cfx *f = *state;
	struct comment_list l = COMMENT_LIST_INIT;
	struct comment_query q = {COMMENT_PENDING, 0, NULL, 0, 0};
	struct nd_error err;

	add(f->s, f->a1, 0, "a@x.org", COMMENT_PENDING, 1);
	add(f->s, f->a2, 0, "a@x.org", COMMENT_PENDING, 2);
	add(f->s, f->a2, 0, "b@x.org", COMMENT_SPAM, 3);
	assert_int_equal(store_comment_list(f->s, &q, &l, &err), ND_OK);
	assert_int_equal(l.n, 2);
	comment_list_release(&l);
	q.article_id = f->a2;
	assert_int_equal(store_comment_list(f->s, &q, &l, &err), ND_OK);
	assert_int_equal(l.n, 1);
	comment_list_release(&l);
	q.status = -1;
	q.article_id = 0;
	q.email = "b@x.org";
	assert_int_equal(store_comment_list(f->s, &q, &l, &err), ND_OK);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.v[0].status, COMMENT_SPAM);
	assert_string_equal(l.v[0].article_url, "https://example.org/two");
	comment_list_release(&l);
}

static void
recent_counts_by_ip_hash_and_address(void **state)
{
	struct cfx *f = *state;
	unsigned char h[COMMENT_IP_HASH_BYTES], other[COMMENT_IP_HASH_BYTES];
	struct nd_error err;
	int64_t ip, em;

	memset(h, 0xab, sizeof(h));
	memset(other, 0x01, sizeof(other));
	add(f->s, f->a1, 0, "a@x.org", COMMENT_PENDING, 100);
	add(f->s, f->a1, 0, "a@x.org", COMMENT_SPAM, 200);
	add(f->s, f->a1, 0, "b@x.org", COMMENT_APPROVED, 300);
	assert_int_equal(store_comment_recent(f->s, h, "a@x.org", 150, &ip,
	    &em, &err), ND_OK);
	assert_int_equal(ip, 2);
	assert_int_equal(em, 1);
	assert_int_equal(store_comment_recent(f->s, other, "c@x.org", 0, &ip,
	    &em, &err), ND_OK);
	assert_int_equal(ip, 0);
	assert_int_equal(em, 0);
	assert_int_equal(store_comment_recent(f->s, NULL, "a@x.org", 0, &ip,
	    &em, &err), ND_OK);
	assert_int_equal(ip, 0);
	assert_int_equal(em, 2);
}

static void
purge_clears_old_ip_hashes(void **state)
{
	struct cfx *f = *state;
	unsigned char h[COMMENT_IP_HASH_BYTES];
	struct nd_error err;
	int64_t n, ip, em;

	memset(h, 0xab, sizeof(h));
	add(f->s, f->a1, 0, "a@x.org", COMMENT_APPROVED, 1000);	/* exp 1100 */
	add(f->s, f->a1, 0, "a@x.org", COMMENT_APPROVED, 5000);	/* exp 5100 */
	assert_int_equal(store_comment_purge_ips(f->s, 1100, 0, &n, &err),
	    ND_OK);
	assert_int_equal(n, 1);
	assert_int_equal(store_comment_recent(f->s, h, "a@x.org", 0, &ip, &em,
	    &err), ND_OK);
	assert_int_equal(ip, 1);
	assert_int_equal(em, 2);
	assert_int_equal(store_comment_purge_ips(f->s, 0, 5001, &n, &err),
	    ND_OK);
	assert_int_equal(n, 1);
	assert_int_equal(store_comment_recent(f->s, h, "a@x.org", 0, &ip, &em,
	    &err), ND_OK);
	assert_int_equal(ip, 0);
}

static void
erase_anonymises_and_recounts(void **state)
{
	struct cfx *f = *state;
	struct comment_list l = COMMENT_LIST_INIT;
	struct comment_query q = {-1, 0, "a@x.org", 0, 0};
	struct comment *c;
	struct nd_error err;
	int64_t n, top, mine, reply;

	mine = add(f->s, f->a1, 0, "a@x.org", COMMENT_APPROVED, 1);
	reply = add(f->s, f->a1, mine, "b@x.org", COMMENT_APPROVED, 2);
	add(f->s, f->a2, 0, "a@x.org", COMMENT_APPROVED, 3);
	assert_int_equal(cfx_count(f->s, f->a1), 2);
	assert_int_equal(store_comment_erase(f->s, "a@x.org", &n, &err),
	    ND_OK);
	assert_int_equal(n, 2);
	assert_int_equal(cfx_count(f->s, f->a1), 1);
	assert_int_equal(cfx_count(f->s, f->a2), 0);
	assert_int_equal(store_comment_list(f->s, &q, &l, &err), ND_OK);
	assert_int_equal(l.n, 0);
	assert_int_equal(store_comment_author(f->s, "a@x.org", &n, &err),
	    ND_OK);
	assert_int_equal(n, 0);
	assert_int_equal(store_comment_get(f->s, mine, &c, &err), ND_OK);
	assert_null(c->name);
	assert_null(c->email);
	assert_string_equal(c->body, "");
	assert_int_equal(c->status, COMMENT_DELETED);
	comment_free(c);
	/* the reply keeps its parent link; its own row is untouched */
	assert_int_equal(store_comment_get(f->s, reply, &c, &err), ND_OK);
	assert_int_equal(c->parent_id, mine);
	assert_string_equal(c->email, "b@x.org");
	comment_free(c);
	assert_int_equal(store_comment_thread(f->s, f->a1, 0, 10, 0, &l, &top,
	    &err), ND_OK);
	assert_int_equal(top, 0);
	comment_list_release(&l);
}

static void
blocklist_add_rm_list(void **state)
{
	struct cfx *f = *state;
	struct comment_block_list l = {NULL, 0};
	struct nd_error err;

	assert_int_equal(store_comment_block_add(f->s, COMMENT_BLOCK_WORD,
	    "casino", &err), ND_OK);
	assert_int_equal(store_comment_block_add(f->s, COMMENT_BLOCK_WORD,
	    "casino", &err), ND_EEXIST);
	assert_int_equal(store_comment_block_add(f->s, COMMENT_BLOCK_ADDRESS,
	    "@spam.example", &err), ND_OK);
	assert_int_equal(store_comment_block_add(f->s, COMMENT_BLOCK_WORD,
	    "", &err), ND_EINVAL);
	assert_int_equal(store_comment_block_list(f->s, &l, &err), ND_OK);
	assert_int_equal(l.n, 2);
	assert_int_equal(l.v[0].kind, COMMENT_BLOCK_ADDRESS);
	assert_string_equal(l.v[1].value, "casino");
	comment_block_list_release(&l);
	assert_int_equal(store_comment_block_rm(f->s, COMMENT_BLOCK_WORD,
	    "casino", &err), ND_OK);
	assert_int_equal(store_comment_block_rm(f->s, COMMENT_BLOCK_WORD,
	    "casino", &err), ND_ENOTFOUND);
}

static void
edit_replaces_the_body(void **state)
{
	struct cfx *f = *state;
	struct comment *c;
	struct nd_error err;
	int64_t id = add(f->s, f->a1, 0, "a@x.org", COMMENT_APPROVED, 1);

	assert_int_equal(store_comment_edit(f->s, id, "new text", 5, &err),
	    ND_OK);
	assert_int_equal(store_comment_get(f->s, id, &c, &err), ND_OK);
	assert_string_equal(c->body, "new text");
	assert_int_equal(c->edited, 5);
	comment_free(c);
	assert_int_equal(store_comment_edit(f->s, id + 1, "x", 5, &err),
	    ND_ENOTFOUND);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, cfx_setup, cfx_teardown)
		T(add_and_get_round_trip),
		T(language_round_trip),
		T(migration_6_leaves_old_rows_null),
		T(checked_add_counts_and_holds),
		T(count_follows_every_status_change),
		T(approval_counts_for_the_author),
		T(parent_must_be_on_the_same_article),
		T(thread_pages_top_level_with_replies),
		T(list_filters_by_status_article_and_email),
		T(recent_counts_by_ip_hash_and_address),
		T(purge_clears_old_ip_hashes),
		T(erase_anonymises_and_recounts),
		T(blocklist_add_rm_list),
		T(edit_replaces_the_body),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
