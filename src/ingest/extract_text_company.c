/* extract_text_company.c - a company's note over several sentences.
 *
 * A press release closes with a note on the company; the body search
 * ends the body at its first sentence that reads as one ("Norvia is a
 * leading provider of ... solutions", see xt_company_tail()). The note
 * often has more sentences before that one which do not: "Norvia's
 * mission is to ...", "The vision of Norvia is ...", "Founded in 1990,
 * Norvia ...", and run together, its first sentence is glued to the
 * line before it (a reference list's last item: "... Health Technology
 * Hazard Norvia is a global provider ..."). Walking back from the
 * note, a sentence naming the company (the note's first capitalised
 * words, maybe with "'s") within its first XT_NOTE_HEAD words is the
 * note's, and a unit in which the name starts a clause inside (not
 * after a function word or a comma) is cut there, its head kept. The
 * walk stops at the first other unit: the article's last sentences
 * name the company further on ("said Jane Roe, head of sales at
 * Norvia").
 */
#include "ingest/extract_text_int.h"

#include <string.h>

#define XT_NOTE_HEAD	4	/* words in which a note's sentence names it */
#define XT_NOTE_NAME	3	/* words of the company's name at most */

/* Does the name (words [n, n + len)) stand at word i, its last word
 * maybe with "'s" or "’s"? */
static int
xt_company_at(const struct xt *x, size_t n, size_t len, size_t i)
{
	char a[XT_KEY_MAX], b[XT_KEY_MAX];
	size_t j, la, lb;

	if (i + len > x->nt)
		return 0;
	for (j = 0; j < len; j++) {
		la = xt_key(x, n + j, a);
		lb = xt_key(x, i + j, b);
		if (la == 0 || lb < la || memcmp(a, b, la) != 0)
			return 0;
		if (lb == la)
			continue;
		if (j + 1 < len || !((lb == la + 2 && memcmp(b + la, "'s", 2) ==
		    0) || (lb == la + 4 && memcmp(b + la, "\xE2\x80\x99s", 4) ==
		    0)))
			return 0;
	}
	return 1;
}

/* Where in unit u does the company's name start a clause glued to the
 * words before it (followed by lower case; not after a function word,
 * a comma or a sentence's end)? 0 if nowhere. */
static size_t
xt_company_glued(const struct xt *x, const struct xt_unit *u, size_t n,
    size_t len)
{
	size_t i;

	for (i = u->a + 1; i + len < u->b; i++) {
		const struct xt_tok *p = &x->t[i - 1];

		if ((p->cls & XC_FUNC) || (p->flags & (TF_COMMA | TF_END)) ||
		    !(x->t[i + len].flags & TF_LOWER))
			continue;
		if (xt_company_at(x, n, len, i))
			return i;
	}
	return 0;
}

void
xt_company_before(const struct xt *x, struct xt_units *us)
{
	const struct xt_unit *note;
	size_t len = 0, i, g, k;

	if (us->run_b >= us->n || us->run_b == us->run_a ||
	    !xt_company_note(x, &us->v[us->run_b]))
		return;
	note = &us->v[us->run_b];
	while (len < XT_NOTE_NAME && note->a + len < note->b &&
	    (x->t[note->a + len].flags & TF_CAP) &&
	    !(x->t[note->a + len].cls & XC_FUNC))
		len++;
	for (k = us->run_b; k > us->run_a + 1; k--) {
		struct xt_unit *u = &us->v[k - 1];

		if (!xt_is_sent(u))
			break;
		for (i = u->a; i < u->b && i < u->a + XT_NOTE_HEAD; i++)
			if (xt_company_at(x, note->a, len, i))
				break;
		if (i < u->b && i < u->a + XT_NOTE_HEAD)
			continue;	/* "Norvia's mission is ..." */
		if ((g = xt_company_glued(x, u, note->a, len)) != 0)
			u->b = g;	/* the note's first sentence glued on */
		break;
	}
	us->run_b = k;
}
