/* extract_text_caps.c - headlines in capitals linking to other stories.
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
 */
#include "ingest/extract_text_int.h"

#define XT_CAPS_MIN	6	/* words in capitals of a headline link */
#define XT_CAPS_MAX	16	/* words of it at most: no legal notice */

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

void
xt_caps_links(struct xt *x)
{
	size_t i, e, k;

	for (i = 1; i < x->nt; i++) {
		if ((e = xt_caps_run(x, i)) == 0)
			continue;
		for (k = i; k < e; k++) {
			x->t[k].kind = XK_LINK;
			x->t[k].span = k == i;
		}
		i = e - 1;
	}
}
