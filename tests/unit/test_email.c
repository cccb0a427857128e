/* Email address validation and IDN normalization. */
#include "testutil.h"

#include <stdio.h>

#include "mail/email.h"

static void
norm_ok(const char *in, const char *want)
{
	struct buf b = BUF_INIT;
	struct nd_error err;

	if (email_normalize(in, strlen(in), &b, &err) != ND_OK)
		fail_msg("'%s' refused: %s", in, err.msg);
	assert_string_equal(b.ptr, want);
	buf_release(&b);
}

static void
norm_bad(const char *in, size_t n, const char *why)
{
	struct buf b = BUF_INIT;
	struct nd_error err;

	if (email_normalize(in, n, &b, &err) == ND_OK)
		fail_msg("'%s' accepted as '%s'", in, b.ptr);
	assert_int_equal(err.code, ND_EINVAL);
	if (strstr(err.msg, why) == NULL)
		fail_msg("'%s': message '%s' lacks '%s'", in, err.msg, why);
	assert_null(strchr(err.msg, '\n'));
	assert_null(strchr(err.msg, '\r'));
	assert_int_equal(b.len, 0);
	buf_release(&b);
}

static void
valid_addresses(void **state)
{
	(void)state;
	norm_ok("ann@example.org", "ann@example.org");
	norm_ok("Ann.Lee@Example.ORG", "Ann.Lee@example.org");
	norm_ok("a+tag@mail.example.co.uk", "a+tag@mail.example.co.uk");
	norm_ok("x!#$%&'*+-/=?^_`{|}~@example.org",
	    "x!#$%&'*+-/=?^_`{|}~@example.org");
	norm_ok("user@b\xc3\xbc" "cher.example", "user@xn--bcher-kva.example");
	norm_ok("user@M\xc3\x9cNCHEN.example", "user@xn--mnchen-3ya.example");
	norm_ok("o@xn--bcher-kva.example", "o@xn--bcher-kva.example");
	norm_ok("a@1.2.3.example", "a@1.2.3.example");
}

static void
length_limits(void **state)
{
	char local[80], addr[400];
	size_t i;

	(void)state;
	memset(local, 'a', 64);
	local[64] = '\0';
	snprintf(addr, sizeof(addr), "%s@example.org", local);
	norm_ok(addr, addr);
	local[64] = 'a';
	local[65] = '\0';
	snprintf(addr, sizeof(addr), "%s@example.org", local);
	norm_bad(addr, strlen(addr), "longer than 64");
	/* a 63-byte label is fine, 64 is not */
	memset(local, 'b', 63);
	local[63] = '\0';
	snprintf(addr, sizeof(addr), "a@%s.org", local);
	norm_ok(addr, addr);
	snprintf(addr, sizeof(addr), "a@%sb.org", local);
	norm_bad(addr, strlen(addr), "longer than 63");
	/* 64 + 1 + 3 * 64 + 3 = 260 > 254, the domain alone is fine */
	{
		struct buf full = BUF_INIT;

		buf_puts(&full, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@");
		for (i = 0; i < 3; i++)
			buf_printf(&full, "%s.", local);
		buf_puts(&full, "org");
		norm_bad(full.ptr, full.len, "longer than 254");
		buf_release(&full);
	}
}

static void
invalid_addresses(void **state)
{
	(void)state;
	norm_bad("a@@b", 4, "'a@@b' is not an email address");
	norm_bad("a@@b", 4, "more than one '@'");
	norm_bad("plain", 5, "no '@'");
	norm_bad("@example.org", 12, "nothing before");
	norm_bad("ann@", 4, "nothing after");
	norm_bad(".ann@example.org", 16, "starts or ends with a dot");
	norm_bad("ann.@example.org", 16, "starts or ends with a dot");
	norm_bad("a..n@example.org", 16, "two dots");
	norm_bad("\"a b\"@example.org", 17, "space");
	norm_bad("\"ab\"@example.org", 16, "not allowed");
	norm_bad("a(c)@example.org", 16, "not allowed");
	norm_bad("ann@localhost", 13, "at least one dot");
	norm_bad("ann@[192.0.2.1]", 15, "literals");
	norm_bad("ann@exa_mple.org", 16, "");
	norm_bad("ann@-example.org", 16, "");
	norm_bad("ann@example..org", 16, "");
	norm_bad("ann@example.org.", 16, "");
	norm_bad("ann@example.org\r\nBcc: x@example.org", 35, "line break");
	norm_bad("ann\n@example.org", 16, "line break");
	norm_bad("ann\x01@example.org", 16, "control");
	norm_bad("ann@exa\0mple.org", 16, "control");
	norm_bad("j\xc3\xb6rg@example.org", 16, "only ASCII");
	norm_bad("", 0, "no email address");
}

static void
messages_escape_controls(void **state)
{
	struct buf b = BUF_INIT;
	struct nd_error err;

	(void)state;
	assert_int_equal(email_normalize("a\x07@b.org", 8, &b, &err),
	    ND_EINVAL);
	assert_non_null(strstr(err.msg, "'a\\x07@b.org'"));
}

static void
mask_keeps_one_character_and_the_domain(void **state)
{
	static const char *const cases[][2] = {
		{"ann@example.org", "a***@example.org"},
		{"a@example.org", "a***@example.org"},
		{"\xc3\xa9mile@example.de", "\xc3\xa9***@example.de"},
		{"x@y@example.net", "x***@example.net"},
		{"@example.org", "***"},
		{"no-at-sign", "***"},
		{"", "***"},
	};
	struct buf b = BUF_INIT;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		buf_clear(&b);
		email_mask(cases[i][0], &b);
		assert_string_equal(b.ptr, cases[i][1]);
	}
	buf_clear(&b);
	email_mask(NULL, &b);
	assert_string_equal(b.ptr, "***");
	buf_release(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(valid_addresses),
		cmocka_unit_test(length_limits),
		cmocka_unit_test(invalid_addresses),
		cmocka_unit_test(messages_escape_controls),
		cmocka_unit_test(mask_keeps_one_character_and_the_domain),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
