/* extract_text_recall.c - article words the body search leaves at its
 * edges: the last items of a list that ends the article (they weigh
 * nothing, so the maximum-sum stretch stops before them).
 */
#include "ingest/extract_text_int.h"

#include <string.h>

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

#define XT_SENT_MAX	60	/* words of one long sentence at most */

/* Words [a, b) (a run-on unit of XT_SPLIT_MIN words or more) are one
 * long sentence of prose, not headlines and menu words strung together:
 * it ends in sentence punctuation, is at most XT_SENT_MAX words, one
 * word in four is a function word and at most two in five are
 * capitalised, no sentence starter ("The", "Der", "Le") follows a
 * lower-case word inside it, and it is a line of its own (maybe after
 * a dateline): a paragraph. Run together, a caption or headline glued
 * before the lede reads the same, so there the cut stays. News ledes
 * run to 40 words and more ("... was accused Wednesday of trying to ... between Prime Minister
 * Jane Roe and opposition leader Tom Lee."); the cut took them apart at
 * their names. */
/* Is the dash word i the end of a dateline ("(AP) —", "(dpa) -")? */
static int
xt_dateline_dash(const struct xt *x, size_t i)
{
	const char *p = x->s + x->t[i].off;
	size_t n = x->t[i].len;

	return i > 0 && x->t[i - 1].kind != XK_TEXT && ((n == 1 &&
	    p[0] == '-') || (n == 3 && memcmp(p, "\xe2\x80", 2) == 0 &&
	    (p[2] == '\x93' || p[2] == '\x94')));	/* "–", "—" */
}

/* Do words [a, b) stand as a paragraph: a line of their own (maybe
 * after a dateline or byline span), or, run together, right after a
 * dateline ("PORT ELLIS (AP) —") or a dash after a span ("... (AP) —
 * Britain's ...")? A caption or headline glued before a lede has
 * neither. */
static int
xt_paragraph(const struct xt *x, size_t a, size_t b)
{
	size_t i;

	if (xt_dateline_dash(x, a) || (a > 0 && x->t[a - 1].kind ==
	    XK_DATELINE))
		return 1;
	for (i = a; i > 0 && x->t[i - 1].kind != XK_TEXT; i--)
		;	/* a dateline or byline may open the line */
	return (x->t[i].flags & TF_NL) && (b >= x->nt ||
	    (x->t[b].flags & TF_NL));
}

int
xt_long_sentence(const struct xt *x, size_t a, size_t b)
{
	size_t i, words = 0, func = 0, caps = 0;

	if (b - a > XT_SENT_MAX || !(x->t[b - 1].flags & TF_END) ||
	    !xt_paragraph(x, a, b))
		return 0;
	for (i = a; i < b; i++) {
		const struct xt_tok *t = &x->t[i];

		if (t->flags & TF_IDEO)
			return 0;
		if (i > a && (t->flags & TF_CAP) && (t->cls & XC_STARTER) &&
		    (x->t[i - 1].flags & TF_LOWER) &&
		    !(x->t[i - 1].cls & XC_FUNC))
			return 0;	/* "... the harbour The new ..." */
		if (t->flags & TF_PUNCT)
			continue;
		words++;
		func += (t->cls & XC_FUNC) != 0;
		caps += (t->flags & TF_CAP) != 0;
	}
	return func * 4 >= words && caps * 5 <= words * 2;
}

#define XT_HEADLINE_MAX	14	/* words of a line of a list before the body */
#define XT_HEAD_ITEMS	3	/* lines of a list before the body at least */
#define XT_HEAD_WORDS	15	/* words of those lines at least */

/* Unit u is a line of its own and reads as text, not a menu item: two
 * words or more,
 * starting in lower case, or with a capital and at least half of the
 * words after the first in lower case ("Bugs fixed", "Better Android
 * support"; menus write "Log In", "About Me"). */
static int
xt_text_line(const struct xt *x, const struct xt_unit *u)
{
	size_t i, lower = 0, words = 0;

	if (u->kind != U_TITLE || u->role != R_NONE || u->row ||
	    u->words < 2 || u->words > XT_HEADLINE_MAX ||
	    !(x->t[u->a].flags & TF_NL) || (u->b < x->nt &&
	    !(x->t[u->b].flags & TF_NL)))
		return 0;	/* a line of its own, not a run-on's part */
	if (x->t[u->a].flags & TF_LOWER)
		return 1;
	for (i = u->a + 1; i < u->b; i++) {
		if (x->t[i].flags & TF_PUNCT)
			continue;
		words++;
		lower += (x->t[i].flags & (TF_LOWER | TF_NOCASE)) != 0;
	}
	return (x->t[u->a].flags & TF_CAP) && lower * 2 >= words;
}

/* The lines right before the body's first sentence (a bullet list
 * under a question, code lines after their intro) cost as titles, and
 * the body search starts after them. XT_HEAD_ITEMS text lines or more
 * (maybe with short sentences among them), XT_HEAD_WORDS words in all,
 * between the page's header and the body are its opening. The header
 * is a marked span: a date, a byline or a comment link right before
 * them, or a crumb, and then their first line is the headline and
 * stays out. After a sentence (a site's pitch over its menu) they are
 * no opening, and widget labels under a date ("Add to favourites")
 * are fewer and shorter. With blocks run together there are no lines,
 * only parts of run-on units (a menu's), and nothing changes. */
void
xt_recall_head(const struct xt *x, struct xt_units *us)
{
	size_t j = us->run_a, lines = 0, words = 0;

	if (us->run_b == us->run_a)
		return;
	for (; j > 0; j--) {
		const struct xt_unit *u = &us->v[j - 1];

		if (xt_text_line(x, u))
			lines++;
		else if (!(xt_is_sent(u) && u->words <= XT_HEADLINE_MAX))
			break;
		words += u->words;
	}
	if (lines < XT_HEAD_ITEMS || words < XT_HEAD_WORDS)
		return;	/* "Share this story", "Add to favourites" */
	if (j == 0 || us->v[j - 1].kind != U_SPAN)
		return;	/* a pitch over a menu, not a header */
	if (!(xt_is_span(us, j - 1, XK_DATE) || xt_is_span(us, j - 1,
	    XK_BYLINE) || xt_is_span(us, j - 1, XK_FORM) ||
	    xt_is_span(us, j - 1, XK_COUNTER)))
		j++;	/* a crumb before them: the first is the headline */
	us->run_a = j;
}

#define XT_WRAP_WORDS	4	/* words of a list line's wrapped tail */

/* Is unit k a line of a list of dates or results (xt_units_tail): a
 * title-like line with numbers, or a short one without (a place
 * wrapped onto a line of its own, "Seattle, WA") between two lines
 * with numbers? Without the second, the list stopped at the wrapped
 * line and its last items were lost. */
int
xt_list_line(const struct xt_units *us, size_t k)
{
	const struct xt_unit *u = &us->v[k];

	if (u->kind != U_TITLE || u->role != R_NONE)
		return 0;
	if (u->digits > 0)
		return 1;
	return u->words <= XT_WRAP_WORDS && k > 0 && k + 1 < us->n &&
	    us->v[k - 1].kind == U_TITLE && us->v[k - 1].digits > 0 &&
	    us->v[k + 1].kind == U_TITLE && us->v[k + 1].role == R_NONE &&
	    us->v[k + 1].digits > 0;
}

/* Does unit u start with a footnote's mark, "[1]" or "[12]"? */
static int
xt_footnote(const struct xt *x, const struct xt_unit *u)
{
	const char *p = x->s + x->t[u->a].off;
	size_t n = x->t[u->a].len, k;

	if (n < 3 || n > 4 || p[0] != '[' || p[n - 1] != ']')
		return 0;
	for (k = 1; k + 1 < n; k++)
		if (p[k] < '0' || p[k] > '9')
			return 0;
	return 1;
}

/* Where the body's end may be trimmed back to its last sentence (a
 * company's note ended it): not into the article's footnotes. A
 * report's sources ("[1] Alarm fatigue ... 2015; 28: 685-690." "[2]
 * ...") are cut into sentences and title-like pieces; from the first
 * unit that starts with a footnote mark, the units are the article's.
 * Returns that unit, or run_b when there is none. */
size_t
xt_footnotes_at(const struct xt *x, const struct xt_units *us)
{
	size_t k;

	for (k = us->run_a; k < us->run_b; k++)
		if (xt_footnote(x, &us->v[k]))
			return k;
	return us->run_b;
}
