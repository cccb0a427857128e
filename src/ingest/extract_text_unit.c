/* extract_text_unit.c - cut the marked words into units (sentences,
 * title-like runs, spans), tell boilerplate units by their class words
 * and captions by their neighbours (teasers and promo boxes:
 * extract_text_teaser.c), have the body searched (extract_text_body.c),
 * drop a second copy (extract_text_copy.c), then read the headline,
 * standfirst and caption from what comes before it and write the
 * body's paragraphs.
 */
#include "ingest/extract_text_int.h"

#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

#ifdef XT_TRACE
#include <stdio.h>
#endif

/* Scores of a unit's class words. */
struct xt_score {
	int promo, strong, you, form, star, cookie, cookiew, legal, bars;
	int nets, share, handles, commentw, moder;
};

/* Is the word about comment moderation: moderator, moderation,
 * moderiert, moderador, moderación, modérateur (not "moderate")? */
static int
xt_moderation(const char *p, size_t n)
{
	if (n < 8 || (p[0] | 0x20) != 'm')
		return 0;
	if (memcmp(p + 1, "oderat", 6) == 0)
		return p[7] == 'o' || p[7] == 'i';
	return memcmp(p + 1, "oderad", 6) == 0 || memcmp(p + 1, "oderier",
	    7) == 0 || memcmp(p + 1, "od\xC3\xA9rat", 7) == 0;
}

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
		s->bars += t->len == 1 && x->s[t->off] == '|';
		if (t->flags & TF_PUNCT)
			continue;
		u->words += t->wn;
		u->func += (t->cls & XC_FUNC) != 0;
		u->caps += (t->flags & TF_CAP) != 0;
		u->digits += (t->flags & TF_DIGIT) != 0;
		/* "Kindle書籍を…": a capital, then a caseless script */
		u->lower += (t->flags & (TF_LOWER | TF_NOCASE)) ? t->wn :
		    t->wn - 1u;
		s->strong += (t->cls & XC_PROMO) != 0;
		s->promo += (t->cls & XC_PROMO) ? 2 : (t->cls & XC_PROMOW) != 0;
		s->you += (t->cls & XC_YOU) != 0;
		s->nets += (t->cls & XC_NET) != 0;
		s->handles += t->len > 2 && x->s[t->off] == '@';
		s->commentw += (t->cls & XC_COMMENTW) != 0;
		s->moder += xt_moderation(x->s + t->off, t->len);
		s->share += (t->cls & XC_SHARE) != 0;
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

/* Does the unit start a line with an interview's label: "Q:" or "A:"
 * (en), "F:" (de Frage), "R:" (fr réponse, es respuesta), "P:" (es
 * pregunta), as one word or with the colon apart ("Q :")? */
static int
xt_qa_label(const struct xt *x, const struct xt_unit *u)
{
	const struct xt_tok *t = &x->t[u->a];
	const char *p = x->s + t->off;

	if (!(t->flags & TF_NL) || strchr("QAFRP", p[0]) == NULL)
		return 0;
	if (t->len == 2 && p[1] == ':')
		return 1;
	return t->len == 1 && u->a + 1 < u->b && x->t[u->a + 1].len == 1 &&
	    x->s[x->t[u->a + 1].off] == ':';
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
	u->row = (x->t[u->a].flags & TF_CELL) != 0;
	u->qa = (uint8_t)xt_qa_label(x, u);
	u->cookiew = (uint8_t)(s.cookiew >= 1 && s.you >= 1 &&
	    u->words <= 30);
	u->promo = (uint8_t)(s.promo + s.you > 255 ? 255 : s.promo + s.you);
	u->strong = s.strong > 0;
	if (u->words == 0)
		u->kind = U_EMPTY;
	else if ((s.star && s.form) || (s.you && s.form >= 2 &&
	    u->words <= 20) || (s.commentw && s.moder && u->words <=
	    XT_PROMO_MAX))
		u->kind = U_FORM;	/* the form, or the comments' rules:
					 * "Comments ... approved by the moderator" */
	else if ((s.cookie && s.cookiew + s.you >= 1) || (s.cookiew >= 2 &&
	    s.you >= 1))
		u->kind = U_COOKIE;
	else if (s.strong && s.promo + s.you >= 3 && u->words <=
	    XT_PROMO_MAX && (s.you || !ended))
		u->kind = U_PROMO;
	else if (((s.nets >= 3 && s.share + s.you >= 1) || (s.handles &&
	    s.share)) && u->words <= XT_SOCIAL_MAX)
		u->kind = U_PROMO;	/* "Follow us on Instagram, X and ...",
					 * "Follow him on X @handle" */
	else if (((s.legal >= 2 && u->func * 4 < u->words) || (s.legal &&
	    (x->t[u->a].cls & XC_LEGAL))) && u->words <= XT_LEGAL_MAX)
		u->kind = U_LEGAL;
	else if (xt_title_case(x, u) || s.bars >= 2)
		u->kind = U_TITLE;	/* "Impressum | Kontakt | ...": links */
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
	    !(x->t[k].flags & (TF_NL | TF_BREAK))) {
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
	int cut = 0, runon = 0;

	while (a < x->nt) {
		us->v = xgrow(us->v, &cap, us->n, sizeof(*us->v), 64);
		u = &us->v[us->n++];
		memset(u, 0, sizeof(*u));
		u->a = a;
		if (a >= whole) {	/* a teaser's title runs on */
			whole = xt_unit_end(x, a);
			runon = x->t[a].kind == XK_TEXT && whole - a >=
			    XT_SPLIT_MIN && !xt_long_sentence(x, a, whole);
			cut = runon || (x->t[a].kind == XK_TEXT && a > 0 &&
			    x->t[a - 1].kind == XK_RECO);
		}
		u->b = x->t[a].kind == XK_TEXT ? xt_part_end(x, a, whole, cut) :
		    whole;
		if (runon)
			u->part = u->b == whole ? XT_PART_LAST : XT_PART_MID;
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

/* Does part u of a run-on unit read as prose: long, and one word in
 * four a function word with at most a third capitalised, or (in a
 * language without function words in the tables) four fifths in lower
 * case with at most a tenth capitalised? */
static int
xt_prose_part(const struct xt_unit *u)
{
	return u->kind == U_TITLE && u->words >= XT_LONG_LINE &&
	    ((u->func * 4 >= u->words && u->caps * 3 <= u->words) ||
	    (u->lower * 10 >= u->words * 8 && u->caps * 10 <= u->words));
}

/* Prose with a stop left out ("... led the junior crews to three
 * regional titles The new coach will start ... at the boathouse."):
 * in a run-on unit whose last part is a sentence, the parts right
 * before it that read as prose (XT_PROSE_PARTS - 1 at most; menu words
 * may come before them) are sentences too, not titles. Teaser titles
 * strung together are shorter or hold fewer function words, and
 * summaries among them end in no stop. */
static void
xt_prose_parts(struct xt_units *us)
{
	size_t k, a;

	for (k = 0; k < us->n; k++) {
		if (us->v[k].part != XT_PART_LAST || us->v[k].kind != U_SENT)
			continue;
		for (a = k; a > 0 && k - a + 1 < XT_PROSE_PARTS &&
		    us->v[a - 1].part == XT_PART_MID &&
		    xt_prose_part(&us->v[a - 1]); a--)
			us->v[a - 1].kind = U_SENT;
	}
}

/* Is word i a handle in brackets, "(@name)", or a bare "@name"? */
static int
xt_handle(const struct xt *x, size_t i)
{
	const char *p = x->s + x->t[i].off;
	size_t n = x->t[i].len;

	return (n > 3 && p[0] == '(' && p[1] == '@' && p[n - 1] == ')') ||
	    (n > 1 && p[0] == '@');
}

/* Does unit u end in a handle, maybe with a date after it ("— Name
 * (@handle)", "— Name (@handle) March 4, 2024")? */
static int
xt_signed(const struct xt *x, const struct xt_unit *u)
{
	size_t i;
	int64_t t;

	if (xt_handle(x, u->b - 1))
		return 1;
	for (i = u->a; i + 1 < u->b; i++)
		if (xt_handle(x, i) && xt_date_at(x, i + 1, &t) == u->b)
			return 1;
	return 0;
}

/* An embedded post flattened ends in its signature: "— Name (@handle)"
 * and the date, often after the address of its picture: a title-like
 * unit that ends in a handle (and a date) and starts with a dash or an
 * address. The post belongs to the article: the signature, the address
 * alone before it and the date after it are marked as the post's. */
static void
xt_posts(const struct xt *x, struct xt_units *us)
{
	size_t k;
	struct xt_unit *u;
	const char *p;

	for (k = 1; k < us->n; k++) {
		u = &us->v[k];
		p = x->s + x->t[u->a].off;
		if (u->kind != U_TITLE || u->role != R_NONE ||
		    !(xt_is_address(x, u->a) || (x->t[u->a].flags &
		    TF_PUNCT) || p[0] == '-') || !xt_signed(x, u))
			continue;
		u->post = 1;
		if (u[-1].kind == U_TITLE && u[-1].b == u[-1].a + 1 &&
		    xt_is_address(x, u[-1].a))
			u[-1].post = 1;
		if (xt_is_span(us, k + 1, XK_DATE))
			u[1].post = 1;
	}
}

int
xt_is_span(const struct xt_units *us, size_t k, enum xt_kind kind)
{
	return k < us->n && us->v[k].kind == U_SPAN && us->v[k].span == kind;
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

/* Does the credit at unit c end the line that unit c - 1 starts
 * ("About eighty people ... months (Credit: iStock)")? */
static int
xt_line_credit(const struct xt *x, const struct xt_units *us, size_t c)
{
	size_t e = us->v[c].b;

	return (x->t[us->v[c - 1].a].flags & TF_NL) &&
	    !(x->t[us->v[c].a].flags & TF_NL) && (e >= x->nt ||
	    (x->t[e].flags & TF_NL));
}

/* Is the credit at unit c in brackets glued to the words before it
 * ("... back to the Moon [Jo Lee via Nasa]")? Run together, that shows
 * the caption before it as a line's end would: a headline takes no
 * credit in brackets. */
static int
xt_bracket_glued(const struct xt *x, const struct xt_units *us, size_t c)
{
	const struct xt_tok *t = &x->t[us->v[c].a];
	char open = x->s[t->off];

	return !(t->flags & TF_NL) && (open == '[' || open == '(');
}

/* With line breaks kept, the caption often is a line without a full
 * stop right before the credit: after the article's first sentences
 * (past a gallery's counter, "4"), a line of XT_CAPTION_LINE words or
 * more is the caption (before any sentence it would be the headline,
 * unless the credit ends its line: "... months (Credit: iStock)", or
 * is in brackets glued to it);
 * and a short line that ends one ("4, 2024.") is the tail of a caption
 * broken over lines. Either way the sentence after the credit is the
 * article's. Returns 1 if so. */
static int
xt_caption_line(const struct xt *x, struct xt_units *us, size_t c)
{
	struct xt_unit *u = &us->v[c - (c > 0)];
	size_t k;

	if (c == 0 || u->kind != U_TITLE || u->role != R_NONE)
		return 0;
	if (u->ended)
		return 1;
	if (u->words < XT_CAPTION_LINE)
		return 0;
	for (k = c - 1; k > 0 && (xt_soft(&us->v[k - 1]) ||
	    (us->v[k - 1].kind == U_TITLE && us->v[k - 1].words <= 2)); k--)
		;
	if ((k == 0 || !xt_is_sent(&us->v[k - 1])) &&
	    !xt_line_credit(x, us, c) && !xt_bracket_glued(x, us, c))
		return 0;	/* a headline before the credit */
	u->role = R_CAPTION;
	us->cap_a = u->a;
	us->cap_b = u->b;
	return 1;
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
	if (xt_caption_line(x, us, c))
		return;
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

/* A caption of several sentences on a line of its own that ends in
 * its credit ("Functional areas of the module: (1) ... (9) stowage. In
 * general, the habitat ... Credit: ESA"), with line breaks kept: every
 * unit of the line before the credit at k goes, when the line holds
 * at most XT_CAPTION_PARA words. An article's paragraph never ends in
 * a photo credit; run together, no line ends anywhere. */
static void
xt_caption_para(const struct xt *x, struct xt_units *us, size_t k)
{
	size_t e = k, j, words = 0;

	while (e + 1 < us->n && xt_is_span(us, e + 1, XK_CREDIT))
		e++;
	if ((e + 1 < us->n && !(x->t[us->v[e + 1].a].flags & TF_NL)) ||
	    (x->t[us->v[k].a].flags & TF_NL))
		return;		/* the credit does not end its line */
	for (j = k; j > 0; j--) {
		const struct xt_unit *u = &us->v[j - 1];

		if ((u->kind != U_SENT && u->kind != U_TITLE) ||
		    (words += u->words) > XT_CAPTION_PARA)
			return;
		if (x->t[u->a].flags & TF_NL)
			break;
	}
	if (j == 0)
		return;
	for (j--; j < k; j++)
		if (us->v[j].role == R_NONE)
			us->v[j].role = R_DROP;
}

/* Later photo credits: their caption sentence is dropped. */
static void
xt_inline_captions(const struct xt *x, struct xt_units *us)
{
	size_t k;
	int first = 1;

	for (k = 1; k < us->n; k++) {
		if (!xt_is_span(us, k, XK_CREDIT) || xt_is_span(us, k - 1,
		    XK_CREDIT))
			continue;
		xt_caption_para(x, us, k);
		if (!first && (us->v[k - 1].kind == U_SENT ||
		    (us->v[k - 1].kind == U_TITLE && us->v[k - 1].words >=
		    XT_CAPTION_LINE)) && !xt_is_span(us, k + 1, XK_CAPTION))
			us->v[k - 1].role = R_DROP;
		else if (us->v[k - 1].kind == U_TITLE && us->v[k - 1].role ==
		    R_NONE && us->v[k - 1].words <= XT_NAME_MAX)
			us->v[k - 1].role = R_CAPTION;	/* a slide's name */
		first = 0;
	}
}

/* Is there a photo credit among units (k, k + XT_CAPTION_NEAR]? */
static int
xt_credit_near(const struct xt_units *us, size_t k)
{
	size_t j;

	for (j = k + 1; j < us->n && j <= k + XT_CAPTION_NEAR; j++)
		if (xt_is_span(us, j, XK_CREDIT))
			return 1;
	return 0;
}

/* A photo's caption written several times (the caption, its "more" /
 * "less" toggle, the gallery's copy), each next to a credit: units
 * that end with the same XT_CAPTION_TAIL words as an earlier unit that
 * had a credit right after it are copies of that caption, and all of
 * them go. A sentence repeated in the article has no credit next to
 * it. Units are compared by the hash of their last words. */
static void
xt_caption_copies(const struct xt *x, struct xt_units *us)
{
	size_t k, j;
	uint64_t *tail = xcalloc(us->n ? us->n : 1, sizeof(*tail));

	for (k = 0; k < us->n; k++) {
		const struct xt_unit *u = &us->v[k];

		if ((u->kind == U_SENT || u->kind == U_TITLE) &&
		    u->b - u->a >= XT_CAPTION_TAIL)
			tail[k] = xt_range_hash(x, u->b - XT_CAPTION_TAIL,
			    u->b);
	}
	for (k = 0; k < us->n; k++) {
		if (tail[k] == 0 || !xt_credit_near(us, k))
			continue;
		for (j = k + 1; j < us->n && j <= k + XT_CAPTION_SPAN; j++)
			if (tail[j] == tail[k] && xt_credit_near(us, j)) {
				us->v[k].role = us->v[j].role = R_DROP;
				tail[j] = 0;
			}
	}
	free(tail);
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

/* Could unit u be a headline? A title-like run of 4 to 30 words that
 * starts with a capital, is no menu (nearly every word capitalised),
 * names no date, time or handle, has no second person, promo, share or
 * save word, no "by Name" and does not start with a byline or crumb
 * word: menus, "2 min read", "Written by X", "Posted on ..." and "Sign
 * up" lines are not. */
static int
xt_head_like(const struct xt *x, const struct xt_unit *u)
{
	size_t i, digits = 0;

	if (u->kind != U_TITLE || u->role != R_NONE || u->words < 4 ||
	    u->words > XT_HEAD_MAX || !(x->t[u->a].flags & TF_CAP) ||
	    (x->t[u->a].cls & (XC_BY | XC_NAV)) || (u->words >= 6 &&
	    u->caps * 10 > u->words * 9))
		return 0;
	for (i = u->a; i < u->b; i++) {
		const struct xt_tok *t = &x->t[i];

		digits += (t->flags & TF_DIGIT) != 0;
		if ((t->cls & (XC_MONTH | XC_WEEKDAY | XC_YOU | XC_PROMO |
		    XC_TIMEW | XC_SHARE | XC_SAVE)) || digits > 1 ||
		    memchr(x->s + t->off, '@', t->len) != NULL)
			return 0;
		if ((t->cls & XC_BY) && i + 1 < u->b &&
		    (x->t[i + 1].flags & TF_CAP))
			return 0;	/* "Written by Ida Holm" */
	}
	return 1;
}

/* A standfirst after the headline: a sentence, or a line of text. */
static int
xt_standfirst_like(const struct xt_unit *u)
{
	return u->role == R_NONE && u->words >= 4 && (u->kind == U_SENT ||
	    (u->kind == U_TITLE && u->func >= 1));
}

/* The headline nearest the body, within XT_HEAD_BACK units before it;
 * us->n if none. */
static size_t
xt_head_near(const struct xt *x, const struct xt_units *us)
{
	size_t k, lim = us->run_a > XT_HEAD_BACK ? us->run_a - XT_HEAD_BACK :
	    0;

	for (k = us->run_a; k > lim; k--)
		if (xt_head_like(x, &us->v[k - 1]))
			return k - 1;
	return us->n;
}

/* Head parts: title and sentence units before the body, the head part
 * of a merged caption unit; a lone unit is split in two. */
static void
xt_head(struct xt *x, struct xt_units *us)
{
	size_t k, ra[2] = {0, 0}, rb[2] = {0, 0}, np = 0, s, b;
	const struct xt_unit *u;
	int glued = 0;

	if ((k = xt_head_near(x, us)) < us->n) {
		ra[0] = us->v[k].a, rb[0] = us->v[k].b;
		for (k++; k < us->run_a && !xt_standfirst_like(&us->v[k]);
		    k++)
			;
		if (k < us->run_a)	/* a line after it: standfirst */
			ra[1] = us->v[k].a, rb[1] = us->v[k].b;
		else if (rb[0] - ra[0] > XT_HEAD_ONE &&
		    (s = xt_split(x, ra[0], rb[0], 0)) != 0)
			ra[1] = s, rb[1] = rb[0], rb[0] = s;	/* glued */
		xt_text_range(x, ra[0], rb[0], &x->a->headline);
		if (ra[1] < rb[1])
			xt_text_range(x, ra[1], rb[1], &x->a->standfirst);
		return;
	}

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
		    (x->t[us->v[k].a].flags & (TF_NL | TF_BREAK));

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

static void
xt_units_fill(struct xt *x, struct xt_units *us)
{
	xt_copies(x, us);
	xt_head(x, us);
	xt_head_words(x, us);
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
	xt_prose_parts(&us);
	xt_posts(x, &us);
	xt_teasers(x, &us);
	xt_named_boxes(x, &us);
	xt_promo_boxes(&us);
	xt_read_more(x, &us);
	xt_caption_copies(x, &us);
	xt_caption(x, &us);
	xt_inline_captions(x, &us);
	xt_table_units(x, &us);
	xt_share_again(x, &us);
	xt_signup_forms(x, &us);
	xt_follow_box(x, &us);
	xt_disclaimers_end(x, &us);
	xt_units_body(x, &us);
	xt_company_before(x, &us);
	xt_pitch_tail(x, &us);
	xt_offer_tail(x, &us);
	xt_lead_notes(x, &us);
	xt_recall_head(x, &us);
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
