/* sqlite_reader.h - private to the SQLite backend: readers, rate limits
 * (sqlite_reader.c), deliveries and digest briefs (sqlite_delivery.c),
 * reached through store_backend_sqlite. Same contracts as the
 * store_reader_*, store_rate_hit, store_delivery_* and store_brief_list
 * functions in store.h; the front has checked the arguments. */
#ifndef ND_SQLITE_READER_H
#define ND_SQLITE_READER_H

#include "store/store.h"

enum nd_err sqlite_reader_put(struct store *s, struct reader *r,
    int64_t now, struct nd_error *err);
enum nd_err sqlite_reader_update(struct store *s, const struct reader *r,
    struct nd_error *err);
enum nd_err sqlite_reader_get(struct store *s, const char *email,
    int64_t id, struct reader **out, struct nd_error *err);
enum nd_err sqlite_reader_confirm(struct store *s, int64_t id, int64_t now,
    struct nd_error *err);
enum nd_err sqlite_reader_rm(struct store *s, int64_t id,
    struct nd_error *err);
enum nd_err sqlite_reader_list(struct store *s, int active, int64_t after,
    size_t limit, struct reader_list *out, struct nd_error *err);
enum nd_err sqlite_rate_hit(struct store *s, const char *key, int64_t now,
    int64_t window, int64_t *count, struct nd_error *err);

enum nd_err sqlite_delivery_claim(struct store *s, struct delivery_claim *v,
    size_t n, int64_t now, int64_t stale, struct nd_error *err);
enum nd_err sqlite_delivery_mark(struct store *s,
    const struct delivery_mark *v, size_t n, int max_failures, int64_t now,
    struct nd_error *err);
enum nd_err sqlite_brief_list(struct store *s, const char *topic,
    int64_t since, int64_t until, size_t limit, struct brief_list *out,
    struct nd_error *err);

#endif
