/* extract_text_disclaim.c - a site's disclaimers after the article.
 *
 * Health, finance and science sites close every page with the same
 * legal notes: "These statements have not been evaluated by the Food
 * and Drug Administration", "not intended to diagnose, treat, cure or
 * prevent any disease", "The content is provided for information
 * purposes only", "no part may be reproduced without the written
 * permission", "dient nur zu Informationszwecken", "stellt keine
 * Anlageberatung dar", "à titre informatif uniquement", "ne constitue
 * pas un conseil", "con fines informativos", "a scopo informativo",
 * "para fins informativos", "uitsluitend ter informatie". They are
 * sentences, and after a teaser box they outweighed it and took the
 * body past it. XT_DISCLAIM_MIN units with such a phrase within
 * XT_DISCLAIM_UNITS units are the site's notes: a hard end at the
 * first (like a copyright line). One such sentence alone stays (an
 * article may quote a label).
 */
#include "ingest/extract_text_int.h"

#include <string.h>

#define XT_DISCLAIM_MIN		2	/* units with a disclaimer phrase */
#define XT_DISCLAIM_UNITS	6	/* ... within so many units */
#define XT_DISCLAIM_ANCHOR	6	/* bytes of a phrase's anchor at least */

/* Disclaimer phrases, folded words separated by one space, each with
 * its anchor: the word (of XT_DISCLAIM_ANCHOR bytes or more) looked
 * for first, so most words are passed over on their length. */
static const struct {
	const char *p;
	unsigned anchor;	/* index of the anchor word in p */
	const char *w;		/* the anchor word */
} xt_disclaimers[] = {
	{"informational purposes only", 1, "purposes"},
	{"information purposes only", 1, "purposes"},
	{"educational purposes only", 1, "purposes"},
	{"not intended to diagnose", 3, "diagnose"},
	{"not been evaluated by the food", 2, "evaluated"},
	{"no part may be reproduced", 4, "reproduced"},
	{"not constitute financial advice", 1, "constitute"},
	{"not constitute investment advice", 1, "constitute"},
	{"not constitute medical advice", 1, "constitute"},
	{"not constitute legal advice", 1, "constitute"},
	{"nur zu informationszwecken", 2, "informationszwecken"},
	{"ausschließlich zu informationszwecken", 2, "informationszwecken"},
	{"keine anlageberatung", 1, "anlageberatung"},
	{"titre informatif uniquement", 1, "informatif"},
	{"ne constitue pas un conseil", 1, "constitue"},
	{"con fines informativos", 2, "informativos"},
	{"scopo informativo", 1, "informativo"},
	{"para fins informativos", 2, "informativos"},
	{"uitsluitend ter informatie", 2, "informatie"},
};

/* Can a word starting with byte c be an anchor? A letter must be the
 * first of one (a, c, d, e, i, p, r); another byte (a quote) may
 * stand before it. */
static int
xt_disclaim_first(char c)
{
	if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
		return strchr("acdeipr", c | 0x20) != NULL;
	return 1;
}

/* Does unit k hold a disclaimer phrase? */
static int
xt_disclaim_unit(const struct xt *x, const struct xt_units *us, size_t k)
{
	const struct xt_unit *u = &us->v[k];
	char key[XT_KEY_MAX];
	size_t i, j, n;

	if (u->kind != U_SENT && u->kind != U_TITLE)
		return 0;
	for (i = u->a; i < u->b; i++) {
		if (x->t[i].len < XT_DISCLAIM_ANCHOR ||
		    (x->t[i].flags & (TF_DIGIT | TF_PUNCT)) ||
		    !xt_disclaim_first(x->s[x->t[i].off]))
			continue;
		n = xt_key(x, i, key);
		for (j = 0; j < XT_NELEM(xt_disclaimers); j++) {
			unsigned w = xt_disclaimers[j].anchor;
			const char *aw = xt_disclaimers[j].w;

			if (aw[0] == key[0] && strlen(aw) == n &&
			    memcmp(aw, key, n) == 0 && i >= u->a + w &&
			    xt_spells(x, i - w, xt_disclaimers[j].p))
				return 1;
		}
	}
	return 0;
}

void
xt_disclaimers_end(const struct xt *x, struct xt_units *us)
{
	size_t k, j;
	unsigned c;

	for (k = 0; k < us->n; k++) {
		if (!xt_disclaim_unit(x, us, k))
			continue;
		for (c = 1, j = k + 1; j < us->n && j < k + XT_DISCLAIM_UNITS;
		    j++)
			c += xt_disclaim_unit(x, us, j) != 0;
		if (c >= XT_DISCLAIM_MIN) {
			us->v[k].end = 1;
			return;
		}
	}
}
