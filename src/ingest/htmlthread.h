/* htmlthread.h - forum threads inside the element the scorer chose.
 * Internal to htmlbody.c.
 *
 * A forum page (phpBB, vBulletin, SMF and the like) shows a topic as
 * a run of posts, each with its author block, title and text; the
 * first post is the article, the others are replies. The cue is
 * structural: a reply's title is an earlier post's title after a
 * one-word label and a colon ("Re: ", "Odp: ", "AW: ", "SV: ", any
 * language), so live blogs, whose entries have titles of their own, are
 * not threads.
 */
#ifndef ND_HTMLTHREAD_H
#define ND_HTMLTHREAD_H

#include "ingest/htmlparse.h"
#include "ingest/htmlscore.h"

#define HTMLTHREAD_TITLE_MIN	8	/* bytes of a post title, at least */
#define HTMLTHREAD_PREFIX_MAX	16	/* bytes of a reply's label, at most */
#define HTMLTHREAD_HEADINGS	64	/* headings (h2-h6) compared */

/* The first post of a thread under top, or NULL: the child, of the
 * lowest common ancestor of a heading T and a later heading "label:
 * T", that holds T, when the child holding the later one has the same
 * tag. s holds the statistics of the pass that chose top. */
struct html_node *htmlthread_first_post(const struct htmlscore *s,
    struct html_node *top);

/* The block of post that holds its text: from post down, while one
 * container child (div, section, article, main) holds two thirds of
 * the text or more (past the author block, the title, the signature
 * and an attachment box beside the text). */
struct html_node *htmlthread_post_text(const struct htmlscore *s,
    struct html_node *post);

/* The src of post's first image into *image when *image is NULL (an
 * owned string): an attached picture is the lead image. */
void htmlthread_image(const struct html_node *post, char **image);

#endif
