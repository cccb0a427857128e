/* htmlhead.h - the head block of an article inside the element the
 * scorer chose, and photo galleries inside the body. Internal to
 * htmlbody.c.
 *
 * A story wrapper often holds, in this order, a kicker or date line, the
 * headline, a standfirst, a byline, share tools and the lead image with
 * its caption, and only then the container with the text. When the
 * wrapper wins the scoring (a short story, or a table-layout cell), that
 * head matter would open the body. The rule is structural: the child
 * holding the headline (an <h1>, or a block whose text is the page's
 * headline) is followed by short blocks and then by a container with
 * several paragraphs; the article starts at that container.
 */
#ifndef ND_HTMLHEAD_H
#define ND_HTMLHEAD_H

#include "ingest/htmlparse.h"
#include "ingest/htmlscore.h"
#include "util/strlist.h"

#define HTMLHEAD_SHORT	200	/* bytes of text of one head block, less */
#define HTMLHEAD_LINES	16	/* lines of a head block kept */
#define HTMLHEAD_SLIDES	3	/* repeated captioned images: a gallery */

/* The element under top where the article's text starts after its head
 * block (the text goes on with its following siblings and those of its
 * ancestors up to top), or NULL when top holds no such head block or
 * holds text (2 * HTMLHEAD_SHORT bytes or more) before the headline. headline (may be
 * NULL) is the page's headline from its metadata or <title>, matched
 * against blocks' whole text when the page has no <h1>. s holds the
 * statistics of the pass that chose top. */
struct html_node *htmlhead_body_start(const struct htmlscore *s,
    struct html_node *top, const char *headline);

/* The head block before start (start's preceding siblings): the text of
 * each of its blocks without block children and shorter than
 * HTMLHEAD_SHORT, in page order, appended to lines (at most
 * HTMLHEAD_LINES in all), and the src of its first image into *image
 * when *image is NULL (an owned string). Where a page without
 * structured data shows its date line, byline and lead image. */
void htmlhead_lines(const struct htmlscore *s, const struct html_node *start,
    struct strlist *lines, char **image);

/* 1 if n is a photo gallery: at least HTMLHEAD_SLIDES element children
 * of one tag, each an image with a caption shorter than HTMLHEAD_SHORT,
 * and nothing else, holding less than half the text of s->top. */
int htmlhead_is_gallery(const struct htmlscore *s, const struct html_node *n);

#endif
