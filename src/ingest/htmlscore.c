#include "ingest/htmlscore.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/extract.h"
#include "ingest/htmlhint.h"
#include "ingest/htmlwalk.h"
#include "util/xalloc.h"

#define HTMLSCORE_ANCESTORS	5	/* levels a paragraph score climbs */
#define HTMLSCORE_ALTS		5	/* runner-up candidates compared */

static int
score_role_unlikely(const struct html_node *n)
{
	static const char *const roles[] = {
		"menu", "menubar", "complementary", "navigation", "alert",
		"alertdialog", "dialog", "banner", "contentinfo", NULL
	};
	const char *r = htmlwalk_attr(n, HA_ROLE);
	size_t i;

	for (i = 0; r && roles[i]; i++)
		if (strcmp(r, roles[i]) == 0)
			return 1;
	return 0;
}

int
htmlscore_weight(struct html_node *n, int *unlikely)
{
	unsigned h;
	int w = 0;

	*unlikely = score_role_unlikely(n);
	if (n->nattrs == 0)
		return 0;
	h = htmlhint_of(n);
	if (h & HH_AD)
		w -= 25;
	if (h & HH_NEG)
		w -= 25;
	if (h & HH_POS)
		w += 25;
	if ((h & HH_UNLIKELY) && !(h & HH_MAYBE))
		*unlikely = 1;
	return w;
}

static int
score_invisible(const struct html_node *n)
{
	const char *st, *ah;

	if (n->nattrs == 0)
		return 0;
	if (htmlwalk_attr(n, HA_HIDDEN))
		return 1;
	ah = htmlwalk_attr(n, HA_ARIA_HIDDEN);
	if (ah && strcmp(ah, "true") == 0 && htmlwalk_tag(n) != TAG_FIGURE)
		return 1;
	st = htmlwalk_attr(n, HA_STYLE);
	return st && (strstr(st, "display:none") ||
	    strstr(st, "display: none") || strstr(st, "visibility:hidden"));
}

const struct hnode *
htmlscore_node(const struct htmlscore *s, const struct html_node *n)
{
	uintptr_t i;

	if (n == NULL || n->type != HTML_ELEMENT || n->mark == 0)
		return NULL;
	i = n->mark;
	return i <= s->n ? &s->v[i - 1] : NULL;
}

static struct hnode *
score_get(struct htmlscore *s, const struct html_node *n)
{
	return (struct hnode *)htmlscore_node(s, n);
}

double
htmlscore_link_density(const struct hnode *h)
{
	if (h->text == 0)
		return 0;
	return h->link >= h->text ? 1.0 : (double)h->link / (double)h->text;
}

/* Count text bytes (white space runs as one) and commas of s. */
static void
score_count(const char *s, unsigned *text, unsigned *commas)
{
	int space = 1;

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
			if (!space)
				(*text)++;
			space = 1;
			continue;
		}
		space = 0;
		(*text)++;
		if (c == ',' || (c == 0xEF && (unsigned char)s[1] == 0xBC &&
		    (unsigned char)s[2] == 0x8C))
			(*commas)++;
	}
}

static void
score_direct_text(struct htmlscore *s, struct html_node *n, struct hnode *h)
{
	const struct html_node *c;
	unsigned before, commas;

	for (c = n->first; c; c = c->next) {
		if (c->type != HTML_TEXT)
			continue;
		before = h->own;
		commas = h->own_commas;
		score_count(c->text, &h->own, &h->own_commas);
		h->text += h->own - before;
		h->commas += h->own_commas - commas;
		if (s->depth_in_link)
			h->link += h->own - before;
	}
}

static int
score_tag_junk(enum htmltag t)
{
	return t == TAG_NAV || t == TAG_ASIDE || t == TAG_FOOTER ||
	    t == TAG_MENU || t == TAG_HEADER;
}

static int score_contains(const struct html_node *a, const struct html_node *n);

static void
score_classify(const struct htmlscore *s, struct html_node *n, struct hnode *h,
    enum htmltag t)
{
	int unlikely = 0;

	h->weight = (short)htmlscore_weight(n, &unlikely);
	if (!(s->mode & HS_WEIGHT_CLASSES))
		h->weight = 0;
	if (!(s->mode & HS_STRIP_UNLIKELY) ||
	    (unlikely && s->keep && score_contains(n, s->keep)))
		unlikely = 0;
	if (htmlwalk_is_hidden(t) || score_invisible(n))
		h->flags |= HN_HIDDEN;
	else if (t != TAG_BODY && t != TAG_HTML && t != TAG_A &&
	    t != TAG_ARTICLE && t != TAG_MAIN &&
	    (unlikely || score_tag_junk(t)))
		h->flags |= HN_JUNK;
	if (t == TAG_INPUT || t == TAG_SELECT || t == TAG_TEXTAREA ||
	    t == TAG_BUTTON)
		h->input = 1;
	else if (t == TAG_IMG)
		h->img = 1;
	else if (t == TAG_IFRAME || t == TAG_EMBED || t == TAG_OBJECT ||
	    t == TAG_VIDEO)
		h->embed = 1;
}

static int
score_enter(struct html_node *n, int depth, void *arg)
{
	struct htmlscore *s = arg;
	enum htmltag t = htmlwalk_tag(n);
	struct hnode *h;

	(void)depth;
	s->v = xgrow(s->v, &s->cap, s->n, sizeof(*s->v), 1024);
	h = &s->v[s->n++];
	memset(h, 0, sizeof(*h));
	h->node = n;
	h->tag = (unsigned char)t;
	n->mark = (unsigned)s->n;
	score_classify(s, n, h, t);
	if (s->in_figure)
		h->flags |= HN_FIGURE;
	if (h->flags & (HN_HIDDEN | HN_JUNK))
		return 0;
	if (t == TAG_A)
		s->depth_in_link++;
	if (t == TAG_FIGURE)
		s->in_figure++;
	score_direct_text(s, n, h);
	return 1;
}

static float
score_initial(const struct hnode *h)
{
	switch (h->tag) {
	case TAG_DIV: case TAG_ARTICLE:
		return 5 + h->weight;
	case TAG_PRE: case TAG_TD: case TAG_BLOCKQUOTE:
		return 3 + h->weight;
	case TAG_OL: case TAG_UL: case TAG_DL: case TAG_DD: case TAG_DT:
	case TAG_LI: case TAG_FORM:
		return -3 + h->weight;
	case TAG_H1: case TAG_H2: case TAG_H3: case TAG_H4: case TAG_H5:
	case TAG_H6: case TAG_TH:
		return -5 + h->weight;
	default:
		return h->weight;
	}
}

/* A paragraph-like element gives its score to its ancestors. */
static void
score_paragraph(struct htmlscore *s, const struct hnode *h, struct html_node *a,
    unsigned text, unsigned commas)
{
	float sc;
	struct hnode *ah;
	int level;

	if (text < 25 || (h->flags & HN_FIGURE))
		return;
	sc = 1.0f + (float)(commas + 1) +
	    (float)(text / 100 > 3 ? 3 : text / 100);
	for (level = 0; level < HTMLSCORE_ANCESTORS && a; level++) {
		if ((ah = score_get(s, a)) == NULL)
			break;
		if (!(ah->flags & HN_CAND)) {
			ah->score = score_initial(ah);
			ah->flags |= HN_CAND;
		}
		ah->score += level == 0 ? sc :
		    level == 1 ? sc / 2 : sc / (float)(level * 3);
		a = a->parent;
	}
}

static int
score_scorable(const struct hnode *h)
{
	switch (h->tag) {
	case TAG_P: case TAG_PRE: case TAG_TD:
	case TAG_H2: case TAG_H3: case TAG_H4: case TAG_H5: case TAG_H6:
		return 1;
	case TAG_DIV: case TAG_SECTION: case TAG_ARTICLE:
		return !(h->flags & HN_BLOCKKID);
	default:
		return 0;
	}
}

static void
score_leave(struct html_node *n, void *arg)
{
	struct htmlscore *s = arg;
	struct hnode *h = score_get(s, n), *ph;

	if (h == NULL)
		return;
	if (h->flags & HN_JUNK)
		return;
	if (!(h->flags & HN_HIDDEN)) {
		if (h->tag == TAG_A && s->depth_in_link)
			s->depth_in_link--;
		if (h->tag == TAG_FIGURE && s->in_figure)
			s->in_figure--;
		if (score_scorable(h))
			score_paragraph(s, h, n->parent, h->text, h->commas);
		else if (h->tag == TAG_DIV || h->tag == TAG_SECTION ||
		    h->tag == TAG_ARTICLE || h->tag == TAG_TD)
			/* loose text beside blocks: a paragraph of its own */
			score_paragraph(s, h, n, h->own, h->own_commas);
	}
	if ((ph = score_get(s, n->parent)) == NULL)
		return;
	ph->text += h->text;
	ph->link += h->link;
	ph->commas += h->commas;
	ph->p += h->p + (h->tag == TAG_P);
	ph->li += h->li + (h->tag == TAG_LI);
	ph->img += h->img;
	ph->input += h->input;
	ph->embed += h->embed;
	ph->heading += h->heading + htmlwalk_is_heading(h->tag);
	if (htmlwalk_is_block(h->tag))
		ph->flags |= HN_BLOCKKID;
}

static float
score_final(const struct hnode *h)
{
	return h->score * (float)(1.0 - htmlscore_link_density(h));
}

/* Best candidate and up to HTMLSCORE_ALTS runners-up, best first. */
static size_t
score_best(const struct htmlscore *s, const struct hnode **alts,
    const struct hnode **best)
{
	size_t i, k, na = 0;
	const struct hnode *h;

	*best = NULL;
	for (i = 0; i < s->n; i++) {
		h = &s->v[i];
		if ((h->flags & HN_CAND) && h->tag != TAG_HTML &&
		    (*best == NULL || score_final(h) > score_final(*best)))
			*best = h;
	}
	for (i = 0; *best && i < s->n; i++) {
		h = &s->v[i];
		if (!(h->flags & HN_CAND) || h->tag == TAG_HTML || h == *best)
			continue;
		k = na < HTMLSCORE_ALTS ? na++ : HTMLSCORE_ALTS;
		for (; k > 0 && score_final(alts[k - 1]) < score_final(h); k--)
			if (k < HTMLSCORE_ALTS)
				alts[k] = alts[k - 1];
		if (k < HTMLSCORE_ALTS)
			alts[k] = h;
	}
	return na;
}

static int
score_contains(const struct html_node *a, const struct html_node *n)
{
	size_t steps = 0;

	for (; n && steps <= EXTRACT_MAX_DEPTH + 1; n = n->parent, steps++)
		if (n == a)
			return 1;
	return 0;
}

/* When several strong runners-up share an ancestor with the best, the
 * article is split in blocks: take the ancestor. */
static struct html_node *
score_common(const struct htmlscore *s, const struct hnode *best,
    const struct hnode **alts, size_t na)
{
	struct html_node *a = best->node->parent;
	size_t i, hits, steps = 0;
	float top = score_final(best);

	for (; a && a->type == HTML_ELEMENT && htmlwalk_tag(a) != TAG_BODY
	    && steps < EXTRACT_MAX_DEPTH; a = a->parent, steps++) {
		hits = 0;
		for (i = 0; i < na; i++)
			if (score_final(alts[i]) >= 0.75f * top &&
			    score_contains(a, alts[i]->node))
				hits++;
		if (hits >= 3)
			return a;
	}
	(void)s;
	return best->node;
}

/* Climb while a parent scores higher than the child: it holds more. */
static struct html_node *
score_climb(const struct htmlscore *s, struct html_node *top)
{
	const struct hnode *h = htmlscore_node(s, top), *ph;
	struct html_node *p = top->parent;
	float last = h && (h->flags & HN_CAND) ? score_final(h) : 0;
	size_t steps = 0;

	while (p && htmlwalk_tag(p) != TAG_BODY && steps++ < EXTRACT_MAX_DEPTH) {
		ph = htmlscore_node(s, p);
		if (ph == NULL)
			break;
		if (!(ph->flags & HN_CAND)) {
			p = p->parent;
			continue;
		}
		if (score_final(ph) < last / 3)
			break;
		if (score_final(ph) > last) {
			top = p;
			break;
		}
		last = score_final(ph);
		p = p->parent;
	}
	/* an only child stands for its parent */
	while (top->parent && top->parent->type == HTML_ELEMENT &&
	    htmlwalk_tag(top->parent) != TAG_BODY &&
	    htmlparse_child_elements(top->parent) == 1)
		top = top->parent;
	return top;
}

static int
score_sibling_ok(const struct htmlscore *s, const struct html_node *sib,
    const struct html_node *top)
{
	const struct hnode *th = htmlscore_node(s, top);
	const struct hnode *h = htmlscore_node(s, sib);
	float tscore = th && (th->flags & HN_CAND) ? score_final(th) : 0;
	float thresh = tscore * 0.2f > 10 ? tscore * 0.2f : 10, bonus = 0;
	const char *c1 = htmlwalk_attr(top, HA_CLASS);
	const char *c2 = htmlwalk_attr(sib, HA_CLASS);
	double ld;

	if (h == NULL || (h->flags & (HN_JUNK | HN_HIDDEN)))
		return 0;
	if (c1 && c2 && *c1 && strcmp(c1, c2) == 0)
		bonus = tscore * 0.2f;
	if ((h->flags & HN_CAND) && score_final(h) + bonus >= thresh)
		return 1;
	if (h->tag != TAG_P)
		return 0;
	ld = htmlscore_link_density(h);
	if (h->text > 80 && ld < 0.25)
		return 1;
	return h->text > 0 && h->text < 80 && ld == 0 &&
	    h->node->last && h->node->last->type == HTML_TEXT &&
	    h->node->last->text &&
	    strchr(h->node->last->text, '.');
}

static void
score_pick(struct htmlscore *s, struct html_node *top)
{
	struct html_node *c;
	size_t n = 0;

	s->top = top;
	if (top->parent == NULL || top->parent->type != HTML_ELEMENT ||
	    htmlwalk_tag(top) == TAG_BODY) {
		s->pick = xmalloc(sizeof(*s->pick));
		s->pick[0] = top;
		s->npick = 1;
		return;
	}
	for (c = top->parent->first; c; c = c->next)
		n += c->type == HTML_ELEMENT;
	s->pick = xreallocarray(NULL, n ? n : 1, sizeof(*s->pick));
	for (c = top->parent->first; c; c = c->next)
		if (c == top || (c->type == HTML_ELEMENT &&
		    score_sibling_ok(s, c, top)))
			s->pick[s->npick++] = c;
}

int
htmlscore_run(struct html_node *root, struct htmlscore *s)
{
	const struct hnode *alts[HTMLSCORE_ALTS], *best;
	size_t na;
	struct html_node *top;

	htmlwalk(root, EXTRACT_MAX_DEPTH, EXTRACT_MAX_NODES, score_enter,
	    score_leave, s);
	na = score_best(s, alts, &best);
	if (best == NULL)
		return -1;
	top = score_common(s, best, alts, na);
	top = score_climb(s, top);
	score_pick(s, top);
	return 0;
}

void
htmlscore_release(struct htmlscore *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		s->v[i].node->mark = 0;
	free(s->v);
	free(s->pick);
	memset(s, 0, sizeof(*s));
}
