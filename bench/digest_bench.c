/* digest_bench.c - build a synthetic store (READERS readers following 1
 * to 8 of TOPICS topics, popularity skewed: topic k is picked with
 * weight 1/(k+1); ARTICLES new articles) and time `digest --dry-run`:
 * every digest selected, grouped, rendered and composed with GMime into
 * a discarding sink. Prints digests/s and peak memory.
 *
 *	build/bench/digest_bench DIR [READERS [TOPICS [ARTICLES]]]
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "mail/deliver.h"
#include "mail/digest.h"
#include "store/store.h"
#include "util/xalloc.h"

#define BENCH_NOW	1774762200	/* 2026-03-29T05:30Z */

static double
bench_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A small deterministic generator (xorshift64*), [0, 1). */
static uint64_t bench_seed = 0x9e3779b97f4a7c15ull;

static double
bench_rand(void)
{
	bench_seed ^= bench_seed >> 12;
	bench_seed ^= bench_seed << 25;
	bench_seed ^= bench_seed >> 27;
	return (double)((bench_seed * 2685821657736338717ull) >> 11) /
	    9007199254740992.0;
}

/* Zipf popularity: topic k (0-based) with weight 1/(k+1)^BENCH_ZIPF,
 * drawn from the cumulative weights cdf[0..n). */
#define BENCH_ZIPF	1.1

static double *
bench_zipf(int n)
{
	double *cdf = xcalloc((size_t)n, sizeof(*cdf)), sum = 0;
	int k;

	for (k = 0; k < n; k++)
		cdf[k] = (sum += pow(k + 1, -BENCH_ZIPF));
	for (k = 0; k < n; k++)
		cdf[k] /= sum;
	return cdf;
}

static int
bench_topic(const double *cdf, int n)
{
	double u = bench_rand();
	int lo = 0, hi = n - 1, mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (cdf[mid] < u)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* How many topics a reader follows: 1 to 8, fewer more often (weight
 * 1/n: a third follow one, 4 % follow eight). */
static int
bench_count(void)
{
	static const double cdf[8] = {0.368, 0.552, 0.675, 0.767, 0.840,
	    0.902, 0.954, 1.0};
	double u = bench_rand();
	int n = 0;

	while (n < 7 && cdf[n] < u)
		n++;
	return n + 1;
}

static void
bench_die(sqlite3 *db, const char *what)
{
	fprintf(stderr, "digest_bench: %s: %s\n", what, sqlite3_errmsg(db));
	exit(1);
}

static void
bench_exec(sqlite3 *db, const char *sql)
{
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
		bench_die(db, sql);
}

/* One reader and their topics through the prepared statements. */
static void
bench_reader(sqlite3 *db, sqlite3_stmt *rd, sqlite3_stmt *rt, int i,
    const double *cdf, const int64_t *ids, int ntopics)
{
	char email[64];
	int64_t id = i + 1;
	int k, n = bench_count(), t[8], j, dup;

	snprintf(email, sizeof(email), "r%d@example.org", i);
	sqlite3_bind_int64(rd, 1, id);
	sqlite3_bind_text(rd, 2, email, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(rd, 3, i % 4 ? "en" : "de", -1, SQLITE_STATIC);
	sqlite3_bind_text(rd, 4, i % 3 ? "Europe/Berlin" : "UTC", -1,
	    SQLITE_STATIC);
	if (sqlite3_step(rd) != SQLITE_DONE)
		bench_die(db, "insert reader");
	sqlite3_reset(rd);
	for (k = 0; k < n; k++) {
		t[k] = bench_topic(cdf, ntopics);
		for (dup = 0, j = 0; j < k; j++)
			dup |= t[j] == t[k];
		if (dup)
			continue;
		sqlite3_bind_int64(rt, 1, id);
		sqlite3_bind_int64(rt, 2, ids[t[k]]);
		if (sqlite3_step(rt) != SQLITE_DONE)
			bench_die(db, "insert reader topic");
		sqlite3_reset(rt);
	}
}

/* Readers straight into the file in one transaction (the store API
 * takes one transaction per reader: minutes for a million). */
static void
bench_readers(const char *path, int nreaders, const double *cdf,
    int ntopics)
{
	sqlite3 *db;
	sqlite3_stmt *rd, *rt;
	int64_t *ids = xcalloc((size_t)ntopics, sizeof(*ids));
	int i;

	if (sqlite3_open(path, &db) != SQLITE_OK)
		bench_die(db, path);
	if (sqlite3_prepare_v2(db, "SELECT id, substr(slug, 2) FROM topics",
	    -1, &rt, NULL) != SQLITE_OK)
		bench_die(db, "prepare");
	while (sqlite3_step(rt) == SQLITE_ROW)
		if ((i = sqlite3_column_int(rt, 1)) >= 0 && i < ntopics)
			ids[i] = sqlite3_column_int64(rt, 0);
	sqlite3_finalize(rt);
	bench_exec(db, "PRAGMA synchronous = OFF; BEGIN");
	if (sqlite3_prepare_v2(db, "INSERT INTO readers (id, email, lang, tz, "
	    "hour, confirmed_at, created) VALUES (?, ?, ?, ?, 5, 1, 1)", -1,
	    &rd, NULL) != SQLITE_OK || sqlite3_prepare_v2(db, "INSERT INTO "
	    "reader_topics (reader_id, topic_id) VALUES (?, ?)", -1, &rt,
	    NULL) != SQLITE_OK)
		bench_die(db, "prepare");
	for (i = 0; i < nreaders; i++)
		bench_reader(db, rd, rt, i, cdf, ids, ntopics);
	sqlite3_finalize(rd);
	sqlite3_finalize(rt);
	bench_exec(db, "COMMIT");
	sqlite3_close(db);
	free(ids);
}

/* Distinct (language, zone, topic set) among the readers. */
static long
bench_groups(const char *path)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	long n = -1;

	if (sqlite3_open(path, &db) != SQLITE_OK)
		bench_die(db, path);
	if (sqlite3_prepare_v2(db, "SELECT count(*) FROM (SELECT DISTINCT "
	    "lang, tz, ts FROM readers JOIN (SELECT reader_id, "
	    "group_concat(topic_id) AS ts FROM (SELECT reader_id, topic_id "
	    "FROM reader_topics ORDER BY reader_id, topic_id) GROUP BY "
	    "reader_id) ON reader_id = id)", -1, &st, NULL) != SQLITE_OK)
		bench_die(db, "prepare");
	if (sqlite3_step(st) == SQLITE_ROW)
		n = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return n;
}

static void
bench_fill(struct store *s, const char *path, int nreaders, int ntopics,
    int narticles)
{
	struct nd_error err;
	char slug[32], name[32], url[64];
	double *cdf = bench_zipf(ntopics);
	int i;

	for (i = 0; i < ntopics; i++) {
		struct topic t = {0, slug, name, "x"};

		snprintf(slug, sizeof(slug), "t%d", i);
		snprintf(name, sizeof(name), "Topic %d", i);
		if (store_topic_put(s, &t, &err) != ND_OK)
			exit((fprintf(stderr, "%s\n", err.msg), 1));
	}
	for (i = 0; i < narticles; i++) {
		struct article *a = article_new();
		enum store_put what;

		snprintf(url, sizeof(url), "https://wire.example/%d", i);
		a->url = xstrdup(url);
		a->headline = xstrdup("A headline of the usual length here");
		a->standfirst = xstrdup("The standfirst says what happened "
		    "and why it matters to the reader.");
		a->source = xstrdup("Wire");
		a->published = BENCH_NOW - 1 - (i % 80000);
		snprintf(slug, sizeof(slug), "t%d", bench_topic(cdf, ntopics));
		strlist_push(&a->topics, slug);
		if (store_article_put(s, a, &what, &err) != ND_OK)
			exit((fprintf(stderr, "%s\n", err.msg), 1));
		article_free(a);
	}
	bench_readers(path, nreaders, cdf, ntopics);
	free(cdf);
}

static double
bench_cpu(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
	    (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
}

/* Build every digest into the discarding sink (dry run). */
static int
bench_build(struct store *s, struct digest_opts *o)
{
	struct digest_stats st;
	struct nd_error err;
	struct rusage ru;
	double t0, t1, c0 = bench_cpu();

	o->dry_run = 1;
	t0 = bench_now();
	if (digest_run(s, NULL, o, &st, &err) != ND_OK)
		return (fprintf(stderr, "%s\n", err.msg), 1);
	t1 = bench_now();
	getrusage(RUSAGE_SELF, &ru);
	printf("digest --dry-run: %zu digests built in %.2f s = %.0f "
	    "digests/s (CPU %.2f s); %zu bodies rendered, %.1f MB composed; "
	    "peak RSS %ld MB\n", st.built, t1 - t0, (double)st.built /
	    (t1 - t0), bench_cpu() - c0, st.groups, (double)st.bytes / 1e6,
	    ru.ru_maxrss / 1024);
	return 0;
}

/* Send every digest through the relay at url (claims, SMTP, marks). */
static int
bench_smtp(struct store *s, struct digest_opts *o, const char *url,
    int conns)
{
	struct deliver_opts dopts = {conns, 0, 0, 60};
	struct digest_stats st;
	struct nd_error err;
	struct deliver *d;
	double t0, t1, c0;

	if (deliver_open(url, &dopts, &d, &err) != ND_OK)
		return (fprintf(stderr, "%s\n", err.msg), 1);
	o->dry_run = 0;
	c0 = bench_cpu();
	t0 = bench_now();
	if (digest_run(s, d, o, &st, &err) != ND_OK)
		return (fprintf(stderr, "%s\n", err.msg), 1);
	t1 = bench_now();
	deliver_close(d);
	printf("digest --deliver %s (%d connections): %zu sent, %zu retry, "
	    "%zu failed in %.2f s = %.0f messages/s; %.1f MB; newsdesk CPU "
	    "%.2f s\n", url, conns, st.sent, st.retry, st.failed, t1 - t0,
	    (double)st.sent / (t1 - t0), (double)st.bytes / 1e6,
	    bench_cpu() - c0);
	return st.sent > 0 ? 0 : 1;
}

int
main(int argc, char **argv)
{
	const char *url = NULL;
	int conns = 4, nreaders, ntopics, narticles, reuse;
	struct digest_opts o;
	struct nd_error err;
	struct store *s;
	char path[512];
	double t0;

	if (argc > 3 && strcmp(argv[1], "--smtp") == 0) {
		url = argv[2];
		conns = (int)strtol(argv[3], NULL, 10);
		argc -= 3;
		argv += 3;
	}
	nreaders = argc > 2 ? (int)strtol(argv[2], NULL, 10) : 20000;
	ntopics = argc > 3 ? (int)strtol(argv[3], NULL, 10) : 200;
	narticles = argc > 4 ? (int)strtol(argv[4], NULL, 10) : 4000;
	if (argc < 2 || nreaders <= 0 || ntopics <= 0 || narticles <= 0 ||
	    conns <= 0)
		return (fputs("usage: digest_bench [--smtp URL CONNECTIONS] DIR "
		    "[READERS [TOPICS [ARTICLES]]]\n", stderr), 2);
	snprintf(path, sizeof(path), "%s/bench.db", argv[1]);
	reuse = access(path, F_OK) == 0;
	if (store_open(path, &s, &err) != ND_OK ||
	    store_migrate(s, NULL, NULL, &err) != ND_OK)
		return (fprintf(stderr, "%s\n", err.msg), 1);
	t0 = bench_now();
	if (!reuse)
		bench_fill(s, path, nreaders, ntopics, narticles);
	printf("store: %d readers, %d topics, %d articles in %.1f s%s; %ld "
	    "distinct groups (language, zone, topic set)\n", nreaders,
	    ntopics, narticles, bench_now() - t0, reuse ? " (reused)" : "",
	    bench_groups(path));
	fflush(stdout);
	digest_opts_init(&o);
	o.now = BENCH_NOW;
	o.from = "digest@news.example";
	if (getenv("BENCH_PAGE"))	/* readers per page (5000) */
		o.page = (size_t)strtol(getenv("BENCH_PAGE"), NULL, 10);
	if (url ? bench_smtp(s, &o, url, conns) : bench_build(s, &o))
		return 1;
	store_close(s);
	return 0;
}
