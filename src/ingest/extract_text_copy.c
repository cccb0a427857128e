/* extract_text_copy.c - a second copy of the article in flattened
 * text: pages carry a print or mobile copy, or their metadata dumped as
 * text with the article again. From where the body's first sentences
 * come again, units that repeat earlier ones are dropped, and a copy
 * that adds next to nothing ends the body (see DESIGN.md, "Flattened
 * text", Repeats). Linear: one hash table over the body's units.
 */
#include "ingest/extract_text_int.h"

#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

/* FNV-1a of words [a, b), blind to the spacing between them. */
uint64_t
xt_range_hash(const struct xt *x, size_t a, size_t b)
{
	uint64_t h = 1469598103934665603u;
	size_t i, k;

	for (i = a; i < b; i++) {
		for (k = 0; k < x->t[i].len; k++)
			h = (h ^ (unsigned char)x->s[x->t[i].off + k]) *
			    1099511628211u;
		h = (h ^ ' ') * 1099511628211u;
	}
	return h | 1;	/* 0 marks an empty slot */
}

static uint64_t
xt_unit_hash(const struct xt *x, const struct xt_unit *u)
{
	return xt_range_hash(x, u->a, u->b);
}

/* Does unit u end with the words of sentence f (metadata or a title
 * may be glued before the copy's first sentence)? */
static int
xt_ends_with(const struct xt *x, const struct xt_unit *u,
    const struct xt_unit *f, uint64_t hf)
{
	size_t n = f->b - f->a;

	return u->b - u->a >= n && xt_range_hash(x, u->b - n, u->b) == hf;
}

/* The next kept unit after k, or run_b. */
static size_t
xt_next_kept(const struct xt_units *us, size_t k)
{
	for (k++; k < us->run_b && !xt_kept(us, k); k++)
		;
	return k;
}

/* The unit where a second copy of the article starts: the first later
 * pair of units that repeats two of the body's first XT_COPY_HEAD
 * sentences in order (the very first may have a caption glued to it,
 * the copy's first one metadata or a title, and a refrain repeats one
 * sentence, not two); run_b if none. */
static size_t
xt_copy_start(const struct xt *x, const struct xt_units *us)
{
	uint64_t h[XT_COPY_HEAD];
	size_t k, f, n = 0, i, nx, first[XT_COPY_HEAD];

	for (f = us->run_a; f < us->run_b && n < XT_COPY_HEAD; f++)
		if (xt_is_sent(&us->v[f]) && us->v[f].words >= XT_DUP_WORDS) {
			first[n] = f;
			h[n++] = xt_unit_hash(x, &us->v[f]);
		}
	for (k = f; k < us->run_b; k = xt_next_kept(us, k)) {
		if (!xt_kept(us, k))
			continue;
		nx = xt_next_kept(us, k);
		for (i = 0; i + 1 < n; i++)
			if (xt_ends_with(x, &us->v[k], &us->v[first[i]],
			    h[i]) && nx < us->run_b &&
			    xt_unit_hash(x, &us->v[nx]) == h[i + 1])
				return k;
	}
	return us->run_b;
}

/* A second copy that adds next to nothing (a print copy, the page's
 * metadata dump with the text again) ends the body: what stands
 * between the two copies (titles, widget labels, metadata) goes with
 * it. The body then ends where the units before the copy weigh most. */
static void
xt_copy_cut(struct xt_units *us, size_t copy)
{
	size_t k, fresh = 0, before = 0, end = us->run_a;
	long sum = 0, best = 0;

	if (copy >= us->run_b)
		return;
	for (k = us->run_a; k < us->run_b; k++) {
		if (!xt_kept(us, k))
			continue;
		if (k < copy)
			before += us->v[k].words;
		else if (k > copy)
			fresh += us->v[k].words;
	}
	if (fresh * XT_COPY_NEW > before)
		return;
	for (k = us->run_a, sum = 0; k < copy; k++) {
		sum += xt_weight(&us->v[k]);
		if (sum > best || end == us->run_a) {
			best = sum;
			end = k + 1;
		}
	}
	us->run_b = end;
}

/* Before and inside a second copy, the lines that are no full
 * sentence (its title again, the author's name, time stamps, image
 * addresses, a tag list) are the copy's head and metadata, not the
 * article's: a kept unit that is not a sentence ending in punctuation,
 * whose next such sentence is a repeat dropped from the copy on, is
 * dropped too. Backwards, one pass. */
static void
xt_copy_heads(struct xt_units *us, size_t copy)
{
	size_t k;
	int next_copy = 0;

	for (k = us->run_b; k-- > us->run_a;) {
		struct xt_unit *u = &us->v[k];

		if (u->kind == U_SENT && u->ended)
			next_copy = k >= copy && u->role == R_DROP;
		else if (next_copy && xt_kept(us, k))
			u->role = R_DROP;
	}
}

/* Is hash h in the table? */
static int
xt_tab_has(const uint64_t *tab, size_t cap, uint64_t h)
{
	size_t j;

	for (j = h & (cap - 1); tab[j] != 0; j = (j + 1) & (cap - 1))
		if (tab[j] == h)
			return 1;
	return 0;
}

/* A copy may glue a sub-heading onto the sentence after it, or the
 * next heading onto a sentence's end ("Take inventory Leif Dahl, the
 * blogger ..."): unit u repeats an earlier unit once up to
 * XT_GLUE_WORDS words are taken off its head or its tail. */
static int
xt_glued_repeat(const struct xt *x, const struct xt_unit *u,
    const uint64_t *tab, size_t cap)
{
	struct xt_unit part = *u;
	size_t n;

	for (n = 1; n <= XT_GLUE_WORDS && u->a + n + XT_DUP_WORDS <= u->b;
	    n++) {
		part.a = u->a + n, part.b = u->b;
		if (xt_tab_has(tab, cap, xt_unit_hash(x, &part)))
			return 1;
		part.a = u->a, part.b = u->b - n;
		if (xt_tab_has(tab, cap, xt_unit_hash(x, &part)))
			return 1;
	}
	return 0;
}

/* Pages often carry the article twice (a print or mobile copy, a
 * summary repeated in the text): from where the body's first sentence
 * comes again, a unit that repeats an earlier one word for word is
 * dropped. Units that repeat inside the article (a meal plan's items,
 * a refrain) stay. Linear: one hash table. */
static size_t
xt_dedupe(const struct xt *x, struct xt_units *us)
{
	size_t cap = 16, k, j, copy = xt_copy_start(x, us);
	uint64_t *tab, h;

	while (cap < 2 * (us->run_b - us->run_a))
		cap *= 2;
	tab = xcalloc(cap, sizeof(*tab));
	for (k = us->run_a; k < us->run_b; k++) {
		if (!xt_kept(us, k) || us->v[k].words < XT_DUP_WORDS)
			continue;
		h = xt_unit_hash(x, &us->v[k]);
		for (j = h & (cap - 1); tab[j] != 0 && tab[j] != h;
		    j = (j + 1) & (cap - 1))
			;
		if (k >= copy && (tab[j] == h || xt_glued_repeat(x,
		    &us->v[k], tab, cap)))
			us->v[k].role = R_DROP;
		tab[j] = h;
	}
	free(tab);
	if (copy < us->run_b)
		xt_copy_heads(us, copy);
	return copy;
}

void
xt_copies(const struct xt *x, struct xt_units *us)
{
	xt_copy_cut(us, xt_dedupe(x, us));
}
