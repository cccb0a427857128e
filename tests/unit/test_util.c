#include "testutil.h"

#include "util/strlist.h"
#include "util/timeutil.h"
#include "util/utf8.h"
#include "util/wordset.h"
#include "util/xalloc.h"

static void
buf_appends_and_stays_terminated(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	assert_string_equal(b.ptr, "");
	assert_int_equal(buf_puts(&b, "abc"), ND_OK);
	assert_int_equal(buf_printf(&b, "-%d-", 42), ND_OK);
	assert_int_equal(buf_putc(&b, 'z'), ND_OK);
	assert_string_equal(b.ptr, "abc-42-z");
	assert_int_equal(b.len, 8);
	buf_release(&b);
	assert_string_equal(b.ptr, "");
}

static void
buf_refuses_past_max(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b, 4);
	assert_int_equal(buf_puts(&b, "abcd"), ND_OK);
	assert_int_equal(buf_puts(&b, "e"), ND_ELIMIT);
	assert_int_equal(buf_printf(&b, "%s", "x"), ND_ELIMIT);
	assert_string_equal(b.ptr, "abcd");
	buf_release(&b);
}

static void
buf_trims_space(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	buf_puts(&b, " \t hi there \n");
	buf_trim(&b);
	assert_string_equal(b.ptr, "hi there");
	buf_release(&b);
}

static void
utf8_validates_and_repairs(void **state)
{
	struct buf b = BUF_INIT;
	const char bad[] = "a\xC3(b\xE2\x82\xAC\xED\xA0\x80";

	(void)state;
	assert_true(utf8_valid("Gr\xC3\xBC\xC3\x9F", 6));
	assert_false(utf8_valid(bad, sizeof(bad) - 1));
	assert_false(utf8_valid("\xC0\xAF", 2));	/* overlong */
	assert_int_equal(utf8_repair(bad, sizeof(bad) - 1, &b), 4);
	assert_string_equal(b.ptr, "a\xEF\xBF\xBD(b\xE2\x82\xAC"
	    "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
	buf_release(&b);
}

static void
time_parses_iso_forms(void **state)
{
	int64_t t;
	int timed;
	char out[21];

	(void)state;
	assert_int_equal(time_parse_iso("2022-03-14", 10, &t, &timed), ND_OK);
	assert_int_equal(timed, 0);
	time_format_iso(t, 0, out);
	assert_string_equal(out, "2022-03-14");
	assert_int_equal(time_parse("2022-03-14T09:30:00+01:00", 25, &t,
	    &timed), ND_OK);
	time_format_iso(t, timed, out);
	assert_string_equal(out, "2022-03-14T08:30:00Z");
	assert_int_equal(time_parse("2022-03-14T09:30:00.123Z", 24, &t,
	    &timed), ND_OK);
	time_format_iso(t, timed, out);
	assert_string_equal(out, "2022-03-14T09:30:00Z");
	assert_int_not_equal(time_parse("2022-02-30", 10, &t, &timed), ND_OK);
	assert_int_not_equal(time_parse("yesterday", 9, &t, &timed), ND_OK);
}

static void
time_parses_rfc822(void **state)
{
	const char *s = "Mon, 14 Mar 2022 09:30:00 GMT";
	const char *z = "14 Mar 2022 10:30 +0100";
	int64_t t;
	int timed;
	char out[21];

	(void)state;
	assert_int_equal(time_parse(s, strlen(s), &t, &timed), ND_OK);
	time_format_iso(t, timed, out);
	assert_string_equal(out, "2022-03-14T09:30:00Z");
	assert_int_equal(time_parse(z, strlen(z), &t, &timed), ND_OK);
	time_format_iso(t, timed, out);
	assert_string_equal(out, "2022-03-14T09:30:00Z");
	assert_int_not_equal(time_parse("Mon, 14 Foo 2022", 16, &t, &timed),
	    ND_OK);
}

/* xgrow doubles from first when full and leaves room alone otherwise. */
static void
xgrow_doubles_when_full(void **state)
{
	size_t cap = 0, i;
	int *v = NULL, *same;

	(void)state;
	for (i = 0; i < 20; i++) {
		v = xgrow(v, &cap, i, sizeof(*v), 4);
		v[i] = (int)i;
	}
	assert_int_equal(cap, 32);	/* 4, 8, 16, 32 */
	for (i = 0; i < 20; i++)
		assert_int_equal(v[i], (int)i);
	same = xgrow(v, &cap, 20, sizeof(*v), 4);
	assert_ptr_equal(same, v);
	assert_int_equal(cap, 32);
	free(v);
}

static void
strlist_holds_copies(void **state)
{
	struct strlist l = STRLIST_INIT;
	char s[] = "one";

	(void)state;
	strlist_push(&l, s);
	s[0] = 'x';
	strlist_pushn(&l, "twofold", 3);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.v[0], "one");
	assert_true(strlist_has(&l, "two"));
	assert_false(strlist_has(&l, "xne"));
	strlist_release(&l);
	assert_int_equal(l.n, 0);
}

static void
error_message_is_bounded(void **state)
{
	struct nd_error err;
	char big[2000];

	(void)state;
	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	assert_int_equal(nd_error_set(&err, ND_EPARSE, "x %s", big),
	    ND_EPARSE);
	assert_int_equal(strlen(err.msg), ND_ERRMSG_MAX - 1);
	assert_string_equal(err.msg + ND_ERRMSG_MAX - 4, "...");
	assert_string_equal(nd_strerror(ND_ELIMIT), "over limit");
}

/* Every byte value at every offset of a 8-byte word: the word-at-a-time
 * count agrees with counting byte by byte. */
static void
utf8_control_ratio_counts_every_byte(void **state)
{
	char b[131];	/* two 64-byte blocks and a tail */
	size_t want, i;
	int c, off;

	(void)state;
	for (c = 0; c < 256; c++) {
		for (off = 0; off < (int)sizeof(b); off += c % 7 + 1) {
			memset(b, 'a', sizeof(b));
			b[off] = (char)c;
			b[(off + 5) % sizeof(b)] = '\t';
			want = (c < 0x20 && c != '\t' && c != '\n' &&
			    c != '\r' && c != '\f') || c == 0x7F;
			assert_true(utf8_control_ratio(b, sizeof(b)) ==
			    (double)want / (double)sizeof(b));
		}
	}
	for (i = 0; i < 19; i++)
		b[i] = (char)(i + 1);		/* 0x01..0x13 */
	assert_true(utf8_control_ratio(b, 19) == 15.0 / 19.0);
	memset(b, 0x01, sizeof(b));		/* every byte, every block */
	assert_true(utf8_control_ratio(b, sizeof(b)) == 1.0);
}

static void
utf8_valid_word_at_a_time(void **state)
{
	char b[40];

	(void)state;
	memset(b, 'x', sizeof(b));
	assert_true(utf8_valid(b, sizeof(b)));
	b[17] = (char)0xC3;
	assert_false(utf8_valid(b, sizeof(b)));
	b[18] = (char)0xA9;
	assert_true(utf8_valid(b, sizeof(b)));
	b[39] = (char)0xFF;
	assert_false(utf8_valid(b, sizeof(b)));
}

/* wordset_find() must give what strstr() per word gives. */
static unsigned
wordset_naive(const char *const *a, const char *const *b, const char *s)
{
	unsigned bits = 0;

	for (; *a; a++)
		if (strstr(s, *a))
			bits |= 1;
	for (; *b; b++)
		if (strstr(s, *b))
			bits |= 2;
	return bits;
}

static void
wordset_matches_strstr(void **state)
{
	static const char *const a[] = { "-ad-", "abd", "abc", "sidebar",
	    "\xc3\xa0 lire", "abcd", NULL };
	static const char *const b[] = { "abc", " ad ", "bar", "zzz", NULL };
	static const char *const s[] = { "", "a", "ab", "abd", "xabd",
	    "ababd", "side bar", "my-sidebar", "x-ad-y", " ad", " ad ",
	    "zabcz", "\xc3\xa0 lire aussi", "z", "zzz", "azzzb", "abcd",
	    "xabcdx", NULL };
	static struct wordset ws;
	size_t i;

	(void)state;
	wordset_add(&ws, a, 1);
	wordset_add(&ws, b, 2);
	assert_int_equal(ws.n, 10);
	for (i = 0; s[i]; i++)
		assert_int_equal(wordset_find(&ws, s[i], strlen(s[i])),
		    wordset_naive(a, b, s[i]));
	/* bounded by n, not by a NUL */
	assert_int_equal(wordset_find(&ws, "abcd", 3), 3);
	assert_int_equal(wordset_find(&ws, "sidebar", 6), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(wordset_matches_strstr),
		cmocka_unit_test(utf8_control_ratio_counts_every_byte),
		cmocka_unit_test(utf8_valid_word_at_a_time),
		cmocka_unit_test(buf_appends_and_stays_terminated),
		cmocka_unit_test(buf_refuses_past_max),
		cmocka_unit_test(buf_trims_space),
		cmocka_unit_test(utf8_validates_and_repairs),
		cmocka_unit_test(time_parses_iso_forms),
		cmocka_unit_test(time_parses_rfc822),
		cmocka_unit_test(xgrow_doubles_when_full),
		cmocka_unit_test(strlist_holds_copies),
		cmocka_unit_test(error_message_is_bounded),
	};

	return cmocka_run_group_tests_name("util", tests, NULL, NULL);
}
