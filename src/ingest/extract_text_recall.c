/* extract_text_recall.c - article words the body search leaves at its
 * edges: the last items of a list that ends the article (they weigh
 * nothing, so the maximum-sum stretch stops before them).
 */
#include "ingest/extract_text_int.h"

#define XT_LIST_BACK	3	/* units back from the body's end to a list */

/* Does a list run at the body's end: one of its last units an item
 * or a line ending in a colon ("Here is what to do:")? */
static int
xt_list_open(const struct xt *x, const struct xt_units *us)
{
	size_t k;

	for (k = us->run_b; k > us->run_a && k + XT_LIST_BACK > us->run_b;
	    k--) {
		if (us->v[k - 1].item || (us->v[k - 1].role == R_NONE &&
		    (us->v[k - 1].kind == U_SENT || us->v[k - 1].kind ==
		    U_TITLE) && (x->t[us->v[k - 1].b - 1].flags & TF_COLON)))
			return 1;
	}
	return 0;
}

/* A bullet list without full stops ending the article: its items
 * (xt_items: prose-like lines right after a sentence or an item) cost
 * nothing, and a stretch of largest total stops before units that add
 * nothing, so the list's last item was cut off. When the list has begun
 * inside the body, the items right after its last unit join it; a
 * single prose-like title after the body (a teaser's, "Name: Both
 * sides to blame for ...") has no list before it. */
void
xt_recall_tail(const struct xt *x, struct xt_units *us)
{
	if (us->run_b == us->run_a || !xt_list_open(x, us))
		return;
	while (us->run_b < us->n && us->v[us->run_b].item)
		us->run_b++;
}
