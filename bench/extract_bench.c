/* extract_bench.c - run extract_html() over HTML files, write each body
 * to OUT/ID.txt (paragraphs joined by newlines) and report speed and
 * field coverage. Only the extract_html() calls are timed.
 *
 *	extract_bench --out DIR FILE.html...
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ingest/extract.h"
#include "store/article.h"
#include "util/buf.h"
#include "util/fileio.h"

struct tally {
	size_t pages, failed, bytes;
	size_t headline, byline, published, image;
	double secs;
};

static double
bench_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* OUT/ID.txt for path ".../ID.html". */
static void
bench_outpath(struct buf *p, const char *out, const char *path)
{
	const char *base = strrchr(path, '/'), *dot;

	base = base ? base + 1 : path;
	dot = strrchr(base, '.');
	buf_clear(p);
	buf_printf(p, "%s/%.*s.txt", out,
	    (int)(dot ? (size_t)(dot - base) : strlen(base)), base);
}

static int
bench_write(const char *path, const struct article *a)
{
	FILE *f = fopen(path, "w");
	size_t i;

	if (f == NULL) {
		fprintf(stderr, "extract_bench: cannot write '%s': %s\n", path,
		    strerror(errno));
		return -1;
	}
	for (i = 0; a && i < a->body.n; i++)
		fprintf(f, "%s\n", a->body.v[i]);
	return fclose(f) == 0 ? 0 : -1;
}

static int
bench_one(const char *path, const char *out, struct tally *t)
{
	struct buf in = BUF_INIT, op = BUF_INIT;
	struct extract_opts opts = { NULL, path, 0 };
	struct article *a = NULL;
	struct nd_error err;
	double t0;
	int rc = -1;

	if (fileio_read(path, EXTRACT_MAX_BYTES, &in, &err) != ND_OK) {
		fprintf(stderr, "extract_bench: %s\n", err.msg);
		goto out;
	}
	t0 = bench_now();
	if (extract_html(in.ptr, in.len, &opts, &a, &err) != ND_OK) {
		fprintf(stderr, "extract_bench: %s\n", err.msg);
		t->failed++;
	}
	t->secs += bench_now() - t0;
	t->pages++;
	t->bytes += in.len;
	if (a) {
		t->headline += a->headline != NULL;
		t->byline += a->byline.n > 0;
		t->published += a->published != 0;
		t->image += a->image_url != NULL;
	}
	bench_outpath(&op, out, path);
	rc = bench_write(op.ptr, a);
out:
	article_free(a);
	buf_release(&in);
	buf_release(&op);
	return rc;
}

static double
bench_pct(size_t k, size_t n)
{
	return n ? 100.0 * (double)k / (double)n : 0;
}

int
main(int argc, char **argv)
{
	struct tally t;
	const char *out = NULL;
	int i = 1, rc = 0;

	memset(&t, 0, sizeof(t));
	if (argc >= 3 && strcmp(argv[1], "--out") == 0) {
		out = argv[2];
		i = 3;
	}
	if (out == NULL || i >= argc) {
		fprintf(stderr, "usage: extract_bench --out DIR FILE.html...\n");
		return 2;
	}
	for (; i < argc; i++)
		if (bench_one(argv[i], out, &t) != 0)
			rc = 1;
	printf("pages %zu (%zu without text), %.1f MB, %.3f s extracting, "
	    "%.0f pages/s, %.1f MB/s\n", t.pages, t.failed,
	    (double)t.bytes / 1e6, t.secs,
	    t.secs > 0 ? (double)t.pages / t.secs : 0,
	    t.secs > 0 ? (double)t.bytes / 1e6 / t.secs : 0);
	printf("coverage: headline %.0f%%, byline %.0f%%, published %.0f%%, "
	    "image %.0f%%\n", bench_pct(t.headline, t.pages),
	    bench_pct(t.byline, t.pages), bench_pct(t.published, t.pages),
	    bench_pct(t.image, t.pages));
	return rc;
}
