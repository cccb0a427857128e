#include "ingest/classify.h"

#include <stdlib.h>
#include <string.h>

#include "util/dedupe.h"
#include "ingest/lang.h"
#include "topic/topic.h"
#include "util/buf.h"
#include "util/xalloc.h"

struct classify_rule {
	char *slug;
	struct topic_expr *expr;
};

struct classify {
	struct classify_rule *rules;
	size_t n;
};

enum nd_err
classify_new(const struct topic_list *topics, struct classify **out,
    struct nd_error *err)
{
	struct classify *c = xcalloc(1, sizeof(*c));
	struct nd_error perr;
	const struct topic *t;
	size_t i;

	c->rules = xcalloc(topics->n ? topics->n : 1, sizeof(*c->rules));
	for (i = 0; i < topics->n; i++) {
		t = &topics->v[i];
		if (topic_expr_parse(t->expr, strlen(t->expr),
		    &c->rules[c->n].expr, &perr) != ND_OK) {
			classify_free(c);
			return nd_error_set(err, ND_EPARSE,
			    "topic '%s' has a bad rule: %s", t->slug, perr.msg);
		}
		c->rules[c->n++].slug = xstrdup(t->slug);
	}
	*out = c;
	return ND_OK;
}

void
classify_free(struct classify *c)
{
	size_t i;

	if (c == NULL)
		return;
	for (i = 0; i < c->n; i++) {
		free(c->rules[i].slug);
		topic_expr_free(c->rules[i].expr);
	}
	free(c->rules);
	free(c);
}

void
classify_topics(const struct classify *c, struct article *a)
{
	struct buf text = BUF_INIT;
	struct topic_doc *doc;
	size_t i;

	strlist_release(&a->topics);
	if (c == NULL || c->n == 0)
		return;
	if (a->headline)
		buf_printf(&text, "%s\n", a->headline);
	if (a->standfirst)
		buf_printf(&text, "%s\n", a->standfirst);
	for (i = 0; i < a->body.n; i++)
		buf_printf(&text, "%s\n", a->body.v[i]);
	doc = topic_doc_new(text.ptr, text.len, a->lang);
	for (i = 0; i < c->n; i++)
		if (topic_expr_match(c->rules[i].expr, doc))
			strlist_push(&a->topics, c->rules[i].slug);
	topic_doc_free(doc);
	buf_release(&text);
}

/* "https://www.example.org:8080/x" -> "example.org" */
static char *
classify_host(const char *url)
{
	const char *p = strstr(url, "://"), *end;

	if (p == NULL)
		return NULL;
	p += 3;
	end = p + strcspn(p, "/:?#");
	if (end - p > 4 && strncmp(p, "www.", 4) == 0)
		p += 4;
	return end > p ? xstrndup(p, (size_t)(end - p)) : NULL;
}

void
classify_derive(struct article *a)
{
	char *body;

	if (a->canonical_url == NULL && a->url)
		a->canonical_url = xstrdup(a->url);
	if (a->source == NULL && a->canonical_url)
		a->source = classify_host(a->canonical_url);
	body = article_body_text(a);
	if (a->lang == NULL) {
		const char *l = lang_detect(body, strlen(body));

		a->lang = l ? xstrdup(l) : NULL;
	}
	if (a->simhash == 0)
		a->simhash = dedupe_simhash(body, strlen(body));
	free(body);
}
