/* deliver_smtp.c - SMTP submission through libcurl.
 *
 * A curl multi handle drives up to opts.connections easy handles at
 * once; each easy handle is reused message after message, so its
 * connection carries many messages. STARTTLS is tried (CURLUSESSL_TRY)
 * or required (CURLUSESSL_ALL with require_tls); smtps:// is TLS from
 * the start. AUTH is used when a user name is in the URL or in
 * $NEWSDESK_SMTP_USER. The relay's first 4xx/5xx reply is kept as the
 * reason: 2xx delivered, 5xx refused for good, anything else (4xx, no
 * connection, timeout) is a temporary failure to retry later.
 */
#include "mail/deliver.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <curl/curl.h>

#include "util/buf.h"
#include "util/xalloc.h"

struct smtp_conn {
	CURL *easy;
	struct deliver_msg *msg;	/* NULL when idle */
	struct buf data;		/* the message with CRLF line ends */
	size_t off;
	struct curl_slist *rcpt;
	char last[DELIVER_REASON_MAX];	/* first 4xx/5xx reply line */
	char errbuf[CURL_ERROR_SIZE];
};

struct smtp {
	char *url;
	CURLM *multi;
	struct smtp_conn *conns;
	int n;
};

static size_t
smtp_read(char *out, size_t size, size_t nmemb, void *arg)
{
	struct smtp_conn *c = arg;
	size_t want = size * nmemb, left = c->data.len - c->off;

	if (want > left)
		want = left;
	memcpy(out, c->data.ptr + c->off, want);
	c->off += want;
	return want;
}

/* Keep the relay's last reply line (CURLINFO_HEADER_IN). */
static int
smtp_debug(CURL *h, curl_infotype type, char *data, size_t n, void *arg)
{
	struct smtp_conn *c = arg;
	size_t i;

	(void)h;
	if (type != CURLINFO_HEADER_IN || c->last[0] != '\0' || n == 0 ||
	    (data[0] != '4' && data[0] != '5'))
		return 0;
	while (n > 0 && (data[n - 1] == '\n' || data[n - 1] == '\r'))
		n--;
	if (n >= sizeof(c->last))
		n = sizeof(c->last) - 1;
	for (i = 0; i < n; i++)
		c->last[i] = (data[i] >= 0x20 && data[i] < 0x7f) ? data[i] : ' ';
	c->last[n] = '\0';
	return 0;
}

/* LF -> CRLF (a CR already before the LF is kept as is). */
static void
smtp_crlf(struct buf *out, const char *p, size_t n)
{
	size_t i, start = 0;

	buf_clear(out);
	for (i = 0; i < n; i++) {
		if (p[i] != '\n' || (i > 0 && p[i - 1] == '\r'))
			continue;
		buf_put(out, p + start, i - start);
		buf_put(out, "\r\n", 2);
		start = i + 1;
	}
	buf_put(out, p + start, n - start);
}

static void
smtp_env_auth(CURL *h)
{
	const char *u = getenv("NEWSDESK_SMTP_USER");
	const char *pw = getenv("NEWSDESK_SMTP_PASSWORD");

	if (u && *u) {
		curl_easy_setopt(h, CURLOPT_USERNAME, u);
		if (pw)
			curl_easy_setopt(h, CURLOPT_PASSWORD, pw);
	}
}

static CURL *
smtp_easy(struct smtp *s, struct smtp_conn *c, const struct deliver *d)
{
	CURL *h = curl_easy_init();

	if (h == NULL)
		return NULL;
	curl_easy_setopt(h, CURLOPT_URL, s->url);
	curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(h, CURLOPT_READFUNCTION, smtp_read);
	curl_easy_setopt(h, CURLOPT_READDATA, c);
	curl_easy_setopt(h, CURLOPT_DEBUGFUNCTION, smtp_debug);
	curl_easy_setopt(h, CURLOPT_DEBUGDATA, c);
	curl_easy_setopt(h, CURLOPT_VERBOSE, 1L);
	curl_easy_setopt(h, CURLOPT_ERRORBUFFER, c->errbuf);
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_TIMEOUT, d->opts.timeout);
	curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, 20L);
	curl_easy_setopt(h, CURLOPT_USE_SSL, d->opts.require_tls ?
	    (long)CURLUSESSL_ALL : (long)CURLUSESSL_TRY);
	smtp_env_auth(h);
	return h;
}

static enum nd_err
smtp_open(struct deliver *d, const char *spec, struct nd_error *err)
{
	struct smtp *s;
	int i;

	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
		return nd_error_set(err, ND_ENET, "libcurl cannot start");
	if (strpbrk(spec, " \r\n\t") != NULL || strlen(spec) < 8 ||
	    strlen(spec) > 1024)
		return nd_error_set(err, ND_EINVAL, "delivery '%s' is not a "
		    "usable smtp URL", spec);
	s = xcalloc(1, sizeof(*s));
	s->url = xstrdup(spec);
	s->multi = curl_multi_init();
	s->n = d->opts.connections;
	s->conns = xcalloc((size_t)s->n, sizeof(*s->conns));
	for (i = 0; i < s->n; i++) {
		buf_init(&s->conns[i].data, 64u << 20);
		if ((s->conns[i].easy = smtp_easy(s, &s->conns[i], d)) == NULL)
			return nd_error_set(err, ND_ENET, "libcurl cannot "
			    "make a handle");
	}
	d->priv = s;
	return ND_OK;
}

/* Start c on msg. */
static void
smtp_start(struct smtp *s, struct smtp_conn *c, struct deliver_msg *msg)
{
	struct buf from = BUF_INIT;

	c->msg = msg;
	c->off = 0;
	c->last[0] = c->errbuf[0] = '\0';
	smtp_crlf(&c->data, msg->data, msg->len);
	curl_slist_free_all(c->rcpt);
	c->rcpt = curl_slist_append(NULL, msg->rcpt);
	buf_printf(&from, "<%s>", msg->sender);
	curl_easy_setopt(c->easy, CURLOPT_MAIL_FROM, from.ptr);
	curl_easy_setopt(c->easy, CURLOPT_MAIL_RCPT, c->rcpt);
	curl_easy_setopt(c->easy, CURLOPT_INFILESIZE_LARGE,
	    (curl_off_t)c->data.len);
	buf_release(&from);
	curl_multi_add_handle(s->multi, c->easy);
}

/* "LAST (CURL ERROR)" into m->reason, cut with "..." when long: the
 * reason is a log line, the reply code decides. */
static void
smtp_reason(struct deliver_msg *m, const char *last, const char *cerr)
{
	struct buf b = BUF_INIT;
	size_t n;

	buf_printf(&b, "%s (%s)", last, cerr);
	n = b.len < sizeof(m->reason) ? b.len : sizeof(m->reason) - 4;
	memcpy(m->reason, b.ptr, n);
	if (n < b.len)
		memcpy(m->reason + n, "...", 3), n += 3;
	m->reason[n] = '\0';
	buf_release(&b);
}

/* Classify the finished transfer of c. */
static void
smtp_finish(struct smtp *s, struct smtp_conn *c, CURLcode rc)
{
	struct deliver_msg *m = c->msg;
	long code = 0;

	curl_easy_getinfo(c->easy, CURLINFO_RESPONSE_CODE, &code);
	m->code = (int)code;
	if (rc == CURLE_OK) {
		m->outcome = DELIVER_OK;
	} else {
		m->outcome = code >= 500 && code < 600 ? DELIVER_PERMFAIL :
		    DELIVER_TEMPFAIL;
		smtp_reason(m, c->last[0] ? c->last : "no reply",
		    c->errbuf[0] ? c->errbuf : curl_easy_strerror(rc));
	}
	curl_multi_remove_handle(s->multi, c->easy);
	c->msg = NULL;
}

static void
smtp_reap(struct smtp *s, int *active)
{
	CURLMsg *cm;
	int left, i;

	while ((cm = curl_multi_info_read(s->multi, &left)) != NULL) {
		if (cm->msg != CURLMSG_DONE)
			continue;
		for (i = 0; i < s->n; i++)
			if (s->conns[i].easy == cm->easy_handle &&
			    s->conns[i].msg != NULL) {
				smtp_finish(s, &s->conns[i], cm->data.result);
				(*active)--;
			}
	}
}

static double
smtp_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Start idle connections on the next messages the rate allows. */
static void
smtp_fill(struct deliver *d, struct smtp *s, struct deliver_msg *v,
    size_t n, size_t *next, int *active, double t0)
{
	int i;

	for (i = 0; i < s->n && *next < n; i++) {
		if (s->conns[i].msg != NULL)
			continue;
		if (d->opts.rate > 0 &&
		    smtp_now() < t0 + (double)*next / d->opts.rate)
			return;
		smtp_start(s, &s->conns[i], &v[(*next)++]);
		(*active)++;
	}
}

static enum nd_err
smtp_send(struct deliver *d, struct deliver_msg *v, size_t n,
    struct nd_error *err)
{
	struct smtp *s = d->priv;
	size_t next = 0;
	int active = 0, running;
	double t0 = smtp_now();

	while (next < n || active > 0) {
		smtp_fill(d, s, v, n, &next, &active, t0);
		if (curl_multi_perform(s->multi, &running) != CURLM_OK)
			return nd_error_set(err, ND_ENET, "smtp '%s': libcurl "
			    "multi failed", s->url);
		smtp_reap(s, &active);
		if (active > 0 || next < n)
			curl_multi_poll(s->multi, NULL, 0, 20, NULL);
	}
	return ND_OK;
}

static void
smtp_close(struct deliver *d)
{
	struct smtp *s = d->priv;
	int i;

	if (s == NULL)
		return;
	for (i = 0; i < s->n; i++) {
		curl_easy_cleanup(s->conns[i].easy);
		curl_slist_free_all(s->conns[i].rcpt);
		buf_release(&s->conns[i].data);
	}
	curl_multi_cleanup(s->multi);
	free(s->conns);
	free(s->url);
	free(s);
}

const struct deliver_backend deliver_backend_smtp = {
	.prefix = "smtp://",
	.open = smtp_open,
	.send = smtp_send,
	.close = smtp_close,
};
