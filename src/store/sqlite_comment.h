/* sqlite_comment.h - private to the SQLite backend: reader comments
 * (sqlite_comment.c), reached through store_backend_sqlite. Same
 * contracts as the store_comment_* functions in store.h; the front has
 * already checked arguments. */
#ifndef ND_SQLITE_COMMENT_H
#define ND_SQLITE_COMMENT_H

#include "store/store.h"

enum nd_err sqlite_comment_add(struct store *s, struct comment *c,
    const struct comment_guard *g, struct nd_error *err);
enum nd_err sqlite_comment_get(struct store *s, int64_t id,
    struct comment **out, struct nd_error *err);
enum nd_err sqlite_comment_set_status(struct store *s, int64_t id,
    enum comment_status st, const char *reason, struct nd_error *err);
enum nd_err sqlite_comment_edit(struct store *s, int64_t id,
    const char *body, int64_t edited, struct nd_error *err);
enum nd_err sqlite_comment_list(struct store *s,
    const struct comment_query *q, struct comment_list *out,
    struct nd_error *err);
enum nd_err sqlite_comment_thread(struct store *s, int64_t article_id,
    int newest_first, size_t limit, size_t offset,
    struct comment_list *out, int64_t *top, struct nd_error *err);
enum nd_err sqlite_comment_recent(struct store *s,
    const unsigned char *ip_hash, const char *email, int64_t since,
    int64_t *by_ip, int64_t *by_email, struct nd_error *err);
enum nd_err sqlite_comment_author(struct store *s, const char *email,
    int64_t *approved, struct nd_error *err);
enum nd_err sqlite_comment_notify_off(struct store *s, const char *email,
    struct nd_error *err);
enum nd_err sqlite_comment_erase(struct store *s, const char *email,
    int64_t *n, struct nd_error *err);
enum nd_err sqlite_comment_purge_ips(struct store *s, int64_t now,
    int64_t before, int64_t *n, struct nd_error *err);
enum nd_err sqlite_comment_block_add(struct store *s,
    enum comment_block_kind kind, const char *value, struct nd_error *err);
enum nd_err sqlite_comment_block_rm(struct store *s,
    enum comment_block_kind kind, const char *value, struct nd_error *err);
enum nd_err sqlite_comment_block_list(struct store *s,
    struct comment_block_list *out, struct nd_error *err);

#endif
