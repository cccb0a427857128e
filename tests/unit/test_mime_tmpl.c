/* The per-group MIME template: quoted-printable rules, and messages
 * emitted per reader parsed back with GMime (structure, encoding,
 * headers, slots), header injection refused. */
#include "testutil.h"

#include <gmime/gmime.h>

#include "mail/mime_tmpl.h"
#include "util/xalloc.h"

#define SUBJECT	"Klima \xc3\xbc" "ber alles: Ihr Daily Digest, 29. M\xc3\xa4rz"
#define TEXT	"Gr\xc3\xbc\xc3\x9f" "e = 1 \n.dot line\ntrail \n"

static void
qp_rules(void **state)
{
	struct buf b = BUF_INIT, l = BUF_INIT;
	const char *p, *q;
	size_t i;

	(void)state;
	mime_qp_encode("a=b \n.x\t\n\xc3\xbc", 11, &b);
	assert_string_equal(b.ptr, "a=3Db=20\n=2Ex=09\n=C3=BC=\n");
	buf_clear(&b);
	mime_qp_encode("line\n", 5, &b);
	assert_string_equal(b.ptr, "line\n");
	buf_clear(&b);
	for (i = 0; i < 300; i++)
		buf_puts(&l, i % 7 ? "y" : "\xc3\xa4");
	mime_qp_encode(l.ptr, l.len, &b);
	for (p = b.ptr; *p; p = q + 1) {
		q = strchr(p, '\n');
		assert_non_null(q);
		assert_true(q - p <= 76);
	}
	buf_release(&b);
	buf_release(&l);
}

static void
tmpl_build(struct mime_tmpl *t, const char *long_text)
{
	struct mime_msg g;
	struct nd_error err;

	memset(&g, 0, sizeof(g));
	g.from_name = "Newsdesk Daily Digest";
	g.from_addr = "digest@news.example";
	g.subject = SUBJECT;
	g.list_id = "Daily Digest <digest.news.example>";
	mime_tmpl_init(t);
	assert_int_equal(mime_tmpl_headers(t, &g, &err), ND_OK);
	mime_tmpl_part(t, "plain");
	mime_tmpl_text(t, TEXT, strlen(TEXT));
	mime_tmpl_text(t, long_text, strlen(long_text));
	mime_tmpl_text(t, "Prefs: ", 7);
	mime_tmpl_slot(t, 0);
	mime_tmpl_text(t, "\n", 1);
	mime_tmpl_part(t, "html");
	mime_tmpl_text(t, "<p>\xc3\xa4</p><a href=\"", 18);
	mime_tmpl_slot(t, 1);
	mime_tmpl_text(t, "\">x</a>\n", 8);
}

static struct mime_reader
reader_base(void)
{
	struct mime_reader r;

	memset(&r, 0, sizeof(r));
	r.to = "ann@example.org";
	r.message_id = "digest.7.20260329@news.example";
	r.date = 1774762200;
	r.unsub_url = "https://news.example/unsubscribe?t=abc.def";
	r.unsub_mailto = "mailto:unsubscribe@news.example?subject=x%20y";
	return r;
}

/* The decoded content of part i of the parsed message's alternative. */
static char *
part_text(GMimeMultipart *mp, int i, const char *subtype)
{
	GMimeObject *o = g_mime_multipart_get_part(mp, i);
	GMimeDataWrapper *w;
	GMimeStream *mem;
	GByteArray *ba;
	char *s;

	assert_true(GMIME_IS_PART(o));
	assert_true(g_mime_content_type_is_type(g_mime_object_get_content_type(
	    o), "text", subtype));
	assert_string_equal(g_mime_object_get_content_type_parameter(o,
	    "charset"), "utf-8");
	assert_int_equal(g_mime_part_get_content_encoding((GMimePart *)o),
	    GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);
	w = g_mime_part_get_content((GMimePart *)o);
	mem = g_mime_stream_mem_new();
	g_mime_data_wrapper_write_to_stream(w, mem);
	ba = g_mime_stream_mem_get_byte_array((GMimeStreamMem *)mem);
	s = xstrndup((const char *)ba->data, ba->len);
	g_object_unref(mem);
	return s;
}

static GMimeMessage *
parse(const struct buf *b)
{
	GMimeStream *st = g_mime_stream_mem_new_with_buffer(b->ptr, b->len);
	GMimeParser *p = g_mime_parser_new_with_stream(st);
	GMimeMessage *m = g_mime_parser_construct_message(p, NULL);

	g_object_unref(p);
	g_object_unref(st);
	assert_non_null(m);
	return m;
}

static void
emit_parses_back(void **state)
{
	struct mime_tmpl t;
	struct mime_reader r = reader_base();
	const char *slots[2] = {"https://n.example/p?t=a=b&c", "https://"
	    "n.example/u?t=x&amp;y"};
	struct buf b = BUF_INIT, want = BUF_INIT, lng = BUF_INIT;
	struct nd_error err;
	GMimeMessage *m;
	GMimeObject *top;
	const char *end, *p;
	char *s;
	int i;

	(void)state;
	for (i = 0; i < 200; i++)
		buf_puts(&lng, i % 9 ? "word " : "w\xc3\xb6rd=");
	buf_puts(&lng, "\n");
	tmpl_build(&t, lng.ptr);
	assert_int_equal(mime_tmpl_emit(&t, &r, slots, 2, &b, &err), ND_OK);
	end = strstr(b.ptr, "\n\n");
	assert_non_null(end);
	for (p = b.ptr; p < end; p++)
		assert_true((unsigned char)*p < 0x80 && *p != '\r');
	for (p = b.ptr; *p; p++)
		assert_true((unsigned char)*p < 0x80);
	m = parse(&b);
	assert_string_equal(g_mime_message_get_subject(m), SUBJECT);
	assert_string_equal(g_mime_message_get_message_id(m),
	    "digest.7.20260329@news.example");
	s = internet_address_list_to_string(g_mime_message_get_to(m), NULL,
	    FALSE);
	assert_string_equal(s, "ann@example.org");
	g_free(s);
	assert_non_null(strstr(b.ptr, "\nDate: Sun, 29 Mar 2026 05:30:00 "
	    "+0000\n"));
	assert_non_null(strstr(b.ptr, "\nList-Unsubscribe-Post: "
	    "List-Unsubscribe=One-Click\n"));
	assert_string_equal(g_mime_object_get_header((GMimeObject *)m,
	    "List-Id"), "Daily Digest <digest.news.example>");
	assert_non_null(strstr(g_mime_object_get_header((GMimeObject *)m,
	    "List-Unsubscribe"), "<https://news.example/unsubscribe?t=abc.def>"));
	top = g_mime_message_get_mime_part(m);
	assert_true(GMIME_IS_MULTIPART(top));
	assert_true(g_mime_content_type_is_type(g_mime_object_get_content_type(
	    top), "multipart", "alternative"));
	assert_int_equal(g_mime_multipart_get_count((GMimeMultipart *)top), 2);
	buf_printf(&want, "%s%sPrefs: %s\n", TEXT, lng.ptr, slots[0]);
	s = part_text((GMimeMultipart *)top, 0, "plain");
	assert_string_equal(s, want.ptr);
	free(s);
	buf_clear(&want);
	buf_printf(&want, "<p>\xc3\xa4</p><a href=\"%s\">x</a>\n", slots[1]);
	s = part_text((GMimeMultipart *)top, 1, "html");
	assert_string_equal(s, want.ptr);
	free(s);
	g_object_unref(m);
	mime_tmpl_release(&t);
	buf_release(&b);
	buf_release(&want);
	buf_release(&lng);
}

static void
emit_refuses_injection(void **state)
{
	struct mime_tmpl t;
	struct mime_reader r;
	struct mime_msg g;
	struct buf b = BUF_INIT;
	struct nd_error err;

	(void)state;
	tmpl_build(&t, "");
	r = reader_base();
	r.to = "ann@example.org\nBcc: x@example.org";
	assert_int_equal(mime_tmpl_emit(&t, &r, NULL, 0, &b, &err), ND_EINVAL);
	r = reader_base();
	r.message_id = "no-at";
	assert_int_equal(mime_tmpl_emit(&t, &r, NULL, 0, &b, &err), ND_EINVAL);
	r = reader_base();
	r.unsub_url = "https://x/>\tBcc";
	assert_int_equal(mime_tmpl_emit(&t, &r, NULL, 0, &b, &err), ND_EINVAL);
	assert_int_equal(b.len, 0);
	r = reader_base();
	buf_init(&b, 100);
	assert_int_equal(mime_tmpl_emit(&t, &r, NULL, 0, &b, &err), ND_ELIMIT);
	assert_int_equal(b.len, 0);
	memset(&g, 0, sizeof(g));
	g.from_addr = "digest@news.example";
	g.subject = "Hi\r\nBcc: victim@example.org";
	assert_int_equal(mime_tmpl_headers(&t, &g, &err), ND_EINVAL);
	assert_non_null(strstr(err.msg, "Subject"));
	mime_tmpl_release(&t);
	buf_release(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(qp_rules),
		cmocka_unit_test(emit_parses_back),
		cmocka_unit_test(emit_refuses_injection),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
