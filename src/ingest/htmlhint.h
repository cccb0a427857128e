/* htmlhint.h - the class/id cues of an element: which boilerplate,
 * content and metadata words its lowercased "class id" contains, found
 * in one scan and kept in the node (html_node.hint), so the metadata
 * walk and every scoring pass share it. Internal to htmlscore.c and
 * htmlmeta.c.
 */
#ifndef ND_HTMLHINT_H
#define ND_HTMLHINT_H

#include "ingest/htmlparse.h"

/* Cues of the "class id" string as the scorer reads it (its first
 * HTMLHINT_SCORE_MAX bytes). */
enum {
	HH_AD = 1 << 0,		/* "ad", "ads", "ad-..." as a class word */
	HH_NEG = 1 << 1,	/* boilerplate: lowers the weight */
	HH_POS = 1 << 2,	/* content: raises the weight */
	HH_UNLIKELY = 1 << 3,	/* boilerplate: drops the element... */
	HH_MAYBE = 1 << 4,	/* ...unless one of these is there too */
	/* Cues of the same string as the metadata walk reads it (its first
	 * HTMLHINT_META_MAX bytes). */
	HH_BYLINE = 1 << 5,	/* "byline", "author-name" */
	HH_STANDFIRST = 1 << 6,	/* "standfirst", "summary", "lede", ... */
	HH_CREDIT = 1 << 7,	/* "credit" */
	HH_DONE = 1 << 15	/* the cache is filled */
};

#define HTMLHINT_SCORE_MAX	256	/* bytes of class + id the scorer reads */
#define HTMLHINT_META_MAX	4096	/* bytes the metadata walk reads */

/* The HH_* cues of element n, scanned on the first call and cached in
 * n->hint after (the tree's attributes must not change meanwhile).
 * 0 (plus HH_DONE) for an element without class and id. */
unsigned htmlhint_of(struct html_node *n);

#endif
