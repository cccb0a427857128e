/* extract_bench.c - the in-process driver of bench/extract.
 *
 *	extract_bench --out DIR [--html-only] FILE.html...
 *
 * Phase 1 runs extract_html() over every page, writes the body to
 * DIR/html/ID.txt (paragraphs joined by newlines) and the article's JSON
 * to DIR/fields/ID.json, and reports speed and the peak resident size
 * after this phase (getrusage ru_maxrss). Only the extract_html() calls
 * are timed.
 *
 * Phase 2 makes two flattened copies of each page, as web crawl dumps
 * do: the text of <body> a reader could see without CSS (no head,
 * script, style, template, noscript, embedded objects, media fallback
 * or form-control values; button labels are kept) with no markup left.
 * "lines": each block boundary (p, div, li, headings, br...) becomes a
 * newline, written to DIR/flat/ID.txt, body to DIR/text/ID.txt.
 * "run": each block boundary becomes one space, so blocks run together
 * on one line, written to DIR/flat-run/ID.txt, body to
 * DIR/text-run/ID.txt. extract_text() runs over both.
 *
 * --html-only stops after phase 1 (bench/extract's extra speed rounds).
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include <jansson.h>
#include <libxml/HTMLparser.h>

#include "ingest/extract.h"
#include "ingest/htmlparse.h"
#include "ingest/htmlwalk.h"
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

/* OUT/SUB/ID.EXT for path ".../ID.html". */
static void
bench_outpath(struct buf *p, const char *out, const char *sub,
    const char *path, const char *ext)
{
	const char *base = strrchr(path, '/'), *dot;

	base = base ? base + 1 : path;
	dot = strrchr(base, '.');
	buf_clear(p);
	buf_printf(p, "%s/%s/%.*s.%s", out, sub,
	    (int)(dot ? (size_t)(dot - base) : strlen(base)), base, ext);
}

static FILE *
bench_open(const char *path)
{
	FILE *f = fopen(path, "w");

	if (f == NULL)
		fprintf(stderr, "extract_bench: cannot write '%s': %s\n", path,
		    strerror(errno));
	return f;
}

static int
bench_write_body(const char *path, const struct article *a)
{
	FILE *f = bench_open(path);
	size_t i;

	if (f == NULL)
		return -1;
	for (i = 0; a && i < a->body.n; i++)
		fprintf(f, "%s\n", a->body.v[i]);
	return fclose(f) == 0 ? 0 : -1;
}

static int
bench_write_json(const char *path, const struct article *a)
{
	json_t *j;
	int rc;

	if (a == NULL)
		return 0;
	j = article_to_json(a, 0);
	rc = json_dump_file(j, path, JSON_COMPACT);
	json_decref(j);
	return rc;
}

typedef enum nd_err (*bench_fn)(const char *, size_t,
    const struct extract_opts *, struct article **, struct nd_error *);

/* Run fn over the file at in, time it, write the body to out/sub/ID.txt
 * (and the fields to out/FIELDS/ID.json when fields is not NULL). */
static int
bench_one(bench_fn fn, const char *in, const char *path, const char *out,
    const char *sub, const char *fields, struct tally *t)
{
	struct buf data = BUF_INIT, op = BUF_INIT;
	struct extract_opts opts = { NULL, path, 0 };
	struct article *a = NULL;
	struct nd_error err;
	double t0;
	int rc = -1;

	if (fileio_read(in, EXTRACT_MAX_BYTES, &data, &err) != ND_OK) {
		fprintf(stderr, "extract_bench: %s\n", err.msg);
		goto out;
	}
	t0 = bench_now();
	if (fn(data.ptr, data.len, &opts, &a, &err) != ND_OK) {
		fprintf(stderr, "extract_bench: %s\n", err.msg);
		t->failed++;
	}
	t->secs += bench_now() - t0;
	t->pages++;
	t->bytes += data.len;
	if (a) {
		t->headline += a->headline != NULL;
		t->byline += a->byline.n > 0;
		t->published += a->published != 0;
		t->image += a->image_url != NULL;
	}
	bench_outpath(&op, out, sub, path, "txt");
	rc = bench_write_body(op.ptr, a);
	if (fields) {
		bench_outpath(&op, out, fields, path, "json");
		rc |= bench_write_json(op.ptr, a);
	}
out:
	article_free(a);
	buf_release(&data);
	buf_release(&op);
	return rc;
}

/* Flattening: text of the tree with a newline (or a space, in the
 * "run" variant) at every block edge. Buttons are visible labels. The
 * flattened copies are made with libxml2, independent of the parser the
 * HTML extractor uses. */
static enum htmltag
bench_tag(const xmlNode *n)
{
	if (n->type != XML_ELEMENT_NODE || n->name == NULL)
		return TAG_OTHER;
	return htmlparse_tag((const char *)n->name,
	    strlen((const char *)n->name));
}

static int
bench_flat_skip(enum htmltag t)
{
	return t != TAG_BUTTON && htmlwalk_is_hidden(t);
}

static void
bench_flat_text(struct buf *b, const char *s)
{
	for (; s && *s; s++) {
		char c = *s == '\t' || *s == '\r' || *s == '\n' ? ' ' : *s;

		if (c == ' ' && (b->len == 0 || b->ptr[b->len - 1] == ' ' ||
		    b->ptr[b->len - 1] == '\n'))
			continue;
		buf_putc(b, c);
	}
}

static void
bench_flat_break(struct buf *b, int run)
{
	if (run) {
		if (b->len && b->ptr[b->len - 1] != ' ')
			buf_putc(b, ' ');
		return;
	}
	while (b->len && b->ptr[b->len - 1] == ' ')
		b->ptr[--b->len] = '\0';
	if (b->len && b->ptr[b->len - 1] != '\n')
		buf_putc(b, '\n');
}

static void
bench_flatten(xmlNode *n, struct buf *b, int depth, int run)
{
	enum htmltag t;

	for (; n; n = n->next) {
		if (n->type == XML_TEXT_NODE) {
			bench_flat_text(b, (const char *)n->content);
			continue;
		}
		if (n->type != XML_ELEMENT_NODE)
			continue;
		t = bench_tag(n);
		if (bench_flat_skip(t))
			continue;
		if (htmlwalk_is_block(t) || t == TAG_BR)
			bench_flat_break(b, run);
		if (depth < EXTRACT_MAX_DEPTH)
			bench_flatten(n->children, b, depth + 1, run);
		if (htmlwalk_is_block(t))
			bench_flat_break(b, run);
	}
}

static int
bench_flat_one(const char *path, const char *out, int run, struct buf *fp)
{
	const int flags = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
	    HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_COMPACT;
	struct buf in = BUF_INIT, text = BUF_INIT;
	struct nd_error err;
	htmlDocPtr doc = NULL;
	FILE *f;
	int rc = -1;

	if (fileio_read(path, EXTRACT_MAX_BYTES, &in, &err) != ND_OK ||
	    in.len > INT_MAX)
		goto out;
	doc = htmlReadMemory(in.ptr, (int)in.len, NULL, "UTF-8", flags);
	if (doc && xmlDocGetRootElement(doc))
		bench_flatten(xmlDocGetRootElement(doc), &text, 0, run);
	bench_outpath(fp, out, run ? "flat-run" : "flat", path, "txt");
	if ((f = bench_open(fp->ptr)) == NULL)
		goto out;
	fwrite(text.ptr, 1, text.len, f);
	rc = fclose(f) == 0 ? 0 : -1;
out:
	xmlFreeDoc(doc);
	buf_release(&in);
	buf_release(&text);
	return rc;
}

static double
bench_pct(size_t k, size_t n)
{
	return n ? 100.0 * (double)k / (double)n : 0;
}

static void
bench_report(const char *what, const struct tally *t)
{
	printf("%s: pages %zu (%zu without text), %.1f MB, %.3f s extracting, "
	    "%.0f pages/s, %.1f MB/s\n", what, t->pages, t->failed,
	    (double)t->bytes / 1e6, t->secs,
	    t->secs > 0 ? (double)t->pages / t->secs : 0,
	    t->secs > 0 ? (double)t->bytes / 1e6 / t->secs : 0);
}

static long
bench_maxrss_kb(void)
{
	struct rusage ru;

	return getrusage(RUSAGE_SELF, &ru) == 0 ? ru.ru_maxrss : 0;
}

/* Phase 1: extract_html() over every page; 0 when every page was read
 * and written. */
static int
bench_html(char **files, int n, const char *out)
{
	struct tally th;
	int i, rc = 0;

	memset(&th, 0, sizeof(th));
	for (i = 0; i < n; i++)
		if (bench_one(extract_html, files[i], files[i], out, "html",
		    "fields", &th) != 0)
			rc = 1;
	bench_report("html", &th);
	printf("html: peak memory %.1f MB (ru_maxrss of the driver after "
	    "the html phase)\n", (double)bench_maxrss_kb() / 1024);
	printf("html: found headline %.0f%%, byline %.0f%%, published %.0f%%, "
	    "image %.0f%%\n", bench_pct(th.headline, th.pages),
	    bench_pct(th.byline, th.pages), bench_pct(th.published, th.pages),
	    bench_pct(th.image, th.pages));
	return rc;
}

int
main(int argc, char **argv)
{
	struct tally tt, tr;
	struct buf fp = BUF_INIT;
	const char *out = NULL;
	int i, first = 3, rc = 0, html_only = 0;

	memset(&tt, 0, sizeof(tt));
	memset(&tr, 0, sizeof(tr));
	if (argc >= 3 && strcmp(argv[1], "--out") == 0)
		out = argv[2];
	if (first < argc && strcmp(argv[first], "--html-only") == 0) {
		html_only = 1;
		first++;
	}
	if (out == NULL || first >= argc) {
		fprintf(stderr, "usage: extract_bench --out DIR [--html-only] "
		    "FILE.html...\n");
		return 2;
	}
	rc = bench_html(argv + first, argc - first, out);
	if (html_only)
		return rc;
	for (i = first; i < argc; i++) {
		if (bench_flat_one(argv[i], out, 0, &fp) != 0 ||
		    bench_one(extract_text, fp.ptr, argv[i], out, "text",
		    "fields-text", &tt) != 0)
			rc = 1;
		if (bench_flat_one(argv[i], out, 1, &fp) != 0 ||
		    bench_one(extract_text, fp.ptr, argv[i], out, "text-run",
		    "fields-run", &tr) != 0)
			rc = 1;
	}
	bench_report("text", &tt);
	bench_report("text-run", &tr);
	buf_release(&fp);
	return rc;
}
