/* mime_tmpl.c - a message built once per group, emitted per reader:
 * GMime encodes the group headers once; the bodies are quoted-printable
 * pieces with slots for the reader's links.
 */
#include "mail/mime_tmpl.h"

#include <pthread.h>
#include <string.h>
#include <time.h>

#include <gmime/gmime.h>

#include "util/xalloc.h"

/* "=_" never occurs in quoted-printable text, so the boundary cannot
 * occur in a part. */
#define MIME_TMPL_BOUNDARY	"=_newsdesk_alt_1"
#define MIME_QP_LINE		76

static const char mime_hex[] = "0123456789ABCDEF";

static int
mime_qp_plain(unsigned char c, size_t col)
{
	if (c == '=' || c > 126 || (c < 32 && c != '\t' && c != ' '))
		return 0;
	return !(c == '.' && col == 0);
}

/* Output is staged in a block and appended a block at a time. */
struct mime_qp {
	char blk[1024];
	size_t n;
	struct buf *out;
};

static void
mime_qp_put(struct mime_qp *q, const char *p, size_t n)
{
	if (q->n + n > sizeof(q->blk)) {
		buf_put(q->out, q->blk, q->n);
		q->n = 0;
	}
	memcpy(q->blk + q->n, p, n);
	q->n += n;
}

void
mime_qp_encode(const char *p, size_t n, struct buf *out)
{
	struct mime_qp q;
	size_t i, col = 0;
	char enc[3];

	q.n = 0;
	q.out = out;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];
		/* white space before a line end or the piece's end */
		int ws_end = (c == ' ' || c == '\t') && (i + 1 == n ||
		    p[i + 1] == '\n');
		int plain = !ws_end && mime_qp_plain(c, col);

		if (c == '\n') {
			mime_qp_put(&q, "\n", 1);
			col = 0;
			continue;
		}
		if (col + (plain ? 1 : 3) > MIME_QP_LINE - 1) {
			mime_qp_put(&q, "=\n", 2);
			col = 0;
			plain = !ws_end && mime_qp_plain(c, col);
		}
		if (plain) {
			mime_qp_put(&q, (const char *)&p[i], 1);
			col++;
			continue;
		}
		enc[0] = '=';
		enc[1] = mime_hex[c >> 4];
		enc[2] = mime_hex[c & 15];
		mime_qp_put(&q, enc, 3);
		col += 3;
	}
	if (col > 0)
		mime_qp_put(&q, "=\n", 2);
	buf_put(out, q.blk, q.n);
}

void
mime_tmpl_init(struct mime_tmpl *t)
{
	memset(t, 0, sizeof(*t));
	buf_init(&t->head, SIZE_MAX);
	buf_init(&t->body, SIZE_MAX);
}

void
mime_tmpl_release(struct mime_tmpl *t)
{
	buf_release(&t->head);
	buf_release(&t->body);
	free(t->v);
	memset(t, 0, sizeof(*t));
}

static pthread_once_t mime_tmpl_once = PTHREAD_ONCE_INIT;

static void
mime_tmpl_gmime(void)
{
	g_mime_init();
}

enum nd_err
mime_tmpl_headers(struct mime_tmpl *t, const struct mime_msg *m,
    struct nd_error *err)
{
	GMimeMessage *msg;
	char *h;

	if (m->from_addr == NULL || m->subject == NULL ||
	    strpbrk(m->from_addr, "<>,; "))
		return nd_error_set(err, ND_EINVAL, "mail message lacks a "
		    "sender or subject, or the sender is malformed");
	if (!mime_header_safe(m->from_name) || !mime_header_safe(
	    m->from_addr) || !mime_header_safe(m->subject) ||
	    !mime_header_safe(m->list_id))
		return nd_error_set(err, ND_EINVAL, "mail header %s would hold "
		    "a line break or control character",
		    !mime_header_safe(m->subject) ? "Subject" : "From");
	pthread_once(&mime_tmpl_once, mime_tmpl_gmime);
	msg = g_mime_message_new(FALSE);
	g_mime_message_add_mailbox(msg, GMIME_ADDRESS_TYPE_FROM, m->from_name,
	    m->from_addr);
	g_mime_message_set_subject(msg, m->subject, "utf-8");
	if (m->list_id)
		g_mime_object_set_header((GMimeObject *)msg, "List-Id",
		    m->list_id, "utf-8");
	h = g_mime_object_get_headers((GMimeObject *)msg, NULL);
	buf_clear(&t->head);
	buf_puts(&t->head, h);
	g_free(h);
	g_object_unref(msg);
	return ND_OK;
}

static struct mime_piece *
mime_tmpl_piece(struct mime_tmpl *t)
{
	t->v = xgrow(t->v, &t->cap, t->n, sizeof(*t->v), 16);
	return &t->v[t->n++];
}

/* Extend the last piece over the bytes just appended (from off). */
static void
mime_tmpl_grow(struct mime_tmpl *t, size_t off)
{
	struct mime_piece *p;

	if (t->n > 0 && t->v[t->n - 1].slot < 0) {
		t->v[t->n - 1].len += t->body.len - off;
		return;
	}
	p = mime_tmpl_piece(t);
	p->off = off;
	p->len = t->body.len - off;
	p->slot = -1;
}

void
mime_tmpl_part(struct mime_tmpl *t, const char *subtype)
{
	size_t off = t->body.len;

	buf_printf(&t->body, "%s--" MIME_TMPL_BOUNDARY "\nContent-Type: "
	    "text/%s; charset=utf-8\nContent-Transfer-Encoding: "
	    "quoted-printable\n\n", t->parts ? "\n" : "", subtype);
	t->parts++;
	mime_tmpl_grow(t, off);
}

void
mime_tmpl_text(struct mime_tmpl *t, const char *p, size_t n)
{
	size_t off = t->body.len;

	mime_qp_encode(p, n, &t->body);
	mime_tmpl_grow(t, off);
}

void
mime_tmpl_encoded(struct mime_tmpl *t, const char *qp, size_t n)
{
	size_t off = t->body.len;

	buf_put(&t->body, qp, n);
	mime_tmpl_grow(t, off);
}

void
mime_tmpl_slot(struct mime_tmpl *t, int idx)
{
	struct mime_piece *p = mime_tmpl_piece(t);

	p->off = p->len = 0;
	p->slot = idx >= 0 && idx < MIME_TMPL_SLOTS ? idx : 0;
}

/* RFC 5322 date of t (UTC), independent of the locale. */
static void
mime_tmpl_date(int64_t when, struct buf *out)
{
	static const char days[][4] = {"Sun", "Mon", "Tue", "Wed", "Thu",
	    "Fri", "Sat"};
	static const char months[][4] = {"Jan", "Feb", "Mar", "Apr", "May",
	    "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	time_t tt = (time_t)when;
	struct tm tm;

	gmtime_r(&tt, &tm);
	buf_printf(out, "Date: %s, %02d %s %04d %02d:%02d:%02d +0000\n",
	    days[tm.tm_wday % 7], tm.tm_mday, months[tm.tm_mon % 12],
	    tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

static enum nd_err
mime_tmpl_check(const struct mime_reader *r, struct nd_error *err)
{
	if (r->to == NULL || r->message_id == NULL)
		return nd_error_set(err, ND_EINVAL, "mail message lacks a "
		    "recipient or message id");
	if (!mime_header_safe(r->to) || !mime_header_safe(r->message_id) ||
	    !mime_header_safe(r->unsub_url) ||
	    !mime_header_safe(r->unsub_mailto))
		return nd_error_set(err, ND_EINVAL, "mail header %s would hold "
		    "a line break or control character",
		    !mime_header_safe(r->to) ? "To" : "Message-ID");
	if (strpbrk(r->message_id, "<> ") || strchr(r->message_id, '@') ==
	    NULL || strpbrk(r->to, "<>,; ") || (r->unsub_url &&
	    strpbrk(r->unsub_url, "<> ,")) || (r->unsub_mailto &&
	    strpbrk(r->unsub_mailto, "<> ,")))
		return nd_error_set(err, ND_EINVAL, "mail message id, address "
		    "or unsubscribe link is malformed");
	return ND_OK;
}

static void
mime_tmpl_reader_headers(const struct mime_reader *r, struct buf *out)
{
	buf_printf(out, "To: %s\n", r->to);
	mime_tmpl_date(r->date, out);
	buf_printf(out, "Message-ID: <%s>\n", r->message_id);
	if (r->unsub_url && r->unsub_mailto)
		buf_printf(out, "List-Unsubscribe: <%s>,\n <%s>\n",
		    r->unsub_url, r->unsub_mailto);
	else if (r->unsub_url || r->unsub_mailto)
		buf_printf(out, "List-Unsubscribe: <%s>\n", r->unsub_url ?
		    r->unsub_url : r->unsub_mailto);
	if (r->unsub_url)
		buf_puts(out, "List-Unsubscribe-Post: "
		    "List-Unsubscribe=One-Click\n");
	buf_puts(out, "MIME-Version: 1.0\nContent-Type: multipart/"
	    "alternative; boundary=\"" MIME_TMPL_BOUNDARY "\"\n\n");
}

/* An upper bound of the bytes emit appends. */
static size_t
mime_tmpl_size(const struct mime_tmpl *t, const struct mime_reader *r,
    const char *const *slots, size_t nslots)
{
	size_t i, n = t->head.len + t->body.len + 512;

	n += strlen(r->to) + strlen(r->message_id);
	n += r->unsub_url ? strlen(r->unsub_url) : 0;
	n += r->unsub_mailto ? strlen(r->unsub_mailto) : 0;
	for (i = 0; i < t->n; i++)
		if (t->v[i].slot >= 0 && (size_t)t->v[i].slot < nslots &&
		    slots[t->v[i].slot])
			n += 4 * strlen(slots[t->v[i].slot]) + 4;
	return n;
}

enum nd_err
mime_tmpl_emit(const struct mime_tmpl *t, const struct mime_reader *r,
    const char *const *slots, size_t nslots, struct buf *out,
    struct nd_error *err)
{
	const char *s;
	enum nd_err e;
	size_t i;

	if ((e = mime_tmpl_check(r, err)) != ND_OK)
		return e;
	/* checked up front, so no append below can fall short */
	if (mime_tmpl_size(t, r, slots, nslots) > out->max - out->len)
		return nd_error_set(err, ND_ELIMIT, "mail message '%s' is too "
		    "large", r->message_id);
	buf_put(out, t->head.ptr, t->head.len);
	mime_tmpl_reader_headers(r, out);
	for (i = 0; i < t->n; i++) {
		const struct mime_piece *p = &t->v[i];

		if (p->slot < 0) {
			buf_put(out, t->body.ptr + p->off, p->len);
			continue;
		}
		s = (size_t)p->slot < nslots && slots[p->slot] ?
		    slots[p->slot] : "";
		mime_qp_encode(s, strlen(s), out);
	}
	buf_puts(out, "\n--" MIME_TMPL_BOUNDARY "--\n");
	return ND_OK;
}
