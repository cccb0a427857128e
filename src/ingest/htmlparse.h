/* htmlparse.h - a small, bounded HTML parser for the extractor: a
 * tokenizer (tags, attributes, comments, doctype, CDATA, raw text of
 * script/style, RCDATA of title/textarea, character references) and a
 * tree builder with HTML's implied end tags, into a light DOM allocated
 * in one arena and freed at once.
 *
 * Input is (pointer, length) and must be UTF-8 (the caller converts or
 * repairs); NUL bytes are dropped. The tree always has an <html> root;
 * <head> and <body> are implied as in browsers. Only the attributes in
 * enum htmlattr are kept (the first of duplicates wins), names and
 * values decoded, values NUL-terminated. Comments, doctypes and
 * processing instructions leave no node.
 *
 * Limits (struct htmlparse_limits, 0 = the default):
 *  - depth: start tags deeper than max_depth leave no element; their
 *    content goes to the deepest element kept.
 *  - nodes: after max_nodes elements the parser stops and keeps the tree
 *    built so far; doc->truncated is set.
 *  - attributes: more than HTMLPARSE_MAX_ATTRS kept attributes on one
 *    element, and values over HTMLPARSE_MAX_ATTR_LEN bytes, are dropped.
 * Going over a limit is not an error: the tree is what a browser would
 * show of the page as far as the limits allow.
 */
#ifndef ND_HTMLPARSE_H
#define ND_HTMLPARSE_H

#include <stddef.h>

#include "util/err.h"

#define HTMLPARSE_MAX_DEPTH	512		/* element nesting kept */
#define HTMLPARSE_MAX_NODES	400000		/* elements built */
#define HTMLPARSE_MAX_ATTRS	32		/* attributes kept per element */
#define HTMLPARSE_MAX_ATTR_LEN	(64u << 10)	/* bytes of one value */
#define HTMLPARSE_MAX_BYTES	(64u << 20)	/* input accepted */

/* Tags told apart; everything else is TAG_OTHER (with its name kept).
 * The first block is what the extractor looks at; the rest matters to
 * the tree builder only. */
enum htmltag {
	TAG_OTHER, TAG_A, TAG_ARTICLE, TAG_ASIDE, TAG_B, TAG_BLOCKQUOTE,
	TAG_BODY, TAG_BR, TAG_BUTTON, TAG_CANVAS, TAG_DD, TAG_DIALOG,
	TAG_DIV, TAG_DL, TAG_DT, TAG_EM, TAG_EMBED, TAG_FIGCAPTION,
	TAG_FIGURE, TAG_FOOTER, TAG_FORM, TAG_H1, TAG_H2, TAG_H3, TAG_H4,
	TAG_H5, TAG_H6, TAG_HEAD, TAG_HEADER, TAG_HR, TAG_HTML, TAG_I,
	TAG_IFRAME, TAG_IMG, TAG_INPUT, TAG_LABEL, TAG_LI, TAG_LINK,
	TAG_MAIN, TAG_MAP, TAG_MENU, TAG_META, TAG_NAV, TAG_NOSCRIPT,
	TAG_OBJECT, TAG_OL, TAG_OPTION, TAG_P, TAG_PICTURE, TAG_PRE,
	TAG_SCRIPT, TAG_SECTION, TAG_SELECT, TAG_SOURCE, TAG_SPAN,
	TAG_STRONG, TAG_STYLE, TAG_SVG, TAG_TABLE, TAG_TBODY, TAG_TD,
	TAG_TEMPLATE, TAG_TEXTAREA, TAG_TH, TAG_TIME, TAG_TITLE, TAG_TR,
	TAG_UL, TAG_VIDEO, TAG_AUDIO, TAG_CODE, TAG_SMALL, TAG_SUP,
	TAG_SUB, TAG_U, TAG_CITE, TAG_Q, TAG_ABBR, TAG_MARK, TAG_FONT,
	/* tree builder only */
	TAG_ADDRESS, TAG_APPLET, TAG_AREA, TAG_BASE, TAG_BIG, TAG_CAPTION,
	TAG_CENTER, TAG_COL, TAG_COLGROUP, TAG_DETAILS, TAG_DIR,
	TAG_FIELDSET, TAG_HGROUP, TAG_IMAGE, TAG_KEYGEN, TAG_LISTING,
	TAG_MARQUEE, TAG_MATH, TAG_NOBR, TAG_NOEMBED, TAG_NOFRAMES,
	TAG_OPTGROUP, TAG_PARAM, TAG_PLAINTEXT, TAG_S, TAG_STRIKE,
	TAG_SUMMARY, TAG_TFOOT, TAG_THEAD, TAG_TRACK, TAG_TT, TAG_WBR,
	TAG_XMP,
	TAG_MAX
};

/* Attributes kept. */
enum htmlattr {
	HA_ALT, HA_ARIA_HIDDEN, HA_CHARSET, HA_CLASS, HA_CONTENT,
	HA_DATA_SRC, HA_DATETIME, HA_HEIGHT, HA_HIDDEN, HA_HREF,
	HA_HTTP_EQUIV, HA_ID, HA_ITEMPROP, HA_ITEMTYPE, HA_LANG, HA_NAME,
	HA_PROPERTY, HA_REL, HA_ROLE, HA_SRC, HA_SRCSET, HA_STYLE, HA_TITLE,
	HA_TYPE, HA_WIDTH,
	HA_MAX
};

enum html_node_type { HTML_ELEMENT = 1, HTML_TEXT = 2 };

struct html_attr {
	const char *value;	/* decoded, NUL-terminated */
	unsigned len;
	unsigned char id;	/* enum htmlattr */
};

struct html_node {
	struct html_node *parent, *first, *last, *next;
	const char *text;	/* HTML_TEXT: decoded, NUL-terminated */
	const char *name;	/* HTML_ELEMENT with TAG_OTHER: lowercase */
	struct html_attr *attrs;
	unsigned len;		/* bytes of text */
	unsigned mark;		/* scratch for callers, 0 after parsing */
	unsigned short hint;	/* htmlhint.h cache, 0 after parsing */
	unsigned short tag;	/* enum htmltag */
	unsigned char type;	/* enum html_node_type */
	unsigned char nattrs;
};

struct htmlparse_limits {
	size_t max_depth, max_nodes;	/* 0: the defaults above */
};

struct html_arena;

struct html_doc {
	struct html_node *root;		/* <html>, never NULL */
	struct html_node *head, *body;	/* may be NULL */
	size_t elements, texts;		/* nodes built */
	int truncated;			/* stopped at max_nodes */
	struct html_arena *arena;
};

/* Parse html[0..len) into *out, which the caller frees with
 * htmlparse_free(). lim may be NULL. Fails only on a NULL buffer with a
 * length or input over HTMLPARSE_MAX_BYTES (ND_ELIMIT). */
enum nd_err htmlparse(const char *html, size_t len,
    const struct htmlparse_limits *lim, struct html_doc **out,
    struct nd_error *err);
/* Free the document and every node, string and attribute in it. */
void htmlparse_free(struct html_doc *doc);

/* The tag of a lowercase or mixed-case name s[0..n). */
enum htmltag htmlparse_tag(const char *s, size_t n);
/* The value of attribute id on n (borrowed from the document), or NULL. */
const char *htmlparse_attr(const struct html_node *n, enum htmlattr id);
/* Number of element children of n. */
size_t htmlparse_child_elements(const struct html_node *n);

#endif
