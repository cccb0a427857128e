#include "testutil.h"

#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/dedupe.h"
#include "store/migrations.h"
#include "store/store.h"
#include "util/strlist.h"
#include "util/xalloc.h"

/* Each test gets a fresh migrated store in a new temporary folder; the
 * file sits in a sub folder that store_open must create. */
struct fixture {
	char dir[64];
	struct buf dsn;
	struct store *s;
};

static void
cleanup_dir(const char *dir)
{
	static const char *const names[] = {"db/news.db", "db/news.db-wal",
	    "db/news.db-shm", "db/news.db-journal", "file", NULL};
	struct buf p = BUF_INIT;
	size_t i;

	for (i = 0; names[i]; i++) {
		buf_clear(&p);
		buf_printf(&p, "%s/%s", dir, names[i]);
		unlink(p.ptr);
	}
	buf_clear(&p);
	buf_printf(&p, "%s/db", dir);
	rmdir(p.ptr);
	rmdir(dir);
	buf_release(&p);
}

static int
setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof(*f));
	struct nd_error err;

	snprintf(f->dir, sizeof(f->dir), "/tmp/nd-store-XXXXXX");
	if (mkdtemp(f->dir) == NULL)
		return -1;
	buf_init(&f->dsn, 4096);
	buf_printf(&f->dsn, "%s/db/news.db", f->dir);
	if (store_open(f->dsn.ptr, &f->s, &err) != ND_OK ||
	    store_migrate(f->s, NULL, NULL, &err) != ND_OK) {
		print_error("%s\n", err.msg);
		return -1;
	}
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	store_close(f->s);
	cleanup_dir(f->dir);
	buf_release(&f->dsn);
	free(f);
	return 0;
}

static struct store *
fx_store(void **state)
{
	return ((struct fixture *)*state)->s;
}

/* Paragraphs of text: blank-line separated, outer line breaks cut. */
static void
add_paragraphs(struct article *a, const char *text)
{
	const char *p = text, *q;
	size_t n;

	while (*p) {
		while (*p == '\n')
			p++;
		q = strstr(p, "\n\n");
		n = q ? (size_t)(q - p) : strlen(p);
		while (n && p[n - 1] == '\n')
			n--;
		if (n)
			strlist_pushn(&a->body, p, n);
		p += q ? (size_t)(q - p) : strlen(p);
	}
}

static struct article *
make_article(const char *url, const char *source, const char *headline,
    const char *body, int64_t published)
{
	struct article *a = article_new();

	a->url = xstrdup(url);
	a->source = xstrdup(source);
	a->headline = xstrdup(headline);
	if (body) {
		add_paragraphs(a, body);
		a->simhash = dedupe_simhash(body, strlen(body));
	}
	a->published = published;
	a->published_has_time = 1;
	return a;
}

/* Put a and free it; returns its id. */
static int64_t
put_free(struct store *s, struct article *a)
{
	struct nd_error err;
	int64_t id;

	if (store_article_put(s, a, NULL, &err) != ND_OK)
		fail_msg("%s", err.msg);
	id = a->id;
	article_free(a);
	return id;
}

static void
add_topic(struct store *s, const char *slug, const char *name)
{
	struct topic t = {0, (char *)slug, (char *)name, (char *)"x"};
	struct nd_error err;

	if (store_topic_put(s, &t, &err) != ND_OK)
		fail_msg("%s", err.msg);
}

static int64_t
count(struct store *s)
{
	struct nd_error err;
	int64_t n = -1;

	assert_int_equal(store_article_count(s, &n, &err), ND_OK);
	return n;
}

static void
open_creates_folder_and_migrates_once(void **state)
{
	char dir[] = "/tmp/nd-store-XXXXXX";
	struct buf dsn = BUF_INIT;
	struct store *s;
	struct nd_error err;
	struct stat st;
	int v = -1, from = -1, to = -1;

	(void)state;
	assert_non_null(mkdtemp(dir));
	buf_printf(&dsn, "%s/db/news.db", dir);
	assert_int_equal(store_open(dsn.ptr, &s, &err), ND_OK);
	assert_int_equal(stat(dsn.ptr, &st), 0);
	assert_int_equal(store_version(s, &v, &err), ND_OK);
	assert_int_equal(v, 0);
	assert_int_equal(store_migrate(s, &from, &to, &err), ND_OK);
	assert_int_equal(from, 0);
	assert_int_equal(to, store_latest_version());
	assert_int_equal(store_migrate(s, &from, &to, &err), ND_OK);
	assert_int_equal(from, store_latest_version());
	assert_int_equal(to, store_latest_version());
	assert_int_equal(store_version(s, &v, &err), ND_OK);
	assert_int_equal(v, store_latest_version());
	store_close(s);
	/* reopening sees the migrated schema */
	assert_int_equal(store_open(dsn.ptr, &s, &err), ND_OK);
	assert_int_equal(store_version(s, &v, &err), ND_OK);
	assert_int_equal(v, store_latest_version());
	store_close(s);
	cleanup_dir(dir);
	buf_release(&dsn);
}

static void
latest_version_matches_the_migration_list(void **state)
{
	(void)state;
	assert_true(migrations_sqlite_n > 0);
	assert_int_equal(migrations_sqlite[migrations_sqlite_n - 1].version,
	    MIGRATIONS_SQLITE_LATEST);
	assert_int_equal(store_latest_version(), MIGRATIONS_SQLITE_LATEST);
}

static void
memory_store_works(void **state)
{
	struct store *s;
	struct nd_error err;
	int64_t id;

	(void)state;
	assert_int_equal(store_open(":memory:", &s, &err), ND_OK);
	assert_int_equal(store_migrate(s, NULL, NULL, &err), ND_OK);
	assert_int_equal(store_ping(s, &err), ND_OK);
	id = put_free(s, make_article("https://m.example/1", "m", "Hello",
	    "Some text.", 100));
	assert_true(id > 0);
	assert_int_equal(count(s), 1);
	store_close(s);
}

static void
postgres_dsn_is_not_built_in(void **state)
{
	struct store *s = (struct store *)1;
	struct nd_error err;

	(void)state;
	assert_int_equal(store_open("postgres://nd@db.example/news", &s,
	    &err), ND_EINVAL);
	assert_null(s);
	assert_string_equal(err.msg, "postgresql store is not built in yet: "
	    "'postgres://nd@db.example/news'");
	assert_int_equal(store_open("postgresql://db.example/news", &s,
	    &err), ND_EINVAL);
	assert_int_equal(store_open("", &s, &err), ND_EINVAL);
}

static void
unopenable_paths_are_named(void **state)
{
	char dir[] = "/tmp/nd-store-XXXXXX";
	struct buf p = BUF_INIT;
	struct store *s;
	struct nd_error err;
	FILE *fp;

	(void)state;
	assert_non_null(mkdtemp(dir));
	/* a folder where the file should be */
	assert_int_equal(store_open(dir, &s, &err), ND_ESTORE);
	assert_null(s);
	assert_non_null(strstr(err.msg, dir));
	/* a plain file where a parent folder should be */
	buf_printf(&p, "%s/file", dir);
	fp = fopen(p.ptr, "w");
	assert_non_null(fp);
	fclose(fp);
	buf_puts(&p, "/sub/news.db");
	assert_int_equal(store_open(p.ptr, &s, &err), ND_EIO);
	assert_non_null(strstr(err.msg, p.ptr));
	assert_non_null(strstr(err.msg, "cannot create folder"));
	cleanup_dir(dir);
	buf_release(&p);
}

static void
ping_answers(void **state)
{
	struct nd_error err;

	assert_int_equal(store_ping(fx_store(state), &err), ND_OK);
}

static struct article *
full_article(void)
{
	struct article *a = article_new();

	a->url = xstrdup("https://news.example/z\xC3\xBCrich-tram?utm=1");
	a->canonical_url = xstrdup("https://news.example/zurich-tram");
	a->source = xstrdup("Example News");
	a->headline = xstrdup("Z\xC3\xBCrich opens new tram line to "
	    "\xE6\x9D\xB1\xE4\xBA\xAC-style depot");
	a->standfirst = xstrdup("Commuters \xE2\x80\x9C" "delighted"
	    "\xE2\x80\x9D, officials say");
	strlist_push(&a->byline, "Anna Kov\xC3\xA1\xC4\x8D");
	strlist_push(&a->byline, "Bo Lind");
	strlist_push(&a->byline, "Anna Kov\xC3\xA1\xC4\x8D");
	a->dateline = xstrdup("Z\xC3\xBCrich");
	a->published = 1700000000;
	a->published_has_time = 1;
	a->updated = 1700003600;
	a->image_url = xstrdup("https://news.example/img/tram.jpg");
	a->image_caption = xstrdup("The first tram leaves the depot");
	a->image_credit = xstrdup("Photo: Desk");
	strlist_push(&a->body, "First paragraph with \"quotes\" and 'ticks'.");
	strlist_push(&a->body, "Second one\nwith a single line break.");
	strlist_push(&a->body, "Third: \xC3\xA9t\xC3\xA9 \xF0\x9F\x9A\x8B.");
	a->credits = xstrdup("Additional reporting by Desk");
	a->lang = xstrdup("en");
	a->section = xstrdup("Transport");
	a->simhash = 0xfedcba9876543210ULL;
	a->comment_count = 7;
	return a;
}

static void
assert_same_strings(const struct strlist *x, const struct strlist *y)
{
	size_t i;

	assert_int_equal(x->n, y->n);
	for (i = 0; i < x->n; i++)
		assert_string_equal(x->v[i], y->v[i]);
}

static void
put_get_round_trips_every_field(void **state)
{
	struct store *s = fx_store(state);
	struct article *a = full_article(), *b;
	struct nd_error err;
	enum store_put what = STORE_UPDATED;

	add_topic(s, "transport", "Transport");
	add_topic(s, "cities", "Cities");
	strlist_push(&a->topics, "transport");
	strlist_push(&a->topics, "cities");
	assert_int_equal(store_article_put(s, a, &what, &err), ND_OK);
	assert_int_equal(what, STORE_CREATED);
	assert_true(a->id > 0);
	assert_int_equal(a->story_id, a->id);
	assert_int_equal(store_article_get(s, a->id, &b, &err), ND_OK);
	assert_int_equal(b->id, a->id);
	assert_string_equal(b->url, a->url);
	assert_string_equal(b->canonical_url, a->canonical_url);
	assert_string_equal(b->source, a->source);
	assert_string_equal(b->headline, a->headline);
	assert_string_equal(b->standfirst, a->standfirst);
	assert_same_strings(&b->byline, &a->byline);
	assert_string_equal(b->dateline, a->dateline);
	assert_int_equal(b->published, a->published);
	assert_int_equal(b->published_has_time, 1);
	assert_int_equal(b->updated, a->updated);
	assert_string_equal(b->image_url, a->image_url);
	assert_string_equal(b->image_caption, a->image_caption);
	assert_string_equal(b->image_credit, a->image_credit);
	assert_same_strings(&b->body, &a->body);
	assert_string_equal(b->credits, a->credits);
	assert_string_equal(b->lang, a->lang);
	assert_string_equal(b->section, a->section);
	assert_int_equal(b->topics.n, 2);	/* sorted by slug */
	assert_string_equal(b->topics.v[0], "cities");
	assert_string_equal(b->topics.v[1], "transport");
	assert_int_equal(b->story_id, a->id);
	assert_true(b->simhash == 0xfedcba9876543210ULL);
	assert_int_equal(b->comment_count, 7);
	article_free(b);
	article_free(a);
}

static void
missing_fields_come_back_null(void **state)
{
	struct store *s = fx_store(state);
	struct article *a = article_new(), *b;
	struct nd_error err;

	a->url = xstrdup("https://news.example/bare");
	assert_int_equal(store_article_put(s, a, NULL, &err), ND_OK);
	assert_int_equal(store_article_get(s, a->id, &b, &err), ND_OK);
	assert_string_equal(b->url, "https://news.example/bare");
	/* the match key: canonical url falls back to url */
	assert_string_equal(b->canonical_url, "https://news.example/bare");
	assert_null(b->source);
	assert_null(b->headline);
	assert_null(b->standfirst);
	assert_null(b->dateline);
	assert_null(b->image_url);
	assert_null(b->image_caption);
	assert_null(b->image_credit);
	assert_null(b->credits);
	assert_null(b->lang);
	assert_null(b->section);
	assert_int_equal(b->byline.n, 0);
	assert_int_equal(b->body.n, 0);
	assert_int_equal(b->topics.n, 0);
	assert_int_equal(b->published, 0);
	assert_int_equal(b->published_has_time, 0);
	assert_int_equal(b->updated, 0);
	assert_true(b->simhash == 0);
	assert_int_equal(b->comment_count, 0);
	article_free(b);
	article_free(a);
}

static void
get_unknown_id_is_not_found(void **state)
{
	struct article *b = (struct article *)1;
	struct nd_error err;

	assert_int_equal(store_article_get(fx_store(state), 4242, &b, &err),
	    ND_ENOTFOUND);
	assert_null(b);
	assert_non_null(strstr(err.msg, "4242"));
}

static void
article_without_url_is_refused(void **state)
{
	struct article *a = article_new();
	struct nd_error err;

	a->headline = xstrdup("Nowhere");
	assert_int_equal(store_article_put(fx_store(state), a, NULL, &err),
	    ND_EINVAL);
	assert_string_equal(err.msg, "article has no url");
	assert_int_equal(count(fx_store(state)), 0);
	article_free(a);
}

static void
unstorable_paragraphs_are_refused(void **state)
{
	struct article *a = make_article("https://news.example/p", "s", "P",
	    "fine", 10);
	struct nd_error err;

	strlist_push(&a->body, "");
	assert_int_equal(store_article_put(fx_store(state), a, NULL, &err),
	    ND_EINVAL);
	assert_non_null(strstr(err.msg, "paragraph 2 is empty"));
	free(a->body.v[1]);
	a->body.v[1] = xstrdup("two\n\nparts");
	assert_int_equal(store_article_put(fx_store(state), a, NULL, &err),
	    ND_EINVAL);
	assert_non_null(strstr(err.msg, "https://news.example/p"));
	assert_int_equal(count(fx_store(state)), 0);
	article_free(a);
}

static void
same_canonical_url_updates_in_place(void **state)
{
	struct store *s = fx_store(state);
	struct article *a = full_article(), *b;
	struct nd_error err;
	enum store_put what;
	int64_t id, story;

	assert_int_equal(store_article_put(s, a, &what, &err), ND_OK);
	id = a->id;
	story = a->story_id;
	article_free(a);
	a = full_article();
	free(a->url);
	a->url = xstrdup("https://mirror.example/other-path");
	free(a->headline);
	a->headline = xstrdup("Tram line delayed");
	strlist_release(&a->byline);
	strlist_push(&a->byline, "Cy Dunn");
	a->comment_count = 0;
	assert_int_equal(store_article_put(s, a, &what, &err), ND_OK);
	assert_int_equal(what, STORE_UPDATED);
	assert_int_equal(a->id, id);
	assert_int_equal(a->story_id, story);
	assert_int_equal(count(s), 1);
	assert_int_equal(store_article_get(s, id, &b, &err), ND_OK);
	assert_string_equal(b->headline, "Tram line delayed");
	assert_string_equal(b->url, "https://mirror.example/other-path");
	assert_int_equal(b->byline.n, 1);
	assert_string_equal(b->byline.v[0], "Cy Dunn");
	/* the comment count belongs to the comments, not to the feed */
	assert_int_equal(b->comment_count, 7);
	article_free(b);
	article_free(a);
}

static void
near_duplicates_from_other_sources_share_a_story(void **state)
{
	struct store *s = fx_store(state);
	char *story = test_data("dedupe/story.txt", NULL);
	char *other = test_data("dedupe/other.txt", NULL);
	char *copy = xstrdup(story), *w;
	struct article *a;
	struct nd_error err;
	int64_t first, dup, same_src, unrelated;

	/* the wire copy with one word changed: "Tuesday" -> "Monday" */
	w = strstr(copy, "Tuesday");
	assert_non_null(w);
	memcpy(w, "Monday ", 7);
	first = put_free(s, make_article("https://a.example/1", "a.example",
	    "Ferry terminal to close", story, 100));
	/* the same text again from the same source is its own story */
	a = make_article("https://a.example/2", "a.example", "Again", story,
	    300);
	assert_int_equal(store_article_put(s, a, NULL, &err), ND_OK);
	same_src = a->id;
	assert_int_equal(a->story_id, same_src);
	article_free(a);
	/* another source: joins the closest, the oldest on a tie */
	a = make_article("https://b.example/9", "b.example",
	    "Old ferry terminal closing", copy, 200);
	assert_int_equal(store_article_put(s, a, NULL, &err), ND_OK);
	dup = a->id;
	assert_int_not_equal(dup, first);
	assert_int_equal(a->story_id, first);
	article_free(a);
	a = make_article("https://c.example/3", "c.example", "Comet", other,
	    400);
	assert_int_equal(store_article_put(s, a, NULL, &err), ND_OK);
	unrelated = a->id;
	assert_int_equal(a->story_id, unrelated);
	article_free(a);
	/* the story id is stored and read back */
	assert_int_equal(store_article_get(s, dup, &a, &err), ND_OK);
	assert_int_equal(a->story_id, first);
	article_free(a);
	free(copy);
	free(other);
	free(story);
}

static void
article_without_fingerprint_starts_its_own_story(void **state)
{
	struct store *s = fx_store(state);
	int64_t x, y;

	x = put_free(s, make_article("https://a.example/s1", "a", "Short",
	    "Too short.", 1));
	y = put_free(s, make_article("https://b.example/s2", "b", "Short",
	    "Too short.", 2));
	assert_int_not_equal(x, y);
	{
		struct article *a;
		struct nd_error err;

		assert_int_equal(store_article_get(s, y, &a, &err), ND_OK);
		assert_int_equal(a->story_id, y);
		article_free(a);
	}
}

static void
list_is_newest_first_with_filters_and_paging(void **state)
{
	struct store *s = fx_store(state);
	struct article_list l = ARTICLE_LIST_INIT;
	struct article_query q = {NULL, 0, 0, 0, 0};
	struct article *a;
	struct nd_error err;
	static const int64_t pub[5] = {1040, 1010, 1020, 1010, 1000};
	int64_t ids[5];
	int i;

	add_topic(s, "harbour", "Harbour");
	for (i = 0; i < 5; i++) {
		struct buf url = BUF_INIT;

		buf_printf(&url, "https://news.example/%d", i);
		a = make_article(url.ptr, "news", "Item", NULL, pub[i]);
		if (i % 2 == 0)
			strlist_push(&a->topics, "harbour");
		ids[i] = put_free(s, a);
		buf_release(&url);
	}
	assert_int_equal(store_article_list(s, &q, &l, &err), ND_OK);
	assert_int_equal(l.n, 5);
	assert_int_equal(l.v[0]->id, ids[0]);
	assert_int_equal(l.v[1]->id, ids[2]);
	assert_int_equal(l.v[2]->id, ids[3]);	/* tie: higher id first */
	assert_int_equal(l.v[3]->id, ids[1]);
	assert_int_equal(l.v[4]->id, ids[4]);
	assert_int_equal(l.v[1]->topics.n, 1);	/* complete articles */
	article_list_release(&l);
	q.topic = "harbour";
	assert_int_equal(store_article_list(s, &q, &l, &err), ND_OK);
	assert_int_equal(l.n, 3);
	assert_int_equal(l.v[0]->id, ids[0]);
	assert_int_equal(l.v[2]->id, ids[4]);
	article_list_release(&l);
	q.topic = NULL;
	q.since = 1015;
	assert_int_equal(store_article_list(s, &q, &l, &err), ND_OK);
	assert_int_equal(l.n, 2);
	article_list_release(&l);
	q.since = 0;
	q.story_id = ids[3];
	assert_int_equal(store_article_list(s, &q, &l, &err), ND_OK);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.v[0]->id, ids[3]);
	article_list_release(&l);
	q.story_id = 0;
	q.limit = 2;
	q.offset = 2;
	assert_int_equal(store_article_list(s, &q, &l, &err), ND_OK);
	assert_int_equal(l.n, 2);
	assert_int_equal(l.v[0]->id, ids[3]);
	assert_int_equal(l.v[1]->id, ids[1]);
	article_list_release(&l);
	q.topic = "no-such-topic";
	q.offset = 0;
	assert_int_equal(store_article_list(s, &q, &l, &err), ND_OK);
	assert_int_equal(l.n, 0);
	/* NULL query: everything, default limit */
	assert_int_equal(store_article_list(s, NULL, &l, &err), ND_OK);
	assert_int_equal(l.n, 5);
	article_list_release(&l);
}

static void
snippets_mark_the_terms(void **state)
{
	struct store *s = fx_store(state);
	struct article_list l = ARTICLE_LIST_INIT;
	struct strlist snip = STRLIST_INIT;
	struct nd_error err;

	put_free(s, make_article("https://s.example/1", "s", "Storm hits",
	    "Waves broke over the harbour wall at dawn.", 1));
	put_free(s, make_article("https://s.example/2", "s", "Comet seen",
	    "Astronomers saw a comet.", 2));
	assert_int_equal(store_article_snippets(s, "harbour", 0, 0, &l, &snip,
	    &err), ND_OK);
	assert_int_equal(l.n, 1);
	assert_int_equal(snip.n, 1);
	assert_non_null(strstr(snip.v[0], STORE_MARK_OPEN "harbour"
	    STORE_MARK_CLOSE));
	article_list_release(&l);
	strlist_release(&snip);
	assert_int_equal(store_article_snippets(s, "\"*)", 0, 0, &l, &snip,
	    &err), ND_OK);
	assert_int_equal(l.n, 0);
	assert_int_equal(snip.n, 0);
}

static void
topic_get_by_slug(void **state)
{
	struct store *s = fx_store(state);
	struct topic t = {0, (char *)"energy", (char *)"Energy",
	    (char *)"wind OR coal"}, got;
	struct nd_error err;

	assert_int_equal(store_topic_put(s, &t, &err), ND_OK);
	assert_int_equal(store_topic_get(s, "energy", &got, &err), ND_OK);
	assert_string_equal(got.name, "Energy");
	assert_string_equal(got.expr, "wind OR coal");
	assert_true(got.id > 0);
	topic_release(&got);
	assert_int_equal(store_topic_get(s, "nope", &got, &err),
	    ND_ENOTFOUND);
	assert_int_equal(store_topic_get(s, "Bad Slug", &got, &err),
	    ND_EINVAL);
}

static void
search_ranks_and_matches(void **state)
{
	struct store *s = fx_store(state);
	struct article_list l = ARTICLE_LIST_INIT;
	struct article *a;
	struct nd_error err;
	int64_t head, body, none, cafe;

	a = make_article("https://s.example/1", "s", "Storm hits harbour",
	    "Waves broke over the harbour wall and the harbour master "
	    "closed the port.", 1);
	head = put_free(s, a);
	a = make_article("https://s.example/2", "s", "Council budget",
	    "The budget includes a small sum for harbour lighting among "
	    "many other items for roads, schools, parks and libraries.", 2);
	body = put_free(s, a);
	none = put_free(s, make_article("https://s.example/3", "s",
	    "Comet seen", "Astronomers saw a comet.", 3));
	cafe = put_free(s, make_article("https://s.example/4", "s",
	    "Caf\xC3\xA9 reopens", "The caf\xC3\xA9 on the quay reopened.",
	    4));
	assert_int_equal(store_article_search(s, "harbour", 0, 0, &l, &err),
	    ND_OK);
	assert_int_equal(l.n, 2);
	assert_int_equal(l.v[0]->id, head);	/* headline and body: best */
	assert_int_equal(l.v[1]->id, body);
	assert_int_not_equal(l.v[1]->id, none);
	article_list_release(&l);
	/* words are ANDed */
	assert_int_equal(store_article_search(s, "harbour budget", 0, 0, &l,
	    &err), ND_OK);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.v[0]->id, body);
	article_list_release(&l);
	/* accents folded both ways */
	assert_int_equal(store_article_search(s, "CAFE", 0, 0, &l, &err),
	    ND_OK);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.v[0]->id, cafe);
	article_list_release(&l);
	/* paging */
	assert_int_equal(store_article_search(s, "harbour", 1, 1, &l, &err),
	    ND_OK);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.v[0]->id, body);
	article_list_release(&l);
}

static void
search_survives_hostile_syntax(void **state)
{
	static const char *const hostile[] = {"\"", "AND (", "*", "NEAR(",
	    "harbour\" OR \"x", ")", "^harbour", "headline:harbour", "-",
	    "NOT", "\"\"\"", "a AND", "NEAR(harbour wall, 2)", "{x y}: z",
	    "\xE2\x80\x94", "\xFF\xFE", NULL};
	struct store *s = fx_store(state);
	struct article_list l = ARTICLE_LIST_INIT;
	struct nd_error err;
	size_t i;

	put_free(s, make_article("https://s.example/1", "s",
	    "Storm hits harbour", "Waves broke over the harbour wall.", 1));
	for (i = 0; hostile[i]; i++) {
		if (store_article_search(s, hostile[i], 0, 0, &l, &err))
			fail_msg("'%s': %s", hostile[i], err.msg);
		article_list_release(&l);
	}
	/* operators are plain words, all ANDed: "near" and "2" are not in
	 * the article, so no hit; brackets and stars are separators */
	assert_int_equal(store_article_search(s, "NEAR(harbour wall, 2)", 0,
	    0, &l, &err), ND_OK);
	assert_int_equal(l.n, 0);
	assert_int_equal(store_article_search(s, "(harbour* wall)", 0, 0,
	    &l, &err), ND_OK);
	assert_int_equal(l.n, 1);
	article_list_release(&l);
}

static void
search_empty_and_too_long(void **state)
{
	struct store *s = fx_store(state);
	struct article_list l = ARTICLE_LIST_INIT;
	struct nd_error err;
	char big[300];

	put_free(s, make_article("https://s.example/1", "s", "Storm",
	    "Waves.", 1));
	assert_int_equal(store_article_search(s, "", 0, 0, &l, &err), ND_OK);
	assert_int_equal(l.n, 0);
	assert_int_equal(store_article_search(s, " ;;; ", 0, 0, &l, &err),
	    ND_OK);
	assert_int_equal(l.n, 0);
	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	assert_int_equal(store_article_search(s, big, 0, 0, &l, &err),
	    ND_ELIMIT);
	assert_non_null(strstr(err.msg, "256"));
	big[256] = '\0';	/* exactly at the limit is fine */
	assert_int_equal(store_article_search(s, big, 0, 0, &l, &err), ND_OK);
	assert_int_equal(l.n, 0);
}

static void
search_follows_updates(void **state)
{
	struct store *s = fx_store(state);
	struct article_list l = ARTICLE_LIST_INIT;
	struct nd_error err;

	put_free(s, make_article("https://s.example/1", "s", "Storm hits "
	    "harbour", "Waves.", 1));
	put_free(s, make_article("https://s.example/1", "s", "Calm returns",
	    "Waves.", 1));
	assert_int_equal(store_article_search(s, "storm", 0, 0, &l, &err),
	    ND_OK);
	assert_int_equal(l.n, 0);
	assert_int_equal(store_article_search(s, "calm", 0, 0, &l, &err),
	    ND_OK);
	assert_int_equal(l.n, 1);
	article_list_release(&l);
}

static void
topics_put_list_rm(void **state)
{
	struct store *s = fx_store(state);
	struct topic_list l = {NULL, 0};
	struct topic t = {0, (char *)"energy", (char *)"Energy",
	    (char *)"wind OR solar"};
	struct nd_error err;

	add_topic(s, "zoo", "Animals");
	add_topic(s, "ferries", "Ferries");
	assert_int_equal(store_topic_put(s, &t, &err), ND_OK);
	/* same slug: name and rule change, no second row */
	t.name = (char *)"Clean energy";
	t.expr = (char *)"wind OR solar OR tidal";
	assert_int_equal(store_topic_put(s, &t, &err), ND_OK);
	assert_int_equal(store_topic_list(s, &l, &err), ND_OK);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.v[0].name, "Animals");	/* by name */
	assert_string_equal(l.v[1].slug, "energy");
	assert_string_equal(l.v[1].name, "Clean energy");
	assert_string_equal(l.v[1].expr, "wind OR solar OR tidal");
	assert_true(l.v[1].id > 0);
	assert_string_equal(l.v[2].slug, "ferries");
	topic_list_release(&l);
	assert_int_equal(store_topic_rm(s, "zoo", &err), ND_OK);
	assert_int_equal(store_topic_rm(s, "zoo", &err), ND_ENOTFOUND);
	assert_string_equal(err.msg, "no topic 'zoo'");
	assert_int_equal(store_topic_list(s, &l, &err), ND_OK);
	assert_int_equal(l.n, 2);
	topic_list_release(&l);
}

static void
bad_topics_are_refused(void **state)
{
	struct store *s = fx_store(state);
	struct topic t = {0, (char *)"Big News", (char *)"Big", (char *)"x"};
	struct nd_error err;
	char longslug[80];

	assert_int_equal(store_topic_put(s, &t, &err), ND_EINVAL);
	assert_non_null(strstr(err.msg, "'Big News'"));
	t.slug = (char *)"";
	assert_int_equal(store_topic_put(s, &t, &err), ND_EINVAL);
	memset(longslug, 'a', sizeof(longslug) - 1);
	longslug[sizeof(longslug) - 1] = '\0';
	t.slug = longslug;
	assert_int_equal(store_topic_put(s, &t, &err), ND_EINVAL);
	t.slug = (char *)"ok";
	t.name = NULL;
	assert_int_equal(store_topic_put(s, &t, &err), ND_EINVAL);
	t.name = (char *)"Ok";
	t.expr = NULL;
	assert_int_equal(store_topic_put(s, &t, &err), ND_EINVAL);
}

static void
removing_a_topic_unlinks_articles(void **state)
{
	struct store *s = fx_store(state);
	struct article *a;
	struct nd_error err;
	int64_t id;

	add_topic(s, "rail", "Rail");
	add_topic(s, "bus", "Bus");
	a = make_article("https://t.example/1", "t", "Trains", NULL, 1);
	strlist_push(&a->topics, "rail");
	strlist_push(&a->topics, "bus");
	id = put_free(s, a);
	assert_int_equal(store_topic_rm(s, "rail", &err), ND_OK);
	assert_int_equal(store_article_get(s, id, &a, &err), ND_OK);
	assert_int_equal(a->topics.n, 1);
	assert_string_equal(a->topics.v[0], "bus");
	article_free(a);
}

static void
unknown_topic_rolls_the_whole_put_back(void **state)
{
	struct store *s = fx_store(state);
	struct article *a, *b;
	struct nd_error err;
	int64_t id;

	add_topic(s, "rail", "Rail");
	a = make_article("https://t.example/1", "t", "Trains", "Text.", 1);
	strlist_push(&a->byline, "Ed Ward");
	strlist_push(&a->topics, "rail");
	strlist_push(&a->topics, "no-such-topic");
	assert_int_equal(store_article_put(s, a, NULL, &err), ND_EINVAL);
	assert_non_null(strstr(err.msg, "'no-such-topic'"));
	assert_non_null(strstr(err.msg, "https://t.example/1"));
	assert_int_equal(a->id, 0);
	assert_int_equal(count(s), 0);
	article_free(a);
	/* an update that fails leaves the stored version untouched */
	a = make_article("https://t.example/1", "t", "Trains", "Text.", 1);
	strlist_push(&a->topics, "rail");
	id = put_free(s, a);
	a = make_article("https://t.example/1", "t", "Buses", "Other.", 2);
	strlist_push(&a->topics, "nope");
	assert_int_equal(store_article_put(s, a, NULL, &err), ND_EINVAL);
	article_free(a);
	assert_int_equal(store_article_get(s, id, &b, &err), ND_OK);
	assert_string_equal(b->headline, "Trains");
	assert_int_equal(b->topics.n, 1);
	article_free(b);
	/* and the store still works: the transaction was closed */
	assert_int_equal(count(s), 1);
	add_topic(s, "nope", "Nope");
}

static void
set_topics_replaces_links(void **state)
{
	struct store *s = fx_store(state);
	struct strlist slugs = STRLIST_INIT;
	struct article *a;
	struct nd_error err;
	int64_t id;

	add_topic(s, "rail", "Rail");
	add_topic(s, "bus", "Bus");
	add_topic(s, "air", "Air");
	a = make_article("https://t.example/1", "t", "Trains", NULL, 1);
	strlist_push(&a->topics, "rail");
	id = put_free(s, a);
	strlist_push(&slugs, "bus");
	strlist_push(&slugs, "air");
	strlist_push(&slugs, "bus");	/* duplicates are harmless */
	assert_int_equal(store_article_set_topics(s, id, &slugs, &err),
	    ND_OK);
	assert_int_equal(store_article_get(s, id, &a, &err), ND_OK);
	assert_int_equal(a->topics.n, 2);
	assert_string_equal(a->topics.v[0], "air");
	assert_string_equal(a->topics.v[1], "bus");
	article_free(a);
	/* an unknown slug changes nothing */
	strlist_push(&slugs, "sea");
	assert_int_equal(store_article_set_topics(s, id, &slugs, &err),
	    ND_EINVAL);
	assert_non_null(strstr(err.msg, "'sea'"));
	assert_int_equal(store_article_get(s, id, &a, &err), ND_OK);
	assert_int_equal(a->topics.n, 2);
	article_free(a);
	assert_int_equal(store_article_set_topics(s, id + 100, &slugs, &err),
	    ND_ENOTFOUND);
	/* NULL clears */
	assert_int_equal(store_article_set_topics(s, id, NULL, &err), ND_OK);
	assert_int_equal(store_article_get(s, id, &a, &err), ND_OK);
	assert_int_equal(a->topics.n, 0);
	article_free(a);
	strlist_release(&slugs);
}

struct each_state {
	struct store *s;
	int64_t last;
	int seen;
	int stop_at;
};

static enum nd_err
each_visit(struct article *a, void *arg)
{
	struct each_state *es = arg;
	struct strlist slugs = STRLIST_INIT;
	enum nd_err e;

	if (a->id <= es->last)
		return ND_EINVAL;	/* not in id order */
	es->last = a->id;
	if (++es->seen == es->stop_at)
		return ND_EEXIST;
	/* writing from the callback must work */
	strlist_push(&slugs, "seen");
	e = store_article_set_topics(es->s, a->id, &slugs, NULL);
	strlist_release(&slugs);
	return e;
}

static void
each_visits_all_in_id_order(void **state)
{
	struct store *s = fx_store(state);
	struct each_state es = {s, 0, 0, 0};
	struct article_list l = ARTICLE_LIST_INIT;
	struct article_query q = {"seen", 0, 0, 1000, 0};
	struct nd_error err;
	int i;

	add_topic(s, "seen", "Seen");
	for (i = 0; i < 300; i++) {	/* more than one batch */
		struct buf url = BUF_INIT;

		buf_printf(&url, "https://e.example/%d", i);
		put_free(s, make_article(url.ptr, "e", "Item", NULL, i));
		buf_release(&url);
	}
	assert_int_equal(count(s), 300);
	assert_int_equal(store_article_each(s, each_visit, &es, &err), ND_OK);
	assert_int_equal(es.seen, 300);
	assert_int_equal(store_article_list(s, &q, &l, &err), ND_OK);
	assert_int_equal(l.n, 300);
	article_list_release(&l);
	q.limit = 0;	/* the default page */
	assert_int_equal(store_article_list(s, &q, &l, &err), ND_OK);
	assert_int_equal(l.n, 50);
	article_list_release(&l);
	es.last = 0;
	es.seen = 0;
	es.stop_at = 5;
	assert_int_equal(store_article_each(s, each_visit, &es, &err),
	    ND_EEXIST);
	assert_int_equal(es.seen, 5);
}

static void
count_counts(void **state)
{
	struct store *s = fx_store(state);

	assert_int_equal(count(s), 0);
	put_free(s, make_article("https://c.example/1", "c", "One", NULL, 1));
	put_free(s, make_article("https://c.example/2", "c", "Two", NULL, 1));
	put_free(s, make_article("https://c.example/1", "c", "One'", NULL, 1));
	assert_int_equal(count(s), 2);
}

static void
two_connections_share_the_file(void **state)
{
	struct fixture *f = *state;
	struct store *other;
	struct article *a;
	struct nd_error err;
	int64_t id;
	int v = 0;

	assert_int_equal(store_open(f->dsn.ptr, &other, &err), ND_OK);
	assert_int_equal(store_version(other, &v, &err), ND_OK);
	assert_int_equal(v, store_latest_version());
	id = put_free(f->s, make_article("https://w.example/1", "w", "One",
	    NULL, 1));
	assert_int_equal(store_article_get(other, id, &a, &err), ND_OK);
	assert_string_equal(a->headline, "One");
	article_free(a);
	put_free(other, make_article("https://w.example/1", "w", "Two", NULL,
	    1));
	assert_int_equal(store_article_get(f->s, id, &a, &err), ND_OK);
	assert_string_equal(a->headline, "Two");
	article_free(a);
	store_close(other);
}

#define FX(t) cmocka_unit_test_setup_teardown(t, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(open_creates_folder_and_migrates_once),
		cmocka_unit_test(latest_version_matches_the_migration_list),
		cmocka_unit_test(memory_store_works),
		cmocka_unit_test(postgres_dsn_is_not_built_in),
		cmocka_unit_test(unopenable_paths_are_named),
		FX(ping_answers),
		FX(put_get_round_trips_every_field),
		FX(missing_fields_come_back_null),
		FX(get_unknown_id_is_not_found),
		FX(article_without_url_is_refused),
		FX(unstorable_paragraphs_are_refused),
		FX(same_canonical_url_updates_in_place),
		FX(near_duplicates_from_other_sources_share_a_story),
		FX(article_without_fingerprint_starts_its_own_story),
		FX(list_is_newest_first_with_filters_and_paging),
		FX(search_ranks_and_matches),
		FX(snippets_mark_the_terms),
		FX(topic_get_by_slug),
		FX(search_survives_hostile_syntax),
		FX(search_empty_and_too_long),
		FX(search_follows_updates),
		FX(topics_put_list_rm),
		FX(bad_topics_are_refused),
		FX(removing_a_topic_unlinks_articles),
		FX(unknown_topic_rolls_the_whole_put_back),
		FX(set_topics_replaces_links),
		FX(each_visits_all_in_id_order),
		FX(count_counts),
		FX(two_connections_share_the_file),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
