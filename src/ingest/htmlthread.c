/* htmlthread.c - forum threads: the first post of a topic is the
 * article, its replies are not (see htmlthread.h).
 */
#include "ingest/htmlthread.h"

#include <stdlib.h>
#include <string.h>

#include "ingest/htmlwalk.h"
#include "store/article.h"
#include "util/buf.h"

#define THREAD_NODES	20000	/* elements searched for headings */
#define THREAD_TITLE	400	/* bytes of a heading's text kept */

struct thread_heads {
	const struct htmlscore *s;
	struct html_node *node[HTMLTHREAD_HEADINGS];
	char *text[HTMLTHREAD_HEADINGS];
	size_t len[HTMLTHREAD_HEADINGS];
	size_t n;
};

/* Collect the headings h2-h6 outside hidden and junk subtrees. */
static int
thread_heading(struct html_node *n, int depth, void *arg)
{
	struct thread_heads *t = arg;
	enum htmltag tag = htmlwalk_tag(n);
	const struct hnode *h = htmlscore_node(t->s, n);
	struct buf b;

	(void)depth;
	if (t->n == HTMLTHREAD_HEADINGS || htmlwalk_is_hidden(tag) ||
	    (h && (h->flags & (HN_HIDDEN | HN_JUNK))))
		return 0;
	if (!htmlwalk_is_heading(tag) || tag == TAG_H1)
		return 1;
	if (h && h->text > THREAD_TITLE)
		return 0;
	buf_init(&b, THREAD_TITLE);
	htmlwalk_text(n, &b);
	t->node[t->n] = n;
	t->len[t->n] = b.len;
	t->text[t->n++] = buf_detach(&b, NULL);
	return 0;
}

/* 1 if reply is "label: title": a label of one word (no space) ending
 * in a colon, a space after it optional, then the title. */
static int
thread_is_reply(const char *reply, size_t rn, const char *title, size_t tn)
{
	size_t k;

	if (title == NULL || reply == NULL || tn < HTMLTHREAD_TITLE_MIN ||
	    rn <= tn + 1 || rn - tn > HTMLTHREAD_PREFIX_MAX ||
	    memcmp(reply + rn - tn, title, tn) != 0)
		return 0;
	k = rn - tn;
	if (reply[k - 1] == ' ')
		k--;
	if (k < 2 || reply[k - 1] != ':')
		return 0;
	return memchr(reply, ' ', k - 1) == NULL &&
	    memchr(reply, ':', k - 1) == NULL;
}

static size_t
thread_depth(const struct html_node *n)
{
	size_t d = 0;

	for (; n->parent; n = n->parent)
		d++;
	return d;
}

/* The children of the lowest common ancestor of a and b that hold them,
 * in *ca and *cb; 0 if a and b are nested. */
static int
thread_split(struct html_node *a, struct html_node *b,
    struct html_node **ca, struct html_node **cb)
{
	size_t da = thread_depth(a), db = thread_depth(b);

	for (; da > db; da--)
		a = a->parent;
	for (; db > da; db--)
		b = b->parent;
	if (a == b)
		return 0;
	while (a->parent != b->parent) {
		a = a->parent;
		b = b->parent;
	}
	*ca = a;
	*cb = b;
	return 1;
}

/* The first post found among the collected headings, or NULL. */
static struct html_node *
thread_find(struct thread_heads *t, struct html_node *top)
{
	struct html_node *post, *reply;
	size_t i, j;

	for (j = 1; j < t->n; j++)
		for (i = j; i-- > 0;) {
			if (!thread_is_reply(t->text[j], t->len[j], t->text[i],
			    t->len[i]))
				continue;
			if (!thread_split(t->node[i], t->node[j], &post, &reply))
				break;
			if (htmlwalk_tag(post) == htmlwalk_tag(reply) &&
			    post != top && reply != top)
				return post;
			break;
		}
	return NULL;
}

struct html_node *
htmlthread_first_post(const struct htmlscore *s, struct html_node *top)
{
	const struct hnode *h = htmlscore_node(s, top);
	struct thread_heads t;
	struct html_node *post;
	size_t i;

	if (h == NULL || h->heading < 2)	/* a title and a reply's */
		return NULL;
	memset(&t, 0, sizeof(t));
	t.s = s;
	htmlwalk(top, 64, THREAD_NODES, thread_heading, NULL, &t);
	post = thread_find(&t, top);
	for (i = 0; i < t.n; i++)
		free(t.text[i]);
	return post;
}

static int
thread_container(enum htmltag t)
{
	return t == TAG_DIV || t == TAG_SECTION || t == TAG_ARTICLE ||
	    t == TAG_MAIN;
}

struct html_node *
htmlthread_post_text(const struct htmlscore *s, struct html_node *post)
{
	const struct hnode *h = htmlscore_node(s, post), *hc;
	struct html_node *c;
	int down = 1;

	while (h && down) {
		down = 0;
		for (c = post->first; c; c = c->next) {
			hc = htmlscore_node(s, c);
			if (c->type != HTML_ELEMENT || hc == NULL ||
			    !thread_container(htmlwalk_tag(c)) ||
			    3 * (size_t)hc->text < 2 * (size_t)h->text)
				continue;
			post = c;
			h = hc;
			down = 1;
			break;
		}
	}
	return post;
}

static int
thread_img(struct html_node *n, int depth, void *arg)
{
	char **image = arg;
	const char *src;

	(void)depth;
	if (*image || htmlwalk_is_hidden(htmlwalk_tag(n)))
		return 0;
	if (htmlwalk_tag(n) != TAG_IMG)
		return 1;
	src = htmlwalk_attr(n, HA_SRC);
	if (src == NULL || strncmp(src, "data:", 5) == 0)
		src = htmlwalk_attr(n, HA_DATA_SRC);
	if (src && *src && strncmp(src, "data:", 5) != 0)
		article_set(image, src, strlen(src));
	return 0;
}

void
htmlthread_image(const struct html_node *post, char **image)
{
	if (*image == NULL)
		htmlwalk((struct html_node *)post, 64, 4000, thread_img, NULL,
		    image);
}
