/* digest_render.c - the digest's words: topic sections (near-duplicates
 * collapsed, ranked, capped), cached per topic and window; bodies
 * assembled from them once per group; per-reader links filled in last.
 */
#include "mail/digest_int.h"

#include <stdlib.h>
#include <string.h>

#include "mail/mime.h"
#include "mail/schedule.h"
#include "util/xalloc.h"
#include "web/html.h"

#define DIGEST_FETCH_MAX	500	/* articles read per topic section */
#define DIGEST_BOOST		(3 * 3600)	/* per extra source */

/* Sentences are pieces around the values (no format strings from a
 * table): intro + DATE + ".", more_a + N + more_b + TOPIC, subject
 * FIRST [+ and + N + others] + digest + DATE. */
struct digest_words {
	const char *greeting, *intro, *also, *more_a, *more_b, *prefs;
	const char *unsub, *why, *and, *others, *digest;
};

static const struct digest_words digest_en = {
	"Good morning,", "Your Daily Digest for ", "Also reported by",
	"And ", " more on ", "Preferences", "Unsubscribe",
	"You get this email because you follow these topics.",
	" and ", " more", ": your Daily Digest, ",
};

static const struct digest_words digest_de = {
	"Guten Morgen,", "Ihr Daily Digest vom ", "Auch berichtet von",
	"Und ", " weitere zu ", "Einstellungen", "Abbestellen",
	"Sie erhalten diese E-Mail, weil Sie diesen Themen folgen.",
	" und ", " weitere", ": Ihr Daily Digest, ",
};

static const struct digest_words *
digest_words_for(const char *lang)
{
	return lang && strcmp(lang, "de") == 0 ? &digest_de : &digest_en;
}

/* One story: the newest article of a story id plus the other sources. */
struct digest_item {
	const struct brief *b;
	struct strlist also;
	int64_t score;
};

static int
digest_topic_cmp(const void *a, const void *b)
{
	return strcmp(((const struct topic *)a)->slug,
	    ((const struct topic *)b)->slug);
}

enum nd_err
digest_render_init(struct digest_render *r, struct store *s,
    const struct digest_opts *o, struct nd_error *err)
{
	enum nd_err e;

	memset(r, 0, sizeof(*r));
	r->store = s;
	r->opts = o;
	if ((e = store_topic_list(s, &r->topics, err)) != ND_OK)
		return e;
	qsort(r->topics.v, r->topics.n, sizeof(*r->topics.v),
	    digest_topic_cmp);
	r->capsec = 1024;
	r->sec = xcalloc(r->capsec, sizeof(*r->sec));
	return ND_OK;
}

static void
digest_body_release(struct digest_body *b)
{
	free(b->key);
	free(b->subject);
	mime_tmpl_release(&b->tmpl);
	memset(b, 0, sizeof(*b));
}

static void
digest_sections_free(struct digest_section *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].key);
		free(v[i].name);
		free(v[i].text);
		free(v[i].html);
		free(v[i].qtext);
		free(v[i].qhtml);
	}
	free(v);
}

static void
digest_heads_free(struct digest_head *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].subject);
		free(v[i].head);
	}
	free(v);
}

void
digest_render_release(struct digest_render *r)
{
	digest_heads_free(r->heads, r->capheads);
	digest_sections_free(r->sec, r->capsec);
	topic_list_release(&r->topics);
	digest_body_release(&r->body);
}

static const char *
digest_topic_name(struct digest_render *r, const char *slug)
{
	struct topic key = {0, (char *)slug, NULL, NULL}, *t;

	t = bsearch(&key, r->topics.v, r->topics.n, sizeof(*r->topics.v),
	    digest_topic_cmp);
	return t ? t->name : slug;
}

static int
digest_item_cmp(const void *a, const void *b)
{
	const struct digest_item *x = a, *y = b;

	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return x->b->id > y->b->id ? -1 : x->b->id < y->b->id;
}

/* Collapse briefs (newest first) by story id into items, ranked by
 * recency with a boost per extra source. Returns the item count. */
static size_t
digest_collapse(const struct brief_list *bl, struct digest_item *it)
{
	size_t i, j, n = 0;

	for (i = 0; i < bl->n; i++) {
		const struct brief *b = &bl->v[i];

		for (j = 0; j < n; j++)
			if (b->story_id != 0 && it[j].b->story_id == b->story_id)
				break;
		if (j < n) {
			if (b->source && !strlist_has(&it[j].also, b->source) &&
			    (it[j].b->source == NULL ||
			    strcmp(it[j].b->source, b->source) != 0))
				strlist_push(&it[j].also, b->source);
			it[j].score += DIGEST_BOOST;
			continue;
		}
		memset(&it[n], 0, sizeof(it[n]));
		it[n].b = b;
		it[n].score = b->published;
		n++;
	}
	qsort(it, n, sizeof(*it), digest_item_cmp);
	return n;
}

static void
digest_join(const struct strlist *l, struct buf *out)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		buf_printf(out, "%s%s", i ? ", " : "", l->v[i]);
}

static void
digest_item_text(const struct digest_item *it, const struct digest_words *w,
    const char *base, const char *when, struct buf *t)
{
	const struct brief *b = it->b;

	buf_printf(t, "* %s\n", b->headline ? b->headline : "(untitled)");
	if (b->standfirst)
		buf_printf(t, "  %s\n", b->standfirst);
	buf_printf(t, "  %s, %s\n  %s/articles/%lld\n", b->source ? b->source :
	    "", when, base, (long long)b->id);
	if (it->also.n) {
		buf_printf(t, "  %s: ", w->also);
		digest_join(&it->also, t);
		buf_puts(t, "\n");
	}
	buf_puts(t, "\n");
}

static void
digest_item_html(const struct digest_item *it, const struct digest_words *w,
    const char *base, const char *when, struct buf *h)
{
	const struct brief *b = it->b;
	struct buf url = BUF_INIT, also = BUF_INIT;

	buf_printf(&url, "%s/articles/%lld", base, (long long)b->id);
	html_raw_trusted(h, "<div style=\"margin:0 0 18px\"><a style=\""
	    "color:#1a4d8f;font-size:18px;font-weight:bold;text-decoration:"
	    "none\" href=\"");
	html_url(h, url.ptr);
	html_raw_trusted(h, "\">");
	html_text(h, b->headline ? b->headline : "(untitled)");
	html_raw_trusted(h, "</a>");
	if (b->standfirst) {
		html_raw_trusted(h, "<p style=\"margin:4px 0\">");
		html_text(h, b->standfirst);
		html_raw_trusted(h, "</p>");
	}
	html_raw_trusted(h, "<p style=\"margin:2px 0;color:#555;font-size:"
	    "13px\">");
	html_text(h, b->source ? b->source : "");
	html_raw_trusted(h, ", ");
	html_text(h, when);
	if (it->also.n) {
		digest_join(&it->also, &also);
		html_raw_trusted(h, "<br>");
		html_text(h, w->also);
		html_raw_trusted(h, ": ");
		html_text(h, also.ptr);
	}
	html_raw_trusted(h, "</p></div>\n");
	buf_release(&url);
	buf_release(&also);
}

/* Heading and "and N more" of a section. */
static void
digest_section_frame(struct digest_section *sec, const char *slug,
    const struct digest_words *w, const char *base, size_t more,
    struct buf *t, struct buf *h, int end)
{
	struct buf url = BUF_INIT, line = BUF_INIT;

	if (!end) {
		buf_printf(t, "== %s ==\n\n", sec->name);
		html_raw_trusted(h, "<h2 style=\"font-size:20px;border-bottom:"
		    "2px solid #1a4d8f;padding-bottom:4px\">");
		html_text(h, sec->name);
		html_raw_trusted(h, "</h2>\n");
		return;
	}
	if (more == 0)
		return;
	buf_printf(&url, "%s/topics/%s", base, slug);
	buf_printf(&line, "%s%zu%s%s", w->more_a, more, w->more_b, sec->name);
	buf_printf(t, "%s: %s\n\n", line.ptr, url.ptr);
	html_raw_trusted(h, "<p><a style=\"color:#1a4d8f\" href=\"");
	html_url(h, url.ptr);
	html_raw_trusted(h, "\">");
	html_text(h, line.ptr);
	html_raw_trusted(h, "</a></p>\n");
	buf_release(&url);
	buf_release(&line);
}

/* The section's parts quoted-printable, once, for every body using it. */
static void
digest_section_encode(struct digest_section *sec)
{
	struct buf q = BUF_INIT;

	mime_qp_encode(sec->text, strlen(sec->text), &q);
	sec->qtext = buf_detach(&q, &sec->qtext_len);
	mime_qp_encode(sec->html, strlen(sec->html), &q);
	sec->qhtml = buf_detach(&q, &sec->qhtml_len);
}

/* Render the section of slug for w into sec (key already set). */
static enum nd_err
digest_section_render(struct digest_render *r, const char *slug,
    const struct digest_want *w, struct digest_section *sec,
    struct nd_error *err)
{
	const struct digest_words *words = digest_words_for(w->lang);
	const char *base = r->opts->base_url;
	struct brief_list bl = {NULL, 0};
	struct buf t = BUF_INIT, h = BUF_INIT, when = BUF_INIT;
	struct digest_item *it = NULL;
	size_t n, i, cap = r->opts->per_topic;
	enum nd_err e;

	sec->name = xstrdup(digest_topic_name(r, slug));
	if ((e = store_brief_list(r->store, slug, w->since, w->until,
	    DIGEST_FETCH_MAX, &bl, err)) != ND_OK)
		goto out;
	it = xcalloc(bl.n + 1, sizeof(*it));
	n = digest_collapse(&bl, it);
	sec->items = n < cap ? n : cap;
	if (n > 0)
		digest_section_frame(sec, slug, words, base, 0, &t, &h, 0);
	for (i = 0; i < sec->items; i++) {
		buf_clear(&when);
		if ((e = schedule_format(w->lang, w->tz, it[i].b->published, 1,
		    &when, err)) != ND_OK)
			goto out;
		digest_item_text(&it[i], words, base, when.ptr, &t);
		digest_item_html(&it[i], words, base, when.ptr, &h);
	}
	if (n > 0)
		digest_section_frame(sec, slug, words, base, n - sec->items,
		    &t, &h, 1);
out:
	for (i = 0; it && i < bl.n; i++)
		strlist_release(&it[i].also);
	free(it);
	brief_list_release(&bl);
	sec->text = buf_detach(&t, NULL);
	sec->html = buf_detach(&h, NULL);
	digest_section_encode(sec);
	buf_release(&when);
	return e;
}

/* Append decimal v (keys are built per reader: no printf). */
static void
digest_key_num(struct buf *out, int64_t v)
{
	char d[24];
	size_t i = sizeof(d);
	uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;

	do
		d[--i] = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (v < 0)
		d[--i] = '-';
	buf_put(out, d + i, sizeof(d) - i);
}

static uint64_t
digest_hash(const char *s)
{
	uint64_t h = 1469598103934665603ull;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h;
}

/* Start over when the table is three quarters full (a run's sections
 * rarely pass the cap; dropping them costs a re-render, not a bug). */
static void
digest_sections_room(struct digest_render *r)
{
	if (r->nsec * 4 < r->capsec * 3)
		return;
	digest_sections_free(r->sec, r->capsec);
	r->capsec = r->capsec < (1u << 20) ? r->capsec * 2 : r->capsec;
	r->sec = xcalloc(r->capsec, sizeof(*r->sec));
	r->nsec = 0;
}

/* The cached section of slug for w, rendering it on a miss. */
static enum nd_err
digest_section_get(struct digest_render *r, const char *slug,
    const struct digest_want *w, struct digest_section **out,
    struct nd_error *err)
{
	struct buf key = BUF_INIT;
	size_t i;
	enum nd_err e = ND_OK;

	digest_sections_room(r);
	buf_puts(&key, slug);
	buf_putc(&key, '|');
	digest_key_num(&key, w->since);
	buf_putc(&key, '|');
	digest_key_num(&key, w->until);
	buf_putc(&key, '|');
	buf_puts(&key, w->lang);
	buf_putc(&key, '|');
	buf_puts(&key, w->tz);
	i = (size_t)(digest_hash(key.ptr) & (r->capsec - 1));
	while (r->sec[i].key && strcmp(r->sec[i].key, key.ptr) != 0)
		i = (i + 1) & (r->capsec - 1);
	if (r->sec[i].key == NULL) {
		r->sec[i].key = buf_detach(&key, NULL);
		r->nsec++;
		e = digest_section_render(r, slug, w, &r->sec[i], err);
	}
	buf_release(&key);
	*out = &r->sec[i];
	return e;
}

void
digest_render_key(const struct digest_want *w, struct buf *out)
{
	size_t i;

	buf_puts(out, w->lang);
	buf_putc(out, '|');
	buf_puts(out, w->tz);
	buf_putc(out, '|');
	buf_puts(out, w->date);
	buf_putc(out, '|');
	digest_key_num(out, w->since);
	buf_putc(out, '|');
	digest_key_num(out, w->until);
	buf_putc(out, '|');
	for (i = 0; i < w->topics->n; i++) {
		buf_puts(out, w->topics->v[i]);
		buf_putc(out, ' ');
	}
}

static void
digest_body_head(const struct digest_words *words, const char *date,
    struct buf *t, struct buf *h)
{
	struct buf intro = BUF_INIT;

	buf_printf(&intro, "%s%s.", words->intro, date);
	buf_printf(t, "%s\n\n%s\n\n", words->greeting, intro.ptr);
	html_raw_trusted(h, "<!DOCTYPE html>\n<html><head><meta charset=\""
	    "utf-8\"><meta name=\"viewport\" content=\"width=device-width\">"
	    "</head><body style=\"margin:0;padding:16px;background:#f4f4f4;"
	    "font-family:Georgia,serif;color:#222\"><div style=\"max-width:"
	    "600px;margin:0 auto;background:#fff;padding:20px\">\n<p>");
	html_text(h, words->greeting);
	html_raw_trusted(h, "</p><p>");
	html_text(h, intro.ptr);
	html_raw_trusted(h, "</p>\n");
	buf_release(&intro);
}

/* The footer with the reader's links as template slots. */
static void
digest_body_foot(const struct digest_words *words, struct mime_tmpl *tm,
    int html)
{
	struct buf f = BUF_INIT;

	if (!html) {
		buf_printf(&f, "-- \n%s\n%s: ", words->why, words->prefs);
		mime_tmpl_text(tm, f.ptr, f.len);
		mime_tmpl_slot(tm, DIGEST_SLOT_PREFS);
		buf_clear(&f);
		buf_printf(&f, "\n%s: ", words->unsub);
		mime_tmpl_text(tm, f.ptr, f.len);
		mime_tmpl_slot(tm, DIGEST_SLOT_UNSUB);
		mime_tmpl_text(tm, "\n", 1);
		buf_release(&f);
		return;
	}
	html_raw_trusted(&f, "<hr><p style=\"color:#555;font-size:13px\">");
	html_text(&f, words->why);
	html_raw_trusted(&f, "<br><a style=\"color:#1a4d8f\" href=\"");
	mime_tmpl_text(tm, f.ptr, f.len);
	mime_tmpl_slot(tm, DIGEST_SLOT_PREFS_HTML);
	buf_clear(&f);
	html_raw_trusted(&f, "\">");
	html_text(&f, words->prefs);
	html_raw_trusted(&f, "</a> &middot; <a style=\"color:#1a4d8f\" "
	    "href=\"");
	mime_tmpl_text(tm, f.ptr, f.len);
	mime_tmpl_slot(tm, DIGEST_SLOT_UNSUB_HTML);
	buf_clear(&f);
	html_raw_trusted(&f, "\">");
	html_text(&f, words->unsub);
	html_raw_trusted(&f, "</a></p></div></body></html>\n");
	mime_tmpl_text(tm, f.ptr, f.len);
	buf_release(&f);
}

static void
digest_body_subject(const struct digest_words *words, const char *first,
    size_t others, const char *date, struct buf *s)
{
	buf_puts(s, first);
	if (others > 0)
		buf_printf(s, "%s%zu%s", words->and, others, words->others);
	buf_printf(s, "%s%s", words->digest, date);
}

/* One part of the body: head, the sections (already encoded), foot. */
static void
digest_body_part(struct digest_render *r, const struct digest_words *words,
    struct digest_section **secs, size_t n, const char *head, int html)
{
	struct mime_tmpl *tm = &r->body.tmpl;
	size_t i;

	mime_tmpl_part(tm, html ? "html" : "plain");
	mime_tmpl_text(tm, head, strlen(head));
	for (i = 0; i < n; i++)
		mime_tmpl_encoded(tm, html ? secs[i]->qhtml : secs[i]->qtext,
		    html ? secs[i]->qhtml_len : secs[i]->qtext_len);
	digest_body_foot(words, tm, html);
}

/* The cached group headers of subject: slot i of r->heads. Subjects
 * repeat (first topic, count, date) across many groups. */
static size_t
digest_head_slot(struct digest_render *r, const char *subject)
{
	size_t i;

	if (r->nheads * 4 >= r->capheads * 3) {
		digest_heads_free(r->heads, r->capheads);
		r->capheads = r->capheads ? r->capheads * 2 : 1024;
		r->capheads = r->capheads > (1u << 16) ? 1u << 16 :
		    r->capheads;
		r->heads = xcalloc(r->capheads, sizeof(*r->heads));
		r->nheads = 0;
	}
	i = (size_t)(digest_hash(subject) & (r->capheads - 1));
	while (r->heads[i].subject && strcmp(r->heads[i].subject, subject))
		i = (i + 1) & (r->capheads - 1);
	return i;
}

/* The group headers: sender, subject, list (GMime once per subject). */
static enum nd_err
digest_body_headers(struct digest_render *r, const char *subject,
    struct nd_error *err)
{
	const char *at = strrchr(r->opts->from, '@');
	struct buf list = BUF_INIT;
	struct mime_msg m;
	enum nd_err e;
	size_t i = digest_head_slot(r, subject);

	if (r->heads[i].subject) {
		buf_put(&r->body.tmpl.head, r->heads[i].head,
		    r->heads[i].len);
		return ND_OK;
	}
	buf_printf(&list, "Daily Digest <digest.%s>", at ? at + 1 : "");
	memset(&m, 0, sizeof(m));
	m.from_name = "Newsdesk Daily Digest";
	m.from_addr = r->opts->from;
	m.subject = subject;
	m.list_id = list.ptr;
	e = mime_tmpl_headers(&r->body.tmpl, &m, err);
	buf_release(&list);
	if (e != ND_OK)
		return e;
	r->heads[i].subject = xstrdup(subject);
	r->heads[i].head = xstrndup(r->body.tmpl.head.ptr,
	    r->body.tmpl.head.len);
	r->heads[i].len = r->body.tmpl.head.len;
	r->nheads++;
	return ND_OK;
}

/* Render a new body for w into r->body. */
static enum nd_err
digest_body_render(struct digest_render *r, const struct digest_want *w,
    struct nd_error *err)
{
	const struct digest_words *words = digest_words_for(w->lang);
	struct buf t = BUF_INIT, h = BUF_INIT, date = BUF_INIT, subj = BUF_INIT;
	struct digest_section *sec, **secs;
	const char *first = NULL;
	size_t i, n = 0, shown = 0;
	enum nd_err e;

	secs = xcalloc(w->topics->n + 1, sizeof(*secs));
	mime_tmpl_init(&r->body.tmpl);
	if ((e = schedule_format(w->lang, w->tz, w->until, 0, &date, err)))
		goto out;
	digest_body_head(words, date.ptr, &t, &h);
	for (i = 0; i < w->topics->n; i++) {
		if ((e = digest_section_get(r, w->topics->v[i], w, &sec, err)))
			goto out;
		if (sec->items == 0)
			continue;
		if (first == NULL)
			first = sec->name;
		else
			shown++;
		r->body.items += sec->items;
		secs[n++] = sec;
	}
	digest_body_subject(words, first ? first : "Daily Digest", shown,
	    date.ptr, &subj);
	if ((e = digest_body_headers(r, subj.ptr, err)) != ND_OK)
		goto out;
	digest_body_part(r, words, secs, n, t.ptr, 0);
	digest_body_part(r, words, secs, n, h.ptr, 1);
	r->body.subject = buf_detach(&subj, NULL);
out:
	free(secs);
	buf_release(&t);
	buf_release(&h);
	buf_release(&date);
	buf_release(&subj);
	return e;
}

enum nd_err
digest_render_body(struct digest_render *r, const struct digest_want *w,
    const struct digest_body **out, int *fresh, struct nd_error *err)
{
	struct buf key = BUF_INIT;
	enum nd_err e = ND_OK;

	digest_render_key(w, &key);
	*fresh = 0;
	if (r->body.key == NULL || strcmp(r->body.key, key.ptr) != 0) {
		digest_body_release(&r->body);
		r->body.key = buf_detach(&key, NULL);
		e = digest_body_render(r, w, err);
		*fresh = 1;
	}
	buf_release(&key);
	*out = &r->body;
	return e;
}

enum nd_err
digest_render_items(struct digest_render *r, const struct digest_want *w,
    size_t *items, struct nd_error *err)
{
	struct digest_section *sec;
	enum nd_err e;
	size_t i;

	*items = 0;
	for (i = 0; i < w->topics->n; i++) {
		if ((e = digest_section_get(r, w->topics->v[i], w, &sec, err)))
			return e;
		*items += sec->items;
	}
	return ND_OK;
}

void
digest_render_fill(const char *tmpl, int html, const char *prefs,
    const char *unsub, struct buf *out)
{
	const char *p = tmpl, *q;

	while ((q = strchr(p, '\001')) != NULL) {
		buf_put(out, p, (size_t)(q - p));
		if (q[1] == 'P' || q[1] == 'U') {
			const char *url = q[1] == 'P' ? prefs : unsub;

			if (html)
				html_url(out, url);
			else
				buf_puts(out, url);
			p = q + 2;
		} else
			p = q + 1;
	}
	buf_puts(out, p);
}
