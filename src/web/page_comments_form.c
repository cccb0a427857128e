/* page_comments_form.c - the "Leave a comment" form: required fields
 * marked with * and `required`, the reader's values kept after a failed
 * POST with a message beside each wrong field (aria-invalid,
 * aria-describedby) and a summary above the form, a hidden parent, the
 * core's signed form token, a honeypot hidden from people and from
 * assistive technology, and the CSRF field. */
#include "web/page_comments.h"

#include <stdlib.h>

#include "util/xalloc.h"
#include "web/html.h"
#include "web/layout.h"

struct form_field {
	enum comments_field f;
	const char *type;		/* input type; NULL: textarea */
	const char *autocomplete;
	int required;
	enum comments_msg label;
};

/* In display order: the comment first, as readers expect. */
static const struct form_field form_fields[] = {
	{COMMENTS_F_BODY, NULL, NULL, 1, COMMENTS_MSG_LABEL_BODY},
	{COMMENTS_F_NAME, "text", "name", 1, COMMENTS_MSG_LABEL_NAME},
	{COMMENTS_F_EMAIL, "email", "email", 1, COMMENTS_MSG_LABEL_EMAIL},
	{COMMENTS_F_WEBSITE, "url", "url", 0, COMMENTS_MSG_LABEL_WEBSITE},
};

#define FORM_NFIELDS (sizeof(form_fields) / sizeof(form_fields[0]))

const char *
page_comments_field(enum comments_field f)
{
	switch (f) {
	case COMMENTS_F_NAME: return "name";
	case COMMENTS_F_EMAIL: return "email";
	case COMMENTS_F_WEBSITE: return "website";
	case COMMENTS_F_BODY: return "comment";
	default: return "";
	}
}

static enum comments_msg
form_error(const struct comments_view *v, enum comments_field f)
{
	return v->res ? v->res->field[f] : COMMENTS_MSG_NONE;
}

static void
form_one(struct buf *b, const struct request *rq,
    const struct form_field *ff, const struct comments_view *v)
{
	const char *name = page_comments_field(ff->f);
	enum comments_msg e = form_error(v, ff->f);

	buf_printf(b, "<p class=\"field\"><label for=\"c-%s\">", name);
	page_comments_msg(b, rq, ff->label, 0);
	html_raw_trusted(b, ff->required ? " <span class=\"required\" "
	    "aria-hidden=\"true\">*</span>" : "");
	html_raw_trusted(b, "</label>");
	if (e != COMMENTS_MSG_NONE) {
		buf_printf(b, "<span class=\"field-error\" id=\"c-%s-error\">",
		    name);
		page_comments_msg(b, rq, e, comments_field_max(ff->f));
		html_raw_trusted(b, "</span>");
	}
	if (ff->type)
		buf_printf(b, "<input id=\"c-%s\" name=\"%s\" type=\"%s\" "
		    "autocomplete=\"%s\"", name, name, ff->type,
		    ff->autocomplete);
	else
		buf_printf(b, "<textarea id=\"c-%s\" name=\"%s\" rows=\"6\"",
		    name, name);
	html_raw_trusted(b, ff->required ? " required" : "");
	if (e != COMMENTS_MSG_NONE)
		buf_printf(b, " aria-invalid=\"true\" aria-describedby="
		    "\"c-%s-error\"", name);
	if (ff->type) {
		html_raw_trusted(b, " value=\"");
		html_attr(b, v->value[ff->f] ? v->value[ff->f] : "");
		html_raw_trusted(b, "\"></p>\n");
		return;
	}
	html_raw_trusted(b, ">");
	html_text(b, v->value[ff->f] ? v->value[ff->f] : "");
	html_raw_trusted(b, "</textarea></p>\n");
}

/* The summary above the form when the POST failed. */
static void
form_summary(struct buf *b, const struct request *rq,
    const struct comments_view *v)
{
	size_t i;
	int any = v->res && v->res->msg != COMMENTS_MSG_NONE;

	for (i = 0; v->res && i < COMMENTS_F_MAX; i++)
		any |= v->res->field[i] != COMMENTS_MSG_NONE;
	if (!any)
		return;
	html_raw_trusted(b, "<div class=\"form-errors\" id=\"comment-errors\" "
	    "role=\"alert\" tabindex=\"-1\">\n<h4>");
	html_text(b, layout_tr(rq, "There is a problem with your comment"));
	html_raw_trusted(b, "</h4>\n<ul>\n");
	if (v->res->msg != COMMENTS_MSG_NONE) {
		html_raw_trusted(b, "<li>");
		page_comments_msg(b, rq, v->res->msg, 0);
		html_raw_trusted(b, "</li>\n");
	}
	for (i = 0; i < FORM_NFIELDS; i++) {
		enum comments_field f = form_fields[i].f;

		if (form_error(v, f) == COMMENTS_MSG_NONE)
			continue;
		buf_printf(b, "<li><a href=\"#c-%s\">", page_comments_field(f));
		page_comments_msg(b, rq, form_fields[i].label, 0);
		html_raw_trusted(b, ": ");
		page_comments_msg(b, rq, form_error(v, f),
		    comments_field_max(f));
		html_raw_trusted(b, "</a></li>\n");
	}
	html_raw_trusted(b, "</ul>\n</div>\n");
}

static void
form_title(struct buf *b, const struct request *rq,
    const struct article *a, const struct comments_view *v)
{
	html_raw_trusted(b, "<h3 id=\"respond-title\" data-title-comment=\"");
	page_comments_msg(b, rq, COMMENTS_MSG_FORM_TITLE, 0);
	html_raw_trusted(b, "\" data-title-reply=\"");
	page_comments_msg(b, rq, COMMENTS_MSG_REPLY_TITLE, 0);
	html_raw_trusted(b, "\">");
	page_comments_msg(b, rq, v->reply ? COMMENTS_MSG_REPLY_TITLE :
	    COMMENTS_MSG_FORM_TITLE, 0);
	html_raw_trusted(b, "</h3>\n");
	html_raw_trusted(b, "<p class=\"cancel-reply\"");
	html_raw_trusted(b, v->reply ? "" : " hidden");
	html_raw_trusted(b, "><a href=\"");
	layout_article_path(b, a);
	html_raw_trusted(b, "#respond\">");
	html_text(b, layout_tr(rq, "Cancel reply"));
	html_raw_trusted(b, "</a></p>\n<p class=\"note\">");
	page_comments_msg(b, rq, COMMENTS_MSG_EMAIL_NOTE, 0);
	html_raw_trusted(b, "</p>\n");
}

/* Parent, form token, honeypot (in a container hidden from people and
 * from assistive technology, out of the tab order). */
static void
form_hidden(struct buf *b, const struct request *rq,
    const struct article *a, const struct comments_view *v)
{
	char *tok = rq->form_token ? xstrdup(rq->form_token) : rq->key ?
	    comments_form_token(rq->key, a->id, rq->now,
	    rq->comments->form_max_age) : NULL;

	layout_csrf(b, rq);
	buf_printf(b, "<input type=\"hidden\" name=\"parent\" value=\"%lld\">"
	    "<input type=\"hidden\" name=\"form_token\" value=\"",
	    (long long)v->reply);
	html_attr(b, tok ? tok : "");
	html_raw_trusted(b, "\">\n<div class=\"hp\" aria-hidden=\"true\">"
	    "<label for=\"c-subject\">");
	html_text(b, layout_tr(rq, "Leave this empty"));
	html_raw_trusted(b, "</label> <input id=\"c-subject\" name=\"subject\" "
	    "type=\"text\" tabindex=\"-1\" autocomplete=\"off\" value=\"\">"
	    "</div>\n");
	free(tok);
}

/* The reply-mail box: unticked unless the reader ticked it. */
static void
form_notify(struct buf *b, const struct request *rq,
    const struct comments_view *v)
{
	html_raw_trusted(b, "<p class=\"notify\"><input id=\"c-notify\" "
	    "name=\"notify\" type=\"checkbox\" value=\"1\"");
	html_raw_trusted(b, v->notify ? " checked" : "");
	html_raw_trusted(b, "> <label for=\"c-notify\">");
	page_comments_msg(b, rq, COMMENTS_MSG_LABEL_NOTIFY, 0);
	html_raw_trusted(b, "</label></p>\n");
}

void
page_comments_form(struct buf *b, const struct request *rq,
    const struct article *a, const struct comments_view *v)
{
	size_t i;

	html_raw_trusted(b, "<div id=\"respond\" class=\"respond\">\n");
	form_title(b, rq, a, v);
	form_summary(b, rq, v);
	buf_printf(b, "<form class=\"comment-form\" method=\"post\" "
	    "action=\"/articles/%lld/comments\" aria-labelledby="
	    "\"respond-title\">\n", (long long)a->id);
	form_hidden(b, rq, a, v);
	for (i = 0; i < FORM_NFIELDS; i++)
		form_one(b, rq, &form_fields[i], v);
	form_notify(b, rq, v);
	html_raw_trusted(b, "<div class=\"form-status\" role=\"status\" "
	    "aria-live=\"polite\"></div>\n<p><button type=\"submit\">");
	page_comments_msg(b, rq, COMMENTS_MSG_SUBMIT, 0);
	html_raw_trusted(b, "</button></p>\n</form>\n</div>\n");
}
