#include "ingest/htmlwalk.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ingest/extract.h"

struct tagname {
	const char *name;
	enum htmltag tag;
};

/* Sorted by name for bsearch. */
static const struct tagname htmlwalk_tags[] = {
	{"a", TAG_A}, {"abbr", TAG_ABBR}, {"article", TAG_ARTICLE},
	{"aside", TAG_ASIDE}, {"audio", TAG_AUDIO}, {"b", TAG_B},
	{"blockquote", TAG_BLOCKQUOTE}, {"body", TAG_BODY}, {"br", TAG_BR},
	{"button", TAG_BUTTON}, {"canvas", TAG_CANVAS}, {"cite", TAG_CITE},
	{"code", TAG_CODE}, {"dd", TAG_DD}, {"dialog", TAG_DIALOG},
	{"div", TAG_DIV}, {"dl", TAG_DL}, {"dt", TAG_DT}, {"em", TAG_EM},
	{"embed", TAG_EMBED}, {"figcaption", TAG_FIGCAPTION},
	{"figure", TAG_FIGURE}, {"font", TAG_FONT}, {"footer", TAG_FOOTER},
	{"form", TAG_FORM}, {"h1", TAG_H1}, {"h2", TAG_H2}, {"h3", TAG_H3},
	{"h4", TAG_H4}, {"h5", TAG_H5}, {"h6", TAG_H6}, {"head", TAG_HEAD},
	{"header", TAG_HEADER}, {"hr", TAG_HR}, {"html", TAG_HTML},
	{"i", TAG_I}, {"iframe", TAG_IFRAME}, {"img", TAG_IMG},
	{"input", TAG_INPUT}, {"label", TAG_LABEL}, {"li", TAG_LI},
	{"link", TAG_LINK}, {"main", TAG_MAIN}, {"map", TAG_MAP},
	{"mark", TAG_MARK}, {"menu", TAG_MENU}, {"meta", TAG_META},
	{"nav", TAG_NAV}, {"noscript", TAG_NOSCRIPT}, {"object", TAG_OBJECT},
	{"ol", TAG_OL}, {"option", TAG_OPTION}, {"p", TAG_P},
	{"picture", TAG_PICTURE}, {"pre", TAG_PRE}, {"q", TAG_Q},
	{"script", TAG_SCRIPT}, {"section", TAG_SECTION},
	{"select", TAG_SELECT}, {"small", TAG_SMALL}, {"source", TAG_SOURCE},
	{"span", TAG_SPAN}, {"strong", TAG_STRONG}, {"style", TAG_STYLE},
	{"sub", TAG_SUB}, {"sup", TAG_SUP}, {"svg", TAG_SVG},
	{"table", TAG_TABLE}, {"tbody", TAG_TBODY}, {"td", TAG_TD},
	{"template", TAG_TEMPLATE}, {"textarea", TAG_TEXTAREA},
	{"th", TAG_TH}, {"time", TAG_TIME}, {"title", TAG_TITLE},
	{"tr", TAG_TR}, {"u", TAG_U}, {"ul", TAG_UL}, {"video", TAG_VIDEO},
};

static int
htmlwalk_tagcmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct tagname *)elem)->name);
}

enum htmltag
htmlwalk_tag(const xmlNode *n)
{
	const struct tagname *t;

	if (n == NULL || n->type != XML_ELEMENT_NODE || n->name == NULL)
		return TAG_OTHER;
	t = bsearch(n->name, htmlwalk_tags,
	    sizeof(htmlwalk_tags) / sizeof(htmlwalk_tags[0]),
	    sizeof(htmlwalk_tags[0]), htmlwalk_tagcmp);
	return t ? t->tag : TAG_OTHER;
}

int
htmlwalk_is_hidden(enum htmltag t)
{
	switch (t) {
	case TAG_SCRIPT: case TAG_STYLE: case TAG_NOSCRIPT:
	case TAG_TEMPLATE: case TAG_SVG: case TAG_IFRAME: case TAG_BUTTON:
	case TAG_INPUT: case TAG_SELECT: case TAG_OPTION: case TAG_TEXTAREA:
	case TAG_CANVAS: case TAG_OBJECT: case TAG_EMBED: case TAG_MAP:
	case TAG_HEAD: case TAG_TITLE: case TAG_META: case TAG_LINK:
	case TAG_VIDEO: case TAG_AUDIO: case TAG_DIALOG:
		return 1;
	default:
		return 0;
	}
}

int
htmlwalk_is_heading(enum htmltag t)
{
	return t >= TAG_H1 && t <= TAG_H6;
}

int
htmlwalk_is_block(enum htmltag t)
{
	switch (t) {
	case TAG_ARTICLE: case TAG_ASIDE: case TAG_BLOCKQUOTE: case TAG_BODY:
	case TAG_DD: case TAG_DIV: case TAG_DL: case TAG_DT:
	case TAG_FIGCAPTION: case TAG_FIGURE: case TAG_FOOTER: case TAG_FORM:
	case TAG_HEADER: case TAG_HR: case TAG_LI: case TAG_MAIN:
	case TAG_MENU: case TAG_NAV: case TAG_OL: case TAG_P: case TAG_PRE:
	case TAG_SECTION: case TAG_TABLE: case TAG_TBODY: case TAG_TD:
	case TAG_TH: case TAG_TR: case TAG_UL: case TAG_HTML:
		return 1;
	default:
		return htmlwalk_is_heading(t);
	}
}

/* Step from n (just finished) to the next node to enter, calling leave on
 * every ancestor finished on the way; NULL when root is done. */
static xmlNode *
htmlwalk_up(xmlNode *n, xmlNode *root, size_t *depth,
    htmlwalk_leave_fn leave, void *arg)
{
	for (;;) {
		if (leave && n->type == XML_ELEMENT_NODE)
			leave(n, arg);
		if (n == root)
			return NULL;
		if (n->next)
			return n->next;
		n = n->parent;
		if (n == NULL)
			return NULL;
		(*depth)--;
	}
}

size_t
htmlwalk(xmlNode *root, size_t max_depth, size_t max_nodes,
    htmlwalk_enter_fn enter, htmlwalk_leave_fn leave, void *arg)
{
	xmlNode *n = root;
	size_t depth = 0, count = 0;
	int down;

	while (n != NULL) {
		down = 0;
		if (n->type == XML_ELEMENT_NODE) {
			if (count >= max_nodes)
				break;
			count++;
			down = enter(n, (int)depth, arg);
		}
		if (down && n->children && depth < max_depth) {
			n = n->children;
			depth++;
			continue;
		}
		if (n->type != XML_ELEMENT_NODE && n != root) {
			if (n->next) {
				n = n->next;
				continue;
			}
			n = n->parent;
			depth--;
		}
		n = htmlwalk_up(n, root, &depth, leave, arg);
	}
	return count;
}

const char *
htmlwalk_attr(const xmlNode *n, const char *name)
{
	const xmlAttr *a;

	for (a = n->properties; a; a = a->next) {
		if (a->name && strcasecmp((const char *)a->name, name) == 0) {
			if (a->children && a->children->type == XML_TEXT_NODE)
				return (const char *)a->children->content;
			return "";
		}
	}
	return NULL;
}

static void
htmlwalk_put_collapsed(struct buf *out, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
		    c == '\f' || c == '\v') {
			if (out->len && out->ptr[out->len - 1] != ' ')
				buf_putc(out, ' ');
			continue;
		}
		if (buf_putc(out, c) != ND_OK)
			return;
	}
}

static void
htmlwalk_text_node(xmlNode *n, struct buf *out)
{
	if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) &&
	    n->content)
		htmlwalk_put_collapsed(out, (const char *)n->content);
}

void
htmlwalk_text(xmlNode *n, struct buf *out)
{
	xmlNode *cur = n, *next;
	size_t depth = 0;

	/* Text nodes are not elements, so walk by hand: pre-order over all
	 * nodes, skipping hidden subtrees, bounded in depth. */
	while (cur) {
		enum htmltag t = htmlwalk_tag(cur);
		int hidden = cur->type == XML_ELEMENT_NODE &&
		    htmlwalk_is_hidden(t);

		htmlwalk_text_node(cur, out);
		if (cur->type == XML_ELEMENT_NODE && !hidden &&
		    (htmlwalk_is_block(t) || t == TAG_BR) && out->len &&
		    out->ptr[out->len - 1] != ' ')
			buf_putc(out, ' ');
		if (cur->type == XML_ELEMENT_NODE && !hidden && cur->children &&
		    depth < EXTRACT_MAX_DEPTH) {
			cur = cur->children;
			depth++;
			continue;
		}
		next = NULL;
		while (cur && cur != n && (next = cur->next) == NULL) {
			cur = cur->parent;
			depth--;
		}
		if (cur == n || cur == NULL)
			break;
		cur = next;
	}
	buf_trim(out);
}

const char *
htmlwalk_memcasemem(const char *s, size_t n, const char *needle)
{
	size_t m = strlen(needle), i;

	if (m == 0)
		return s;
	if (m > n)
		return NULL;
	for (i = 0; i + m <= n; i++)
		if (strncasecmp(s + i, needle, m) == 0)
			return s + i;
	return NULL;
}
