/* topic_doc.c - a document tokenized, folded and stemmed once, indexed to
 * be matched against many topic expressions.
 *
 * Every word position p has a folded form and a stem. Each of the two
 * vocabularies is a sorted array of distinct strings; a word's id is its
 * index there, so the words with a given prefix have consecutive ids.
 * Positions are grouped by id (start[id]..start[id+1] in post), and at[p]
 * gives the id of the word at p, so a phrase is checked by comparing ids.
 */
#include "topic/topic_doc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>

#include "topic/topic_text.h"
#include "util/buf.h"
#include "util/xalloc.h"

struct topic_doc_index {
	const char **word;	/* distinct strings, sorted by strcmp */
	uint32_t nword;
	uint32_t *start;	/* [nword + 1] */
	uint32_t *post;		/* [n] positions grouped by id */
	uint32_t *at;		/* [n] id of the word at each position */
};

struct topic_doc {
	int lang;
	uint32_t n;		/* words */
	char *arena;		/* every folded word and stem, NUL-ended */
	struct topic_doc_index stem, fold;
};

/* Collects words while the document is walked. */
struct topic_doc_builder {
	struct buf arena;
	size_t *fold_off, *stem_off;
	uint32_t n, cap;
	struct sb_stemmer *st;
};

struct topic_doc_post {
	const char *s;
	uint32_t pos;
};

/* An id range [lo, hi) in one index. */
struct topic_doc_range {
	const struct topic_doc_index *ix;
	uint32_t lo, hi;
};

static int
doc_add_word(void *ctx, const char *w, size_t len)
{
	struct topic_doc_builder *b = ctx;

	if (b->n == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 256;
		b->fold_off = xreallocarray(b->fold_off, b->cap,
		    sizeof(*b->fold_off));
		b->stem_off = xreallocarray(b->stem_off, b->cap,
		    sizeof(*b->stem_off));
	}
	b->fold_off[b->n] = b->arena.len;
	if (buf_put(&b->arena, w, len) != ND_OK ||
	    buf_putc(&b->arena, '\0') != ND_OK)
		return 1;
	b->stem_off[b->n] = b->arena.len;
	if (topic_text_stem(b->st, w, len, &b->arena) != ND_OK)
		return 1;
	b->n++;
	return 0;
}

static int
doc_post_cmp(const void *a, const void *b)
{
	const struct topic_doc_post *x = a, *y = b;
	int c = strcmp(x->s, y->s);

	if (c != 0)
		return c;
	return (x->pos > y->pos) - (x->pos < y->pos);
}

/* Build ix over the n strings arena + off[p]. */
static void
doc_index_build(struct topic_doc_index *ix, const char *arena,
    const size_t *off, uint32_t n)
{
	struct topic_doc_post *v = xcalloc((size_t)n + 1, sizeof(*v));
	uint32_t i, id = 0;

	for (i = 0; i < n; i++) {
		v[i].s = arena + off[i];
		v[i].pos = i;
	}
	if (n > 1)
		qsort(v, n, sizeof(*v), doc_post_cmp);
	ix->word = xcalloc((size_t)n + 1, sizeof(*ix->word));
	ix->start = xcalloc((size_t)n + 1, sizeof(*ix->start));
	ix->post = xcalloc((size_t)n + 1, sizeof(*ix->post));
	ix->at = xcalloc((size_t)n + 1, sizeof(*ix->at));
	for (i = 0; i < n; i++) {
		if (i == 0 || strcmp(v[i].s, v[i - 1].s) != 0) {
			ix->word[id] = v[i].s;
			ix->start[id++] = i;
		}
		ix->post[i] = v[i].pos;
		ix->at[v[i].pos] = id - 1;
	}
	ix->start[id] = n;
	ix->nword = id;
	free(v);
}

static void
doc_index_release(struct topic_doc_index *ix)
{
	free(ix->word);
	free(ix->start);
	free(ix->post);
	free(ix->at);
}

struct topic_doc *
topic_doc_new(const char *text, size_t n, const char *lang)
{
	struct topic_doc *d = xcalloc(1, sizeof(*d));
	struct topic_doc_builder b;

	memset(&b, 0, sizeof(b));
	buf_init(&b.arena, SIZE_MAX);
	d->lang = topic_text_lang(lang);
	b.st = topic_text_stemmer_new(d->lang);
	if (text != NULL)
		topic_text_words(text, n, TOPIC_DOC_MAX_WORDS, doc_add_word,
		    &b);
	if (b.st != NULL)
		sb_stemmer_delete(b.st);
	d->n = b.n;
	d->arena = buf_detach(&b.arena, NULL);
	doc_index_build(&d->fold, d->arena, b.fold_off, d->n);
	doc_index_build(&d->stem, d->arena, b.stem_off, d->n);
	free(b.fold_off);
	free(b.stem_off);
	return d;
}

void
topic_doc_free(struct topic_doc *d)
{
	if (d == NULL)
		return;
	doc_index_release(&d->stem);
	doc_index_release(&d->fold);
	free(d->arena);
	free(d);
}

int
topic_doc_lang(const struct topic_doc *d)
{
	return d->lang;
}

/* First id whose word compares >= s (prefix: its first plen bytes), or,
 * with after set, > s. */
static uint32_t
doc_index_bound(const struct topic_doc_index *ix, const char *s,
    size_t plen, int prefix, int after)
{
	uint32_t lo = 0, hi = ix->nword, mid;
	int c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (prefix)
			c = strncmp(ix->word[mid], s, plen);
		else
			c = strcmp(ix->word[mid], s);
		if (c < 0 || (after && c == 0))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The ids matching pat; 0 if there are none. */
static int
doc_resolve(const struct topic_doc *d, const struct topic_doc_pat *pat,
    struct topic_doc_range *r)
{
	size_t plen = strlen(pat->s);

	r->ix = pat->prefix ? &d->fold : &d->stem;
	r->lo = doc_index_bound(r->ix, pat->s, plen, pat->prefix, 0);
	r->hi = doc_index_bound(r->ix, pat->s, plen, pat->prefix, 1);
	return r->lo < r->hi;
}

static uint32_t
doc_range_count(const struct topic_doc_range *r)
{
	return r->ix->start[r->hi] - r->ix->start[r->lo];
}

/* 1 if the k words of r sit at positions p.. p+k-1. */
static int
doc_seq_at(const struct topic_doc *d, const struct topic_doc_range *r,
    size_t k, uint32_t p)
{
	size_t j;
	uint32_t id;

	if (p > d->n || k > d->n - p)
		return 0;
	for (j = 0; j < k; j++) {
		id = r[j].ix->at[p + j];
		if (id < r[j].lo || id >= r[j].hi)
			return 0;
	}
	return 1;
}

int
topic_doc_has_seq(const struct topic_doc *d, const struct topic_doc_pat *pat,
    size_t k)
{
	struct topic_doc_range r[TOPIC_EXPR_MAX_TERMS];
	size_t j, a = 0;
	uint32_t i, q;

	if (d == NULL || k == 0 || k > TOPIC_EXPR_MAX_TERMS || k > d->n)
		return 0;
	for (j = 0; j < k; j++) {
		if (!doc_resolve(d, &pat[j], &r[j]))
			return 0;
		if (doc_range_count(&r[j]) < doc_range_count(&r[a]))
			a = j;
	}
	for (i = r[a].ix->start[r[a].lo]; i < r[a].ix->start[r[a].hi]; i++) {
		q = r[a].ix->post[i];
		if (q >= a && doc_seq_at(d, r, k, q - (uint32_t)a))
			return 1;
	}
	return 0;
}
