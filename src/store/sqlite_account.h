/* sqlite_account.h - private to the SQLite backend: reader accounts
 * (sign-in nonces, saved articles, admins) in sqlite_account.c, reached
 * through store_backend_sqlite. Same contracts as the store_signin_*,
 * store_saved_* and store_admin_* functions in store.h; the front
 * (store_account.c) has checked the arguments. */
#ifndef ND_SQLITE_ACCOUNT_H
#define ND_SQLITE_ACCOUNT_H

#include "store/store.h"

enum nd_err sqlite_signin_use(struct store *s, const char *nonce,
    int64_t now, int64_t before, int *fresh, struct nd_error *err);
enum nd_err sqlite_saved_set(struct store *s, int64_t reader,
    int64_t article, int on, int64_t now, struct nd_error *err);
enum nd_err sqlite_saved_has(struct store *s, int64_t reader,
    int64_t article, int *on, struct nd_error *err);
enum nd_err sqlite_saved_ids(struct store *s, int64_t reader, size_t limit,
    size_t offset, int64_t *ids, size_t *n, struct nd_error *err);
enum nd_err sqlite_admin_set(struct store *s, int64_t reader, int on,
    struct nd_error *err);
enum nd_err sqlite_admin_get(struct store *s, int64_t reader, int *admin,
    struct nd_error *err);
enum nd_err sqlite_admin_list(struct store *s, struct strlist *emails,
    struct nd_error *err);

#endif
