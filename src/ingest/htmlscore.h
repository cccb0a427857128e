/* htmlscore.h - per-element text statistics and Readability-style
 * content scoring of an HTML tree: picks the element (and the siblings
 * that belong with it) holding the main text. Internal to htmlbody.c.
 */
#ifndef ND_HTMLSCORE_H
#define ND_HTMLSCORE_H

#include <stddef.h>

#include "ingest/htmlparse.h"

enum {
	HN_HIDDEN = 1 << 0,	/* script, style, form controls, ... */
	HN_JUNK = 1 << 1,	/* unlikely by tag or class/id: not content */
	HN_BLOCKKID = 1 << 2,	/* has a block-level child element */
	HN_CAND = 1 << 3,	/* received a content score */
	HN_FIGURE = 1 << 4	/* inside a <figure> */
};

/* Statistics of one element's subtree, junk subtrees left out. Text is
 * counted in bytes with every white space run as one. */
struct hnode {
	struct html_node *node;
	unsigned text, link, commas;
	unsigned own, own_commas;	/* in direct text children only */
	unsigned p, li, img, input, embed, heading;
	float score;
	short weight;		/* class/id hint: -50..50 */
	unsigned char tag;	/* enum htmltag */
	unsigned char flags;	/* HN_* */
};

/* Passes, as Readability: each retry turns one more cue off. */
enum {
	HS_STRIP_UNLIKELY = 1 << 0,	/* drop unlikely class/id names */
	HS_WEIGHT_CLASSES = 1 << 1,	/* class/id weights count */
	HS_CLEAN = 1 << 2,		/* conditional clean of containers */
	HS_ALL = 7
};

struct htmlscore {
	unsigned mode;		/* HS_* set by the caller */
	const struct html_node *keep;	/* set by the caller or NULL: this node and
				 * its ancestors are never "unlikely" */
	struct hnode *v;
	size_t n, cap;
	struct html_node *top;		/* best candidate */
	struct html_node **pick;		/* top and its kept siblings, in order */
	size_t npick;
	size_t depth_in_link;	/* scratch for the walk */
	size_t in_figure;
};

/* Score the tree under root. Returns 0 with s->pick filled, or -1 when
 * no element holds paragraph text. Sets each visited node's _private. */
int htmlscore_run(struct html_node *root, struct htmlscore *s);
/* Statistics of n, or NULL if n was not visited. */
const struct hnode *htmlscore_node(const struct htmlscore *s,
    const struct html_node *n);
/* Class/id weight of n: negative for boilerplate hints, positive for
 * content hints. Sets *unlikely when n looks like boilerplate by name.
 * Caches n's class/id cues in n (htmlhint_of()). */
int htmlscore_weight(struct html_node *n, int *unlikely);
/* Link density of h in [0,1]. */
double htmlscore_link_density(const struct hnode *h);
/* Free what s owns; s is zeroed. */
void htmlscore_release(struct htmlscore *s);

#endif
