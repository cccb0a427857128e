/* notice.c - confirmation and sign-in emails. */
#include "mail/notice.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "mail/mime.h"
#include "web/html.h"

struct notice_words {
	const char *subject, *lead, *action, *ignore;
};

static const struct notice_words notice_words[2][2] = {
	{{"Confirm your Daily Digest", "Please confirm that you want the "
	    "Daily Digest email for:", "Confirm", "If you did not ask for "
	    "this, ignore this email: nothing will be sent."},
	 {"Your sign-in link", "Here is your link to sign in (valid for 30 "
	    "minutes):", "Sign in", "If you did not ask for this, ignore "
	    "this email."}},
	{{"Daily Digest bestätigen", "Bitte bestätigen Sie, dass Sie den "
	    "Daily Digest erhalten möchten:", "Bestätigen", "Wenn Sie das "
	    "nicht angefordert haben, ignorieren Sie diese E-Mail."},
	 {"Ihr Anmeldelink", "Hier ist Ihr Link zur Anmeldung (30 Minuten "
	    "gültig):", "Anmelden", "Wenn Sie das nicht angefordert haben, "
	    "ignorieren Sie diese E-Mail."}},
};

static void
notice_bodies(const struct notice *n, const struct notice_words *w,
    struct buf *t, struct buf *h)
{
	buf_printf(t, "%s\n", w->lead);
	if (n->topic)
		buf_printf(t, "%s\n", n->topic);
	buf_printf(t, "\n%s: %s\n\n%s\n", w->action, n->link, w->ignore);
	html_raw_trusted(h, "<!DOCTYPE html>\n<html><head><meta charset=\""
	    "utf-8\"></head><body style=\"font-family:Georgia,serif\"><p>");
	html_text(h, w->lead);
	if (n->topic) {
		html_raw_trusted(h, "<br><strong>");
		html_text(h, n->topic);
		html_raw_trusted(h, "</strong>");
	}
	html_raw_trusted(h, "</p><p><a style=\"color:#1a4d8f\" href=\"");
	html_url(h, n->link);
	html_raw_trusted(h, "\">");
	html_text(h, w->action);
	html_raw_trusted(h, "</a></p><p style=\"color:#555\">");
	html_text(h, w->ignore);
	html_raw_trusted(h, "</p></body></html>\n");
}

enum nd_err
notice_compose(const struct notice *n, struct buf *out, struct nd_error *err)
{
	const struct notice_words *w;
	const char *host = n->from ? strrchr(n->from, '@') : NULL;
	struct buf t = BUF_INIT, h = BUF_INIT, subj = BUF_INIT;
	char mid[160];
	struct mime_msg m;
	enum nd_err e;

	if (host == NULL || n->link == NULL)
		return nd_error_set(err, ND_EINVAL, "notice lacks a sender or "
		    "link");
	w = &notice_words[n->lang && strcmp(n->lang, "de") == 0]
	    [n->kind == NOTICE_SIGNIN];
	notice_bodies(n, w, &t, &h);
	buf_puts(&subj, w->subject);
	if (n->topic)
		buf_printf(&subj, ": %s", n->topic);
	snprintf(mid, sizeof(mid), "notice.%lld.%08x@%s", (long long)n->now,
	    (unsigned)randombytes_random(), host + 1);
	memset(&m, 0, sizeof(m));
	m.from_name = "Newsdesk";
	m.from_addr = n->from;
	m.to = n->to;
	m.subject = subj.ptr;
	m.message_id = mid;
	m.date = n->now;
	m.text = t.ptr;
	m.html = h.ptr;
	e = mime_compose(&m, out, err);
	buf_release(&t);
	buf_release(&h);
	buf_release(&subj);
	return e;
}
