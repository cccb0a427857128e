/* sqlite_outbox.h - private to the SQLite backend: the outbox
 * (sqlite_outbox.c), reached through store_backend_sqlite. Same
 * contracts as the store_outbox_* functions in store.h; the front
 * (store_outbox.c) has checked the arguments. */
#ifndef ND_SQLITE_OUTBOX_H
#define ND_SQLITE_OUTBOX_H

#include "store/store.h"

enum nd_err sqlite_outbox_enqueue(struct store *s,
    const struct outbox_msg *m, int64_t now, int64_t *id,
    struct nd_error *err);
enum nd_err sqlite_outbox_claim(struct store *s, size_t limit, int64_t now,
    int64_t lease, struct outbox_list *out, struct nd_error *err);
enum nd_err sqlite_outbox_sent(struct store *s, int64_t id, int64_t now,
    struct nd_error *err);
enum nd_err sqlite_outbox_failed(struct store *s, int64_t id,
    int permanent, const char *error, int64_t now, struct nd_error *err);
enum nd_err sqlite_outbox_list(struct store *s, int st, size_t limit,
    size_t offset, struct outbox_list *out, struct nd_error *err);
enum nd_err sqlite_outbox_count(struct store *s, int64_t now,
    struct outbox_counts *out, struct nd_error *err);
enum nd_err sqlite_outbox_purge(struct store *s, int64_t before,
    int64_t *n, struct nd_error *err);

#endif
