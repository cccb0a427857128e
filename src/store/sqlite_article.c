/* sqlite_article.c - articles in the SQLite store: put (insert or
 * update by canonical url, with authors, topic links and story id in
 * one transaction), get, list, full-text search, re-tagging, iteration.
 *
 * The body is stored as its paragraphs joined by "\n\n" (the front has
 * refused paragraphs that would not split back the same way), so the
 * FTS5 index and any SQL reader see plain text.
 */
#include "store/sqlite_article.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util/dedupe.h"
#include "store/sqlite_stmt.h"
#include "util/buf.h"
#include "util/xalloc.h"

#define SQLITE_EACH_BATCH	256
#define SQLITE_QUERY_MAX	2048	/* quoted FTS5 query, bytes */

/* The url an article is matched by. */
static const char *
sqlite_article_key(const struct article *a)
{
	return a->canonical_url ? a->canonical_url : a->url;
}

static enum nd_err
sqlite_article_fail(struct sqlite_conn *c, const char *key,
    struct nd_error *err)
{
	return nd_error_set(err, ND_ESTORE, "store '%s': cannot store "
	    "article '%s': %s", c->dsn, key, sqlite3_errmsg(c->db));
}

/* Fingerprints are unsigned 64-bit; SQL integers are signed. */
static int64_t
sqlite_article_hash_to_sql(uint64_t h)
{
	int64_t v;

	memcpy(&v, &h, sizeof(v));
	return v;
}

static uint64_t
sqlite_article_hash_from_sql(int64_t v)
{
	uint64_t h;

	memcpy(&h, &v, sizeof(h));
	return h;
}

/* Bind parameters 17..21: fingerprint and its four 16-bit bands, all
 * NULL when there is no fingerprint so it matches nothing. */
static void
sqlite_article_bind_hash(sqlite3_stmt *st, int first, uint64_t h)
{
	int i;

	if (h == 0) {
		for (i = 0; i < 5; i++)
			sqlite3_bind_null(st, first + i);
		return;
	}
	sqlite3_bind_int64(st, first, sqlite_article_hash_to_sql(h));
	for (i = 0; i < 4; i++)
		sqlite3_bind_int(st, first + 1 + i, (int)((h >> (16 * i)) &
		    0xffff));
}

/* Bind parameters 1..22 shared by insert and update. */
static void
sqlite_article_bind(sqlite3_stmt *st, const struct article *a,
    const char *body, int64_t now)
{
	sqlite_stmt_bind_text(st, 1, a->url);
	sqlite_stmt_bind_text(st, 2, sqlite_article_key(a));
	sqlite_stmt_bind_text(st, 3, a->source);
	sqlite_stmt_bind_text(st, 4, a->headline);
	sqlite_stmt_bind_text(st, 5, a->standfirst);
	sqlite_stmt_bind_text(st, 6, a->dateline);
	sqlite3_bind_int64(st, 7, a->published);
	sqlite3_bind_int(st, 8, a->published_has_time ? 1 : 0);
	sqlite3_bind_int64(st, 9, a->updated);
	sqlite_stmt_bind_text(st, 10, a->image_url);
	sqlite_stmt_bind_text(st, 11, a->image_caption);
	sqlite_stmt_bind_text(st, 12, a->image_credit);
	sqlite_stmt_bind_text(st, 13, body);
	sqlite_stmt_bind_text(st, 14, a->credits);
	sqlite_stmt_bind_text(st, 15, a->lang);
	sqlite_stmt_bind_text(st, 16, a->section);
	sqlite_article_bind_hash(st, 17, a->simhash);
	sqlite3_bind_int64(st, 22, now);
}

static int
sqlite_article_same_source(const char *x, const char *y)
{
	if (x == NULL || y == NULL)
		return x == y;
	return strcmp(x, y) == 0;
}

/* The story of the closest stored article from another source within
 * DEDUPE_MAX_DISTANCE bits (oldest on a tie), or 0 for none. Candidates
 * are those sharing at least one 16-bit band, which every fingerprint
 * within 3 bits does. */
static enum nd_err
sqlite_article_find_story(struct sqlite_conn *c, const struct article *a,
    int64_t *story, struct nd_error *err)
{
	sqlite3_stmt *st;
	int rc, d, best = DEDUPE_MAX_DISTANCE + 1, i;
	const char *src;

	*story = 0;
	if (a->simhash == 0)
		return ND_OK;
	if ((st = sqlite_stmt_get(c, STMT_ARTICLE_CANDIDATES, err)) == NULL)
		return ND_ESTORE;
	for (i = 0; i < 4; i++)
		sqlite3_bind_int(st, i + 1, (int)((a->simhash >> (16 * i)) &
		    0xffff));
	while ((rc = sqlite_stmt_step(st)) == SQLITE_ROW) {
		d = dedupe_distance(a->simhash, sqlite_article_hash_from_sql(
		    sqlite3_column_int64(st, 1)));
		src = (const char *)sqlite3_column_text(st, 2);
		if (d >= best || sqlite_article_same_source(src, a->source))
			continue;
		best = d;
		*story = sqlite3_column_int64(st, 3);
		if (*story == 0)
			*story = sqlite3_column_int64(st, 0);
	}
	sqlite_stmt_done(st);
	if (rc != SQLITE_DONE)
		return sqlite_article_fail(c, sqlite_article_key(a), err);
	return ND_OK;
}

static enum nd_err
sqlite_article_insert(struct sqlite_conn *c, struct article *a,
    const char *body, int64_t now, int64_t *id, int64_t *story,
    struct nd_error *err)
{
	sqlite3_stmt *st;
	enum nd_err e;

	if ((e = sqlite_article_find_story(c, a, story, err)) != ND_OK)
		return e;
	if ((st = sqlite_stmt_get(c, STMT_ARTICLE_INSERT, err)) == NULL)
		return ND_ESTORE;
	sqlite_article_bind(st, a, body, now);
	if (*story)
		sqlite3_bind_int64(st, 23, *story);
	sqlite3_bind_int64(st, 24, a->comment_count);
	if (sqlite_stmt_step(st) != SQLITE_ROW) {
		e = sqlite_article_fail(c, sqlite_article_key(a), err);
		sqlite_stmt_done(st);
		return e;
	}
	*id = sqlite3_column_int64(st, 0);
	sqlite_stmt_done(st);
	if (*story)
		return ND_OK;
	*story = *id;
	if ((st = sqlite_stmt_get(c, STMT_ARTICLE_SET_STORY, err)) == NULL)
		return ND_ESTORE;
	sqlite3_bind_int64(st, 1, *story);
	sqlite3_bind_int64(st, 2, *id);
	return sqlite_stmt_exec(c, st, "cannot set the story id", err);
}

static enum nd_err
sqlite_article_update(struct sqlite_conn *c, const struct article *a,
    const char *body, int64_t now, int64_t id, struct nd_error *err)
{
	sqlite3_stmt *st;

	if ((st = sqlite_stmt_get(c, STMT_ARTICLE_UPDATE, err)) == NULL)
		return ND_ESTORE;
	sqlite_article_bind(st, a, body, now);
	sqlite3_bind_int64(st, 23, id);
	if (sqlite_stmt_step(st) != SQLITE_DONE) {
		sqlite_article_fail(c, sqlite_article_key(a), err);
		sqlite_stmt_done(st);
		return ND_ESTORE;
	}
	sqlite_stmt_done(st);
	return ND_OK;
}

/* Existing id and story of the article stored under key; 0 if none. */
static enum nd_err
sqlite_article_lookup(struct sqlite_conn *c, const char *key, int64_t *id,
    int64_t *story, struct nd_error *err)
{
	sqlite3_stmt *st;
	int rc;

	*id = *story = 0;
	if ((st = sqlite_stmt_get(c, STMT_ARTICLE_BY_URL, err)) == NULL)
		return ND_ESTORE;
	sqlite_stmt_bind_text(st, 1, key);
	rc = sqlite_stmt_step(st);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		*story = sqlite3_column_int64(st, 1);
		if (*story == 0)
			*story = *id;
	}
	sqlite_stmt_done(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return sqlite_article_fail(c, key, err);
	return ND_OK;
}

/* Replace the byline of article id, keeping its order. */
static enum nd_err
sqlite_article_put_authors(struct sqlite_conn *c, int64_t id,
    const struct article *a, struct nd_error *err)
{
	sqlite3_stmt *st;
	enum nd_err e;
	size_t i;

	if ((st = sqlite_stmt_get(c, STMT_AUTHORS_DELETE, err)) == NULL)
		return ND_ESTORE;
	sqlite3_bind_int64(st, 1, id);
	if ((e = sqlite_stmt_exec(c, st, "cannot replace authors", err)))
		return e;
	for (i = 0; i < a->byline.n; i++) {
		if ((st = sqlite_stmt_get(c, STMT_AUTHOR_INSERT, err)) == NULL)
			return ND_ESTORE;
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, (int64_t)i);
		sqlite_stmt_bind_text(st, 3, a->byline.v[i]);
		if ((e = sqlite_stmt_exec(c, st, "cannot store an author",
		    err)))
			return e;
	}
	return ND_OK;
}

static enum nd_err
sqlite_article_topic_id(struct sqlite_conn *c, const char *label,
    const char *slug, int64_t *tid, struct nd_error *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((st = sqlite_stmt_get(c, STMT_TOPIC_ID, err)) == NULL)
		return ND_ESTORE;
	sqlite_stmt_bind_text(st, 1, slug);
	rc = sqlite_stmt_step(st);
	if (rc == SQLITE_ROW)
		*tid = sqlite3_column_int64(st, 0);
	sqlite_stmt_done(st);
	if (rc == SQLITE_DONE)
		return nd_error_set(err, ND_EINVAL, "article '%s': no topic "
		    "'%s'", label, slug);
	if (rc != SQLITE_ROW)
		return sqlite_article_fail(c, label, err);
	return ND_OK;
}

/* Replace the topic links of article id by slugs, which must all name
 * existing topics (ND_EINVAL naming the first that does not). */
static enum nd_err
sqlite_article_put_links(struct sqlite_conn *c, int64_t id,
    const char *label, const struct strlist *slugs, struct nd_error *err)
{
	sqlite3_stmt *st;
	enum nd_err e;
	int64_t tid = 0;
	size_t i;

	if ((st = sqlite_stmt_get(c, STMT_LINKS_DELETE, err)) == NULL)
		return ND_ESTORE;
	sqlite3_bind_int64(st, 1, id);
	if ((e = sqlite_stmt_exec(c, st, "cannot replace topic links", err)))
		return e;
	for (i = 0; i < slugs->n; i++) {
		if ((e = sqlite_article_topic_id(c, label, slugs->v[i], &tid,
		    err)) != ND_OK)
			return e;
		if ((st = sqlite_stmt_get(c, STMT_LINK_INSERT, err)) == NULL)
			return ND_ESTORE;
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, tid);
		if ((e = sqlite_stmt_exec(c, st, "cannot link a topic", err)))
			return e;
	}
	return ND_OK;
}

/* The body of put, inside the transaction. */
static enum nd_err
sqlite_article_put_txn(struct sqlite_conn *c, struct article *a,
    int64_t *id, int64_t *story, enum store_put *what, struct nd_error *err)
{
	const char *key = sqlite_article_key(a);
	char *body = a->body.n ? article_body_text(a) : NULL;
	int64_t now = (int64_t)time(NULL);
	enum nd_err e;

	if ((e = sqlite_article_lookup(c, key, id, story, err)) != ND_OK)
		goto out;
	if (*id) {
		*what = STORE_UPDATED;
		e = sqlite_article_update(c, a, body, now, *id, err);
	} else {
		*what = STORE_CREATED;
		e = sqlite_article_insert(c, a, body, now, id, story, err);
	}
	if (e == ND_OK)
		e = sqlite_article_put_authors(c, *id, a, err);
	if (e == ND_OK)
		e = sqlite_article_put_links(c, *id, key, &a->topics, err);
out:
	free(body);
	return e;
}

enum nd_err
sqlite_article_put(struct store *s, struct article *a, enum store_put *what,
    struct nd_error *err)
{
	struct sqlite_conn *c = s->priv;
	enum store_put done = STORE_CREATED;
	int64_t id = 0, story = 0;
	enum nd_err e;

	if ((e = sqlite_stmt_begin(c, err)) != ND_OK)
		return e;
	e = sqlite_article_put_txn(c, a, &id, &story, &done, err);
	if (e == ND_OK)
		e = sqlite_stmt_commit(c, err);
	if (e != ND_OK) {
		sqlite_stmt_rollback(c);
		return e;
	}
	a->id = id;
	a->story_id = story;
	if (what)
		*what = done;
	return ND_OK;
}

/* Split a stored body back into its paragraphs. */
static void
sqlite_article_body_split(struct article *a, const char *text)
{
	const char *p = text, *q;

	if (text == NULL)
		return;
	while ((q = strstr(p, "\n\n")) != NULL) {
		strlist_pushn(&a->body, p, (size_t)(q - p));
		p = q + 2;
	}
	strlist_push(&a->body, p);
}

/* A new article from the current row (columns SQLITE_ARTICLE_COLS). */
static struct article *
sqlite_article_row(sqlite3_stmt *st)
{
	struct article *a = article_new();
	const char *body;

	a->id = sqlite3_column_int64(st, 0);
	a->url = sqlite_stmt_column_text(st, 1);
	a->canonical_url = sqlite_stmt_column_text(st, 2);
	a->source = sqlite_stmt_column_text(st, 3);
	a->headline = sqlite_stmt_column_text(st, 4);
	a->standfirst = sqlite_stmt_column_text(st, 5);
	a->dateline = sqlite_stmt_column_text(st, 6);
	a->published = sqlite3_column_int64(st, 7);
	a->published_has_time = sqlite3_column_int(st, 8);
	a->updated = sqlite3_column_int64(st, 9);
	a->image_url = sqlite_stmt_column_text(st, 10);
	a->image_caption = sqlite_stmt_column_text(st, 11);
	a->image_credit = sqlite_stmt_column_text(st, 12);
	body = (const char *)sqlite3_column_text(st, 13);
	sqlite_article_body_split(a, body);
	a->credits = sqlite_stmt_column_text(st, 14);
	a->lang = sqlite_stmt_column_text(st, 15);
	a->section = sqlite_stmt_column_text(st, 16);
	a->story_id = sqlite3_column_int64(st, 17);
	a->simhash = sqlite_article_hash_from_sql(sqlite3_column_int64(st,
	    18));
	a->comment_count = sqlite3_column_int64(st, 19);
	return a;
}

/* Append column 0 of every row of st (bound to a->id) to l. */
static enum nd_err
sqlite_article_strings(struct sqlite_conn *c, enum stmt id,
    const struct article *a, struct strlist *l, struct nd_error *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((st = sqlite_stmt_get(c, id, err)) == NULL)
		return ND_ESTORE;
	sqlite3_bind_int64(st, 1, a->id);
	while ((rc = sqlite_stmt_step(st)) == SQLITE_ROW)
		strlist_push_owned(l, sqlite_stmt_column_text(st, 0));
	sqlite_stmt_done(st);
	if (rc != SQLITE_DONE)
		return sqlite_stmt_fail(c, "cannot read an article", err);
	return ND_OK;
}

static enum nd_err
sqlite_article_fill(struct sqlite_conn *c, struct article *a,
    struct nd_error *err)
{
	enum nd_err e;

	e = sqlite_article_strings(c, STMT_AUTHORS_GET, a, &a->byline, err);
	if (e == ND_OK)
		e = sqlite_article_strings(c, STMT_LINKS_GET, a, &a->topics,
		    err);
	return e;
}

/* Every row of st (already bound) as a complete article appended to
 * out, all read from one snapshot; on failure out is released. With
 * extra, the column after the article's is pushed to it per row. */
static enum nd_err
sqlite_article_collect_extra(struct sqlite_conn *c, sqlite3_stmt *st,
    struct article_list *out, struct strlist *extra, struct nd_error *err)
{
	enum nd_err e;
	size_t i;
	int rc;

	if ((e = sqlite_stmt_begin_read(c, err)) != ND_OK)
		return e;
	while ((rc = sqlite_stmt_step(st)) == SQLITE_ROW) {
		article_list_push(out, sqlite_article_row(st));
		if (extra)
			strlist_push_owned(extra, sqlite_stmt_column_text(st,
			    SQLITE_ARTICLE_NCOLS));
	}
	if (rc != SQLITE_DONE)
		e = sqlite_stmt_fail(c, "cannot read articles", err);
	sqlite_stmt_done(st);
	for (i = 0; e == ND_OK && i < out->n; i++)
		e = sqlite_article_fill(c, out->v[i], err);
	if (e == ND_OK)
		e = sqlite_stmt_commit(c, err);
	if (e != ND_OK) {
		sqlite_stmt_rollback(c);
		article_list_release(out);
	}
	return e;
}

static enum nd_err
sqlite_article_collect(struct sqlite_conn *c, sqlite3_stmt *st,
    struct article_list *out, struct nd_error *err)
{
	return sqlite_article_collect_extra(c, st, out, NULL, err);
}

enum nd_err
sqlite_article_get(struct store *s, int64_t id, struct article **out,
    struct nd_error *err)
{
	struct sqlite_conn *c = s->priv;
	struct article_list l = ARTICLE_LIST_INIT;
	sqlite3_stmt *st;
	enum nd_err e;

	*out = NULL;
	if ((st = sqlite_stmt_get(c, STMT_ARTICLE_GET, err)) == NULL)
		return ND_ESTORE;
	sqlite3_bind_int64(st, 1, id);
	if ((e = sqlite_article_collect(c, st, &l, err)) != ND_OK)
		return e;
	if (l.n == 0) {
		article_list_release(&l);
		return nd_error_set(err, ND_ENOTFOUND, "store '%s': no "
		    "article %lld", c->dsn, (long long)id);
	}
	*out = l.v[0];
	l.n = 0;
	article_list_release(&l);
	return ND_OK;
}

enum nd_err
sqlite_article_list(struct store *s, const struct article_query *q,
    struct article_list *out, struct nd_error *err)
{
	struct sqlite_conn *c = s->priv;
	sqlite3_stmt *st;

	if ((st = sqlite_stmt_get(c, STMT_ARTICLE_LIST, err)) == NULL)
		return ND_ESTORE;
	sqlite_stmt_bind_text(st, 1, q->topic);
	sqlite3_bind_int64(st, 2, q->story_id);
	sqlite3_bind_int64(st, 3, q->since);
	sqlite3_bind_int64(st, 4, (int64_t)q->limit);
	sqlite3_bind_int64(st, 5, (int64_t)q->offset);
	return sqlite_article_collect(c, st, out, err);
}

static int
sqlite_article_is_word_byte(unsigned char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
	    (ch >= '0' && ch <= '9') || ch >= 0x80;
}

/* Free text to an FTS5 query that cannot be a syntax error: every word
 * (run of ASCII letters, digits or non-ASCII bytes) becomes a quoted
 * string, and strings side by side mean AND. Operators, quotes,
 * brackets, stars and colons are separators, so they never reach FTS5
 * as syntax. Empty result: nothing to search for. */
static enum nd_err
sqlite_article_fts_query(const char *text, struct buf *out)
{
	size_t i = 0, n = strlen(text), start;

	while (i < n) {
		while (i < n && !sqlite_article_is_word_byte(
		    (unsigned char)text[i]))
			i++;
		if (i == n)
			break;
		start = i;
		while (i < n && sqlite_article_is_word_byte(
		    (unsigned char)text[i]))
			i++;
		if ((out->len && buf_putc(out, ' ')) || buf_putc(out, '"') ||
		    buf_put(out, text + start, i - start) ||
		    buf_putc(out, '"'))
			return ND_ELIMIT;
	}
	return ND_OK;
}

/* Search with st_id (STMT_ARTICLE_SEARCH or _SNIPPETS). */
static enum nd_err
sqlite_article_find(struct store *s, enum stmt st_id, const char *query,
    size_t limit, size_t offset, struct article_list *out,
    struct strlist *snippets, struct nd_error *err)
{
	struct sqlite_conn *c = s->priv;
	struct buf fts;
	sqlite3_stmt *st;
	enum nd_err e;

	buf_init(&fts, SQLITE_QUERY_MAX);
	if (sqlite_article_fts_query(query, &fts) != ND_OK) {
		e = nd_error_set(err, ND_ELIMIT, "search '%s' is too long",
		    query);
		goto out;
	}
	e = ND_OK;
	if (fts.len == 0)
		goto out;
	if ((st = sqlite_stmt_get(c, st_id, err)) == NULL) {
		e = ND_ESTORE;
		goto out;
	}
	sqlite3_bind_text(st, 1, fts.ptr, (int)fts.len, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, (int64_t)limit);
	sqlite3_bind_int64(st, 3, (int64_t)offset);
	e = sqlite_article_collect_extra(c, st, out, snippets, err);
	if (e != ND_OK && snippets)
		strlist_release(snippets);
out:
	buf_release(&fts);
	return e;
}

enum nd_err
sqlite_article_search(struct store *s, const char *query, size_t limit,
    size_t offset, struct article_list *out, struct nd_error *err)
{
	return sqlite_article_find(s, STMT_ARTICLE_SEARCH, query, limit,
	    offset, out, NULL, err);
}

enum nd_err
sqlite_article_snippets(struct store *s, const char *query, size_t limit,
    size_t offset, struct article_list *out, struct strlist *snippets,
    struct nd_error *err)
{
	return sqlite_article_find(s, STMT_ARTICLE_SNIPPETS, query, limit,
	    offset, out, snippets, err);
}

static enum nd_err
sqlite_article_exists(struct sqlite_conn *c, int64_t id,
    struct nd_error *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((st = sqlite_stmt_get(c, STMT_ARTICLE_EXISTS, err)) == NULL)
		return ND_ESTORE;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite_stmt_step(st);
	sqlite_stmt_done(st);
	if (rc == SQLITE_DONE)
		return nd_error_set(err, ND_ENOTFOUND, "store '%s': no "
		    "article %lld", c->dsn, (long long)id);
	if (rc != SQLITE_ROW)
		return sqlite_stmt_fail(c, "cannot read an article", err);
	return ND_OK;
}

enum nd_err
sqlite_article_set_topics(struct store *s, int64_t id,
    const struct strlist *slugs, struct nd_error *err)
{
	struct sqlite_conn *c = s->priv;
	char label[32];
	enum nd_err e;

	snprintf(label, sizeof(label), "%lld", (long long)id);
	if ((e = sqlite_stmt_begin(c, err)) != ND_OK)
		return e;
	e = sqlite_article_exists(c, id, err);
	if (e == ND_OK)
		e = sqlite_article_put_links(c, id, label, slugs, err);
	return sqlite_stmt_end(c, e, err);
}

enum nd_err
sqlite_article_count(struct store *s, int64_t *n, struct nd_error *err)
{
	struct sqlite_conn *c = s->priv;
	sqlite3_stmt *st;
	enum nd_err e = ND_OK;

	if ((st = sqlite_stmt_get(c, STMT_ARTICLE_COUNT, err)) == NULL)
		return ND_ESTORE;
	if (sqlite_stmt_step(st) == SQLITE_ROW)
		*n = sqlite3_column_int64(st, 0);
	else
		e = sqlite_stmt_fail(c, "cannot count articles", err);
	sqlite_stmt_done(st);
	return e;
}

/* Up to SQLITE_EACH_BATCH ids greater than after, in order. */
static enum nd_err
sqlite_article_ids(struct sqlite_conn *c, int64_t after, int64_t *ids,
    size_t *n, struct nd_error *err)
{
	sqlite3_stmt *st;
	int rc = SQLITE_DONE;

	*n = 0;
	if ((st = sqlite_stmt_get(c, STMT_ARTICLE_IDS_AFTER, err)) == NULL)
		return ND_ESTORE;
	sqlite3_bind_int64(st, 1, after);
	sqlite3_bind_int(st, 2, SQLITE_EACH_BATCH);
	while (*n < SQLITE_EACH_BATCH &&
	    (rc = sqlite_stmt_step(st)) == SQLITE_ROW)
		ids[(*n)++] = sqlite3_column_int64(st, 0);
	sqlite_stmt_done(st);
	if (*n < SQLITE_EACH_BATCH && rc != SQLITE_DONE)
		return sqlite_stmt_fail(c, "cannot list articles", err);
	return ND_OK;
}

/* Ids are read a batch at a time and no statement stays open while fn
 * runs, so fn may write to the store (an article it deletes is
 * skipped). */
enum nd_err
sqlite_article_each(struct store *s,
    enum nd_err (*fn)(struct article *, void *), void *arg,
    struct nd_error *err)
{
	int64_t ids[SQLITE_EACH_BATCH], after = 0;
	struct article *a;
	enum nd_err e;
	size_t n, i;

	do {
		if ((e = sqlite_article_ids(s->priv, after, ids, &n, err)))
			return e;
		for (i = 0; i < n; i++) {
			after = ids[i];
			e = sqlite_article_get(s, ids[i], &a, err);
			if (e == ND_ENOTFOUND) {
				nd_error_clear(err);
				continue;
			}
			if (e == ND_OK)
				e = fn(a, arg);
			article_free(a);
			if (e != ND_OK)
				return e;
		}
	} while (n == SQLITE_EACH_BATCH);
	return ND_OK;
}
