/* extract_text_caps.c - words in capitals: headlines linking to other
 * stories, and a place line opening a press release.
 *
 * News pages put links to other stories between an article's
 * paragraphs, written all in capitals ("MAYOR OPENS UP ABOUT HER
 * FIRST YEAR IN OFFICE"), where the HTML has them as links or promo
 * blocks. A sub-heading in capitals is short ("THE VERDICT",
 * "KAZAKHSTAN WINS AGAIN") or a question; a headline is longer. A run
 * of XT_CAPS_MIN to XT_CAPS_MAX words in capitals (numbers and signs
 * may stand between them) that follows a sentence's end, holds no
 * sentence mark and is followed by a line break, the end of the text
 * or a word that is not in capitals (run together, the next paragraph
 * glues onto it: "... FIRST YEAR IN OFFICE The council ...") is
 * such a link: marked XK_LINK, a known insert the body passes over
 * and does not write. Only the letters' case is read, so it holds in
 * every script with case (Latin, Greek, Cyrillic); caseless scripts
 * have no capitals and are never marked.
 *
 * A press release may put its dateline on a line of its own without
 * the dash: "BAAR, SWITZERLAND", then the first paragraph. Two to
 * XT_PLACE_MAX words in capitals with a comma after the first part,
 * no figure and no sentence mark, at a line's start (or after a
 * sentence's end, run together) and followed by a line break or a
 * capitalised word that is not in capitals, naming no agency ("ITV,
 * ASSOCIATED PRESS" is a credit), is a dateline (XK_DATELINE): what
 * stands before it is a headline and standfirst, and it opens the
 * first paragraph, as the HTML extractor keeps it.
 */
#include "ingest/extract_text_int.h"

#define XT_CAPS_MIN	6	/* words in capitals of a headline link */
#define XT_CAPS_MAX	16	/* words of it at most: no legal notice */
#define XT_PLACE_MAX	4	/* words of a place line in capitals */

/* Word i may stand in a headline in capitals: capitals, a number, a
 * sign, or one capital letter ("MACH E", "О" in Russian: one or two
 * bytes of UTF-8). */
static int
xt_caps_word(const struct xt *x, size_t i)
{
	const struct xt_tok *t = &x->t[i];
	unsigned char c = (unsigned char)x->s[t->off];

	return t->kind == XK_TEXT && !(t->flags & (TF_END | TF_CELL)) &&
	    ((t->flags & (TF_UPPER | TF_DIGIT | TF_PUNCT)) ||
	    ((t->flags & TF_CAP) && (t->len == 1 || (t->len == 2 &&
	    c >= 0xC0 && c < 0xE0))));
}

/* The end of a headline link starting at i, or 0. */
static size_t
xt_caps_run(const struct xt *x, size_t i)
{
	size_t e, upper = 0;

	if (i == 0 || !(x->t[i - 1].flags & TF_END) ||
	    !(x->t[i].flags & TF_UPPER))
		return 0;
	for (e = i; e < x->nt && e - i <= XT_CAPS_MAX && xt_caps_word(x, e) &&
	    (e == i || !(x->t[e].flags & TF_NL)); e++)
		upper += (x->t[e].flags & TF_UPPER) != 0;
	if (upper < XT_CAPS_MIN || e - i > XT_CAPS_MAX || e >= x->nt)
		return 0;
	return (x->t[e].flags & (TF_NL | TF_CAP)) ? e : 0;
}

/* The end of a place line in capitals at i ("BAAR, SWITZERLAND"), or
 * 0. */
static size_t
xt_place_line(const struct xt *x, size_t i)
{
	size_t e;
	int comma = 0;

	if (!((x->t[i].flags & TF_NL) || (i > 0 && (x->t[i - 1].flags &
	    TF_END))))
		return 0;
	for (e = i; e < x->nt && e - i < XT_PLACE_MAX &&
	    x->t[e].kind == XK_TEXT && (x->t[e].flags & TF_UPPER) &&
	    !(x->t[e].flags & TF_END) && (e == i || !(x->t[e].flags &
	    TF_NL)); e++) {
		if (xt_agency(x, e))
			return 0;
		comma |= e + 1 < x->nt && (x->t[e].flags & TF_COMMA) &&
		    !(x->t[e + 1].flags & TF_NL);
	}
	if (e < i + 2 || !comma || (x->t[e - 1].flags & TF_COMMA) ||
	    e >= x->nt || !(x->t[e].flags & TF_CAP) ||
	    (x->t[e].flags & TF_UPPER))
		return 0;
	return e;
}

void
xt_caps_links(struct xt *x)
{
	size_t i, e;

	for (i = 1; i < x->nt; i++) {
		enum xt_kind kind = XK_LINK;

		if ((e = xt_caps_run(x, i)) == 0 &&
		    (e = xt_place_line(x, i)) != 0) {
			kind = XK_DATELINE;
			if (x->a->dateline == NULL)
				xt_text(x, i, e, &x->a->dateline);
		}
		if (e == 0)
			continue;
		xt_mark(x, i, e, kind);
		i = e - 1;
	}
}
