/* test_web.c - the web layer's parsers and helpers: urlencoded forms and
 * field validation, routing, .po catalogs and language negotiation,
 * ICU dates, CSRF tokens. */
#include "testutil.h"

#include <string.h>

#include "web/csrf.h"
#include "web/form.h"
#include "web/i18n.h"
#include "web/router.h"

static void
form_parses_and_decodes(void **state)
{
	struct form f;

	(void)state;
	form_init(&f);
	assert_int_equal(form_parse(&f, "a=1&b=x+y%21&&c", 15, NULL), ND_OK);
	assert_string_equal(form_get(&f, "a"), "1");
	assert_string_equal(form_get(&f, "b"), "x y!");
	assert_string_equal(form_get(&f, "c"), "");
	assert_null(form_get(&f, "d"));
	form_release(&f);
}

static void
form_rejects_bad_input(void **state)
{
	struct form f;
	struct buf big = BUF_INIT;
	size_t i;

	(void)state;
	form_init(&f);
	assert_int_not_equal(form_parse(&f, "a=%4", 4, NULL), ND_OK);
	assert_int_not_equal(form_parse(&f, "a=%zz", 5, NULL), ND_OK);
	assert_int_not_equal(form_parse(&f, "a=%ff", 5, NULL), ND_OK);
	assert_int_not_equal(form_parse(&f, "a=%00", 5, NULL), ND_OK);
	form_release(&f);
	for (i = 0; i <= FORM_MAX_PAIRS; i++)
		buf_puts(&big, "x=1&");
	assert_int_equal(form_parse(&f, big.ptr, big.len, NULL), ND_ELIMIT);
	form_release(&f);
	buf_clear(&big);
	buf_puts(&big, "x=");
	for (i = 0; i <= FORM_MAX_VALUE; i++)
		buf_putc(&big, 'a');
	assert_int_equal(form_parse(&f, big.ptr, big.len, NULL), ND_ELIMIT);
	form_release(&f);
	buf_release(&big);
}

static void
form_fields_are_validated(void **state)
{
	static const struct field_spec specs[] = {
		{"topic", FIELD_SLUG, 64, 1}, {"email", FIELD_EMAIL, 254, 1},
		{"page", FIELD_UINT, 4, 0}, {NULL, 0, 0, 0}};
	const char *val[HTTP_MAX_FIELDS];
	int64_t num[HTTP_MAX_FIELDS];
	struct form f;
	struct nd_error err;

	(void)state;
	form_init(&f);
	form_parse(&f, "topic=energy&email=a%40b.org&page=12", 36, NULL);
	assert_int_equal(form_check(&f, specs, HTTP_MAX_FIELDS, val, num,
	    &err), ND_OK);
	assert_string_equal(val[1], "a@b.org");
	assert_int_equal(num[2], 12);
	form_release(&f);
	form_parse(&f, "topic=Energy&email=a@b.org", 26, NULL);
	assert_int_equal(form_check(&f, specs, HTTP_MAX_FIELDS, val, num,
	    &err), ND_EINVAL);
	assert_non_null(strstr(err.msg, "topic"));
	form_release(&f);
	form_parse(&f, "topic=x&email=a%0d%0a@b.org", 27, NULL);
	assert_int_not_equal(form_check(&f, specs, HTTP_MAX_FIELDS, val,
	    num, &err), ND_OK);
	form_release(&f);
	form_parse(&f, "email=a@b.org", 13, NULL);
	assert_int_not_equal(form_check(&f, specs, HTTP_MAX_FIELDS, val,
	    num, &err), ND_OK);
	assert_non_null(strstr(err.msg, "missing"));
	form_release(&f);
}

static void
router_matches_patterns(void **state)
{
	const struct route *rt = NULL;
	char slug[ROUTE_SLUG_MAX + 1];
	int64_t id;

	(void)state;
	assert_int_equal(router_match("GET", "/articles/12-a-b", &rt, &id,
	    slug), ROUTE_FOUND);
	assert_int_equal(id, 12);
	assert_int_equal(router_match("GET", "/topics/energy/feed.atom", &rt,
	    &id, slug), ROUTE_FOUND);
	assert_string_equal(slug, "energy");
	assert_int_equal(router_match("GET", "/articles/0", &rt, &id, slug),
	    ROUTE_NOT_FOUND);
	assert_int_equal(router_match("GET", "/articles/1x", &rt, &id, slug),
	    ROUTE_NOT_FOUND);
	assert_int_equal(router_match("GET", "/topics/A", &rt, &id, slug),
	    ROUTE_NOT_FOUND);
	assert_int_equal(router_match("GET",
	    "/articles/1234567890123456789", &rt, &id, slug), ROUTE_NOT_FOUND);
	assert_int_equal(router_match("POST", "/", &rt, &id, slug),
	    ROUTE_BAD_METHOD);
	assert_int_equal(router_match("POST", "/follow", &rt, &id, slug),
	    ROUTE_FOUND);
	assert_string_equal(router_allow("/saved"), "GET, HEAD, POST");
	assert_int_equal(router_match("POST", "/articles/7-a/comments", &rt,
	    &id, slug), ROUTE_FOUND);
	assert_int_equal(id, 7);
	assert_int_equal(router_match("GET", "/articles/7/comments", &rt,
	    &id, slug), ROUTE_BAD_METHOD);
	assert_string_equal(router_allow("/articles/7/comments"), "POST");
}

/* Only the one-click unsubscribe POST goes without a CSRF token. */
static void
router_token_route_is_unsubscribe_only(void **state)
{
	const struct route *rt = NULL;
	char slug[ROUTE_SLUG_MAX + 1];
	int64_t id;

	(void)state;
	assert_int_equal(router_match("POST", "/unsubscribe", &rt, &id,
	    slug), ROUTE_FOUND);
	assert_true(rt->methods & ROUTE_TOKEN);
	assert_int_equal(router_match("GET", "/unsubscribe", &rt, &id,
	    slug), ROUTE_FOUND);
	assert_false(rt->methods & ROUTE_TOKEN);
	assert_string_equal(router_allow("/unsubscribe"), "GET, HEAD, POST");
	assert_int_equal(router_match("POST", "/preferences", &rt, &id,
	    slug), ROUTE_FOUND);
	assert_false(rt->methods & ROUTE_TOKEN);
	assert_int_equal(router_match("POST", "/follow", &rt, &id, slug),
	    ROUTE_FOUND);
	assert_false(rt->methods & ROUTE_TOKEN);
	assert_int_equal(router_match("GET", "/confirm", &rt, &id, slug),
	    ROUTE_FOUND);
	assert_int_equal(router_match("POST", "/confirm", &rt, &id, slug),
	    ROUTE_BAD_METHOD);
}

static void
i18n_reads_po_and_formats(void **state)
{
	static const char po[] = "# c\nmsgid \"\"\nmsgstr \"\"\n\"x\\n\"\n\n"
	    "msgid \"Save\"\nmsgstr \"Merken\"\n\nmsgid \"Long \"\n\"one\"\n"
	    "msgstr \"Lang\"\n\"e\"\n";
	struct i18n *c;
	struct buf b = BUF_INIT;

	(void)state;
	assert_int_equal(i18n_new("de", NULL, &c, NULL), ND_OK);
	assert_int_equal(i18n_parse_po(c, po, sizeof(po) - 1, "t", NULL),
	    ND_OK);
	assert_string_equal(i18n_tr(c, "Save"), "Merken");
	assert_string_equal(i18n_tr(c, "Long one"), "Lange");
	assert_string_equal(i18n_tr(c, "Other"), "Other");
	i18n_date(c, 1647216000, &b);	/* 2022-03-14 */
	assert_string_equal(b.ptr, "14. März 2022");
	buf_clear(&b);
	i18n_number(c, 12345, &b);
	assert_string_equal(b.ptr, "12.345");
	assert_int_equal(i18n_parse_po(c, "bogus\n", 6, "t", NULL),
	    ND_EPARSE);
	i18n_free(c);
	assert_int_equal(i18n_new("en", NULL, &c, NULL), ND_OK);
	buf_clear(&b);
	i18n_date(c, 1647216000, &b);
	assert_string_equal(b.ptr, "14 March 2022");
	buf_clear(&b);
	i18n_datetime(c, 1647216000 + 9 * 3600 + 30 * 60, &b);
	assert_string_equal(b.ptr, "14 March 2022 at 09:30");
	i18n_free(c);
	assert_int_equal(i18n_new("de", NULL, &c, NULL), ND_OK);
	buf_clear(&b);
	i18n_datetime(c, 1647216000 + 9 * 3600 + 30 * 60, &b);
	assert_string_equal(b.ptr, "14. März 2022 um 09:30");
	i18n_free(c);
	buf_release(&b);
}

static void
i18n_negotiates(void **state)
{
	(void)state;
	assert_string_equal(i18n_negotiate(NULL, NULL, NULL), "en");
	assert_string_equal(i18n_negotiate(NULL, NULL, "de-DE,en;q=0.5"),
	    "de");
	assert_string_equal(i18n_negotiate(NULL, NULL,
	    "fr, en;q=0.4, de;q=0.7"), "de");
	assert_string_equal(i18n_negotiate(NULL, NULL, "en;q=0.9, de;q=0.1"),
	    "en");
	assert_string_equal(i18n_negotiate(NULL, "de", "en"), "de");
	assert_string_equal(i18n_negotiate("en", "de", "de"), "en");
	assert_string_equal(i18n_negotiate("xx", "deutsch", "fr"), "en");
}

static void
csrf_double_submit(void **state)
{
	unsigned char key[TOKEN_KEY_BYTES] = {1, 2, 3};
	unsigned char other[TOKEN_KEY_BYTES] = {9};
	char *t, *again;
	int fresh;

	(void)state;
	t = csrf_token(key, NULL, 1000, &fresh);
	assert_non_null(t);
	assert_true(fresh);
	again = csrf_token(key, t, 2000, &fresh);
	assert_false(fresh);
	assert_string_equal(again, t);
	assert_true(csrf_check(key, t, t, 2000));
	assert_false(csrf_check(key, t, "x", 2000));
	assert_false(csrf_check(key, NULL, t, 2000));
	assert_false(csrf_check(other, t, t, 2000));
	assert_false(csrf_check(key, t, t, 1000 + CSRF_TTL + 1));
	free(t);
	free(again);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(form_parses_and_decodes),
		cmocka_unit_test(form_rejects_bad_input),
		cmocka_unit_test(form_fields_are_validated),
		cmocka_unit_test(router_matches_patterns),
		cmocka_unit_test(router_token_route_is_unsubscribe_only),
		cmocka_unit_test(i18n_reads_po_and_formats),
		cmocka_unit_test(i18n_negotiates),
		cmocka_unit_test(csrf_double_submit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
