/* extract_text_lead.c - notes a site puts before the article's first
 * sentence.
 *
 * Two kinds of sentences open many bodies without being the article's:
 * a disclosure note ("This post may contain affiliate links. See my
 * disclosure page.", "Dieser Beitrag enthält Affiliate-Links", "Cet
 * article contient des liens affiliés") and the site greeting its
 * reader ("Welcome to the Daily Deals, your source for ...",
 * "Willkommen bei ..., Ihrer Quelle für ...", "Bienvenue sur ..."). Both
 * are sentences, so the body's search keeps them. Among the body's
 * first XT_LEAD_UNITS units, a note (an affiliate word with a link word,
 * or a disclosure word in a short unit), and a first unit opening with
 * a welcome word and speaking to the reader, move the body's start past
 * them, when an article's worth of sentences is left.
 *
 * A video player over the article leaves its controls in the text: a
 * close label ("close video", "Video schließen", "fermer la vidéo",
 * "cerrar video", "chiudi il video") among the first XT_LEAD_SHORT
 * words of the body's first unit, after the page's share labels and a
 * credit glued to them. The words up to the label are cut from the
 * unit; what follows it (the clip's title and text, which may be the
 * article's own) stays.
 *
 * A site's pitch ("Generate new revenue streams with our platform.")
 * may stand over its menu, and the body's search crosses the menu when
 * the pitch outweighs it: one or two sentences, then XT_LEAD_MENU or
 * more title-like units in a row that each cost (XT_LEAD_MENU_WORDS
 * words at least), costing more than half of what the sentences
 * weigh, are no article's opening; the body starts after the menu.
 *
 * Run together, the post's header line (categories, title, "by Name
 * September 15, 2014 written by Name Sharing is caring!") may end in a
 * sentence's mark and open the body: a unit among the first ones with
 * a byline preposition, one to XT_NAME_MAX capitalised words and a full
 * date right after them, with at most XT_LEAD_TAIL words after the
 * date, is a header, no sentence of the article.
 */
#include "ingest/extract_text_int.h"

#include <string.h>

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))
#define XT_LEAD_UNITS	4	/* first units of the body looked at */
#define XT_LEAD_NOTE	40	/* words of a note at most */
#define XT_LEAD_SHORT	15	/* words of a unit with a disclosure word */
#define XT_LEAD_GAP	2	/* words from a close verb to "video" */
#define XT_LEAD_TAIL	10	/* words after a byline's date in its unit */
#define XT_LEAD_SENTS	2	/* sentences before a menu at most */
#define XT_LEAD_MENU	3	/* title units of a menu at least */
#define XT_LEAD_MENU_WORDS 20	/* ... and words */

/* Is unit u a disclosure note: an affiliate word with a link word
 * (or both in one compound, "Affiliate-Links"), or a disclosure word
 * in a short unit? */
static int
xt_lead_note(const struct xt *x, const struct xt_unit *u)
{
	static const char *const aff[] = { "affiliate", "affilié", "afiliad",
	    "affiliat", "partnerlink", "partner-link" };
	static const char *const link[] = { "link", "lien", "enlace",
	    "collegament", "ligaç" };
	static const char *const disc[] = { "disclosure", "divulgación",
	    "offenlegung", "divulgation", "transparenzhinweis" };
	size_t i;
	int a = 0, l = 0;

	if (u->words > XT_LEAD_NOTE)
		return 0;
	for (i = u->a; i < u->b; i++) {
		char key[XT_KEY_MAX];
		size_t n = xt_key(x, i, key);

		if (xt_word_prefix(x, i, aff, NELEM(aff)))
			a = 1;
		if (xt_word_prefix(x, i, link, NELEM(link)) ||
		    (n > 0 && key[n - 1] == 's' && n > 5 &&
		    memcmp(key + n - 5, "links", 5) == 0))
			l = 1;
		if (u->words <= XT_LEAD_SHORT &&
		    xt_word_prefix(x, i, disc, NELEM(disc)))
			return 1;
	}
	return a && l;
}

/* Does unit u open with a welcome word and speak to the reader? */
static int
xt_lead_welcome(const struct xt *x, const struct xt_unit *u)
{
	static const char *const hi[] = { "welcome", "willkommen",
	    "bienvenue", "bienvenid", "benvenut", "bem-vind", "welkom" };
	size_t i;

	if (u->words > XT_LEAD_NOTE || !xt_word_prefix(x, u->a, hi,
	    NELEM(hi)))
		return 0;
	for (i = u->a + 1; i < u->b; i++)
		if (x->t[i].cls & XC_YOU)
			return 1;
	return 0;
}

/* Is unit u a header line: "by Name Date" with a short tail? */
static int
xt_lead_header(const struct xt *x, const struct xt_unit *u)
{
	size_t i, j, e;
	int64_t t;

	if (u->words > XT_LEAD_NOTE)
		return 0;
	for (i = u->a; i + 1 < u->b; i++) {
		if (!(x->t[i].cls & XC_BY))
			continue;
		for (j = i + 1; j < u->b && j <= i + XT_NAME_MAX &&
		    (x->t[j].flags & TF_CAP) && !(x->t[j].cls & XC_MONTH);
		    j++)
			;
		if (j == i + 1 || j >= u->b)
			continue;
		e = xt_date_at(x, j, &t);
		if (e > j && u->b <= e + XT_LEAD_TAIL)
			return 1;
	}
	return 0;
}

/* Words of sentences in units [a, b). */
static size_t
xt_lead_rest(const struct xt_units *us, size_t a, size_t b)
{
	size_t k, w = 0;

	for (k = a; k < b; k++)
		if (xt_is_sent(&us->v[k]))
			w += us->v[k].words;
	return w;
}

/* Is word i a video player's close verb, or "video"? */
static int
xt_lead_close(const struct xt *x, size_t i)
{
	static const char *const w[] = { "close", "schließen", "fermer",
	    "cerrar", "chiudi", "fechar", "sluiten" };
	size_t k;

	for (k = 0; k < NELEM(w); k++)
		if (xt_is_word(x, i, w[k]))
			return 1;
	return 0;
}

static int
xt_lead_video(const struct xt *x, size_t i)
{
	return xt_is_word(x, i, "video") || xt_is_word(x, i, "vidéo") ||
	    xt_is_word(x, i, "vídeo");
}

/* The word after a player's close label in the first XT_LEAD_SHORT
 * words of unit u (the verb and "video" at most XT_LEAD_GAP apart, in
 * either order), or u->a when there is none. */
static size_t
xt_lead_label(const struct xt *x, const struct xt_unit *u)
{
	size_t i, j, lim = u->a + XT_LEAD_SHORT;

	if (lim > u->b)
		lim = u->b;
	for (i = u->a; i < lim; i++) {
		if (!xt_lead_close(x, i) && !xt_lead_video(x, i))
			continue;
		for (j = i + 1; j < u->b && j <= i + XT_LEAD_GAP; j++)
			if ((xt_lead_close(x, i) && xt_lead_video(x, j)) ||
			    (xt_lead_video(x, i) && xt_lead_close(x, j)))
				return j + 1;
	}
	return u->a;
}

/* Cut a video player's controls off the body's first unit. */
static void
xt_lead_player(const struct xt *x, struct xt_units *us)
{
	struct xt_unit *u;
	size_t e;

	if (us->run_a >= us->run_b)
		return;
	u = &us->v[us->run_a];
	e = xt_lead_label(x, u);
	if (e == u->a || e >= u->b)
		return;
	for (; u->a < e; u->a++)	/* punctuation counts no word */
		u->words -= u->words >= x->t[u->a].wn ? x->t[u->a].wn :
		    u->words;
}

/* The unit after a menu under the body's first sentences, or run_a. */
static size_t
xt_lead_menu(const struct xt_units *us)
{
	size_t k = us->run_a, j, sents = 0, words = 0;
	long before = 0, cost = 0;

	for (; k < us->run_b && xt_is_sent(&us->v[k]) &&
	    sents < XT_LEAD_SENTS; k++, sents++)
		before += xt_weight(&us->v[k]);
	for (j = k; j < us->run_b && us->v[j].kind == U_TITLE &&
	    xt_weight(&us->v[j]) < 0; j++) {
		cost -= xt_weight(&us->v[j]);
		words += us->v[j].words;
	}
	if (sents == 0 || j - k < XT_LEAD_MENU || words < XT_LEAD_MENU_WORDS ||
	    before >= 2 * cost)
		return us->run_a;
	return j;
}

void
xt_lead_notes(const struct xt *x, struct xt_units *us)
{
	size_t k, lim, a = xt_lead_menu(us);

	lim = a + XT_LEAD_UNITS;
	if (lim > us->run_b)
		lim = us->run_b;
	if (a < us->run_b && xt_lead_welcome(x, &us->v[a]))
		a++;
	for (k = a; k < lim; k++)
		if (xt_kept(us, k) && (xt_lead_note(x, &us->v[k]) ||
		    xt_lead_header(x, &us->v[k])))
			a = k + 1;
	a = xt_first_sent(us, a, us->run_b);
	if (a > us->run_a && a < us->run_b &&
	    xt_lead_rest(us, a, us->run_b) >= XT_ARTICLE_MIN)
		us->run_a = a;
	xt_lead_player(x, us);
}
