/* htmlbody.h - find the main text of an HTML page by content analysis
 * (Readability-style block scoring) and clean it into paragraphs.
 * Internal to extract_html.c.
 *
 * The cues are structural first (text length, link density, commas,
 * paragraph counts, lists of links, forms, tag names) with class/id hints
 * and short multilingual boilerplate phrases as secondary cues. No rule
 * is keyed to a site.
 */
#ifndef ND_HTMLBODY_H
#define ND_HTMLBODY_H

#include "ingest/htmlparse.h"

#include "util/strlist.h"

#define HTMLBODY_MIN_TEXT	40	/* bytes of body text to count */

struct htmlbody {
	struct strlist paras;	/* body paragraphs, white space collapsed */
	char *image;		/* src of the first figure's image, or NULL */
	char *caption;		/* its figcaption text (credit removed) */
	char *credit;		/* text of a credit element in the figure */
	struct strlist head;	/* short lines of the article's head block
				 * (date line, byline, caption), when the
				 * chosen element holds one (htmlhead.h) */
	char *head_image;	/* src of the head block's first image */
};

/* Fill b (zeroed by the caller) with the article text under root.
 * headline (may be NULL) is the page's headline from its metadata, used
 * to find the article's head block on pages without an <h1>.
 * Returns 0 on success, -1 when no article text was found. Uses the
 * nodes' _private field as scratch. Bounded by EXTRACT_MAX_DEPTH and
 * EXTRACT_MAX_NODES; no recursion. */
int htmlbody_extract(struct html_node *root, const char *headline,
    struct htmlbody *b);
/* When b has no figure yet, take the first <figure> with a caption
 * anywhere under root (a lead image above the text). */
void htmlbody_lead_figure(struct html_node *root, struct htmlbody *b);
/* When b has no image, caption or head-block image (and the caller knows
 * of no image in the page's metadata): the first block holding an image
 * in a small subtree that is followed by a short line ending in a photo
 * credit (a hero picture with its caption beside it) gives b's image and
 * caption. */
void htmlbody_hero(struct html_node *root, struct htmlbody *b);
/* Free everything b owns; b is zeroed. */
void htmlbody_release(struct htmlbody *b);

#endif
