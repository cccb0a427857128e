/* extract_text_live.c - a live blog's furniture between its entries.
 *
 * A live blog is a column of short entries, each under its own head (a
 * time and the author: "10:35 Jane Reed", XK_ENTRY), often with a title
 * line and a "Share" button of its own. Each of those costs a little
 * in the body search, and entries of two or three sentences weigh
 * less than that furniture: the body stopped after the first long
 * entry. Once a page has XT_LIVE_MIN entry heads, the heads, the title
 * line right after a head and a lone share or save label near them
 * cost nothing, so every entry stays in the body.
 */
#include "ingest/extract_text_int.h"

#define XT_LIVE_MIN	3	/* entry heads that make a live blog */
#define XT_LIVE_TITLE	8	/* words of an entry's title line at most */
#define XT_LIVE_NEAR	3	/* units from a head to its share button */

/* Is unit u a lone share or save label ("Share", "Delen", "Teilen")? */
static int
xt_live_button(const struct xt *x, const struct xt_unit *u)
{
	size_t i;

	if (u->b <= u->a || u->b - u->a > 2)
		return 0;
	for (i = u->a; i < u->b; i++)
		if (!(x->t[i].cls & (XC_SHARE | XC_SAVE)))
			return 0;
	return 1;
}

static size_t
xt_live_heads(const struct xt_units *us)
{
	size_t k, n = 0;

	for (k = 0; k < us->n; k++)
		n += xt_is_span(us, k, XK_ENTRY);
	return n;
}

void
xt_live_units(const struct xt *x, struct xt_units *us)
{
	size_t k, last = us->n;	/* the last entry head seen */

	if (xt_live_heads(us) < XT_LIVE_MIN)
		return;
	for (k = 0; k < us->n; k++) {
		struct xt_unit *u = &us->v[k];

		if (xt_is_span(us, k, XK_ENTRY)) {
			u->live = 1;
			last = k;
		} else if (last < k && k == last + 1 && u->kind == U_TITLE &&
		    u->words <= XT_LIVE_TITLE) {
			u->live = 1;	/* the entry's title */
		} else if (last < k && k <= last + XT_LIVE_NEAR + 2 &&
		    xt_live_button(x, u)) {
			u->live = 1;	/* "Share" under the entry */
			u->role = R_DROP;
		} else if (k + 1 < us->n && xt_is_span(us, k + 1, XK_ENTRY) &&
		    last < us->n && xt_live_button(x, u)) {
			u->live = 1;	/* "Share" right before the next head */
			u->role = R_DROP;
		}
	}
}
