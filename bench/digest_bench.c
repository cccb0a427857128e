/* digest_bench.c - build a synthetic store (READERS readers following 1
 * to 8 of TOPICS topics, popularity skewed: topic k is picked with
 * weight 1/(k+1); ARTICLES new articles) and time `digest --dry-run`:
 * every digest selected, grouped, rendered and composed with GMime into
 * a discarding sink. Prints digests/s and peak memory.
 *
 *	build/bench/digest_bench DIR [READERS [TOPICS [ARTICLES]]]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

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

/* A topic index skewed toward small k (weights 1/(k+1)). */
static int
bench_topic(int ntopics)
{
	double u = (double)rand() / RAND_MAX;

	return (int)(ntopics * u * u * u) % ntopics;
}

static void
bench_fill(struct store *s, int nreaders, int ntopics, int narticles)
{
	struct nd_error err;
	char slug[32], name[32], url[64], email[64];
	int i, k, n;

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
		snprintf(slug, sizeof(slug), "t%d", bench_topic(ntopics));
		strlist_push(&a->topics, slug);
		if (store_article_put(s, a, &what, &err) != ND_OK)
			exit((fprintf(stderr, "%s\n", err.msg), 1));
		article_free(a);
	}
	for (i = 0; i < nreaders; i++) {
		struct reader r;

		memset(&r, 0, sizeof(r));
		snprintf(email, sizeof(email), "r%d@example.org", i);
		r.email = email;
		r.tz = (char *)(i % 3 ? "Europe/Berlin" : "UTC");
		r.lang = (char *)(i % 4 ? "en" : "de");
		r.hour = 5;
		r.confirmed_at = 1;
		n = 1 + rand() % 8;
		for (k = 0; k < n; k++) {
			snprintf(slug, sizeof(slug), "t%d", bench_topic(ntopics));
			if (!strlist_has(&r.topics, slug))
				strlist_push(&r.topics, slug);
		}
		if (store_reader_put(s, &r, 1, &err) != ND_OK)
			exit((fprintf(stderr, "%s\n", err.msg), 1));
		strlist_release(&r.topics);
	}
}

int
main(int argc, char **argv)
{
	int nreaders = argc > 2 ? (int)strtol(argv[2], NULL, 10) : 20000;
	int ntopics = argc > 3 ? (int)strtol(argv[3], NULL, 10) : 200;
	int narticles = argc > 4 ? (int)strtol(argv[4], NULL, 10) : 4000;
	struct digest_opts o;
	struct digest_stats st;
	struct nd_error err;
	struct rusage ru;
	struct store *s;
	char path[512];
	double t0, t1;

	if (argc < 2 || nreaders <= 0 || ntopics <= 0 || narticles <= 0)
		return (fputs("usage: digest_bench DIR [READERS [TOPICS "
		    "[ARTICLES]]]\n", stderr), 2);
	snprintf(path, sizeof(path), "%s/bench.db", argv[1]);
	srand(1);
	if (store_open(path, &s, &err) != ND_OK ||
	    store_migrate(s, NULL, NULL, &err) != ND_OK)
		return (fprintf(stderr, "%s\n", err.msg), 1);
	t0 = bench_now();
	bench_fill(s, nreaders, ntopics, narticles);
	printf("store: %d readers, %d topics, %d articles in %.1f s\n",
	    nreaders, ntopics, narticles, bench_now() - t0);
	digest_opts_init(&o);
	o.now = BENCH_NOW;
	o.dry_run = 1;
	o.from = "digest@news.example";
	t0 = bench_now();
	if (digest_run(s, NULL, &o, &st, &err) != ND_OK)
		return (fprintf(stderr, "%s\n", err.msg), 1);
	t1 = bench_now();
	getrusage(RUSAGE_SELF, &ru);
	printf("digest --dry-run: %zu digests built in %.2f s = %.0f "
	    "digests/s; %zu bodies rendered, %.1f MB composed; peak RSS "
	    "%ld MB\n", st.built, t1 - t0, (double)st.built / (t1 - t0),
	    st.groups, (double)st.bytes / 1e6, ru.ru_maxrss / 1024);
	store_close(s);
	return 0;
}
