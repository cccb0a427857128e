/* mime.c - mail messages through GMime 3: headers checked for controls,
 * the subject and display name encoded by GMime (RFC 2047), bodies as
 * UTF-8 quoted-printable alternatives.
 */
#include "mail/mime.h"

#include <pthread.h>
#include <string.h>

#include <gmime/gmime.h>

int
mime_header_safe(const char *s)
{
	const unsigned char *p;

	if (s == NULL)
		return 1;
	for (p = (const unsigned char *)s; *p; p++)
		if ((*p < 0x20 && *p != '\t') || *p == 0x7f)
			return 0;
	return 1;
}

/* The one-time GMime start: serve composes in its HTTP thread (reader
 * mails) and in its digest scheduler thread. */
static pthread_once_t mime_once = PTHREAD_ONCE_INIT;

static void
mime_init_once(void)
{
	g_mime_init();
}

static void
mime_init(void)
{
	pthread_once(&mime_once, mime_init_once);
}

static enum nd_err
mime_check(const struct mime_msg *m, struct nd_error *err)
{
	const struct { const char *name, *v; } h[] = {
		{"From", m->from_name}, {"From", m->from_addr}, {"To", m->to},
		{"Subject", m->subject}, {"Message-ID", m->message_id},
		{"List-Id", m->list_id}, {"List-Unsubscribe", m->unsub_url},
		{"List-Unsubscribe", m->unsub_mailto}};
	size_t i;

	if (m->from_addr == NULL || m->to == NULL || m->subject == NULL ||
	    m->message_id == NULL || m->text == NULL || m->html == NULL)
		return nd_error_set(err, ND_EINVAL, "mail message lacks a "
		    "sender, recipient, subject, message id or body");
	for (i = 0; i < sizeof(h) / sizeof(h[0]); i++)
		if (!mime_header_safe(h[i].v))
			return nd_error_set(err, ND_EINVAL, "mail header %s "
			    "would hold a line break or control character",
			    h[i].name);
	if (strpbrk(m->message_id, "<> ") || strchr(m->message_id, '@') ==
	    NULL || strpbrk(m->to, "<>,; ") || strpbrk(m->from_addr, "<>,; "))
		return nd_error_set(err, ND_EINVAL, "mail message id or "
		    "address is malformed");
	return ND_OK;
}

/* A text part holding body as UTF-8 bytes, as is (GMime's set_text
 * would pick another charset for Latin text). */
static GMimeObject *
mime_part(const char *subtype, const char *body)
{
	GMimePart *p = g_mime_part_new_with_type("text", subtype);
	GMimeStream *st = g_mime_stream_mem_new_with_buffer(body,
	    strlen(body));
	GMimeDataWrapper *w = g_mime_data_wrapper_new_with_stream(st,
	    GMIME_CONTENT_ENCODING_DEFAULT);

	g_mime_part_set_content(p, w);
	g_object_unref(w);
	g_object_unref(st);
	g_mime_object_set_content_type_parameter((GMimeObject *)p, "charset",
	    "utf-8");
	g_mime_part_set_content_encoding(p,
	    GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);
	return (GMimeObject *)p;
}

/* List-* headers; the values are checked and plain ASCII. */
static void
mime_list_headers(GMimeObject *o, const struct mime_msg *m)
{
	struct buf v = BUF_INIT;

	if (m->list_id)
		g_mime_object_set_header(o, "List-Id", m->list_id, "utf-8");
	if (m->unsub_url || m->unsub_mailto) {
		if (m->unsub_url)
			buf_printf(&v, "<%s>", m->unsub_url);
		if (m->unsub_mailto)
			buf_printf(&v, "%s<%s>", v.len ? ", " : "",
			    m->unsub_mailto);
		g_mime_object_set_header(o, "List-Unsubscribe", v.ptr, NULL);
	}
	if (m->unsub_url)
		g_mime_object_set_header(o, "List-Unsubscribe-Post",
		    "List-Unsubscribe=One-Click", NULL);
	buf_release(&v);
}

static GMimeMessage *
mime_build(const struct mime_msg *m)
{
	GMimeMessage *msg = g_mime_message_new(TRUE);
	GMimeMultipart *alt = g_mime_multipart_new_with_subtype("alternative");
	GMimeObject *part;
	GDateTime *dt = g_date_time_new_from_unix_utc(m->date);

	g_mime_message_add_mailbox(msg, GMIME_ADDRESS_TYPE_FROM, m->from_name,
	    m->from_addr);
	g_mime_message_add_mailbox(msg, GMIME_ADDRESS_TYPE_TO, NULL, m->to);
	g_mime_message_set_subject(msg, m->subject, "utf-8");
	g_mime_message_set_message_id(msg, m->message_id);
	g_mime_message_set_date(msg, dt);
	g_date_time_unref(dt);
	mime_list_headers((GMimeObject *)msg, m);
	part = mime_part("plain", m->text);
	g_mime_multipart_add(alt, part);
	g_object_unref(part);
	part = mime_part("html", m->html);
	g_mime_multipart_add(alt, part);
	g_object_unref(part);
	g_mime_message_set_mime_part(msg, (GMimeObject *)alt);
	g_object_unref(alt);
	return msg;
}

enum nd_err
mime_compose(const struct mime_msg *m, struct buf *out, struct nd_error *err)
{
	GMimeMessage *msg;
	GMimeStream *mem;
	GByteArray *ba;
	enum nd_err e;

	if ((e = mime_check(m, err)) != ND_OK)
		return e;
	mime_init();
	msg = mime_build(m);
	mem = g_mime_stream_mem_new();
	if (g_mime_object_write_to_stream((GMimeObject *)msg, NULL, mem) < 0)
		e = nd_error_set(err, ND_EIO, "cannot write mail message "
		    "'%s'", m->message_id);
	ba = g_mime_stream_mem_get_byte_array((GMimeStreamMem *)mem);
	if (e == ND_OK && buf_put(out, ba->data, ba->len) != ND_OK)
		e = nd_error_set(err, ND_ELIMIT, "mail message '%s' is too "
		    "large", m->message_id);
	g_object_unref(mem);
	g_object_unref(msg);
	return e;
}
