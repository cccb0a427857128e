/* extract_text_button.c - teaser cards closed by a "Read more" button.
 *
 * A card linking to another story often stands inside the article as
 * its title, a summary cut short or one short sentence, and a button
 * ("Read more", "Weiterlesen", "Lire la suite", "Leer más", "Leia
 * mais", "Leggi di più", "Lees meer", "Читать далее") after them: the
 * marker comes last, so the teaser rules that read the headings after
 * a marker miss it. A button unit whose unit before is a summary (a
 * text without its closing punctuation, or a sentence of at most
 * XT_CARD_SUMMARY words) with a title-like unit before that: the
 * summary and the titles right before it (up to XT_CARD_TITLES: a
 * section word, the title) are the card's and go. Run together, the
 * title is glued to a summary cut short: that unit alone (at most
 * XT_CARD_GLUED words) goes; the button is read there when it follows
 * a lower-case word with no mark (xt_button_at()). An article's
 * paragraph before a button has no title right before it, and a
 * "Related" marker (which comes before its teasers) is no button.
 */
#include "ingest/extract_text_int.h"

#include <string.h>

#define XT_CARD_SUMMARY	20	/* words of a card's one-sentence summary */
#define XT_CARD_TITLES	3	/* title-like units of a card at most */
#define XT_CARD_GLUED	40	/* words of a title and its cut text glued */

/* first words of the buttons: a quick test before the phrases */
static const char *const xt_button_first[] = {
	"read", "continue", "weiterlesen", "mehr", "lire", "leer", "seguir",
	"leia", "leggi", "continua", "lees", "verder", "читать", "baca",
};

static const char *const xt_buttons[] = {
	"read more", "read full story", "continue reading", "weiterlesen",
	"mehr lesen", "lire la suite", "leer más", "seguir leyendo",
	"leia mais", "continue lendo", "leggi di più", "continua a leggere",
	"lees meer", "verder lezen", "читать далее", "baca selengkapnya",
};

/* Are words [a, b) one of the buttons (folded, any case)? */
int
xt_button_at(const struct xt *x, size_t a, size_t b)
{
	char key[XT_KEY_MAX], s[64];
	size_t k, n = 0, m;

	if (b - a > 4)
		return 0;
	for (k = a; k < b; k++) {
		m = xt_key(x, k, key);
		if (m == 0 || n + m + 1 >= sizeof(s))
			return 0;
		if (n > 0)
			s[n++] = ' ';
		memcpy(s + n, key, m);
		n += m;
	}
	return n > 0 && xt_in_list(s, n, xt_buttons, XT_NELEM(xt_buttons));
}

/* Can a button start at word i? */
static int
xt_button_start(const struct xt *x, size_t i)
{
	char key[XT_KEY_MAX];
	unsigned char c = (unsigned char)x->s[x->t[i].off];
	size_t n;

	if (c != 0xD0 && c != 0xD1 && strchr("RCWMLSVB", c) == NULL)
		return 0;	/* a cheap test before the look-up */
	n = xt_key(x, i, key);
	return n > 0 && xt_in_list(key, n, xt_button_first,
	    XT_NELEM(xt_button_first));
}

/* A button run together with the text it closes: right after a
 * lower-case word with no mark (a summary cut short: "... died due to
 * Read more Advertisement ...") and before a capital or a line break.
 * Its words are marked XK_RECO, so it is a unit of its own. */
void
xt_glued_buttons(struct xt *x)
{
	size_t i, e;

	for (i = 1; i < x->nt; i++) {
		const struct xt_tok *p = &x->t[i - 1];

		if (!(x->t[i].flags & TF_CAP) || x->t[i].kind != XK_TEXT ||
		    !(p->flags & TF_LOWER) || p->kind != XK_TEXT ||
		    (p->flags & (TF_END | TF_COMMA | TF_COLON)) ||
		    !xt_button_start(x, i))
			continue;
		for (e = i + 1; e <= i + 3 && e < x->nt; e++)
			if (x->t[e - 1].kind == XK_TEXT &&
			    (x->t[e].flags & (TF_NL | TF_CAP)) &&
			    xt_button_at(x, i, e))
				break;
		if (e > i + 3 || e >= x->nt)
			continue;
		for (; i < e; i++) {
			x->t[i].kind = XK_RECO;
			x->t[i].span = !(x->t[i - 1].kind == XK_RECO);
		}
	}
}

static int
xt_is_button(const struct xt *x, const struct xt_unit *u)
{
	return xt_button_at(x, u->a, u->b);
}

/* Is unit k a card's summary: cut short, or one short sentence? A
 * table's row is data, never a card's. */
static int
xt_is_summary(const struct xt_units *us, size_t k)
{
	const struct xt_unit *u = &us->v[k];

	return u->role == R_NONE && !u->row && (u->kind == U_SENT ||
	    u->kind == U_TITLE) && (!u->ended || (u->kind == U_SENT &&
	    u->words <= XT_CARD_SUMMARY));
}

void
xt_read_more(const struct xt *x, struct xt_units *us)
{
	size_t k, j;

	for (k = 2; k < us->n; k++) {
		if (!xt_is_summary(us, k - 1) || !xt_is_button(x, &us->v[k]))
			continue;
		if (us->v[k - 2].kind != U_TITLE || us->v[k - 2].role !=
		    R_NONE) {
			/* run together: the title glued to the cut text */
			if (!us->v[k - 1].ended && us->v[k - 1].words <=
			    XT_CARD_GLUED)
				us->v[k - 1].role = R_DROP;
			continue;
		}
		us->v[k - 1].role = R_DROP;
		for (j = k - 1; j > 0 && k - 1 - j < XT_CARD_TITLES &&
		    us->v[j - 1].kind == U_TITLE && us->v[j - 1].role == R_NONE;
		    j--)
			us->v[j - 1].role = R_DROP;
	}
}
