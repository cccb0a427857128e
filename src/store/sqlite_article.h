/* sqlite_article.h - private to the SQLite backend: the article half
 * (sqlite_article.c), reached through store_backend_sqlite. Same
 * contracts as the store_article_* functions in store.h; the front has
 * already checked arguments (url present, body paragraphs storable,
 * query length, limits). */
#ifndef ND_SQLITE_ARTICLE_H
#define ND_SQLITE_ARTICLE_H

#include "store/store.h"

enum nd_err sqlite_article_put(struct store *s, struct article *a,
    enum store_put *what, struct nd_error *err);
enum nd_err sqlite_article_get(struct store *s, int64_t id,
    struct article **out, struct nd_error *err);
enum nd_err sqlite_article_list(struct store *s,
    const struct article_query *q, struct article_list *out,
    struct nd_error *err);
enum nd_err sqlite_article_search(struct store *s, const char *query,
    size_t limit, size_t offset, struct article_list *out,
    struct nd_error *err);
enum nd_err sqlite_article_snippets(struct store *s, const char *query,
    size_t limit, size_t offset, struct article_list *out,
    struct strlist *snippets, struct nd_error *err);
enum nd_err sqlite_article_set_topics(struct store *s, int64_t id,
    const struct strlist *slugs, struct nd_error *err);
enum nd_err sqlite_article_count(struct store *s, int64_t *n,
    struct nd_error *err);
enum nd_err sqlite_article_each(struct store *s,
    enum nd_err (*fn)(struct article *, void *), void *arg,
    struct nd_error *err);

#endif
