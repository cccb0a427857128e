/* extract_html.c - HTML page -> article: input checks, conversion to
 * UTF-8, parsing with htmlparse.h, and putting together what htmlmeta.c (page
 * metadata), htmlbody.c (main text) and htmltext.c (bylines, datelines,
 * credits) found. */
#include "ingest/extract.h"

#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/uri.h>
#include <unicode/ucnv.h>

#include "ingest/htmlbody.h"
#include "ingest/htmlmeta.h"
#include "ingest/htmlparse.h"
#include "ingest/htmltext.h"
#include "ingest/htmlwalk.h"
#include "ingest/lang.h"
#include "util/buf.h"
#include "util/timeutil.h"
#include "util/utf8.h"
#include "util/xalloc.h"

#define EXTRACT_SNIFF		2048	/* bytes searched for a charset */
#define EXTRACT_BINARY_RATIO	0.05	/* control bytes that mean binary */
#define EXTRACT_HEAD_PARAS	4	/* paragraphs searched for a byline */
#define EXTRACT_TAIL_PARAS	3	/* paragraphs searched for credits */

static const char *
extract_name(const struct extract_opts *opts)
{
	return opts && opts->name ? opts->name : "input";
}

static enum nd_err
extract_check(const char *html, size_t len, const struct extract_opts *opts,
    struct nd_error *err)
{
	size_t max = opts && opts->max_bytes ? opts->max_bytes :
	    EXTRACT_MAX_BYTES, i;

	if (len > max || len > INT_MAX)
		return nd_error_set(err, ND_ELIMIT,
		    "'%s' is %zu bytes, over the limit of %zu",
		    extract_name(opts), len, max);
	if (html == NULL && len > 0)
		return nd_error_set(err, ND_EINVAL, "'%s': no input buffer",
		    extract_name(opts));
	for (i = 0; i < len && isspace((unsigned char)html[i]); i++)
		;
	if (i == len)
		return nd_error_set(err, ND_EEMPTY, "'%s' is empty",
		    extract_name(opts));
	if (memchr(html, '\0', len < 4096 ? len : 4096) ||
	    utf8_control_ratio(html, len) > EXTRACT_BINARY_RATIO)
		return nd_error_set(err, ND_EBINARY,
		    "'%s' looks like binary data, not html",
		    extract_name(opts));
	return ND_OK;
}

/* The charset the first bytes declare when it is not UTF-8 or ASCII,
 * into name (cap bytes); 0 when there is none. */
static int
extract_other_charset(const char *html, size_t len, char *name, size_t cap)
{
	size_t n = len < EXTRACT_SNIFF ? len : EXTRACT_SNIFF;
	const char *p = htmlwalk_memcasemem(html, n, "charset=");
	size_t rest, k = 0;

	if (p == NULL)
		return 0;
	p += 8;
	rest = n - (size_t)(p - html);
	while (rest && (*p == '"' || *p == '\'' || *p == ' ')) {
		p++;
		rest--;
	}
	if (rest >= 5 && (strncasecmp(p, "utf-8", 5) == 0 ||
	    strncasecmp(p, "utf8", 4) == 0))
		return 0;
	if (rest >= 8 && strncasecmp(p, "us-ascii", 8) == 0)
		return 0;
	while (k < rest && k + 1 < cap && (isalnum((unsigned char)p[k]) ||
	    p[k] == '-' || p[k] == '_' || p[k] == ':' || p[k] == '.')) {
		name[k] = p[k];
		k++;
	}
	name[k] = '\0';
	return k > 0;
}

/* html in the declared charset -> UTF-8 in out; 0 when ICU does not
 * know the charset or fails. */
static int
extract_convert(const char *html, size_t len, const char *charset,
    struct buf *out)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t need;
	char *dst;

	if (len > INT32_MAX / 4)
		return 0;
	dst = xmalloc(len * 4 + 1);
	need = ucnv_convert("UTF-8", charset, dst, (int32_t)(len * 4 + 1),
	    html, (int32_t)len, &st);
	if (U_FAILURE(st) || need < 0) {
		free(dst);
		return 0;
	}
	buf_put(out, dst, (size_t)need);
	free(dst);
	return 1;
}

/* The page as UTF-8: converted from a declared charset, repaired when
 * invalid, or borrowed as it is (*text == html, out unused). */
static void
extract_utf8(const char *html, size_t len, struct buf *out,
    const char **text, size_t *n)
{
	char charset[64];

	*text = html;
	*n = len;
	if (extract_other_charset(html, len, charset, sizeof(charset)) &&
	    extract_convert(html, len, charset, out)) {
		*text = out->ptr;
		*n = out->len;
		if (utf8_valid(out->ptr, out->len))
			return;
		html = out->ptr;
		len = out->len;
	} else if (utf8_valid(html, len)) {
		return;
	}
	{
		struct buf r = BUF_INIT;

		utf8_repair(html, len, &r);
		buf_release(out);
		*out = r;
		*text = out->ptr;
		*n = out->len;
	}
}

static struct html_doc *
extract_parse(const char *html, size_t len)
{
	struct buf b = BUF_INIT;
	struct html_doc *doc = NULL;
	const char *text;
	size_t n;

	extract_utf8(html, len, &b, &text, &n);
	if (htmlparse(text, n, NULL, &doc, NULL) != ND_OK)
		doc = NULL;
	buf_release(&b);
	return doc;
}

static const char *
extract_first(const char *a, const char *b, const char *c, const char *d)
{
	return a ? a : b ? b : c ? c : d;
}

static void
extract_setstr(char **field, const char *s)
{
	if (s)
		article_set(field, s, strlen(s));
}

/* s resolved against base (either may be NULL); a new string or NULL. */
static char *
extract_resolve(const char *s, const char *base)
{
	xmlChar *u;
	char *r;

	if (s == NULL || *s == '\0')
		return NULL;
	if (base == NULL)
		return xstrdup(s);
	u = xmlBuildURI((const xmlChar *)s, (const xmlChar *)base);
	if (u == NULL)
		return xstrdup(s);
	r = xstrdup((const char *)u);
	xmlFree(u);
	return r;
}

static char *
extract_host(const char *url)
{
	xmlURIPtr u;
	char *h = NULL;
	const char *s;

	if (url == NULL || (u = xmlParseURI(url)) == NULL)
		return NULL;
	if (u->server && *u->server) {
		s = u->server;
		if (strncasecmp(s, "www.", 4) == 0)
			s += 4;
		h = xstrdup(s);
	}
	xmlFreeURI(u);
	return h;
}

static void
extract_urls(struct article *a, const struct htmlmeta *m,
    const struct htmlbody *b, const struct extract_opts *opts)
{
	const char *url = opts ? opts->url : NULL;
	const char *base;

	extract_setstr(&a->url, url);
	a->canonical_url = extract_resolve(m->canonical ? m->canonical :
	    m->og_url, url);
	if (a->canonical_url == NULL && url)
		a->canonical_url = xstrdup(url);
	base = a->canonical_url ? a->canonical_url : url;
	a->image_url = extract_resolve(extract_first(m->og_image, m->ld_image,
	    b->image, b->head_image), base);
	extract_setstr(&a->source, m->og_site ? m->og_site : m->ld_publisher);
	if (a->source == NULL)
		a->source = extract_host(base);
}

/* The first of the candidates that parses as a date, in order. */
static int
extract_date_of(const char *const *cand, size_t n, int64_t *t, int *has_time)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (cand[i] && time_parse(cand[i], strlen(cand[i]), t,
		    has_time) == ND_OK)
			return 1;
	return 0;
}

/* The first date written in a line of the article's head block. */
static int
extract_head_date(const struct strlist *head, const char *lang, int64_t *t)
{
	size_t i;

	for (i = 0; i < head->n; i++)
		if (extract_text_date(head->v[i], strlen(head->v[i]),
		    lang == NULL || strcmp(lang, "en") != 0, t))
			return 1;
	return 0;
}

/* A written date in line s (the byline, or the line holding it). */
static int
extract_line_date(const char *s, const char *lang, int64_t *t)
{
	return s && extract_text_date(s, strlen(s), lang == NULL ||
	    strcmp(lang, "en") != 0, t);
}

static void
extract_dates(struct article *a, const struct htmlmeta *m,
    const struct strlist *head)
{
	const char *p[] = { m->og_published, m->ld_published, m->meta_date,
	    m->time_dt };
	const char *u[] = { m->og_modified, m->ld_modified };
	int has_time = 0;
	int64_t t;

	if (extract_date_of(p, 4, &t, &has_time)) {
		a->published = t;
		a->published_has_time = has_time;
	} else if (extract_head_date(head, a->lang, &t) ||
	    extract_line_date(m->byline_el, a->lang, &t) ||
	    extract_line_date(m->byline_line, a->lang, &t))
		a->published = t;
	if (extract_date_of(u, 2, &t, &has_time))
		a->updated = t;
}

static void
extract_lang(struct article *a, const struct htmlmeta *m)
{
	const char *l = m->lang ? m->lang : m->ld_lang, *d;
	size_t n = 0;
	char *body;

	while (l && n < 8 && isalpha((unsigned char)l[n]))
		n++;
	if (l && n >= 2 && n <= 3 && (l[n] == '\0' || l[n] == '-' ||
	    l[n] == '_')) {
		a->lang = xstrndup(l, n);
		for (n = 0; a->lang[n]; n++)
			a->lang[n] = (char)tolower((unsigned char)a->lang[n]);
		return;
	}
	body = article_body_text(a);
	d = lang_detect(body, strlen(body));
	extract_setstr(&a->lang, d);
	free(body);
}

static void
extract_copy_list(struct strlist *dst, const struct strlist *src)
{
	size_t i;

	for (i = 0; i < src->n; i++)
		if (!strlist_has(dst, src->v[i]))
			strlist_push(dst, src->v[i]);
}

/* Trailing credit lines leave the body for a->credits. */
static void
extract_credits(struct article *a)
{
	struct strlist *l = &a->body;
	size_t first = l->n, i;
	struct buf c = BUF_INIT;

	while (first > 0 && l->n - first < EXTRACT_TAIL_PARAS &&
	    htmltext_is_credits(l->v[first - 1]))
		first--;
	if (first == l->n || first == 0)
		return;
	for (i = first; i < l->n; i++) {
		if (c.len)
			buf_putc(&c, ' ');
		buf_puts(&c, l->v[i]);
		free(l->v[i]);
	}
	l->n = first;
	article_set(&a->credits, c.ptr, c.len);
	buf_release(&c);
}

/* 1 if p is a press release's end mark: "###", "# # #", "-30-",
 * "- 30 -" alone on its line. */
static int
extract_is_end_mark(const char *p)
{
	static const char *const marks[] = {
		"###", "# # #", "-30-", "- 30 -", "\xE2\x80\x93 30 \xE2\x80\x93",
		NULL
	};
	size_t i;

	for (i = 0; marks[i]; i++)
		if (strcmp(p, marks[i]) == 0)
			return 1;
	return 0;
}

/* After a press release's end mark come its media contact and source
 * lines, not text: the body ends before the mark. */
static void
extract_end_mark(struct strlist *l)
{
	size_t i, k;

	for (i = 1; i < l->n; i++)
		if (extract_is_end_mark(l->v[i])) {
			for (k = i; k < l->n; k++)
				free(l->v[k]);
			l->n = i;
			return;
		}
}

/* Move b's paragraphs into a->body, taking out byline lines and a
 * paragraph repeating the headline or a standfirst element. */
static void
extract_body(struct article *a, struct htmlbody *b, struct strlist *names,
    const char *standfirst_el)
{
	size_t i;
	char *p;

	for (i = 0; i < b->paras.n; i++) {
		p = b->paras.v[i];
		b->paras.v[i] = NULL;
		if ((a->body.n < EXTRACT_HEAD_PARAS &&
		    htmltext_byline(p, 1, names) > 0) ||
		    (a->headline && strcmp(p, a->headline) == 0) ||
		    (a->body.n < EXTRACT_HEAD_PARAS && standfirst_el &&
		    strcmp(p, standfirst_el) == 0)) {
			free(p);
			continue;
		}
		strlist_push_owned(&a->body, p);
	}
	b->paras.n = 0;
	extract_end_mark(&a->body);
	extract_credits(a);
	for (i = 0; i < a->body.n && i < 2 && a->dateline == NULL; i++)
		a->dateline = htmltext_dateline(a->body.v[i]);
}

/* Authors from structured data, else a byline element or line, else a
 * "By" line of the article's head block, else an organisation named as
 * author in JSON-LD (a desk or the site: people named on the page come
 * first). */
static void
extract_byline(struct article *a, const struct htmlmeta *m,
    const struct strlist *names, const struct strlist *head)
{
	size_t i;

	if (m->ld_authors.n)
		extract_copy_list(&a->byline, &m->ld_authors);
	else if (m->og_authors.n)
		extract_copy_list(&a->byline, &m->og_authors);
	else if (m->meta_authors.n)
		extract_copy_list(&a->byline, &m->meta_authors);
	else if (m->byline_el == NULL ||
	    htmltext_byline(m->byline_el, 0, &a->byline) == 0)
		extract_copy_list(&a->byline, names);
	for (i = 0; a->byline.n == 0 && i < head->n; i++)
		htmltext_byline(head->v[i], 1, &a->byline);
	if (a->byline.n == 0)
		extract_copy_list(&a->byline, &m->ld_org_authors);
}

static void
extract_fields(struct article *a, struct htmlmeta *m, struct htmlbody *b,
    const struct extract_opts *opts)
{
	struct strlist names = STRLIST_INIT;

	extract_urls(a, m, b, opts);
	extract_setstr(&a->headline, extract_first(m->og_title,
	    m->ld_headline, m->h1, m->title));
	if (m->og_title == NULL && m->ld_headline == NULL && m->h1 == NULL)
		htmltext_title_tag(&a->headline);
	htmltext_title(&a->headline, a->source);
	extract_setstr(&a->standfirst, extract_first(m->og_desc,
	    m->meta_desc, m->ld_desc, m->standfirst_el));
	extract_body(a, b, &names, m->standfirst_el);
	if (a->credits == NULL)
		extract_setstr(&a->credits, m->credits_el);
	extract_byline(a, m, &names, &b->head);
	extract_lang(a, m);
	extract_dates(a, m, &b->head);
	extract_setstr(&a->image_caption, b->caption ? b->caption :
	    m->ld_caption);
	extract_setstr(&a->image_credit, b->credit);
	htmltext_caption(&a->image_caption, &a->image_credit);
	extract_setstr(&a->section, m->og_section ? m->og_section :
	    m->ld_section);
	strlist_release(&names);
}

/* The headline the body finder matches blocks against, before the page's
 * address is known: a new string or NULL. */
static char *
extract_headline(const struct htmlmeta *m)
{
	char *h = NULL;

	extract_setstr(&h, extract_first(m->og_title, m->ld_headline, m->h1,
	    m->title));
	if (m->og_title == NULL && m->ld_headline == NULL && m->h1 == NULL)
		htmltext_title_tag(&h);
	htmltext_title(&h, m->og_site ? m->og_site : m->ld_publisher);
	return h;
}

enum nd_err
extract_html(const char *html, size_t len, const struct extract_opts *opts,
    struct article **out, struct nd_error *err)
{
	struct htmlmeta m;
	struct htmlbody b;
	struct html_doc *doc = NULL;
	struct html_node *root;
	char *head = NULL;
	enum nd_err rc;

	*out = NULL;
	memset(&m, 0, sizeof(m));
	memset(&b, 0, sizeof(b));
	if ((rc = extract_check(html, len, opts, err)) != ND_OK)
		return rc;
	doc = extract_parse(html, len);
	root = doc ? doc->root : NULL;
	if (root == NULL) {
		rc = nd_error_set(err, ND_EEMPTY, "no article text found in "
		    "'%s'", extract_name(opts));
		goto out;
	}
	htmlmeta_collect(root, &m);
	head = extract_headline(&m);
	if (htmlbody_extract(root, head, &b) != 0) {
		rc = nd_error_set(err, ND_EEMPTY, "no article text found in "
		    "'%s'", extract_name(opts));
		goto out;
	}
	htmlbody_lead_figure(root, &b);
	if (m.og_image == NULL && m.ld_image == NULL)
		htmlbody_hero(root, &b);
	*out = article_new();
	extract_fields(*out, &m, &b, opts);
	rc = ND_OK;
out:
	free(head);
	htmlbody_release(&b);
	htmlmeta_release(&m);
	htmlparse_free(doc);
	return rc;
}
