/* extract_text_unit.c - cut the marked words into units (sentences,
 * title-like runs, spans), tell boilerplate units by their class words,
 * pick the body as the longest coherent run of real sentences and read
 * the headline, standfirst and caption from what comes before it.
 */
#include "ingest/extract_text_int.h"

#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

#ifdef XT_TRACE
#include <stdio.h>
#endif

enum xt_ukind { U_EMPTY, U_SENT, U_TITLE, U_PROMO, U_FORM, U_COOKIE,
	U_SPAN, U_LEGAL };
enum xt_role { R_NONE, R_CAPTION, R_DROP };

#define XT_LONG_LINE	15	/* words of an unpunctuated line sentence */
#define XT_PROMO_MAX	60	/* words of a promo unit at most */
#define XT_CAPTION_WORDS 20	/* a sentence after a credit: caption */
#define XT_DUP_WORDS	4	/* words of a unit checked for repeats */
#define XT_SHORT_SENT	5	/* words of a sentence that weigh nothing */
#define XT_HARD_GAP	40	/* cost of a comment form or counter */
#define XT_ARTICLE_MIN	50	/* words of sentences that make an article */
#define XT_SPLIT_MIN	40	/* words of a unit that is cut into parts */
#define XT_PART_MIN	3	/* words of a part at least */
#define XT_TEASER_MAX	30	/* words of a teaser's title sentence */
#define XT_STORY_MIN	120	/* body weight before another story may end it */
#define XT_ROLE_NEAR	5	/* words from a name to its role */
#define XT_GLUED_SENT	8	/* words of a sentence under a glued headline */
#define XT_DATA_MIN	100	/* words of a body without prose */
#define XT_LEGAL_MAX	30	/* words of a copyright footer line */

struct xt_unit {
	size_t a, b;		/* words [a, b) */
	size_t words, func, caps, lower, digits;
	uint8_t kind;		/* enum xt_ukind */
	uint8_t span;		/* enum xt_kind when kind == U_SPAN */
	uint8_t role;		/* enum xt_role */
	uint8_t cookiew;	/* cookie words and second person */
	uint8_t ended;		/* ends in sentence punctuation */
	uint8_t cut;		/* ends in "..." or "…": a cut teaser text */
};

struct xt_units {
	struct xt_unit *v;
	size_t n;
	size_t cap_a, cap_b;	/* caption words, cap_a == cap_b: none */
	size_t run_a, run_b;	/* body units [run_a, run_b) */
};

/* Scores of a unit's class words. */
struct xt_score {
	int promo, strong, you, form, star, cookie, cookiew, legal;
};

static void
xt_score_unit(const struct xt *x, struct xt_unit *u, struct xt_score *s)
{
	size_t i;

	memset(s, 0, sizeof(*s));
	for (i = u->a; i < u->b; i++) {
		const struct xt_tok *t = &x->t[i];

		if (t->flags & TF_STAR)
			s->star++;
		s->legal += (t->cls & XC_LEGAL) != 0;	/* "©" too */
		if (t->flags & TF_PUNCT)
			continue;
		u->words += t->wn;
		u->func += (t->cls & XC_FUNC) != 0;
		u->caps += (t->flags & TF_CAP) != 0;
		u->digits += (t->flags & TF_DIGIT) != 0;
		u->lower += (t->flags & (TF_LOWER | TF_NOCASE)) ? t->wn : 0;
		s->strong += (t->cls & XC_PROMO) != 0;
		s->promo += (t->cls & XC_PROMO) ? 2 : (t->cls & XC_PROMOW) != 0;
		s->you += (t->cls & XC_YOU) != 0;
		s->form += (t->cls & XC_FORM) != 0;
		s->cookie += (t->cls & XC_COOKIE) != 0;
		s->cookiew += (t->cls & XC_COOKIEW) != 0;
	}
}

/* Most words capitalised: a menu or a headline run, not prose (German
 * capitalises its nouns, so it needs more). */
static int
xt_title_case(const struct xt *x, const struct xt_unit *u)
{
	return u->words >= 4 && u->caps * 10 > u->words * (x->german ? 8u :
	    6u);
}

/* Mostly lower-case (or caseless-script) words: prose in any language,
 * even one whose function words are in no table. */
static int
xt_lower_prose(const struct xt_unit *u)
{
	return u->words >= 6 && u->lower * 2 >= u->words;
}

/* Does word i end in "..." or "…" (a teaser's text cut short)? */
static int
xt_ellipsis(const struct xt *x, size_t i)
{
	const char *p = x->s + x->t[i].off;
	size_t n = x->t[i].len;

	return (n >= 3 && memcmp(p + n - 3, "...", 3) == 0) || (n >= 3 &&
	    memcmp(p + n - 3, "\xE2\x80\xA6", 3) == 0);
}

static void
xt_classify_unit(const struct xt *x, struct xt_unit *u)
{
	struct xt_score s;
	const struct xt_tok *last = &x->t[u->b - 1];
	int ended = (last->flags & (TF_END | TF_COLON)) != 0;
	int line_end = u->b >= x->nt || (x->t[u->b].flags & TF_NL);

	xt_score_unit(x, u, &s);
	u->ended = (last->flags & TF_END) != 0;
	u->cut = xt_ellipsis(x, u->b - 1);
	u->cookiew = (uint8_t)(s.cookiew >= 1 && s.you >= 1 &&
	    u->words <= 30);
	if (u->words == 0)
		u->kind = U_EMPTY;
	else if ((s.star && s.form) || (s.you && s.form >= 2 &&
	    u->words <= 20))
		u->kind = U_FORM;
	else if ((s.cookie && s.cookiew + s.you >= 1) || (s.cookiew >= 2 &&
	    s.you >= 1))
		u->kind = U_COOKIE;
	else if (s.strong && s.promo + s.you >= 3 && u->words <=
	    XT_PROMO_MAX && (s.you || !ended))
		u->kind = U_PROMO;
	else if (((s.legal >= 2 && u->func * 4 < u->words) || (s.legal &&
	    (x->t[u->a].cls & XC_LEGAL))) && u->words <= XT_LEGAL_MAX)
		u->kind = U_LEGAL;
	else if (xt_title_case(x, u))
		u->kind = U_TITLE;
	else if (ended && u->words >= 3 && (u->func >= 1 ||
	    xt_lower_prose(u)))
		u->kind = U_SENT;
	else if (line_end && u->words >= XT_LONG_LINE && (u->func >= 3 ||
	    xt_lower_prose(u)))
		u->kind = U_SENT;
	else
		u->kind = U_TITLE;
}

/* End of the unit that starts at word a. */
static size_t
xt_unit_end(const struct xt *x, size_t a)
{
	size_t k = a + 1;

	if (x->t[a].kind != XK_TEXT) {
		while (k < x->nt && x->t[k].kind == x->t[a].kind &&
		    !x->t[k].span)
			k++;
		return k;
	}
	if (x->t[a].flags & TF_END)
		return k;
	while (k < x->nt && x->t[k].kind == XK_TEXT &&
	    !(x->t[k].flags & TF_NL)) {
		if (x->t[k++].flags & TF_END)
			break;
	}
	return k;
}

static int xt_cand(const struct xt *x, size_t k, size_t a, size_t b);

/* End of the next part of the unit [a, b). Scripts written without
 * spaces (Chinese, Japanese) put none inside a sentence, so a space
 * between two such words is a block edge. And no real sentence runs on
 * for XT_SPLIT_MIN words, so a run that long (cut) is headlines and
 * menu words strung together: each place where a capital starts a new
 * part after a lower-case word (or after a Title Case run) is cut. */
static size_t
xt_part_end(const struct xt *x, size_t a, size_t b, int cut)
{
	size_t k;

	for (k = a + 1; k < b; k++) {
		if ((x->t[k].flags & TF_IDEO) && (x->t[k - 1].flags & TF_IDEO))
			return k;
		if (cut && k >= a + XT_PART_MIN && k + XT_PART_MIN <= b &&
		    xt_cand(x, k, a, b) > 0)
			return k;
	}
	return b;
}

static void
xt_build(const struct xt *x, struct xt_units *us)
{
	size_t a = 0, cap = 0, whole = 0;
	struct xt_unit *u;
	int cut = 0;

	while (a < x->nt) {
		if (us->n == cap) {
			cap = cap ? cap * 2 : 64;
			us->v = xreallocarray(us->v, cap, sizeof(*us->v));
		}
		u = &us->v[us->n++];
		memset(u, 0, sizeof(*u));
		u->a = a;
		if (a >= whole) {	/* a teaser's title runs on */
			whole = xt_unit_end(x, a);
			cut = x->t[a].kind == XK_TEXT && (whole - a >=
			    XT_SPLIT_MIN || (a > 0 && x->t[a - 1].kind ==
			    XK_RECO));
		}
		u->b = x->t[a].kind == XK_TEXT ? xt_part_end(x, a, whole, cut) :
		    whole;
		if (x->t[a].kind != XK_TEXT) {
			u->kind = U_SPAN;
			u->span = x->t[a].kind;
		} else {
			xt_classify_unit(x, u);
			if (us->n > 1 && u[-1].kind == U_COOKIE && u->cookiew)
				u->kind = U_COOKIE;
		}
		a = u->b;
	}
}

static int
xt_is_span(const struct xt_units *us, size_t k, enum xt_kind kind)
{
	return k < us->n && us->v[k].kind == U_SPAN && us->v[k].span == kind;
}

/* Teasers after a "recommended" word: their titles, their texts cut
 * short ("…") and one summary sentence. */
static void
xt_teasers(struct xt_units *us)
{
	size_t k, j;

	for (k = 0; k < us->n; k++) {
		if (!xt_is_span(us, k, XK_RECO))
			continue;
		for (j = k + 1; j < us->n && (us->v[j].kind == U_TITLE ||
		    (us->v[j].kind == U_SENT && (us->v[j].cut || j <= k + 2)));
		    j++) {
			us->v[j].role = R_DROP;
			if (us->v[j].kind == U_SENT && !us->v[j].cut)
				break;	/* one summary sentence */
		}
	}
}

/* Split point in words [a, b): a capital that starts a new part after
 * a lower-case content word. strong: the capital is a function word
 * that begins sentences ("The", "Der", "Le", "El"). */
static int
xt_cand(const struct xt *x, size_t k, size_t a, size_t b)
{
	const struct xt_tok *p, *t, *n;

	if (k < a + 2 || k + 1 >= b)
		return 0;
	p = &x->t[k - 1], t = &x->t[k], n = &x->t[k + 1];
	if (!(t->flags & TF_CAP) || (t->cls & (XC_MONTH | XC_WEEKDAY)) ||
	    (p->flags & (TF_END | TF_COMMA | TF_COLON)))
		return 0;
	if ((p->flags & (TF_LOWER | TF_DIGIT) || (x->german &&
	    p->flags & TF_CAP)) &&
	    !(p->cls & XC_FUNC) && (t->cls & XC_STARTER))
		return 2;
	if (x->german || !(n->flags & TF_LOWER))
		return 0;
	if ((p->flags & TF_LOWER) && !(p->cls & XC_FUNC))
		return 1;
	if (k >= a + 3 && (x->t[k - 2].flags & TF_CAP) &&
	    (x->t[k - 3].flags & TF_CAP) && (p->flags & TF_CAP))
		return 1;	/* Title Case run, then sentence case */
	return 0;
}

/* First (last = 0) or last split point of [a, b), strong ones first;
 * 0 when none. */
static size_t
xt_split(const struct xt *x, size_t a, size_t b, int last)
{
	size_t k, best = 0;
	int c, bestc = 0;

	for (k = a + 2; k + 1 < b; k++) {
		c = xt_cand(x, k, a, b);
		if (c > bestc || (c == bestc && c > 0 && last))
			best = k, bestc = c;
	}
	return best;
}

/* Unit k is one sentence on a line of its own, after a line break. */
static int
xt_own_line(const struct xt *x, const struct xt_units *us, size_t k)
{
	return (x->t[us->v[k].a].flags & TF_NL) && (us->v[k].b >= x->nt ||
	    (x->t[us->v[k].b].flags & TF_NL));
}

/* The sentence next to the first photo credit is the caption. */
static void
xt_caption(const struct xt *x, struct xt_units *us)
{
	size_t c, k, s;

	for (c = 0; c < us->n && !xt_is_span(us, c, XK_CREDIT); c++)
		;
	if (c == us->n)
		return;
	for (k = c + 1; xt_is_span(us, k, XK_CREDIT); k++)
		;
	if (xt_is_span(us, k, XK_CAPTION)) {	/* "Image caption ..." */
		us->cap_a = us->v[k].a + ((x->t[us->v[k].a].cls &
		    XC_CAPTION) ? 1 : 2);	/* past the marker */
		us->cap_b = us->v[k].b;
		return;
	}
	if (c > 0 && us->v[c - 1].kind == U_SENT && us->v[c - 1].role ==
	    R_NONE) {
		struct xt_unit *u = &us->v[c - 1];
		int head = 0;

		for (k = 0; k + 1 < c; k++)
			head |= us->v[k].kind == U_TITLE ||
			    us->v[k].kind == U_SENT;
		s = xt_split(x, u->a, u->b, 1);
		us->cap_a = s != 0 && (!head || xt_cand(x, s, u->a, u->b) ==
		    2) ? s : u->a;
		us->cap_b = u->b;
		u->role = R_CAPTION;
		return;
	}
	for (k = c + 1; xt_is_span(us, k, XK_CREDIT); k++)
		;
	if (k + 1 < us->n && us->v[k].kind == U_SENT &&
	    (xt_is_span(us, k + 1, XK_BYLINE) || xt_is_span(us, k + 1,
	    XK_DATE) || xt_is_span(us, k + 1, XK_COUNTER) ||
	    xt_own_line(x, us, k) || us->v[k].words <= XT_CAPTION_WORDS)) {
		us->v[k].role = R_CAPTION;
		us->cap_a = us->v[k].a;
		us->cap_b = us->v[k].b;
	}
}

/* Later photo credits: their caption sentence is dropped. */
static void
xt_inline_captions(struct xt_units *us)
{
	size_t k;
	int first = 1;

	for (k = 1; k < us->n; k++) {
		if (!xt_is_span(us, k, XK_CREDIT) || xt_is_span(us, k - 1,
		    XK_CREDIT))
			continue;
		if (!first && us->v[k - 1].kind == U_SENT &&
		    !xt_is_span(us, k + 1, XK_CAPTION))
			us->v[k - 1].role = R_DROP;
		first = 0;
	}
}

/* Units a body run may pass over: cut boilerplate, captions, teasers. */
static int
xt_soft(const struct xt_unit *u)
{
	if (u->role != R_NONE)
		return 1;
	switch (u->kind) {
	case U_EMPTY:
	case U_PROMO:
	case U_COOKIE:
		return 1;
	case U_SPAN:
		return u->span == XK_WIDGET || u->span == XK_CREDIT ||
		    u->span == XK_RECO || u->span == XK_CTA ||
		    u->span == XK_AD || u->span == XK_DATELINE ||
		    u->span == XK_CAPTION || u->span == XK_LIST;
	default:
		return 0;
	}
}

static int
xt_is_sent(const struct xt_unit *u)
{
	return u->kind == U_SENT && u->role == R_NONE;
}

/* A title-like run that reads as text (a sub-heading, a line without
 * its full stop) is kept when a sentence follows it in the body. */
static int
xt_textlike(const struct xt_units *us, size_t j)
{
	const struct xt_unit *u = &us->v[j];

	if (u->kind != U_TITLE || u->role != R_NONE || u->words < 4 ||
	    u->func < 1)
		return 0;
	for (j++; j < us->n && xt_soft(&us->v[j]); j++)
		;
	return j < us->n && xt_is_sent(&us->v[j]);
}

/* Body run starting at unit a: sets *last, returns its word count. */
static size_t
xt_run(const struct xt_units *us, size_t a, size_t *last)
{
	size_t j, score = 0;

	*last = a;
	for (j = a; j < us->n; j++) {
		if (xt_is_sent(&us->v[j])) {
			score += us->v[j].words;
			*last = j;
		} else if (!xt_soft(&us->v[j]) && !xt_textlike(us, j)) {
			break;
		}
	}
	return score;
}

static size_t
xt_first_sent(const struct xt_units *us, size_t k, size_t lim)
{
	while (k < lim && !xt_is_sent(&us->v[k]))
		k++;
	return k;
}

/* The first unit of the given span kind from unit a on, or us->n. */
static size_t
xt_first_span(const struct xt_units *us, size_t a, enum xt_kind kind)
{
	size_t c;

	for (c = a; c < us->n && !xt_is_span(us, c, kind); c++)
		;
	return c;
}

/* A few sentences before the lead photo, the dateline ("BERLIN --"),
 * the byline or the date inside the run are the standfirst or a
 * caption: the article starts after them. */
static void
xt_trim_head(struct xt_units *us)
{
	size_t c, k, sents;
	enum xt_kind kinds[] = {XK_CREDIT, XK_DATELINE, XK_BYLINE, XK_DATE};
	unsigned i;

	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		/* the lead photo is the page's first; the others the run's */
		c = xt_first_span(us, kinds[i] == XK_CREDIT ? 0 : us->run_a,
		    kinds[i]);
		if (c <= us->run_a || c >= us->run_b)
			continue;
		for (k = us->run_a, sents = 0; k < c; k++)
			sents += xt_is_sent(&us->v[k]);
		if (sents <= 2)
			us->run_a = xt_first_sent(us, c, us->run_b);
	}
}

/* Weight of a unit in the body search: real sentences count their
 * words past the first few (a teaser line or "shared 40 times." adds
 * next to nothing), everything else costs a little (sub-headings,
 * widget labels), more when short or in Title Case (menus), a third of
 * its words when long (teaser titles strung together), or ends
 * the search (comment forms and counters, copyright footers): the body
 * is the stretch of units with the largest total, so short boilerplate
 * gaps inside an article are crossed and long menus are not. */
static long
xt_weight(const struct xt_unit *u)
{
	if (u->kind == U_FORM || u->kind == U_LEGAL || (u->kind == U_SPAN &&
	    (u->span == XK_COUNTER || u->span == XK_FORM ||
	    u->span == XK_STAMP || u->span == XK_REPLY ||
	    u->span == XK_AUTHOR)))
		return -XT_HARD_GAP;
	if (xt_soft(u) && !(u->role == R_DROP && u->kind == U_TITLE))
		return -1;	/* a known insert; teaser titles cost as titles */
	switch (u->kind) {
	case U_SENT:
		return (long)u->words - XT_SHORT_SENT;
	case U_TITLE:
		if (u->words >= 4 && u->caps * 10 > u->words * 6)
			return -(4 + (long)u->words / 4);	/* menu run */
		return u->words >= 8 ? -(long)u->words / 3 :
		    u->words >= 4 ? -2 : -4;
	case U_SPAN:
		return u->span == XK_DATE ? -6 : u->span == XK_BYLINE ? -10 : -4;
	default:
		return 0;
	}
}

/* A time stamp ("2 hours ago") that ends the body at unit k follows
 * the title of the first teaser or comment, and a "Reply" button the
 * first comment: a short sentence right before it is that title or
 * comment, not the article's last sentence. */
static void
xt_stamp_title(struct xt_units *us, size_t k)
{
	if ((xt_is_span(us, k, XK_STAMP) || xt_is_span(us, k, XK_REPLY)) &&
	    us->run_b == k && k > us->run_a &&
	    xt_is_sent(&us->v[k - 1]) && us->v[k - 1].words <= XT_TEASER_MAX)
		us->run_b = k - 1;
	while (us->run_b > us->run_a && !xt_is_sent(&us->v[us->run_b - 1]))
		us->run_b--;	/* the comment's name and date */
}

/* Unit k is the date or byline of another story: a title (and byline)
 * before it, a sentence after it. Pages run their next article or a list of
 * teasers with their first paragraphs after the article. */
static int
xt_next_story(const struct xt *x, const struct xt_units *us, size_t k)
{
	size_t j = k;
	const char *p;

	if ((!xt_is_span(us, k, XK_DATE) && !xt_is_span(us, k, XK_BYLINE)) ||
	    k < 2 || !xt_is_sent(&us->v[k + (k + 1 < us->n)]))
		return 0;
	if (xt_is_span(us, k, XK_DATE) && xt_is_span(us, j - 1, XK_BYLINE))
		j--;
	p = x->s + x->t[us->v[j - 1].b - 1].off;
	if (p[0] == '@' || (p[0] == '(' && p[1] == '@'))
		return 0;	/* "— Name (@handle) date": an embedded post */
	return us->v[j - 1].kind == U_TITLE;
}

static int
xt_kept(const struct xt_units *us, size_t k)
{
	return xt_is_sent(&us->v[k]) || (us->v[k].kind == U_TITLE &&
	    us->v[k].role == R_NONE);
}

/* A page with no article in prose (results, a table, a list of dates):
 * the body is what stands between its date or byline and the first
 * hard end (comments, copyright footer), when it holds many more words
 * than the best stretch of prose and most of them are on lines with
 * numbers (menus have none). Returns 1 when it took the body. */
static int
xt_units_data(struct xt_units *us, long best)
{
	size_t h, k, words = 0, numeric = 0;

	for (h = 0; h < us->n && !xt_is_span(us, h, XK_DATE) &&
	    !xt_is_span(us, h, XK_BYLINE); h++)
		;
	for (k = h + 1; k < us->n && xt_weight(&us->v[k]) > -XT_HARD_GAP;
	    k++)
		if (xt_kept(us, k)) {
			words += us->v[k].words;
			numeric += us->v[k].digits ? us->v[k].words : 0;
		}
	if (h >= us->n || words < XT_DATA_MIN || numeric * 2 < words ||
	    (long)words < 4 * best)
		return 0;
	while (k > h + 1 && !xt_kept(us, k - 1))
		k--;
	us->run_a = h + 1;
	us->run_b = k;
	return 1;
}

/* A list of dates or results right after the last sentence ("Tour
 * dates: June 9 -- ...") is part of the article: lines with numbers
 * (XT_LIST_ITEMS of them at least), none of them boilerplate,
 * announced by a word with a colon before a number or a month ("dates:
 * June 9", not "Tel.: +49"), or followed by the
 * article's credits line. */
static void
xt_units_tail(const struct xt *x, struct xt_units *us)
{
	size_t k, i, items = 0;
	int colon = 0;

	if (us->run_b == us->run_a)
		return;		/* no body to add to */
	for (k = us->run_b; k < us->n && us->v[k].kind == U_TITLE &&
	    us->v[k].role == R_NONE && us->v[k].digits > 0; k++)
		items += us->v[k].digits;
	if (items < XT_LIST_ITEMS)
		return;
	for (i = us->v[us->run_b - 1].b - 1; i < us->v[us->run_b].b &&
	    i + 1 < x->nt; i++)
		colon |= (x->t[i].flags & TF_COLON) && (x->t[i].flags &
		    TF_LOWER) && ((x->t[i + 1].flags & TF_DIGIT) ||
		    (x->t[i + 1].cls & XC_MONTH));
	if (colon || xt_is_span(us, k, XK_CREDITS))
		us->run_b = k;
}

/* A name of two or three capitalised words at the start of unit u,
 * then lower case, and a role word ("reporter", "Redakteurin") soon
 * after: "Petra Lange ist Redakteurin im Lokalteil ...". */
static int
xt_role_note(const struct xt *x, const struct xt_unit *u)
{
	size_t k = u->a, n;

	while (k < u->b && k < u->a + 3 && (x->t[k].flags & TF_CAP) &&
	    !(x->t[k].cls & XC_FUNC))
		k++;
	if (k < u->a + 2 || k >= u->b || !(x->t[k].flags & TF_LOWER) ||
	    (x->t[k - 1].flags & TF_COMMA))
		return 0;	/* "Jane Doe, a reporter" is prose */
	for (n = k; n < u->b && n < k + XT_ROLE_NEAR; n++)
		if (x->t[n].cls & XC_ROLE)
			return 1;
	return 0;
}

/* Unit k is an author's note: a sentence that starts with a name of
 * the byline and goes on in lower case ("Luis García es periodista
 * ...", "Jane Doe is a reporter ..."), or with any name and a role. */
static int
xt_bio(const struct xt *x, const struct xt_units *us, size_t k)
{
	const struct xt_unit *u = &us->v[k];
	const char *p = x->s + x->t[u->a].off;
	size_t i, n;

	if (!xt_is_sent(u))
		return 0;
	if (xt_role_note(x, u))
		return 1;
	for (i = 0; i < x->a->byline.n; i++) {
		n = strlen(x->a->byline.v[i]);
		if (n + 1 < x->n - x->t[u->a].off && memcmp(p, x->a->byline.v[i],
		    n) == 0 && p[n] == ' ' && p[n + 1] >= 'a' && p[n + 1] <= 'z')
			return 1;
	}
	return 0;
}

static void
xt_units_body(const struct xt *x, struct xt_units *us)
{
	size_t k, a = 0;
	long sum = 0, best = 0, w;

	for (k = 0; k < us->n; k++) {
		int story = xt_next_story(x, us, k);

		w = story || xt_bio(x, us, k) ? -XT_HARD_GAP :
		    xt_weight(&us->v[k]);
		if (w <= -XT_HARD_GAP && best >= (story ? XT_STORY_MIN :
		    XT_ARTICLE_MIN)) {
			xt_stamp_title(us, k);
			break;	/* comments or other stories follow */
		}
		if (w <= -XT_HARD_GAP)
			sum = 0;	/* what came before was no article */
		if (sum <= 0) {
			if (w <= 0 || !xt_is_sent(&us->v[k]))
				continue;
			sum = 0;
			a = k;
		}
		sum += w;
		if (sum > best) {
			best = sum;
			us->run_a = a;
			us->run_b = k + 1;
		}
	}
	if (best < XT_ARTICLE_MIN && xt_units_data(us, best))
		return;
	xt_units_tail(x, us);
	xt_trim_head(us);
}

static void
xt_text_range(const struct xt *x, size_t a, size_t b, char **field)
{
	const char *p;

	if (a >= b) {
		article_set(field, NULL, 0);
		return;
	}
	p = x->s + x->t[a].off;
	article_set(field, p, x->t[b - 1].off + x->t[b - 1].len -
	    x->t[a].off);
}

/* Head parts: title and sentence units before the body, the head part
 * of a merged caption unit; a lone unit is split in two. */
static void
xt_head(struct xt *x, struct xt_units *us)
{
	size_t k, ra[2] = {0, 0}, rb[2] = {0, 0}, np = 0, s, b;
	const struct xt_unit *u;
	int glued = 0;

	for (k = 0; k < us->run_a && np < 2; k++) {
		u = &us->v[k];
		b = u->role == R_CAPTION ? us->cap_a : u->b;
		if (u->kind != U_TITLE && u->kind != U_SENT)
			continue;
		if ((u->role != R_NONE && !(u->role == R_CAPTION &&
		    us->cap_a > u->a)) || (b - u->a < 2 && u->words < 4))
			continue;	/* one word: a menu item, not a title */
		ra[np] = u->a, rb[np++] = b;
	}
	if (np == 0 && us->run_b - us->run_a > 1 && !(us->run_a > 0 &&
	    xt_is_span(us, us->run_a - 1, XK_DATELINE)) &&
	    xt_run(us, us->run_a, &k) > us->v[us->run_a].words) {
		/* no head before the body: its first unit is the head,
		 * unless a dateline opens it; a headline glued to the
		 * first sentence is cut off it, the sentence stays */
		struct xt_unit *f = &us->v[us->run_a];

		s = xt_split(x, f->a, f->b, 0);
		ra[np] = f->a, rb[np++] = s != 0 && f->b - s >=
		    XT_GLUED_SENT ? s : f->b;
		if (rb[0] == s)
			f->a = s, glued = 1;
		else
			us->run_a = xt_first_sent(us, us->run_a + 1,
			    us->run_b);
	}
	if (np == 1 && !glued && (s = xt_split(x, ra[0], rb[0], 0)) != 0) {
		ra[1] = s, rb[1] = rb[0], rb[0] = s;
		np = 2;
	}
	if (np > 0)
		xt_text_range(x, ra[0], rb[0], &x->a->headline);
	if (np > 1)
		xt_text_range(x, ra[1], rb[1], &x->a->standfirst);
}

/* Body paragraphs: a line (or the part of it between cuts) when the
 * page kept its line breaks, else one sentence each. */
static void
xt_paragraphs(struct xt *x, struct xt_units *us)
{
	size_t k, start = 0, prev = 0;
	int lines = 0, open = 0;
	char *p = NULL;

	for (k = us->run_a + 1; k < us->run_b; k++)
		if (xt_kept(us, k) && (x->t[us->v[k].a].flags & TF_NL))
			lines = 1;
	for (k = us->run_a; k <= us->run_b; k++) {
		int keep = k < us->run_b && xt_kept(us, k);
		int brk = k == us->run_b || !keep || !lines || k != prev + 1 ||
		    (x->t[us->v[k].a].flags & TF_NL);

		if (open && (brk || !keep)) {
			/* the dateline opens the paragraph it heads */
			xt_text_range(x, us->v[start - (start > 0 &&
			    xt_is_span(us, start - 1, XK_DATELINE))].a,
			    us->v[prev].b, &p);
			if (p != NULL)
				strlist_push_owned(&x->a->body, p);
			p = NULL;
			open = 0;
		}
		if (keep) {
			if (!open)
				start = k;
			open = 1;
			prev = k;
		}
	}
}

/* FNV-1a of a unit's words, blind to the spacing between them. */
static uint64_t
xt_unit_hash(const struct xt *x, const struct xt_unit *u)
{
	uint64_t h = 1469598103934665603u;
	size_t i, k;

	for (i = u->a; i < u->b; i++) {
		for (k = 0; k < x->t[i].len; k++)
			h = (h ^ (unsigned char)x->s[x->t[i].off + k]) *
			    1099511628211u;
		h = (h ^ ' ') * 1099511628211u;
	}
	return h | 1;	/* 0 marks an empty slot */
}

/* Pages often carry the article twice (a print or mobile copy, a
 * summary repeated in the text): a unit of the body that repeats an
 * earlier one word for word is dropped. Linear: one hash table. */
static void
xt_dedupe(const struct xt *x, struct xt_units *us)
{
	size_t cap = 16, k, j;
	uint64_t *tab, h;

	while (cap < 2 * (us->run_b - us->run_a))
		cap *= 2;
	tab = xcalloc(cap, sizeof(*tab));
	for (k = us->run_a; k < us->run_b; k++) {
		if (!xt_kept(us, k) || us->v[k].words < XT_DUP_WORDS)
			continue;
		h = xt_unit_hash(x, &us->v[k]);
		for (j = h & (cap - 1); tab[j] != 0 && tab[j] != h;
		    j = (j + 1) & (cap - 1))
			;
		if (tab[j] == h)
			us->v[k].role = R_DROP;
		tab[j] = h;
	}
	free(tab);
}

static void
xt_units_fill(struct xt *x, struct xt_units *us)
{
	xt_dedupe(x, us);
	xt_head(x, us);
	if (us->cap_a < us->cap_b)
		xt_text_range(x, us->cap_a, us->cap_b, &x->a->image_caption);
	xt_paragraphs(x, us);
}


#ifdef XT_TRACE
static void
xt_trace(const struct xt *x, const struct xt_units *us)
{
	size_t k;

	for (k = 0; k < us->n; k++) {
		const struct xt_unit *u = &us->v[k];
		size_t n = x->t[u->b - 1].off + x->t[u->b - 1].len -
		    x->t[u->a].off;

		fprintf(stderr, "%c%4zu k%d s%d r%d w%3zu %4ld |%.*s\n",
		    k >= us->run_a && k < us->run_b ? '*' : ' ', k, u->kind,
		    u->span, u->role, u->words, xt_weight(u),
		    (int)(n > 160 ? 160 : n), x->s + x->t[u->a].off);
	}
}
#endif

enum nd_err
xt_units(struct xt *x)
{
	struct xt_units us;

	memset(&us, 0, sizeof(us));
	xt_build(x, &us);
	xt_teasers(&us);
	xt_caption(x, &us);
	xt_inline_captions(&us);
	xt_units_body(x, &us);
#ifdef XT_TRACE
	xt_trace(x, &us);
#endif
	if (us.run_a == us.run_b) {
		free(us.v);
		return ND_EEMPTY;
	}
	xt_units_fill(x, &us);
	free(us.v);
	return ND_OK;
}
