/* Local time across DST changes (ICU), MIME header safety, the render
 * fill of per-reader links. */
#include "testutil.h"

#include "mail/digest_int.h"
#include "mail/mime.h"
#include "mail/schedule.h"
#include "util/timeutil.h"

static void
local_at(const char *tz, const char *utc, const char *date, int hour,
    int minute)
{
	struct local_day d;
	struct nd_error err;
	int64_t t;
	int has;

	assert_int_equal(time_parse_iso(utc, strlen(utc), &t, &has), ND_OK);
	if (schedule_local(tz, t, &d, &err) != ND_OK)
		fail_msg("%s", err.msg);
	if (strcmp(d.date, date) != 0 || d.hour != hour || d.minute != minute)
		fail_msg("%s at %s: got %s %02d:%02d, want %s %02d:%02d", tz,
		    utc, d.date, d.hour, d.minute, date, hour, minute);
}

static void
dst_changes(void **state)
{
	(void)state;
	/* Berlin: CET -> CEST 2026-03-29 01:00Z, back 2026-10-25 01:00Z */
	local_at("Europe/Berlin", "2026-03-29T00:59:00Z", "2026-03-29", 1, 59);
	local_at("Europe/Berlin", "2026-03-29T01:00:00Z", "2026-03-29", 3, 0);
	local_at("Europe/Berlin", "2026-10-25T00:30:00Z", "2026-10-25", 2, 30);
	local_at("Europe/Berlin", "2026-10-25T01:30:00Z", "2026-10-25", 2, 30);
	/* New York: EST -> EDT 2026-03-08 07:00Z, back 2026-11-01 06:00Z */
	local_at("America/New_York", "2026-03-08T06:59:00Z", "2026-03-08", 1,
	    59);
	local_at("America/New_York", "2026-03-08T07:00:00Z", "2026-03-08", 3,
	    0);
	local_at("America/New_York", "2026-11-01T05:30:00Z", "2026-11-01", 1,
	    30);
	local_at("America/New_York", "2026-11-01T06:30:00Z", "2026-11-01", 1,
	    30);
	local_at("America/New_York", "2026-03-29T02:00:00Z", "2026-03-28", 22,
	    0);
	/* Kolkata: +05:30, no DST */
	local_at("Asia/Kolkata", "2026-03-29T01:29:00Z", "2026-03-29", 6, 59);
	local_at("Asia/Kolkata", "2026-07-01T18:30:00Z", "2026-07-02", 0, 0);
	/* Auckland: NZDT +13 until 2026-04-05 (03:00 -> 02:00), NZST +12,
	 * NZDT again from 2026-09-27 (02:00 -> 03:00) */
	local_at("Pacific/Auckland", "2026-04-04T13:30:00Z", "2026-04-05", 2,
	    30);
	local_at("Pacific/Auckland", "2026-04-04T14:30:00Z", "2026-04-05", 2,
	    30);
	local_at("Pacific/Auckland", "2026-09-26T13:59:00Z", "2026-09-27", 1,
	    59);
	local_at("Pacific/Auckland", "2026-09-26T14:00:00Z", "2026-09-27", 3,
	    0);
	local_at("Pacific/Auckland", "2026-03-28T18:00:00Z", "2026-03-29", 7,
	    0);
}

static void
zones_are_checked(void **state)
{
	struct local_day d;
	struct nd_error err;

	(void)state;
	assert_true(schedule_tz_valid("Europe/Berlin"));
	assert_true(schedule_tz_valid("UTC"));
	assert_false(schedule_tz_valid("Mars/Base"));
	assert_false(schedule_tz_valid(""));
	assert_false(schedule_tz_valid("Europe/Berlin\n"));
	assert_int_equal(schedule_local("Nowhere/Town", 0, &d, &err),
	    ND_EINVAL);
	assert_non_null(strstr(err.msg, "'Nowhere/Town'"));
}

static void
dates_in_the_readers_language(void **state)
{
	struct buf b = BUF_INIT;
	struct nd_error err;

	(void)state;
	assert_int_equal(schedule_format("de", "Europe/Berlin", 1774762200, 0,
	    &b, &err), ND_OK);
	assert_string_equal(b.ptr, "29. M\xc3\xa4rz 2026");
	buf_clear(&b);
	schedule_format("en", "Europe/Berlin", 1774762200, 0, &b, &err);
	assert_string_equal(b.ptr, "29 March 2026");
	buf_clear(&b);
	schedule_format("en", "Europe/Berlin", 1774762200, 1, &b, &err);
	assert_string_equal(b.ptr, "07:30");
	buf_release(&b);
}

static struct mime_msg
msg_base(void)
{
	struct mime_msg m;

	memset(&m, 0, sizeof(m));
	m.from_addr = "digest@news.example";
	m.to = "ann@example.org";
	m.subject = "Klima: \xc3\xbc" "ber alles";
	m.message_id = "digest.1.20260329@news.example";
	m.date = 1774762200;
	m.unsub_url = "https://news.example/unsubscribe?t=abc";
	m.unsub_mailto = "mailto:unsubscribe@news.example?subject=x";
	m.list_id = "Daily Digest <digest.news.example>";
	m.text = "Hello\n";
	m.html = "<p>Hello</p>\n";
	return m;
}

static void
mime_headers_and_injection(void **state)
{
	struct mime_msg m = msg_base();
	struct buf b = BUF_INIT;
	struct nd_error err;

	(void)state;
	assert_int_equal(mime_compose(&m, &b, &err), ND_OK);
	/* RFC 2047: an encoded word, and no 8-bit byte in the headers */
	{
		const char *end = strstr(b.ptr, "\n\n");
		const char *p;

		assert_non_null(end);
		assert_non_null(strstr(b.ptr, "Subject: Klima: =?UTF-8?"));
		for (p = b.ptr; p < end; p++)
			assert_true((unsigned char)*p < 0x80);
	}
	assert_non_null(strstr(b.ptr, "List-Unsubscribe-Post: "
	    "List-Unsubscribe=One-Click"));
	assert_non_null(strstr(b.ptr, "Message-Id: "
	    "<digest.1.20260329@news.example>") ? b.ptr : strstr(b.ptr,
	    "Message-ID: <digest.1.20260329@news.example>"));
	assert_non_null(strstr(b.ptr, "multipart/alternative"));
	buf_clear(&b);
	m.subject = "Hi\r\nBcc: victim@example.org";
	assert_int_equal(mime_compose(&m, &b, &err), ND_EINVAL);
	assert_non_null(strstr(err.msg, "Subject"));
	assert_int_equal(b.len, 0);
	m = msg_base();
	m.to = "ann@example.org\nBcc: x@example.org";
	assert_int_equal(mime_compose(&m, &b, &err), ND_EINVAL);
	m = msg_base();
	m.from_name = "Desk\rX-Evil: 1";
	assert_int_equal(mime_compose(&m, &b, &err), ND_EINVAL);
	m = msg_base();
	m.message_id = "<no-at>";
	assert_int_equal(mime_compose(&m, &b, &err), ND_EINVAL);
	buf_release(&b);
}

static void
fill_escapes_links_in_html(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	digest_render_fill("a \001P b \001U c", 0, "http://x/p?t=1&u=2",
	    "http://x/u", &b);
	assert_string_equal(b.ptr, "a http://x/p?t=1&u=2 b http://x/u c");
	buf_clear(&b);
	digest_render_fill("<a href=\"\001P\">", 1, "http://x/p?t=1&u=2",
	    "u", &b);
	assert_string_equal(b.ptr, "<a href=\"http://x/p?t=1&amp;u=2\">");
	buf_release(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(dst_changes),
		cmocka_unit_test(zones_are_checked),
		cmocka_unit_test(dates_in_the_readers_language),
		cmocka_unit_test(mime_headers_and_injection),
		cmocka_unit_test(fill_escapes_links_in_html),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
