/* test_account.c - the store's reader accounts (store_account.c,
 * sqlite_account.c): one-time sign-in nonces, saved articles newest
 * first, the admin mark; and the web's next-path check (no open
 * redirects). */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "store/store.h"
#include "util/xalloc.h"
#include "web/account.h"

static struct store *
open_mem(void)
{
	struct store *s;
	struct nd_error err;

	assert_int_equal(store_open(":memory:", &s, &err), ND_OK);
	assert_int_equal(store_migrate(s, NULL, NULL, &err), ND_OK);
	return s;
}

static int64_t
put_article(struct store *s, const char *url, const char *headline)
{
	struct article *a = article_new();
	struct nd_error err;
	int64_t id;

	a->url = xstrdup(url);
	a->headline = xstrdup(headline);
	a->published = 1000;
	if (store_article_put(s, a, NULL, &err) != ND_OK)
		fail_msg("%s", err.msg);
	id = a->id;
	article_free(a);
	return id;
}

static int64_t
put_reader(struct store *s, const char *email)
{
	struct reader r;
	struct nd_error err;

	memset(&r, 0, sizeof(r));
	r.email = (char *)email;
	r.hour = -1;
	assert_int_equal(store_reader_put(s, &r, 100, &err), ND_OK);
	return r.id;
}

static void
nonce_works_once(void **state)
{
	struct store *s = open_mem();
	struct nd_error err;
	int fresh = 0;

	(void)state;
	assert_int_equal(store_signin_use(s, "0123456789abcdef0123", 100, 0,
	    &fresh, &err), ND_OK);
	assert_int_equal(fresh, 1);
	assert_int_equal(store_signin_use(s, "0123456789abcdef0123", 101, 0,
	    &fresh, &err), ND_OK);
	assert_int_equal(fresh, 0);
	/* a short or missing nonce is refused, never "fresh" */
	assert_int_equal(store_signin_use(s, "short", 100, 0, &fresh, &err),
	    ND_EINVAL);
	assert_int_equal(fresh, 0);
	assert_int_equal(store_signin_use(s, NULL, 100, 0, &fresh, &err),
	    ND_EINVAL);
	store_close(s);
}

static void
old_nonces_are_forgotten(void **state)
{
	struct store *s = open_mem();
	struct nd_error err;
	int fresh = 0;

	(void)state;
	assert_int_equal(store_signin_use(s, "aaaaaaaaaaaaaaaaaaaa", 100, 0,
	    &fresh, &err), ND_OK);
	/* purged when used before `before`: its link expired long ago */
	assert_int_equal(store_signin_use(s, "bbbbbbbbbbbbbbbbbbbb", 9000,
	    5000, &fresh, &err), ND_OK);
	assert_int_equal(store_signin_use(s, "aaaaaaaaaaaaaaaaaaaa", 9001,
	    5000, &fresh, &err), ND_OK);
	assert_int_equal(fresh, 1);
	store_close(s);
}

static void
saved_newest_first_and_unsave(void **state)
{
	struct store *s = open_mem();
	struct article_list l = ARTICLE_LIST_INIT;
	struct nd_error err;
	int64_t r = put_reader(s, "a@example.org");
	int64_t a1 = put_article(s, "https://x.example/1", "One");
	int64_t a2 = put_article(s, "https://x.example/2", "Two");
	int on = 1;

	(void)state;
	assert_int_equal(store_saved_has(s, r, a1, &on, &err), ND_OK);
	assert_int_equal(on, 0);
	assert_int_equal(store_saved_set(s, r, a1, 1, 200, &err), ND_OK);
	assert_int_equal(store_saved_set(s, r, a2, 1, 300, &err), ND_OK);
	assert_int_equal(store_saved_set(s, r, a1, 1, 400, &err), ND_OK);
	assert_int_equal(store_saved_has(s, r, a1, &on, &err), ND_OK);
	assert_int_equal(on, 1);
	assert_int_equal(store_saved_list(s, r, 0, 0, &l, &err), ND_OK);
	assert_int_equal(l.n, 2);
	/* saving twice keeps the first time: a2 (300) is newer than a1 */
	assert_int_equal(l.v[0]->id, a2);
	assert_int_equal(l.v[1]->id, a1);
	article_list_release(&l);
	assert_int_equal(store_saved_set(s, r, a2, 0, 500, &err), ND_OK);
	assert_int_equal(store_saved_set(s, r, a2, 0, 500, &err), ND_OK);
	assert_int_equal(store_saved_list(s, r, 0, 0, &l, &err), ND_OK);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.v[0]->id, a1);
	article_list_release(&l);
	/* another reader sees nothing of it */
	assert_int_equal(store_saved_list(s, put_reader(s, "b@example.org"),
	    0, 0, &l, &err), ND_OK);
	assert_int_equal(l.n, 0);
	assert_int_equal(store_saved_set(s, 0, a1, 1, 1, &err), ND_EINVAL);
	store_close(s);
}

static void
admin_mark(void **state)
{
	struct store *s = open_mem();
	struct strlist l = STRLIST_INIT;
	struct nd_error err;
	int64_t r = put_reader(s, "mod@example.org");
	int admin = 1;

	(void)state;
	put_reader(s, "reader@example.org");
	assert_int_equal(store_admin_get(s, r, &admin, &err), ND_OK);
	assert_int_equal(admin, 0);
	assert_int_equal(store_admin_set(s, r, 1, &err), ND_OK);
	assert_int_equal(store_admin_get(s, r, &admin, &err), ND_OK);
	assert_int_equal(admin, 1);
	assert_int_equal(store_admin_list(s, &l, &err), ND_OK);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0], "mod@example.org");
	strlist_release(&l);
	assert_int_equal(store_admin_set(s, r, 0, &err), ND_OK);
	assert_int_equal(store_admin_get(s, r, &admin, &err), ND_OK);
	assert_int_equal(admin, 0);
	assert_int_equal(store_admin_set(s, 9999, 1, &err), ND_ENOTFOUND);
	assert_int_equal(store_admin_get(s, 9999, &admin, &err), ND_OK);
	assert_int_equal(admin, 0);
	assert_int_equal(store_admin_get(s, 0, &admin, &err), ND_OK);
	assert_int_equal(admin, 0);
	store_close(s);
}

static void
next_paths_stay_on_the_site(void **state)
{
	char long_path[ACCOUNT_NEXT_MAX + 2];

	(void)state;
	assert_true(account_next_ok("/"));
	assert_true(account_next_ok("/articles/1-night-trains?cpage=2#c"));
	assert_true(account_next_ok("/saved"));
	assert_false(account_next_ok(NULL));
	assert_false(account_next_ok(""));
	assert_false(account_next_ok("//evil.example/"));
	assert_false(account_next_ok("/\\evil.example/"));
	assert_false(account_next_ok("https://evil.example/"));
	assert_false(account_next_ok("javascript:alert(1)"));
	assert_false(account_next_ok("/a b"));
	assert_false(account_next_ok("/a\r\nSet-Cookie: x=1"));
	assert_false(account_next_ok("/caf\xc3\xa9"));
	memset(long_path, 'a', sizeof(long_path) - 1);
	long_path[0] = '/';
	long_path[sizeof(long_path) - 1] = '\0';
	assert_false(account_next_ok(long_path));
	long_path[ACCOUNT_NEXT_MAX] = '\0';
	assert_true(account_next_ok(long_path));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(nonce_works_once),
		cmocka_unit_test(old_nonces_are_forgotten),
		cmocka_unit_test(saved_newest_first_and_unsave),
		cmocka_unit_test(admin_mark),
		cmocka_unit_test(next_paths_stay_on_the_site),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
