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
#define XT_DISCLAIM_WORDS	6	/* words of a phrase at most */

/* Disclaimer phrases, folded words separated by one space. */
static const char *const xt_disclaimers[] = {
	"informational purposes only", "information purposes only",
	"educational purposes only", "not intended to diagnose",
	"not been evaluated by the food", "no part may be reproduced",
	"not constitute financial advice", "not constitute investment advice",
	"not constitute medical advice", "not constitute legal advice",
	"nur zu informationszwecken", "ausschließlich zu informationszwecken",
	"keine anlageberatung", "titre informatif uniquement",
	"ne constitue pas un conseil", "con fines informativos",
	"scopo informativo", "para fins informativos",
	"uitsluitend ter informatie",
};

/* Does phrase p (space-separated folded words) start at word i? */
static int
xt_disclaim_phrase(const struct xt *x, size_t i, const char *p)
{
	char key[XT_KEY_MAX];
	size_t n, m;
	unsigned w;

	for (w = 0; w < XT_DISCLAIM_WORDS && *p != '\0'; w++, i++) {
		const char *e = strchr(p, ' ');

		m = e != NULL ? (size_t)(e - p) : strlen(p);
		if (i >= x->nt)
			return 0;
		n = xt_key(x, i, key);
		if (n != m || memcmp(key, p, m) != 0)
			return 0;
		p += m + (e != NULL);
	}
	return *p == '\0';
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
		n = xt_key(x, i, key);
		for (j = 0; j < XT_NELEM(xt_disclaimers); j++) {
			const char *p = xt_disclaimers[j];

			if (n > 0 && strncmp(p, key, n) == 0 &&
			    (p[n] == ' ' || p[n] == '\0') &&
			    xt_disclaim_phrase(x, i, p))
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
