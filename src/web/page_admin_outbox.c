/* page_admin_outbox.c - GET /admin/outbox: the reader mails in the
 * store's outbox, for admins (the same gate as /admin: signed out, 303
 * to the sign-in page; not an admin, 403).
 *
 * The counts (due, waiting, sent, failed) and two tables, the mails
 * still queued (due or waiting for a retry) and those given up, newest
 * first, at most ADMIN_OUTBOX_ROWS each: kind, recipient, attempts,
 * next try (given up: when) and the relay's last reason. The recipient
 * is masked ("a***@example.org", email_mask()): no page shows a whole
 * address (the CLI, `newsdesk outbox --status`, is the operator's
 * place for them). Everything from the store goes through html_text.
 */
#include "web/pages.h"

#include "mail/email.h"
#include "store/store.h"
#include "web/html.h"
#include "web/i18n.h"
#include "web/layout.h"

#define ADMIN_OUTBOX_ROWS	100	/* rows shown per table */

/* One count as a <dt>/<dd> pair. */
static void
outbox_count(struct buf *b, const struct request *rq, const char *label,
    int64_t n)
{
	html_raw_trusted(b, "<dt>");
	html_text(b, layout_tr(rq, label));
	html_raw_trusted(b, "</dt><dd>");
	i18n_number(rq->ui, n, b);
	html_raw_trusted(b, "</dd>\n");
}

static void
outbox_counts(struct buf *b, const struct request *rq)
{
	struct outbox_counts c;
	struct nd_error err;

	if (store_outbox_count(rq->store, rq->now, &c, &err) != ND_OK) {
		html_raw_trusted(b, "<p>");
		html_text(b, layout_tr(rq, "The store is not answering"));
		html_raw_trusted(b, "</p>\n");
		return;
	}
	html_raw_trusted(b, "<dl class=\"outbox-counts\">\n");
	outbox_count(b, rq, "Due now", c.due);
	outbox_count(b, rq, "Waiting for a retry", c.waiting);
	outbox_count(b, rq, "Sent", c.sent);
	outbox_count(b, rq, "Given up", c.failed);
	html_raw_trusted(b, "</dl>\n");
}

static void
outbox_th(struct buf *b, const struct request *rq, const char *label)
{
	html_raw_trusted(b, "<th scope=\"col\">");
	html_text(b, layout_tr(rq, label));
	html_raw_trusted(b, "</th>");
}

static void
outbox_row(struct buf *b, const struct request *rq,
    const struct outbox_msg *m)
{
	struct buf mask = BUF_INIT;

	email_mask(m->rcpt, &mask);
	html_raw_trusted(b, "<tr><td>");
	html_text(b, m->kind);
	html_raw_trusted(b, "</td><td class=\"rcpt\">");
	html_text(b, mask.ptr);
	buf_printf(b, "</td><td>%d</td><td>", m->attempts);
	i18n_datetime(rq->ui, m->next_try, b);
	html_raw_trusted(b, "</td><td class=\"reason\">");
	html_text(b, m->last_error ? m->last_error : "");
	html_raw_trusted(b, "</td></tr>\n");
	buf_release(&mask);
}

/* The rows of status st under heading title (id: the anchor);
 * when: the heading of the time column. */
static void
outbox_table(struct buf *b, const struct request *rq, int st,
    const char *title, const char *id, const char *when)
{
	struct outbox_list l = {NULL, 0};
	struct nd_error err;
	size_t i;

	page_admin_section(b, rq, id, title);
	if (store_outbox_list(rq->store, st, ADMIN_OUTBOX_ROWS, 0, &l,
	    &err) != ND_OK || l.n == 0) {
		page_admin_nothing(b, rq);
		html_raw_trusted(b, "</section>\n");
		outbox_list_release(&l);
		return;
	}
	html_raw_trusted(b, "<table class=\"outbox\"><thead><tr>");
	outbox_th(b, rq, "Kind");
	outbox_th(b, rq, "Recipient");
	outbox_th(b, rq, "Attempts");
	outbox_th(b, rq, when);
	outbox_th(b, rq, "Last error");
	html_raw_trusted(b, "</tr></thead>\n<tbody>\n");
	for (i = 0; i < l.n; i++)
		outbox_row(b, rq, &l.v[i]);
	html_raw_trusted(b, "</tbody></table>\n</section>\n");
	outbox_list_release(&l);
}

void
page_admin_outbox(const struct request *rq, struct response *r)
{
	struct buf *b = &r->body;

	if (!page_admin_allowed(rq, r, "/admin/outbox", "Only "
	    "administrators may see the outbox."))
		return;
	layout_head(b, rq, layout_tr(rq, "Outbox"), NULL, NULL);
	html_raw_trusted(b, "<h1>");
	html_text(b, layout_tr(rq, "Outbox"));
	html_raw_trusted(b, "</h1>\n<p><a href=\"/admin\">");
	html_text(b, layout_tr(rq, "Moderation"));
	html_raw_trusted(b, "</a></p>\n");
	outbox_counts(b, rq);
	outbox_table(b, rq, OUTBOX_QUEUED, "Waiting to be sent", "queued",
	    "Next try");
	outbox_table(b, rq, OUTBOX_FAILED, "Given up", "failed",
	    "Given up at");
	layout_foot(b, rq);
}
