/* extract_text_teaser.c - boxes inside and after the article in
 * flattened text: a newsletter box's name, pitch and button, teasers
 * after a "Related" marker (titles, cut texts, one summary, headlines
 * ending in "!" or "?", cards with counted labels), and a box of
 * headlines named at its head and foot. They mark units' roles only;
 * the body search weighs them (see DESIGN.md, "Flattened text").
 */
#include "ingest/extract_text_int.h"

#include <string.h>

/* A newsletter box flattened: its name ("La newsletter del mattino"),
 * its pitch ("Ricevi ogni mattina ... gratis.") and its button
 * ("Iscriviti"), each a unit of its own. The pitch, with two promo or
 * second-person words, right before the button is a promo, and so is
 * a short title with a promo word right before the pitch. */
void
xt_promo_boxes(struct xt_units *us)
{
	size_t k;
	struct xt_unit *p;

	for (k = 1; k < us->n; k++) {
		if (!xt_is_span(us, k, XK_CTA))
			continue;
		p = &us->v[k - 1];
		if ((p->kind != U_SENT && p->kind != U_TITLE) || p->promo < 2 ||
		    p->words > XT_PROMO_MAX)
			continue;
		p->kind = U_PROMO;
		if (k >= 2 && p[-1].kind == U_TITLE && p[-1].strong &&
		    p[-1].words <= XT_HEAD_ONE)
			p[-1].kind = U_PROMO;
	}
}

/* Unit j of a box: a title a headline list could hold: short, with a
 * capital first, not announcing anything with a colon. */
static int
xt_box_title(const struct xt *x, const struct xt_units *us, size_t j)
{
	const struct xt_unit *u;

	if (j >= us->n)
		return 0;
	u = &us->v[j];
	return u->kind == U_TITLE && u->words <= XT_TEASER_MAX &&
	    (x->t[u->a].flags & TF_CAP) && !(x->t[u->b - 1].flags & TF_COLON);
}

/* Does unit u end in "!" or "?", maybe with a closing quote after it
 * ("... on video: “Got him!”", "¿Y ahora?»")? */
static int
xt_exclaims(const struct xt *x, const struct xt_unit *u)
{
	const struct xt_tok *t = &x->t[u->b - 1];
	const unsigned char *p = (const unsigned char *)x->s + t->off;
	size_t n = t->len;

	if (n >= 3 && p[n - 3] == 0xe2 && p[n - 2] == 0x80 &&
	    (p[n - 1] == 0x9c || p[n - 1] == 0x9d || p[n - 1] == 0x99))
		n -= 3;		/* “ ” ’ */
	else if (n >= 2 && p[n - 2] == 0xc2 && p[n - 1] == 0xbb)
		n -= 2;		/* » */
	else if (n >= 1 && (p[n - 1] == '"' || p[n - 1] == '\''))
		n--;
	return n >= 1 && (p[n - 1] == '!' || p[n - 1] == '?');
}

/* Is the sentence unit j, in the box after the marker k, one of a list
 * of headlines ("Why are fares rising?")? A short sentence with a
 * capital first, ending in "!" or "?" (maybe a quote's mark after
 * it), with a headline title after it and either a title of the box
 * before it or a second title after it: the article's next sentence
 * has prose, not a list of titles, around it. */
static int
xt_box_head(const struct xt *x, const struct xt_units *us, size_t k,
    size_t j)
{
	const struct xt_unit *u = &us->v[j];

	if (u->kind != U_SENT || u->cut || u->words > XT_HEAD_ONE ||
	    !(x->t[u->a].flags & TF_CAP) || !xt_exclaims(x, u) ||
	    !xt_box_title(x, us, j + 1))
		return 0;
	return xt_box_title(x, us, j + 2) || (j > k + 1 &&
	    us->v[j - 1].role == R_DROP && us->v[j - 1].kind != U_SPAN);
}

/* Cards after the marker k that each start with the same label, a
 * section name and a counter ("Interesting 0 Title? Interesting 12
 * Title"): when the first two words after the marker, a capitalised
 * word and a number, come back twice more (the word with any number)
 * within XT_CARD_WORDS words, the units up to the last label are the
 * box's, and so is a short title on its own after it. A name ("Hong
 * Kong") comes back in teaser titles and prose alike; a word with a
 * number after it three times over is a card's label. */
static void
xt_card_labels(const struct xt *x, struct xt_units *us, size_t k)
{
	size_t a, i, j, end, last = 0, seen = 0;

	if (k + 1 >= us->n || us->v[k + 1].b - us->v[k + 1].a < 2)
		return;
	a = us->v[k + 1].a;
	if (!(x->t[a].flags & TF_CAP) || !(x->t[a + 1].flags & TF_DIGIT) ||
	    ((x->t[a].flags | x->t[a + 1].flags) &
	    (TF_END | TF_COMMA | TF_COLON)))
		return;
	end = a + XT_CARD_WORDS < x->nt ? a + XT_CARD_WORDS : x->nt;
	for (i = a; i + 2 <= end; i++)
		if (xt_same_words(x, a, i, 1) && (x->t[i + 1].flags & TF_DIGIT))
			seen++, last = i;
	if (seen < 3)
		return;
	for (j = k + 1; j < us->n && us->v[j].a <= last; j++)
		if (us->v[j].kind == U_SENT || us->v[j].kind == U_TITLE)
			us->v[j].role = R_DROP;
	if (j < us->n && us->v[j - 1].b == last + 2 &&
	    (us->v[j].kind == U_SENT || us->v[j].kind == U_TITLE) &&
	    us->v[j].words <= XT_TEASER_MAX)
		us->v[j].role = R_DROP;
}

/* Does sentence unit j start a line that another sentence goes on
 * (a paragraph of the article, not a teaser's one-line summary)? With
 * blocks run together no unit starts a line. */
static int
xt_paragraph(const struct xt *x, const struct xt_units *us, size_t j)
{
	return j + 1 < us->n && (x->t[us->v[j].a].flags & TF_NL) &&
	    !(x->t[us->v[j + 1].a].flags & TF_NL) &&
	    (us->v[j + 1].kind == U_SENT || (us->v[j + 1].kind == U_TITLE &&
	    us->v[j + 1].ended));
}

/* Teasers after a "recommended" word: their titles, their texts cut
 * short ("…") and one summary sentence. A unit that ends in a colon
 * (the article's lead-in to a table or list) is none of them. */
void
xt_teasers(const struct xt *x, struct xt_units *us)
{
	size_t k, j;
	int card, twice, head;

	for (k = 0; k < us->n; k++) {
		if (!xt_is_span(us, k, XK_RECO))
			continue;
		/* a card (title written twice) or a marker before a
		 * headline carries a summary; a label running on in lower
		 * case ("More stories from the coast") does not */
		twice = us->v[k].b - us->v[k].a >= 2 * XT_REPEAT_MIN;
		card = twice || (k + 1 < us->n && us->v[k + 1].kind ==
		    U_TITLE && (x->t[us->v[k + 1].a].flags & TF_CAP));
		for (j = k + 1; j < us->n &&
		    !(x->t[us->v[j].b - 1].flags & TF_COLON); j++) {
			head = xt_box_head(x, us, k, j);
			if (!(us->v[j].kind == U_TITLE || head ||
			    (us->v[j].kind == U_SENT && (us->v[j].cut ||
			    (card && j <= k + 2 && (twice ||
			    us->v[j].words <= XT_TEASER_MAX) &&
			    !xt_paragraph(x, us, j))))))
				break;
			us->v[j].role = R_DROP;
			if (us->v[j].kind == U_SENT && !us->v[j].cut && !head)
				break;	/* one summary sentence */
		}
		xt_card_labels(x, us, k);
	}
}

/* Does title unit m hold the first n words of unit k? */
static int
xt_holds_words(const struct xt *x, const struct xt_unit *k,
    const struct xt_unit *m, size_t n)
{
	size_t i;

	for (i = m->a; i + n <= m->b; i++)
		if (xt_same_words(x, k->a, i, n))
			return 1;
	return 0;
}

/* A box of headlines named at its head and again at its foot ("Storm
 * Coverage More", four titles, "More in Storm Coverage"): a short
 * title whose first words (two or three, all but its last word when it
 * has three or more, a capital first) come back in a short title a few
 * units on, with only headlines (two or more, of four words or more, no
 * table's rows) between, is a box's name, and the two and the titles
 * between are the box's. Sub-headings have prose between them; a
 * table's cells repeat but are short. */
void
xt_named_boxes(const struct xt *x, struct xt_units *us)
{
	size_t k, m, n, j;

	for (k = 0; k < us->n; k++) {
		if (us->v[k].kind != U_TITLE || us->v[k].words < 2 ||
		    us->v[k].words > XT_BOXNAME_MAX ||
		    !(x->t[us->v[k].a].flags & TF_CAP))
			continue;
		n = us->v[k].words - (us->v[k].words > 2);	/* "... More" */
		n = n < 3 ? n : 3;
		for (m = k + 1; m < us->n && m <= k + XT_TEASER_UNITS &&
		    us->v[m].kind == U_TITLE && !us->v[m].row; m++)
			if (m >= k + 3 && us->v[m].words <= XT_BOXNAME_MAX &&
			    xt_holds_words(x, &us->v[k], &us->v[m], n))
				break;
			else if (us->v[m].words < XT_BOXHEAD_MIN)
				break;	/* a cell or a label, no headline */
		if (m >= us->n || m > k + XT_TEASER_UNITS || m < k + 3 ||
		    us->v[m].kind != U_TITLE || us->v[m].row ||
		    !xt_holds_words(x, &us->v[k], &us->v[m], n))
			continue;
		for (j = k; j <= m; j++)
			us->v[j].role = R_DROP;
		k = m;
	}
}

static const char *const xt_cur[] = { "$", "€", "£", "₹", "¥", "rs",
    "rs.", "usd", "eur", "gbp", "chf", "inr", "euros", "euro", "dollars",
    "pounds", "r$" };

/* Is word i (if any) a currency's sign or name? */
static int
xt_currency(const struct xt *x, size_t i)
{
	char key[XT_KEY_MAX];

	return i < x->nt && xt_in_list(key, xt_key(x, i, key), xt_cur,
	    XT_NELEM(xt_cur));
}

/* Is word i a price: "$4", "€9", "4€", "Rs 599", "599 Rs", "9 euros"? */
static int
xt_price(const struct xt *x, size_t i)
{
	const struct xt_tok *t = &x->t[i];
	const char *p = x->s + t->off;
	size_t k, n;

	if (!(t->flags & TF_DIGIT))	/* "$4", "4€" start with a figure */
		return i + 1 < x->nt && (x->t[i + 1].flags & TF_DIGIT) &&
		    xt_currency(x, i);	/* "Rs 599" */
	for (k = 0; k < XT_NELEM(xt_cur); k++) {
		n = strlen(xt_cur[k]);
		if (t->len > n && (memcmp(p, xt_cur[k], n) == 0 ||
		    memcmp(p + t->len - n, xt_cur[k], n) == 0))
			return 1;	/* "$4", "4€" */
	}
	return xt_currency(x, i + 1);	/* "9 euros" */
}

/* Promo, second-person and price marks of unit u; *you gets the
 * second-person words, *open whether a promo word or price is in it. */
static size_t
xt_pitch_marks(const struct xt *x, const struct xt_unit *u, size_t *you,
    int *open)
{
	size_t i, m = 0;

	*open = 0;
	for (i = u->a; i < u->b; i++) {
		uint32_t c = x->t[i].cls;
		int price = xt_price(x, i);

		*you += (c & XC_YOU) != 0;
		*open |= price || (c & (XC_PROMO | XC_PROMOW)) != 0;
		m += (c & XC_PROMO) ? 2 : (c & (XC_PROMOW | XC_YOU)) != 0;
		m += (size_t)price;
	}
	return m;
}

/* A paid-subscription pitch closing the body: its last units, at most
 * XT_PITCH_UNITS of them and XT_PROMO_MAX words, the first holding a
 * promo word or a price, with a second-person word and XT_PITCH_MARKS
 * promo, second-person and price marks in all ("Get Harbour Plus, our
 * subscription, for as little as $4 a month. Use the code ISLES. It
 * gives you ..."). The body ends where the pitch starts, if more than
 * twice its words come before it and they are not themselves a sales
 * text: the pitch holds its marks XT_PITCH_DENSER times as densely. */
void
xt_offer_tail(const struct xt *x, struct xt_units *us)
{
	size_t k, j, n = 0, cut = us->run_b, marks = 0, you = 0, words = 0;
	size_t before = 0, all = 0, cm[XT_PITCH_UNITS], cw[XT_PITCH_UNITS];
	int open, cand[XT_PITCH_UNITS], any = 0;

	for (k = us->run_b; k > us->run_a + 1 && n < XT_PITCH_UNITS; k--) {
		marks += xt_pitch_marks(x, &us->v[k - 1], &you, &open);
		words += us->v[k - 1].words;
		if (words > XT_PROMO_MAX)
			break;
		cm[n] = marks, cw[n] = words;
		cand[n] = open && you > 0 && marks >= XT_PITCH_MARKS;
		any |= cand[n++];
	}
	if (!any)
		return;		/* the body's marks are counted only now */
	for (k = us->run_a; k < us->run_b; k++) {
		before += us->v[k].words;
		all += xt_pitch_marks(x, &us->v[k], &you, &open);
	}
	for (j = 0; j < n; j++)
		if (cand[j] && before - cw[j] > 2 * cw[j] && cm[j] * (before -
		    cw[j]) > XT_PITCH_DENSER * (all - cm[j]) * cw[j])
			cut = us->run_b - 1 - j;
	if (cut == us->run_b)
		return;
	us->run_b = cut;
	while (us->run_b > us->run_a && !xt_is_sent(&us->v[us->run_b - 1]))
		us->run_b--;
}
