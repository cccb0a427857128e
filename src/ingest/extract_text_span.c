/* extract_text_span.c - mark runs of words by their role.
 *
 * One left-to-right pass; at each unmarked word the detectors are tried
 * in turn and the first that matches marks its words with a kind. Every
 * detector looks at a bounded number of words, so the pass is linear.
 * Detectors that read a header field (byline, date, photo credit,
 * comment count) store the first one they meet into the article.
 */
#include "ingest/extract_text_int.h"

#include <stdlib.h>
#include <string.h>

#include "util/buf.h"

#define XT_DATELINE_MAX	3	/* upper-case words of a dateline */
#define XT_WIDGET_MAX	64	/* words of one widget run */
#define XT_PROMO_BACK	6	/* words before a button to look for a promo */
#define XT_ICONS_MIN	3	/* lower-case share labels in a row */

#define XC_CORE (XC_SHARE | XC_NET | XC_SAVE | XC_AD)

static int
xt_has(const struct xt *x, size_t i, unsigned flag)
{
	return i < x->nt && (x->t[i].flags & flag) != 0;
}

static int
xt_cls(const struct xt *x, size_t i, uint32_t cls)
{
	return i < x->nt && (x->t[i].cls & cls) != 0;
}

/* Does a date start at word i, or after a date preposition there
 * ("on Monday, November 18th, 2019")? */
static int
xt_dated(const struct xt *x, size_t i)
{
	int64_t t;

	if (i < x->nt && (x->t[i].cls & XC_DATEPREP))
		i++;
	return i < x->nt && xt_date_at(x, i, &t) != 0;
}

/* A unit may start at i: start, new line, after a sentence or a span. */
int
xt_bound_before(const struct xt *x, size_t i)
{
	if (i == 0 || i >= x->nt || (x->t[i].flags & TF_NL))
		return 1;
	return (x->t[i - 1].flags & (TF_END | TF_COLON)) != 0 ||
	    x->t[i - 1].kind != XK_TEXT;
}

/* Word k starts a new part of run-together text: a line break, or a
 * capital after a lower-case content word with lower case after it
 * ("... at low tide Volunteers spent ..."), or a capitalised sentence
 * starter after a lower-case word. Not in German, which capitalises
 * its nouns, except for the starters. */
int
xt_new_part(const struct xt *x, size_t k)
{
	const struct xt_tok *p, *t;

	if (k == 0 || k >= x->nt || (x->t[k].flags & TF_NL))
		return k < x->nt;
	p = &x->t[k - 1], t = &x->t[k];
	if (!(t->flags & TF_CAP) || !(p->flags & TF_LOWER) ||
	    (p->flags & (TF_COMMA | TF_COLON)) ||
	    (t->cls & (XC_MONTH | XC_WEEKDAY)))
		return 0;
	if (t->cls & XC_STARTER)
		return 1;
	return !x->german && !(p->cls & XC_FUNC) && xt_has(x, k + 1,
	    TF_LOWER);
}

/* What follows a span at j can start a unit: end, new line, a capital,
 * a digit or punctuation. */
int
xt_bound_after(const struct xt *x, size_t j)
{
	if (j >= x->nt)
		return 1;
	return (x->t[j].flags & (TF_NL | TF_CAP | TF_DIGIT | TF_PUNCT)) != 0;
}

void
xt_mark(struct xt *x, size_t a, size_t b, enum xt_kind k)
{
	size_t i;

	for (i = a; i < b && i < x->nt; i++) {
		x->t[i].kind = (uint8_t)k;
		x->t[i].span = i == a;
	}
}

/* Text of words [a, b) with their surrounding punctuation trimmed. */
void
xt_text(const struct xt *x, size_t a, size_t b, char **field)
{
	const char *p, *e;

	if (a >= b) {
		article_set(field, NULL, 0);
		return;
	}
	p = x->s + x->t[a].off;
	e = x->s + x->t[b - 1].off + x->t[b - 1].len;
	while (p < e && strchr("([\"", *p) != NULL)
		p++;
	while (e > p && strchr(".,;:)]|-\"", e[-1]) != NULL)
		e--;
	article_set(field, p, (size_t)(e - p));
}

/* Is word i letters only (no digits, signs or punctuation)? */
static int
xt_letters(const struct xt *x, size_t i)
{
	const unsigned char *p = (const unsigned char *)x->s + x->t[i].off;
	size_t k;

	for (k = 0; k < x->t[i].len; k++)
		if (p[k] < 0x80 && !((p[k] | 0x20) >= 'a' &&
		    (p[k] | 0x20) <= 'z'))
			return 0;
	return 1;
}

/* Does a lower-case label start at word i ("publiziert am 30. Juli",
 * "on Monday, November 18th")? A name before it ends there. */
static int
xt_label_at(const struct xt *x, size_t i)
{
	size_t e;
	enum xt_phrase p = xt_phrase_at(x, i, &e);

	return p == XP_PUBLISHED || p == XP_UPDATED || xt_dated(x, i);
}

/* A word that can be part of a person's name. */
static int
xt_name_word(const struct xt *x, size_t i)
{
	if (i >= x->nt || x->t[i].kind != XK_TEXT)
		return 0;
	if (x->t[i].flags & TF_CAP)
		return !xt_cls(x, i, XC_STARTER | XC_MONTH | XC_WEEKDAY |
		    XC_PHOTO | XC_BY | XC_ROLE | XC_CORE | XC_AND);
	return xt_cls(x, i, XC_PARTICLE) && xt_has(x, i + 1, TF_CAP) &&
	    !xt_has(x, i + 1, TF_NL);
}

/* One name from i: returns the index past it, 0 if none. */
static size_t
xt_one_name(const struct xt *x, size_t i)
{
	size_t k = i, caps = 0;

	while (k < x->nt && k - i < XT_NAME_MAX && xt_name_word(x, k) &&
	    (k == i || !(x->t[k].flags & TF_NL)) && (k == i ||
	    !xt_label_at(x, k))) {
		caps += (x->t[k].flags & TF_CAP) != 0;
		k++;
		if (x->t[k - 1].flags & (TF_COMMA | TF_END | TF_COLON))
			break;
	}
	if (caps == 0)
		return 0;
	if (k < x->nt && (x->t[k].flags & TF_LOWER) &&
	    !(x->t[k - 1].flags & (TF_COMMA | TF_END)) &&
	    !xt_cls(x, k, XC_AND | XC_BY) && !(xt_cls(x, k, XC_PLACEPREP) &&
	    xt_has(x, k + 1, TF_CAP)) && !xt_label_at(x, k)) {
		/* the last capital starts the next sentence */
		if (k - i < 2)
			return 0;
		k--;
	}
	return k;
}

static void
xt_push_name(const struct xt *x, size_t a, size_t b, struct strlist *out)
{
	char *s = NULL;

	if (out == NULL)
		return;
	xt_text(x, a, b, &s);
	if (s != NULL)
		strlist_push_owned(out, s);
}

/* A list of names: "A B", "A B and C D", "A, B and C". Returns the index
 * past the list or 0. Names go to out when it is not NULL. */
size_t
xt_names(struct xt *x, size_t i, size_t lim, struct strlist *out)
{
	size_t k = i, e, e2;

	while (k < lim && (e = xt_one_name(x, k)) != 0 && e <= lim) {
		xt_push_name(x, k, e, out);
		k = e;
		if (k + 1 < lim && k + 1 < x->nt && x->t[k].len == 1 &&
		    x->s[x->t[k].off] == ',' && xt_one_name(x, k + 1) != 0 &&
		    !(x->t[k - 1].flags & TF_COMMA))
			k++;	/* "Jane Doe , John Roe": a spaced comma */
		if (xt_cls(x, k, XC_AND) && !(x->t[k - 1].flags & TF_END) &&
		    xt_one_name(x, k + 1) != 0) {
			k++;
			continue;
		}
		if (!(x->t[k - 1].flags & TF_COMMA))
			break;
		e2 = xt_one_name(x, k);
		if (e2 == 0 || !(xt_cls(x, e2, XC_AND) || (xt_dated(x, e2) &&
		    !(x->t[e2 - 1].flags & TF_COMMA))))
			break;	/* "A, B and C", "A, B on Monday, ..."; not
				 * "A, Place, March 14" */
	}
	return k == i ? 0 : k;
}

/* The place after a byline name: "Kestrel Bay,", "à Lyon,". */
static size_t
xt_place(struct xt *x, size_t i, int set)
{
	size_t k = i, a;

	if (xt_cls(x, k, XC_PLACEPREP) && xt_has(x, k, TF_LOWER))
		k++;
	a = k;
	while (k < x->nt && k - a < 3 && xt_has(x, k, TF_CAP) &&
	    !xt_cls(x, k, XC_STARTER | XC_MONTH | XC_WEEKDAY) &&
	    !xt_has(x, k, TF_NL)) {
		k++;
		if (x->t[k - 1].flags & (TF_COMMA | TF_END))
			break;
	}
	if (k == a)
		return 0;
	if (k < x->nt && (x->t[k].flags & TF_LOWER) &&
	    !(x->t[k - 1].flags & (TF_COMMA | TF_END))) {
		/* the last capital starts the next sentence */
		if (k - a < 2)
			return 0;
		k--;
	}
	if (set && x->a->dateline == NULL)
		xt_text(x, a, k, &x->a->dateline);
	return k;
}

/* The segments after "By names,": roles, place, date. */
static size_t
xt_byline_tail(struct xt *x, size_t j, int set)
{
	size_t seg, k, e;
	int64_t t;

	for (seg = 0; seg < 3 && j < x->nt; seg++) {
		if ((e = xt_date_at(x, j, &t)) != 0) {
			if (set && !x->have_date) {
				x->a->published = t;
				x->have_date = 1;
			}
			return e;
		}
		if (xt_has(x, j, TF_NL))
			return j;
		for (k = j; k < x->nt && k - j < 4 && !xt_cls(x, k,
		    XC_ROLE) && (k == j || !xt_has(x, k, TF_NL)); k++)
			if (x->t[k].flags & (TF_COMMA | TF_END))
				break;
		if (xt_cls(x, k, XC_ROLE) && !xt_has(x, k, TF_NL)) {
			while (k < x->nt && k - j < 6 &&
			    !(x->t[k].flags & (TF_COMMA | TF_END)) &&
			    !xt_has(x, k + 1, TF_NL))
				k++;
			j = k + 1;
			continue;
		}
		if ((e = xt_place(x, j, set)) == 0)
			return j;
		j = e;
		if (!(x->t[j - 1].flags & TF_COMMA) && xt_date_at(x, j, &t) == 0)
			return j;
	}
	return j;
}

static size_t
xt_byline(struct xt *x, size_t i)
{
	size_t j, k;
	struct strlist names = STRLIST_INIT;
	int set = !x->have_byline;
	int64_t t;

	if (!(xt_has(x, i, TF_CAP) || (i > 0 && x->t[i - 1].kind ==
	    XK_DATE)) || !xt_cls(x, i, XC_BY) ||
	    (x->t[i].flags & (TF_END | TF_COMMA)))
		return 0;	/* "By A", or "... March 30, 2015 by A" */
	if ((j = xt_names(x, i + 1, i + 1 + XT_LIST_MAX, &names)) == 0) {
		strlist_release(&names);
		return 0;
	}
	if (set) {
		for (k = 0; k < names.n; k++)
			strlist_push(&x->a->byline, names.v[k]);
		x->have_byline = 1;
	}
	strlist_release(&names);
	if ((x->t[j - 1].flags & TF_COMMA) || (xt_cls(x, j, XC_PLACEPREP) &&
	    xt_has(x, j, TF_LOWER)) || xt_date_at(x, j, &t) != 0)
		return xt_byline_tail(x, j, set);
	if (xt_dated(x, j))	/* "By A, B on Monday, November 18th" */
		return xt_byline_tail(x, j + 1, set);
	return j;
}

/* "12 comments", "Kommentare (3)". */
static size_t
xt_counter(struct xt *x, size_t i)
{
	const char *p = x->s + x->t[i].off;
	size_t n = x->t[i].len, k, num;
	long v;
	char *end;

	if (i > 0 && x->t[i - 1].kind == XK_TEXT &&
	    (x->t[i - 1].flags & TF_LOWER) && !(x->t[i - 1].flags & TF_END))
		return 0;
	if (xt_is_word(x, i, "no") && xt_has(x, i, TF_CAP) && xt_cls(x, i + 1,
	    XC_COMMENTW) && xt_bound_after(x, i + 2 + xt_is_word(x, i + 2,
	    "yet"))) {
		if (!x->have_count) {	/* "No comments yet" */
			x->a->comment_count = 0;
			x->have_count = 1;
		}
		return i + 2 + xt_is_word(x, i + 2, "yet");
	}
	if (xt_has(x, i, TF_DIGIT) && xt_cls(x, i + 1, XC_COMMENTW))
		num = i, k = i + 2;
	else if (xt_has(x, i, TF_CAP) && xt_cls(x, i, XC_COMMENTW) &&
	    i + 1 < x->nt && strchr("(0123456789", x->s[x->t[i + 1].off]))
		num = i + 1, k = i + 2;
	else
		return 0;
	if (!xt_bound_after(x, k))
		return 0;
	p = x->s + x->t[num].off;
	n = x->t[num].len;
	if (*p == '(')
		p++, n--;
	v = n > 0 && n < 12 ? strtol(p, &end, 10) : -1;
	if (v < 0 || end == p)
		return 0;
	if (!x->have_count) {
		x->a->comment_count = v;
		x->have_count = 1;
	}
	return k;
}

/* A photo marker: "Photo:", "Foto :", "©", "(c)", "©Agency", or an
 * abbreviated one after a caption's stop ("Fot. Name"). */
static int
xt_marker(const struct xt *x, size_t i)
{
	const char *p = x->s + x->t[i].off;

	if (x->t[i].len >= 2 && (unsigned char)p[0] == 0xC2 &&
	    (unsigned char)p[1] == 0xA9)
		return 1;
	if (!xt_cls(x, i, XC_PHOTO) || !(x->t[i].flags & TF_CAP))
		return x->t[i].len == 3 && memcmp(p, "(c)", 3) == 0;
	if (xt_cls(x, i + 1, XC_PHOTO | XC_LEGAL) && !xt_has(x, i + 1,
	    TF_END))
		return 2;	/* "Image copyright", "Photo credit" */
	if (xt_cls(x, i + 1, XC_BY) && xt_has(x, i + 2, TF_CAP) &&
	    xt_bound_before(x, i))
		return 2;	/* "Photo by Name", "Foto von", "Photo par" */
	if (x->t[i].len <= 4 && p[x->t[i].len - 1] == '.' && i > 0 &&
	    (x->t[i - 1].flags & TF_END) && xt_has(x, i + 1, TF_CAP))
		return 1;	/* "... new line. Fot. Marek Zając" */
	return (x->t[i].flags & TF_COLON) || (i + 1 < x->nt &&
	    x->t[i + 1].len == 1 && x->s[x->t[i + 1].off] == ':');
}

/* Words j.. to the line's end are a name in Title Case ("The Siberian
 * Times"): two to XT_NAME_MAX capitalised words, then a line break. */
static int
xt_cap_line(const struct xt *x, size_t j)
{
	size_t k;

	for (k = j; k < x->nt && k < j + XT_NAME_MAX; k++) {
		if (k > j && (x->t[k].flags & TF_NL))
			break;
		if (!(x->t[k].flags & TF_CAP) || (x->t[k].flags & (TF_END |
		    TF_COMMA | TF_COLON)))
			return 0;
	}
	return k >= j + 2 && (k == x->nt || (x->t[k].flags & TF_NL));
}

/* "Photo: Name/Agency", "© Agency", "Foto : X": the credit ends at the
 * first word that starts a sentence or another header part (not the
 * first word of a name alone on its line: "Credit: The Daily Post",
 * "Credit: 20th Century Studio"). */
static size_t
xt_credit_end(const struct xt *x, size_t j)
{
	size_t k;

	for (k = j; k < x->nt && k - j < XT_CREDIT_MAX; k++) {
		const struct xt_tok *t = &x->t[k];
		size_t e;

		if (k > j && (t->flags & (TF_NL | TF_COLON)))
			break;
		if ((t->cls & (XC_MONTH | XC_WEEKDAY)) || xt_marker(x, k) ||
		    xt_phrase_at(x, k, &e) != XP_NONE || ((t->flags &
		    TF_UPPER) && xt_dateline_end(x, k, &e) > k))
			break;	/* "Foto: Pedro Ruiz MADRID —" */
		if (t->flags & TF_CAP) {
			if (((t->cls & XC_STARTER) && !(t->flags & TF_END) &&
			    !(k == j && xt_cap_line(x, j))) ||
			    ((t->cls & XC_BY) && xt_has(x, k + 1, TF_CAP)))
				break;
		} else if (t->flags & TF_LOWER) {
			if (xt_cls(x, k, XC_PARTICLE | XC_CONN) &&
			    xt_has(x, k + 1, TF_CAP))
				continue;
			return k > j + 1 && (x->t[k - 1].flags & TF_CAP) &&
			    x->s[x->t[k - 1].off + x->t[k - 1].len - 1] !=
			    ')' ? k - 1 : k;	/* "(Photo: A B) less" */
		} else if ((t->flags & TF_DIGIT) && xt_has(x, k + 1, TF_CAP) &&
		    !(t->flags & TF_END)) {
			continue;	/* "Credit: 20th Century Studios" */
		} else if ((!(t->flags & TF_PUNCT) || k == j) && !(k == j &&
		    (t->flags & TF_DIGIT) && xt_cap_line(x, j + 1))) {
			break;
		}
		if (t->flags & TF_END)
			return k + 1;
	}
	return k;
}

/* A credit opened with a bracket ("(Foto: Jornal do Litoral)") ends
 * at its closing bracket, within XT_PAREN_MORE words on the line, when
 * the name stopped before it (at "do"); else at e. */
static size_t
xt_paren_end(const struct xt *x, size_t i, size_t e)
{
	size_t k;

	if (x->s[x->t[i].off] != '(')
		return e;
	for (k = i; k < e; k++)
		if (x->s[x->t[k].off + x->t[k].len - 1] == ')')
			return e;
	for (k = e; k < x->nt && k < e + XT_PAREN_MORE &&
	    !(x->t[k].flags & (TF_NL | TF_END)); k++)
		if (x->s[x->t[k].off + x->t[k].len - 1] == ')')
			return k + 1;
	return e;
}

static size_t
xt_credit(struct xt *x, size_t i)
{
	const char *p = x->s + x->t[i].off;
	size_t j, e;
	int m, copy = x->t[i].len >= 2 && (unsigned char)p[0] == 0xC2 &&
	    (unsigned char)p[1] == 0xA9;

	if ((m = xt_marker(x, i)) == 0)
		return 0;
	if ((x->t[i].cls & XC_LEGAL) && (xt_cls(x, i + 1, XC_LEGAL) ||
	    xt_has(x, i + 1, TF_DIGIT)))
		return 0;	/* "© Copyright X", "© 2023 X": a footer */
	j = i + (size_t)m;
	if (j < x->nt && x->t[j].len == 1 && x->s[x->t[j].off] == ':')
		j++;	/* "Photo :" */
	if (copy && x->t[i].len > 2)
		j = i;	/* "©Agency" */
	e = xt_credit_end(x, j);
	if (e <= j)
		return 0;
	e = xt_paren_end(x, i, e);
	if (!x->have_credit) {
		xt_text(x, j, e, &x->a->image_credit);
		if (j == i && x->a->image_credit != NULL)
			article_set(&x->a->image_credit,
			    x->a->image_credit + 2,
			    strlen(x->a->image_credit + 2));
		x->have_credit = 1;
	}
	return e;
}

/* "Submitted photo", "Courtesy photo", "File photo": a credit that
 * names no one (gallery slides repeat it after each caption). Returns
 * its end. */
static size_t
xt_kind_credit(const struct xt *x, size_t i)
{
	static const char *const kinds[] = {"submitted", "contributed",
	    "courtesy", "file", "handout"};
	static const char *const photos[] = {"photo", "photograph", "image"};
	char key[XT_KEY_MAX];
	size_t n;

	if (!xt_has(x, i, TF_CAP) || i + 1 >= x->nt)
		return 0;
	n = xt_key(x, i + 1, key);
	if (!xt_in_list(key, n, photos, XT_NELEM(photos)))
		return 0;
	n = xt_key(x, i, key);
	return xt_in_list(key, n, kinds, XT_NELEM(kinds)) ? i + 2 : 0;
}

/* A photo credit that is a bare name: right after the header (byline
 * or date seen, no credit yet), a sentence right after a marked span
 * (the caption, after the date or the share labels), then a name
 * of two or three words glued to the first sentence of the article
 * ("... de la Croix-Verte. Paul Girardin La ligne B ..."). Returns the
 * end of the name. */
static size_t
xt_bare_credit(struct xt *x, size_t i)
{
	size_t e, k;

	for (k = i - (i > 0); k > 0 && i - k < XT_CAPTION_MAX &&
	    x->t[k - 1].kind == XK_TEXT && !(x->t[k - 1].flags & TF_END); k--)
		;
	if (k == 0 || x->t[k - 1].kind == XK_TEXT)
		return 0;	/* the sentence before must follow a span */
	if (x->have_credit || !(x->have_byline || x->have_date) || i == 0 ||
	    !(x->t[i - 1].flags & TF_END) || (x->t[i].flags & TF_NL) ||
	    (e = xt_one_name(x, i)) < i + 2 || e > i + 3 || e >= x->nt ||
	    (x->t[e].flags & TF_NL) || !(x->t[e].cls & XC_STARTER) ||
	    !(x->t[e].flags & TF_CAP))
		return 0;
	xt_text(x, i, e, &x->a->image_credit);
	x->have_credit = 1;
	return e;
}

/* "Image caption Text of the caption", "Caption: ...": the caption
 * ends with its sentence, or where a new part starts (captions often
 * lack their full stop). */
static size_t
xt_caption_span(const struct xt *x, size_t i)
{
	size_t j = i, k;

	if (xt_cls(x, j, XC_PHOTO) && xt_has(x, j, TF_CAP) &&
	    xt_cls(x, j + 1, XC_CAPTION))
		j++;
	else if (!xt_cls(x, j, XC_CAPTION) || !xt_has(x, j, TF_CAP) ||
	    !xt_bound_before(x, j))
		return 0;
	for (k = j + 1; k < x->nt && k <= j + XT_CAPTION_MAX; k++) {
		if (k > j + 2 && xt_new_part(x, k))
			return k;
		if (xt_has(x, k, TF_END))
			return k + 1;
	}
	return k > j + XT_CAPTION_MAX ? 0 : k;
}

/* Run-together text glues a date to what came before ("... Arrizabalaga
 * LinkNaija August 08, 2018 Chelsea have ..."): a date may start after
 * a capitalised word or a number that is no preposition; in prose a
 * date follows "on", "am", "le" or a comma. */
static int
xt_glued_before(const struct xt *x, size_t i)
{
	const struct xt_tok *p = &x->t[i - 1];

	if ((p->flags & TF_PUNCT) && p->len <= 3 && !(p->flags & TF_STAR) &&
	    i >= 2 && x->t[i - 2].kind != XK_TEXT)
		return 1;	/* "By Name · 8. Juli 2026", "Name | 12.03.2023" */
	return (p->flags & (TF_CAP | TF_DIGIT)) && !(p->flags & TF_COMMA) &&
	    !(p->cls & (XC_FUNC | XC_DATEPREP | XC_MONTH | XC_BY |
	    XC_PLACEPREP));
}

/* A date on its own: "14 March 2022", "Published: 14.03.2022 12:30". */
static size_t
xt_date(struct xt *x, size_t i, int updated)
{
	int64_t t;
	size_t e;

	if (!xt_bound_before(x, i) && !updated && !xt_glued_before(x, i))
		return 0;
	if ((e = xt_date_at(x, i, &t)) == 0 || !(xt_bound_after(x, e) ||
	    (xt_cls(x, e, XC_BY) && xt_has(x, e + 1, TF_CAP))))
		return 0;	/* "... 2015 by Admin" */
	if (updated == 2 && x->a->updated == 0)
		x->a->updated = t;
	else if (updated != 2 && !x->have_date) {
		x->a->published = t;
		x->have_date = 1;
	}
	return e;
}

/* A relative time stamp: "2 hours ago", "vor 2 Stunden", "il y a 2
 * heures", "hace 2 horas". It marks a teaser or a comment, never the
 * published date. In prose the phrase goes on in lower case or ends
 * the sentence, so a stamp must be followed by a new part. */
static size_t
xt_reltime(const struct xt *x, size_t i)
{
	size_t k = i, e;

	if (xt_cls(x, i, XC_AGO) && xt_has(x, i + 1, TF_DIGIT))
		k = i + 1;	/* vor, hace, há */
	else if (xt_is_word(x, i, "il") && xt_is_word(x, i + 1, "y") &&
	    xt_is_word(x, i + 2, "a"))
		k = i + 3;
	if (!xt_has(x, k, TF_DIGIT) || !xt_cls(x, k + 1, XC_TUNIT) ||
	    xt_has(x, k + 1, TF_NL))
		return 0;
	e = k + 2;
	if (k == i) {
		if (!xt_cls(x, e, XC_AGO) || xt_has(x, e, TF_NL))
			return 0;
		e++;
	}
	if (x->t[e - 1].flags & (TF_END | TF_COMMA))
		return 0;
	return e >= x->nt || (x->t[e].flags & (TF_NL | TF_CAP | TF_DIGIT)) ?
	    e : 0;
}

/* A "Reply" button standing alone after a sentence and before a new
 * part (the next comment's author): a comment thread. In prose the
 * word starts a sentence that goes on in lower case. */
static int
xt_reply(const struct xt *x, size_t i)
{
	return xt_has(x, i, TF_CAP) && xt_cls(x, i, XC_REPLY) &&
	    !(x->t[i].flags & (TF_END | TF_COMMA | TF_COLON)) &&
	    xt_bound_before(x, i) && (i + 1 >= x->nt || (x->t[i + 1].flags &
	    (TF_NL | TF_CAP | TF_DIGIT)));
}

/* "KIEL (dpa) -", "MADRID —": upper-case place, agency, dash. Returns
 * the end of the dateline at i (0 if none), the end of the place in
 * *place. */
size_t
xt_dateline_end(const struct xt *x, size_t i, size_t *place)
{
	size_t k = i, e;

	while (k < x->nt && k - i < XT_DATELINE_MAX && xt_has(x, k, TF_UPPER)
	    && (k == i || !xt_has(x, k, TF_NL)))
		k++;
	e = k;
	while (k < x->nt && k - e < 3 && x->s[x->t[k].off] == '(' &&
	    !xt_has(x, k, TF_NL)) {
		while (k < x->nt && k - e < 3 &&
		    x->s[x->t[k].off + x->t[k].len - 1] != ')')
			k++;
		k++;
	}
	if (k == i || k >= x->nt || !(x->t[k].flags & TF_PUNCT) ||
	    x->t[k].len > 3 || (x->s[x->t[k].off] != '-' &&
	    (unsigned char)x->s[x->t[k].off] != 0xE2))
		return 0;
	*place = e;
	return k + 1;
}

/* A dateline at i: its end (0 if none); the first one names the
 * article's place. */
size_t
xt_dateline(struct xt *x, size_t i)
{
	size_t e, end = xt_dateline_end(x, i, &e);

	if (end == 0)
		return 0;
	if (x->a->dateline == NULL) {
		struct buf b = BUF_INIT;
		const char *p = x->s + x->t[i].off;
		size_t n = x->t[e - 1].off + x->t[e - 1].len - x->t[i].off, m;
		int up = 1;

		for (m = 0; m < n; m++) {
			unsigned char c = (unsigned char)p[m];

			if (!up && c >= 'A' && c <= 'Z')
				c |= 0x20;
			else if (!up && m > 0 && (unsigned char)p[m - 1] ==
			    0xC3 && c >= 0x80 && c <= 0x9E && c != 0x97)
				c += 0x20;
			buf_putc(&b, (char)c);
			up = c == ' ' || c == '-';
		}
		while (b.len > 0 && strchr(",:", b.ptr[b.len - 1]))
			b.len--;
		article_set(&x->a->dateline, b.ptr, b.len);
		buf_release(&b);
	}
	return end;
}

/* Is word i a web address ("www.example.com", "https://...")? No
 * sentence runs on after one into a capitalised label. */
static int
xt_web_address(const struct xt *x, size_t i)
{
	const char *p = x->s + x->t[i].off;
	size_t n = x->t[i].len;

	return (n > 4 && memcmp(p, "www.", 4) == 0) || (n > 7 &&
	    memcmp(p, "http://", 7) == 0) || (n > 8 &&
	    memcmp(p, "https://", 8) == 0);
}

/* A run of share / save / print / crumb labels and the small words
 * between them, with no sentence punctuation. */
static size_t
xt_widget(const struct xt *x, size_t i)
{
	size_t k, end = i, core = 0, nav = 0, low = 0;
	const struct xt_tok *t;

	if (i > 0 && !xt_bound_before(x, i) && !(x->t[i - 1].flags &
	    (TF_CAP | TF_PUNCT | TF_DIGIT)) && !xt_web_address(x, i - 1))
		return 0;
	for (k = i; k < x->nt && k - i < XT_WIDGET_MAX; k++) {
		t = &x->t[k];
		if ((k > i && (t->flags & TF_NL)) || t->kind != XK_TEXT ||
		    (t->flags & TF_COMMA))
			break;
		if ((t->cls & XC_CORE) && (t->flags & TF_CAP))
			core++, end = k + 1;
		else if ((t->cls & XC_CORE) && low == core)
			core++, low++, end = k + 1;	/* icon labels */
		else if ((t->cls & XC_NAV) && (t->flags & TF_CAP) && !core)
			nav++, end = k + 1;
		else if ((t->flags & TF_PUNCT) && !(t->flags & TF_STAR))
			continue;
		else if (t->cls & XC_OBJ && core)
			end = k + 1;
		else if (!(t->cls & XC_CONN))
			break;
		if (t->flags & TF_END)
			break;
	}
	if (core + nav < 2 || (core == 0 && !(i == 0 || xt_has(x, i, TF_NL))) ||
	    (low > 0 && low < XT_ICONS_MIN))
		return 0;
	return xt_bound_after(x, end) ? end : 0;
}

/* A crumb line: capitalised words between separators (› > | / · •),
 * nothing else on the line, and no photo agency ("Jane Roe | Getty
 * Images" is a credit, found later by xt_agency_credits()). */
static size_t
xt_crumbs(const struct xt *x, size_t i)
{
	size_t k, seps = 0;
	const struct xt_tok *t;

	if (!(i == 0 || xt_has(x, i, TF_NL)) || !xt_has(x, i, TF_CAP))
		return 0;
	for (k = i; k < x->nt && k - i < 16; k++) {
		t = &x->t[k];
		if (k > i && (t->flags & TF_NL))
			break;
		if ((t->flags & TF_PUNCT) && !(t->flags & TF_STAR) &&
		    t->len <= 3)
			seps++;
		else if (!(t->flags & TF_CAP) ||
		    (t->flags & (TF_END | TF_COMMA | TF_COLON)) ||
		    xt_agency(x, k))
			return 0;
	}
	if (seps == 0 || (k < x->nt && !xt_has(x, k, TF_NL)))
		return 0;
	return k;
}

/* "About Jane Doe" from i (the name at e) starts an author box: at a
 * boundary, or anywhere when the name is written twice ("About Jane
 * Doe Jane Doe is a reporter ..."). Returns the end of the name. */
static size_t
xt_about(struct xt *x, size_t i, size_t e)
{
	size_t j, n, k;

	for (n = 2; n <= 3 && e + 2 * n <= x->nt; n++) {
		for (k = 0; k < n && xt_has(x, e + k, TF_CAP) &&
		    x->t[e + k].len == x->t[e + n + k].len &&
		    memcmp(x->s + x->t[e + k].off, x->s + x->t[e + n + k].off,
		    x->t[e + k].len) == 0; k++)
			;
		if (k == n)
			return e + n;
	}
	if (!xt_has(x, e, TF_CAP) || (j = xt_names(x, e, e + XT_NAME_MAX,
	    NULL)) <= e + 1)
		return 0;
	return xt_bound_before(x, i) && xt_bound_after(x, j) ? j : 0;
}

/* A promo word stands in the few words before i: a button's label
 * ends the promo even with no boundary before it. */
static int
xt_after_promo(const struct xt *x, size_t i)
{
	size_t k;

	for (k = i; k > 0 && i - k < XT_PROMO_BACK; k--)
		if (x->t[k - 1].cls & XC_PROMO)
			return 1;
	return 0;
}

/* "Additional reporting by A and B", "Mitarbeit: C": the names after
 * the marker [i, e), kept as a credits line; the end, 0 if none. */
static size_t
xt_credits_line(struct xt *x, size_t i, size_t e, enum xt_phrase p)
{
	size_t j;
	char *s = NULL;

	/* one-word markers ("Mitarbeit:") need their colon */
	if (e == i + 1 && p == XP_CREDITS && !(x->t[i].flags & TF_COLON))
		return 0;
	if ((j = xt_names(x, e, e + XT_LIST_MAX, NULL)) == 0)
		return 0;
	if (p == XP_CREDITS_WEAK && (!xt_bound_after(x, j) ||
	    (x->t[j - 1].flags & TF_COMMA) || !xt_bound_before(x, i)))
		return 0;
	xt_text(x, i, j, &s);
	if (s != NULL)
		strlist_push_owned(&x->credits, s);
	return j;
}

/* Does word i start with '#' and a letter or digit (a hashtag)? */
static int
xt_hashtag(const struct xt *x, size_t i)
{
	return i < x->nt && x->t[i].len >= 2 && x->s[x->t[i].off] == '#' &&
	    !(x->t[i].flags & TF_PUNCT);
}

/* Is the label "tags" at word i, ending at e, followed by a list of
 * hashtags: at a line's start, or with a second hashtag a few words
 * on when the blocks run together ("... 01:38 pm tags #Markets
 * #Nifty")? */
static int
xt_tag_label(const struct xt *x, size_t i, size_t e)
{
	size_t j;

	if (!xt_hashtag(x, e))
		return 0;
	if (xt_bound_before(x, i))
		return 1;
	for (j = e + 1; j < x->nt && j <= e + 4; j++)
		if (xt_hashtag(x, j))
			return 1;
	return 0;
}

/* Does word i start a block or follow a word ending in '.', '!' or
 * '?' (lower case after it is no new sentence, but a label)? */
static int
xt_after_stop(const struct xt *x, size_t i)
{
	const struct xt_tok *t;
	char c;

	if (xt_bound_before(x, i))
		return 1;
	t = &x->t[i - 1];
	c = x->s[t->off + t->len - 1];
	return c == '.' || c == '!' || c == '?';
}

/* Is the phrase [i, e), of two words or more, a label set in capitals
 * by the page and flattened in lower case ("related news")? After a
 * sentence's stop, or with a capital after it and no lower-case word
 * before it ("... 2019 related stories Binge Eating ..."), and with
 * no stop of its own ("the most popular?" is prose). */
static int
xt_lower_label(const struct xt *x, size_t i, size_t e)
{
	if (e < i + 2 || (x->t[e - 1].flags & (TF_END | TF_COMMA)))
		return 0;
	return xt_after_stop(x, i) || (xt_has(x, e, TF_CAP) &&
	    !(i > 0 && (x->t[i - 1].flags & TF_LOWER)));
}

/* A one-word teaser label [i, e) ("More:", "Also:", "Mehr:", "Más:"):
 * it opens a block, ends in its colon and a capitalised title follows.
 * Without the colon the word is prose ("More than 2,500 ..."). */
static int
xt_label(const struct xt *x, size_t i, size_t e)
{
	return (x->t[e - 1].flags & TF_COLON) &&
	    xt_bound_before(x, i) && e < x->nt && (x->t[e].flags & TF_CAP);
}

static size_t
xt_phrase_span(struct xt *x, size_t i, enum xt_kind *kind)
{
	size_t e;
	enum xt_phrase p;

	if ((p = xt_phrase_at(x, i, &e)) == XP_NONE || !(xt_has(x, i,
	    TF_CAP | TF_NOCASE) || (p == XP_PUBLISHED && i > 0 &&
	    x->t[i - 1].kind == XK_BYLINE) || (p == XP_SOURCES &&
	    xt_tag_label(x, i, e)) || (p == XP_RECO &&
	    xt_lower_label(x, i, e))))
		return 0;	/* "Von A publiziert am ...": after a byline;
				 * "tags #Harbour #Ferry", "related news" in
				 * lower case (a label set in capitals) */
	if (e < x->nt && x->t[e].len == 1 && x->s[x->t[e].off] == ':')
		e++;
	switch (p) {
	case XP_RECO:	/* "Related", "Most read in world news" */
		*kind = XK_RECO;
		return (xt_after_stop(x, i) || e > i + 2 ||
		    xt_lower_label(x, i, e)) && (e > i + 1 ||
		    xt_bound_after(x, e)) ? e : 0;
	case XP_CTA:	/* "Subscribe to our newsletter Sign up Today ..." */
		*kind = XK_CTA;
		return (xt_bound_before(x, i) || (xt_after_promo(x, i) &&
		    !xt_cls(x, e, XC_PROMO | XC_PROMOW))) &&
		    xt_bound_after(x, e) ? e : 0;
	case XP_FORM:
		*kind = XK_FORM;
		return e;
	case XP_SOURCES:	/* a label: "Sources:", not "sources said" */
		*kind = XK_SOURCES;
		return (x->t[e - 1].flags & TF_COLON) || e > i + 1 ||
		    xt_tag_label(x, i, e) ? e : 0;
	case XP_LABEL:	/* "More: Title", not "More than ..." */
		*kind = XK_RECO;
		return xt_label(x, i, e) ? e : 0;
	case XP_AUTHOR:	/* specific enough to need no boundary */
		*kind = XK_AUTHOR;
		return e;
	case XP_ABOUT:	/* "About Jane Doe Jane Doe is a reporter" */
		*kind = XK_AUTHOR;
		return xt_about(x, i, e);
	case XP_PUBLISHED:
	case XP_UPDATED:
		*kind = XK_DATE;
		return xt_date(x, e, p == XP_UPDATED ? 2 : 1);
	default:
		*kind = XK_CREDITS;
		return xt_credits_line(x, i, e, p);
	}
}

/* A byline without "By": a name of two or three words, then a date,
 * after a dash or bar ("Chris Davies - Nov 19, 2019", "Ana Ruiz |
 * 12.03.2023"), or right after it at a boundary. Returns the end. */
static size_t
xt_name_date(struct xt *x, size_t i)
{
	size_t e, j;
	int64_t t;

	if (x->have_byline || !xt_has(x, i, TF_CAP) ||
	    (e = xt_one_name(x, i)) < i + 2 || e > i + 3)
		return 0;
	j = e;
	if (j < x->nt && (x->t[j].flags & TF_PUNCT) && x->t[j].len <= 3)
		j++;	/* "-", "|", "—", "·" */
	if ((j == e && !xt_bound_before(x, i)) || xt_date_at(x, j, &t) == 0)
		return 0;
	xt_push_name(x, i, e, &x->a->byline);
	x->have_byline = 1;
	return j > e ? j : e;
}

/* A blog platform's author line: a name of two or three words, a
 * separator and a "Follow" button ("Jane Doe · Follow", "Ana Ruiz ·
 * Seguir", "Tom Berg · Folgen"). Returns the end past the button. */
static size_t
xt_name_follow(struct xt *x, size_t i)
{
	static const char *const follow[] = {"follow", "folgen", "suivre",
	    "seguir", "segui", "volgen", "volg", "obserwuj", "följ",
	    "seguire", "abonnieren"};
	char key[XT_KEY_MAX];
	size_t e, n;

	if (x->have_byline || !xt_has(x, i, TF_CAP) ||
	    !(xt_has(x, i + 2, TF_PUNCT) || xt_has(x, i + 3, TF_PUNCT)))
		return 0;	/* cheap test first: a separator two or three on */
	if ((e = xt_one_name(x, i)) < i + 2 || e > i + 3 || e + 1 >= x->nt ||
	    !(x->t[e].flags & TF_PUNCT) || x->t[e].len > 3)
		return 0;
	n = xt_key(x, e + 1, key);
	if (!xt_has(x, e + 1, TF_CAP) || !xt_in_list(key, n, follow,
	    sizeof(follow) / sizeof(follow[0])))
		return 0;
	xt_push_name(x, i, e, &x->a->byline);
	x->have_byline = 1;
	return e + 2;
}

/* Does handle word h ("@catherineshu") hold the first three letters
 * of word w ("Shu"), folded to lower case (ASCII)? */
static int
xt_handle_has(const struct xt *x, size_t h, size_t w)
{
	const char *p = x->s + x->t[h].off, *q = x->s + x->t[w].off;
	size_t n = x->t[h].len, k, j;

	if (x->t[w].len < 3)
		return 0;
	for (k = 1; k + 3 <= n; k++) {
		for (j = 0; j < 3 && (p[k + j] | 0x20) == (q[j] | 0x20); j++)
			;
		if (j == 3)
			return 1;
	}
	return 0;
}

/* An author's name with a handle that spells it ("Catherine Shu
 * @catherineshu"), maybe with a relative time after a bar or slash
 * ("/ 2 days"): a byline. Two or three words of name; three only at
 * a boundary or with the first in the handle. Returns the end. */
static size_t
xt_name_handle(struct xt *x, size_t i)
{
	size_t e, j;

	if (x->have_byline || !xt_has(x, i, TF_CAP) || (i > 0 &&
	    xt_cls(x, i - 1, XC_BY)))
		return 0;	/* "by Name @handle": the byline's, read later */
	for (e = i; e < x->nt && e < i + 3 && xt_has(x, e, TF_CAP) &&
	    xt_name_word(x, e) && (e == i || !xt_has(x, e, TF_NL)) &&
	    !(x->t[e].flags & (TF_COMMA | TF_END | TF_COLON)); e++)
		;
	if (e < i + 2 || e >= x->nt || x->t[e].len <= 3 ||
	    x->s[x->t[e].off] != '@' || !(xt_handle_has(x, e, i) ||
	    (xt_handle_has(x, e, e - 1) && (e == i + 2 ||
	    xt_bound_before(x, i)))))
		return 0;	/* "WeWork Catherine Shu @catherineshu": the
				 * name starts at "Catherine" */
	xt_push_name(x, i, e, &x->a->byline);
	x->have_byline = 1;
	j = e + 1;
	if (j + 2 < x->nt && (x->t[j].flags & TF_PUNCT) && x->t[j].len <= 3 &&
	    xt_has(x, j + 1, TF_DIGIT) && xt_cls(x, j + 2, XC_TUNIT))
		return j + 3 + xt_cls(x, j + 3, XC_AGO);	/* "/ 2 days" */
	return j;
}

/* Does the word [p, p + n) end in ext (ASCII, any case)? */
static int
xt_ends_in(const char *p, size_t n, const char *ext)
{
	size_t k, e = strlen(ext);

	if (n < e)
		return 0;
	for (k = 0; k < e; k++)
		if ((p[n - e + k] | 0x20) != ext[k])
			return 0;
	return 1;
}

/* A word no writer types: an ISO 8601 time stamp ("2019-11-19T08:57:40"),
 * the address of an image file or leaked markup (extract_text_markup.c).
 * Pages dump their metadata as text next to the article; such a word
 * marks the dump, never prose. */
static int
xt_machine(const struct xt *x, size_t i)
{
	const char *p = x->s + x->t[i].off;
	size_t n = x->t[i].len, k;
	static const char *const img[] = {".jpg", ".jpeg", ".png", ".gif",
	    ".webp", ".svg"};

	if (xt_markup_word(x, i))
		return 1;

	if (n >= 13 && memchr(p, ':', n) != NULL) {
		for (k = 0; k < 10 && p[k] != 'T'; k++)
			if (!((p[k] >= '0' && p[k] <= '9') || p[k] == '-'))
				break;
		if (k == 10 && p[4] == '-' && p[7] == '-' && p[10] == 'T')
			return 1;
	}
	if (!((n > 7 && memcmp(p, "http://", 7) == 0) || (n > 8 &&
	    memcmp(p, "https://", 8) == 0)))
		return 0;
	for (k = 0; k < sizeof(img) / sizeof(img[0]); k++)
		if (xt_ends_in(p, n, img[k]))
			return 1;
	return 0;
}

/* An author box written as its heading and its text: the author's
 * name twice, the second time going on in lower case ("Jane Doe Jane
 * Doe is a reporter ...", "Regan Regan is a native of ..."). Returns
 * the end of the heading. A one-word name must be letters only and
 * start a block, and not in German, whose glossaries do the same. */
static size_t
xt_name_twice(const struct xt *x, size_t i)
{
	size_t n, k;

	for (n = 1; n <= 3 && i + 2 * n < x->nt; n++) {
		for (k = 0; k < n && xt_name_word(x, i + k) &&
		    xt_has(x, i + k, TF_CAP) && !xt_has(x, i + k, TF_COMMA |
		    TF_END | TF_COLON) && xt_same_words(x, i + k, i + n + k, 1);
		    k++)
			;
		if (k < n || !xt_has(x, i + 2 * n, TF_LOWER))
			continue;
		if (n == 1 && (x->german || xt_has(x, i, TF_UPPER) ||
		    !xt_letters(x, i) || (i > 0 && !xt_has(x, i, TF_NL) &&
		    (x->t[i - 1].flags & TF_LOWER))))
			continue;	/* a glossary: "DICOM DICOM is ..." */
		return i + n;
	}
	return 0;
}

/* Is word i a time of day: "12:05", "9.30", "14h10"? */
static int
xt_clock(const struct xt *x, size_t i)
{
	const char *p = x->s + x->t[i].off;
	size_t n = x->t[i].len, k = 0;

	while (k < n && k < 2 && p[k] >= '0' && p[k] <= '9')
		k++;
	if (k == 0 || k + 3 != n || (p[k] != ':' && p[k] != '.' &&
	    p[k] != 'h'))
		return 0;
	return p[k + 1] >= '0' && p[k + 1] <= '5' && p[k + 2] >= '0' &&
	    p[k + 2] <= '9';
}

/* A live blog's entry head: a time of day and the author's name
 * ("12:05 Élodie Marchal", "09:15 Jon Reed"). Returns the end. The
 * name is one entry's author, not the article's byline (and menus
 * have "12:30 Report" shows). */
static size_t
xt_entry_head(const struct xt *x, size_t i)
{
	size_t e;

	if (!xt_clock(x, i) || !(xt_bound_before(x, i) ||
	    xt_glued_before(x, i)) ||
	    (e = xt_one_name(x, i + 1)) < i + 3 || e > i + 4)
		return 0;
	return e;
}

/* Try every detector at i; returns the end of the span, 0 if none. */
static size_t
xt_detect(struct xt *x, size_t i, enum xt_kind *kind)
{
	size_t e;

	if ((e = xt_phrase_span(x, i, kind)) > i)
		return e;
	*kind = XK_SOURCES;	/* "© 2026 Site · Privacy": end matter */
	if ((e = xt_thread_footer(x, i)) > i)
		return e;
	*kind = XK_CAPTION;
	if ((e = xt_caption_span(x, i)) > i)
		return e;
	*kind = XK_CREDIT;
	if ((e = xt_credit(x, i)) > i || (e = xt_bare_credit(x, i)) > i ||
	    (e = xt_kind_credit(x, i)) > i)
		return e;
	*kind = XK_BYLINE;
	if ((e = xt_byline(x, i)) > i || (e = xt_name_date(x, i)) > i ||
	    (e = xt_name_follow(x, i)) > i ||
	    (e = xt_name_handle(x, i)) > i)
		return e;
	*kind = XK_ENTRY;
	if ((e = xt_entry_head(x, i)) > i)
		return e;
	*kind = XK_AUTHOR;
	if ((e = xt_name_twice(x, i)) > i)
		return e;
	*kind = XK_COUNTER;
	if ((e = xt_counter(x, i)) > i)
		return e;
	*kind = XK_REPLY;
	if (xt_reply(x, i))
		return i + 1;
	if ((e = xt_thread_reply(x, i)) > i)
		return e;	/* "Re: Title" */
	*kind = XK_SOURCES;	/* a post's own button: end matter, the
				 * sentence before it is the post's */
	if (xt_cls(x, i, XC_REPLY) && (e = xt_thread_button(x, i)) > i)
		return e;	/* "Reply “” Name" */
	*kind = XK_STAMP;
	if ((e = xt_reltime(x, i)) > i)
		return e;
	*kind = XK_DATE;
	if ((x->t[i].flags & TF_DIGIT || x->t[i].cls & (XC_MONTH |
	    XC_WEEKDAY | XC_DATEPREP)) && (e = xt_date(x, i, 0)) > i)
		return e;
	*kind = XK_DATELINE;
	if (xt_has(x, i, TF_UPPER) && xt_bound_before(x, i) &&
	    (e = xt_dateline(x, i)) > i)
		return e;
	*kind = XK_WIDGET;
	if ((e = xt_crumbs(x, i)) > i || (e = xt_widget(x, i)) > i)
		return e;
	if (xt_machine(x, i))
		return i + 1;
	*kind = XK_AD;
	if (xt_cls(x, i, XC_AD) && xt_has(x, i, TF_CAP) &&
	    xt_bound_before(x, i) && xt_bound_after(x, i + 1))
		return i + 1;
	return 0;
}

void
xt_spans(struct xt *x)
{
	size_t i = 0, e;
	enum xt_kind kind;

	while (i < x->nt) {
		kind = XK_TEXT;
		if (x->t[i].flags & TF_CELL) {
			i++;	/* a table's cells are data, not widgets */
			continue;
		}
		e = xt_detect(x, i, &kind);
		if (e > i && kind != XK_TEXT) {
			xt_mark(x, i, e, kind);
			i = e;
		} else {
			i++;
		}
	}
}
