/* extract_text_near.c - the byline and the published date read again
 * near the headline once the body is known.
 *
 * The span pass keeps the first byline and date of the page, which on
 * real pages are often a menu's ("Wednesday, November 20"), a teaser's
 * or an author box's. The article's own stand between its headline and
 * its body, so that stretch (the head zone) is read again, and what is
 * found there replaces them:
 *
 * - published: the first full date in the zone (an ISO stamp
 *   "2019-11-18T20:51:19Z" too, and "Nov 20 20194:29 AM", where
 *   flattening glued the year to the time), not one after "Updated"
 *   nor one further on after that (a caption's).
 * - byline: "By Name" (a byline span), a lower-case "by"/"von"/"par"/
 *   "por" after a date, at a block edge or after "Posted"/"Written"
 *   ("11/19/2019 by Lars Roe", "Posted by Ida Holm on ..."), a name
 *   with its @handle ("Ida Holm @idaholm"), or a name right after the
 *   headline with a date after it ("... Headline Ida Holm 18 Nov 2019").
 *   A name word with a capital after three lower-case letters is two
 *   words glued by flattening ("HolmBusiness"): the name ends there.
 *
 * Nothing here marks words, so the body is not touched. Bounded: the
 * zone is at most XT_HW_BACK + XT_NEAR_AFTER words.
 */
#include "ingest/extract_text_int.h"

#include <stdlib.h>
#include <string.h>

#include "util/timeutil.h"

#define XT_NEAR_BACK	40	/* words before the body without a headline */
#define XT_NEAR_AFTER	12	/* span words after the body start read */
#define XT_NEAR_PAIR	6	/* words from an updated date to a published one */
#define XT_NEAR_UPD	5	/* words from "Updated" to its date (a time between) */
#define XT_NEAR_GLUE	3
/* words that are no part of a name: roles, widget and menu words */
#define XT_NEAR_NOT (XC_ROLE | XC_SHARE | XC_NET | XC_SAVE | XC_NAV | \
	XC_PROMO | XC_PHOTO | XC_BY)	/* lower-case letters before a glued capital */

static const char *const xt_near_verbs[] = {
	"written", "geschrieben", "verfasst", "écrit", "escrito",
	"publié", "publicado", "posted", "veröffentlicht",
};

/* "2019-11-18T20:51:19Z": a date with its time in one word. */
static int
xt_near_iso(const struct xt *x, size_t i, int64_t *t)
{
	const char *p = x->s + x->t[i].off;
	size_t n = x->t[i].len, k;
	int v[3] = {0, 0, 0}, f;

	if (n < 12 || p[4] != '-' || p[7] != '-' || p[10] != 'T')
		return 0;
	for (k = 0; k < 10; k++) {
		if (k == 4 || k == 7)
			continue;
		if (p[k] < '0' || p[k] > '9')
			return 0;
		f = k < 4 ? 0 : k < 7 ? 1 : 2;
		v[f] = v[f] * 10 + (p[k] - '0');
	}
	if (p[11] < '0' || p[11] > '9' || v[1] < 1 || v[1] > 12 ||
	    v[2] < 1 || v[2] > 31)
		return 0;
	return time_from_civil(v[0], v[1], v[2], 0, 0,
	    0, t) == ND_OK;
}

/* Leading digits of word k as a number (at most 4 read); their count
 * in *nd. */
static int
xt_near_num(const struct xt *x, size_t k, size_t *nd)
{
	const char *p = x->s + x->t[k].off;
	int v = 0;

	for (*nd = 0; *nd < x->t[k].len && *nd < 4 && p[*nd] >= '0' &&
	    p[*nd] <= '9'; (*nd)++)
		v = v * 10 + (p[*nd] - '0');
	return v;
}

/* "Nov 20 20194:29 AM": flattening glued the year to the time of day
 * after it. A month, a day, then a year with a time glued on. */
static int
xt_near_glued_year(const struct xt *x, size_t k, int64_t *t)
{
	char key[XT_KEY_MAX];
	size_t n, nd;
	int m, d, y;
	const char *p;

	if (k + 2 >= x->nt || !(x->t[k].cls & XC_MONTH) ||
	    (m = xt_month(key, xt_key(x, k, key))) == 0)
		return 0;
	d = xt_near_num(x, k + 1, &nd);
	n = x->t[k + 1].len;
	if (nd == 0 || nd > 2 || d < 1 || d > 31 || (n > nd && !(n == nd + 1 &&
	    x->s[x->t[k + 1].off + nd] == ',')))
		return 0;
	y = xt_near_num(x, k + 2, &nd);
	p = x->s + x->t[k + 2].off;
	n = x->t[k + 2].len;
	if (nd != 4 || y < 1900 || y > 2199 || n < 7 || p[4] < '0' ||
	    p[4] > '9' || (p[5] != ':' && p[6] != ':'))
		return 0;
	return time_from_civil(y, m, d, 0, 0, 0, t) == ND_OK;
}

/* Is word k right after "Updated", "Aktualisiert", "Mis à jour"? */
static int
xt_near_updated(const struct xt *x, size_t za, size_t k)
{
	size_t a, e;

	for (a = k; a > za && k - a < XT_NEAR_UPD; a--)
		if (xt_phrase_at(x, a - 1, &e) == XP_UPDATED && e <= k)
			return 1;
	return 0;
}

/* The published date from the zone [za, zb): the first there. A date
 * after "Updated" is not it (the page then says only when it changed),
 * nor is a date further on after one: that is a caption's or the
 * text's. */
static void
xt_near_date(struct xt *x, size_t za, size_t zb)
{
	size_t k, e, upd = 0;
	int64_t t;

	for (k = za; k < zb; k++) {
		if ((e = xt_date_at(x, k, &t)) == 0 && xt_near_iso(x, k, &t))
			e = k + 1;
		else if (e == 0 && xt_near_glued_year(x, k, &t))
			e = k + 3;
		if (e == 0)
			continue;
		if (xt_near_updated(x, za, k)) {
			upd = upd ? upd : e;
			k = e - 1;
			continue;
		}
		if (upd != 0 && k > upd + XT_NEAR_PAIR)
			return;
		x->a->published = t;
		x->have_date = 1;
		return;
	}
}

/* Is the word at s (n bytes) in capitals (two letters at least)? */
static int
xt_near_caps(const char *s, size_t n)
{
	size_t k, up = 0;

	for (k = 0; k < n; k++) {
		if (s[k] >= 'a' && s[k] <= 'z')
			return 0;
		up += s[k] >= 'A' && s[k] <= 'Z';
	}
	return up >= 2;
}

/* Length of the name s up to a word that repeats its first one ("Ida
 * Holm Ida Holm": a link and its text) or a word in capitals after
 * mixed case ("Ida Holm FACEBOOK"). */
static size_t
xt_near_words(const char *s)
{
	size_t k = 0, w, n0 = strcspn(s, " ");
	int mixed = 0;

	while (s[k] != '\0') {
		while (s[k] == ' ')
			k++;
		w = strcspn(s + k, " ");
		if (w == 0)
			break;
		if (k > 0 && ((w == n0 && memcmp(s, s + k, w) == 0) ||
		    (mixed && xt_near_caps(s + k, w))))
			return k;
		mixed |= !xt_near_caps(s + k, w);
		k += w;
	}
	return k;
}

/* Length of name s up to a capital glued after XT_NEAR_GLUE lower-case
 * letters of a word ("Jane HolmBusiness" -> "Jane Holm"), or to an
 * '@' ("Jane Holm@janeholm"), and within xt_near_words(). */
static size_t
xt_near_cut(const char *s)
{
	size_t k, low = 0, max = xt_near_words(s);

	for (k = 0; k < max; k++) {
		if (s[k] == '@')
			break;
		if (s[k] >= 'A' && s[k] <= 'Z' && low >= XT_NEAR_GLUE)
			break;
		low = s[k] >= 'a' && s[k] <= 'z' ? low + 1 : 0;
	}
	while (k > 0 && strchr(" ,;-", s[k - 1]) != NULL)
		k--;
	return k;
}

/* Word k is a name word glued to the next block ("GarberFOXNews") or
 * followed by an address ("Katz smithsonian.com", "Rowe rowe@news") or
 * a date ("Holm on March 3"): the name reader took it for the next
 * sentence's first word. */
static int
xt_near_glued(const struct xt *x, size_t k)
{
	const char *p;
	size_t n, i, low = 0;
	int64_t t;

	if (k >= x->nt || !(x->t[k].flags & TF_CAP) || (x->t[k].flags &
	    TF_NL) || (x->t[k].cls & (XC_FUNC | XT_NEAR_NOT)) ||
	    xt_near_marker(x, k))
		return 0;
	p = x->s + x->t[k].off, n = x->t[k].len;
	for (i = 0; i < n; i++) {
		if (p[i] >= 'A' && p[i] <= 'Z' && low >= XT_NEAR_GLUE)
			return 1;
		low = p[i] >= 'a' && p[i] <= 'z' ? low + 1 : 0;
	}
	if (k + 1 >= x->nt || !(x->t[k + 1].flags & TF_LOWER))
		return 0;
	if ((x->t[k + 1].cls & XC_DATEPREP) && xt_date_at(x, k + 1, &t) != 0)
		return 1;	/* "by Ida Holm on March 3, 2024" */
	p = x->s + x->t[k + 1].off, n = x->t[k + 1].len;
	return memchr(p, '@', n) != NULL || (memchr(p, '.', n) != NULL &&
	    ((const char *)memchr(p, '.', n) < p + n - 1));
}

/* The byline is the one name in words [a, b). */
static void
xt_near_one(struct xt *x, size_t a, size_t b)
{
	char *name = NULL;
	size_t n;

	xt_text(x, a, b, &name);
	strlist_release(&x->a->byline);
	if (name != NULL && (n = xt_near_cut(name)) > 0)
		strlist_pushn(&x->a->byline, name, n);
	free(name);
	x->have_byline = 1;
}

/* Names from word a (inside [a, b)) into the article's byline; the
 * words may be marked as a byline span, so they are read as text for
 * the time of it. Returns 1 when names were found. */
static int
xt_near_names(struct xt *x, size_t a, size_t b)
{
	uint8_t kind[XT_LIST_MAX];
	struct strlist names = STRLIST_INIT;
	size_t k, n, e;

	if (b > a + XT_LIST_MAX)
		b = a + XT_LIST_MAX;
	if (b > x->nt)
		b = x->nt;
	for (k = a; k < b; k++)
		kind[k - a] = x->t[k].kind, x->t[k].kind = XK_TEXT;
	e = xt_names(x, a, b, &names);
	for (k = a; k < b; k++)
		x->t[k].kind = kind[k - a];
	if (names.n == 0)
		return 0;
	if (names.n == 1 && xt_near_glued(x, e)) {
		strlist_release(&names);
		xt_near_one(x, a, e + 1);
		return x->a->byline.n > 0;
	}
	strlist_release(&x->a->byline);
	for (k = 0; k < names.n; k++)
		if ((n = xt_near_cut(names.v[k])) > 0)
			strlist_pushn(&x->a->byline, names.v[k], n);
	strlist_release(&names);
	x->have_byline = 1;
	return x->a->byline.n > 0;
}

/* End of the word run of the same span from k (at most XT_LIST_MAX). */
static size_t
xt_near_span_end(const struct xt *x, size_t k)
{
	size_t e = k + 1;

	while (e < x->nt && e - k < XT_LIST_MAX && x->t[e].kind ==
	    x->t[k].kind && !x->t[e].span)
		e++;
	return e;
}

/* Is word k one of the byline verbs ("Written", "Geschrieben")? */
static int
xt_near_verb(const struct xt *x, size_t k)
{
	char key[XT_KEY_MAX];
	size_t n = xt_key(x, k, key);

	return xt_in_list(key, n, xt_near_verbs, XT_NELEM(xt_near_verbs));
}

int
xt_near_marker(const struct xt *x, size_t k)
{
	size_t e;
	enum xt_phrase p;

	if (k >= x->nt || !(x->t[k].flags & TF_CAP))
		return 0;
	p = xt_phrase_at(x, k, &e);
	return p == XP_PUBLISHED || p == XP_UPDATED || (xt_near_verb(x, k) &&
	    k + 1 < x->nt && (x->t[k + 1].cls & XC_BY));
}

/* Does a lower-case "by" at k start a byline: after a date or a block
 * edge, or after "Posted", "Written", "Publié", "Escrito"? */
static int
xt_near_by(const struct xt *x, size_t k)
{
	size_t i, e;

	if (!(x->t[k].cls & XC_BY) || !(x->t[k].flags & TF_LOWER) ||
	    k + 1 >= x->nt || !(x->t[k + 1].flags & TF_CAP))
		return 0;
	if (k == 0 || xt_bound_before(x, k))
		return 1;
	for (i = k > XT_NEAR_UPD ? k - XT_NEAR_UPD : 0; i < k; i++) {
		int64_t t;

		if (xt_date_at(x, i, &t) == k)
			return 1;	/* "11/19/2019 by Lars Roe" */
	}
	if (xt_phrase_at(x, k - 1, &e) == XP_PUBLISHED && e == k)
		return 1;
	return xt_near_verb(x, k - 1);
}

/* Does word k begin with '@' or hold one ("Holm@idaholm")? */
static int
xt_near_at(const struct xt *x, size_t k)
{
	return k < x->nt && memchr(x->s + x->t[k].off, '@', x->t[k].len) !=
	    NULL;
}

/* A name from k: two to XT_NAME_MAX - 1 capitalised words on one line
 * that are no month, weekday, sentence starter or function word; with
 * its handle after it ("Ana Ruiz @anaruiz", "Ana Ruiz@anaruiz") or,
 * at the headline's end he, a date after it. */
static int
xt_near_handle(struct xt *x, size_t k, size_t he)
{
	size_t e;
	int64_t t;

	for (e = k; e < x->nt && e - k < XT_NAME_MAX - 1 &&
	    x->t[e].kind == XK_TEXT && (x->t[e].flags & TF_CAP) &&
	    !(x->t[e].cls & (XC_FUNC | XC_MONTH | XC_WEEKDAY | XT_NEAR_NOT)) &&
	    !(e > k && (x->t[e].flags & TF_NL)); e++)
		if (xt_near_at(x, e) || (x->t[e].flags & (TF_COMMA | TF_END)))
			break;
	if (e < x->nt && xt_near_at(x, e) && x->s[x->t[e].off] != '@')
		e++;	/* "Holm@idaholm" */
	else if (!(e < x->nt && (xt_near_at(x, e) || (k == he &&
	    (xt_date_at(x, e, &t) != 0 || xt_near_iso(x, e, &t))))))
		return 0;
	if (e < k + 2)
		return 0;
	xt_near_one(x, k, e);
	return 1;
}

/* The byline from the zone [za, zb); he: where the headline ends.
 * Returns 1 when one was found. */
static int
xt_near_byline(struct xt *x, size_t za, size_t zb, size_t he)
{
	size_t k;

	for (k = za; k < zb; k++) {
		if (x->t[k].kind == XK_BYLINE && x->t[k].span) {
			if (xt_near_names(x, k + ((x->t[k].cls & XC_BY) != 0),
			    xt_near_span_end(x, k)))
				return 1;
		} else if (x->t[k].kind == XK_TEXT && xt_near_by(x, k)) {
			if (xt_near_names(x, k + 1, zb + XT_NEAR_AFTER))
				return 1;
		} else if (x->t[k].kind == XK_TEXT && (x->t[k].flags &
		    TF_CAP) && xt_near_handle(x, k, he)) {
			return 1;
		}
	}
	return 0;
}

/* With no byline near the headline, the page's first byline span (the
 * one the span pass kept) is read again, so that its name is mended
 * like the others (glued, written twice, followed by an address). */
static void
xt_near_first_byline(struct xt *x)
{
	size_t k;

	for (k = 0; k < x->nt; k++)
		if (x->t[k].kind == XK_BYLINE && x->t[k].span) {
			xt_near_names(x, k + ((x->t[k].cls & XC_BY) != 0),
			    xt_near_span_end(x, k));
			return;
		}
}

void
xt_near_fields(struct xt *x, const struct xt_units *us, size_t ha, size_t hb)
{
	size_t h, za, zb;

	if (us->run_a >= us->run_b)
		return;
	h = us->v[us->run_a].a;
	za = hb > 0 ? ha : h > XT_NEAR_BACK ? h - XT_NEAR_BACK : 0;
	for (zb = h > hb ? h : hb; zb < x->nt && zb < h + XT_NEAR_AFTER &&
	    x->t[zb].kind != XK_TEXT; zb++)
		;
	xt_near_date(x, za, zb);
	if (!xt_near_byline(x, za, zb, hb) && x->a->byline.n > 0)
		xt_near_first_byline(x);
}
