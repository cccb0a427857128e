/* extract_text_body.c - the body search over the units: weights,
 * hard ends (comments, footers, the next story, author notes), pages
 * without prose, a list after the last sentence, where the article
 * starts.
 */
#include "ingest/extract_text_int.h"

#include <string.h>

/* Units a body run may pass over: cut boilerplate, captions, teasers. */
int
xt_soft(const struct xt_unit *u)
{
	if (u->role != R_NONE)
		return 1;
	switch (u->kind) {
	case U_EMPTY:
	case U_PROMO:
	case U_COOKIE:
		return 1;
	case U_SPAN:
		return u->span == XK_WIDGET || u->span == XK_CREDIT ||
		    u->span == XK_RECO || u->span == XK_CTA ||
		    u->span == XK_AD || u->span == XK_DATELINE ||
		    u->span == XK_CAPTION || u->span == XK_LIST ||
		    u->span == XK_LINK;
	default:
		return 0;
	}
}

int
xt_is_sent(const struct xt_unit *u)
{
	return u->kind == U_SENT && u->role == R_NONE;
}

/* A title-like run that reads as text (a sub-heading, a line without
 * its full stop) is kept when a sentence follows it in the body. */
static int
xt_textlike(const struct xt_units *us, size_t j)
{
	const struct xt_unit *u = &us->v[j];

	if (u->kind != U_TITLE || u->role != R_NONE || u->words < 4 ||
	    u->func < 1)
		return 0;
	for (j++; j < us->n && xt_soft(&us->v[j]); j++)
		;
	return j < us->n && xt_is_sent(&us->v[j]);
}

/* Body run starting at unit a: sets *last, returns its word count. */
size_t
xt_run(const struct xt_units *us, size_t a, size_t *last)
{
	size_t j, score = 0;

	*last = a;
	for (j = a; j < us->n; j++) {
		if (xt_is_sent(&us->v[j])) {
			score += us->v[j].words;
			*last = j;
		} else if (!xt_soft(&us->v[j]) && !xt_textlike(us, j)) {
			break;
		}
	}
	return score;
}

size_t
xt_first_sent(const struct xt_units *us, size_t k, size_t lim)
{
	while (k < lim && !xt_is_sent(&us->v[k]))
		k++;
	return k;
}

/* The first unit of the given span kind from unit a on, or us->n. */
static size_t
xt_first_span(const struct xt_units *us, size_t a, enum xt_kind kind)
{
	size_t c;

	for (c = a; c < us->n && !xt_is_span(us, c, kind); c++)
		;
	return c;
}

/* Is the lead photo's credit at unit c preceded by its own caption, a
 * line without a full stop, while the body run starts right after a
 * byline or a date (past cut boilerplate) or with the headline's own
 * line (long, no full stop)? Then the sentences between
 * are the article's lead: no caption (that is the line before the
 * credit) and no standfirst (that stands before the byline). */
static int
xt_lead_before_photo(const struct xt_units *us, size_t c)
{
	size_t k = us->run_a;

	if (c == 0 || us->v[c - 1].kind != U_TITLE || us->v[c - 1].ended ||
	    us->v[c - 1].words < XT_CAPTION_LINE)
		return 0;
	if (us->v[k].kind == U_SENT && !us->v[k].ended)
		return 1;	/* the run starts with the headline's line */
	while (k > 0 && xt_soft(&us->v[k - 1]))
		k--;
	return k > 0 && (xt_is_span(us, k - 1, XK_BYLINE) ||
	    xt_is_span(us, k - 1, XK_DATE));
}

/* A few sentences before the lead photo, the dateline ("BERLIN --"),
 * the byline or the date inside the run are the standfirst or a
 * caption: the article starts after them. */
static void
xt_trim_head(struct xt_units *us)
{
	size_t c, k, sents;
	enum xt_kind kinds[] = {XK_CREDIT, XK_DATELINE, XK_BYLINE, XK_DATE};
	unsigned i;

	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		/* the lead photo is the page's first; the others the run's */
		c = xt_first_span(us, kinds[i] == XK_CREDIT ? 0 : us->run_a,
		    kinds[i]);
		if (c <= us->run_a || c >= us->run_b ||
		    (kinds[i] == XK_CREDIT && xt_lead_before_photo(us, c)))
			continue;
		for (k = us->run_a, sents = 0; k < c; k++)
			sents += xt_is_sent(&us->v[k]) && us->v[k].ended;
		if (sents <= 2)
			us->run_a = xt_first_sent(us, c, us->run_b);
	}
}

/* Weight of a unit in the body search: real sentences count their
 * words past the first few (a teaser line or "shared 40 times." adds
 * next to nothing), everything else costs a little (sub-headings,
 * widget labels), more when short or in Title Case (menus), a third of
 * its words when long (teaser titles strung together), or ends
 * the search (comment forms and counters, copyright footers): the body
 * is the stretch of units with the largest total, so short boilerplate
 * gaps inside an article are crossed and long menus are not. */
long
xt_weight(const struct xt_unit *u)
{
	if (u->kind == U_FORM || u->kind == U_LEGAL || u->end ||
	    (u->kind == U_SPAN &&
	    (u->span == XK_COUNTER || u->span == XK_FORM ||
	    u->span == XK_STAMP || u->span == XK_REPLY ||
	    u->span == XK_AUTHOR || u->span == XK_SOURCES ||
	    u->span == XK_CREDITS)))
		return -XT_HARD_GAP;
	if (u->live)
		return 0;	/* a live blog's entry head, title, button */
	if (xt_soft(u) && !(u->role == R_DROP && u->kind == U_TITLE))
		return -1;	/* a known insert; teaser titles cost as titles */
	if (u->row && u->kind == U_TITLE)
		return (long)u->words / 2;	/* a table's row: data */
	if (u->qa && u->kind == U_TITLE)
		return 0;	/* a short question or answer of an interview */
	switch (u->kind) {
	case U_SENT:
		return (long)u->words - XT_SHORT_SENT;
	case U_TITLE:
		if (u->words >= 4 && u->caps * 10 > u->words * 6)
			return -(4 + (long)u->words / 4);	/* menu run */
		if (u->item)
			return 0;	/* a list item without its full stop */
		return u->words >= 8 ? -(long)u->words / 3 :
		    u->words >= 4 || u->ended ? -2 : -4;
	case U_SPAN:
		return u->span == XK_DATE ? -6 : u->span == XK_BYLINE ? -10 : -4;
	default:
		return 0;
	}
}

/* A time stamp ("2 hours ago") that ends the body at unit k follows
 * the title of the first teaser or comment, and a "Reply" button the
 * first comment: a short sentence right before it is that title or
 * comment, not the article's last sentence. */
static void
xt_stamp_title(struct xt_units *us, size_t k)
{
	if ((xt_is_span(us, k, XK_STAMP) || xt_is_span(us, k, XK_REPLY)) &&
	    us->run_b == k && k > us->run_a &&
	    xt_is_sent(&us->v[k - 1]) && us->v[k - 1].words <= XT_TEASER_MAX)
		us->run_b = k - 1;
	while (us->run_b > us->run_a && !xt_is_sent(&us->v[us->run_b - 1]) &&
	    !us->v[us->run_b - 1].row)
		us->run_b--;	/* the comment's name and date */
}

/* Unit k is the date or byline of another story: a title (and byline)
 * before it, a sentence after it. Pages run their next article or a list of
 * teasers with their first paragraphs after the article. */
static int
xt_next_story(const struct xt *x, const struct xt_units *us, size_t k)
{
	size_t j = k;
	const char *p;

	if ((!xt_is_span(us, k, XK_DATE) && !xt_is_span(us, k, XK_BYLINE)) ||
	    k < 2 || !xt_is_sent(&us->v[k + (k + 1 < us->n)]))
		return 0;
	if (xt_is_span(us, k, XK_DATE) && xt_is_span(us, j - 1, XK_BYLINE))
		j--;
	p = x->s + x->t[us->v[j - 1].b - 1].off;
	if (p[0] == '@' || (p[0] == '(' && p[1] == '@'))
		return 0;	/* "— Name (@handle) date": an embedded post */
	return us->v[j - 1].kind == U_TITLE;
}

/* Unit k is a "Related" / "More on this story" marker over a list of
 * dated teasers: two dates or more in the units after it. An inline
 * "Recommended" box in the body holds one story. */
static int
xt_dated_teasers(const struct xt_units *us, size_t k)
{
	size_t j, dates = 0;

	if (!xt_is_span(us, k, XK_RECO))
		return 0;
	for (j = k + 1; j < us->n && j <= k + XT_TEASER_UNITS; j++)
		dates += xt_is_span(us, j, XK_DATE);
	return dates >= 2;
}

int
xt_kept(const struct xt_units *us, size_t k)
{
	return xt_is_sent(&us->v[k]) || (us->v[k].kind == U_TITLE &&
	    us->v[k].role == R_NONE) || (us->v[k].post && us->v[k].role ==
	    R_NONE);
}

/* A page with no article in prose (results, a table, a list of dates):
 * the body is what stands between its date or byline and the first
 * hard end (comments, copyright footer), when it holds many more words
 * than the best stretch of prose and most of them are on lines with
 * numbers (menus have none). Returns 1 when it took the body. */
static int
xt_units_data(struct xt_units *us, long best)
{
	size_t h, k, words = 0, numeric = 0;

	for (h = 0; h < us->n && !xt_is_span(us, h, XK_DATE) &&
	    !xt_is_span(us, h, XK_BYLINE); h++)
		;
	for (k = h + 1; k < us->n && xt_weight(&us->v[k]) > -XT_HARD_GAP;
	    k++)
		if (xt_kept(us, k)) {
			words += us->v[k].words;
			numeric += us->v[k].digits ? us->v[k].words : 0;
		}
	if (h >= us->n || words < XT_DATA_MIN || numeric * 2 < words ||
	    (long)words < 4 * best)
		return 0;
	while (k > h + 1 && !xt_kept(us, k - 1))
		k--;
	us->run_a = h + 1;
	us->run_b = k;
	return 1;
}

/* Unit k is a list's heading ("Tour dates", "Termine", "Fechas de la
 * gira", "Its dates:"): a short line without numbers, not boilerplate
 * (a line or a phrase ending in a colon), before a line with numbers.
 * Returns 1 if so. */
static int
xt_list_heading(const struct xt *x, const struct xt_units *us, size_t k)
{
	return k + 1 < us->n && (us->v[k].kind == U_TITLE ||
	    (us->v[k].kind == U_SENT && (x->t[us->v[k].b - 1].flags &
	    TF_COLON))) && us->v[k].role == R_NONE && us->v[k].digits == 0 &&
	    us->v[k].words <= XT_LIST_HEAD && us->v[k + 1].kind == U_TITLE &&
	    us->v[k + 1].role == R_NONE && us->v[k + 1].digits > 0;
}

/* A list of dates or results right after the last sentence ("Tour
 * dates: June 9 -- ...") is part of the article: lines with numbers
 * (XT_LIST_ITEMS of them at least), none of them boilerplate,
 * announced by a word with a colon before a number or a month ("dates:
 * June 9", not "Tel.: +49"), or followed by the
 * article's credits line. */
static void
xt_units_tail(const struct xt *x, struct xt_units *us)
{
	size_t k, i, items = 0;
	int colon = 0;

	if (us->run_b == us->run_a)
		return;		/* no body to add to */
	k = us->run_b + xt_list_heading(x, us, us->run_b);
	for (; k < us->n && xt_list_line(us, k); k++)
		items += us->v[k].digits;
	if (items < XT_LIST_ITEMS)
		return;
	for (i = us->v[us->run_b - 1].b - 1; i < us->v[us->run_b].b &&
	    i + 1 < x->nt; i++)
		colon |= (x->t[i].flags & TF_COLON) && (x->t[i].flags &
		    TF_LOWER) && ((x->t[i + 1].flags & TF_DIGIT) ||
		    (x->t[i + 1].cls & XC_MONTH));
	if (colon || xt_is_span(us, k, XK_CREDITS))
		us->run_b = k;
}

/* A name of two or three capitalised words at the start of unit u,
 * then lower case, and a role word ("reporter", "Redakteurin") soon
 * after: "Petra Lange ist Redakteurin im Lokalteil ...". */
static int
xt_role_note(const struct xt *x, const struct xt_unit *u)
{
	size_t k = u->a, n;

	while (k < u->b && k < u->a + 3 && (x->t[k].flags & TF_CAP) &&
	    !(x->t[k].cls & XC_FUNC))
		k++;
	if (k < u->a + 2 || k >= u->b || !(x->t[k].flags & TF_LOWER) ||
	    (x->t[k - 1].flags & TF_COMMA))
		return 0;	/* "Jane Doe, a reporter" is prose */
	for (n = k; n < u->b && n < k + XT_ROLE_NEAR; n++)
		if (x->t[n].cls & XC_ROLE)
			return 1;
	return 0;
}

/* Unit k is an author's note: a sentence that starts with a name of
 * the byline and goes on in lower case ("Luis García es periodista
 * ...", "Jane Doe is a reporter ..."), or with any name and a role. */
static int
xt_bio(const struct xt *x, const struct xt_units *us, size_t k)
{
	const struct xt_unit *u = &us->v[k];
	const char *p = x->s + x->t[u->a].off;
	size_t i, n;

	if (!xt_is_sent(u))
		return 0;
	if (xt_role_note(x, u))
		return 1;
	for (i = 0; i < x->a->byline.n; i++) {
		n = strlen(x->a->byline.v[i]);
		if (n + 1 < x->n - x->t[u->a].off && memcmp(p, x->a->byline.v[i],
		    n) == 0 && p[n] == ' ' && p[n + 1] >= 'a' && p[n + 1] <= 'z')
			return 1;
	}
	return 0;
}

/* A line of prose without its full stop (mostly lower case, some
 * function words, long) right after a sentence or another such line
 * is a list item: bullet lists often lack full stops. Teaser titles
 * and menus are capitalised or short. */
static void
xt_items(struct xt_units *us)
{
	size_t k;
	struct xt_unit *u;

	for (k = 1; k < us->n; k++) {
		u = &us->v[k];
		u->item = u->kind == U_TITLE && u->role == R_NONE &&
		    u->words >= XT_ITEM_PROSE && u->func >= 2 &&
		    u->caps * 5 <= u->words && u->lower * 10 >= u->words * 7 &&
		    (u[-1].item || xt_is_sent(&u[-1]));
	}
}

/* Unit u is a press release's note on the company: a sentence that
 * starts with a name (one to three capitalised words) going on in lower
 * case, with XT_ORG_WORDS company words ("Norvia is a leading provider
 * of ... solutions", "Norvia ist ein Anbieter von ... Lösungen"). */
int
xt_company_note(const struct xt *x, const struct xt_unit *u)
{
	size_t k = u->a, org = 0;

	while (k < u->b && k < u->a + 3 && (x->t[k].flags & TF_CAP) &&
	    !(x->t[k].cls & XC_FUNC))
		k++;
	if (k == u->a || k >= u->b || !(x->t[k].flags & TF_LOWER) ||
	    (x->t[k - 1].flags & (TF_COMMA | TF_END)))
		return 0;
	for (; k < u->b; k++)
		org += (x->t[k].cls & XC_ORG) != 0;
	return xt_is_sent(u) && org >= XT_ORG_WORDS;
}

/* The company's note in the last half of the body ends it: press
 * releases close with it. Earlier, such a sentence introduces the
 * company the story is about. */
static void
xt_company_tail(const struct xt *x, struct xt_units *us)
{
	size_t k, before = 0, total = 0;

	for (k = us->run_a; k < us->run_b; k++)
		total += xt_kept(us, k) ? us->v[k].words : 0;
	for (k = us->run_a; k < us->run_b; k++) {
		if (before * 2 >= total && before > 0 &&
		    xt_company_note(x, &us->v[k]))
			break;
		before += xt_kept(us, k) ? us->v[k].words : 0;
	}
	if (k == us->run_b)
		return;
	us->run_b = k;
	k = xt_footnotes_at(x, us);
	while (us->run_b > us->run_a && us->run_b - 1 < k &&
	    !xt_is_sent(&us->v[us->run_b - 1]))
		us->run_b--;
}

void
xt_units_body(const struct xt *x, struct xt_units *us)
{
	size_t k, a = 0;
	long sum = 0, best = 0, w;

	xt_items(us);
	xt_live_units(x, us);
	for (k = 0; k < us->n; k++) {
		int story = xt_next_story(x, us, k) ||
		    xt_dated_teasers(us, k);

		w = story || xt_bio(x, us, k) ? -XT_HARD_GAP :
		    xt_weight(&us->v[k]);
		if (w <= -XT_HARD_GAP && best >= (story ? XT_STORY_MIN :
		    XT_ARTICLE_MIN)) {
			xt_stamp_title(us, k);
			break;	/* comments or other stories follow */
		}
		if (w <= -XT_HARD_GAP)
			sum = 0;	/* what came before was no article */
		if (sum <= 0) {
			if (w <= 0 || !xt_is_sent(&us->v[k]))
				continue;
			sum = 0;
			a = k;
		}
		sum += w;
		if (sum > best) {
			best = sum;
			us->run_a = a;
			us->run_b = k + 1;
		}
	}
	if (best < XT_ARTICLE_MIN && xt_units_data(us, best))
		return;
	while (us->run_b > us->run_a && us->run_b < us->n &&
	    us->v[us->run_b].post)
		us->run_b++;	/* the signature of a post ending the body */
	xt_recall_tail(x, us);
	xt_units_tail(x, us);
	xt_company_tail(x, us);
	xt_trim_head(us);
}

