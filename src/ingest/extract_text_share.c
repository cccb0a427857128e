/* extract_text_share.c - a share bar written before and after the
 * article.
 *
 * Pages put their share buttons over the article and again right under
 * it; what follows the second bar is the page's end matter (a comment
 * policy, a columnist's box, teasers with their summaries), which is
 * prose too and would join the body. A share bar whose words come back
 * exactly once, with an article's worth of sentences between the two
 * copies (twice the words of sentences before the first), ends the body
 * at its second copy. Bars that come back more often, or between
 * stretches of prose alike (a live blog's entries, a gallery's
 * slides), are the article's own and stay crossed.
 * Linear: each bar is compared with the first XT_SHARE_BARS bars.
 */
#include "ingest/extract_text_int.h"

#include <string.h>

#define XT_SHARE_BARS	8	/* different bars tracked */

struct xt_bar {
	size_t first;		/* its first unit */
	size_t again;		/* its second unit */
	size_t before;		/* words of sentences before the first */
	size_t sent;		/* ... and before the second */
	unsigned count;		/* copies */
};

/* Do units u and v hold the same words? */
static int
xt_share_same(const struct xt *x, const struct xt_unit *u,
    const struct xt_unit *v)
{
	size_t i;

	if (u->b - u->a != v->b - v->a)
		return 0;
	for (i = 0; i < u->b - u->a; i++) {
		const struct xt_tok *p = &x->t[u->a + i];
		const struct xt_tok *q = &x->t[v->a + i];

		if (p->len != q->len || memcmp(x->s + p->off, x->s + q->off,
		    p->len) != 0)
			return 0;
	}
	return 1;
}

/* Count unit k as a copy of one of the bars seen, or as a new bar. */
static void
xt_share_count(const struct xt *x, const struct xt_units *us, size_t k,
    size_t sent, struct xt_bar *bars, size_t *nb)
{
	size_t j;

	for (j = 0; j < *nb; j++)
		if (xt_share_same(x, &us->v[bars[j].first], &us->v[k]))
			break;
	if (j == *nb) {
		if (*nb == XT_SHARE_BARS)
			return;
		bars[j].first = k;
		bars[j].before = sent;
		bars[j].count = 0;
		(*nb)++;
	}
	if (bars[j].count++ == 1) {
		bars[j].again = k;
		bars[j].sent = sent;
	}
}

void
xt_share_again(const struct xt *x, struct xt_units *us)
{
	struct xt_bar bars[XT_SHARE_BARS];
	size_t k, nb = 0, sent = 0;

	for (k = 0; k < us->n; k++) {
		const struct xt_unit *u = &us->v[k];

		if (xt_is_sent(u))
			sent += u->words;
		if (u->kind == U_SPAN && u->span == XK_WIDGET &&
		    u->b - u->a >= 2)
			xt_share_count(x, us, k, sent, bars, &nb);
	}
	for (k = 0; k < nb; k++)
		if (bars[k].count == 2 && bars[k].sent >= XT_ARTICLE_MIN &&
		    bars[k].before * 2 < bars[k].sent - bars[k].before)
			us->v[bars[k].again].end = 1;
}
