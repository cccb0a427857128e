/* page_prefs.c - "/preferences": a reader's topics, delivery hour, time
 * zone, language, pause, and unsubscribe from everything.
 *
 * Reached from the signed link in every email (?t=, purpose
 * "preferences") or signed in. The form carries the token back as a
 * hidden field beside the CSRF token, so it works from a mail link
 * without a session. A stored zone equal to the server default (UTC)
 * is marked data-tz-default: the site script then proposes the
 * browser's own zone (Intl), which is saved with the next POST. The
 * address is never shown.
 */
#include "web/pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mail/schedule.h"
#include "mail/follow.h"
#include "web/form.h"
#include "web/html.h"
#include "web/layout.h"
#include "web/page_follow.h"

#define PREFS_TZ_DEFAULT	"UTC"

/* Field indexes in the routes' lists (router.c). */
enum { PG_TOKEN, PG_SAVED };
enum { PP_TOKEN, PP_HOUR, PP_TZ, PP_LANG, PP_PAUSED, PP_ACTION };

/* The reader the request may change: by a valid token, else signed
 * in; 0 when neither. */
static int64_t
prefs_reader(const struct request *rq, const char *tok)
{
	struct nd_error err;
	int64_t id = 0;

	if (tok != NULL)
		return follow_preferences_reader(rq->store, tok, rq->now, &id,
		    &err) == ND_OK ? id : 0;
	return rq->reader;
}

static void
prefs_topics(struct buf *b, const struct request *rq,
    const struct topic_list *tl, const struct strlist *on)
{
	size_t i;

	html_raw_trusted(b, "<fieldset><legend>");
	html_text(b, layout_tr(rq, "Topics"));
	html_raw_trusted(b, "</legend>\n");
	for (i = 0; i < tl->n; i++) {
		html_raw_trusted(b, "<label class=\"check\"><input "
		    "type=\"checkbox\" name=\"topic\" value=\"");
		html_attr(b, tl->v[i].slug);
		html_raw_trusted(b, strlist_has(on, tl->v[i].slug) ?
		    "\" checked> " : "\"> ");
		html_text(b, tl->v[i].name);
		html_raw_trusted(b, "</label>\n");
	}
	html_raw_trusted(b, "</fieldset>\n");
}

static void
prefs_hour(struct buf *b, const struct request *rq, int hour)
{
	char v[8];
	int h;

	html_raw_trusted(b, "<p><label for=\"prefs-hour\">");
	html_text(b, layout_tr(rq, "Delivery time"));
	html_raw_trusted(b, "</label>\n<select id=\"prefs-hour\" "
	    "name=\"hour\">\n");
	for (h = 0; h < 24; h++) {
		snprintf(v, sizeof(v), "%d", h);
		html_raw_trusted(b, "<option value=\"");
		html_attr(b, v);
		html_raw_trusted(b, h == hour ? "\" selected>" : "\">");
		snprintf(v, sizeof(v), "%02d:00", h);
		html_text(b, v);
		html_raw_trusted(b, "</option>\n");
	}
	html_raw_trusted(b, "</select></p>\n");
}

/* Time zone and language; err_tz: the zone was refused. */
static void
prefs_zone_lang(struct buf *b, const struct request *rq, const char *tz,
    const char *lang, int err_tz)
{
	html_raw_trusted(b, "<p><label for=\"prefs-tz\">");
	html_text(b, layout_tr(rq, "Time zone"));
	html_raw_trusted(b, "</label>\n");
	if (err_tz) {
		html_raw_trusted(b, "<span class=\"field-error\" "
		    "id=\"prefs-tz-error\">");
		html_text(b, layout_tr(rq, "Enter a time zone name such as "
		    "Europe/Berlin."));
		html_raw_trusted(b, "</span>\n");
	}
	html_raw_trusted(b, "<input id=\"prefs-tz\" name=\"tz\" "
	    "maxlength=\"64\" required value=\"");
	html_attr(b, tz);
	html_raw_trusted(b, err_tz ? "\" aria-invalid=\"true\" "
	    "aria-describedby=\"prefs-tz-error\">" : strcmp(tz,
	    PREFS_TZ_DEFAULT) == 0 ? "\" data-tz-default>" : "\">");
	html_raw_trusted(b, "</p>\n<p><label for=\"prefs-lang\">");
	html_text(b, layout_tr(rq, "Language"));
	html_raw_trusted(b, "</label>\n<select id=\"prefs-lang\" name=\"lang\">"
	    "<option value=\"en\"");
	html_raw_trusted(b, strcmp(lang, "de") ? " selected>" : ">");
	html_raw_trusted(b, "English</option><option value=\"de\" lang=\"de\"");
	html_raw_trusted(b, strcmp(lang, "de") ? ">" : " selected>");
	html_raw_trusted(b, "Deutsch</option></select></p>\n");
}

/* The whole form for reader rd (tok: the link's token, or NULL). */
static void
prefs_form(struct buf *b, const struct request *rq, const struct reader *rd,
    const struct topic_list *tl, const char *tok, int err_tz)
{
	html_raw_trusted(b, "<form class=\"prefs\" method=\"post\" "
	    "action=\"/preferences\">\n");
	layout_csrf(b, rq);
	if (tok) {
		html_raw_trusted(b, "<input type=\"hidden\" name=\"t\" "
		    "value=\"");
		html_attr(b, tok);
		html_raw_trusted(b, "\">\n");
	}
	prefs_topics(b, rq, tl, &rd->topics);
	prefs_hour(b, rq, rd->hour);
	prefs_zone_lang(b, rq, rd->tz ? rd->tz : PREFS_TZ_DEFAULT,
	    rd->lang ? rd->lang : "en", err_tz);
	html_raw_trusted(b, "<p><label class=\"check\"><input "
	    "type=\"checkbox\" name=\"paused\" value=\"1\"");
	html_raw_trusted(b, rd->paused ? " checked> " : "> ");
	html_text(b, layout_tr(rq, "Pause the Daily Digest"));
	html_raw_trusted(b, "</label></p>\n<p><button type=\"submit\" "
	    "name=\"action\" value=\"save\">");
	html_text(b, layout_tr(rq, "Save preferences"));
	html_raw_trusted(b, "</button> <button type=\"submit\" "
	    "name=\"action\" value=\"unsubscribe\">");
	html_text(b, layout_tr(rq, "Unsubscribe from everything"));
	html_raw_trusted(b, "</button></p>\n</form>\n");
}

/* The page for reader id; status line saved, or the zone refused. */
static void
prefs_page(const struct request *rq, struct response *r, int64_t id,
    const char *tok, int saved, int err_tz)
{
	struct topic_list tl = {NULL, 0};
	struct reader *rd = NULL;
	struct nd_error err;
	struct buf *b = &r->body;

	if (store_reader_get_id(rq->store, id, &rd, &err) != ND_OK ||
	    store_topic_list(rq->store, &tl, &err) != ND_OK) {
		page_error(rq, r, 400, FOLLOW_MSG_BAD_LINK);
		goto out;
	}
	layout_head(b, rq, layout_tr(rq, "Your Daily Digest"), NULL, &tl);
	html_raw_trusted(b, "<h1>");
	html_text(b, layout_tr(rq, "Your Daily Digest"));
	html_raw_trusted(b, "</h1>\n<p role=\"status\">");
	if (saved)
		html_text(b, layout_tr(rq, "Your preferences were saved."));
	html_raw_trusted(b, "</p>\n");
	prefs_form(b, rq, rd, &tl, tok, err_tz);
	layout_foot(b, rq);
out:
	topic_list_release(&tl);
	if (rd)
		reader_release(rd);
	free(rd);
}

void
page_prefs_get(const struct request *rq, struct response *r)
{
	int64_t id = prefs_reader(rq, rq->field[PG_TOKEN]);

	if (id <= 0) {
		page_error(rq, r, rq->field[PG_TOKEN] ? 400 : 403,
		    rq->field[PG_TOKEN] ? FOLLOW_MSG_BAD_LINK :
		    "Open the preferences link from any of our emails, or "
		    "sign in.");
		return;
	}
	prefs_page(rq, r, id, rq->field[PG_TOKEN], rq->num[PG_SAVED] != 0,
	    0);
}

/* Every checked topic box (validated slugs) into out. */
static int
prefs_checked(const struct request *rq, struct strlist *out)
{
	static const struct field_spec spec = {"topic", FIELD_SLUG, 64, 0};
	struct nd_error err;
	int64_t unused;
	size_t i;

	for (i = 0; rq->form && i < rq->form->n; i++) {
		if (strcmp(rq->form->v[i].name, "topic") != 0)
			continue;
		if (form_field_check(&spec, rq->form->v[i].value,
		    &unused, &err) != ND_OK)
			return -1;
		if (!strlist_has(out, rq->form->v[i].value))
			strlist_push(out, rq->form->v[i].value);
	}
	return 0;
}

/* After a change: 303 back to the page, with the link's token. */
static void
prefs_saved(const struct request *rq, struct response *r)
{
	struct buf loc = BUF_INIT;

	buf_puts(&loc, "/preferences?saved=1");
	if (rq->field[PP_TOKEN])
		buf_printf(&loc, "&t=%s", rq->field[PP_TOKEN]);
	response_redirect(r, loc.ptr);
	buf_release(&loc);
}

static void
prefs_gone(const struct request *rq, struct response *r, int64_t id)
{
	struct nd_error err;
	struct buf *b = &r->body;

	if (store_reader_rm(rq->store, id, &err) != ND_OK) {
		page_error(rq, r, 503, "Server error");
		return;
	}
	layout_page_title(b, rq, "You are unsubscribed");
	html_raw_trusted(b, "<p>");
	html_text(b, layout_tr(rq, "You will get no more emails from us."));
	html_raw_trusted(b, "</p>\n");
	layout_foot(b, rq);
}

void
page_prefs_post(const struct request *rq, struct response *r)
{
	struct reader up;
	struct nd_error err;
	int64_t id = prefs_reader(rq, rq->field[PP_TOKEN]);
	const char *tz = rq->field[PP_TZ];
	enum nd_err e;

	if (id <= 0) {
		page_error(rq, r, 400, FOLLOW_MSG_BAD_LINK);
		return;
	}
	if (rq->field[PP_ACTION] && !strcmp(rq->field[PP_ACTION],
	    "unsubscribe")) {
		prefs_gone(rq, r, id);
		return;
	}
	if (tz == NULL || !schedule_tz_valid(tz)) {
		prefs_page(rq, r, id, rq->field[PP_TOKEN], 0, 1);
		return;
	}
	memset(&up, 0, sizeof(up));
	up.id = id;
	up.tz = (char *)tz;
	up.lang = (char *)(rq->field[PP_LANG] ? rq->field[PP_LANG] : "en");
	up.hour = rq->field[PP_HOUR] && rq->num[PP_HOUR] < 24 ?
	    (int)rq->num[PP_HOUR] : STORE_READER_HOUR_DEFAULT;
	up.paused = rq->num[PP_PAUSED] != 0;
	if (prefs_checked(rq, &up.topics) != 0)
		e = ND_EINVAL;
	else
		e = store_reader_update(rq->store, &up, &err);
	strlist_release(&up.topics);
	if (e != ND_OK)
		page_error(rq, r, 400, "Bad request");
	else
		prefs_saved(rq, r);
}
