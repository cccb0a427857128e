/* store.c - the store front: picks a backend by the form of the DSN and
 * checks arguments the same way for every backend before forwarding
 * through struct store_backend (OpenSMTPD queue_backend.c style).
 */
#include "store/store.h"

#include <sodium.h>

#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

#define STORE_LIMIT_DEFAULT	50
#define STORE_LIMIT_MAX		1000
#define STORE_OFFSET_MAX	1000000000u
#define STORE_QUERY_MAX		256
#define STORE_SLUG_MAX		64

static int
store_is_postgres(const char *dsn)
{
	return strncmp(dsn, "postgres://", 11) == 0 ||
	    strncmp(dsn, "postgresql://", 13) == 0;
}

enum nd_err
store_open(const char *dsn, struct store **out, struct nd_error *err)
{
	struct store *s;
	enum nd_err e;

	*out = NULL;
	if (dsn == NULL || *dsn == '\0')
		return nd_error_set(err, ND_EINVAL, "empty store dsn");
	if (store_is_postgres(dsn))
		return nd_error_set(err, ND_EINVAL, "postgresql store is not "
		    "built in yet: '%s'", dsn);
	s = xcalloc(1, sizeof(*s));
	s->be = &store_backend_sqlite;
	if ((e = s->be->open(s, dsn, err)) != ND_OK) {
		free(s);
		return e;
	}
	*out = s;
	return ND_OK;
}

void
store_close(struct store *s)
{
	if (s == NULL)
		return;
	s->be->close(s);
	free(s);
}

enum nd_err
store_migrate(struct store *s, int *from, int *to, struct nd_error *err)
{
	return s->be->migrate(s, from, to, err);
}

enum nd_err
store_version(struct store *s, int *version, struct nd_error *err)
{
	return s->be->version(s, version, err);
}

int
store_latest_version(void)
{
	return store_backend_sqlite.latest_version;
}

enum nd_err
store_tx_begin(struct store *s, struct nd_error *err)
{
	return s->be->tx_begin(s, err);
}

enum nd_err
store_tx_commit(struct store *s, struct nd_error *err)
{
	return s->be->tx_commit(s, err);
}

void
store_tx_rollback(struct store *s)
{
	if (s != NULL)
		s->be->tx_rollback(s);
}

enum nd_err
store_tx_end(struct store *s, enum nd_err e, struct nd_error *err)
{
	if (e == ND_OK)
		return store_tx_commit(s, err);
	store_tx_rollback(s);
	return e;
}

enum nd_err
store_data_version(struct store *s, int64_t *v, struct nd_error *err)
{
	return s->be->data_version(s, v, err);
}

const char *
store_dsn(const struct store *s)
{
	return s->be->dsn(s);
}

enum nd_err
store_ping(struct store *s, struct nd_error *err)
{
	return s->be->ping(s, err);
}

/* Paragraphs are stored joined by "\n\n" and split back on it; refuse
 * the few that would not come back the same. */
static enum nd_err
store_check_body(const struct article *a, const char *key,
    struct nd_error *err)
{
	const char *p;
	size_t i, n;

	for (i = 0; i < a->body.n; i++) {
		p = a->body.v[i];
		n = strlen(p);
		if (n == 0)
			return nd_error_set(err, ND_EINVAL, "article '%s': "
			    "body paragraph %zu is empty", key, i + 1);
		if (p[0] == '\n' || p[n - 1] == '\n' ||
		    strstr(p, "\n\n") != NULL)
			return nd_error_set(err, ND_EINVAL, "article '%s': "
			    "body paragraph %zu holds a blank line or starts "
			    "or ends with a line break", key, i + 1);
	}
	return ND_OK;
}

enum nd_err
store_article_put(struct store *s, struct article *a, enum store_put *what,
    struct nd_error *err)
{
	const char *key = a->canonical_url ? a->canonical_url : a->url;
	enum nd_err e;

	if (key == NULL || *key == '\0')
		return nd_error_set(err, ND_EINVAL, "article has no url");
	if ((e = store_check_body(a, key, err)) != ND_OK)
		return e;
	return s->be->article_put(s, a, what, err);
}

enum nd_err
store_article_get(struct store *s, int64_t id, struct article **out,
    struct nd_error *err)
{
	return s->be->article_get(s, id, out, err);
}

/* 0 -> default, over the cap -> the cap; an absurd offset is refused. */
static enum nd_err
store_paging(size_t *limit, size_t offset, struct nd_error *err)
{
	if (*limit == 0)
		*limit = STORE_LIMIT_DEFAULT;
	if (*limit > STORE_LIMIT_MAX)
		*limit = STORE_LIMIT_MAX;
	if (offset > STORE_OFFSET_MAX)
		return nd_error_set(err, ND_ELIMIT, "offset %zu is over the "
		    "limit of %u", offset, STORE_OFFSET_MAX);
	return ND_OK;
}

enum nd_err
store_article_list(struct store *s, const struct article_query *q,
    struct article_list *out, struct nd_error *err)
{
	struct article_query qq = {NULL, 0, 0, 0, 0};
	enum nd_err e;

	if (q)
		qq = *q;
	if ((e = store_paging(&qq.limit, qq.offset, err)) != ND_OK)
		return e;
	return s->be->article_list(s, &qq, out, err);
}

enum nd_err
store_article_search(struct store *s, const char *query, size_t limit,
    size_t offset, struct article_list *out, struct nd_error *err)
{
	enum nd_err e;

	if (query == NULL)
		return ND_OK;
	if (strlen(query) > STORE_QUERY_MAX)
		return nd_error_set(err, ND_ELIMIT, "search query is longer "
		    "than %d bytes", STORE_QUERY_MAX);
	if ((e = store_paging(&limit, offset, err)) != ND_OK)
		return e;
	return s->be->article_search(s, query, limit, offset, out, err);
}

enum nd_err
store_article_snippets(struct store *s, const char *query, size_t limit,
    size_t offset, struct article_list *out, struct strlist *snippets,
    struct nd_error *err)
{
	enum nd_err e;

	if (query == NULL)
		return ND_OK;
	if (strlen(query) > STORE_QUERY_MAX)
		return nd_error_set(err, ND_ELIMIT, "search query is longer "
		    "than %d bytes", STORE_QUERY_MAX);
	if ((e = store_paging(&limit, offset, err)) != ND_OK)
		return e;
	return s->be->article_snippets(s, query, limit, offset, out,
	    snippets, err);
}

enum nd_err
store_article_set_topics(struct store *s, int64_t id,
    const struct strlist *slugs, struct nd_error *err)
{
	static const struct strlist none = STRLIST_INIT;

	return s->be->article_set_topics(s, id, slugs ? slugs : &none, err);
}

enum nd_err
store_article_count(struct store *s, int64_t *n, struct nd_error *err)
{
	return s->be->article_count(s, n, err);
}

enum nd_err
store_article_each(struct store *s,
    enum nd_err (*fn)(struct article *a, void *arg), void *arg,
    struct nd_error *err)
{
	return s->be->article_each(s, fn, arg, err);
}

/* 1 to STORE_SLUG_MAX bytes of [a-z0-9-]. */
static int
store_slug_ok(const char *slug)
{
	size_t i;

	if (slug == NULL || *slug == '\0')
		return 0;
	for (i = 0; slug[i]; i++) {
		if (i >= STORE_SLUG_MAX)
			return 0;
		if (!((slug[i] >= 'a' && slug[i] <= 'z') ||
		    (slug[i] >= '0' && slug[i] <= '9') || slug[i] == '-'))
			return 0;
	}
	return 1;
}

enum nd_err
store_topic_put(struct store *s, const struct topic *t,
    struct nd_error *err)
{
	if (!store_slug_ok(t->slug))
		return nd_error_set(err, ND_EINVAL, "topic slug '%s' must be "
		    "1 to %d of a-z, 0-9 and '-'", t->slug ? t->slug : "",
		    STORE_SLUG_MAX);
	if (t->name == NULL || *t->name == '\0')
		return nd_error_set(err, ND_EINVAL, "topic '%s' has no name",
		    t->slug);
	if (t->expr == NULL)
		return nd_error_set(err, ND_EINVAL, "topic '%s' has no rule",
		    t->slug);
	return s->be->topic_put(s, t, err);
}

enum nd_err
store_topic_rm(struct store *s, const char *slug, struct nd_error *err)
{
	if (slug == NULL)
		return nd_error_set(err, ND_EINVAL, "no topic slug given");
	return s->be->topic_rm(s, slug, err);
}

enum nd_err
store_topic_list(struct store *s, struct topic_list *out,
    struct nd_error *err)
{
	return s->be->topic_list(s, out, err);
}

enum nd_err
store_topic_get(struct store *s, const char *slug, struct topic *out,
    struct nd_error *err)
{
	memset(out, 0, sizeof(*out));
	if (slug == NULL || !store_slug_ok(slug))
		return nd_error_set(err, ND_EINVAL, "malformed topic slug");
	return s->be->topic_get(s, slug, out, err);
}

void
topic_release(struct topic *t)
{
	free(t->slug);
	free(t->name);
	free(t->expr);
	memset(t, 0, sizeof(*t));
}

void
topic_list_release(struct topic_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		topic_release(&l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

enum nd_err
store_secret(struct store *s, unsigned char key[STORE_SECRET_BYTES],
    struct nd_error *err)
{
	unsigned char fresh[STORE_SECRET_BYTES];
	enum nd_err e;

	if (sodium_init() < 0)
		return nd_error_set(err, ND_EINVAL, "libsodium cannot start");
	randombytes_buf(fresh, sizeof(fresh));
	e = s->be->setting_once(s, "secret", fresh, key, STORE_SECRET_BYTES,
	    err);
	sodium_memzero(fresh, sizeof(fresh));
	return e;
}

void
reader_release(struct reader *r)
{
	if (r == NULL)
		return;
	free(r->email);
	free(r->lang);
	free(r->tz);
	strlist_release(&r->topics);
	memset(r, 0, sizeof(*r));
}

void
reader_list_release(struct reader_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		reader_release(&l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

/* Fields every reader write checks: email present and header-safe,
 * hour in range, lang and tz short and plain. */
static enum nd_err
store_reader_check(const struct reader *r, int need_email,
    struct nd_error *err)
{
	size_t i;

	if (need_email && (r->email == NULL || *r->email == '\0' ||
	    strlen(r->email) > 254 || strpbrk(r->email, "\r\n") != NULL))
		return nd_error_set(err, ND_EINVAL, "reader has no valid "
		    "email");
	if (r->hour > 23 || (!need_email && r->hour < 0))
		return nd_error_set(err, ND_EINVAL, "delivery hour %d is not "
		    "between 0 and 23", r->hour);
	if ((r->lang && (strlen(r->lang) > 16 || strpbrk(r->lang, "\r\n"))) ||
	    (r->tz && (strlen(r->tz) > 64 || strpbrk(r->tz, "\r\n"))))
		return nd_error_set(err, ND_EINVAL, "reader language or time "
		    "zone is malformed");
	for (i = 0; i < r->topics.n; i++)
		if (!store_slug_ok(r->topics.v[i]))
			return nd_error_set(err, ND_EINVAL, "topic slug '%s' "
			    "must be 1 to %d of a-z, 0-9 and '-'",
			    r->topics.v[i], STORE_SLUG_MAX);
	return ND_OK;
}

enum nd_err
store_reader_put(struct store *s, struct reader *r, int64_t now,
    struct nd_error *err)
{
	enum nd_err e;

	if ((e = store_reader_check(r, 1, err)) != ND_OK)
		return e;
	return s->be->reader_put(s, r, now, err);
}

enum nd_err
store_reader_update(struct store *s, const struct reader *r,
    struct nd_error *err)
{
	enum nd_err e;

	if ((e = store_reader_check(r, 0, err)) != ND_OK)
		return e;
	if (r->lang == NULL || r->tz == NULL)
		return nd_error_set(err, ND_EINVAL, "reader %lld: language "
		    "and time zone are required", (long long)r->id);
	return s->be->reader_update(s, r, err);
}

enum nd_err
store_reader_get(struct store *s, const char *email, struct reader **out,
    struct nd_error *err)
{
	*out = NULL;
	if (email == NULL)
		return nd_error_set(err, ND_EINVAL, "no email given");
	return s->be->reader_get(s, email, 0, out, err);
}

enum nd_err
store_reader_get_id(struct store *s, int64_t id, struct reader **out,
    struct nd_error *err)
{
	*out = NULL;
	return s->be->reader_get(s, NULL, id, out, err);
}

enum nd_err
store_reader_confirm(struct store *s, int64_t id, int64_t now,
    struct nd_error *err)
{
	return s->be->reader_confirm(s, id, now, err);
}

enum nd_err
store_reader_rm(struct store *s, int64_t id, struct nd_error *err)
{
	return s->be->reader_rm(s, id, err);
}

enum nd_err
store_reader_list(struct store *s, int active, int64_t after, size_t limit,
    struct reader_list *out, struct nd_error *err)
{
	if (limit > 100000)
		limit = 100000;
	return s->be->reader_list(s, active, after, limit, out, err);
}

enum nd_err
store_rate_hit(struct store *s, const char *key, int64_t now,
    int64_t window, int64_t *count, struct nd_error *err)
{
	if (key == NULL || strlen(key) > 512 || window <= 0)
		return nd_error_set(err, ND_EINVAL, "bad rate-limit key or "
		    "window");
	return s->be->rate_hit(s, key, now, window, count, err);
}

enum nd_err
store_delivery_claim(struct store *s, struct delivery_claim *v, size_t n,
    int64_t now, int64_t stale, struct nd_error *err)
{
	if (n == 0)
		return ND_OK;
	return s->be->delivery_claim(s, v, n, now, stale, err);
}

enum nd_err
store_delivery_mark(struct store *s, const struct delivery_mark *v,
    size_t n, int max_failures, int64_t now, struct nd_error *err)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (v[i].status == DELIVERY_CLAIMED || v[i].local_date == NULL)
			return nd_error_set(err, ND_EINVAL, "delivery mark "
			    "for reader %lld is incomplete",
			    (long long)v[i].reader_id);
	if (n == 0)
		return ND_OK;
	return s->be->delivery_mark(s, v, n, max_failures, now, err);
}

enum nd_err
store_brief_list(struct store *s, const char *topic, int64_t since,
    int64_t until, size_t limit, struct brief_list *out,
    struct nd_error *err)
{
	out->v = NULL;
	out->n = 0;
	if (!store_slug_ok(topic))
		return nd_error_set(err, ND_EINVAL, "bad topic slug");
	if (limit == 0 || limit > STORE_LIMIT_MAX)
		limit = STORE_LIMIT_MAX;
	return s->be->brief_list(s, topic, since, until, limit, out, err);
}

void
brief_list_release(struct brief_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		free(l->v[i].headline);
		free(l->v[i].standfirst);
		free(l->v[i].source);
		free(l->v[i].url);
	}
	free(l->v);
	l->v = NULL;
	l->n = 0;
}
