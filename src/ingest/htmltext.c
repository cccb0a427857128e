#include "ingest/htmltext.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>

#include "store/article.h"
#include "util/buf.h"

#define HTMLTEXT_OPTS	(HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | \
	HTML_PARSE_NONET | HTML_PARSE_NODEFDTD)

/* One walk over a tree: text gathers into para until a block boundary
 * flushes it into out (or, when out is NULL, into one flat line). */
struct htmltext_walk {
	struct buf para;
	struct strlist *out;
	int brs;		/* <br> seen since the last word */
};

static const char *const htmltext_skip[] = {
	"script", "style", "noscript", "template", "head", "title", "iframe",
	"object", "embed", "svg", "math", "form", "select", "textarea",
	"button", "canvas", "video", "audio", NULL
};

static const char *const htmltext_block[] = {
	"p", "div", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "h1",
	"h2", "h3", "h4", "h5", "h6", "pre", "section", "article", "header",
	"footer", "aside", "figure", "figcaption", "table", "tr", "caption",
	"hr", "address", "main", "nav", "details", "summary", "body", NULL
};

/* inline elements that still separate words */
static const char *const htmltext_spaced[] = {
	"td", "th", "img", "input", NULL
};

static int
htmltext_in(const xmlNode *n, const char *const *names)
{
	size_t i;

	for (i = 0; names[i] != NULL; i++)
		if (xmlStrcasecmp(n->name, (const xmlChar *)names[i]) == 0)
			return 1;
	return 0;
}

static int
htmltext_isspace(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	    c == '\v';
}

static int
htmltext_blank(const char *s)
{
	for (; *s != '\0'; s++)
		if (!htmltext_isspace((unsigned char)*s))
			return 0;
	return 1;
}

/* End the current paragraph: collapse its white space and keep it if
 * anything is left. In flat mode only a separating space is added. */
static void
htmltext_flush(struct htmltext_walk *w)
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
htmltext_text(struct htmltext_walk *w, const xmlNode *n)
{
	const char *s = (const char *)n->content;

	if (s == NULL)
		return;
	if (!htmltext_blank(s))
		w->brs = 0;
	buf_puts(&w->para, s);
}

/* Enter n; returns 1 if its children should be walked. */
static int
htmltext_enter(struct htmltext_walk *w, const xmlNode *n)
{
	switch (n->type) {
	case XML_TEXT_NODE:
	case XML_CDATA_SECTION_NODE:
		htmltext_text(w, n);
		return 0;
	case XML_ELEMENT_NODE:
		break;
	default:
		return 0;
	}
	if (htmltext_in(n, htmltext_skip))
		return 0;
	if (xmlStrcasecmp(n->name, (const xmlChar *)"br") == 0) {
		if (++w->brs >= 2)
			htmltext_flush(w);
		else
			buf_putc(&w->para, ' ');
		return 0;
	}
	if (htmltext_in(n, htmltext_block))
		htmltext_flush(w);
	else if (htmltext_in(n, htmltext_spaced))
		buf_putc(&w->para, ' ');
	return n->children != NULL;
}

static void
htmltext_leave(struct htmltext_walk *w, const xmlNode *n)
{
	if (n->type == XML_ELEMENT_NODE && htmltext_in(n, htmltext_block))
		htmltext_flush(w);
}

/* Walk the children of top without recursion, so nesting depth costs
 * nothing. */
static void
htmltext_walk_tree(struct htmltext_walk *w, xmlNode *top)
{
	xmlNode *n = top->children;

	while (n != NULL) {
		if (htmltext_enter(w, n)) {
			n = n->children;
			continue;
		}
		for (;;) {
			if (n->type == XML_ELEMENT_NODE)
				htmltext_leave(w, n);
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
	htmltext_flush(w);
}

static htmlDocPtr
htmltext_read(const char *p, size_t n)
{
	if (n == 0 || n > INT_MAX)
		return NULL;
	return htmlReadMemory(p, (int)n, NULL, "UTF-8", HTMLTEXT_OPTS);
}

static int
htmltext_has_markup(const char *p, size_t n)
{
	return memchr(p, '<', n) != NULL || memchr(p, '&', n) != NULL;
}

void
htmltext_text_paragraphs(const char *p, size_t n, struct strlist *out)
{
	size_t i = 0, start = 0;
	char *s;

	while (i <= n) {
		/* a paragraph ends at a line holding only white space */
		int end = i == n;

		if (!end && p[i] == '\n') {
			size_t j = i + 1;

			while (j < n && p[j] != '\n' &&
			    htmltext_isspace((unsigned char)p[j]))
				j++;
			end = j < n && p[j] == '\n';
		}
		if (end) {
			s = NULL;
			article_set(&s, p + start, i - start);
			if (s != NULL)
				strlist_push_owned(out, s);
			start = i + 1;
		}
		i++;
	}
}

void
htmltext_node_paragraphs(xmlNode *node, struct strlist *out)
{
	struct htmltext_walk w = { BUF_INIT, out, 0 };

	htmltext_walk_tree(&w, node);
	buf_release(&w.para);
}

char *
htmltext_node_flatten(xmlNode *node)
{
	struct htmltext_walk w = { BUF_INIT, NULL, 0 };
	char *s = NULL;

	htmltext_walk_tree(&w, node);
	article_set(&s, w.para.ptr, w.para.len);
	buf_release(&w.para);
	return s;
}

void
htmltext_paragraphs(const char *p, size_t n, struct strlist *out)
{
	htmlDocPtr doc;

	if (!htmltext_has_markup(p, n)) {
		htmltext_text_paragraphs(p, n, out);
		return;
	}
	doc = htmltext_read(p, n);
	if (doc == NULL)
		return;
	htmltext_node_paragraphs((xmlNode *)doc, out);
	xmlFreeDoc(doc);
}

char *
htmltext_flatten(const char *p, size_t n)
{
	htmlDocPtr doc;
	char *s = NULL;

	if (!htmltext_has_markup(p, n)) {
		article_set(&s, p, n);
		return s;
	}
	doc = htmltext_read(p, n);
	if (doc == NULL)
		return NULL;
	s = htmltext_node_flatten((xmlNode *)doc);
	xmlFreeDoc(doc);
	return s;
}
