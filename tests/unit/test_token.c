#include "testutil.h"

#include <stdio.h>
#include <unistd.h>

#include "store/store.h"
#include "util/token.h"
#include "web/session.h"

static const unsigned char key[TOKEN_KEY_BYTES] = "0123456789abcdef0123456789abcde";
static const unsigned char other[TOKEN_KEY_BYTES] = "fedcba9876543210fedcba987654321";

static void
token_round_trips(void **state)
{
	char *t = token_sign(key, "signin", "reader:42", 2000), *data = NULL;
	struct nd_error err;

	(void)state;
	assert_non_null(t);
	assert_null(strchr(t, '|'));
	assert_null(strpbrk(t, "+/= "));	/* safe in a URL as is */
	assert_int_equal(token_verify(key, "signin", t, 1999, &data, &err),
	    ND_OK);
	assert_string_equal(data, "reader:42");
	free(data);
	free(t);
}

static void
token_refuses_expired_wrong_purpose_and_key(void **state)
{
	char *t = token_sign(key, "signin", "reader:42", 2000), *data;
	struct nd_error err;

	(void)state;
	assert_int_equal(token_verify(key, "signin", t, 2001, &data, &err),
	    ND_ELIMIT);
	assert_string_equal(err.msg, "token expired");
	assert_null(data);
	assert_int_equal(token_verify(key, "unsubscribe", t, 1, &data, &err),
	    ND_EINVAL);
	assert_string_equal(err.msg, "token is for another purpose");
	assert_int_equal(token_verify(other, "signin", t, 1, &data, &err),
	    ND_EINVAL);
	assert_string_equal(err.msg, "token signature does not match");
	free(t);
}

static void
token_refuses_tampering(void **state)
{
	char *t = token_sign(key, "csrf", "abc", 0), *data;
	struct nd_error err;
	size_t i;

	(void)state;
	for (i = 0; t[i]; i++) {
		char saved = t[i];

		t[i] = t[i] == 'A' ? 'B' : 'A';
		assert_int_not_equal(token_verify(key, "csrf", t, 5, &data,
		    &err), ND_OK);
		t[i] = saved;
	}
	assert_int_equal(token_verify(key, "csrf", t, 5, &data, &err), ND_OK);
	free(data);
	free(t);
	assert_int_equal(token_verify(key, "csrf", "", 5, &data, &err),
	    ND_EINVAL);
	assert_int_equal(token_verify(key, "csrf", "abc.def", 5, &data, &err),
	    ND_EINVAL);
	assert_null(token_sign(key, "a|b", "x", 0));
}

static void
store_secret_is_made_once_and_shared(void **state)
{
	char dir[] = "/tmp/nd-token.XXXXXX", path[64];
	unsigned char k1[STORE_SECRET_BYTES], k2[STORE_SECRET_BYTES];
	unsigned char zero[STORE_SECRET_BYTES] = {0};
	struct store *a, *b;
	struct nd_error err;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/s.db", dir);
	assert_int_equal(store_open(path, &a, &err), ND_OK);
	assert_int_equal(store_migrate(a, NULL, NULL, &err), ND_OK);
	assert_int_equal(store_open(path, &b, &err), ND_OK);
	assert_int_equal(store_secret(a, k1, &err), ND_OK);
	assert_int_equal(store_secret(b, k2, &err), ND_OK);
	assert_memory_equal(k1, k2, sizeof(k1));
	assert_memory_not_equal(k1, zero, sizeof(k1));
	store_close(a);
	store_close(b);
	unlink(path);
	snprintf(path, sizeof(path), "%s/s.db-wal", dir);
	unlink(path);
	snprintf(path, sizeof(path), "%s/s.db-shm", dir);
	unlink(path);
	rmdir(dir);
}

static void
session_round_trips_and_refuses_others(void **state)
{
	char *t = session_token(key, 42, 1000), *c;

	(void)state;
	assert_int_equal(session_reader(key, t, 1000), 42);
	assert_int_equal(session_reader(other, t, 1000), 0);
	assert_int_equal(session_reader(key, t, 1000 + SESSION_TTL + 1), 0);
	assert_int_equal(session_reader(key, NULL, 1000), 0);
	c = token_sign(key, "csrf", "42", 0);	/* right data, wrong purpose */
	assert_int_equal(session_reader(key, c, 1000), 0);
	free(c);
	c = token_sign(key, "session", "42x", 0);
	assert_int_equal(session_reader(key, c, 1000), 0);
	free(c);
	free(t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(token_round_trips),
		cmocka_unit_test(token_refuses_expired_wrong_purpose_and_key),
		cmocka_unit_test(token_refuses_tampering),
		cmocka_unit_test(store_secret_is_made_once_and_shared),
		cmocka_unit_test(session_round_trips_and_refuses_others),
	};

	return cmocka_run_group_tests_name("token", tests, NULL, NULL);
}
