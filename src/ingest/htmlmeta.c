#include "ingest/htmlmeta.h"
#include "ingest/htmltext.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "ingest/extract.h"
#include "ingest/htmlhint.h"
#include "ingest/htmlwalk.h"
#include "store/article.h"
#include "util/buf.h"

#define HTMLMETA_MAX_ELTEXT	600	/* bytes of a byline/standfirst */
#define HTMLMETA_MAX_LINE	240	/* bytes of a byline's line */

static void
htmlmeta_set(char **field, const char *s)
{
	if (*field != NULL || s == NULL)
		return;
	article_set(field, s, strlen(s));
}

static void
htmlmeta_push(struct strlist *l, const char *s)
{
	char *v = NULL;

	if (s == NULL)
		return;
	article_set(&v, s, strlen(s));
	if (v == NULL || strlist_has(l, v) || l->n >= 16) {
		free(v);
		return;
	}
	strlist_push_owned(l, v);
}

/* OpenGraph / article:* / name= metas. */
static void
htmlmeta_meta(const struct html_node *n, struct htmlmeta *m)
{
	const char *p = htmlwalk_attr(n, HA_PROPERTY);
	const char *name = htmlwalk_attr(n, HA_NAME);
	const char *c = htmlwalk_attr(n, HA_CONTENT);

	if (c == NULL)
		return;
	if (p == NULL)
		p = name;
	if (p == NULL && (p = htmlwalk_attr(n, HA_ITEMPROP)) == NULL)
		return;
	if (!strcasecmp(p, "og:url"))
		htmlmeta_set(&m->og_url, c);
	else if (!strcasecmp(p, "og:title"))
		htmlmeta_set(&m->og_title, c);
	else if (!strcasecmp(p, "og:description"))
		htmlmeta_set(&m->og_desc, c);
	else if (!strcasecmp(p, "og:image") || !strcasecmp(p, "og:image:url")
	    || !strcasecmp(p, "og:image:secure_url"))
		htmlmeta_set(&m->og_image, c);
	else if (!strcasecmp(p, "og:site_name"))
		htmlmeta_set(&m->og_site, c);
	else if (!strcasecmp(p, "article:section"))
		htmlmeta_set(&m->og_section, c);
	else if (!strcasecmp(p, "article:published_time") ||
	    !strcasecmp(p, "datePublished"))
		htmlmeta_set(&m->og_published, c);
	else if (!strcasecmp(p, "article:modified_time") ||
	    !strcasecmp(p, "og:updated_time") || !strcasecmp(p, "dateModified"))
		htmlmeta_set(&m->og_modified, c);
	else if (!strcasecmp(p, "article:author")) {
		if (strncasecmp(c, "http", 4) != 0)
			htmlmeta_push(&m->og_authors, c);
	} else if (!strcasecmp(p, "author") && strncasecmp(c, "http", 4))
		htmlmeta_push(&m->meta_authors, c);
	else if (!strcasecmp(p, "description"))
		htmlmeta_set(&m->meta_desc, c);
	else if (!strcasecmp(p, "date") || !strcasecmp(p, "pubdate") ||
	    !strcasecmp(p, "publish-date") || !strcasecmp(p, "dc.date") ||
	    !strcasecmp(p, "dcterms.date") || !strcasecmp(p, "dc.date.issued"))
		htmlmeta_set(&m->meta_date, c);
}

static void
htmlmeta_link(const struct html_node *n, struct htmlmeta *m)
{
	const char *rel = htmlwalk_attr(n, HA_REL);
	const char *href = htmlwalk_attr(n, HA_HREF);

	if (rel && href && !strcasecmp(rel, "canonical"))
		htmlmeta_set(&m->canonical, href);
}

static void
htmlmeta_script(const struct html_node *n, struct htmlmeta *m)
{
	const char *type = htmlwalk_attr(n, HA_TYPE);
	const struct html_node *c;

	if (type == NULL || strcasecmp(type, "application/ld+json") != 0)
		return;
	for (c = n->first; c; c = c->next)
		if (c->type == HTML_TEXT)
			htmlmeta_jsonld(c->text, c->len, m);
}

/* Text of n into *field when unset and between lo and hi bytes long. */
static void
htmlmeta_eltext(struct html_node *n, char **field, size_t lo, size_t hi)
{
	struct buf b;

	if (*field)
		return;
	buf_init(&b, 4 * HTMLMETA_MAX_ELTEXT);
	htmlwalk_text(n, &b);
	if (b.len >= lo && b.len <= hi)
		htmlmeta_set(field, b.ptr);
	buf_release(&b);
}

/* The byline element's text, its parts spaced (a name link, then a place
 * and a time in spans of their own), into m->byline_el when 3..160 bytes
 * long and, if must_name, when names follow a "By" prefix. */
static void
htmlmeta_byline_set(struct html_node *n, struct htmlmeta *m, int must_name)
{
	struct strlist names = STRLIST_INIT;
	struct buf b;

	if (m->byline_el)
		return;
	buf_init(&b, 4 * HTMLMETA_MAX_ELTEXT);
	htmlwalk_text_spaced(n, &b);
	if (b.len >= 3 && b.len <= 160 &&
	    (!must_name || htmltext_byline(b.ptr, 1, &names) > 0)) {
		htmlmeta_set(&m->byline_el, b.ptr);
		buf_clear(&b);
		if (n->parent)
			htmlwalk_text_spaced(n->parent, &b);
		if (b.len <= HTMLMETA_MAX_LINE)
			htmlmeta_set(&m->byline_line, b.ptr);
	}
	strlist_release(&names);
	buf_release(&b);
}

static void
htmlmeta_classes(struct html_node *n, struct htmlmeta *m)
{
	unsigned hint = htmlhint_of(n);
	const char *ip;

	if (m->byline_el == NULL) {
		ip = htmlwalk_attr(n, HA_ITEMPROP);
		if ((hint & HH_BYLINE) || (ip && !strcasecmp(ip, "author")))
			htmlmeta_byline_set(n, m, 0);
	}
	if (m->standfirst_el == NULL && (hint & HH_STANDFIRST))
		htmlmeta_eltext(n, &m->standfirst_el, 30, HTMLMETA_MAX_ELTEXT);
	if (m->credits_el == NULL && (hint & HH_CREDIT)) {
		htmlmeta_eltext(n, &m->credits_el, 10, HTMLTEXT_MAX_CREDITS);
		if (m->credits_el && !htmltext_is_credits(m->credits_el)) {
			free(m->credits_el);
			m->credits_el = NULL;
		}
	}
}

/* A short <p> whose own text starts "By" (in the languages of
 * htmltext_byline's prefixes, capitalised) is a byline; so is a span, div
 * or li whose text starts so in either case ("di Anna Neri") and goes on
 * with names. */
static void
htmlmeta_byline_p(struct html_node *n, struct htmlmeta *m)
{
	static const char *const pre[] = {
		"By ", "Von ", "Par ", "Por ", "Di ", "Door ", "Av ", "Af ",
		"Przez ", "Author: ", "Autor: ", "Autore: ", "Auteur : ",
		"Auteur: ", "\xE6\x96\x87 ", "\xE6\x96\x87\xE3\x83\xBB",
		"\xE6\x96\x87\xEF\xBC\x9A", NULL
	};
	const struct html_node *c = n->first;
	int is_p = htmlwalk_tag(n) == TAG_P;
	const char *s;
	size_t i;

	if (m->byline_el || c == NULL || c->type != HTML_TEXT ||
	    c->text == NULL)
		return;
	s = c->text;
	while (*s == ' ' || *s == '\n' || *s == '\t')
		s++;
	/* most elements: not a first letter of any prefix */
	if (strchr("BbVvPpDdAaFf\xE6", *s) == NULL || *s == '\0')
		return;
	for (i = 0; pre[i]; i++)
		if ((is_p ? strncmp : strncasecmp)(s, pre[i],
		    strlen(pre[i])) == 0) {
			htmlmeta_byline_set(n, m, !is_p);
			return;
		}
}

static int
htmlmeta_enter(struct html_node *n, int depth, void *arg)
{
	struct htmlmeta *m = arg;
	const char *v;

	(void)depth;
	switch (htmlwalk_tag(n)) {
	case TAG_HTML:
		htmlmeta_set(&m->lang, htmlwalk_attr(n, HA_LANG));
		return 1;
	case TAG_META:
		htmlmeta_meta(n, m);
		return 0;
	case TAG_LINK:
		htmlmeta_link(n, m);
		return 0;
	case TAG_SCRIPT:
		htmlmeta_script(n, m);
		return 0;
	case TAG_TITLE:
		/* the element is "hidden" to text walks: read its text child */
		if (n->first && n->first->type == HTML_TEXT &&
		    n->first->len <= 2000)
			htmlmeta_set(&m->title, n->first->text);
		return 0;
	case TAG_H1:
		htmlmeta_eltext(n, &m->h1, 1, 2000);
		return 1;
	case TAG_TIME:
		if ((v = htmlwalk_attr(n, HA_DATETIME)) != NULL)
			htmlmeta_set(&m->time_dt, v);
		return 1;
	case TAG_STYLE: case TAG_NOSCRIPT: case TAG_TEMPLATE: case TAG_SVG:
		return 0;
	case TAG_P: case TAG_SPAN: case TAG_DIV: case TAG_LI:
		htmlmeta_byline_p(n, m);
		if (n->nattrs)
			htmlmeta_classes(n, m);
		return 1;
	default:
		if (n->nattrs)
			htmlmeta_classes(n, m);
		return 1;
	}
}

void
htmlmeta_collect(struct html_node *root, struct htmlmeta *m)
{
	htmlwalk(root, EXTRACT_MAX_DEPTH, EXTRACT_MAX_NODES, htmlmeta_enter,
	    NULL, m);
}

/* ---- JSON-LD ---------------------------------------------------------- */

static int
htmlmeta_ld_is_article(const json_t *type)
{
	static const char *const kinds[] = {
		"NewsArticle", "Article", "ReportageNewsArticle",
		"BlogPosting", "AnalysisNewsArticle", "OpinionNewsArticle",
		"ReviewNewsArticle", "BackgroundNewsArticle", "Report",
		"LiveBlogPosting", "TechArticle", "ScholarlyArticle",
	};
	size_t i, k;

	if (json_is_array(type)) {
		for (k = 0; k < json_array_size(type) && k < 8; k++)
			if (htmlmeta_ld_is_article(json_array_get(type, k)))
				return 1;
		return 0;
	}
	if (!json_is_string(type))
		return 0;
	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcmp(json_string_value(type), kinds[i]) == 0)
			return 1;
	return 0;
}

static void
htmlmeta_ld_str(char **field, const json_t *v)
{
	if (json_is_array(v))
		v = json_array_get(v, 0);
	if (json_is_string(v))
		htmlmeta_set(field, json_string_value(v));
}

/* Resolve {"@id": ...} against the @graph it came from. */
static const json_t *
htmlmeta_ld_ref(const json_t *v, const json_t *graph)
{
	const json_t *id = json_object_get(v, "@id"), *g;
	size_t i;

	if (!json_is_string(id) || json_object_get(v, "name") || graph == NULL)
		return v;
	json_array_foreach(graph, i, g) {
		const json_t *gid = json_object_get(g, "@id");

		if (json_is_string(gid) &&
		    !strcmp(json_string_value(gid), json_string_value(id)))
			return g;
	}
	return v;
}

/* 1 if the JSON-LD object o is an organisation, not a person. */
static int
htmlmeta_ld_is_org(const json_t *o)
{
	const json_t *t = json_object_get(o, "@type");
	const char *s = json_is_string(t) ? json_string_value(t) : NULL;
	size_t n = s ? strlen(s) : 0;

	return n >= 12 && strcmp(s + n - 12, "Organization") == 0;
}

/* Names of v's authors into out, of those that are organisations (a
 * desk or the site itself) into orgs. */
static void
htmlmeta_ld_authors(const json_t *v, const json_t *graph,
    struct strlist *out, struct strlist *orgs)
{
	const json_t *a;
	size_t i;

	if (json_is_string(v)) {
		htmlmeta_push(out, json_string_value(v));
		return;
	}
	if (json_is_object(v)) {
		v = htmlmeta_ld_ref(v, graph);
		a = json_object_get(v, "name");
		if (json_is_string(a))
			htmlmeta_push(htmlmeta_ld_is_org(v) ? orgs : out,
			    json_string_value(a));
		return;
	}
	json_array_foreach(v, i, a) {
		if (i >= 16)
			break;
		if (!json_is_array(a))
			htmlmeta_ld_authors(a, graph, out, orgs);
	}
}

static void
htmlmeta_ld_image(const json_t *v, const json_t *graph, struct htmlmeta *m)
{
	if (json_is_array(v))
		v = json_array_get(v, 0);
	if (json_is_string(v)) {
		htmlmeta_set(&m->ld_image, json_string_value(v));
		return;
	}
	if (!json_is_object(v))
		return;
	v = htmlmeta_ld_ref(v, graph);
	htmlmeta_ld_str(&m->ld_image, json_object_get(v, "url"));
	htmlmeta_ld_str(&m->ld_image, json_object_get(v, "contentUrl"));
	htmlmeta_ld_str(&m->ld_caption, json_object_get(v, "caption"));
}

static void
htmlmeta_ld_article(const json_t *o, const json_t *graph, struct htmlmeta *m)
{
	const json_t *pub;

	m->ld_found = 1;
	htmlmeta_ld_str(&m->ld_headline, json_object_get(o, "headline"));
	htmlmeta_ld_str(&m->ld_desc, json_object_get(o, "description"));
	htmlmeta_ld_str(&m->ld_published, json_object_get(o, "datePublished"));
	htmlmeta_ld_str(&m->ld_modified, json_object_get(o, "dateModified"));
	htmlmeta_ld_str(&m->ld_section, json_object_get(o, "articleSection"));
	htmlmeta_ld_str(&m->ld_lang, json_object_get(o, "inLanguage"));
	htmlmeta_ld_authors(json_object_get(o, "author"), graph,
	    &m->ld_authors, &m->ld_org_authors);
	htmlmeta_ld_image(json_object_get(o, "image"), graph, m);
	pub = json_object_get(o, "publisher");
	if (json_is_array(pub))
		pub = json_array_get(pub, 0);
	if (json_is_object(pub)) {
		pub = htmlmeta_ld_ref(pub, graph);
		htmlmeta_ld_str(&m->ld_publisher, json_object_get(pub, "name"));
	}
}

static void
htmlmeta_ld_walk(const json_t *j, const json_t *graph, int depth,
    struct htmlmeta *m)
{
	const json_t *v;
	size_t i;

	if (depth > HTMLMETA_MAX_LDDEPTH || m->ld_found)
		return;
	if (json_is_array(j)) {
		json_array_foreach(j, i, v)
			htmlmeta_ld_walk(v, j, depth + 1, m);
		return;
	}
	if (!json_is_object(j))
		return;
	if (htmlmeta_ld_is_article(json_object_get(j, "@type"))) {
		htmlmeta_ld_article(j, graph, m);
		return;
	}
	v = json_object_get(j, "@graph");
	if (json_is_array(v))
		htmlmeta_ld_walk(v, v, depth + 1, m);
	v = json_object_get(j, "mainEntity");
	if (json_is_object(v))
		htmlmeta_ld_walk(v, graph, depth + 1, m);
}

void
htmlmeta_jsonld(const char *s, size_t n, struct htmlmeta *m)
{
	json_t *j;
	json_error_t jerr;

	if (m->ld_found || n == 0 || n > HTMLMETA_MAX_JSONLD)
		return;
	j = json_loadb(s, n, JSON_DECODE_ANY | JSON_ALLOW_NUL, &jerr);
	if (j == NULL)
		return;
	htmlmeta_ld_walk(j, NULL, 0, m);
	json_decref(j);
}

void
htmlmeta_release(struct htmlmeta *m)
{
	char **f[] = {
		&m->lang, &m->canonical, &m->title, &m->h1, &m->time_dt,
		&m->meta_date, &m->meta_desc, &m->byline_el, &m->standfirst_el,
		&m->credits_el, &m->byline_line,
		&m->og_url, &m->og_title, &m->og_desc, &m->og_image, &m->og_site,
		&m->og_section, &m->og_published, &m->og_modified,
		&m->ld_headline, &m->ld_desc, &m->ld_published, &m->ld_modified,
		&m->ld_image, &m->ld_caption, &m->ld_section, &m->ld_lang,
		&m->ld_publisher,
	};
	size_t i;

	for (i = 0; i < sizeof(f) / sizeof(f[0]); i++)
		free(*f[i]);
	strlist_release(&m->meta_authors);
	strlist_release(&m->og_authors);
	strlist_release(&m->ld_authors);
	strlist_release(&m->ld_org_authors);
	memset(m, 0, sizeof(*m));
}
