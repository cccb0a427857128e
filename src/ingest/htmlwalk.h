/* htmlwalk.h - helpers shared by the HTML extractor files: an iterative,
 * depth-bounded tree walk over a libxml2 tree, tag identification and
 * small text helpers. Internal to src/ingest/extract_html*.c, htmlmeta.c
 * and htmlbody.c.
 */
#ifndef ND_HTMLWALK_H
#define ND_HTMLWALK_H

#include <stddef.h>

#include <libxml/tree.h>

#include "util/buf.h"

/* Tags the extractor tells apart; everything else is TAG_OTHER. */
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
	TAG_MAX
};

/* The tag of an element node (TAG_OTHER for anything else). */
enum htmltag htmlwalk_tag(const xmlNode *n);
/* 1 for tags whose content is never text (script, style, svg, ...). */
int htmlwalk_is_hidden(enum htmltag t);
/* 1 for block-level tags that start a new paragraph. */
int htmlwalk_is_block(enum htmltag t);
/* 1 for h1..h6. */
int htmlwalk_is_heading(enum htmltag t);

/* Called on entering an element; return 1 to walk its children. */
typedef int (*htmlwalk_enter_fn)(xmlNode *n, int depth, void *arg);
/* Called when leaving an element entered before (children done). */
typedef void (*htmlwalk_leave_fn)(xmlNode *n, void *arg);

/* Walk the element nodes under root (root included) in document order
 * without recursion. Children deeper than max_depth, and every element
 * after max_nodes, are not visited. leave may be NULL. Returns the number
 * of elements visited. */
size_t htmlwalk(xmlNode *root, size_t max_depth, size_t max_nodes,
    htmlwalk_enter_fn enter, htmlwalk_leave_fn leave, void *arg);

/* The attribute name of n as a borrowed string, or NULL. */
const char *htmlwalk_attr(const xmlNode *n, const char *name);

/* Append the visible text under n to out with white space collapsed,
 * skipping hidden subtrees; bounded by max_depth and by out's max. */
void htmlwalk_text(xmlNode *n, struct buf *out);

/* ASCII case-insensitive search of needle in s[0..n). */
const char *htmlwalk_memcasemem(const char *s, size_t n, const char *needle);

#endif
