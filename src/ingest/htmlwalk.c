#include "ingest/htmlwalk.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ingest/extract.h"

enum htmltag
htmlwalk_tag(const struct html_node *n)
{
	if (n == NULL || n->type != HTML_ELEMENT)
		return TAG_OTHER;
	return (enum htmltag)n->tag;
}

int
htmlwalk_is_hidden(enum htmltag t)
{
	switch (t) {
	case TAG_SCRIPT: case TAG_STYLE: case TAG_NOSCRIPT:
	case TAG_TEMPLATE: case TAG_SVG: case TAG_IFRAME: case TAG_BUTTON:
	case TAG_INPUT: case TAG_SELECT: case TAG_OPTION: case TAG_TEXTAREA:
	case TAG_CANVAS: case TAG_OBJECT: case TAG_EMBED: case TAG_MAP:
	case TAG_HEAD: case TAG_TITLE: case TAG_META: case TAG_LINK:
	case TAG_VIDEO: case TAG_AUDIO: case TAG_DIALOG:
		return 1;
	default:
		return 0;
	}
}

int
htmlwalk_is_heading(enum htmltag t)
{
	return t >= TAG_H1 && t <= TAG_H6;
}

int
htmlwalk_is_block(enum htmltag t)
{
	switch (t) {
	case TAG_ARTICLE: case TAG_ASIDE: case TAG_BLOCKQUOTE: case TAG_BODY:
	case TAG_DD: case TAG_DIV: case TAG_DL: case TAG_DT:
	case TAG_FIGCAPTION: case TAG_FIGURE: case TAG_FOOTER: case TAG_FORM:
	case TAG_HEADER: case TAG_HR: case TAG_LI: case TAG_MAIN:
	case TAG_MENU: case TAG_NAV: case TAG_OL: case TAG_P: case TAG_PRE:
	case TAG_SECTION: case TAG_TABLE: case TAG_TBODY: case TAG_TD:
	case TAG_TH: case TAG_TR: case TAG_UL: case TAG_HTML:
		return 1;
	default:
		return htmlwalk_is_heading(t);
	}
}

/* Step from n (just finished) to the next node to enter, calling leave on
 * every ancestor finished on the way; NULL when root is done. */
static struct html_node *
htmlwalk_up(struct html_node *n, struct html_node *root, size_t *depth,
    htmlwalk_leave_fn leave, void *arg)
{
	for (;;) {
		if (leave && n->type == HTML_ELEMENT)
			leave(n, arg);
		if (n == root)
			return NULL;
		if (n->next)
			return n->next;
		n = n->parent;
		if (n == NULL)
			return NULL;
		(*depth)--;
	}
}

size_t
htmlwalk(struct html_node *root, size_t max_depth, size_t max_nodes,
    htmlwalk_enter_fn enter, htmlwalk_leave_fn leave, void *arg)
{
	struct html_node *n = root;
	size_t depth = 0, count = 0;
	int down;

	while (n != NULL) {
		down = 0;
		if (n->type == HTML_ELEMENT) {
			if (count >= max_nodes)
				break;
			count++;
			down = enter(n, (int)depth, arg);
		}
		if (down && n->first && depth < max_depth) {
			n = n->first;
			depth++;
			continue;
		}
		if (n->type != HTML_ELEMENT && n != root) {
			if (n->next) {
				n = n->next;
				continue;
			}
			n = n->parent;
			depth--;
		}
		n = htmlwalk_up(n, root, &depth, leave, arg);
	}
	return count;
}

const char *
htmlwalk_attr(const struct html_node *n, enum htmlattr id)
{
	return htmlparse_attr(n, id);
}

static int
htmlwalk_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	    c == '\v';
}

/* s into out with white space runs as one space, a run of other bytes
 * at a time; at out's limit as many bytes as fit go in. */
static void
htmlwalk_put_collapsed(struct buf *out, const char *s)
{
	const char *run;

	while (*s) {
		if (htmlwalk_space((unsigned char)*s)) {
			if (out->len && out->ptr[out->len - 1] != ' ')
				buf_putc(out, ' ');
			s++;
			continue;
		}
		for (run = s; *s && !htmlwalk_space((unsigned char)*s); s++)
			;
		if (buf_put(out, run, (size_t)(s - run)) != ND_OK) {
			while (run < s && buf_putc(out, *run) == ND_OK)
				run++;
			return;
		}
	}
}

static void
htmlwalk_text_node(struct html_node *n, struct buf *out)
{
	if (n->type == HTML_TEXT)
		htmlwalk_put_collapsed(out, n->text);
}

static void
htmlwalk_text_edges(struct html_node *n, struct buf *out, int every_edge)
{
	struct html_node *cur = n, *next;
	size_t depth = 0;

	/* Text nodes are not elements, so walk by hand: pre-order over all
	 * nodes, skipping hidden subtrees, bounded in depth. */
	while (cur) {
		enum htmltag t = htmlwalk_tag(cur);
		int hidden = cur->type == HTML_ELEMENT &&
		    htmlwalk_is_hidden(t);

		htmlwalk_text_node(cur, out);
		if (cur->type == HTML_ELEMENT && !hidden &&
		    (every_edge || htmlwalk_is_block(t) || t == TAG_BR) &&
		    out->len &&
		    out->ptr[out->len - 1] != ' ')
			buf_putc(out, ' ');
		if (cur->type == HTML_ELEMENT && !hidden && cur->first &&
		    depth < EXTRACT_MAX_DEPTH) {
			cur = cur->first;
			depth++;
			continue;
		}
		next = NULL;
		while (cur && cur != n && (next = cur->next) == NULL) {
			cur = cur->parent;
			depth--;
		}
		if (cur == n || cur == NULL)
			break;
		cur = next;
	}
	buf_trim(out);
}

void
htmlwalk_text(struct html_node *n, struct buf *out)
{
	htmlwalk_text_edges(n, out, 0);
}

void
htmlwalk_text_spaced(struct html_node *n, struct buf *out)
{
	htmlwalk_text_edges(n, out, 1);
}

static int
htmlwalk_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

const char *
htmlwalk_memcasemem(const char *s, size_t n, const char *needle)
{
	size_t m = strlen(needle), i, j;
	int first, c;

	if (m == 0)
		return s;
	if (m > n)
		return NULL;
	first = htmlwalk_lower((unsigned char)needle[0]);
	for (i = 0; i + m <= n; i++) {
		c = htmlwalk_lower((unsigned char)s[i]);
		if (c != first)
			continue;
		for (j = 1; j < m && htmlwalk_lower((unsigned char)s[i + j]) ==
		    htmlwalk_lower((unsigned char)needle[j]); j++)
			;
		if (j == m)
			return s + i;
	}
	return NULL;
}
