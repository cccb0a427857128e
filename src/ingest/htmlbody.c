#include "ingest/htmlbody.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ingest/extract.h"
#include "ingest/htmlhead.h"
#include "ingest/htmlscore.h"
#include "ingest/htmltext.h"
#include "ingest/htmlthread.h"
#include "ingest/htmlwalk.h"
#include "store/article.h"
#include "util/buf.h"
#include "util/wordset.h"
#include "util/xalloc.h"

#define HTMLBODY_MAX_PARA	(256u << 10)	/* bytes of one paragraph */
#define HTMLBODY_RETRY_TEXT	500		/* less: retry with fewer cues */
#define HTMLBODY_SHORT		120		/* "short" paragraph, bytes */
#define HTMLBODY_PITCH		300	/* bytes of a pitch box, less */
#define HTMLBODY_REPEAT_MIN	40	/* bytes of a pull quote, at least */
#define HTMLBODY_REPEAT_MAX	400	/* ...at most */
#define HTMLBODY_REPEAT_NEAR	20	/* paragraphs searched either side */

/* Short boilerplate lines, matched anywhere in a short paragraph
 * (lowercase; English, German, French, Spanish). A secondary cue: the
 * structure (links, forms, lists of links) does most of the work. */
static const char *const body_phrases[] = {
	"share on", "share this", "sign up", "subscribe", "newsletter",
	"read more", "recommended", "leave a comment", "print this",
	"save article", "save this", "follow us", "all rights reserved",
	"click here", "receive free", "related articles", "related stories",
	"you may also like", "skip to", "cookie",
	"comments", "add a comment", "post a comment", "log in to comment",
	"lesen sie auch", "lesen sie mehr", "mehr zum thema", "abonnieren",
	"kommentar", "weiterlesen", "alle rechte vorbehalten",
	"jetzt anmelden", "auch interessant", "lire aussi", "à lire aussi",
	"partager", "abonnez-vous", "inscrivez-vous", "commentaire",
	"lire la suite", "tous droits réservés", "lea también",
	"lee también", "compartir", "suscríbete", "suscribete", "comentario",
	"leer más", "te puede interesar", "todos los derechos",
	"regístrate", NULL
};

/* Whole short lines that are labels, not text. */
static const char *const body_labels[] = {
	"advertisement", "advertising", "anzeige", "werbung", "publicité",
	"publicidad", "print", "save", "share", "drucken", "merken",
	"imprimer", "imprimir", "guardar", "email", "e-mail", "copy link",
	"sponsored", "related", "recommended", "read next", NULL
};

struct emit {
	const struct htmlscore *sc;
	struct htmlbody *out;
	struct buf para;
	size_t para_link;	/* bytes of para inside links */
	size_t in_link;
	int heading;		/* para is a heading */
	int section;		/* ...heading a section of text (body_section) */
	unsigned char *kinds;	/* per out->paras entry: 1 heading */
	size_t kcap;
	const struct html_node *figure;	/* first figure met */
	const struct html_node *last_img;	/* last <img> entered */
};

static int
body_is_label(const char *s, size_t n)
{
	size_t i, m;

	while (n && (s[n - 1] == ':' || s[n - 1] == '.' || s[n - 1] == ' '))
		n--;
	for (i = 0; body_labels[i]; i++) {
		m = strlen(body_labels[i]);
		if (m == n && strncasecmp(s, body_labels[i], n) == 0)
			return 1;
	}
	return 0;
}

static struct wordset body_phrase_set;
static pthread_once_t body_phrase_once = PTHREAD_ONCE_INIT;

static void
body_phrase_init(void)
{
	wordset_add(&body_phrase_set, body_phrases, 1);
}

/* 1 if s[0..n) (n <= HTMLBODY_SHORT) holds a phrase, ASCII case
 * ignored: lowercased once, then one scan for all phrases. */
static int
body_has_phrase(const char *s, size_t n)
{
	char low[HTMLBODY_SHORT];
	size_t i;

	for (i = 0; i < n; i++)
		low[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
	pthread_once(&body_phrase_once, body_phrase_init);
	return wordset_find(&body_phrase_set, low, n) != 0;
}

static int
body_is_boilerplate(const char *s, size_t n, size_t link)
{
	if (n == 0)
		return 1;
	if (link * 2 > n && n < 400)
		return 1;	/* mostly a link: a teaser or a widget */
	if (n > HTMLBODY_SHORT)
		return 0;
	return body_is_label(s, n) || body_has_phrase(s, n);
}

static void
body_flush(struct emit *e)
{
	struct strlist *l = &e->out->paras;

	buf_trim(&e->para);
	if (e->para.len && ((e->section && e->para_link == 0) ||
	    !body_is_boilerplate(e->para.ptr, e->para.len, e->para_link))) {
		if (l->n == e->kcap) {
			e->kcap = e->kcap ? e->kcap * 2 : 32;
			e->kinds = xrealloc(e->kinds, e->kcap);
		}
		e->kinds[l->n] = (unsigned char)e->heading;
		strlist_pushn(l, e->para.ptr, e->para.len);
	}
	buf_clear(&e->para);
	e->para_link = 0;
	e->heading = 0;
	e->section = 0;
}

/* 1 if the heading n is directly followed by a paragraph of text (a
 * <p> of more than HTMLBODY_SHORT bytes, few of them in links): it
 * heads a section of the article, whatever its words ("Partager les
 * raisins", "Sign up for the trial"), and the phrase list does not
 * apply to it. A "Related" or "Share" heading over a list of links or
 * buttons is not followed so. */
static int
body_section(const struct emit *e, const struct html_node *n)
{
	const struct html_node *c = n->next;
	const struct hnode *h;

	while (c && c->type == HTML_TEXT && c->len < 8)
		c = c->next;
	if (c == NULL || htmlwalk_tag(c) != TAG_P ||
	    (h = htmlscore_node(e->sc, c)) == NULL)
		return 0;
	return h->text > HTMLBODY_SHORT && htmlscore_link_density(h) < 0.25;
}

static int
body_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	    c == '\v';
}

/* Append the text of n to the paragraph, white space runs as one space,
 * a run of other bytes at a time. At the paragraph's limit as many
 * bytes as fit go in and the rest of n is dropped. */
static void
body_text(struct emit *e, const struct html_node *n)
{
	const char *s = n->text, *run;
	size_t before = e->para.len;

	while (s && *s) {
		if (body_space((unsigned char)*s)) {
			if (e->para.len && e->para.ptr[e->para.len - 1] != ' ')
				buf_putc(&e->para, ' ');
			s++;
			continue;
		}
		for (run = s; *s && !body_space((unsigned char)*s); s++)
			;
		if (buf_put(&e->para, run, (size_t)(s - run)) != ND_OK) {
			while (run < s && buf_putc(&e->para, *run) == ND_OK)
				run++;
			break;
		}
	}
	if (e->in_link)
		e->para_link += e->para.len - before;
}

static int
body_cleanable(enum htmltag t)
{
	switch (t) {
	case TAG_DIV: case TAG_SECTION: case TAG_UL: case TAG_OL:
	case TAG_TABLE: case TAG_DL: case TAG_FORM: case TAG_ASIDE:
	case TAG_HEADER: case TAG_FOOTER:
		return 1;
	default:
		return 0;
	}
}

/* Readability's conditional clean: a container inside the article that
 * looks like a widget, a link list or an ad slot is dropped. */
static int
body_drop_container(const struct hnode *h)
{
	int list = h->tag == TAG_UL || h->tag == TAG_OL;
	double ld = htmlscore_link_density(h);
	unsigned p = h->p;

	if (h->weight < 0)
		return 1;
	if (h->commas >= 10)
		return 0;
	if (h->img > 1 && p * 2 < h->img && !(h->flags & HN_FIGURE))
		return 1;
	if (!list && h->li > p + 100)
		return 1;
	if (h->input > p / 3)
		return 1;
	if (!list && h->text < 25 && (h->img == 0 || h->img > 2) &&
	    !(h->flags & HN_FIGURE) && h->heading == 0)
		return 1;
	if (!list && h->weight < 25 && ld > 0.2)
		return 1;
	if (list && ld > 0.5)
		return 1;
	if (h->weight >= 25 && ld > 0.5)
		return 1;
	return (h->embed == 1 && h->text < 75) || h->embed > 1;
}

/* The image element img stands for among its siblings: its <picture>
 * or a link holding only it, else itself. */
static const struct html_node *
body_image_box(const struct html_node *img)
{
	const struct html_node *p = img->parent;

	if (p && (htmlwalk_tag(p) == TAG_PICTURE ||
	    (htmlwalk_tag(p) == TAG_A && p->first == p->last)))
		return p;
	return img;
}

/* 1 if n comes right after the last image met (siblings, only white
 * space and <br> between). */
static int
body_after_image(const struct emit *e, const struct html_node *n)
{
	const struct html_node *c;

	if (e->last_img == NULL)
		return 0;
	for (c = body_image_box(e->last_img)->next; c; c = c->next) {
		if (c == n)
			return 1;
		if (c->type == HTML_ELEMENT && htmlwalk_tag(c) != TAG_BR)
			return 0;
		if (c->type == HTML_TEXT && c->len > 2)
			return 0;
	}
	return 0;
}

/* A photo's caption set without <figure>: a short block that holds one
 * image, or comes right after one, and whose text ends in a photo
 * credit ("... on Saturday. Foto: Ana Gil"). The first such photo met
 * before any figure is the lead picture (image and caption, the credit
 * split off later by htmltext_caption) when none was found. */
static int
body_is_caption(struct emit *e, struct html_node *n, const struct hnode *h)
{
	struct htmlbody *o = e->out;
	struct buf b;
	int cap;

	if (h->text == 0 || h->text >= HTMLHEAD_SHORT || h->img > 1 ||
	    (h->img == 0 && !body_after_image(e, n)))
		return 0;
	buf_init(&b, 4 * HTMLHEAD_SHORT);
	htmlwalk_text(n, &b);
	cap = htmltext_photo_credit(b.ptr);
	if (cap && e->figure == NULL && o->image == NULL &&
	    o->caption == NULL) {
		htmlthread_image(h->img ? n : e->last_img, &o->image);
		if (o->image)
			article_set(&o->caption, b.ptr, b.len);
	}
	buf_release(&b);
	return cap;
}

/* A pitch box set between the paragraphs: a short container (under
 * HTMLBODY_PITCH bytes) whose last element is a link or button labelled
 * with a sign-up or subscription phrase ("Abonnieren", "Sign up",
 * "Suscr\xC3\xADbete"): its heading and text go with the button. */
static int
body_is_pitch(const struct html_node *n, const struct hnode *h)
{
	const struct html_node *c, *last = NULL;
	enum htmltag t;
	struct buf b;
	int pitch;

	if (h->text == 0 || h->text >= HTMLBODY_PITCH)
		return 0;
	for (c = n->first; c; c = c->next)
		if (c->type == HTML_ELEMENT)
			last = c;
	t = htmlwalk_tag(last);
	if (last == NULL || (t != TAG_A && t != TAG_BUTTON))
		return 0;
	buf_init(&b, HTMLBODY_SHORT);
	htmlwalk_text((struct html_node *)last, &b);
	pitch = b.len > 0 && b.len < HTMLBODY_SHORT &&
	    (body_is_label(b.ptr, b.len) || body_has_phrase(b.ptr, b.len));
	buf_release(&b);
	return pitch;
}

/* Enter an element: 1 to walk into it, 0 to skip it. */
static int
body_enter(struct emit *e, struct html_node *n, int is_root)
{
	const struct hnode *h = htmlscore_node(e->sc, n);
	enum htmltag t = htmlwalk_tag(n);

	if (h && (h->flags & (HN_HIDDEN | HN_JUNK)))
		return 0;
	if (htmlwalk_is_hidden(t) || t == TAG_H1 || t == TAG_FIGCAPTION)
		return 0;
	if (t == TAG_FIGURE) {
		if (e->figure == NULL)
			e->figure = n;
		return 0;
	}
	if (!is_root && h && (e->sc->mode & HS_CLEAN) && body_cleanable(t) &&
	    body_drop_container(h))
		return 0;
	if (!is_root && body_cleanable(t) && htmlhead_is_gallery(e->sc, n))
		return 0;
	if (t == TAG_IMG)
		e->last_img = n;
	if (!is_root && h && (t == TAG_DIV || t == TAG_ASIDE ||
	    t == TAG_SECTION) && body_is_pitch(n, h))
		return 0;
	if (!is_root && h && (t == TAG_P || t == TAG_DIV || t == TAG_DL ||
	    t == TAG_DD || t == TAG_SPAN) && body_is_caption(e, n, h))
		return 0;
	if (htmlwalk_is_block(t) || t == TAG_BR)
		body_flush(e);
	if (htmlwalk_is_heading(t)) {
		e->heading = 1;
		e->section = body_section(e, n);
	}
	if (t == TAG_A)
		e->in_link++;
	return 1;
}

static void
body_leave(struct emit *e, struct html_node *n)
{
	enum htmltag t = htmlwalk_tag(n);

	if (t == TAG_A && e->in_link)
		e->in_link--;
	if (htmlwalk_is_block(t))
		body_flush(e);
}

/* Walk the subtree of top in document order without recursion. */
static void
body_emit(struct emit *e, struct html_node *top)
{
	struct html_node *n = top;
	size_t depth = 0;
	int down;

	while (n) {
		down = 0;
		if (n->type == HTML_TEXT)
			body_text(e, n);
		else if (n->type == HTML_ELEMENT)
			down = body_enter(e, n, n == top);
		if (down && n->first && depth < EXTRACT_MAX_DEPTH) {
			n = n->first;
			depth++;
			continue;
		}
		for (;;) {
			if (down && n->type == HTML_ELEMENT)
				body_leave(e, n);
			down = 1;	/* ancestors were all entered */
			if (n == top)
				return;
			if (n->next) {
				n = n->next;
				break;
			}
			n = n->parent;
			depth--;
		}
	}
}

/* Headings left at the end (their section was dropped) go too. */
static void
body_trim_headings(struct emit *e)
{
	struct strlist *l = &e->out->paras;

	while (l->n && e->kinds[l->n - 1]) {
		free(l->v[l->n - 1]);
		l->n--;
	}
}

static int
body_credit_hint(const struct html_node *n)
{
	static const char *const words[] = {
		"credit", "copyright", "source", "author", "photographer",
		"rights", NULL
	};
	const char *v[2] = { htmlwalk_attr(n, HA_CLASS), htmlwalk_attr(n, HA_ID) };
	size_t i, k;

	for (k = 0; k < 2; k++)
		for (i = 0; v[k] && words[i]; i++)
			if (htmlwalk_memcasemem(v[k], strlen(v[k]), words[i]))
				return 1;
	return 0;
}

struct figwalk {
	const struct html_node *img, *caption, *credit;
};

static int
body_fig_enter(struct html_node *n, int depth, void *arg)
{
	struct figwalk *f = arg;
	enum htmltag t = htmlwalk_tag(n);

	(void)depth;
	if (t == TAG_IMG && f->img == NULL)
		f->img = n;
	else if (t == TAG_FIGCAPTION && f->caption == NULL)
		f->caption = n;
	else if (f->credit == NULL && n->nattrs && body_credit_hint(n))
		f->credit = n;
	return !htmlwalk_is_hidden(t) || t == TAG_NOSCRIPT;
}

static void
body_set_text(char **field, struct html_node *n)
{
	struct buf b;

	buf_init(&b, 8192);
	htmlwalk_text(n, &b);
	article_set(field, b.ptr, b.len);
	buf_release(&b);
}

static void
body_figure(struct htmlbody *out, struct html_node *fig)
{
	struct figwalk f = { NULL, NULL, NULL };
	const char *src = NULL, *p;
	size_t k;

	htmlwalk(fig, 16, 200, body_fig_enter, NULL, &f);
	if (f.img && ((src = htmlwalk_attr(f.img, HA_SRC)) == NULL ||
	    strncmp(src, "data:", 5) == 0))
		src = htmlwalk_attr(f.img, HA_DATA_SRC);
	if (src && *src && strncmp(src, "data:", 5) != 0)
		article_set(&out->image, src, strlen(src));
	if (f.caption)
		body_set_text(&out->caption, (struct html_node *)f.caption);
	if (f.credit)
		body_set_text(&out->credit, (struct html_node *)f.credit);
	if (out->caption == NULL || out->credit == NULL)
		return;
	/* the credit element sits inside the caption: cut it out */
	p = strstr(out->caption, out->credit);
	if (p == NULL)
		return;
	k = strlen(out->credit);
	memmove((char *)p, p + k, strlen(p + k) + 1);
	p = out->caption;
	out->caption = NULL;
	article_set(&out->caption, p, strlen(p));
	free((char *)p);
}

static int
body_find_figure(struct html_node *n, int depth, void *arg)
{
	struct html_node **fig = arg;
	enum htmltag t = htmlwalk_tag(n);
	struct html_node *c;

	(void)depth;
	if (*fig)
		return 0;
	if (t != TAG_FIGURE)
		return !htmlwalk_is_hidden(t);
	for (c = n->first; c; c = c->next)
		if (htmlwalk_tag(c) == TAG_FIGCAPTION) {
			*fig = n;
			return 0;
		}
	return 0;
}

/* 1 if n's subtree is small: at most 8 nodes, none deeper than 3 levels
 * below n (a caption line, a picture box). */
static int
body_small(const struct html_node *n, int depth)
{
	const struct html_node *c;
	int k = 0;

	if (depth > 3)
		return 0;
	for (c = n->first; c; c = c->next)
		if (++k > 8 || (c->first && !body_small(c, depth + 1)))
			return 0;
	return 1;
}

/* 1 if n is, or holds within a small subtree, an image. */
static int
body_has_image(const struct html_node *n)
{
	const struct html_node *c;

	if (htmlwalk_tag(n) == TAG_IMG)
		return 1;
	if (!body_small(n, 0))
		return 0;
	for (c = n->first; c; c = c->next)
		if (c->type == HTML_ELEMENT && body_has_image(c))
			return 1;
	return 0;
}

/* 1 if c is a short block whose text ends in a photo credit; its text
 * into *text (an owned string). */
static int
body_credited(struct html_node *c, char **text)
{
	enum htmltag t = htmlwalk_tag(c);
	struct buf b;
	int ok;

	if ((t != TAG_P && t != TAG_DIV && t != TAG_SPAN) ||
	    !body_small(c, 0))
		return 0;
	buf_init(&b, 4 * HTMLHEAD_SHORT);
	htmlwalk_text(c, &b);
	ok = b.len > 0 && b.len < HTMLHEAD_SHORT &&
	    htmltext_photo_credit(b.ptr);
	if (ok)
		*text = buf_detach(&b, NULL);
	buf_release(&b);
	return ok;
}

/* A block holding a picture followed by a credited caption line (a hero
 * image above the headline, without <figure>): image and caption into
 * the htmlbody passed as arg. */
static int
body_find_hero(struct html_node *n, int depth, void *arg)
{
	struct htmlbody *b = arg;
	struct html_node *c, *prev = NULL;
	char *text = NULL;

	(void)depth;
	if (b->image || htmlwalk_is_hidden(htmlwalk_tag(n)))
		return 0;
	for (c = n->first; c && b->image == NULL; c = c->next) {
		if (c->type != HTML_ELEMENT)
			continue;
		if (prev && body_has_image(prev) && body_credited(c, &text)) {
			htmlthread_image(prev, &b->image);
			if (b->image)
				b->caption = text;
			else
				free(text);
			text = NULL;
		}
		prev = c;
	}
	return b->image == NULL;
}

void
htmlbody_hero(struct html_node *root, struct htmlbody *b)
{
	if (b->image == NULL && b->head_image == NULL && b->caption == NULL)
		htmlwalk(root, EXTRACT_MAX_DEPTH, EXTRACT_MAX_NODES,
		    body_find_hero, NULL, b);
}

void
htmlbody_lead_figure(struct html_node *root, struct htmlbody *b)
{
	struct html_node *fig = NULL;

	if (b->caption || b->credit)
		return;
	htmlwalk(root, EXTRACT_MAX_DEPTH, EXTRACT_MAX_NODES, body_find_figure,
	    NULL, &fig);
	if (fig == NULL)
		return;
	free(b->image);
	b->image = NULL;
	body_figure(b, fig);
}

static size_t
body_total(const struct strlist *l)
{
	size_t i, n = 0;

	for (i = 0; i < l->n; i++)
		n += strlen(l->v[i]);
	return n;
}

/* 1 if c comes before a sibling "start" (both children of one parent). */
static int
body_before(const struct html_node *c, const struct html_node *start)
{
	for (; c; c = c->next)
		if (c == start)
			return 1;
	return 0;
}

/* A block after the start of the text, emitted on its own: a gallery,
 * or a widget the conditional clean drops inside the article. */
static int
body_skip_sibling(const struct emit *e, const struct html_node *c)
{
	const struct hnode *h = htmlscore_node(e->sc, c);

	if (htmlhead_is_gallery(e->sc, c))
		return 1;
	return h && (e->sc->mode & HS_CLEAN) && body_cleanable(htmlwalk_tag(c))
	    && body_drop_container(h);
}

/* Emit top's content from start on: start and its following siblings,
 * then those of each ancestor up to top. */
static void
body_emit_from(struct emit *e, const struct htmlscore *sc,
    struct html_node *start)
{
	struct html_node *c, *up;

	for (up = start; up && up != sc->top; up = up->parent)
		for (c = up == start ? start : up->next; c; c = c->next) {
			if (c->type == HTML_TEXT)
				body_text(e, c);
			else if (c->type == HTML_ELEMENT &&
			    (c == start || !body_skip_sibling(e, c)))
				body_emit(e, c);
			body_flush(e);
		}
}

/* Emit the pick of sc, starting at the article's text after its head
 * block (htmlhead.h): inside top, or among the picked siblings of top.
 * A gallery among them is left out. In a forum thread (htmlthread.h),
 * the text of its first post only. */
static void
body_emit_pick(struct emit *e, const struct htmlscore *sc, const char *headline)
{
	struct html_node *start, *c, *sib = NULL;
	size_t i;

	if ((c = htmlthread_first_post(sc, sc->top)) != NULL) {
		htmlthread_image(c, &e->out->head_image);
		body_emit(e, htmlthread_post_text(sc, c));
		body_flush(e);
		return;
	}
	start = htmlhead_body_start(sc, sc->top, headline);
	if (start == NULL && sc->npick > 1 && sc->top->parent)
		sib = htmlhead_body_start(sc, sc->top->parent, headline);
	if (start || sib)
		htmlhead_lines(sc, start ? start : sib, &e->out->head,
		    &e->out->head_image);
	for (i = 0; i < sc->npick; i++) {
		c = sc->pick[i];
		if ((sib && c != sib && body_before(c, sib)) ||
		    (c != sc->top && htmlhead_is_gallery(sc, c)))
			continue;
		if (c != sc->top || start == NULL) {
			body_emit(e, c);
			body_flush(e);
			continue;
		}
		body_emit_from(e, sc, start);
	}
}

/* 1 if l->v[i] is repeated inside a longer paragraph near it. */
static int
body_is_repeat(const struct strlist *l, size_t i)
{
	size_t n = strlen(l->v[i]), k;
	size_t lo = i > HTMLBODY_REPEAT_NEAR ? i - HTMLBODY_REPEAT_NEAR : 0;

	if (n < HTMLBODY_REPEAT_MIN || n > HTMLBODY_REPEAT_MAX)
		return 0;
	for (k = lo; k < l->n && k <= i + HTMLBODY_REPEAT_NEAR; k++)
		if (k != i && l->v[k] && strlen(l->v[k]) > n &&
		    strstr(l->v[k], l->v[i]))
			return 1;
	return 0;
}

/* A pull quote (a blockquote or aside set between the paragraphs) repeats
 * a sentence of a paragraph near it: the short copy goes. */
static void
body_drop_repeats(struct strlist *l)
{
	size_t i, j = 0;

	for (i = 0; i < l->n; i++)
		if (body_is_repeat(l, i)) {
			free(l->v[i]);
			l->v[i] = NULL;
		}
	for (i = 0; i < l->n; i++)
		if (l->v[i])
			l->v[j++] = l->v[i];
	l->n = j;
}

/* One pass with the given HS_* mode into b->paras; *top is the element
 * the pass chose (NULL if none). */
static void
body_pass(struct html_node *root, unsigned mode, const struct html_node *keep,
    const char *headline, struct htmlbody *b, const struct html_node **top)
{
	struct htmlscore sc;
	struct emit e;

	memset(&sc, 0, sizeof(sc));
	memset(&e, 0, sizeof(e));
	sc.mode = mode;
	sc.keep = keep;
	e.sc = &sc;
	e.out = b;
	*top = NULL;
	buf_init(&e.para, HTMLBODY_MAX_PARA);
	if (htmlscore_run(root, &sc) == 0) {
		*top = sc.top;
		body_emit_pick(&e, &sc, headline);
		body_trim_headings(&e);
		body_drop_repeats(&b->paras);
		if (e.figure)
			body_figure(b, (struct html_node *)e.figure);
	}
	buf_release(&e.para);
	free(e.kinds);
	htmlscore_release(&sc);
}

/* Keep in *best whichever of *best and *cur has more text. */
static size_t
body_keep_best(struct htmlbody *best, struct htmlbody *cur, size_t most)
{
	size_t got = body_total(&cur->paras);

	if (got > most) {
		htmlbody_release(best);
		*best = *cur;
		return got;
	}
	htmlbody_release(cur);
	return most;
}

/*
 * Passes, as Readability, each turning one more cue off while the text
 * found stays short. After the pass without "unlikely" stripping, one
 * more full pass runs with the element that pass chose (and its
 * ancestors) exempt: a page wrapper named "sidebar" or "header" then
 * keeps its article while the real boilerplate inside is still dropped.
 */
int
htmlbody_extract(struct html_node *root, const char *headline,
    struct htmlbody *b)
{
	static const unsigned modes[] = {
		HS_ALL, HS_ALL & ~HS_STRIP_UNLIKELY,
		HS_CLEAN, 0
	};
	struct htmlbody best, cur;
	const struct html_node *top;
	size_t i, most = 0, got;

	memset(&best, 0, sizeof(best));
	for (i = 0; i < sizeof(modes) / sizeof(modes[0]); i++) {
		memset(&cur, 0, sizeof(cur));
		body_pass(root, modes[i], NULL, headline, &cur, &top);
		got = body_total(&cur.paras);
		if (i == 1 && top && got >= HTMLBODY_RETRY_TEXT) {
			htmlbody_release(&cur);
			body_pass(root, HS_ALL, top, headline, &cur, &top);
			if (body_total(&cur.paras) < HTMLBODY_RETRY_TEXT) {
				htmlbody_release(&cur);
				body_pass(root, modes[i], NULL, headline, &cur, &top);
			}
		}
		most = body_keep_best(&best, &cur, most);
		if (most >= HTMLBODY_RETRY_TEXT)
			break;
	}
	*b = best;
	return most >= HTMLBODY_MIN_TEXT ? 0 : -1;
}

void
htmlbody_release(struct htmlbody *b)
{
	strlist_release(&b->paras);
	strlist_release(&b->head);
	free(b->head_image);
	free(b->image);
	free(b->caption);
	free(b->credit);
	memset(b, 0, sizeof(*b));
}
