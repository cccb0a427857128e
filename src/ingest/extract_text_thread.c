/* extract_text_thread.c - a forum thread's replies and a footer's
 * copyright notice, told in text whose blocks run together.
 *
 * A forum page flattened is the first post, then each reply with its
 * own head: a "Reply" button (often with a quote button "“”" next to
 * it), the poster's name and counts, and the thread's title again
 * after "Re:". A footer's "© 2026 Site · Privacy" or "© 2026 Site. All
 * rights reserved." comes glued to the links before it. Each is end
 * matter: the detectors here mark it as a span (extract_text_span.c
 * calls them) that ends the body once an article has been seen.
 */
#include "ingest/extract_text_int.h"

#include <string.h>

#define XT_FOOTER_LOOK	12	/* words after "© year" to find its legal word */

static int
xt_th_has(const struct xt *x, size_t i, unsigned flag)
{
	return i < x->nt && (x->t[i].flags & flag) != 0;
}

/* Is word i a reply's subject prefix with its colon: "Re:", "RE:",
 * "AW:" (de), "Odp:" (pl), "Sv:" (sv), "Antw:" (nl), "R:" (it)? */
static int
xt_reply_prefix(const struct xt *x, size_t i)
{
	static const char *const pre[] = {"re:", "aw:", "odp:", "sv:",
	    "antw:", "rif:"};
	const char *p = x->s + x->t[i].off;
	size_t n = x->t[i].len, k, j;
	char low[8];

	if (n < 3 || n > 5 || !(x->t[i].flags & TF_CAP) || p[n - 1] != ':')
		return 0;
	for (j = 0; j < n; j++)
		low[j] = (char)(p[j] >= 'A' && p[j] <= 'Z' ? p[j] | 0x20 : p[j]);
	for (k = 0; k < sizeof(pre) / sizeof(pre[0]); k++)
		if (strlen(pre[k]) == n && memcmp(pre[k], low, n) == 0)
			return 1;
	return 0;
}

/* A reply's head in a forum thread: "Re:" and a capitalised title
 * ("Re: Works on Harbour Street ..."). In prose "Re:" is rare and the
 * page's own title never follows it; the mark ends the body after the
 * first post. Returns the end (the prefix alone), 0 if none. */
size_t
xt_thread_reply(const struct xt *x, size_t i)
{
	if (!xt_reply_prefix(x, i) ||
	    !xt_th_has(x, i + 1, TF_CAP | TF_DIGIT | TF_NOCASE))
		return 0;
	return i + 1;
}

/* A "Reply" button with a quote button next to it ("Reply “” Name"):
 * the glyph-only word between them hides the new part that follows.
 * Returns the end past the glyph, 0 if none. The reply word is told
 * by the caller (XC_REPLY). */
size_t
xt_thread_button(const struct xt *x, size_t i)
{
	size_t j = i + 1;

	if (!(x->t[i].flags & TF_CAP) ||
	    (x->t[i].flags & (TF_END | TF_COMMA | TF_COLON)))
		return 0;
	while (j < x->nt && j < i + 3 && (x->t[j].flags & TF_PUNCT) &&
	    !(x->t[j].flags & TF_STAR) && x->s[x->t[j].off] != '(')
		j++;
	if (j == i + 1 || !xt_th_has(x, j, TF_CAP | TF_DIGIT | TF_NL))
		return 0;
	return j;
}

/* Is word i a year ("2026", "2019-2026", "2019–2026")? */
static int
xt_th_year(const struct xt *x, size_t i)
{
	const char *p = x->s + x->t[i].off;
	size_t n = x->t[i].len;

	while (n > 0 && strchr(".,;:", p[n - 1]) != NULL)
		n--;
	if (n < 4 || !(p[0] == '1' || p[0] == '2'))
		return 0;
	return p[1] >= '0' && p[1] <= '9' && p[2] >= '0' && p[2] <= '9' &&
	    p[3] >= '0' && p[3] <= '9' && (n == 4 || !(p[4] >= '0' &&
	    p[4] <= '9'));
}

/* A footer's copyright notice inside a run of words: "©", "(c)" or
 * "Copyright" and a year, then within a few words a legal word ("All
 * rights reserved", "Tous droits réservés") or a separator of footer
 * links ("·", "|"). A photo's "© 2023 Agency" under a picture has
 * neither. Returns the end (the year), 0 if none. */
size_t
xt_thread_footer(const struct xt *x, size_t i)
{
	size_t j, k = i + 1;
	const char *p;

	p = x->s + x->t[i].off;
	if (!(x->t[i].cls & XC_LEGAL) || !((x->t[i].len == 2 &&
	    (unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA9) ||
	    x->t[i].len == 3 || (x->t[i].len == 9 && (p[0] == 'C' ||
	    p[0] == 'c'))))
		return 0;	/* "©", "(c)", "Copyright" */
	if (k < x->nt && (x->t[k].cls & XC_LEGAL))
		k++;		/* "© Copyright 2026" */
	if (k >= x->nt || !xt_th_year(x, k))
		return 0;
	for (j = k + 1; j < x->nt && j <= k + XT_FOOTER_LOOK; j++) {
		p = x->s + x->t[j].off;
		if (x->t[j].cls & XC_LEGAL)
			return k + 1;
		if (x->t[j].len <= 2 && (p[0] == '|' || (x->t[j].len == 2 &&
		    (unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xB7)))
			return k + 1;
	}
	return 0;
}
