/* parse_bench.c - parse-only speed of the HTML parsers on the same pages
 * in the same run: libxml2's HTML parser, gumbo (when built with
 * HAVE_GUMBO) and ours (src/ingest/htmlparse.c). Files are read before
 * timing; each page is parsed and freed ROUNDS times; the median round
 * is reported.
 *
 *	parse_bench [-r ROUNDS] FILE.html...
 */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/HTMLparser.h>
#ifdef HAVE_GUMBO
#include <gumbo.h>
#endif

#include "ingest/htmlparse.h"
#include "util/buf.h"
#include "util/fileio.h"

#define PB_MAX_ROUNDS	31

struct page {
	struct buf b;
};

static double
pb_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void
pb_libxml2(const struct buf *b)
{
	const int flags = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
	    HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_COMPACT;
	htmlDocPtr d;

	if (b->len > INT_MAX)
		return;
	d = htmlReadMemory(b->ptr, (int)b->len, NULL, "UTF-8", flags);
	xmlFreeDoc(d);
}

#ifdef HAVE_GUMBO
static void
pb_gumbo(const struct buf *b)
{
	GumboOutput *o = gumbo_parse_with_options(&kGumboDefaultOptions,
	    b->ptr, b->len);

	gumbo_destroy_output(&kGumboDefaultOptions, o);
}
#endif

static void
pb_ours(const struct buf *b)
{
	struct html_doc *d;

	if (htmlparse(b->ptr, b->len, NULL, &d, NULL) == ND_OK)
		htmlparse_free(d);
}

static int
pb_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static void
pb_run(const char *name, void (*fn)(const struct buf *),
    const struct page *v, size_t n, int rounds)
{
	double t[PB_MAX_ROUNDS], t0;
	size_t i;
	int r;

	for (r = 0; r < rounds; r++) {
		t0 = pb_now();
		for (i = 0; i < n; i++)
			fn(&v[i].b);
		t[r] = pb_now() - t0;
	}
	qsort(t, (size_t)rounds, sizeof(t[0]), pb_cmp);
	printf("parse %-8s %8.0f pages/s (median of %d rounds, %.1f ms a "
	    "round)\n", name, (double)n / t[rounds / 2], rounds,
	    t[rounds / 2] * 1e3);
}

int
main(int argc, char **argv)
{
	struct page *v;
	struct nd_error err;
	int i = 1, rounds = 5;
	size_t n = 0;

	if (argc > 2 && strcmp(argv[1], "-r") == 0) {
		rounds = (int)strtol(argv[2], NULL, 10);
		if (rounds < 1 || rounds > PB_MAX_ROUNDS)
			rounds = 5;
		i = 3;
	}
	if (i >= argc) {
		fprintf(stderr, "usage: parse_bench [-r ROUNDS] FILE.html...\n");
		return 2;
	}
	v = calloc((size_t)(argc - i), sizeof(*v));
	for (; i < argc; i++) {
		buf_init(&v[n].b, SIZE_MAX);
		if (fileio_read(argv[i], 1u << 26, &v[n].b, &err) != ND_OK) {
			fprintf(stderr, "parse_bench: %s\n", err.msg);
			continue;
		}
		n++;
	}
	pb_run("libxml2", pb_libxml2, v, n, rounds);
#ifdef HAVE_GUMBO
	pb_run("gumbo", pb_gumbo, v, n, rounds);
#endif
	pb_run("ours", pb_ours, v, n, rounds);
	for (i = 0; (size_t)i < n; i++)
		buf_release(&v[i].b);
	free(v);
	return 0;
}
