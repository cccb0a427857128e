#include "testutil.h"

#include "web/html.h"

static void
html_text_escapes_markup(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	html_text(&b, "<script>alert('x') & \"y\"</script>");
	assert_string_equal(b.ptr, "&lt;script&gt;alert(&#39;x&#39;) &amp; "
	    "&quot;y&quot;&lt;/script&gt;");
	buf_release(&b);
}

static void
html_text_of_null_writes_nothing(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	html_text(&b, NULL);
	html_url(&b, NULL);
	assert_int_equal(b.len, 0);
	buf_release(&b);
}

static void
html_url_drops_dangerous_schemes(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	html_url(&b, "javascript:alert(1)");
	assert_string_equal(b.ptr, "#");
	buf_clear(&b);
	html_url(&b, "JaVaScRiPt:alert(1)");
	assert_string_equal(b.ptr, "#");
	buf_clear(&b);
	html_url(&b, "data:text/html,<b>");
	assert_string_equal(b.ptr, "#");
	buf_clear(&b);
	html_url(&b, "https://example.org/a?b=1&c=\"2\"");
	assert_string_equal(b.ptr, "https://example.org/a?b=1&amp;c=&quot;2&quot;");
	buf_clear(&b);
	html_url(&b, "/articles/1");
	assert_string_equal(b.ptr, "/articles/1");
	buf_clear(&b);
	html_url(&b, "mailto:desk@example.org");
	assert_string_equal(b.ptr, "mailto:desk@example.org");
	buf_release(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(html_text_escapes_markup),
		cmocka_unit_test(html_text_of_null_writes_nothing),
		cmocka_unit_test(html_url_drops_dangerous_schemes),
	};

	return cmocka_run_group_tests_name("html", tests, NULL, NULL);
}
