/* topic.c - the topic rule language: lexer, recursive-descent parser,
 * evaluation against a topic_doc, and slugs.
 *
 * The expression is checked for size and UTF-8, cut into tokens, then
 * parsed into a tree of nodes kept in one array (AND and OR nodes hold
 * a list of children, so a long chain does not nest). Words are folded
 * and stemmed for every known language while parsing, so matching only
 * compares strings and ids.
 */
#include "topic/topic.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>
#include <unicode/uchar.h>

#include "topic/topic_doc.h"
#include "topic/topic_text.h"
#include "util/buf.h"
#include "util/utf8.h"
#include "util/xalloc.h"

#define TOPIC_NONE	SIZE_MAX
#define TOPIC_QUOTE_MAX	40	/* bytes of a word quoted in a message */

enum topic_tok_kind {
	TOK_END, TOK_WORD, TOK_PHRASE, TOK_LPAREN, TOK_RPAREN,
	TOK_AND, TOK_OR, TOK_NOT
};

struct topic_tok {
	enum topic_tok_kind kind;
	size_t off, len;	/* bytes of the word, or inside the quotes */
	size_t pos;		/* 1-based character position */
};

enum topic_node_kind { NODE_TERM, NODE_NOT, NODE_AND, NODE_OR };

struct topic_node {
	enum topic_node_kind kind;
	size_t first, count;	/* NODE_TERM: words [first, first + count) */
	size_t child;		/* first child, or TOPIC_NONE */
	size_t next;		/* next sibling, or TOPIC_NONE */
};

struct topic_word {
	size_t fold;			/* arena offset of the folded word */
	size_t stem[TOPIC_TEXT_NLANG];	/* arena offset of its stems */
	int prefix;
};

struct topic_expr {
	struct topic_node *node;
	size_t nnode, capnode;
	struct topic_word *word;
	size_t nword, capword;
	size_t root;
	struct buf arena;
};

struct topic_parser {
	const char *s;
	size_t n;
	struct topic_tok *tok;	/* ends with TOK_END */
	size_t at;		/* next token */
	struct topic_expr *e;
	struct sb_stemmer *stem[TOPIC_TEXT_NLANG];
	int depth;
	int overflow;		/* too many words */
	struct nd_error *err;
};

static enum nd_err parse_or(struct topic_parser *p,
    const struct topic_tok *prev, size_t *out);

/* ---- lexer ---- */

static size_t
topic_chars(const char *s, size_t n)
{
	size_t i, c = 0;

	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			c++;
	return c;
}

static enum nd_err
lex_check(const char *s, size_t n, struct nd_error *err)
{
	size_t off = 0, k;
	uint32_t c;

	if (n > TOPIC_EXPR_MAX_BYTES)
		return nd_error_set(err, ND_ELIMIT, "topic expression is %zu "
		    "bytes, over the limit of %d", n, TOPIC_EXPR_MAX_BYTES);
	while (off < n) {
		if ((k = utf8_decode(s + off, n - off, &c)) == 0)
			return nd_error_set(err, ND_EUTF8, "invalid utf-8 at "
			    "position %zu (byte %zu)", topic_chars(s, off) + 1,
			    off + 1);
		off += k;
	}
	return ND_OK;
}

/* Bytes of the code point at off if it is white space, else 0. */
static size_t
lex_space(const char *s, size_t n, size_t off)
{
	uint32_t c;
	size_t k = utf8_decode(s + off, n - off, &c);

	return (k > 0 && u_isUWhiteSpace((UChar32)c)) ? k : 0;
}

static int
lex_is_delim(const char *s, size_t n, size_t off)
{
	return s[off] == '"' || s[off] == '(' || s[off] == ')' ||
	    lex_space(s, n, off) > 0;
}

static enum topic_tok_kind
lex_word_kind(const char *w, size_t len)
{
	if (len == 3 && memcmp(w, "AND", 3) == 0)
		return TOK_AND;
	if (len == 2 && memcmp(w, "OR", 2) == 0)
		return TOK_OR;
	if (len == 3 && memcmp(w, "NOT", 3) == 0)
		return TOK_NOT;
	return TOK_WORD;
}

/* Lex one token at *off (not white space, not the end) into t. */
static enum nd_err
lex_one(struct topic_parser *p, size_t *off, struct topic_tok *t)
{
	const char *q;
	size_t o = *off;

	t->off = o;
	t->len = 1;
	if (p->s[o] == '(' || p->s[o] == ')') {
		t->kind = p->s[o] == '(' ? TOK_LPAREN : TOK_RPAREN;
		*off = o + 1;
		return ND_OK;
	}
	if (p->s[o] == '"') {
		q = memchr(p->s + o + 1, '"', p->n - o - 1);
		if (q == NULL)
			return nd_error_set(p->err, ND_EPARSE, "unterminated "
			    "phrase starting at position %zu", t->pos);
		t->kind = TOK_PHRASE;
		t->off = o + 1;
		t->len = (size_t)(q - (p->s + o + 1));
		*off = (size_t)(q - p->s) + 1;
		return ND_OK;
	}
	while (o < p->n && !lex_is_delim(p->s, p->n, o))
		o++;
	t->len = o - t->off;
	t->kind = lex_word_kind(p->s + t->off, t->len);
	*off = o;
	return ND_OK;
}

/* Cut the whole (valid UTF-8) expression into p->tok. */
static enum nd_err
lex_all(struct topic_parser *p)
{
	size_t off = 0, pos = 1, k, nt = 0, start;
	enum nd_err r;

	p->tok = xcalloc(p->n + 1, sizeof(*p->tok));
	for (;;) {
		while (off < p->n && (k = lex_space(p->s, p->n, off)) > 0) {
			off += k;
			pos++;
		}
		p->tok[nt].pos = pos;
		if (off == p->n) {
			p->tok[nt].kind = TOK_END;
			return ND_OK;
		}
		start = off;
		if ((r = lex_one(p, &off, &p->tok[nt])) != ND_OK)
			return r;
		pos += topic_chars(p->s + start, off - start);
		nt++;
	}
}

/* ---- building the tree ---- */

static const struct topic_tok *
tok_peek(const struct topic_parser *p)
{
	return &p->tok[p->at];
}

static const struct topic_tok *
tok_next(struct topic_parser *p)
{
	const struct topic_tok *t = &p->tok[p->at];

	if (t->kind != TOK_END)
		p->at++;
	return t;
}

static size_t
node_new(struct topic_expr *e, enum topic_node_kind kind)
{
	struct topic_node *nd;

	if (e->nnode == e->capnode) {
		e->capnode = e->capnode ? e->capnode * 2 : 16;
		e->node = xreallocarray(e->node, e->capnode, sizeof(*e->node));
	}
	nd = &e->node[e->nnode];
	memset(nd, 0, sizeof(*nd));
	nd->kind = kind;
	nd->child = TOPIC_NONE;
	nd->next = TOPIC_NONE;
	return e->nnode++;
}

/* A node of kind over a list of children starting at first. */
static size_t
node_list(struct topic_expr *e, enum topic_node_kind kind, size_t first)
{
	size_t i = node_new(e, kind);

	e->node[i].child = first;
	return i;
}

/* topic_text_fn: add one folded word of a term, with its stems. */
static int
term_add_word(void *ctx, const char *w, size_t len)
{
	struct topic_parser *p = ctx;
	struct topic_expr *e = p->e;
	struct topic_word *tw;
	int l;

	if (e->nword >= TOPIC_EXPR_MAX_TERMS) {
		p->overflow = 1;
		return 1;
	}
	if (e->nword == e->capword) {
		e->capword = e->capword ? e->capword * 2 : 16;
		e->word = xreallocarray(e->word, e->capword, sizeof(*e->word));
	}
	tw = &e->word[e->nword++];
	tw->prefix = 0;
	tw->fold = e->arena.len;
	buf_put(&e->arena, w, len);
	buf_putc(&e->arena, '\0');
	for (l = 0; l < TOPIC_TEXT_NLANG; l++) {
		tw->stem[l] = e->arena.len;
		topic_text_stem(p->stem[l], w, len, &e->arena);
	}
	return 0;
}

/* Add the words of one chunk s[0..len) (no white space in it); a
 * trailing '*' makes its last word a prefix. */
static void
term_add_chunk(struct topic_parser *p, const char *s, size_t len)
{
	size_t before = p->e->nword;
	int prefix = 0;

	while (len > 0 && s[len - 1] == '*') {
		len--;
		prefix = 1;
	}
	topic_text_words(s, len, SIZE_MAX, term_add_word, p);
	if (prefix && p->e->nword > before && !p->overflow)
		p->e->word[p->e->nword - 1].prefix = 1;
}

/* Quote at most TOPIC_QUOTE_MAX bytes of a word, cut on a character. */
static int
term_quote_len(const char *s, size_t len)
{
	if (len <= TOPIC_QUOTE_MAX)
		return (int)len;
	len = TOPIC_QUOTE_MAX;
	while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
		len--;
	return (int)len;
}

static enum nd_err
term_error(struct topic_parser *p, const struct topic_tok *t)
{
	const char *s = p->s + t->off;

	if (p->overflow)
		return nd_error_set(p->err, ND_ELIMIT, "more than %d words in "
		    "topic expression at position %zu", TOPIC_EXPR_MAX_TERMS,
		    t->pos);
	if (t->kind == TOK_PHRASE)
		return nd_error_set(p->err, ND_EPARSE, "empty phrase at "
		    "position %zu", t->pos);
	return nd_error_set(p->err, ND_EPARSE, "no letters or digits in "
	    "'%.*s'%s at position %zu", term_quote_len(s, t->len), s,
	    t->len > TOPIC_QUOTE_MAX ? "..." : "", t->pos);
}

/* A WORD or PHRASE token into a term node. */
static enum nd_err
parse_term(struct topic_parser *p, const struct topic_tok *t, size_t *out)
{
	const char *s = p->s + t->off;
	size_t first = p->e->nword, i = 0, j;

	while (i < t->len && !p->overflow) {
		while (i < t->len && lex_space(s, t->len, i) > 0)
			i += lex_space(s, t->len, i);
		j = i;
		while (j < t->len && lex_space(s, t->len, j) == 0)
			j++;
		if (j > i)
			term_add_chunk(p, s + i, j - i);
		i = j;
	}
	if (p->overflow || p->e->nword == first)
		return term_error(p, t);
	*out = node_new(p->e, NODE_TERM);
	p->e->node[*out].first = first;
	p->e->node[*out].count = p->e->nword - first;
	return ND_OK;
}

/* ---- parser ---- */

static const char *
tok_name(const struct topic_tok *t)
{
	switch (t->kind) {
	case TOK_AND: return "'AND'";
	case TOK_OR: return "'OR'";
	case TOK_NOT: return "'NOT'";
	case TOK_LPAREN: return "'('";
	case TOK_RPAREN: return "')'";
	default: return "end";
	}
}

/* No operand where one was needed: t came after prev (NULL at start). */
static enum nd_err
unary_error(struct topic_parser *p, const struct topic_tok *prev,
    const struct topic_tok *t)
{
	if (prev == NULL && t->kind == TOK_END)
		return nd_error_set(p->err, ND_EPARSE,
		    "empty topic expression");
	if (t->kind == TOK_RPAREN && prev != NULL &&
	    prev->kind == TOK_LPAREN)
		return nd_error_set(p->err, ND_EPARSE, "empty parentheses at "
		    "position %zu", prev->pos);
	if (t->kind == TOK_RPAREN && prev == NULL)
		return nd_error_set(p->err, ND_EPARSE, "unexpected ')' at "
		    "position %zu", t->pos);
	if (prev == NULL)
		return nd_error_set(p->err, ND_EPARSE, "expected a word, "
		    "phrase or '(' before %s at position %zu", tok_name(t),
		    t->pos);
	return nd_error_set(p->err, ND_EPARSE, "expected a word, phrase or "
	    "'(' after %s at position %zu", tok_name(prev), prev->pos);
}

static enum nd_err
parse_deeper(struct topic_parser *p, const struct topic_tok *t)
{
	if (++p->depth > TOPIC_EXPR_MAX_DEPTH)
		return nd_error_set(p->err, ND_ELIMIT, "topic expression "
		    "nested deeper than %d levels at position %zu",
		    TOPIC_EXPR_MAX_DEPTH, t->pos);
	return ND_OK;
}

/* unary := "NOT" unary | "(" expr ")" | PHRASE | WORD */
static enum nd_err
parse_unary(struct topic_parser *p, const struct topic_tok *prev,
    size_t *out)
{
	const struct topic_tok *t = tok_peek(p);
	enum nd_err r;
	size_t c;

	switch (t->kind) {
	case TOK_WORD:
	case TOK_PHRASE:
		return parse_term(p, tok_next(p), out);
	case TOK_NOT:
	case TOK_LPAREN:
		tok_next(p);
		if ((r = parse_deeper(p, t)) != ND_OK)
			return r;
		if (t->kind == TOK_NOT)
			r = parse_unary(p, t, &c);
		else
			r = parse_or(p, t, &c);
		if (r != ND_OK)
			return r;
		p->depth--;
		if (t->kind == TOK_NOT) {
			*out = node_list(p->e, NODE_NOT, c);
			return ND_OK;
		}
		if (tok_next(p)->kind != TOK_RPAREN)
			return nd_error_set(p->err, ND_EPARSE, "missing ')' "
			    "for '(' at position %zu", t->pos);
		*out = c;
		return ND_OK;
	default:
		return unary_error(p, prev, t);
	}
}

static int
tok_starts_unary(const struct topic_tok *t)
{
	return t->kind == TOK_WORD || t->kind == TOK_PHRASE ||
	    t->kind == TOK_LPAREN || t->kind == TOK_NOT;
}

/* Parse a list "x { sep x }" of kind, by sub, into one node. */
static enum nd_err
parse_list(struct topic_parser *p, const struct topic_tok *prev,
    enum topic_node_kind kind, size_t *out)
{
	const struct topic_tok *t;
	size_t first, last, c;
	enum nd_err r;

	r = kind == NODE_OR ? parse_list(p, prev, NODE_AND, &first) :
	    parse_unary(p, prev, &first);
	if (r != ND_OK)
		return r;
	last = first;
	for (;;) {
		t = tok_peek(p);
		if (kind == NODE_OR && t->kind == TOK_OR)
			r = parse_list(p, tok_next(p), NODE_AND, &c);
		else if (kind == NODE_AND && t->kind == TOK_AND)
			r = parse_unary(p, tok_next(p), &c);
		else if (kind == NODE_AND && tok_starts_unary(t))
			r = parse_unary(p, NULL, &c);
		else
			break;
		if (r != ND_OK)
			return r;
		p->e->node[last].next = c;
		last = c;
	}
	*out = last == first ? first : node_list(p->e, kind, first);
	return ND_OK;
}

/* or := and { "OR" and };  and := unary { ["AND"] unary } */
static enum nd_err
parse_or(struct topic_parser *p, const struct topic_tok *prev, size_t *out)
{
	return parse_list(p, prev, NODE_OR, out);
}

static enum nd_err
parse_run(struct topic_parser *p)
{
	const struct topic_tok *t;
	enum nd_err r;
	int l;

	if ((r = lex_all(p)) != ND_OK)
		return r;
	for (l = 0; l < TOPIC_TEXT_NLANG; l++)
		p->stem[l] = topic_text_stemmer_new(l);
	if ((r = parse_or(p, NULL, &p->e->root)) != ND_OK)
		return r;
	t = tok_peek(p);
	if (t->kind != TOK_END)
		return nd_error_set(p->err, ND_EPARSE, "unexpected %s at "
		    "position %zu", tok_name(t), t->pos);
	return ND_OK;
}

enum nd_err
topic_expr_parse(const char *s, size_t n, struct topic_expr **out,
    struct nd_error *err)
{
	struct topic_parser p;
	enum nd_err r;
	int l;

	*out = NULL;
	nd_error_clear(err);
	if (s == NULL)
		n = 0;
	if ((r = lex_check(s, n, err)) != ND_OK)
		return r;
	memset(&p, 0, sizeof(p));
	p.s = s;
	p.n = n;
	p.err = err;
	p.e = xcalloc(1, sizeof(*p.e));
	buf_init(&p.e->arena, SIZE_MAX);
	r = parse_run(&p);
	for (l = 0; l < TOPIC_TEXT_NLANG; l++)
		if (p.stem[l] != NULL)
			sb_stemmer_delete(p.stem[l]);
	free(p.tok);
	if (r != ND_OK)
		topic_expr_free(p.e);
	else
		*out = p.e;
	return r;
}

void
topic_expr_free(struct topic_expr *e)
{
	if (e == NULL)
		return;
	free(e->node);
	free(e->word);
	buf_release(&e->arena);
	free(e);
}

/* ---- matching ---- */

static int
term_match(const struct topic_expr *e, const struct topic_node *nd,
    const struct topic_doc *d)
{
	struct topic_doc_pat pat[TOPIC_EXPR_MAX_TERMS];
	const struct topic_word *w;
	int lang = topic_doc_lang(d);
	size_t j;

	if (nd->count > TOPIC_EXPR_MAX_TERMS)
		return 0;
	for (j = 0; j < nd->count; j++) {
		w = &e->word[nd->first + j];
		pat[j].prefix = w->prefix;
		pat[j].s = e->arena.ptr + (w->prefix ? w->fold : w->stem[lang]);
	}
	return topic_doc_has_seq(d, pat, nd->count);
}

/* Depth of recursion is bounded by TOPIC_EXPR_MAX_DEPTH: only NOT and
 * parentheses nest. Each node is visited at most once. */
static int
node_match(const struct topic_expr *e, size_t i, const struct topic_doc *d)
{
	const struct topic_node *nd = &e->node[i];
	size_t c;

	switch (nd->kind) {
	case NODE_TERM:
		return term_match(e, nd, d);
	case NODE_NOT:
		return !node_match(e, nd->child, d);
	case NODE_AND:
		for (c = nd->child; c != TOPIC_NONE; c = e->node[c].next)
			if (!node_match(e, c, d))
				return 0;
		return 1;
	case NODE_OR:
		for (c = nd->child; c != TOPIC_NONE; c = e->node[c].next)
			if (node_match(e, c, d))
				return 1;
		return 0;
	}
	return 0;
}

int
topic_expr_match(const struct topic_expr *e, const struct topic_doc *d)
{
	if (e == NULL || d == NULL || e->nnode == 0)
		return 0;
	return node_match(e, e->root, d);
}

/* ---- slugs ---- */

/* topic_text_fn: append the ASCII letters and digits of one word. */
static int
slug_add_word(void *ctx, const char *w, size_t len)
{
	struct buf *b = ctx;
	size_t mark = b->len, i, kept = 0;

	if (mark > 0)
		buf_putc(b, '-');
	for (i = 0; i < len; i++) {
		if ((w[i] >= 'a' && w[i] <= 'z') || (w[i] >= '0' && w[i] <= '9')) {
			buf_putc(b, w[i]);
			kept++;
		} else if (w[i] >= 'A' && w[i] <= 'Z') {
			buf_putc(b, w[i] | 0x20);
			kept++;
		}
	}
	if (kept == 0) {
		buf_truncate(b, mark);
		return 0;
	}
	if (b->len <= TOPIC_SLUG_MAX)
		return 0;
	buf_truncate(b, mark > 0 ? mark : TOPIC_SLUG_MAX);
	return 1;
}

char *
topic_slugify(const char *name)
{
	struct buf b = BUF_INIT;

	if (name == NULL)
		return NULL;
	topic_text_words(name, strlen(name), SIZE_MAX, slug_add_word, &b);
	if (b.len == 0) {
		buf_release(&b);
		return NULL;
	}
	return buf_detach(&b, NULL);
}
