/* page_signin.c - sign-in by email link and sign-out.
 *
 *   GET  /signin[?next=PATH]	the form: one labelled email field
 *   POST /signin		validate, find or create the reader, mail a
 *				signed one-time link; the answer is the
 *				same "check your email" page whether the
 *				address was known or not
 *   GET  /signin/confirm?t=T	verify the link (purpose "signin", data
 *				"READER|NONCE|NEXT", ACCOUNT_SIGNIN_TTL),
 *				spend the nonce (store_signin_use), set the
 *				session cookie, 303 to NEXT
 *   POST /signout		clear the session cookie, 303 to /
 *
 * Requests are limited per client address and per email address
 * (store_rate_hit, keys "signin-ip:" and "signin-addr:"). Over the
 * address limit no mail goes out but the page reads the same, so the
 * form tells nothing about an address. NEXT travels signed inside the
 * token and is checked by account_next_ok() on the way in and out.
 */
#include "web/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "mail/outbox.h"
#include "mail/email.h"
#include "mail/notice.h"
#include "util/token.h"
#include "web/account.h"
#include "web/html.h"
#include "web/i18n.h"
#include "web/layout.h"

#define SIGNIN_WINDOW		3600
#define SIGNIN_PER_IP		20	/* requests per window */
#define SIGNIN_PER_ADDR		3	/* mails per window */
#define SIGNIN_NONCE_BYTES	16

/* Field indexes in the routes' lists (router.c). */
enum { SG_NEXT };			/* GET /signin */
enum { SP_EMAIL, SP_NEXT };		/* POST /signin */
enum { SC_TOKEN };			/* GET /signin/confirm */

static void
signin_form(const struct request *rq, struct response *r, const char *next,
    const char *value, const char *error)
{
	struct buf *b = &r->body;

	layout_page_title(b, rq, "Sign in");
	html_raw_trusted(b, "<p>");
	html_text(b, layout_tr(rq, "Enter your email address and we will "
	    "send you a link to sign in. No password needed."));
	html_raw_trusted(b, "</p>\n<form class=\"signin\" method=\"post\" "
	    "action=\"/signin\">");
	layout_csrf(b, rq);
	if (account_next_ok(next)) {
		html_raw_trusted(b, "<input type=\"hidden\" name=\"next\" "
		    "value=\"");
		html_attr(b, next);
		html_raw_trusted(b, "\">");
	}
	html_raw_trusted(b, "\n<p><label for=\"signin-email\">");
	html_text(b, layout_tr(rq, "Email address"));
	html_raw_trusted(b, "</label>\n");
	if (error) {
		html_raw_trusted(b, "<span class=\"field-error\" "
		    "id=\"signin-email-error\">");
		html_text(b, layout_tr(rq, error));
		html_raw_trusted(b, "</span>\n");
	}
	html_raw_trusted(b, "<input id=\"signin-email\" name=\"email\" "
	    "type=\"email\" autocomplete=\"email\" required maxlength=\"254\"");
	if (error)
		html_raw_trusted(b, " aria-invalid=\"true\" "
		    "aria-describedby=\"signin-email-error\"");
	html_raw_trusted(b, " value=\"");
	html_attr(b, value ? value : "");
	html_raw_trusted(b, "\"></p>\n<p><button type=\"submit\">");
	html_text(b, layout_tr(rq, "Send me a sign-in link"));
	html_raw_trusted(b, "</button></p>\n</form>\n");
	layout_foot(b, rq);
}

void
page_signin(const struct request *rq, struct response *r)
{
	signin_form(rq, r, rq->field[SG_NEXT], NULL, NULL);
}

/* A short page: title and one paragraph, with status. */
static void
signin_message(const struct request *rq, struct response *r,
    unsigned status, const char *title, const char *text, int again)
{
	struct buf *b = &r->body;

	r->status = status;
	layout_page_title(b, rq, title);
	html_raw_trusted(b, "<p>");
	html_text(b, layout_tr(rq, text));
	html_raw_trusted(b, "</p>\n");
	if (again) {
		html_raw_trusted(b, "<p><a href=\"/signin\">");
		html_text(b, layout_tr(rq, "Request a new sign-in link"));
		html_raw_trusted(b, "</a></p>\n");
	}
	layout_foot(b, rq);
}

/* Count one request for prefix+what; 1 when it is over max. */
static int
signin_limited(const struct request *rq, const char *prefix,
    const char *what, int64_t max)
{
	struct buf key = BUF_INIT;
	struct nd_error err;
	int64_t n = 0;
	int over;

	buf_printf(&key, "%s%s", prefix, what ? what : "-");
	over = store_rate_hit(rq->store, key.ptr, rq->now, SIGNIN_WINDOW, &n,
	    &err) != ND_OK || n > max;
	buf_release(&key);
	return over;
}

/* The reader with address addr, created in the UI language when new. */
static enum nd_err
signin_reader(const struct request *rq, const char *addr, int64_t *id,
    char *lang, size_t lang_size, struct nd_error *err)
{
	struct reader *rd = NULL, nr;
	enum nd_err e;

	e = store_reader_get(rq->store, addr, &rd, err);
	if (e == ND_OK) {
		*id = rd->id;
		snprintf(lang, lang_size, "%s", rd->lang);
	}
	if (rd)
		reader_release(rd);
	free(rd);
	if (e != ND_ENOTFOUND)
		return e;
	memset(&nr, 0, sizeof(nr));
	nr.email = (char *)addr;
	nr.lang = (char *)i18n_lang(rq->ui);
	nr.hour = -1;
	if ((e = store_reader_put(rq->store, &nr, rq->now, err)) == ND_OK) {
		*id = nr.id;
		snprintf(lang, lang_size, "%s", nr.lang);
	}
	return e;
}

/* Compose the sign-in mail for reader id to addr and queue it. */
static enum nd_err
signin_mail(const struct request *rq, const char *addr, int64_t id,
    const char *lang, const char *next, struct nd_error *err)
{
	unsigned char raw[SIGNIN_NONCE_BYTES];
	char nonce[2 * SIGNIN_NONCE_BYTES + 1];
	struct buf data = BUF_INIT, link = BUF_INIT, msg = BUF_INIT;
	struct notice n;
	char *tok = NULL;
	enum nd_err e;

	randombytes_buf(raw, sizeof(raw));
	sodium_bin2hex(nonce, sizeof(nonce), raw, sizeof(raw));
	buf_printf(&data, "%lld|%s|%s", (long long)id, nonce,
	    account_next_ok(next) ? next : "/");
	tok = token_sign(rq->key, "signin", data.ptr,
	    rq->now + ACCOUNT_SIGNIN_TTL);
	if (tok == NULL) {
		e = nd_error_set(err, ND_EINVAL, "cannot sign a sign-in link");
		goto out;
	}
	buf_printf(&link, "%s/signin/confirm?t=%s", rq->base, tok);
	memset(&n, 0, sizeof(n));
	n.kind = NOTICE_SIGNIN;
	n.from = rq->mail_from;
	n.to = addr;
	n.lang = lang;
	n.link = link.ptr;
	n.now = rq->now;
	if ((e = notice_compose(&n, &msg, err)) != ND_OK)
		goto out;
	e = outbox_put(rq->store, "signin", rq->mail_from, addr, msg.ptr,
	    msg.len, rq->now, err);
out:
	free(tok);
	buf_release(&data);
	buf_release(&link);
	buf_release(&msg);
	return e;
}

/* The reader (created when new) and the sign-in mail in one
 * transaction: a mail that cannot be queued leaves no new reader. */
static enum nd_err
signin_store(const struct request *rq, const char *addr, const char *next,
    struct nd_error *err)
{
	char lang[8] = "en";
	int64_t id = 0;
	enum nd_err e;

	if ((e = store_tx_begin(rq->store, err)) != ND_OK)
		return e;
	e = signin_reader(rq, addr, &id, lang, sizeof(lang), err);
	if (e == ND_OK)
		e = signin_mail(rq, addr, id, lang, next, err);
	if ((e = store_tx_end(rq->store, e, err)) == ND_OK)
		request_mail_queued(rq);
	return e;
}

void
page_signin_post(const struct request *rq, struct response *r)
{
	const char *in = rq->field[SP_EMAIL] ? rq->field[SP_EMAIL] : "";
	struct buf addr = BUF_INIT;
	struct nd_error err;

	if (signin_limited(rq, "signin-ip:", rq->ip, SIGNIN_PER_IP)) {
		signin_message(rq, r, 429, "Too many requests", "Too many "
		    "sign-in requests from your network. Try again in an "
		    "hour.", 0);
		goto out;
	}
	if (email_normalize(in, strlen(in), &addr, &err) != ND_OK) {
		signin_form(rq, r, rq->field[SP_NEXT], in,
		    "Please enter a valid email address.");
		goto out;
	}
	if (!rq->mail) {
		signin_message(rq, r, 503, "Sign-in is not available",
		    "This site sends no mail, so signing in is not possible.",
		    0);
		goto out;
	}
	if (!signin_limited(rq, "signin-addr:", addr.ptr, SIGNIN_PER_ADDR) &&
	    signin_store(rq, addr.ptr, rq->field[SP_NEXT], &err) != ND_OK) {
		fprintf(stderr, "newsdesk: sign-in: %s\n", err.msg);
		signin_message(rq, r, 503, "The sign-in link could not be sent",
		    "Please try again in a few minutes.", 1);
		goto out;
	}
	signin_message(rq, r, 200, "Check your email", "If the address can "
	    "receive mail, a sign-in link is on its way. It is valid for 30 "
	    "minutes and works once.", 0);
out:
	buf_release(&addr);
}

/* Split "ID|NONCE|NEXT" in place; 1 when well formed. */
static int
signin_split(char *data, int64_t *id, char **nonce, char **next)
{
	char *p = strchr(data, '|'), *q, *end;
	long long v;

	if (p == NULL || (q = strchr(p + 1, '|')) == NULL)
		return 0;
	*p = *q = '\0';
	v = strtoll(data, &end, 10);
	if (*end != '\0' || v <= 0)
		return 0;
	*id = v;
	*nonce = p + 1;
	*next = q + 1;
	return account_next_ok(*next);
}

void
page_signin_confirm(const struct request *rq, struct response *r)
{
	struct reader *rd = NULL;
	struct nd_error err;
	char *data = NULL, *nonce, *next;
	int64_t id = 0;
	int fresh = 0;

	if (token_verify(rq->key, "signin", rq->field[SC_TOKEN], rq->now,
	    &data, &err) != ND_OK || !signin_split(data, &id, &nonce, &next) ||
	    store_reader_get_id(rq->store, id, &rd, &err) != ND_OK ||
	    store_signin_use(rq->store, nonce, rq->now, rq->now -
	    2 * ACCOUNT_SIGNIN_TTL, &fresh, &err) != ND_OK || !fresh) {
		signin_message(rq, r, 400, "This sign-in link does not work",
		    "The link has expired, was used already or is not "
		    "complete. Sign-in links work once, for 30 minutes.", 1);
		goto out;
	}
	response_session(r, rq->key, id, rq->now);
	response_redirect(r, next);
out:
	if (rd)
		reader_release(rd);
	free(rd);
	free(data);
}

void
page_signout(const struct request *rq, struct response *r)
{
	response_session(r, rq->key, 0, rq->now);
	response_redirect(r, "/");
}
