#include "ingest/htmlhead.h"

#include <string.h>

#include "ingest/htmlwalk.h"
#include "store/article.h"
#include "util/buf.h"

#define HEAD_FIND_NODES	4000	/* elements searched for the headline */

/* 1 if the block c's whole text is the headline (n bytes). */
static int
head_is_title(const struct htmlscore *s, struct html_node *c,
    const char *headline, size_t n)
{
	const struct hnode *h = htmlscore_node(s, c);
	struct buf b;
	int same;

	if (h == NULL || h->text < n / 2 || h->text > n + 8)
		return 0;
	buf_init(&b, 4 * n + 64);
	htmlwalk_text(c, &b);
	same = b.len == n && memcmp(b.ptr, headline, n) == 0;
	buf_release(&b);
	return same;
}

struct head_find {
	const struct htmlscore *s;
	const char *headline;	/* NULL when under 10 bytes */
	size_t len;
	unsigned text;		/* bytes of text met outside links so far */
	struct html_node *found;
};

/* The first <h1>, or block whose text is the headline, outside hidden
 * and junk subtrees. */
static int
head_find(struct html_node *n, int depth, void *arg)
{
	struct head_find *f = arg;
	enum htmltag t = htmlwalk_tag(n);
	const struct hnode *h = htmlscore_node(f->s, n);

	(void)depth;
	if (f->found || f->text >= 2 * HTMLHEAD_SHORT ||
	    htmlwalk_is_hidden(t) || (h && (h->flags & (HN_HIDDEN | HN_JUNK))))
		return 0;
	if (t == TAG_H1 || (f->headline && htmlwalk_is_block(t) &&
	    head_is_title(f->s, n, f->headline, f->len))) {
		f->found = n;
		return 0;
	}
	/* text met before any headline: past it, the head rule cannot hold */
	if (h && t != TAG_A)
		f->text += h->own;
	return 1;
}

static unsigned
head_nonlink(const struct hnode *h)
{
	return h->link >= h->text ? 0 : h->text - h->link;
}

/* Direct children of c that are blocks or line breaks: its paragraphs. */
static size_t
head_parts(const struct html_node *c)
{
	const struct html_node *k;
	size_t n = 0;

	for (k = c->first; k; k = k->next) {
		enum htmltag t = htmlwalk_tag(k);

		n += k->type == HTML_ELEMENT && (htmlwalk_is_block(t) ||
		    t == TAG_BR);
	}
	return n;
}

static int
head_container(enum htmltag t)
{
	return t == TAG_DIV || t == TAG_SECTION || t == TAG_ARTICLE ||
	    t == TAG_MAIN || t == TAG_TD;
}

/* After the headline's block h among its siblings: the container where
 * the text starts (1), no such container after short blocks (0), or a
 * long block that is not one (-1). */
static int
head_after(const struct htmlscore *s, struct html_node *h,
    struct html_node **start)
{
	const struct hnode *st;
	struct html_node *c;
	unsigned head = 0;

	for (c = h->next; c; c = c->next) {
		if (c->type != HTML_ELEMENT ||
		    (st = htmlscore_node(s, c)) == NULL ||
		    (st->flags & (HN_HIDDEN | HN_JUNK)))
			continue;
		if (head_nonlink(st) < HTMLHEAD_SHORT) {
			head += head_nonlink(st);
			continue;
		}
		if (head_container(htmlwalk_tag(c)) && head_parts(c) >= 2 &&
		    head_nonlink(st) > head) {
			*start = c;
			return 1;
		}
		return -1;
	}
	return 0;
}

/* Non-link text in top before the block h: a kicker, a breadcrumb or a
 * date line is short; an <h1> after text is not the article's head. */
static unsigned
head_before(const struct htmlscore *s, const struct html_node *top,
    const struct html_node *h)
{
	const struct html_node *c;
	const struct hnode *st;
	unsigned n = 0;
	size_t steps = 0;

	for (; h && h != top && steps++ < 64; h = h->parent)
		for (c = h->parent ? h->parent->first : NULL; c && c != h;
		    c = c->next)
			if (c->type == HTML_ELEMENT &&
			    (st = htmlscore_node(s, c)) != NULL &&
			    !(st->flags & (HN_HIDDEN | HN_JUNK)))
				n += head_nonlink(st);
	return n;
}

struct html_node *
htmlhead_body_start(const struct htmlscore *s, struct html_node *top,
    const char *headline)
{
	struct head_find f = { s, headline, 0, 0, NULL };
	struct html_node *h, *start = NULL;
	size_t steps = 0;
	int r;

	f.len = headline ? strlen(headline) : 0;
	if (f.len < 10)
		f.headline = NULL;
	htmlwalk(top, 64, HEAD_FIND_NODES, head_find, NULL, &f);
	if (f.found == NULL || f.found == top ||
	    head_before(s, top, f.found) >= 2 * HTMLHEAD_SHORT)
		return NULL;
	/* climb from the headline while its blocks hold only head matter */
	for (h = f.found; h != top && steps++ < 64; h = h->parent) {
		if ((r = head_after(s, h, &start)) != 0)
			return r > 0 ? start : NULL;
		if (h->parent == top)
			break;
	}
	return NULL;
}

int
htmlhead_is_gallery(const struct htmlscore *s, const struct html_node *n)
{
	const struct html_node *c;
	const struct hnode *h, *top;
	size_t slides = 0;
	int tag = -1;

	for (c = n->first; c; c = c->next) {
		if (c->type != HTML_ELEMENT)
			continue;
		if ((h = htmlscore_node(s, c)) == NULL || h->img == 0 ||
		    head_nonlink(h) >= HTMLHEAD_SHORT ||
		    (tag >= 0 && tag != (int)c->tag))
			return 0;
		tag = c->tag;
		slides++;
	}
	if (slides < HTMLHEAD_SLIDES)
		return 0;
	/* a run of captioned images holding most of the text is the story */
	h = htmlscore_node(s, n);
	top = htmlscore_node(s, s->top);
	return h && top && 2 * head_nonlink(h) < head_nonlink(top);
}

struct head_lines {
	const struct htmlscore *s;
	struct strlist *lines;
	char **image;
};

static void
head_image(const struct html_node *n, char **image)
{
	const char *src = htmlwalk_attr(n, HA_SRC);

	if (src == NULL || strncmp(src, "data:", 5) == 0)
		src = htmlwalk_attr(n, HA_DATA_SRC);
	if (src && *src && strncmp(src, "data:", 5) != 0)
		article_set(image, src, strlen(src));
}

static int
head_line(struct html_node *n, int depth, void *arg)
{
	struct head_lines *l = arg;
	enum htmltag t = htmlwalk_tag(n);
	const struct hnode *h = htmlscore_node(l->s, n);
	struct buf b;

	(void)depth;
	if (htmlwalk_is_hidden(t) || (h && (h->flags & (HN_HIDDEN | HN_JUNK))))
		return 0;
	if (t == TAG_IMG && *l->image == NULL)
		head_image(n, l->image);
	if (h == NULL || !htmlwalk_is_block(t) || (h->flags & HN_BLOCKKID) ||
	    h->text == 0 || h->text >= HTMLHEAD_SHORT)
		return 1;
	buf_init(&b, 4 * HTMLHEAD_SHORT);
	htmlwalk_text(n, &b);
	if (b.len && l->lines->n < HTMLHEAD_LINES)
		strlist_pushn(l->lines, b.ptr, b.len);
	buf_release(&b);
	return 1;
}

void
htmlhead_lines(const struct htmlscore *s, const struct html_node *start,
    struct strlist *lines, char **image)
{
	struct head_lines l = { s, lines, image };
	struct html_node *c;

	for (c = start->parent ? start->parent->first : NULL; c && c != start;
	    c = c->next)
		if (c->type == HTML_ELEMENT)
			htmlwalk(c, 64, 2000, head_line, NULL, &l);
}
