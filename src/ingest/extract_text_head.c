/* extract_text_head.c - the headline read again once the body is known.
 *
 * Menus run into the headline when the page's blocks are run together
 * ("... Sport Culture Opinion The Headline Here By Jane Doe ..."), and
 * with line breaks kept a Title Case headline looks like a menu line.
 * What tells a headline from menu words is what it says: a headline
 * names what the article is about, so its content words come again in
 * the body, while menu items ("Home", "Opinion", "Sign in") do not. So
 * every stretch of plain words before the body (no span, no line break
 * or sentence end inside, a capital or digit first, no full stop last:
 * that is a standfirst's or a caption's) is scored word by word: a
 * content word found in the body's opening counts for it, one not
 * found against it, function words a little for it (menus have none),
 * widget and menu class words against it; one that stands right before
 * a byline or a date gains, and so does a title written twice in a
 * row. The best stretch with enough evidence becomes the headline (and
 * a headline-like stretch right before it, if any: the best is then its
 * standfirst). Bounded: XT_HW_BACK words back, XT_HEAD_MAX words long,
 * XT_HW_BODY body words in a fixed-size table. The old headline and
 * standfirst stay when nothing has enough evidence.
 */
#include "ingest/extract_text_int.h"

#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

#ifdef XT_TRACE
#include <stdio.h>
#endif

#define XT_HW_BACK	300	/* words before the body searched */
#define XT_HW_BODY	400	/* body words whose vocabulary is read */
#define XT_HW_TAB	1024	/* table slots, power of two > 2 * XT_HW_BODY */
#define XT_HW_STEM	5	/* bytes of a word's key compared */
#define XT_HW_HIT	5	/* a content word the body repeats */
#define XT_HW_MISS	5	/* a content word the body lacks */
#define XT_HW_SOFT	2	/* the same, joined to a function word */
#define XT_HW_FUNC	1	/* a function word */
#define XT_HW_NEXT	4	/* the stretch stands before a byline or date */
#define XT_HW_TWICE	10	/* the stretch is written twice in a row */
#define XT_HW_MIN	10	/* score a headline needs at least */
#define XT_HW_LONG	15	/* words of a headline before each costs */
#define XT_HW_EXTRA	4	/* cost of each word past XT_HW_LONG */
#define XT_HW_HITS	2	/* content words of it the body repeats */

/* Words of menus, widgets and promos: never evidence for a headline. */
#define XT_HW_MENU (XC_NAV | XC_SHARE | XC_NET | XC_SAVE | XC_PROMO | \
	XC_COOKIE | XC_COOKIEW | XC_FORM | XC_COMMENTW)

struct xt_vocab {
	uint64_t tab[XT_HW_TAB];	/* FNV-1a of stems, 0 empty */
};

enum { HW_LONG = 1, HW_MARK = 2, HW_IN = 4 };

/* The search: words [lo, h) before the body, the body's vocabulary and
 * per word of [lo, h] what is worked out once: the hash of its key and
 * flags (HW_LONG: in a line too long for a headline; HW_MARK: opens a
 * publishing note; HW_IN: its stem is in the body). */
struct xt_hw {
	const struct xt *x;
	const struct xt_vocab *v;
	size_t lo, h;
	uint8_t *fl;	/* owned */
	uint64_t *key;	/* owned */
};

/* Hash of the first max bytes of word i's key (XT_HW_STEM: "plumes",
 * "plume's" and "plume" agree); 0 when it has no key. */
static uint64_t
xt_stem_hash(const struct xt *x, size_t i, size_t max)
{
	char key[XT_KEY_MAX];
	size_t n = xt_key(x, i, key), k;
	uint64_t h = 1469598103934665603u;

	for (k = 0; k < n && k < max; k++) {
		if (key[k] == '\'' || (k + 2 < n && memcmp(key + k,
		    "\xE2\x80\x99", 3) == 0))
			break;	/* "Musk's", "Bezos’s": the name */
		h = (h ^ (unsigned char)key[k]) * 1099511628211u;
	}
	if (k == 0)
		return 0;
	return h | 1;
}

/* Slot of h: where it is or the empty one where it would go. */
static size_t
xt_vocab_slot(const struct xt_vocab *v, uint64_t h)
{
	size_t j;

	for (j = h & (XT_HW_TAB - 1); v->tab[j] != 0 && v->tab[j] != h;
	    j = (j + 1) & (XT_HW_TAB - 1))
		;
	return j;
}

/* Content words of the body's first XT_HW_BODY words, from unit f. */
static void
xt_vocab_fill(const struct xt *x, const struct xt_units *us, size_t f,
    struct xt_vocab *v)
{
	size_t k, i, seen = 0;
	uint64_t h;

	memset(v, 0, sizeof(*v));
	for (k = f; k < us->run_b && seen < XT_HW_BODY; k++) {
		if (!xt_kept(us, k))
			continue;
		for (i = us->v[k].a; i < us->v[k].b && seen < XT_HW_BODY;
		    i++) {
			if ((x->t[i].flags & TF_PUNCT) ||
			    (x->t[i].cls & XC_FUNC) ||
			    (h = xt_stem_hash(x, i, XT_HW_STEM)) == 0)
				continue;
			v->tab[xt_vocab_slot(v, h)] = h;
			seen++;
		}
	}
}

static int
xt_vocab_has(const struct xt_vocab *v, uint64_t h)
{
	return h != 0 && v->tab[xt_vocab_slot(v, h)] == h;
}

/* A headline being read backwards from its end: its score, the body
 * words it holds and the stems it holds (a menu repeats one: "Apple
 * Watch Series 4 Apple Watch", "NASCAR News NASCAR Results"). */
struct xt_hw_run {
	int sum, hit;
	size_t words, nstem;
	uint64_t stem[XT_HEAD_MAX];
};

/* Is word i lower case or next to a function word ("The Quiet Comet
 * That Came Back")? Words of a headline are joined so, menu items are
 * not ("Science Space Travel"). */
static int
xt_hw_joined(const struct xt *x, size_t i)
{
	return (x->t[i].flags & TF_LOWER) || (i > 0 &&
	    (x->t[i - 1].cls & XC_FUNC) && !(x->t[i].flags & TF_NL)) ||
	    (i + 1 < x->nt && (x->t[i + 1].cls & XC_FUNC) &&
	    !(x->t[i + 1].flags & TF_NL));
}

/* Add word i to the run r. */
static void
xt_hw_word(const struct xt_hw *c, size_t i, struct xt_hw_run *r)
{
	const struct xt *x = c->x;
	const struct xt_tok *t = &x->t[i];
	uint64_t h;
	size_t k;
	int in;

	if (t->flags & TF_PUNCT)
		return;
	if (++r->words > XT_HW_LONG)
		r->sum -= XT_HW_EXTRA;
	if (t->cls & XC_FUNC) {
		r->sum += XT_HW_FUNC;
		return;
	}
	if (i >= c->lo && i <= c->h) {
		h = c->key[i - c->lo];
		in = (c->fl[i - c->lo] & HW_IN) != 0;
	} else {
		h = xt_stem_hash(x, i, XT_KEY_MAX);
		in = xt_vocab_has(c->v, xt_stem_hash(x, i, XT_HW_STEM));
	}
	for (k = 0; k < r->nstem && r->stem[k] != h; k++)
		;
	if (k < r->nstem) {
		r->sum -= XT_HW_MISS;	/* said twice: a menu */
		return;
	}
	if (r->nstem < XT_HEAD_MAX)
		r->stem[r->nstem++] = h;
	if (t->cls & XT_HW_MENU)
		r->sum += in ? 0 : -XT_HW_MISS;
	else if (in)
		r->sum += XT_HW_HIT;
	else	/* menu items are capitalised words side by side */
		r->sum -= xt_hw_joined(x, i) ? XT_HW_SOFT : XT_HW_MISS;
	r->hit += in && !(t->cls & XT_HW_MENU) && !(t->flags & TF_DIGIT);
}

/* Is word k inside a line too long for a headline (blocks run
 * together), so that a headline may start or end inside it? */
static int
xt_hw_long_slow(const struct xt *x, size_t k)
{
	size_t a = k, b = k + 1;

	while (a > 0 && k - a < XT_HEAD_MAX && !(x->t[a].flags & TF_NL))
		a--;
	while (b < x->nt && b - k < XT_HEAD_MAX && !(x->t[b].flags & TF_NL))
		b++;
	return b - a > XT_HEAD_MAX;
}

/* Is word k a block edge: a line break, a span or sentence end before
 * it? */
static int
xt_hw_edge(const struct xt *x, size_t k)
{
	return k == 0 || k >= x->nt || (x->t[k].flags & TF_NL) ||
	    (x->t[k - 1].flags & TF_END) || x->t[k].kind != XK_TEXT ||
	    x->t[k - 1].kind != XK_TEXT;
}

static int
xt_hw_long(const struct xt_hw *c, size_t k)
{
	if (k >= c->lo && k <= c->h)
		return (c->fl[k - c->lo] & HW_LONG) != 0;
	return xt_hw_long_slow(c->x, k);
}

static int
xt_hw_mark(const struct xt_hw *c, size_t k)
{
	if (k >= c->lo && k <= c->h)
		return (c->fl[k - c->lo] & HW_MARK) != 0;
	return xt_near_marker(c->x, k);
}

/* Outside English, headlines are written in sentence case, so a
 * capitalised sentence starter inside a line ("... liefert ersten
 * Strom Die ersten Anlagen", "... de Lyon Les travaux") starts a new
 * part even after a capitalised word. */
static int
xt_hw_starter(const struct xt *x, size_t s)
{
	return x->dayfirst && s > 0 && (x->t[s].flags & TF_CAP) &&
	    (x->t[s].cls & XC_STARTER) && !(x->t[s - 1].cls & XC_FUNC);
}

static int
xt_has_cap(const struct xt *x, size_t k)
{
	return k < x->nt && (x->t[k].flags & TF_CAP);
}

/* Can a headline end before word e? */
static int
xt_hw_end(const struct xt_hw *c, size_t e)
{
	const struct xt *x = c->x;
	const struct xt_tok *p = &x->t[e - 1];

	if ((p->flags & (TF_COMMA | TF_COLON)) || (p->cls & XC_FUNC) ||
	    p->kind != XK_TEXT)
		return 0;
	if ((p->flags & TF_END) && x->s[p->off + p->len - 1] == '.')
		return 0;	/* a standfirst, a caption */
	if (e >= c->h || xt_hw_edge(x, e) || xt_hw_mark(c, e))
		return 1;
	if (!xt_hw_long(c, e - 1))
		return 0;
	if (xt_hw_starter(x, e))
		return 1;
	/* glued to what follows: a new part, two capitalised words (a
	 * name: "... the harbour Ana Ruiz"), or a Title Case word or a
	 * number after a capitalised one ("... Water Vapor Europa's
	 * plumes"); German capitalises its nouns, so not there */
	return xt_new_part(x, e) || (x->t[e].flags & TF_PUNCT) ||
	    (!x->german && (((x->t[e].flags & TF_CAP) &&
	    xt_has_cap(x, e + 1)) || ((x->t[e].flags & (TF_CAP |
	    TF_DIGIT)) && (p->flags & (TF_CAP | TF_DIGIT | TF_UPPER)))));
}

/* Can a headline start at word s? */
static int
xt_hw_start(const struct xt_hw *c, size_t s)
{
	const struct xt *x = c->x;

	if (!(x->t[s].flags & (TF_CAP | TF_DIGIT)))
		return 0;
	if (xt_hw_edge(x, s))
		return 1;
	/* inside a phrase: "... diagnosed in China Officials say" */
	return xt_hw_long(c, s) && !((x->t[s - 1].flags & TF_LOWER) &&
	    (x->t[s - 1].cls & XC_FUNC));
}

/* Bonus of a headline ending before e: a byline or a date follows
 * (over a short widget run). */
static int
xt_hw_after(const struct xt *x, size_t e)
{
	size_t k;

	for (k = e; k < x->nt && k < e + 3 && x->t[k].kind == XK_WIDGET;
	    k++)
		;
	return k < x->nt && (x->t[k].kind == XK_BYLINE ||
	    x->t[k].kind == XK_DATE) ? XT_HW_NEXT : 0;
}

struct xt_hw_best {
	size_t a, b;
	int score;
};

/* Does the headline stop before word s, which it holds? At a sentence
 * end or a publishing note ("Published", "Written by"), and in
 * run-together text where a new part starts (a capital
 * after a lower-case content word: "... shares plunge The retailer"),
 * unless that capital is a word in capitals ("warns SURRENDER is"). */
static int
xt_hw_stop(const struct xt_hw *c, size_t s)
{
	const struct xt *x = c->x;
	const struct xt_tok *p = &x->t[s - 1];

	if (p->kind != XK_TEXT || (p->flags & TF_END) || xt_hw_mark(c,
	    s - 1) || xt_hw_mark(c, s))
		return 1;
	return (xt_new_part(x, s) || xt_hw_starter(x, s)) &&
	    !(x->t[s].flags & TF_UPPER) && xt_hw_long(c, s);
}

/* The best headline ending before e, into *best if it beats it. */
static void
xt_hw_from(const struct xt_hw *c, size_t e, struct xt_hw_best *best)
{
	const struct xt *x = c->x;
	struct xt_hw_run r;
	size_t s;
	int sc;

	memset(&r, 0, sizeof(r));
	r.sum = xt_hw_after(x, e);
	for (s = e; s > c->lo && r.words < XT_HEAD_MAX; s--) {
		if (x->t[s - 1].kind != XK_TEXT || (s < e && xt_hw_stop(c, s)))
			break;
		xt_hw_word(c, s - 1, &r);
		/* a headline may open with "The", "Le", "Der"; menus do not */
		sc = r.sum + ((x->t[s - 1].cls & XC_STARTER) ? XT_HW_FUNC : 0);
		if (r.words >= 3 && r.hit >= XT_HW_HITS &&
		    xt_hw_start(c, s - 1) && (sc > best->score ||
		    (sc == best->score && best->b == e)))
			best->a = s - 1, best->b = e, best->score = sc;
		if (x->t[s - 1].flags & TF_NL)
			break;
	}
}

/* The standfirst after a new headline ending before e: the rest of
 * its block when that is a part of four or more words (run-together
 * text: "... coal pier Council backs plan to ..."), else the first
 * sentence after it before the body, if any. */
static void
xt_hw_standfirst(struct xt *x, const struct xt_units *us, size_t e,
    size_t h)
{
	size_t k, j, words = 0;

	for (j = e; j < h && !(j > e && xt_hw_edge(x, j)) &&
	    !(j > e && xt_new_part(x, j)); j++)
		words += !(x->t[j].flags & TF_PUNCT);
	if (e < h && !xt_hw_edge(x, e) && words >= 4) {
		xt_text(x, e, j, &x->a->standfirst);
		return;
	}
	for (k = 0; k < us->run_a; k++) {
		const struct xt_unit *u = &us->v[k];

		if (u->a >= e && u->kind == U_SENT && u->role == R_NONE &&
		    u->words >= 4) {
			xt_text(x, u->a, u->b, &x->a->standfirst);
			return;
		}
	}
	article_set(&x->a->standfirst, NULL, 0);
}

#ifdef XT_TRACE
static void
xt_hw_trace(const struct xt_hw *c, size_t e)
{
	struct xt_hw_best b = {0, 0, 0};
	size_t n;

	xt_hw_from(c, e, &b);
	if (b.b == 0)
		return;
	n = c->x->t[b.b - 1].off + c->x->t[b.b - 1].len - c->x->t[b.a].off;
	fprintf(stderr, "head %4d |%.*s\n", b.score, (int)(n > 160 ? 160 :
	    n), c->x->s + c->x->t[b.a].off);
}
#endif

/* A title written twice in a row (the span pass took it for a teaser
 * card, see xt_repeats()): a crumb's last item and the headline, or
 * the headline and its share text, when the body repeats its words.
 * Its second copy goes into *best if it beats it. */
static void
xt_hw_twice(const struct xt_hw *c, size_t i, struct xt_hw_best *best)
{
	const struct xt *x = c->x;
	struct xt_hw_run r;
	size_t e, n, gap, k, m;
	int sc;

	for (e = i + 1; e < x->nt && x->t[e].kind == XK_RECO &&
	    !x->t[e].span; e++)
		;
	for (n = XT_REPEAT_MIN; 2 * n <= e - i; n++) {
		gap = e - i - 2 * n;
		if (gap > XT_REPEAT_GAP || !xt_same_words(x, i, i + n + gap, n))
			continue;
		/* the span pass takes the shortest repeat: the title's last
		 * words may follow it ("A B: C D A B: C D" is "A B:",
		 * "C D" between, "A B:") */
		for (m = 0; e + m < x->nt && i + n + m < e && x->t[e +
		    m].kind == XK_TEXT && xt_same_words(x, i + n + m, e + m, 1);
		    m++)
			;
		memset(&r, 0, sizeof(r));
		for (k = e + m; k > i + n + gap; k--)
			xt_hw_word(c, k - 1, &r);
		sc = r.sum + XT_HW_TWICE + xt_hw_after(x, e + m);
		if (r.hit >= XT_HW_HITS && sc > best->score)
			best->a = i + n + gap, best->b = e + m,
			best->score = sc;
		return;
	}
}

static size_t
xt_hw_words(const struct xt *x, size_t a, size_t b)
{
	size_t n = 0;

	for (; a < b; a++)
		n += !(x->t[a].flags & TF_PUNCT);
	return n;
}

/* A headline is followed by its standfirst, which says the same in
 * more words: when the best stretch has another one right before it
 * (over punctuation only; glued to it in run-together text when the
 * best is long or opens with a capitalised starter outside English)
 * that also reads as a headline, that one is the
 * headline and the best is the standfirst. */
static int
xt_hw_before(const struct xt_hw *c, struct xt_hw_best *best)
{
	const struct xt *x = c->x;
	struct xt_hw_best prev = {0, 0, XT_HW_MIN};
	size_t e = best->a;

	while (e > c->lo && (x->t[e - 1].flags & TF_PUNCT) &&
	    x->t[e - 1].kind == XK_TEXT)
		e--;
	if (e <= c->lo || !xt_hw_end(c, e) || (!xt_hw_edge(x, best->a) &&
	    !xt_hw_starter(x, best->a) && xt_hw_words(x, best->a, best->b) <=
	    XT_HW_LONG))
		return 0;	/* glued on: only a long one is a standfirst */
	xt_hw_from(c, e, &prev);
	if (prev.b == 0)
		return 0;
	*best = prev;
	return 1;
}

/* The unit where the words the headline is read from end: the body's
 * first, or the one after it when that is a line of its own that does
 * not end in a full stop or a bracket (a headline the body search took
 * in, not a caption with its credit). */
static size_t
xt_hw_first_line(const struct xt *x, const struct xt_units *us)
{
	const struct xt_unit *u = &us->v[us->run_a];
	const struct xt_tok *l = &x->t[u->b - 1];

	if (us->run_a + 1 >= us->run_b || !(x->t[u->a].flags & TF_NL) ||
	    (u->b < x->nt && !(x->t[u->b].flags & TF_NL)) ||
	    u->words > XT_HEAD_MAX || strchr(".)]", x->s[l->off + l->len -
	    1]) != NULL)
		return us->run_a;
	return us->run_a + 1;
}

/* Work out the per-word data of c once. */
static void
xt_hw_prepare(struct xt_hw *c)
{
	const struct xt *x = c->x;
	size_t k;

	c->fl = xcalloc(c->h - c->lo + 1, 1);
	c->key = xcalloc(c->h - c->lo + 1, sizeof(*c->key));
	for (k = c->lo; k <= c->h && k < x->nt; k++) {
		c->key[k - c->lo] = xt_stem_hash(x, k, XT_KEY_MAX);
		c->fl[k - c->lo] = (uint8_t)((xt_hw_long_slow(x, k) ?
		    HW_LONG : 0) | (xt_near_marker(x, k) ? HW_MARK : 0) |
		    (xt_vocab_has(c->v, xt_stem_hash(x, k, XT_HW_STEM)) ?
		    HW_IN : 0));
	}
}

/* The best headline before the body into *best, its standfirst
 * candidate into *first; returns 1 when both are found. */
static int
xt_hw_search(const struct xt_hw *c, struct xt_hw_best *best,
    struct xt_hw_best *first)
{
	size_t e;

	for (e = c->lo + 1; e <= c->h; e++) {
		if (c->x->t[e - 1].kind == XK_RECO && c->x->t[e - 1].span)
			xt_hw_twice(c, e - 1, best);
		if (!xt_hw_end(c, e))
			continue;
		xt_hw_from(c, e, best);
#ifdef XT_TRACE
		xt_hw_trace(c, e);
#endif
	}
	*first = *best;
	return best->b != 0 && xt_hw_before(c, best);
}

/* Set the headline [a, b) and its standfirst; the old ones stay when
 * the headline is the same. */
static void
xt_hw_set(struct xt *x, const struct xt_units *us, size_t h,
    const struct xt_hw_best *best, const struct xt_hw_best *first, int two)
{
	char *text = NULL;

	xt_text(x, best->a, best->b, &text);
	if (x->a->headline != NULL && text != NULL &&
	    strcmp(x->a->headline, text) == 0) {
		free(text);	/* the same headline: its standfirst too */
		return;
	}
	free(x->a->headline);
	x->a->headline = text;
	if (two)
		xt_text(x, first->a, first->b, &x->a->standfirst);
	else
		xt_hw_standfirst(x, us, best->b, h);
}

void
xt_head_words(struct xt *x, const struct xt_units *us)
{
	struct xt_vocab *v;
	struct xt_hw c;
	struct xt_hw_best best = {0, 0, XT_HW_MIN}, first;
	size_t k;
	int two;

	if (us->run_a >= us->run_b)
		return;
	k = xt_hw_first_line(x, us);
	c.x = x;
	c.h = us->v[k].a;
	c.lo = c.h > XT_HW_BACK ? c.h - XT_HW_BACK : 0;
	v = xmalloc(sizeof(*v));
	xt_vocab_fill(x, us, k, v);
	c.v = v;
	xt_hw_prepare(&c);
	two = xt_hw_search(&c, &best, &first);
	free(c.fl);
	free(c.key);
	free(v);
	xt_near_fields(x, us, best.a, best.b);
	if (best.b != 0)
		xt_hw_set(x, us, c.h, &best, &first, two);
}
