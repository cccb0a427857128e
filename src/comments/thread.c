/* thread.c - the public thread of an article: approved comments only,
 * a page of top-level comments each followed by its replies (depth
 * first, oldest reply first). The data keeps the whole tree; the page
 * nests one level (comments_display_depth). */
#include "comments/comments.h"

#include <string.h>

#define THREAD_PER_PAGE_DEFAULT	20
#define THREAD_PER_PAGE_MAX	200
#define THREAD_PAGE_MAX		100000

enum nd_err
comments_thread(struct store *s, int64_t article_id,
    enum comments_order order, size_t page, size_t per_page,
    struct comments_page *out, struct nd_error *err)
{
	enum nd_err e;

	memset(out, 0, sizeof(*out));
	if (per_page == 0)
		per_page = THREAD_PER_PAGE_DEFAULT;
	if (per_page > THREAD_PER_PAGE_MAX)
		per_page = THREAD_PER_PAGE_MAX;
	if (page == 0)
		page = 1;
	if (page > THREAD_PAGE_MAX)
		return nd_error_set(err, ND_ELIMIT, "comment page %zu is over "
		    "the limit of %d", page, THREAD_PAGE_MAX);
	e = store_comment_thread(s, article_id,
	    order == COMMENTS_NEWEST_FIRST, per_page, (page - 1) * per_page,
	    &out->items, &out->top_total, err);
	if (e != ND_OK)
		return e;
	out->page = page;
	out->pages = out->top_total == 0 ? 1 :
	    ((size_t)out->top_total + per_page - 1) / per_page;
	return ND_OK;
}

void
comments_page_release(struct comments_page *p)
{
	comment_list_release(&p->items);
	memset(p, 0, sizeof(*p));
}

int
comments_display_depth(const struct comment *c)
{
	return c->depth > 0 ? 1 : 0;
}
