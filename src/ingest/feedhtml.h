/* feedhtml.h - HTML fragments in feeds (content, summaries) as text.
 *
 * Fragments are parsed with libxml2's HTML parser (no network); script,
 * style and similar elements are dropped, entities decoded and white space
 * collapsed. The tree walk is iterative, so nesting depth costs no stack.
 * Internal to feed.c.
 */
#ifndef ND_FEEDHTML_H
#define ND_FEEDHTML_H

#include <stddef.h>

#include <libxml/tree.h>

#include "util/strlist.h"

/* Append the paragraphs of the HTML fragment p[0..n) to out: the text of
 * each block element (p, li, blockquote, h1-h6, ...) and loose text split
 * at <br><br>. Markup-free input is split at blank lines instead. */
void feedhtml_paragraphs(const char *p, size_t n, struct strlist *out);

/* The HTML fragment p[0..n) as one line of text: tags stripped, entities
 * decoded, white space collapsed. Caller frees; NULL when nothing is
 * left. */
char *feedhtml_flatten(const char *p, size_t n);

/* Plain text p[0..n) split at blank lines into out, white space collapsed
 * (no markup is interpreted). */
void feedhtml_text_paragraphs(const char *p, size_t n, struct strlist *out);

/* The same walks over an already parsed tree: the children of node (XHTML
 * inside an XML document). node is borrowed. */
void feedhtml_node_paragraphs(xmlNode *node, struct strlist *out);
char *feedhtml_node_flatten(xmlNode *node);

#endif
