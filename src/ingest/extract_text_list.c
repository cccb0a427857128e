/* extract_text_list.c - teaser boxes in flattened text: ranked lists
 * and titles written twice.
 *
 * "Most read" boxes number their teasers: "1 Title of one story 2 Title
 * of the next 3 ...". In run-together text the titles glue into one
 * long run that reads as prose. A run of numbers 1, 2, 3, ... standing
 * alone, each a few words after the last, whose items mostly do not
 * end a sentence (an article's own numbered steps do) and hold few
 * other numbers (tables and recipes do), is marked as a list so the
 * body search passes over it without keeping it.
 *
 * Teaser cards carry their title twice (the image's link and the text
 * link: "Title of a story Title of a story", sometimes with a section
 * word between the copies). Prose never repeats four words or more
 * right after themselves, so such a run is marked as a teaser marker
 * and the summary after it goes with it (see xt_teasers()).
 */
#include "ingest/extract_text_int.h"

#include <string.h>

/* The number word i stands for: "3" or "3." alone; 0 if none. */
static int
xt_rank(const struct xt *x, size_t i)
{
	const char *p = x->s + x->t[i].off;
	size_t n = x->t[i].len, k;
	int v = 0;

	if (n > 0 && p[n - 1] == '.')
		n--;
	if (n == 0 || n > 2)
		return 0;
	for (k = 0; k < n; k++) {
		if (p[k] < '0' || p[k] > '9')
			return 0;
		v = v * 10 + (p[k] - '0');
	}
	return v;
}

/* The rank word i opens an item: a teaser's title starts with a
 * capital (or a digit, a quote); a number before a lower-case word
 * counts something ("1 goal, 2 assists", "3 saves", "2 días"), and a
 * results line full of them is no ranked list. Returns its number or
 * 0. */
static int
xt_rank_item(const struct xt *x, size_t i)
{
	if (i + 1 < x->nt && (x->t[i + 1].flags & TF_LOWER))
		return 0;
	return xt_rank(x, i);
}

struct xt_listscan {
	int ended;		/* items that end a sentence */
	int digits;		/* other numbers inside the items */
};

/* Index of the word "want" within the next XT_ITEM_MAX words after i
 * (at least two words later); 0 if none. */
static size_t
xt_next_rank(const struct xt *x, size_t i, int want, struct xt_listscan *ls)
{
	size_t k;
	int digits = 0;

	for (k = i + 3; k < x->nt && k <= i + XT_ITEM_MAX; k++) {
		if (xt_rank_item(x, k) == want) {
			ls->ended += (x->t[k - 1].flags & TF_END) != 0;
			ls->digits += digits;
			return k;
		}
		digits += (x->t[k].flags & TF_DIGIT) != 0;
	}
	return 0;
}

/* End of the last item that starts at word i: its sentence end, where
 * a new part starts, or as long as the items before it were on
 * average. */
static size_t
xt_last_item(const struct xt *x, size_t i, size_t avg)
{
	size_t k;

	for (k = i + 1; k < x->nt && k <= i + avg; k++) {
		if (k > i + 2 && xt_new_part(x, k))
			return k;
		if (x->t[k].flags & TF_END)
			return k + 1;
	}
	return k;
}

/* A ranked list starting at the word "1" at i: its end, or 0. */
static size_t
xt_list_at(const struct xt *x, size_t i)
{
	struct xt_listscan ls = {0, 0};
	size_t k = i, next;
	int want = 2;

	while ((next = xt_next_rank(x, k, want, &ls)) != 0) {
		k = next;
		want++;
	}
	/* numbered steps end their sentences; tables and recipes are
	 * full of other numbers */
	if (want - 1 < XT_LIST_ITEMS || ls.ended * 2 >= want - 2 ||
	    ls.digits > want - 2)
		return 0;
	return xt_last_item(x, k, (k - i) / (size_t)(want - 2));
}

void
xt_lists(struct xt *x)
{
	size_t i, e;

	for (i = 0; i < x->nt; i++) {
		if (xt_rank_item(x, i) != 1 || (e = xt_list_at(x, i)) == 0)
			continue;
		xt_mark(x, i, e, XK_LIST);
		i = e - 1;
	}
}

/* Do words [a, a + n) and [b, b + n) read the same? */
int
xt_same_words(const struct xt *x, size_t a, size_t b, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++)
		if (x->t[a + k].len != x->t[b + k].len ||
		    memcmp(x->s + x->t[a + k].off, x->s + x->t[b + k].off,
		    x->t[a + k].len) != 0)
			return 0;
	return 1;
}

/* Do the gap words [g, g + n) between two copies end a sentence? A
 * card's section word has no full stop; prose that names the same
 * subject twice ("Imam Idris wrote the first book. Imam Idris wrote
 * ...") does, and is no card. */
static int
xt_gap_ends(const struct xt *x, size_t g, size_t n)
{
	size_t k;

	for (k = g; k < g + n; k++)
		if (x->t[k].flags & TF_END)
			return 1;
	return 0;
}

/* A title written twice from word i: the end of the second copy, or 0.
 * Up to XT_REPEAT_GAP words (a section name) may stand between. */
static size_t
xt_repeat_at(const struct xt *x, size_t i)
{
	size_t n, gap;

	if (!(x->t[i].flags & (TF_CAP | TF_DIGIT)) || x->t[i].kind != XK_TEXT)
		return 0;
	/* "1 goal, 1 assist" repeats in a score list: a title that
	 * starts with a number must be longer */
	for (n = x->t[i].flags & TF_DIGIT ? XT_REPEAT_NUM : XT_REPEAT_MIN;
	    n <= XT_REPEAT_MAX; n++)
		for (gap = 0; gap <= XT_REPEAT_GAP; gap++) {
			if (i + 2 * n + gap > x->nt)
				return 0;
			if (xt_same_words(x, i, i + n + gap, n) &&
			    !xt_gap_ends(x, i + n, gap))
				return i + 2 * n + gap;
		}
	return 0;
}

void
xt_repeats(struct xt *x)
{
	size_t i, e;

	for (i = 0; i < x->nt; i++) {
		if ((e = xt_repeat_at(x, i)) == 0)
			continue;
		xt_mark(x, i, e, XK_RECO);
		i = e - 1;
	}
}
