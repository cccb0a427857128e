/* cache.c - rendered pages by key, LRU within a byte and entry bound,
 * invalidated by generation; markers found once at store time so that
 * a hit is a few memcpy calls. */
#include "web/cache.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "util/xalloc.h"

#define CACHE_BUCKETS	1024u	/* power of two */

/* Where marker `which` sits in a body. */
struct cache_spot {
	size_t at;
	int which;
};

struct cache_entry {
	struct cache_entry *hnext;		/* bucket chain */
	struct cache_entry *prev, *next;	/* LRU, newest at head */
	uint64_t gen;
	char *key;
	size_t klen;
	char *body;
	size_t len;
	struct cache_spot *spot;
	size_t nspot;
	struct cache_meta meta;
};

struct cache {
	pthread_mutex_t lock;
	struct cache_entry *bucket[CACHE_BUCKETS];
	struct cache_entry *head, *tail;
	size_t entries, bytes, max_bytes, max_entries;
	uint64_t gen;
	char marker[CACHE_MARKERS][CACHE_MARKER_MAX + 1];
	size_t mlen[CACHE_MARKERS];
};

struct cache *
cache_new(size_t max_bytes, size_t max_entries,
    const char *const markers[CACHE_MARKERS])
{
	struct cache *c = xcalloc(1, sizeof(*c));
	size_t i, n;

	pthread_mutex_init(&c->lock, NULL);
	c->max_bytes = max_bytes;
	c->max_entries = max_entries;
	c->gen = 1;
	for (i = 0; i < CACHE_MARKERS; i++) {
		n = markers && markers[i] ? strlen(markers[i]) : 0;
		if (n > CACHE_MARKER_MAX)
			n = 0;		/* contract: 1..MAX; ignore others */
		memcpy(c->marker[i], n ? markers[i] : "", n);
		c->marker[i][n] = '\0';
		c->mlen[i] = n;
	}
	return c;
}

static void
cache_entry_free(struct cache_entry *e)
{
	free(e->key);
	free(e->body);
	free(e->spot);
	free(e);
}

void
cache_free(struct cache *c)
{
	struct cache_entry *e, *next;

	if (c == NULL)
		return;
	for (e = c->head; e; e = next) {
		next = e->next;
		cache_entry_free(e);
	}
	pthread_mutex_destroy(&c->lock);
	free(c);
}

uint64_t
cache_generation(struct cache *c)
{
	uint64_t g;

	pthread_mutex_lock(&c->lock);
	g = c->gen;
	pthread_mutex_unlock(&c->lock);
	return g;
}

void
cache_invalidate(struct cache *c)
{
	pthread_mutex_lock(&c->lock);
	c->gen++;
	pthread_mutex_unlock(&c->lock);
}

static size_t
cache_hash(const char *key, size_t klen)
{
	uint64_t h = 14695981039346656037u;	/* FNV-1a */
	size_t i;

	for (i = 0; i < klen; i++)
		h = (h ^ (unsigned char)key[i]) * 1099511628211u;
	return (size_t)(h & (CACHE_BUCKETS - 1));
}

static struct cache_entry **
cache_slot(struct cache *c, const char *key, size_t klen)
{
	struct cache_entry **p = &c->bucket[cache_hash(key, klen)];

	while (*p && ((*p)->klen != klen || memcmp((*p)->key, key, klen)))
		p = &(*p)->hnext;
	return p;
}

static void
cache_lru_unlink(struct cache *c, struct cache_entry *e)
{
	if (e->prev)
		e->prev->next = e->next;
	else
		c->head = e->next;
	if (e->next)
		e->next->prev = e->prev;
	else
		c->tail = e->prev;
	e->prev = e->next = NULL;
}

static void
cache_lru_push(struct cache *c, struct cache_entry *e)
{
	e->prev = NULL;
	e->next = c->head;
	if (c->head)
		c->head->prev = e;
	c->head = e;
	if (c->tail == NULL)
		c->tail = e;
}

/* Unlink e from its bucket and the LRU list and free it. */
static void
cache_drop(struct cache *c, struct cache_entry *e)
{
	struct cache_entry **p = cache_slot(c, e->key, e->klen);

	*p = e->hnext;
	cache_lru_unlink(c, e);
	c->entries--;
	c->bytes -= e->len + e->klen;
	cache_entry_free(e);
}

/* Write body to out, markers replaced; spots in order. */
static enum nd_err
cache_emit(const struct cache *c, const char *body, size_t len,
    const struct cache_spot *spot, size_t nspot,
    const char *const fills[CACHE_MARKERS], struct buf *out)
{
	size_t i, from = 0;
	enum nd_err e = ND_OK;

	for (i = 0; i < nspot && e == ND_OK; i++) {
		e = buf_put(out, body + from, spot[i].at - from);
		if (e == ND_OK && fills && fills[spot[i].which])
			e = buf_puts(out, fills[spot[i].which]);
		from = spot[i].at + c->mlen[spot[i].which];
	}
	if (e == ND_OK)
		e = buf_put(out, body + from, len - from);
	return e;
}

int
cache_get(struct cache *c, const char *key, size_t klen,
    const char *const fills[CACHE_MARKERS], struct buf *out,
    struct cache_meta *meta)
{
	struct cache_entry *e;
	int hit = 0;

	pthread_mutex_lock(&c->lock);
	e = *cache_slot(c, key, klen);
	if (e && e->gen != c->gen) {
		cache_drop(c, e);
		e = NULL;
	}
	if (e) {
		cache_lru_unlink(c, e);
		cache_lru_push(c, e);
		*meta = e->meta;
		hit = cache_emit(c, e->body, e->len, e->spot, e->nspot, fills,
		    out) == ND_OK;
	}
	pthread_mutex_unlock(&c->lock);
	return hit;
}

/* First place of needle (m > 0 bytes) in h[0..n), or NULL (memmem is
 * a GNU extension). */
static const char *
cache_find(const char *h, size_t n, const char *needle, size_t m)
{
	const char *p, *end = h + n;

	while (n >= m && (p = memchr(h, needle[0], n - m + 1)) != NULL) {
		if (memcmp(p, needle, m) == 0)
			return p;
		h = p + 1;
		n = (size_t)(end - h);
	}
	return NULL;
}

/* The marker occurrences of body in order into *spot (caller frees,
 * NULL when there are none); their count. */
static size_t
cache_scan(const struct cache *c, const char *body, size_t len,
    struct cache_spot **spot)
{
	size_t n = 0, cap = 0, at = 0, i, best;
	const char *p, *first;

	*spot = NULL;
	for (;;) {
		first = NULL;
		best = 0;
		for (i = 0; i < CACHE_MARKERS; i++) {
			if (c->mlen[i] == 0)
				continue;
			p = cache_find(body + at, len - at, c->marker[i],
			    c->mlen[i]);
			if (p && (first == NULL || p < first))
				first = p, best = i;
		}
		if (first == NULL)
			break;
		if (n == cap) {
			cap = cap ? 2 * cap : 8;
			*spot = xreallocarray(*spot, cap, sizeof(**spot));
		}
		(*spot)[n].at = (size_t)(first - body);
		(*spot)[n++].which = (int)best;
		at = (size_t)(first - body) + c->mlen[best];
	}
	return n;
}

enum nd_err
cache_fill(const struct cache *c, const char *body, size_t len,
    const char *const fills[CACHE_MARKERS], struct buf *out)
{
	struct cache_spot *spot;
	size_t n = cache_scan(c, body, len, &spot);
	enum nd_err e;

	e = cache_emit(c, body, len, spot, n, fills, out);
	free(spot);
	return e;
}

/* Drop from the LRU tail until one more entry of size fits. */
static void
cache_make_room(struct cache *c, size_t size)
{
	while (c->tail && (c->entries + 1 > c->max_entries ||
	    c->bytes + size > c->max_bytes))
		cache_drop(c, c->tail);
}

void
cache_put(struct cache *c, const char *key, size_t klen, uint64_t gen,
    const char *body, size_t len, struct cache_meta *meta)
{
	struct cache_entry *e, **slot;
	struct cache_spot *spot;
	size_t n, i;

	crypto_generichash(meta->hash, sizeof(meta->hash),
	    (const unsigned char *)body, len, NULL, 0);
	meta->used = 0;
	n = cache_scan(c, body, len, &spot);
	for (i = 0; i < n; i++)
		meta->used |= 1u << spot[i].which;
	if (klen > CACHE_KEY_MAX || len + klen > c->max_bytes / 8 ||
	    c->max_entries == 0) {
		free(spot);
		return;
	}
	e = xcalloc(1, sizeof(*e));
	e->gen = gen;
	e->key = xmalloc(klen ? klen : 1);
	memcpy(e->key, key, klen);
	e->klen = klen;
	e->body = xmalloc(len ? len : 1);
	memcpy(e->body, body, len);
	e->len = len;
	e->spot = spot;
	e->nspot = n;
	e->meta = *meta;
	pthread_mutex_lock(&c->lock);
	if (gen != c->gen) {
		pthread_mutex_unlock(&c->lock);
		cache_entry_free(e);
		return;
	}
	if (*(slot = cache_slot(c, key, klen)) != NULL)
		cache_drop(c, *slot);
	cache_make_room(c, len + klen);
	slot = cache_slot(c, key, klen);
	*slot = e;
	cache_lru_push(c, e);
	c->entries++;
	c->bytes += len + klen;
	pthread_mutex_unlock(&c->lock);
}

void
cache_stats(struct cache *c, size_t *entries, size_t *bytes)
{
	pthread_mutex_lock(&c->lock);
	*entries = c->entries;
	*bytes = c->bytes;
	pthread_mutex_unlock(&c->lock);
}
