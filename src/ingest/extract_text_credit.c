/* extract_text_credit.c - photo credits written after their caption.
 *
 * News agencies sign photos at the end of the caption, with no marker
 * word before: "(AP Photo/Alan Diaz, File)", "(Manu Fernandez/AP)",
 * "Natalie Naccache | Bloomberg | Getty Images", "Jaafar Ashtiyeh /
 * AFP", "Al Goldis, Associated Press"; in square brackets at the end
 * of a caption, "[File: Reuters]", "[SpaceX via Nasa]"; glued to the
 * caption's full stop, "... in New York.Reuters" (xt_words() splits it
 * off, TF_GLUED). An agency's name in brackets, or after a separator
 * ("|", "/", ",", "via"), with the photographer's name before it, is
 * marked as a credit, so the caption sentence before it is told from
 * the article (see xt_inline_captions()). An agency's name in prose
 * ("Reuters reported on Monday") has none of these.
 */
#include "ingest/extract_text_int.h"

#include <string.h>

#define XT_BRACKET_MAX	8	/* words of a credit in brackets */
#define XT_PHOTOGRAPHER	4	/* words of a name before the agency */

static const char *const xt_agencies[] = {
	"ap", "afp", "reuters", "epa", "dpa", "getty", "shutterstock",
	"istock", "alamy", "xinhua", "imago", "keystone", "anp", "ansa",
};

/* Is the folded key (n bytes) an agency's name? */
static int
xt_agency_key(const char *key, size_t n)
{
	return xt_in_list(key, n, xt_agencies, XT_NELEM(xt_agencies));
}

int
xt_agency_name(const char *p, size_t n)
{
	char key[XT_KEY_MAX];
	size_t k;

	if (n == 0 || n >= XT_KEY_MAX)
		return 0;
	for (k = 0; k < n; k++)
		key[k] = (char)(p[k] >= 'A' && p[k] <= 'Z' ? p[k] | 0x20 :
		    p[k]);
	return xt_agency_key(key, n);
}

/* Does word i name an agency, or end in "/Agency" ("Fernandez/AP)")?
 * "Associated Press" and "Getty Images" count by their first word. */
int
xt_agency(const struct xt *x, size_t i)
{
	char key[XT_KEY_MAX];
	size_t n = xt_key(x, i, key), k;
	const char *p = x->s + x->t[i].off;

	if (n == 10 && memcmp(key, "associated", 10) == 0)
		return i + 1 < x->nt && x->t[i + 1].len >= 5 &&
		    memcmp(x->s + x->t[i + 1].off, "Press", 5) == 0;
	if (!(x->t[i].flags & (TF_CAP | TF_UPPER)) && !(x->t[i].len >= 2 &&
	    p[0] >= 'a' && p[0] <= 'z' && p[1] >= 'A' && p[1] <= 'Z'))
		return 0;	/* a name, "AFP" or "iStock" */
	for (k = n; k > 0 && key[k - 1] != '/'; k--)
		;
	if (xt_agency_key(key + k, n - k))
		return 1;
	return n > 0 && p[0] == '(' && k > 0 && (xt_agency_key(key, k - 1) ||
	    (xt_classify(x, key, k - 1) & XC_PHOTO));	/* "(AP Photo/..." */
}

/* Word i ends a bracket: "File)", "AP),", "Reuters]" (close is the
 * closing sign). */
static int
xt_closes(const struct xt *x, size_t i, char close)
{
	const char *p = x->s + x->t[i].off;
	size_t n = x->t[i].len;

	while (n > 1 && (p[n - 1] == ',' || p[n - 1] == '.'))
		n--;
	return p[n - 1] == close;
}

/* A credit's sign inside square brackets at word k of [i, ...): a
 * photo or file word with its colon first ("[File: Reuters]", "[Photo:
 * Jo Lee]") or "via" between two capitals ("[SpaceX via Nasa]"). */
static int
xt_square_sign(const struct xt *x, size_t i, size_t k)
{
	const char *p = x->s + x->t[k].off;

	if (k == i)
		return (x->t[k].flags & TF_COLON) && ((x->t[k].cls &
		    XC_PHOTO) || xt_is_word(x, k, "file") ||
		    xt_is_word(x, k, "[file"));
	return x->t[k].len == 3 && memcmp(p, "via", 3) == 0 &&
	    k + 1 < x->nt && (x->t[k - 1].flags & TF_CAP) &&
	    (x->t[k + 1].flags & TF_CAP);
}

/* "(AP)", "(AP Photo/Alan Diaz, File)", "(Jacquelyn Martin /
 * Associated Press)": the end of the bracket at i when it names an
 * agency, else 0. */
static size_t
xt_bracket_credit(const struct xt *x, size_t i)
{
	size_t k;
	int agency = 0;
	char open = x->s[x->t[i].off], close = open == '[' ? ']' : ')';

	if (open != '(' && open != '[')
		return 0;
	for (k = i; k < x->nt && k < i + XT_BRACKET_MAX; k++) {
		if (x->t[k].kind != XK_TEXT || (k > i && (x->t[k].flags &
		    TF_NL)))
			return 0;
		agency |= xt_agency(x, k) || (open == '[' &&
		    xt_square_sign(x, i, k));
		if (xt_closes(x, k, close))
			return agency && (open == '(' ||
			    xt_bound_after(x, k + 1)) ? k + 1 : 0;
	}
	return 0;
}

/* A separator before a credit's agency: "|", "/", "via", a comma. */
static int
xt_separator(const struct xt *x, size_t i)
{
	const char *p = x->s + x->t[i].off;
	size_t n = x->t[i].len;

	return (n == 1 && (p[0] == '|' || p[0] == '/')) || (n == 3 &&
	    memcmp(p, "via", 3) == 0) || (x->t[i].flags & TF_COMMA) ||
	    memchr(p, '/', n) != NULL;
}

/* "Name | Getty Images", "Name / AFP", "Name, Associated Press": the
 * start of the credit whose agency is at i, or i + 1 when there is no
 * separator and name before it. */
static size_t
xt_credit_start(const struct xt *x, size_t i)
{
	size_t a = i, k;
	int sep = memchr(x->s + x->t[i].off, '/', x->t[i].len) != NULL;

	for (k = 0; a > 0 && k < XT_PHOTOGRAPHER * 2; k++) {
		const struct xt_tok *t = &x->t[a - 1];

		if (t->kind != XK_TEXT || (t->flags & TF_END) ||
		    !(t->flags & (TF_CAP | TF_PUNCT)) || (t->cls & XC_FUNC))
			break;
		sep |= xt_separator(x, a - 1);
		a--;
	}
	return sep && a < i ? a : i + 1;
}

/* End of the agency's name at i ("Getty Images", "Associated Press"). */
static size_t
xt_agency_end(const struct xt *x, size_t i)
{
	if (i + 1 < x->nt && x->t[i + 1].kind == XK_TEXT &&
	    ((x->t[i + 1].len >= 6 && memcmp(x->s + x->t[i + 1].off, "Images",
	    6) == 0) || (x->t[i + 1].len >= 5 && memcmp(x->s +
	    x->t[i + 1].off, "Press", 5) == 0)))
		return i + 2;
	return i + 1;
}

static void
xt_mark_credit(struct xt *x, size_t a, size_t e)
{
	size_t k;

	if (!x->have_credit) {
		xt_text(x, a, e, &x->a->image_credit);
		x->have_credit = x->a->image_credit != NULL;
	}
	for (k = a; k < e; k++) {
		x->t[k].kind = XK_CREDIT;
		x->t[k].span = k == a;
	}
}

void
xt_agency_credits(struct xt *x)
{
	size_t i, a, e;

	for (i = 0; i < x->nt; i++) {
		if (x->t[i].kind != XK_TEXT)
			continue;
		if ((x->t[i].flags & TF_UPPER) && xt_bound_before(x, i) &&
		    (e = xt_dateline(x, i)) > i) {
			/* "PARIS (Reuters) -" right after a credit that
			 * hid its boundary: a dateline, not a credit */
			for (a = i; a < e; a++) {
				x->t[a].kind = XK_DATELINE;
				x->t[a].span = a == i;
			}
			i = e - 1;
		} else if ((x->t[i].flags & TF_GLUED) && xt_agency(x, i) &&
		    i > 0 && (x->t[i - 1].flags & TF_END)) {
			/* "... in New York.Reuters": glued to the caption */
			e = xt_agency_end(x, i);
			xt_mark_credit(x, i, e);
			i = e - 1;
		} else if ((e = xt_bracket_credit(x, i)) != 0) {
			xt_mark_credit(x, i, e);
			i = e - 1;
		} else if (xt_agency(x, i) && (a = xt_credit_start(x, i)) <= i &&
		    xt_bound_after(x, (e = xt_agency_end(x, i)))) {
			xt_mark_credit(x, a, e);
			i = e - 1;
		}
	}
}
