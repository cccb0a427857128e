#include "ingest/htmltree.h"

#include <string.h>

/* Tag sets of the tree builder, as bits per tag. */
enum {
	TS_VOID = 1 << 0,	/* never has children */
	TS_CLOSEP = 1 << 1,	/* a start tag closes an open <p> */
	TS_SPECIAL = 1 << 2,	/* stops an inline end tag's search */
	TS_SCOPE = 1 << 3,	/* no end tag searches past it */
	TS_HEAD = 1 << 4,	/* belongs in <head> before <body> */
	TS_FORMAT = 1 << 5	/* formatting: end tag crosses blocks */
};

static unsigned
tree_set(enum htmltag t)
{
	switch (t) {
	case TAG_AREA: case TAG_BR: case TAG_COL: case TAG_EMBED:
	case TAG_HR: case TAG_IMG: case TAG_IMAGE: case TAG_INPUT:
	case TAG_KEYGEN: case TAG_PARAM: case TAG_SOURCE: case TAG_TRACK:
	case TAG_WBR:
		return TS_VOID | TS_SPECIAL | (t == TAG_HR ? TS_CLOSEP : 0);
	case TAG_BASE: case TAG_LINK: case TAG_META:
		return TS_VOID | TS_SPECIAL | TS_HEAD;
	case TAG_TITLE: case TAG_SCRIPT: case TAG_STYLE: case TAG_NOSCRIPT:
	case TAG_TEMPLATE:
		return TS_SPECIAL | TS_HEAD | (t == TAG_TEMPLATE ? TS_SCOPE : 0);
	case TAG_ADDRESS: case TAG_ARTICLE: case TAG_ASIDE:
	case TAG_BLOCKQUOTE: case TAG_CENTER: case TAG_DETAILS:
	case TAG_DIALOG: case TAG_DIR: case TAG_DIV: case TAG_DL:
	case TAG_FIELDSET: case TAG_FIGCAPTION: case TAG_FIGURE:
	case TAG_FOOTER: case TAG_FORM: case TAG_H1: case TAG_H2:
	case TAG_H3: case TAG_H4: case TAG_H5: case TAG_H6: case TAG_HEADER:
	case TAG_HGROUP: case TAG_MAIN: case TAG_MENU: case TAG_NAV:
	case TAG_OL: case TAG_P: case TAG_PRE: case TAG_SECTION:
	case TAG_SUMMARY: case TAG_UL: case TAG_LI: case TAG_DD: case TAG_DT:
	case TAG_XMP: case TAG_LISTING: case TAG_PLAINTEXT: case TAG_TABLE:
		return TS_CLOSEP | TS_SPECIAL |
		    (t == TAG_TABLE ? TS_SCOPE : 0);
	case TAG_APPLET: case TAG_CAPTION: case TAG_HTML: case TAG_TD:
	case TAG_TH: case TAG_MARQUEE: case TAG_OBJECT:
		return TS_SPECIAL | TS_SCOPE;
	case TAG_BODY: case TAG_BUTTON: case TAG_COLGROUP: case TAG_HEAD:
	case TAG_IFRAME: case TAG_NOEMBED: case TAG_NOFRAMES:
	case TAG_SELECT: case TAG_TBODY: case TAG_TEXTAREA: case TAG_TFOOT:
	case TAG_THEAD: case TAG_TR:
		return TS_SPECIAL;
	case TAG_A: case TAG_B: case TAG_BIG: case TAG_CODE: case TAG_EM:
	case TAG_FONT: case TAG_I: case TAG_NOBR: case TAG_S: case TAG_SMALL:
	case TAG_STRIKE: case TAG_STRONG: case TAG_TT: case TAG_U:
		return TS_FORMAT;
	default:
		return 0;
	}
}

void
htmltree_init(struct htmltree *t, struct html_doc *doc, size_t max_depth,
    size_t max_nodes)
{
	memset(t, 0, sizeof(*t));
	t->doc = doc;
	t->max_depth = max_depth;
	t->max_nodes = max_nodes;
}

static void
tree_append(struct html_node *parent, struct html_node *n)
{
	n->parent = parent;
	if (parent->last)
		parent->last->next = n;
	else
		parent->first = n;
	parent->last = n;
}

static struct html_node *
tree_node(struct htmltree *t, enum htmltag tag, const struct htmltok *k)
{
	struct html_node *n = htmlarena_alloc(t->doc->arena, sizeof(*n));

	memset(n, 0, sizeof(*n));
	n->type = HTML_ELEMENT;
	n->tag = (unsigned short)tag;
	if (k && tag == TAG_OTHER)
		n->name = k->name;
	if (k && k->nattrs) {
		n->attrs = htmlarena_alloc(t->doc->arena,
		    k->nattrs * sizeof(*n->attrs));
		memcpy(n->attrs, k->attrs, k->nattrs * sizeof(*n->attrs));
		n->nattrs = (unsigned char)k->nattrs;
	}
	t->doc->elements++;
	return n;
}

static void
tree_push(struct htmltree *t, struct html_node *n)
{
	t->cur = n;
	t->depth++;
	t->open[n->tag]++;
}

/* Pop the current element. */
static void
tree_pop(struct htmltree *t)
{
	struct html_node *n = t->cur;

	if (n == t->doc->root)
		return;
	t->open[n->tag]--;
	t->depth--;
	t->cur = n->parent;
}

/* Pop up to and including n (an open element). */
static void
tree_pop_to(struct htmltree *t, const struct html_node *n)
{
	while (t->cur != t->doc->root) {
		const struct html_node *c = t->cur;

		tree_pop(t);
		if (c == n)
			return;
	}
}

/* The nearest open element with tag (and name for TAG_OTHER) not past
 * a scope boundary; with inline set, not past a special element. */
static struct html_node *
tree_find(struct htmltree *t, enum htmltag tag, const char *name, size_t n,
    int inline_only, unsigned stop)
{
	struct html_node *c;

	if (tag != TAG_OTHER && t->open[tag] == 0)
		return NULL;
	for (c = t->cur; c && c != t->doc->root; c = c->parent) {
		if (c->tag == tag && (tag != TAG_OTHER ||
		    (c->name && strlen(c->name) == n &&
		    memcmp(c->name, name, n) == 0)))
			return c;
		if ((tree_set(c->tag) & stop) ||
		    (inline_only && (tree_set(c->tag) & TS_SPECIAL)))
			return NULL;
	}
	return NULL;
}

static void
tree_attrs_merge(struct htmltree *t, struct html_node *n,
    const struct htmltok *k)
{
	struct html_attr *a;
	size_t i, j, add = 0;

	a = htmlarena_alloc(t->doc->arena,
	    (n->nattrs + k->nattrs) * sizeof(*a) + 1);
	if (n->nattrs)
		memcpy(a, n->attrs, n->nattrs * sizeof(*a));
	for (i = 0; i < k->nattrs; i++) {
		for (j = 0; j < n->nattrs && a[j].id != k->attrs[i].id; j++)
			;
		if (j == n->nattrs && n->nattrs + add < HTMLPARSE_MAX_ATTRS)
			a[n->nattrs + add++] = k->attrs[i];
	}
	n->attrs = a;
	n->nattrs = (unsigned char)(n->nattrs + add);
}

static void
tree_ensure_html(struct htmltree *t, const struct htmltok *k)
{
	if (t->doc->root == NULL) {
		t->doc->root = tree_node(t, TAG_HTML, k);
		t->cur = t->doc->root;
		t->open[TAG_HTML] = 1;
	} else if (k) {
		tree_attrs_merge(t, t->doc->root, k);
	}
}

/* Leave head (and anything open in it) for <body>, made if missing. */
static void
tree_ensure_body(struct htmltree *t, const struct htmltok *k)
{
	struct html_doc *d = t->doc;

	tree_ensure_html(t, NULL);
	if (d->body) {
		if (k)
			tree_attrs_merge(t, d->body, k);
		return;
	}
	while (t->cur != d->root)
		tree_pop(t);
	d->body = tree_node(t, TAG_BODY, k);
	tree_append(d->root, d->body);
	tree_push(t, d->body);
}

static void
tree_ensure_head(struct htmltree *t)
{
	struct html_doc *d = t->doc;

	tree_ensure_html(t, NULL);
	if (d->head == NULL) {
		d->head = tree_node(t, TAG_HEAD, NULL);
		tree_append(d->root, d->head);
		tree_push(t, d->head);
	} else if (t->cur == d->root) {
		tree_push(t, d->head);
	}
}

/* Implied end tags a start tag of tag k causes, before it is inserted. */
static void
tree_implied(struct htmltree *t, enum htmltag k)
{
	struct html_node *c;

	if (k == TAG_LI || k == TAG_DD || k == TAG_DT) {
		for (c = t->cur; c && c != t->doc->root; c = c->parent) {
			if (c->tag == k || (k != TAG_LI &&
			    (c->tag == TAG_DD || c->tag == TAG_DT))) {
				tree_pop_to(t, c);
				break;
			}
			if ((tree_set(c->tag) & TS_SPECIAL) &&
			    c->tag != TAG_ADDRESS && c->tag != TAG_DIV &&
			    c->tag != TAG_P)
				break;
		}
	}
	if ((tree_set(k) & TS_CLOSEP) &&
	    (c = tree_find(t, TAG_P, NULL, 0, 0, TS_SCOPE)) != NULL)
		tree_pop_to(t, c);
	switch (k) {
	case TAG_H1: case TAG_H2: case TAG_H3: case TAG_H4: case TAG_H5:
	case TAG_H6:
		if (t->cur->tag >= TAG_H1 && t->cur->tag <= TAG_H6)
			tree_pop(t);
		break;
	case TAG_A: case TAG_BUTTON: case TAG_NOBR:
		if ((c = tree_find(t, k, NULL, 0, 0, TS_SCOPE)) != NULL)
			tree_pop_to(t, c);
		break;
	case TAG_OPTION: case TAG_OPTGROUP:
		if (t->cur->tag == TAG_OPTION)
			tree_pop(t);
		if (k == TAG_OPTGROUP && t->cur->tag == TAG_OPTGROUP)
			tree_pop(t);
		break;
	default:
		break;
	}
}

/* Rows and cells close the open row or cell of the same table. */
static void
tree_implied_table(struct htmltree *t, enum htmltag k)
{
	struct html_node *c;

	if (k != TAG_TR && k != TAG_TD && k != TAG_TH && k != TAG_TBODY &&
	    k != TAG_THEAD && k != TAG_TFOOT)
		return;
	if (t->open[TAG_TABLE] == 0)
		return;
	for (c = t->cur; c && c != t->doc->root && c->tag != TAG_TABLE;
	    c = c->parent) {
		if ((c->tag == TAG_TD || c->tag == TAG_TH) &&
		    (k == TAG_TD || k == TAG_TH)) {
			tree_pop_to(t, c);
			return;
		}
		if (c->tag == TAG_TR && k == TAG_TR) {
			tree_pop_to(t, c);
			return;
		}
		if ((c->tag == TAG_TBODY || c->tag == TAG_THEAD ||
		    c->tag == TAG_TFOOT) && k != TAG_TD && k != TAG_TH &&
		    k != TAG_TR) {
			tree_pop_to(t, c);
			return;
		}
		if (c->tag == TAG_TR || c->tag == TAG_TBODY ||
		    c->tag == TAG_THEAD || c->tag == TAG_TFOOT)
			return;	/* a cell in a new row, a row in a body */
	}
}

/* html, head and body tags; 1 when k was one of them. */
static int
tree_frame(struct htmltree *t, const struct htmltok *k)
{
	switch (k->tag) {
	case TAG_HTML:
		tree_ensure_html(t, k);
		return 1;
	case TAG_HEAD:
		if (t->doc->body == NULL && t->doc->head == NULL)
			tree_ensure_head(t);
		return 1;
	case TAG_BODY:
		tree_ensure_body(t, k);
		return 1;
	default:
		break;
	}
	tree_ensure_html(t, NULL);
	if (t->doc->body == NULL && (tree_set(k->tag) & TS_HEAD)) {
		if (t->cur == t->doc->root || t->doc->head == NULL)
			tree_ensure_head(t);
	} else if (t->doc->body == NULL) {
		tree_ensure_body(t, NULL);
	}
	return 0;
}

struct html_node *
htmltree_start(struct htmltree *t, const struct htmltok *k, int *kept)
{
	struct html_node *n;
	unsigned set = tree_set(k->tag);

	*kept = 0;
	if (t->stop)
		return NULL;
	if (tree_frame(t, k))
		return NULL;
	tree_implied(t, k->tag);
	tree_implied_table(t, k->tag);
	if (!(set & TS_VOID) && t->depth >= t->max_depth)
		return NULL;
	if (t->doc->elements >= t->max_nodes) {
		t->stop = 1;
		t->doc->truncated = 1;
		return NULL;
	}
	n = tree_node(t, k->tag, k);
	tree_append(t->cur, n);
	*kept = 1;
	if ((set & TS_VOID) || k->selfclose)
		return NULL;
	tree_push(t, n);
	return n;
}

static int
tree_table_part(enum htmltag tag)
{
	return tag == TAG_TABLE || tag == TAG_TR || tag == TAG_TBODY ||
	    tag == TAG_THEAD || tag == TAG_TFOOT || tag == TAG_CAPTION;
}

/* A table part closes what is open inside it (cells, rows); a row or
 * body does not search past its own table. */
static struct html_node *
tree_find_table(struct htmltree *t, enum htmltag tag)
{
	struct html_node *c;

	if (t->open[tag] == 0)
		return NULL;
	for (c = t->cur; c && c != t->doc->root; c = c->parent) {
		if (c->tag == tag)
			return c;
		if (c->tag == TAG_TABLE)
			return NULL;
	}
	return NULL;
}

void
htmltree_end(struct htmltree *t, enum htmltag tag, const char *name,
    size_t n)
{
	struct html_node *c;
	unsigned set = tree_set(tag);

	if (t->stop || t->doc->root == NULL)
		return;
	switch (tag) {
	case TAG_HTML: case TAG_BODY:
		return;
	case TAG_BR:
		return;		/* </br> as <br>: a line break, no text */
	case TAG_HEAD:
		if (t->doc->head && t->doc->body == NULL &&
		    t->open[TAG_HEAD])
			tree_pop_to(t, t->doc->head);
		return;
	default:
		break;
	}
	if (tree_table_part(tag))
		c = tree_find_table(t, tag);
	else
		c = tree_find(t, tag, name, n,
		    !(set & (TS_SPECIAL | TS_FORMAT)), TS_SCOPE);
	if (c)
		tree_pop_to(t, c);
}

static int
tree_blank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\n' && s[i] != '\t' &&
		    s[i] != '\r' && s[i] != '\f')
			return 0;
	return 1;
}

void
htmltree_text(struct htmltree *t, const char *s, size_t n)
{
	struct html_node *x;

	if (t->stop || n == 0)
		return;
	if (t->doc->body == NULL && (t->doc->root == NULL ||
	    t->cur == t->doc->root || t->cur == t->doc->head)) {
		if (tree_blank(s, n))
			return;
		tree_ensure_body(t, NULL);
	}
	x = htmlarena_alloc(t->doc->arena, sizeof(*x));
	memset(x, 0, sizeof(*x));
	x->type = HTML_TEXT;
	x->text = s;
	x->len = (unsigned)n;
	tree_append(t->cur, x);
	t->doc->texts++;
}

void
htmltree_finish(struct htmltree *t)
{
	tree_ensure_html(t, NULL);
}
