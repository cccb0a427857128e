/* cache.h - the rendered-page cache of the web server.
 *
 * Entries are response bodies keyed by a byte string the server builds
 * from everything a page depends on (path, query, UI language, JSON or
 * not). A body is stored as a template: the per-reader parts (the CSRF
 * token, the comment form's token) were rendered as marker strings,
 * and cache_get() writes the body with each marker replaced by this
 * request's value. Markers are chosen by the caller (random per
 * process, so no stored text can contain one by chance or design).
 *
 * Invalidation is by generation: every entry carries the generation it
 * was rendered at and only matches while that is still the cache's
 * generation; cache_invalidate() moves it on (the server calls it when
 * the store's data version changes, store_data_version()). Memory is
 * bounded by the byte and entry counts given at creation: least
 * recently used entries go first, and a body over an eighth of the byte
 * bound is never stored.
 *
 * All functions are safe to call from several threads at once (one
 * mutex; bodies are copied out under it).
 */
#ifndef ND_CACHE_H
#define ND_CACHE_H

#include <stddef.h>
#include <stdint.h>

#include "util/buf.h"

#define CACHE_MARKERS		2	/* distinct markers per body */
#define CACHE_MARKER_MAX	64	/* bytes of one marker */
#define CACHE_HASH_BYTES	16
#define CACHE_KEY_MAX		4096	/* longer keys are never cached */

/* What a page says besides its body; the server stores it with it. */
struct cache_meta {
	unsigned status;
	const char *content_type;	/* a static string */
	int64_t last_modified;
	int etag;
	/* set by cache_put, given back by cache_get: BLAKE2b of the
	 * template body, and bit i set when marker i occurs in it */
	unsigned char hash[CACHE_HASH_BYTES];
	unsigned used;
};

struct cache;

/* A cache of at most max_bytes of bodies and max_entries entries, with
 * the given markers (each 1..CACHE_MARKER_MAX bytes, copied; NULL: that
 * slot unused). Free with cache_free. */
struct cache *cache_new(size_t max_bytes, size_t max_entries,
    const char *const markers[CACHE_MARKERS]);
void cache_free(struct cache *c);

/* The current generation; read it BEFORE rendering a page and pass it
 * to cache_put, so that a change during rendering is not cached. */
uint64_t cache_generation(struct cache *c);
/* Every entry stored so far stops matching. */
void cache_invalidate(struct cache *c);

/* On a hit (same key, current generation), append the body to out with
 * marker i replaced by fills[i] (inserted as given: the caller escapes)
 * and copy the meta to *meta; return 1. Return 0 on a miss or when out
 * is over its bound (out may then hold part of the body: clear it). */
int cache_get(struct cache *c, const char *key, size_t klen,
    const char *const fills[CACHE_MARKERS], struct buf *out,
    struct cache_meta *meta);
/* Store body (len bytes, markers in it) under key as rendered at
 * generation gen, with meta (its hash and used are computed here and
 * written back). Nothing is stored when gen is no longer current or the
 * body or key is too large; meta->hash and used are set either way.
 * Replaces an entry with the same key. */
void cache_put(struct cache *c, const char *key, size_t klen, uint64_t gen,
    const char *body, size_t len, struct cache_meta *meta);

/* body with the markers replaced by fills, appended to out: what
 * cache_get gives for a body that was not stored. ND_ELIMIT when out
 * goes over its bound. */
enum nd_err cache_fill(const struct cache *c, const char *body, size_t len,
    const char *const fills[CACHE_MARKERS], struct buf *out);

/* Entries and body bytes held (for tests and figures). */
void cache_stats(struct cache *c, size_t *entries, size_t *bytes);

#endif
