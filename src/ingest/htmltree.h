/* htmltree.h - the tree builder behind htmlparse.c: takes tokens and
 * builds the light DOM with HTML's implied tags (head/body, p closed by
 * blocks, li/dd/dt/tr/td/th/option closed by siblings, void elements,
 * end tags matched in scope). Internal to htmlparse.c.
 */
#ifndef ND_HTMLTREE_H
#define ND_HTMLTREE_H

#include <stddef.h>

#include "ingest/htmlparse.h"

/* One start tag as the tokenizer saw it. attrs live in the arena. */
struct htmltok {
	enum htmltag tag;
	const char *name;	/* lowercase, NUL-terminated, in the arena */
	struct html_attr attrs[HTMLPARSE_MAX_ATTRS];
	size_t nattrs;
	int selfclose;
};

struct htmltree {
	struct html_doc *doc;
	struct html_node *cur;		/* the current open element */
	size_t depth, max_depth, max_nodes;
	unsigned open[TAG_MAX];		/* open elements per tag */
	int stop;			/* max_nodes reached */
};

/* Arena allocation (htmlparse.c): n bytes, 8-aligned, never NULL. */
void *htmlarena_alloc(struct html_arena *a, size_t n);

void htmltree_init(struct htmltree *t, struct html_doc *doc,
    size_t max_depth, size_t max_nodes);
/* Insert a start tag. Returns the element when it was opened (so its
 * raw text, if any, belongs to it), NULL when it is void, self-closed,
 * ignored or over a limit. *kept is 1 when an element was made. */
struct html_node *htmltree_start(struct htmltree *t, const struct htmltok *k,
    int *kept);
/* An end tag; name is used for TAG_OTHER only. */
void htmltree_end(struct htmltree *t, enum htmltag tag, const char *name,
    size_t n);
/* After the last token: makes sure the document has its <html> root. */
void htmltree_finish(struct htmltree *t);
/* Text s[0..n), NUL-terminated, owned by the arena. */
void htmltree_text(struct htmltree *t, const char *s, size_t n);

#endif
