/* htmlwalk.h - helpers shared by the HTML extractor files: an iterative,
 * depth-bounded tree walk over an htmlparse.h tree, tag identification and
 * small text helpers. Internal to src/ingest/extract_html*.c, htmlmeta.c
 * and htmlbody.c.
 */
#ifndef ND_HTMLWALK_H
#define ND_HTMLWALK_H

#include <stddef.h>

#include "ingest/htmlparse.h"

#include "util/buf.h"

/* enum htmltag and enum htmlattr come from htmlparse.h. */

/* The tag of an element node (TAG_OTHER for anything else). */
enum htmltag htmlwalk_tag(const struct html_node *n);
/* 1 for tags whose content is never text (script, style, svg, ...). */
int htmlwalk_is_hidden(enum htmltag t);
/* 1 for block-level tags that start a new paragraph. */
int htmlwalk_is_block(enum htmltag t);
/* 1 for h1..h6. */
int htmlwalk_is_heading(enum htmltag t);

/* Called on entering an element; return 1 to walk its children. */
typedef int (*htmlwalk_enter_fn)(struct html_node *n, int depth, void *arg);
/* Called when leaving an element entered before (children done). */
typedef void (*htmlwalk_leave_fn)(struct html_node *n, void *arg);

/* Walk the element nodes under root (root included) in document order
 * without recursion. Children deeper than max_depth, and every element
 * after max_nodes, are not visited. leave may be NULL. Returns the number
 * of elements visited. */
size_t htmlwalk(struct html_node *root, size_t max_depth, size_t max_nodes,
    htmlwalk_enter_fn enter, htmlwalk_leave_fn leave, void *arg);

/* The attribute id of n as a borrowed string, or NULL. */
const char *htmlwalk_attr(const struct html_node *n, enum htmlattr id);

/* Append the visible text under n to out with white space collapsed,
 * skipping hidden subtrees; bounded by max_depth and by out's max. */
void htmlwalk_text(struct html_node *n, struct buf *out);

/* As htmlwalk_text, with a space at every element's start too (inline
 * ones included): for short lines whose parts are set apart by style,
 * such as a byline's name, place and time in adjacent spans. */
void htmlwalk_text_spaced(struct html_node *n, struct buf *out);

/* ASCII case-insensitive search of needle in s[0..n). */
const char *htmlwalk_memcasemem(const char *s, size_t n, const char *needle);

#endif
