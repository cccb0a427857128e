#include "store/article.h"

#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/timeutil.h"
#include "util/xalloc.h"

struct article *
article_new(void)
{
	return xcalloc(1, sizeof(struct article));
}

void
article_free(struct article *a)
{
	if (a == NULL)
		return;
	free(a->url);
	free(a->canonical_url);
	free(a->source);
	free(a->headline);
	free(a->standfirst);
	strlist_release(&a->byline);
	free(a->dateline);
	free(a->image_url);
	free(a->image_caption);
	free(a->image_credit);
	strlist_release(&a->body);
	free(a->credits);
	free(a->lang);
	free(a->section);
	strlist_release(&a->topics);
	free(a);
}

static int
article_isspace(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	    c == '\v';
}

void
article_set(char **field, const char *s, size_t n)
{
	struct buf b = BUF_INIT;
	size_t i;
	int space = 0;

	free(*field);
	*field = NULL;
	if (s == NULL)
		return;
	for (i = 0; i < n; i++) {
		/* U+00A0 no-break space counts as space */
		if ((unsigned char)s[i] == 0xC2 && i + 1 < n &&
		    (unsigned char)s[i + 1] == 0xA0) {
			space = 1;
			i++;
			continue;
		}
		if (article_isspace((unsigned char)s[i])) {
			space = 1;
			continue;
		}
		if (space && b.len)
			buf_putc(&b, ' ');
		space = 0;
		buf_putc(&b, s[i]);
	}
	if (b.len)
		*field = buf_detach(&b, NULL);
	buf_release(&b);
}

char *
article_body_text(const struct article *a)
{
	struct buf b = BUF_INIT;
	size_t i;

	for (i = 0; i < a->body.n; i++) {
		if (i)
			buf_puts(&b, "\n\n");
		buf_puts(&b, a->body.v[i]);
	}
	return buf_detach(&b, NULL);
}

void
article_list_push(struct article_list *l, struct article *a)
{
	l->v = xgrow(l->v, &l->cap, l->n, sizeof(*l->v), 8);
	l->v[l->n++] = a;
}

void
article_list_release(struct article_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		article_free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

static json_t *
article_jstr(const char *s)
{
	return s ? json_string(s) : json_null();
}

static json_t *
article_jlist(const struct strlist *l)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < l->n; i++)
		json_array_append_new(a, json_string(l->v[i]));
	return a;
}

static json_t *
article_jtime(int64_t t, int has_time)
{
	char iso[21];

	if (t == 0)
		return json_null();
	time_format_iso(t, has_time, iso);
	return json_string(iso);
}

static void
article_json_full(json_t *o, const struct article *a)
{
	json_object_set_new(o, "id", json_integer(a->id));
	json_object_set_new(o, "canonical_url", article_jstr(a->canonical_url));
	json_object_set_new(o, "source", article_jstr(a->source));
	json_object_set_new(o, "section", article_jstr(a->section));
	json_object_set_new(o, "updated", article_jtime(a->updated, 1));
	json_object_set_new(o, "story_id", json_integer(a->story_id));
	json_object_set_new(o, "comment_count",
	    json_integer(a->comment_count));
}

json_t *
article_to_json(const struct article *a, int full)
{
	json_t *o = json_object(), *img;

	json_object_set_new(o, "url", article_jstr(a->url));
	json_object_set_new(o, "headline", article_jstr(a->headline));
	json_object_set_new(o, "standfirst", article_jstr(a->standfirst));
	json_object_set_new(o, "byline", article_jlist(&a->byline));
	json_object_set_new(o, "dateline", article_jstr(a->dateline));
	json_object_set_new(o, "published",
	    article_jtime(a->published, a->published_has_time));
	img = json_object();
	json_object_set_new(img, "url", article_jstr(a->image_url));
	json_object_set_new(img, "caption", article_jstr(a->image_caption));
	json_object_set_new(img, "credit", article_jstr(a->image_credit));
	json_object_set_new(o, "image", img);
	json_object_set_new(o, "body", article_jlist(&a->body));
	json_object_set_new(o, "credits", article_jstr(a->credits));
	json_object_set_new(o, "lang", article_jstr(a->lang));
	json_object_set_new(o, "topics", article_jlist(&a->topics));
	if (full)
		article_json_full(o, a);
	return o;
}

/* Copy a string-or-null member into *field; -1 on a wrong type. */
static int
article_jget_str(const json_t *o, const char *key, char **field)
{
	const json_t *v = json_object_get(o, key);

	if (v == NULL || json_is_null(v))
		return 0;
	if (!json_is_string(v))
		return -1;
	article_set(field, json_string_value(v), json_string_length(v));
	return 0;
}

static int
article_jget_list(const json_t *o, const char *key, struct strlist *l)
{
	const json_t *v = json_object_get(o, key), *e;
	size_t i;

	if (v == NULL || json_is_null(v))
		return 0;
	if (!json_is_array(v))
		return -1;
	json_array_foreach(v, i, e) {
		if (!json_is_string(e))
			return -1;
		strlist_push(l, json_string_value(e));
	}
	return 0;
}

static int
article_jget_time(const json_t *o, const char *key, int64_t *t, int *timed)
{
	const json_t *v = json_object_get(o, key);
	int dummy;

	if (v == NULL || json_is_null(v))
		return 0;
	if (!json_is_string(v))
		return -1;
	return time_parse_iso(json_string_value(v), json_string_length(v), t,
	    timed ? timed : &dummy) == ND_OK ? 0 : -1;
}

static const char *
article_jget_strings(const json_t *j, struct article *a)
{
	const json_t *img = json_object_get(j, "image");

	if (article_jget_str(j, "url", &a->url)) return "url";
	if (article_jget_str(j, "canonical_url", &a->canonical_url))
		return "canonical_url";
	if (article_jget_str(j, "source", &a->source)) return "source";
	if (article_jget_str(j, "headline", &a->headline)) return "headline";
	if (article_jget_str(j, "standfirst", &a->standfirst))
		return "standfirst";
	if (article_jget_str(j, "dateline", &a->dateline)) return "dateline";
	if (article_jget_str(j, "credits", &a->credits)) return "credits";
	if (article_jget_str(j, "lang", &a->lang)) return "lang";
	if (article_jget_str(j, "section", &a->section)) return "section";
	if (img && !json_is_null(img) && !json_is_object(img)) return "image";
	if (img && (article_jget_str(img, "url", &a->image_url) ||
	    article_jget_str(img, "caption", &a->image_caption) ||
	    article_jget_str(img, "credit", &a->image_credit)))
		return "image";
	return NULL;
}

struct article *
article_from_json(const json_t *j, struct nd_error *err)
{
	struct article *a;
	const char *bad = NULL;

	if (!json_is_object(j)) {
		nd_error_set(err, ND_EINVAL, "article is not a json object");
		return NULL;
	}
	a = article_new();
	if ((bad = article_jget_strings(j, a)) != NULL)
		;
	else if (article_jget_list(j, "byline", &a->byline))
		bad = "byline";
	else if (article_jget_list(j, "body", &a->body))
		bad = "body";
	else if (article_jget_list(j, "topics", &a->topics))
		bad = "topics";
	else if (article_jget_time(j, "published", &a->published,
	    &a->published_has_time))
		bad = "published";
	else if (article_jget_time(j, "updated", &a->updated, NULL))
		bad = "updated";
	if (bad) {
		nd_error_set(err, ND_EINVAL, "article field '%s' has the "
		    "wrong type or format", bad);
		article_free(a);
		return NULL;
	}
	return a;
}
