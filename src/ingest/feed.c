/* feed.c - RSS 2.0, RSS 1.0 (RDF) and Atom 1.0 feeds into articles.
 *
 * The document is parsed by libxml2 without network access, without
 * loading DTDs and without substituting entities; libxml2's own limits
 * reject entity bombs, and text gathered from the tree (where internal
 * entities are followed) is bounded by a budget tied to the input size.
 */
#include "ingest/feed.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/entities.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/uri.h>
#include <libxml/xmlerror.h>

#include "ingest/feedhtml.h"
#include "util/buf.h"
#include "util/timeutil.h"
#include "util/xalloc.h"

#define FEED_SNIFF_BYTES	4096
#define FEED_XML_OPTS		(XML_PARSE_NONET | XML_PARSE_NOERROR | \
	XML_PARSE_NOWARNING)
#define FEED_MAX_DEPTH		300	/* elements plus entity levels */
#define FEED_MAX_AUTHORS	16
#define FEED_FULL_SENTENCES	3	/* fewer: summary only */
#define FEED_TEXT_FACTOR	4	/* text read per input byte, at most */
#define FEED_TEXT_SLACK		((size_t)1 << 20)

enum feed_kind {
	FEED_UNKNOWN,	/* the prolog did not tell */
	FEED_RSS,
	FEED_RDF,
	FEED_ATOM,
	FEED_HTML,
	FEED_NOTXML,
	FEED_OTHER	/* XML with some other root */
};

enum feed_ns { NS_RSS, NS_ATOM, NS_DC, NS_DCTERMS, NS_CONTENT, NS_MEDIA };

/* How the text of an element is to be read. */
enum feed_type { TYPE_TEXT, TYPE_HTML, TYPE_XHTML, TYPE_AUTO, TYPE_OTHER };

/* State of one feed_parse() call. */
struct feed_parse {
	xmlDoc *doc;
	xmlNode *root;
	const char *name;
	enum feed_kind kind;
	size_t budget;		/* bytes of text still allowed */
	size_t budget_max;	/* what it started at */
	enum nd_err rc;		/* sticky: set when the budget runs out */
	struct nd_error *err;
	char *lang;		/* channel language, primary subtag */
	char *source;		/* channel title */
	const xmlNode *authors[FEED_MAX_AUTHORS];	/* Atom feed's */
	size_t nauthors;
};

/* The elements of one item/entry that matter, first occurrence each;
 * borrowed from the document. */
struct feed_item {
	xmlNode *title, *link, *alt_link, *guid, *summary, *content;
	xmlNode *published, *updated, *category;
	xmlNode *media, *enclosure, *thumb, *media_desc, *media_credit;
};

struct feed_slot {
	const char *name;
	enum feed_ns ns;
	size_t off;
};

#define SLOT(n, ns, f)	{ n, ns, offsetof(struct feed_item, f) }

static const struct feed_slot feed_rss_slots[] = {
	SLOT("title", NS_RSS, title),
	SLOT("link", NS_RSS, link),
	SLOT("guid", NS_RSS, guid),
	SLOT("description", NS_RSS, summary),
	SLOT("encoded", NS_CONTENT, content),
	SLOT("pubDate", NS_RSS, published),
	SLOT("date", NS_DC, published),
	SLOT("issued", NS_DCTERMS, published),
	SLOT("modified", NS_DCTERMS, updated),
	SLOT("updated", NS_ATOM, updated),
	SLOT("category", NS_RSS, category),
	SLOT("subject", NS_DC, category),
	SLOT("thumbnail", NS_MEDIA, thumb),
	SLOT("description", NS_MEDIA, media_desc),
	SLOT("credit", NS_MEDIA, media_credit),
	{ NULL, NS_RSS, 0 }
};

static const struct feed_slot feed_atom_slots[] = {
	SLOT("title", NS_ATOM, title),
	SLOT("id", NS_ATOM, guid),
	SLOT("summary", NS_ATOM, summary),
	SLOT("content", NS_ATOM, content),
	SLOT("published", NS_ATOM, published),
	SLOT("issued", NS_ATOM, published),
	SLOT("updated", NS_ATOM, updated),
	SLOT("modified", NS_ATOM, updated),
	SLOT("category", NS_ATOM, category),
	SLOT("thumbnail", NS_MEDIA, thumb),
	SLOT("description", NS_MEDIA, media_desc),
	SLOT("credit", NS_MEDIA, media_credit),
	{ NULL, NS_RSS, 0 }
};

/* ---- prolog sniffing ---- */

static int
feed_isspace(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	    c == '\v';
}

static int
feed_has_prefix(const char *p, size_t n, const char *s, int icase)
{
	size_t k = strlen(s);

	if (n < k)
		return 0;
	return icase ? strncasecmp(p, s, k) == 0 : memcmp(p, s, k) == 0;
}

/* Index just past the first end[] at or after i, or 0 if not found. */
static size_t
feed_skip_past(const char *p, size_t n, size_t i, const char *end)
{
	size_t k = strlen(end);

	for (; i + k <= n; i++)
		if (memcmp(p + i, end, k) == 0)
			return i + k;
	return 0;
}

/* Past a <!DOCTYPE ...> with an optional [internal subset]; 0 if cut. */
static size_t
feed_skip_doctype(const char *p, size_t n, size_t i)
{
	int subset = 0;

	for (; i < n; i++) {
		if (p[i] == '[')
			subset = 1;
		else if (p[i] == ']')
			subset = 0;
		else if (p[i] == '>' && !subset)
			return i + 1;
	}
	return 0;
}

static int
feed_is_namechar(unsigned char c)
{
	return c == ':' || c == '_' || c == '-' || c == '.' ||
	    (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c >= 0x80;
}

static enum feed_kind
feed_kind_of_name(const char *s, size_t n)
{
	const char *colon = memchr(s, ':', n);
	const char *local = colon != NULL ? colon + 1 : s;
	size_t len = n - (size_t)(local - s);

	if (len == 4 && strncasecmp(s, "html", 4) == 0 && colon == NULL)
		return FEED_HTML;
	if (len == 3 && memcmp(local, "rss", 3) == 0)
		return FEED_RSS;
	if (len == 3 && memcmp(local, "RDF", 3) == 0)
		return FEED_RDF;
	if (len == 4 && memcmp(local, "feed", 4) == 0)
		return FEED_ATOM;
	return FEED_OTHER;
}

/* Classify a markup construct at p[i] ('<'); *next is where to go on
 * when it is prolog, else left alone. */
static enum feed_kind
feed_prolog_item(const char *p, size_t n, size_t i, size_t *next)
{
	size_t j;

	if (feed_has_prefix(p + i, n - i, "<?", 0)) {
		*next = feed_skip_past(p, n, i + 2, "?>");
		return FEED_UNKNOWN;
	}
	if (feed_has_prefix(p + i, n - i, "<!--", 0)) {
		*next = feed_skip_past(p, n, i + 4, "-->");
		return FEED_UNKNOWN;
	}
	if (feed_has_prefix(p + i, n - i, "<!DOCTYPE", 1)) {
		for (j = i + 9; j < n && feed_isspace((unsigned char)p[j]); j++)
			;
		if (feed_has_prefix(p + j, n - j, "html", 1) &&
		    (j + 4 == n || !feed_is_namechar((unsigned char)p[j + 4])))
			return FEED_HTML;
		*next = feed_skip_doctype(p, n, j);
		return FEED_UNKNOWN;
	}
	for (j = i + 1; j < n && feed_is_namechar((unsigned char)p[j]); j++)
		;
	if (j == i + 1)
		return FEED_NOTXML;
	return feed_kind_of_name(p + i + 1, j - i - 1);
}

/* What the first bytes of p say about the root element. */
static enum feed_kind
feed_prolog(const char *p, size_t n)
{
	size_t i = 0, next;
	enum feed_kind k;

	if (n > FEED_SNIFF_BYTES)
		n = FEED_SNIFF_BYTES;
	if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	for (;;) {
		while (i < n && feed_isspace((unsigned char)p[i]))
			i++;
		if (i >= n)
			return FEED_UNKNOWN;
		if (p[i] == '\0' || (unsigned char)p[i] >= 0xFE)
			return FEED_UNKNOWN;	/* UTF-16 or worse: ask libxml2 */
		if (p[i] != '<')
			return FEED_NOTXML;
		next = 0;
		k = feed_prolog_item(p, n, i, &next);
		if (k != FEED_UNKNOWN)
			return k;
		if (next == 0)
			return FEED_UNKNOWN;
		i = next;
	}
}

int
feed_sniff(const char *p, size_t n)
{
	enum feed_kind k;

	if (p == NULL)
		return 0;
	k = feed_prolog(p, n);
	return k == FEED_RSS || k == FEED_RDF || k == FEED_ATOM;
}

/* ---- reading the tree ---- */

static int
feed_is(const xmlNode *n, const char *name, enum feed_ns ns)
{
	const char *href;

	if (n->type != XML_ELEMENT_NODE ||
	    strcmp((const char *)n->name, name) != 0)
		return 0;
	href = n->ns != NULL ? (const char *)n->ns->href : NULL;
	switch (ns) {
	case NS_RSS:
		return href == NULL ||
		    strcmp(href, "http://purl.org/rss/1.0/") == 0 ||
		    strcmp(href, "http://my.netscape.com/rdf/simple/0.9/") == 0;
	case NS_ATOM:
		return href != NULL &&
		    (strcmp(href, "http://www.w3.org/2005/Atom") == 0 ||
		    strcmp(href, "http://purl.org/atom/ns#") == 0);
	case NS_DC:
		return href != NULL &&
		    strcmp(href, "http://purl.org/dc/elements/1.1/") == 0;
	case NS_DCTERMS:
		return href != NULL &&
		    strcmp(href, "http://purl.org/dc/terms/") == 0;
	case NS_CONTENT:
		return href != NULL && strcmp(href,
		    "http://purl.org/rss/1.0/modules/content/") == 0;
	case NS_MEDIA:
		return href != NULL &&
		    strncmp(href, "http://search.yahoo.com/mrss", 28) == 0;
	}
	return 0;
}

static void
feed_take(struct feed_parse *fp, struct buf *b, const xmlChar *s)
{
	size_t n;

	if (s == NULL || fp->rc != ND_OK)
		return;
	n = strlen((const char *)s);
	if (n > fp->budget) {
		fp->rc = nd_error_set(fp->err, ND_ELIMIT, "'%s' expands "
		    "entities to more than %zu bytes of text", fp->name,
		    fp->budget_max);
		return;
	}
	fp->budget -= n;
	buf_put(b, s, n);
}

/* Text of the node list n and everything below it; internal entities are
 * followed (the budget bounds them), external ones never. */
static void
feed_collect(struct feed_parse *fp, const xmlNode *n, struct buf *b,
    int depth)
{
	xmlEntity *e;

	for (; n != NULL && fp->rc == ND_OK; n = n->next) {
		switch (n->type) {
		case XML_TEXT_NODE:
		case XML_CDATA_SECTION_NODE:
			feed_take(fp, b, n->content);
			break;
		case XML_ELEMENT_NODE:
			if (depth < FEED_MAX_DEPTH)
				feed_collect(fp, n->children, b, depth + 1);
			break;
		case XML_ENTITY_REF_NODE:
			e = xmlGetDocEntity(fp->doc, n->name);
			if (e != NULL && depth < FEED_MAX_DEPTH &&
			    e->etype == XML_INTERNAL_GENERAL_ENTITY)
				feed_collect(fp, e->children, b, depth + 1);
			break;
		default:
			break;
		}
	}
}

/* Text content of element n (raw, not collapsed); caller frees; NULL if
 * there is none. */
static char *
feed_text(struct feed_parse *fp, const xmlNode *n)
{
	struct buf b = BUF_INIT;

	feed_collect(fp, n->children, &b, 0);
	if (b.len == 0 || fp->rc != ND_OK) {
		buf_release(&b);
		return NULL;
	}
	return buf_detach(&b, NULL);
}

/* Value of the un-namespaced attribute name of n; caller frees. */
static char *
feed_attr(struct feed_parse *fp, const xmlNode *n, const char *name)
{
	const xmlAttr *a;
	struct buf b = BUF_INIT;

	for (a = n->properties; a != NULL; a = a->next)
		if (a->ns == NULL && strcmp((const char *)a->name, name) == 0)
			break;
	if (a == NULL)
		return NULL;
	feed_collect(fp, a->children, &b, 0);
	if (fp->rc != ND_OK) {
		buf_release(&b);
		return NULL;
	}
	return buf_detach(&b, NULL);
}

/* 1 if the attribute name of n equals (or, with prefix, starts with) s,
 * ignoring case and surrounding space. */
static int
feed_attr_is(struct feed_parse *fp, const xmlNode *n, const char *name,
    const char *s, int prefix)
{
	char *v = feed_attr(fp, n, name), *t = NULL;
	int r = 0;

	if (v != NULL)
		article_set(&t, v, strlen(v));
	if (t != NULL)
		r = prefix ? strncasecmp(t, s, strlen(s)) == 0 :
		    strcasecmp(t, s) == 0;
	free(t);
	free(v);
	return r;
}

static enum feed_type
feed_type_of(struct feed_parse *fp, const xmlNode *n, enum feed_type dflt)
{
	char *v = feed_attr(fp, n, "type"), *t = NULL;
	enum feed_type r = dflt;

	if (v != NULL)
		article_set(&t, v, strlen(v));
	if (t == NULL)
		goto out;
	if (strcasecmp(t, "html") == 0 || strcasecmp(t, "text/html") == 0)
		r = TYPE_HTML;
	else if (strcasecmp(t, "xhtml") == 0 ||
	    strcasecmp(t, "application/xhtml+xml") == 0)
		r = TYPE_XHTML;
	else if (strcasecmp(t, "text") == 0 || strcasecmp(t, "plain") == 0 ||
	    strncasecmp(t, "text/", 5) == 0)
		r = TYPE_TEXT;
	else
		r = TYPE_OTHER;
out:
	free(t);
	free(v);
	return r;
}

/* Replace *field with the one-line text of n read as type (or the type
 * its type attribute names). */
static void
feed_set_text(struct feed_parse *fp, char **field, const xmlNode *n,
    enum feed_type dflt)
{
	enum feed_type type = feed_type_of(fp, n, dflt);
	char *raw;
	size_t len;

	if (type == TYPE_XHTML) {
		free(*field);
		*field = feedhtml_node_flatten((xmlNode *)n);
		return;
	}
	if (type == TYPE_OTHER || (raw = feed_text(fp, n)) == NULL)
		return;
	len = strlen(raw);
	if (type == TYPE_AUTO)
		type = strpbrk(raw, "<&") != NULL ? TYPE_HTML : TYPE_TEXT;
	if (type == TYPE_HTML) {
		free(*field);
		*field = feedhtml_flatten(raw, len);
	} else {
		article_set(field, raw, len);
	}
	free(raw);
}

/* Body paragraphs from a content element (none if out of line). */
static void
feed_set_body(struct feed_parse *fp, struct article *art, const xmlNode *n,
    enum feed_type dflt)
{
	enum feed_type type = feed_type_of(fp, n, dflt);
	char *src = feed_attr(fp, n, "src"), *raw = NULL;

	if (src != NULL || type == TYPE_OTHER)
		goto out;
	if (type == TYPE_XHTML) {
		feedhtml_node_paragraphs((xmlNode *)n, &art->body);
		goto out;
	}
	raw = feed_text(fp, n);
	if (raw == NULL)
		goto out;
	if (type == TYPE_TEXT)
		feedhtml_text_paragraphs(raw, strlen(raw), &art->body);
	else
		feedhtml_paragraphs(raw, strlen(raw), &art->body);
out:
	free(raw);
	free(src);
}

static void
feed_date(struct feed_parse *fp, const xmlNode *n, int64_t *t, int *has_time)
{
	char *raw = feed_text(fp, n);
	int64_t v;
	int timed;

	if (raw != NULL && time_parse(raw, strlen(raw), &v, &timed) == ND_OK) {
		*t = v;
		if (has_time != NULL)
			*has_time = timed;
	}
	free(raw);
}

/* raw resolved against the xml:base in scope at n (and the document
 * address); NULL unless the result is an http(s) URL. Caller frees. */
static char *
feed_url(struct feed_parse *fp, const xmlNode *n, const char *raw)
{
	xmlChar *base, *abs;
	char *trimmed = NULL, *s = NULL;

	if (raw == NULL)
		return NULL;
	article_set(&trimmed, raw, strlen(raw));
	if (trimmed == NULL)
		return NULL;
	base = xmlNodeGetBase(fp->doc, n);
	if (base != NULL)
		abs = xmlBuildURI((const xmlChar *)trimmed, base);
	else
		abs = xmlStrdup((const xmlChar *)trimmed);
	if (abs != NULL &&
	    (strncasecmp((const char *)abs, "http://", 7) == 0 ||
	    strncasecmp((const char *)abs, "https://", 8) == 0))
		s = xstrdup((const char *)abs);
	xmlFree(abs);
	xmlFree(base);
	free(trimmed);
	return s;
}

/* url of an element's attribute attr, resolved; caller frees. */
static char *
feed_attr_url(struct feed_parse *fp, const xmlNode *n, const char *attr)
{
	char *raw = feed_attr(fp, n, attr), *s;

	s = feed_url(fp, n, raw);
	free(raw);
	return s;
}

/* Primary language subtag of s, lowercase ("de-AT" -> "de"); caller
 * frees; NULL unless it is 2 or 3 ASCII letters. */
static char *
feed_lang_tag(const char *s)
{
	char tag[4];
	size_t i = 0;

	if (s == NULL)
		return NULL;
	while (feed_isspace((unsigned char)*s))
		s++;
	for (; s[i] != '\0' && s[i] != '-' && s[i] != '_' &&
	    !feed_isspace((unsigned char)s[i]); i++) {
		char c = s[i];

		if (i >= 3)
			return NULL;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c < 'a' || c > 'z')
			return NULL;
		tag[i] = c;
	}
	if (i < 2)
		return NULL;
	return xstrndup(tag, i);
}

/* ---- bylines ---- */

/* Offset of the first name separator in s[0..n), its length in *k. */
static size_t
feed_name_sep(const char *s, size_t n, size_t *k)
{
	static const char *const seps[] = {
		",", ";", " and ", " & ", " und ", NULL
	};
	size_t i, j;

	for (i = 0; i < n; i++)
		for (j = 0; seps[j] != NULL; j++)
			if (feed_has_prefix(s + i, n - i, seps[j], 1)) {
				*k = strlen(seps[j]);
				return i;
			}
	*k = 0;
	return n;
}

static void
feed_byline_push(struct article *art, const char *s, size_t n)
{
	char *name = NULL;

	article_set(&name, s, n);
	if (name != NULL && strchr(name, '@') == NULL &&
	    !strlist_has(&art->byline, name) &&
	    art->byline.n < FEED_MAX_AUTHORS) {
		strlist_push_owned(&art->byline, name);
		return;
	}
	free(name);
}

/* Add the names in an author string: "A and B", "A, B", "By A",
 * "a@example.com (A)". Bare e-mail addresses are dropped. */
static void
feed_byline_add(struct article *art, const char *s)
{
	const char *open = strchr(s, '('), *close;
	size_t n, i, k;

	if (open != NULL && strchr(s, '@') != NULL &&
	    (close = strchr(open, ')')) != NULL) {
		s = open + 1;
		n = (size_t)(close - s);
	} else {
		n = strlen(s);
	}
	while (n > 0 && feed_isspace((unsigned char)*s)) {
		s++;
		n--;
	}
	if (feed_has_prefix(s, n, "by ", 1)) {
		s += 3;
		n -= 3;
	}
	while (n > 0) {
		i = feed_name_sep(s, n, &k);
		feed_byline_push(art, s, i);
		s += i + k;
		n -= i + k;
	}
}

static void
feed_author_node(struct feed_parse *fp, const xmlNode *n,
    struct article *art)
{
	const xmlNode *c;
	char *raw = NULL;

	if (feed_is(n, "author", NS_ATOM)) {
		for (c = n->children; c != NULL; c = c->next)
			if (feed_is(c, "name", NS_ATOM))
				break;
		if (c != NULL)
			raw = feed_text(fp, c);
	} else {
		raw = feed_text(fp, n);
	}
	if (raw != NULL)
		feed_byline_add(art, raw);
	free(raw);
}

static int
feed_is_author(const xmlNode *n)
{
	return feed_is(n, "author", NS_RSS) || feed_is(n, "creator", NS_DC) ||
	    feed_is(n, "author", NS_ATOM);
}

/* ---- scanning an item ---- */

static int
feed_slot_fill(const xmlNode *n, const struct feed_slot *slots,
    struct feed_item *fi)
{
	xmlNode **field;

	for (; slots->name != NULL; slots++) {
		if (!feed_is(n, slots->name, slots->ns))
			continue;
		field = (xmlNode **)(void *)((char *)fi + slots->off);
		if (*field == NULL)
			*field = (xmlNode *)n;
		return 1;
	}
	return 0;
}

/* 1 if a media:content element is an image. */
static int
feed_media_is_image(struct feed_parse *fp, const xmlNode *n)
{
	char *medium = feed_attr(fp, n, "medium"), *type;
	int r;

	type = feed_attr(fp, n, "type");
	if (medium != NULL)
		r = feed_attr_is(fp, n, "medium", "image", 0);
	else if (type != NULL)
		r = feed_attr_is(fp, n, "type", "image/", 1);
	else
		r = 1;	/* neither said: most feeds mean a picture */
	free(medium);
	free(type);
	return r;
}

static void
feed_scan_media(struct feed_parse *fp, const xmlNode *n,
    struct feed_item *fi)
{
	const xmlNode *c;

	if (feed_is(n, "group", NS_MEDIA)) {
		for (c = n->children; c != NULL; c = c->next)
			feed_scan_media(fp, c, fi);
		return;
	}
	if (feed_is(n, "content", NS_MEDIA) && fi->media == NULL &&
	    feed_media_is_image(fp, n))
		fi->media = (xmlNode *)n;
	else if (feed_is(n, "thumbnail", NS_MEDIA) && fi->thumb == NULL)
		fi->thumb = (xmlNode *)n;
}

/* Links, enclosures and media, which need their attributes looked at. */
static void
feed_scan_link(struct feed_parse *fp, const xmlNode *n, struct feed_item *fi)
{
	if (feed_is(n, "enclosure", NS_RSS)) {
		if (fi->enclosure == NULL &&
		    feed_attr_is(fp, n, "type", "image/", 1))
			fi->enclosure = (xmlNode *)n;
	} else if (feed_is(n, "link", NS_ATOM)) {
		char *rel = feed_attr(fp, n, "rel");

		/* in RSS, an atom:link only stands in for a missing <link> */
		xmlNode **link = fp->kind == FEED_ATOM ? &fi->link :
		    &fi->alt_link;

		if ((rel == NULL || feed_attr_is(fp, n, "rel", "alternate", 0))
		    && *link == NULL)
			*link = (xmlNode *)n;
		else if (feed_attr_is(fp, n, "rel", "enclosure", 0) &&
		    fi->enclosure == NULL &&
		    feed_attr_is(fp, n, "type", "image/", 1))
			fi->enclosure = (xmlNode *)n;
		free(rel);
	} else {
		feed_scan_media(fp, n, fi);
	}
}

static void
feed_scan(struct feed_parse *fp, const xmlNode *item, struct feed_item *fi,
    struct article *art)
{
	const struct feed_slot *slots = fp->kind == FEED_ATOM ?
	    feed_atom_slots : feed_rss_slots;
	const xmlNode *n;

	for (n = item->children; n != NULL && fp->rc == ND_OK; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (feed_is_author(n))
			feed_author_node(fp, n, art);
		else if (!feed_slot_fill(n, slots, fi))
			feed_scan_link(fp, n, fi);
	}
}

/* An Atom entry without authors inherits the feed's (found once, so
 * entries do not each walk the whole feed). */
static void
feed_inherit_authors(struct feed_parse *fp, struct article *art)
{
	size_t i;

	if (fp->kind != FEED_ATOM || art->byline.n > 0)
		return;
	for (i = 0; i < fp->nauthors; i++)
		feed_author_node(fp, fp->authors[i], art);
}

static void
feed_find_authors(struct feed_parse *fp)
{
	const xmlNode *n;

	for (n = fp->root->children; n != NULL; n = n->next)
		if (feed_is(n, "author", NS_ATOM) &&
		    fp->nauthors < FEED_MAX_AUTHORS)
			fp->authors[fp->nauthors++] = n;
}

/* ---- item to article ---- */

static void
feed_map_link(struct feed_parse *fp, const struct feed_item *fi,
    struct article *art)
{
	const xmlNode *link = fi->link != NULL ? fi->link : fi->alt_link;
	char *raw;

	if (link != NULL && feed_is(link, "link", NS_ATOM)) {
		art->url = feed_attr_url(fp, link, "href");
	} else if (link != NULL) {
		raw = feed_text(fp, link);
		art->url = feed_url(fp, link, raw);
		free(raw);
	}
	/* a guid or id that is an http(s) URL serves when there is no link,
	 * unless the feed says it is not a permalink */
	if (art->url == NULL && fi->guid != NULL &&
	    !feed_attr_is(fp, fi->guid, "isPermaLink", "false", 0)) {
		raw = feed_text(fp, fi->guid);
		art->url = feed_url(fp, fi->guid, raw);
		free(raw);
	}
	art->canonical_url = xstrdup(art->url);
}

static void
feed_map_image(struct feed_parse *fp, const struct feed_item *fi,
    struct article *art)
{
	const xmlNode *c, *caption = fi->media_desc, *credit = fi->media_credit;

	if (fi->media != NULL)
		art->image_url = feed_attr_url(fp, fi->media, "url");
	if (art->image_url == NULL && fi->enclosure != NULL)
		art->image_url = feed_attr_url(fp, fi->enclosure,
		    feed_is(fi->enclosure, "link", NS_ATOM) ? "href" : "url");
	if (art->image_url == NULL && fi->thumb != NULL)
		art->image_url = feed_attr_url(fp, fi->thumb, "url");
	if (art->image_url == NULL)
		return;
	for (c = fi->media != NULL ? fi->media->children : NULL; c != NULL;
	    c = c->next) {
		if (feed_is(c, "description", NS_MEDIA))
			caption = c;
		else if (feed_is(c, "credit", NS_MEDIA))
			credit = c;
	}
	if (caption != NULL)
		feed_set_text(fp, &art->image_caption, caption, TYPE_TEXT);
	if (credit != NULL)
		feed_set_text(fp, &art->image_credit, credit, TYPE_TEXT);
}

static void
feed_map_section(struct feed_parse *fp, const xmlNode *n,
    struct article *art)
{
	char *raw;

	if (fp->kind != FEED_ATOM) {
		feed_set_text(fp, &art->section, n, TYPE_TEXT);
		return;
	}
	raw = feed_attr(fp, n, "label");
	if (raw == NULL)
		raw = feed_attr(fp, n, "term");
	if (raw != NULL)
		article_set(&art->section, raw, strlen(raw));
	free(raw);
}

static void
feed_map_lang(struct feed_parse *fp, const xmlNode *item,
    struct article *art)
{
	xmlChar *l = xmlNodeGetLang(item);

	art->lang = feed_lang_tag((const char *)l);
	xmlFree(l);
	if (art->lang == NULL)
		art->lang = xstrdup(fp->lang);
}

static void
feed_map(struct feed_parse *fp, const xmlNode *item,
    const struct feed_item *fi, struct article *art)
{
	int atom = fp->kind == FEED_ATOM;

	feed_map_link(fp, fi, art);
	if (fi->title != NULL)
		feed_set_text(fp, &art->headline, fi->title,
		    atom ? TYPE_TEXT : TYPE_AUTO);
	if (fi->summary != NULL)
		feed_set_text(fp, &art->standfirst, fi->summary,
		    atom ? TYPE_TEXT : TYPE_HTML);
	if (fi->content != NULL)
		feed_set_body(fp, art, fi->content, atom ? TYPE_TEXT :
		    TYPE_HTML);
	if (fi->published != NULL)
		feed_date(fp, fi->published, &art->published,
		    &art->published_has_time);
	if (fi->updated != NULL)
		feed_date(fp, fi->updated, &art->updated, NULL);
	if (art->published == 0 && fi->updated != NULL)
		feed_date(fp, fi->updated, &art->published,
		    &art->published_has_time);
	feed_map_image(fp, fi, art);
	if (fi->category != NULL)
		feed_map_section(fp, fi->category, art);
	feed_map_lang(fp, item, art);
	art->source = xstrdup(fp->source);
}

/* Sentence ends in the body: . ! or ? before white space or the end,
 * allowing closing quotes and brackets in between. */
static size_t
feed_sentences(const struct article *art)
{
	size_t i, j, count = 0;
	const char *s;

	for (i = 0; i < art->body.n; i++) {
		s = art->body.v[i];
		for (j = 0; s[j] != '\0'; j++) {
			size_t k = j + 1;

			if (s[j] != '.' && s[j] != '!' && s[j] != '?')
				continue;
			while (s[k] == '"' || s[k] == '\'' || s[k] == ')')
				k++;
			if (s[k] == '\0' || s[k] == ' ')
				count++;
		}
	}
	return count;
}

/* One item or entry as an article, or NULL to skip it (no link and no
 * title, or the text budget ran out). */
static struct article *
feed_entry(struct feed_parse *fp, const xmlNode *item, int *summary_only)
{
	struct feed_item fi;
	struct article *art = article_new();

	memset(&fi, 0, sizeof(fi));
	feed_scan(fp, item, &fi, art);
	feed_inherit_authors(fp, art);
	if (fp->rc == ND_OK)
		feed_map(fp, item, &fi, art);
	if (fp->rc != ND_OK || (art->url == NULL && art->headline == NULL)) {
		article_free(art);
		return NULL;
	}
	*summary_only = feed_sentences(art) < FEED_FULL_SENTENCES;
	return art;
}

/* ---- the document ---- */

static enum feed_kind
feed_root_kind(const xmlNode *root)
{
	const char *href = root->ns != NULL ?
	    (const char *)root->ns->href : NULL;

	if (feed_is(root, "rss", NS_RSS))
		return FEED_RSS;
	if (strcmp((const char *)root->name, "RDF") == 0 && href != NULL &&
	    strcmp(href, "http://www.w3.org/1999/02/22-rdf-syntax-ns#") == 0)
		return FEED_RDF;
	if (feed_is(root, "feed", NS_ATOM))
		return FEED_ATOM;
	return FEED_OTHER;
}

static xmlNode *
feed_child(const xmlNode *n, const char *name, enum feed_ns ns)
{
	xmlNode *c;

	for (c = n != NULL ? n->children : NULL; c != NULL; c = c->next)
		if (feed_is(c, name, ns))
			return c;
	return NULL;
}

/* Title, link and language of the channel (RSS) or feed (Atom). */
static void
feed_head(struct feed_parse *fp, const xmlNode *chan, struct feed *out)
{
	struct feed_item fi;
	struct article *tmp = article_new();
	xmlNode *l;
	xmlChar *xl;
	char *raw = NULL;

	memset(&fi, 0, sizeof(fi));
	feed_scan(fp, chan, &fi, tmp);
	feed_map_link(fp, &fi, tmp);
	if (fi.title != NULL)
		feed_set_text(fp, &out->title, fi.title,
		    fp->kind == FEED_ATOM ? TYPE_TEXT : TYPE_AUTO);
	out->link = tmp->url;
	tmp->url = NULL;
	article_free(tmp);
	fp->source = xstrdup(out->title);
	if ((l = feed_child(chan, "language", NS_RSS)) != NULL ||
	    (l = feed_child(chan, "language", NS_DC)) != NULL)
		raw = feed_text(fp, l);
	fp->lang = feed_lang_tag(raw);
	free(raw);
	if (fp->lang == NULL) {
		xl = xmlNodeGetLang(chan);
		fp->lang = feed_lang_tag((const char *)xl);
		xmlFree(xl);
	}
}

static int
feed_is_item(const struct feed_parse *fp, const xmlNode *n)
{
	if (fp->kind == FEED_ATOM)
		return feed_is(n, "entry", NS_ATOM);
	return feed_is(n, "item", NS_RSS);
}

/* Items of the channel, then (RSS 1.0) those beside it under the root;
 * NULL-terminated array in *items. */
static enum nd_err
feed_items(struct feed_parse *fp, const xmlNode *chan, xmlNode ***items)
{
	const xmlNode *parents[2] = { chan, chan != fp->root ? fp->root : NULL };
	const xmlNode *c;
	size_t i, n = 0;

	*items = NULL;
	for (i = 0; i < 2; i++)
		for (c = parents[i] ? parents[i]->children : NULL; c != NULL;
		    c = c->next)
			if (feed_is_item(fp, c) && ++n > FEED_MAX_ENTRIES)
				return nd_error_set(fp->err, ND_ELIMIT,
				    "'%s' has more than %d entries", fp->name,
				    FEED_MAX_ENTRIES);
	*items = xcalloc(n + 1, sizeof(**items));
	n = 0;
	for (i = 0; i < 2; i++)
		for (c = parents[i] ? parents[i]->children : NULL; c != NULL;
		    c = c->next)
			if (feed_is_item(fp, c))
				(*items)[n++] = (xmlNode *)c;
	return ND_OK;
}

static enum nd_err
feed_walk(struct feed_parse *fp, struct feed *out)
{
	xmlNode *chan = fp->root, **items = NULL;
	enum nd_err rc;
	size_t i;

	if (fp->kind != FEED_ATOM)
		chan = feed_child(fp->root, "channel", NS_RSS);
	if (chan == NULL)
		chan = fp->root;
	if ((rc = feed_items(fp, chan, &items)) != ND_OK)
		goto out;
	if (fp->kind == FEED_ATOM)
		feed_find_authors(fp);
	feed_head(fp, chan, out);
	for (i = 0; items[i] != NULL; i++)
		;
	out->entries = xcalloc(i + 1, sizeof(*out->entries));
	for (i = 0; items[i] != NULL && fp->rc == ND_OK; i++) {
		struct feed_entry *e = &out->entries[out->n];

		e->art = feed_entry(fp, items[i], &e->summary_only);
		if (e->art != NULL)
			out->n++;
	}
	rc = fp->rc;
out:
	free(items);
	return rc;
}

/* Checks before parsing: size, emptiness, HTML or not XML at all. */
static enum nd_err
feed_precheck(const char *p, size_t n, const char *name,
    struct nd_error *err)
{
	size_t i = 0;

	if (n > FEED_MAX_BYTES)
		return nd_error_set(err, ND_ELIMIT, "'%s' is larger than the "
		    "feed limit of %u bytes", name, FEED_MAX_BYTES);
	if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < n && feed_isspace((unsigned char)p[i]))
		i++;
	if (i == n)
		return nd_error_set(err, ND_EEMPTY, "'%s' is empty", name);
	switch (feed_prolog(p, n)) {
	case FEED_HTML:
		return nd_error_set(err, ND_EFORMAT, "'%s' is not an RSS or "
		    "Atom feed (root element is <html>)", name);
	case FEED_NOTXML:
		return nd_error_set(err, ND_EFORMAT, "'%s' is not an RSS or "
		    "Atom feed (not XML)", name);
	default:
		return ND_OK;
	}
}

/* The first fatal error libxml2 reports (the last one is often just
 * "premature end of data"), kept through the context's _private. */
struct feed_xmlerr {
	int set;
	xmlErrorLevel level;
	int code;
	int line;
	char msg[256];
};

static void
feed_xml_serror(void *data, xmlError *e)
{
	xmlParserCtxt *ctxt = data;
	struct feed_xmlerr *fe = ctxt != NULL ? ctxt->_private : NULL;
	int n;

	if (fe == NULL || e == NULL || e->level < XML_ERR_ERROR)
		return;
	/* a fatal error explains a failed parse better than an earlier
	 * recoverable one (a namespace slip, say) */
	if (fe->set && (fe->level == XML_ERR_FATAL ||
	    e->level != XML_ERR_FATAL))
		return;
	fe->set = 1;
	fe->level = e->level;
	fe->code = e->code;
	fe->line = e->line;
	n = snprintf(fe->msg, sizeof(fe->msg), "%s",
	    e->message != NULL ? e->message : "unknown error");
	if (n < 0)
		fe->msg[0] = '\0';
}

static enum nd_err
feed_xml_error(const struct feed_xmlerr *fe, const char *name,
    struct nd_error *err)
{
	struct buf msg = BUF_INIT;
	enum nd_err rc;

	if (!fe->set)
		return nd_error_set(err, ND_EPARSE, "'%s' is not well-formed "
		    "XML", name);
	buf_puts(&msg, fe->msg);
	buf_trim(&msg);
	if (msg.len > 0 && msg.ptr[0] >= 'A' && msg.ptr[0] <= 'Z')
		msg.ptr[0] = (char)(msg.ptr[0] - 'A' + 'a');
	if (fe->code == XML_ERR_ENTITY_LOOP)
		rc = nd_error_set(err, ND_ELIMIT, "'%s' expands entities past "
		    "the parser's limit (line %d: %s)", name, fe->line,
		    msg.ptr);
	else
		rc = nd_error_set(err, ND_EPARSE, "'%s' is not well-formed "
		    "XML (line %d: %s)", name, fe->line, msg.ptr);
	buf_release(&msg);
	return rc;
}

static enum nd_err
feed_root_error(const xmlNode *root, const char *name, struct nd_error *err)
{
	const char *prefix = NULL;

	if (root == NULL)
		return nd_error_set(err, ND_EFORMAT, "'%s' is not an RSS or "
		    "Atom feed (no root element)", name);
	if (root->ns != NULL && root->ns->prefix != NULL)
		prefix = (const char *)root->ns->prefix;
	return nd_error_set(err, ND_EFORMAT, "'%s' is not an RSS or Atom "
	    "feed (root element is <%s%s%s>)", name,
	    prefix != NULL ? prefix : "", prefix != NULL ? ":" : "",
	    (const char *)root->name);
}

enum nd_err
feed_parse(const char *p, size_t n, const char *base_url, const char *name,
    struct feed *out, struct nd_error *err)
{
	struct feed_parse fp;
	struct feed_xmlerr xe;
	xmlParserCtxt *ctxt = NULL;
	enum nd_err rc;

	memset(out, 0, sizeof(*out));
	memset(&fp, 0, sizeof(fp));
	memset(&xe, 0, sizeof(xe));
	fp.name = name != NULL ? name : "feed";
	fp.err = err;
	if ((rc = feed_precheck(p, n, fp.name, err)) != ND_OK)
		return rc;
	ctxt = xmlNewParserCtxt();
	if (ctxt == NULL)
		return nd_error_set(err, ND_EPARSE, "cannot parse '%s': out of "
		    "memory", fp.name);
	ctxt->_private = &xe;
	ctxt->sax->serror = feed_xml_serror;
	fp.doc = xmlCtxtReadMemory(ctxt, p, (int)n, base_url, NULL,
	    FEED_XML_OPTS);
	if (fp.doc == NULL) {
		rc = feed_xml_error(&xe, fp.name, err);
		goto out;
	}
	fp.root = xmlDocGetRootElement(fp.doc);
	fp.kind = fp.root != NULL ? feed_root_kind(fp.root) : FEED_OTHER;
	if (fp.kind == FEED_OTHER) {
		rc = feed_root_error(fp.root, fp.name, err);
		goto out;
	}
	/* each byte of text is read about once; more means entities */
	fp.budget = fp.budget_max = FEED_TEXT_FACTOR * n + FEED_TEXT_SLACK;
	rc = feed_walk(&fp, out);
out:
	if (rc != ND_OK)
		feed_release(out);
	free(fp.lang);
	free(fp.source);
	xmlFreeDoc(fp.doc);
	xmlFreeParserCtxt(ctxt);
	return rc;
}

void
feed_release(struct feed *f)
{
	size_t i;

	if (f == NULL)
		return;
	for (i = 0; i < f->n; i++)
		article_free(f->entries[i].art);
	free(f->entries);
	free(f->title);
	free(f->link);
	memset(f, 0, sizeof(*f));
}
