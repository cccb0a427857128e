#include "ingest/feedhtml.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>

#include "store/article.h"
#include "util/buf.h"

#define FEEDHTML_OPTS	(HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | \
	HTML_PARSE_NONET | HTML_PARSE_NODEFDTD)

/* One walk over a tree: text gathers into para until a block boundary
 * flushes it into out (or, when out is NULL, into one flat line). */
struct feedhtml_walk {
	struct buf para;
	struct strlist *out;
	int brs;		/* <br> seen since the last word */
};

static const char *const feedhtml_skip[] = {
	"script", "style", "noscript", "template", "head", "title", "iframe",
	"object", "embed", "svg", "math", "form", "select", "textarea",
	"button", "canvas", "video", "audio", "figcaption", NULL
};

static const char *const feedhtml_block[] = {
	"p", "div", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "h1",
	"h2", "h3", "h4", "h5", "h6", "pre", "section", "article", "header",
	"footer", "aside", "figure", "table", "tr", "caption",
	"hr", "address", "main", "nav", "details", "summary", "body", NULL
};

/* inline elements that still separate words */
static const char *const feedhtml_spaced[] = {
	"td", "th", "img", "input", NULL
};

static int
feedhtml_in(const xmlNode *n, const char *const *names)
{
	size_t i;

	for (i = 0; names[i] != NULL; i++)
		if (xmlStrcasecmp(n->name, (const xmlChar *)names[i]) == 0)
			return 1;
	return 0;
}

static int
feedhtml_isspace(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	    c == '\v';
}

static int
feedhtml_blank(const char *s)
{
	for (; *s != '\0'; s++)
		if (!feedhtml_isspace((unsigned char)*s))
			return 0;
	return 1;
}

/* End the current paragraph: collapse its white space and keep it if
 * anything is left. In flat mode only a separating space is added. */
static void
feedhtml_flush(struct feedhtml_walk *w)
{
	char *s = NULL;

	w->brs = 0;
	if (w->out == NULL) {
		buf_putc(&w->para, ' ');
		return;
	}
	article_set(&s, w->para.ptr, w->para.len);
	if (s != NULL)
		strlist_push_owned(w->out, s);
	buf_clear(&w->para);
}

static void
feedhtml_text(struct feedhtml_walk *w, const xmlNode *n)
{
	const char *s = (const char *)n->content;

	if (s == NULL)
		return;
	if (!feedhtml_blank(s))
		w->brs = 0;
	buf_puts(&w->para, s);
}

/* Enter n; returns 1 if its children should be walked. */
static int
feedhtml_enter(struct feedhtml_walk *w, const xmlNode *n)
{
	switch (n->type) {
	case XML_TEXT_NODE:
	case XML_CDATA_SECTION_NODE:
		feedhtml_text(w, n);
		return 0;
	case XML_ELEMENT_NODE:
		break;
	default:
		return 0;
	}
	if (feedhtml_in(n, feedhtml_skip))
		return 0;
	if (xmlStrcasecmp(n->name, (const xmlChar *)"br") == 0) {
		if (++w->brs >= 2)
			feedhtml_flush(w);
		else
			buf_putc(&w->para, ' ');
		return 0;
	}
	if (feedhtml_in(n, feedhtml_block))
		feedhtml_flush(w);
	else if (feedhtml_in(n, feedhtml_spaced))
		buf_putc(&w->para, ' ');
	return n->children != NULL;
}

/* Walk the children of top without recursion. */
static void
feedhtml_walk_tree(struct feedhtml_walk *w, xmlNode *top)
{
	xmlNode *n = top->children;

	while (n != NULL) {
		if (feedhtml_enter(w, n)) {
			n = n->children;
			continue;
		}
		for (;;) {
			if (n->type == XML_ELEMENT_NODE &&
			    feedhtml_in(n, feedhtml_block))
				feedhtml_flush(w);
			if (n->next != NULL) {
				n = n->next;
				break;
			}
			n = n->parent;
			if (n == NULL || n == top) {
				n = NULL;
				break;
			}
		}
	}
	feedhtml_flush(w);
}

static htmlDocPtr
feedhtml_read(const char *p, size_t n)
{
	if (n == 0 || n > INT_MAX)
		return NULL;
	return htmlReadMemory(p, (int)n, NULL, "UTF-8", FEEDHTML_OPTS);
}

static int
feedhtml_has_markup(const char *p, size_t n)
{
	return memchr(p, '<', n) != NULL || memchr(p, '&', n) != NULL;
}

/* 1 if a blank line (only white space) starts after the newline at i. */
static int
feedhtml_blank_line(const char *p, size_t n, size_t i)
{
	size_t j = i + 1;

	while (j < n && p[j] != '\n' && feedhtml_isspace((unsigned char)p[j]))
		j++;
	return j < n && p[j] == '\n';
}

void
feedhtml_text_paragraphs(const char *p, size_t n, struct strlist *out)
{
	size_t i, start = 0;
	char *s;

	for (i = 0; i <= n; i++) {
		if (i < n && (p[i] != '\n' || !feedhtml_blank_line(p, n, i)))
			continue;
		s = NULL;
		article_set(&s, p + start, i - start);
		if (s != NULL)
			strlist_push_owned(out, s);
		start = i + 1;
	}
}

void
feedhtml_node_paragraphs(xmlNode *node, struct strlist *out)
{
	struct feedhtml_walk w = { BUF_INIT, out, 0 };

	feedhtml_walk_tree(&w, node);
	buf_release(&w.para);
}

char *
feedhtml_node_flatten(xmlNode *node)
{
	struct feedhtml_walk w = { BUF_INIT, NULL, 0 };
	char *s = NULL;

	feedhtml_walk_tree(&w, node);
	article_set(&s, w.para.ptr, w.para.len);
	buf_release(&w.para);
	return s;
}

void
feedhtml_paragraphs(const char *p, size_t n, struct strlist *out)
{
	htmlDocPtr doc;

	if (!feedhtml_has_markup(p, n)) {
		feedhtml_text_paragraphs(p, n, out);
		return;
	}
	doc = feedhtml_read(p, n);
	if (doc == NULL)
		return;
	feedhtml_node_paragraphs((xmlNode *)doc, out);
	xmlFreeDoc(doc);
}

char *
feedhtml_flatten(const char *p, size_t n)
{
	htmlDocPtr doc;
	char *s = NULL;

	if (!feedhtml_has_markup(p, n)) {
		article_set(&s, p, n);
		return s;
	}
	doc = feedhtml_read(p, n);
	if (doc == NULL)
		return NULL;
	s = feedhtml_node_flatten((xmlNode *)doc);
	xmlFreeDoc(doc);
	return s;
}
