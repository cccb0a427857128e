/* comment_notice.c - the author's edit link and reply notifications. */
#include "mail/comment_notice.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mail/mime.h"
#include "mail/outbox.h"
#include "util/buf.h"
#include "util/token.h"
#include "web/html.h"

/* One mail's words; `who` (the replier's name) comes before lead. */
struct comment_notice_words {
	const char *subject, *lead, *action, *foot, *optout;
};

static const struct comment_notice_words comment_notice_words[2][2] = {
	{{"Edit or delete your comment", "Thank you for your comment. For "
	    "the next 15 minutes you can edit or delete it here:",
	    "Edit or delete", "If you did not write this comment, ignore "
	    "this email.", NULL},
	 {"New reply to your comment", " replied to your comment:",
	    "Read the reply", "You get this email because you asked to be "
	    "told about replies.", "Stop these emails"}},
	{{"Deinen Kommentar bearbeiten oder löschen", "Danke für deinen "
	    "Kommentar. In den nächsten 15 Minuten kannst du ihn hier "
	    "bearbeiten oder löschen:", "Bearbeiten oder löschen", "Wenn du "
	    "diesen Kommentar nicht geschrieben hast, ignoriere diese "
	    "E-Mail.", NULL},
	 {"Neue Antwort auf deinen Kommentar", " hat auf deinen Kommentar "
	    "geantwortet:", "Antwort lesen", "Du bekommst diese E-Mail, weil "
	    "du um Nachricht bei Antworten gebeten hast.",
	    "Diese E-Mails abbestellen"}},
};

/* What one mail says (all borrowed). */
struct comment_notice_body {
	const struct comment_notice_words *w;
	const char *who;	/* replier's name, or NULL */
	const char *excerpt;	/* or NULL */
	const char *link;
	const char *optout;	/* or NULL */
	const char *kind;	/* the outbox kind */
};

static void
comment_notice_text(const struct comment_notice_body *nb, struct buf *t)
{
	if (nb->who)
		buf_puts(t, nb->who);
	buf_printf(t, "%s\n\n", nb->w->lead);
	if (nb->excerpt)
		buf_printf(t, "> %s\n\n", nb->excerpt);
	buf_printf(t, "%s: %s\n\n%s\n", nb->w->action, nb->link, nb->w->foot);
	if (nb->optout)
		buf_printf(t, "%s: %s\n", nb->w->optout, nb->optout);
}

static void
comment_notice_html(const struct comment_notice_body *nb, struct buf *h)
{
	html_raw_trusted(h, "<!DOCTYPE html>\n<html><head><meta charset=\""
	    "utf-8\"></head><body style=\"font-family:Georgia,serif\"><p>");
	if (nb->who) {
		html_raw_trusted(h, "<strong>");
		html_text(h, nb->who);
		html_raw_trusted(h, "</strong>");
	}
	html_text(h, nb->w->lead);
	html_raw_trusted(h, "</p>");
	if (nb->excerpt) {
		html_raw_trusted(h, "<blockquote style=\"white-space:pre-wrap"
		    "\">");
		html_text(h, nb->excerpt);
		html_raw_trusted(h, "</blockquote>");
	}
	html_raw_trusted(h, "<p><a style=\"color:#1a4d8f\" href=\"");
	html_url(h, nb->link);
	html_raw_trusted(h, "\">");
	html_text(h, nb->w->action);
	html_raw_trusted(h, "</a></p><p style=\"color:#555\">");
	html_text(h, nb->w->foot);
	if (nb->optout) {
		html_raw_trusted(h, " <a href=\"");
		html_url(h, nb->optout);
		html_raw_trusted(h, "\">");
		html_text(h, nb->w->optout);
		html_raw_trusted(h, "</a>");
	}
	html_raw_trusted(h, "</p></body></html>\n");
}

/* Compose the mail to `to` and queue it in the outbox. */
static enum nd_err
comment_notice_send(const struct comment_notice_ctx *cx, const char *to,
    const struct comment_notice_body *nb, struct nd_error *err)
{
	const char *host = cx->from ? strrchr(cx->from, '@') : NULL;
	struct buf t = BUF_INIT, h = BUF_INIT, msg = BUF_INIT;
	struct mime_msg m;
	char mid[160];
	enum nd_err e;

	if (host == NULL)
		return nd_error_set(err, ND_EINVAL, "comment mail lacks a "
		    "sender");
	comment_notice_text(nb, &t);
	comment_notice_html(nb, &h);
	snprintf(mid, sizeof(mid), "comment.%lld.%08x@%s", (long long)cx->now,
	    (unsigned)randombytes_random(), host + 1);
	memset(&m, 0, sizeof(m));
	m.from_name = "Newsdesk";
	m.from_addr = cx->from;
	m.to = to;
	m.subject = nb->w->subject;
	m.message_id = mid;
	m.date = cx->now;
	m.unsub_url = nb->optout;
	m.text = t.ptr;
	m.html = h.ptr;
	if ((e = mime_compose(&m, &msg, err)) != ND_OK)
		goto out;
	e = outbox_put(cx->store, nb->kind, cx->from, to, msg.ptr, msg.len,
	    cx->now, err);
out:
	buf_release(&t);
	buf_release(&h);
	buf_release(&msg);
	return e;
}

/* The words in the language of the recipient's comment `to`: its
 * stored language, else the site default cx->lang. */
static const struct comment_notice_words *
comment_notice_lang(const struct comment_notice_ctx *cx,
    const struct comment *to, int reply)
{
	const char *l = to->lang ? to->lang : cx->lang;

	return &comment_notice_words[l && strncmp(l, "de", 2) == 0][reply];
}

enum nd_err
comment_notice_edit(const struct comment_notice_ctx *cx, int64_t id,
    const char *token, struct nd_error *err)
{
	struct comment_notice_body nb;
	struct comment *c = NULL;
	struct buf link = BUF_INIT;
	enum nd_err e;

	if ((e = store_comment_get(cx->store, id, &c, err)) != ND_OK)
		return e;
	if (c->email == NULL || token == NULL) {
		e = nd_error_set(err, ND_EINVAL, "comment %lld has no address "
		    "or token", (long long)id);
		goto out;
	}
	buf_printf(&link, "%s/comments/edit?t=%s", cx->base, token);
	memset(&nb, 0, sizeof(nb));
	nb.w = comment_notice_lang(cx, c, 0);
	nb.link = link.ptr;
	nb.kind = "comment-edit";
	e = comment_notice_send(cx, c->email, &nb, err);
out:
	buf_release(&link);
	comment_free(c);
	return e;
}

/* The first COMMENT_NOTICE_EXCERPT bytes of s, cut on a UTF-8 boundary,
 * with "…" when cut. */
static void
comment_notice_excerpt(struct buf *b, const char *s)
{
	size_t n = strlen(s);

	if (n <= COMMENT_NOTICE_EXCERPT) {
		buf_puts(b, s);
		return;
	}
	n = COMMENT_NOTICE_EXCERPT;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	buf_put(b, s, n);
	buf_puts(b, "\xe2\x80\xa6");
}

/* 1 when parent's author wants a mail about reply. */
static int
comment_notice_wanted(const struct comment *reply,
    const struct comment *parent)
{
	return reply->status == COMMENT_APPROVED &&
	    parent->notify_replies && parent->email != NULL &&
	    parent->status != COMMENT_DELETED &&
	    (reply->email == NULL || strcmp(reply->email, parent->email) != 0);
}

/* Build the links and send the reply mail for reply to parent. */
static enum nd_err
comment_notice_reply_send(const struct comment_notice_ctx *cx,
    const struct comment *reply, const struct comment *parent,
    struct nd_error *err)
{
	struct comment_notice_body nb;
	struct buf link = BUF_INIT, optout = BUF_INIT, ex = BUF_INIT,
	    data = BUF_INIT;
	char *tok;
	enum nd_err e;

	buf_printf(&data, "%lld", (long long)parent->id);
	tok = token_sign(cx->key, COMMENT_NOTICE_PURPOSE, data.ptr, 0);
	if (tok == NULL) {
		e = nd_error_set(err, ND_EINVAL, "cannot sign an opt-out link");
		goto out;
	}
	buf_printf(&link, "%s/articles/%lld#comment-%lld", cx->base,
	    (long long)reply->article_id, (long long)reply->id);
	buf_printf(&optout, "%s/comments/optout?t=%s", cx->base, tok);
	comment_notice_excerpt(&ex, reply->body ? reply->body : "");
	memset(&nb, 0, sizeof(nb));
	nb.w = comment_notice_lang(cx, parent, 1);
	nb.who = reply->name ? reply->name : "?";
	nb.excerpt = ex.ptr;
	nb.link = link.ptr;
	nb.optout = optout.ptr;
	nb.kind = "comment-reply";
	e = comment_notice_send(cx, parent->email, &nb, err);
out:
	free(tok);
	buf_release(&link);
	buf_release(&optout);
	buf_release(&ex);
	buf_release(&data);
	return e;
}

enum nd_err
comment_notice_reply(const struct comment_notice_ctx *cx, int64_t id,
    int *sent, struct nd_error *err)
{
	struct comment *c = NULL, *p = NULL;
	enum nd_err e;

	*sent = 0;
	if ((e = store_comment_get(cx->store, id, &c, err)) != ND_OK)
		return e;
	if (c->parent_id == 0)
		goto out;
	if ((e = store_comment_get(cx->store, c->parent_id, &p, err)) !=
	    ND_OK)
		goto out;
	if (comment_notice_wanted(c, p) &&
	    (e = comment_notice_reply_send(cx, c, p, err)) == ND_OK)
		*sent = 1;
out:
	comment_free(p);
	comment_free(c);
	return e;
}

enum nd_err
comment_notice_optout(struct store *s, const unsigned char *key,
    const char *token, int64_t now, struct nd_error *err)
{
	struct comment *c = NULL;
	char *data = NULL, *end;
	long long id;
	enum nd_err e;

	if ((e = token_verify(key, COMMENT_NOTICE_PURPOSE, token, now, &data,
	    err)) != ND_OK)
		return e;
	id = strtoll(data, &end, 10);
	if (end == data || *end != '\0' || id <= 0) {
		e = nd_error_set(err, ND_EINVAL, "malformed opt-out link");
		goto out;
	}
	if ((e = store_comment_get(s, id, &c, err)) != ND_OK)
		goto out;
	e = store_comment_notify_off(s, c->email, err);
out:
	comment_free(c);
	free(data);
	return e;
}
