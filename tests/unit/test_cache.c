/* test_cache.c - the page cache (web/cache.h): hits and misses, marker
 * filling, invalidation by generation, the size and entry bounds; and
 * store_data_version(), which drives the server's invalidation, over
 * two real connections to one SQLite file. */
#include "testutil.h"

#include <stdio.h>
#include <unistd.h>

#include "store/store.h"
#include "util/xalloc.h"
#include "web/cache.h"

static const char *const marks[CACHE_MARKERS] = {"@@CSRF@@", "@@FORM@@"};

static struct cache_meta
meta_html(void)
{
	struct cache_meta m;

	memset(&m, 0, sizeof(m));
	m.status = 200;
	m.content_type = "text/html; charset=utf-8";
	m.last_modified = 1234;
	m.etag = 1;
	return m;
}

static void
put_str(struct cache *c, const char *key, const char *body)
{
	struct cache_meta m = meta_html();

	cache_put(c, key, strlen(key), cache_generation(c), body, strlen(body),
	    &m);
}

static void
cache_hits_and_misses(void **state)
{
	struct cache *c = cache_new(1 << 20, 16, marks);
	const char *fills[CACHE_MARKERS] = {"", ""};
	struct buf out = BUF_INIT;
	struct cache_meta m;

	(void)state;
	assert_false(cache_get(c, "/a", 2, fills, &out, &m));
	put_str(c, "/a", "<p>page a</p>");
	assert_true(cache_get(c, "/a", 2, fills, &out, &m));
	assert_string_equal(out.ptr, "<p>page a</p>");
	assert_int_equal(m.status, 200);
	assert_int_equal(m.last_modified, 1234);
	assert_int_equal(m.used, 0);
	assert_string_equal(m.content_type, "text/html; charset=utf-8");
	buf_clear(&out);
	/* a key is compared in full, binary: "/a\0de" is not "/a\0en" */
	assert_false(cache_get(c, "/ab", 3, fills, &out, &m));
	put_str(c, "/a", "<p>page a, again</p>");	/* replaces */
	assert_true(cache_get(c, "/a", 2, fills, &out, &m));
	assert_string_equal(out.ptr, "<p>page a, again</p>");
	buf_clear(&out);
	cache_put(c, "/x\0en", 5, cache_generation(c), "en", 2, &m);
	cache_put(c, "/x\0de", 5, cache_generation(c), "de", 2, &m);
	assert_true(cache_get(c, "/x\0de", 5, fills, &out, &m));
	assert_string_equal(out.ptr, "de");
	buf_release(&out);
	cache_free(c);
}

static void
cache_fills_markers(void **state)
{
	struct cache *c = cache_new(1 << 20, 16, marks);
	const char *alice[CACHE_MARKERS] = {"tokA", "formA"};
	const char *bob[CACHE_MARKERS] = {"tokB", ""};
	const char *tpl = "<input value=\"@@CSRF@@\"><i>@@FORM@@</i>"
	    "@@CSRF@@@@CSRF@@ @@CSRF";
	struct buf out = BUF_INIT, direct = BUF_INIT;
	struct cache_meta m = meta_html(), m2;

	(void)state;
	cache_put(c, "/p", 2, cache_generation(c), tpl, strlen(tpl), &m);
	assert_true(cache_get(c, "/p", 2, alice, &out, &m2));
	assert_string_equal(out.ptr, "<input value=\"tokA\"><i>formA</i>"
	    "tokAtokA @@CSRF");
	/* the same hash for everyone: it is the template's */
	assert_memory_equal(m.hash, m2.hash, CACHE_HASH_BYTES);
	assert_int_equal(m2.used, 3);
	buf_clear(&out);
	assert_true(cache_get(c, "/p", 2, bob, &out, &m2));
	assert_string_equal(out.ptr, "<input value=\"tokB\"><i></i>"
	    "tokBtokB @@CSRF");
	/* cache_fill gives what a hit gives, without storing */
	assert_int_equal(cache_fill(c, tpl, strlen(tpl), bob, &direct),
	    ND_OK);
	assert_string_equal(direct.ptr, out.ptr);
	buf_release(&out);
	buf_release(&direct);
	cache_free(c);
}

static void
cache_invalidates_by_generation(void **state)
{
	struct cache *c = cache_new(1 << 20, 16, marks);
	const char *fills[CACHE_MARKERS] = {"", ""};
	struct buf out = BUF_INIT;
	struct cache_meta m = meta_html();
	uint64_t old;
	size_t n, bytes;

	(void)state;
	put_str(c, "/a", "old");
	old = cache_generation(c);
	cache_invalidate(c);
	assert_true(cache_generation(c) != old);
	assert_false(cache_get(c, "/a", 2, fills, &out, &m));
	cache_stats(c, &n, &bytes);
	assert_int_equal(n, 0);		/* the stale entry was dropped */
	/* a page rendered before the change is not stored after it */
	cache_put(c, "/a", 2, old, "stale", 5, &m);
	assert_false(cache_get(c, "/a", 2, fills, &out, &m));
	put_str(c, "/a", "new");
	assert_true(cache_get(c, "/a", 2, fills, &out, &m));
	assert_string_equal(out.ptr, "new");
	buf_release(&out);
	cache_free(c);
}

static void
cache_stays_in_bounds(void **state)
{
	struct cache *c = cache_new(8000, 4, marks);
	const char *fills[CACHE_MARKERS] = {"", ""};
	struct buf out = BUF_INIT;
	struct cache_meta m = meta_html();
	char key[16], body[1001];
	size_t i, n, bytes;

	(void)state;
	memset(body, 'x', sizeof(body));	/* 900 used, 1001 for /big */
	for (i = 0; i < 10; i++) {
		snprintf(key, sizeof(key), "/k%zu", i);
		cache_put(c, key, strlen(key), cache_generation(c), body,
		    900, &m);
		cache_stats(c, &n, &bytes);
		assert_true(n <= 4);
		assert_true(bytes <= 8000);
	}
	/* least recently used go first: /k0 is gone, /k9 is there */
	assert_false(cache_get(c, "/k0", 3, fills, &out, &m));
	assert_true(cache_get(c, "/k9", 3, fills, &out, &m));
	buf_clear(&out);
	/* touching /k6 keeps it when two more come */
	assert_true(cache_get(c, "/k6", 3, fills, &out, &m));
	buf_clear(&out);
	cache_put(c, "/n1", 3, cache_generation(c), body, 900, &m);
	cache_put(c, "/n2", 3, cache_generation(c), body, 900, &m);
	assert_true(cache_get(c, "/k6", 3, fills, &out, &m));
	buf_clear(&out);
	assert_false(cache_get(c, "/k7", 3, fills, &out, &m));
	/* over an eighth of the byte bound: never stored */
	cache_put(c, "/big", 4, cache_generation(c), body, sizeof(body), &m);
	assert_false(cache_get(c, "/big", 4, fills, &out, &m));
	/* a bounded output buffer that is too small: a miss, not a cut */
	buf_release(&out);
	buf_init(&out, 100);
	assert_false(cache_get(c, "/k9", 3, fills, &out, &m));
	buf_release(&out);
	cache_free(c);
}

static void
store_data_version_moves(void **state)
{
	char dir[] = "/tmp/nd-cache-XXXXXX";
	struct buf dsn = BUF_INIT;
	struct store *a = NULL, *b = NULL;
	struct topic t = {0, "energy", "Energy", "energy"};
	struct nd_error err;
	int64_t va0, va1, vb0, vb1, va2;

	(void)state;
	assert_non_null(mkdtemp(dir));
	buf_printf(&dsn, "%s/nd.db", dir);
	assert_int_equal(store_open(dsn.ptr, &a, &err), ND_OK);
	assert_int_equal(store_migrate(a, NULL, NULL, &err), ND_OK);
	assert_int_equal(store_open(dsn.ptr, &b, &err), ND_OK);
	assert_string_equal(store_dsn(b), dsn.ptr);
	assert_int_equal(store_data_version(a, &va0, &err), ND_OK);
	assert_int_equal(store_data_version(b, &vb0, &err), ND_OK);
	/* reading changes nothing */
	assert_int_equal(store_data_version(a, &va1, &err), ND_OK);
	assert_true(va0 == va1);
	/* a write through a moves a's (own changes) and b's (another
	 * connection committed) */
	assert_int_equal(store_topic_put(a, &t, &err), ND_OK);
	assert_int_equal(store_data_version(a, &va2, &err), ND_OK);
	assert_int_equal(store_data_version(b, &vb1, &err), ND_OK);
	assert_true(va2 != va1);
	assert_true(vb1 != vb0);
	store_close(a);
	store_close(b);
	unlink(dsn.ptr);
	buf_printf(&dsn, "-wal");
	unlink(dsn.ptr);
	buf_truncate(&dsn, dsn.len - 4);
	buf_printf(&dsn, "-shm");
	unlink(dsn.ptr);
	rmdir(dir);
	buf_release(&dsn);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(cache_hits_and_misses),
		cmocka_unit_test(cache_fills_markers),
		cmocka_unit_test(cache_invalidates_by_generation),
		cmocka_unit_test(cache_stays_in_bounds),
		cmocka_unit_test(store_data_version_moves),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
